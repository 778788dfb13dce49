import { sql, type Kysely } from 'kysely';

/**
 * The end of a court measure, route C (issue 7; RIJ-DEC-MEASURE-END, RIJ-TERM-RVDK-OTS).
 * `measure_ending`: one record per case, started by the GI side; the closing teamtafel (who of
 * the household took part, the future casusregisseur, other chain partners, the agreements), the
 * jeugdbeschermer's afsluitrapportage (the past period, SMART goals as JSON, the client's consent
 * to share it with the local team) and where casusregie goes. Completing it does not close the
 * case; the case closure reads its status.
 */
const statements = [
  sql`
    create table measure_ending (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null unique references casus (id),
      status text not null check (status in ('open', 'afgerond')),
      destination text not null check (destination in ('lokaal-team', 'gezin')),
      started_by uuid not null references staff (id),
      started_at timestamptz not null,
      team_table_held_on date,
      team_table_household jsonb,
      team_table_future_regisseur text,
      team_table_partners text,
      team_table_agreements text,
      team_table_recorded_by uuid references staff (id),
      team_table_recorded_at timestamptz,
      report_past_period text,
      report_goals jsonb,
      report_consent text check (report_consent in ('ja', 'nee')),
      report_recorded_by uuid references staff (id),
      report_recorded_at timestamptz,
      completed_by uuid references staff (id),
      completed_at timestamptz
    )
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
