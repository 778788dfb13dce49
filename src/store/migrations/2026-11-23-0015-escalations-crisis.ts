import { sql, type Kysely } from 'kysely';

/**
 * Escalations and crisis coordination (issue 6).
 * - `crisisteam` becomes an organisation kind: the region's crisis team takes temporary
 *   crisiscasusregie.
 * - `escalation` walks a ladder from the region profile; `escalation_level` keeps what each
 *   level left in the record. `overview` is the anonymised overview in the fixed format, the only
 *   part a contract manager ever reads.
 * - `crisis`: a call to the crisis team, its taking of crisiscasusregie (the role row with its
 *   planned end), the question to the local team for a casusregisseur, and the hand-back.
 */
const statements = [
  sql`alter table organisation drop constraint organisation_kind_check`,
  sql`
    alter table organisation add constraint organisation_kind_check check (kind in
      ('gemeente', 'lokaal-team', 'aanbieder', 'gi', 'huisartsenpraktijk', 'expertteam', 'crisisteam'))
  `,
  sql`
    create table escalation (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      case_id uuid not null references casus (id),
      region text not null,
      ladder_id text not null,
      type text not null check (type in ('proces', 'inhoud')),
      subject text not null check (subject in ('toewijzing', 'casusregisseur-nodig', 'voortgang', 'anders')),
      allocation_id uuid references allocation (id),
      description text not null,
      criteria jsonb not null,
      opened_by uuid not null references staff (id),
      opened_by_org uuid not null references organisation (id),
      opened_at timestamptz not null,
      young_person_informed_on date,
      young_person_informed_how text,
      bridging_care_needed boolean,
      bridging_care_note text,
      overview jsonb,
      shared_at timestamptz,
      closed_at timestamptz,
      closed_by uuid references staff (id),
      commitment text,
      agreements jsonb
    )
  `,
  sql`create index escalation_case on escalation (case_id, opened_at)`,
  sql`create index escalation_shared on escalation (region, shared_at) where shared_at is not null`,
  sql`
    create table escalation_level (
      id uuid primary key default gen_random_uuid(),
      escalation_id uuid not null references escalation (id),
      level integer not null check (level >= 1),
      step_number integer not null,
      note text not null,
      facts text,
      actions jsonb not null,
      feedback_date date,
      recorded_by uuid not null references staff (id),
      recorded_by_org uuid not null references organisation (id),
      recorded_at timestamptz not null,
      unique (escalation_id, level)
    )
  `,
  sql`
    create table crisis (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      crisis_team_id uuid not null references organisation (id),
      reason text not null,
      requested_by uuid not null references staff (id),
      requested_at timestamptz not null,
      status text not null check (status in ('aangevraagd', 'actief', 'teruggegeven')),
      role_id uuid references case_role (id),
      taken_by uuid references staff (id),
      taken_at timestamptz,
      planned_end date,
      team_asked_id uuid references organisation (id),
      team_asked_at timestamptz,
      handover text,
      handed_back_by uuid references staff (id),
      handed_back_at timestamptz
    )
  `,
  sql`create unique index crisis_one_open on crisis (case_id) where status <> 'teruggegeven'`,
  sql`create index crisis_team on crisis (crisis_team_id, status)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
