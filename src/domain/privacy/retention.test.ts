import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../time/index.js';
import {
  isRetentionDue,
  lastChangeDay,
  retentionDueOn,
  retentionStatus,
  RETENTION_YEARS,
} from './retention.js';

const day = (text: string) => parseIsoDate(text) as number;
const due = (text: string) => formatIsoDate(retentionDueOn(day(text)));

describe('retention of the record (Jeugdwet 7.3.8 lid 3)', () => {
  it('keeps the record twenty years from the last change', () => {
    expect(RETENTION_YEARS).toBe(20);
    expect(due('2006-03-01')).toBe('2026-03-01');
  });

  it('is due on the anniversary itself, not the day before', () => {
    expect(isRetentionDue(day('2006-03-01'), day('2026-02-28'))).toBe(false);
    expect(isRetentionDue(day('2006-03-01'), day('2026-03-01'))).toBe(true);
    expect(isRetentionDue(day('2006-03-01'), day('2031-07-15'))).toBe(true);
  });

  it('keeps a leap day when the year twenty later has one', () => {
    expect(due('2024-02-29')).toBe('2044-02-29');
  });

  it('moves a leap day to 28 February when the year twenty later has none (2100)', () => {
    expect(due('2080-02-29')).toBe('2100-02-28');
    expect(isRetentionDue(day('2080-02-29'), day('2100-02-27'))).toBe(false);
    expect(isRetentionDue(day('2080-02-29'), day('2100-02-28'))).toBe(true);
  });

  it('takes the latest change, on the Amsterdam calendar', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    const last = lastChangeDay([
      new Date('2005-06-01T10:00:00Z'),
      null,
      new Date('2005-12-31T23:30:00Z'),
      undefined,
      new Date('2004-01-01T10:00:00Z'),
    ]);
    expect(formatIsoDate(last as number)).toBe('2006-01-01');
    expect(lastChangeDay([])).toBeNull();
  });

  it('reports last change, due day and whether it is due', () => {
    expect(retentionStatus([new Date('2006-03-01T08:00:00Z')], day('2026-03-01'))).toEqual({
      lastChange: '2006-03-01',
      dueOn: '2026-03-01',
      due: true,
    });
    expect(retentionStatus([], day('2026-03-01'))).toBeNull();
  });
});
