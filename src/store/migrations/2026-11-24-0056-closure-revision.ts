import { sql, type Kysely } from 'kysely';

/**
 * Optimistic locking on the closure draft (issue 11, ADR 0028). Everyone who may assign roles on
 * a case (the casusregisseur, the team's other members and team lead) can save its closure
 * draft, section by section. `case_closure.revision` is raised by every save; a save names the
 * revision it was based on and is refused (409) when a section it sends was changed by someone
 * else since. `edit_revision` keeps the draft's sections per revision, so the refusal can name
 * them; its entity check learns the new kind.
 */
const statements = [
  sql`alter table case_closure add column revision integer not null default 0`,
  sql`alter table edit_revision drop constraint edit_revision_entity_check`,
  sql`
    alter table edit_revision add constraint edit_revision_entity_check
      check (entity in ('plan', 'evaluatie', 'afsluiting'))
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
