import { sql, type Kysely } from 'kysely';

/**
 * Contracts, budgets and route A allocation (issue 5).
 *
 * - `contract`: one line per provider under a contract partner (main contractor) of the
 *   region, with the product codes it may deliver and the period.
 * - `budget`: a municipality's youth care budget per year (GRO-DEC-BUDGET).
 * - `allocation_proposal`: the local team's proposal (arrangement, products, handover) and
 *   the back office's decision on it.
 * - `allocation` now records for which municipality it was made, the extent, its value in
 *   the budget year, whether it bridges a waiting period, and the proposal it came from.
 *   Allocations made before this migration have no value (0) and no municipality.
 */
const statements = [
  sql`
    create table contract (
      region text not null,
      partner_agb text not null,
      partner_name text not null,
      provider_agb text not null,
      provider_name text not null,
      products text[] not null,
      valid_from date not null,
      valid_to date,
      updated_at timestamptz not null default now(),
      primary key (region, partner_agb, provider_agb)
    )
  `,
  sql`create index contract_provider on contract (region, provider_agb)`,
  sql`
    create table budget (
      municipality_code text not null,
      year integer not null,
      amount_cents bigint not null check (amount_cents >= 0),
      updated_at timestamptz not null default now(),
      updated_by uuid references staff (id),
      primary key (municipality_code, year)
    )
  `,
  sql`
    create table allocation_proposal (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      region text not null,
      municipality_code text not null,
      provider_id uuid not null references organisation (id),
      client_id uuid not null references person (id),
      plan_version_id uuid not null references plan_version (id),
      content jsonb not null,
      status text not null check (status in ('voorgesteld', 'toegewezen', 'afgewezen')),
      proposed_by uuid not null references staff (id),
      proposed_at timestamptz not null,
      decided_by uuid references staff (id),
      decided_at timestamptz,
      decision_reason text,
      message_id uuid references ijw_message (id)
    )
  `,
  sql`create index allocation_proposal_open on allocation_proposal (municipality_code, status)`,
  sql`create index allocation_proposal_case on allocation_proposal (case_id)`,
  sql`alter table allocation add column municipality_code text`,
  sql`alter table allocation add column volume integer`,
  sql`alter table allocation add column unit text`,
  sql`alter table allocation add column frequency text`,
  sql`alter table allocation add column value_cents bigint not null default 0`,
  sql`alter table allocation add column bridging boolean not null default false`,
  sql`alter table allocation add column proposal_id uuid references allocation_proposal (id)`,
  sql`create index allocation_municipality on allocation (municipality_code, start_date)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
