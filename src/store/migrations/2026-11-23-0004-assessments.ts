import { sql, type Kysely } from 'kysely';

/**
 * Assessments of step 1 (issue 4): safety check, needs analysis, risk assessment, regie
 * criteria and triage decisions. Each save is a new record (append-only, in `seq` order), so the history of
 * e.g. the weight of regie stays; the latest record of a kind is the current one.
 */
const statements = [
  sql`
    create table assessment (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      case_id uuid not null references casus (id),
      kind text not null check (kind in ('veiligheidscheck', 'vraaganalyse', 'risicotaxatie', 'regiecriteria', 'triage')),
      content jsonb not null,
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null default now()
    )
  `,
  sql`create index assessment_case on assessment (case_id, seq)`,
  sql`
    create trigger assessment_append_only before update or delete on assessment
      for each row execute function refuse_change()
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
