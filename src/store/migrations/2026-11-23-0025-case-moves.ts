import { sql, type Kysely } from 'kysely';

/**
 * A family moves to another municipality (issue 7, ZOU-DEC-ENDING step 3; ADR 0013).
 * - `case_move`: from which region and local team to which municipality, local team and region,
 *   the day the family moves, why, and the warm handover of casusregie it runs through
 *   (`handover_id`). Completing that handover completes the move; cancelling it cancels the move.
 *   One open move per case.
 */
const statements = [
  sql`
    create table case_move (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      handover_id uuid not null references casusregie_handover (id),
      from_region text not null,
      from_team_id uuid not null references organisation (id),
      to_region text not null,
      to_municipality_id uuid not null references organisation (id),
      to_team_id uuid not null references organisation (id),
      move_date date not null,
      reason text not null,
      status text not null check (status in ('open', 'afgerond', 'geannuleerd')),
      created_by uuid not null references staff (id),
      created_at timestamptz not null,
      completed_at timestamptz
    )
  `,
  sql`create index case_move_case on case_move (case_id, created_at)`,
  sql`create unique index case_move_one_open on case_move (case_id) where status = 'open'`,
  sql`create index case_move_handover on case_move (handover_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
