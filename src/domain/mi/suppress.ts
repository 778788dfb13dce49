/**
 * Small-cell suppression for policy and contract views (issue 9, ADR 0024). A count from 1 up
 * to the threshold is shown as "< threshold" (primary suppression). Where a row or column
 * total is shown and exactly one cell of that line is hidden, the hidden cell would follow
 * from the total minus the others; a second cell of the line is hidden too (the smallest
 * other non-zero one, shown as "x"), or the total itself when the line has no other cell
 * (secondary suppression). Totals are lines of their own (the column totals sum to the grand total), and
 * the checks repeat until no line gives a cell away. Zero is shown: it names no child.
 */

export const DEFAULT_THRESHOLD = 5;

/** A count as shown: the number, or the text "< N" when it is suppressed. */
export type ShownCount = number | string;

export interface SuppressedGrid {
  readonly cells: readonly (readonly ShownCount[])[];
  readonly rowTotals: readonly ShownCount[];
  readonly columnTotals: readonly ShownCount[];
  readonly total: ShownCount;
}

/**
 * The mark of a count hidden only so that a small one cannot be derived: it may be any size,
 * so "< N" would be untrue (CBS marks such cells the same way).
 */
export const HIDDEN_LABEL = 'x';

/** The text shown for a count below the threshold. */
export function belowLabel(threshold: number): string {
  return `< ${threshold}`;
}

/**
 * Suppress the small cells of a table of counts (rows × columns, all rows equally long) and
 * the cells and totals that would reveal them.
 */
export function suppress(
  cells: readonly (readonly number[])[],
  threshold: number = DEFAULT_THRESHOLD,
): SuppressedGrid {
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  // The grid with its totals, flat: row `rows` holds the column totals, column `cols` the row
  // totals, and (rows, cols) the grand total.
  const width = cols + 1;
  const at = (i: number, j: number) => i * width + j;
  const value = new Array<number>((rows + 1) * width).fill(0);
  const add = (k: number, v: number) => {
    value[k] = (value[k] ?? 0) + v;
  };
  cells.forEach((row, i) =>
    row.forEach((v, j) => {
      value[at(i, j)] = v;
      add(at(i, cols), v);
      add(at(rows, j), v);
      add(at(rows, cols), v);
    }),
  );
  const hidden = value.map((v) => v > 0 && v < threshold);
  const secondary = value.map(() => false);

  const lines: { cells: number[]; total: number }[] = [];
  for (let i = 0; i <= rows; i += 1)
    lines.push({ cells: Array.from({ length: cols }, (_, j) => at(i, j)), total: at(i, cols) });
  for (let j = 0; j <= cols; j += 1)
    lines.push({ cells: Array.from({ length: rows }, (_, i) => at(i, j)), total: at(rows, j) });

  // Secondary suppression: a line (its cells and its total) with exactly one hidden member
  // gives that member away, so another member is hidden: the smallest non-zero cell, else a
  // zero cell, else the total.
  const weight = (k: number): number => {
    const v = value[k] ?? 0;
    return v === 0 ? Number.MAX_SAFE_INTEGER : v;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const l of lines) {
      if ([...l.cells, l.total].filter((k) => hidden[k]).length !== 1) continue;
      const k =
        l.cells.filter((c) => !hidden[c]).sort((a, b) => weight(a) - weight(b))[0] ?? l.total;
      hidden[k] = true;
      secondary[k] = true;
      changed = true;
    }
  }

  const label = belowLabel(threshold);
  const shown = (i: number, j: number): ShownCount => {
    const k = at(i, j);
    return secondary[k] ? HIDDEN_LABEL : hidden[k] ? label : (value[k] ?? 0);
  };
  return {
    cells: Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => shown(i, j)),
    ),
    rowTotals: Array.from({ length: rows }, (_, i) => shown(i, cols)),
    columnTotals: Array.from({ length: cols }, (_, j) => shown(rows, j)),
    total: shown(rows, cols),
  };
}
