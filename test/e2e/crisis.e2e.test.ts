/**
 * Browser journey of issue 6, done-when (4): a crisis in a Rijnmond family whose casusregie lies
 * with the family. The casusregisseur calls in the crisis team on the case page; the crisis
 * team's worker finds the request under "Crisis", takes temporary crisiscasusregie with a planned
 * end, asks the local team for a casusregisseur (there is none to hand back to), and — once the
 * team lead has assigned one — hands the regie back with a handover. After that the crisis team
 * no longer opens the case, and the case shows the ended crisiscasusregie. axe-core runs on every
 * page state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const REGISSEUR = 'casusregisseur.rij@demo.casusregie.nl';
const TEAMLEIDER = 'teamleider.rij@demo.casusregie.nl';
const CRISIS = 'crisismedewerker.rij@demo.casusregie.nl';

describe('crisis in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('the crisis team takes crisiscasusregie, asks for a casusregisseur and hands back', async () => {
    const url = journey.server.url;
    const now = amsterdamNow();
    const regisseurContext = await journey.context();
    const api = await apiSession(regisseurContext.request, url, REGISSEUR);
    const created = await api.post('/casussen', {
      route: 'A',
      regio: 'RIJ',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Smit' },
      jeugdigen: [{ naam: 'Lina Smit', geboortedatum: `${now.year - 8}-04-03`, bsn: freshBsn() }],
      ouders: [{ naam: 'Rob Smit', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const caseId = String(created['id']);

    // The casusregisseur calls in the crisis team.
    const regisseur = await journey.page(regisseurContext);
    await regisseur.goto(`${url}/casussen/${caseId}`);
    const crisis = regisseur.getByRole('region', { name: 'Crisis' });
    await crisis.getByRole('heading', { name: 'Crisisteam inschakelen' }).waitFor();
    await crisis.getByRole('button', { name: 'Crisisteam inschakelen' }).click();
    await crisis.getByText(/Wat is er aan de hand: beschrijf/).waitFor();
    await expectAccessible(regisseur);
    await crisis
      .getByLabel('Wat is er aan de hand')
      .fill('Vader is opgenomen; moeder is onbereikbaar en Lina is alleen thuis.');
    await crisis.getByRole('button', { name: 'Crisisteam inschakelen' }).click();
    await crisis.getByText('crisisteam ingeschakeld, nog niet opgepakt').waitFor();
    await expectAccessible(regisseur);

    // The crisis team takes the regie from its own page.
    const team = await journey.page(await journey.context());
    await team.goto(`${url}/inloggen`);
    await new LoginPage(team).logIn(CRISIS, DEMO_PASSWORD);
    await team.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await team
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Crisis' })
      .click();
    const card = team.getByRole('article', { name: 'Gezin Smit (RIJ)' });
    await card.waitFor();
    await expectAccessible(team);
    await card
      .getByLabel('Gepland einde van de crisiscasusregie')
      .fill(amsterdamNow(new Date(Date.now() + 14 * 86_400_000)).date);
    await card.getByRole('button', { name: 'Crisiscasusregie nemen' }).click();
    await card.getByText('U hebt nu tijdelijk de crisiscasusregie.').waitFor();
    await card.getByText(/Deze casus heeft geen casusregisseur/).waitFor();
    await card.getByRole('link', { name: 'Naar de casus van Gezin Smit' }).click();
    await team.getByRole('heading', { level: 1, name: 'Gezin Smit' }).waitFor();

    // No casusregisseur to hand back to: ask the local team for one.
    const teamCrisis = team.getByRole('region', { name: 'Crisis' });
    await teamCrisis.getByText('crisisteam heeft de casusregie').waitFor();
    await teamCrisis.getByRole('button', { name: 'Casusregie teruggeven' }).waitFor();
    await teamCrisis
      .getByLabel('Overdracht')
      .fill('Lina is bij haar tante; moeder is weer bereikbaar. Veiligheidsplan is gemaakt.');
    await teamCrisis.getByRole('button', { name: 'Casusregie teruggeven' }).click();
    await teamCrisis.getByText(/er is nog geen casusregisseur/).waitFor();
    await teamCrisis.getByLabel('Toelichting').fill('Het gezin kan de regie nu niet zelf dragen.');
    await teamCrisis.getByRole('button', { name: 'Casusregisseur vragen' }).click();
    await teamCrisis.getByText(/het lokale team is gevraagd er een aan te wijzen/).waitFor();
    await expectAccessible(team);

    // The team lead assigns a casusregisseur (the role form is tested elsewhere).
    const lead = await apiSession((await journey.context()).request, url, TEAMLEIDER);
    const staff = (await lead.get('/organisaties?regio=RIJ')) as unknown as {
      id: string;
      soort: string;
    }[];
    const regisseurMe = (await api.get('/sessie'))['medewerker'] as {
      id: string;
      organisatieId: string;
    };
    expect(staff.some((o) => o.id === regisseurMe.organisatieId)).toBe(true);
    await lead.post(`/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      medewerkerId: regisseurMe.id,
      organisatieId: regisseurMe.organisatieId,
      vanaf: new Date(Date.now() - 60_000).toISOString(),
      reden: 'gevraagd door het crisisteam',
    });

    // Now the crisis team hands back.
    await team.reload();
    await teamCrisis.getByRole('button', { name: 'Casusregie teruggeven' }).waitFor();
    await teamCrisis
      .getByLabel('Overdracht')
      .fill('Lina is bij haar tante; moeder is weer bereikbaar. Veiligheidsplan is gemaakt.');
    await teamCrisis.getByRole('button', { name: 'Casusregie teruggeven' }).click();
    await team.getByRole('heading', { level: 1, name: 'Crisis' }).waitFor();
    await team.getByText('De casusregie van Gezin Smit is teruggegeven.').waitFor();
    await team.getByText('Er staan geen crisisverzoeken open.').waitFor();
    await expectAccessible(team);
    await team.goto(`${url}/casussen/${caseId}`);
    await team.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();

    // The casusregisseur sees the crisis handed back and the role ended.
    await regisseur.reload();
    await crisis.getByRole('heading', { name: 'Eerdere crises' }).waitFor();
    expect(await crisis.innerText()).toContain('Veiligheidsplan is gemaakt');
    const crisisRole = regisseur
      .getByRole('table', { name: 'Wie heeft welke regie, nu en eerder' })
      .getByRole('row')
      .filter({ hasText: 'Crisiscasusregie' });
    expect(await crisisRole.innerText()).toContain('(eerder)');
    await expectAccessible(regisseur);
  }, 300_000);
});
