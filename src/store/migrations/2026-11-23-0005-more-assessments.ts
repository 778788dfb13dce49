import { sql, type Kysely } from 'kysely';

/**
 * More kinds of step-1 records: contact with each child (ZTM-DEC-CHILD-CONTACT), case
 * consultations (CO) with their decision, and the steps of the meldcode.
 */
const statements = [
  sql`alter table assessment drop constraint assessment_kind_check`,
  sql`
    alter table assessment add constraint assessment_kind_check check (kind in (
      'veiligheidscheck', 'vraaganalyse', 'risicotaxatie', 'regiecriteria', 'triage',
      'kindcontact', 'co-overleg', 'meldcode'
    ))
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
