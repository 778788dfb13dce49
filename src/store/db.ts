/**
 * Opens the database: PGlite (embedded PostgreSQL, files in a data folder, or in memory) by
 * default, or a PostgreSQL server when a connection string is given. The same migrations and
 * queries run on both.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export interface DatabaseOptions {
  /** `postgres://…`: use that server. */
  readonly url?: string;
  /** PGlite data folder; without it (and without url) the database lives in memory. */
  readonly dataDir?: string;
  /** PostgreSQL schema to work in (tests use one per test file). */
  readonly schema?: string;
}

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly kind: 'pglite' | 'postgres';
  /** The PostgreSQL schema worked in, when not the default. */
  readonly schema?: string;
  /** The embedded engine itself (PGlite only), for the job queue's adapter (src/jobs/queue.ts). */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

// Dates stay `YYYY-MM-DD` strings (never a Date in the server's zone) and 64-bit ids stay
// strings, on both engines.
const DATE_OID = 1082;
const INT8_OID = 20;
const asText = (value: string): string => value;

/** Opens (and does not yet migrate) the database described by the options. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<OpenDatabase> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === DATE_OID || oid === INT8_OID
            ? asText
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
      max: 10,
      // No JIT: our queries run in milliseconds; compiling them costs more than it saves
      // (ADR 0025: 250 ms on a dashboard query of 130 ms).
      options: `-c jit=off${options.schema ? ` -c search_path=${options.schema}` : ''}`,
    });
    if (options.schema) {
      const client = await pool.connect();
      try {
        await client.query(`create schema if not exists "${options.schema}"`);
      } finally {
        client.release();
      }
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      ...(options.schema ? { schema: options.schema } : {}),
      close: () => db.destroy(),
    };
  }
  const pglite = await PGlite.create(options.dataDir ?? 'memory://', {
    parsers: { [DATE_OID]: asText, [INT8_OID]: asText },
    // Trigram indexes for the case search (migration 0053).
    extensions: { pg_trgm },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/**
 * Applies every pending migration; throws with the failing migration's name on error. With a
 * schema, the migrator keeps its own bookkeeping tables there too (otherwise it would find
 * another schema's tables on the same server).
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  schema?: string,
): Promise<readonly string[]> {
  const migrator = new Migrator({
    db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${reason}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
