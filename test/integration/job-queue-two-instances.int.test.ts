/**
 * Issue 11, done when: "Two instances process a queue of 10,000 jobs with no job run twice."
 * Two separate OS processes (test/support/job-queue-worker.ts) each run the job queue's worker
 * on the same PostgreSQL database and schema; this test sends 10,000 jobs and waits until they
 * are completed. Every run of the handler leaves a row (job id, instance) in a table without a
 * unique constraint, so a job run twice would show as two rows. Needs a PostgreSQL server (two
 * processes cannot share the embedded PGlite): runs when TEST_DATABASE_URL is set, like the
 * PostgreSQL half of every other integration test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRegistry, startJobQueue, type JobQueue } from '../../src/jobs/queue.js';
import { TEST_JOB, TEST_JOB_OPTIONS } from '../support/job-queue-worker.js';
import { openDatabase, type OpenDatabase } from '../../src/store/db.js';
import { engines } from './databases.js';

const JOBS = 10_000;
const WORKER = fileURLToPath(new URL('../support/job-queue-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts one instance and resolves when it says it is working. */
function startInstance(url: string, schema: string, instance: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: {
      ...process.env,
      JOB_TEST_URL: url,
      JOB_TEST_SCHEMA: schema,
      JOB_TEST_INSTANCE: instance,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('gereed')) resolve(child);
    });
    child.on('exit', (code) =>
      reject(new Error(`instance ${instance} exited (${code}): ${errors}`)),
    );
  });
}

/** Ends a child: SIGTERM, and SIGKILL when it has not gone within five seconds. */
async function endInstance(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}

describe.runIf(engines.includes('postgres'))(
  'two instances (OS processes) sharing one job queue on postgres',
  () => {
    const url = process.env['TEST_DATABASE_URL'] as string;
    const schema = `jq_${randomBytes(6).toString('hex')}`;
    let pool: pg.Pool;
    const children: ChildProcess[] = [];
    let sender: JobQueue | null = null;

    beforeAll(async () => {
      pool = new pg.Pool({ connectionString: url, max: 2 });
      await pool.query(`create schema "${schema}"`);
      await pool.query(
        `create table "${schema}".job_run (job_id uuid not null, instance text not null)`,
      );
      // Both start together, as two instances of a deployment would.
      const started = await Promise.allSettled([
        startInstance(url, schema, 'a'),
        startInstance(url, schema, 'b'),
      ]);
      for (const result of started) if (result.status === 'fulfilled') children.push(result.value);
      for (const result of started) if (result.status === 'rejected') throw result.reason;
      // This process only sends (a web-only instance, JOBS=uit).
      sender = await startJobQueue({
        connection: { kind: 'postgres', url },
        registry: new JobRegistry().registerJob(
          TEST_JOB,
          () => Promise.resolve(),
          TEST_JOB_OPTIONS,
        ),
        schema,
        work: false,
      });
    });

    afterAll(async () => {
      await Promise.all(children.map(endInstance));
      await sender?.stop(1_000);
      await pool.query(`drop schema if exists "${schema}" cascade`);
      await pool.end();
    });

    it('runs each of 10,000 jobs exactly once, spread over both instances', async () => {
      const boss = (sender as JobQueue).boss;
      const started = Date.now();
      for (let from = 0; from < JOBS; from += 1_000)
        await boss.insert(
          Array.from({ length: Math.min(1_000, JOBS - from) }, (_, i) => ({
            name: TEST_JOB,
            data: { n: from + i },
          })),
        );
      const completed = async () =>
        Number(
          (
            await pool.query<{ n: string }>(
              `select count(*) as n from "${schema}".job where name = $1 and state = 'completed'`,
              [TEST_JOB],
            )
          ).rows[0]?.n,
        );
      while ((await completed()) < JOBS) {
        if (Date.now() - started > 60_000) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const seconds = (Date.now() - started) / 1000;

      const runs = await pool.query<{ instance: string; runs: string; jobs: string }>(
        `select instance, count(*) as runs, count(distinct job_id) as jobs
         from "${schema}".job_run group by rollup(instance) order by instance nulls last`,
      );
      const states = await pool.query<{ state: string; n: string }>(
        `select state, count(*) as n from "${schema}".job where name = $1 group by state`,
        [TEST_JOB],
      );
      const byInstance = Object.fromEntries(
        runs.rows.map((r) => [
          r.instance ?? 'totaal',
          { runs: Number(r.runs), jobs: Number(r.jobs) },
        ]),
      );
      process.stdout.write(
        `10.000 taken, twee instanties: ${seconds.toFixed(1)} s; a ${byInstance['a']?.runs ?? 0}, b ${byInstance['b']?.runs ?? 0}\n`,
      );

      expect(byInstance['totaal']).toEqual({ runs: JOBS, jobs: JOBS });
      expect(byInstance['a']?.runs).toBeGreaterThan(0);
      expect(byInstance['b']?.runs).toBeGreaterThan(0);
      expect(Object.fromEntries(states.rows.map((r) => [r.state, Number(r.n)]))).toEqual({
        completed: JOBS,
      });
    });
  },
);

// The embedded PGlite lives in one process, so there the two instances are two queues in one
// process over the same database: still two pg-boss workers competing for the same jobs.
describe('two job queues over one PGlite database', () => {
  const jobs = 1_000;
  let opened: OpenDatabase;
  const queues: JobQueue[] = [];

  beforeAll(async () => {
    opened = await openDatabase();
    await sql`create table job_run (job_id uuid not null, instance text not null)`.execute(
      opened.db,
    );
    for (const instance of ['a', 'b']) {
      const registry = new JobRegistry().registerJob(
        TEST_JOB,
        async (job) => {
          await sql`insert into job_run (job_id, instance) values (${job.id}, ${instance})`.execute(
            opened.db,
          );
        },
        { ...TEST_JOB_OPTIONS, batchSize: 50 },
      );
      queues.push(
        await startJobQueue({
          connection: { kind: 'pglite', db: opened.db, pglite: opened.pglite as PGlite },
          registry,
        }),
      );
    }
  });

  afterAll(async () => {
    for (const queue of queues) await queue.stop(1_000);
    await opened.close();
  });

  it('runs each of 1,000 jobs exactly once, spread over both', async () => {
    const boss = (queues[0] as JobQueue).boss;
    await boss.insert(Array.from({ length: jobs }, (_, n) => ({ name: TEST_JOB, data: { n } })));
    const states = () =>
      sql<{ state: string; n: string }>`
        select state, count(*) as n from pgboss.job where name = ${TEST_JOB} group by state
      `.execute(opened.db);
    const started = Date.now();
    for (;;) {
      const rows = (await states()).rows;
      if (rows.length === 1 && rows[0]?.state === 'completed') break;
      if (Date.now() - started > 60_000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const runs = await sql<{ instance: string | null; runs: string; jobs: string }>`
      select instance, count(*) as runs, count(distinct job_id) as jobs
      from job_run group by rollup(instance)
    `.execute(opened.db);
    const byInstance = Object.fromEntries(
      runs.rows.map((r) => [
        r.instance ?? 'totaal',
        { runs: Number(r.runs), jobs: Number(r.jobs) },
      ]),
    );
    expect(byInstance['totaal']).toEqual({ runs: jobs, jobs });
    expect(byInstance['a']?.runs).toBeGreaterThan(0);
    expect(byInstance['b']?.runs).toBeGreaterThan(0);
    expect(Object.fromEntries((await states()).rows.map((r) => [r.state, Number(r.n)]))).toEqual({
      completed: jobs,
    });
  });
});
