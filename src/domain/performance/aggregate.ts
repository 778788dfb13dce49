/**
 * Provider performance per provider, from the scores given at closure (DOMAIN.md section 11,
 * "provider performance"): counts, means and medians, the share of drop-outs, the waiting time
 * and per RIJ point how the answers are spread. Every figure carries its n; small numbers are
 * shown as they are (suppressing small cells is a later concern). The input carries no case,
 * family or remark, so the aggregate cannot leak them.
 */
import {
  GOAL_RESULTS,
  PROVIDER_CRITERIA,
  RATINGS,
  goalShare,
  type CriterionKey,
  type GoalResult,
  type Rating,
} from './provider-score.js';

/** One score, reduced to what an aggregate may use. */
export interface ScoreFigures {
  readonly providerId: string;
  readonly satisfaction: number | null;
  readonly goals: readonly GoalResult[];
  readonly dropOut: boolean;
  readonly waitingDays: number | null;
  readonly ratings: Readonly<Partial<Record<CriterionKey, Rating>>>;
}

/** n, mean and median of a set of numbers; mean and median are null when n is 0. */
export interface Summary {
  readonly n: number;
  readonly mean: number | null;
  readonly median: number | null;
}

export interface ProviderAggregate {
  readonly providerId: string;
  /** Number of scores (one per case). */
  readonly n: number;
  readonly satisfaction: Summary & { readonly notAsked: number };
  readonly goals: {
    /** Scores with at least one goal. */
    readonly n: number;
    /** Mean over those scores of each score's share (bereikt 1, deels ½, niet bereikt 0). */
    readonly meanShare: number | null;
    /** Goals over all scores, by result. */
    readonly counts: Readonly<Record<GoalResult, number>>;
    readonly goalCount: number;
  };
  readonly dropOut: { readonly n: number; readonly count: number; readonly share: number | null };
  readonly waiting: Summary & { readonly unknown: number };
  /** In the source's order; n counts the answers other than "niet te beoordelen". */
  readonly criteria: readonly {
    readonly key: CriterionKey;
    readonly label: string;
    readonly n: number;
    readonly counts: Readonly<Record<Rating, number>>;
  }[];
}

/** n, mean and median (the mean of the middle two for an even n). */
export function summary(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { n: 0, mean: null, median: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median =
    n % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { n, mean: values.reduce((s, v) => s + v, 0) / n, median };
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The aggregate of one provider's scores (all given for that provider). */
export function aggregateScores(
  providerId: string,
  scores: readonly ScoreFigures[],
): ProviderAggregate {
  const asked = scores.flatMap((s) => (s.satisfaction === null ? [] : [s.satisfaction]));
  const shares = scores.flatMap((s) => {
    const share = goalShare(s.goals.map((result) => ({ result })));
    return share === null ? [] : [share];
  });
  const goalCounts = zeroes(GOAL_RESULTS);
  for (const s of scores) for (const g of s.goals) goalCounts[g] += 1;
  const waited = scores.flatMap((s) => (s.waitingDays === null ? [] : [s.waitingDays]));
  const dropOuts = scores.filter((s) => s.dropOut).length;
  return {
    providerId,
    n: scores.length,
    satisfaction: { ...summary(asked), notAsked: scores.length - asked.length },
    goals: {
      n: shares.length,
      meanShare: summary(shares).mean,
      counts: goalCounts,
      goalCount: scores.reduce((sum, s) => sum + s.goals.length, 0),
    },
    dropOut: {
      n: scores.length,
      count: dropOuts,
      share: scores.length === 0 ? null : dropOuts / scores.length,
    },
    waiting: { ...summary(waited), unknown: scores.length - waited.length },
    criteria: PROVIDER_CRITERIA.map((c) => {
      const counts = zeroes(RATINGS);
      for (const s of scores) {
        const rating = s.ratings[c.key];
        if (rating) counts[rating] += 1;
      }
      return {
        key: c.key,
        label: c.label,
        n: counts.goed + counts.voldoende + counts.onvoldoende,
        counts,
      };
    }),
  };
}

/**
 * One aggregate per provider. `providerIds` lists providers to show even without scores (n 0);
 * providers that have scores are always included. Order: as listed, then the others by id.
 */
export function aggregateByProvider(
  scores: readonly ScoreFigures[],
  providerIds: readonly string[] = [],
): ProviderAggregate[] {
  const byProvider = new Map<string, ScoreFigures[]>();
  for (const id of providerIds) byProvider.set(id, []);
  const others = [...new Set(scores.map((s) => s.providerId))]
    .filter((id) => !providerIds.includes(id))
    .sort();
  for (const id of others) byProvider.set(id, []);
  for (const s of scores) byProvider.get(s.providerId)?.push(s);
  return [...byProvider].map(([id, list]) => aggregateScores(id, list));
}
