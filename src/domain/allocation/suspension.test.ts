import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../../regions/load.js';
import { formatIsoDate, parseIsoDate } from '../time/index.js';
import { hasLapsed, lapseRule, resumeBy } from './suspension.js';

const profiles = loadProfiles();
const day = (text: string) => parseIsoDate(text) as number;

describe('a suspension that is not resumed in time', () => {
  it('lapses in Rijnmond after 8 weeks (RIJ-TERM-SUSPEND)', () => {
    const rule = lapseRule(profiles.get('RIJ') as NonNullable<ReturnType<typeof profiles.get>>);
    expect(rule).toEqual({ id: 'RIJ-TERM-SUSPEND', value: { amount: 8, unit: 'w' } });
    if (!rule) return;
    // Suspended on Monday 2 March 2026: 8 weeks later is Monday 27 April, the last day to
    // resume; on the 28th the entitlement has lapsed.
    expect(formatIsoDate(resumeBy(day('2026-03-02'), rule.value))).toBe('2026-04-27');
    expect(hasLapsed(day('2026-03-02'), rule.value, day('2026-04-27'))).toBe(false);
    expect(hasLapsed(day('2026-03-02'), rule.value, day('2026-04-28'))).toBe(true);
  });

  it('never lapses in a region whose profile has no such rule', () => {
    for (const region of ['LEK', 'ZTM', 'ZOU', 'GRO'])
      expect(
        lapseRule(profiles.get(region) as NonNullable<ReturnType<typeof profiles.get>>),
      ).toBeNull();
  });
});
