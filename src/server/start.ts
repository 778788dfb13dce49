/**
 * Starting the product: read the configuration, open and migrate the database, fill it with
 * demo data when asked and empty, and listen.
 */
import { mkdirSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { Profile } from '../domain/rules/index.js';
import { describeDigestRun, runDigest, scheduleDailyDigest, smtpMailer } from '../jobs/digest.js';
import { lapseSuspensions } from '../jobs/lapse-suspensions.js';
import { flagRetentionDue } from '../jobs/retention.js';
import { sealAuditLog } from '../store/access-log.js';
import { loadProfiles } from '../regions/load.js';
import { migrateToLatest, openDatabase } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { readEnv, type ServerEnv } from './env.js';
import { hashPassword } from './auth/passwords.js';
import { securitySettings } from './security/settings.js';
import { logPortalMailer, portalMailerOver } from './portal/mail.js';
import type { PortalMailer } from './app.js';
import { DEFAULT_SEED, generateDemoData } from '../demo/generate.js';

/** How often `serve` seals the access log's new records into the hash chain. */
const SEAL_INTERVAL_MS = 30_000;

export interface Started {
  readonly url: string;
  close(): Promise<void>;
}

/** The daily digest at DIGEST_HOUR, in this process (see src/jobs/digest.ts). */
function startDigestTimer(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  env: ServerEnv,
  smtpUrl: string,
): { stop(): void } {
  const mailer = smtpMailer(smtpUrl);
  const schedule = scheduleDailyDigest({
    hour: env.DIGEST_HOUR,
    now: () => systemClock.now(),
    run: async () => {
      const report = await runDigest(
        db,
        profiles,
        mailer,
        {
          from: env.DIGEST_FROM,
          baseUrl: env.PUBLIC_URL ?? null,
          workingDays: env.DUE_SOON_WORKING_DAYS,
        },
        systemClock.now(),
      );
      process.stdout.write(`${describeDigestRun(report)}\n`);
    },
    onError: (error) =>
      process.stderr.write(
        `Dagelijks overzicht mislukt: ${error instanceof Error ? error.message : String(error)}\n`,
      ),
  });
  return {
    stop: () => {
      schedule.stop();
      mailer.close();
    },
  };
}

export async function startServer(options: { demo?: boolean } = {}): Promise<Started> {
  const env = readEnv({
    ...process.env,
    ...(options.demo ? { DEMO: '1', COOKIE_SECURE: process.env['COOKIE_SECURE'] ?? '0' } : {}),
  });
  if (!env.DATABASE_URL) mkdirSync(env.DATA_DIR, { recursive: true });
  const database = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR },
  );
  await migrateToLatest(database.db);
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
  const digest = env.SMTP_URL ? startDigestTimer(database.db, profiles, env, env.SMTP_URL) : null;
  // Entitlements that lapsed after a suspension (RIJ-TERM-SUSPEND): once a day, just before
  // the digest, so the notice is in it; and once now, for the days the server was down.
  const runLapse = async () => {
    const report = await lapseSuspensions(database.db, profiles, systemClock.now());
    if (report.lapsed.length > 0)
      process.stdout.write(`Vervallen na opschorting: ${report.lapsed.length} toewijzing(en)\n`);
  };
  const onLapseError = (error: unknown) =>
    process.stderr.write(
      `Controle op vervallen opschortingen mislukt: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  void runLapse().catch(onLapseError);
  const lapse = scheduleDailyDigest({
    hour: Math.max(0, env.DIGEST_HOUR - 1),
    now: () => systemClock.now(),
    run: runLapse,
    onError: onLapseError,
  });
  // Records whose twenty years ran out (Jeugdwet 7.3.8 lid 3, ADR 0019): once a day, and now.
  const runRetention = async () => {
    const report = await flagRetentionDue(database.db, systemClock.now());
    if (report.flagged.length > 0)
      process.stdout.write(`Bewaartermijn verstreken: ${report.flagged.length} dossier(s)\n`);
  };
  const onRetentionError = (error: unknown) =>
    process.stderr.write(
      `Controle op de bewaartermijn mislukt: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  void runRetention().catch(onRetentionError);
  const retention = scheduleDailyDigest({
    hour: Math.max(0, env.DIGEST_HOUR - 2),
    now: () => systemClock.now(),
    run: runRetention,
    onError: onRetentionError,
  });
  // The access log's hash chain (NEN 7513, ADR 0015): seal what was written, every half minute.
  const onSealError = (error: unknown) =>
    process.stderr.write(
      `Verzegelen van het toegangslog mislukt: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  let sealRun: Promise<unknown> = Promise.resolve();
  const sealing = setInterval(() => {
    sealRun = sealAuditLog(database.db).catch(onSealError);
  }, SEAL_INTERVAL_MS);
  sealing.unref();
  return {
    url: address,
    close: async () => {
      clearInterval(sealing);
      await sealRun;
      lapse.stop();
      retention.stop();
      digest?.stop();
      portalSmtp?.close();
      await app.close();
      await database.close();
    },
  };
}
