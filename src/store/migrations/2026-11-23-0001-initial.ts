import { sql, type Kysely } from 'kysely';

/**
 * The case spine: organisations and staff, households with their members, cases with role
 * assignments over time, the append-only case timeline, sessions and the append-only audit log.
 */
// One statement per entry: PGlite runs each through the extended protocol, which takes one
// command at a time. The timeline and the audit log are evidence: the trigger function makes
// them append-only.
const statements = [
  sql`
    create table organisation (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('gemeente', 'lokaal-team', 'aanbieder', 'gi', 'huisartsenpraktijk', 'expertteam')),
      name text not null,
      region text not null,
      agb_code text,
      parent_id uuid references organisation (id),
      created_at timestamptz not null default now()
    )
  `,
  sql`
    create table staff (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisation (id),
      name text not null,
      email text not null unique,
      password_hash text not null,
      roles text[] not null,
      active boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now()
    )
  `,
  sql`
    create table household (
      id uuid primary key default gen_random_uuid(),
      label text not null,
      region text not null,
      created_at timestamptz not null default now()
    )
  `,
  sql`
    create table person (
      id uuid primary key default gen_random_uuid(),
      household_id uuid not null references household (id),
      kind text not null check (kind in ('jeugdige', 'ouder', 'gezagsdrager', 'voogd')),
      name text not null,
      birth_date date,
      bsn text,
      created_at timestamptz not null default now()
    )
  `,
  sql`
    create unique index person_bsn on person (bsn) where bsn is not null
  `,
  sql`
    create table casus (
      id uuid primary key default gen_random_uuid(),
      household_id uuid not null references household (id),
      region text not null,
      route text not null check (route in ('A', 'B', 'C')),
      segment text not null,
      measure text check (measure in ('ots', 'voogdij', 'jeugdreclassering')),
      step text not null,
      responsible_team_id uuid references organisation (id),
      registered_by_org_id uuid not null references organisation (id),
      referrer_type text check (referrer_type in ('huisarts', 'jeugdarts', 'medisch-specialist')),
      referrer_code text,
      court_order_date date,
      facts jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      closed_at timestamptz
    )
  `,
  sql`
    create index casus_team on casus (responsible_team_id)
  `,
  sql`
    create table case_role (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      role text not null check (role in ('procesregie', 'casusregie', 'behandelregie', 'crisiscasusregie')),
      holder text not null check (holder in ('gezin', 'professional', 'organisatie')),
      organisation_id uuid references organisation (id),
      staff_id uuid references staff (id),
      starts_at timestamptz not null,
      ends_at timestamptz,
      reason text,
      created_by uuid references staff (id),
      created_at timestamptz not null default now(),
      check (ends_at is null or ends_at >= starts_at),
      check (holder <> 'professional' or staff_id is not null)
    )
  `,
  sql`
    create index case_role_case on case_role (case_id)
  `,
  sql`
    create index case_role_staff on case_role (staff_id) where ends_at is null
  `,
  sql`
    create index case_role_org on case_role (organisation_id) where ends_at is null
  `,
  sql`
    create table case_event (
      id bigint generated always as identity primary key,
      case_id uuid not null references casus (id),
      type text not null,
      at timestamptz not null,
      child_id uuid references person (id),
      kind text,
      date date,
      note text,
      recorded_by uuid references staff (id),
      recorded_at timestamptz not null default now()
    )
  `,
  sql`
    create index case_event_case on case_event (case_id, at)
  `,
  sql`
    create table session (
      id text primary key,
      staff_id uuid not null references staff (id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )
  `,
  sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      staff_id uuid references staff (id),
      organisation_id uuid references organisation (id),
      role text,
      case_id uuid references casus (id),
      action text not null,
      details jsonb not null default '{}'::jsonb,
      client_address text
    )
  `,
  sql`
    create index audit_log_case on audit_log (case_id, at)
  `,
  sql`
    create function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name;
    end;
    $$
  `,
  sql`
    create trigger case_event_append_only before update or delete on case_event
      for each row execute function refuse_change()
  `,
  sql`
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function refuse_change()
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
