/**
 * Evaluation minutes (ZTM "Evalueren en bijstellen", LEK "Monitoring en afsluiten"): every
 * goal of the fixed plan on the agenda and in the minutes with progress, decision and who does
 * what; the family present; distribution after the meeting (ZTM-TERM-MINUTES is measured from
 * the events these produce).
 */
import { describe, expect, it } from 'vitest';
import {
  agenda,
  distributionProblems,
  goalsWithProgress,
  minutesProblems,
  type Minutes,
} from './index.js';

const T = (iso: string) => Date.parse(iso);
const goals = [
  { id: 'g1', description: 'Jip gaat elke dag naar school' },
  { id: 'g2', description: 'Rust in huis na schooltijd' },
];
const facts = {
  planGoals: goals,
  registeredAt: T('2026-01-05T09:00:00Z'),
  now: T('2026-06-01T12:00:00Z'),
};
const minutes = (overrides: Partial<Minutes> = {}): Minutes => ({
  kind: 'tussen',
  heldAt: T('2026-05-20T10:00:00Z'),
  participants: [
    { name: 'Sanne Bosma', role: 'ouder', email: null },
    { name: 'Mentor De Borg', role: 'school', email: 'mentor@school.nl' },
  ],
  goals: [
    {
      goalId: 'g1',
      progress: 'loopt',
      notes: 'Twee keer verzuimd',
      decision: 'Doorgaan',
      actions: [{ who: 'Mentor', what: 'Dagelijks check-in' }],
    },
    { goalId: 'g2', progress: 'bereikt', notes: 'Rustig', decision: 'Afronden', actions: [] },
  ],
  general: 'Volgende evaluatie over drie maanden.',
  ...overrides,
});
const paths = (m: Minutes, f = facts) => minutesProblems(m, f).map((p) => p.path);

describe('evaluation minutes', () => {
  it('accepts minutes that discuss every goal with the family present', () => {
    expect(minutesProblems(minutes(), facts)).toEqual([]);
  });

  it('every goal of the fixed plan is discussed, once, and only goals of the plan', () => {
    const [first] = minutes().goals;
    if (!first) throw new Error('no goal');
    const onlyFirst = minutesProblems(minutes({ goals: [first] }), facts);
    expect(onlyFirst.map((p) => p.path)).toEqual(['doelen']);
    expect(onlyFirst[0]?.message).toContain('Rust in huis na schooltijd');
    expect(paths(minutes({ goals: [...minutes().goals, first] }))).toEqual(['doelen']);
    expect(paths(minutes({ goals: [...minutes().goals, { ...first, goalId: 'g9' }] }))).toEqual([
      'doelen.2.doelId',
    ]);
  });

  it('needs a fixed plan with goals to evaluate', () => {
    expect(paths(minutes({ goals: [] }), { ...facts, planGoals: [] })).toEqual(['plan']);
  });

  it('names who was there, the young person or a parent among them', () => {
    expect(paths(minutes({ participants: [] }))).toEqual(['deelnemers']);
    expect(
      paths(minutes({ participants: [{ name: 'Mentor', role: 'school', email: null }] })),
    ).toEqual(['deelnemers']);
    expect(paths(minutes({ participants: [{ name: ' ', role: 'ouder', email: null }] }))).toEqual([
      'deelnemers.0.naam',
    ]);
  });

  it('every action says who does what, and progress is one of the plan’s values', () => {
    const [first, second] = minutes().goals;
    if (!first || !second) throw new Error('no goals');
    expect(
      paths(
        minutes({
          goals: [
            { ...first, actions: [{ who: 'Mentor', what: ' ' }] },
            { ...second, progress: 'super' as never },
          ],
        }),
      ),
    ).toEqual(['doelen.0.acties.0', 'doelen.1.voortgang']);
  });

  it('was held between the registration and now', () => {
    expect(paths(minutes({ heldAt: T('2026-06-02T10:00:00Z') }))).toEqual(['gehoudenOp']);
    expect(paths(minutes({ heldAt: T('2026-01-01T10:00:00Z') }))).toEqual(['gehoudenOp']);
  });
});

describe('agenda', () => {
  const purposes = ['Start van de hulp', 'Voortgang en veiligheid', 'Borging'];
  it('opens with the purpose of this moment, then every goal', () => {
    expect(agenda(goals, purposes, 0).map((a) => a.text)).toEqual([
      'Start van de hulp',
      'Jip gaat elke dag naar school',
      'Rust in huis na schooltijd',
    ]);
    expect(agenda(goals, purposes, 1)[0]?.text).toBe('Voortgang en veiligheid');
    // After the ninth month the last purpose stays.
    expect(agenda(goals, purposes, 5)[0]?.text).toBe('Borging');
    expect(agenda(goals, [], 0).map((a) => a.goalId)).toEqual(['g1', 'g2']);
  });
});

describe('distributing the minutes', () => {
  const held = T('2026-05-20T10:00:00Z');
  it('after the meeting and not in the future, once', () => {
    expect(distributionProblems(held, T('2026-05-27T09:00:00Z'), facts.now, false)).toEqual([]);
    expect(distributionProblems(held, T('2026-05-19T09:00:00Z'), facts.now, false)).toHaveLength(1);
    expect(distributionProblems(held, T('2026-06-02T09:00:00Z'), facts.now, false)).toHaveLength(1);
    expect(distributionProblems(held, T('2026-05-27T09:00:00Z'), facts.now, true)[0]?.message).toBe(
      'het verslag is al verspreid',
    );
  });
});

describe('writing progress back into the plan', () => {
  it('sets the progress of each discussed goal and leaves the others', () => {
    const plan = [
      { id: 'g1', progress: 'loopt', description: 'School' },
      { id: 'g2', progress: 'niet-gestart', description: 'Slapen' },
    ];
    const written = goalsWithProgress(plan, [
      { goalId: 'g1', progress: 'bereikt', notes: '', decision: '', actions: [] },
      { goalId: 'weg', progress: 'niet-bereikt', notes: '', decision: '', actions: [] },
    ]);
    expect(written).toEqual([
      { id: 'g1', progress: 'bereikt', description: 'School' },
      { id: 'g2', progress: 'niet-gestart', description: 'Slapen' },
    ]);
    // The plan given is not changed in place.
    expect(plan[0]?.progress).toBe('loopt');
  });
});
