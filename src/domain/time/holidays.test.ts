import { describe, it, expect } from 'vitest';
import { formatIsoDate, isoWeekday, parseIsoDate } from './calendar.js';
import { easterSunday, isPublicHoliday, publicHolidays } from './holidays.js';

/** Parses a date that the test knows to be valid; throws instead of returning null. */
function day(text: string): number {
  const parsed = parseIsoDate(text);
  if (parsed === null) throw new Error(`test date ${text} did not parse`);
  return parsed;
}

const holidayDates = (year: number): string[] =>
  publicHolidays(year).map((holiday) => formatIsoDate(holiday.day));

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
    [1818, '1818-03-22'],
    [2000, '2000-04-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2031, '2031-04-13'],
    [2100, '2100-03-28'],
  ])('puts Easter %i on %s', (year, expected) => {
    expect(formatIsoDate(easterSunday(year))).toBe(expected);
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1583; year <= 3000; year++) {
      const easter = easterSunday(year);
      const ok =
        isoWeekday(easter) === 7 &&
        easter >= day(`${year}-03-22`) &&
        easter <= day(`${year}-04-25`);
      if (!ok) expect(formatIsoDate(easter)).toBe(`a Sunday from ${year}-03-22 to ${year}-04-25`);
    }
  });
});

describe('publicHolidays', () => {
  it('lists the eight general holidays of 2026 in date order', () => {
    expect(holidayDates(2026)).toEqual([
      '2026-01-01', // New Year's Day
      '2026-04-06', // Easter Monday
      '2026-04-27', // King's Day (Monday)
      '2026-05-05', // Liberation Day (Tuesday)
      '2026-05-14', // Ascension Day
      '2026-05-25', // Whit Monday
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it("moves King's Day 2025 to Saturday 26 April because 27 April 2025 is a Sunday", () => {
    expect(holidayDates(2025)).toEqual([
      '2025-01-01',
      '2025-04-21',
      '2025-04-26',
      '2025-05-05',
      '2025-05-29',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it("moves King's Day 2031 to 26 April because 27 April 2031 is a Sunday", () => {
    expect(isoWeekday(day('2031-04-27'))).toBe(7);
    expect(holidayDates(2031)).toContain('2031-04-26');
    expect(holidayDates(2031)).not.toContain('2031-04-27');
    expect(holidayDates(2031)).toEqual([
      '2031-01-01',
      '2031-04-14',
      '2031-04-26',
      '2031-05-05',
      '2031-05-22',
      '2031-06-02',
      '2031-12-25',
      '2031-12-26',
    ]);
  });

  it("uses King's Day from 2014 on, already moved to 26 April in 2014 itself", () => {
    expect(holidayDates(2014)).toContain('2014-04-26');
    expect(holidayDates(2014)).not.toContain('2014-04-27');
    expect(holidayDates(2014)).not.toContain('2014-04-30');
  });

  it("uses Queen's Day 30 April before 2014, or 29 April when the 30th is a Sunday", () => {
    expect(holidayDates(2013)).toContain('2013-04-30');
    expect(holidayDates(2013)).not.toContain('2013-04-27');
    expect(isoWeekday(day('2006-04-30'))).toBe(7);
    expect(holidayDates(2006)).toContain('2006-04-29');
    expect(holidayDates(2006)).not.toContain('2006-04-30');
  });

  it('counts 5 May every year, not only every fifth year', () => {
    for (let year = 2020; year <= 2035; year++) {
      expect(holidayDates(year)).toContain(`${year}-05-05`);
    }
  });

  it('puts Easter Monday, Ascension and Whit Monday at Easter + 1, + 39 and + 50', () => {
    for (let year = 1900; year <= 2200; year++) {
      const easter = easterSunday(year);
      const days = publicHolidays(year).map((holiday) => holiday.day);
      expect(days).toContain(easter + 1);
      expect(days).toContain(easter + 39);
      expect(days).toContain(easter + 50);
      expect(isoWeekday(easter + 39)).toBe(4);
      expect(isoWeekday(easter + 50)).toBe(1);
    }
  });

  it('always has eight holidays, sorted, all inside the year', () => {
    for (let year = 1950; year <= 2150; year++) {
      const days = publicHolidays(year).map((holiday) => holiday.day);
      expect(days).toHaveLength(8);
      expect([...days].sort((a, b) => a - b)).toEqual(days);
      expect(days[0]).toBe(day(`${year}-01-01`));
      expect(days[7]).toBe(day(`${year}-12-26`));
    }
  });

  it('gives every holiday a name', () => {
    for (const holiday of publicHolidays(2026)) expect(holiday.name).not.toBe('');
  });
});

describe('isPublicHoliday', () => {
  it('recognises the 2026 holidays', () => {
    for (const text of [
      '2026-01-01',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]) {
      expect(isPublicHoliday(day(text)), text).toBe(true);
    }
  });

  it('does not treat Good Friday, Easter Sunday, Whit Sunday, 1 May or 31 December as holidays', () => {
    for (const text of ['2026-04-03', '2026-04-05', '2026-05-24', '2026-05-01', '2026-12-31']) {
      expect(isPublicHoliday(day(text)), text).toBe(false);
    }
  });

  it("recognises a holiday that falls on a weekend (King's Day 2025 on Saturday)", () => {
    expect(isPublicHoliday(day('2025-04-26'))).toBe(true);
    expect(isPublicHoliday(day('2025-04-27'))).toBe(false);
  });
});
