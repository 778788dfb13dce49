/**
 * The once-a-day timer of `serve`: it fires at the configured hour in Europe/Amsterdam, runs the
 * digest once, re-arms for the next day, survives a failed run, and stops when asked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleDailyDigest } from './digest.js';

describe('the daily digest timer', () => {
  beforeEach(() => {
    // 06:59 in Amsterdam on Friday 6 March 2026 (UTC+1).
    vi.useFakeTimers({ now: new Date('2026-03-06T05:59:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at 07:00 Amsterdam time, once a day, also after a failure', async () => {
    const runs: string[] = [];
    const errors: unknown[] = [];
    const schedule = scheduleDailyDigest({
      hour: 7,
      now: () => new Date(),
      run: async () => {
        runs.push(new Date().toISOString());
        if (runs.length === 1) throw new Error('SMTP weg');
      },
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toEqual(['2026-03-06T06:00:00.000Z']);
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(runs).toEqual(['2026-03-06T06:00:00.000Z', '2026-03-07T06:00:00.000Z']);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(2 * 24 * 3_600_000);
    expect(runs).toHaveLength(2);
  });
});
