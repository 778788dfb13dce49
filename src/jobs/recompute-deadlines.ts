/**
 * Upkeep of the kept deadlines (issue 11, ADR 0029), as plain async functions for the job queue
 * and the `casusregie termijnen-herberekenen` command:
 *
 * - `refreshStaleDeadlines`: a sweep that evaluates cases whose kept state is missing or stale
 *   (written since, or evaluated on an earlier day), open cases first, so readers seldom find a
 *   stale row (run it often, and just after midnight).
 * - `recomputeAllDeadlines`: after a profile change, every case whose state is stale, in
 *   batches, with its progress recorded in `deadline_recompute_run` for the work list to show.
 *   It only touches stale cases, so running it again, or after a crash, does the remainder:
 *   an unfinished run is continued rather than a second one started.
 *
 * Readers stay correct meanwhile: they evaluate the stale cases they show inline.
 */
import type { Kysely } from 'kysely';
import type { Profile } from '../domain/rules/index.js';
import { writeSystemAudit } from '../store/audit.js';
import {
  countProfileChanged,
  countStaleCases,
  latestRecomputeRun,
  recordRecomputeProgress,
  refreshDeadlineStates,
  staleCaseIds,
  startRecomputeRun,
  type RecomputeRun,
} from '../store/deadline-state.js';
import type { Database } from '../store/schema.js';

/** Evaluates up to `limit` cases whose kept deadlines are missing or stale; returns how many. */
export async function refreshStaleDeadlines(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
  options: { readonly limit: number },
): Promise<number> {
  const ids = await staleCaseIds(db, profiles, now, { limit: options.limit });
  await refreshDeadlineStates(db, profiles, ids, now);
  return ids.length;
}

/**
 * Why a full recomputation is due now, or null when every kept row is fresh: an unfinished run
 * goes on under its own reason; a changed region profile is `profielwijziging`; otherwise stale
 * rows (a new day, writes the sweep has not reached, a first start) are `bijwerken`.
 */
export async function recomputeReason(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<string | null> {
  const latest = await latestRecomputeRun(db);
  if (latest && latest.finishedAt === null) return latest.reason;
  if ((await countProfileChanged(db, profiles)) > 0) return 'profielwijziging';
  return (await countStaleCases(db, profiles, now)) > 0 ? 'bijwerken' : null;
}

export interface RecomputeProgress {
  readonly runId: string;
  readonly total: number;
  readonly done: number;
  readonly failed: number;
}

export interface RecomputeOptions {
  readonly batchSize?: number;
  /** Why the run started, shown to users ("profielwijziging"). */
  readonly reason?: string;
  readonly onProgress?: (progress: RecomputeProgress) => void;
  /** The moment each batch is evaluated at; by default `now` throughout. */
  readonly clock?: { now(): Date };
}

const DEFAULT_BATCH = 500;

/**
 * Evaluates every case whose kept deadlines are stale, open cases first, recording progress per
 * batch. Continues the latest run when it did not finish; otherwise starts one. A batch that
 * fails is counted as failed (its error recorded) and the run goes on; the sweep or a reader
 * evaluates those cases later.
 */
export async function recomputeAllDeadlines(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
  options: RecomputeOptions = {},
): Promise<RecomputeRun> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const clock = options.clock ?? { now: () => now };
  const remaining = await countStaleCases(db, profiles, now);
  const latest = await latestRecomputeRun(db);
  const run =
    latest && latest.finishedAt === null
      ? latest
      : await startRecomputeRun(db, options.reason ?? 'profielwijziging', remaining, now);
  let done = run === latest ? run.done : 0;
  let failed = run === latest ? run.failed : 0;
  let error: string | null = run.error;
  const total = done + failed + remaining;
  const report = async (finishedAt?: Date) => {
    await recordRecomputeProgress(db, run.id, {
      total,
      done,
      failed,
      error,
      ...(finishedAt ? { finishedAt } : {}),
    });
    options.onProgress?.({ runId: run.id, total, done, failed });
  };
  await report();

  // Keyset paging per kind of case visits each case once, even one that keeps failing.
  for (const cases of ['open', 'closed'] as const) {
    let afterId: string | undefined;
    for (;;) {
      const ids = await staleCaseIds(db, profiles, now, {
        cases,
        limit: batchSize,
        ...(afterId === undefined ? {} : { afterId }),
      });
      if (ids.length === 0) break;
      afterId = ids[ids.length - 1];
      try {
        await refreshDeadlineStates(db, profiles, ids, clock.now());
        done += ids.length;
      } catch (e) {
        failed += ids.length;
        error = e instanceof Error ? e.message : String(e);
      }
      // Cases written to during the run become stale again and are counted once more.
      done = Math.min(done, total - failed);
      await report();
    }
  }
  const finishedAt = clock.now();
  await report(finishedAt);
  await writeSystemAudit(db, {
    action: 'termijnen.herberekenen',
    details: { run: run.id, reason: run.reason, total, done, failed },
  });
  return { ...run, total, done, failed, error, finishedAt };
}
