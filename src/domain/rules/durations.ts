import { addDays, addMonths, addWorkingDays, type DayNumber } from '../time/index.js';
import type { Duration } from './types.js';

const HOUR_MS = 3_600_000;

/** True when the duration is counted in absolute hours (instants), not in dates. */
export function isHourBased(duration: Duration): boolean {
  return duration.unit === 'h';
}

/**
 * The due date of a day-based duration counted from a local date: `d` calendar days,
 * `w` seven-day weeks, `m` calendar months (clamped to the month's end), `wd` the N-th
 * working day after the start. A negative amount counts backwards ("10 weeks before").
 */
export function addDuration(start: DayNumber, duration: Duration): DayNumber {
  switch (duration.unit) {
    case 'd':
      return addDays(start, duration.amount);
    case 'w':
      return addDays(start, duration.amount * 7);
    case 'm':
      return addMonths(start, duration.amount);
    case 'wd':
      return addWorkingDays(start, duration.amount);
    case 'h':
      return addDays(start, Math.floor(duration.amount / 24));
  }
}

/** The due instant of an hour-based duration: hours are absolute, across DST changes. */
export function addHours(startMs: number, duration: Duration): number {
  return startMs + duration.amount * HOUR_MS;
}

/** A duration written back as in a profile (`14d`, `5wd`). */
export function formatDuration(duration: Duration): string {
  return `${duration.amount}${duration.unit}`;
}
