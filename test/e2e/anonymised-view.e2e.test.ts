/**
 * Browser journey of issue 8, anonymised views (DOMAIN.md section 10; RIJ route C item c; ADR
 * 0021): in Zoetermeer the casusregisseur makes an anonymised view of a family for the expert
 * pool. The preview shows the children's ages, not their names, birth dates or the address
 * from a note; sharing is possible only after she confirms her check, and then the case's
 * timeline says so. axe-core runs on every page state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const REGISSEUR = 'casusregisseur.ztm@demo.casusregie.nl';
const TEAMLEIDER = 'teamleider.ztm@demo.casusregie.nl';

describe('anonymised view in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('generates, previews without names, is checked and then recorded as shared', async () => {
    const url = journey.server.url;
    const now = amsterdamNow();
    const lead = await apiSession((await journey.context()).request, url, TEAMLEIDER);
    const created = await lead.post('/casussen', {
      route: 'A',
      regio: 'ZTM',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Van der Meulen' },
      jeugdigen: [
        { naam: 'Lotte van der Meulen', geboortedatum: `${now.year - 12}-01-02`, bsn: freshBsn() },
        { naam: 'Sem van der Meulen', geboortedatum: `${now.year - 7}-01-02`, bsn: freshBsn() },
      ],
      ouders: [{ naam: 'Ilse van der Meulen', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 7_200_000).toISOString(),
    });
    const caseId = String(created['id']);
    await lead.post(`/casussen/${caseId}/gebeurtenissen`, {
      type: 'notitie',
      op: new Date(Date.now() - 3_600_000).toISOString(),
      notitie: 'Huisbezoek bij Ilse op de Rozenstraat 8, 2712 AB; Lotte was thuis.',
    });

    const page = await journey.page(await journey.context());
    await page.goto(`${url}/inloggen`);
    await new LoginPage(page).logIn(REGISSEUR, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.goto(`${url}/casussen/${caseId}`);
    const section = page.getByRole('region', {
      name: 'Anonieme weergave voor consultatie of escalatie',
    });
    await section.getByText('Er is nog geen anonieme weergave gemaakt.').waitFor();
    await expectAccessible(page);

    // Without answers the form names its fields.
    await section.getByRole('button', { name: 'Weergave maken' }).click();
    const summary = section.getByRole('alert');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Vraag aan de ontvanger');
    await expectAccessible(page);

    await section.getByLabel(/^Consultatie/).check();
    await section.getByLabel('Ontvanger', { exact: true }).fill('Expertpool van de regio');
    await section
      .getByLabel('Vraag aan de ontvanger', { exact: true })
      .fill('Welke hulp past bij Lotte nu Ilse weer werkt?');
    await section.getByRole('button', { name: 'Weergave maken' }).click();
    await section.getByText(/De weergave is gemaakt/).waitFor();
    const preview = section.getByRole('article', {
      name: 'Anonieme weergave voor Expertpool van de regio',
    });
    const item = section.locator('details').first();
    await item.getByText('concept, nog niet gecontroleerd').waitFor();
    const shown = await preview.innerText();
    expect(shown).toContain('jeugdige 12 jaar');
    expect(shown).toContain('jeugdige 7 jaar');
    expect(shown).toContain('Welke hulp past bij [naam] nu [naam] weer werkt?');
    for (const leak of ['Lotte', 'Ilse', 'Meulen', 'Rozenstraat', '2712', `${now.year - 12}-01`])
      expect(shown).not.toContain(leak);
    const text = await preview.getByLabel(/De tekst zoals hij gedeeld wordt/).inputValue();
    expect(text).not.toMatch(/Lotte|Ilse|Meulen|Rozenstraat|2712/);
    expect(await preview.getByRole('button', { name: 'Vastleggen als gedeeld' }).count()).toBe(0);
    await expectAccessible(page);

    // An edited question is scrubbed again on saving.
    await preview.getByRole('button', { name: 'Vrije teksten aanpassen' }).click();
    const question = preview.getByLabel('Vraag aan de ontvanger', { exact: true });
    await question.waitFor();
    await expectAccessible(page);
    await question.fill('Wat helpt Sem (bel 06-12345678) het meest?');
    await preview.getByRole('button', { name: 'Aanpassingen opslaan' }).click();
    await preview
      .getByText('Wat helpt [naam] (bel [telefoon]) het meest?', { exact: true })
      .waitFor();

    // The check needs the box ticked.
    await preview.getByRole('button', { name: 'Controle vastleggen' }).click();
    await preview.getByRole('alert').waitFor();
    await expectAccessible(page);
    await preview
      .getByLabel('Ik heb gecontroleerd dat niets naar het gezin herleidbaar is')
      .check();
    await preview.getByRole('button', { name: 'Controle vastleggen' }).click();
    await item.getByText('gecontroleerd, klaar om te delen').waitFor();
    await expectAccessible(page);

    await preview.getByRole('button', { name: 'Vastleggen als gedeeld' }).click();
    await item.getByText('gedeeld', { exact: true }).waitFor();
    expect(await preview.getByRole('button', { name: 'Vrije teksten aanpassen' }).count()).toBe(0);
    await page
      .getByText('Anonieme weergave van de casus gedeeld (consultatie of escalatie)')
      .first()
      .waitFor();
    await expectAccessible(page);
  });
});
