/**
 * Browser journey of issue 8, the consent register (Jeugdwet 7.3.11; ADR 0018): in Zoetermeer
 * the casusregisseur records on the case page that the father withdrew his consent to share with
 * youth care providers (his daughter is 11, so he decides). When she then tries to hand
 * casusregie to a practitioner of a provider, the handover section already warns, and the start
 * is refused with a message naming who withdrew what and when. Her working note on the same page
 * is marked as private. axe-core runs on every page state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const REGISSEUR = 'casusregisseur.ztm@demo.casusregie.nl';
const TEAMLEIDER = 'teamleider.ztm@demo.casusregie.nl';
const BEHANDELAAR = 'behandelaar.ztm@demo.casusregie.nl';

describe('consent register in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('a withdrawal recorded by the casusregisseur stops the handover to a provider', async () => {
    const url = journey.server.url;
    const db = journey.server.db;
    const now = amsterdamNow();
    const regisseur = await db
      .selectFrom('staff')
      .select(['id', 'organisation_id'])
      .where('email', '=', REGISSEUR)
      .executeTakeFirstOrThrow();
    const practitioner = await db
      .selectFrom('staff')
      .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
      .select(['staff.name', 'organisation.name as organisation'])
      .where('staff.email', '=', BEHANDELAAR)
      .executeTakeFirstOrThrow();

    const lead = await apiSession((await journey.context()).request, url, TEAMLEIDER);
    const created = await lead.post('/casussen', {
      route: 'A',
      regio: 'ZTM',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Hoekstra' },
      jeugdigen: [
        { naam: 'Fenna Hoekstra', geboortedatum: `${now.year - 11}-02-03`, bsn: freshBsn() },
      ],
      ouders: [{ naam: 'Pieter Hoekstra', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 7_200_000).toISOString(),
    });
    const caseId = String(created['id']);
    await lead.post(`/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      organisatieId: regisseur.organisation_id,
      medewerkerId: regisseur.id,
      vanaf: new Date(Date.now() - 3_600_000).toISOString(),
      reden: 'na de screening',
    });

    const page = await loggedIn(REGISSEUR);
    await page.goto(`${url}/casussen/${caseId}`);
    const consent = page.getByRole('region', { name: 'Toestemming om gegevens te delen' });
    await consent.getByText('Er is nog geen toestemming vastgelegd.').waitFor();
    await expectAccessible(page);

    // A form without answers is refused in the browser, naming the fields.
    await consent.getByRole('button', { name: 'Vastleggen' }).click();
    const summary = consent.getByRole('alert');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Gezinslid');
    await expectAccessible(page);

    // The father withdrew his consent for youth care providers, by phone today.
    await consent.getByLabel('Gezinslid').selectOption({ label: 'Pieter Hoekstra (ouder)' });
    await consent.getByLabel('Ontvanger').selectOption({ label: 'jeugdhulpaanbieder' });
    await consent
      .getByLabel('Doel', { exact: true })
      .fill('overdracht van de casusregie aan een jeugdhulpaanbieder');
    await consent.getByLabel('Ingetrokken of geweigerd').check();
    await consent.getByLabel('Datum', { exact: true }).fill(now.date);
    await consent.getByLabel('Mondeling').check();
    await consent.getByRole('button', { name: 'Vastleggen' }).click();
    await consent.getByText('De intrekking is vastgelegd.').waitFor();
    const history = consent.getByRole('table', { name: /Geschiedenis van de toestemming/ });
    expect(await history.innerText()).toContain('ingetrokken');
    await expectAccessible(page);

    // The handover section warns as soon as the provider is chosen, and the start is refused.
    const handover = page.getByRole('region', { name: 'Warme overdracht van de casusregie' });
    await handover.getByLabel('Organisatie').selectOption({ label: practitioner.organisation });
    await handover.getByText(/Toestemming ingetrokken/).waitFor();
    await handover.getByLabel('Nieuwe casusregisseur').selectOption({ label: practitioner.name });
    await handover
      .getByLabel('Reden', { exact: true })
      .fill('De behandelaar ziet het gezin wekelijks en neemt de regie over.');
    await handover.getByRole('button', { name: 'Overdracht starten' }).click();
    const refusal = handover.getByRole('alert');
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toContain('Pieter Hoekstra heeft op');
    expect(text).toContain('(mondeling) de toestemming ingetrokken');
    expect(text).toContain('Jeugdwet artikel 7.3.11');
    await handover.getByText('Er loopt geen overdracht van de casusregie.').waitFor();
    await expectAccessible(page);

    // A private working note, marked as such.
    const notes = page.getByRole('region', { name: 'Mijn werkaantekeningen' });
    await notes.getByText('Alleen voor u zichtbaar; geen onderdeel van het dossier').waitFor();
    await notes.getByLabel('Aantekening', { exact: true }).fill('Vader belt liever na 17 uur.');
    await notes.getByRole('button', { name: 'Opslaan' }).click();
    await notes.getByText('Vader belt liever na 17 uur.').waitFor();
    await expectAccessible(page);
  }, 300_000);
});
