import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../time/index.js';
import {
  explanationMissing,
  isRegisteredOn,
  isValidOn,
  registrationProblems,
  registrationStatus,
  type Registration,
} from './registration.js';

const day = (iso: string) => parseIsoDate(iso) as number;
const skj = (from: string, until: string | null): Registration => ({
  register: 'skj',
  number: '100012345',
  validFrom: day(from),
  validUntil: until === null ? null : day(until),
});

describe('validity on a day (GRO-DEC-WERKTOEDELING)', () => {
  const r = skj('2026-01-01', '2026-12-31');
  it('counts from its first to its last day, both included', () => {
    expect(isValidOn(r, day('2026-01-01'))).toBe(true);
    expect(isValidOn(r, day('2026-12-31'))).toBe(true);
  });
  it('does not count before it starts or after its end date', () => {
    expect(isValidOn(r, day('2025-12-31'))).toBe(false);
    expect(isValidOn(r, day('2027-01-01'))).toBe(false);
  });
  it('an open-ended registration counts from its start on', () => {
    expect(isValidOn(skj('2020-05-01', null), day('2040-01-01'))).toBe(true);
  });
  it('one valid registration among expired ones is enough', () => {
    expect(isRegisteredOn([skj('2019-01-01', '2020-01-01'), r], day('2026-06-01'))).toBe(true);
    expect(isRegisteredOn([skj('2019-01-01', '2020-01-01')], day('2026-06-01'))).toBe(false);
  });
});

describe('status and the 90-day expiry window', () => {
  const today = day('2026-06-15');
  it('none without a registration that counts today', () => {
    expect(registrationStatus([], today)).toEqual({ status: 'geen', validUntil: null });
    expect(registrationStatus([skj('2026-07-01', null)], today).status).toBe('geen');
  });
  it('ending on day 90 is expiring, on day 91 it is valid', () => {
    // 15 June + 90 days = 13 September.
    expect(registrationStatus([skj('2026-01-01', '2026-09-13')], today)).toEqual({
      status: 'verloopt',
      validUntil: day('2026-09-13'),
    });
    expect(registrationStatus([skj('2026-01-01', '2026-09-14')], today).status).toBe('geldig');
  });
  it('ending today is still valid today, and expiring', () => {
    expect(registrationStatus([skj('2026-01-01', '2026-06-15')], today).status).toBe('verloopt');
  });
  it('a renewal that starts the day after the old one ends keeps it valid', () => {
    const regs = [skj('2021-07-01', '2026-06-30'), skj('2026-07-01', '2031-06-30')];
    expect(registrationStatus(regs, today)).toEqual({
      status: 'geldig',
      validUntil: day('2031-06-30'),
    });
  });
  it('a renewal that leaves a gap does not', () => {
    const regs = [skj('2021-07-01', '2026-06-30'), skj('2026-07-02', '2031-06-30')];
    expect(registrationStatus(regs, today).status).toBe('verloopt');
  });
  it('an open-ended registration is valid without an end', () => {
    expect(registrationStatus([skj('2020-01-01', null)], today)).toEqual({
      status: 'geldig',
      validUntil: null,
    });
  });
});

describe('recording a registration', () => {
  it('a BIG number has 11 digits', () => {
    expect(
      registrationProblems({ ...skj('2026-01-01', null), register: 'big', number: '1234' }),
    ).toEqual([{ path: 'number', message: 'een BIG-nummer heeft 11 cijfers' }]);
    expect(
      registrationProblems({ ...skj('2026-01-01', null), register: 'big', number: '19012345601' }),
    ).toEqual([]);
  });
  it('the end date may not lie before the start', () => {
    expect(registrationProblems(skj('2026-02-01', '2026-01-31'))).toEqual([
      { path: 'validUntil', message: 'ligt vóór de begindatum' },
    ]);
  });
});

describe('comply or explain', () => {
  it('a registered professional needs no explanation', () => {
    expect(explanationMissing(true, null)).toBeNull();
  });
  it('without a registration an explanation of at least 20 characters is required', () => {
    expect(explanationMissing(false, null)).toContain('GRO-DEC-WERKTOEDELING');
    expect(explanationMissing(false, '   kort   ')).toContain('minstens 20 tekens');
    expect(explanationMissing(false, '19 tekens, te kort.')).not.toBeNull();
    expect(explanationMissing(false, 'Twintig tekens, goed')).toBeNull();
  });
});
