import { sql, type Kysely } from 'kysely';

/**
 * The work list reads each visible case's people by household and the cases a staff member
 * holds a role on; both need an index to stay per-case lookups instead of table scans.
 */
const statements = [
  sql`create index person_household on person (household_id)`,
  sql`create index case_role_staff_all on case_role (staff_id, case_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
