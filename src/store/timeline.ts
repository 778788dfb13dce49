/**
 * Writing an entry on a case's timeline from inside a store transaction that has already
 * checked access: rule events the engine reads (`evaluatie`, `start-hulp`, …) and notes.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface TimelineEntry {
  readonly caseId: string;
  readonly type: string;
  readonly at: Date;
  readonly note: string;
  /** Staff who recorded it; null when a message from another system caused it. */
  readonly by: string | null;
  readonly kind?: string | null;
}

export async function addTimelineEntry(
  db: Kysely<Database> | Transaction<Database>,
  entry: TimelineEntry,
): Promise<void> {
  await db
    .insertInto('case_event')
    .values({
      case_id: entry.caseId,
      type: entry.type,
      at: entry.at,
      child_id: null,
      kind: entry.kind ?? null,
      date: null,
      note: entry.note,
      recorded_by: entry.by,
    })
    .execute();
}
