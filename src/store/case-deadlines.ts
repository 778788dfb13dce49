/**
 * Each case's evaluated deadlines, kept in memory under the case's revision (ADR 0025), for the
 * management figures. (The work list and the digest read the state kept in the database
 * instead — `deadline-state.ts`, ADR 0029; this cache also keeps met deadlines and first events,
 * which the figures count and that table does not hold.) Reading every event of a region's 20,000 cases and running the engine
 * over them on every dashboard request takes seconds; the revision (migration 0039, kept by
 * database triggers) says which cases changed since they were last evaluated, and only those
 * are read and evaluated again.
 *
 * An entry is also renewed once per local day, because the engine reads the day (rules in force,
 * age-based decisions). Within the day only one thing can change without a write: an unmet
 * deadline falls due. So an entry keeps whether and how a deadline was met, and `statusAt`
 * derives open or overdue at the moment of reading, exactly as the engine would.
 */
import type { Kysely } from 'kysely';
import type { DeadlineStatus, Profile } from '../domain/rules/index.js';
import { localDay, parseIsoDate } from '../domain/time/index.js';
import type { Database } from './schema.js';
import { engineRowsOf, evaluateCaseRow } from './engine-rows.js';

/** One deadline result, reduced to what the figures count. */
export interface CaseDeadline {
  readonly rule: string;
  /** The local day the deadline falls due. */
  readonly dueDay: number;
  /** For hour-based deadlines the instant (ms) it falls due; null for day-based ones. */
  readonly dueAt: number | null;
  /** How it was met, or null while it is not. */
  readonly met: 'met' | 'met-late' | null;
}

export interface CaseEvaluation {
  readonly revision: string;
  /** The local day the engine evaluated the case on. */
  readonly day: number;
  readonly deadlines: readonly CaseDeadline[];
  /** The first `aanmelding` and `start-hulp` events (ms), null when there is none. */
  readonly firstRegistration: number | null;
  readonly firstHelpStart: number | null;
}

/** A deadline's status at `now`, as the engine would report it then. */
export function statusAt(d: CaseDeadline, now: Date): DeadlineStatus {
  if (d.met !== null) return d.met;
  return (d.dueAt === null ? localDay(now.getTime()) > d.dueDay : now.getTime() > d.dueAt)
    ? 'overdue'
    : 'open';
}

/** Entries per database and profile set (tests open many databases in one process). */
const caches = new WeakMap<object, WeakMap<object, Map<string, CaseEvaluation>>>();
/** Far above a country's open and recent cases; past it the cache starts over. */
const MAX_ENTRIES = 500_000;
const CHUNK = 2000;

function cacheFor(db: object, profiles: object): Map<string, CaseEvaluation> {
  let perDb = caches.get(db);
  if (!perDb) {
    perDb = new WeakMap();
    caches.set(db, perDb);
  }
  let cache = perDb.get(profiles);
  if (!cache) {
    cache = new Map();
    perDb.set(profiles, cache);
  }
  return cache;
}

function firstOf(events: readonly [string, number, ...unknown[]][] | null, type: string) {
  let first: number | null = null;
  for (const [t, at] of events ?? []) if (t === type && (first === null || at < first)) first = at;
  return first === null ? null : Math.round(first);
}

/**
 * The evaluation of each listed case at `now`, re-reading and re-evaluating only the cases
 * whose revision or day differs from the kept entry. Cases that no longer exist are left out.
 */
export async function keptCaseDeadlines(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  cases: readonly { readonly id: string; readonly revision: string }[],
  now: Date,
): Promise<Map<string, CaseEvaluation>> {
  const cache = cacheFor(db, profiles);
  const day = localDay(now.getTime());
  const stale = cases.filter((c) => {
    const kept = cache.get(c.id);
    return !kept || kept.revision !== c.revision || kept.day !== day;
  });
  if (cache.size + stale.length > MAX_ENTRIES) cache.clear();
  for (const c of stale) cache.delete(c.id);
  for (let i = 0; i < stale.length; i += CHUNK) {
    const ids = stale.slice(i, i + CHUNK).map((c) => c.id);
    const rows = await engineRowsOf(db, ids);
    for (const row of rows) {
      const deadlines = evaluateCaseRow(profiles, row, now).map((d): CaseDeadline => {
        const hourly = d.due.length > 10;
        return {
          rule: d.rule,
          dueDay: parseIsoDate(d.due.slice(0, 10)) ?? 0,
          dueAt: hourly ? Date.parse(d.due) : null,
          met: d.status === 'met' || d.status === 'met-late' ? d.status : null,
        };
      });
      const evaluation: CaseEvaluation = {
        revision: row.revision,
        day,
        deadlines,
        firstRegistration: firstOf(row.events, 'aanmelding'),
        firstHelpStart: firstOf(row.events, 'start-hulp'),
      };
      cache.set(row.id, evaluation);
    }
  }
  const result = new Map<string, CaseEvaluation>();
  for (const c of cases) {
    const e = cache.get(c.id);
    if (e) result.set(c.id, e);
  }
  return result;
}
