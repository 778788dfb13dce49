import { sql, type Kysely } from 'kysely';

/**
 * Anonymised views of a case (issue 8; ADR 0021; DOMAIN.md section 10): the view in its fixed
 * structure (already scrubbed), for whom and why, and its way from `concept` through
 * `gecontroleerd` (someone confirmed nothing leads back to the family) to `gedeeld`.
 */
const statements = [
  sql`
    create table anonymised_view (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      purpose text not null check (purpose in ('consultatie', 'escalatie')),
      recipient text not null check (length(recipient) > 0),
      content jsonb not null,
      status text not null default 'concept'
        check (status in ('concept', 'gecontroleerd', 'gedeeld')),
      created_by uuid not null references staff (id),
      created_at timestamptz not null,
      edited_by uuid references staff (id),
      edited_at timestamptz,
      reviewed_by uuid references staff (id),
      reviewed_at timestamptz,
      shared_by uuid references staff (id),
      shared_at timestamptz,
      check (status = 'concept' or reviewed_at is not null),
      check (status <> 'gedeeld' or shared_at is not null)
    )
  `,
  sql`create index anonymised_view_case on anonymised_view (case_id, created_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
