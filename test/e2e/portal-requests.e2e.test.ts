/**
 * Asking and writing in the family portal on a phone (390×844; issue 10, ADR 0026). Gezin
 * Vraag: mother Kim and Noor, 14 today; the family holds casusregie. Kim asks the local team
 * for a casusregisseur, asks for a copy of the record and writes a note she shares with the
 * casusregisseur; the professional side has the notification, the record request and the note.
 * Noor sees that the family asked, cannot ask for the record herself (she is 14; her parents
 * do) and does not see her mother's note. The casusregisseur sees the request on the case page
 * and declines it with an explanation, which Kim then reads; she may ask again. The session cookie is set on
 * the browser context directly (logging in is the login journey's concern); axe finds nothing
 * serious in any state, errors included.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { bornYearsAgo, familyCase, portalCasePageOnPhone } from '../support/portal-family.js';
import { LoginPage } from './pages/LoginPage.js';
import { browserJourney } from './support.js';

/** The casusregisseur of the Zoetermeer local team that is responsible for the case. */
const REGISSEUR = 'casusregisseur.ztm@demo.casusregie.nl';

describe('asking and writing in the family portal on a phone', () => {
  const journey = browserJourney(5);
  const ids = { caseId: '', kim: '', noor: '' };

  async function family(): Promise<void> {
    if (ids.caseId) return;
    const made = await familyCase(journey.server.db, {
      label: 'Gezin Vraag',
      members: [
        { kind: 'ouder', name: 'Kim Vraag' },
        { kind: 'jeugdige', name: 'Noor Vraag', birthDate: bornYearsAgo(14) },
      ],
      casusregie: 'gezin',
      staffEmail: REGISSEUR,
    });
    ids.kim = made.personIds[0] ?? '';
    ids.noor = made.personIds[1] ?? '';
    ids.caseId = made.caseId;
  }

  async function phonePageAs(who: 'kim' | 'noor'): Promise<Page> {
    await family();
    const page = await portalCasePageOnPhone(journey, ids[who], ids.caseId);
    await page.getByRole('heading', { level: 2, name: 'Iets vragen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mijn notities' }).waitFor();
    return page;
  }

  it('lets the parent ask for a casusregisseur, request a copy and write a shared note', async () => {
    const page = await phonePageAs('kim');
    await journey.expectAccessible(page);

    // 1. A casusregisseur.
    await page
      .getByLabel('Waarom wilt u een casusregisseur?')
      .fill('Het wordt mij te veel naast mijn werk.');
    await page.getByRole('button', { name: 'Vraag een casusregisseur' }).click();
    await page.getByText('is voor uw gezin om een casusregisseur gevraagd').waitFor();
    await expect(
      page.getByRole('button', { name: 'Vraag een casusregisseur' }).count(),
    ).resolves.toBe(0);
    await journey.expectAccessible(page);
    const db = journey.server.db;
    const told = await db
      .selectFrom('notification')
      .select('staff_id')
      .where('case_id', '=', ids.caseId)
      .where('title', '=', 'Het gezin vraagt om een casusregisseur')
      .execute();
    expect(told.length).toBeGreaterThan(0);

    // 2. A copy of the record: first without a choice (named at the field), then with one.
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Kies wat u wilt.').waitFor();
    await journey.expectAccessible(page);
    await page.getByLabel('Een kopie van het dossier (afschrift)').check();
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Uw verzoek is verstuurd.').waitFor();
    await page.getByRole('heading', { level: 4, name: 'Een kopie van het dossier' }).waitFor();
    await expect(page.getByText('We zijn ermee bezig').count()).resolves.toBe(1);
    await journey.expectAccessible(page);
    const requests = await db
      .selectFrom('record_request')
      .select(['person_id', 'via', 'portal_form'])
      .where('case_id', '=', ids.caseId)
      .execute();
    expect(requests).toEqual([{ person_id: ids.kim, via: 'portaal', portal_form: 'afschrift' }]);

    // 3. A note: empty is refused at the field; then one shared with the casusregisseur.
    await page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await page.getByText('Schrijf eerst uw notitie.').waitFor();
    await journey.expectAccessible(page);
    await page.getByLabel('Notitie', { exact: true }).fill('Het slapen gaat al beter.');
    await page.getByLabel('Ik en de casusregisseur').check();
    await page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await page.getByText('De notitie is bewaard.').waitFor();
    await page.getByText('Het slapen gaat al beter.').waitFor();
    await expect(page.getByText('Gedeeld met de casusregisseur').count()).resolves.toBe(1);
    await journey.expectAccessible(page);
    const notes = await db
      .selectFrom('family_note')
      .select(['person_id', 'shared'])
      .where('case_id', '=', ids.caseId)
      .execute();
    expect(notes).toEqual([{ person_id: ids.kim, shared: true }]);

    // Nothing sticks out sideways on a phone.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('shows the 14-year-old the family’s request, lets her ask for her own record, hides her mother’s note', async () => {
    const page = await phonePageAs('noor');
    // Her mother already asked: Noor sees that, for the whole family.
    await page.getByText('is voor jullie om een casusregisseur gevraagd').waitFor();
    // From 12 the right to inspect the record is her own (Jeugdwet 7.3.10, 7.3.15 lid 1).
    await expect(page.getByRole('button', { name: 'Verzoek versturen' }).count()).resolves.toBe(1);
    await page.getByText('Je hebt nog geen notities.').waitFor();
    expect(await page.content()).not.toContain('Het slapen gaat al beter.');
    await journey.expectAccessible(page);
  });

  it('shows the casusregisseur the family’s request and shared note; the request is declined with an explanation', async () => {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(REGISSEUR, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.goto(`${journey.server.url}/casussen/${ids.caseId}`);
    await page.getByRole('heading', { level: 2, name: 'Gedeeld door het gezin' }).waitFor();
    await page.getByText('Het slapen gaat al beter.').waitFor();
    await expect(
      page.getByText('Het gezin vraagt om een casusregisseur (via het gezinsportaal)').count(),
    ).resolves.toBe(1);
    await journey.expectAccessible(page);

    // The request, with the family's reason; declining needs an explanation for the family.
    const request = page.getByRole('region', { name: 'Verzoek om een casusregisseur' });
    await request.getByText('Het wordt mij te veel naast mijn werk.').waitFor();
    await request.getByRole('button', { name: 'Verzoek afwijzen' }).click();
    await request
      .getByRole('alert')
      .getByText(/schrijf voor het gezin waarom niet/)
      .waitFor();
    await journey.expectAccessible(page);
    await request
      .getByLabel('Uitleg voor het gezin')
      .fill('Ik bel u eerst om samen te kijken wat u naast uw werk nodig heeft.');
    await request.getByRole('button', { name: 'Verzoek afwijzen' }).click();
    await request.getByText(/Het laatste verzoek is op .* afgewezen/).waitFor();
    // Said, and focused: the form the user was in is gone.
    const said = request.getByRole('status').filter({ hasText: 'Het verzoek is afgewezen.' });
    await said.waitFor();
    await expect
      .poll(() => said.evaluate((el) => el === el.ownerDocument.activeElement))
      .toBe(true);
    await page.getByText('Verzoek van het gezin om een casusregisseur afgewezen').first().waitFor();
    await journey.expectAccessible(page);
  });

  it('shows the parent the team’s explanation, and lets her ask again', async () => {
    const page = await phonePageAs('kim');
    await page.getByText('heeft het lokaal team het verzoek om een casusregisseur niet').waitFor();
    await page
      .getByText('Ik bel u eerst om samen te kijken wat u naast uw werk nodig heeft.')
      .waitFor();
    await page.getByRole('button', { name: 'Vraag een casusregisseur' }).waitFor();
    await journey.expectAccessible(page);
  });
});
