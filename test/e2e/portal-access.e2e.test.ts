/**
 * Browser journey of issue 10 (ADR 0026): in Zoetermeer the casusregisseur of the responsible
 * team records on the case page, with the keyboard only, the e-mail address father Pieter logs in
 * to the family portal with, and that the court removed mother Sanne's authority — first without
 * an explanation (refused, the field named), then with one. The section then says that Pieter
 * can use the portal and why Sanne cannot. On a phone, Daan (17) then lets his mother read along
 * with his own goal in the portal, and she sees it. axe-core runs on every state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { createPortalSession, PORTAL_COOKIE } from '../../src/server/portal/sessions.js';
import { contentHash } from '../../src/store/plans.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const REGISSEUR = 'casusregisseur.ztm@demo.casusregie.nl';
const TEAMLEIDER = 'teamleider.ztm@demo.casusregie.nl';
const PHONE = { width: 390, height: 844 };

describe('family portal access on the case page', () => {
  const journey = browserJourney();

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('records a parent’s e-mail and the removal of the other parent’s authority', async () => {
    const url = journey.server.url;
    const db = journey.server.db;
    const now = amsterdamNow();
    const address = `pieter.hoekstra.${Date.now()}@voorbeeld.nl`;
    const lead = await apiSession((await journey.context()).request, url, TEAMLEIDER);
    const created = await lead.post('/casussen', {
      route: 'A',
      regio: 'ZTM',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Hoekstra' },
      jeugdigen: [
        { naam: 'Fenna Hoekstra', geboortedatum: `${now.year - 13}-02-03`, bsn: freshBsn() },
      ],
      ouders: [
        { naam: 'Pieter Hoekstra', soort: 'ouder' },
        { naam: 'Sanne Hoekstra', soort: 'ouder' },
      ],
      aangemeldOp: new Date(Date.now() - 7_200_000).toISOString(),
    });
    const caseId = String(created['id']);

    const page = await loggedIn(REGISSEUR);
    await page.goto(`${url}/casussen/${caseId}`);
    const section = page.getByRole('region', { name: 'Gezinsportaal', exact: true });
    await section.getByRole('heading', { level: 3, name: 'Pieter Hoekstra (ouder)' }).waitFor();
    expect(await section.innerText()).toContain('Er is geen e-mailadres vastgelegd');
    await journey.expectAccessible(page);

    // Pieter's address, typed and submitted with the keyboard.
    const pieter = section.getByRole('article', { name: 'Pieter Hoekstra (ouder)' });
    await pieter.getByLabel('E-mailadres van Pieter Hoekstra voor het gezinsportaal').focus();
    await page.keyboard.type(address);
    await page.keyboard.press('Enter');
    await pieter.getByText('Het e-mailadres van Pieter Hoekstra is opgeslagen.').waitFor();
    await pieter
      .getByText('Kan het gezinsportaal gebruiken als ouder of vertegenwoordiger.')
      .waitFor();
    await journey.expectAccessible(page);

    // Sanne's authority: without an explanation the form names the field.
    const sanne = section.getByRole('article', { name: 'Sanne Hoekstra (ouder)' });
    await sanne.getByRole('button', { name: 'Gezag ontnomen vastleggen' }).focus();
    await page.keyboard.press('Enter');
    const summary = sanne.getByRole('alert');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Toelichting');
    await journey.expectAccessible(page);
    await summary.getByRole('link').first().focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Beschikking rechtbank Den Haag van 2 november');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await sanne.getByText('Vastgelegd: het gezag van Sanne Hoekstra is ontnomen.').waitFor();
    await sanne
      .getByText(/Kan het gezinsportaal niet gebruiken: Het gezag van deze ouder is ontnomen/)
      .waitFor();
    expect(await sanne.innerText()).toContain('Beschikking rechtbank Den Haag van 2 november');
    await journey.expectAccessible(page);

    const people = await db
      .selectFrom('person')
      .innerJoin('casus', 'casus.household_id', 'person.household_id')
      .select(['person.name', 'person.email', 'person.authority_removed'])
      .where('casus.id', '=', caseId)
      .where('person.kind', '=', 'ouder')
      .orderBy('person.name')
      .execute();
    expect(people).toEqual([
      { name: 'Pieter Hoekstra', email: address, authority_removed: false },
      { name: 'Sanne Hoekstra', email: null, authority_removed: true },
    ]);
  });

  it('lets a 17-year-old choose on a phone that his mother reads along', async () => {
    const url = journey.server.url;
    const db = journey.server.db;
    const now = amsterdamNow();
    const lead = await apiSession((await journey.context()).request, url, TEAMLEIDER);
    const created = await lead.post('/casussen', {
      route: 'A',
      regio: 'ZTM',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Meelezen' },
      jeugdigen: [
        { naam: 'Daan Meelezen', geboortedatum: `${now.year - 17}-01-02`, bsn: freshBsn() },
      ],
      ouders: [{ naam: 'Kim Meelezen', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 7_200_000).toISOString(),
    });
    const caseId = String(created['id']);
    const people = await db
      .selectFrom('person')
      .innerJoin('casus', 'casus.household_id', 'person.household_id')
      .select(['person.id', 'person.kind'])
      .where('casus.id', '=', caseId)
      .execute();
    const daan = people.find((p) => p.kind === 'jeugdige')?.id ?? '';
    const kim = people.find((p) => p.kind === 'ouder')?.id ?? '';
    const staff = await db
      .selectFrom('staff')
      .select('id')
      .where('email', '=', TEAMLEIDER)
      .executeTakeFirstOrThrow();
    const content = {
      goals: [
        {
          id: 'werk',
          resultArea: 'opvoeden-en-opgroeien',
          description: 'Daan vindt een bijbaan',
          measurableTarget: 'een contract',
          owner: { kind: 'gezin', name: 'Daan' },
          targetDate: '2027-01-31',
          progress: 'loopt',
          aboutPersonIds: [daan],
        },
      ],
    };
    const plan = await db
      .insertInto('plan')
      .values({
        case_id: caseId,
        kind: 'ondersteuningsplan',
        subject_person_id: null,
        created_by: staff.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('plan_version')
      .values({
        plan_id: plan.id,
        version: 1,
        status: 'vastgesteld',
        start_date: '2026-01-05',
        content: JSON.stringify(content),
        content_hash: contentHash('2026-01-05', content),
        created_by: staff.id,
        updated_at: new Date(),
        fixed_at: new Date(),
        fixed_by: staff.id,
      })
      .execute();
    const phonePageAs = async (personId: string) => {
      const { token } = await createPortalSession(db, personId, new Date());
      const context = await journey.context({ viewport: PHONE, isMobile: true, hasTouch: true });
      await context.addCookies([{ name: PORTAL_COOKIE, value: token, url }]);
      const page = await journey.page(context);
      await page.goto(`${url}/portaal/casussen/${caseId}`);
      await page.getByRole('heading', { level: 2, name: 'Ons plan' }).waitFor();
      return page;
    };

    const mother = await phonePageAs(kim);
    expect(await mother.content()).not.toContain('Daan vindt een bijbaan');
    await expect(
      mother.getByRole('heading', { name: 'Meelezen door je ouders' }).count(),
    ).resolves.toBe(0);

    const page = await phonePageAs(daan);
    const section = page.getByRole('region', { name: 'Meelezen door je ouders' });
    const yes = section.getByRole('radio', { name: 'Ja, dat vind ik goed' });
    await section.getByRole('radio', { name: 'Nee, liever niet' }).waitFor();
    expect(await section.getByRole('radio', { name: 'Nee, liever niet' }).isChecked()).toBe(true);
    await journey.expectAccessible(page);
    await yes.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await section
      .getByText('Bewaard. Je ouders kunnen nu ook zien wat alleen over jou gaat.')
      .waitFor();
    await journey.expectAccessible(page);

    await mother.reload();
    await mother.getByRole('heading', { name: 'Daan vindt een bijbaan' }).waitFor();
  });
});
