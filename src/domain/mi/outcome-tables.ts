/**
 * The outcome and provider dashboards as tables (issue 9, ADR 0024). Each row stands on a
 * number of scores. In a suppressed view (policy and contract staff):
 *
 * - a row built on 1 to 4 scores shows none of its figures: its score count reads "< 5" and
 *   its other counts "< 5" or "x"; the totals row likewise;
 * - a second row is hidden ("x") where the totals row would otherwise give a hidden row away,
 *   by the same secondary suppression as the other tables (`suppress` on the score counts);
 * - every other count of 1 to 4 reads "< 5", with its own secondary suppression per column;
 * - a mean, median or share over fewer scores than the threshold is left out (null), and so is
 *   a share of 1 to 4 families (the drop-out share: 1 of 6 would say "one family dropped out").
 *
 * A cell is hidden when its row is hidden or its column's suppression hides it. Both sets hide
 * no member of a column alone (the suppression's rule), so neither does their union.
 */
import { GOAL_RESULTS, type GoalResult } from '../performance/provider-score.js';
import type { ProviderAggregate } from '../performance/aggregate.js';
import { insufficientRatings, type OutcomeGroup, type Outcomes } from './outcomes.js';
import { HIDDEN_LABEL, suppress, type ShownCount } from './suppress.js';
import { monthLabel, type Cell, type Suppression, type Table } from './tables.js';

interface Line {
  readonly label: string;
  readonly figures: ProviderAggregate;
}

/** Counts (first: the scores a row stands on) and the figures derived from them, per row. */
interface Column {
  readonly heading: string;
  readonly value: (f: ProviderAggregate) => number | null;
  /** A count (suppressed as one); else a derived figure over `basis` scores. */
  readonly basis?: (f: ProviderAggregate) => number;
  /**
   * For a share: the count it is a share of. A share of 1 to 4 families tells as much as the
   * count itself (1 of 6 is 17 %), so it is left out like that count would be hidden.
   */
  readonly numerator?: (f: ProviderAggregate) => number;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const percent = (n: number | null) => (n === null ? null : Math.round(n * 100));

/**
 * The cells of the rows and the totals row. Without suppression every figure is shown; with
 * it, see the module comment.
 */
function shownRows(
  lines: readonly Line[],
  total: Line,
  columns: readonly Column[],
  s: Suppression,
) {
  const all = [...lines, total];
  if (!s.on)
    return all.map((l) => ({ label: l.label, cells: columns.map((c) => c.value(l.figures)) }));

  const single = (values: readonly number[]): ShownCount[] => {
    // One column with the totals row as its total: the rows in order, then the total.
    const grid = suppress(
      values.map((v) => [v]),
      s.threshold,
    );
    return [...grid.cells.map((r) => r[0] ?? 0), grid.columnTotals[0] ?? 0];
  };
  const scores = single(lines.map((l) => l.figures.n));
  const rowHidden = scores.map((v) => typeof v === 'string');
  const counts = columns.map((c) =>
    c.basis === undefined ? single(lines.map((l) => c.value(l.figures) ?? 0)) : null,
  );
  return all.map((l, i) => ({
    label: l.label,
    cells: columns.map((c, j): Cell => {
      const hidden = rowHidden[i] === true;
      const count = counts[j];
      if (count) {
        const shown = count[i] ?? null;
        return typeof shown === 'string' ? shown : hidden ? HIDDEN_LABEL : shown;
      }
      const basis = c.basis?.(l.figures) ?? 0;
      const numerator = c.numerator?.(l.figures) ?? 0;
      const small = numerator > 0 && numerator < s.threshold;
      return hidden || basis < s.threshold || small ? null : c.value(l.figures);
    }),
  }));
}

function table(
  id: string,
  title: string,
  heading: string,
  lines: readonly Line[],
  total: ProviderAggregate,
  columns: readonly Column[],
  s: Suppression,
): Table {
  return {
    id,
    title,
    columns: [heading, ...columns.map((c) => c.heading)],
    rows: shownRows(lines, { label: 'Totaal', figures: total }, columns, s),
    totals: true,
  };
}

const SCORES: Column = { heading: 'Beoordelingen', value: (f) => f.n };

const GOAL_HEADINGS: Readonly<Record<GoalResult, string>> = {
  bereikt: 'Doelen bereikt',
  deels: 'Doelen deels bereikt',
  'niet-bereikt': 'Doelen niet bereikt',
};

const OUTCOME_COLUMNS: readonly Column[] = [
  SCORES,
  ...GOAL_RESULTS.map((g): Column => ({
    heading: GOAL_HEADINGS[g],
    value: (f) => f.goals.counts[g],
  })),
  { heading: 'Uitval', value: (f) => f.dropOut.count },
  {
    heading: 'Tevredenheid (gemiddeld, 1-10)',
    value: (f) => round1(f.satisfaction.mean),
    basis: (f) => f.satisfaction.n,
  },
];

const asLines = (groups: readonly OutcomeGroup[], label: (key: string) => string): Line[] =>
  groups.map((g) => ({ label: label(g.key), figures: g.figures }));

/** Goal attainment, drop-out and satisfaction per month of scoring and per route. */
export function outcomeTables(o: Outcomes, s: Suppression): Table[] {
  return [
    table(
      'uitkomsten-maand',
      'Doelbereik, uitval en tevredenheid per maand van beoordelen',
      'Maand',
      asLines(o.byMonth, monthLabel),
      o.total,
      OUTCOME_COLUMNS,
      s,
    ),
    table(
      'uitkomsten-route',
      'Doelbereik, uitval en tevredenheid per route',
      'Route',
      asLines(o.byRoute, (r) => `Route ${r}`),
      o.total,
      OUTCOME_COLUMNS,
      s,
    ),
  ];
}

const PROVIDER_COLUMNS: readonly Column[] = [
  SCORES,
  {
    heading: 'Doelbereik (% gemiddeld)',
    value: (f) => percent(f.goals.meanShare),
    basis: (f) => f.goals.n,
  },
  {
    heading: 'Uitval (%)',
    value: (f) => percent(f.dropOut.share),
    basis: (f) => f.dropOut.n,
    numerator: (f) => f.dropOut.count,
  },
  {
    heading: 'Wachttijd (mediaan, dagen)',
    value: (f) => round1(f.waiting.median),
    basis: (f) => f.waiting.n,
  },
  {
    heading: 'Tevredenheid (gemiddeld, 1-10)',
    value: (f) => round1(f.satisfaction.mean),
    basis: (f) => f.satisfaction.n,
  },
  { heading: 'Oordelen "onvoldoende"', value: insufficientRatings },
];

/** Per provider (by name) its scores, goal attainment, drop-out, waiting time and satisfaction. */
export function providerTables(
  providers: readonly { readonly name: string; readonly figures: ProviderAggregate }[],
  total: ProviderAggregate,
  s: Suppression,
): Table[] {
  return [
    table(
      'aanbieders-prestaties',
      'Prestaties per aanbieder',
      'Aanbieder',
      providers.map((p) => ({ label: p.name, figures: p.figures })),
      total,
      PROVIDER_COLUMNS,
      s,
    ),
  ];
}
