import { describe, expect, it } from 'vitest';
import type { GoalResult, Rating } from '../performance/provider-score.js';
import { outcomeTables, providerTables } from './outcome-tables.js';
import { insufficientRatings, outcomes, providerOutcomes, type OutcomeRow } from './outcomes.js';

const ON = { on: true, threshold: 5 };
const OFF = { on: false, threshold: 5 };

function score(
  month: string,
  over: {
    route?: 'A' | 'B' | 'C';
    provider?: string;
    satisfaction?: number | null;
    goals?: GoalResult[];
    dropOut?: boolean;
    waitingDays?: number | null;
    ratings?: Partial<Record<'samenwerking' | 'klachten' | 'snelheid', Rating>>;
  } = {},
): OutcomeRow {
  return {
    month,
    route: over.route ?? 'A',
    providerId: over.provider ?? 'P',
    satisfaction: over.satisfaction ?? null,
    goals: over.goals ?? [],
    dropOut: over.dropOut ?? false,
    waitingDays: over.waitingDays ?? null,
    ratings: over.ratings ?? {},
  };
}

const rowsOf = (t: { rows: readonly { label: string; cells: readonly unknown[] }[] }) =>
  Object.fromEntries(t.rows.map((r) => [r.label, r.cells]));

describe('outcomes per month and route', () => {
  const rows = [
    score('2026-01', {
      satisfaction: 8,
      goals: ['bereikt', 'deels'],
      waitingDays: 10,
      ratings: { samenwerking: 'goed', klachten: 'onvoldoende' },
    }),
    score('2026-01', {
      route: 'B',
      provider: 'Q',
      goals: ['niet-bereikt'],
      dropOut: true,
      ratings: { samenwerking: 'onvoldoende', snelheid: 'onvoldoende' },
    }),
    score('2026-02', { satisfaction: 6, waitingDays: 20 }),
    // December is outside the months asked for: left out everywhere, also from the total.
    score('2025-12', { satisfaction: 1, goals: ['bereikt'], dropOut: true }),
  ];
  const o = outcomes(rows, ['2026-01', '2026-02', '2026-03']);

  it('counts goals, drop-outs and satisfaction per month, every month shown', () => {
    const [jan, feb, mar] = o.byMonth;
    // January: two scores; goals bereikt 1, deels 1, niet bereikt 1; one drop-out; satisfaction
    // asked once (8), not asked once; goal share (1 + ½) / 2 = 0.75 and 0 → mean 0.375.
    expect(jan?.key).toBe('2026-01');
    expect(jan?.figures.n).toBe(2);
    expect(jan?.figures.goals.counts).toEqual({ bereikt: 1, deels: 1, 'niet-bereikt': 1 });
    expect(jan?.figures.dropOut.count).toBe(1);
    expect(jan?.figures.satisfaction).toMatchObject({ n: 1, mean: 8, notAsked: 1 });
    expect(jan?.figures.goals.meanShare).toBe(0.375);
    // February: one score without goals, satisfaction 6.
    expect(feb?.figures.n).toBe(1);
    expect(feb?.figures.goals.goalCount).toBe(0);
    expect(feb?.figures.satisfaction.mean).toBe(6);
    // March: no scores, still a line.
    expect(mar?.key).toBe('2026-03');
    expect(mar?.figures.n).toBe(0);
    expect(mar?.figures.satisfaction.mean).toBeNull();
  });

  it('groups by route and totals the months asked for only', () => {
    const [a, b, c] = o.byRoute;
    // Route A: January's first and February's score; satisfaction (8 + 6) / 2 = 7.
    expect(a?.figures.n).toBe(2);
    expect(a?.figures.satisfaction.mean).toBe(7);
    expect(a?.figures.dropOut.count).toBe(0);
    // Route B: the drop-out without satisfaction.
    expect(b?.figures.n).toBe(1);
    expect(b?.figures.dropOut.count).toBe(1);
    expect(b?.figures.satisfaction).toMatchObject({ n: 0, mean: null, notAsked: 1 });
    expect(c?.figures.n).toBe(0);
    // Total: three scores (not December's), goals 1/1/1, one drop-out, satisfaction 7 over 2.
    expect(o.total.n).toBe(3);
    expect(o.total.goals.counts).toEqual({ bereikt: 1, deels: 1, 'niet-bereikt': 1 });
    expect(o.total.dropOut.count).toBe(1);
    expect(o.total.satisfaction).toMatchObject({ n: 2, mean: 7 });
  });

  it('counts the "onvoldoende" answers per provider, listed providers first', () => {
    const p = providerOutcomes(
      [...rows.slice(0, 3), score('2026-03', { provider: 'S', waitingDays: 3 })],
      ['Q', 'P', 'R'],
    );
    // Q, P and R as listed (R without scores), then S that has scores but was not listed.
    expect(p.providers.map((x) => [x.key, x.figures.n])).toEqual([
      ['Q', 1],
      ['P', 2],
      ['R', 0],
      ['S', 1],
    ]);
    // Q: samenwerking and snelheid "onvoldoende" → 2; P: klachten → 1; R and S: none.
    expect(p.providers.map((x) => insufficientRatings(x.figures))).toEqual([2, 1, 0, 0]);
    // P waited 10 and 20 days: median 15.
    expect(p.providers[1]?.figures.waiting.median).toBe(15);
    expect(p.total.n).toBe(4);
  });
});

describe('outcome tables', () => {
  // January: seven scores. Goals: scores 1-6 one goal reached each, score 7 two goals partly
  // reached → bereikt 6, deels 2, niet 0. Drop-outs: scores 6 and 7 → 2. Satisfaction 8 × 7.
  // February: three scores. Goals: reached + not reached, not reached, not reached → bereikt
  // 1, deels 0, niet 3. One drop-out. Satisfaction 5 and 8 (one not asked) → 6.5.
  // March: none.
  const jan = Array.from({ length: 7 }, (_, i) =>
    score('2026-01', {
      satisfaction: 8,
      goals: i < 6 ? ['bereikt'] : ['deels', 'deels'],
      dropOut: i >= 5,
    }),
  );
  const feb = [
    score('2026-02', { satisfaction: 5, goals: ['bereikt', 'niet-bereikt'], dropOut: true }),
    score('2026-02', { satisfaction: 8, goals: ['niet-bereikt'] }),
    score('2026-02', { goals: ['niet-bereikt'] }),
  ];
  const o = outcomes([...jan, ...feb], ['2026-01', '2026-02', '2026-03']);

  it('shows every figure to a team lead', () => {
    const [byMonth] = outcomeTables(o, OFF);
    expect(byMonth?.columns).toEqual([
      'Maand',
      'Beoordelingen',
      'Doelen bereikt',
      'Doelen deels bereikt',
      'Doelen niet bereikt',
      'Uitval',
      'Tevredenheid (gemiddeld, 1-10)',
    ]);
    // Total satisfaction: (7 × 8 + 5 + 8) / 9 = 69 / 9 = 7.67 → 7.7.
    expect(rowsOf(byMonth ?? { rows: [] })).toEqual({
      'jan 2026': [7, 6, 2, 0, 2, 8],
      'feb 2026': [3, 1, 0, 3, 1, 6.5],
      'mrt 2026': [0, 0, 0, 0, 0, null],
      Totaal: [10, 7, 2, 3, 3, 7.7],
    });
  });

  it('hides small rows, the row that would give one away, and small counts', () => {
    const [byMonth, byRoute] = outcomeTables(o, ON);
    // Scores per month 7, 3, 0, total 10: February's 3 is below 5; the total minus the others
    // would give it away, so January (the smallest other non-zero row) is hidden too: "x".
    // Both rows show none of their figures and no satisfaction.
    // Column "bereikt" 6, 1, 0 (total 7): 1 reads "< 5", 6 is hidden with it ("x").
    // Column "deels" 2, 0, 0 (total 2): 2 and the total read "< 5"; February's 0 is in a hidden
    // row: "x". Column "niet" 0, 3, 0 (total 3): 3 and the total "< 5"; January's 0: "x".
    // Drop-outs 2, 1, 0 (total 3): all three below 5. March's zeros are shown.
    // Total satisfaction over 9 answers (≥ 5): 7.7.
    expect(rowsOf(byMonth ?? { rows: [] })).toEqual({
      'jan 2026': ['x', 'x', '< 5', 'x', '< 5', null],
      'feb 2026': ['< 5', '< 5', 'x', '< 5', '< 5', null],
      'mrt 2026': [0, 0, 0, 0, 0, null],
      Totaal: [10, 7, '< 5', '< 5', '< 5', 7.7],
    });
    // All ten are route A: the row stands on 10 scores and is shown, but its small counts
    // (deels 2, niet 3, drop-outs 3) read "< 5" and so do the equal totals.
    expect(rowsOf(byRoute ?? { rows: [] })).toEqual({
      'Route A': [10, 7, '< 5', '< 5', '< 5', 7.7],
      'Route B': [0, 0, 0, 0, 0, null],
      'Route C': [0, 0, 0, 0, 0, null],
      Totaal: [10, 7, '< 5', '< 5', '< 5', 7.7],
    });
  });

  it('leaves out the totals row when it stands on fewer than 5 scores', () => {
    const few = outcomes(feb, ['2026-02']);
    // One month, 3 scores: the month and the total both read "< 5" and show nothing else
    // (the total's bereikt 1 and niet 3 are "< 5" by their own count; deels 0 is hidden: "x").
    expect(rowsOf(outcomeTables(few, ON)[0] ?? { rows: [] })).toEqual({
      'feb 2026': ['< 5', '< 5', 'x', '< 5', '< 5', null],
      Totaal: ['< 5', '< 5', 'x', '< 5', '< 5', null],
    });
  });
});

describe('provider table', () => {
  // P, six scores:
  //   goals           satisfaction  drop-out  waiting  onvoldoende
  //   bereikt         9             no        10       klachten
  //   bereikt, niet   7             no        14
  //   deels           —             yes       20
  //   bereikt         8             no        —
  //   —               6             no        30
  //   —               10            no        12       samenwerking, snelheid
  // Goal share over the 4 scores with goals: 1, ½, ½, 1 → 3 / 4 = 75 %. Drop-out 1 / 6 = 17 %.
  // Waiting 10, 12, 14, 20, 30 → median 14. Satisfaction 9, 7, 8, 6, 10 → 40 / 5 = 8.
  // Onvoldoende 3.
  const p = [
    score('2026-01', {
      goals: ['bereikt'],
      satisfaction: 9,
      waitingDays: 10,
      ratings: { klachten: 'onvoldoende' },
    }),
    score('2026-01', { goals: ['bereikt', 'niet-bereikt'], satisfaction: 7, waitingDays: 14 }),
    score('2026-01', { goals: ['deels'], dropOut: true, waitingDays: 20 }),
    score('2026-01', { goals: ['bereikt'], satisfaction: 8 }),
    score('2026-01', { satisfaction: 6, waitingDays: 30 }),
    score('2026-01', {
      satisfaction: 10,
      waitingDays: 12,
      ratings: { samenwerking: 'onvoldoende', snelheid: 'onvoldoende' },
    }),
  ];
  // Q, five scores: each one goal reached, satisfaction 7, waited 3 days, no drop-out.
  const q = Array.from({ length: 5 }, () =>
    score('2026-01', { provider: 'Q', goals: ['bereikt'], satisfaction: 7, waitingDays: 3 }),
  );
  // S, two scores: each one goal not reached, satisfaction 2, a drop-out, waited 40 days; one
  // "onvoldoende".
  const s = [
    score('2026-01', {
      provider: 'S',
      goals: ['niet-bereikt'],
      satisfaction: 2,
      dropOut: true,
      waitingDays: 40,
      ratings: { klachten: 'onvoldoende' },
    }),
    score('2026-01', {
      provider: 'S',
      goals: ['niet-bereikt'],
      satisfaction: 2,
      dropOut: true,
      waitingDays: 40,
    }),
  ];
  const figures = providerOutcomes([...p, ...q, ...s], ['P', 'Q', 'S', 'R']);
  const named = figures.providers.map((x) => ({ name: `Aanbieder ${x.key}`, figures: x.figures }));
  // Totals over 13 scores: goal share (3 + 5 + 0) / 11 = 0.727 → 73 %; drop-outs 3 / 13 =
  // 0.231 → 23 %; waiting 3×5, 10, 12, 14, 20, 30, 40, 40 → median (10 + 12) / 2 = 11;
  // satisfaction (40 + 35 + 4) / 12 = 6.58 → 6.6; onvoldoende 3 + 0 + 1 = 4.

  it('shows a team lead every provider in full', () => {
    const [t] = providerTables(named, figures.total, OFF);
    expect(t?.columns).toEqual([
      'Aanbieder',
      'Beoordelingen',
      'Doelbereik (% gemiddeld)',
      'Uitval (%)',
      'Wachttijd (mediaan, dagen)',
      'Tevredenheid (gemiddeld, 1-10)',
      'Oordelen "onvoldoende"',
    ]);
    expect(rowsOf(t ?? { rows: [] })).toEqual({
      'Aanbieder P': [6, 75, 17, 14, 8, 3],
      'Aanbieder Q': [5, 100, 0, 3, 7, 0],
      'Aanbieder S': [2, 0, 100, 40, 2, 1],
      'Aanbieder R': [0, null, null, null, null, 0],
      Totaal: [13, 73, 23, 11, 6.6, 4],
    });
  });

  it('hides small providers and figures over fewer than 5 scores from a contract manager', () => {
    const [t] = providerTables(named, figures.total, ON);
    // Scores 6, 5, 2, 0 (total 13): S's 2 reads "< 5"; the total would give it away, so Q (5,
    // the smallest other non-zero) is hidden as "x". Neither shows a figure.
    // P's goal share stands on 4 scores with goals (< 5): left out; its other figures stand on
    // 6, 5 and 5 scores. Onvoldoende 3, 0, 1, 0 (total 4): 3, 1 and the total read "< 5"; Q's 0
    // is in a hidden row: "x"; R's 0 is shown.
    // Drop-out shares stand on 1 drop-out (P) and 3 (total): a share of fewer than 5 families
    // would give their number away (1 of 6), so both are left out.
    expect(rowsOf(t ?? { rows: [] })).toEqual({
      'Aanbieder P': [6, null, null, 14, 8, '< 5'],
      'Aanbieder Q': ['x', null, null, null, null, 'x'],
      'Aanbieder S': ['< 5', null, null, null, null, '< 5'],
      'Aanbieder R': [0, null, null, null, null, 0],
      Totaal: [13, 73, null, 11, 6.6, '< 5'],
    });
  });
});
