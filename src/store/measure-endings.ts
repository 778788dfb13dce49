/**
 * The end of a court measure in the database (route C; RIJ-DEC-MEASURE-END, RIJ-TERM-RVDK-OTS):
 * one record per case, started by the GI side (whoever may assign roles: the GI holds
 * procesregie), with the closing teamtafel, the afsluitrapportage and where casusregie goes.
 * Completing checks the four conditions of `measureEndProblems` and writes the
 * `maatregel-afgesloten` timeline entry; it does not close the case (the case closure asks
 * `measureEndingStatus`). Casusregie itself moves through the warm handover or the role
 * assignment, never here. Every change is one transaction with its audit record.
 */
import type { Kysely, Transaction } from 'kysely';
import { mayAssignRoles } from '../domain/access/case-access.js';
import {
  measureEndChecklist,
  measureEndProblems,
  measureEndRefusal,
  measureReportProblems,
  MEASURE_END_RULE,
  teamTableProblems,
  type CasusregieDestination,
  type ConsentAnswer,
  type MeasureEndCheck,
  type MeasureEndFacts,
  type MeasureReportInput,
  type SmartGoal,
  type TeamTableInput,
} from '../domain/closure/measure-end.js';
import { localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import { caseRoleRecipients, notify } from './notifications.js';
import type { Database } from './schema.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Staff of a role-holding organisation who hear of the completion (not its back office). */
const CASE_WORKERS = ['jeugdbeschermer', 'casusregisseur', 'teamleider', 'planner', 'behandelaar'];
const invalid = (fields: readonly { path: string; message: string }[]) =>
  new StoreError('invalid', 'De invoer klopt niet.', [...fields]);

export interface CurrentCasusregieView {
  readonly holder: 'gezin' | 'professional' | 'organisatie';
  readonly staff: string | null;
  readonly organisation: string | null;
  readonly organisationKind: string | null;
}

export interface MeasureEndingView {
  readonly id: string;
  readonly status: 'open' | 'afgerond';
  readonly destination: CasusregieDestination;
  readonly startedBy: string;
  readonly startedAt: Date;
  readonly teamTable: {
    readonly heldOn: string;
    readonly householdPresent: readonly { readonly id: string; readonly name: string }[];
    readonly futureRegisseur: string;
    readonly partners: string | null;
    readonly agreements: string;
    readonly recordedBy: string;
    readonly recordedAt: Date;
  } | null;
  readonly report: {
    readonly pastPeriod: string;
    readonly goals: readonly SmartGoal[];
    readonly consent: ConsentAnswer;
    readonly recordedBy: string;
    readonly recordedAt: Date;
  } | null;
  readonly completedBy: string | null;
  readonly completedAt: Date | null;
}

export interface CaseMeasureEnding {
  /** Only route C cases have a measure to end. */
  readonly applies: boolean;
  readonly region: string;
  readonly measure: 'ots' | 'voogdij' | 'jeugdreclassering' | null;
  /** The date the latest `maatregel-einde` carries, `YYYY-MM-DD`. */
  readonly plannedEnd: string | null;
  readonly casusregie: CurrentCasusregieView | null;
  readonly ending: MeasureEndingView | null;
  /** The four conditions (null while there is no record: the destination is not chosen yet). */
  readonly checklist: readonly MeasureEndCheck[] | null;
  /** Whether the viewer may start, fill in and complete the record (the GI side). */
  readonly mayEdit: boolean;
}

async function caseRow(db: Db, caseId: string) {
  return db
    .selectFrom('casus')
    .select(['id', 'route', 'region', 'measure', 'household_id as householdId'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}

async function currentCasusregie(
  db: Db,
  caseId: string,
  now: Date,
): Promise<CurrentCasusregieView | null> {
  const row = await db
    .selectFrom('case_role as r')
    .leftJoin('staff as s', 's.id', 'r.staff_id')
    .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select(['r.holder', 's.name as staff', 'o.name as organisation', 'o.kind as organisationKind'])
    .where('r.case_id', '=', caseId)
    .where('r.role', '=', 'casusregie')
    .where('r.starts_at', '<=', now)
    .where((eb) => eb.or([eb('r.ends_at', 'is', null), eb('r.ends_at', '>', now)]))
    .orderBy('r.starts_at', 'desc')
    .executeTakeFirst();
  return row ?? null;
}

/** The timeline in order: by time, equal times in the order they were recorded. */
async function timeline(db: Db, caseId: string) {
  return db
    .selectFrom('case_event')
    .select(['type', 'at', 'date'])
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('recorded_at')
    .execute();
}

async function staffNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function loadEnding(db: Db, caseId: string, lock = false): Promise<MeasureEndingView | null> {
  let query = db.selectFrom('measure_ending').selectAll().where('case_id', '=', caseId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const people = await db
    .selectFrom('person')
    .innerJoin('casus', 'casus.household_id', 'person.household_id')
    .select(['person.id', 'person.name'])
    .where('casus.id', '=', caseId)
    .execute();
  const names = await staffNames(db, [
    row.started_by,
    row.team_table_recorded_by,
    row.report_recorded_by,
    row.completed_by,
  ]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? '') : '');
  return {
    id: row.id,
    status: row.status,
    destination: row.destination,
    startedBy: nameOf(row.started_by),
    startedAt: row.started_at,
    teamTable:
      row.team_table_held_on && row.team_table_recorded_at
        ? {
            heldOn: row.team_table_held_on,
            householdPresent: ((row.team_table_household ?? []) as string[]).map((id) => ({
              id,
              name: people.find((p) => p.id === id)?.name ?? '',
            })),
            futureRegisseur: row.team_table_future_regisseur ?? '',
            partners: row.team_table_partners,
            agreements: row.team_table_agreements ?? '',
            recordedBy: nameOf(row.team_table_recorded_by),
            recordedAt: row.team_table_recorded_at,
          }
        : null,
    report:
      row.report_recorded_at && row.report_consent
        ? {
            pastPeriod: row.report_past_period ?? '',
            goals: (row.report_goals ?? []) as SmartGoal[],
            consent: row.report_consent,
            recordedBy: nameOf(row.report_recorded_by),
            recordedAt: row.report_recorded_at,
          }
        : null,
    completedBy: row.completed_by ? nameOf(row.completed_by) : null,
    completedAt: row.completed_at,
  };
}

/** The facts the four conditions are checked against. */
async function endFacts(
  db: Db,
  casus: { id: string; region: string; measure: MeasureEndFacts['measure'] },
  ending: MeasureEndingView,
  casusregie: CurrentCasusregieView | null,
): Promise<MeasureEndFacts> {
  const events = await timeline(db, casus.id);
  return {
    region: casus.region,
    measure: casus.measure,
    destination: ending.destination,
    teamTable: ending.teamTable
      ? { householdPresent: ending.teamTable.householdPresent.map((p) => p.id) }
      : null,
    report: ending.report ? { goals: ending.report.goals } : null,
    events: events.map((e) => ({ type: e.type, at: e.at.getTime() })),
    casusregie: casusregie
      ? { holder: casusregie.holder, organisationKind: casusregie.organisationKind }
      : null,
  };
}

/** The case's measure-ending record with its checklist and what the viewer may do; audited. */
export async function caseMeasureEnding(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<CaseMeasureEnding> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    const access = await requireAccess(trx, ctx, caseId, now);
    const casus = await caseRow(trx, caseId);
    const events = await timeline(trx, caseId);
    const plannedEnd = events.findLast((e) => e.type === 'maatregel-einde' && e.date)?.date ?? null;
    const casusregie = await currentCasusregie(trx, caseId, now);
    const ending = casus.route === 'C' ? await loadEnding(trx, caseId) : null;
    const checklist = ending
      ? measureEndChecklist(await endFacts(trx, casus, ending, casusregie))
      : null;
    await writeAudit(trx, ctx, { action: 'einde-maatregel.lezen', caseId, details: {} });
    return {
      applies: casus.route === 'C',
      region: casus.region,
      measure: casus.measure,
      plannedEnd,
      casusregie,
      ending,
      checklist,
      mayEdit: casus.route === 'C' && access.mayAssignRoles,
    };
  });
}

/** Opens a change: access for the GI side, a route C case, an open record (unless starting). */
async function forChange(
  trx: Transaction<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
) {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
  const casus = await caseRow(trx, caseId);
  if (casus.route !== 'C')
    throw new StoreError(
      'conflict',
      `Alleen een casus op route C heeft een maatregel om af te sluiten (${MEASURE_END_RULE}).`,
    );
  return casus;
}

async function openEnding(trx: Transaction<Database>, caseId: string): Promise<MeasureEndingView> {
  const ending = await loadEnding(trx, caseId, true);
  if (!ending)
    throw new StoreError(
      'conflict',
      'Er is nog geen afsluiting van de maatregel gestart. Start die eerst.',
    );
  if (ending.status === 'afgerond')
    throw new StoreError('conflict', 'Het einde van de maatregel is al afgerond.');
  return ending;
}

/** The GI side starts the record, choosing where casusregie goes. One per case. */
export async function startMeasureEnding(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: { readonly destination: CasusregieDestination },
  now: Date,
): Promise<{ readonly id: string }> {
  return inCaseTransaction(db, ctx, async (trx) => {
    await forChange(trx, ctx, caseId, now);
    const existing = await trx
      .selectFrom('measure_ending')
      .select('id')
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (existing) throw new StoreError('conflict', 'De afsluiting van de maatregel is al gestart.');
    const row = await trx
      .insertInto('measure_ending')
      .values({
        case_id: caseId,
        status: 'open',
        destination: input.destination,
        started_by: ctx.actor.staffId,
        started_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'einde-maatregel.starten',
      caseId,
      details: { endingId: row.id, destination: input.destination },
    });
    return { id: row.id };
  });
}

/** Changes where casusregie goes while the record is open. */
export async function setMeasureEndDestination(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: { readonly destination: CasusregieDestination },
  now: Date,
): Promise<void> {
  await inCaseTransaction(db, ctx, async (trx) => {
    await forChange(trx, ctx, caseId, now);
    const ending = await openEnding(trx, caseId);
    await trx
      .updateTable('measure_ending')
      .set({ destination: input.destination })
      .where('id', '=', ending.id)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'einde-maatregel.bestemming',
      caseId,
      details: { endingId: ending.id, destination: input.destination },
    });
  });
}

/** Records (or corrects) the closing teamtafel. */
export async function recordClosingTeamTable(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: TeamTableInput,
  now: Date,
): Promise<void> {
  await inCaseTransaction(db, ctx, async (trx) => {
    const casus = await forChange(trx, ctx, caseId, now);
    const ending = await openEnding(trx, caseId);
    const household = await trx
      .selectFrom('person')
      .select('id')
      .where('household_id', '=', casus.householdId)
      .execute();
    const problems = teamTableProblems(input, {
      today: localDay(now.getTime()),
      householdPersonIds: household.map((p) => p.id),
    });
    if (problems.length > 0) throw invalid(problems);
    await trx
      .updateTable('measure_ending')
      .set({
        team_table_held_on: input.heldOn,
        team_table_household: JSON.stringify(input.householdPresent),
        team_table_future_regisseur: input.futureRegisseur.trim(),
        team_table_partners: input.partners?.trim() || null,
        team_table_agreements: input.agreements.trim(),
        team_table_recorded_by: ctx.actor.staffId,
        team_table_recorded_at: now,
      })
      .where('id', '=', ending.id)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'einde-maatregel.teamtafel',
      caseId,
      details: { endingId: ending.id, householdPresent: input.householdPresent.length },
    });
  });
}

/** Records (or corrects) the jeugdbeschermer's afsluitrapportage. */
export async function recordClosingReport(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: MeasureReportInput,
  now: Date,
): Promise<void> {
  await inCaseTransaction(db, ctx, async (trx) => {
    await forChange(trx, ctx, caseId, now);
    const ending = await openEnding(trx, caseId);
    const problems = measureReportProblems(input, localDay(now.getTime()));
    if (problems.length > 0) throw invalid(problems);
    const goals: SmartGoal[] = input.goals.map((g) => ({
      goal: g.goal.trim(),
      ownerKind: g.ownerKind,
      owner: g.owner.trim(),
      action: g.action.trim(),
      dueOn: g.dueOn,
    }));
    await trx
      .updateTable('measure_ending')
      .set({
        report_past_period: input.pastPeriod.trim(),
        report_goals: JSON.stringify(goals),
        report_consent: input.consent,
        report_recorded_by: ctx.actor.staffId,
        report_recorded_at: now,
      })
      .where('id', '=', ending.id)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'einde-maatregel.afsluitrapportage',
      caseId,
      details: { endingId: ending.id, goals: goals.length, consent: input.consent },
    });
  });
}

/**
 * Completes the record when the four conditions hold; otherwise 409 naming each missing one
 * with its rule ID (the problems also as fields, by condition). Writes `maatregel-afgesloten`
 * and tells the case's role holders. The case stays open.
 */
export async function completeMeasureEnding(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<void> {
  await inCaseTransaction(db, ctx, async (trx) => {
    const casus = await forChange(trx, ctx, caseId, now);
    const ending = await openEnding(trx, caseId);
    const casusregie = await currentCasusregie(trx, caseId, now);
    const problems = measureEndProblems(await endFacts(trx, casus, ending, casusregie));
    if (problems.length > 0)
      throw new StoreError(
        'conflict',
        measureEndRefusal(problems),
        problems.map((p) => ({
          path: p.condition,
          message: `${p.message ?? ''} (${p.ruleId}${p.everywhere ? ', geldt in elke regio' : ''})`,
        })),
      );
    await trx
      .updateTable('measure_ending')
      .set({ status: 'afgerond', completed_by: ctx.actor.staffId, completed_at: now })
      .where('id', '=', ending.id)
      .execute();
    const to =
      ending.destination === 'gezin'
        ? 'het gezin zelf'
        : [casusregie?.staff, casusregie?.organisation].filter(Boolean).join(', ');
    await addTimelineEntry(trx, {
      caseId,
      type: 'maatregel-afgesloten',
      at: now,
      note: `Einde van de maatregel afgerond (${MEASURE_END_RULE}): teamtafel en afsluitrapportage vastgelegd, casusregie bij ${to}.`,
      by: ctx.actor.staffId,
    });
    const recipients = new Set<string>();
    for (const role of ['procesregie', 'casusregie', 'behandelregie'] as const)
      for (const id of await caseRoleRecipients(trx, caseId, role, now, CASE_WORKERS))
        recipients.add(id);
    recipients.delete(ctx.actor.staffId);
    await notify(
      trx,
      {
        kind: 'aanpassing',
        caseId,
        title: 'Het einde van de maatregel is afgerond; de casusregie ligt niet meer bij de GI',
        ruleId: MEASURE_END_RULE,
        link: `/casussen/${caseId}`,
        staffIds: [...recipients],
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'einde-maatregel.afronden',
      caseId,
      details: { endingId: ending.id, destination: ending.destination },
    });
  });
}

/**
 * Where the case's measure-ending record stands, for the case closure (route C may close only
 * after `afgerond`); null when there is no record. No access check: callers have done theirs.
 */
export async function measureEndingStatus(
  db: Db,
  caseId: string,
): Promise<'open' | 'afgerond' | null> {
  if (!UUID.test(caseId)) return null;
  const row = await db
    .selectFrom('measure_ending')
    .select('status')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row?.status ?? null;
}
