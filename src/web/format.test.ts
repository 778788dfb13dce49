import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDue,
  nowFields,
  parseDutchDate,
  toInstant,
} from './format.js';

// The suite runs with TZ=America/New_York: every expectation below is on the Amsterdam clock,
// which proves the UI does not depend on the browser's zone.
describe('dates in the web UI (dd-mm-jjjj, Amsterdam clock)', () => {
  it('writes calendar dates as dd-mm-jjjj', () => {
    expect(formatDate('2026-03-02')).toBe('02-03-2026');
    expect(formatDate(null)).toBe('');
  });

  it('writes instants on the Amsterdam clock, winter and summer', () => {
    expect(formatDateTime('2026-01-15T08:30:00Z')).toBe('15-01-2026 09:30');
    expect(formatDateTime('2026-07-15T08:30:00Z')).toBe('15-07-2026 10:30');
    // 23:30 UTC on 31 December is already New Year in Amsterdam.
    expect(formatDateTime('2026-12-31T23:30:00Z')).toBe('01-01-2027 00:30');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('01-01-2027');
  });

  it('shows day deadlines as dates and hour deadlines with their time', () => {
    expect(formatDue('2026-05-06')).toBe('06-05-2026');
    expect(formatDue('2026-03-29T10:00:00+02:00')).toBe('29-03-2026 10:00');
  });

  it('reads dd-mm-jjjj and refuses dates that do not exist', () => {
    expect(parseDutchDate('2-3-2026')).toBe('2026-03-02');
    expect(parseDutchDate(' 29-02-2028 ')).toBe('2028-02-29');
    expect(parseDutchDate('29-02-2027')).toBeNull();
    expect(parseDutchDate('31-04-2026')).toBeNull();
    expect(parseDutchDate('2026-03-02')).toBeNull();
    expect(parseDutchDate('')).toBeNull();
  });

  it('turns an Amsterdam date and time into an instant with the right offset', () => {
    expect(toInstant('02-03-2026', '09:00')).toBe('2026-03-02T09:00:00+01:00');
    expect(toInstant('02-07-2026', '9.15')).toBe('2026-07-02T09:15:00+02:00');
    // The last Sunday of March: 01:30 is still winter time, 03:30 already summer time.
    expect(toInstant('29-03-2026', '01:30')).toBe('2026-03-29T01:30:00+01:00');
    expect(toInstant('29-03-2026', '03:30')).toBe('2026-03-29T03:30:00+02:00');
    expect(toInstant('02-03-2026', '24:00')).toBeNull();
    expect(toInstant('32-03-2026', '09:00')).toBeNull();
  });

  it('fills the form with now on the Amsterdam clock', () => {
    expect(nowFields(new Date('2026-11-23T23:15:00Z'))).toEqual({
      date: '24-11-2026',
      time: '00:15',
    });
  });
});
