/**
 * Ending by the provider in the database (RIJ-DEC-PROVIDER-END; DOMAIN.md section 4 step 3):
 * the provider's early notice, the talks with their reports, the unavoidable-ending report with
 * its anonymised copy for the region's contract managers, the casusregisseur's decision weighing
 * criteria a-d, and the handover. Each step is one transaction with its audit record, a timeline
 * entry and the notifications it owes.
 *
 * The provider stays responsible until the handover is recorded: no step before it touches the
 * allocation or the behandelregie. The handover ends the provider's behandelregie after its last
 * day of help, unless it still has other running help on the case. The stop message (JW307)
 * itself comes from the provider's own system, as for every stop; when it arrives the exchange
 * stops the allocation (`ijw/flows.ts`).
 *
 * Contract managers never reach the case: they read only `copy`, through `sharedEndingCopies`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Actor, CaseAccessFacts } from '../domain/access/case-access.js';
import {
  agreementPossible,
  anonymisedEndingCopy,
  decisionProblems,
  endingSteps,
  handoverProblems,
  mayActForProvider,
  mayDecideEnding,
  parentTalkRequired,
  providerEndingRule,
  reportProblems,
  startProblems,
  talkProblems,
  turnOf,
  weighCriteria,
  type CriterionAnswer,
  type CriterionWeight,
  type DecisionInput,
  type EndingCopy,
  type EndingDecision,
  type EndingParty,
  type EndingState,
  type HandoverInput,
  type ReportInput,
  type StepView,
  type TalkInput,
} from '../domain/allocation/provider-ending.js';
import { namesOf, scrub } from '../domain/escalation/overview.js';
import type { ProcedureRule, Profile } from '../domain/rules/index.js';
import { ageInYears } from '../domain/rules/index.js';
import {
  addDays,
  formatIsoDate,
  localDay,
  parseIsoDate,
  startOfLocalDay,
} from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { caseAccessFacts, inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { contractManagerRegion } from './contract-manager.js';
import { StoreError } from './errors.js';
import { caseRoleRecipients, notify } from './notifications.js';
import type { Database } from './schema.js';
import { nextReference } from './references.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'Beëindiging niet gevonden.';
const STOPPED = ['gestopt', 'ingetrokken', 'vervallen'] as const;

const invalid = (fields: readonly { path: string; message: string }[]) =>
  new StoreError('invalid', 'De invoer klopt niet.', [...fields]);

/** The provider-ending procedure of the case's region, or null when its profile has none. */
function ruleOf(profiles: ReadonlyMap<string, Profile>, region: string): ProcedureRule | null {
  const profile = profiles.get(region);
  return profile ? providerEndingRule(profile.rules) : null;
}

async function accessFacts(db: Db, caseId: string, now: Date): Promise<CaseAccessFacts> {
  const facts = await caseAccessFacts(db, caseId, now);
  if (!facts) throw new StoreError('not-found', 'Casus niet gevonden.');
  return facts;
}

/** The young person the allocation is for (by BSN), else the youngest; their age today. */
async function youngPersonAge(
  db: Db,
  caseId: string,
  clientBsn: string | null,
  now: Date,
): Promise<number | null> {
  const people = await db
    .selectFrom('person')
    .innerJoin('casus', 'casus.household_id', 'person.household_id')
    .select(['person.bsn', 'person.birth_date'])
    .where('casus.id', '=', caseId)
    .where('person.kind', '=', 'jeugdige')
    .execute();
  const today = localDay(now.getTime());
  const client = people.filter((p) => clientBsn !== null && p.bsn === clientBsn);
  const ages = (client.length > 0 ? client : people).flatMap((p) => {
    const birth = p.birth_date ? parseIsoDate(p.birth_date) : null;
    return birth === null ? [] : [ageInYears(birth, today)];
  });
  return ages.length === 0 ? null : Math.min(...ages);
}

export interface TalkView {
  readonly id: string;
  readonly heldOn: string;
  readonly withYoungPerson: boolean;
  readonly withParents: boolean;
  readonly participants: string;
  readonly report: string;
  readonly agreements: string;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

export interface EndingView {
  readonly id: string;
  readonly reference: string;
  readonly rule: ProcedureRule;
  readonly state: EndingState;
  readonly turn: EndingParty | null;
  readonly steps: readonly StepView[];
  readonly allocation: { readonly id: string; readonly number: string; readonly product: string };
  readonly provider: { readonly id: string; readonly name: string };
  readonly youngPersonAge: number | null;
  readonly parentTalkRequired: boolean;
  readonly firstReason: string;
  readonly startedAt: Date;
  readonly startedBy: string;
  readonly talks: readonly TalkView[];
  readonly report: {
    readonly reasons: string;
    readonly followUpProposal: string;
    readonly familyInformedOn: string;
    readonly talkIds: readonly string[];
    readonly reportedAt: Date;
    readonly reportedBy: string;
  } | null;
  readonly decision: {
    readonly decision: EndingDecision;
    readonly criteria: readonly (CriterionWeight & { readonly motivation: string })[];
    readonly reason: string | null;
    readonly decidedAt: Date;
    readonly decidedBy: string;
  } | null;
  readonly handover: {
    readonly followUp: string;
    readonly lastDay: string;
    readonly warmHandover: string;
    readonly at: Date;
    readonly by: string;
  } | null;
  /** Whether the provider still holds behandelregie on the case. */
  readonly providerResponsible: boolean;
  readonly mayActAsProvider: boolean;
  readonly mayDecide: boolean;
}

async function names(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function loadEndings(
  db: Db,
  actor: Actor,
  caseId: string,
  rule: ProcedureRule,
  facts: CaseAccessFacts,
  now: Date,
  only?: string,
): Promise<EndingView[]> {
  const org = await db
    .selectFrom('organisation')
    .select('kind')
    .where('id', '=', actor.organisationId)
    .executeTakeFirst();
  let query = db
    .selectFrom('provider_ending as e')
    .innerJoin('allocation as a', 'a.id', 'e.allocation_id')
    .innerJoin('organisation as o', 'o.id', 'e.provider_id')
    .selectAll('e')
    .select([
      'a.number as allocationNumber',
      'a.product_code as productCode',
      'a.client_bsn as clientBsn',
      'o.name as providerName',
    ])
    .where('e.case_id', '=', caseId);
  // A provider sees its own procedures only; another provider's are not its business.
  if (org?.kind === 'aanbieder') query = query.where('e.provider_id', '=', actor.organisationId);
  if (only) query = query.where('e.id', '=', only);
  const rows = await query.orderBy('e.started_at', 'desc').execute();
  if (rows.length === 0) return [];
  const talks = await db
    .selectFrom('provider_ending_talk')
    .selectAll()
    .where(
      'ending_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('held_on')
    .orderBy('recorded_at')
    .execute();
  const staff = await names(db, [
    ...rows.flatMap((r) => [r.started_by, r.reported_by, r.decided_by, r.handed_over_by]),
    ...talks.map((t) => t.recorded_by),
  ]);
  const nameOf = (id: string | null) => (id ? (staff.get(id) ?? '') : '');
  const views: EndingView[] = [];
  for (const row of rows) {
    const mine: TalkView[] = talks
      .filter((t) => t.ending_id === row.id)
      .map((t) => ({
        id: t.id,
        heldOn: t.held_on,
        withYoungPerson: t.with_young_person,
        withParents: t.with_parents,
        participants: t.participants,
        report: t.report,
        agreements: t.agreements,
        recordedBy: nameOf(t.recorded_by),
        recordedAt: t.recorded_at,
      }));
    const age = await youngPersonAge(db, caseId, row.clientBsn, now);
    const answers = (row.criteria ?? {}) as Record<string, CriterionAnswer>;
    views.push({
      id: row.id,
      reference: row.reference,
      rule,
      state: row.status,
      turn: turnOf(row.status),
      steps: endingSteps(rule, { state: row.status, talks: mine }, age),
      allocation: { id: row.allocation_id, number: row.allocationNumber, product: row.productCode },
      provider: { id: row.provider_id, name: row.providerName },
      youngPersonAge: age,
      parentTalkRequired: parentTalkRequired(age),
      firstReason: row.first_reason,
      startedAt: row.started_at,
      startedBy: nameOf(row.started_by),
      talks: mine,
      report:
        row.reported_at && row.reasons !== null
          ? {
              reasons: row.reasons,
              followUpProposal: row.follow_up_proposal ?? '',
              familyInformedOn: row.family_informed_on ?? '',
              talkIds: (row.talk_ids as string[] | null) ?? [],
              reportedAt: row.reported_at,
              reportedBy: nameOf(row.reported_by),
            }
          : null,
      decision:
        row.decision && row.decided_at
          ? {
              decision: row.decision,
              criteria: weighCriteria(rule, answers).map((w) => ({
                ...w,
                motivation: answers[w.code]?.motivation ?? '',
              })),
              reason: row.decision_reason,
              decidedAt: row.decided_at,
              decidedBy: nameOf(row.decided_by),
            }
          : null,
      handover:
        row.handed_over_at && row.follow_up !== null
          ? {
              followUp: row.follow_up,
              lastDay: row.last_day ?? '',
              warmHandover: row.warm_handover ?? '',
              at: row.handed_over_at,
              by: nameOf(row.handed_over_by),
            }
          : null,
      providerResponsible: facts.activeRoles.some(
        (r) => r.role === 'behandelregie' && r.organisationId === row.provider_id,
      ),
      mayActAsProvider: mayActForProvider(actor, facts, row.provider_id).allowed,
      mayDecide: mayDecideEnding(actor, facts, row.provider_id).allowed,
    });
  }
  return views;
}

export interface StartableAllocation {
  readonly id: string;
  readonly number: string;
  readonly product: string;
}

/**
 * The case's procedures (a provider sees its own), the region's rule (null: the profile has no
 * such procedure) and the allocations the actor may start one for; audited.
 */
export async function caseProviderEndings(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<{
  rule: ProcedureRule | null;
  region: string;
  endings: EndingView[];
  startable: StartableAllocation[];
}> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const casus = await trx
      .selectFrom('casus')
      .select('region')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const rule = ruleOf(profiles, casus.region);
    await writeAudit(trx, ctx, { action: 'beeindigingen.lezen', caseId, details: {} });
    if (!rule) return { rule, region: casus.region, endings: [], startable: [] };
    const facts = await accessFacts(trx, caseId, now);
    const endings = await loadEndings(trx, ctx.actor, caseId, rule, facts, now);
    const startable = mayActForProvider(ctx.actor, facts, ctx.actor.organisationId).allowed
      ? await startableAllocations(trx, caseId, ctx.actor.organisationId, now)
      : [];
    return { rule, region: casus.region, endings, startable };
  });
}

/** The provider's running allocations on the case without a running procedure. */
async function startableAllocations(
  db: Db,
  caseId: string,
  providerId: string,
  now: Date,
): Promise<StartableAllocation[]> {
  const today = formatIsoDate(localDay(now.getTime()));
  const rows = await db
    .selectFrom('allocation')
    .select(['id', 'number', 'product_code as product'])
    .where('case_id', '=', caseId)
    .where('provider_id', '=', providerId)
    .where('status', 'not in', [...STOPPED])
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('provider_ending')
            .select('provider_ending.id')
            .whereRef('provider_ending.allocation_id', '=', 'allocation.id')
            .where('provider_ending.status', 'in', ['gestart', 'gemeld', 'ingestemd']),
        ),
      ),
    )
    .orderBy('number')
    .execute();
  return rows;
}

/** Staff on the casusregisseur's side: who holds (crisis)casusregie, and the responsible team. */
async function regisseurSide(
  db: Db,
  caseId: string,
  now: Date,
): Promise<{
  staffIds: string[];
  organisationIds: string[];
  roles: string[];
}> {
  const [holders, crisis] = await Promise.all([
    caseRoleRecipients(db as Kysely<Database>, caseId, 'casusregie', now, [
      'casusregisseur',
      'teamleider',
      'jeugdbeschermer',
    ]),
    caseRoleRecipients(db as Kysely<Database>, caseId, 'crisiscasusregie', now),
  ]);
  const casus = await db
    .selectFrom('casus')
    .select('responsible_team_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return {
    staffIds: [...holders, ...crisis],
    organisationIds: casus.responsible_team_id ? [casus.responsible_team_id] : [],
    roles: ['casusregisseur', 'teamleider'],
  };
}

/** A 403 from the policies is logged as a refusal (a 404 is logged by `inCaseTransaction`). */
async function loggingRefusals<T>(
  db: Kysely<Database>,
  ctx: RequestContext,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreError && error.code === 'forbidden')
      await writeAudit(db, ctx, {
        action: 'beeindiging.geweigerd',
        details: { reason: error.message },
      });
    throw error;
  }
}

/**
 * Step 1: the provider with behandelregie tells the casusregisseur early that ending its help
 * may become necessary, with a first reason. Nothing about the help changes.
 */
export async function startProviderEnding(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: { readonly allocationId: string; readonly reason: string },
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<{ readonly id: string; readonly reference: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return loggingRefusals(db, ctx, () =>
    inCaseTransaction(db, ctx, async (trx) => {
      await requireAccess(trx, ctx, caseId, now, (actor, facts) =>
        mayActForProvider(actor, facts, actor.organisationId),
      );
      const casus = await trx
        .selectFrom('casus')
        .select('region')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      const rule = ruleOf(profiles, casus.region);
      if (!rule)
        throw new StoreError(
          'conflict',
          `Het profiel van regio ${casus.region} kent geen procedure voor beëindiging door de aanbieder.`,
        );
      const problems = startProblems({ reason: input.reason });
      const startable = await startableAllocations(trx, caseId, ctx.actor.organisationId, now);
      const allocation = startable.find((a) => a.id === input.allocationId);
      if (!allocation) {
        const running =
          UUID.test(input.allocationId) &&
          (await trx
            .selectFrom('provider_ending')
            .select('id')
            .where('allocation_id', '=', input.allocationId)
            .where('status', 'in', ['gestart', 'gemeld', 'ingestemd'])
            .executeTakeFirst());
        problems.unshift({
          path: 'toewijzingId',
          message: running
            ? `voor deze toewijzing loopt al een beëindiging (${rule.id})`
            : 'kies een lopende toewijzing van uw organisatie op deze casus',
        });
      }
      if (problems.length > 0) throw invalid(problems);
      const reference = await nextReference(
        trx,
        { prefix: 'BEA', table: 'provider_ending' },
        casus.region,
        now,
      );
      const row = await trx
        .insertInto('provider_ending')
        .values({
          reference,
          case_id: caseId,
          region: casus.region,
          rule_id: rule.id,
          allocation_id: input.allocationId,
          provider_id: ctx.actor.organisationId,
          status: 'gestart',
          first_reason: input.reason.trim(),
          started_by: ctx.actor.staffId,
          started_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await addTimelineEntry(trx, {
        caseId,
        type: 'beeindiging-gestart',
        at: now,
        note: `${reference} (${rule.id}, stap 1): de aanbieder meldt dat beëindiging van toewijzing ${allocation?.number ?? ''} mogelijk is. ${input.reason.trim()}`,
        by: ctx.actor.staffId,
      });
      const side = await regisseurSide(trx, caseId, now);
      await notify(
        trx,
        {
          kind: 'aanpassing',
          caseId,
          title: `Aanbieder meldt mogelijke beëindiging van de hulp (${reference})`,
          ruleId: rule.id,
          link: `/casussen/${caseId}`,
          ...side,
        },
        now,
      );
      await writeAudit(trx, ctx, {
        action: 'beeindiging.starten',
        caseId,
        details: { endingId: row.id, allocationId: input.allocationId, rule: rule.id },
      });
      return { id: row.id, reference };
    }),
  );
}

/** Finds the procedure, checks the actor may act on it (404 or 403), inside the transaction. */
async function endingForUpdate(
  trx: Transaction<Database>,
  ctx: RequestContext,
  endingId: string,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
  who: 'aanbieder' | 'casusregisseur' | 'beide',
) {
  if (!UUID.test(endingId)) throw new StoreError('not-found', NOT_FOUND);
  const row = await trx
    .selectFrom('provider_ending')
    .select(['id', 'case_id', 'region', 'provider_id'])
    .where('id', '=', endingId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new StoreError('not-found', NOT_FOUND);
  await requireAccess(trx, ctx, row.case_id, now);
  const rule = ruleOf(profiles, row.region);
  if (!rule) throw new StoreError('not-found', NOT_FOUND);
  const facts = await accessFacts(trx, row.case_id, now);
  const [view] = await loadEndings(trx, ctx.actor, row.case_id, rule, facts, now, endingId);
  // Another provider's procedure does not exist for this actor.
  if (!view) throw new StoreError('not-found', NOT_FOUND);
  const provider = mayActForProvider(ctx.actor, facts, row.provider_id);
  const decider = mayDecideEnding(ctx.actor, facts, row.provider_id);
  const allowed =
    who === 'aanbieder'
      ? provider.allowed
      : who === 'casusregisseur'
        ? decider.allowed
        : provider.allowed || decider.allowed;
  if (!allowed)
    throw new StoreError(
      'forbidden',
      who === 'casusregisseur'
        ? `Alleen de casusregisseur besluit over beëindiging door de aanbieder (${rule.id}).`
        : who === 'aanbieder'
          ? `Deze stap zet de aanbieder met behandelregie zelf (${rule.id}).`
          : `Alleen de aanbieder of de casusregisseur legt de overdracht vast (${rule.id}).`,
    );
  return { caseId: row.case_id, view, rule, facts };
}

const wrongState = (rule: ProcedureRule, message: string) =>
  new StoreError('conflict', `${message} (${rule.id})`);

/** Steps 2 and 3: a talk with the young person and/or the parents or guardian, with its report. */
export async function recordEndingTalk(
  db: Kysely<Database>,
  ctx: RequestContext,
  endingId: string,
  input: TalkInput,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<{ readonly id: string }> {
  return loggingRefusals(db, ctx, () =>
    inCaseTransaction(db, ctx, async (trx) => {
      const { caseId, view, rule } = await endingForUpdate(
        trx,
        ctx,
        endingId,
        profiles,
        now,
        'aanbieder',
      );
      if (view.state !== 'gestart')
        throw wrongState(rule, 'De melding is al gedaan; gesprekken horen vóór de melding');
      const problems = talkProblems(input, localDay(now.getTime()));
      if (problems.length > 0) throw invalid(problems);
      const row = await trx
        .insertInto('provider_ending_talk')
        .values({
          ending_id: endingId,
          held_on: input.heldOn,
          with_young_person: input.withYoungPerson,
          with_parents: input.withParents,
          participants: input.participants.trim(),
          report: input.report.trim(),
          agreements: input.agreements.trim(),
          recorded_by: ctx.actor.staffId,
          recorded_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const with_ = [
        input.withYoungPerson ? 'de jeugdige' : null,
        input.withParents ? 'de ouders of voogd' : null,
      ]
        .filter(Boolean)
        .join(' en ');
      await addTimelineEntry(trx, {
        caseId,
        type: 'beeindiging-gesprek',
        at: now,
        note: `${view.reference} (${rule.id}, stap 2 en 3): gesprek met ${with_} op ${input.heldOn} vastgelegd met verslag en afspraken.`,
        by: ctx.actor.staffId,
      });
      await writeAudit(trx, ctx, {
        action: 'beeindiging.gesprek',
        caseId,
        details: { endingId, talkId: row.id },
      });
      return { id: row.id };
    }),
  );
}

/** The names the copy must not carry: people, staff on the case, the family label. */
async function caseNames(db: Db, caseId: string): Promise<string[]> {
  const casus = await db
    .selectFrom('casus')
    .innerJoin('household', 'household.id', 'casus.household_id')
    .select(['household.label', 'household.id as householdId'])
    .where('casus.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('person')
    .select('name')
    .where('household_id', '=', casus.householdId)
    .execute();
  const roleStaff = await db
    .selectFrom('case_role')
    .innerJoin('staff', 'staff.id', 'case_role.staff_id')
    .select('staff.name')
    .where('case_role.case_id', '=', caseId)
    .execute();
  const endingStaff = await db
    .selectFrom('provider_ending as e')
    .innerJoin('staff', 'staff.id', 'e.started_by')
    .select('staff.name')
    .where('e.case_id', '=', caseId)
    .execute();
  const talkStaff = await db
    .selectFrom('provider_ending_talk as t')
    .innerJoin('provider_ending as e', 'e.id', 't.ending_id')
    .innerJoin('staff', 'staff.id', 't.recorded_by')
    .select('staff.name')
    .where('e.case_id', '=', caseId)
    .execute();
  return namesOf(
    people.map((p) => p.name),
    [...roleStaff, ...endingStaff, ...talkStaff].map((s) => s.name),
    casus.label,
  );
}

/**
 * Step 4: the unavoidable-ending report with reasons and a proposal for what follows; it attaches
 * every talk recorded so far. An anonymised copy goes to the region's contract managers.
 */
export async function reportProviderEnding(
  db: Kysely<Database>,
  ctx: RequestContext,
  endingId: string,
  input: ReportInput,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<void> {
  await loggingRefusals(db, ctx, () =>
    inCaseTransaction(db, ctx, async (trx) => {
      const { caseId, view, rule } = await endingForUpdate(
        trx,
        ctx,
        endingId,
        profiles,
        now,
        'aanbieder',
      );
      if (view.state !== 'gestart') throw wrongState(rule, 'De melding is al gedaan');
      const today = localDay(now.getTime());
      const problems = reportProblems(input, view.talks, view.youngPersonAge, today);
      if (problems.length > 0) throw invalid(problems);
      const casus = await trx
        .selectFrom('casus')
        .innerJoin('household', 'household.id', 'casus.household_id')
        .select(['casus.region', 'casus.route', 'casus.segment', 'household.id as householdId'])
        .where('casus.id', '=', caseId)
        .executeTakeFirstOrThrow();
      const [municipality, product, people, known] = await Promise.all([
        trx
          .selectFrom('organisation')
          .select('name')
          .where('kind', '=', 'gemeente')
          .where('region', '=', casus.region)
          .orderBy('name')
          .executeTakeFirst(),
        trx
          .selectFrom('product')
          .select(['code', 'name'])
          .where('region', '=', casus.region)
          .where('code', '=', view.allocation.product)
          .executeTakeFirst(),
        trx
          .selectFrom('person')
          .select('birth_date')
          .where('household_id', '=', casus.householdId)
          .where('kind', '=', 'jeugdige')
          .execute(),
        caseNames(trx, caseId),
      ]);
      const copy: EndingCopy = anonymisedEndingCopy(
        {
          reference: view.reference,
          ruleId: rule.id,
          region: casus.region,
          municipality: municipality?.name ?? casus.region,
          reportedOn: formatIsoDate(today),
          route: casus.route,
          segment: casus.segment,
          ages: people.flatMap((p) => {
            const birth = p.birth_date ? parseIsoDate(p.birth_date) : null;
            return birth === null ? [] : [ageInYears(birth, today)];
          }),
          product: product ? `${product.code} ${product.name}` : view.allocation.product,
          provider: view.provider.name,
          firstReason: view.firstReason,
          reasons: input.reasons.trim(),
          followUpProposal: input.followUpProposal.trim(),
          talks: view.talks,
        },
        (text) => scrub(text, known),
      );
      await trx
        .updateTable('provider_ending')
        .set({
          status: 'gemeld',
          reasons: input.reasons.trim(),
          follow_up_proposal: input.followUpProposal.trim(),
          family_informed_on: input.familyInformedOn,
          talk_ids: JSON.stringify(view.talks.map((t) => t.id)),
          copy: JSON.stringify(copy),
          reported_by: ctx.actor.staffId,
          reported_at: now,
        })
        .where('id', '=', endingId)
        .execute();
      await addTimelineEntry(trx, {
        caseId,
        type: 'beeindiging-gemeld',
        at: now,
        note: `${view.reference} (${rule.id}, stap 4): de aanbieder meldt dat beëindiging onvermijdelijk is, met ${view.talks.length} gespreksverslag(en); kopie naar de contractmanager.`,
        by: ctx.actor.staffId,
      });
      const side = await regisseurSide(trx, caseId, now);
      await notify(
        trx,
        {
          kind: 'aanpassing',
          caseId,
          title: `Besluit gevraagd: de aanbieder meldt onvermijdelijke beëindiging (${view.reference})`,
          ruleId: rule.id,
          link: `/casussen/${caseId}`,
          ...side,
        },
        now,
      );
      const municipalities = await trx
        .selectFrom('organisation')
        .select('id')
        .where('kind', '=', 'gemeente')
        .where('region', '=', casus.region)
        .execute();
      // No case link and no names: the contract manager reads the copy, not the case.
      await notify(
        trx,
        {
          kind: 'aanpassing',
          caseId: null,
          title: `Kopie van een melding van beëindiging door de aanbieder (${view.reference})`,
          ruleId: rule.id,
          link: '/beeindigingen',
          organisationIds: municipalities.map((m) => m.id),
          roles: ['contractmanager'],
        },
        now,
      );
      await writeAudit(trx, ctx, {
        action: 'beeindiging.melden',
        caseId,
        details: { endingId, talks: view.talks.length },
      });
    }),
  );
}

/**
 * Step 5: the casusregisseur weighs criteria a-d, each answered with a motivation, and agrees
 * or refuses. Agreement is impossible while (d) is answered no. Nothing about the help changes
 * yet: the provider continues until the handover.
 */
export async function decideProviderEnding(
  db: Kysely<Database>,
  ctx: RequestContext,
  endingId: string,
  input: DecisionInput,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<void> {
  await loggingRefusals(db, ctx, () =>
    inCaseTransaction(db, ctx, async (trx) => {
      const { caseId, view, rule } = await endingForUpdate(
        trx,
        ctx,
        endingId,
        profiles,
        now,
        'casusregisseur',
      );
      if (view.state === 'gestart')
        throw wrongState(rule, 'De aanbieder heeft de beëindiging nog niet gemeld');
      if (view.state !== 'gemeld') throw wrongState(rule, 'Over deze beëindiging is al besloten');
      const problems = decisionProblems(rule, input);
      if (problems.length > 0) throw invalid(problems);
      const criteria = Object.fromEntries(
        (rule.criteria ?? []).map((c) => {
          const a = input.criteria[c.code] as CriterionAnswer;
          return [c.code, { answer: a.answer, motivation: a.motivation.trim() }];
        }),
      );
      const agreed = input.decision === 'instemmen';
      await trx
        .updateTable('provider_ending')
        .set({
          status: agreed ? 'ingestemd' : 'geweigerd',
          decision: input.decision,
          criteria: JSON.stringify(criteria),
          decision_reason: input.reason?.trim() || null,
          decided_by: ctx.actor.staffId,
          decided_at: now,
        })
        .where('id', '=', endingId)
        .execute();
      const weights = weighCriteria(rule, criteria)
        .map((w) => `(${w.code}) ${w.answer ? 'ja' : 'nee'}`)
        .join(', ');
      await addTimelineEntry(trx, {
        caseId,
        type: 'beeindiging-besluit',
        at: now,
        note: agreed
          ? `${view.reference} (${rule.id}, stap 5): de casusregisseur stemt in met beëindiging; criteria ${weights}. De aanbieder blijft helpen tot de overdracht.`
          : `${view.reference} (${rule.id}, stap 5): de casusregisseur weigert beëindiging; criteria ${weights}${agreementPossible(rule, criteria) ? '' : ' (instemmen kon niet: geen vervolg geregeld)'}. Reden: ${input.reason?.trim() ?? ''}`,
        by: ctx.actor.staffId,
      });
      await notify(
        trx,
        {
          kind: 'aanpassing',
          caseId,
          title: agreed
            ? `Casusregisseur stemt in met beëindiging ${view.reference}; leg de overdracht vast`
            : `Casusregisseur weigert beëindiging ${view.reference}; de hulp loopt door`,
          ruleId: rule.id,
          link: `/casussen/${caseId}`,
          organisationIds: [view.provider.id],
          roles: ['planner', 'behandelaar'],
        },
        now,
      );
      await writeAudit(trx, ctx, {
        action: 'beeindiging.besluiten',
        caseId,
        details: { endingId, decision: input.decision },
      });
    }),
  );
}

/**
 * Step 6: after agreement, the handover to what follows. Only now is the procedure complete;
 * the provider's behandelregie ends after its last day of help, unless it still gives other
 * help on the case.
 */
export async function recordEndingHandover(
  db: Kysely<Database>,
  ctx: RequestContext,
  endingId: string,
  input: HandoverInput,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<void> {
  await loggingRefusals(db, ctx, () =>
    inCaseTransaction(db, ctx, async (trx) => {
      const { caseId, view, rule } = await endingForUpdate(
        trx,
        ctx,
        endingId,
        profiles,
        now,
        'beide',
      );
      if (view.state !== 'ingestemd')
        throw wrongState(
          rule,
          view.state === 'overgedragen'
            ? 'De overdracht is al vastgelegd'
            : 'Een overdracht volgt alleen op instemming van de casusregisseur',
        );
      const decidedOn = localDay((view.decision?.decidedAt ?? now).getTime());
      const problems = handoverProblems(input, decidedOn);
      if (problems.length > 0) throw invalid(problems);
      await trx
        .updateTable('provider_ending')
        .set({
          status: 'overgedragen',
          follow_up: input.followUp.trim(),
          last_day: input.lastDay,
          warm_handover: input.warmHandover.trim(),
          handed_over_by: ctx.actor.staffId,
          handed_over_at: now,
        })
        .where('id', '=', endingId)
        .execute();
      const today = formatIsoDate(localDay(now.getTime()));
      const otherHelp = await trx
        .selectFrom('allocation')
        .select('id')
        .where('case_id', '=', caseId)
        .where('provider_id', '=', view.provider.id)
        .where('id', '!=', view.allocation.id)
        .where('status', 'not in', [...STOPPED])
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
        .executeTakeFirst();
      const roleEnds = new Date(startOfLocalDay(addDays(parseIsoDate(input.lastDay) as number, 1)));
      if (!otherHelp)
        await trx
          .updateTable('case_role')
          .set({ ends_at: roleEnds })
          .where('case_id', '=', caseId)
          .where('role', '=', 'behandelregie')
          .where('organisation_id', '=', view.provider.id)
          .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', roleEnds)]))
          .execute();
      await addTimelineEntry(trx, {
        caseId,
        type: 'beeindiging-overgedragen',
        at: now,
        note: `${view.reference} (${rule.id}, stap 6): overdracht aan ${input.followUp.trim()}; laatste dag van de hulp ${input.lastDay}.${otherHelp ? '' : ' De behandelregie van de aanbieder eindigt daarna.'}`,
        by: ctx.actor.staffId,
      });
      const side = await regisseurSide(trx, caseId, now);
      await notify(
        trx,
        {
          kind: 'aanpassing',
          caseId,
          title: `Beëindiging ${view.reference} afgerond met overdracht`,
          ruleId: rule.id,
          link: `/casussen/${caseId}`,
          staffIds: side.staffIds,
          organisationIds: [...side.organisationIds, view.provider.id],
          roles: ['casusregisseur', 'teamleider', 'planner', 'behandelaar'],
        },
        now,
      );
      await writeAudit(trx, ctx, {
        action: 'beeindiging.overdragen',
        caseId,
        details: { endingId, behandelregieEnds: otherHelp ? null : roleEnds.toISOString() },
      });
    }),
  );
}

// ---------------------------------------------------------------------------------------
// The contract manager's view: anonymised copies only
// ---------------------------------------------------------------------------------------

export interface SharedEndingCopy {
  readonly id: string;
  readonly reference: string;
  readonly reportedAt: Date;
  /** Where the procedure stands now (the decision's content stays with the case). */
  readonly state: EndingState;
  readonly copy: EndingCopy;
}

/** Copies of reports shared with the contract managers of the actor's region. */
export async function sharedEndingCopies(
  db: Kysely<Database>,
  ctx: RequestContext,
  only?: string,
): Promise<SharedEndingCopy[]> {
  const region = await contractManagerRegion(db, ctx, 'kopieën van meldingen van beëindiging');
  if (only !== undefined && !UUID.test(only)) throw new StoreError('not-found', NOT_FOUND);
  let query = db
    .selectFrom('provider_ending')
    .select(['id', 'reference', 'reported_at', 'status', 'copy'])
    .where('region', '=', region)
    .where('reported_at', 'is not', null);
  if (only) query = query.where('id', '=', only);
  const rows = await query.orderBy('reported_at', 'desc').execute();
  if (only && rows.length === 0) throw new StoreError('not-found', NOT_FOUND);
  await writeAudit(db, ctx, {
    action: only ? 'beeindiging.kopie-lezen' : 'beeindiging.kopieen',
    details: { region, count: rows.length, ...(only ? { endingId: only } : {}) },
  });
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    reportedAt: r.reported_at as Date,
    state: r.status,
    copy: r.copy as EndingCopy,
  }));
}
