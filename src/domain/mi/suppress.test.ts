import { describe, expect, it } from 'vitest';
import { suppress } from './suppress.js';

describe('small-cell suppression', () => {
  it('hides a small cell and a second cell of every line that would reveal it', () => {
    //          A   B   C  | total
    //  row 1  10   3   8  | 21
    //  row 2  12   9   7  | 28
    //  total  22  12  15  | 49
    // 3 < 5 is hidden. Row 1 (total 21 shown) would give it away: 21 − 10 − 8 = 3, so its
    // smallest other non-zero cell, 8, is hidden too. Column B (total 12): 12 − 9 = 3, so 9
    // is hidden; column C (total 15) then has 8 hidden alone: 7 is hidden. Row 2 now has two
    // hidden cells (9 and 7) and every total is a sum over at least two hidden cells.
    expect(
      suppress([
        [10, 3, 8],
        [12, 9, 7],
      ]),
    ).toEqual({
      cells: [
        [10, '< 5', 'x'],
        [12, 'x', 'x'],
      ],
      rowTotals: [21, 28],
      columnTotals: [22, 12, 15],
      total: 49,
    });
  });

  it('hides the total when a line has no other cell', () => {
    // One column: 3 and 7, total 10. 3 is hidden, and its row total (3) too. Column: 10 − 7
    // = 3, so 7 is hidden; row 2 then has its cell hidden alone, so its total (7) is hidden.
    expect(suppress([[3], [7]])).toEqual({
      cells: [['< 5'], ['x']],
      rowTotals: ['< 5', 'x'],
      columnTotals: [10],
      total: 10,
    });
  });

  it('takes the threshold as a setting, shows zeros, and follows totals of totals', () => {
    // Threshold 3.     A   B | total
    //           row 1  0  12 | 12
    //           row 2  2   0 |  2
    //           total  2  12 | 14
    // Primary: 2 (cell), 2 (row total), 2 (column total). The column totals (2, 12 | 14)
    // would reveal 2 = 14 − 12, so 12 (column total B) is hidden; column B (12, 0 | hidden)
    // then hides its cell 12; the row totals (12, 2 | 14) hide 12. Zeros stay visible.
    expect(
      suppress(
        [
          [0, 12],
          [2, 0],
        ],
        3,
      ),
    ).toEqual({
      cells: [
        [0, 'x'],
        ['< 3', 0],
      ],
      rowTotals: ['x', '< 3'],
      columnTotals: ['< 3', 'x'],
      total: 14,
    });
  });

  it('leaves a table without small cells as it is', () => {
    expect(suppress([[5, 6]])).toEqual({
      cells: [[5, 6]],
      rowTotals: [11],
      columnTotals: [5, 6],
      total: 11,
    });
    expect(suppress([])).toEqual({ cells: [], rowTotals: [], columnTotals: [], total: 0 });
  });
});
