import { sql, type Kysely } from 'kysely';

/**
 * Issue 11 (100,000 cases): the access filter of every case list (`visibleCaseIn`: work
 * list, search, dashboards) asks for the assignments running now of the actor or of the actor's
 * organisation. The existing `case_role_org` index only holds running assignments
 * (`ends_at is null`), so the condition's "or it ends later" made PostgreSQL scan all of
 * `case_role` for an organisation; the staff side already has `case_role_staff_all`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index case_role_org_all on case_role (organisation_id, case_id)`.execute(db);
}
