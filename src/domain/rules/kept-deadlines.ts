/**
 * Deadlines kept between evaluations (issue 11, ADR 0029). The engine's answer for a case only
 * changes when the case changes (its revision), when its region profile changes, or when the
 * local day changes (rules in force, ages) — except for one thing: an unmet deadline falls due.
 * So a kept entry holds each unmet deadline with the instant from which it counts as overdue,
 * and a reader derives open or overdue at any moment of the evaluation day exactly as the engine
 * would, without the engine.
 */
import { parseIsoDate, parseInstant, startOfLocalDay } from '../time/index.js';
import type { DeadlineResult, DeadlineStatus, Profile } from './types.js';

/** An unmet deadline as kept: the engine's result without its status (and without `effect`). */
export interface KeptDeadline {
  readonly result: Omit<DeadlineResult, 'status' | 'effect'>;
  /**
   * The first instant (ms) at which the deadline is overdue: for a day deadline the start of the
   * next Europe/Amsterdam day, for an hour deadline the millisecond after the due instant (the
   * engine calls it overdue when the moment of evaluation is past the due instant).
   */
  readonly overdueFrom: number;
  /** What missing it means (RIJ-TERM-SUSPEND); the engine adds it once the deadline is overdue. */
  readonly effect?: string;
}

/** What a kept entry was evaluated under; it is stale when any of these differs from now's. */
export interface EvaluationKey {
  readonly revision: string;
  readonly profileVersion: string;
  /** The local day (day number) of the evaluation. */
  readonly day: number;
}

/**
 * The first instant (ms) at which a deadline due at `due` — a local date `YYYY-MM-DD` or an ISO
 * instant for hour-based deadlines, as the engine returns it — counts as overdue.
 */
export function overdueFrom(due: string): number {
  if (due.length > 10) {
    const at = parseInstant(due);
    if (at === null) throw new RangeError(`not an instant: ${due}`);
    return at + 1;
  }
  const day = parseIsoDate(due);
  if (day === null) throw new RangeError(`not a date: ${due}`);
  return startOfLocalDay(day + 1);
}

/** The `effect` a profile's deadline rule adds once it is missed, by rule ID. */
export function ruleEffects(profile: Profile | undefined): ReadonlyMap<string, string> {
  const effects = new Map<string, string>();
  for (const rule of profile?.rules ?? [])
    if (rule.kind === 'deadline' && rule.effect) effects.set(rule.id, rule.effect);
  return effects;
}

/** The deadlines of an evaluation that are not met yet, in the engine's order, as kept. */
export function keepPending(
  results: readonly DeadlineResult[],
  effects: ReadonlyMap<string, string>,
): KeptDeadline[] {
  const kept: KeptDeadline[] = [];
  for (const d of results) {
    if (d.status !== 'open' && d.status !== 'overdue') continue;
    const { rule, child, start, due, metAt, source, sequence, purpose, override } = d;
    const result = {
      rule,
      child,
      start,
      due,
      metAt,
      source,
      ...(sequence === undefined ? {} : { sequence }),
      ...(purpose === undefined ? {} : { purpose }),
      ...(override === undefined ? {} : { override }),
    };
    const effect = effects.get(d.rule);
    kept.push({ result, overdueFrom: overdueFrom(d.due), ...(effect ? { effect } : {}) });
  }
  return kept;
}

/** A kept deadline's status at `nowMs`. */
export function keptStatus(
  kept: KeptDeadline,
  nowMs: number,
): Extract<DeadlineStatus, 'open' | 'overdue'> {
  return nowMs >= kept.overdueFrom ? 'overdue' : 'open';
}

/**
 * The engine's results for the kept deadlines at `nowMs` (on the evaluation day), earliest due
 * first: dates and instants sort together by their text, ties keep the engine's order.
 */
export function pendingAt(kept: readonly KeptDeadline[], nowMs: number): DeadlineResult[] {
  return kept
    .map((k): DeadlineResult => {
      const status = keptStatus(k, nowMs);
      const { rule, child, start, due, metAt, source, override, ...extra } = k.result;
      return {
        rule,
        child,
        start,
        due,
        status,
        metAt,
        source,
        ...extra,
        ...(status === 'overdue' && k.effect ? { effect: k.effect } : {}),
        ...(override ? { override } : {}),
      };
    })
    .sort((a, b) => a.due.localeCompare(b.due));
}

/** The earliest instant at which one of the kept deadlines is overdue, or null when none are kept. */
export function firstOverdueFrom(kept: readonly KeptDeadline[]): number | null {
  let first: number | null = null;
  for (const k of kept) if (first === null || k.overdueFrom < first) first = k.overdueFrom;
  return first;
}

/** Whether an entry evaluated under `kept` no longer says what the engine would say under `now`. */
export function isStale(kept: EvaluationKey | null | undefined, now: EvaluationKey): boolean {
  return (
    !kept ||
    kept.revision !== now.revision ||
    kept.profileVersion !== now.profileVersion ||
    kept.day !== now.day
  );
}
