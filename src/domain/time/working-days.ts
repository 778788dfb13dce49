import { isoWeekday, type DayNumber } from './calendar.js';
import { isPublicHoliday } from './holidays.js';

/** A working day: Monday to Friday and not a general holiday (Algemene termijnenwet). */
export function isWorkingDay(dayNumber: DayNumber): boolean {
  return isoWeekday(dayNumber) <= 5 && !isPublicHoliday(dayNumber);
}

/**
 * The N-th working day after `start` (the start day itself never counts), for N ≥ 1.
 * For N = 0 the start day is returned unchanged.
 */
export function addWorkingDays(start: DayNumber, count: number): DayNumber {
  let day = start;
  let remaining = count;
  while (remaining > 0) {
    day += 1;
    if (isWorkingDay(day)) remaining -= 1;
  }
  return day;
}
