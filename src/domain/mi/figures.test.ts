import { describe, expect, it } from 'vitest';
import {
  caseload,
  deadlineCompliance,
  inflow,
  median,
  monthsBetween,
  percentile,
  waitingTimes,
  type WaitRow,
} from './figures.js';

const NORM = { rule: 'ZTM-NORM-CASELOAD', familiesPerFte: 13, appliedEverywhere: false };

describe('caseload against ZTM-NORM-CASELOAD (13 families per FTE)', () => {
  const staff = [
    { staffId: 'anna', name: 'Anna', teamId: 't1', teamName: 'Team Noord', fte: 1 },
    { staffId: 'bram', name: 'Bram', teamId: 't1', teamName: 'Team Noord', fte: 0.5 },
    { staffId: 'cor', name: 'Cor', teamId: 't2', teamName: 'Team Zuid', fte: 0.8 },
  ];
  const regie = [
    // Anna: h1, h2 (two cases of one family), h3 → 3 families.
    { staffId: 'anna', householdId: 'h1' },
    { staffId: 'anna', householdId: 'h2' },
    { staffId: 'anna', householdId: 'h2' },
    { staffId: 'anna', householdId: 'h3' },
    // Bram: h1 and h4…h10 → 8 families.
    ...['h1', 'h4', 'h5', 'h6', 'h7', 'h8', 'h9', 'h10'].map((h) => ({
      staffId: 'bram',
      householdId: h,
    })),
    // Cor: h11 → 1 family.
    { staffId: 'cor', householdId: 'h11' },
    // Someone outside the scope: not counted anywhere.
    { staffId: 'xander', householdId: 'h12' },
  ];
  const result = caseload(staff, regie, NORM);

  it('counts families per casusregisseur against 13 × FTE', () => {
    expect(result.perStaff).toEqual([
      // 3 / (13 × 1.0 = 13) = 0.2307… → 0.23
      { id: 'anna', name: 'Anna', families: 3, fte: 1, capacity: 13, ratio: 0.23 },
      // 8 / (13 × 0.5 = 6.5) = 1.2307… → 1.23 (over the norm)
      { id: 'bram', name: 'Bram', families: 8, fte: 0.5, capacity: 6.5, ratio: 1.23 },
      // 1 / (13 × 0.8 = 10.4) = 0.0961… → 0.1
      { id: 'cor', name: 'Cor', families: 1, fte: 0.8, capacity: 10.4, ratio: 0.1 },
    ]);
  });

  it('counts a family once per team', () => {
    expect(result.perTeam).toEqual([
      // Noord: h1…h10 = 10 families (h1 is Anna's and Bram's); FTE 1.5; 13 × 1.5 = 19.5;
      // 10 / 19.5 = 0.5128… → 0.51
      { id: 't1', name: 'Team Noord', families: 10, fte: 1.5, capacity: 19.5, ratio: 0.51 },
      { id: 't2', name: 'Team Zuid', families: 1, fte: 0.8, capacity: 10.4, ratio: 0.1 },
    ]);
  });

  it('has no ratio without FTE', () => {
    const none = caseload(
      [{ staffId: 'd', name: 'D', teamId: 't', teamName: 'T', fte: 0 }],
      [{ staffId: 'd', householdId: 'h' }],
      NORM,
    );
    expect(none.perStaff[0]).toMatchObject({ families: 1, capacity: 0, ratio: null });
  });
});

describe('inflow per month by route and referrer type', () => {
  it('lists every month of the period, also without inflow', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('counts registrations per month', () => {
    const result = inflow(
      [
        { month: '2026-01', route: 'A', referrerType: 'huisarts' },
        { month: '2026-01', route: 'A', referrerType: 'geen' },
        { month: '2026-01', route: 'B', referrerType: 'jeugdarts' },
        { month: '2026-03', route: 'C', referrerType: 'geen' },
        { month: '2026-03', route: 'A', referrerType: 'huisarts' },
        // April is outside the period.
        { month: '2026-04', route: 'A', referrerType: 'huisarts' },
      ],
      ['2026-01', '2026-02', '2026-03'],
    );
    expect(result.byRoute).toEqual([
      { A: 2, B: 1, C: 0 },
      { A: 0, B: 0, C: 0 },
      { A: 1, B: 0, C: 1 },
    ]);
    expect(result.byReferrer).toEqual([
      { huisarts: 1, jeugdarts: 1, 'medisch-specialist': 0, geen: 1 },
      { huisarts: 0, jeugdarts: 0, 'medisch-specialist': 0, geen: 0 },
      { huisarts: 1, jeugdarts: 0, 'medisch-specialist': 0, geen: 1 },
    ]);
  });
});

describe('waiting time from registration to start of help', () => {
  it('median: the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 8, 20])).toBe(8);
    expect(median([10, 20, 30, 40])).toBe(25); // (20 + 30) / 2
    expect(median([])).toBeNull();
  });

  it('p90 by nearest rank', () => {
    // n = 10: rank ⌈0.9 × 10⌉ = 9 → the 9th value.
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    // n = 4: rank ⌈3.6⌉ = 4 → the largest.
    expect(percentile([10, 20, 30, 40], 90)).toBe(40);
    expect(percentile([7], 90)).toBe(7);
  });

  it('per route, with the region deadline results', () => {
    const rule = 'LEK-TERM-START-AMBULANT';
    const rows: WaitRow[] = [
      // Route A: waits of 10, 20, 30 and 40 days, and one family still waiting.
      { route: 'A', registeredDay: 100, helpStartDay: 110, deadline: null },
      { route: 'A', registeredDay: 100, helpStartDay: 120, deadline: { rule, status: 'met' } },
      { route: 'A', registeredDay: 105, helpStartDay: 135, deadline: { rule, status: 'met' } },
      { route: 'A', registeredDay: 90, helpStartDay: 130, deadline: { rule, status: 'met-late' } },
      { route: 'A', registeredDay: 140, helpStartDay: null, deadline: { rule, status: 'open' } },
      // Route B: 5, 7 and 100 days.
      { route: 'B', registeredDay: 0, helpStartDay: 5, deadline: null },
      { route: 'B', registeredDay: 0, helpStartDay: 7, deadline: null },
      { route: 'B', registeredDay: 0, helpStartDay: 100, deadline: null },
    ];
    expect(waitingTimes(rows)).toEqual([
      {
        route: 'A',
        started: 4,
        stillWaiting: 1,
        median: 25, // (20 + 30) / 2
        p90: 40, // rank ⌈3.6⌉ = 4
        deadlines: [{ rule, counts: { met: 2, 'met-late': 1, overdue: 0, open: 1 } }],
      },
      // Rank ⌈0.9 × 3⌉ = 3 → 100.
      { route: 'B', started: 3, stillWaiting: 0, median: 7, p90: 100, deadlines: [] },
      { route: 'C', started: 0, stillWaiting: 0, median: null, p90: null, deadlines: [] },
    ]);
  });
});

describe('deadline compliance per rule ID', () => {
  it('counts met, met late, overdue and open per rule', () => {
    expect(
      deadlineCompliance([
        { rule: 'ZTM-TERM-B', status: 'overdue' },
        { rule: 'ZTM-TERM-A', status: 'met' },
        { rule: 'ZTM-TERM-A', status: 'met-late' },
        { rule: 'ZTM-TERM-A', status: 'met' },
        { rule: 'ZTM-TERM-B', status: 'open' },
        { rule: 'ZTM-TERM-A', status: 'open' },
      ]),
    ).toEqual([
      // A: met 2, late 1, overdue 0, open 1 → 4
      { rule: 'ZTM-TERM-A', counts: { met: 2, 'met-late': 1, overdue: 0, open: 1 }, total: 4 },
      // B: overdue 1, open 1 → 2
      { rule: 'ZTM-TERM-B', counts: { met: 0, 'met-late': 0, overdue: 1, open: 1 }, total: 2 },
    ]);
  });
});
