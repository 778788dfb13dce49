/**
 * The job queue (issue 11, ADR 0027): background jobs in the application's own database through
 * pg-boss, so several instances can run side by side and each job runs on one of them. Jobs are
 * named and registered with their handler in a `JobRegistry`; `startJobQueue` creates a queue per
 * job, starts the workers, puts the cron schedules in the database (pg-boss sends a scheduled job
 * once per slot, however many instances check the clock) and sends the jobs that run at start.
 *
 * On a PostgreSQL server pg-boss has its own small pool. On the embedded PGlite it goes through
 * the application's Kysely connection (see `pgliteQueueDb`).
 *
 * Delivery is at least once: a job whose instance dies while running it is run again after its
 * expiry, so every handler must be safe to run twice.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import pg from 'pg';
import PgBoss from 'pg-boss';

/** The default PostgreSQL schema of the queue's own tables. */
export const QUEUE_SCHEMA = 'pgboss';

/** Every cron schedule is read in the zone the users live in. */
export const SCHEDULE_TIME_ZONE = 'Europe/Amsterdam';

export interface QueuedJob {
  readonly id: string;
  readonly name: string;
  readonly data: unknown;
}

export type JobHandler = (job: QueuedJob) => Promise<void>;

export interface JobOptions {
  /** What the job does, in Dutch (one line, for the log). */
  readonly description: string;
  /** Cron expression (five fields, Europe/Amsterdam): run on this schedule, once over all instances. */
  readonly cron?: string;
  /**
   * Also run once when an instance starts, e.g. for the days the server was down. Instances that
   * start within the same ten minutes share one run.
   */
  readonly atStart?: boolean;
  /** Retries after a failure before the job is marked failed. */
  readonly retryLimit?: number;
  readonly retryDelaySeconds?: number;
  /** A running job that takes longer counts as failed (and is retried). */
  readonly expireInSeconds?: number;
  /** Jobs fetched at once by this instance's worker; each still succeeds or fails on its own. */
  readonly batchSize?: number;
  /** How often an idle worker looks for new jobs (pg-boss minimum: 0.5). */
  readonly pollingIntervalSeconds?: number;
  /** Workers for this job in each instance, each fetching its own batches. */
  readonly concurrency?: number;
}

export interface JobDefinition extends Required<Omit<JobOptions, 'cron'>> {
  readonly name: string;
  readonly cron: string | null;
  readonly handler: JobHandler;
}

const DEFAULTS = {
  atStart: false,
  retryLimit: 2,
  retryDelaySeconds: 60,
  expireInSeconds: 15 * 60,
  batchSize: 1,
  pollingIntervalSeconds: 2,
  concurrency: 1,
} as const;

/** The named jobs this instance knows; the extension point for new background work. */
export class JobRegistry {
  readonly #jobs = new Map<string, JobDefinition>();

  registerJob(name: string, handler: JobHandler, options: JobOptions): this {
    if (this.#jobs.has(name)) throw new Error(`job ${name} is already registered`);
    this.#jobs.set(name, { ...DEFAULTS, ...options, name, handler, cron: options.cron ?? null });
    return this;
  }

  get jobs(): readonly JobDefinition[] {
    return [...this.#jobs.values()];
  }
}

/**
 * pg-boss's database adapter over the embedded PGlite. PGlite is one connection: a query sent to
 * it directly would land inside whatever transaction Kysely has open on it. So every statement of
 * pg-boss waits for Kysely's (single) connection and holds it while it runs; pg-boss's scripts of
 * several statements (install, migration) run through PGlite's `exec`, and are rolled back when
 * they fail. Do not send a job from
 * inside a Kysely transaction on PGlite: the send would wait for the transaction that waits for it.
 */
export function pgliteQueueDb(
  // The adapter never touches a table through Kysely, so any database shape will do.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  pglite: PGlite,
): PgBoss.Db {
  return {
    executeSql: (text, values) =>
      db.connection().execute(async () => {
        if (values && values.length > 0) return pglite.query(text, values);
        try {
          const results = await pglite.exec(text);
          return results[results.length - 1] ?? { rows: [] };
        } catch (error) {
          // A script that failed after its BEGIN (e.g. a second instance installing the queue's
          // tables, which pg-boss expects to fail) would leave the one connection in an aborted
          // transaction.
          await pglite.exec('rollback');
          throw error;
        }
      }),
  };
}

export type QueueConnection =
  | { readonly kind: 'postgres'; readonly url: string }
  | {
      readonly kind: 'pglite';
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      readonly db: Kysely<any>;
      readonly pglite: PGlite;
    };

export interface JobQueueOptions {
  readonly connection: QueueConnection;
  readonly registry: JobRegistry;
  /** PostgreSQL schema for the queue's tables (default `pgboss`). */
  readonly schema?: string;
  /**
   * false: a web-only instance (`JOBS=uit`): the queues exist and jobs can be sent, but this
   * instance runs no job and keeps no schedule.
   */
  readonly work?: boolean;
  /** How often (seconds) this instance checks whether a scheduled job is due (pg-boss: 30). */
  readonly cronCheckSeconds?: number;
  /** Where failures go (Dutch lines); default stderr. */
  readonly logError?: (line: string) => void;
}

export interface JobQueue {
  /** Sends a job to a registered queue; returns its id (null when a singleton suppressed it). */
  send(name: string, data?: object, options?: PgBoss.SendOptions): Promise<string | null>;
  /** The pg-boss instance, for inspection (job states) in tests and tools. */
  readonly boss: PgBoss;
  /** Stops fetching, waits for running jobs (up to `timeoutMs`) and closes the queue's pool. */
  stop(timeoutMs?: number): Promise<void>;
}

const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** First key of the startup lock (the second is the queue schema's hash). */
const STARTUP_LOCK = 2027;

/**
 * Makes the instances on one PostgreSQL server set up the queue one after the other. pg-boss
 * creates a queue with a row and a table partition in one transaction; two instances doing that
 * at once deadlock (seen here when two started together). PGlite has one connection: no need.
 */
async function startupLock(url: string, schema: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url, application_name: 'casusregie-jobs' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1, hashtext($2))', [STARTUP_LOCK, schema]);
  } catch (error) {
    await client.end();
    throw error;
  }
  // Ending the session releases the lock.
  return () => client.end();
}

/** Starts the queue (installing or updating its tables when needed) and, unless told not to, the work. */
export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const work = options.work ?? true;
  const logError = options.logError ?? ((line: string) => process.stderr.write(`${line}\n`));
  const schema = options.schema ?? QUEUE_SCHEMA;
  const boss = new PgBoss({
    schema,
    ...(options.connection.kind === 'postgres'
      ? { connectionString: options.connection.url, max: 4, application_name: 'casusregie-jobs' }
      : { db: pgliteQueueDb(options.connection.db, options.connection.pglite) }),
    // Maintenance (expiry, archiving) and the clock for schedules: only on instances that work.
    supervise: work,
    schedule: work,
    cronMonitorIntervalSeconds: options.cronCheckSeconds ?? 30,
    cronWorkerIntervalSeconds: Math.min(5, options.cronCheckSeconds ?? 5),
  });
  boss.on('error', (error) => logError(`Takenwachtrij: fout (${errorText(error)})`));
  const unlock =
    options.connection.kind === 'postgres'
      ? await startupLock(options.connection.url, schema)
      : () => Promise.resolve();
  const jobs = options.registry.jobs;
  try {
    await boss.start();
    for (const job of jobs) {
      // createQueue does nothing when the queue exists; updateQueue applies changed retry
      // settings of a newer version.
      await boss.createQueue(job.name);
      await boss.updateQueue(job.name, {
        name: job.name,
        retryLimit: job.retryLimit,
        retryDelay: job.retryDelaySeconds,
        expireInSeconds: job.expireInSeconds,
      });
    }
    if (work) {
      for (const job of jobs) {
        for (let n = 0; n < job.concurrency; n += 1)
          await boss.work<unknown>(
            job.name,
            { batchSize: job.batchSize, pollingIntervalSeconds: job.pollingIntervalSeconds },
            (batch) => runBatch(boss, job, batch, logError),
          );
        if (job.cron !== null)
          await boss.schedule(job.name, job.cron, {}, { tz: SCHEDULE_TIME_ZONE });
      }
      for (const job of jobs.filter((j) => j.atStart))
        await boss.send(job.name, {}, { singletonKey: 'bij-start', singletonMinutes: 10 });
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  } finally {
    await unlock();
  }

  return {
    boss,
    send: (name, data = {}, sendOptions = {}) => boss.send(name, data, sendOptions),
    stop: (timeoutMs = 30_000) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs }),
  };
}

/**
 * Runs a fetched batch one job at a time: a failing job is failed (and retried by pg-boss) on
 * its own; pg-boss completes the others when the batch returns.
 */
async function runBatch(
  boss: PgBoss,
  job: JobDefinition,
  batch: readonly PgBoss.Job<unknown>[],
  logError: (line: string) => void,
): Promise<void> {
  for (const item of batch) {
    try {
      await job.handler({ id: item.id, name: item.name, data: item.data });
    } catch (error) {
      logError(`${job.description} mislukt: ${errorText(error)}`);
      await boss.fail(job.name, item.id, { message: errorText(error) });
    }
  }
}
