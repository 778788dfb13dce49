import { sql, type Kysely } from 'kysely';

/**
 * A revision per case (issue 9, ADR 0025): a number that changes whenever anything the rules
 * engine reads for the case changes — the case row itself, its events, or the people of its
 * household. The management figures keep each case's evaluated deadlines in memory under this
 * revision and re-evaluate only the cases whose revision moved, so a dashboard over a region of
 * 20,000 cases no longer re-reads every event on every request.
 *
 * The database keeps the number, not the application: triggers catch every write path,
 * including ones added later. Revisions come from one sequence, so a value is never handed out
 * twice (not even after a rollback). The event and person triggers are per statement with
 * transition tables, so a bulk load updates each case once per statement, not once per row.
 */
const statements = [
  sql`create sequence case_revision`,
  sql`alter table casus add column revision bigint not null default nextval('case_revision')`,
  sql`
    create function casus_bump_revision() returns trigger language plpgsql as $$
    begin
      if new.revision = old.revision and row(new.*) is distinct from row(old.*) then
        new.revision := nextval('case_revision');
      end if;
      return new;
    end
    $$
  `,
  sql`
    create trigger casus_revision before update on casus
    for each row execute function casus_bump_revision()
  `,
  sql`
    create function case_event_bump_revision() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        update casus set revision = nextval('case_revision')
        where id in (select distinct case_id from changed_new);
      end if;
      if tg_op in ('DELETE', 'UPDATE') then
        update casus set revision = nextval('case_revision')
        where id in (select distinct case_id from changed_old);
      end if;
      return null;
    end
    $$
  `,
  sql`
    create trigger case_event_revision_insert after insert on case_event
    referencing new table as changed_new
    for each statement execute function case_event_bump_revision()
  `,
  sql`
    create trigger case_event_revision_update after update on case_event
    referencing old table as changed_old new table as changed_new
    for each statement execute function case_event_bump_revision()
  `,
  sql`
    create trigger case_event_revision_delete after delete on case_event
    referencing old table as changed_old
    for each statement execute function case_event_bump_revision()
  `,
  sql`
    create function person_bump_revision() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        update casus set revision = nextval('case_revision')
        where household_id in (select distinct household_id from changed_new);
      end if;
      if tg_op in ('DELETE', 'UPDATE') then
        update casus set revision = nextval('case_revision')
        where household_id in (select distinct household_id from changed_old);
      end if;
      return null;
    end
    $$
  `,
  sql`
    create trigger person_revision_insert after insert on person
    referencing new table as changed_new
    for each statement execute function person_bump_revision()
  `,
  sql`
    create trigger person_revision_update after update on person
    referencing old table as changed_old new table as changed_new
    for each statement execute function person_bump_revision()
  `,
  sql`
    create trigger person_revision_delete after delete on person
    referencing old table as changed_old
    for each statement execute function person_bump_revision()
  `,
  // The dashboards' scope: a region, optionally narrowed to teams.
  sql`create index casus_region_team on casus (region, responsible_team_id)`,
  // Inflow per month: a case's first registration, read from the index alone.
  sql`create index case_event_registration on case_event (case_id, at) where type = 'aanmelding'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
