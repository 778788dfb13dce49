/**
 * Browser journey of issue 6, op- en afschalen: a GRO family has ambulant help allocated
 * through route A (set up over the API). On the case page the casusregisseur proposes to end the
 * help earlier — a proposal without reasons is refused first, the field named. The team lead,
 * whose WIJ-team holds procesregie, approves on the same page; the allocation is changed (same
 * number, earlier end, reden wijziging 05) and the history shows proposal, decision and change.
 * axe-core runs on every state.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const REGISSEUR = 'casusregisseur.gro@demo.casusregie.nl';
const TEAMLEIDER = 'teamleider.gro@demo.casusregie.nl';
const BACKOFFICE = 'backoffice.gro@demo.casusregie.nl';

/** A day `days` from now on the Amsterdam calendar, as the form takes it (dd-mm-jjjj). */
const inDays = (days: number) => amsterdamNow(new Date(Date.now() + days * 86_400_000)).date;

describe('adjusting help in the browser', () => {
  const journey = browserJourney();

  it('casusregisseur proposes to end the help earlier → the team lead approves → the allocation changes', async () => {
    const now = amsterdamNow();
    const url = journey.server.url;
    const regisseurContext = await journey.context();
    const api = await apiSession(regisseurContext.request, url, REGISSEUR);

    // Before: a route A family with a fixed plan and ambulant help allocated for a year.
    const created = await api.post('/casussen', {
      route: 'A',
      regio: 'GRO',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Dijkstra' },
      jeugdigen: [
        { naam: 'Mees Dijkstra', geboortedatum: `${now.year - 9}-06-14`, bsn: freshBsn() },
      ],
      ouders: [{ naam: 'Iris Dijkstra', soort: 'ouder' }],
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
        uitkomstAnalyse: 'Driftbuien thuis; juf ziet vooruitgang.',
        uitkomstRisicotaxatie: 'Veilig.',
        intensiteit: 'Trede 2: wekelijks',
        verwachteDuur: '12 maanden',
        samenwerking: 'WIJ-team, ouders en school.',
        afstemmingSchool: 'Eén plan voor thuis en school.',
        doelen: [
          {
            id: '1',
            resultaatgebied: 'opvoeding',
            omschrijving: 'Rustige avonden thuis',
            meetbaarResultaat: 'Vier van de vijf doordeweekse avonden zonder driftbui',
            eigenaar: { soort: 'gezin', naam: 'Iris Dijkstra' },
            streefdatum: `${now.year + 1}-01-01`,
          },
        ],
      },
    });
    const planId = String(plan['id']);
    const persons = (await api.get(`/casussen/${caseId}`))['personen'] as {
      id: string;
      soort: string;
    }[];
    for (const person of persons)
      await api.post(`/plannen/${planId}/handtekeningen`, {
        persoonId: person.id,
        methode: 'op-scherm',
        op: new Date(Date.now() - 60_000).toISOString(),
      });
    await api.post(`/plannen/${planId}/vaststellen`, { op: new Date().toISOString() });
    const basis = await api.get(`/casussen/${caseId}/toewijzingsvoorstel/basis`);
    const provider = (basis['aanbieders'] as { agb: string; producten: string[] }[]).find((a) =>
      a.producten.includes('45A03'),
    );
    const child = persons.find((p) => p.soort === 'jeugdige')?.id ?? '';
    const parent = persons.find((p) => p.soort !== 'jeugdige')?.id ?? '';
    const proposal = await api.post(`/casussen/${caseId}/toewijzingsvoorstellen`, {
      jeugdigeId: child,
      aanbieder: provider?.agb,
      producten: [
        {
          productcode: '45A03',
          volume: 3,
          ingangsdatum: today,
          einddatum: `${now.year + 1}${today.slice(4)}`,
        },
      ],
      overdracht: {
        vraagverheldering: 'Ouders willen rustige avonden.',
        analyse: 'Driftbuien; school en oma helpen mee. Veilig.',
        ondersteuningsbehoefte: 'Ambulante gezinsbehandeling, 3 uur per week.',
        onderbouwing: 'Opvoedadvies alleen was niet genoeg.',
        telefoonCasusregisseur: '050 7654321',
        contacten: [
          {
            persoonId: child,
            adres: {
              straat: 'Noorderplantsoen',
              huisnummer: '12',
              postcode: '9712 AB',
              plaats: 'Groningen',
            },
          },
          { persoonId: parent, telefoon: '06 22223333' },
        ],
      },
    });
    const backofficeContext = await journey.context();
    const backoffice = await apiSession(backofficeContext.request, url, BACKOFFICE);
    await backoffice.post(`/toewijzingsvoorstellen/${String(proposal['id'])}/besluit`, {
      besluit: 'toewijzen',
    });

    // The casusregisseur proposes on the case page.
    const page = await journey.page(regisseurContext);
    await page.goto(`${url}/casussen/${caseId}`);
    const section = page.getByRole('region', { name: 'Hulp aanpassen (op- en afschalen)' });
    await section.getByRole('table', { name: 'Toewijzingen van deze casus' }).waitFor();
    expect(await section.getByRole('table').innerText()).toContain('45A03');
    await section.getByLabel('Afschalen: minder of korter').check();
    await section.getByLabel('Eerder stoppen: een nieuwe, vroegere einddatum').check();
    const newEnd = inDays(60);
    await section.getByLabel('Nieuwe einddatum').fill(newEnd);
    await section.getByRole('button', { name: 'Voorstel naar de procesregisseur' }).click();
    const summary = section.getByRole('alert');
    await summary.getByText('Controleer de invoer').waitFor();
    expect(await summary.innerText()).toContain('Redenen: geef de redenen voor de aanpassing');
    await journey.expectAccessible(page);
    await section
      .getByLabel('Redenen', { exact: true })
      .fill('De avonden zijn rustig; de ouders redden het met minder hulp.');
    await section.getByLabel('Rustige avonden thuis').check();
    await section.getByLabel('Overleg met de aanbieder').fill('Met de behandelaar besproken.');
    await section.getByRole('button', { name: 'Voorstel naar de procesregisseur' }).click();
    await section
      .getByText('Het voorstel staat klaar bij de procesregisseur, die erover besluit.')
      .waitFor();
    await section.getByText('Voorgesteld, wacht op besluit van de procesregisseur').waitFor();
    // The proposer does not decide its own proposal.
    expect(await section.getByRole('button', { name: 'Besluit vastleggen' }).count()).toBe(0);
    await journey.expectAccessible(page);

    // The team lead (procesregie lies with the WIJ-team) decides on the same page.
    const lead = await journey.page();
    await lead.goto(`${url}/inloggen`);
    await new LoginPage(lead).logIn(TEAMLEIDER, DEMO_PASSWORD);
    await lead.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await lead.goto(`${url}/casussen/${caseId}`);
    const decide = lead
      .getByRole('region', { name: 'Hulp aanpassen (op- en afschalen)' })
      .getByRole('form', { name: /Besluit over de aanpassing van toewijzing/ });
    await decide.getByLabel('Afwijzen').check();
    await decide.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await decide.getByText('Reden van de afwijzing: geef de reden van de afwijzing').waitFor();
    await journey.expectAccessible(lead);
    await decide.getByLabel('Goedkeuren: de toewijzing wordt aangepast').check();
    await decide.getByLabel('Toelichting').fill('Akkoord; evaluatie over zes weken.');
    await decide.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const done = lead.getByRole('region', { name: 'Hulp aanpassen (op- en afschalen)' });
    await done.getByText('Uitgevoerd: de toewijzing is aangepast').first().waitFor();
    const text = await done.innerText();
    expect(text).toContain(`eindigt op ${newEnd}`);
    expect(text).toContain('reden wijziging 05');
    expect(text).toMatch(
      /Voorgesteld door .*\n?.*Goedgekeurd door .*Akkoord; evaluatie over zes weken\./s,
    );
    await journey.expectAccessible(lead);
  }, 300_000);
});
