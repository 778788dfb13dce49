/**
 * Evaluations in the database: minutes of the meeting about the goals of a fixed plan, and
 * their distribution to the participants. Each is one transaction with its audit record; the
 * case timeline gets the `evaluatie` event at the meeting and `verslag-verspreid` when the
 * minutes went out, so the region's cadences and ZTM-TERM-MINUTES follow real actions.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  agenda,
  distributionProblems,
  goalsWithProgress,
  invitationProblems,
  minutesProblems,
  type AgendaItem,
  type EvaluationInvitation,
  type GoalMinutes,
  type Minutes,
  type Participant,
  type PlanningProblem,
} from '../domain/evaluations/index.js';
import type { PlanContent } from '../domain/plans/types.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';
import { formatInstant } from '../domain/time/index.js';
import { contentHash, planWrite } from './plans.js';
import { changedKeys, claimRevision, keepRevision, type Snapshot } from './revisions.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;

const UUID = /^[0-9a-f-]{36}$/i;

/** The newest fixed plan version of the case (or of one plan), with its goals. */
async function fixedPlan(db: Db, caseId: string, planId?: string) {
  let query = db
    .selectFrom('plan_version')
    .innerJoin('plan', 'plan.id', 'plan_version.plan_id')
    .select(['plan_version.id', 'plan.kind', 'plan_version.version', 'plan_version.content'])
    .where('plan.case_id', '=', caseId)
    .where('plan_version.status', '=', 'vastgesteld');
  if (planId) query = query.where('plan.id', '=', planId);
  const row = await query.orderBy('plan_version.fixed_at', 'desc').executeTakeFirst();
  if (!row) return null;
  const content = row.content as PlanContent;
  return {
    versionId: row.id,
    kind: row.kind,
    version: row.version,
    goals: (content.goals ?? []).map((g) => ({ id: g.id, description: g.description })),
  };
}

export interface EvaluationView {
  readonly id: string;
  readonly kind: Minutes['kind'];
  readonly heldAt: Date;
  readonly plan: { readonly kind: string; readonly version: number };
  readonly participants: readonly Participant[];
  readonly goals: readonly (GoalMinutes & { readonly description: string })[];
  readonly general: string;
  readonly recordedBy: string;
  readonly distributedAt: Date | null;
}

export interface PlannedEvaluation {
  readonly id: string;
  /** The meeting's revision: minutes for it name it as their basis (ADR 0028). */
  readonly revision: number;
  readonly kind: Minutes['kind'];
  readonly plannedAt: Date;
  readonly invitees: readonly Participant[];
  /** The staff member's name, or the family member's name with "(gezin)". */
  readonly plannedBy: string;
  /** Place or video link, and topics: set when the family planned it (migration 0044). */
  readonly location: string | null;
  readonly topics: readonly string[];
  /** The family members' own views for this evaluation, in their words. */
  readonly familyInput: readonly { readonly name: string; readonly text: string }[];
}

export interface EvaluationsOverview {
  readonly evaluations: readonly EvaluationView[];
  /** Planned evaluations whose minutes are not recorded yet, soonest first. */
  readonly planned: readonly PlannedEvaluation[];
  /** The agenda of the next evaluation, from the newest fixed plan; null without one. */
  readonly nextAgenda: readonly AgendaItem[] | null;
  readonly plan: {
    readonly id: string;
    readonly kind: string;
    readonly version: number;
    readonly goals: readonly { readonly id: string; readonly description: string }[];
  } | null;
}

/** The case's evaluations, newest first, and the agenda for the next one; audited. */
export async function caseEvaluations(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  purposes: readonly string[],
  now: Date,
): Promise<EvaluationsOverview> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const rows = await trx
      .selectFrom('evaluation')
      .innerJoin('plan_version', 'plan_version.id', 'evaluation.plan_version_id')
      .innerJoin('plan', 'plan.id', 'plan_version.plan_id')
      .innerJoin('staff', 'staff.id', 'evaluation.recorded_by')
      .select([
        'evaluation.id',
        'evaluation.kind',
        'evaluation.held_at',
        'evaluation.participants',
        'evaluation.minutes',
        'evaluation.distributed_at',
        'plan.kind as planKind',
        'plan_version.version',
        'plan_version.content',
        'staff.name as recordedBy',
      ])
      .where('evaluation.case_id', '=', caseId)
      .orderBy('evaluation.held_at', 'desc')
      .execute();
    const plan = await fixedPlan(trx, caseId);
    const planRow = plan
      ? await trx
          .selectFrom('plan_version')
          .select('plan_id')
          .where('id', '=', plan.versionId)
          .executeTakeFirstOrThrow()
      : null;
    const planned = await trx
      .selectFrom('evaluation_meeting')
      .leftJoin('staff', 'staff.id', 'evaluation_meeting.planned_by')
      .leftJoin('person', 'person.id', 'evaluation_meeting.planned_by_person')
      .select([
        'evaluation_meeting.id',
        'evaluation_meeting.kind',
        'evaluation_meeting.planned_at',
        'evaluation_meeting.invitees',
        'evaluation_meeting.location',
        'evaluation_meeting.topics',
        'evaluation_meeting.revision',
        'staff.name as staffName',
        'person.name as personName',
      ])
      .where('evaluation_meeting.case_id', '=', caseId)
      .where('evaluation_meeting.evaluation_id', 'is', null)
      .orderBy('evaluation_meeting.planned_at')
      .execute();
    const inputs =
      planned.length === 0
        ? []
        : await trx
            .selectFrom('evaluation_meeting_input')
            .innerJoin('person', 'person.id', 'evaluation_meeting_input.person_id')
            .select([
              'evaluation_meeting_input.meeting_id',
              'person.name',
              'evaluation_meeting_input.text',
            ])
            .where(
              'evaluation_meeting_input.meeting_id',
              'in',
              planned.map((m) => m.id),
            )
            .orderBy('evaluation_meeting_input.updated_at')
            .execute();
    await writeAudit(trx, ctx, { action: 'evaluaties.lezen', caseId, details: {} });
    return {
      planned: planned.map((m) => ({
        id: m.id,
        revision: m.revision,
        kind: m.kind,
        plannedAt: m.planned_at,
        invitees: m.invitees as Participant[],
        plannedBy: m.staffName ?? `${m.personName ?? ''} (gezin)`,
        location: m.location,
        topics: m.topics as string[],
        familyInput: inputs
          .filter((i) => i.meeting_id === m.id)
          .map((i) => ({ name: i.name, text: i.text })),
      })),
      evaluations: rows.map((r) => {
        const minutes = r.minutes as { goals: GoalMinutes[]; general: string };
        const goals = ((r.content as PlanContent).goals ?? []).map((g) => [g.id, g.description]);
        const described = new Map(goals as [string, string][]);
        return {
          id: r.id,
          kind: r.kind,
          heldAt: r.held_at,
          plan: { kind: r.planKind, version: r.version },
          participants: r.participants as Participant[],
          goals: minutes.goals.map((g) => ({ ...g, description: described.get(g.goalId) ?? '' })),
          general: minutes.general,
          recordedBy: r.recordedBy,
          distributedAt: r.distributed_at,
        };
      }),
      nextAgenda: plan ? agenda(plan.goals, purposes, rows.length) : null,
      plan:
        plan && planRow
          ? { id: planRow.plan_id, kind: plan.kind, version: plan.version, goals: plan.goals }
          : null,
    };
  });
}

const MEETING_FIELDS = {
  soort: 'Soort evaluatie',
  geplandOp: 'Datum en tijd',
  plaats: 'Plaats',
  onderwerpen: 'Onderwerpen',
  genodigden: 'Genodigden',
  verslag: 'Verslag',
};

/** What a planned evaluation holds, for the stale-write check (ADR 0028). */
async function meetingSnapshot(trx: Transaction<Database>, meetingId: string): Promise<Snapshot> {
  const m = await trx
    .selectFrom('evaluation_meeting')
    .select(['kind', 'planned_at', 'location', 'topics', 'invitees', 'evaluation_id'])
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return {
    soort: m.kind,
    geplandOp: m.planned_at.toISOString(),
    plaats: m.location,
    onderwerpen: m.topics,
    genodigden: m.invitees,
    verslag: m.evaluation_id,
  };
}

/**
 * Stores the minutes of a held evaluation and puts `evaluatie` on the timeline. Minutes of a
 * planned evaluation edit that meeting: `meeting.basis` is the meeting's revision the writer
 * started from, and a meeting whose minutes someone else recorded meanwhile is a 409 naming
 * who and when (ADR 0028).
 */
export async function recordEvaluation(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  minutes: Minutes,
  now: Date,
  planned: { readonly id: string; readonly basis: number } | null = null,
): Promise<{ readonly id: string; readonly progressInVersion: number }> {
  const meetingId = planned?.id ?? null;
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const registered = await trx
      .selectFrom('case_event')
      .select('at')
      .where('case_id', '=', caseId)
      .where('type', '=', 'aanmelding')
      .orderBy('at')
      .executeTakeFirst();
    const plan = await fixedPlan(trx, caseId);
    const problems = minutesProblems(minutes, {
      planGoals: plan?.goals ?? [],
      registeredAt: registered?.at.getTime() ?? 0,
      now: now.getTime(),
    });
    const found =
      planned !== null && UUID.test(planned.id)
        ? await trx
            .selectFrom('evaluation_meeting')
            .select('id')
            .where('id', '=', planned.id)
            .where('case_id', '=', caseId)
            .executeTakeFirst()
        : undefined;
    const record = found ? ({ entity: 'evaluatie', id: found.id, caseId } as const) : null;
    const revision =
      record && planned
        ? await claimRevision(
            trx,
            record,
            planned.basis,
            await meetingSnapshot(trx, record.id),
            'Deze evaluatie',
            (a, b) => changedKeys(a, b, MEETING_FIELDS),
          )
        : null;
    const meeting =
      found &&
      (await trx
        .selectFrom('evaluation_meeting')
        .select('id')
        .where('id', '=', found.id)
        .where('evaluation_id', 'is', null)
        .executeTakeFirst());
    if (meetingId !== null && !meeting)
      problems.push({
        path: 'geplandeEvaluatieId',
        message: 'geen geplande evaluatie van deze casus zonder verslag',
      });
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    if (!plan) throw new StoreError('invalid', 'De invoer klopt niet.');
    const heldAt = new Date(minutes.heldAt);
    const row = await trx
      .insertInto('evaluation')
      .values({
        case_id: caseId,
        plan_version_id: plan.versionId,
        kind: minutes.kind,
        held_at: heldAt,
        participants: JSON.stringify(minutes.participants),
        minutes: JSON.stringify({ goals: minutes.goals, general: minutes.general }),
        recorded_by: ctx.actor.staffId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addTimelineEntry(trx, {
      caseId: caseId,
      type: 'evaluatie',
      at: heldAt,
      note: `Evaluatie van ${plan.kind} versie ${plan.version} met ${minutes.participants.map((p) => p.name).join(', ')}`,
      by: ctx.actor.staffId,
      kind: minutes.kind,
    });
    if (meeting && record && revision !== null) {
      await trx
        .updateTable('evaluation_meeting')
        .set({ evaluation_id: row.id })
        .where('id', '=', meeting.id)
        .execute();
      await keepRevision(
        trx,
        record,
        revision,
        await meetingSnapshot(trx, meeting.id),
        { staffId: ctx.actor.staffId },
        now,
      );
    }
    const progressIn = await writeProgressToPlan(
      trx,
      ctx,
      caseId,
      plan.versionId,
      minutes.goals,
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'evaluatie.vastleggen',
      caseId,
      details: { evaluationId: row.id, goals: minutes.goals.length, planVersion: progressIn },
    });
    return { id: row.id, progressInVersion: progressIn };
  });
}

/** Plans an evaluation: kind, moment and invitees; a note goes on the timeline. */
export async function planEvaluation(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  invitation: EvaluationInvitation,
  now: Date,
): Promise<{ readonly id: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const id = await insertPlannedEvaluation(
      trx,
      caseId,
      invitation,
      { staffId: ctx.actor.staffId },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'evaluatie.plannen',
      caseId,
      details: { meetingId: id, invitees: invitation.invitees.length },
    });
    return { id };
  });
}

/** Who plans a meeting: a staff member, or a family member holding casusregie (the portal). */
export type MeetingPlanner =
  { readonly staffId: string } | { readonly personId: string; readonly name: string };

/** What a family's meeting adds to the invitation (migration 0044). */
export interface MeetingDetails {
  readonly location?: string | null;
  readonly topics?: readonly string[];
  readonly invitedOrganisationIds?: readonly string[];
  /** Problems the caller found (e.g. an organisation not involved), reported together. */
  readonly problems?: readonly PlanningProblem[];
}

/**
 * Stores a planned evaluation and its timeline note after the domain's checks, inside the
 * caller's transaction (which checked access and writes the audit record). The professional
 * path and the family portal both plan through here.
 */
export async function insertPlannedEvaluation(
  trx: Transaction<Database>,
  caseId: string,
  invitation: EvaluationInvitation,
  planner: MeetingPlanner,
  now: Date,
  details: MeetingDetails = {},
): Promise<string> {
  const problems = [...(details.problems ?? []), ...invitationProblems(invitation, now.getTime())];
  if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
  const plannedAt = new Date(invitation.plannedAt);
  const byStaff = 'staffId' in planner ? planner.staffId : null;
  const row = await trx
    .insertInto('evaluation_meeting')
    .values({
      case_id: caseId,
      kind: invitation.kind,
      planned_at: plannedAt,
      invitees: JSON.stringify(invitation.invitees),
      planned_by: byStaff,
      planned_by_person: 'personId' in planner ? planner.personId : null,
      location: details.location ?? null,
      topics: JSON.stringify(details.topics ?? []),
      invited_organisations: JSON.stringify(details.invitedOrganisationIds ?? []),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addTimelineEntry(trx, {
    caseId,
    type: 'notitie',
    at: now,
    note: `Evaluatie gepland${'name' in planner ? ` door het gezin (${planner.name})` : ''} op ${formatInstant(plannedAt.getTime())} met ${invitation.invitees.map((p) => p.name).join(', ')}`,
    by: byStaff,
  });
  return row.id;
}

/**
 * Writes the progress per goal into the plan (issue 6): into its concept version when one is
 * being worked on, otherwise into a new concept version started from the fixed one. The fixed
 * version stays exactly as it was signed; the new progress becomes part of the plan when the
 * concept is fixed. Returns the version number that holds the progress.
 */
async function writeProgressToPlan(
  trx: Transaction<Database>,
  ctx: RequestContext,
  caseId: string,
  evaluatedVersionId: string,
  discussed: readonly GoalMinutes[],
  now: Date,
): Promise<number> {
  const evaluated = await trx
    .selectFrom('plan_version')
    .select(['plan_id'])
    .where('id', '=', evaluatedVersionId)
    .executeTakeFirstOrThrow();
  const versions = await trx
    .selectFrom('plan_version')
    .selectAll()
    .where('plan_id', '=', evaluated.plan_id)
    .orderBy('version', 'desc')
    .execute();
  const concept = versions.find((v) => v.status === 'concept');
  const base = concept ?? versions.find((v) => v.status === 'vastgesteld');
  if (!base) throw new StoreError('conflict', 'Het plan heeft geen versie om bij te werken.');
  const content = base.content as PlanContent;
  const updated: PlanContent = {
    ...content,
    goals: goalsWithProgress(content.goals ?? [], discussed),
  };
  const hash = contentHash(base.start_date, updated);
  // A write of the plan like any other: it raises the plan's revision, so whoever edits the
  // concept meanwhile is told the goals changed instead of overwriting the progress (ADR 0028).
  const { version } = await planWrite(
    trx,
    { id: evaluated.plan_id, caseId },
    null,
    { staffId: ctx.actor.staffId },
    now,
    async () => {
      if (concept) {
        await trx
          .updateTable('plan_version')
          .set({ content: JSON.stringify(updated), content_hash: hash, updated_at: now })
          .where('id', '=', concept.id)
          .execute();
        return { version: concept.version };
      }
      const next = (versions[0]?.version ?? 0) + 1;
      await trx
        .insertInto('plan_version')
        .values({
          plan_id: evaluated.plan_id,
          version: next,
          status: 'concept',
          start_date: base.start_date,
          content: JSON.stringify(updated),
          content_hash: hash,
          created_by: ctx.actor.staffId,
          updated_at: now,
        })
        .execute();
      return { version: next };
    },
  );
  return version;
}

/** Marks the minutes distributed to the participants and puts `verslag-verspreid` on the timeline. */
export async function distributeMinutes(
  db: Kysely<Database>,
  ctx: RequestContext,
  evaluationId: string,
  distributedAt: Date,
  now: Date,
): Promise<{ readonly caseId: string; readonly recipients: readonly Participant[] }> {
  if (!UUID.test(evaluationId)) throw new StoreError('not-found', 'Evaluatie niet gevonden.');
  const found = await db
    .selectFrom('evaluation')
    .select(['case_id'])
    .where('id', '=', evaluationId)
    .executeTakeFirst();
  if (!found) throw new StoreError('not-found', 'Evaluatie niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, found.case_id, now);
    const row = await trx
      .selectFrom('evaluation')
      .select(['held_at', 'distributed_at', 'participants'])
      .where('id', '=', evaluationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const problems = distributionProblems(
      row.held_at.getTime(),
      distributedAt.getTime(),
      now.getTime(),
      row.distributed_at !== null,
    );
    if (problems.length > 0)
      throw new StoreError(
        row.distributed_at !== null ? 'conflict' : 'invalid',
        row.distributed_at !== null ? 'Het verslag is al verspreid.' : 'De invoer klopt niet.',
        problems,
      );
    await trx
      .updateTable('evaluation')
      .set({ distributed_at: distributedAt, distributed_by: ctx.actor.staffId })
      .where('id', '=', evaluationId)
      .execute();
    const recipients = row.participants as Participant[];
    await addTimelineEntry(trx, {
      caseId: found.case_id,
      type: 'verslag-verspreid',
      at: distributedAt,
      note: `Verslag van de evaluatie verspreid aan ${recipients.map((p) => p.name).join(', ')}`,
      by: ctx.actor.staffId,
    });
    await writeAudit(trx, ctx, {
      action: 'evaluatie.verslag-verspreiden',
      caseId: found.case_id,
      details: { evaluationId, recipients: recipients.length },
    });
    return { caseId: found.case_id, recipients };
  });
}
