/**
 * Browser journey of issue 9: the quality thermometer (GRO-CHK-REFERENTIEKADER, bruikbaar in
 * elke regio). The team lead of a GRO local team opens a round on /thermometer; the team lead
 * scores over the API (set-up), the casusregisseur scores theme 1 in the browser; the team view
 * shows the spread per point (counts, no names) and the improvement suggestion for a point
 * scored red; after closing, the trend table holds the round. axe-core runs on every state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { CHECKLIST_ITEMS } from '../../src/domain/quality/checklist-items.js';
import { LoginPage } from './pages/LoginPage.js';
import { apiSession, browserJourney } from './support.js';

const LEAD = 'teamleider.gro@demo.casusregie.nl';
const MEMBER = 'casusregisseur.gro@demo.casusregie.nl';

describe('the quality thermometer in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('a team lead opens a round, two members score, the team view shows spread and a suggestion', async () => {
    const url = journey.server.url;
    const lead = await loggedIn(LEAD);
    await lead
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Thermometer' })
      .click();
    await lead.getByRole('heading', { name: 'Kwaliteitsthermometer', level: 1 }).waitFor();
    expect(
      await lead.getByRole('link', { name: 'GRO-CHK-REFERENTIEKADER' }).count(),
    ).toBeGreaterThan(0);
    await lead.getByText('Er is nog geen ronde.').waitFor();
    await expectAccessible(lead);

    // Opening without a name is refused, naming the field.
    await lead.getByRole('button', { name: 'Ronde openen' }).click();
    await lead.getByRole('alert').getByText('Naam van de ronde').first().waitFor();
    await expectAccessible(lead);
    await lead.getByLabel('Naam van de ronde').fill('Najaar 2026');
    await lead.getByLabel('Periode (niet verplicht)').fill('september tot december 2026');
    await lead.getByRole('button', { name: 'Ronde openen' }).click();
    await lead.getByText('De ronde is geopend.').waitFor();
    await lead.getByRole('button', { name: 'Ronde Najaar 2026 sluiten' }).waitFor();
    await expectAccessible(lead);

    // The team lead scores over the API: 1.1 green, 1.3 red.
    const api = await apiSession((await journey.context()).request, url, LEAD);
    const view = await api.get('/thermometer');
    const roundId = (view['ronde'] as { id: string }).id;
    await api.send('PUT', '/thermometer/scores', {
      rondeId: roundId,
      scores: [
        { punt: '1.1', kleur: 'groen' },
        { punt: '1.3', kleur: 'rood', opmerking: 'Alleen de teamleider leest dit' },
      ],
    });

    // The casusregisseur scores theme 1 in the browser: 1.1 orange, 1.3 red.
    const member = await loggedIn(MEMBER);
    await member.goto(`${url}/thermometer`);
    const theme1 = member.getByRole('region', { name: 'Thema 1: Verantwoorde hulp' });
    await theme1.getByRole('heading', { name: 'Uw scores voor thema 1' }).waitFor();
    await expectAccessible(member);
    const point = (n: string) =>
      theme1.getByRole('group', { name: new RegExp(`^${n.replace('.', '\\.')} `) });
    await point('1.1').getByLabel('Oranje: voldoende').check();
    await point('1.3').getByLabel('Rood: vraagt actie').check();
    await theme1.getByLabel('Opmerking bij 1.3').fill('We missen een vaste vragenlijst');
    await theme1.getByRole('button', { name: 'Scores voor thema 1 opslaan' }).click();
    await theme1.getByText('Uw scores voor thema 1 zijn opgeslagen.').waitFor();
    await expectAccessible(member);

    // The team view: counts per point, no names, the suggestion for the red point.
    await lead.reload();
    const spread = lead
      .getByRole('region', { name: 'Thema 1: Verantwoorde hulp' })
      .getByRole('table', { name: /Spreiding per punt, thema 1/ });
    const row = (n: string) =>
      spread.getByRole('row', { name: new RegExp(`^${n.replace('.', '\\.')} `) });
    await row('1.3').waitFor();
    expect(await row('1.1').getByRole('cell').allInnerTexts()).toEqual([
      CHECKLIST_ITEMS.get('1.1')?.text,
      '1',
      '1',
      '0',
    ]);
    expect((await row('1.3').getByRole('cell').allInnerTexts()).slice(1)).toEqual(['0', '0', '2']);
    await lead.getByText('2 van 2 teamleden hebben gescoord.').waitFor();
    const suggestions = lead.getByRole('region', { name: 'Verbetersuggesties bij rood' });
    expect(await suggestions.innerText()).toContain('1.3 (2× rood)');
    expect(await suggestions.innerText()).toContain(
      CHECKLIST_ITEMS.get('1.3')?.suggestions[0] ?? 'missing',
    );
    const summary = lead.getByRole('table', { name: 'Samenvatting per thema' });
    expect(
      await summary
        .getByRole('row', { name: /^1\. Verantwoorde hulp/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual(['1', '1', '2', 'groen 25%, oranje 25%, rood 50%', '1', 'rood']);
    const whole = await lead.locator('main').innerText();
    expect(whole).not.toContain('We missen een vaste vragenlijst');
    expect(whole).not.toContain('casusregisseur.gro');
    await expectAccessible(lead);

    // Closing puts the round in the trend.
    await lead.getByRole('button', { name: 'Ronde Najaar 2026 sluiten' }).click();
    await lead.getByText('De ronde Najaar 2026 is gesloten').waitFor();
    const trend = lead.getByRole('table', { name: /per gesloten ronde/ });
    expect(
      await trend
        .getByRole('row', { name: /^1\. Verantwoorde hulp/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual(['groen 25%, oranje 25%, rood 50%']);
    await expectAccessible(lead);
  });
});
