/**
 * Anonymised views of a case in the database (issue 8; ADR 0021; DOMAIN.md section 10; RIJ route
 * C, item c). Whoever may assign roles on the case generates a view for a consultation or an
 * escalation, edits its free texts (scrubbed again on every save), confirms that nothing leads
 * back to the family, and only then records it as shared — with whom, by whom, when; the
 * product sends nothing itself. Everyone who reads the case sees the list. Each command checks
 * access, writes and audits in one transaction; a refused command stores nothing.
 */
import type { Kysely, Transaction } from 'kysely';
import { mayAssignRoles } from '../domain/access/case-access.js';
import {
  ANONYMISED_VIEW_SOURCE,
  anonymisedCaseView,
  anonymisedViewText,
  editedView,
  namesOf,
  viewRequestProblems,
  type AnonymisedCaseView,
  type PersonKind,
  type ViewEdits,
  type ViewPurpose,
  type ViewRequest,
  type ViewStatus,
} from '../domain/privacy/anonymise.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'Casus niet gevonden.';
const VIEW_NOT_FOUND = 'Weergave niet gevonden.';
const invalid = (fields: { path: string; message: string }[]) =>
  new StoreError('invalid', 'De invoer klopt niet.', fields);

export interface StoredView {
  readonly id: string;
  readonly purpose: ViewPurpose;
  readonly recipient: string;
  readonly status: ViewStatus;
  readonly view: AnonymisedCaseView;
  /** The exact text that is shared. */
  readonly text: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly editedBy: string | null;
  readonly editedAt: Date | null;
  readonly reviewedBy: string | null;
  readonly reviewedAt: Date | null;
  readonly sharedBy: string | null;
  readonly sharedAt: Date | null;
}

async function viewsOf(db: Db, caseId: string, viewId?: string): Promise<StoredView[]> {
  let query = db
    .selectFrom('anonymised_view as v')
    .innerJoin('staff as c', 'c.id', 'v.created_by')
    .leftJoin('staff as e', 'e.id', 'v.edited_by')
    .leftJoin('staff as r', 'r.id', 'v.reviewed_by')
    .leftJoin('staff as s', 's.id', 'v.shared_by')
    .selectAll('v')
    .select([
      'c.name as createdByName',
      'e.name as editedByName',
      'r.name as reviewedByName',
      's.name as sharedByName',
    ])
    .where('v.case_id', '=', caseId);
  if (viewId !== undefined) query = query.where('v.id', '=', viewId);
  const rows = await query.orderBy('v.created_at', 'desc').orderBy('v.id').execute();
  return rows.map((r) => {
    const view = r.content as AnonymisedCaseView;
    return {
      id: r.id,
      purpose: r.purpose,
      recipient: r.recipient,
      status: r.status,
      view,
      text: anonymisedViewText(view, r.purpose),
      createdBy: r.createdByName,
      createdAt: r.created_at,
      editedBy: r.editedByName,
      editedAt: r.edited_at,
      reviewedBy: r.reviewedByName,
      reviewedAt: r.reviewed_at,
      sharedBy: r.sharedByName,
      sharedAt: r.shared_at,
    };
  });
}

/** Every name the case knows: the household, its label, and staff who worked on it. */
async function knownNames(db: Db, caseId: string, householdId: string, label: string) {
  const people = await db
    .selectFrom('person')
    .select('name')
    .where('household_id', '=', householdId)
    .execute();
  const roleStaff = await db
    .selectFrom('case_role')
    .innerJoin('staff', 'staff.id', 'case_role.staff_id')
    .select('staff.name')
    .where('case_role.case_id', '=', caseId)
    .execute();
  const eventStaff = await db
    .selectFrom('case_event')
    .innerJoin('staff', 'staff.id', 'case_event.recorded_by')
    .select('staff.name')
    .distinct()
    .where('case_event.case_id', '=', caseId)
    .execute();
  const planStaff = await db
    .selectFrom('plan')
    .innerJoin('staff', 'staff.id', 'plan.created_by')
    .select('staff.name')
    .distinct()
    .where('plan.case_id', '=', caseId)
    .execute();
  return namesOf(
    people.map((p) => p.name),
    [...roleStaff, ...eventStaff, ...planStaff].map((s) => s.name),
    label,
  );
}

interface StoredGoal {
  readonly resultArea?: unknown;
  readonly description?: unknown;
  readonly measurableTarget?: unknown;
  readonly targetDate?: unknown;
  readonly progress?: unknown;
  readonly owner?: { readonly name?: unknown };
}
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** The current plan: the newest fixed version of any plan of the case, else the newest draft. */
async function currentPlan(db: Db, caseId: string) {
  const rows = await db
    .selectFrom('plan_version')
    .innerJoin('plan', 'plan.id', 'plan_version.plan_id')
    .select(['plan.kind', 'plan_version.status', 'plan_version.content'])
    .where('plan.case_id', '=', caseId)
    .where('plan_version.status', '<>', 'vervangen')
    .orderBy('plan_version.created_at', 'desc')
    .execute();
  return rows.find((r) => r.status === 'vastgesteld') ?? rows[0] ?? null;
}

/** The view of the case as it stands now, every free text scrubbed. */
async function buildView(
  db: Db,
  caseId: string,
  question: string,
  timelineLength: number,
  now: Date,
): Promise<{ view: AnonymisedCaseView; names: string[] }> {
  const casus = await db
    .selectFrom('casus')
    .innerJoin('household', 'household.id', 'casus.household_id')
    .select([
      'casus.region',
      'casus.route',
      'casus.segment',
      'casus.measure',
      'casus.step',
      'casus.responsible_team_id',
      'household.id as householdId',
      'household.label',
    ])
    .where('casus.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const persons = await db
    .selectFrom('person')
    .select(['kind', 'birth_date'])
    .where('household_id', '=', casus.householdId)
    .execute();
  const team = casus.responsible_team_id
    ? await db
        .selectFrom('organisation as t')
        .leftJoin('organisation as g', (j) =>
          j.onRef('g.id', '=', 't.parent_id').on('g.kind', '=', 'gemeente'),
        )
        .select('g.name')
        .where('t.id', '=', casus.responsible_team_id)
        .executeTakeFirst()
    : undefined;
  const municipality =
    team?.name ??
    (
      await db
        .selectFrom('organisation')
        .select('name')
        .where('kind', '=', 'gemeente')
        .where('region', '=', casus.region)
        .orderBy('name')
        .executeTakeFirst()
    )?.name ??
    casus.region;
  const triage = await db
    .selectFrom('assessment')
    .select('content')
    .where('case_id', '=', caseId)
    .where('kind', '=', 'triage')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  const weight = (triage?.content as Record<string, unknown> | undefined)?.['gewicht'];
  const plan = await currentPlan(db, caseId);
  const goals = ((plan?.content as { goals?: StoredGoal[] } | undefined)?.goals ?? []).filter(
    (g) => typeof g === 'object' && g !== null,
  );
  const events = await db
    .selectFrom('case_event')
    .select(['type', 'at', 'note'])
    .where('case_id', '=', caseId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(timelineLength)
    .execute();
  const names = [
    ...(await knownNames(db, caseId, casus.householdId, casus.label)),
    // Who owns a goal is named in the plan; those names go too.
    ...goals.map((g) => str(g.owner?.name)).filter((n) => n !== ''),
  ];
  const view = anonymisedCaseView({
    region: casus.region,
    municipality,
    route: casus.route,
    segment: casus.segment,
    measure: casus.measure,
    step: casus.step,
    regieWeight: typeof weight === 'string' ? weight : null,
    persons: persons.map((p) => ({ kind: p.kind as PersonKind, birthDate: p.birth_date })),
    plan: plan
      ? {
          kind: plan.kind,
          goals: goals.map((g) => ({
            resultArea: str(g.resultArea),
            description: str(g.description),
            measurableTarget: str(g.measurableTarget),
            targetDate: str(g.targetDate),
            progress: str(g.progress),
          })),
        }
      : null,
    events: events.reverse().map((e) => ({
      type: e.type,
      on: formatIsoDate(localDay(new Date(e.at).getTime())),
      note: e.note,
    })),
    question,
    timelineLength,
    knownNames: names,
    today: localDay(now.getTime()),
  });
  return { view, names };
}

/** The views of a case, newest first, and whether the actor may make and share them; audited. */
export async function caseAnonymisedViews(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<{ readonly views: readonly StoredView[]; readonly mayGenerate: boolean }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', NOT_FOUND);
  return inCaseTransaction(db, ctx, async (trx) => {
    const access = await requireAccess(trx, ctx, caseId, now);
    const views = await viewsOf(trx, caseId);
    await writeAudit(trx, ctx, {
      action: 'anonieme-weergave.lezen',
      caseId,
      details: { weergaven: views.length },
    });
    return { views, mayGenerate: access.mayAssignRoles };
  });
}

/** Generates a view in `concept`; refused field by field, and then nothing is stored. */
export async function generateAnonymisedView(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: ViewRequest,
  now: Date,
): Promise<StoredView> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', NOT_FOUND);
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
    const problems = viewRequestProblems(input);
    if (problems.length > 0) throw invalid(problems);
    const { view } = await buildView(trx, caseId, input.question, input.timelineLength, now);
    const row = await trx
      .insertInto('anonymised_view')
      .values({
        case_id: caseId,
        purpose: input.purpose as ViewPurpose,
        recipient: input.recipient.trim(),
        content: JSON.stringify(view),
        status: 'concept',
        created_by: ctx.actor.staffId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'anonieme-weergave.maken',
      caseId,
      details: { weergaveId: row.id, doel: input.purpose },
    });
    const [stored] = await viewsOf(trx, caseId, row.id);
    return stored as StoredView;
  });
}

/** Locks a view of the case after checking that the actor may assign roles on the case. */
async function viewForUpdate(
  trx: Transaction<Database>,
  ctx: RequestContext,
  caseId: string,
  viewId: string,
  now: Date,
) {
  if (!UUID.test(caseId)) throw new StoreError('not-found', NOT_FOUND);
  await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
  const row = UUID.test(viewId)
    ? await trx
        .selectFrom('anonymised_view')
        .select(['id', 'status', 'content', 'purpose', 'recipient'])
        .where('id', '=', viewId)
        .where('case_id', '=', caseId)
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  if (!row) throw new StoreError('not-found', VIEW_NOT_FOUND);
  return row;
}

const SHARED = `Deze weergave is al gedeeld en verandert niet meer; maak zo nodig een nieuwe (${ANONYMISED_VIEW_SOURCE}).`;

/**
 * Saves edited free texts, scrubbed again with the names the case knows now. A checked view
 * goes back to `concept`: what changed has not been checked.
 */
export async function editAnonymisedView(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  viewId: string,
  edits: ViewEdits,
  now: Date,
): Promise<StoredView> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const row = await viewForUpdate(trx, ctx, caseId, viewId, now);
    if (row.status === 'gedeeld') throw new StoreError('conflict', SHARED);
    const casus = await trx
      .selectFrom('casus')
      .innerJoin('household', 'household.id', 'casus.household_id')
      .select(['household.id', 'household.label'])
      .where('casus.id', '=', caseId)
      .executeTakeFirstOrThrow();
    const plan = await currentPlan(trx, caseId);
    const owners = ((plan?.content as { goals?: StoredGoal[] } | undefined)?.goals ?? [])
      .map((g) => str(g?.owner?.name))
      .filter((n) => n !== '');
    const names = [...(await knownNames(trx, caseId, casus.id, casus.label)), ...owners];
    const result = editedView(row.content as AnonymisedCaseView, edits, names);
    if ('problems' in result) throw invalid(result.problems);
    await trx
      .updateTable('anonymised_view')
      .set({
        content: JSON.stringify(result.view),
        status: 'concept',
        edited_by: ctx.actor.staffId,
        edited_at: now,
        reviewed_by: null,
        reviewed_at: null,
      })
      .where('id', '=', row.id)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'anonieme-weergave.bewerken',
      caseId,
      details: { weergaveId: row.id, wasGecontroleerd: row.status === 'gecontroleerd' },
    });
    const [stored] = await viewsOf(trx, caseId, row.id);
    return stored as StoredView;
  });
}

/** Records that someone checked the exact text: nothing in it leads back to the family. */
export async function reviewAnonymisedView(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  viewId: string,
  confirmed: boolean,
  now: Date,
): Promise<StoredView> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const row = await viewForUpdate(trx, ctx, caseId, viewId, now);
    if (row.status === 'gedeeld') throw new StoreError('conflict', SHARED);
    if (row.status === 'gecontroleerd')
      throw new StoreError('conflict', 'Deze weergave is al gecontroleerd.');
    if (!confirmed)
      throw invalid([
        {
          path: 'bevestiging',
          message: `bevestig dat u hebt gecontroleerd dat niets naar het gezin herleidbaar is (${ANONYMISED_VIEW_SOURCE})`,
        },
      ]);
    await trx
      .updateTable('anonymised_view')
      .set({ status: 'gecontroleerd', reviewed_by: ctx.actor.staffId, reviewed_at: now })
      .where('id', '=', row.id)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'anonieme-weergave.controleren',
      caseId,
      details: { weergaveId: row.id },
    });
    const [stored] = await viewsOf(trx, caseId, row.id);
    return stored as StoredView;
  });
}

/**
 * Records a checked view as shared with its recipient (the product itself sends nothing), with
 * an entry on the case's timeline. Refused (409) before the check.
 */
export async function shareAnonymisedView(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  viewId: string,
  now: Date,
): Promise<StoredView> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const row = await viewForUpdate(trx, ctx, caseId, viewId, now);
    if (row.status === 'gedeeld') throw new StoreError('conflict', SHARED);
    if (row.status !== 'gecontroleerd')
      throw new StoreError(
        'conflict',
        `Controleer de weergave eerst: pas als is vastgelegd dat niets naar het gezin herleidbaar is, kan hij gedeeld worden (${ANONYMISED_VIEW_SOURCE}).`,
      );
    await trx
      .updateTable('anonymised_view')
      .set({ status: 'gedeeld', shared_by: ctx.actor.staffId, shared_at: now })
      .where('id', '=', row.id)
      .execute();
    await addTimelineEntry(trx, {
      caseId,
      type: 'anoniem-gedeeld',
      at: now,
      note: `Anonieme weergave voor ${row.purpose} gedeeld met ${row.recipient}`,
      by: ctx.actor.staffId,
    });
    await writeAudit(trx, ctx, {
      action: 'anonieme-weergave.delen',
      caseId,
      details: { weergaveId: row.id, doel: row.purpose, ontvanger: row.recipient },
    });
    const [stored] = await viewsOf(trx, caseId, row.id);
    return stored as StoredView;
  });
}
