/**
 * Working notes (werkaantekeningen, ZTM; ADR 0018) in the database. Only the author lists, reads,
 * changes or deletes a note: anyone else — colleague, team lead, privacy officer — gets "not
 * found", exactly as for a note that does not exist. Nothing here writes to the timeline, and no
 * case view, PDF or export reads this table. Every read and change is audited without the text.
 */
import type { Kysely } from 'kysely';
import { mayUseWorkingNote, workingNoteProblems } from '../domain/privacy/working-notes.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'Werkaantekening niet gevonden.';

export interface WorkingNoteView {
  readonly id: string;
  readonly caseId: string;
  readonly text: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const view = (r: {
  id: string;
  case_id: string;
  text: string;
  created_at: Date;
  updated_at: Date;
}): WorkingNoteView => ({
  id: r.id,
  caseId: r.case_id,
  text: r.text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const invalidText = (text: string) => {
  const problems = workingNoteProblems(text);
  if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
};

/** The caller's own notes on a case (never anyone else's), newest first; audited. */
export async function myWorkingNotes(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<WorkingNoteView[]> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const rows = await trx
      .selectFrom('working_note')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('author_id', '=', ctx.actor.staffId)
      .orderBy('created_at', 'desc')
      .execute();
    await writeAudit(trx, ctx, {
      action: 'werkaantekening.lijst',
      caseId,
      details: { count: rows.length },
    });
    return rows.map(view);
  });
}

/** A new note by the caller on a case they may read; audited without the text. */
export async function addWorkingNote(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  text: string,
  now: Date,
): Promise<{ readonly id: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    invalidText(text);
    const row = await trx
      .insertInto('working_note')
      .values({
        case_id: caseId,
        author_id: ctx.actor.staffId,
        text: text.trim(),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'werkaantekening.maken',
      caseId,
      details: { noteId: row.id },
    });
    return { id: row.id };
  });
}

/**
 * Loads a note for its author; anyone else learns nothing (404). The author also needs to read
 * the case still: a note never outlives the author's access to the family.
 */
async function ownNote(db: Kysely<Database>, ctx: RequestContext, noteId: string, action: string) {
  if (!UUID.test(noteId)) throw new StoreError('not-found', NOT_FOUND);
  const row = await db
    .selectFrom('working_note')
    .selectAll()
    .where('id', '=', noteId)
    .executeTakeFirst();
  if (!row || !mayUseWorkingNote(ctx.actor.staffId, { authorId: row.author_id })) {
    await writeAudit(db, ctx, {
      action: 'werkaantekening.geweigerd',
      caseId: row?.case_id ?? null,
      details: { noteId, attempted: action },
    });
    throw new StoreError('not-found', NOT_FOUND);
  }
  return row;
}

/** One of the caller's notes; audited. */
export async function getWorkingNote(
  db: Kysely<Database>,
  ctx: RequestContext,
  noteId: string,
  now: Date,
): Promise<WorkingNoteView> {
  const row = await ownNote(db, ctx, noteId, 'lezen');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, row.case_id, now);
    await writeAudit(trx, ctx, {
      action: 'werkaantekening.lezen',
      caseId: row.case_id,
      details: { noteId },
    });
    return view(row);
  });
}

/** Replaces the text of one of the caller's notes; audited without the text. */
export async function changeWorkingNote(
  db: Kysely<Database>,
  ctx: RequestContext,
  noteId: string,
  text: string,
  now: Date,
): Promise<void> {
  const row = await ownNote(db, ctx, noteId, 'wijzigen');
  await inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, row.case_id, now);
    invalidText(text);
    await trx
      .updateTable('working_note')
      .set({ text: text.trim(), updated_at: now })
      .where('id', '=', noteId)
      .where('author_id', '=', ctx.actor.staffId)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'werkaantekening.wijzigen',
      caseId: row.case_id,
      details: { noteId },
    });
  });
}

/**
 * Deletes one of the caller's notes for good (it was never part of the record). The author may
 * do this even after losing access to the case.
 */
export async function deleteWorkingNote(
  db: Kysely<Database>,
  ctx: RequestContext,
  noteId: string,
): Promise<void> {
  const row = await ownNote(db, ctx, noteId, 'verwijderen');
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('working_note')
      .where('id', '=', noteId)
      .where('author_id', '=', ctx.actor.staffId)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'werkaantekening.verwijderen',
      caseId: row.case_id,
      details: { noteId },
    });
  });
}
