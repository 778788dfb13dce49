/**
 * Browser journey of issue 7, warm handover (ZTM-DEC-WARM-HANDOVER): in Zoetermeer the team lead
 * hands casusregie of a family from casusregisseur A to casusregisseur B on the case page. The
 * first attempt to complete is refused with the reason; after the joint meeting with the family
 * is recorded, completing moves casusregie to B and the roles table keeps A's period. axe-core
 * runs on every page state.
 *
 * The demo has one casusregisseur per team and Zoetermeer one team, so the set-up adds a second
 * casusregisseur account to JGH Zoetermeer in the test server's database (not in the demo).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const REGISSEUR_A = 'casusregisseur.ztm@demo.casusregie.nl';
const REGISSEUR_B = 'casusregisseur-b.ztm@demo.casusregie.nl';
const TEAMLEIDER = 'teamleider.ztm@demo.casusregie.nl';

describe('warm handover in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('a team lead hands casusregie over only after the joint meeting with the family', async () => {
    const url = journey.server.url;
    const db = journey.server.db;
    const now = amsterdamNow();
    const a = await db
      .selectFrom('staff')
      .select(['id', 'organisation_id', 'name'])
      .where('email', '=', REGISSEUR_A)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('staff')
      .values({
        organisation_id: a.organisation_id,
        name: 'Sanne Bakker',
        email: REGISSEUR_B,
        password_hash: await hashPassword(DEMO_PASSWORD),
        roles: ['casusregisseur'],
      })
      .execute();

    // Set-up over the API: a family of the team, with A as casusregisseur.
    const lead = await apiSession((await journey.context()).request, url, TEAMLEIDER);
    const created = await lead.post('/casussen', {
      route: 'A',
      regio: 'ZTM',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Verbeek' },
      jeugdigen: [
        { naam: 'Mila Verbeek', geboortedatum: `${now.year - 11}-04-02`, bsn: freshBsn() },
      ],
      ouders: [{ naam: 'Joost Verbeek', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 7_200_000).toISOString(),
    });
    const caseId = String(created['id']);
    await lead.post(`/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      organisatieId: a.organisation_id,
      medewerkerId: a.id,
      vanaf: new Date(Date.now() - 3_600_000).toISOString(),
      reden: 'na de screening',
    });

    const page = await loggedIn(TEAMLEIDER);
    await page.goto(`${url}/casussen/${caseId}`);
    const section = page.getByRole('region', { name: 'Warme overdracht van de casusregie' });
    await section.getByText('Er loopt geen overdracht van de casusregie.').waitFor();
    await expectAccessible(page);

    // Start: name B of JGH Zoetermeer, with a reason.
    await section.getByLabel('Organisatie').selectOption({ label: 'JGH Zoetermeer' });
    await section.getByLabel('Nieuwe casusregisseur').selectOption({ label: 'Sanne Bakker' });
    await section
      .getByLabel('Reden')
      .fill('Casusregisseur A gaat met verlof; Sanne Bakker neemt het gezin over.');
    await section.getByRole('button', { name: 'Overdracht starten' }).click();
    await section
      .getByText(/er is geen gezamenlijk gesprek vastgelegd/)
      .first()
      .waitFor();
    await expectAccessible(page);

    // Completing now is refused, and the page says why, with the rule.
    await section.getByRole('button', { name: 'Overdracht afronden' }).click();
    const refusal = section.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('geen gezamenlijk gesprek vastgelegd');
    expect(await refusal.innerText()).toContain('ZTM-DEC-WARM-HANDOVER');
    await expectAccessible(page);

    // The joint meeting: both regisseurs and the father.
    await section.getByLabel(/Oude casusregisseur/).check();
    await section.getByLabel(/Nieuwe casusregisseur \(Sanne Bakker\)/).check();
    await section.getByLabel('Joost Verbeek (ouder)').check();
    await section
      .getByLabel('Wat is overgedragen en afgesproken')
      .fill(
        'Achtergrond, het ondersteuningsplan en de stand van zaken besproken; Sanne belt vrijdag.',
      );
    await section.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    await section.getByText('De overdracht kan nu worden afgerond.').first().waitFor();
    await expectAccessible(page);

    await section.getByRole('button', { name: 'Overdracht afronden' }).click();
    await section.getByRole('heading', { name: 'Eerdere overdrachten' }).waitFor();
    await section.getByText('afgerond', { exact: true }).waitFor();
    const roles = page.getByRole('table', { name: 'Wie heeft welke regie, nu en eerder' });
    const rows = await roles.locator('tbody tr').allInnerTexts();
    const current = rows.filter((r) => r.startsWith('Casusregie') && !r.includes('(eerder)'));
    expect(current).toHaveLength(1);
    expect(current[0]).toContain('Sanne Bakker');
    expect(rows.some((r) => r.includes('(eerder)') && r.includes(a.name))).toBe(true);
    await expectAccessible(page);

    // B finds the news among the notifications.
    const bPage = await loggedIn(REGISSEUR_B);
    await bPage.goto(`${url}/meldingen`);
    await bPage.getByText('De warme overdracht is afgerond').first().waitFor();
  }, 300_000);
});
