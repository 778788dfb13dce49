import { describe, expect, it } from 'vitest';
import { formatInstant, formatIsoDate, parseInstant, parseIsoDate } from '../time/index.js';
import { addDuration, addHours } from './durations.js';
import type { Duration } from './types.js';

function day(text: string): number {
  const value = parseIsoDate(text);
  if (value === null) throw new Error(text);
  return value;
}
const due = (start: string, amount: number, unit: Duration['unit']) =>
  formatIsoDate(addDuration(day(start), { amount, unit }));

describe('addDuration', () => {
  it('d: calendar days, across month and year ends', () => {
    expect(due('2026-03-02', 14, 'd')).toBe('2026-03-16');
    expect(due('2026-12-25', 14, 'd')).toBe('2027-01-08');
  });

  it('w: seven days per week', () => {
    expect(due('2026-03-02', 6, 'w')).toBe('2026-04-13');
  });

  it('m: same day of the month, clamped to the last day', () => {
    expect(due('2026-01-31', 1, 'm')).toBe('2026-02-28');
    expect(due('2028-01-31', 1, 'm')).toBe('2028-02-29');
    expect(due('2026-08-31', 3, 'm')).toBe('2026-11-30');
    expect(due('2026-11-30', 3, 'm')).toBe('2027-02-28');
  });

  it('wd: the N-th working day after the start, skipping weekends and holidays', () => {
    // Thu 2 Apr 2026 + 5 wd: Fri 3 (Good Friday counts), Tue 7, Wed 8, Thu 9, Fri 10 (Mon 6 is Easter Monday).
    expect(due('2026-04-02', 5, 'wd')).toBe('2026-04-10');
    // Backwards for "N before X": 5 working days before Fri 10 Apr 2026 is Thu 2 Apr.
    expect(due('2026-04-10', -5, 'wd')).toBe('2026-04-02');
  });

  it('negative weeks count back ("10 weeks before")', () => {
    expect(due('2026-12-31', -10, 'w')).toBe('2026-10-22');
  });
});

describe('addHours', () => {
  it('adds real hours: 4 h from 00:30 on the night clocks go forward ends at 05:30 summer time', () => {
    const start = parseInstant('2026-03-29T00:30:00+01:00');
    if (start === null) throw new Error('parse');
    expect(formatInstant(addHours(start, { amount: 4, unit: 'h' }))).toBe(
      '2026-03-29T05:30:00+02:00',
    );
  });
});
