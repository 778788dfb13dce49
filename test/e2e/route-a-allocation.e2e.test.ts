/**
 * Browser journey of issue 5, route A: a GRO casusregisseur whose family's ondersteuningsplan
 * is fixed proposes an allocation on the case page — contracted provider, product, the
 * handover (GRO-DEC-OVERDRACHT); a thin handover is refused field by field first. The
 * municipality's back office opens the proposal under "Voorstellen", sees the budget
 * (GRO-DEC-BUDGET) and allocates. The provider's planner then finds the case with the
 * handover: contacts, analysis summary and the arrangement. axe-core runs on every page.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, browserJourney } from './support.js';

const REGISSEUR = 'casusregisseur.gro@demo.casusregie.nl';
const BACKOFFICE = 'backoffice.gro@demo.casusregie.nl';
const PLANNER = 'planner.gro@demo.casusregie.nl';

async function apiSession(request: APIRequestContext, url: string, email: string) {
  const login = await request.post(`${url}/api/v1/sessie`, {
    data: { email, wachtwoord: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const me = (await login.json()) as { csrfToken: string; medewerker: { organisatieId: string } };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    organisationId: me.medewerker.organisatieId,
    post: async (path: string, data: object) => {
      const res = await request.post(`${url}/api/v1${path}`, { data, headers });
      expect(res.status(), await res.text()).toBeLessThan(300);
      const body = await res.text();
      return (body ? JSON.parse(body) : {}) as Record<string, unknown>;
    },
  };
}

describe('route A allocation in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('proposal with handover → back office allocates → the provider reads the handover', async () => {
    const now = amsterdamNow();
    const url = journey.server.url;
    const regisseurContext = await journey.context();
    const api = await apiSession(regisseurContext.request, url, REGISSEUR);

    // Before: the family's case with a fixed ondersteuningsplan (issue 4's journey).
    const created = await api.post('/casussen', {
      route: 'A',
      regio: 'GRO',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Bosma' },
      jeugdigen: [
        { naam: 'Jip de Bosma', geboortedatum: `${now.year - 10}-02-11`, bsn: freshBsn() },
      ],
      ouders: [{ naam: 'Sanne Bosma', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const caseId = String(created['id']);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    const plan = await api.post(`/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: today,
      inhoud: {
        uitkomstAnalyse: 'Spanningen rond school; sterke band met opa.',
        uitkomstRisicotaxatie: 'Veilig.',
        intensiteit: 'Trede 2: wekelijks',
        verwachteDuur: '6 maanden',
        samenwerking: 'WIJ-team, moeder en school.',
        afstemmingSchool: 'Eén plan voor thuis en school.',
        doelen: [
          {
            id: '1',
            resultaatgebied: 'onderwijs',
            omschrijving: 'Jip gaat elke dag naar school',
            meetbaarResultaat: 'Geen ongeoorloofd verzuim in een maand',
            eigenaar: { soort: 'gezin', naam: 'Sanne Bosma' },
            streefdatum: `${now.year + 1}-03-01`,
          },
        ],
      },
    });
    const planId = String(plan['id']);
    const page0 = (await (
      await regisseurContext.request.get(`${url}/api/v1/casussen/${caseId}`)
    ).json()) as {
      personen: { id: string }[];
    };
    for (const person of page0.personen)
      await api.post(`/plannen/${planId}/handtekeningen`, {
        persoonId: person.id,
        methode: 'op-scherm',
        op: new Date(Date.now() - 60_000).toISOString(),
      });
    await api.post(`/plannen/${planId}/vaststellen`, { op: new Date().toISOString() });

    // The casusregisseur proposes on the case page.
    const page = await journey.page(regisseurContext);
    await page.goto(`${url}/casussen/${caseId}`);
    const section = page.getByRole('region', { name: 'Toewijzing en overdracht' });
    await section.getByText('Er is nog geen toewijzing voorgesteld of gedaan.').waitFor();
    // The planner account below works at the region's first provider, the contract partner.
    await section.getByLabel('Aanbieder').selectOption({ label: 'Jeugdhulp Stad en Ommeland' });
    await section.getByLabel('Product', { exact: true }).selectOption('45A03');
    await section.getByLabel('Volume').fill('4');
    await section.getByLabel('Ingangsdatum').fill(now.date);
    await section.getByLabel('Einddatum').fill(`${now.date.slice(0, 6)}${now.year + 1}`);
    // A message without the substantive handover is refused, each missing part named.
    await section.getByRole('button', { name: 'Voorstel naar de gemeente' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('Controleer de invoer').waitFor();
    expect(await summary.innerText()).toContain('GRO-DEC-OVERDRACHT');
    await expectAccessible(page);
    await section
      .getByLabel('Uitkomst vraagverheldering')
      .fill('Moeder wil dat Jip weer graag naar school gaat.');
    await section
      .getByLabel('Samenvatting analyse')
      .fill('Spanning rond school; opa is een steun. Veilig.');
    await section
      .getByLabel('Ingeschatte ondersteuningsbehoefte')
      .fill('Ambulante begeleiding, 4 uur per week.');
    await section
      .getByLabel('Onderbouwing')
      .fill('Gesprekken met school alleen waren niet genoeg.');
    await section.getByLabel('Straat').fill('Oosterweg');
    await section.getByLabel('Huisnummer').fill('3');
    await section.getByLabel('Postcode').fill('9724 ab');
    await section.getByLabel('Plaats').fill('Groningen');
    await section
      .getByRole('group', { name: 'Bereikbaarheid Sanne Bosma' })
      .getByLabel('Telefoon')
      .fill('06 11112222');
    await section.getByRole('button', { name: 'Voorstel naar de gemeente' }).click();
    await section
      .getByText('Het voorstel staat klaar bij de backoffice van de gemeente.')
      .waitFor();
    await section
      .getByRole('heading', { name: /Voorgesteld, wacht op besluit gemeente/ })
      .waitFor();
    await expectAccessible(page);

    // The back office decides, with the budget in view.
    const backoffice = await journey.page();
    await backoffice.goto(`${url}/inloggen`);
    await new LoginPage(backoffice).logIn(BACKOFFICE, DEMO_PASSWORD);
    await backoffice
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Voorstellen' })
      .click();
    await backoffice.getByRole('heading', { level: 1, name: 'Toewijzingsvoorstellen' }).waitFor();
    await expectAccessible(backoffice);
    await backoffice.getByRole('link', { name: 'Gezin Bosma' }).click();
    const budget = backoffice.getByRole('region', { name: /Budget/ });
    await budget.getByText('GRO-DEC-BUDGET').waitFor();
    expect(await budget.innerText()).toMatch(/Resterend na toewijzen\s*€/);
    await expectAccessible(backoffice);
    await backoffice.getByRole('button', { name: 'Toewijzen', exact: true }).click();
    await backoffice.getByText(/Toegewezen met nummer \d+/).waitFor();

    // The provider's planner now has the case, with the handover.
    const provider = await journey.page();
    await provider.goto(`${url}/inloggen`);
    await new LoginPage(provider).logIn(PLANNER, DEMO_PASSWORD);
    // Logged in once the menu offers to log out (the login page has a level-1 heading too).
    await provider.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await provider.goto(`${url}/casussen/${caseId}`);
    const handover = provider.getByRole('region', { name: 'Toewijzing en overdracht' });
    await handover.getByRole('heading', { name: /Toegewezen/ }).waitFor();
    const text = await handover.innerText();
    expect(text).toContain('Spanning rond school; opa is een steun.');
    expect(text).toContain('Sanne Bosma, tel. 06 11112222');
    expect(text).toContain('Oosterweg 3, 9724AB Groningen');
    expect(text).toContain('Casusregisseur:');
    expect(text).toContain('onderwijs');
    await expectAccessible(provider);
  }, 300_000);
});
