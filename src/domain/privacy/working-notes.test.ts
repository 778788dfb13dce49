import { describe, expect, it } from 'vitest';
import { mayUseWorkingNote, workingNoteProblems, WORKING_NOTE_MAX } from './working-notes.js';

describe('working notes (werkaantekeningen, ZTM)', () => {
  it('need text within the limit', () => {
    expect(workingNoteProblems('  ')).toEqual([
      { path: 'tekst', message: 'schrijf de aantekening' },
    ]);
    expect(workingNoteProblems('x'.repeat(WORKING_NOTE_MAX + 1))[0]?.path).toBe('tekst');
    expect(workingNoteProblems('Moeder leek gespannen; volgende keer naar vragen.')).toEqual([]);
  });
  it('belong to their author only', () => {
    expect(mayUseWorkingNote('a', { authorId: 'a' })).toBe(true);
    expect(mayUseWorkingNote('lead', { authorId: 'a' })).toBe(false);
  });
});
