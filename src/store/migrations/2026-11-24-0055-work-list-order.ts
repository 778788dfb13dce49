import { sql, type Kysely } from 'kysely';

/**
 * Issue 11: deadlines kept up to date when events arrive, and the work list sorting and paging
 * in the database. Its order is "cases with an overdue
 * deadline first, then by the earliest pending due date"; `first_overdue_from` (migration 0049)
 * gives the first, `next_due` keeps the second: the earliest `due` among the pending deadlines,
 * as the engine writes it (a date, or an instant for hour deadlines), compared as text in the
 * "C" collation exactly as the list compared them in memory; `overdue_from` repeats each
 * pending deadline's overdue instant (ms) as a plain array, so counting the overdue ones of
 * thousands of cases does not parse their JSON. The list starts from the cases
 * of the actor's team, roles and handovers (`visibleCaseIn`), hence an index on the
 * team's open cases.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The team's open cases, where the work list's access filter starts (visibleCaseIn).
  await sql`create index casus_team_open on casus (responsible_team_id) where closed_at is null`.execute(
    db,
  );
  await sql`alter table case_deadline_state add column next_due text collate "C"`.execute(db);
  await sql`alter table case_deadline_state add column overdue_from float8[]`.execute(db);
  await sql`
    update case_deadline_state set
      next_due = (select min(d -> 'result' ->> 'due') from jsonb_array_elements(pending) d),
      overdue_from = array(
        select (d ->> 'overdueFrom')::float8 from jsonb_array_elements(pending) d
      )
  `.execute(db);
  // Cases written to since their deadlines were kept: every new revision (inserted case, or a
  // change to it, its events or its people, migration 0039) queues the case once (not `update
  // of revision`: a BEFORE trigger sets the revision, which such a trigger would miss), and the
  // application evaluates the queued cases right after each write (refreshQueuedDeadlines).
  await sql`create table deadline_dirty (case_id uuid primary key references casus (id) on delete cascade)`.execute(
    db,
  );
  await sql`
    create function casus_queue_deadlines() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' or new.revision is distinct from old.revision then
        insert into deadline_dirty (case_id) values (new.id) on conflict do nothing;
      end if;
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger casus_queue_deadlines after insert or update on casus
    for each row execute function casus_queue_deadlines()
  `.execute(db);
}
