import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../time/index.js';
import { mayStateConsent, maySignInPortal } from './statements.js';

// The household on 24 November 2026:
// - Sandra and Peter, parents (ouder);
// - Noor, born 1 May 2012: 14 (12-15: decides together with the parents);
// - Daan, born 10 March 2009: 17 (16+: decides alone);
// - Mila, born 1 January 2018: 8 (under 12: the parents decide);
// - Sem, born 25 November 2014: 11 today, 12 tomorrow.
const today = dayFromYmd(2026, 11, 24);
const members = [
  { id: 'sandra', name: 'Sandra', kind: 'ouder', birthDate: null },
  { id: 'peter', name: 'Peter', kind: 'ouder', birthDate: null },
  { id: 'noor', name: 'Noor', kind: 'jeugdige', birthDate: '2012-05-01' },
  { id: 'daan', name: 'Daan', kind: 'jeugdige', birthDate: '2009-03-10' },
  { id: 'mila', name: 'Mila', kind: 'jeugdige', birthDate: '2018-01-01' },
  { id: 'sem', name: 'Sem', kind: 'jeugdige', birthDate: '2014-11-25' },
] as const;

const sandra = { personId: 'sandra', role: 'vertegenwoordiger' } as const;
const noor = { personId: 'noor', role: 'jongere-12-15' } as const;
const daan = { personId: 'daan', role: 'jongere-16-plus' } as const;

describe('consent statements in the portal: everyone for themselves (Jeugdwet 7.3.4, 7.3.5, 7.3.15)', () => {
  it('lets every portal user state their own consent', () => {
    for (const viewer of [sandra, noor, daan])
      expect(mayStateConsent(viewer, viewer.personId, members, today)).toEqual({ allowed: true });
  });

  it('refuses a 14-year-old who tries to withdraw for her brother or her mother', () => {
    expect(mayStateConsent(noor, 'daan', members, today)).toEqual({
      allowed: false,
      reason: 'Je kunt alleen je eigen toestemming geven of intrekken, niet die van Daan.',
    });
    expect(mayStateConsent(noor, 'sandra', members, today).allowed).toBe(false);
  });

  it('tells a parent that her own statement counts for a child under 12', () => {
    const mila = mayStateConsent(sandra, 'mila', members, today);
    expect(mila.allowed).toBe(false);
    if (!mila.allowed) expect(mila.reason).toContain('Mila is jonger dan 12');
    // Sem turns 12 tomorrow: today he is still 11.
    const sem = mayStateConsent(sandra, 'sem', members, today);
    if (!sem.allowed) expect(sem.reason).toContain('Sem is jonger dan 12');
  });

  it('tells a parent that a 14-year-old decides along, and a 17-year-old alone', () => {
    const forNoor = mayStateConsent(sandra, 'noor', members, today);
    if (forNoor.allowed) throw new Error('expected a refusal');
    expect(forNoor.reason).toContain('Noor is 12 tot 16 jaar en beslist mee');
    const forDaan = mayStateConsent(sandra, 'daan', members, today);
    if (forDaan.allowed) throw new Error('expected a refusal');
    expect(forDaan.reason).toBe('Daan is 16 jaar of ouder en beslist zelf over de eigen gegevens.');
  });

  it('refuses a parent who states for the other parent, and an unknown person', () => {
    expect(mayStateConsent(sandra, 'peter', members, today)).toEqual({
      allowed: false,
      reason: 'Alleen Peter kan de eigen toestemming geven of intrekken.',
    });
    expect(mayStateConsent(sandra, 'onbekend', members, today)).toEqual({
      allowed: false,
      reason: 'U kunt alleen uw eigen toestemming geven of intrekken.',
    });
  });
});

describe('signing in the portal (ZTM-DEC-SIGN)', () => {
  it('lets the parents and the young people of 12 and older sign', () => {
    for (const id of ['sandra', 'peter', 'noor', 'daan'])
      expect(maySignInPortal(id, members, today)).toEqual({ allowed: true });
  });

  it('does not let an 8-year-old or an 11-year-old sign; Sem may from tomorrow (12)', () => {
    expect(maySignInPortal('mila', members, today).allowed).toBe(false);
    expect(maySignInPortal('sem', members, today).allowed).toBe(false);
    expect(maySignInPortal('sem', members, dayFromYmd(2026, 11, 25))).toEqual({ allowed: true });
  });
});
