import { sql, type Kysely } from 'kysely';

/**
 * Adjusting help, op- en afschalen (issue 6): a proposal to change one running allocation, the
 * procesregisseur's decision, and what it led to — the changed allocation (a JW301 with the same
 * ToewijzingNummer and RedenWijziging) and/or the allocation proposal for the new help. One row
 * per proposal keeps the whole history; at most one open proposal per allocation.
 */
const statements = [
  sql`
    create table allocation_adjustment (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      allocation_id uuid not null references allocation (id),
      direction text not null check (direction in ('op', 'af', 'anders')),
      content jsonb not null,
      status text not null
        check (status in ('voorgesteld', 'goedgekeurd', 'afgewezen', 'uitgevoerd', 'niet-toegewezen')),
      proposed_by uuid not null references staff (id),
      proposed_by_org uuid not null references organisation (id),
      proposed_at timestamptz not null,
      decided_by uuid references staff (id),
      decided_at timestamptz,
      decision_note text,
      proposal_id uuid references allocation_proposal (id),
      message_id uuid references ijw_message (id),
      executed_at timestamptz,
      outcome jsonb
    )
  `,
  sql`create index allocation_adjustment_case on allocation_adjustment (case_id, proposed_at)`,
  sql`
    create unique index allocation_adjustment_open on allocation_adjustment (allocation_id)
    where status in ('voorgesteld', 'goedgekeurd')
  `,
  sql`
    create unique index allocation_adjustment_proposal on allocation_adjustment (proposal_id)
    where proposal_id is not null
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
