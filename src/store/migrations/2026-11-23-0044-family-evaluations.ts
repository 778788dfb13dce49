import { sql, type Kysely } from 'kysely';

/**
 * A family holding casusregie plans its own evaluations (issue 10, ADR 0026).
 *
 * - `evaluation_meeting.planned_by` may be empty when a family member planned the meeting:
 *   `planned_by_person` names them instead (one of the two is always set).
 * - `location` (a place or a video link), `topics` (what the family wants to discuss) and
 *   `invited_organisations` (ids of the involved organisations invited; their staff are
 *   notified and see the meeting on the case page). Professionals' meetings keep `[]`.
 * - `evaluation_meeting_input`: a family member's own words for an upcoming evaluation, one
 *   text per person and meeting, shown to the invited professionals.
 * - Notification kind `evaluatie`: an invitation to an evaluation.
 */
const statements = [
  sql`alter table evaluation_meeting alter column planned_by drop not null`,
  sql`alter table evaluation_meeting add column planned_by_person uuid references person (id)`,
  sql`alter table evaluation_meeting add column location text`,
  sql`alter table evaluation_meeting add column topics jsonb not null default '[]'`,
  sql`alter table evaluation_meeting add column invited_organisations jsonb not null default '[]'`,
  sql`
    alter table evaluation_meeting add constraint evaluation_meeting_planner
      check (planned_by is not null or planned_by_person is not null)
  `,
  sql`
    create table evaluation_meeting_input (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references evaluation_meeting (id),
      person_id uuid not null references person (id),
      text text not null,
      updated_at timestamptz not null,
      unique (meeting_id, person_id)
    )
  `,
  sql`alter table notification drop constraint notification_kind_check`,
  sql`
    alter table notification add constraint notification_kind_check check (
      kind in ('voortgangsverslag', 'calamiteit', 'crisis', 'escalatie', 'aanpassing', 'evaluatie')
    )
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
