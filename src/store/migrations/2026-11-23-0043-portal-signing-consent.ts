import { sql, type Kysely } from 'kysely';

/**
 * Signing the plan and consent statements in the family portal (issue 10, ADR 0026). A family
 * member now records their own signature and their own consent statement, without a
 * professional in between:
 * - `plan_signature.method` gains `gezinsportaal`; `recorded_by` is null exactly for those (the
 *   person signed themselves, logged in to the portal).
 * - `consent.recorded_by` is null for a statement the person made in the portal; such a
 *   statement is always `digitaal`.
 * The content hash stays on every signature, so a later change of the concept voids it.
 */
const statements = [
  sql`alter table plan_signature drop constraint plan_signature_method_check`,
  sql`
    alter table plan_signature add constraint plan_signature_method_check
      check (method in ('op-scherm', 'papier-gescand', 'gezinsportaal'))
  `,
  sql`alter table plan_signature alter column recorded_by drop not null`,
  sql`
    alter table plan_signature add constraint plan_signature_recorded_by_check
      check ((recorded_by is null) = (method = 'gezinsportaal'))
  `,
  sql`alter table consent alter column recorded_by drop not null`,
  sql`
    alter table consent add constraint consent_recorded_by_check
      check (recorded_by is not null or manner = 'digitaal')
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
