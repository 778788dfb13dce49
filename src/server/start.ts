/**
 * Starting the product: read the configuration, open and migrate the database, fill it with
 * demo data when asked and empty, and listen.
 */
import { mkdirSync } from 'node:fs';
import { loadProfiles } from '../regions/load.js';
import { migrateToLatest, openDatabase } from '../store/db.js';
import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { readEnv } from './env.js';

export interface Started {
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(
  seedDemo?: (db: Awaited<ReturnType<typeof openDatabase>>['db'], cases: number) => Promise<void>,
): Promise<Started> {
  const env = readEnv();
  if (!env.DATABASE_URL) mkdirSync(env.DATA_DIR, { recursive: true });
  const database = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR },
  );
  await migrateToLatest(database.db);
  if (env.DEMO === '1' && seedDemo) {
    const existing = await database.db.selectFrom('organisation').select('id').limit(1).execute();
    if (existing.length === 0) await seedDemo(database.db, env.DEMO_CASES);
  }
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
