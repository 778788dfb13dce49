/**
 * The dashboards' figures as tables (issue 9, ADR 0024): the numbers a chart draws, its
 * accessible table view and its CSV are one and the same table. In a suppressed view (policy
 * and contract staff) counts below the threshold read "< N" and the cells that would reveal
 * them "x" (see suppress.ts); a median or ratio over a hidden count is left out too.
 */
import type { DeadlineStatus } from '../rules/types.js';
import {
  REFERRER_TYPES,
  ROUTES,
  type Caseload,
  type CaseloadLine,
  type ComplianceLine,
  type Inflow,
  type WaitingTime,
} from './figures.js';
import { belowLabel, suppress, type ShownCount } from './suppress.js';

/** A cell: a number, a suppression mark, or null where there is nothing to show. */
export type Cell = ShownCount | null;

export interface Table {
  readonly id: string;
  readonly title: string;
  /** Column headings; the first one heads the row labels. */
  readonly columns: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly Cell[] }[];
  /** A last row with the totals (its label is "Totaal"), when the table has one. */
  readonly totals: boolean;
}

export interface Suppression {
  /** Off for a team lead's own team; on for policy and contract views. */
  readonly on: boolean;
  readonly threshold: number;
}

export const STATUS_LABELS: Readonly<Record<DeadlineStatus, string>> = {
  met: 'Op tijd',
  'met-late': 'Te laat',
  overdue: 'Verlopen',
  open: 'Loopt nog',
};

export const REFERRER_LABELS: Readonly<Record<(typeof REFERRER_TYPES)[number], string>> = {
  huisarts: 'Huisarts',
  jeugdarts: 'Jeugdarts',
  'medisch-specialist': 'Medisch specialist',
  geen: 'Zonder verwijzer',
};

/** A count alone (no total shown next to it): only the primary rule applies. */
function single(n: number, s: Suppression): ShownCount {
  return s.on && n > 0 && n < s.threshold ? belowLabel(s.threshold) : n;
}

/** A grid of counts with a total column and a total row, suppressed when asked. */
function gridTable(
  id: string,
  title: string,
  columns: readonly string[],
  labels: readonly string[],
  counts: readonly (readonly number[])[],
  s: Suppression,
): Table {
  const width = columns.length - 1;
  const grid = s.on
    ? suppress(counts, s.threshold)
    : {
        cells: counts,
        rowTotals: counts.map((r) => r.reduce((a, b) => a + b, 0)),
        columnTotals: Array.from({ length: width }, (_, j) =>
          counts.reduce((a, r) => a + (r[j] ?? 0), 0),
        ),
        total: counts.reduce((a, r) => a + r.reduce((x, y) => x + y, 0), 0),
      };
  return {
    id,
    title,
    columns: [...columns, 'Totaal'],
    rows: [
      ...labels.map((label, i) => ({
        label,
        cells: [...(grid.cells[i] ?? []), grid.rowTotals[i] ?? null],
      })),
      { label: 'Totaal', cells: [...grid.columnTotals, grid.total] },
    ],
    totals: true,
  };
}

function caseloadRows(lines: readonly CaseloadLine[], s: Suppression) {
  return lines.map((l) => {
    const families = single(l.families, s);
    const hidden = typeof families === 'string';
    return {
      label: l.name,
      cells: [
        families,
        l.fte,
        l.capacity,
        hidden || l.ratio === null ? null : Math.round(l.ratio * 100),
      ],
    };
  });
}

const CASELOAD_COLUMNS = ['Gezinnen', 'FTE', 'Norm (gezinnen)', 'Bezetting (% van norm)'];

/**
 * Caseload per team, and per casusregisseur only in an unsuppressed view: policy and contract
 * staff steer teams, not the workload of one named professional.
 */
export function caseloadTables(c: Caseload, s: Suppression): Table[] {
  const tables: Table[] = [
    {
      id: 'caseload-team',
      title: 'Caseload per team',
      columns: ['Team', ...CASELOAD_COLUMNS],
      rows: caseloadRows(c.perTeam, s),
      totals: false,
    },
  ];
  if (!s.on)
    tables.push({
      id: 'caseload-casusregisseur',
      title: 'Caseload per casusregisseur',
      columns: ['Casusregisseur', ...CASELOAD_COLUMNS],
      rows: caseloadRows(c.perStaff, s),
      totals: false,
    });
  return tables;
}

/** `2026-03` → `mrt 2026`. */
export function monthLabel(month: string): string {
  const names = [
    'jan',
    'feb',
    'mrt',
    'apr',
    'mei',
    'jun',
    'jul',
    'aug',
    'sep',
    'okt',
    'nov',
    'dec',
  ];
  return `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

export function inflowTables(f: Inflow, s: Suppression): Table[] {
  const labels = f.months.map(monthLabel);
  return [
    gridTable(
      'instroom-route',
      'Nieuwe casussen per maand en route',
      ['Maand', ...ROUTES.map((r) => `Route ${r}`)],
      labels,
      f.byRoute.map((m) => ROUTES.map((r) => m[r])),
      s,
    ),
    gridTable(
      'instroom-verwijzer',
      'Nieuwe casussen per maand en soort verwijzer',
      ['Maand', ...REFERRER_TYPES.map((r) => REFERRER_LABELS[r])],
      labels,
      f.byReferrer.map((m) => REFERRER_TYPES.map((r) => m[r])),
      s,
    ),
  ];
}

const STATUSES: readonly DeadlineStatus[] = ['met', 'met-late', 'overdue', 'open'];

export function waitingTables(w: readonly WaitingTime[], s: Suppression): Table[] {
  const deadlineLines = w.flatMap((r) =>
    r.deadlines.map((d) => ({ label: `${d.rule} (route ${r.route})`, counts: d.counts })),
  );
  return [
    {
      id: 'wachttijd-route',
      title: 'Wachttijd van aanmelding tot start van de hulp (dagen)',
      columns: ['Route', 'Hulp gestart', 'Wacht nog', 'Mediaan (dagen)', 'P90 (dagen)'],
      rows: w.map((r) => {
        const started = single(r.started, s);
        const hidden = typeof started === 'string';
        return {
          label: `Route ${r.route}`,
          cells: [
            started,
            single(r.stillWaiting, s),
            hidden ? null : r.median,
            hidden ? null : r.p90,
          ],
        };
      }),
      totals: false,
    },
    gridTable(
      'wachttijd-termijn',
      'Start van de hulp tegen de termijn van de regio',
      ['Regel', ...STATUSES.map((st) => STATUS_LABELS[st])],
      deadlineLines.map((l) => l.label),
      deadlineLines.map((l) => STATUSES.map((st) => l.counts[st])),
      s,
    ),
  ];
}

export function complianceTables(lines: readonly ComplianceLine[], s: Suppression): Table[] {
  return [
    gridTable(
      'termijnen-regel',
      'Termijnen per regel',
      ['Regel', ...STATUSES.map((st) => STATUS_LABELS[st])],
      lines.map((l) => l.rule),
      lines.map((l) => STATUSES.map((st) => l.counts[st])),
      s,
    ),
  ];
}

/** A table as CSV rows (semicolons, as Dutch spreadsheets expect, are the caller's choice). */
export function tableRecords(t: Table): string[][] {
  return [
    [...t.columns],
    ...t.rows.map((r) => [r.label, ...r.cells.map((c) => (c === null ? '' : String(c)))]),
  ];
}
