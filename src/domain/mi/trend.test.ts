import { describe, expect, it } from 'vitest';
import type { DeadlineStatus } from '../rules/types.js';
import { complianceTrend, trendTable } from './trend.js';

const MONTHS = ['2026-01', '2026-02', '2026-03'];
const due = (date: string, status: DeadlineStatus) => ({ due: date, status });
const RESULTS = [
  due('2026-01-05', 'met'),
  due('2026-01-20', 'met-late'),
  ...Array.from({ length: 6 }, () => due('2026-02-10', 'met')),
  due('2026-02-03T00:00:00+01:00', 'overdue'),
  due('2026-03-30', 'open'),
  // Outside the period: left out.
  due('2025-12-31', 'met'),
  due('2026-04-02', 'met'),
];

describe('deadline compliance per month of the due date', () => {
  it('counts every month of the period, per status', () => {
    expect(complianceTrend(RESULTS, MONTHS)).toEqual([
      { month: '2026-01', counts: { met: 1, 'met-late': 1, overdue: 0, open: 0 } },
      { month: '2026-02', counts: { met: 6, 'met-late': 0, overdue: 1, open: 0 } },
      { month: '2026-03', counts: { met: 0, 'met-late': 0, overdue: 0, open: 1 } },
    ]);
    expect(complianceTrend([], ['2026-05'])).toEqual([
      { month: '2026-05', counts: { met: 0, 'met-late': 0, overdue: 0, open: 0 } },
    ]);
  });

  const rows = (on: boolean) =>
    Object.fromEntries(
      trendTable(complianceTrend(RESULTS, MONTHS), { on, threshold: 5 }).rows.map((r) => [
        r.label,
        r.cells,
      ]),
    );

  it('is a table with totals for the team lead', () => {
    expect(rows(false)).toEqual({
      'jan 2026': [1, 1, 0, 0, 2],
      'feb 2026': [6, 0, 1, 0, 7],
      'mrt 2026': [0, 0, 0, 1, 1],
      Totaal: [7, 1, 1, 1, 10],
    });
  });

  it('hides small counts and what would give them away in a suppressed view', () => {
    // Primary (1 to 4): Jan's 1, 1 and total 2; Feb's overdue 1; Mar's open 1 and total 1; the
    // column totals 1, 1, 1 of met late, overdue and open. February then has one hidden cell
    // beside its total 7, so its smallest other non-zero cell, met 6, becomes "x". Every other
    // line has two or more hidden members.
    expect(rows(true)).toEqual({
      'jan 2026': ['< 5', '< 5', 0, 0, '< 5'],
      'feb 2026': ['x', 0, '< 5', 0, 7],
      'mrt 2026': [0, 0, 0, '< 5', '< 5'],
      Totaal: [7, '< 5', '< 5', '< 5', 10],
    });
  });
});
