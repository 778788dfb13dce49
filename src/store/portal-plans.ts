/**
 * The familiegroepsplan in the family portal (issue 10, ADR 0026): a representative or a young
 * person of 16+ starts the case's familiegroepsplan and writes its goals, network and
 * agreements; while the family holds casusregie it keeps track of the agreements. Who may do
 * what, and how the family's words merge into the plan content, is
 * `domain/plans/family-plan.ts`.
 *
 * It is the same plan the professionals see on their plan page: the plan is started and its
 * concept written with the staff path's own functions (`insertPlan`, `replaceConcept`,
 * `conceptFromFixed` in store/plans.ts), with the family member as the author. The status of an
 * agreement is kept apart from the signed content (`family_agreement_status`, migration 0047),
 * by the agreement's stable id. Every read and change, and every refusal, writes an audit
 * record with role `burger` in the same transaction.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  familyPlanProblems,
  mayFamilyTrackAgreements,
  mayFamilyWritePlan,
  withFamilyPart,
  type FamilyPlanInput,
  type FamilyPlanPermission,
} from '../domain/plans/family-plan.js';
import type { FamilyAgreement, Goal, NetworkMember, PlanContent } from '../domain/plans/types.js';
import { goalConcerns, mayView, type VisibilityFacts } from '../domain/portal/visibility.js';
import { formatIsoDate, localDay, parseIsoDate } from '../domain/time/index.js';
import { writeAudit, writeSystemAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { PortalReader } from './portal-cases.js';
import { conceptFromFixed, insertPlan, planWrite, replaceConcept } from './plans.js';
import { staleWriteError, type StaleWrite } from './revisions.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KIND = 'familiegroepsplan';
export const NOTE_MAX = 500;

const notFound = () => new StoreError('not-found', 'Casus niet gevonden.');

/** The open case of the reader's household (404 otherwise, as for one that does not exist). */
async function householdCase(trx: Trx, reader: PortalReader, caseId: string): Promise<void> {
  if (!UUID.test(caseId)) throw notFound();
  const row = await trx
    .selectFrom('casus')
    .select('id')
    .where('id', '=', caseId)
    .where('household_id', '=', reader.householdId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound();
}

async function familyHoldsCasusregie(trx: Trx, caseId: string, now: Date): Promise<boolean> {
  const row = await trx
    .selectFrom('case_role')
    .select('id')
    .where('case_id', '=', caseId)
    .where('role', '=', 'casusregie')
    .where('holder', '=', 'gezin')
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .executeTakeFirst();
  return row !== undefined;
}

async function visibility(trx: Trx, reader: PortalReader, now: Date): Promise<VisibilityFacts> {
  const members = await trx
    .selectFrom('person')
    .select(['id', 'kind', 'birth_date as birthDate'])
    .where('household_id', '=', reader.householdId)
    .execute();
  return {
    members: members.map((m) => ({
      id: m.id,
      kind: m.kind,
      birthDate: m.birthDate === null ? null : String(m.birthDate).slice(0, 10),
    })),
    sharedWithParents: new Set(),
    today: localDay(now.getTime()),
  };
}

interface StoredVersion {
  readonly id: string;
  readonly version: number;
  readonly status: 'concept' | 'vastgesteld';
  readonly startDate: string;
  readonly content: PlanContent;
}

/** The case's familiegroepsplan with its concept and its fixed version (either may be absent). */
async function familyPlan(trx: Trx, caseId: string) {
  const plan = await trx
    .selectFrom('plan')
    .select(['id', 'revision'])
    .where('case_id', '=', caseId)
    .where('kind', '=', KIND)
    .executeTakeFirst();
  if (!plan) return null;
  const rows = await trx
    .selectFrom('plan_version')
    .select(['id', 'version', 'status', 'start_date', 'content'])
    .where('plan_id', '=', plan.id)
    .where('status', 'in', ['concept', 'vastgesteld'])
    .execute();
  const of = (status: 'concept' | 'vastgesteld'): StoredVersion | null => {
    const r = rows.find((v) => v.status === status);
    return r
      ? {
          id: r.id,
          version: r.version,
          status,
          startDate: String(r.start_date).slice(0, 10),
          content: r.content as PlanContent,
        }
      : null;
  };
  return {
    id: plan.id,
    revision: plan.revision,
    concept: of('concept'),
    fixed: of('vastgesteld'),
  };
}

/** The version whose agreements the family tracks: the fixed one, before fixing the concept. */
const trackedVersion = (plan: NonNullable<Awaited<ReturnType<typeof familyPlan>>>) =>
  plan.fixed ?? plan.concept;

export interface AgreementWithStatus extends FamilyAgreement {
  readonly status: {
    readonly done: boolean;
    readonly on: string;
    readonly note: string;
    readonly by: string;
    readonly at: Date;
  } | null;
}

async function agreementsWithStatus(
  trx: Trx,
  planId: string,
  agreements: readonly FamilyAgreement[],
): Promise<AgreementWithStatus[]> {
  const rows = await trx
    .selectFrom('family_agreement_status')
    .innerJoin('person', 'person.id', 'family_agreement_status.recorded_by_person')
    .select([
      'family_agreement_status.agreement_id as agreementId',
      'family_agreement_status.done',
      'family_agreement_status.on_date as on',
      'family_agreement_status.note',
      'family_agreement_status.recorded_at as at',
      'person.name',
    ])
    .where('family_agreement_status.plan_id', '=', planId)
    .execute();
  return agreements.map((a) => {
    const s = rows.find((r) => r.agreementId === a.id);
    return {
      ...a,
      status: s
        ? { done: s.done, on: String(s.on).slice(0, 10), note: s.note, by: s.name, at: s.at }
        : null,
    };
  });
}

export interface PortalFamilyPlanView {
  readonly familyHoldsCasusregie: boolean;
  readonly writing: FamilyPlanPermission;
  readonly tracking: FamilyPlanPermission;
  readonly plan: {
    readonly id: string;
    /** The plan's revision: a write names it as its basis (ADR 0028). */
    readonly revision: number;
    /** The version the family writes in: the concept, or the fixed one (a change starts a concept). */
    readonly version: number;
    readonly status: 'concept' | 'vastgesteld';
    /** Whether a version was fixed already. */
    readonly everFixed: boolean;
    readonly startDate: string;
    readonly authors: string;
    readonly perspective: string;
    readonly helpWanted: string;
    /** The goals the reader may see (ADR 0026). */
    readonly goals: readonly Goal[];
    readonly network: readonly NetworkMember[];
    readonly agreements: readonly FamilyAgreement[];
    /** The agreements being kept track of (of the fixed version, or the concept), with status. */
    readonly tracked: readonly AgreementWithStatus[];
  } | null;
}

/** The case's familiegroepsplan as the reader may see it, and what they may do; audited. */
export async function portalFamilyPlan(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  now: Date,
): Promise<PortalFamilyPlanView> {
  return db.transaction().execute(async (trx) => {
    await householdCase(trx, reader, caseId);
    const holds = await familyHoldsCasusregie(trx, caseId, now);
    const plan = await familyPlan(trx, caseId);
    const facts = await visibility(trx, reader, now);
    let view: PortalFamilyPlanView['plan'] = null;
    const shown = plan ? (plan.concept ?? plan.fixed) : null;
    const tracked = plan ? trackedVersion(plan) : null;
    if (plan && shown && tracked) {
      const c = shown.content;
      view = {
        id: plan.id,
        revision: plan.revision,
        version: shown.version,
        status: shown.status,
        everFixed: plan.fixed !== null,
        startDate: shown.startDate,
        authors: c.authors ?? '',
        perspective: c.perspective ?? '',
        helpWanted: c.helpWanted ?? '',
        goals: (c.goals ?? []).filter((g) => mayView(reader, goalConcerns(g, null), facts)),
        network: c.network ?? [],
        agreements: c.familyAgreements ?? [],
        tracked: await agreementsWithStatus(trx, plan.id, tracked.content.familyAgreements ?? []),
      };
    }
    await writeSystemAudit(trx, {
      action: 'portaal.familiegroepsplan-lezen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId, ...(plan ? { planId: plan.id } : {}) },
    });
    return {
      familyHoldsCasusregie: holds,
      writing: mayFamilyWritePlan(reader.role),
      tracking: mayFamilyTrackAgreements(reader.role, holds),
      plan: view,
    };
  });
}

/**
 * A refusal, audited in its own transaction (the caller's one is rolled back by the throw):
 * 403 with the reason in plain words, named by `field`.
 */
async function refuse(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  action: string,
  permission: Exclude<FamilyPlanPermission, { allowed: true }>,
  field: string,
): Promise<never> {
  await writeSystemAudit(db, {
    action,
    role: 'burger',
    caseId,
    clientAddress: reader.clientAddress,
    details: { persoon: reader.personId, reden: permission.refusal },
  });
  throw new StoreError('forbidden', permission.reason, [
    { path: field, message: permission.reason },
  ]);
}

/** Checks the case and the reader's right to write; refusals are audited. */
async function checkWriter(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
): Promise<void> {
  await db.transaction().execute((trx) => householdCase(trx, reader, caseId));
  const may = mayFamilyWritePlan(reader.role);
  if (!may.allowed)
    await refuse(
      db,
      reader,
      caseId,
      'portaal.familiegroepsplan-geweigerd',
      may,
      'familiegroepsplan',
    );
}

const newId = () => randomBytes(6).toString('hex');

/**
 * Starts the case's familiegroepsplan (version 1, concept, starting today), or gives the one
 * that exists. `created` tells which.
 */
export async function startFamilyPlan(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  now: Date,
): Promise<{ readonly id: string; readonly created: boolean }> {
  await checkWriter(db, reader, caseId);
  return db.transaction().execute(async (trx) => {
    await householdCase(trx, reader, caseId);
    const existing = await familyPlan(trx, caseId);
    if (existing) return { id: existing.id, created: false };
    const { id } = await insertPlan(
      trx,
      caseId,
      {
        kind: KIND,
        subjectPersonId: null,
        startDate: formatIsoDate(localDay(now.getTime())),
        content: {},
      },
      { personId: reader.personId },
      now,
    );
    await writeSystemAudit(trx, {
      action: 'portaal.familiegroepsplan-beginnen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId, planId: id },
    });
    return { id, created: true };
  });
}

/**
 * Writes the family's part of the plan into its concept; when only a fixed version exists, the
 * change starts a new concept version (bijstellen), which the professionals fix with the
 * signatures as usual. 400 names every wrong field; 409 before the plan was started, and when
 * `basis` (the plan revision the family started from) is stale: someone else saved meanwhile.
 */
export async function writeFamilyPlan(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  input: FamilyPlanInput,
  basis: number,
  now: Date,
): Promise<{ readonly version: number; readonly revision: number }> {
  await checkWriter(db, reader, caseId);
  const problems = familyPlanProblems(input);
  if (problems.length > 0) throw new StoreError('invalid', 'Het plan klopt nog niet.', problems);
  return db.transaction().execute(async (trx) => {
    await householdCase(trx, reader, caseId);
    const plan = await familyPlan(trx, caseId);
    if (!plan)
      throw new StoreError('conflict', 'Begin eerst een familiegroepsplan.', [
        { path: 'familiegroepsplan', message: 'er is nog geen familiegroepsplan' },
      ]);
    const facts = await visibility(trx, reader, now);
    const hidden = (g: Goal) => !mayView(reader, goalConcerns(g, null), facts);
    const by = { personId: reader.personId };
    const { version, revision } = await planWrite(
      trx,
      { id: plan.id, caseId },
      basis,
      by,
      now,
      async () => {
        let current = plan.concept;
        if (!current) {
          await conceptFromFixed(trx, plan.id, by, now);
          current = (await familyPlan(trx, caseId))?.concept ?? null;
        }
        if (!current) throw new StoreError('conflict', 'Er is geen conceptversie.');
        const content = withFamilyPart(current.content, input, hidden, newId);
        return replaceConcept(trx, plan.id, { startDate: current.startDate, content }, now);
      },
    ).catch((error: unknown) => {
      throw forFamily(
        error,
        [...(plan.concept?.content.goals ?? []), ...(plan.fixed?.content.goals ?? [])].filter(
          hidden,
        ),
      );
    });
    await writeSystemAudit(trx, {
      action: 'portaal.familiegroepsplan-schrijven',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: {
        persoon: reader.personId,
        planId: plan.id,
        versie: version,
        nieuweVersie: plan.concept === null,
        revisie: revision,
      },
    });
    return { version, revision };
  });
}

/** The plan sections the family writes: store key → the portal body's field and its label. */
const FAMILY_SECTIONS: Readonly<Record<string, { readonly path: string; readonly label: string }>> =
  {
    authors: { path: 'opgesteldDoor', label: 'Opgesteld door' },
    perspective: { path: 'perspectief', label: 'Perspectief' },
    helpWanted: { path: 'gewensteHulp', label: 'Gewenste hulp' },
    goals: { path: 'doelen', label: 'Doelen' },
    network: { path: 'netwerk', label: 'Netwerk' },
    familyAgreements: { path: 'afspraken', label: 'Afspraken' },
  };
const ELSEWHERE = { path: 'plan', label: 'Andere delen van het plan' };

/**
 * A stale write as the family may hear it: the changed fields by section of the portal's form,
 * and a change the reader may not see (a goal hidden by ADR 0026, the professionals' sections)
 * only as "andere delen van het plan", so a refusal reveals nothing the plan page would not.
 */
function forFamily(error: unknown, hiddenGoals: readonly Goal[]): unknown {
  const stale = error instanceof StoreError ? (error.details['wijziging'] as StaleWrite) : null;
  if (!stale) return error;
  const hidden = new Set(hiddenGoals.map((g) => g.id));
  const velden = stale.velden.map((v) => {
    const [, section = '', goalId = ''] = /^content\.([^.]+)(?:\.([^.]+))?/.exec(v.path) ?? [];
    if (section === '') return v;
    if (section === 'goals' && hidden.has(goalId)) return ELSEWHERE;
    return FAMILY_SECTIONS[section] ?? ELSEWHERE;
  });
  const unique = [...new Map(velden.map((v) => [v.label, v])).values()];
  return staleWriteError('Dit plan', { ...stale, velden: unique });
}

export interface AgreementTracking {
  readonly done: boolean;
  /** `YYYY-MM-DD`. */
  readonly on: string;
  readonly note: string;
}

/**
 * Marks agreement `index` of the tracked version (the fixed one, or the concept) as done or
 * not done. Only while the family holds casusregie, by a representative or a young person of
 * 16+ (403 otherwise, audited); an index without an agreement is 404.
 */
export async function trackAgreement(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  index: number,
  input: AgreementTracking,
  now: Date,
): Promise<AgreementWithStatus> {
  const holds = await db.transaction().execute(async (trx) => {
    await householdCase(trx, reader, caseId);
    return familyHoldsCasusregie(trx, caseId, now);
  });
  const may = mayFamilyTrackAgreements(reader.role, holds);
  if (!may.allowed)
    await refuse(db, reader, caseId, 'portaal.afspraak-bijhouden-geweigerd', may, 'afspraak');
  const on = parseIsoDate(input.on);
  if (on === null || on > localDay(now.getTime()))
    throw new StoreError('invalid', 'De invoer klopt niet.', [
      {
        path: 'op',
        message: on === null ? 'geen geldige datum' : 'deze datum is nog niet geweest',
      },
    ]);
  return db.transaction().execute(async (trx) => {
    const plan = await familyPlan(trx, caseId);
    const tracked = plan ? trackedVersion(plan) : null;
    const agreement = tracked?.content.familyAgreements?.[index];
    if (!plan || !agreement) throw new StoreError('not-found', 'Afspraak niet gevonden.');
    const row = {
      case_id: caseId,
      done: input.done,
      on_date: input.on,
      note: input.note.trim(),
      recorded_by_person: reader.personId,
      recorded_at: now,
    };
    await trx
      .insertInto('family_agreement_status')
      .values({ plan_id: plan.id, agreement_id: agreement.id, ...row })
      .onConflict((oc) => oc.columns(['plan_id', 'agreement_id']).doUpdateSet(row))
      .execute();
    await writeSystemAudit(trx, {
      action: 'portaal.afspraak-bijhouden',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: {
        persoon: reader.personId,
        planId: plan.id,
        versie: tracked?.version ?? null,
        afspraak: agreement.id,
        gedaan: input.done,
      },
    });
    const [withStatus] = await agreementsWithStatus(trx, plan.id, [agreement]);
    return withStatus as AgreementWithStatus;
  });
}

/**
 * For the professionals' plan page: the agreements of a familiegroepsplan that the family keeps
 * track of, with their status. Access follows the case (404 without it); audited.
 */
export async function planAgreementProgress(
  db: Kysely<Database>,
  ctx: RequestContext,
  planId: string,
  now: Date,
): Promise<AgreementWithStatus[]> {
  if (!UUID.test(planId)) throw new StoreError('not-found', 'Plan niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    const plan = await trx
      .selectFrom('plan')
      .select(['id', 'case_id', 'kind'])
      .where('id', '=', planId)
      .executeTakeFirst();
    if (!plan) throw new StoreError('not-found', 'Plan niet gevonden.');
    await requireAccess(trx, ctx, plan.case_id, now);
    const found = plan.kind === KIND ? await familyPlan(trx, plan.case_id) : null;
    const tracked = found ? trackedVersion(found) : null;
    const result = tracked
      ? await agreementsWithStatus(trx, plan.id, tracked.content.familyAgreements ?? [])
      : [];
    await writeAudit(trx, ctx, {
      action: 'plan.afspraken-lezen',
      caseId: plan.case_id,
      details: { planId },
    });
    return result;
  });
}
