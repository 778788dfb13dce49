/**
 * Cases: registering a request per route, reading a case with its household, roles and
 * timeline, adding timeline events, assigning roles over time, and listing the cases an actor
 * may see. Every function takes the request context, checks access with the domain policy
 * and writes its audit record in the same transaction as the data.
 */
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import {
  caseAccess,
  mayAssignRoles,
  worksWithCases,
  type ActiveRole,
  type CaseAccessFacts,
} from '../domain/access/case-access.js';
import {
  FLOW_EVENT_TYPES,
  type EvaluationKind,
  type EventType,
  type Measure,
  type Segment,
} from '../domain/rules/index.js';
import { parseIsoDate, startOfLocalDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import type { RequestContext } from './context.js';
import { compiledOnce, slotDate, slotText } from './compiled.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';
import { requireRegistrationOrExplanation } from './staff-registrations.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface PersonInput {
  readonly name: string;
  readonly birthDate: string;
  readonly bsn: string | null;
}

export interface RegisterRequestInput {
  readonly route: 'A' | 'B' | 'C';
  readonly region: string;
  readonly segment: Segment;
  readonly measure: Measure | null;
  readonly householdLabel: string;
  readonly youngPersons: readonly PersonInput[];
  readonly parents: readonly {
    readonly name: string;
    readonly kind: 'ouder' | 'gezagsdrager' | 'voogd';
  }[];
  /** When the request came in (an instant); the `aanmelding` event. */
  readonly registeredAt: Date;
  readonly responsibleTeamId: string | null;
  readonly referrer?: {
    readonly type: 'huisarts' | 'jeugdarts' | 'medisch-specialist';
    readonly code: string;
  };
  readonly courtOrder?: { readonly date: string };
  /** Further engine facts (life domains, regie criteria, …), stored as given. */
  readonly facts?: Record<string, unknown>;
}

export interface CaseRoleRow {
  readonly id: string;
  readonly role: ActiveRole['role'];
  readonly holder: 'gezin' | 'professional' | 'organisatie';
  readonly organisationId: string | null;
  readonly staffId: string | null;
  /** Display names of the holder, for the case page. */
  readonly staffName: string | null;
  readonly organisationName: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly reason: string | null;
}

export interface CaseEventRow {
  readonly id: string;
  readonly type: TimelineType;
  readonly at: Date;
  readonly childId: string | null;
  readonly kind: EvaluationKind | null;
  readonly date: string | null;
  readonly note: string | null;
}

export interface CaseDetail {
  readonly id: string;
  readonly region: string;
  readonly route: 'A' | 'B' | 'C';
  readonly segment: string;
  readonly measure: string | null;
  readonly step: string;
  readonly responsibleTeamId: string | null;
  readonly createdAt: Date;
  readonly household: { readonly id: string; readonly label: string };
  readonly persons: readonly {
    readonly id: string;
    readonly kind: string;
    readonly name: string;
    readonly birthDate: string | null;
    readonly bsn: string | null;
  }[];
  readonly roles: readonly CaseRoleRow[];
  readonly events: readonly CaseEventRow[];
  readonly facts: Record<string, unknown>;
  readonly access: { readonly basis: string; readonly mayAssignRoles: boolean };
}

const INITIAL_STEP: Record<RegisterRequestInput['route'], string> = {
  A: 'stap-1',
  B: 'stap-1',
  C: 'stap-1',
};

/**
 * Registers a request with everything its route requires, in one transaction: household,
 * young people and parents, the case, the first role assignments and the `aanmelding` event
 * (route C also the court order). A BSN that is already known is refused as a duplicate.
 */
export async function registerRequest(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: RegisterRequestInput,
): Promise<{ readonly caseId: string }> {
  return db.transaction().execute(async (trx) => {
    const bsns = input.youngPersons.map((p) => p.bsn).filter((b): b is string => b !== null);
    if (bsns.length > 0) {
      const known = await trx.selectFrom('person').select('bsn').where('bsn', 'in', bsns).execute();
      if (known.length > 0) {
        const fields = input.youngPersons.flatMap((p, i) =>
          known.some((k) => k.bsn === p.bsn)
            ? [{ path: `youngPersons[${i}].bsn`, message: 'er is al een dossier met dit BSN' }]
            : [],
        );
        throw new StoreError('conflict', 'Deze jeugdige is al bekend.', fields);
      }
    }
    const household = await trx
      .insertInto('household')
      .values({ label: input.householdLabel, region: input.region })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('person')
      .values([
        ...input.youngPersons.map((p) => ({
          household_id: household.id,
          kind: 'jeugdige' as const,
          name: p.name,
          birth_date: p.birthDate,
          bsn: p.bsn,
        })),
        ...input.parents.map((p) => ({
          household_id: household.id,
          kind: p.kind,
          name: p.name,
          birth_date: null,
          bsn: null,
        })),
      ])
      .execute();
    const casus = await trx
      .insertInto('casus')
      .values({
        household_id: household.id,
        region: input.region,
        route: input.route,
        segment: input.segment,
        measure: input.measure,
        step: INITIAL_STEP[input.route],
        responsible_team_id: input.responsibleTeamId,
        registered_by_org_id: ctx.actor.organisationId,
        referrer_type: input.referrer?.type ?? null,
        referrer_code: input.referrer?.code ?? null,
        court_order_date: input.courtOrder?.date ?? null,
        facts: JSON.stringify(input.facts ?? {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const startsAt = input.registeredAt;
    const roles = initialRoles(input, ctx);
    await trx
      .insertInto('case_role')
      .values(
        roles.map((r) => ({
          case_id: casus.id,
          role: r.role,
          holder: r.holder,
          organisation_id: r.organisationId,
          staff_id: r.staffId,
          starts_at: startsAt,
          ends_at: null,
          reason: 'bij registratie',
          created_by: ctx.actor.staffId,
        })),
      )
      .execute();
    const events: { type: EventType; at: Date }[] = [{ type: 'aanmelding', at: startsAt }];
    if (input.route === 'C' && input.courtOrder)
      events.unshift({
        type: 'rechterlijke-opdracht',
        at: new Date(startOfLocalDay(parseIsoDate(input.courtOrder.date) ?? 0)),
      });
    await trx
      .insertInto('case_event')
      .values(
        events.map((e) => ({
          case_id: casus.id,
          type: e.type,
          at: e.at,
          child_id: null,
          kind: null,
          date: null,
          note: null,
          recorded_by: ctx.actor.staffId,
        })),
      )
      .execute();
    await writeAudit(trx, ctx, {
      action: 'casus.registreren',
      caseId: casus.id,
      details: { route: input.route, region: input.region },
    });
    return { caseId: casus.id };
  });
}

/**
 * The first role assignments by route (DOMAIN.md sections 2-3): route A — the local team
 * holds procesregie, casusregie stays with the family until triage says otherwise; route B —
 * the provider holds behandelregie, the family casusregie; route C — the GI holds procesregie
 * and casusregie, with the registering youth protector as casusregisseur.
 */
function initialRoles(
  input: RegisterRequestInput,
  ctx: RequestContext,
): Omit<CaseRoleRow, 'id' | 'startsAt' | 'endsAt' | 'reason' | 'staffName' | 'organisationName'>[] {
  const org = ctx.actor.organisationId;
  switch (input.route) {
    case 'A':
      return [
        { role: 'procesregie', holder: 'organisatie', organisationId: org, staffId: null },
        { role: 'casusregie', holder: 'gezin', organisationId: null, staffId: null },
      ];
    case 'B':
      return [
        { role: 'behandelregie', holder: 'organisatie', organisationId: org, staffId: null },
        { role: 'casusregie', holder: 'gezin', organisationId: null, staffId: null },
      ];
    case 'C':
      return [
        { role: 'procesregie', holder: 'organisatie', organisationId: org, staffId: null },
        {
          role: 'casusregie',
          holder: 'professional',
          organisationId: org,
          staffId: ctx.actor.staffId,
        },
      ];
  }
}

/** Running break-the-glass grants on the case (ADR 0020): who, why, until when. */
async function runningBreakGlass(
  db: Db,
  caseId: string,
  now: Date,
): Promise<{ id: string; staffId: string; reason: string; endsAt: Date }[]> {
  return db
    .selectFrom('break_glass')
    .select(['id', 'staff_id as staffId', 'reason', 'ends_at as endsAt'])
    .where('case_id', '=', caseId)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .execute();
}

/** A case's access facts in one statement, compiled once: it runs before every case request. */
const accessFactsRow = compiledOnce([slotText('case'), slotDate()] as const, (db, id, at) =>
  db
    .selectFrom('casus')
    .select((eb) => [
      'casus.responsible_team_id',
      jsonArrayFrom(
        eb
          .selectFrom('case_role')
          .select(['role', 'staff_id as staffId', 'organisation_id as organisationId'])
          .whereRef('case_role.case_id', '=', 'casus.id')
          .where('case_role.starts_at', '<=', at)
          .where((w) =>
            w.or([w('case_role.ends_at', 'is', null), w('case_role.ends_at', '>', at)]),
          ),
      ).as('roles'),
      // Staff named as new casusregisseur in an open warm handover (ZTM-DEC-WARM-HANDOVER).
      jsonArrayFrom(
        eb
          .selectFrom('casusregie_handover')
          .select('to_staff_id as staffId')
          .whereRef('casusregie_handover.case_id', '=', 'casus.id')
          .where('casusregie_handover.status', '=', 'open'),
      ).as('handovers'),
      // Running break-the-glass grants (ADR 0020).
      jsonArrayFrom(
        eb
          .selectFrom('break_glass')
          .select('staff_id as staffId')
          .whereRef('break_glass.case_id', '=', 'casus.id')
          .where('break_glass.starts_at', '<=', at)
          .where('break_glass.ends_at', '>', at),
      ).as('grants'),
    ])
    .where('casus.id', '=', id),
);

/**
 * The access facts of a case, as `caseAccess` and the narrower policies take them: the
 * responsible team, the roles held now, and who is named in an open warm handover. Null when the
 * case does not exist. Every check of who may do what on a case starts here.
 */
export async function caseAccessFacts(
  db: Db,
  caseId: string,
  now: Date,
): Promise<(CaseAccessFacts & { readonly activeRoles: ActiveRole[] }) | null> {
  const [row] = await accessFactsRow(db, caseId, now);
  if (!row) return null;
  return {
    responsibleTeamId: row.responsible_team_id,
    activeRoles: row.roles,
    handoverRecipientIds: row.handovers.map((h) => h.staffId),
    breakGlassIds: row.grants.map((g) => g.staffId),
  };
}

/** A refusal inside a transaction; logged after the rollback, reported as "not found". */
class AccessDenied extends StoreError {
  constructor(
    readonly caseId: string,
    readonly reason: string,
  ) {
    super('not-found', 'Casus niet gevonden.');
  }
}

/**
 * Runs a case transaction. When access is refused, the refusal is logged with its reason in
 * its own statement (the transaction itself is rolled back) and reported as "not found".
 */
export async function inCaseTransaction<T>(
  db: Kysely<Database>,
  ctx: RequestContext,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return withRefusalsLogged(db, ctx, () => db.transaction().execute(work));
}

/**
 * Runs a read of a case on one connection without a transaction: under read committed a
 * transaction gives its statements no common snapshot, and begin and commit are two round trips
 * of the most read page (issue 11). The read's audit record is its last statement, so an answer
 * never leaves without one. Refusals are logged as in `inCaseTransaction`.
 */
export async function inCaseRead<T>(
  db: Kysely<Database>,
  ctx: RequestContext,
  work: (conn: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return withRefusalsLogged(db, ctx, () => db.connection().execute(work));
}

async function withRefusalsLogged<T>(
  db: Kysely<Database>,
  ctx: RequestContext,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccessDenied) {
      await writeAudit(db, ctx, {
        action: 'casus.geweigerd',
        caseId: error.caseId,
        details: { reason: error.reason },
      });
      throw new StoreError('not-found', error.message);
    }
    throw error;
  }
}

/**
 * Checks that the actor may see the case; a refusal looks exactly like a case that does not
 * exist (see `inCaseTransaction` for its log record).
 */
export async function requireAccess(
  db: Db,
  ctx: RequestContext,
  caseId: string,
  now: Date,
  policy: typeof caseAccess = caseAccess,
): Promise<{ basis: string; mayAssignRoles: boolean }> {
  const facts = await caseAccessFacts(db, caseId, now);
  if (!facts) throw new StoreError('not-found', 'Casus niet gevonden.');
  const decision = policy(ctx.actor, facts);
  if (!decision.allowed) {
    // Someone who may read the case but not do this gets a 403; others never learn it exists.
    if (policy !== caseAccess && caseAccess(ctx.actor, facts).allowed)
      throw new StoreError('forbidden', decision.reason);
    throw new AccessDenied(caseId, decision.reason);
  }
  const read = caseAccess(ctx.actor, facts);
  if (read.allowed && read.basis === 'noodtoegang') {
    // Break-the-glass (ADR 0020): read only, and every access is logged with its reason.
    if (ctx.mode !== 'lezen')
      throw new StoreError(
        'forbidden',
        'Met noodtoegang kunt u de casus alleen inzien, niet wijzigen (NEN 7513).',
      );
    const grant = (await runningBreakGlass(db, caseId, now)).find(
      (g) => g.staffId === ctx.actor.staffId,
    );
    await writeAudit(db, ctx, {
      action: 'noodtoegang.inzage',
      caseId,
      justification: grant?.reason ?? null,
      details: { grantId: grant?.id ?? null, until: grant?.endsAt.toISOString() ?? null },
    });
  }
  return { basis: decision.basis, mayAssignRoles: mayAssignRoles(ctx.actor, facts).allowed };
}

/**
 * The holder of a role must exist: an active staff member (of the named organisation, when
 * one is named) or an organisation. Refused as bad input, naming the field.
 */
async function checkRoleHolder(db: Db, input: RoleAssignmentInput): Promise<void> {
  if (input.staffId !== null) {
    const staff = await db
      .selectFrom('staff')
      .select(['organisation_id', 'active'])
      .where('id', '=', input.staffId)
      .executeTakeFirst();
    if (!staff || !staff.active)
      throw new StoreError('invalid', 'De invoer klopt niet.', [
        { path: 'staffId', message: 'onbekende of niet-actieve medewerker' },
      ]);
    if (input.organisationId !== null && staff.organisation_id !== input.organisationId)
      throw new StoreError('invalid', 'De invoer klopt niet.', [
        { path: 'staffId', message: 'deze medewerker werkt niet bij de gekozen organisatie' },
      ]);
  }
  if (input.organisationId !== null) {
    const organisation = await db
      .selectFrom('organisation')
      .select('id')
      .where('id', '=', input.organisationId)
      .executeTakeFirst();
    if (!organisation)
      throw new StoreError('invalid', 'De invoer klopt niet.', [
        { path: 'organisationId', message: 'onbekende organisatie' },
      ]);
  }
}

/** A timestamp column as epoch milliseconds in JSON (a JSON timestamp would be a string). */
const epochMs = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

type PersonJson = CaseDetail['persons'][number];
type RoleJson = Omit<CaseRoleRow, 'startsAt' | 'endsAt'> & {
  readonly startsAt: number;
  readonly endsAt: number | null;
};
interface EventJson {
  readonly id: string;
  readonly type: string;
  readonly at: number;
  readonly childId: string | null;
  readonly kind: string | null;
  readonly date: string | null;
  readonly note: string | null;
}

/**
 * The case page's read: the case with its household, people, roles and timeline in one statement
 * (issue 11: the most read page; each statement is a round trip), compiled once.
 */
const caseRead = compiledOnce([slotText('case')] as const, (db, id) =>
  db
    .selectFrom('casus')
    .innerJoin('household', 'household.id', 'casus.household_id')
    .selectAll('casus')
    .select([
      'household.label as householdLabel',
      sql<PersonJson[]>`coalesce((
        select json_agg(json_build_object(
          'id', p.id, 'kind', p.kind, 'name', p.name, 'birthDate', p.birth_date, 'bsn', p.bsn
        ) order by p.created_at, p.name)
        from person p where p.household_id = casus.household_id
      ), '[]')`.as('persons'),
      sql<RoleJson[]>`coalesce((
        select json_agg(json_build_object(
          'id', r.id, 'role', r.role, 'holder', r.holder,
          'organisationId', r.organisation_id, 'staffId', r.staff_id,
          'staffName', s.name, 'organisationName', o.name,
          'startsAt', ${epochMs('r.starts_at')}, 'endsAt', ${epochMs('r.ends_at')},
          'reason', r.reason
        ) order by r.starts_at, r.id)
        from case_role r
        left join staff s on s.id = r.staff_id
        left join organisation o on o.id = r.organisation_id
        where r.case_id = casus.id
      ), '[]')`.as('roles'),
      sql<EventJson[]>`coalesce((
        select json_agg(json_build_object(
          'id', e.id::text, 'type', e.type, 'at', ${epochMs('e.at')}, 'childId', e.child_id,
          'kind', e.kind, 'date', e.date, 'note', e.note
        ) order by e.at, e.id)
        from case_event e where e.case_id = casus.id
      ), '[]')`.as('events'),
    ])
    .where('casus.id', '=', id),
);

/** A case with household, roles (now and past) and timeline; the read is audited. */
export async function getCase(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<CaseDetail> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseRead(db, ctx, async (conn) => {
    const { basis, mayAssignRoles: assigns } = await requireAccess(conn, ctx, caseId, now);
    const [casus] = await caseRead(conn, caseId);
    if (!casus) throw new StoreError('not-found', 'Casus niet gevonden.');
    const household = { id: casus.household_id, label: casus.householdLabel };
    const persons = casus.persons;
    const roles: CaseRoleRow[] = casus.roles.map((r) => ({
      ...r,
      startsAt: new Date(r.startsAt),
      endsAt: r.endsAt === null ? null : new Date(r.endsAt),
    }));
    const events = casus.events.map((e) => ({ ...e, at: new Date(e.at) }));
    await writeAudit(conn, ctx, { action: 'casus.lezen', caseId, details: { basis } });
    return {
      id: casus.id,
      region: casus.region,
      route: casus.route,
      segment: casus.segment,
      measure: casus.measure,
      step: casus.step,
      responsibleTeamId: casus.responsible_team_id,
      createdAt: casus.created_at,
      household,
      persons,
      roles,
      events: events.map((e) => ({
        ...e,
        type: e.type as EventType,
        kind: e.kind as EvaluationKind | null,
      })),
      facts: (casus.facts ?? {}) as Record<string, unknown>,
      access: { basis, mayAssignRoles: assigns },
    };
  });
}

/**
 * Timeline entries that are not rule events: a note, and ticking off an item of the step's
 * "done when" list (the note holds the item key).
 */
export const TIMELINE_ONLY_TYPES = [
  'notitie',
  'stap-afgevinkt',
  'melding-veilig-thuis',
  'crisisteam-contact',
  'familiegroepsplan-aangeboden',
  'contactpersoon-aanbieder',
  'voortgangsverslag',
  'calamiteit',
  'acuut-risico',
  'verslag-ontvangen',
  'onderaannemer-gemeld',
  'aanbieder-beoordeeld',
  'aanpassing-voorgesteld',
  'aanpassing-besloten',
  'aanpassing-uitgevoerd',
  'beeindiging-gestart',
  'beeindiging-gesprek',
  'beeindiging-gemeld',
  'beeindiging-besluit',
  'beeindiging-overgedragen',
  'regie-overdracht-gestart',
  'regie-overdracht-gesprek',
  'regie-overdracht-afgerond',
  'regie-overdracht-geannuleerd',
  'maatregel-afgesloten',
  'verhuizing',
  'anoniem-gedeeld',
  'casusregisseur-gevraagd',
  'casusregisseur-afgewezen',
] as const;
export type TimelineType = EventType | (typeof TIMELINE_ONLY_TYPES)[number];

/**
 * Entries that only their own flow writes, with its checks (who may report a calamity, who holds
 * crisiscasusregie): never through the general "record an event" route.
 */
export const FLOW_ONLY_TYPES: readonly string[] = [
  ...FLOW_EVENT_TYPES,
  'contactpersoon-aanbieder',
  'voortgangsverslag',
  'calamiteit',
  'acuut-risico',
  'verslag-ontvangen',
  'onderaannemer-gemeld',
  'aanbieder-beoordeeld',
  'aanpassing-voorgesteld',
  'aanpassing-besloten',
  'aanpassing-uitgevoerd',
  'beeindiging-gestart',
  'beeindiging-gesprek',
  'beeindiging-gemeld',
  'beeindiging-besluit',
  'beeindiging-overgedragen',
  'regie-overdracht-gestart',
  'regie-overdracht-gesprek',
  'regie-overdracht-afgerond',
  'regie-overdracht-geannuleerd',
  'maatregel-afgesloten',
  'verhuizing',
  'afsluiting',
  'anoniem-gedeeld',
  'casusregisseur-gevraagd',
  'casusregisseur-afgewezen',
];

export interface EventInput {
  readonly type: TimelineType;
  readonly at: Date;
  readonly childId?: string | null;
  readonly kind?: EvaluationKind | null;
  readonly date?: string | null;
  readonly note?: string | null;
}

/**
 * Adds an event to the timeline. It may not lie before the registration (the first
 * `aanmelding`) nor after `now`; a child must belong to the case's household.
 */
export async function addEvent(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: EventInput,
  now: Date,
): Promise<{ readonly id: string }> {
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const registered = await trx
      .selectFrom('case_event')
      .select((eb) => eb.fn.min('at').as('at'))
      .where('case_id', '=', caseId)
      .where('type', '=', 'aanmelding')
      .executeTakeFirst();
    const fields = [];
    if (registered?.at && input.at < new Date(registered.at))
      fields.push({ path: 'at', message: 'ligt vóór de aanmelding van de casus' });
    if (input.at > now) fields.push({ path: 'at', message: 'ligt in de toekomst' });
    if (input.childId) {
      const child = await trx
        .selectFrom('person')
        .innerJoin('casus', 'casus.household_id', 'person.household_id')
        .select('person.id')
        .where('casus.id', '=', caseId)
        .where('person.id', '=', input.childId)
        .where('person.kind', '=', 'jeugdige')
        .executeTakeFirst();
      if (!child) fields.push({ path: 'childId', message: 'geen jeugdige van dit gezin' });
    }
    if (fields.length > 0) throw new StoreError('invalid', 'De gebeurtenis klopt niet.', fields);
    const row = await trx
      .insertInto('case_event')
      .values({
        case_id: caseId,
        type: input.type,
        at: input.at,
        child_id: input.childId ?? null,
        kind: input.kind ?? null,
        date: input.date ?? null,
        note: input.note ?? null,
        recorded_by: ctx.actor.staffId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'casus.gebeurtenis-toevoegen',
      caseId,
      details: { type: input.type },
    });
    return { id: row.id };
  });
}

export interface RoleAssignmentInput {
  readonly role: ActiveRole['role'];
  readonly holder: 'gezin' | 'professional' | 'organisatie';
  readonly staffId: string | null;
  readonly organisationId: string | null;
  readonly startsAt: Date;
  readonly reason: string;
  /** Comply or explain (GRO-DEC-WERKTOEDELING): why casusregie goes to an unregistered professional. */
  readonly unregisteredExplanation?: string | null;
  /** Set by a flow that already checked the registration (a warm handover, at its start). */
  readonly registrationChecked?: boolean;
}

/**
 * Hands a role to a new holder from `startsAt`: the running assignment of the same role ends
 * then (for behandelregie: only the same provider's), and the history stays.
 */
export async function assignRole(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: RoleAssignmentInput,
  now: Date,
): Promise<{ readonly id: string }> {
  return inCaseTransaction(db, ctx, (trx) => assignRoleIn(trx, ctx, caseId, input, now));
}

/**
 * `assignRole` inside a transaction the caller owns (a flow that moves a role as part of a larger
 * change, such as completing a warm handover). Access is checked the same way.
 */
export async function assignRoleIn(
  trx: Transaction<Database>,
  ctx: RequestContext,
  caseId: string,
  input: RoleAssignmentInput,
  now: Date,
): Promise<{ readonly id: string }> {
  await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
  await checkRoleHolder(trx, input);
  let running = trx
    .updateTable('case_role')
    .set({ ends_at: input.startsAt })
    .where('case_id', '=', caseId)
    .where('role', '=', input.role)
    .where('ends_at', 'is', null)
    .where('starts_at', '<=', input.startsAt);
  if (input.role === 'behandelregie')
    running = running.where('organisation_id', '=', input.organisationId);
  await running.execute();
  const row = await trx
    .insertInto('case_role')
    .values({
      case_id: caseId,
      role: input.role,
      holder: input.holder,
      staff_id: input.staffId,
      organisation_id: input.organisationId,
      starts_at: input.startsAt,
      ends_at: null,
      reason: input.reason,
      created_by: ctx.actor.staffId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.role === 'casusregie' && input.staffId && !input.registrationChecked)
    await requireRegistrationOrExplanation(
      trx,
      ctx,
      {
        caseId,
        staffId: input.staffId,
        at: input.startsAt,
        explanation: input.unregisteredExplanation,
        field: 'unregisteredExplanation',
        kind: 'rol',
        roleId: row.id,
      },
      now,
    );
  await writeAudit(trx, ctx, {
    action: 'casus.rol-toewijzen',
    caseId,
    details: { role: input.role, holder: input.holder },
  });
  return { id: row.id };
}

/**
 * The access policy as a SQL condition on `casus`, for lists that must never show more than a
 * professional may open: the same bases as `caseAccess` (the responsible team, an open warm
 * handover to the actor, a running role of the actor or of the actor's organisation). Written as
 * `casus.id in (…)` over ids drawn from indexes, one branch per basis, so PostgreSQL begins from
 * the actor's few ids instead of testing an OR on every case (a GI's team view still holds
 * thousands of ids; each is then only looked up).
 */
export function visibleCaseIn(
  eb: ExpressionBuilder<Database & { casus: Database['casus'] }, 'casus'>,
  actor: RequestContext['actor'],
  now: Date,
) {
  const { staffId, organisationId } = actor;
  return eb(
    'casus.id',
    'in',
    eb
      .selectFrom('casus as team')
      .select('team.id as case_id')
      .where('team.responsible_team_id', '=', organisationId)
      .unionAll(
        eb
          .selectFrom('casusregie_handover as h')
          .select('h.case_id')
          .where('h.status', '=', 'open')
          .where('h.to_staff_id', '=', staffId),
      )
      .unionAll(
        eb
          .selectFrom('case_role as r')
          .select('r.case_id')
          .where('r.starts_at', '<=', now)
          .where((inner) =>
            inner.or([inner('r.ends_at', 'is', null), inner('r.ends_at', '>', now)]),
          )
          .where((inner) =>
            inner.or([
              inner('r.staff_id', '=', staffId),
              inner('r.organisation_id', '=', organisationId),
            ]),
          ),
      ),
  );
}

/** The ids of the cases the actor may see (see `visibleCaseIn`). */
export async function visibleCaseIds(
  db: Kysely<Database>,
  ctx: RequestContext,
  now: Date,
): Promise<string[]> {
  if (!worksWithCases(ctx.actor)) return [];
  const rows = await db
    .selectFrom('casus')
    .select('casus.id')
    .where((eb) => visibleCaseIn(eb, ctx.actor, now))
    .execute();
  return rows.map((r) => r.id);
}
