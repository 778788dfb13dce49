/**
 * One application instance's job worker, as a separate OS process, for the two-instance test
 * (test/integration/job-queue-two-instances.int.test.ts): it starts the job queue on the given
 * PostgreSQL database and schema with one job, `proef.tienduizend`, whose every run inserts
 * (job id, instance) into `<schema>.job_run` (no unique constraint, so a job run twice shows as
 * two rows). Prints `gereed` when it is working; stops cleanly on SIGTERM.
 *
 *   JOB_TEST_URL=postgres://… JOB_TEST_SCHEMA=jq_… JOB_TEST_INSTANCE=a node --import tsx <this file>
 */
import pg from 'pg';
import { JobRegistry, startJobQueue } from '../../src/jobs/queue.js';

export const TEST_JOB = 'proef.tienduizend';
export const TEST_JOB_OPTIONS = {
  description: 'Proeftaak',
  batchSize: 100,
  pollingIntervalSeconds: 0.5,
  concurrency: 4,
  retryLimit: 0,
} as const;

async function main(): Promise<void> {
  const url = process.env['JOB_TEST_URL'];
  const schema = process.env['JOB_TEST_SCHEMA'];
  const instance = process.env['JOB_TEST_INSTANCE'];
  if (!url || !schema || !instance) {
    process.stderr.write('JOB_TEST_URL, JOB_TEST_SCHEMA en JOB_TEST_INSTANCE zijn nodig\n');
    process.exit(2);
  }
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const registry = new JobRegistry().registerJob(
    TEST_JOB,
    async (job) => {
      await pool.query(`insert into "${schema}".job_run (job_id, instance) values ($1, $2)`, [
        job.id,
        instance,
      ]);
    },
    TEST_JOB_OPTIONS,
  );
  const queue = await startJobQueue({ connection: { kind: 'postgres', url }, registry, schema });
  const stop = () => {
    void queue
      .stop(5_000)
      .then(() => pool.end())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write('gereed\n');
}

// Only when run as a script, not when the test imports the job's name.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
