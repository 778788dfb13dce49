import { sql, type Kysely } from 'kysely';

/**
 * Idle timeout of sessions (ADR 0016, ASVS 3.3.2): when the session was last used. Existing
 * sessions count as used at the moment of migrating.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table session add column last_seen_at timestamptz not null default now()`.execute(
    db,
  );
}
