/**
 * Browser journeys of issue 8 for two pages that had an API only. The privacy officer of the
 * municipality opens the list of records whose twenty-year retention ran out (Jeugdwet 7.3.8
 * lid 3; ADR 0019) from the menu, sees case number and dates, and keeps the case longer with a
 * reason and a date. A casusregisseur changes her password: the policy's refusal names the
 * field, after the change the session was rotated by the server and the app keeps working, and
 * the next login takes the new password only. In the route A allocation proposal the consent
 * for sharing with the chosen provider shows as one line, and after the parent's withdrawal the
 * server's refusal (Jeugdwet 7.3.11) shows in the form's error summary. axe-core runs on every
 * state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { flagRetentionDue } from '../../src/jobs/retention.js';
import { LoginPage } from './pages/LoginPage.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { freshBsn } from '../factories.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const PRIVACY = 'privacyfunctionaris.lek@demo.casusregie.nl';
const REGISSEUR = 'casusregisseur.lek@demo.casusregie.nl';
const NEW_PASSWORD = 'lange wandeling langs de Lek';
const REGISSEUR_GRO = 'casusregisseur.gro@demo.casusregie.nl';

describe('the privacy pages in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  async function loggedIn(email: string, password = DEMO_PASSWORD): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, password);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('the privacy officer keeps a record whose retention ran out longer, with a reason and a date', async () => {
    const db = journey.server.db;
    const chosen = await db
      .selectFrom('casus')
      .select('id')
      .where('region', '=', 'LEK')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // The daily job, run on a day 21 years from now, flags every demo case; one stays flagged.
    const later = new Date();
    later.setUTCFullYear(later.getUTCFullYear() + 21);
    const report = await flagRetentionDue(db, later);
    expect(report.flagged).toContain(chosen.id);
    await db.deleteFrom('retention_due').where('case_id', '!=', chosen.id).execute();

    const page = await loggedIn(PRIVACY);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Bewaartermijn' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Bewaartermijn verstreken' }).waitFor();
    const table = page.getByRole('table', {
      name: 'Dossiers waarvan de bewaartermijn is verstreken',
    });
    const row = table.getByRole('row').filter({ hasText: chosen.id });
    await row.getByText('Wacht op uw besluit').waitFor();
    await expectAccessible(page);

    const form = page.getByRole('region', { name: `Besluit over casus ${chosen.id}` });
    // Destroying asks for a confirmation that says it cannot be undone; the officer backs out.
    await form.getByLabel('Vernietigen', { exact: true }).check();
    await form.getByRole('button', { name: 'Verder naar vernietigen' }).click();
    await form.getByText('Dit kan niet ongedaan worden gemaakt').waitFor();
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Niet vernietigen' }).click();

    // Keeping longer needs a reason and a date; without them the summary names both fields.
    await form.getByLabel('Langer bewaren', { exact: true }).check();
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const summary = form.getByRole('alert');
    await summary.getByText('Reden om langer te bewaren:').waitFor();
    await summary.getByText('Bewaren tot:').waitFor();
    await expectAccessible(page);

    const until = `01-03-${amsterdamNow().year + 2}`;
    await form
      .getByLabel('Reden om langer te bewaren')
      .fill('De jeugdige is nog in behandeling bij een aanbieder die het dossier nodig heeft.');
    await form.getByLabel('Bewaren tot').fill(until);
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText(`Casus ${chosen.id} blijft bewaard tot ${until}.`).waitFor();
    await row.getByText(`Langer bewaren tot ${until}`).waitFor();
    expect(await form.count()).toBe(0);
    await expectAccessible(page);

    const stored = await db
      .selectFrom('retention_due')
      .select(['status', 'keep_reason'])
      .where('case_id', '=', chosen.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('bewaren');
    expect(stored.keep_reason).toContain('in behandeling');
  });

  it('a casusregisseur changes her password, keeps working, and logs in with the new one', async () => {
    const page = await loggedIn(REGISSEUR);
    await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord wijzigen' }).waitFor();
    await expectAccessible(page);

    // A leaked password: the server's policy refuses it on the field it names.
    await page.getByLabel('Huidig wachtwoord').fill(DEMO_PASSWORD);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Wachtwoord2026!');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('Wachtwoord2026!');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page
      .getByRole('alert')
      .getByText(/^Nieuw wachtwoord: .*veelgebruikte of gelekte wachtwoorden/)
      .waitFor();
    await expectAccessible(page);

    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Uw wachtwoord is gewijzigd.').waitFor();
    await expectAccessible(page);

    // The session was rotated: the app still works, reading and changing.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Werkvoorraad' })
      .click();
    const workList = new WorkListPage(page);
    await workList.heading().waitFor();
    await workList.counts().waitFor();
    const logout = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/sessie') && r.request().method() === 'DELETE',
    );
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    expect((await logout).status()).toBeLessThan(300);

    // The old password no longer opens the app; the new one does.
    const login = new LoginPage(page);
    await login.heading().waitFor();
    await login.logIn(REGISSEUR, DEMO_PASSWORD);
    await login.alert().waitFor();
    await login.logIn(REGISSEUR, NEW_PASSWORD);
    await workList.heading().waitFor();
  });

  it('the allocation proposal shows the consent for the chosen provider and the refusal after a withdrawal', async () => {
    const url = journey.server.url;
    const now = amsterdamNow();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    const context = await journey.context();
    const api = await apiSession(context.request, url, REGISSEUR_GRO);
    const created = await api.post('/casussen', {
      route: 'A',
      regio: 'GRO',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Dijkstra' },
      jeugdigen: [
        { naam: 'Sem Dijkstra', geboortedatum: `${now.year - 9}-05-20`, bsn: freshBsn() },
      ],
      ouders: [{ naam: 'Iris Dijkstra', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const caseId = String(created['id']);
    const plan = await api.post(`/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: today,
      inhoud: {
        uitkomstAnalyse: 'Sem slaapt slecht en is bang op school.',
        uitkomstRisicotaxatie: 'Veilig.',
        intensiteit: 'Wekelijks',
        verwachteDuur: '6 maanden',
        samenwerking: 'Lokaal team, moeder en school.',
        afstemmingSchool: 'Eén plan voor thuis en school.',
        doelen: [
          {
            id: '1',
            resultaatgebied: 'onderwijs',
            omschrijving: 'Sem gaat zonder buikpijn naar school',
            meetbaarResultaat: 'Vier weken zonder ziekmelding',
            eigenaar: { soort: 'gezin', naam: 'Iris Dijkstra' },
            streefdatum: `${now.year + 1}-03-01`,
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
    const parent = persons.find((p) => p.soort !== 'jeugdige');
    // Sem is 9: his mother decides, and she withdrew consent to share with providers.
    await api.post(`/casussen/${caseId}/toestemmingen`, {
      persoonId: parent?.id,
      ontvanger: 'aanbieder',
      doel: 'toewijzing van hulp en de overdracht aan de aanbieder',
      stand: 'ingetrokken',
      datum: today,
      wijze: 'mondeling',
    });

    const page = await journey.page(context);
    await page.goto(`${url}/casussen/${caseId}`);
    const section = page.getByRole('region', { name: 'Toewijzing en overdracht' });
    await section.getByLabel('Aanbieder').selectOption({ label: 'Jeugdhulp Stad en Ommeland' });
    await section
      .getByText(/toestemming om gegevens met deze aanbieder te delen ingetrokken/)
      .waitFor();
    await expectAccessible(page);
    await section.getByLabel('Product', { exact: true }).selectOption('45A03');
    await section.getByLabel('Volume').fill('2');
    await section.getByLabel('Ingangsdatum').fill(now.date);
    await section.getByLabel('Einddatum').fill(`${now.date.slice(0, 6)}${now.year + 1}`);
    await section
      .getByLabel('Uitkomst vraagverheldering')
      .fill('Moeder wil dat Sem rustig slaapt.');
    await section.getByLabel('Samenvatting analyse').fill('Angst rond school; oma helpt. Veilig.');
    await section
      .getByLabel('Ingeschatte ondersteuningsbehoefte')
      .fill('Ambulante begeleiding, 2 uur per week.');
    await section.getByLabel('Onderbouwing').fill('Gesprekken op school waren niet genoeg.');
    await section.getByLabel('Straat').fill('Noorderweg');
    await section.getByLabel('Huisnummer').fill('12');
    await section.getByLabel('Postcode').fill('9718 ab');
    await section.getByLabel('Plaats').fill('Groningen');
    await section
      .getByRole('group', { name: 'Bereikbaarheid Iris Dijkstra' })
      .getByLabel('Telefoon')
      .fill('06 33334444');
    await section.getByRole('button', { name: 'Voorstel naar de gemeente' }).click();
    const summary = section.getByRole('alert');
    await summary.getByText(/^Aanbieder: Toestemming ingetrokken: Iris Dijkstra/).waitFor();
    expect(await summary.innerText()).toContain('Jeugdwet artikel 7.3.11');
    await expectAccessible(page);
  });
});
