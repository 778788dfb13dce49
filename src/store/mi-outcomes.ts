/**
 * The outcome and provider dashboards (issue 9, ADR 0024) from the provider scores (issue 7):
 * the scores given in the period on cases in the reader's scope (`dashboardScope` in mi.ts:
 * a team lead's own team, or the region, narrowed by municipality or team). Only figures are
 * read: no case, family or remark leaves through these tables. Access and audit are the
 * caller's (`dashboard` in mi.ts).
 */
import type { Kysely } from 'kysely';
import { monthsBetween, type Route } from '../domain/mi/figures.js';
import { outcomeTables, providerTables } from '../domain/mi/outcome-tables.js';
import { outcomes, providerOutcomes, type OutcomeRow } from '../domain/mi/outcomes.js';
import type { Table } from '../domain/mi/tables.js';
import type {
  CriterionKey,
  CriterionScore,
  GoalResult,
  Rating,
} from '../domain/performance/provider-score.js';
import { formatIsoDate, localDay, startOfLocalDay, type DayNumber } from '../domain/time/index.js';
import type { DashboardScope } from './mi.js';
import type { Database } from './schema.js';

export type OutcomeDashboard = 'uitkomsten' | 'aanbieders';

const monthOf = (day: number) => formatIsoDate(day).slice(0, 7);

/** The scores given from `fromDay` up to and including `untilDay` on cases in scope. */
async function scoresInScope(
  db: Kysely<Database>,
  scope: DashboardScope,
  fromDay: DayNumber,
  untilDay: DayNumber,
): Promise<OutcomeRow[]> {
  let query = db
    .selectFrom('provider_score as s')
    .innerJoin('casus', 'casus.id', 's.case_id')
    .select([
      's.provider_id',
      's.satisfaction',
      's.goals',
      's.drop_out',
      's.waiting_days',
      's.criteria',
      's.scored_at',
      'casus.route',
    ])
    .where('casus.region', '=', scope.region)
    .where('s.scored_at', '>=', new Date(startOfLocalDay(fromDay)))
    .where('s.scored_at', '<', new Date(startOfLocalDay(untilDay + 1)));
  if (scope.teamIds !== null)
    query = query.where('casus.responsible_team_id', 'in', [...scope.teamIds]);
  return (await query.execute()).map((r) => ({
    month: monthOf(localDay(r.scored_at.getTime())),
    route: r.route as Route,
    providerId: r.provider_id,
    satisfaction: r.satisfaction,
    goals: (r.goals as { result: GoalResult }[]).map((g) => g.result),
    dropOut: r.drop_out,
    waitingDays: r.waiting_days,
    ratings: Object.fromEntries(
      (r.criteria as CriterionScore[]).map((c) => [c.key, c.rating]),
    ) as Partial<Record<CriterionKey, Rating>>,
  }));
}

/**
 * The region's providers by name (also those without scores), then providers from elsewhere
 * that were scored on cases in scope.
 */
async function providerNames(
  db: Kysely<Database>,
  region: string,
  scored: readonly string[],
): Promise<{ id: string; name: string }[]> {
  const listed = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('kind', '=', 'aanbieder')
    .where('region', '=', region)
    .execute();
  const others = scored.filter((id) => !listed.some((l) => l.id === id));
  const more = others.length
    ? await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', others).execute()
    : [];
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id);
  return [...listed.sort(byName), ...more.sort(byName)];
}

/** The tables of the outcome or provider dashboard for the reader's scope and period. */
export async function outcomeDashboardTables(
  db: Kysely<Database>,
  scope: DashboardScope,
  name: OutcomeDashboard,
  fromDay: DayNumber,
  untilDay: DayNumber,
): Promise<Table[]> {
  const rows = await scoresInScope(db, scope, fromDay, untilDay);
  if (name === 'uitkomsten')
    return outcomeTables(
      outcomes(rows, monthsBetween(monthOf(fromDay), monthOf(untilDay))),
      scope.suppression,
    );
  const providers = await providerNames(db, scope.region, [
    ...new Set(rows.map((r) => r.providerId)),
  ]);
  const figures = providerOutcomes(
    rows,
    providers.map((p) => p.id),
  );
  return providerTables(
    figures.providers.map((p) => ({
      name: providers.find((x) => x.id === p.key)?.name ?? p.key,
      figures: p.figures,
    })),
    figures.total,
    scope.suppression,
  );
}
