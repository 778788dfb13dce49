import { isoWeekday, type DayNumber } from './calendar.js';
import { isPublicHoliday } from './holidays.js';

/** A working day: Monday to Friday and not a general holiday (Algemene termijnenwet). */
export function isWorkingDay(dayNumber: DayNumber): boolean {
  return isoWeekday(dayNumber) <= 5 && !isPublicHoliday(dayNumber);
}

/**
 * The N-th working day after `start` (the start day itself never counts). A negative N
 * gives the N-th working day before `start`; N = 0 returns `start` unchanged.
 */
export function addWorkingDays(start: DayNumber, count: number): DayNumber {
  const step = count < 0 ? -1 : 1;
  let day = start;
  let remaining = Math.abs(count);
  while (remaining > 0) {
    day += step;
    if (isWorkingDay(day)) remaining -= 1;
  }
  return day;
}
