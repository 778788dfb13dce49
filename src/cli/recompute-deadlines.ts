/**
 * `casusregie termijnen-herberekenen`: the full recomputation of the kept deadlines (issue 11,
 * ADR 0029) by hand, e.g. right after deploying a changed region profile, with its progress on
 * stdout. The work list shows the same progress while it runs.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { recomputeAllDeadlines } from '../jobs/recompute-deadlines.js';
import { loadProfiles } from '../regions/load.js';
import { readEnv } from '../server/env.js';
import { migrateToLatest, openDatabase } from '../store/db.js';

const count = new Intl.NumberFormat('nl-NL');

/** Runs the recomputation; returns the exit code (2: bad input, 1: cases failed). */
export async function recomputeDeadlinesCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      reden: { type: 'string', default: 'profielwijziging' },
      batch: { type: 'string', default: '500' },
    },
  });
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    process.stderr.write(
      `--batch: een heel getal van 1 tot en met 10000 (niet "${values.batch}")\n`,
    );
    return 2;
  }
  let env: ReturnType<typeof readEnv>;
  try {
    env = readEnv(process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const profiles = loadProfiles();
  if (!env.DATABASE_URL) mkdirSync(env.DATA_DIR, { recursive: true });
  const database = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR },
  );
  try {
    await migrateToLatest(database.db);
    const started = Date.now();
    const run = await recomputeAllDeadlines(database.db, profiles, new Date(), {
      batchSize,
      reason: values.reden,
      clock: { now: () => new Date() },
      onProgress: (p) =>
        process.stdout.write(
          `Termijnen herberekend: ${count.format(p.done)} van ${count.format(p.total)} casussen` +
            (p.failed > 0 ? ` (${count.format(p.failed)} mislukt)` : '') +
            '\n',
        ),
    });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `Klaar in ${seconds.toFixed(1)} s: ${count.format(run.done)} casussen herberekend` +
        (run.failed > 0
          ? `, ${count.format(run.failed)} mislukt (${run.error ?? 'onbekende fout'})`
          : '') +
        '\n',
    );
    return run.failed > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}
