import { sql, type Kysely } from 'kysely';

/** The familiegroepsplan offer and the family's answer (Jeugdwet article 4.1.2). */
const statements = [
  sql`alter table assessment drop constraint assessment_kind_check`,
  sql`
    alter table assessment add constraint assessment_kind_check check (kind in (
      'veiligheidscheck', 'vraaganalyse', 'risicotaxatie', 'regiecriteria', 'triage',
      'kindcontact', 'co-overleg', 'meldcode', 'familiegroepsplan-aanbod'
    ))
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
