import { sql, type Kysely } from 'kysely';

/**
 * Warm handovers of casusregie (issue 7, ZTM-DEC-WARM-HANDOVER).
 * - `casusregie_handover`: who hands over (the running casusregie at the start: family,
 *   professional or organisation), to whom (a staff member of an organisation), why, and how it
 *   ended (`afgerond` with the new role row, or `geannuleerd`). One open handover per case.
 * - `casusregie_handover_meeting`: a joint meeting with the family — when, who was there, and
 *   what was handed over and agreed.
 */
const statements = [
  sql`
    create table casusregie_handover (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      status text not null check (status in ('open', 'afgerond', 'geannuleerd')),
      from_holder text not null check (from_holder in ('gezin', 'professional', 'organisatie')),
      from_staff_id uuid references staff (id),
      from_organisation_id uuid references organisation (id),
      to_staff_id uuid not null references staff (id),
      to_organisation_id uuid not null references organisation (id),
      reason text not null,
      started_by uuid not null references staff (id),
      started_at timestamptz not null,
      ended_by uuid references staff (id),
      ended_at timestamptz,
      cancel_reason text,
      role_id uuid references case_role (id)
    )
  `,
  sql`create index casusregie_handover_case on casusregie_handover (case_id, started_at)`,
  sql`
    create unique index casusregie_handover_one_open on casusregie_handover (case_id)
    where status = 'open'
  `,
  sql`
    create index casusregie_handover_to_staff on casusregie_handover (to_staff_id)
    where status = 'open'
  `,
  sql`
    create table casusregie_handover_meeting (
      id uuid primary key default gen_random_uuid(),
      handover_id uuid not null references casusregie_handover (id),
      held_at timestamptz not null,
      old_present boolean not null,
      new_present boolean not null,
      family_present jsonb not null,
      others text,
      summary text not null,
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null
    )
  `,
  sql`
    create index casusregie_handover_meeting_handover
    on casusregie_handover_meeting (handover_id, held_at)
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
