import { sql, type Kysely } from 'kysely';

/**
 * The consent register and working notes (issue 8; Jeugdwet 7.3.11; ADR 0018).
 * - `consent`: one row per statement of a family member about sharing with a kind of recipient
 *   (optionally one organisation) for a purpose; a withdrawal is a new row, rows never change.
 * - `working_note`: a professional's own notes on a case; not part of the record, read only by
 *   the author.
 */
const statements = [
  sql`
    create table consent (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      person_id uuid not null references person (id),
      recipient_kind text not null check (recipient_kind in ('lokaal-team', 'gemeente-backoffice',
        'school', 'huisarts', 'gi', 'aanbieder')),
      organisation_id uuid references organisation (id),
      purpose text not null check (length(purpose) > 0),
      status text not null check (status in ('gegeven', 'ingetrokken')),
      given_on date not null,
      manner text not null check (manner in ('mondeling', 'schriftelijk', 'digitaal')),
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null
    )
  `,
  sql`create index consent_case on consent (case_id, recipient_kind)`,
  sql`
    create table working_note (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      author_id uuid not null references staff (id),
      text text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )
  `,
  sql`create index working_note_author on working_note (author_id, case_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
