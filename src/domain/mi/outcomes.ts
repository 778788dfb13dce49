/**
 * Outcomes of help for the dashboards (issue 9, ADR 0024): goal attainment, drop-out and client
 * satisfaction per month of scoring and per route, and the performance of each provider, from
 * the scores the casusregie side gives when a provider's help on a case ends (issue 7). The
 * arithmetic is the provider aggregate's (`domain/performance/aggregate.ts`); this module only
 * groups the scores. Pure: no SQL, no clock.
 */
import {
  aggregateByProvider,
  aggregateScores,
  type ProviderAggregate,
  type ScoreFigures,
} from '../performance/aggregate.js';
import { ROUTES, type Route } from './figures.js';

/** A score with what the dashboards group it by. */
export interface OutcomeRow extends ScoreFigures {
  /** Month the score was given, local time: `YYYY-MM`. */
  readonly month: string;
  /** The route of the case the score belongs to. */
  readonly route: Route;
}

/** The figures of one group of scores (a month, a route, a provider or all of them). */
export interface OutcomeGroup {
  readonly key: string;
  readonly figures: ProviderAggregate;
}

export interface Outcomes {
  /** Every month asked for, in order, also those without scores. */
  readonly byMonth: readonly OutcomeGroup[];
  /** Routes A, B and C. */
  readonly byRoute: readonly OutcomeGroup[];
  /** All scores of the months asked for. */
  readonly total: ProviderAggregate;
}

function grouped(
  rows: readonly OutcomeRow[],
  keys: readonly string[],
  keyOf: (r: OutcomeRow) => string,
): OutcomeGroup[] {
  const byKey = new Map<string, OutcomeRow[]>(keys.map((k) => [k, []]));
  for (const r of rows) byKey.get(keyOf(r))?.push(r);
  return keys.map((key) => ({ key, figures: aggregateScores(key, byKey.get(key) ?? []) }));
}

/**
 * Goal attainment, drop-out and satisfaction per month of scoring and per route. `months` lists
 * the months to show (the period); scores outside them are left out everywhere.
 */
export function outcomes(rows: readonly OutcomeRow[], months: readonly string[]): Outcomes {
  const wanted = new Set(months);
  const own = rows.filter((r) => wanted.has(r.month));
  return {
    byMonth: grouped(own, months, (r) => r.month),
    byRoute: grouped(own, ROUTES, (r) => r.route),
    total: aggregateScores('totaal', own),
  };
}

/** The number of "onvoldoende" answers over the seven RIJ points of every score. */
export function insufficientRatings(a: ProviderAggregate): number {
  return a.criteria.reduce((sum, c) => sum + c.counts.onvoldoende, 0);
}

export interface ProviderOutcomes {
  /** One group per provider (key: provider id): the listed ones first, then the others. */
  readonly providers: readonly OutcomeGroup[];
  readonly total: ProviderAggregate;
}

/**
 * Performance per provider. `providerIds` are shown even without scores (the region's
 * providers); a provider from elsewhere with scores here is shown too.
 */
export function providerOutcomes(
  rows: readonly ScoreFigures[],
  providerIds: readonly string[],
): ProviderOutcomes {
  return {
    providers: aggregateByProvider(rows, providerIds).map((figures) => ({
      key: figures.providerId,
      figures,
    })),
    total: aggregateScores('totaal', rows),
  };
}
