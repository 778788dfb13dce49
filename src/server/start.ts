/**
 * Starting the product: read the configuration, open and migrate the database, fill it with
 * demo data when asked and empty, and listen.
 */
import { mkdirSync } from 'node:fs';
import { sql } from 'kysely';
import { smtpMailer } from '../jobs/digest.js';
import { registerProductJobs } from '../jobs/product-jobs.js';
import { JobRegistry, startJobQueue, type JobQueue } from '../jobs/queue.js';
import { loadProfiles } from '../regions/load.js';
import { migrateToLatest, openDatabase } from '../store/db.js';
import { claimDataDir } from '../store/data-dir-lock.js';
import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { readEnv } from './env.js';
import { hashPassword } from './auth/passwords.js';
import { securitySettings } from './security/settings.js';
import { logPortalMailer, portalMailerOver } from './portal/mail.js';
import type { PortalMailer } from './app.js';
import { DEFAULT_SEED, generateDemoData } from '../demo/generate.js';

export interface Started {
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(options: { demo?: boolean } = {}): Promise<Started> {
  const env = readEnv({
    ...process.env,
    ...(options.demo ? { DEMO: '1', COOKIE_SECURE: process.env['COOKIE_SECURE'] ?? '0' } : {}),
  });
  if (!env.DATABASE_URL) mkdirSync(env.DATA_DIR, { recursive: true });
  // One process per embedded data folder (src/store/data-dir-lock.ts); not for a server.
  const lock = env.DATABASE_URL ? null : claimDataDir(env.DATA_DIR);
  const database = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR },
  );
  await migrateToLatest(database.db);
  // Dashboards and the period report may read from a replica (docs/deployment.md).
  const replica = env.DATABASE_READ_URL ? await openDatabase({ url: env.DATABASE_READ_URL }) : null;
  if (env.DEMO === '1') {
    const existing = await database.db.selectFrom('organisation').select('id').limit(1).execute();
    if (existing.length === 0) {
      process.stdout.write(`Demogegevens maken (${env.DEMO_CASES} casussen)…\n`);
      await generateDemoData(database.db, {
        cases: env.DEMO_CASES,
        seed: DEFAULT_SEED,
        now: new Date(),
        hashPassword,
      });
    }
  }
  // The embedded PGlite has no autovacuum: refresh planner statistics on every start (a
  // PostgreSQL server does this itself).
  if (database.kind === 'pglite') await sql`analyze`.execute(database.db);
  const profiles = loadProfiles();
  // The family portal's login codes (ADR 0026): by e-mail, or, only when explicitly asked for a
  // local demo, into the log.
  const portalSmtp = env.SMTP_URL ? smtpMailer(env.SMTP_URL) : null;
  let portalMailer: PortalMailer | undefined;
  if (portalSmtp) portalMailer = portalMailerOver(portalSmtp, env.DIGEST_FROM);
  else if (env.PORTAAL_CODE_IN_LOG === 'aan') {
    process.stderr.write(
      'LET OP: PORTAAL_CODE_IN_LOG=aan – inlogcodes van het gezinsportaal komen in het log, niet per e-mail. Alleen voor een demo op uw eigen computer.\n',
    );
    portalMailer = logPortalMailer((line) => process.stderr.write(line));
  }
  const app = await buildApp({
    db: database.db,
    ...(replica ? { readDb: replica.db } : {}),
    ...(env.INSTANCE_NAME ? { instanceName: env.INSTANCE_NAME } : {}),
    clock: systemClock,
    profiles,
    secureCookies: env.COOKIE_SECURE === '1',
    serveWeb: true,
    dueSoonWorkingDays: env.DUE_SOON_WORKING_DAYS,
    security: securitySettings(env),
    log: { level: env.LOG_LEVEL },
    oidc: {
      secretKey: env.OIDC_SECRET_KEY ? Buffer.from(env.OIDC_SECRET_KEY, 'base64') : null,
      ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
    },
    ...(portalMailer ? { portalMailer } : {}),
  });
  const address = await app.listen({ port: env.PORT, host: env.HOST });
  // Background jobs on the job queue in the same database (ADR 0027): with several instances
  // each job runs once; JOBS=uit makes this instance web-only.
  const digestMailer = env.SMTP_URL ? smtpMailer(env.SMTP_URL) : null;
  const registry = new JobRegistry();
  registerProductJobs(registry, {
    db: database.db,
    profiles,
    now: () => systemClock.now(),
    digestHour: env.DIGEST_HOUR,
    digest: digestMailer
      ? {
          mailer: digestMailer,
          options: {
            from: env.DIGEST_FROM,
            baseUrl: env.PUBLIC_URL ?? null,
            workingDays: env.DUE_SOON_WORKING_DAYS,
          },
        }
      : null,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  let jobs: JobQueue;
  try {
    jobs = await startJobQueue({
      connection: database.pglite
        ? { kind: 'pglite', db: database.db, pglite: database.pglite }
        : { kind: 'postgres', url: env.DATABASE_URL ?? '' },
      registry,
      work: env.JOBS === 'aan',
    });
  } catch (error) {
    digestMailer?.close();
    portalSmtp?.close();
    await app.close();
    await replica?.close();
    await database.close();
    throw new Error(
      `De takenwachtrij start niet: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (env.JOBS === 'uit')
    process.stdout.write('JOBS=uit: deze instantie voert geen achtergrondtaken uit.\n');
  return {
    url: address,
    close: async () => {
      await jobs.stop();
      digestMailer?.close();
      portalSmtp?.close();
      await app.close();
      await replica?.close();
      await database.close();
      lock?.release();
    },
  };
}
