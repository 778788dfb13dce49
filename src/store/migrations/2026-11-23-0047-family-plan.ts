import { sql, type Kysely } from 'kysely';

/**
 * The familiegroepsplan written in the family portal (issue 10, ADR 0026).
 *
 * - A plan and a plan version may now be started by a family member in the portal: then
 *   `created_by` (staff) is null and `created_by_person` names the person; exactly one of the
 *   two is set.
 * - `family_agreement_status`: when the family holds casusregie it keeps track of the
 *   agreements of its familiegroepsplan (done or not, on which date, a short note). The status
 *   follows the agreement's stable id across versions, so fixing or adjusting the plan does not
 *   lose it, and a status is not part of the signed content. One row per agreement (the latest
 *   word); the audit log keeps every change. Goes with its plan, and is found by the case's
 *   destruction through `case_id` like every later table.
 */
const statements = [
  sql`alter table plan alter column created_by drop not null`,
  sql`alter table plan add column created_by_person uuid references person (id)`,
  sql`
    alter table plan add constraint plan_creator_check
      check ((created_by is null) <> (created_by_person is null))
  `,
  sql`alter table plan_version alter column created_by drop not null`,
  sql`alter table plan_version add column created_by_person uuid references person (id)`,
  sql`
    alter table plan_version add constraint plan_version_creator_check
      check ((created_by is null) <> (created_by_person is null))
  `,
  sql`
    create table family_agreement_status (
      plan_id uuid not null references plan (id) on delete cascade,
      agreement_id text not null,
      case_id uuid not null references casus (id),
      done boolean not null,
      on_date date not null,
      note text not null default '' check (length(note) <= 500),
      recorded_by_person uuid not null references person (id),
      recorded_at timestamptz not null,
      primary key (plan_id, agreement_id)
    )
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
