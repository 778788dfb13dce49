/**
 * Browser journey of issue 6, done-when (3): in Rijnmond a local team allocates ambulant help
 * to a provider (route A, set up over the API). The provider's planner disagrees with the
 * allocation and starts an escalation on the RIJ ladder (RIJ-ESC-LADDER) on the case page. The
 * casusregisseur records levels 1 to 4 (level 1 only with the facts), the team lead previews the
 * anonymised overview and shares it at level 5, and the contract manager reads it under
 * "Escalaties" — without a name of the family — and cannot open the case behind it.
 * axe-core runs on every page state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, browserJourney, routeAAllocation } from './support.js';

const REGISSEUR = 'casusregisseur.rij@demo.casusregie.nl';
const TEAMLEIDER = 'teamleider.rij@demo.casusregie.nl';
const BACKOFFICE = 'backoffice.rij@demo.casusregie.nl';
const PLANNER = 'planner.rij@demo.casusregie.nl';
const CONTRACT = 'contractmanager.rij@demo.casusregie.nl';

describe('escalation in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('a provider disagrees with an allocation and the RIJ ladder walks to the contract manager', async () => {
    const url = journey.server.url;
    // Set-up over the API: a family, a fixed plan, and ambulant help allocated to the planner's
    // organisation by the municipality.
    const {
      caseId,
      regisseurContext,
      providerContext: plannerContext,
    } = await routeAAllocation(
      journey,
      url,
      { region: 'RIJ', regisseur: REGISSEUR, backoffice: BACKOFFICE, provider: PLANNER },
      { name: 'Gezin Koster', child: 'Jesse Koster', parent: 'Noa Koster', childAge: 13 },
    );

    // The planner disagrees and starts the escalation on the case page.
    const plannerPage = await journey.page(plannerContext);
    await plannerPage.goto(`${url}/casussen/${caseId}`);
    const section = plannerPage.getByRole('region', { name: 'Escalaties' });
    await section.getByRole('heading', { name: 'Escalatie starten' }).waitFor();
    await section.getByLabel('Aanleiding').selectOption({
      label: 'De aanbieder is het niet eens met een toewijzing',
    });
    await section.getByRole('button', { name: 'Escalatie starten' }).click();
    await section.getByText('Controleer de invoer').waitFor();
    expect(await section.getByRole('alert').innerText()).toContain('Toewijzing');
    await expectAccessible(plannerPage);
    await section.getByLabel('Toewijzing', { exact: true }).selectOption({ index: 1 });
    await section
      .getByLabel('Waar gaat het om')
      .fill('Twee uur per week is te weinig voor Jesse Koster; wij vragen vier uur.');
    await section.getByRole('button', { name: 'Escalatie starten' }).click();
    await section.getByText(/Escalatie ESC-RIJ-\d{4}-\d{4} is gestart/).waitFor();
    await expectAccessible(plannerPage);

    // The casusregisseur records levels 1 to 4.
    const regisseur = await journey.page(regisseurContext);
    await regisseur.goto(`${url}/casussen/${caseId}`);
    const escalations = regisseur.getByRole('region', { name: 'Escalaties' });
    const level = async (n: number, note: string, facts?: string) => {
      const form = escalations.getByRole('heading', {
        name: new RegExp(`^Niveau ${n} vastleggen`),
      });
      await form.waitFor();
      await escalations.getByLabel('Wat is gedaan').fill(note);
      if (facts !== undefined)
        await escalations.getByLabel('Feiten en gezette stappen').fill(facts);
      await escalations.getByRole('button', { name: 'Niveau vastleggen', exact: true }).click();
      await escalations.getByText(`Niveau ${n} is vastgelegd.`).waitFor();
    };
    await escalations.getByRole('heading', { name: /^Niveau 1 vastleggen/ }).waitFor();
    await escalations.getByLabel('Wat is gedaan').fill('Gesprek met de aanbieder gevoerd');
    await escalations.getByRole('button', { name: 'Niveau vastleggen', exact: true }).click();
    await escalations.getByText(/Feiten en gezette stappen: leg de feiten/).waitFor();
    await expectAccessible(regisseur);
    await level(
      1,
      'Feiten op een rij gezet',
      'Noa Koster belde op 03-02; de aanbieder wil vier uur, het plan vraagt twee uur.',
    );
    await level(2, 'Besproken met collega’s en zorgbemiddeling');
    await level(3, 'Uitkomst teruggekoppeld aan de aanbieder');
    // Levels 4 and 5 are the team lead's.
    await escalations.getByText('Niveau 4 legt alleen een teamleider vast.').waitFor();
    await expectAccessible(regisseur);

    const lead = await loggedIn(TEAMLEIDER);
    await lead.goto(`${url}/casussen/${caseId}`);
    const leadSection = lead.getByRole('region', { name: 'Escalaties' });
    await leadSection.getByRole('heading', { name: /^Niveau 4 vastleggen/ }).waitFor();
    await leadSection
      .getByLabel('Wat is gedaan')
      .fill('Teamleiders van beide kanten hebben gesproken');
    await leadSection.getByRole('button', { name: 'Niveau vastleggen', exact: true }).click();
    await leadSection.getByText('Niveau 4 is vastgelegd.').waitFor();
    await leadSection.getByRole('heading', { name: /^Niveau 5 vastleggen/ }).waitFor();
    await leadSection.getByLabel('Wat is gedaan').fill('Contractmanager betrokken');
    await leadSection.getByLabel('Actie: wie').fill('contractmanager');
    await leadSection
      .getByLabel('Actie: wat')
      .fill('Spreekt de aanbieder aan op de acceptatieplicht');
    await leadSection
      .getByLabel('Terugkoppeldatum')
      .fill(amsterdamNow(new Date(Date.now() + 14 * 86_400_000)).date);
    await leadSection
      .getByLabel('Standpunt van het lokale team')
      .fill('Twee uur per week past bij het plan van Jesse.');
    await leadSection
      .getByLabel('Standpunt van de aanbieder')
      .fill('Vier uur is nodig voor de Kosters.');
    await leadSection.getByLabel('Wat vraagt u de contractmanager').fill('Besluit over de inzet.');
    await leadSection.getByRole('button', { name: 'Overzicht bekijken' }).click();
    const preview = leadSection.getByRole('group', { name: /Geanonimiseerd overzicht/ });
    await preview.waitFor();
    const previewText = await preview.innerText();
    expect(previewText).not.toMatch(/Koster|Jesse|Noa/);
    expect(previewText).toContain('[naam]');
    expect(previewText).toContain('13 jaar');
    await expectAccessible(lead);
    await leadSection.getByRole('button', { name: 'Niveau vastleggen en overzicht delen' }).click();
    await leadSection.getByText('Niveau 5 is vastgelegd.').waitFor();
    await leadSection.getByText(/gedeeld met de contractmanager/).waitFor();

    // The contract manager reads the overview, and only that.
    const contract = await loggedIn(CONTRACT);
    await contract
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Escalaties' })
      .click();
    await contract.getByRole('heading', { level: 1, name: 'Escalaties' }).waitFor();
    const shared = contract.getByRole('group', { name: /Geanonimiseerd overzicht ESC-RIJ/ });
    await shared.waitFor();
    const body = await contract.locator('main').innerText();
    expect(body).not.toMatch(/Koster|Jesse|Noa|Bergweg|3036/);
    expect(body).toContain('Besluit over de inzet.');
    expect(body).toContain('Spreekt de aanbieder aan op de acceptatieplicht');
    await expectAccessible(contract);
    await contract.goto(`${url}/casussen/${caseId}`);
    await contract.getByRole('heading', { level: 1, name: /niet gevonden/i }).waitFor();
    expect(await contract.locator('main').innerText()).not.toContain('Koster');
  }, 300_000);
});
