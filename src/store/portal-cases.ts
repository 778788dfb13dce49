/**
 * The family portal's view of a case (issue 10, ADR 0026): the open cases of the viewer's
 * household, and per case who is who, the plan's goals with their progress, what comes next,
 * decisions and letters, and what was shared with whom. Which items a family member sees is
 * `domain/portal/visibility.ts`; this module collects the facts and writes the audit record of
 * every read in the same transaction (role `burger`, the person in the details).
 *
 * The case's people are the people of its household: registering a request creates the
 * household with exactly the young people and parents it is about. Working notes are never read
 * here (ADR 0018).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { goalsWithProgress, type GoalMinutes } from '../domain/evaluations/index.js';
import type { PortalRole } from '../domain/portal/eligibility.js';
import {
  FAMILY_HOLDS_CASUSREGIE,
  ROLE_IN_PLAIN_WORDS,
  type PortalRoleKind,
} from '../domain/portal/plain-words.js';
import {
  childConcerns,
  consentConcerns,
  deadlineForFamily,
  goalConcerns,
  mayView,
  type PortalViewer,
  type VisibilityFacts,
} from '../domain/portal/visibility.js';
import type { Goal, PlanContent } from '../domain/plans/types.js';
import type { RecipientKind } from '../domain/privacy/consent.js';
import type { Profile } from '../domain/rules/index.js';
import { localDay } from '../domain/time/index.js';
import { writeSystemAudit } from './audit.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';
import { sharedWithParentsOf } from './portal-read-along.js';
import { sharingDecisionsForFamily } from './sharing.js';
import { eventsJson, evaluateCaseRow, personsJson } from './work-list.js';

type Trx = Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who reads, from the portal session. */
export interface PortalReader extends PortalViewer {
  readonly householdId: string;
  readonly clientAddress: string | null;
}

/** Plain titles per route (DOMAIN.md section 3), for the list of cases. */
const ROUTE_TITLE: Readonly<Record<'A' | 'B' | 'C', string>> = {
  A: 'Hulp via het lokaal team',
  B: 'Hulp via een jeugdhulpaanbieder',
  C: 'Hulp bij een maatregel van de kinderrechter',
};

export interface PortalCaseSummary {
  readonly id: string;
  readonly title: string;
  readonly household: string;
  readonly since: Date;
}

/** The open cases of the reader's household, oldest first; audited. */
export async function portalCases(
  db: Kysely<Database>,
  reader: PortalReader,
): Promise<PortalCaseSummary[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('casus')
      .innerJoin('household', 'household.id', 'casus.household_id')
      .select(['casus.id', 'casus.route', 'casus.created_at', 'household.label'])
      .where('casus.household_id', '=', reader.householdId)
      .where('casus.closed_at', 'is', null)
      .orderBy('casus.created_at')
      .execute();
    await writeSystemAudit(trx, {
      action: 'portaal.casussen-lezen',
      role: 'burger',
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId, casussen: rows.map((r) => r.id) },
    });
    return rows.map((r) => ({
      id: r.id,
      title: `${ROUTE_TITLE[r.route]}: ${r.label}`,
      household: r.label,
      since: r.created_at,
    }));
  });
}

export interface PortalContact {
  readonly role: PortalRoleKind | 'gezin';
  readonly title: string;
  readonly explanation: string;
  readonly name: string | null;
  readonly organisation: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface PortalGoal {
  readonly id: string;
  readonly description: string;
  readonly measurableTarget: string;
  readonly owner: string;
  readonly targetDate: string;
  readonly progress: string;
  /** When the progress was last discussed in an evaluation; null: as written in the plan. */
  readonly progressFrom: Date | null;
  /** Names of the people the goal is about; empty: the whole family. */
  readonly about: readonly string[];
}

export interface PortalPlan {
  readonly id: string;
  readonly kind: string;
  readonly version: number;
  readonly status: 'concept' | 'vastgesteld';
  readonly startDate: string;
  readonly goals: readonly PortalGoal[];
}

export interface PortalDeadline {
  readonly rule: string;
  readonly title: string;
  readonly due: string;
  readonly overdue: boolean;
  /** The young person it is for; null: the whole family. */
  readonly child: string | null;
}

export interface PortalCaseView {
  readonly id: string;
  readonly title: string;
  readonly household: string;
  readonly viewer: { readonly name: string; readonly role: PortalRole };
  readonly contacts: readonly PortalContact[];
  readonly plans: readonly PortalPlan[];
  readonly evaluations: readonly { readonly kind: string; readonly plannedAt: Date }[];
  readonly deadlines: readonly PortalDeadline[];
  readonly allocations: readonly {
    readonly number: string;
    readonly product: string;
    readonly provider: string;
    readonly child: string | null;
    readonly startDate: string;
    readonly endDate: string | null;
    readonly status: string;
  }[];
  readonly letters: readonly {
    readonly kind: 'evaluatieverslag';
    readonly heldAt: Date;
    readonly sentAt: Date;
  }[];
  readonly consents: readonly {
    readonly person: string;
    readonly recipientKind: RecipientKind;
    readonly organisation: string | null;
    readonly purpose: string;
    readonly status: 'gegeven' | 'ingetrokken';
    readonly on: string;
  }[];
  readonly sharing: readonly {
    readonly what: string;
    readonly recipient: string;
    readonly basis: string;
    readonly decidedAt: Date;
  }[];
}

const notFound = () => new StoreError('not-found', 'Casus niet gevonden.');

/**
 * One case of the reader's household, filtered for the reader; a case of another household,
 * a closed one and a non-existent one are the same 404. Audited as `portaal.casus-lezen`.
 */
export async function portalCase(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  reader: PortalReader,
  caseId: string,
  now: Date,
): Promise<PortalCaseView> {
  if (!UUID.test(caseId)) throw notFound();
  return db.transaction().execute(async (trx) => {
    const casus = await trx
      .selectFrom('casus')
      .innerJoin('household', 'household.id', 'casus.household_id')
      .select([
        'casus.id',
        'casus.region',
        'casus.route',
        'casus.segment',
        'casus.measure',
        'casus.facts',
        'household.label',
        personsJson().as('persons'),
        eventsJson().as('events'),
      ])
      .where('casus.id', '=', caseId)
      .where('casus.household_id', '=', reader.householdId)
      .where('casus.closed_at', 'is', null)
      .executeTakeFirst();
    if (!casus) throw notFound();
    const members = await trx
      .selectFrom('person')
      .select(['id', 'name', 'kind', 'birth_date as birthDate', 'bsn'])
      .where('household_id', '=', reader.householdId)
      .orderBy('created_at')
      .execute();
    const facts: VisibilityFacts = {
      members: members.map((m) => ({
        id: m.id,
        kind: m.kind,
        birthDate: m.birthDate === null ? null : String(m.birthDate).slice(0, 10),
      })),
      sharedWithParents: await sharedWithParentsOf(trx, caseId),
      today: localDay(now.getTime()),
    };
    const nameOf = (id: string | null) =>
      id === null ? null : (members.find((m) => m.id === id)?.name ?? null);
    const view: PortalCaseView = {
      id: casus.id,
      title: `${ROUTE_TITLE[casus.route]}: ${casus.label}`,
      household: casus.label,
      viewer: { name: nameOf(reader.personId) ?? '', role: reader.role },
      contacts: await contactsOf(trx, caseId, now),
      plans: await plansOf(trx, caseId, reader, facts, nameOf),
      evaluations: await trx
        .selectFrom('evaluation_meeting')
        .select(['kind', 'planned_at as plannedAt'])
        .where('case_id', '=', caseId)
        .where('evaluation_id', 'is', null)
        .where('planned_at', '>=', now)
        .orderBy('planned_at')
        .execute(),
      deadlines: evaluateCaseRow(profiles, casus, now)
        .filter((d) => deadlineForFamily(d) && mayView(reader, childConcerns(d.child), facts))
        .sort((a, b) => a.due.localeCompare(b.due))
        .map((d) => ({
          rule: d.rule,
          title: profiles.get(casus.region)?.rules.find((r) => r.id === d.rule)?.title ?? d.rule,
          due: d.due,
          overdue: d.status === 'overdue',
          child: nameOf(d.child),
        })),
      allocations: await allocationsOf(trx, caseId, reader, facts, members),
      letters: (
        await trx
          .selectFrom('evaluation')
          .select(['held_at', 'distributed_at'])
          .where('case_id', '=', caseId)
          .where('distributed_at', 'is not', null)
          .orderBy('held_at', 'desc')
          .execute()
      ).map((r) => ({
        kind: 'evaluatieverslag' as const,
        heldAt: r.held_at,
        sentAt: r.distributed_at as Date,
      })),
      consents: await consentsOf(trx, caseId, reader, facts, nameOf),
      sharing: (await sharingDecisionsForFamily(trx, caseId)).map((d) => ({
        what: d.what,
        recipient: d.recipient,
        basis: d.basis,
        decidedAt: d.decidedAt,
      })),
    };
    await writeSystemAudit(trx, {
      action: 'portaal.casus-lezen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId },
    });
    return view;
  });
}

/** The people holding a role on the case now, and the providers' contact persons. */
async function contactsOf(trx: Trx, caseId: string, now: Date): Promise<PortalContact[]> {
  const current = <T extends 'case_role' | 'provider_contact'>(table: T) =>
    sql<boolean>`${sql.ref(`${table}.starts_at`)} <= ${now} and (${sql.ref(
      `${table}.ends_at`,
    )} is null or ${sql.ref(`${table}.ends_at`)} > ${now})`;
  const roles = await trx
    .selectFrom('case_role')
    .leftJoin('staff', 'staff.id', 'case_role.staff_id')
    .leftJoin('organisation', 'organisation.id', 'case_role.organisation_id')
    .select([
      'case_role.role',
      'case_role.holder',
      'staff.name as staffName',
      'staff.email',
      'organisation.name as organisationName',
    ])
    .where('case_role.case_id', '=', caseId)
    .where(current('case_role'))
    .orderBy('case_role.starts_at')
    .execute();
  const contacts = await trx
    .selectFrom('provider_contact')
    .innerJoin('staff', 'staff.id', 'provider_contact.staff_id')
    .innerJoin('organisation', 'organisation.id', 'provider_contact.organisation_id')
    .select([
      'staff.name as staffName',
      'staff.email',
      'organisation.name as organisationName',
      'provider_contact.phone',
    ])
    .where('provider_contact.case_id', '=', caseId)
    .where(current('provider_contact'))
    .orderBy('provider_contact.starts_at')
    .execute();
  const order: readonly string[] = [
    'crisiscasusregie',
    'casusregie',
    'procesregie',
    'behandelregie',
  ];
  return [
    ...roles
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
      .map((r): PortalContact => {
        const words = r.holder === 'gezin' ? FAMILY_HOLDS_CASUSREGIE : ROLE_IN_PLAIN_WORDS[r.role];
        return {
          role: r.holder === 'gezin' ? 'gezin' : r.role,
          title: words.title,
          explanation: words.text,
          name: r.holder === 'professional' ? r.staffName : null,
          organisation: r.holder === 'gezin' ? null : r.organisationName,
          email: r.holder === 'professional' ? r.email : null,
          phone: null,
        };
      }),
    ...contacts.map((c): PortalContact => ({
      role: 'contactpersoon',
      title: ROLE_IN_PLAIN_WORDS.contactpersoon.title,
      explanation: ROLE_IN_PLAIN_WORDS.contactpersoon.text,
      name: c.staffName,
      organisation: c.organisationName,
      email: c.email,
      phone: c.phone,
    })),
  ];
}

/**
 * Per plan the fixed version (or, before fixing, the concept the family writes with), with the
 * goals the reader may see and their progress from the evaluations of that version, the newest
 * evaluation last. A plan about one young person (toekomstplan) is left out when the reader may
 * not see what concerns that young person.
 */
async function plansOf(
  trx: Trx,
  caseId: string,
  reader: PortalViewer,
  facts: VisibilityFacts,
  nameOf: (id: string | null) => string | null,
): Promise<PortalPlan[]> {
  const versions = await trx
    .selectFrom('plan')
    .innerJoin('plan_version', 'plan_version.plan_id', 'plan.id')
    .select([
      'plan.id',
      'plan.kind',
      'plan.subject_person_id as subject',
      'plan_version.id as versionId',
      'plan_version.version',
      'plan_version.status',
      'plan_version.start_date as startDate',
      'plan_version.content',
    ])
    .where('plan.case_id', '=', caseId)
    .where('plan_version.status', 'in', ['concept', 'vastgesteld'])
    .orderBy('plan.created_at')
    .execute();
  const shown = new Map<string, (typeof versions)[number]>();
  for (const v of versions) {
    const seen = shown.get(v.id);
    if (!seen || (seen.status === 'concept' && v.status === 'vastgesteld')) shown.set(v.id, v);
  }
  const evaluations = await trx
    .selectFrom('evaluation')
    .select(['plan_version_id', 'held_at', 'minutes'])
    .where('case_id', '=', caseId)
    .orderBy('held_at')
    .execute();
  const plans: PortalPlan[] = [];
  for (const v of shown.values()) {
    if (v.subject !== null && !mayView(reader, [v.subject], facts)) continue;
    const own = evaluations.filter((e) => e.plan_version_id === v.versionId);
    let goals: readonly Goal[] = ((v.content as PlanContent).goals ?? []).filter((g) =>
      mayView(reader, goalConcerns(g, v.subject), facts),
    );
    const discussedAt = new Map<string, Date>();
    for (const e of own) {
      const discussed = (e.minutes as { goals?: GoalMinutes[] }).goals ?? [];
      goals = goalsWithProgress(goals, discussed);
      for (const g of discussed) discussedAt.set(g.goalId, e.held_at);
    }
    plans.push({
      id: v.id,
      kind: v.kind,
      version: v.version,
      status: v.status === 'vastgesteld' ? 'vastgesteld' : 'concept',
      startDate: String(v.startDate).slice(0, 10),
      goals: goals.map((g) => {
        const about = goalConcerns(g, v.subject);
        return {
          id: g.id,
          description: g.description,
          measurableTarget: g.measurableTarget,
          owner: g.owner.name,
          targetDate: g.targetDate,
          progress: g.progress,
          progressFrom: discussedAt.get(g.id) ?? null,
          about:
            about === 'gezin'
              ? []
              : about.map((id) => nameOf(id)).filter((n): n is string => n !== null),
        };
      }),
    });
  }
  return plans;
}

/** The allocations (the decision on the help), each about the young person of its BSN. */
async function allocationsOf(
  trx: Trx,
  caseId: string,
  reader: PortalViewer,
  facts: VisibilityFacts,
  members: readonly { readonly id: string; readonly name: string; readonly bsn: string | null }[],
) {
  const rows = await trx
    .selectFrom('allocation')
    .innerJoin('organisation', 'organisation.id', 'allocation.provider_id')
    .select([
      'allocation.number',
      'allocation.product_code',
      'allocation.region',
      'allocation.client_bsn',
      'allocation.start_date',
      'allocation.end_date',
      'allocation.status',
      'organisation.name as provider',
      (eb) =>
        eb
          .selectFrom('product')
          .select('product.name')
          .whereRef('product.region', '=', 'allocation.region')
          .whereRef('product.code', '=', 'allocation.product_code')
          .orderBy('product.valid_from', 'desc')
          .limit(1)
          .as('productName'),
    ])
    .where('allocation.case_id', '=', caseId)
    .orderBy('allocation.start_date', 'desc')
    .execute();
  return rows.flatMap((r) => {
    const child =
      r.client_bsn === null ? null : (members.find((m) => m.bsn === r.client_bsn) ?? null);
    if (!mayView(reader, childConcerns(child?.id ?? null), facts)) return [];
    return [
      {
        number: r.number,
        product: r.productName ?? r.product_code,
        provider: r.provider,
        child: child?.name ?? null,
        startDate: String(r.start_date).slice(0, 10),
        endDate: r.end_date === null ? null : String(r.end_date).slice(0, 10),
        status: r.status,
      },
    ];
  });
}

/** The consent register as far as the reader may see it, newest first. */
async function consentsOf(
  trx: Trx,
  caseId: string,
  reader: PortalViewer,
  facts: VisibilityFacts,
  nameOf: (id: string | null) => string | null,
) {
  const rows = await trx
    .selectFrom('consent')
    .leftJoin('organisation', 'organisation.id', 'consent.organisation_id')
    .select([
      'consent.person_id',
      'consent.recipient_kind',
      'organisation.name as organisation',
      'consent.purpose',
      'consent.status',
      'consent.given_on',
    ])
    .where('consent.case_id', '=', caseId)
    .orderBy('consent.given_on', 'desc')
    .orderBy('consent.recorded_at', 'desc')
    .execute();
  return rows
    .filter((r) => mayView(reader, consentConcerns(r.person_id, facts.members), facts))
    .map((r) => ({
      person: nameOf(r.person_id) ?? '',
      recipientKind: r.recipient_kind,
      organisation: r.organisation,
      purpose: r.purpose,
      status: r.status,
      on: String(r.given_on).slice(0, 10),
    }));
}
