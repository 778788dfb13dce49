import { sql, type Kysely } from 'kysely';

/**
 * Planned evaluations (issue 6): the meeting before it is held — kind, moment and invitees.
 * When its minutes are recorded, `evaluation_id` points to them.
 */
const statements = [
  sql`
    create table evaluation_meeting (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      kind text not null check (kind in ('tussen', 'eind', 'gezinsplan')),
      planned_at timestamptz not null,
      invitees jsonb not null,
      planned_by uuid not null references staff (id),
      created_at timestamptz not null,
      evaluation_id uuid references evaluation (id)
    )
  `,
  sql`create index evaluation_meeting_case on evaluation_meeting (case_id, planned_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
