/**
 * Browser journey of issue 9, staff registration (GRO-DEC-WERKTOEDELING, ADR 0023): in Groningen
 * the team lead records an SKJ registration for the team's casusregisseur on the team page, sees
 * a second, unregistered casusregisseur flagged, and assigns casusregie to that colleague on the
 * case page: refused without an explanation (the field named, the rule cited), accepted with one,
 * and the explained assignment shows up in the team view. axe-core runs on every page state.
 *
 * The demo has one casusregisseur per team, so the set-up adds an unregistered colleague to the
 * team in the test server's database (not in the demo).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const REGISSEUR = 'casusregisseur.gro@demo.casusregie.nl';
const TEAMLEIDER = 'teamleider.gro@demo.casusregie.nl';
const EXPLANATION = 'Bram kent dit gezin al jaren; zijn SKJ-registratie is aangevraagd.';

describe('staff registration in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('a team lead records a registration, sees an unregistered colleague flagged and assigns with an explanation', async () => {
    const url = journey.server.url;
    const db = journey.server.db;
    const now = amsterdamNow();
    const regisseur = await db
      .selectFrom('staff')
      .select(['id', 'organisation_id', 'name'])
      .where('email', '=', REGISSEUR)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('staff')
      .values({
        organisation_id: regisseur.organisation_id,
        name: 'Bram Dijkstra',
        email: 'casusregisseur-b.gro@demo.casusregie.nl',
        password_hash: await hashPassword(DEMO_PASSWORD),
        roles: ['casusregisseur'],
      })
      .execute();

    const lead = await apiSession((await journey.context()).request, url, TEAMLEIDER);
    const created = await lead.post('/casussen', {
      route: 'A',
      regio: 'GRO',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Hoekstra' },
      jeugdigen: [
        { naam: 'Fenna Hoekstra', geboortedatum: `${now.year - 9}-02-11`, bsn: freshBsn() },
      ],
      ouders: [{ naam: 'Sjoerd Hoekstra', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 7_200_000).toISOString(),
    });
    const caseId = String(created['id']);

    const page = await journey.page(await journey.context());
    await page.goto(`${url}/inloggen`);
    await new LoginPage(page).logIn(TEAMLEIDER, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    const members = page.getByRole('table', { name: /Registraties van team/ });
    await members.waitFor();
    await expectAccessible(page);

    // Record the demo casusregisseur's SKJ registration.
    const form = page.getByRole('region', { name: 'Registratie vastleggen' });
    await form.getByLabel('Professional').selectOption({ label: regisseur.name });
    await form.getByLabel('Register').selectOption('skj');
    await form.getByLabel('Registratienummer').fill('100012345');
    await form.getByLabel('Geldig vanaf').fill('01-01-2024');
    await form.getByRole('button', { name: 'Registratie vastleggen' }).click();
    await form.getByText(`De registratie van ${regisseur.name} is vastgelegd.`).waitFor();
    const rowOf = (name: string) => members.getByRole('row').filter({ hasText: name });
    await rowOf(regisseur.name).getByText('Geldig').waitFor();
    expect(await rowOf('Bram Dijkstra').innerText()).toContain('Geen geldige registratie');
    await expectAccessible(page);

    // Assign casusregie to Bram: refused without an explanation, accepted with one.
    await page.goto(`${url}/casussen/${caseId}`);
    const roleForm = page.getByRole('region', { name: 'Regie toewijzen' });
    await roleForm.getByLabel('Rol', { exact: true }).selectOption('casusregie');
    await roleForm.getByLabel('Wie krijgt de rol', { exact: true }).selectOption('professional');
    await roleForm
      .getByLabel('Organisatie', { exact: true })
      .selectOption(regisseur.organisation_id);
    await roleForm
      .getByLabel('Professional')
      .selectOption({ label: 'Bram Dijkstra (casusregisseur)' });
    await roleForm.getByLabel('Reden', { exact: true }).fill('na de vraagverheldering');
    await roleForm.getByRole('button', { name: 'Toewijzen' }).click();
    const summary = roleForm.getByRole('alert').first();
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Uitleg bij toedeling zonder registratie');
    expect(await roleForm.innerText()).toContain('GRO-DEC-WERKTOEDELING');
    await expectAccessible(page);

    await roleForm.getByLabel('Uitleg bij toedeling zonder registratie').fill(EXPLANATION);
    await roleForm.getByRole('button', { name: 'Toewijzen' }).click();
    await roleForm.getByText(/is toegewezen vanaf/).waitFor();
    await expectAccessible(page);

    await page.goto(`${url}/team`);
    const explained = page.getByRole('table', {
      name: 'Casusregie toegedeeld aan professionals zonder geldige registratie',
    });
    await explained.waitFor();
    const rows = await explained.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Bram Dijkstra');
    expect(rows[0]).toContain(EXPLANATION);
    await expectAccessible(page);
  }, 300_000);
});
