/**
 * Runs integration tests on every database engine we support: PGlite always, and a real
 * PostgreSQL server when TEST_DATABASE_URL is set (CI sets it). Each call gets its own empty,
 * migrated database (a fresh PGlite, or a fresh schema on the server) so tests share nothing.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/store/db.js';

export const engines: readonly ('pglite' | 'postgres')[] = process.env['TEST_DATABASE_URL']
  ? ['pglite', 'postgres']
  : ['pglite'];

/** An empty database with all migrations applied, on the given engine. */
export async function freshDatabase(engine: 'pglite' | 'postgres'): Promise<OpenDatabase> {
  if (engine === 'pglite') {
    const opened = await openDatabase();
    await migrateToLatest(opened.db);
    return opened;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const opened = await openDatabase({ url: process.env['TEST_DATABASE_URL'], schema });
  await migrateToLatest(opened.db, schema);
  return {
    ...opened,
    close: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(opened.db);
      await opened.close();
    },
  };
}
