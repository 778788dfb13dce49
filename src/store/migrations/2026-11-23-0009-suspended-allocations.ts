import { sql, type Kysely } from 'kysely';

/**
 * An allocation whose delivery the provider stopped for a while (JW307 with reason 20,
 * "levering is tijdelijk beëindigd") is suspended, not ended: a new JW305 resumes it.
 */
const statements = [
  sql`alter table allocation drop constraint allocation_status_check`,
  sql`
    alter table allocation add constraint allocation_status_check
      check (status in ('toegewezen', 'gestart', 'opgeschort', 'gestopt', 'ingetrokken'))
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
