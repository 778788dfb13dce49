import { sql, type Kysely } from 'kysely';

/**
 * Plans (issue 4): a plan per case and kind (a toekomstplan per young person), its versions
 * (one concept at a time; a fixed version is never changed, adjusting makes a new one) and the
 * signatures on a version. A signature records the content it was given for (a hash), so
 * changing a concept after someone signed means they sign again. Signatures are evidence:
 * append-only, like the timeline.
 */
const statements = [
  sql`
    create table plan (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      kind text not null check (kind in ('ondersteuningsplan', 'gezinsplan', 'hulpverleningsplan', 'toekomstplan', 'veiligheidsplan', 'familiegroepsplan')),
      subject_person_id uuid references person (id),
      created_at timestamptz not null default now(),
      created_by uuid not null references staff (id)
    )
  `,
  sql`create index plan_case on plan (case_id)`,
  sql`
    create table plan_version (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plan (id),
      version integer not null check (version >= 1),
      status text not null check (status in ('concept', 'vastgesteld', 'vervangen')),
      start_date date not null,
      content jsonb not null,
      content_hash text not null,
      created_at timestamptz not null default now(),
      created_by uuid not null references staff (id),
      updated_at timestamptz not null default now(),
      fixed_at timestamptz,
      fixed_by uuid references staff (id),
      unique (plan_id, version)
    )
  `,
  sql`
    create unique index plan_version_one_concept on plan_version (plan_id) where status = 'concept'
  `,
  sql`
    create table plan_signature (
      id uuid primary key default gen_random_uuid(),
      plan_version_id uuid not null references plan_version (id),
      person_id uuid not null references person (id),
      signed_at timestamptz not null,
      method text not null check (method in ('op-scherm', 'papier-gescand')),
      content_hash text not null,
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null default now()
    )
  `,
  sql`create index plan_signature_version on plan_signature (plan_version_id)`,
  sql`
    create trigger plan_signature_append_only before update or delete on plan_signature
      for each row execute function refuse_change()
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
