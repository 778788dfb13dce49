/**
 * The deadlines kept per case in the database (issue 11, ADR 0029; migration 0049). A case's
 * row says what the rules engine answered at one case revision, under one version of its region
 * profile, on one local day; `domain/rules/kept-deadlines.ts` derives open or overdue from it at
 * any moment of that day. Rows are written here only: inline by readers that find them stale,
 * by the background sweep, and by the full recomputation after a profile change.
 *
 * Several writers may evaluate the same case at once. A row is stored only while the revision
 * it was evaluated at is still the case's revision, and never over a row of a later revision or
 * a later evaluation, so a slow, older evaluation cannot overwrite a newer one.
 */
import { sql, type Kysely } from 'kysely';
import {
  firstOverdueFrom,
  keepPending,
  ruleEffects,
  type KeptDeadline,
} from '../domain/rules/kept-deadlines.js';
import type { Profile } from '../domain/rules/index.js';
import { localDay } from '../domain/time/index.js';
import {
  NO_PROFILE_VERSION,
  profileVersionOf,
  profileVersions,
} from '../regions/profile-version.js';
import { engineRowsOf, evaluateCaseRow } from './engine-rows.js';
import type { Database } from './schema.js';

/** A case's kept deadlines as evaluated. */
export interface DeadlineState {
  readonly revision: string;
  readonly profileVersion: string;
  readonly day: number;
  readonly pending: readonly KeptDeadline[];
}

/** Cases read and evaluated per query; keeps each query's JSON and parameters small. */
const CHUNK = 500;

/**
 * Evaluates the listed cases at `now` and stores their kept deadlines (see the header for when
 * a row is not stored). Returns each evaluated case's state, including ones whose row a newer
 * write kept out: the answer is still the engine's for the revision read. Cases that no longer
 * exist are left out.
 */
export async function refreshDeadlineStates(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  caseIds: readonly string[],
  now: Date,
): Promise<Map<string, DeadlineState>> {
  const states = new Map<string, DeadlineState>();
  const day = localDay(now.getTime());
  const effects = new Map<string, ReadonlyMap<string, string>>();
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const rows = await engineRowsOf(db, caseIds.slice(i, i + CHUNK));
    if (rows.length === 0) continue;
    const records = rows.map((row) => {
      let regionEffects = effects.get(row.region);
      if (!regionEffects) {
        regionEffects = ruleEffects(profiles.get(row.region));
        effects.set(row.region, regionEffects);
      }
      const state: DeadlineState = {
        revision: String(row.revision),
        profileVersion: profileVersionOf(profiles, row.region),
        day,
        pending: keepPending(evaluateCaseRow(profiles, row, now), regionEffects),
      };
      states.set(row.id, state);
      const first = firstOverdueFrom(state.pending);
      return {
        case_id: row.id,
        revision: state.revision,
        profile_version: state.profileVersion,
        evaluated_day: day,
        evaluated_at: now.toISOString(),
        pending: state.pending,
        first_overdue_from: first === null ? null : new Date(first).toISOString(),
        next_due: nextDue(state.pending),
        overdue_from: state.pending.map((k) => k.overdueFrom),
      };
    });
    await storeStates(db, records);
  }
  return states;
}

/** The earliest due among pending deadlines, by text, as the work list orders them. */
function nextDue(pending: readonly KeptDeadline[]): string | null {
  let next: string | null = null;
  for (const k of pending) if (next === null || k.result.due < next) next = k.result.due;
  return next;
}

async function storeStates(db: Kysely<Database>, records: readonly object[]): Promise<void> {
  await sql`
    insert into case_deadline_state (
      case_id, revision, profile_version, evaluated_day, evaluated_at, pending, first_overdue_from,
      next_due, overdue_from
    )
    select r.case_id, r.revision, r.profile_version, r.evaluated_day, r.evaluated_at, r.pending,
      r.first_overdue_from, r.next_due, r.overdue_from
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(
      case_id uuid, revision bigint, profile_version text, evaluated_day integer,
      evaluated_at timestamptz, pending jsonb, first_overdue_from timestamptz, next_due text,
      overdue_from float8[]
    )
    join casus on casus.id = r.case_id and casus.revision = r.revision
    on conflict (case_id) do update set
      revision = excluded.revision,
      profile_version = excluded.profile_version,
      evaluated_day = excluded.evaluated_day,
      evaluated_at = excluded.evaluated_at,
      pending = excluded.pending,
      first_overdue_from = excluded.first_overdue_from,
      next_due = excluded.next_due,
      overdue_from = excluded.overdue_from
    where (case_deadline_state.revision, case_deadline_state.evaluated_at)
      <= (excluded.revision, excluded.evaluated_at)
  `.execute(db);
}

/**
 * Evaluates the cases written to since their deadlines were kept (queued by a trigger on every
 * new case revision, migration 0055), at most `limit`, and takes them off the queue. Several
 * instances may run this at once: each takes its own queued cases (skip locked). A case whose
 * evaluation fails stays stale; readers and the sweep evaluate it later.
 */
export async function refreshQueuedDeadlines(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
  limit: number,
): Promise<number> {
  const taken = await sql<{ case_id: string }>`
    delete from deadline_dirty where case_id in (
      select case_id from deadline_dirty limit ${limit} for update skip locked
    ) returning case_id
  `.execute(db);
  const ids = taken.rows.map((r) => r.case_id);
  if (ids.length > 0) await refreshDeadlineStates(db, profiles, ids, now);
  return ids.length;
}

/** Which cases a selection of stale ones covers. */
export interface StaleSelection {
  /** `open`: cases not closed; `closed`: closed ones; absent: both, open ones first. */
  readonly cases?: 'open' | 'closed';
  /** Only cases with an id after this one (keyset paging through one kind of case). */
  readonly afterId?: string;
  readonly limit: number;
}

/**
 * Whether the kept row `kept` of `casus` is stale at `now`: missing, or of another revision,
 * profile version or day. Select from `casus` left-joined to `case_deadline_state as kept`.
 */
export function staleCondition(profiles: ReadonlyMap<string, Profile>, now: Date) {
  const versions = JSON.stringify(Object.fromEntries(profileVersions(profiles)));
  return sql<boolean>`(
    kept.case_id is null
    or kept.revision <> casus.revision
    or kept.evaluated_day <> ${localDay(now.getTime())}
    or kept.profile_version <> coalesce(${versions}::jsonb ->> casus.region, ${NO_PROFILE_VERSION})
  )`;
}

/** The ids of cases whose kept deadlines are missing or stale at `now`, open cases first. */
export async function staleCaseIds(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
  selection: StaleSelection,
): Promise<string[]> {
  let query = db
    .selectFrom('casus')
    .leftJoin('case_deadline_state as kept', 'kept.case_id', 'casus.id')
    .select('casus.id')
    .where(staleCondition(profiles, now));
  if (selection.cases === 'open') query = query.where('casus.closed_at', 'is', null);
  if (selection.cases === 'closed') query = query.where('casus.closed_at', 'is not', null);
  if (selection.afterId !== undefined) query = query.where('casus.id', '>', selection.afterId);
  const rows = await query
    .orderBy(sql`casus.closed_at is null`, 'desc')
    .orderBy('casus.id')
    .limit(selection.limit)
    .execute();
  return rows.map((r) => r.id);
}

/** How many cases' kept deadlines are missing or stale at `now`. */
export async function countStaleCases(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<number> {
  const row = await db
    .selectFrom('casus')
    .leftJoin('case_deadline_state as kept', 'kept.case_id', 'casus.id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(staleCondition(profiles, now))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many kept rows were evaluated under another version of their region's profile. */
export async function countProfileChanged(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
): Promise<number> {
  const versions = JSON.stringify(Object.fromEntries(profileVersions(profiles)));
  const row = await db
    .selectFrom('case_deadline_state as kept')
    .innerJoin('casus', 'casus.id', 'kept.case_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(
      sql<boolean>`kept.profile_version <> coalesce(${versions}::jsonb ->> casus.region, ${NO_PROFILE_VERSION})`,
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A full recomputation of the kept deadlines, as recorded. */
export interface RecomputeRun {
  readonly id: string;
  readonly reason: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly error: string | null;
}

const runColumns = [
  'id',
  'reason',
  'started_at',
  'finished_at',
  'total',
  'done',
  'failed',
  'error',
] as const;

function presentRun(row: {
  id: string;
  reason: string;
  started_at: Date;
  finished_at: Date | null;
  total: number;
  done: number;
  failed: number;
  error: string | null;
}): RecomputeRun {
  return {
    id: row.id,
    reason: row.reason,
    startedAt: new Date(row.started_at),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
    total: Number(row.total),
    done: Number(row.done),
    failed: Number(row.failed),
    error: row.error,
  };
}

/** The most recently started recomputation, or null when there has been none. */
export async function latestRecomputeRun(db: Kysely<Database>): Promise<RecomputeRun | null> {
  const row = await db
    .selectFrom('deadline_recompute_run')
    .select(runColumns)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? presentRun(row) : null;
}

/** Records a new run of `total` cases. */
export async function startRecomputeRun(
  db: Kysely<Database>,
  reason: string,
  total: number,
  now: Date,
): Promise<RecomputeRun> {
  const row = await db
    .insertInto('deadline_recompute_run')
    .values({ reason, started_at: now, total })
    .returning(runColumns)
    .executeTakeFirstOrThrow();
  return presentRun(row);
}

/** Records a run's progress, and its end when `finishedAt` is given. */
export async function recordRecomputeProgress(
  db: Kysely<Database>,
  runId: string,
  progress: {
    readonly total: number;
    readonly done: number;
    readonly failed: number;
    readonly error?: string | null;
    readonly finishedAt?: Date;
  },
): Promise<void> {
  await db
    .updateTable('deadline_recompute_run')
    .set({
      total: progress.total,
      done: progress.done,
      failed: progress.failed,
      ...(progress.error === undefined ? {} : { error: progress.error }),
      ...(progress.finishedAt ? { finished_at: progress.finishedAt } : {}),
    })
    .where('id', '=', runId)
    .execute();
}
