/**
 * When the daily digest goes out: at a fixed hour of the day in Europe/Amsterdam, so it stays
 * at 07:00 local time across the change to and from summer time.
 */
import { addDays, instantFromLocal, localDay, ymdFromDay } from '../time/index.js';

/** The first moment after `now` (ms) that is `hour`:00 in Europe/Amsterdam. */
export function nextDigestAt(now: number, hour: number): number {
  for (let day = localDay(now); ; day = addDays(day, 1)) {
    const { year, month, day: d } = ymdFromDay(day);
    const at = instantFromLocal(year, month, d, hour);
    if (at > now) return at;
  }
}
