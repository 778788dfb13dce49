/**
 * Issue 10, done-when: a family holding casusregie plans an evaluation and the invited provider
 * sees it (ADR 0026). Gezin Regie: mother Kim holds casusregie for the family; the demo
 * provider of the LEK planner has behandelregie on the case. On a phone (390×844) Kim opens
 * the case in the portal (session cookie set directly, as portal-case.e2e does), first sends
 * the form empty (each field names its problem), then plans an evaluation inviting the
 * provider. On a desktop the provider's planner logs in to the staff UI, finds the invitation
 * under Meldingen and, on the case page, the evaluation with place and topics. axe-core finds
 * nothing serious in any state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { createPortalSession, PORTAL_COOKIE } from '../../src/server/portal/sessions.js';
import { LoginPage } from './pages/LoginPage.js';
import { browserJourney } from './support.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const PLANNER = 'planner.lek@demo.casusregie.nl';
const VIDEO = 'https://video.example.nl/gezin-regie';

/** A date two weeks from now on the Amsterdam clock: `YYYY-MM-DD` and `dd-mm-jjjj`. */
function inTwoWeeks(): { iso: string; dutch: string } {
  const iso = new Date(Date.now() + 14 * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Amsterdam',
  });
  return { iso, dutch: `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` };
}

describe('a family holding casusregie plans an evaluation; the provider sees it', () => {
  const journey = browserJourney(5);
  const ids = { caseId: '', kim: '', provider: '', providerName: '' };

  async function family(): Promise<void> {
    const db = journey.server.db;
    const planner = await db
      .selectFrom('staff')
      .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
      .select(['staff.id', 'staff.organisation_id', 'organisation.name'])
      .where('staff.email', '=', PLANNER)
      .executeTakeFirstOrThrow();
    ids.provider = planner.organisation_id;
    ids.providerName = planner.name;
    const team = await db
      .selectFrom('organisation')
      .select('id')
      .where('kind', '=', 'lokaal-team')
      .where('region', '=', 'LEK')
      .executeTakeFirstOrThrow();
    const household = await db
      .insertInto('household')
      .values({ label: 'Gezin Regie', region: 'LEK' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [kim] = await db
      .insertInto('person')
      .values([
        {
          household_id: household.id,
          kind: 'ouder',
          name: 'Kim Regie',
          birth_date: null,
          bsn: null,
        },
        {
          household_id: household.id,
          kind: 'jeugdige',
          name: 'Sam Regie',
          birth_date: '2016-04-01',
          bsn: null,
        },
      ])
      .returning('id')
      .execute();
    ids.kim = kim?.id ?? '';
    const casus = await db
      .insertInto('casus')
      .values({
        household_id: household.id,
        region: 'LEK',
        route: 'B',
        segment: 'ambulant',
        measure: null,
        step: 'stap-1',
        responsible_team_id: team.id,
        registered_by_org_id: planner.organisation_id,
        referrer_type: null,
        referrer_code: null,
        court_order_date: null,
        facts: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.caseId = casus.id;
    const since = new Date(Date.now() - 86_400_000);
    await db
      .insertInto('case_role')
      .values([
        {
          case_id: casus.id,
          role: 'casusregie',
          holder: 'gezin',
          organisation_id: null,
          staff_id: null,
          starts_at: since,
          ends_at: null,
          reason: 'bij registratie',
          created_by: planner.id,
        },
        {
          case_id: casus.id,
          role: 'behandelregie',
          holder: 'organisatie',
          organisation_id: planner.organisation_id,
          staff_id: null,
          starts_at: since,
          ends_at: null,
          reason: 'bij registratie',
          created_by: planner.id,
        },
      ])
      .execute();
  }

  async function phonePage(): Promise<Page> {
    const { token } = await createPortalSession(journey.server.db, ids.kim, new Date());
    const context = await journey.context({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.addCookies([{ name: PORTAL_COOKIE, value: token, url: journey.server.url }]);
    const page = await journey.page(context);
    await page.goto(`${journey.server.url}/portaal/casussen/${ids.caseId}`);
    await page.getByRole('heading', { level: 2, name: 'Evaluaties' }).waitFor();
    return page;
  }

  it('the parent plans on a phone; the planner finds it under Meldingen and on the case', async () => {
    await family();
    const page = await phonePage();
    const section = page.getByRole('region', { name: 'Evaluaties' });
    await section.getByText('Een evaluatie is een gesprek over hoe het gaat.').waitFor();
    await section.getByText('Er is nog geen evaluatie gepland.').waitFor();
    const form = section.getByRole('form', { name: 'Evaluatie plannen' });
    await journey.expectAccessible(page);

    // Sent empty: every field says what is missing, and the first one gets the focus.
    await form.getByRole('button', { name: 'Evaluatie plannen' }).click();
    await form.getByText('Kies de dag van het gesprek.').waitFor();
    for (const text of [
      'Vul een tijd in, bijvoorbeeld 10:00.',
      'Vul in waar het gesprek is, of de link voor een videogesprek.',
      'Schrijf minstens één onderwerp op. Eén onderwerp per regel.',
      'Kies minstens één hulpverlener.',
    ])
      await expect(form.getByText(text).count()).resolves.toBe(1);
    await expect
      .poll(() =>
        page.evaluate<string | null>("document.activeElement?.getAttribute('name') ?? null"),
      )
      .toBe('datum');
    await journey.expectAccessible(page);

    const day = inTwoWeeks();
    await form.getByLabel('Dag').fill(day.iso);
    await form.getByLabel('Tijd').fill('10:00');
    await form.getByLabel('Waar is het gesprek?').fill(VIDEO);
    await form.getByLabel('Waarover wilt u praten?').fill('Hoe gaat het met Sam\nRust in huis');
    await form.getByRole('checkbox', { name: new RegExp(ids.providerName) }).check();
    await form.getByRole('button', { name: 'Evaluatie plannen' }).click();
    await section
      .getByText('De evaluatie is gepland. De hulpverleners krijgen een bericht.')
      .waitFor();
    const card = section.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: `Evaluatie op ${day.dutch} 10:00` }),
    });
    await card.waitFor();
    expect(await card.innerText()).toContain(ids.providerName);
    expect(await card.innerText()).toContain('Kim Regie');
    // "Wat komt eraan" shows it as well.
    await page
      .getByRole('region', { name: 'Wat komt eraan' })
      .getByText(`Op ${day.dutch} 10:00`, { exact: false })
      .waitFor();
    // Kim adds what she wants to say herself.
    await card.getByLabel('Wat wilt u zelf zeggen?').fill('Ik wil het over de avonden hebben.');
    await card.getByRole('button', { name: 'Opslaan' }).click();
    await card.getByText('Opgeslagen. De hulpverleners lezen dit voor het gesprek.').waitFor();
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await journey.expectAccessible(page);

    // The provider's planner, at a desk.
    const desk = await journey.page(await journey.context({ viewport: DESKTOP }));
    await desk.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(desk).logIn(PLANNER, DEMO_PASSWORD);
    await desk
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: /^Meldingen/ })
      .click();
    await desk.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    const row = desk
      .getByRole('row')
      .filter({ hasText: `Gezin Regie nodigt u uit voor een evaluatie op ${day.dutch} 10:00` });
    await row.waitFor();
    expect(await row.innerText()).toContain('Evaluatie');
    await journey.expectAccessible(desk);
    await row.getByRole('link', { name: /Naar de casus/ }).click();
    await desk.getByRole('heading', { level: 1, name: /Gezin Regie/ }).waitFor();
    const evaluations = desk.getByRole('region', { name: 'Evaluaties' });
    await evaluations
      .getByText(new RegExp(`Gepland: .* op ${day.dutch} 10:00 met Kim Regie`))
      .waitFor();
    const details = await evaluations.innerText();
    expect(details).toContain('Kim Regie (gezin)');
    expect(details).toContain(VIDEO);
    expect(details).toContain('Hoe gaat het met Sam; Rust in huis');
    expect(details).toContain('Ik wil het over de avonden hebben.');
    await journey.expectAccessible(desk);
  });
});
