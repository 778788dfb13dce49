/**
 * Browser journey of issue 7, done-when: a provider ending refused by the casusregisseur because
 * criterion (d) is not met (RIJ-DEC-PROVIDER-END). In Rijnmond a local team allocates ambulant
 * help to a provider (route A, set up over the API). The provider's planner walks steps 1-4 on
 * the case page: tells the casusregisseur early, records a talk with the young person, is told a
 * talk with a parent is still missing, records it, and reports the unavoidable ending. The
 * casusregisseur answers criteria a-d; with (d) "no" the page says agreement is impossible and
 * offers only a refusal, which is recorded with its reason. axe-core runs on every state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, browserJourney, routeAAllocation } from './support.js';

const REGISSEUR = 'casusregisseur.rij@demo.casusregie.nl';
const BACKOFFICE = 'backoffice.rij@demo.casusregie.nl';
const PLANNER = 'planner.rij@demo.casusregie.nl';
const RULE = 'RIJ-DEC-PROVIDER-END';

describe('ending by the provider in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('the planner walks steps 1-4 and the casusregisseur refuses because (d) is not met', async () => {
    const url = journey.server.url;
    // Set-up over the API: a family, a fixed plan, and ambulant help allocated to the planner's
    // organisation by the municipality (which gives it behandelregie).
    const now = amsterdamNow();
    const {
      caseId,
      api,
      providerContext: plannerContext,
    } = await routeAAllocation(
      journey,
      url,
      { region: 'RIJ', regisseur: REGISSEUR, backoffice: BACKOFFICE, provider: PLANNER },
      { name: 'Gezin Dekker', child: 'Milan Dekker', parent: 'Sanne Dekker', childAge: 13 },
    );

    // Step 1: the planner tells the casusregisseur early.
    const plannerPage = await journey.page(plannerContext);
    await plannerPage.goto(`${url}/casussen/${caseId}`);
    const section = plannerPage.getByRole('region', { name: 'Beëindiging door de aanbieder' });
    await section.getByRole('heading', { name: 'Mogelijke beëindiging melden (stap 1)' }).waitFor();
    expect(await section.getByRole('link', { name: RULE }).count()).toBeGreaterThan(0);
    await expectAccessible(plannerPage);
    await section
      .getByLabel('Aanleiding')
      .fill('Milan wordt steeds agressiever tegen de begeleiders; stoppen kan nodig worden.');
    await section.getByRole('button', { name: 'Casusregisseur informeren' }).click();
    const card = section.getByRole('article');
    await card.getByRole('heading', { name: 'Gesprek vastleggen (stap 2 en 3)' }).waitFor();
    expect(await card.getByRole('listitem').first().innerText()).toContain('klaar');
    await expectAccessible(plannerPage);

    // Steps 2 and 3: a talk with the young person; the report still lacks a talk with a parent.
    const talk = async (whom: string, participants: string) => {
      await card.getByLabel('Datum van het gesprek').fill(now.date);
      await card.getByRole('group', { name: 'Met wie' }).getByLabel(whom).check();
      await card.getByLabel('Deelnemers').fill(participants);
      await card
        .getByLabel('Verslag', { exact: true })
        .fill('Besproken waarom de begeleiding zo niet verder kan en wat er nodig is.');
      await card.getByLabel('Gemaakte afspraken').fill('Over een week opnieuw samen om tafel.');
      await card.getByRole('button', { name: 'Gesprek vastleggen' }).click();
      await card.getByText('Het gesprek is vastgelegd.').waitFor();
    };
    await talk('de jeugdige', 'Milan en zijn begeleider');
    await card
      .getByLabel('Redenen')
      .fill('Herhaalde bedreigingen; veilig begeleiden lukt niet meer.');
    await card
      .getByLabel('Voorstel voor het vervolg')
      .fill('Overdracht naar een aanbieder met specialistische hulp bij agressie.');
    await card.getByLabel('Jeugdige en gezin geïnformeerd op').fill(now.date);
    await card.getByRole('button', { name: 'Beëindiging melden' }).click();
    await card.getByText('Controleer de invoer').waitFor();
    expect(await card.getByRole('alert').innerText()).toContain('ouders of de voogd');
    await expectAccessible(plannerPage);
    await talk('de ouders of de voogd', 'moeder en begeleider');

    // Step 4: the report, with both talks attached.
    await card.getByRole('button', { name: 'Beëindiging melden' }).click();
    await card.getByRole('heading', { name: 'Melding (stap 4)' }).waitFor();
    await card.getByText('De casusregisseur besluit nu', { exact: false }).waitFor();
    expect(await card.innerText()).toContain('gemeld: de casusregisseur besluit');
    await expectAccessible(plannerPage);

    // Step 5: the casusregisseur weighs a-d; with (d) "no" agreement is impossible.
    const regisseur = await loggedIn(REGISSEUR);
    await regisseur.goto(`${url}/casussen/${caseId}`);
    const decision = regisseur
      .getByRole('region', { name: 'Beëindiging door de aanbieder' })
      .getByRole('article');
    await decision.getByRole('heading', { name: 'Besluiten (stap 5)' }).waitFor();
    expect(await decision.innerText()).toContain('Redenen');
    await expectAccessible(regisseur);
    const answers: [string, string, string][] = [
      ['a', 'nee', 'Het gedrag komt niet voort uit de hulpvraag.'],
      ['b', 'ja', 'Er zijn drie aanpassingen in het plan geprobeerd.'],
      ['c', 'ja', 'De stappen zijn gezet en vastgelegd.'],
      ['d', 'nee', 'Er is nog geen andere aanbieder gevonden.'],
    ];
    for (const [code, answer, motivation] of answers) {
      await decision
        .getByRole('group', { name: new RegExp(`^\\(${code}\\)`) })
        .getByLabel(answer, { exact: true })
        .check();
      await decision.getByLabel(`Motivering bij criterium (${code})`).fill(motivation);
    }
    const warning = decision.getByText('Instemmen is niet mogelijk', { exact: false });
    await warning.waitFor();
    expect(await warning.innerText()).toContain(RULE);
    const besluit = decision.getByRole('group', { name: 'Besluit' });
    expect(await besluit.getByLabel(/^Instemmen/).count()).toBe(0);
    await expectAccessible(regisseur);
    await besluit.getByLabel('Weigeren: de hulp loopt door').check();
    await decision
      .getByLabel('Reden van de weigering')
      .fill('De aanbieder heeft niet gezorgd voor een vervolg van de hulp (criterium d).');
    await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await decision
      .getByRole('heading', { name: 'Besluit van de casusregisseur (stap 5)' })
      .waitFor();
    const text = await decision.innerText();
    expect(text).toContain('geweigerd: de hulp loopt door');
    expect(text).toContain('instemmen was daardoor niet mogelijk');
    expect(text).toContain('criterium d');
    await expectAccessible(regisseur);

    // The refusal is on record and the provider keeps its help.
    const after = await api.get(`/casussen/${caseId}/beeindigingen`);
    const ending = (after['beeindigingen'] as Record<string, unknown>[])[0] as {
      status: string;
      aanbiederVerantwoordelijk: boolean;
      besluit: { besluit: string; reden: string };
    };
    expect(ending.status).toBe('geweigerd');
    expect(ending.besluit.besluit).toBe('weigeren');
    expect(ending.aanbiederVerantwoordelijk).toBe(true);
    const timeline = (await api.get(`/casussen/${caseId}`))['tijdlijn'] as { type: string }[];
    expect(timeline.map((e) => e.type)).toContain('beeindiging-besluit');
  }, 300_000);
});
