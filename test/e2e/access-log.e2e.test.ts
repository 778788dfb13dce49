/**
 * Browser journey of issue 8, the access log to NEN 7513 (ADR 0015). In Rijnmond the
 * casusregisseur registers a family (over the API) and, on the case page, opens who looked at
 * the family's record: her own registration and read are there. The municipality's privacy
 * officer opens the access log from the menu, filters it for that case, finds the
 * registration, and runs the check of the hash chain: intact. axe-core runs on every state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { apiSession, browserJourney } from './support.js';

const REGISSEUR = 'casusregisseur.rij@demo.casusregie.nl';
const PRIVACY = 'privacyfunctionaris.rij@demo.casusregie.nl';

describe('the access log in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('the casusregisseur shows who looked; the privacy officer filters for the case and checks the chain', async () => {
    const url = journey.server.url;
    const regisseurContext = await journey.context();
    const api = await apiSession(regisseurContext.request, url, REGISSEUR);
    const created = await api.post('/casussen', {
      route: 'A',
      regio: 'RIJ',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Smit' },
      jeugdigen: [{ naam: 'Daan Smit', geboortedatum: '2015-06-01', bsn: freshBsn() }],
      ouders: [{ naam: 'Eva Smit', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const caseId = String(created['id']);

    // The casusregisseur, at the kitchen table: who looked at this family's record.
    const regisseurPage = await journey.page(regisseurContext);
    await regisseurPage.goto(`${url}/casussen/${caseId}`);
    const section = regisseurPage.getByRole('region', {
      name: 'Wie heeft het dossier van dit gezin ingezien',
    });
    await section.getByText('Toegangslog van dit gezin tonen').click();
    const table = section.getByRole('table', { name: 'Inzage en wijzigingen van het dossier' });
    await table.waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'casus.registreren' }).count()).toBe(1);
    expect(await table.getByRole('row').filter({ hasText: 'casus.lezen' }).count()).toBeGreaterThan(
      0,
    );
    await expectAccessible(regisseurPage);

    // The privacy officer of the municipality: the log of the region, filtered for the case.
    const page = await loggedIn(PRIVACY);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Toegangslog' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Toegangslog' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Casus-id').fill('geen-id');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('alert').getByText('Controleer de invoer').waitFor();
    await expectAccessible(page);

    // Opening a case page logs a read per section, so the case has more lines than one page
    // holds: filter by action as well.
    await page.getByLabel('Casus-id').fill(caseId);
    const results = page.getByRole('table', { name: 'Toegangslog' });
    for (const action of ['casus.registreren', 'toegangslog.casus-lezen']) {
      await page.getByLabel('Actie').fill(action);
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await results.getByRole('row').filter({ hasText: action }).first().waitFor();
      expect(await results.getByRole('row').filter({ hasText: action }).count()).toBe(1);
    }
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Keten controleren' }).click();
    await page.getByText('De keten is intact').waitFor();
    await expectAccessible(page);
  });
});
