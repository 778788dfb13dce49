/**
 * Opt-out on route B (GRO-TOE-OPTOUT, GRO "Toeleiding" — huisartsenroute and "Geen
 * toestemming/opt-out"): a signed statement in the provider's record; the local team is then
 * not involved, or only anonymously.
 */
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  anonymise,
  localTeamInvolvement,
  optOutProblems,
  type OptOutFacts,
  type OptOutStatement,
} from './index.js';

const facts = (overrides: Partial<OptOutFacts> = {}): OptOutFacts => ({
  route: 'B',
  today: '2026-11-23',
  familyIds: ['kind', 'moeder'],
  alreadyActive: false,
  localTeamInvolved: false,
  ...overrides,
});
const statement = (overrides: Partial<OptOutStatement> = {}): OptOutStatement => ({
  signedOn: '2026-11-20',
  signers: ['moeder'],
  reference: 'Verklaring opt-out 2026-11-20 (dossier)',
  ...overrides,
});
const paths = (s: OptOutStatement, f: OptOutFacts) => optOutProblems(s, f).map((p) => p.path);

describe('recording an opt-out (GRO-TOE-OPTOUT)', () => {
  it('accepts a statement signed by a family member, with its place in the record', () => {
    expect(optOutProblems(statement(), facts())).toEqual([]);
    expect(optOutProblems(statement({ signers: ['kind', 'moeder'] }), facts())).toEqual([]);
    // Signed today is fine; the day boundary is inclusive.
    expect(optOutProblems(statement({ signedOn: '2026-11-23' }), facts())).toEqual([]);
  });

  it('belongs to the medical referral route only', () => {
    const problems = optOutProblems(statement(), facts({ route: 'A' }));
    expect(problems.map((p) => p.path)).toEqual(['route']);
    expect(problems[0]?.message).toContain('GRO-TOE-OPTOUT');
    expect(paths(statement(), facts({ route: 'C' }))).toEqual(['route']);
  });

  it('needs a signature date not in the future, a signer from the family and a reference', () => {
    expect(
      paths(statement({ signedOn: '2026-11-24', signers: [], reference: ' ' }), facts()),
    ).toEqual(['ondertekendOp', 'ondertekendDoor', 'kenmerk']);
    expect(paths(statement({ signedOn: '2026-02-30' }), facts())).toEqual(['ondertekendOp']);
    expect(paths(statement({ signers: ['moeder', 'buurman'] }), facts())).toEqual([
      'ondertekendDoor.1',
    ]);
    expect(paths(statement({ signers: ['moeder', 'moeder'] }), facts())).toEqual([
      'ondertekendDoor',
    ]);
  });

  it('is not recorded twice, nor after the local team was already informed', () => {
    expect(paths(statement(), facts({ alreadyActive: true }))).toEqual(['optOut']);
    expect(paths(statement(), facts({ localTeamInvolved: true }))).toEqual(['lokaalTeam']);
  });
});

describe('involving the local team in assessing a request', () => {
  it('without an opt-out: openly or anonymously, as the back office chooses', () => {
    expect(localTeamInvolvement(false, false)).toEqual({ allowed: true, anonymous: false });
    expect(localTeamInvolvement(false, true)).toEqual({ allowed: true, anonymous: true });
  });

  it('with an opt-out: anonymously only, and the refusal names the rule', () => {
    expect(localTeamInvolvement(true, true)).toEqual({ allowed: true, anonymous: true });
    const refused = localTeamInvolvement(true, false);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.reason).toContain('GRO-TOE-OPTOUT');
  });

  it('an anonymous question shows age, municipality and products, nothing that identifies', () => {
    const shown = anonymise(
      {
        birthDate: '2014-11-24',
        municipality: 'Gemeente Groningen',
        products: [{ code: '45A03', name: 'Ambulant', volume: 4, unit: 'uur' }],
      },
      '2026-11-23',
    );
    expect(shown).toEqual({
      age: 11, // turns 12 tomorrow
      municipality: 'Gemeente Groningen',
      products: [{ code: '45A03', name: 'Ambulant', volume: 4, unit: 'uur' }],
    });
    expect(Object.keys(shown).sort()).toEqual(['age', 'municipality', 'products']);
    expect(anonymise({ birthDate: null, municipality: 'X', products: [] }, '2026-11-23').age).toBe(
      null,
    );
  });

  it('counts age in whole years, birthdays on the day itself', () => {
    expect(ageOn('2010-03-15', '2026-03-15')).toBe(16);
    expect(ageOn('2010-03-15', '2026-03-14')).toBe(15);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});
