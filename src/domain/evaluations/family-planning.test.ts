import { describe, expect, it } from 'vitest';
import {
  familyInviteeProblems,
  mayFamilyPlanEvaluation,
  type InvolvedOrganisation,
} from './family-planning.js';

// Two organisations involved in the case: the provider (behandelregie and an allocation) and
// the local team (responsible for the case).
const INVOLVED: readonly InvolvedOrganisation[] = [
  { id: 'aanbieder', name: 'Jeugdhulp Noord', involvement: ['rol', 'toewijzing'] },
  { id: 'team', name: 'Lokaal team Oost', involvement: ['lokaal-team'] },
];

describe('who in the family may plan an evaluation', () => {
  it('lets a representative and a young person of 16+ plan when the family holds casusregie', () => {
    expect(mayFamilyPlanEvaluation('vertegenwoordiger', true)).toEqual({ allowed: true });
    expect(mayFamilyPlanEvaluation('jongere-16-plus', true)).toEqual({ allowed: true });
  });

  it('refuses a 12–15-year-old: the parents plan it with them (Jeugdwet 7.3.4 lid 2)', () => {
    const answer = mayFamilyPlanEvaluation('jongere-12-15', true);
    expect(answer).toMatchObject({ allowed: false, refusal: 'jongere-12-15' });
  });

  it('refuses everyone when a professional holds casusregie, in "u" or "je" as fits', () => {
    const parent = mayFamilyPlanEvaluation('vertegenwoordiger', false);
    expect(parent).toMatchObject({ allowed: false, refusal: 'geen-casusregie' });
    expect(parent.allowed ? '' : parent.reason).toContain('Uw casusregisseur plant de evaluaties');
    const young = mayFamilyPlanEvaluation('jongere-16-plus', false);
    expect(young.allowed ? '' : young.reason).toContain('Je casusregisseur plant de evaluaties');
    // No casusregie outranks the age: the 14-year-old hears about the casusregisseur.
    expect(mayFamilyPlanEvaluation('jongere-12-15', false)).toMatchObject({
      refusal: 'geen-casusregie',
    });
  });
});

describe('whom the family invites', () => {
  it('accepts organisations involved in the case', () => {
    expect(familyInviteeProblems(['aanbieder', 'team'], INVOLVED)).toEqual([]);
  });

  it('asks for at least one', () => {
    expect(familyInviteeProblems([], INVOLVED).map((p) => p.path)).toEqual(['genodigden']);
  });

  it('names each organisation that is not involved, and a repeated one, by position', () => {
    // Position 0 fine; 1 unknown ("school"); 2 repeats position 0.
    expect(familyInviteeProblems(['team', 'school', 'team'], INVOLVED)).toEqual([
      {
        path: 'genodigden.1',
        message: 'deze organisatie helpt niet bij deze casus; kies uit de lijst',
      },
      { path: 'genodigden.2', message: 'deze organisatie staat er al' },
    ]);
  });
});
