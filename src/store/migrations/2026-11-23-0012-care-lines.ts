import { sql, type Kysely } from 'kysely';

/**
 * Starts and stops of care as the provider reported them (JW305, JW307), so that each new
 * message can be checked against the earlier ones (iJw 3.2 cross-message rules TR063, TR069,
 * TR071, TR074, TR326, TR413-TR415). A line deleted with StatusAanlevering 3, or a temporary
 * stop replaced by a definitive one, keeps its row with `deleted_at` set.
 *
 * Allocations started before this migration have no lines; a stop for them is refused with
 * TR069 until the provider sends the start again.
 */
const statements = [
  sql`
    create table care_line (
      id uuid primary key default gen_random_uuid(),
      allocation_id uuid not null references allocation (id),
      kind text not null check (kind in ('start', 'stop')),
      product text not null,
      begin_date date not null,
      end_date date,
      reason text,
      received_at timestamptz not null,
      deleted_at timestamptz
    )
  `,
  sql`create index care_line_allocation on care_line (allocation_id) where deleted_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
