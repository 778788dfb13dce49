/**
 * Starting the product: read the configuration, open and migrate the database, fill it with
 * demo data when asked and empty, and listen.
 */
import { mkdirSync } from 'node:fs';
import { sql } from 'kysely';
import { loadProfiles } from '../regions/load.js';
import { migrateToLatest, openDatabase } from '../store/db.js';
import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { readEnv } from './env.js';
import { hashPassword } from './auth/passwords.js';
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
  const app = await buildApp({
    db: database.db,
    clock: systemClock,
    profiles: loadProfiles(),
    secureCookies: env.COOKIE_SECURE === '1',
    serveWeb: true,
  });
  const address = await app.listen({ port: env.PORT, host: env.HOST });
  return {
    url: address,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
