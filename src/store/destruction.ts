/**
 * Destroying a record for real (Jeugdwet 7.3.9; retention 7.3.8 lid 3; ADR 0019): every row of
 * the case and everything hanging off it, and — when the household has no other case — the
 * household and its persons, in the caller's transaction, children before parents. Tables added
 * later that point at the case directly are found through the catalogue and emptied too; the
 * audit log is the one exception: its rows stay (identifiers only, and the hash chain of ADR
 * 0015 needs every one of them).
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

/** Rows of the case in tables that hang off it, children first: (table, condition on the case). */
const CASE_ROWS: readonly (readonly [string, string])[] = [
  ['record_withholding', 'request_id in (select id from record_request where case_id = $1)'],
  ['record_request', 'case_id = $1'],
  ['retention_due', 'case_id = $1'],
  ['working_note', 'case_id = $1'],
  ['consent', 'case_id = $1'],
  ['notification', 'case_id = $1'],
  [
    'plan_signature',
    'plan_version_id in (select v.id from plan_version v join plan p on p.id = v.plan_id where p.case_id = $1)',
  ],
  [
    'evaluation_meeting_input',
    'meeting_id in (select id from evaluation_meeting where case_id = $1)',
  ],
  ['evaluation_meeting', 'case_id = $1'],
  ['evaluation', 'case_id = $1'],
  ['provider_report', 'case_id = $1'],
  ['subcontractor_announcement', 'case_id = $1'],
  ['provider_contact', 'case_id = $1'],
  ['provider_score', 'case_id = $1'],
  ['escalation_level', 'escalation_id in (select id from escalation where case_id = $1)'],
  ['escalation', 'case_id = $1'],
  ['allocation_adjustment', 'case_id = $1'],
  ['provider_ending_talk', 'ending_id in (select id from provider_ending where case_id = $1)'],
  ['provider_ending', 'case_id = $1'],
  ['care_line', 'allocation_id in (select id from allocation where case_id = $1)'],
  ['suspension_lapse', 'allocation_id in (select id from allocation where case_id = $1)'],
  ['allocation', 'case_id = $1'],
  ['allocation_proposal', 'case_id = $1'],
  ['team_question', 'case_id = $1'],
  ['case_move', 'case_id = $1'],
  [
    'casusregie_handover_meeting',
    'handover_id in (select id from casusregie_handover where case_id = $1)',
  ],
  ['casusregie_handover', 'case_id = $1'],
  ['crisis', 'case_id = $1'],
  ['case_closure', 'case_id = $1'],
  ['closing_report', 'case_id = $1'],
  ['measure_ending', 'case_id = $1'],
  ['opt_out', 'case_id = $1'],
  ['assessment', 'case_id = $1'],
  ['plan_version', 'plan_id in (select id from plan where case_id = $1)'],
  ['plan', 'case_id = $1'],
  ['case_event', 'case_id = $1'],
];

/** Tables that keep their rows when a record is destroyed (see the module comment). */
const KEPT = new Set(['audit_log']);

async function deleteWhere(trx: Trx, table: string, condition: string, id: string) {
  const [before, after] = condition.split('$1') as [string, string];
  await sql`delete from ${sql.table(table)} where ${sql.raw(before)}${id}${sql.raw(after)}`.execute(
    trx,
  );
}

/** Tables of the current schema with the given column, apart from the kept ones. */
async function tablesWithColumn(trx: Trx, column: string): Promise<string[]> {
  const rows = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = ${column}
      and t.table_type = 'BASE TABLE'
    order by c.table_name
  `.execute(trx);
  return rows.rows.map((r) => r.table_name).filter((t) => !KEPT.has(t));
}

export interface DestructionReport {
  /** Whether the household and its persons went too (no other case of theirs remained). */
  readonly householdDestroyed: boolean;
}

/**
 * Deletes the case, and its household when no other case of it remains, in the caller's
 * transaction. The caller checks who may do this and writes the one audit line.
 */
export async function destroyCaseRows(trx: Trx, caseId: string): Promise<DestructionReport> {
  const casus = await trx
    .selectFrom('casus')
    .select('household_id')
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // Lets this transaction (only) delete from the append-only timeline, signatures, assessments.
  await sql`select set_config('casusregie.vernietiging', 'aan', true)`.execute(trx);
  const householdId = casus.household_id;
  const others = await trx
    .selectFrom('casus')
    .select('id')
    .where('household_id', '=', householdId)
    .where('id', '!=', caseId)
    .execute();
  const wholeHousehold = others.length === 0;
  const bsns = wholeHousehold
    ? (
        await trx
          .selectFrom('person')
          .select('bsn')
          .where('household_id', '=', householdId)
          .where('bsn', 'is not', null)
          .execute()
      ).map((p) => p.bsn as string)
    : [];

  // iJw messages about the case (or its people), with the answers to them, in one statement.
  const messages = await sql<{ id: string }>`
    with recursive about as (
      select id from ijw_message
      where case_id = ${caseId}
        or (client_bsn is not null and client_bsn = any(${bsns}::text[]))
      union
      select m.id from ijw_message m join about a on m.answers_id = a.id
    )
    select id from about
  `.execute(trx);

  for (const [table, condition] of CASE_ROWS) await deleteWhere(trx, table, condition, caseId);
  if (messages.rows.length > 0)
    await sql`delete from ijw_message where id = any(${messages.rows.map((m) => m.id)}::uuid[])`.execute(
      trx,
    );
  // Tables added after this list that point at the case directly.
  for (const table of await tablesWithColumn(trx, 'case_id'))
    if (table !== 'casus') await deleteWhere(trx, table, 'case_id = $1', caseId);
  await deleteWhere(trx, 'case_role', 'case_id = $1', caseId);
  await trx.deleteFrom('casus').where('id', '=', caseId).execute();

  if (wholeHousehold) {
    for (const table of await tablesWithColumn(trx, 'person_id'))
      await deleteWhere(
        trx,
        table,
        'person_id in (select id from person where household_id = $1)',
        householdId,
      );
    await trx.deleteFrom('person').where('household_id', '=', householdId).execute();
    for (const table of await tablesWithColumn(trx, 'household_id'))
      if (table !== 'person' && table !== 'casus')
        await deleteWhere(trx, table, 'household_id = $1', householdId);
    await trx.deleteFrom('household').where('id', '=', householdId).execute();
  }
  return { householdDestroyed: wholeHousehold };
}
