import { sql, type Kysely } from 'kysely';

/**
 * Requests and notes from the family portal (issue 10, ADR 0026).
 *
 * - `family_note`: a family member's own note on a case, private to the writer unless they
 *   share it with the casusregisseur (`shared`). Destroyed with the case (its `case_id` is found
 *   by store/destruction.ts like every later table).
 * - `record_request` may now come from the family itself through the portal: without a staff
 *   member who recorded it (`recorded_by` null, `via` = 'portaal'), and with the form the
 *   person asked for (`portal_form`: to look at the record, or to get a copy).
 */
const statements = [
  sql`
    create table family_note (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      person_id uuid not null references person (id),
      text text not null check (length(text) between 1 and 2000),
      shared boolean not null default false,
      created_at timestamptz not null
    )
  `,
  sql`create index family_note_case on family_note (case_id, created_at)`,
  sql`alter table record_request alter column recorded_by drop not null`,
  sql`
    alter table record_request add column via text not null default 'medewerker'
      check (via in ('medewerker', 'portaal'))
  `,
  sql`
    alter table record_request add column portal_form text
      check (portal_form in ('inzage', 'afschrift'))
  `,
  sql`
    alter table record_request add constraint record_request_recorder
      check ((via = 'medewerker') = (recorded_by is not null))
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
