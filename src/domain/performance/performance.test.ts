import { describe, expect, it } from 'vitest';
import type { Actor, CaseAccessFacts } from '../access/case-access.js';
import { aggregateByProvider, aggregateScores, summary, type ScoreFigures } from './aggregate.js';
import {
  CRITERION_KEYS,
  PROVIDER_CRITERIA,
  goalShare,
  inSourceOrder,
  mayScoreProvider,
  providerClosure,
  scoreProblems,
  waitingTime,
  type CriterionKey,
  type Rating,
  type ScoreInput,
} from './provider-score.js';

const allRated = (rating: Rating, except: Partial<Record<CriterionKey, Rating>> = {}) =>
  Object.fromEntries(CRITERION_KEYS.map((k) => [k, except[k] ?? rating])) as Record<
    CriterionKey,
    Rating
  >;

/*
 * A small fixed dataset. Provider P has four scores, Q one. Expected values are worked out by
 * hand in the comments, not taken from the code.
 */
const P: ScoreFigures[] = [
  {
    providerId: 'P',
    satisfaction: 8,
    goals: ['bereikt', 'deels'], // share (1 + 0.5) / 2 = 0.75
    dropOut: false,
    waitingDays: 10,
    ratings: allRated('goed', { klachten: 'niet-te-beoordelen' }),
  },
  {
    providerId: 'P',
    satisfaction: 6,
    goals: ['niet-bereikt'], // share 0
    dropOut: true,
    waitingDays: 24,
    ratings: allRated('voldoende', { samenwerking: 'onvoldoende', klachten: 'onvoldoende' }),
  },
  {
    providerId: 'P',
    satisfaction: null, // not asked
    goals: [], // no goals: not in the goal share
    dropOut: false,
    waitingDays: null, // start unknown
    ratings: allRated('voldoende', {
      samenwerking: 'goed',
      bereikbaarheid: 'goed',
      klachten: 'niet-te-beoordelen',
    }),
  },
  {
    providerId: 'P',
    satisfaction: 9,
    goals: ['bereikt', 'bereikt', 'deels'], // share 2.5 / 3
    dropOut: false,
    waitingDays: 3,
    ratings: allRated('voldoende', { klachten: 'goed' }),
  },
];
const Q: ScoreFigures = {
  providerId: 'Q',
  satisfaction: null,
  goals: [],
  dropOut: true,
  waitingDays: 0,
  ratings: allRated('onvoldoende'),
};

describe('provider performance aggregate (hand-computed)', () => {
  const p = aggregateScores('P', P);

  it('counts the scores', () => {
    expect(p.n).toBe(4);
  });

  it('client satisfaction: mean and median of the marks given, with those not asked', () => {
    // 8, 6, 9 → mean 23/3, median 8; one score did not ask.
    expect(p.satisfaction.n).toBe(3);
    expect(p.satisfaction.mean).toBeCloseTo(7.6667, 4);
    expect(p.satisfaction.median).toBe(8);
    expect(p.satisfaction.notAsked).toBe(1);
  });

  it('goal attainment: the mean share per case and the goals by result', () => {
    // (0.75 + 0 + 0.8333) / 3 = 0.5278
    expect(p.goals.n).toBe(3);
    expect(p.goals.meanShare).toBeCloseTo(0.5278, 4);
    expect(p.goals.counts).toEqual({ bereikt: 3, deels: 2, 'niet-bereikt': 1 });
    expect(p.goals.goalCount).toBe(6);
  });

  it('drop-out: one of four', () => {
    expect(p.dropOut).toEqual({ n: 4, count: 1, share: 0.25 });
  });

  it('waiting time: mean and median of the known waits, with the unknown ones', () => {
    // 10, 24, 3 → mean 37/3, median 10
    expect(p.waiting.n).toBe(3);
    expect(p.waiting.mean).toBeCloseTo(12.3333, 4);
    expect(p.waiting.median).toBe(10);
    expect(p.waiting.unknown).toBe(1);
  });

  it('per RIJ point the spread of answers, in the order of the source', () => {
    expect(p.criteria.map((c) => c.key)).toEqual([
      'samenwerking',
      'bereikbaarheid',
      'transparantie',
      'bejegening',
      'samenwerking-anderen',
      'snelheid',
      'klachten',
    ]);
    const samenwerking = p.criteria[0];
    expect(samenwerking?.counts).toEqual({
      goed: 2,
      voldoende: 1,
      onvoldoende: 1,
      'niet-te-beoordelen': 0,
    });
    expect(samenwerking?.n).toBe(4);
    const bereikbaarheid = p.criteria[1];
    expect(bereikbaarheid?.counts).toEqual({
      goed: 2,
      voldoende: 2,
      onvoldoende: 0,
      'niet-te-beoordelen': 0,
    });
    const klachten = p.criteria[6];
    expect(klachten?.counts).toEqual({
      goed: 1,
      voldoende: 0,
      onvoldoende: 1,
      'niet-te-beoordelen': 2,
    });
    // "niet te beoordelen" is no answer: n is 2.
    expect(klachten?.n).toBe(2);
  });

  it('a single score with nothing asked still shows its n, with empty figures', () => {
    const q = aggregateScores('Q', [Q]);
    expect(q.n).toBe(1);
    expect(q.satisfaction).toEqual({ n: 0, mean: null, median: null, notAsked: 1 });
    expect(q.goals.n).toBe(0);
    expect(q.goals.meanShare).toBeNull();
    expect(q.dropOut).toEqual({ n: 1, count: 1, share: 1 });
    expect(q.waiting).toEqual({ n: 1, mean: 0, median: 0, unknown: 0 });
    expect(q.criteria.every((c) => c.n === 1 && c.counts.onvoldoende === 1)).toBe(true);
  });

  it('one aggregate per provider; listed providers first, also without scores', () => {
    const all = aggregateByProvider([Q, ...P], ['R']);
    expect(all.map((a) => [a.providerId, a.n])).toEqual([
      ['R', 0],
      ['P', 4],
      ['Q', 1],
    ]);
    const r = all[0];
    expect(r?.dropOut.share).toBeNull();
    expect(r?.satisfaction.mean).toBeNull();
    expect(r?.criteria.every((c) => c.n === 0)).toBe(true);
  });

  it('median of an even number of values is the mean of the middle two', () => {
    expect(summary([30, 3, 24, 10])).toEqual({ n: 4, mean: 16.75, median: 17 });
    expect(summary([])).toEqual({ n: 0, mean: null, median: null });
  });

  it('goal share of one score', () => {
    expect(goalShare([{ result: 'bereikt' }, { result: 'niet-bereikt' }])).toBe(0.5);
    expect(goalShare([])).toBeNull();
  });
});

const criteria = (rating: Rating = 'goed') =>
  PROVIDER_CRITERIA.map((c) => ({ key: c.key, rating, remark: null }));
const input = (over: Partial<ScoreInput> = {}): ScoreInput => ({
  providerId: 'P',
  satisfaction: 7,
  goals: [{ goalId: 'g1', result: 'bereikt' }],
  dropOut: false,
  criteria: criteria(),
  ...over,
});
const goals = { planGoals: [{ id: 'g1', description: 'Naar school' }] };

describe('checking a score', () => {
  it('accepts a complete score, also with satisfaction not asked', () => {
    expect(scoreProblems(input(), goals)).toEqual([]);
    expect(scoreProblems(input({ satisfaction: null }), goals)).toEqual([]);
  });

  it('satisfaction is a mark from 1 to 10', () => {
    for (const satisfaction of [0, 11, 7.5])
      expect(scoreProblems(input({ satisfaction }), goals).map((p) => p.path)).toEqual([
        'clienttevredenheid',
      ]);
  });

  it('goals come from a fixed plan, once each, and are required when the plan has goals', () => {
    expect(scoreProblems(input({ goals: [] }), goals).map((p) => p.path)).toEqual(['doelen']);
    expect(scoreProblems(input({ goals: [] }), { planGoals: [] })).toEqual([]);
    expect(
      scoreProblems(
        input({
          goals: [
            { goalId: 'g1', result: 'deels' },
            { goalId: 'g1', result: 'bereikt' },
            { goalId: 'onbekend', result: 'bereikt' },
          ],
        }),
        goals,
      ).map((p) => p.path),
    ).toEqual(['doelen.1.doelId', 'doelen.2.doelId']);
  });

  it('all seven RIJ points, each once', () => {
    const six = criteria().filter((c) => c.key !== 'klachten');
    const problems = scoreProblems(input({ criteria: six }), goals);
    expect(problems).toEqual([{ path: 'criteria', message: expect.stringContaining('Klachten') }]);
    const twice = [
      ...criteria(),
      { key: 'snelheid' as const, rating: 'goed' as const, remark: null },
    ];
    expect(scoreProblems(input({ criteria: twice }), goals).map((p) => p.path)).toEqual([
      'criteria.7.criterium',
    ]);
  });

  it('puts the points in the order of the source', () => {
    const reversed = [...criteria()].reverse();
    expect(inSourceOrder(reversed).map((c) => c.key)).toEqual(CRITERION_KEYS);
  });
});

describe('when a provider may be scored (closure)', () => {
  const today = '2026-06-01';
  const allocation = (
    status: 'toegewezen' | 'gestart' | 'opgeschort' | 'gestopt' | 'ingetrokken' | 'vervallen',
    end: string | null = null,
  ) => ({ number: '300001', status, end });

  it('not before its help has ended', () => {
    const running = providerClosure({
      allocations: [allocation('gestart')],
      behandelregie: [],
      caseClosed: false,
      today,
    });
    expect(running).toEqual({ ended: false, reason: expect.stringContaining('300001') });
    // A suspended allocation may still resume (8 weeks): it has not ended.
    expect(
      providerClosure({
        allocations: [allocation('opgeschort')],
        behandelregie: [],
        caseClosed: false,
        today,
      }).ended,
    ).toBe(false);
    // Its end date is today: it still runs today.
    expect(
      providerClosure({
        allocations: [allocation('gestart', today)],
        behandelregie: [],
        caseClosed: false,
        today,
      }).ended,
    ).toBe(false);
  });

  it('once every allocation stopped or passed its end date, and behandelregie ended', () => {
    expect(
      providerClosure({
        allocations: [
          allocation('gestopt'),
          allocation('gestart', '2026-05-31'),
          allocation('vervallen'),
        ],
        behandelregie: [{ active: false }],
        caseClosed: false,
        today,
      }),
    ).toEqual({ ended: true, basis: 'toewijzingen-beeindigd' });
    expect(
      providerClosure({
        allocations: [allocation('gestopt')],
        behandelregie: [{ active: true }],
        caseClosed: false,
        today,
      }).ended,
    ).toBe(false);
    expect(
      providerClosure({
        allocations: [],
        behandelregie: [{ active: false }],
        caseClosed: false,
        today,
      }),
    ).toEqual({ ended: true, basis: 'behandelregie-beeindigd' });
  });

  it('when the case is closed; never for a provider that did not help on the case', () => {
    expect(
      providerClosure({
        allocations: [allocation('gestart')],
        behandelregie: [],
        caseClosed: true,
        today,
      }),
    ).toEqual({ ended: true, basis: 'casus-afgesloten' });
    expect(
      providerClosure({ allocations: [], behandelregie: [], caseClosed: true, today }).ended,
    ).toBe(false);
  });
});

describe('waiting time', () => {
  it('from the first allocation with a known start to that start, in days', () => {
    expect(
      waitingTime([
        { allocatedOn: '2026-03-20', startedOn: '2026-03-25' },
        { allocatedOn: '2026-03-02', startedOn: '2026-03-30' },
        { allocatedOn: '2026-02-01', startedOn: null },
      ]),
    ).toEqual({ days: 28, from: '2026-03-02', to: '2026-03-30' });
  });

  it('is unknown without a start, and 0 when help started before the allocation', () => {
    expect(waitingTime([{ allocatedOn: '2026-03-02', startedOn: null }])).toBeNull();
    expect(waitingTime([])).toBeNull();
    expect(waitingTime([{ allocatedOn: '2026-03-10', startedOn: '2026-03-02' }])?.days).toBe(0);
  });
});

describe('who scores a provider', () => {
  const actor = (roles: Actor['roles'], organisationId = 'team', staffId = 's1'): Actor => ({
    staffId,
    organisationId,
    roles,
  });
  const facts: CaseAccessFacts = {
    responsibleTeamId: 'team',
    activeRoles: [
      { role: 'casusregie', staffId: 'regisseur-gi', organisationId: 'gi' },
      { role: 'behandelregie', staffId: null, organisationId: 'aanbieder' },
    ],
  };

  it('the casusregisseur or team lead of the responsible team, and the holder of casusregie', () => {
    expect(mayScoreProvider(actor(['casusregisseur']), facts).allowed).toBe(true);
    expect(mayScoreProvider(actor(['teamleider']), facts).allowed).toBe(true);
    expect(mayScoreProvider(actor(['jeugdbeschermer'], 'gi', 'regisseur-gi'), facts).allowed).toBe(
      true,
    );
  });

  it('not the provider, not the team back office, not a stranger', () => {
    const provider = mayScoreProvider(actor(['planner'], 'aanbieder', 'p1'), facts);
    expect(provider).toEqual({ allowed: false, reason: expect.stringContaining('casusregisseur') });
    expect(mayScoreProvider(actor(['backoffice']), facts).allowed).toBe(false);
    expect(mayScoreProvider(actor(['casusregisseur'], 'elders', 'x'), facts).allowed).toBe(false);
    expect(mayScoreProvider(actor(['contractmanager'], 'team'), facts).allowed).toBe(false);
  });
});
