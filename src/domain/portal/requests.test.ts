import { describe, expect, it } from 'vitest';
import {
  casusregisseurReasonProblems,
  declineProblems,
  casusregisseurRefusal,
  familyNoteProblems,
  mayReadFamilyNote,
  mayReadSharedFamilyNotes,
  recordRequestRefusal,
} from './requests.js';

describe('asking for a casusregisseur in the portal', () => {
  const holds = { familyHoldsCasusregie: true, openRequest: false };

  it('lets a representative and a young person of 16 or older ask while the family holds it', () => {
    expect(casusregisseurRefusal({ role: 'vertegenwoordiger', ...holds })).toBeNull();
    expect(casusregisseurRefusal({ role: 'jongere-16-plus', ...holds })).toBeNull();
  });

  it('refuses a young person of 12 to 15 (403): the parents ask with them', () => {
    expect(casusregisseurRefusal({ role: 'jongere-12-15', ...holds })).toMatchObject({
      status: 403,
      path: 'casusregisseur',
    });
  });

  it('answers 409 when a professional holds casusregie, or a request is still open', () => {
    expect(
      casusregisseurRefusal({
        role: 'vertegenwoordiger',
        familyHoldsCasusregie: false,
        openRequest: false,
      }),
    ).toMatchObject({ status: 409, message: expect.stringContaining('al een casusregisseur') });
    expect(
      casusregisseurRefusal({
        role: 'vertegenwoordiger',
        familyHoldsCasusregie: true,
        openRequest: true,
      }),
    ).toMatchObject({ status: 409, message: expect.stringContaining('al om een') });
  });

  it('accepts no reason or one of at most 500 characters', () => {
    expect(casusregisseurReasonProblems(null)).toEqual([]);
    expect(casusregisseurReasonProblems('x'.repeat(500))).toEqual([]);
    expect(casusregisseurReasonProblems('x'.repeat(501))).toEqual([
      { path: 'reden', message: 'hoogstens 500 tekens' },
    ]);
  });
});

describe('the local team declines a request for a casusregisseur', () => {
  it('needs an open request (409), then an explanation for the family of at most 2000 characters', () => {
    expect(declineProblems(false, 'Wij zien dat het gezin het goed doet.')).toMatchObject({
      status: 409,
      path: 'verzoek',
    });
    expect(declineProblems(true, '   ')).toEqual([
      { path: 'toelichting', message: 'schrijf voor het gezin waarom niet' },
    ]);
    expect(declineProblems(true, 'x'.repeat(2001))).toEqual([
      { path: 'toelichting', message: 'hoogstens 2000 tekens' },
    ]);
    expect(declineProblems(true, ` ${'x'.repeat(2000)} `)).toEqual([]);
  });
});

describe('inspection and copy in the portal', () => {
  it('lets everyone in the portal ask: from 12 the right is the young person’s own (Jeugdwet 7.3.10, 7.3.15)', () => {
    expect(recordRequestRefusal('vertegenwoordiger')).toBeNull();
    expect(recordRequestRefusal('jongere-16-plus')).toBeNull();
    expect(recordRequestRefusal('jongere-12-15')).toBeNull();
  });
});

describe('own notes', () => {
  it('needs text of at most 2000 characters (spaces around it do not count)', () => {
    expect(familyNoteProblems('  ')).toEqual([{ path: 'tekst', message: 'schrijf iets op' }]);
    expect(familyNoteProblems(` ${'a'.repeat(2000)} `)).toEqual([]);
    expect(familyNoteProblems('a'.repeat(2001))).toEqual([
      { path: 'tekst', message: 'hoogstens 2000 tekens' },
    ]);
  });

  it('is read only by its writer, shared or not', () => {
    expect(mayReadFamilyNote('kim', { personId: 'kim' })).toBe(true);
    expect(mayReadFamilyNote('noor', { personId: 'kim' })).toBe(false);
  });
});

describe('who reads the notes a family shared with the casusregisseur', () => {
  // Team T is responsible; provider P holds behandelregie; GP staff G holds casusregie personally.
  const facts = {
    responsibleTeamId: 'T',
    activeRoles: [
      { role: 'behandelregie' as const, staffId: null, organisationId: 'P' },
      { role: 'casusregie' as const, staffId: 'G', organisationId: 'H' },
    ],
  };

  it('lets the holder of casusregie and the responsible team’s regie staff read them', () => {
    const gp = { staffId: 'G', organisationId: 'H', roles: ['huisarts' as const] };
    const lead = { staffId: 'L', organisationId: 'T', roles: ['teamleider' as const] };
    expect(mayReadSharedFamilyNotes(gp, facts).allowed).toBe(true);
    expect(mayReadSharedFamilyNotes(lead, facts).allowed).toBe(true);
  });

  it('refuses the treating provider, who reads the case but is not the casusregie side', () => {
    const provider = { staffId: 'B', organisationId: 'P', roles: ['behandelaar' as const] };
    expect(mayReadSharedFamilyNotes(provider, facts)).toMatchObject({ allowed: false });
  });
});
