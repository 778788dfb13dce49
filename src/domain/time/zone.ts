import { IANAZone } from 'luxon';
import { dayFromYmd, daysInMonth, ymdFromDay, type DayNumber } from './calendar.js';

/** Every date computation of the product happens in this zone, whatever the machine says. */
export const ZONE_NAME = 'Europe/Amsterdam';

const zone = IANAZone.create(ZONE_NAME);
const HOUR = 3_600_000;
const DAY = 86_400_000;

// Offsets only change on whole hours in this zone, so one lookup per UTC hour suffices.
const offsetCache = new Map<number, number>();

/** The zone's UTC offset in minutes at an instant (60 in winter, 120 in summer). */
export function offsetMinutesAt(instantMs: number): number {
  const bucket = Math.floor(instantMs / HOUR);
  let offset = offsetCache.get(bucket);
  if (offset === undefined) {
    offset = zone.offset(bucket * HOUR);
    offsetCache.set(bucket, offset);
  }
  return offset;
}

/** The local (Europe/Amsterdam) calendar date of an instant. */
export function localDay(instantMs: number): DayNumber {
  return Math.floor((instantMs + offsetMinutesAt(instantMs) * 60_000) / DAY);
}

/**
 * The instant of a local wall-clock time in Europe/Amsterdam. A time inside the spring gap
 * (02:30 on the last Sunday of March) moves forward by the gap; an ambiguous autumn time
 * (02:30 on the last Sunday of October) takes the first of the two instants (summer time).
 */
export function instantFromLocal(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const wall =
    dayFromYmd(year, month, day) * DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  const before = offsetMinutesAt(wall - DAY);
  const after = offsetMinutesAt(wall + DAY);
  const larger = Math.max(before, after);
  const smaller = Math.min(before, after);
  for (const offset of [larger, smaller]) {
    const candidate = wall - offset * 60_000;
    if (offsetMinutesAt(candidate) === offset) return candidate;
  }
  return wall - smaller * 60_000;
}

/** The instant at which a local date starts (00:00 in Europe/Amsterdam). */
export function startOfLocalDay(dayNumber: DayNumber): number {
  const { year, month, day } = ymdFromDay(dayNumber);
  return instantFromLocal(year, month, day);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** An instant as ISO 8601 with the Europe/Amsterdam offset, e.g. `2026-03-29T03:00:00+02:00`. */
export function formatInstant(instantMs: number): string {
  const offset = offsetMinutesAt(instantMs);
  const local = instantMs + offset * 60_000;
  const dayNumber = Math.floor(local / DAY);
  const { year, month, day } = ymdFromDay(dayNumber);
  const msOfDay = local - dayNumber * DAY;
  const hours = Math.floor(msOfDay / HOUR);
  const minutes = Math.floor((msOfDay % HOUR) / 60_000);
  const seconds = Math.floor((msOfDay % 60_000) / 1000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses an ISO 8601 date-time. With `Z` or an offset it is that instant; without one it is
 * wall-clock time in Europe/Amsterdam. `null` when malformed or not a real time.
 */
export function parseInstant(text: string): number | null {
  const match = WITH_OFFSET.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms, offset] = match;
  const parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: s === undefined ? 0 : Number(s),
    millisecond: ms === undefined ? 0 : Number(ms.padEnd(3, '0')),
  };
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  if (parts.month < 1 || parts.month > 12 || parts.day < 1) return null;
  if (parts.day > daysInMonth(parts.year, parts.month)) return null;
  const civil = dayFromYmd(parts.year, parts.month, parts.day);
  if (offset === undefined) {
    return instantFromLocal(
      parts.year,
      parts.month,
      parts.day,
      parts.hour,
      parts.minute,
      parts.second,
      parts.millisecond,
    );
  }
  const offsetMinutes =
    offset === 'Z'
      ? 0
      : (offset.startsWith('-') ? -1 : 1) *
        (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return (
    civil * DAY +
    ((parts.hour * 60 + parts.minute - offsetMinutes) * 60 + parts.second) * 1000 +
    parts.millisecond
  );
}
