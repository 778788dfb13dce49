/**
 * Provider performance in the database (issue 7; DOMAIN.md section 4 step 3 and section 11):
 * the casusregie side scores a provider once its help on the case has ended, one score per case
 * and provider, and the aggregate per provider is read by the region's contract managers (all
 * providers of the region) and by the provider itself (its own only).
 *
 * The waiting time is computed here from what the case knows: the day of the allocation (its
 * `toewijzing-ontvangen` entry, else the row's creation) and the first start of that allocation
 * (a JW305 start line, else a `start-hulp` entry recorded by the provider's staff).
 *
 * The aggregate is built from figures only: no case id, name or remark leaves through it.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  aggregateByProvider,
  type ProviderAggregate,
  type ScoreFigures,
} from '../domain/performance/aggregate.js';
import {
  inSourceOrder,
  mayScoreProvider,
  providerClosure,
  scoreProblems,
  waitingTime,
  type Closure,
  type ClosureBasis,
  type CriterionKey,
  type CriterionScore,
  type GoalResult,
  type Rating,
  type ScoreInput,
  type WaitingTime,
} from '../domain/performance/provider-score.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'Aanbieder niet gevonden.';

const dayOf = (at: Date) => formatIsoDate(localDay(at.getTime()));

/** A goal as stored with the score, so the score reads the same after the plan changes. */
export interface ScoredGoal {
  readonly goalId: string;
  readonly description: string;
  readonly result: GoalResult;
}

export interface PlanGoal {
  readonly id: string;
  readonly description: string;
  readonly planKind: string;
}

export interface CaseProvider {
  readonly id: string;
  readonly name: string;
  readonly closure: Closure;
  readonly waiting: WaitingTime | null;
  readonly scored: boolean;
}

export interface ProviderScoreView {
  readonly id: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly closureBasis: ClosureBasis;
  readonly satisfaction: number | null;
  readonly goals: readonly ScoredGoal[];
  readonly dropOut: boolean;
  readonly waiting: WaitingTime | null;
  readonly criteria: readonly CriterionScore[];
  readonly scoredBy: string;
  readonly scoredAt: Date;
}

/** The goals of the case's fixed plans (current versions), each goal once. */
async function planGoals(db: Db, caseId: string): Promise<PlanGoal[]> {
  const rows = await db
    .selectFrom('plan')
    .innerJoin('plan_version', 'plan_version.plan_id', 'plan.id')
    .select(['plan.kind', 'plan_version.content'])
    .where('plan.case_id', '=', caseId)
    .where('plan_version.status', '=', 'vastgesteld')
    .orderBy('plan_version.fixed_at', 'desc')
    .execute();
  const seen = new Set<string>();
  const out: PlanGoal[] = [];
  for (const row of rows) {
    const goals = (row.content as { goals?: { id: string; description: string }[] }).goals ?? [];
    for (const g of goals) {
      if (seen.has(g.id)) continue;
      seen.add(g.id);
      out.push({ id: g.id, description: g.description, planKind: row.kind });
    }
  }
  return out;
}

/** Every provider that helped on the case, with whether its help ended and its waiting time. */
async function caseProviders(db: Db, caseId: string, now: Date): Promise<CaseProvider[]> {
  const casus = await db
    .selectFrom('casus')
    .select('closed_at')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const allocations = await db
    .selectFrom('allocation')
    .select(['id', 'provider_id', 'number', 'status', 'end_date', 'created_at'])
    .where('case_id', '=', caseId)
    .orderBy('number')
    .execute();
  const roles = await db
    .selectFrom('case_role')
    .select(['organisation_id', 'ends_at', 'starts_at'])
    .where('case_id', '=', caseId)
    .where('role', '=', 'behandelregie')
    .where('organisation_id', 'is not', null)
    .execute();
  const providerIds = [
    ...new Set([
      ...allocations.map((a) => a.provider_id),
      ...roles.map((r) => r.organisation_id as string),
    ]),
  ];
  if (providerIds.length === 0) return [];
  const organisations = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', 'in', providerIds)
    .where('kind', '=', 'aanbieder')
    .orderBy('name')
    .execute();
  const starts = allocations.length
    ? await db
        .selectFrom('care_line')
        .select(['allocation_id', 'begin_date'])
        .where(
          'allocation_id',
          'in',
          allocations.map((a) => a.id),
        )
        .where('kind', '=', 'start')
        .where('deleted_at', 'is', null)
        .execute()
    : [];
  const events = await db
    .selectFrom('case_event')
    .leftJoin('staff', 'staff.id', 'case_event.recorded_by')
    .select(['case_event.type', 'case_event.at', 'case_event.note', 'staff.organisation_id'])
    .where('case_event.case_id', '=', caseId)
    .where('case_event.type', 'in', ['toewijzing-ontvangen', 'start-hulp'])
    .orderBy('case_event.at')
    .execute();
  const scored = await db
    .selectFrom('provider_score')
    .select('provider_id')
    .where('case_id', '=', caseId)
    .execute();
  const today = dayOf(now);
  return organisations.map((org) => {
    const own = allocations.filter((a) => a.provider_id === org.id);
    const providerStart = events.find(
      (e) => e.type === 'start-hulp' && e.organisation_id === org.id,
    );
    const dates = own.map((a) => {
      // The allocation's timeline entry names its number (see ijw/allocate.ts).
      const received = events.find(
        (e) =>
          e.type === 'toewijzing-ontvangen' && new RegExp(`\\b${a.number}\\b`).test(e.note ?? ''),
      );
      const lines = starts
        .filter((s) => s.allocation_id === a.id)
        .map((s) => s.begin_date)
        .sort();
      return {
        allocatedOn: dayOf(received?.at ?? a.created_at),
        startedOn: lines[0] ?? (providerStart ? dayOf(providerStart.at) : null),
      };
    });
    return {
      id: org.id,
      name: org.name,
      closure: providerClosure({
        allocations: own.map((a) => ({ number: a.number, status: a.status, end: a.end_date })),
        behandelregie: roles
          .filter((r) => r.organisation_id === org.id)
          .map((r) => ({ active: r.starts_at <= now && (r.ends_at === null || r.ends_at > now) })),
        caseClosed: casus.closed_at !== null && casus.closed_at <= now,
        today,
      }),
      waiting: waitingTime(dates),
      scored: scored.some((s) => s.provider_id === org.id),
    };
  });
}

async function loadScores(db: Db, caseId: string): Promise<ProviderScoreView[]> {
  const rows = await db
    .selectFrom('provider_score as s')
    .innerJoin('organisation', 'organisation.id', 's.provider_id')
    .innerJoin('staff', 'staff.id', 's.scored_by')
    .selectAll('s')
    .select(['organisation.name as providerName', 'staff.name as scoredByName'])
    .where('s.case_id', '=', caseId)
    .orderBy('s.scored_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    providerId: r.provider_id,
    providerName: r.providerName,
    closureBasis: r.closure_basis,
    satisfaction: r.satisfaction,
    goals: r.goals as ScoredGoal[],
    dropOut: r.drop_out,
    waiting:
      r.waiting_days === null || !r.waiting_from || !r.waiting_to
        ? null
        : { days: r.waiting_days, from: r.waiting_from, to: r.waiting_to },
    criteria: r.criteria as CriterionScore[],
    scoredBy: r.scoredByName,
    scoredAt: r.scored_at,
  }));
}

/**
 * The providers of the case, the goals of its plans and the scores given; only for those who
 * score (the casusregie side), others who read the case get 403. Audited.
 */
export async function caseProviderScores(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<{ providers: CaseProvider[]; goals: PlanGoal[]; scores: ProviderScoreView[] }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayScoreProvider);
    const [providers, goals, scores] = [
      await caseProviders(trx, caseId, now),
      await planGoals(trx, caseId),
      await loadScores(trx, caseId),
    ];
    await writeAudit(trx, ctx, {
      action: 'aanbiederscore.lezen',
      caseId,
      details: { count: scores.length },
    });
    return { providers, goals, scores };
  });
}

/**
 * Scores a provider whose help on the case has ended. A second score for the same case and
 * provider is a conflict (409), also when two arrive at once (the unique key decides).
 */
export async function scoreProvider(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: ScoreInput,
  now: Date,
): Promise<{ readonly id: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayScoreProvider);
    const providers = await caseProviders(trx, caseId, now);
    const provider = providers.find((p) => p.id === input.providerId);
    if (!provider)
      throw new StoreError('invalid', 'De invoer klopt niet.', [
        { path: 'aanbiederId', message: 'deze aanbieder heeft op deze casus geen hulp geboden' },
      ]);
    if (provider.scored)
      throw new StoreError('conflict', `${provider.name} is op deze casus al beoordeeld.`);
    if (!provider.closure.ended)
      throw new StoreError('conflict', `Nog niet te beoordelen: ${provider.closure.reason}.`);
    const goals = await planGoals(trx, caseId);
    const problems = scoreProblems(input, { planGoals: goals });
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    const casus = await trx
      .selectFrom('casus')
      .select('region')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const scoredGoals: ScoredGoal[] = input.goals.map((g) => ({
      goalId: g.goalId,
      description: goals.find((p) => p.id === g.goalId)?.description ?? '',
      result: g.result,
    }));
    const criteria = inSourceOrder(input.criteria).map((c) => ({
      key: c.key,
      rating: c.rating,
      remark: c.remark?.trim() || null,
    }));
    const row = await trx
      .insertInto('provider_score')
      .values({
        case_id: caseId,
        region: casus.region,
        provider_id: provider.id,
        closure_basis: provider.closure.basis,
        satisfaction: input.satisfaction,
        goals: JSON.stringify(scoredGoals),
        drop_out: input.dropOut,
        waiting_days: provider.waiting?.days ?? null,
        waiting_from: provider.waiting?.from ?? null,
        waiting_to: provider.waiting?.to ?? null,
        criteria: JSON.stringify(criteria),
        scored_by: ctx.actor.staffId,
        scored_by_org: ctx.actor.organisationId,
        scored_at: now,
      })
      .onConflict((oc) => oc.columns(['case_id', 'provider_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new StoreError('conflict', `${provider.name} is op deze casus al beoordeeld.`);
    await addTimelineEntry(trx, {
      caseId,
      type: 'aanbieder-beoordeeld',
      at: now,
      note: `Prestatie van ${provider.name} beoordeeld bij het afsluiten van de hulp`,
      by: ctx.actor.staffId,
    });
    await writeAudit(trx, ctx, {
      action: 'aanbiederscore.vastleggen',
      caseId,
      details: { scoreId: row.id, providerId: provider.id },
    });
    return { id: row.id };
  });
}

// ---------------------------------------------------------------------------------------
// The aggregate: contract managers of the region, and the provider itself
// ---------------------------------------------------------------------------------------

export interface PerformanceView {
  /** `regio`: a contract manager's view of the region; `eigen`: a provider's own figures. */
  readonly scope: 'regio' | 'eigen';
  readonly region: string | null;
  readonly providers: readonly (ProviderAggregate & { readonly name: string })[];
}

const FORBIDDEN =
  'Alleen de contractmanager van de gemeente en de aanbieder zelf zien de prestaties van een aanbieder.';

/**
 * The aggregate per provider for who may see it: a contract manager of a municipality sees every
 * provider of the region (also those without scores) with the scores given on the region's
 * cases; a provider's staff see their own organisation only, over all its scores. Anyone else:
 * 403. `only` narrows to one provider; one the actor may not see answers 404. Audited.
 */
export async function providerPerformance(
  db: Kysely<Database>,
  ctx: RequestContext,
  only?: string,
): Promise<PerformanceView> {
  const org = await db
    .selectFrom('organisation')
    .select(['id', 'kind', 'region'])
    .where('id', '=', ctx.actor.organisationId)
    .executeTakeFirst();
  if (!org) throw new StoreError('forbidden', FORBIDDEN);
  const contractManager = org.kind === 'gemeente' && ctx.actor.roles.includes('contractmanager');
  if (!contractManager && org.kind !== 'aanbieder') throw new StoreError('forbidden', FORBIDDEN);
  if (only !== undefined && !UUID.test(only)) throw new StoreError('not-found', NOT_FOUND);

  let scoreQuery = db
    .selectFrom('provider_score')
    .select(['provider_id', 'satisfaction', 'goals', 'drop_out', 'waiting_days', 'criteria']);
  let listed: { id: string; name: string }[];
  if (contractManager) {
    scoreQuery = scoreQuery.where('region', '=', org.region);
    listed = await db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('kind', '=', 'aanbieder')
      .where('region', '=', org.region)
      .orderBy('name')
      .execute();
  } else {
    scoreQuery = scoreQuery.where('provider_id', '=', org.id);
    listed = await db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('id', '=', org.id)
      .execute();
  }
  if (only) scoreQuery = scoreQuery.where('provider_id', '=', only);
  const rows = await scoreQuery.execute();
  const figures: ScoreFigures[] = rows.map((r) => ({
    providerId: r.provider_id,
    satisfaction: r.satisfaction,
    goals: (r.goals as ScoredGoal[]).map((g) => g.result),
    dropOut: r.drop_out,
    waitingDays: r.waiting_days,
    ratings: Object.fromEntries(
      (r.criteria as CriterionScore[]).map((c) => [c.key, c.rating]),
    ) as Partial<Record<CriterionKey, Rating>>,
  }));
  // Providers from elsewhere that worked on the region's cases are shown under their own name.
  const unlisted = [...new Set(figures.map((f) => f.providerId))].filter(
    (id) => !listed.some((l) => l.id === id),
  );
  const names = unlisted.length
    ? await db
        .selectFrom('organisation')
        .select(['id', 'name'])
        .where('id', 'in', unlisted)
        .execute()
    : [];
  const shown = [...listed, ...names.sort((a, b) => a.name.localeCompare(b.name, 'nl'))];
  const wanted = only ? shown.filter((s) => s.id === only) : shown;
  if (only && wanted.length === 0) throw new StoreError('not-found', NOT_FOUND);
  const aggregates = aggregateByProvider(
    figures,
    wanted.map((w) => w.id),
  );
  await writeAudit(db, ctx, {
    action: only ? 'prestaties.aanbieder-lezen' : 'prestaties.lezen',
    details: {
      scope: contractManager ? 'regio' : 'eigen',
      region: contractManager ? org.region : null,
      providers: aggregates.length,
      scores: figures.length,
      ...(only ? { providerId: only } : {}),
    },
  });
  return {
    scope: contractManager ? 'regio' : 'eigen',
    region: contractManager ? org.region : null,
    providers: aggregates.map((a) => ({
      ...a,
      name: shown.find((s) => s.id === a.providerId)?.name ?? '',
    })),
  };
}
