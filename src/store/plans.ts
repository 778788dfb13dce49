/**
 * Plans of a case: create (version 1 as concept), revise the concept, sign it, fix it, and
 * adjust a fixed plan into a new concept version. Every command runs in one transaction with
 * the case's access check and an audit record; fixing adds `plan-vastgesteld` to the timeline
 * so the rules engine sees it. What makes a plan complete and who signs is the domain's
 * (`domain/plans`); this module keeps the versions and the evidence.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  diffPlans,
  planProblems,
  signingState,
  type FieldProblem,
  type HouseholdMember,
  type PlanChange,
  type PlanContent,
  type PlanContext,
  type PlanKind,
  type SigningMethod,
  type SigningState,
} from '../domain/plans/index.js';
import { localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import {
  changedKeys,
  claimRevision,
  keepRevision,
  type Differ,
  type Editor,
  type Snapshot,
} from './revisions.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

/** A stable hash of what was signed: the start date and the content, keys sorted. */
export function contentHash(startDate: string, content: PlanContent): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.keys(value as Record<string, unknown>)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify({ startDate, content: canonical(content) }))
    .digest('hex');
}

export interface PlanVersionView {
  readonly id: string;
  readonly version: number;
  readonly status: 'concept' | 'vastgesteld' | 'vervangen';
  readonly startDate: string;
  readonly content: PlanContent;
  readonly createdAt: Date;
  readonly fixedAt: Date | null;
  readonly signatures: readonly {
    readonly personId: string;
    readonly name: string;
    readonly at: Date;
    readonly method: string;
    /** False when the content changed after this signature (it no longer counts). */
    readonly valid: boolean;
  }[];
  /** For the concept: who must still sign, and what is still missing in the content. */
  readonly signing: SigningState | null;
  readonly problems: readonly FieldProblem[];
  /** Changes from the previous version (empty for version 1). */
  readonly changes: readonly PlanChange[];
}

export interface PlanView {
  readonly id: string;
  readonly caseId: string;
  /** The household's name, for the page title. */
  readonly householdLabel: string;
  readonly kind: PlanKind;
  readonly subjectPersonId: string | null;
  /** The name of the young person the plan is about (toekomstplan). */
  readonly subjectName: string | null;
  /** The plan's revision: a write names it as its basis (ADR 0028). */
  readonly revision: number;
  readonly versions: readonly PlanVersionView[];
}

async function members(trx: Trx, caseId: string): Promise<HouseholdMember[]> {
  return trx
    .selectFrom('person')
    .innerJoin('casus', 'casus.household_id', 'person.household_id')
    .select(['person.id', 'person.name', 'person.kind', 'person.birth_date as birthDate'])
    .where('casus.id', '=', caseId)
    .orderBy('person.created_at')
    .execute();
}

/** The plan's case, after checking the actor may see it (404 otherwise, as for cases). */
async function planCase(trx: Trx, ctx: RequestContext, planId: string, now: Date) {
  if (!/^[0-9a-f-]{36}$/i.test(planId)) throw new StoreError('not-found', 'Plan niet gevonden.');
  const plan = await trx
    .selectFrom('plan')
    .innerJoin('casus', 'casus.id', 'plan.case_id')
    .select([
      'plan.id',
      'plan.case_id',
      'plan.kind',
      'plan.subject_person_id',
      'plan.revision',
      'casus.route',
    ])
    .where('plan.id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw new StoreError('not-found', 'Plan niet gevonden.');
  await requireAccess(trx, ctx, plan.case_id, now);
  return { ...plan, context: { route: plan.route } satisfies PlanContext };
}

async function concept(trx: Trx, planId: string) {
  return trx
    .selectFrom('plan_version')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('status', '=', 'concept')
    .executeTakeFirst();
}

export interface NewPlanInput {
  readonly kind: PlanKind;
  readonly subjectPersonId: string | null;
  readonly startDate: string;
  readonly content: PlanContent;
}

/**
 * A goal names whom it is about (`aboutPersonIds`, ADR 0026) among the people of the household
 * only: an id from elsewhere would hide the goal from everyone in the portal. 400 naming it.
 */
function requireHouseholdGoals(
  content: PlanContent,
  household: readonly { readonly id: string }[],
): void {
  const problems = (content.goals ?? []).flatMap((goal, i) =>
    (goal.aboutPersonIds ?? []).some((id) => !household.some((m) => m.id === id))
      ? [
          {
            path: `content.goals.${i}.aboutPersonIds`,
            message: 'iemand die niet bij dit gezin hoort',
          },
        ]
      : [],
  );
  if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
}

/** Who writes a plan version: a staff member, or a family member in the portal (ADR 0026). */
export type PlanAuthor = { readonly staffId: string } | { readonly personId: string };

const authorColumns = (by: PlanAuthor) =>
  'staffId' in by
    ? { created_by: by.staffId, created_by_person: null }
    : { created_by: null, created_by_person: by.personId };

export async function createPlan(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: NewPlanInput,
  now: Date,
): Promise<{ readonly id: string }> {
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const plan = await insertPlan(trx, caseId, input, { staffId: ctx.actor.staffId }, now);
    await writeAudit(trx, ctx, {
      action: 'plan.maken',
      caseId,
      details: { planId: plan.id, kind: input.kind },
    });
    return plan;
  });
}

/**
 * Starts a plan with version 1 as concept, in the caller's transaction after its access check:
 * a toekomstplan is about one young person of the household, other kinds about nobody in
 * particular; one plan per kind (and subject). Shared by the staff and the portal path.
 */
export async function insertPlan(
  trx: Trx,
  caseId: string,
  input: NewPlanInput,
  by: PlanAuthor,
  now: Date,
): Promise<{ readonly id: string }> {
  const household = await members(trx, caseId);
  requireHouseholdGoals(input.content, household);
  if (input.kind === 'toekomstplan') {
    const subject = household.find((m) => m.id === input.subjectPersonId && m.kind === 'jeugdige');
    if (!subject)
      throw new StoreError('invalid', 'De invoer klopt niet.', [
        {
          path: 'subjectPersonId',
          message: 'een toekomstplan gaat over één jeugdige van dit gezin',
        },
      ]);
  } else if (input.subjectPersonId !== null)
    throw new StoreError('invalid', 'De invoer klopt niet.', [
      { path: 'subjectPersonId', message: 'alleen een toekomstplan gaat over één jeugdige' },
    ]);
  const open = await trx
    .selectFrom('plan')
    .innerJoin('plan_version', 'plan_version.plan_id', 'plan.id')
    .select('plan.id')
    .where('plan.case_id', '=', caseId)
    .where('plan.kind', '=', input.kind)
    .where((eb) =>
      input.subjectPersonId === null
        ? eb('plan.subject_person_id', 'is', null)
        : eb('plan.subject_person_id', '=', input.subjectPersonId),
    )
    .executeTakeFirst();
  if (open)
    throw new StoreError('conflict', 'Deze casus heeft dit plan al; stel het bestaande plan bij.', [
      { path: 'kind', message: 'er is al een plan van deze soort' },
    ]);
  const plan = await trx
    .insertInto('plan')
    .values({
      case_id: caseId,
      kind: input.kind,
      subject_person_id: input.subjectPersonId,
      ...authorColumns(by),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('plan_version')
    .values({
      plan_id: plan.id,
      version: 1,
      status: 'concept',
      start_date: input.startDate,
      content: JSON.stringify(input.content),
      content_hash: contentHash(input.startDate, input.content),
      ...authorColumns(by),
      updated_at: now,
    })
    .execute();
  return { id: plan.id };
}

/** What a plan holds now for the stale-write check: its newest version (ADR 0028). */
async function planSnapshot(trx: Trx, planId: string): Promise<Snapshot> {
  const latest = await trx
    .selectFrom('plan_version')
    .select(['version', 'status', 'start_date', 'content'])
    .where('plan_id', '=', planId)
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();
  return {
    versie: latest.version,
    status: latest.status,
    ingangsdatum: latest.start_date,
    inhoud: latest.content,
  };
}

const PLAN_FIELDS = { versie: 'Versie', status: 'Status', ingangsdatum: 'Ingangsdatum' };

/** Changed plan fields; content changes by section (`content.…` paths, labels in Dutch). */
const planDiffer: Differ = (basis, current) => {
  const { inhoud: was = {}, ...restBasis } = basis;
  const { inhoud: is = {}, ...restCurrent } = current;
  return [
    ...changedKeys(restBasis, restCurrent, PLAN_FIELDS),
    ...diffPlans(was as PlanContent, is as PlanContent).map((c) => ({
      path: `content.${c.path}`,
      label: c.label,
    })),
  ];
};

/**
 * Runs a write on a plan under its revision (ADR 0028), in the caller's transaction: claims the
 * next revision (409 when `basis` is stale; null for writes that edit no text and always go
 * ahead, like fixing), runs `work`, and keeps what the plan holds afterwards. Staff, portal and
 * evaluation paths write plans through here.
 */
export async function planWrite<T>(
  trx: Trx,
  plan: { readonly id: string; readonly caseId: string },
  basis: number | null,
  by: Editor,
  now: Date,
  work: () => Promise<T>,
): Promise<T & { readonly revision: number }> {
  const record = { entity: 'plan', id: plan.id, caseId: plan.caseId } as const;
  const before = await planSnapshot(trx, plan.id);
  const revision = await claimRevision(trx, record, basis, before, 'Dit plan', planDiffer);
  const result = await work();
  await keepRevision(trx, record, revision, await planSnapshot(trx, plan.id), by, now);
  return { ...result, revision };
}

/**
 * Replaces the concept's content; signatures given for the old content stop counting. `basis`
 * is the plan revision the editor started from: 409 with what changed when it moved on.
 */
export async function reviseConcept(
  db: Kysely<Database>,
  ctx: RequestContext,
  planId: string,
  input: { readonly startDate: string; readonly content: PlanContent },
  basis: number,
  now: Date,
): Promise<{ readonly revision: number }> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const plan = await planCase(trx, ctx, planId, now);
    const { version, revision } = await planWrite(
      trx,
      { id: planId, caseId: plan.case_id },
      basis,
      { staffId: ctx.actor.staffId },
      now,
      () => replaceConcept(trx, planId, input, now),
    );
    await writeAudit(trx, ctx, {
      action: 'plan.bewerken',
      caseId: plan.case_id,
      details: { planId, version, revisie: revision },
    });
    return { revision };
  });
}

/**
 * Replaces the concept's content in the caller's transaction (409 without a concept); a new
 * content hash, so signatures given for the old content stop counting. Staff and portal path.
 */
export async function replaceConcept(
  trx: Trx,
  planId: string,
  input: { readonly startDate: string; readonly content: PlanContent },
  now: Date,
): Promise<{ readonly version: number }> {
  const current = await concept(trx, planId);
  if (!current)
    throw new StoreError(
      'conflict',
      'Dit plan is vastgesteld; stel het bij voor een nieuwe versie.',
    );
  const { case_id: caseId } = await trx
    .selectFrom('plan')
    .select('case_id')
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  requireHouseholdGoals(input.content, await members(trx, caseId));
  await trx
    .updateTable('plan_version')
    .set({
      start_date: input.startDate,
      content: JSON.stringify(input.content),
      content_hash: contentHash(input.startDate, input.content),
      updated_at: now,
    })
    .where('id', '=', current.id)
    .execute();
  return { version: current.version };
}

export async function signConcept(
  db: Kysely<Database>,
  ctx: RequestContext,
  planId: string,
  input: { readonly personId: string; readonly at: Date; readonly method: SigningMethod },
  now: Date,
): Promise<void> {
  await inCaseTransaction(db, ctx, async (trx) => {
    const plan = await planCase(trx, ctx, planId, now);
    // Wait for any other write on the plan (a second click, a concept save), so the concept and
    // its signatures below are read after it: one signature per person and content.
    await trx.selectFrom('plan').select('id').where('id', '=', planId).forUpdate().execute();
    const current = await concept(trx, planId);
    if (!current) throw new StoreError('conflict', 'Er is geen conceptversie om te tekenen.');
    const person = (await members(trx, plan.case_id)).find((m) => m.id === input.personId);
    if (!person)
      throw new StoreError('invalid', 'De invoer klopt niet.', [
        { path: 'personId', message: 'deze persoon hoort niet bij dit gezin' },
      ]);
    if (input.at > now)
      throw new StoreError('invalid', 'De invoer klopt niet.', [
        { path: 'at', message: 'ligt in de toekomst' },
      ]);
    const signed = await trx
      .selectFrom('plan_signature')
      .select('id')
      .where('plan_version_id', '=', current.id)
      .where('person_id', '=', input.personId)
      .where('content_hash', '=', current.content_hash)
      .executeTakeFirst();
    if (signed)
      throw new StoreError(
        'conflict',
        `${person.name} heeft deze versie van het plan al ondertekend.`,
      );
    await trx
      .insertInto('plan_signature')
      .values({
        plan_version_id: current.id,
        person_id: input.personId,
        signed_at: input.at,
        method: input.method,
        content_hash: current.content_hash,
        recorded_by: ctx.actor.staffId,
      })
      .execute();
    await writeAudit(trx, ctx, {
      action: 'plan.ondertekenen',
      caseId: plan.case_id,
      details: { planId, version: current.version, personId: input.personId, method: input.method },
    });
  });
}

/**
 * Fixes the concept: refused (400, with every problem) while content is missing or a required
 * signature is absent; otherwise the concept becomes the fixed version, the previous fixed one
 * is superseded, and `plan-vastgesteld` joins the timeline at `at`.
 */
export async function fixConcept(
  db: Kysely<Database>,
  ctx: RequestContext,
  planId: string,
  at: Date,
  now: Date,
): Promise<{ readonly version: number }> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const plan = await planCase(trx, ctx, planId, now);
    // Locked first, so the concept checked below is the one that gets fixed (ADR 0028).
    await trx.selectFrom('plan').select('id').where('id', '=', planId).forUpdate().execute();
    const current = await concept(trx, planId);
    if (!current) throw new StoreError('conflict', 'Er is geen conceptversie om vast te stellen.');
    if (at > now)
      throw new StoreError('invalid', 'De invoer klopt niet.', [
        { path: 'at', message: 'ligt in de toekomst' },
      ]);
    const content = current.content as PlanContent;
    const problems: FieldProblem[] = planProblems(
      plan.kind as PlanKind,
      content,
      current.start_date,
      plan.context,
    ).map((p) => ({ path: `content.${p.path}`, message: p.message }));
    const signatures = await validSignatures(trx, current.id, current.content_hash);
    const signing = signingState(
      await members(trx, plan.case_id),
      signatures,
      localDay(at.getTime()),
    );
    if (signing.problem) problems.push({ path: 'handtekeningen', message: signing.problem });
    if (problems.length > 0)
      throw new StoreError('invalid', 'Het plan kan nog niet worden vastgesteld.', problems);
    await planWrite(
      trx,
      { id: planId, caseId: plan.case_id },
      null,
      { staffId: ctx.actor.staffId },
      now,
      () => markFixed(trx, planId, current.id, at, ctx.actor.staffId, now),
    );
    for (const type of FIXING_EVENTS[plan.kind as PlanKind])
      await trx
        .insertInto('case_event')
        .values({
          case_id: plan.case_id,
          type,
          at,
          child_id: plan.subject_person_id,
          kind: null,
          date: null,
          note: fixingNote(plan.kind, current.version, content),
          recorded_by: ctx.actor.staffId,
        })
        .execute();
    await writeAudit(trx, ctx, {
      action: 'plan.vaststellen',
      caseId: plan.case_id,
      details: { planId, version: current.version },
    });
    return { version: current.version };
  });
}

/** The concept becomes the fixed version; the previous fixed one is superseded. */
async function markFixed(
  trx: Trx,
  planId: string,
  conceptId: string,
  at: Date,
  by: string,
  now: Date,
): Promise<object> {
  await trx
    .updateTable('plan_version')
    .set({ status: 'vervangen' })
    .where('plan_id', '=', planId)
    .where('status', '=', 'vastgesteld')
    .execute();
  await trx
    .updateTable('plan_version')
    .set({ status: 'vastgesteld', fixed_at: at, fixed_by: by, updated_at: now })
    .where('id', '=', conceptId)
    .execute();
  return {};
}

/** Starts a new concept version from the fixed one (bijstellen); the fixed one stays. */
export async function adjustPlan(
  db: Kysely<Database>,
  ctx: RequestContext,
  planId: string,
  now: Date,
): Promise<{ readonly version: number }> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const plan = await planCase(trx, ctx, planId, now);
    const by = { staffId: ctx.actor.staffId };
    const { version } = await planWrite(
      trx,
      { id: planId, caseId: plan.case_id },
      null,
      by,
      now,
      () => conceptFromFixed(trx, planId, by, now),
    );
    await writeAudit(trx, ctx, {
      action: 'plan.bijstellen',
      caseId: plan.case_id,
      details: { planId, version },
    });
    return { version };
  });
}

/**
 * A new concept version as a copy of the fixed one, in the caller's transaction (409 when a
 * concept exists already). Staff and portal path.
 */
export async function conceptFromFixed(
  trx: Trx,
  planId: string,
  by: PlanAuthor,
  now: Date,
): Promise<{ readonly version: number }> {
  if (await concept(trx, planId))
    throw new StoreError('conflict', 'Er is al een conceptversie; werk die bij.');
  const fixed = await trx
    .selectFrom('plan_version')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('status', '=', 'vastgesteld')
    .executeTakeFirstOrThrow();
  const version = fixed.version + 1;
  await trx
    .insertInto('plan_version')
    .values({
      plan_id: planId,
      version,
      status: 'concept',
      start_date: fixed.start_date,
      content: JSON.stringify(fixed.content),
      content_hash: fixed.content_hash,
      ...authorColumns(by),
      updated_at: now,
    })
    .execute();
  return { version };
}

/**
 * The timeline events a fixed plan adds, so the rules engine sees it: the ondersteuningsplan
 * (and ZTM's gezinsplan, "ons plan") is the case's plan (`plan-vastgesteld`); the GI's
 * gezinsplan, the hulpverleningsplan and the toekomstplan meet their own deadlines. Plans
 * without a deadline of their own are noted on the timeline.
 */
const FIXING_EVENTS: Record<PlanKind, readonly string[]> = {
  ondersteuningsplan: ['plan-vastgesteld'],
  gezinsplan: ['gezinsplan', 'plan-vastgesteld'],
  hulpverleningsplan: ['hulpverleningsplan'],
  toekomstplan: ['toekomstplan'],
  veiligheidsplan: ['notitie'],
  familiegroepsplan: ['notitie'],
};

/** The timeline note of a fixed plan; a proposed arrangement is named in it. */
function fixingNote(kind: string, version: number, content: PlanContent): string {
  const fixed = `${kind} versie ${version} vastgesteld`;
  const p = content.arrangementProposal;
  return p
    ? `${fixed}; voorgesteld arrangement: ${p.resultAreas.join(', ')}; ${p.intensity}; ${p.duration}`
    : fixed;
}

async function validSignatures(trx: Trx, versionId: string, hash: string) {
  const rows = await trx
    .selectFrom('plan_signature')
    .select(['person_id', 'signed_at', 'method'])
    .where('plan_version_id', '=', versionId)
    .where('content_hash', '=', hash)
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    at: new Date(r.signed_at).getTime(),
    method: r.method as SigningMethod,
  }));
}

/** A plan with all its versions, signatures, what is still missing and the changes. */
export async function getPlan(
  db: Kysely<Database>,
  ctx: RequestContext,
  planId: string,
  now: Date,
  /** Set when the plan is read to print a version (null: the newest): the audit says so. */
  document?: { readonly version: number | null },
): Promise<PlanView> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const plan = await planCase(trx, ctx, planId, now);
    const household = await members(trx, plan.case_id);
    const { label } = await trx
      .selectFrom('casus')
      .innerJoin('household', 'household.id', 'casus.household_id')
      .select('household.label')
      .where('casus.id', '=', plan.case_id)
      .executeTakeFirstOrThrow();
    const versions = await trx
      .selectFrom('plan_version')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('version')
      .execute();
    const signatures = await trx
      .selectFrom('plan_signature')
      .select(['plan_version_id', 'person_id', 'signed_at', 'method', 'content_hash'])
      .where(
        'plan_version_id',
        'in',
        versions.map((v) => v.id),
      )
      .orderBy('signed_at')
      .execute();
    const view: PlanVersionView[] = versions.map((v, i) => {
      const content = v.content as PlanContent;
      const own = signatures.filter((s) => s.plan_version_id === v.id);
      const valid = own.filter((s) => s.content_hash === v.content_hash);
      const previous = versions[i - 1];
      return {
        id: v.id,
        version: v.version,
        status: v.status,
        startDate: v.start_date,
        content,
        createdAt: v.created_at,
        fixedAt: v.fixed_at,
        signatures: own.map((s) => ({
          personId: s.person_id,
          name: household.find((m) => m.id === s.person_id)?.name ?? '',
          at: s.signed_at,
          method: s.method,
          valid: s.content_hash === v.content_hash,
        })),
        signing:
          v.status === 'concept'
            ? signingState(
                household,
                valid.map((s) => ({
                  personId: s.person_id,
                  at: new Date(s.signed_at).getTime(),
                  method: s.method as SigningMethod,
                })),
                localDay(now.getTime()),
              )
            : null,
        problems:
          v.status === 'concept'
            ? planProblems(plan.kind as PlanKind, content, v.start_date, plan.context)
            : [],
        changes: previous ? diffPlans(previous.content as PlanContent, content) : [],
      };
    });
    await writeAudit(trx, ctx, {
      action: document ? 'plan.document' : 'plan.lezen',
      caseId: plan.case_id,
      details: document ? { planId, versie: document.version } : { planId },
    });
    return {
      id: plan.id,
      caseId: plan.case_id,
      householdLabel: label,
      kind: plan.kind as PlanKind,
      subjectPersonId: plan.subject_person_id,
      subjectName: household.find((m) => m.id === plan.subject_person_id)?.name ?? null,
      revision: plan.revision,
      versions: view,
    };
  });
}

/** The plans of a case, each with its latest version's number and status. */
export async function listPlans(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
) {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const rows = await trx
      .selectFrom('plan')
      .innerJoin('plan_version', 'plan_version.plan_id', 'plan.id')
      .select([
        'plan.id',
        'plan.kind',
        'plan.subject_person_id as subjectPersonId',
        'plan_version.version',
        'plan_version.status',
        'plan_version.fixed_at as fixedAt',
      ])
      .where('plan.case_id', '=', caseId)
      .orderBy('plan.created_at')
      .orderBy('plan_version.version')
      .execute();
    await writeAudit(trx, ctx, { action: 'plan.lijst', caseId });
    const latest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) latest.set(r.id, r);
    /** A plan with a fixed version counts, also while a newer concept is being written. */
    const fixed = new Set(rows.filter((r) => r.fixedAt !== null).map((r) => r.id));
    return [...latest.values()].map((r) => ({ ...r, everFixed: fixed.has(r.id) }));
  });
}
