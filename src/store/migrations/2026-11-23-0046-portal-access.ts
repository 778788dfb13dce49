import { sql, type Kysely } from 'kysely';

/**
 * Portal access managed by the professional side, and a 16+ young person's agreement that the
 * parents read along (issue 10, ADR 0026).
 *
 * - `person.authority_note`, `authority_changed_at`, `authority_changed_by`: the court decision
 *   a removal of authority rests on, when and by whom it was recorded (or undone).
 * - `portal_read_along`: per young person and case, whether the parents may see what concerns
 *   only that young person (Jeugdwet 7.3.11, WGBO 7:457); the young person changes it at any
 *   time, the latest choice counts. No row: not agreed. Destroyed with the case (its `case_id`
 *   is found by store/destruction.ts like every later table).
 */
const statements = [
  sql`alter table person add column authority_note text`,
  sql`alter table person add column authority_changed_at timestamptz`,
  sql`alter table person add column authority_changed_by uuid references staff (id)`,
  sql`
    create table portal_read_along (
      case_id uuid not null references casus (id),
      person_id uuid not null references person (id),
      allowed boolean not null,
      changed_at timestamptz not null,
      primary key (case_id, person_id)
    )
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
