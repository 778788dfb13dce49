import { sql, type Kysely } from 'kysely';

/**
 * Case search (issue 11): staff find a case by a part of the family label or of a household
 * member's name, case-insensitively, at 100,000 cases.
 * - `pg_trgm` GIN indexes on `household.label` and `person.name` serve `ilike '%…%'` (a
 *   substring, not only a prefix). PGlite ships the extension (src/store/db.ts loads it).
 * - The extension lives in one schema of the database (`public` when we create it); the
 *   operator class is named with that schema, so a migration run with another `search_path`
 *   (a test schema, a tenant schema) still finds it. The advisory lock keeps two migrations that
 *   run at once from both creating the extension.
 * - `casus (household_id)`: from the matching households to their cases.
 * - `person (birth_date)`: a child's date of birth (BSN has its unique index since 0001).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('casusregie:pg_trgm'))`.execute(db);
  await sql`create extension if not exists pg_trgm schema public`.execute(db);
  const found = await sql<{ schema: string }>`
    select extnamespace::regnamespace::text as schema from pg_extension where extname = 'pg_trgm'
  `.execute(db);
  const schema = found.rows[0]?.schema;
  if (!schema) throw new Error('pg_trgm is not installed');
  const trgm = sql`${sql.id(schema)}.gin_trgm_ops`;
  await sql`create index household_label_trgm on household using gin (label ${trgm})`.execute(db);
  await sql`create index person_name_trgm on person using gin (name ${trgm})`.execute(db);
  await sql`create index if not exists casus_household on casus (household_id)`.execute(db);
  await sql`create index person_birth_date on person (birth_date) where birth_date is not null`.execute(
    db,
  );
}
