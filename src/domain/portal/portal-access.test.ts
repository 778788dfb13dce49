import { describe, expect, it } from 'vitest';
import type { Actor, CaseAccessFacts } from '../access/case-access.js';
import { dayFromYmd } from '../time/index.js';
import {
  authorityProblems,
  mayManagePortalAccess,
  portalAccessStatus,
  readAlongRefusal,
} from './portal-access.js';

// A route A case on 23 November 2026: local team T is responsible and holds procesregie,
// casusregisseur C of team T holds casusregie personally, provider P has behandelregie.
const facts: CaseAccessFacts = {
  responsibleTeamId: 'T',
  activeRoles: [
    { role: 'procesregie', staffId: null, organisationId: 'T' },
    { role: 'casusregie', staffId: 'C', organisationId: 'T' },
    { role: 'behandelregie', staffId: null, organisationId: 'P' },
  ],
  breakGlassIds: ['B'],
};
const actor = (staffId: string, organisationId: string, roles: Actor['roles']): Actor => ({
  staffId,
  organisationId,
  roles,
});

describe('who manages the family portal access of a case', () => {
  it('lets the casusregisseur and the team lead of the responsible team', () => {
    expect(mayManagePortalAccess(actor('C', 'T', ['casusregisseur']), facts).allowed).toBe(true);
    expect(mayManagePortalAccess(actor('L', 'T', ['teamleider']), facts).allowed).toBe(true);
  });

  it('refuses the treating provider, who reads the case', () => {
    const d = mayManagePortalAccess(actor('Q', 'P', ['behandelaar']), facts);
    expect(d.allowed).toBe(false);
  });

  it('refuses break-the-glass access, which only reads', () => {
    const d = mayManagePortalAccess(actor('B', 'X', ['casusregisseur']), facts);
    expect(d).toEqual({
      allowed: false,
      reason: 'noodtoegang geeft alleen inzage, geen wijzigingen',
    });
  });

  it('lets the GI jeugdbeschermer on a court measure (casusregie held by the GI)', () => {
    const measure: CaseAccessFacts = {
      responsibleTeamId: null,
      activeRoles: [{ role: 'casusregie', staffId: null, organisationId: 'GI' }],
    };
    expect(mayManagePortalAccess(actor('J', 'GI', ['jeugdbeschermer']), measure).allowed).toBe(
      true,
    );
  });
});

// Ages on 23 November 2026: born 2012-05-01 is 14; born 2009-03-10 is 17; born 2018-01-01 is 8.
const today = dayFromYmd(2026, 11, 23);

describe('whether a person can log in to the portal now', () => {
  it('needs an address first', () => {
    const s = portalAccessStatus(
      { kind: 'ouder', birthDate: null, authorityRemoved: false, email: null },
      today,
    );
    expect(s).toMatchObject({ mayUse: false, reason: 'geen-email' });
  });

  it('names the removal of authority before a missing address', () => {
    const s = portalAccessStatus(
      { kind: 'ouder', birthDate: null, authorityRemoved: true, email: null },
      today,
    );
    expect(s).toMatchObject({ mayUse: false, reason: 'geen-gezag' });
  });

  it('lets a 17-year-old with an address in as 16+, and refuses an 8-year-old', () => {
    expect(
      portalAccessStatus(
        { kind: 'jeugdige', birthDate: '2009-03-10', authorityRemoved: false, email: 'd@x.nl' },
        today,
      ),
    ).toEqual({ mayUse: true, role: 'jongere-16-plus' });
    expect(
      portalAccessStatus(
        { kind: 'jeugdige', birthDate: '2018-01-01', authorityRemoved: false, email: 'm@x.nl' },
        today,
      ),
    ).toMatchObject({ mayUse: false, reason: 'jonger-dan-12' });
  });
});

describe('recording a removal of authority', () => {
  it('is for a parent only', () => {
    expect(authorityProblems('voogd', true, 'beschikking')).toEqual([
      expect.objectContaining({ path: 'gezagOntnomen' }),
    ]);
    expect(authorityProblems('jeugdige', false, null)).toHaveLength(1);
  });

  it('needs an explanation when set, not when undone', () => {
    expect(authorityProblems('ouder', true, '  ')).toEqual([
      expect.objectContaining({ path: 'toelichting' }),
    ]);
    expect(authorityProblems('ouder', true, 'Beschikking rechtbank 1 nov 2026')).toEqual([]);
    expect(authorityProblems('ouder', false, null)).toEqual([]);
  });

  it('refuses an explanation of 501 characters and takes one of 500', () => {
    expect(authorityProblems('ouder', true, 'x'.repeat(501))).toHaveLength(1);
    expect(authorityProblems('ouder', true, 'x'.repeat(500))).toEqual([]);
  });
});

describe('who chooses that the parents read along', () => {
  it('is the young person of 16 or older alone', () => {
    expect(readAlongRefusal('jongere-16-plus')).toBeNull();
    expect(readAlongRefusal('jongere-12-15')?.path).toBe('meelezen');
    expect(readAlongRefusal('vertegenwoordiger')?.message).toMatch(/jongere van 16 jaar/);
  });
});
