/**
 * The job queue (issue 11, ADR 0027) on PGlite and, with TEST_DATABASE_URL, PostgreSQL: a sent
 * job runs its handler, a scheduled job runs on its schedule, a failing job is retried and then
 * marked failed; the product's jobs (digest, lapse of suspensions, retention, sealing the access
 * log) are registered with their schedules in Europe/Amsterdam; the start-up runs of the lapse
 * and retention checks happen once for two instances starting together; and a web-only
 * instance (JOBS=uit) sends jobs but runs none and schedules none.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from '../../src/jobs/digest.js';
import { JOB_NAMES, registerProductJobs } from '../../src/jobs/product-jobs.js';
import {
  JobRegistry,
  startJobQueue,
  type JobQueue,
  type JobQueueOptions,
} from '../../src/jobs/queue.js';
import { loadProfiles } from '../../src/regions/load.js';
import { writeSystemAudit } from '../../src/store/audit.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { engines, freshDatabase } from './databases.js';

const quietMailer: Mailer = { send: () => Promise.resolve(), close: () => undefined };

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(engines)('the job queue on %s', (engine) => {
  let opened: OpenDatabase;
  let schema: string;
  let connection: JobQueueOptions['connection'];
  const queues: JobQueue[] = [];
  const received: unknown[] = [];
  let scheduledRuns = 0;
  let failingAttempts = 0;
  const errors: string[] = [];

  /** One application instance: the product's jobs plus the test's own. */
  const instance = async (work: boolean, extra?: (registry: JobRegistry) => void) => {
    const registry = new JobRegistry();
    registerProductJobs(registry, {
      db: opened.db,
      profiles: loadProfiles(),
      now: () => new Date(),
      digestHour: 7,
      digest: {
        mailer: quietMailer,
        options: { from: 'Casusregie <test@localhost>', baseUrl: null, workingDays: 3 },
      },
      log: () => undefined,
    });
    extra?.(registry);
    const queue = await startJobQueue({
      connection,
      registry,
      schema,
      work,
      cronCheckSeconds: 1,
      logError: (line) => errors.push(line),
    });
    queues.push(queue);
    return queue;
  };

  const jobState = async (queue: JobQueue, name: string, id: string) =>
    (await queue.boss.getJobById(name, id))?.state;

  let first: JobQueue;

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    schema = opened.schema ? `${opened.schema}_jobs` : 'pgboss';
    connection = opened.pglite
      ? { kind: 'pglite', db: opened.db, pglite: opened.pglite }
      : { kind: 'postgres', url: process.env['TEST_DATABASE_URL'] as string };
    // Two instances start together: this test's and one with only the product's jobs.
    [first] = await Promise.all([
      instance(true, (registry) =>
        registry
          .registerJob(
            'proef.verstuurd',
            async (job) => {
              received.push(job.data);
            },
            { description: 'Proef: verstuurde taak', pollingIntervalSeconds: 0.5 },
          )
          .registerJob(
            'proef.gepland',
            async () => {
              scheduledRuns += 1;
            },
            { description: 'Proef: geplande taak', cron: '* * * * *', pollingIntervalSeconds: 0.5 },
          )
          .registerJob(
            'proef.mislukt',
            async () => {
              failingAttempts += 1;
              throw new Error('de proef gaat mis');
            },
            {
              description: 'Proef: mislukte taak',
              retryLimit: 1,
              retryDelaySeconds: 1,
              pollingIntervalSeconds: 0.5,
            },
          ),
      ),
      instance(true),
    ]);
  });

  afterAll(async () => {
    for (const queue of queues) await queue.stop(2_000);
    if (opened.schema)
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(opened.db);
    await opened.close();
  });

  it('runs a sent job with its data and marks it completed', async () => {
    const id = (await first.send('proef.verstuurd', { casus: 'C-1' })) as string;
    expect(
      await waitFor(
        () => jobState(first, 'proef.verstuurd', id),
        (s) => s === 'completed',
      ),
    ).toBe('completed');
    expect(received).toEqual([{ casus: 'C-1' }]);
  });

  it('runs a scheduled job on its schedule, in Europe/Amsterdam', async () => {
    expect(
      await waitFor(
        () => Promise.resolve(scheduledRuns),
        (n) => n > 0,
      ),
    ).toBeGreaterThan(0);
    const schedules = await first.boss.getSchedules();
    expect(schedules.find((s) => s.name === 'proef.gepland')).toMatchObject({
      cron: '* * * * *',
      timezone: 'Europe/Amsterdam',
    });
  });

  it('retries a failing job, then marks it failed with the reason', async () => {
    const id = (await first.send('proef.mislukt', {})) as string;
    const job = await waitFor(
      () => first.boss.getJobById('proef.mislukt', id),
      (j) => j?.state === 'failed',
    );
    expect(job).toMatchObject({ state: 'failed', retryCount: 1 });
    expect(job?.output).toMatchObject({ message: 'de proef gaat mis' });
    expect(failingAttempts).toBe(2);
    expect(
      errors.filter((e) => e === 'Proef: mislukte taak mislukt: de proef gaat mis'),
    ).toHaveLength(2);
  });

  it('registers the digest, lapse, retention, seal and deadline jobs on their schedules', async () => {
    const schedules = await first.boss.getSchedules();
    const byName = Object.fromEntries(
      schedules.map((s) => [s.name, { cron: s.cron, tz: (s as { timezone?: string }).timezone }]),
    );
    const amsterdam = (cron: string) => ({ cron, tz: 'Europe/Amsterdam' });
    expect(byName[JOB_NAMES.digest]).toEqual(amsterdam('0 7 * * *'));
    expect(byName[JOB_NAMES.lapse]).toEqual(amsterdam('0 6 * * *'));
    expect(byName[JOB_NAMES.retention]).toEqual(amsterdam('0 5 * * *'));
    expect(byName[JOB_NAMES.seal]).toEqual(amsterdam('* * * * *'));
    expect((await first.boss.getQueue(JOB_NAMES.seal))?.retryLimit).toBe(0);
    // The kept deadlines (ADR 0029): a sweep every minute, all cases again just after midnight.
    expect(byName[JOB_NAMES.sweepDeadlines]).toEqual(amsterdam('* * * * *'));
    expect(byName[JOB_NAMES.recomputeDeadlines]).toEqual(amsterdam('5 0 * * *'));
  });

  it('leaves no digest job without a mail server', () => {
    const registry = new JobRegistry();
    registerProductJobs(registry, {
      db: opened.db,
      profiles: loadProfiles(),
      now: () => new Date(),
      digestHour: 7,
      digest: null,
      log: () => undefined,
    });
    expect(registry.jobs.map((j) => j.name).sort()).toEqual(
      [
        JOB_NAMES.lapse,
        JOB_NAMES.retention,
        JOB_NAMES.seal,
        JOB_NAMES.sweepDeadlines,
        JOB_NAMES.recomputeDeadlines,
      ].sort(),
    );
  });

  it('seals the access log through its job', async () => {
    await writeSystemAudit(opened.db, { action: 'proef.taak' });
    // Only records older than the grace period (5 s) are sealed.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const id = (await first.send(JOB_NAMES.seal, {})) as string;
    await waitFor(
      () => jobState(first, JOB_NAMES.seal, id),
      (s) => s === 'completed',
    );
    const record = await opened.db
      .selectFrom('audit_log')
      .select(sql<string | null>`seq::text`.as('seq'))
      .where('action', '=', 'proef.taak')
      .executeTakeFirstOrThrow();
    expect(record.seq).not.toBeNull();
  });

  it('runs the start-up checks once for two instances starting together', async () => {
    const starts = await sql<{ name: string; n: string }>`
      select name, count(*) as n from ${sql.id(schema, 'job')}
      where name in (${JOB_NAMES.lapse}, ${JOB_NAMES.retention}) and singleton_key = 'bij-start'
      group by name order by name
    `.execute(opened.db);
    expect(starts.rows.map((r) => [r.name, Number(r.n)])).toEqual([
      [JOB_NAMES.retention, 1],
      [JOB_NAMES.lapse, 1],
    ]);
  });

  it('a web-only instance sends jobs but runs and schedules none', async () => {
    let ran = 0;
    const webOnly = await instance(false, (registry) =>
      registry
        .registerJob(
          'proef.alleen-web',
          async () => {
            ran += 1;
          },
          { description: 'Proef: alleen web', pollingIntervalSeconds: 0.5 },
        )
        .registerJob('proef.niet-gepland', () => Promise.resolve(), {
          description: 'Proef: niet gepland',
          cron: '* * * * *',
        }),
    );
    const id = (await webOnly.send('proef.alleen-web', {})) as string;
    // Two polling intervals of a worker, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await jobState(webOnly, 'proef.alleen-web', id)).toBe('created');
    expect(ran).toBe(0);
    const schedules = await webOnly.boss.getSchedules();
    expect(schedules.map((s) => s.name)).not.toContain('proef.niet-gepland');
  });
});
