import { sql, type Kysely } from 'kysely';

/**
 * Each case's evaluated deadlines kept in the database (issue 11, ADR 0029), so the work list
 * and the digest read them instead of running the rules engine over every visible case on every
 * request. A row holds what the engine said at one case revision (migration 0039), under one
 * version of the case's region profile, on one local day; it is stale as soon as any of the
 * three differs. `pending` holds every deadline not yet met with the instant from which it
 * counts as overdue, so a reader derives open or overdue at any moment of the day without the
 * engine. `first_overdue_from` is the earliest of those instants (null: nothing pending).
 *
 * `deadline_recompute_run` records a full recomputation (after a profile change) with its
 * progress, which the work list shows while it runs.
 */
const statements = [
  sql`
    create table case_deadline_state (
      case_id uuid primary key references casus (id) on delete cascade,
      revision bigint not null,
      profile_version text not null,
      evaluated_day integer not null,
      evaluated_at timestamptz not null,
      pending jsonb not null,
      first_overdue_from timestamptz
    )
  `,
  sql`
    create table deadline_recompute_run (
      id uuid primary key default gen_random_uuid(),
      reason text not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      total integer not null check (total >= 0),
      done integer not null default 0 check (done >= 0),
      failed integer not null default 0 check (failed >= 0),
      error text
    )
  `,
  sql`create index deadline_recompute_run_started on deadline_recompute_run (started_at desc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
