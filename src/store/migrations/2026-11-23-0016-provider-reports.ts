import { sql, type Kysely } from 'kysely';

/**
 * What the treating provider tells the casusregisseur (issue 6; DOMAIN.md section 4 step 2):
 * its contact person per case (replaceable, the history stays), progress reports and calamity
 * or acute-risk reports with their acknowledgement by the casusregisseur side, and the
 * subcontractors it brings in (marked when announced after care started, and whether the
 * region's contracts list them under this provider).
 */
const statements = [
  sql`
    create table provider_contact (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      organisation_id uuid not null references organisation (id),
      staff_id uuid not null references staff (id),
      phone text,
      starts_at timestamptz not null,
      ends_at timestamptz,
      recorded_by uuid not null references staff (id)
    )
  `,
  // One current contact person per case and provider.
  sql`
    create unique index provider_contact_current on provider_contact (case_id, organisation_id)
    where ends_at is null
  `,
  sql`
    create table provider_report (
      id uuid primary key default gen_random_uuid(),
      seq bigserial not null,
      case_id uuid not null references casus (id),
      organisation_id uuid not null references organisation (id),
      kind text not null check (kind in ('voortgang', 'calamiteit', 'acuut-risico')),
      plan_version_id uuid references plan_version (id),
      occurred_at timestamptz,
      content jsonb not null,
      submitted_by uuid not null references staff (id),
      submitted_at timestamptz not null,
      acknowledged_by uuid references staff (id),
      acknowledged_at timestamptz,
      check ((acknowledged_by is null) = (acknowledged_at is null)),
      check ((kind = 'voortgang') = (occurred_at is null))
    )
  `,
  // Newest first per case; `seq` keeps the order of reports made in the same instant.
  sql`create index provider_report_case on provider_report (case_id, submitted_at, seq)`,
  sql`
    create table subcontractor_announcement (
      id uuid primary key default gen_random_uuid(),
      seq bigserial not null,
      case_id uuid not null references casus (id),
      organisation_id uuid not null references organisation (id),
      name text not null,
      agb_code text not null check (agb_code ~ '^[0-9]{8}$'),
      part text not null,
      after_start boolean not null,
      contract_warning text,
      announced_by uuid not null references staff (id),
      announced_at timestamptz not null,
      unique (case_id, organisation_id, agb_code)
    )
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
