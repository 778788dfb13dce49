import { describe, it, expect } from 'vitest';
import {
  addDays,
  addMonths,
  addYearsMonths,
  dayFromYmd,
  daysInMonth,
  formatIsoDate,
  isLeapYear,
  isoWeekday,
  parseIsoDate,
  ymdFromDay,
} from './calendar.js';

const MS_PER_DAY = 86_400_000;

/** Parses a date that the test knows to be valid; throws instead of returning null. */
function day(text: string): number {
  const parsed = parseIsoDate(text);
  if (parsed === null) throw new Error(`test date ${text} did not parse`);
  return parsed;
}

/** Independent reference: the day number of a civil date via the built-in UTC calendar. */
function referenceDay(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

describe('day numbers', () => {
  it('puts 1970-01-01 at day 0 and neighbouring dates at ±1', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1970, 1, 2)).toBe(1);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(ymdFromDay(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(ymdFromDay(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });

  it('matches known day numbers of real dates', () => {
    expect(dayFromYmd(2000, 1, 1)).toBe(10_957);
    expect(dayFromYmd(2024, 2, 29)).toBe(19_782);
    expect(dayFromYmd(2026, 11, 23)).toBe(20_780);
    expect(dayFromYmd(2026, 12, 23)).toBe(20_810);
  });

  it('agrees with the built-in UTC calendar and round-trips for every day from 1600 to 2400', () => {
    const first = referenceDay(1600, 1, 1);
    const last = referenceDay(2400, 12, 31);
    for (let n = first; n <= last; n++) {
      const reference = new Date(n * MS_PER_DAY);
      const expected = {
        year: reference.getUTCFullYear(),
        month: reference.getUTCMonth() + 1,
        day: reference.getUTCDate(),
      };
      const ymd = ymdFromDay(n);
      if (
        ymd.year !== expected.year ||
        ymd.month !== expected.month ||
        ymd.day !== expected.day ||
        dayFromYmd(ymd.year, ymd.month, ymd.day) !== n
      ) {
        // Only build the (slow) assertion on a mismatch, so the loop stays fast.
        expect({ n, ymd, back: dayFromYmd(ymd.year, ymd.month, ymd.day) }).toEqual({
          n,
          ymd: expected,
          back: n,
        });
      }
    }
  });

  it('round-trips through ISO text for a spread of dates in years 0 to 9999', () => {
    for (let n = -700_000; n <= 2_900_000; n += 997) {
      expect(parseIsoDate(formatIsoDate(n))).toBe(n);
    }
  });
});

describe('leap years and month lengths', () => {
  it('follows the Gregorian leap-year rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(2028)).toBe(true);
  });

  it('gives February 29 days in leap years and 28 otherwise', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2026, 2)).toBe(28);
  });

  it('gives the right length for every other month', () => {
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    lengths.forEach((length, index) => expect(daysInMonth(2026, index + 1)).toBe(length));
  });

  it('counts 366 days in 2024 and 2000 but 365 in 2100 and 2026', () => {
    expect(dayFromYmd(2025, 1, 1) - dayFromYmd(2024, 1, 1)).toBe(366);
    expect(dayFromYmd(2001, 1, 1) - dayFromYmd(2000, 1, 1)).toBe(366);
    expect(dayFromYmd(2101, 1, 1) - dayFromYmd(2100, 1, 1)).toBe(365);
    expect(dayFromYmd(2027, 1, 1) - dayFromYmd(2026, 1, 1)).toBe(365);
  });

  it('goes from 28 February 2100 straight to 1 March 2100', () => {
    expect(formatIsoDate(day('2100-02-28') + 1)).toBe('2100-03-01');
    expect(formatIsoDate(day('2024-02-28') + 1)).toBe('2024-02-29');
  });
});

describe('isoWeekday', () => {
  it('says 1970-01-01 was a Thursday', () => {
    expect(isoWeekday(0)).toBe(4);
  });

  it('says 2026-11-23 is a Monday and 2026-11-29 a Sunday', () => {
    expect(isoWeekday(day('2026-11-23'))).toBe(1);
    expect(isoWeekday(day('2026-11-29'))).toBe(7);
  });

  it('knows weekdays of other real dates, including before 1970', () => {
    expect(isoWeekday(day('2026-03-29'))).toBe(7);
    expect(isoWeekday(day('2025-04-27'))).toBe(7);
    expect(isoWeekday(day('2031-04-27'))).toBe(7);
    expect(isoWeekday(day('2026-05-05'))).toBe(2);
    expect(isoWeekday(day('1969-12-31'))).toBe(3);
    expect(isoWeekday(day('1900-01-01'))).toBe(1);
  });

  it('agrees with the built-in UTC weekday over a wide range of day numbers', () => {
    for (let n = -100_000; n <= 100_000; n += 7) {
      for (let k = 0; k < 7; k++) {
        const jsDay = new Date((n + k) * MS_PER_DAY).getUTCDay(); // 0 = Sunday
        const expected = jsDay === 0 ? 7 : jsDay;
        if (isoWeekday(n + k) !== expected) expect(isoWeekday(n + k)).toBe(expected);
      }
    }
  });
});

describe('addDays (units d and w)', () => {
  it('adds calendar days across month and year ends', () => {
    expect(formatIsoDate(addDays(day('2026-01-31'), 1))).toBe('2026-02-01');
    expect(formatIsoDate(addDays(day('2026-12-31'), 1))).toBe('2027-01-01');
    expect(formatIsoDate(addDays(day('2024-02-28'), 2))).toBe('2024-03-01');
    expect(formatIsoDate(addDays(day('2026-03-01'), -1))).toBe('2026-02-28');
  });

  it('treats a week as 7 calendar days', () => {
    expect(formatIsoDate(addDays(day('2026-11-23'), 7))).toBe('2026-11-30');
    expect(formatIsoDate(addDays(day('2026-12-23'), 2 * 7))).toBe('2027-01-06');
    expect(formatIsoDate(addDays(day('2026-03-26'), 6 * 7))).toBe('2026-05-07');
  });
});

describe('addMonths (unit m)', () => {
  it('keeps the day of the month when the target month has it', () => {
    expect(formatIsoDate(addMonths(day('2026-01-15'), 1))).toBe('2026-02-15');
    expect(formatIsoDate(addMonths(day('2026-11-30'), 3))).toBe('2027-02-28');
    expect(formatIsoDate(addMonths(day('2026-12-15'), 1))).toBe('2027-01-15');
    expect(formatIsoDate(addMonths(day('2026-05-31'), 2))).toBe('2026-07-31');
  });

  it('clamps 31 January + 1 month to 28 February, or 29 February in a leap year', () => {
    expect(formatIsoDate(addMonths(day('2026-01-31'), 1))).toBe('2026-02-28');
    expect(formatIsoDate(addMonths(day('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatIsoDate(addMonths(day('2100-01-31'), 1))).toBe('2100-02-28');
    expect(formatIsoDate(addMonths(day('2000-01-31'), 1))).toBe('2000-02-29');
  });

  it('clamps 31 March + 1 month to 30 April', () => {
    expect(formatIsoDate(addMonths(day('2026-03-31'), 1))).toBe('2026-04-30');
  });

  it('clamps 29 February 2024 + 12 months to 28 February 2025, but not + 48 months', () => {
    expect(formatIsoDate(addMonths(day('2024-02-29'), 12))).toBe('2025-02-28');
    expect(formatIsoDate(addMonths(day('2024-02-29'), 48))).toBe('2028-02-29');
  });

  it('counts from the start date, not month by month', () => {
    const twoSteps = addMonths(addMonths(day('2026-01-31'), 1), 1);
    expect(formatIsoDate(twoSteps)).toBe('2026-03-28');
    expect(formatIsoDate(addMonths(day('2026-01-31'), 2))).toBe('2026-03-31');
  });

  it('crosses year boundaries forwards and backwards', () => {
    expect(formatIsoDate(addMonths(day('2026-10-31'), 4))).toBe('2027-02-28');
    expect(formatIsoDate(addMonths(day('2026-08-31'), 18))).toBe('2028-02-29');
    expect(formatIsoDate(addMonths(day('2026-03-31'), -1))).toBe('2026-02-28');
    expect(formatIsoDate(addMonths(day('2026-01-15'), -1))).toBe('2025-12-15');
    expect(formatIsoDate(addMonths(day('2026-01-15'), -13))).toBe('2024-12-15');
  });

  it('returns the start date for 0 months', () => {
    expect(addMonths(day('2026-01-31'), 0)).toBe(day('2026-01-31'));
  });
});

describe('addYearsMonths', () => {
  it('adds an age of years and months in one step', () => {
    expect(formatIsoDate(addYearsMonths(day('2010-08-31'), 16, 6))).toBe('2027-02-28');
    expect(formatIsoDate(addYearsMonths(day('2008-02-29'), 18, 0))).toBe('2026-02-28');
    expect(formatIsoDate(addYearsMonths(day('2008-02-29'), 16, 0))).toBe('2024-02-29');
    expect(formatIsoDate(addYearsMonths(day('2009-05-15'), 17, 0))).toBe('2026-05-15');
  });
});

describe('parseIsoDate', () => {
  it('parses valid dates, including 29 February in leap years', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(parseIsoDate('2024-02-29')).toBe(referenceDay(2024, 2, 29));
    expect(parseIsoDate('2000-02-29')).toBe(referenceDay(2000, 2, 29));
    expect(parseIsoDate('2026-12-31')).toBe(referenceDay(2026, 12, 31));
  });

  it('rejects impossible dates', () => {
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2100-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-00-10')).toBeNull();
    expect(parseIsoDate('2026-01-00')).toBeNull();
    expect(parseIsoDate('2026-04-31')).toBeNull();
    expect(parseIsoDate('2026-01-32')).toBeNull();
  });

  it('rejects malformed text', () => {
    for (const text of [
      '2026-1-5',
      '2026-01-5',
      '26-01-05',
      '2026/01/05',
      '20260105',
      ' 2026-01-05',
      '2026-01-05 ',
      '2026-01-05T00:00',
      '2026-01-05T00:00:00Z',
      '',
      'yesterday',
    ]) {
      expect(parseIsoDate(text), text).toBeNull();
    }
  });
});

describe('formatIsoDate', () => {
  it('prints zero-padded YYYY-MM-DD', () => {
    expect(formatIsoDate(0)).toBe('1970-01-01');
    expect(formatIsoDate(referenceDay(2026, 3, 9))).toBe('2026-03-09');
    expect(formatIsoDate(referenceDay(999, 12, 31))).toBe('0999-12-31');
  });
});
