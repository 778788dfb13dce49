import { sql, type Kysely } from 'kysely';

/**
 * Issue 11: the work list sorts and pages in the database. Its order is "cases with an overdue
 * deadline first, then by the earliest pending due date"; `first_overdue_from` (migration 0049)
 * gives the first, `next_due` keeps the second: the earliest `due` among the pending deadlines,
 * as the engine writes it (a date, or an instant for hour deadlines), compared as text in the
 * "C" collation exactly as the list compared them in memory. The list starts from the cases
 * of the actor's team, roles and handovers (`visibleCaseCandidates`), hence an index on the
 * team's open cases.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The team's open cases, where the work list's access filter starts (visibleCaseCandidates).
  await sql`create index casus_team_open on casus (responsible_team_id) where closed_at is null`.execute(
    db,
  );
  await sql`alter table case_deadline_state add column next_due text collate "C"`.execute(db);
  await sql`
    update case_deadline_state set next_due = (
      select min(d -> 'result' ->> 'due') from jsonb_array_elements(pending) d
    )
  `.execute(db);
}
