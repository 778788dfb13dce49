/**
 * Browser journey of issue 8, break-the-glass (NEN 7513; ADR 0020): in Rijnmond a casusregisseur
 * of the second local team has no access to a case of the first team. On the Noodtoegang page a
 * request without a reason is refused naming the field; with a reason and the young person's BSN
 * the case opens with the banner "Noodtoegang tot …". The privacy officer of the municipality
 * then reviews the grant. axe-core runs on every page state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { apiSession, browserJourney } from './support.js';

const TEAMLEIDER = 'teamleider.rij@demo.casusregie.nl';
const OTHER_TEAM = 'casusregisseur.rij-2@demo.casusregie.nl';
const PRIVACY = 'privacyfunctionaris.rij@demo.casusregie.nl';

describe('break-the-glass in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('a casusregisseur of another team opens a case with a reason; the privacy officer reviews', async () => {
    const url = journey.server.url;
    const bsn = freshBsn();
    const lead = await apiSession((await journey.context()).request, url, TEAMLEIDER);
    const created = await lead.post('/casussen', {
      route: 'A',
      regio: 'RIJ',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Noodhulp' },
      jeugdigen: [{ naam: 'Jip Noodhulp', geboortedatum: '2016-02-03', bsn }],
      ouders: [{ naam: 'Roos Noodhulp', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 7_200_000).toISOString(),
    });
    const caseId = String(created['id']);

    const page = await loggedIn(OTHER_TEAM);
    await page.getByRole('link', { name: 'Noodtoegang', exact: true }).click();
    await page.getByRole('heading', { name: 'Noodtoegang tot een casus' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('BSN van de jeugdige').fill(bsn);
    await page.getByRole('button', { name: 'Casus openen met noodtoegang' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Reden');
    await expectAccessible(page);

    await page
      .getByLabel('Reden', { exact: true })
      .fill('Crisisdienst meldt dat Jip vannacht alleen thuis is aangetroffen.');
    await page.getByRole('button', { name: 'Casus openen met noodtoegang' }).click();
    await page.getByRole('heading', { name: 'Gezin Noodhulp', level: 1 }).waitFor();
    expect(page.url()).toContain(`/casussen/${caseId}`);
    const banner = page.getByText(/Noodtoegang tot /);
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/Noodtoegang tot \d/);
    await expectAccessible(page);

    const officer = await loggedIn(PRIVACY);
    await officer.getByRole('link', { name: 'Noodtoegang beoordelen' }).click();
    const table = officer.getByRole('table', { name: /Noodtoegang die nog beoordeeld/ });
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: caseId });
    expect(await row.innerText()).toContain('alleen thuis is aangetroffen');
    await expectAccessible(officer);
    // One review form per open grant, in the order of the table.
    const index = (await table.getByRole('row').allInnerTexts())
      .slice(1)
      .findIndex((t) => t.includes(caseId));
    const reviewForm = officer.locator('form.formulier').nth(index);
    await reviewForm.getByLabel('Terecht', { exact: true }).check();
    await reviewForm.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await table.getByText(caseId).waitFor({ state: 'detached' });
    await expectAccessible(officer);
  });
});
