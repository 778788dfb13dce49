import { sql, type Kysely } from 'kysely';

/**
 * Ending by the provider (issue 7; RIJ-DEC-PROVIDER-END).
 * - `provider_ending`: one procedure for one allocation, from the provider's early notice
 *   (step 1) through its report (step 4, with `copy`, the anonymised copy that is all a contract
 *   manager reads), the casusregisseur's decision weighing criteria a-d (step 5) and the handover
 *   (step 6). At most one procedure per allocation runs at a time.
 * - `provider_ending_talk`: the talks with the young person and the parents or guardian, with
 *   their reports and agreements (steps 2 and 3); `talk_ids` of the report names the ones it
 *   attaches.
 */
const statements = [
  sql`
    create table provider_ending (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      case_id uuid not null references casus (id),
      region text not null,
      rule_id text not null,
      allocation_id uuid not null references allocation (id),
      provider_id uuid not null references organisation (id),
      status text not null
        check (status in ('gestart', 'gemeld', 'ingestemd', 'geweigerd', 'overgedragen')),
      first_reason text not null,
      started_by uuid not null references staff (id),
      started_at timestamptz not null,
      reasons text,
      follow_up_proposal text,
      family_informed_on date,
      talk_ids jsonb,
      copy jsonb,
      reported_by uuid references staff (id),
      reported_at timestamptz,
      decision text check (decision in ('instemmen', 'weigeren')),
      criteria jsonb,
      decision_reason text,
      decided_by uuid references staff (id),
      decided_at timestamptz,
      follow_up text,
      last_day date,
      warm_handover text,
      handed_over_by uuid references staff (id),
      handed_over_at timestamptz
    )
  `,
  sql`create index provider_ending_case on provider_ending (case_id, started_at)`,
  sql`
    create unique index provider_ending_one_open on provider_ending (allocation_id)
    where status in ('gestart', 'gemeld', 'ingestemd')
  `,
  sql`
    create index provider_ending_copies on provider_ending (region, reported_at)
    where reported_at is not null
  `,
  sql`
    create table provider_ending_talk (
      id uuid primary key default gen_random_uuid(),
      ending_id uuid not null references provider_ending (id),
      held_on date not null,
      with_young_person boolean not null,
      with_parents boolean not null,
      participants text not null,
      report text not null,
      agreements text not null,
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null
    )
  `,
  sql`create index provider_ending_talk_ending on provider_ending_talk (ending_id, held_on)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
