/**
 * Reads that may come from a read replica (DATABASE_READ_URL, docs/deployment.md): the
 * management dashboards and the period report read their figures through `read` and write
 * their audit record through `write`, the primary. A replica lags the primary by up to seconds,
 * so only reads that tolerate that go through `read`; a single database serves as both.
 */
import { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface ReadWriteDb {
  /** The replica, or the primary when there is none. */
  readonly read: Kysely<Database>;
  /** The primary: every write, and every read that must see the latest write. */
  readonly write: Kysely<Database>;
}

/** One database for both, or the pair as given. */
export function readWriteDb(db: Kysely<Database> | ReadWriteDb): ReadWriteDb {
  return db instanceof Kysely ? { read: db, write: db } : db;
}
