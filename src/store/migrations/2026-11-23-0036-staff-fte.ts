import { sql, type Kysely } from 'kysely';

/**
 * The part of a full-time job a staff member works (issue 9; ADR 0024), for the caseload
 * against ZTM-NORM-CASELOAD (13 families per full-time casusregisseur). Existing staff count as
 * full-time until someone records otherwise.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table staff add column fte numeric(3, 2) not null default 1.0
      check (fte >= 0 and fte <= 1.5)
  `.execute(db);
}
