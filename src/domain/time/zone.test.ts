import { describe, it, expect } from 'vitest';
import { formatIsoDate, parseIsoDate } from './calendar.js';
import {
  ZONE_NAME,
  formatInstant,
  instantFromLocal,
  localDay,
  offsetMinutesAt,
  parseInstant,
  startOfLocalDay,
} from './zone.js';

const HOUR = 3_600_000;

/** Parses a date that the test knows to be valid; throws instead of returning null. */
function day(text: string): number {
  const parsed = parseIsoDate(text);
  if (parsed === null) throw new Error(`test date ${text} did not parse`);
  return parsed;
}

/** Parses an instant that the test knows to be valid; throws instead of returning null. */
function instant(text: string): number {
  const parsed = parseInstant(text);
  if (parsed === null) throw new Error(`test instant ${text} did not parse`);
  return parsed;
}

/** Independent reference: a UTC ISO string ('…Z') as epoch milliseconds. */
const utc = (text: string): number => Date.parse(text);

/** The engine's way of adding absolute hours: parse, add milliseconds, format. */
const plusHours = (text: string, hours: number): string =>
  formatInstant(instant(text) + hours * HOUR);

describe('test environment', () => {
  it('runs on a machine zone that is not Europe/Amsterdam', () => {
    expect(ZONE_NAME).toBe('Europe/Amsterdam');
    // America/New_York is UTC-5 in January, as configured in vitest.config.ts.
    expect(new Date(2026, 0, 15, 12).getTimezoneOffset()).toBe(300);
  });
});

describe('offsetMinutesAt', () => {
  it('is 60 in winter and 120 in summer', () => {
    expect(offsetMinutesAt(utc('2026-01-15T12:00:00Z'))).toBe(60);
    expect(offsetMinutesAt(utc('2026-07-15T12:00:00Z'))).toBe(120);
  });

  it('switches at 01:00 UTC on the last Sundays of March and October 2026', () => {
    expect(offsetMinutesAt(utc('2026-03-29T00:59:59.999Z'))).toBe(60);
    expect(offsetMinutesAt(utc('2026-03-29T01:00:00Z'))).toBe(120);
    expect(offsetMinutesAt(utc('2026-10-25T00:59:59.999Z'))).toBe(120);
    expect(offsetMinutesAt(utc('2026-10-25T01:00:00Z'))).toBe(60);
  });

  it('switches on 30 March and 26 October in 2025', () => {
    expect(offsetMinutesAt(utc('2025-03-30T00:30:00Z'))).toBe(60);
    expect(offsetMinutesAt(utc('2025-03-30T01:30:00Z'))).toBe(120);
    expect(offsetMinutesAt(utc('2025-10-26T00:30:00Z'))).toBe(120);
    expect(offsetMinutesAt(utc('2025-10-26T01:30:00Z'))).toBe(60);
  });
});

describe('localDay', () => {
  it('gives the Amsterdam date in winter (+01:00)', () => {
    expect(formatIsoDate(localDay(utc('2026-03-01T23:30:00Z')))).toBe('2026-03-02');
    expect(formatIsoDate(localDay(utc('2026-03-01T22:59:59.999Z')))).toBe('2026-03-01');
    expect(formatIsoDate(localDay(utc('2026-03-01T23:00:00Z')))).toBe('2026-03-02');
    expect(formatIsoDate(localDay(utc('2026-12-31T23:00:00Z')))).toBe('2027-01-01');
  });

  it('gives the Amsterdam date in summer (+02:00)', () => {
    expect(formatIsoDate(localDay(utc('2026-07-01T22:30:00Z')))).toBe('2026-07-02');
    expect(formatIsoDate(localDay(utc('2026-07-01T21:30:00Z')))).toBe('2026-07-01');
    expect(formatIsoDate(localDay(utc('2026-07-01T21:59:59.999Z')))).toBe('2026-07-01');
    expect(formatIsoDate(localDay(utc('2026-07-01T22:00:00Z')))).toBe('2026-07-02');
  });

  it('handles the DST switch days', () => {
    expect(formatIsoDate(localDay(utc('2026-03-28T22:59:59Z')))).toBe('2026-03-28');
    expect(formatIsoDate(localDay(utc('2026-03-28T23:00:00Z')))).toBe('2026-03-29');
    expect(formatIsoDate(localDay(utc('2026-03-29T21:59:59Z')))).toBe('2026-03-29');
    expect(formatIsoDate(localDay(utc('2026-03-29T22:00:00Z')))).toBe('2026-03-30');
    expect(formatIsoDate(localDay(utc('2026-10-24T21:59:59Z')))).toBe('2026-10-24');
    expect(formatIsoDate(localDay(utc('2026-10-24T22:00:00Z')))).toBe('2026-10-25');
    expect(formatIsoDate(localDay(utc('2026-10-25T22:30:00Z')))).toBe('2026-10-25');
    expect(formatIsoDate(localDay(utc('2026-10-25T23:00:00Z')))).toBe('2026-10-26');
  });
});

describe('formatInstant', () => {
  it('prints winter instants with +01:00 and summer instants with +02:00', () => {
    expect(formatInstant(utc('2026-01-15T12:00:00Z'))).toBe('2026-01-15T13:00:00+01:00');
    expect(formatInstant(utc('2026-07-15T12:00:00Z'))).toBe('2026-07-15T14:00:00+02:00');
    expect(formatInstant(utc('2026-12-31T23:30:05Z'))).toBe('2027-01-01T00:30:05+01:00');
  });

  it('jumps from 01:59:59+01:00 to 03:00:00+02:00 in spring', () => {
    expect(formatInstant(utc('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(formatInstant(utc('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
  });

  it('repeats 02:00-03:00 in autumn, first +02:00 and then +01:00', () => {
    expect(formatInstant(utc('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(formatInstant(utc('2026-10-25T00:59:59Z'))).toBe('2026-10-25T02:59:59+02:00');
    expect(formatInstant(utc('2026-10-25T01:00:00Z'))).toBe('2026-10-25T02:00:00+01:00');
    expect(formatInstant(utc('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
  });

  it('agrees with the platform time-zone database for every hour of 2026', () => {
    const reference = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    const start = utc('2026-01-01T00:00:00Z');
    const end = utc('2027-01-01T00:00:00Z');
    for (let t = start; t < end; t += HOUR) {
      const parts = Object.fromEntries(
        reference.formatToParts(new Date(t + 17 * 60_000)).map((p) => [p.type, p.value]),
      );
      const offset = String(parts.timeZoneName).replace('GMT', '');
      const expected = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
      const actual = formatInstant(t + 17 * 60_000);
      if (actual !== expected) expect(actual).toBe(expected);
    }
  });
});

describe('parseInstant', () => {
  it('parses UTC (Z) instants', () => {
    expect(parseInstant('2026-03-10T12:00:00Z')).toBe(utc('2026-03-10T12:00:00Z'));
    expect(parseInstant('2026-03-10T12:00Z')).toBe(utc('2026-03-10T12:00:00Z'));
    expect(parseInstant('2026-03-10T12:00:00.250Z')).toBe(utc('2026-03-10T12:00:00.250Z'));
  });

  it('parses explicit offsets', () => {
    expect(parseInstant('2026-03-10T12:00:00+01:00')).toBe(utc('2026-03-10T11:00:00Z'));
    expect(parseInstant('2026-07-10T12:00:00+02:00')).toBe(utc('2026-07-10T10:00:00Z'));
    expect(parseInstant('2026-03-10T12:00:00-05:00')).toBe(utc('2026-03-10T17:00:00Z'));
    expect(parseInstant('2026-03-10T00:30:00+01:00')).toBe(utc('2026-03-09T23:30:00Z'));
    // An offset that is not Amsterdam's still denotes that exact instant.
    expect(parseInstant('2026-07-10T12:00:00+01:00')).toBe(utc('2026-07-10T11:00:00Z'));
  });

  it('reads text without an offset as Amsterdam wall-clock time', () => {
    expect(parseInstant('2026-03-10T12:00:00')).toBe(utc('2026-03-10T11:00:00Z'));
    expect(parseInstant('2026-07-10T12:00:00')).toBe(utc('2026-07-10T10:00:00Z'));
    expect(parseInstant('2026-07-10T12:00')).toBe(utc('2026-07-10T10:00:00Z'));
    expect(parseInstant('2026-01-01T00:00:00')).toBe(utc('2025-12-31T23:00:00Z'));
  });

  it('rejects malformed text', () => {
    for (const text of [
      '',
      'now',
      '2026-03-10',
      '2026-03-10 12:00',
      '2026-03-10 12:00:00Z',
      '2026-03-10T12',
      '2026-03-10T1200',
      '2026-3-10T12:00:00Z',
      '2026-03-10T12:00:',
      '2026-03-10T12:00:0',
      '2026-03-10T12:00:00.',
      '2026-03-10T12:00:00.Z',
      '2026-03-10T12:00:00+01',
      '2026-03-10T12:00:00+0100',
      '2026-03-10T12:00:00+01:00 ',
      '2026-03-10T12:00:00Zjunk',
      '2026-03-10T12:00:00ZZ',
      'xxxx-03-10T12:00:00Z',
    ]) {
      expect(parseInstant(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('rejects impossible dates and times', () => {
    for (const text of [
      '2026-02-30T10:00:00+01:00',
      '2025-02-29T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-00-01T10:00:00Z',
      '2026-03-00T10:00:00Z',
      '2026-03-10T25:00:00+01:00',
      '2026-03-10T24:00:00+01:00',
      '2026-03-10T12:60:00+01:00',
      '2026-03-10T12:00:60+01:00',
    ]) {
      expect(parseInstant(text), text).toBeNull();
    }
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseInstant('2024-02-29T10:00:00Z')).toBe(utc('2024-02-29T10:00:00Z'));
  });

  it('round-trips with formatInstant when the offset is Amsterdam’s', () => {
    for (const text of [
      '2026-01-15T13:00:00+01:00',
      '2026-07-15T14:00:00+02:00',
      '2026-03-29T01:59:59+01:00',
      '2026-03-29T03:00:00+02:00',
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:30:00+01:00',
    ]) {
      expect(formatInstant(instant(text))).toBe(text);
    }
  });
});

describe('absolute hours across DST switches (unit h)', () => {
  it('adds 4 h to a request at 00:30 on the spring switch night', () => {
    expect(plusHours('2026-03-29T00:30:00+01:00', 4)).toBe('2026-03-29T05:30:00+02:00');
  });

  it('adds 4 h to a request at 01:30 summer time on the autumn switch night', () => {
    expect(plusHours('2026-10-25T01:30:00+02:00', 4)).toBe('2026-10-25T04:30:00+01:00');
  });

  it('adds 24 h across the spring switch, ending an hour later on the wall clock', () => {
    expect(plusHours('2026-03-28T12:00:00+01:00', 24)).toBe('2026-03-29T13:00:00+02:00');
  });

  it('adds 24 h across the autumn switch, ending an hour earlier on the wall clock', () => {
    expect(plusHours('2026-10-24T12:00:00+02:00', 24)).toBe('2026-10-25T11:00:00+01:00');
  });

  it('gives the same result for a Z input as for the equivalent offset input', () => {
    expect(plusHours('2026-03-28T23:30:00Z', 4)).toBe('2026-03-29T05:30:00+02:00');
  });

  it('adds hours to Amsterdam wall-clock input without an offset', () => {
    expect(plusHours('2026-03-29T00:30:00', 4)).toBe('2026-03-29T05:30:00+02:00');
    expect(plusHours('2026-07-01T22:00:00', 4)).toBe('2026-07-02T02:00:00+02:00');
  });
});

describe('startOfLocalDay', () => {
  it('is 23:00 UTC the day before in winter', () => {
    expect(startOfLocalDay(day('2026-01-15'))).toBe(utc('2026-01-14T23:00:00Z'));
  });

  it('is 22:00 UTC the day before in summer', () => {
    expect(startOfLocalDay(day('2026-07-15'))).toBe(utc('2026-07-14T22:00:00Z'));
  });

  it('handles the spring switch day 2026-03-29 (a 23-hour day)', () => {
    expect(startOfLocalDay(day('2026-03-29'))).toBe(utc('2026-03-28T23:00:00Z'));
    expect(startOfLocalDay(day('2026-03-30'))).toBe(utc('2026-03-29T22:00:00Z'));
    expect(startOfLocalDay(day('2026-03-30')) - startOfLocalDay(day('2026-03-29'))).toBe(23 * HOUR);
  });

  it('handles the autumn switch day 2026-10-25 (a 25-hour day)', () => {
    expect(startOfLocalDay(day('2026-10-25'))).toBe(utc('2026-10-24T22:00:00Z'));
    expect(startOfLocalDay(day('2026-10-26'))).toBe(utc('2026-10-25T23:00:00Z'));
    expect(startOfLocalDay(day('2026-10-26')) - startOfLocalDay(day('2026-10-25'))).toBe(25 * HOUR);
  });

  it('formats as local midnight and maps back to the same local day', () => {
    for (let n = day('2025-12-25'); n <= day('2027-01-05'); n++) {
      const start = startOfLocalDay(n);
      expect(formatInstant(start).slice(10, 19)).toBe('T00:00:00');
      expect(localDay(start)).toBe(n);
      expect(localDay(start - 1)).toBe(n - 1);
    }
  });
});

describe('instantFromLocal', () => {
  it('converts ordinary winter and summer wall-clock times', () => {
    expect(instantFromLocal(2026, 1, 15, 9, 30)).toBe(utc('2026-01-15T08:30:00Z'));
    expect(instantFromLocal(2026, 7, 15, 9, 30, 15, 500)).toBe(utc('2026-07-15T07:30:15.500Z'));
  });

  it('converts the times just around the spring gap', () => {
    expect(instantFromLocal(2026, 3, 29, 1, 59)).toBe(utc('2026-03-29T00:59:00Z'));
    expect(instantFromLocal(2026, 3, 29, 3, 0)).toBe(utc('2026-03-29T01:00:00Z'));
  });

  it('does not throw for 02:30 in the spring gap and stays on that local date', () => {
    const gap = instantFromLocal(2026, 3, 29, 2, 30);
    expect(Number.isFinite(gap)).toBe(true);
    expect(formatIsoDate(localDay(gap))).toBe('2026-03-29');
    // Any sensible answer lies between local 01:30 (00:30Z) and local 03:30 (01:30Z).
    expect(gap).toBeGreaterThanOrEqual(utc('2026-03-29T00:30:00Z'));
    expect(gap).toBeLessThanOrEqual(utc('2026-03-29T01:30:00Z'));
  });

  it('resolves the ambiguous autumn 02:30 to one of its two real instants', () => {
    const ambiguous = instantFromLocal(2026, 10, 25, 2, 30);
    expect([utc('2026-10-25T00:30:00Z'), utc('2026-10-25T01:30:00Z')]).toContain(ambiguous);
    expect(formatInstant(ambiguous).slice(0, 19)).toBe('2026-10-25T02:30:00');
  });
});
