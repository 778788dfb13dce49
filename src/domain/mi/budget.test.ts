import { describe, expect, it } from 'vitest';
import { dayFromYmd, parseIsoDate } from '../time/index.js';
import {
  budgetFigures,
  budgetTables,
  exhaustion,
  segmentCells,
  type BudgetAllocationRow,
} from './budget.js';

const day = (iso: string) => parseIsoDate(iso) as number;
const row = (
  municipalityCode: string,
  decided: string,
  valueCents: number,
  segment: string,
): BudgetAllocationRow => ({ municipalityCode, decidedDay: day(decided), valueCents, segment });

// 2026 has 365 days; up to and including 31 March: 31 + 28 + 31 = 90 days.
const REFERENCE = day('2026-03-31');
const MUNICIPALITIES = [
  { code: 'A', name: 'Gemeente A', budgetCents: 12_000_000 }, // € 120,000
  { code: 'B', name: 'Gemeente B', budgetCents: 2_000_000 }, // € 20,000
  { code: 'C', name: 'Gemeente C', budgetCents: null },
];
const ROWS = [
  // A: decided in December for a start in 2026 → counts from 1 January.
  row('A', '2025-12-15', 1_800_000, 'ambulant'),
  row('A', '2026-02-10', 900_000, 'ambulant'),
  row('A', '2026-03-31', 300_000, 'verblijf'),
  // Decided after the reference day: not counted yet.
  row('A', '2026-04-01', 5_000_000, 'verblijf'),
  row('B', '2026-01-20', 1_500_000, 'ambulant'),
  row('B', '2026-03-05', 700_000, 'onbekend'),
  row('C', '2026-01-02', 450_000, 'verblijf'),
  // Not a municipality in scope.
  row('Z', '2026-01-02', 99_999_900, 'ambulant'),
];
const SEGMENTS = ['ambulant', 'verblijf'];
const figures = budgetFigures(2026, REFERENCE, MUNICIPALITIES, ROWS, SEGMENTS);

describe('budget exhaustion per municipality (GRO-DEC-BUDGET)', () => {
  it('counts 90 elapsed days up to 31 March', () => {
    expect(figures.elapsedDays).toBe(90);
  });

  it('adds up what is allocated so far and forecasts the year end linearly', () => {
    const [a, b, c] = figures.lines;
    // A: 1,800,000 + 900,000 + 300,000 = 3,000,000 cents; the 1 April one does not count.
    // Remaining 12,000,000 − 3,000,000 = 9,000,000; used 3 / 12 = 25.0 %.
    // Forecast 3,000,000 × 365 / 90 = 12,166,666.67 → 12,166,667.
    // Exhausted on day ⌈12,000,000 × 90 / 3,000,000⌉ = 360 of the year: 26 December
    // (Jan–Nov have 334 days; 334 + 26 = 360).
    expect(a).toMatchObject({
      allocatedCents: 3_000_000,
      remainingCents: 9_000_000,
      usedPercent: 25,
      forecastCents: 12_166_667,
      exhaustion: { kind: 'prognose', day: day('2026-12-26') },
    });
    // B: 1,500,000 + 700,000 = 2,200,000 > 2,000,000: used up on 5 March, when the second
    // allocation made the sum pass the budget. 2.2 / 2 = 110.0 %; remaining −200,000.
    // Forecast 2,200,000 × 365 / 90 = 8,922,222.2 → 8,922,222.
    expect(b).toMatchObject({
      allocatedCents: 2_200_000,
      remainingCents: -200_000,
      usedPercent: 110,
      forecastCents: 8_922_222,
      exhaustion: { kind: 'op', day: day('2026-03-05') },
    });
    // C: no budget; 450,000 × 365 / 90 = 1,825,000.
    expect(c).toMatchObject({
      allocatedCents: 450_000,
      remainingCents: null,
      usedPercent: null,
      forecastCents: 1_825_000,
      exhaustion: { kind: 'geen-budget' },
    });
  });

  it('lists every catalogue segment, and segments outside it after them', () => {
    expect(figures.lines.map((l) => l.segments)).toEqual([
      [
        { segment: 'ambulant', cents: 2_700_000, allocations: 2 },
        { segment: 'verblijf', cents: 300_000, allocations: 1 },
      ],
      [
        { segment: 'ambulant', cents: 1_500_000, allocations: 1 },
        { segment: 'verblijf', cents: 0, allocations: 0 },
        { segment: 'onbekend', cents: 700_000, allocations: 1 },
      ],
      [
        { segment: 'ambulant', cents: 0, allocations: 0 },
        { segment: 'verblijf', cents: 450_000, allocations: 1 },
      ],
    ]);
  });

  it('sums per month, cumulatively, with the forecast after the reference day', () => {
    const [jan, feb, mar, apr] = figures.months;
    // Budget: A + B = 14,000,000 (C has none).
    // January: A 1,800,000 (1 Jan) + B 1,500,000 + C 450,000 = 3,750,000.
    expect(jan).toEqual({
      month: '2026-01',
      allocatedCents: 3_750_000,
      forecastCents: null,
      budgetCents: 14_000_000,
    });
    // February: + A 900,000 = 4,650,000. March: + A 300,000 + B 700,000 = 5,650,000.
    expect(feb?.allocatedCents).toBe(4_650_000);
    expect(mar?.allocatedCents).toBe(5_650_000);
    // April (ends on day 120): 5,650,000 × 120 / 90 = 7,533,333.3 → 7,533,333.
    expect(apr).toEqual({
      month: '2026-04',
      allocatedCents: null,
      forecastCents: 7_533_333,
      budgetCents: 14_000_000,
    });
    // December: 5,650,000 × 365 / 90 = 22,913,888.9 → 22,913,889.
    expect(figures.months[11]?.forecastCents).toBe(22_913_889);
  });

  it('forecasts nothing before the year begins, and runs to 366 days in a leap year', () => {
    // Decided in November 2026 for a start in 2027, looked at on 23 November 2026.
    const early = budgetFigures(
      2027,
      day('2026-11-23'),
      [{ code: 'A', name: 'A', budgetCents: 1_000 }],
      [row('A', '2026-11-01', 100, 'ambulant')],
      [],
    );
    expect(early.elapsedDays).toBe(0);
    expect(early.lines[0]).toMatchObject({
      allocatedCents: 100,
      forecastCents: null,
      exhaustion: { kind: 'niet-in-jaar' },
    });
    expect(early.months.every((m) => m.allocatedCents === null && m.forecastCents === null)).toBe(
      true,
    );
    // 2028 is a leap year: on 31 December all 366 days passed; the forecast is the sum itself.
    const leap = budgetFigures(
      2028,
      day('2028-12-31'),
      [{ code: 'A', name: 'A', budgetCents: 1_000 }],
      [row('A', '2028-06-01', 500, 'ambulant')],
      [],
    );
    expect(leap.elapsedDays).toBe(366);
    expect(leap.lines[0]?.forecastCents).toBe(500);
  });
});

describe('exhaustion', () => {
  const first = dayFromYmd(2026, 1, 1);
  it('is not within the year when the pace is too slow or nothing is allocated', () => {
    // ⌈10,000,000 × 90 / 1,000,000⌉ = 900 > 365.
    expect(exhaustion(10_000_000, [{ day: first, cents: 1_000_000 }], first, 365, 90)).toEqual({
      kind: 'niet-in-jaar',
    });
    expect(exhaustion(10_000_000, [], first, 365, 90)).toEqual({ kind: 'niet-in-jaar' });
  });
  it('is the first allocation when the budget is zero', () => {
    expect(exhaustion(0, [{ day: first + 9, cents: 1 }], first, 365, 90)).toEqual({
      kind: 'op',
      day: first + 9,
    });
  });
});

describe('segment amounts in a suppressed view (threshold 5)', () => {
  const on = { on: true, threshold: 5 };
  const seg = (allocations: number, cents: number) => ({ segment: 's', cents, allocations });
  it('hides a single small segment and the next smallest, so the total gives nothing away', () => {
    // 2 allocations: "< 5"; the others 6 and 9: the one with 6 is hidden as "x".
    expect(
      segmentCells([seg(6, 600_000), seg(2, 200_000), seg(0, 0), seg(9, 900_000)], on),
    ).toEqual(['x', '< 5', 0, 9_000]);
  });
  it('hides a zero segment when no other segment has allocations', () => {
    expect(segmentCells([seg(0, 0), seg(2, 250_050)], on)).toEqual(['x', '< 5']);
  });
  it('leaves two small segments as they are, and shows everything when not suppressed', () => {
    expect(segmentCells([seg(1, 100), seg(3, 300), seg(7, 700_000)], on)).toEqual([
      '< 5',
      '< 5',
      7_000,
    ]);
    // 250,050 cents = € 2,500.50 → € 2,501 (whole euros).
    expect(segmentCells([seg(2, 250_050)], { on: false, threshold: 5 })).toEqual([2_501]);
  });
});

describe('budget tables', () => {
  const cells = (tables: ReturnType<typeof budgetTables>, id: string) =>
    Object.fromEntries(
      (tables.find((t) => t.id === id)?.rows ?? []).map((r) => [r.label, r.cells]),
    );
  const open = budgetTables(figures, { on: false, threshold: 5 });
  const hidden = budgetTables(figures, { on: true, threshold: 5 });

  it('shows the budget per municipality in whole euros', () => {
    expect(open.map((t) => t.id)).toEqual([
      'budget-gemeente',
      'budget-maand',
      'budget-segment-A',
      'budget-segment-B',
      'budget-segment-C',
    ]);
    expect(cells(open, 'budget-gemeente')).toEqual({
      // 12,166,667 cents → € 121,666.67 → € 121,667.
      'Gemeente A': [120_000, 30_000, 90_000, 25, 121_667, '26 dec 2026'],
      'Gemeente B': [20_000, 22_000, -2_000, 110, 89_222, 'al op sinds 5 mrt 2026'],
      'Gemeente C': [null, 4_500, null, null, 18_250, 'geen budget vastgelegd'],
    });
    expect(cells(open, 'budget-gemeente')).toEqual(cells(hidden, 'budget-gemeente'));
  });

  it('draws the months cumulatively against the budget', () => {
    const months = cells(open, 'budget-maand');
    expect(months['jan 2026']).toEqual([37_500, null, 140_000]);
    expect(months['mrt 2026']).toEqual([56_500, null, 140_000]);
    // 7,533,333 cents → € 75,333; 22,913,889 → € 229,139.
    expect(months['apr 2026']).toEqual([null, 75_333, 140_000]);
    expect(months['dec 2026']).toEqual([null, 229_139, 140_000]);
  });

  it('shows the segments with their share, hiding small ones when suppressed', () => {
    // B: 1,500,000 / 2,200,000 = 68.18 % → 68.2; 700,000 / 2,200,000 = 31.82 % → 31.8.
    expect(cells(open, 'budget-segment-B')).toEqual({
      ambulant: [15_000, 68.2],
      verblijf: [0, 0],
      onbekend: [7_000, 31.8],
      Totaal: [22_000, 100],
    });
    // Two segments of one allocation each: both "< 5", no share.
    expect(cells(hidden, 'budget-segment-B')).toEqual({
      ambulant: ['< 5', null],
      verblijf: [0, 0],
      onbekend: ['< 5', null],
      Totaal: [22_000, 100],
    });
    // C: one small segment; the total would give it away, so the empty one is hidden too.
    expect(cells(hidden, 'budget-segment-C')).toEqual({
      ambulant: ['x', null],
      verblijf: ['< 5', null],
      Totaal: [4_500, 100],
    });
  });
});
