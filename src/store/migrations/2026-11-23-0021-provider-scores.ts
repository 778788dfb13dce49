import { sql, type Kysely } from 'kysely';

/**
 * Provider performance (issue 7): one score per case and provider, given by the casusregie side
 * when the provider's help on the case has ended. The national KPIs have columns (the waiting
 * time is computed from the allocation and the start, with the dates it was computed from); the
 * seven RIJ points and the goals are JSON lists. Remarks stay with the score on the case: the
 * aggregate for contract managers and providers reads only the figures.
 */
const statements = [
  sql`
    create table provider_score (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      region text not null,
      provider_id uuid not null references organisation (id),
      closure_basis text not null
        check (closure_basis in ('casus-afgesloten', 'toewijzingen-beeindigd', 'behandelregie-beeindigd')),
      satisfaction integer check (satisfaction between 1 and 10),
      goals jsonb not null,
      drop_out boolean not null,
      waiting_days integer check (waiting_days >= 0),
      waiting_from date,
      waiting_to date,
      criteria jsonb not null,
      scored_by uuid not null references staff (id),
      scored_by_org uuid not null references organisation (id),
      scored_at timestamptz not null,
      unique (case_id, provider_id)
    )
  `,
  sql`create index provider_score_region on provider_score (region, provider_id)`,
  sql`create index provider_score_provider on provider_score (provider_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
