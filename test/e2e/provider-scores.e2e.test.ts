/**
 * Browser journey of issue 7, provider performance: a RIJ family's ambulant help (route A, set
 * up over the API) has ended. The casusregisseur scores the provider on the case page — an
 * incomplete form is refused first, naming the fields — and the score is shown. The region's
 * contract manager then finds the provider in "Prestaties aanbieders" with n = 1, and the
 * provider's planner sees only its own organisation. axe-core runs on every page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { LoginPage } from './pages/LoginPage.js';
import { browserJourney, routeAAllocation } from './support.js';

const REGISSEUR = 'casusregisseur.rij@demo.casusregie.nl';
const BACKOFFICE = 'backoffice.rij@demo.casusregie.nl';
const PLANNER = 'planner.rij@demo.casusregie.nl';
const CONTRACT = 'contractmanager.rij@demo.casusregie.nl';

describe('provider performance in the browser', () => {
  const journey = browserJourney();

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('the casusregisseur scores the provider after its help ended → the contract manager sees the aggregate', async () => {
    const url = journey.server.url;
    const { caseId } = await routeAAllocation(
      journey,
      url,
      { region: 'RIJ', regisseur: REGISSEUR, backoffice: BACKOFFICE, provider: PLANNER },
      { name: 'Gezin Hoekstra', child: 'Lotte Hoekstra', parent: 'Sanne Hoekstra', childAge: 11 },
    );
    // The help ended yesterday (as a stop message and the end of behandelregie would record).
    const db = journey.server.db;
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(Date.now() - 86_400_000),
    );
    await db
      .updateTable('allocation')
      .set({ status: 'gestopt', end_date: yesterday })
      .where('case_id', '=', caseId)
      .execute();
    await db
      .updateTable('case_role')
      .set({
        starts_at: new Date(Date.now() - 2 * 86_400_000),
        ends_at: new Date(Date.now() - 60_000),
      })
      .where('case_id', '=', caseId)
      .where('role', '=', 'behandelregie')
      .execute();
    const allocation = await db
      .selectFrom('allocation')
      .innerJoin('organisation', 'organisation.id', 'allocation.provider_id')
      .select(['organisation.name', 'organisation.id'])
      .where('allocation.case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    // The demo data scores ended help too; this journey starts from a provider without scores,
    // so the aggregate below is this one score.
    await db.deleteFrom('provider_score').where('provider_id', '=', allocation.id).execute();

    const page = await loggedIn(REGISSEUR);
    await page.goto(`${url}/casussen/${caseId}`);
    const section = page.getByRole('region', { name: 'Aanbieder beoordelen' });
    const form = section.getByRole('form', { name: `${allocation.name} beoordelen` });
    await form.waitFor();
    await section.getByText(/Wachttijd \(berekend\)/).waitFor();
    await form.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Controleer de invoer' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Cliënttevredenheid');
    expect(await summary.textContent()).toContain('Klachten');
    await journey.expectAccessible(page);

    await form.getByLabel('Cliënttevredenheid').selectOption('7');
    await form.getByLabel('Doel: Rust in huis').selectOption('deels');
    await form
      .getByRole('group', { name: /Uitval/ })
      .getByLabel('Nee')
      .check();
    for (const point of [
      'Wijze van samenwerking',
      'Bereikbaarheid',
      'Transparantie',
      'Bejegening van de jeugdige',
      'Samenwerking met andere organisaties',
      'Snelheid van handelen',
      'Klachten',
    ])
      await form
        .getByRole('group', { name: point, exact: true })
        .getByLabel(point === 'Klachten' ? 'Niet te beoordelen' : 'Goed')
        .check();
    await form.getByLabel('Toelichting bij bereikbaarheid').fill('Altijd snel teruggebeld.');
    await form.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await section.getByText('beoordeeld', { exact: true }).waitFor();
    const table = section.getByRole('table', { name: /zeven punten/ });
    await table.getByText('Altijd snel teruggebeld.').waitFor();
    await journey.expectAccessible(page);

    // The contract manager of the region reads the aggregate; no family, no remark.
    const contract = await loggedIn(CONTRACT);
    await contract.getByRole('link', { name: 'Prestaties aanbieders' }).click();
    const kpis = contract.getByRole('table', { name: "Landelijke KPI's per aanbieder" });
    const row = kpis.getByRole('row', { name: new RegExp(allocation.name) });
    await row.waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('1');
    expect(await row.textContent()).toContain('7, 7 (n = 1');
    const body = await contract.locator('main').textContent();
    expect(body).not.toContain('Hoekstra');
    expect(body).not.toContain('Altijd snel teruggebeld.');
    await journey.expectAccessible(contract);

    // The provider sees its own organisation only.
    const planner = await loggedIn(PLANNER);
    await planner.getByRole('link', { name: 'Prestaties aanbieders' }).click();
    const own = planner.getByRole('table', { name: "Landelijke KPI's per aanbieder" });
    await own.getByRole('row', { name: new RegExp(allocation.name) }).waitFor();
    expect(await own.locator('tbody tr').count()).toBe(1);
    await journey.expectAccessible(planner);
  });
});
