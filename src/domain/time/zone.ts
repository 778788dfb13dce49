import { IANAZone } from 'luxon';
import { dayFromYmd, daysInMonth, ymdFromDay, type DayNumber } from './calendar.js';

/** Every date computation of the product happens in this zone, whatever the machine says. */
export const ZONE_NAME = 'Europe/Amsterdam';

const zone = IANAZone.create(ZONE_NAME);
const HOUR = 3_600_000;
const DAY = 86_400_000;

// The zone changes offset at most once a day, on a whole hour. Most UTC days have one offset
// all day: cache that per day, and fall back to a per-hour cache on the two switch days.
const MIXED = Number.NaN;
const dayCache = new Map<number, number>();
const hourCache = new Map<number, number>();

/** The zone's UTC offset in minutes at an instant (60 in winter, 120 in summer). */
export function offsetMinutesAt(instantMs: number): number {
  const dayBucket = Math.floor(instantMs / DAY);
  let offset = dayCache.get(dayBucket);
  if (offset === undefined) {
    const first = zone.offset(dayBucket * DAY);
    const last = zone.offset(dayBucket * DAY + DAY - 1);
    offset = first === last ? first : MIXED;
    dayCache.set(dayBucket, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const hourBucket = Math.floor(instantMs / HOUR);
  let hourly = hourCache.get(hourBucket);
  if (hourly === undefined) {
    hourly = zone.offset(hourBucket * HOUR);
    hourCache.set(hourBucket, hourly);
  }
  return hourly;
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

// Reads `count` ASCII digits at `at`; -1 when any of them is not a digit.
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/**
 * Parses an ISO 8601 date-time `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`. With `Z` or an offset it
 * is that instant; without one it is wall-clock time in Europe/Amsterdam. `null` when malformed
 * or not a real time. Hand-written because scenarios carry hundreds of thousands of these.
 */
export function parseInstant(text: string): number | null {
  if (
    text.length < 16 ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T' ||
    text[13] !== ':'
  )
    return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  let second = 0;
  let millisecond = 0;
  let at = 16;
  if (text[at] === ':') {
    second = digits(text, at + 1, 2);
    at += 3;
    if (text[at] === '.') {
      let end = at + 1;
      while (end < text.length && end - at <= 3 && digits(text, end, 1) >= 0) end++;
      const count = end - at - 1;
      if (count === 0 || (end < text.length && digits(text, end, 1) >= 0)) return null;
      millisecond = digits(text, at + 1, count) * 10 ** (3 - count);
      at = end;
    }
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return null;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (day > daysInMonth(year, month)) return null;
  if (at === text.length)
    return instantFromLocal(year, month, day, hour, minute, second, millisecond);
  let offsetMinutes = 0;
  if (text[at] === 'Z' && at + 1 === text.length) offsetMinutes = 0;
  else if (
    (text[at] === '+' || text[at] === '-') &&
    at + 6 === text.length &&
    text[at + 3] === ':'
  ) {
    const oh = digits(text, at + 1, 2);
    const om = digits(text, at + 4, 2);
    if (oh < 0 || oh > 18 || om < 0 || om > 59) return null;
    offsetMinutes = (text[at] === '-' ? -1 : 1) * (oh * 60 + om);
  } else return null;
  return (
    dayFromYmd(year, month, day) * DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millisecond
  );
}
