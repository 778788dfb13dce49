/**
 * Browser journey of issue 7, a family moves to another municipality (ZOU-DEC-ENDING step 3 with
 * the warm handover of ZTM-DEC-WARM-HANDOVER): a RIJ route A family of Lokaal team
 * Rotterdam-Noord moves to Gemeente Nieuwegein (LEK). The RIJ team lead starts the move naming
 * the LEK casusregisseur, who then reads the case and records the joint meeting; the team lead
 * completes it. The LEK casusregisseur's case page shows LEK rules counted from the transfer day
 * (LEK-TERM-START-AMBULANT: 8 weeks, from the spec) and no RIJ rules; the RIJ casusregisseur gets
 * "niet gevonden". axe-core runs on every page state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { CasePage } from './pages/CasePage.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const RIJ_REGISSEUR = 'casusregisseur.rij@demo.casusregie.nl';
const RIJ_LEAD = 'teamleider.rij@demo.casusregie.nl';
const LEK_REGISSEUR = 'casusregisseur.lek@demo.casusregie.nl';

/** `dd-mm-jjjj` of the Amsterdam day `days` after the given one (calendar days, as the spec). */
function dutchDayPlus(ddmmyyyy: string, days: number): string {
  const [d, m, y] = ddmmyyyy.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d + days));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(day.getUTCDate())}-${pad(day.getUTCMonth() + 1)}-${day.getUTCFullYear()}`;
}

describe('moving to another municipality in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('a RIJ family moves to a LEK municipality, whose deadlines apply from the transfer', async () => {
    const url = journey.server.url;
    const db = journey.server.db;
    const now = amsterdamNow();
    const staff = (email: string) =>
      db
        .selectFrom('staff')
        .select(['id', 'organisation_id', 'name'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
    const rij = await staff(RIJ_REGISSEUR);
    const lek = await staff(LEK_REGISSEUR);

    // Set-up over the API: a route A family of the RIJ team, registered three weeks ago.
    const regisseur = await apiSession((await journey.context()).request, url, RIJ_REGISSEUR);
    const created = await regisseur.post('/casussen', {
      route: 'A',
      regio: 'RIJ',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Dekker' },
      jeugdigen: [
        { naam: 'Levi Dekker', geboortedatum: `${now.year - 10}-02-14`, bsn: freshBsn() },
      ],
      ouders: [{ naam: 'Femke Dekker', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 21 * 86_400_000).toISOString(),
    });
    const caseId = String(created['id']);
    await regisseur.post(`/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      organisatieId: rij.organisation_id,
      medewerkerId: rij.id,
      vanaf: new Date(Date.now() - 20 * 86_400_000).toISOString(),
      reden: 'na de screening',
    });

    // The LEK casusregisseur cannot see the case yet.
    const lekPage = await loggedIn(LEK_REGISSEUR);
    await lekPage.goto(`${url}/casussen/${caseId}`);
    await lekPage.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();

    // The RIJ team lead starts the move.
    const page = await loggedIn(RIJ_LEAD);
    await page.goto(`${url}/casussen/${caseId}`);
    const move = page.getByRole('region', { name: 'Verhuizing naar een andere gemeente' });
    await move.getByRole('heading', { name: 'Verhuizing starten' }).waitFor();
    await expectAccessible(page);
    await move.getByRole('button', { name: 'Verhuizing starten' }).click();
    await move.getByRole('alert').first().waitFor();
    expect(await move.getByRole('alert').first().innerText()).toContain('Nieuwe gemeente');
    await expectAccessible(page);

    const municipality = move.getByLabel('Nieuwe gemeente', { exact: true });
    await municipality
      .locator('option', { hasText: 'Gemeente Nieuwegein (LEK)' })
      .waitFor({ state: 'attached' });
    await municipality.selectOption({ label: 'Gemeente Nieuwegein (LEK)' });
    await move
      .getByLabel('Lokaal team van de nieuwe gemeente')
      .selectOption({ label: 'Sociaal Team Nieuwegein' });
    const people = move.getByLabel('Nieuwe casusregisseur', { exact: true });
    await people.locator('option', { hasText: lek.name }).waitFor({ state: 'attached' });
    await people.selectOption({ label: lek.name });
    await move.getByLabel('Verhuisdatum').fill(now.date);
    await move
      .getByLabel('Reden en nieuwe woonplaats')
      .fill('Het gezin verhuist naar Nieuwegein, dichter bij de grootouders.');
    await move.getByRole('button', { name: 'Verhuizing starten' }).click();
    await move.getByText('De verhuizing wordt afgerond met de warme overdracht').waitFor();
    await expectAccessible(page);

    // The LEK casusregisseur reads the case now and records the joint meeting.
    await lekPage.goto(`${url}/casussen/${caseId}`);
    const handover = lekPage.getByRole('region', { name: 'Warme overdracht van de casusregie' });
    await handover.getByRole('heading', { name: 'Gezamenlijk gesprek vastleggen' }).waitFor();
    await expectAccessible(lekPage);
    await handover.getByLabel(/Oude casusregisseur/).check();
    await handover.getByLabel(/Nieuwe casusregisseur \(/).check();
    await handover.getByLabel('Femke Dekker (ouder)').check();
    await handover
      .getByLabel('Wat is overgedragen en afgesproken')
      .fill(
        'Voorgeschiedenis, het plan en de lopende hulp met moeder doorgenomen; nieuwe afspraak.',
      );
    await handover.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    await handover.getByText('De overdracht kan nu worden afgerond.').first().waitFor();
    await expectAccessible(lekPage);

    // The RIJ team lead completes the handover, and with it the move; the case leaves the team.
    await page.reload();
    const section = page.getByRole('region', { name: 'Warme overdracht van de casusregie' });
    await section.getByRole('button', { name: 'Overdracht afronden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
    await expectAccessible(page);
    const transferDay = amsterdamNow().date;

    // The LEK casusregisseur's case page: LEK rules from the transfer day, no RIJ rules.
    await lekPage.goto(`${url}/casussen/${caseId}`);
    const casePage = new CasePage(lekPage);
    await casePage.deadlinesTable().waitFor();
    await lekPage
      .getByRole('region', { name: 'Verhuizing naar een andere gemeente' })
      .getByText(`Verhuisd naar Gemeente Nieuwegein (LEK) op ${transferDay}`)
      .waitFor();
    const ruleIds = await casePage.ruleIdsShown();
    expect(ruleIds).toContain('LEK-TERM-START-AMBULANT');
    expect(ruleIds.filter((r) => r.startsWith('RIJ-'))).toEqual([]);
    // LEK-TERM-START-AMBULANT: help starts within 8 weeks of the aanmelding — here the transfer.
    const start = casePage.deadlineRows('LEK-TERM-START-AMBULANT');
    expect(await start.count()).toBe(1);
    expect(await start.innerText()).toContain(dutchDayPlus(transferDay, 56));
    await expectAccessible(lekPage);

    // The RIJ casusregisseur no longer finds the case.
    const rijPage = await loggedIn(RIJ_REGISSEUR);
    await rijPage.goto(`${url}/casussen/${caseId}`);
    await rijPage.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
    await expectAccessible(rijPage);
  }, 300_000);
});
