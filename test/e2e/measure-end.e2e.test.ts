/**
 * Browser journey of issue 7, the end of a court measure (route C; RIJ-DEC-MEASURE-END,
 * RIJ-TERM-RVDK-OTS): a jeugdbeschermer in Rijnmond ends an OTS. The planned end lies about 20
 * weeks ahead; the case page shows the RvdK review due exactly 10 weeks before it. After the
 * teamtafel and the afsluitrapportage, completing is refused naming the RvdK rule and the
 * casusregie condition; after the review and the warm handover of casusregie to the local team's
 * casusregisseur (joint meeting recorded), completing succeeds. axe-core runs on every state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const PROTECTOR = 'jeugdbeschermer.rij@demo.casusregie.nl';
const REGISSEUR = 'casusregisseur.rij@demo.casusregie.nl';

/** `YYYY-MM-DD` plus a number of calendar days. */
const plusDays = (iso: string, days: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
const dutch = (iso: string) => iso.split('-').reverse().join('-');

describe('the end of a court measure in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('a jeugdbeschermer completes the end of an OTS only after the RvdK review and the handover', async () => {
    const url = journey.server.url;
    const db = journey.server.db;
    const now = amsterdamNow();
    const today = now.date.split('-').reverse().join('-');
    const regisseur = await db
      .selectFrom('staff')
      .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
      .select(['staff.name', 'organisation.name as team'])
      .where('staff.email', '=', REGISSEUR)
      .executeTakeFirstOrThrow();

    // Set-up over the API: an OTS family registered by the GI, with the planned end of the
    // measure 20 weeks ahead, recorded half an hour ago.
    const gi = await apiSession((await journey.context()).request, url, PROTECTOR);
    const created = await gi.post('/casussen', {
      route: 'C',
      regio: 'RIJ',
      segment: 'ambulant',
      maatregel: 'ots',
      gezin: { naam: 'Gezin de Wit' },
      jeugdigen: [{ naam: 'Sem de Wit', geboortedatum: `${now.year - 12}-02-14`, bsn: freshBsn() }],
      ouders: [{ naam: 'Eva de Wit', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 7_200_000).toISOString(),
      rechterlijkeOpdracht: { datum: plusDays(today, -7) },
    });
    const caseId = String(created['id']);
    const plannedEnd = plusDays(today, 20 * 7);
    await gi.post(`/casussen/${caseId}/gebeurtenissen`, {
      type: 'maatregel-einde',
      op: new Date(Date.now() - 1_800_000).toISOString(),
      datum: plannedEnd,
    });
    // RIJ-TERM-RVDK-OTS: 10 weeks before the planned end.
    const reviewDue = dutch(plusDays(plannedEnd, -10 * 7));

    const page = await journey.page(await journey.context());
    await page.goto(`${url}/inloggen`);
    await new LoginPage(page).logIn(PROTECTOR, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.goto(`${url}/casussen/${caseId}`);
    const section = page.getByRole('region', { name: 'Einde maatregel' });
    await section.getByRole('button', { name: 'Afsluiting starten' }).waitFor();
    const dates = await section.locator('dl').first().innerText();
    expect(dates).toContain(dutch(plannedEnd));
    const review = section.locator('[data-regel="RIJ-TERM-RVDK-OTS"]');
    expect(await review.innerText()).toContain(reviewDue);
    expect(await review.innerText()).toContain('RIJ-TERM-RVDK-OTS');
    // The same deadline in the case's deadline table.
    const row = page.locator('tr[data-regel="RIJ-TERM-RVDK-OTS"]');
    expect(await row.innerText()).toContain(reviewDue);
    await expectAccessible(page);

    // Start, the closing teamtafel and the afsluitrapportage.
    await section.getByLabel('Naar een casusregisseur van het lokale team').check();
    await section.getByRole('button', { name: 'Afsluiting starten' }).click();
    await section.getByRole('heading', { name: 'Voorwaarden om af te ronden' }).waitFor();
    await expectAccessible(page);

    await section.getByLabel('Datum van de teamtafel').fill(now.date);
    await section.getByLabel('Eva de Wit (ouder)').check();
    await section.getByLabel('Sem de Wit (jeugdige)').check();
    await section
      .getByLabel('Toekomstige casusregisseur')
      .fill(`${regisseur.name}, ${regisseur.team}`);
    await section.getByLabel('Andere ketenpartners').fill('school, huisarts');
    await section
      .getByLabel('Gemaakte afspraken')
      .fill('Het wijkteam neemt de casusregie over; de hulp thuis loopt door tot de zomer.');
    await section.getByRole('button', { name: 'Teamtafel vastleggen' }).click();
    await section.getByText('De afsluitende teamtafel is vastgelegd.').waitFor();

    await section
      .getByLabel('Inzet in de afgelopen periode')
      .fill('Anderhalf jaar OTS: de thuissituatie is veilig en Sem gaat weer naar school.');
    await section.getByLabel('Doel 1', { exact: true }).fill('Sem gaat elke schooldag naar school');
    await section.getByLabel('Wie (doel 1)').fill('Eva de Wit');
    await section
      .getByLabel('Wat (doel 1)')
      .fill('brengt Sem naar school en meldt ziekte voor acht uur');
    await section.getByLabel('Uiterlijk op (doel 1)').fill(dutch(plusDays(today, 90)));
    await section.getByLabel('Ja, de cliënt stemt in').check();
    await section.getByRole('button', { name: 'Afsluitrapportage vastleggen' }).click();
    await section.getByText('De afsluitrapportage is vastgelegd.').waitFor();
    await expectAccessible(page);

    // Completing now is refused: no RvdK review yet, casusregie still with the GI.
    await section.getByRole('button', { name: 'Einde maatregel afronden' }).click();
    const refusal = section.getByRole('alert').filter({ hasText: 'kan nog niet' });
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toContain('RIJ-TERM-RVDK-OTS');
    expect(text).toContain('casusregie ligt nog niet bij een casusregisseur van het lokale team');
    expect(text).not.toContain('teamtafel');
    await expectAccessible(page);

    // The RvdK reviews the closure.
    const events = page.getByRole('region', { name: 'Gebeurtenis vastleggen' });
    await events
      .getByLabel('Wat is er gebeurd')
      .selectOption({ label: 'Toetsing Raad voor de Kinderbescherming' });
    await events.getByRole('button', { name: 'Vastleggen' }).click();
    await events.getByText(/Vastgelegd: Toetsing Raad voor de Kinderbescherming/).waitFor();
    await section
      .locator('[data-voorwaarde="rvdk-toetsing"]')
      .getByText('voldaan', { exact: true })
      .waitFor();

    // The warm handover of casusregie to the local team's casusregisseur.
    const handover = page.getByRole('region', { name: 'Warme overdracht van de casusregie' });
    await handover.getByLabel('Organisatie').selectOption({ label: regisseur.team });
    await handover.getByLabel('Nieuwe casusregisseur').selectOption({ label: regisseur.name });
    await handover
      .getByLabel('Reden')
      .fill('De OTS loopt af; het wijkteam neemt de casusregie over.');
    await handover.getByRole('button', { name: 'Overdracht starten' }).click();
    await handover.getByRole('button', { name: 'Gesprek vastleggen' }).waitFor();
    await handover.getByLabel(/Oude casusregisseur/).check();
    await handover.getByLabel(new RegExp(`Nieuwe casusregisseur \\(${regisseur.name}\\)`)).check();
    await handover.getByLabel('Eva de Wit (ouder)').check();
    await handover
      .getByLabel('Wat is overgedragen en afgesproken')
      .fill('Afsluitende teamtafel: plan, afspraken en afsluitrapportage samen doorgenomen.');
    await handover.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    await handover.getByText('De overdracht kan nu worden afgerond.').first().waitFor();
    await handover.getByRole('button', { name: 'Overdracht afronden' }).click();
    await handover.getByRole('heading', { name: 'Eerdere overdrachten' }).waitFor();
    await section
      .locator('[data-voorwaarde="casusregie"]')
      .getByText('voldaan', { exact: true })
      .waitFor();
    await expectAccessible(page);

    // The GI still holds procesregie and completes.
    await section.getByRole('button', { name: 'Einde maatregel afronden' }).click();
    await section.getByText('Het einde van de maatregel is afgerond').waitFor();
    expect(await section.getByText('afgerond', { exact: true }).count()).toBeGreaterThan(0);
    await page
      .getByRole('list')
      .filter({ hasText: 'Einde van de maatregel afgerond' })
      .first()
      .waitFor();
    await expectAccessible(page);
  }, 300_000);
});
