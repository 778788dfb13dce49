/**
 * Staff registrations (SKJ, BIG) and "comply or explain" in the database (GRO-DEC-WERKTOEDELING,
 * ADR 0023). The team lead of a professional's own organisation records registrations; the
 * professional reads their own. When casusregie goes to a professional without a valid
 * registration on that day, `requireRegistrationOrExplanation` refuses (409) unless the request
 * explains why, and keeps the explanation with the assignment for the team view.
 *
 * The check applies to the staff of an organisation once its team lead has recorded a first
 * registration there (ADR 0023): before that, "unregistered" cannot be told from "not recorded
 * yet", and refusing would stop every organisation's work on the day this feature arrives.
 */
import type { Kysely, Transaction } from 'kysely';
import { NON_CASE_ROLES } from '../domain/access/case-access.js';
import {
  EXPIRY_WINDOW_DAYS,
  explanationMissing,
  isRegisteredOn,
  registrationProblems,
  registrationStatus,
  WORK_ALLOCATION_RULE,
  type Register,
  type Registration,
  type RegistrationStatus,
} from '../domain/quality/registration.js';
import { addMonths, formatIsoDate, localDay, parseIsoDate } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'Medewerker niet gevonden.';

export interface RegistrationView {
  readonly id: string;
  readonly register: Register;
  readonly number: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly validToday: boolean;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

export interface StaffRegistrations {
  readonly staffId: string;
  readonly name: string;
  readonly status: RegistrationStatus;
  readonly validUntil: string | null;
  readonly registrations: readonly RegistrationView[];
  readonly mayRecord: boolean;
}

const asRegistration = (r: {
  register: Register;
  number: string;
  valid_from: string;
  valid_until: string | null;
}): Registration => ({
  register: r.register,
  number: r.number,
  validFrom: parseIsoDate(r.valid_from) as number,
  validUntil: r.valid_until === null ? null : (parseIsoDate(r.valid_until) as number),
});

const isTeamLead = (ctx: RequestContext) => ctx.actor.roles.includes('teamleider');

/**
 * The professional, if the actor may see their registrations: themselves, or a team lead of the
 * same organisation. Anyone else gets "not found", so staff of other organisations do not leak.
 */
async function staffFor(db: Db, ctx: RequestContext, staffId: string) {
  if (!UUID.test(staffId)) throw new StoreError('not-found', NOT_FOUND);
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'name', 'organisation_id'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  const own = staff?.id === ctx.actor.staffId;
  const lead = staff?.organisation_id === ctx.actor.organisationId && isTeamLead(ctx);
  if (!staff || !(own || lead)) throw new StoreError('not-found', NOT_FOUND);
  return staff;
}

async function registrationRows(db: Db, staffIds: readonly string[]) {
  if (staffIds.length === 0) return [];
  return db
    .selectFrom('staff_registration as r')
    .innerJoin('staff as by', 'by.id', 'r.recorded_by')
    .select([
      'r.id',
      'r.staff_id',
      'r.register',
      'r.number',
      'r.valid_from',
      'r.valid_until',
      'r.recorded_at',
      'by.name as byName',
    ])
    .where('r.staff_id', 'in', staffIds)
    .orderBy('r.valid_from', 'desc')
    .execute();
}

type Row = Awaited<ReturnType<typeof registrationRows>>[number];

function summary(rows: readonly Row[], today: number) {
  const status = registrationStatus(rows.map(asRegistration), today);
  return {
    status: status.status,
    validUntil: status.validUntil === null ? null : formatIsoDate(status.validUntil),
    registrations: rows.map((r): RegistrationView => ({
      id: r.id,
      register: r.register,
      number: r.number,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      validToday: isRegisteredOn([asRegistration(r)], today),
      recordedBy: r.byName,
      recordedAt: r.recorded_at,
    })),
  };
}

/** A professional's registrations and status today (themselves, or their team lead). */
export async function staffRegistrations(
  db: Kysely<Database>,
  ctx: RequestContext,
  staffId: string,
  now: Date,
): Promise<StaffRegistrations> {
  return db.transaction().execute(async (trx) => {
    const staff = await staffFor(trx, ctx, staffId);
    const rows = await registrationRows(trx, [staff.id]);
    await writeAudit(trx, ctx, { action: 'registratie.lezen', details: { staffId: staff.id } });
    return {
      staffId: staff.id,
      name: staff.name,
      ...summary(rows, localDay(now.getTime())),
      mayRecord: staff.organisation_id === ctx.actor.organisationId && isTeamLead(ctx),
    };
  });
}

export interface RegistrationInput {
  readonly register: Register;
  readonly number: string;
  readonly validFrom: string;
  readonly validUntil: string | null;
}

/** Records a registration; only a team lead of the professional's own organisation (else 403). */
export async function recordRegistration(
  db: Kysely<Database>,
  ctx: RequestContext,
  staffId: string,
  input: RegistrationInput,
  now: Date,
): Promise<{ readonly id: string }> {
  return db.transaction().execute(async (trx) => {
    const staff = await staffFor(trx, ctx, staffId);
    if (staff.organisation_id !== ctx.actor.organisationId || !isTeamLead(ctx))
      throw new StoreError(
        'forbidden',
        'Alleen de teamleider van de eigen organisatie legt registraties vast.',
      );
    const number = input.number.replace(/\s+/g, '');
    const problems = registrationProblems(
      asRegistration({
        register: input.register,
        number,
        valid_from: input.validFrom,
        valid_until: input.validUntil,
      }),
    );
    if (problems.length > 0)
      throw new StoreError('invalid', 'De registratie klopt niet.', problems);
    const row = await trx
      .insertInto('staff_registration')
      .values({
        staff_id: staff.id,
        register: input.register,
        number,
        valid_from: input.validFrom,
        valid_until: input.validUntil,
        recorded_by: ctx.actor.staffId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'registratie.vastleggen',
      details: { staffId: staff.id, registrationId: row.id, register: input.register },
    });
    return { id: row.id };
  });
}

export interface AssignmentToCheck {
  readonly caseId: string;
  readonly staffId: string;
  /** The day the assignment takes effect (Europe/Amsterdam). */
  readonly at: Date;
  readonly explanation: string | null | undefined;
  /** The API field that carries the explanation, named in a refusal. */
  readonly field: string;
  readonly kind: 'rol' | 'overdracht';
  readonly roleId?: string;
  readonly handoverId?: string;
}

/**
 * Whether assigning to this professional on the day of `at` needs an explanation: null when they
 * are registered that day, or their organisation keeps no registrations yet (ADR 0023).
 */
export async function explanationNeeded(
  trx: Transaction<Database>,
  staffId: string,
  at: Date,
): Promise<{ readonly organisationId: string; readonly day: string } | null> {
  const staff = await trx
    .selectFrom('staff')
    .select(['organisation_id'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!staff) return null;
  const keeps = await trx
    .selectFrom('staff_registration as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select('r.id')
    .where('s.organisation_id', '=', staff.organisation_id)
    .limit(1)
    .executeTakeFirst();
  if (!keeps) return null;
  const day = localDay(at.getTime());
  const rows = await trx
    .selectFrom('staff_registration')
    .select(['register', 'number', 'valid_from', 'valid_until'])
    .where('staff_id', '=', staffId)
    .execute();
  if (isRegisteredOn(rows.map(asRegistration), day)) return null;
  return { organisationId: staff.organisation_id, day: formatIsoDate(day) };
}

/** Refuses (409, naming the field and the rule) when the explanation is missing or too short. */
export function requireExplanation(explanation: string | null | undefined, field: string): string {
  const missing = explanationMissing(false, explanation);
  if (missing)
    throw new StoreError(
      'conflict',
      `Deze professional is op die dag niet geregistreerd in het Kwaliteitsregister Jeugd (SKJ) of het BIG-register. Pas toe of leg uit: vul een uitleg in (${WORK_ALLOCATION_RULE}, GRO referentiekader thema 6 "verantwoorde werktoedeling"; geldt in elke regio).`,
      [{ path: field, message: missing }],
    );
  return (explanation ?? '').trim();
}

/**
 * Comply or explain for one assignment, inside the caller's transaction and after the assignment
 * row is written (a refusal rolls it back): nothing when no explanation is needed; otherwise 409
 * naming `field` without one, or the explanation stored with the assignment and audited.
 */
export async function requireRegistrationOrExplanation(
  trx: Transaction<Database>,
  ctx: RequestContext,
  input: AssignmentToCheck,
  now: Date,
): Promise<void> {
  const needed = await explanationNeeded(trx, input.staffId, input.at);
  if (!needed) return;
  const explanation = requireExplanation(input.explanation, input.field);
  const row = await trx
    .insertInto('unregistered_assignment')
    .values({
      case_id: input.caseId,
      staff_id: input.staffId,
      organisation_id: needed.organisationId,
      kind: input.kind,
      role_id: input.roleId ?? null,
      handover_id: input.handoverId ?? null,
      on_day: needed.day,
      explanation,
      rule_id: WORK_ALLOCATION_RULE,
      recorded_by: ctx.actor.staffId,
      recorded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(trx, ctx, {
    action: 'werktoedeling.uitleggen',
    caseId: input.caseId,
    details: { assignmentId: row.id, staffId: input.staffId, kind: input.kind },
  });
}

export interface TeamMemberView {
  readonly staffId: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly status: RegistrationStatus;
  readonly validUntil: string | null;
  readonly registrations: readonly RegistrationView[];
}

export interface ExplainedAssignmentView {
  readonly id: string;
  readonly caseId: string;
  readonly staffId: string;
  readonly staffName: string;
  readonly kind: 'rol' | 'overdracht';
  readonly day: string;
  readonly explanation: string;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

export interface TeamRegistrationView {
  readonly organisationId: string;
  readonly organisation: string;
  readonly ruleId: string;
  readonly expiryWindowDays: number;
  readonly members: readonly TeamMemberView[];
  readonly explained: readonly ExplainedAssignmentView[];
}

/**
 * The team view for a team lead: every case-working member of their own organisation with their
 * registration status today, and the assignments explained in the last 12 months. Others: 403.
 */
export async function teamRegistrations(
  db: Kysely<Database>,
  ctx: RequestContext,
  now: Date,
): Promise<TeamRegistrationView> {
  if (!isTeamLead(ctx))
    throw new StoreError('forbidden', 'Alleen een teamleider ziet het teamoverzicht.');
  return db.transaction().execute(async (trx) => {
    const organisation = await trx
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('id', '=', ctx.actor.organisationId)
      .executeTakeFirstOrThrow();
    const staff = (
      await trx
        .selectFrom('staff')
        .select(['id', 'name', 'roles'])
        .where('organisation_id', '=', organisation.id)
        .where('active', '=', true)
        .orderBy('name')
        .execute()
    ).filter((s) => s.roles.some((r) => !(NON_CASE_ROLES as readonly string[]).includes(r)));
    const rows = await registrationRows(
      trx,
      staff.map((s) => s.id),
    );
    const today = localDay(now.getTime());
    const since = formatIsoDate(addMonths(today, -12));
    const explained = await trx
      .selectFrom('unregistered_assignment as u')
      .innerJoin('staff as s', 's.id', 'u.staff_id')
      .innerJoin('staff as by', 'by.id', 'u.recorded_by')
      .select([
        'u.id',
        'u.case_id',
        'u.staff_id',
        'u.kind',
        'u.on_day',
        'u.explanation',
        'u.recorded_at',
        's.name as staffName',
        'by.name as byName',
      ])
      .where('u.organisation_id', '=', organisation.id)
      .where('u.on_day', '>=', since)
      .orderBy('u.recorded_at', 'desc')
      .execute();
    await writeAudit(trx, ctx, {
      action: 'registratie.teamoverzicht',
      details: { organisationId: organisation.id },
    });
    return {
      organisationId: organisation.id,
      organisation: organisation.name,
      ruleId: WORK_ALLOCATION_RULE,
      expiryWindowDays: EXPIRY_WINDOW_DAYS,
      members: staff.map((s) => ({
        staffId: s.id,
        name: s.name,
        roles: s.roles,
        ...summary(
          rows.filter((r) => r.staff_id === s.id),
          today,
        ),
      })),
      explained: explained.map((e) => ({
        id: e.id,
        caseId: e.case_id,
        staffId: e.staff_id,
        staffName: e.staffName,
        kind: e.kind,
        day: e.on_day,
        explanation: e.explanation,
        recordedBy: e.byName,
        recordedAt: e.recorded_at,
      })),
    };
  });
}
