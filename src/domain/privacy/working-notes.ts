/**
 * Working notes (werkaantekeningen, ZTM "Privacy en ethiek"; DOMAIN.md section 10; ADR 0018): a
 * professional's own notes on a case. They are not part of the record: only their author reads,
 * changes or deletes them, and they never appear in the timeline, the case detail, a PDF, an
 * export or a record request. Pure checks; the store applies them.
 */

/** The most a note may hold (characters). */
export const WORKING_NOTE_MAX = 10_000;

/** The label every screen shows next to working notes. */
export const WORKING_NOTE_LABEL = 'Alleen voor u zichtbaar; geen onderdeel van het dossier';

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** A note needs text, within the limit. */
export function workingNoteProblems(text: string): Problem[] {
  if (text.trim().length === 0) return [{ path: 'tekst', message: 'schrijf de aantekening' }];
  if (text.length > WORKING_NOTE_MAX)
    return [{ path: 'tekst', message: `hoogstens ${WORKING_NOTE_MAX} tekens` }];
  return [];
}

/**
 * Whether this staff member may see or touch a note: its author, and nobody else — not the team
 * lead, not the privacy officer, not a beheerder.
 */
export function mayUseWorkingNote(staffId: string, note: { readonly authorId: string }): boolean {
  return note.authorId === staffId;
}
