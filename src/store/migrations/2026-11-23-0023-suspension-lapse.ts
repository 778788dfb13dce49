import { sql, type Kysely } from 'kysely';

/**
 * A suspension that is not resumed in time ends the entitlement (RIJ-TERM-SUSPEND, 8 weeks):
 * the allocation becomes `vervallen` and a new start on it is refused. `suspension_lapse`
 * records when and under which rule, once per allocation.
 */
const statements = [
  sql`alter table allocation drop constraint allocation_status_check`,
  sql`
    alter table allocation add constraint allocation_status_check
      check (status in ('toegewezen', 'gestart', 'opgeschort', 'gestopt', 'ingetrokken', 'vervallen'))
  `,
  sql`
    create table suspension_lapse (
      id uuid primary key default gen_random_uuid(),
      allocation_id uuid not null unique references allocation (id),
      rule_id text not null,
      suspended_on date not null,
      lapsed_on date not null,
      recorded_at timestamptz not null
    )
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
