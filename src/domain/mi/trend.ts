/**
 * Deadline compliance over time (issue 9, ADR 0024): per month of the due date, how many
 * deadlines of all rules were met, met late, are overdue or still open, so the dashboard can
 * show the trend beside the table per rule. Suppressed like the other grids of counts (see
 * suppress.ts). Pure: the deadlines are the rules engine's results, read by the store.
 */
import type { DeadlineStatus } from '../rules/types.js';
import { suppress } from './suppress.js';
import { monthLabel, STATUS_LABELS, type Suppression, type Table } from './tables.js';

const STATUSES: readonly DeadlineStatus[] = ['met', 'met-late', 'overdue', 'open'];
const EMPTY: Readonly<Record<DeadlineStatus, number>> = {
  met: 0,
  'met-late': 0,
  overdue: 0,
  open: 0,
};

export interface TrendMonth {
  /** `YYYY-MM` of the due date. */
  readonly month: string;
  readonly counts: Readonly<Record<DeadlineStatus, number>>;
}

/**
 * Deadline results per month of their due date (`YYYY-MM-DD…`, local). Every month in
 * `months` is listed, also without deadlines; results due outside them are left out.
 */
export function complianceTrend(
  results: readonly { readonly due: string; readonly status: DeadlineStatus }[],
  months: readonly string[],
): TrendMonth[] {
  const counts = months.map(() => ({ ...EMPTY }));
  const index = new Map(months.map((m, i) => [m, i]));
  for (const r of results) {
    const i = index.get(r.due.slice(0, 7));
    const line = i === undefined ? undefined : counts[i];
    if (line) line[r.status] += 1;
  }
  return months.map((month, i) => ({ month, counts: counts[i] ?? { ...EMPTY } }));
}

/** The trend as a table of counts with row and column totals, suppressed when asked. */
export function trendTable(trend: readonly TrendMonth[], s: Suppression): Table {
  const counts = trend.map((t) => STATUSES.map((st) => t.counts[st]));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const grid = s.on
    ? suppress(counts, s.threshold)
    : {
        cells: counts,
        rowTotals: counts.map(sum),
        columnTotals: STATUSES.map((_, j) => sum(counts.map((r) => r[j] ?? 0))),
        total: sum(counts.map(sum)),
      };
  return {
    id: 'termijnen-maand',
    title: 'Termijnen per maand van de vervaldatum, alle regels',
    columns: ['Maand', ...STATUSES.map((st) => STATUS_LABELS[st]), 'Totaal'],
    rows: [
      ...trend.map((t, i) => ({
        label: monthLabel(t.month),
        cells: [...(grid.cells[i] ?? []), grid.rowTotals[i] ?? null],
      })),
      { label: 'Totaal', cells: [...grid.columnTotals, grid.total] },
    ],
    totals: true,
  };
}
