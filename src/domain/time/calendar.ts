/**
 * Civil (calendar) dates as day numbers: whole days since 1970-01-01.
 *
 * Day-based deadlines are legal dates, not instants, so the engine reasons in day numbers
 * and never in JavaScript `Date` objects (whose meaning depends on the machine's zone).
 */

/** Whole days since 1970-01-01 (day 0). */
export type DayNumber = number;

/** A civil date split into its parts; `month` is 1-12. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Howard Hinnant's days-from-civil algorithm, valid for the proleptic Gregorian calendar.
/** The day number of a civil date. `month` is 1-12. */
export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function ymdFromDay(dayNumber: DayNumber): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** True for leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (`month` 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: DayNumber): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** `dayNumber` plus `days` calendar days. */
export function addDays(dayNumber: DayNumber, days: number): DayNumber {
  return dayNumber + days;
}

/**
 * `dayNumber` plus whole months: the same day of the month, clamped to the month's last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = ymdFromDay(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return dayFromYmd(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** `dayNumber` plus years and months in one step (an age: 16 years and 6 months). */
export function addYearsMonths(dayNumber: DayNumber, years: number, months: number): DayNumber {
  return addMonths(dayNumber, years * 12 + months);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; `null` when malformed or not a real date (2026-02-30). */
export function parseIsoDate(text: string): DayNumber | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromYmd(year, month, day);
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatIsoDate(dayNumber: DayNumber): string {
  const { year, month, day } = ymdFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
