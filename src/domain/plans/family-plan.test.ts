/**
 * The familiegroepsplan as the family writes it (ADR 0026), on a small fixed example: Gezin
 * Bakker's plan with one goal a professional wrote (g1, about the whole family), one goal only
 * about Daan (16, g2, hidden from his mother) and the mother's change. Expectations are worked
 * out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import {
  familyPlanProblems,
  mayFamilyTrackAgreements,
  mayFamilyWritePlan,
  withFamilyPart,
  type FamilyPlanInput,
} from './family-plan.js';
import type { Goal, PlanContent } from './types.js';

const g1: Goal = {
  id: 'g1',
  resultArea: 'onderwijs',
  description: 'Naar school',
  measurableTarget: 'Vijf dagen per week op school',
  owner: { kind: 'professional', name: 'Mentor' },
  targetDate: '2026-06-30',
  progress: 'loopt',
};
const g2: Goal = { ...g1, id: 'g2', description: 'Eigen kamer', aboutPersonIds: ['daan'] };
const before: PlanContent = {
  goals: [g1, g2],
  authors: 'Kim',
  casusregie: { alignment: 'De casusregisseur belt elke maand' },
};

describe('who may write and keep track', () => {
  it('a 12-15-year-old reads along; a parent and a 16+ young person write', () => {
    expect(mayFamilyWritePlan('jongere-12-15').allowed).toBe(false);
    expect(mayFamilyWritePlan('jongere-16-plus').allowed).toBe(true);
    expect(mayFamilyWritePlan('vertegenwoordiger').allowed).toBe(true);
  });

  it('keeping track needs casusregie with the family; the reason speaks "u" or "je"', () => {
    const parent = mayFamilyTrackAgreements('vertegenwoordiger', false);
    expect(parent).toMatchObject({ allowed: false, refusal: 'geen-casusregie' });
    expect(parent.allowed ? '' : parent.reason).toMatch(/^Uw casusregisseur/);
    const young = mayFamilyTrackAgreements('jongere-16-plus', false);
    expect(young.allowed ? '' : young.reason).toMatch(/^Je casusregisseur/);
    expect(mayFamilyTrackAgreements('jongere-12-15', true)).toMatchObject({
      allowed: false,
      refusal: 'jongere-12-15',
    });
    expect(mayFamilyTrackAgreements('jongere-16-plus', true).allowed).toBe(true);
  });
});

describe('familyPlanProblems', () => {
  it('names each empty or wrong field, and a row given twice', () => {
    const input: FamilyPlanInput = {
      goals: [
        { id: 'a', description: ' ', measurableTarget: '', who: '', targetDate: '' },
        { id: 'a', description: 'Rust', measurableTarget: '', who: '', targetDate: '2026-02-30' },
      ],
      network: [{ name: 'Oma', support: '' }],
      agreements: [{ id: null, who: 'Kim', what: 'Bellen', by: '2026-03-20' }],
    };
    // goal 0: empty description (a blank is empty); an empty date is allowed.
    // goal 1: 30 February does not exist; its id repeats goal 0's.
    // network 0: support missing. agreement 0: complete.
    expect(familyPlanProblems(input)).toEqual([
      { path: 'doelen.0.omschrijving', message: 'schrijf op wat jullie willen bereiken' },
      { path: 'doelen.1.streefdatum', message: 'geen geldige datum' },
      { path: 'netwerk.0.steun', message: 'schrijf op hoe deze persoon helpt' },
      { path: 'doelen.1.id', message: 'deze regel staat er twee keer in' },
    ]);
  });
});

describe('withFamilyPart', () => {
  it('keeps hidden goals and what the family does not edit; fills in the rest', () => {
    let next = 0;
    const ids = () => `n${++next}`;
    const after = withFamilyPart(
      before,
      {
        perspective: 'Rustig thuis',
        authors: '',
        goals: [
          // g1 rewritten; its result area and progress stay, Oma is in the network.
          {
            id: 'g1',
            description: 'Elke dag naar school',
            measurableTarget: 'Vijf dagen',
            who: 'oma',
            targetDate: '2026-07-01',
          },
          // Takes over the hidden goal's id: gets a new one (n1) instead.
          { id: 'g2', description: 'Sporten', measurableTarget: '', who: 'Daan', targetDate: '' },
        ],
        network: [{ name: ' Oma ', support: 'Haalt op' }],
        agreements: [{ id: null, who: 'Kim', what: 'Bellen', by: '2026-03-20' }],
      },
      (g) => g.id === 'g2',
      ids,
    );
    expect(after).toEqual({
      // untouched by the family
      casusregie: { alignment: 'De casusregisseur belt elke maand' },
      // '' removes the authors; perspective is new
      perspective: 'Rustig thuis',
      goals: [
        g2,
        {
          id: 'g1',
          resultArea: 'onderwijs',
          description: 'Elke dag naar school',
          measurableTarget: 'Vijf dagen',
          owner: { kind: 'netwerk', name: 'oma' },
          targetDate: '2026-07-01',
          progress: 'loopt',
        },
        {
          id: 'n1',
          resultArea: '',
          description: 'Sporten',
          measurableTarget: '',
          owner: { kind: 'gezin', name: 'Daan' },
          targetDate: '',
          progress: 'niet-gestart',
        },
      ],
      network: [{ name: 'Oma', support: 'Haalt op' }],
      // the agreement gets the next id: n2
      familyAgreements: [{ id: 'n2', who: 'Kim', what: 'Bellen', by: '2026-03-20' }],
    });
  });
});
