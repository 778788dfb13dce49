import { describe, it, expect } from 'vitest';
import { formatIsoDate, isoWeekday, parseIsoDate } from './calendar.js';
import { addWorkingDays, isWorkingDay } from './working-days.js';

/** Parses a date that the test knows to be valid; throws instead of returning null. */
function day(text: string): number {
  const parsed = parseIsoDate(text);
  if (parsed === null) throw new Error(`test date ${text} did not parse`);
  return parsed;
}

const plusWd = (start: string, count: number): string =>
  formatIsoDate(addWorkingDays(day(start), count));

describe('isWorkingDay', () => {
  it('is true on ordinary Monday to Friday', () => {
    for (const text of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) {
      expect(isWorkingDay(day(text)), text).toBe(true);
    }
  });

  it('is false on Saturday and Sunday', () => {
    expect(isWorkingDay(day('2026-11-28'))).toBe(false);
    expect(isWorkingDay(day('2026-11-29'))).toBe(false);
  });

  it('is false on 5 May 2026, a Tuesday', () => {
    expect(isoWeekday(day('2026-05-05'))).toBe(2);
    expect(isWorkingDay(day('2026-05-05'))).toBe(false);
  });

  it('is true on Good Friday 2026 and false on Easter Monday 2026', () => {
    expect(isWorkingDay(day('2026-04-03'))).toBe(true);
    expect(isWorkingDay(day('2026-04-05'))).toBe(false);
    expect(isWorkingDay(day('2026-04-06'))).toBe(false);
  });

  it('is false on Ascension Day (14 May 2026) and Whit Monday (25 May 2026)', () => {
    expect(isWorkingDay(day('2026-05-14'))).toBe(false);
    expect(isWorkingDay(day('2026-05-25'))).toBe(false);
  });

  it("is false on King's Day 2026 (Monday 27 April)", () => {
    expect(isWorkingDay(day('2026-04-27'))).toBe(false);
    expect(isWorkingDay(day('2026-04-28'))).toBe(true);
  });

  it('finds exactly the seven weekday holidays of 2026 and 254 working days', () => {
    const weekdayHolidays: string[] = [];
    let workingDays = 0;
    for (let n = day('2026-01-01'); n <= day('2026-12-31'); n++) {
      if (isWorkingDay(n)) workingDays++;
      else if (isoWeekday(n) <= 5) weekdayHolidays.push(formatIsoDate(n));
    }
    expect(weekdayHolidays).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
    ]);
    expect(workingDays).toBe(254);
  });

  it("finds exactly the seven weekday holidays of 2025 (King's Day falls on a Saturday)", () => {
    const weekdayHolidays: string[] = [];
    for (let n = day('2025-01-01'); n <= day('2025-12-31'); n++) {
      if (!isWorkingDay(n) && isoWeekday(n) <= 5) weekdayHolidays.push(formatIsoDate(n));
    }
    expect(weekdayHolidays).toEqual([
      '2025-01-01',
      '2025-04-21',
      '2025-05-05',
      '2025-05-29',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
  });
});

describe('addWorkingDays', () => {
  it('never counts the start date', () => {
    expect(plusWd('2026-11-23', 1)).toBe('2026-11-24');
    expect(plusWd('2026-11-27', 1)).toBe('2026-11-30');
  });

  it('starts counting after a weekend or holiday start date', () => {
    expect(plusWd('2026-11-28', 1)).toBe('2026-11-30'); // Saturday start
    expect(plusWd('2026-11-29', 1)).toBe('2026-11-30'); // Sunday start
    expect(plusWd('2026-12-25', 1)).toBe('2026-12-28'); // Christmas start
  });

  it('skips weekends over several weeks', () => {
    expect(plusWd('2026-11-23', 5)).toBe('2026-11-30');
    expect(plusWd('2026-11-23', 10)).toBe('2026-12-07');
    expect(plusWd('2026-11-25', 3)).toBe('2026-11-30');
  });

  it('counts Good Friday 2026 but skips the Easter weekend and Easter Monday', () => {
    expect(plusWd('2026-04-02', 1)).toBe('2026-04-03');
    expect(plusWd('2026-04-02', 2)).toBe('2026-04-07');
    expect(plusWd('2026-04-03', 1)).toBe('2026-04-07');
    expect(plusWd('2026-03-30', 5)).toBe('2026-04-07');
  });

  it("skips King's Day 2026 and 5 May 2026", () => {
    expect(plusWd('2026-04-24', 1)).toBe('2026-04-28');
    expect(plusWd('2026-05-04', 1)).toBe('2026-05-06');
    // Tue 28, Wed 29, Thu 30, Fri 1 May (a working day), Mon 4, [Tue 5 May], Wed 6 … Tue 12.
    expect(plusWd('2026-04-24', 10)).toBe('2026-05-12');
  });

  it('skips Ascension Day and Whit Monday 2026', () => {
    expect(plusWd('2026-05-13', 1)).toBe('2026-05-15');
    expect(plusWd('2026-05-22', 1)).toBe('2026-05-26');
    // Mon 11, Tue 12, Wed 13, [Thu 14], Fri 15, Mon 18 … Fri 22, [Mon 25], Tue 26.
    expect(plusWd('2026-05-08', 10)).toBe('2026-05-26');
  });

  it("treats the Monday after King's Day 2025 (Saturday 26 April) as a working day", () => {
    expect(plusWd('2025-04-25', 1)).toBe('2025-04-28');
  });

  it('skips Christmas and New Year at the 2026/2027 year boundary', () => {
    // From Wed 2026-12-23: Thu 24 (1), [Fri 25, Sat 26, Sun 27], Mon 28 (2), Tue 29 (3),
    // Wed 30 (4), Thu 31 (5), [Fri 1 Jan 2027, Sat 2, Sun 3], Mon 4 Jan (6).
    expect(plusWd('2026-12-23', 1)).toBe('2026-12-24');
    expect(plusWd('2026-12-23', 2)).toBe('2026-12-28');
    expect(plusWd('2026-12-23', 5)).toBe('2026-12-31');
    expect(plusWd('2026-12-23', 6)).toBe('2027-01-04');
    expect(plusWd('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('skips both Christmas days when they fall on Monday and Tuesday (2028)', () => {
    expect(plusWd('2028-12-22', 1)).toBe('2028-12-27');
  });

  it('always lands on a working day, with exactly N working days after the start', () => {
    for (let start = day('2025-12-01'); start <= day('2027-01-31'); start++) {
      for (const count of [1, 2, 5, 10, 20]) {
        const end = addWorkingDays(start, count);
        let counted = 0;
        for (let n = start + 1; n <= end; n++) if (isWorkingDay(n)) counted++;
        if (!isWorkingDay(end) || counted !== count) {
          expect({ start: formatIsoDate(start), count, counted }).toEqual({
            start: formatIsoDate(start),
            count,
            counted: count,
          });
        }
      }
    }
  });

  it('returns the start date unchanged for 0 working days (documented)', () => {
    expect(plusWd('2026-11-28', 0)).toBe('2026-11-28');
  });

  it('counts backwards for a negative count (documented)', () => {
    expect(plusWd('2026-04-07', -1)).toBe('2026-04-03');
    expect(plusWd('2027-01-04', -6)).toBe('2026-12-23');
  });
});
