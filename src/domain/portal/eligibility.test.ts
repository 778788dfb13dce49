import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../time/index.js';
import { mayUsePortal } from './eligibility.js';

const today = dayFromYmd(2026, 11, 23);

describe('who may use the family portal', () => {
  it('lets a parent with authority, a custodian and a guardian in as representatives', () => {
    for (const kind of ['ouder', 'gezagsdrager', 'voogd'] as const)
      expect(
        mayUsePortal({ kind, birthDate: '1985-04-02', authorityRemoved: false }, today),
      ).toEqual({ allowed: true, role: 'vertegenwoordiger' });
  });

  it('refuses a parent whose authority was removed, and says why', () => {
    const result = mayUsePortal({ kind: 'ouder', birthDate: null, authorityRemoved: true }, today);
    expect(result.allowed).toBe(false);
    expect(result.allowed ? '' : result.reason).toContain('geen gezag');
    expect(result.allowed ? null : result.refusal).toBe('geen-gezag');
  });

  it('lets young people in from their 12th birthday, in two age bands', () => {
    const young = (birthDate: string) =>
      mayUsePortal({ kind: 'jeugdige', birthDate, authorityRemoved: false }, today);
    // 12 on 23 November 2026: born 23 November 2014. A day later born: still 11.
    expect(young('2014-11-24')).toMatchObject({ allowed: false, refusal: 'jonger-dan-12' });
    expect(young('2014-11-23')).toEqual({ allowed: true, role: 'jongere-12-15' });
    // 16 on 23 November 2026: born 23 November 2010; born a day later: still 15.
    expect(young('2010-11-24')).toEqual({ allowed: true, role: 'jongere-12-15' });
    expect(young('2010-11-23')).toEqual({ allowed: true, role: 'jongere-16-plus' });
  });

  it('refuses a young person whose birth date is unknown rather than guess the age', () => {
    const result = mayUsePortal(
      { kind: 'jeugdige', birthDate: null, authorityRemoved: false },
      today,
    );
    expect(result).toMatchObject({ allowed: false, refusal: 'geboortedatum-onbekend' });
  });
});
