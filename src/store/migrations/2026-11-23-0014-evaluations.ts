import { sql, type Kysely } from 'kysely';

/**
 * Evaluations with their minutes (issue 6): the meeting about the goals of a fixed plan version,
 * who took part, per goal the progress, decision and actions, and when the minutes went to the
 * participants. The case timeline gets `evaluatie` and `verslag-verspreid` events from these, so
 * the cadences and ZTM-TERM-MINUTES follow.
 */
const statements = [
  sql`
    create table evaluation (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      plan_version_id uuid not null references plan_version (id),
      kind text not null check (kind in ('tussen', 'eind', 'gezinsplan')),
      held_at timestamptz not null,
      participants jsonb not null,
      minutes jsonb not null,
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null,
      distributed_at timestamptz,
      distributed_by uuid references staff (id)
    )
  `,
  sql`create index evaluation_case on evaluation (case_id, held_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
