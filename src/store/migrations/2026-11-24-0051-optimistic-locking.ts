import { sql, type Kysely } from 'kysely';

/**
 * Optimistic locking (issue 11, ADR 0028): records that two people can edit carry a revision,
 * an integer that every write raises by one. A write names the revision it was based on and is
 * refused (409) when the record moved on, so nobody silently overwrites someone else's work.
 *
 * - `plan.revision`: the plan as a whole (its concept content, fixing, adjusting, the progress
 *   an evaluation writes into it). Staff and the family portal edit the same concept.
 * - `evaluation_meeting.revision`: a planned evaluation; attaching the minutes is its edit.
 * - The analysis sections (assessments) are append-only: there the revision of a section is the
 *   number of records of its kind, and a write locks the case row to count (no column needed).
 * - `edit_revision`: what a record held at each revision, who saved it and when, so a refused
 *   write can be told which fields differ between what it was based on and what is stored now.
 *   It is found by the case's destruction through `case_id`, like every later table.
 */
const statements = [
  sql`alter table plan add column revision integer not null default 0`,
  sql`alter table evaluation_meeting add column revision integer not null default 0`,
  sql`
    create table edit_revision (
      entity text not null check (entity in ('plan', 'evaluatie')),
      entity_id uuid not null,
      revision integer not null check (revision >= 0),
      case_id uuid not null references casus (id),
      content jsonb not null,
      saved_at timestamptz not null,
      saved_by uuid references staff (id),
      saved_by_person uuid references person (id),
      primary key (entity, entity_id, revision)
    )
  `,
  sql`create index edit_revision_case on edit_revision (case_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
