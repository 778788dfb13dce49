import { sql, type Kysely } from 'kysely';

/**
 * Staff registration (issue 9; ADR 0023; GRO-DEC-WERKTOEDELING): SKJ or BIG registrations per
 * professional with their validity, and the explanations given when casusregie went to a
 * professional without a valid registration ("comply or explain"). Explanations hang off the
 * role assignment or the handover they explain and go with them when a record is destroyed.
 */
const statements = [
  sql`
    create table staff_registration (
      id uuid primary key default gen_random_uuid(),
      staff_id uuid not null references staff (id),
      register text not null check (register in ('skj', 'big')),
      number text not null check (length(number) between 1 and 20),
      valid_from date not null,
      valid_until date,
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null,
      check (valid_until is null or valid_until >= valid_from)
    )
  `,
  sql`create index staff_registration_staff on staff_registration (staff_id, valid_from)`,
  sql`
    create table unregistered_assignment (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      staff_id uuid not null references staff (id),
      organisation_id uuid not null references organisation (id),
      kind text not null check (kind in ('rol', 'overdracht')),
      role_id uuid references case_role (id) on delete cascade,
      handover_id uuid references casusregie_handover (id) on delete cascade,
      on_day date not null,
      explanation text not null check (length(explanation) >= 20),
      rule_id text not null,
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null,
      check ((kind = 'rol') = (role_id is not null)),
      check ((kind = 'overdracht') = (handover_id is not null))
    )
  `,
  sql`create index unregistered_assignment_org on unregistered_assignment (organisation_id, recorded_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
