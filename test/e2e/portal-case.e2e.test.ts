/**
 * The family portal's case page in the browser on a phone (390×844; issue 10, ADR 0026). Gezin
 * Portaal: mother Kim and Noor, 14 today. The plan has a family goal, Noor's own goal and a goal
 * only about Kim (private to her). The session cookie is set on the browser context directly
 * (logging in with a one-time code is the login journey's concern). Noor sees her own and the
 * family's goal, not her mother's; Kim sees the plan; axe finds nothing serious on either.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createPortalSession, PORTAL_COOKIE } from '../../src/server/portal/sessions.js';
import { contentHash } from '../../src/store/plans.js';
import { browserJourney } from './support.js';

const PHONE = { width: 390, height: 844 };

/** A birth date that makes someone `years` old today (Amsterdam), as `YYYY-MM-DD`. */
function bornYearsAgo(years: number): string {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  return `${Number(today.slice(0, 4)) - years}${today.slice(4, 7)}-01`;
}

describe('family portal case page on a phone', () => {
  const journey = browserJourney(5);
  const ids = { caseId: '', kim: '', noor: '' };

  async function family(): Promise<void> {
    if (ids.caseId) return;
    const db = journey.server.db;
    const staff = await db
      .selectFrom('staff')
      .select(['id', 'organisation_id'])
      .executeTakeFirstOrThrow();
    const household = await db
      .insertInto('household')
      .values({ label: 'Gezin Portaal', region: 'ZTM' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [kim, noor] = await db
      .insertInto('person')
      .values([
        {
          household_id: household.id,
          kind: 'ouder',
          name: 'Kim Portaal',
          birth_date: null,
          bsn: null,
        },
        {
          household_id: household.id,
          kind: 'jeugdige',
          name: 'Noor Portaal',
          birth_date: bornYearsAgo(14),
          bsn: null,
        },
      ])
      .returning('id')
      .execute();
    ids.kim = kim?.id ?? '';
    ids.noor = noor?.id ?? '';
    const casus = await db
      .insertInto('casus')
      .values({
        household_id: household.id,
        region: 'ZTM',
        route: 'A',
        segment: 'ambulant',
        measure: null,
        step: 'stap-1',
        responsible_team_id: staff.organisation_id,
        registered_by_org_id: staff.organisation_id,
        referrer_type: null,
        referrer_code: null,
        court_order_date: null,
        facts: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.caseId = casus.id;
    await db
      .insertInto('case_role')
      .values({
        case_id: casus.id,
        role: 'casusregie',
        holder: 'gezin',
        organisation_id: null,
        staff_id: null,
        starts_at: new Date(Date.now() - 86_400_000),
        ends_at: null,
        reason: 'bij registratie',
        created_by: staff.id,
      })
      .execute();
    const goal = (id: string, description: string, about?: string) => ({
      id,
      resultArea: 'opvoeden-en-opgroeien',
      description,
      measurableTarget: 'afgesproken met het gezin',
      owner: { kind: 'gezin', name: 'het gezin' },
      targetDate: '2027-01-31',
      progress: 'loopt',
      ...(about ? { aboutPersonIds: [about] } : {}),
    });
    const content = {
      goals: [
        goal('rust', 'Er is meer rust in huis'),
        goal('school', 'Noor gaat elke dag naar school', ids.noor),
        goal('schulden', 'Kim lost haar schulden af met hulp', ids.kim),
      ],
    };
    const plan = await db
      .insertInto('plan')
      .values({
        case_id: casus.id,
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
  }

  async function phonePageAs(who: 'kim' | 'noor'): Promise<Page> {
    await family();
    const { token } = await createPortalSession(journey.server.db, ids[who], new Date());
    const context = await journey.context({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.addCookies([{ name: PORTAL_COOKIE, value: token, url: journey.server.url }]);
    const page = await journey.page(context);
    await page.goto(`${journey.server.url}/portaal/casussen/${ids.caseId}`);
    await page.getByRole('heading', { level: 2, name: 'Ons plan' }).waitFor();
    return page;
  }

  it('shows the 14-year-old her own goals, not her mother’s private goal', async () => {
    const page = await phonePageAs('noor');
    await expect(
      page.getByRole('heading', { name: 'Noor gaat elke dag naar school' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('heading', { name: 'Er is meer rust in huis' }).count(),
    ).resolves.toBe(1);
    expect(await page.content()).not.toContain('schulden');
    for (const section of ['Wie is wie', 'Wat komt eraan', 'Besluiten en brieven', 'Gedeeld met'])
      await expect(page.getByRole('heading', { level: 2, name: section }).count()).resolves.toBe(1);
    // Nothing sticks out sideways on a phone.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await journey.expectAccessible(page);
  });

  it('shows the parent the plan, her own goal included', async () => {
    const page = await phonePageAs('kim');
    for (const name of [
      'Er is meer rust in huis',
      'Noor gaat elke dag naar school',
      'Kim lost haar schulden af met hulp',
    ])
      await expect(page.getByRole('heading', { name }).count()).resolves.toBe(1);
    await expect(page.getByText('U houdt zelf het overzicht (casusregie)').count()).resolves.toBe(
      1,
    );
    await journey.expectAccessible(page);
  });
});
