/**
 * The family the portal's browser tests share (issue 10, ADR 0026): a household in region ZTM
 * with its members, one route A case of a demo team, optionally a plan, and a phone whose
 * browser already holds a portal session (logging in is the login journeys' concern).
 */
import type { Kysely } from 'kysely';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { createPortalSession, PORTAL_COOKIE } from '../../src/server/portal/sessions.js';
import { contentHash } from '../../src/store/plans.js';
import type { Database } from '../../src/store/schema.js';

/** Today on the Amsterdam clock, as `YYYY-MM-DD`. */
export const amsterdamToday = (): string =>
  new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** A birth date that makes someone `years` old today (Amsterdam), as `YYYY-MM-DD`. */
export function bornYearsAgo(years: number): string {
  const today = amsterdamToday();
  return `${Number(today.slice(0, 4)) - years}${today.slice(4, 7)}-01`;
}

export interface FamilyMember {
  readonly kind: 'ouder' | 'jeugdige';
  readonly name: string;
  /** Unknown (null) unless given. */
  readonly birthDate?: string;
  /** Where the portal mails a one-time code. */
  readonly email?: string;
}

export interface FamilyCase {
  readonly caseId: string;
  /** The members' person ids, in the order given. */
  readonly personIds: readonly string[];
  /** The staff member whose team is responsible for the case. */
  readonly staff: { readonly id: string; readonly organisationId: string };
}

/**
 * A household with its members and a route A case (ambulant, step 1) of the staff member's
 * team, registered by it. Casusregie is held by the family (`gezin`) or by that staff member
 * (`professional`), since yesterday. Without `staffEmail`, any staff member of the demo data.
 */
export async function familyCase(
  db: Kysely<Database>,
  family: {
    readonly label: string;
    readonly members: readonly FamilyMember[];
    readonly casusregie: 'gezin' | 'professional';
    readonly staffEmail?: string;
  },
): Promise<FamilyCase> {
  let staffQuery = db.selectFrom('staff').select(['id', 'organisation_id']);
  if (family.staffEmail !== undefined)
    staffQuery = staffQuery.where('email', '=', family.staffEmail);
  const staff = await staffQuery.executeTakeFirstOrThrow();
  const household = await db
    .insertInto('household')
    .values({ label: family.label, region: 'ZTM' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const people = await db
    .insertInto('person')
    .values(
      family.members.map((m) => ({
        household_id: household.id,
        kind: m.kind,
        name: m.name,
        birth_date: m.birthDate ?? null,
        bsn: null,
        ...(m.email === undefined ? {} : { email: m.email }),
      })),
    )
    .returning('id')
    .execute();
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
  const byFamily = family.casusregie === 'gezin';
  await db
    .insertInto('case_role')
    .values({
      case_id: casus.id,
      role: 'casusregie',
      holder: family.casusregie,
      organisation_id: byFamily ? null : staff.organisation_id,
      staff_id: byFamily ? null : staff.id,
      starts_at: new Date(Date.now() - 86_400_000),
      ends_at: null,
      reason: 'bij registratie',
      created_by: staff.id,
    })
    .execute();
  return {
    caseId: casus.id,
    personIds: people.map((p) => p.id),
    staff: { id: staff.id, organisationId: staff.organisation_id },
  };
}

/**
 * The case's ondersteuningsplan, version 1: a `concept`, or `vastgesteld` by the staff member
 * when it was written.
 */
export async function casePlan(
  db: Kysely<Database>,
  family: FamilyCase,
  plan: {
    readonly status: 'concept' | 'vastgesteld';
    readonly startDate: string;
    readonly content: object;
  },
): Promise<void> {
  const row = await db
    .insertInto('plan')
    .values({
      case_id: family.caseId,
      kind: 'ondersteuningsplan',
      subject_person_id: null,
      created_by: family.staff.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fixed = plan.status === 'vastgesteld';
  await db
    .insertInto('plan_version')
    .values({
      plan_id: row.id,
      version: 1,
      status: plan.status,
      start_date: plan.startDate,
      content: JSON.stringify(plan.content),
      content_hash: contentHash(plan.startDate, plan.content),
      created_by: family.staff.id,
      updated_at: new Date(),
      ...(fixed ? { fixed_at: new Date(), fixed_by: family.staff.id } : {}),
    })
    .execute();
}

/** What of a browser journey (test/e2e/support.ts) a portal page needs. */
interface Journey {
  readonly server: { readonly db: Kysely<Database>; readonly url: string };
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  page(context?: BrowserContext): Promise<Page>;
}

const PHONE = { width: 390, height: 844 };

/** A phone (390×844, touch) logged in to the portal as the person, on the case's page. */
export async function portalCasePageOnPhone(
  journey: Journey,
  personId: string,
  caseId: string,
): Promise<Page> {
  const { token } = await createPortalSession(journey.server.db, personId, new Date());
  const context = await journey.context({ viewport: PHONE, isMobile: true, hasTouch: true });
  await context.addCookies([{ name: PORTAL_COOKIE, value: token, url: journey.server.url }]);
  const page = await journey.page(context);
  await page.goto(`${journey.server.url}/portaal/casussen/${caseId}`);
  return page;
}
