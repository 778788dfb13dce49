import { describe, expect, it } from 'vitest';
import {
  instant,
  intake14,
  plainFacts,
  RULE_SOURCE,
  testProfile,
} from '../../../test/support/rule-fixtures.js';
import { localDay } from '../time/index.js';
import { evaluate } from './engine.js';
import {
  firstOverdueFrom,
  isStale,
  keepPending,
  keptStatus,
  overdueFrom,
  pendingAt,
  ruleEffects,
} from './kept-deadlines.js';
import type { CaseEvent, Rule } from './types.js';

function event(type: CaseEvent['type'], at: string): CaseEvent {
  const ms = instant(at);
  return { type, at: ms, day: localDay(ms) };
}

const facts = plainFacts();

// An hour-based deadline whose miss has an effect, like RIJ-TERM-SUSPEND.
const crisis: Rule = {
  ...RULE_SOURCE,
  id: 'TST-TERM-CRISIS',
  kind: 'deadline',
  value: { amount: 24, unit: 'h' },
  from: [{ type: 'aanmelding' }],
  until: [{ type: 'start-hulp' }],
  per: 'first',
  effect: 'de indicatie vervalt',
};
const profile = testProfile(intake14, crisis);

/** What the engine itself says is still to be met at `nowMs`, earliest due first. */
function enginePending(events: CaseEvent[], nowMs: number) {
  return evaluate(profile, facts, events, nowMs)
    .deadlines.filter((d) => d.status === 'open' || d.status === 'overdue')
    .sort((a, b) => a.due.localeCompare(b.due));
}

describe('overdueFrom', () => {
  it('makes a day deadline overdue at the start of the next Amsterdam day (winter time)', () => {
    expect(overdueFrom('2026-03-20')).toBe(Date.parse('2026-03-20T23:00:00Z'));
  });

  it('counts the short spring day: due 29 March 2026 is overdue from 00:00 summer time', () => {
    expect(overdueFrom('2026-03-28')).toBe(Date.parse('2026-03-28T23:00:00Z'));
    expect(overdueFrom('2026-03-29')).toBe(Date.parse('2026-03-29T22:00:00Z'));
  });

  it('counts the long autumn day: due 25 October 2026 is overdue from 00:00 winter time', () => {
    expect(overdueFrom('2026-10-24')).toBe(Date.parse('2026-10-24T22:00:00Z'));
    expect(overdueFrom('2026-10-25')).toBe(Date.parse('2026-10-25T23:00:00Z'));
  });

  it('makes an hour deadline overdue only after its due instant', () => {
    const due = '2026-03-29T03:30:00+02:00';
    expect(overdueFrom(due)).toBe(Date.parse('2026-03-29T01:30:00Z') + 1);
  });

  it('refuses a due text that is neither a date nor an instant', () => {
    expect(() => overdueFrom('2026-13-01')).toThrow(RangeError);
    expect(() => overdueFrom('2026-03-29Tnoon')).toThrow(RangeError);
  });
});

describe('kept deadlines against the engine', () => {
  it('says open or overdue exactly as the engine does at every moment of a DST day', () => {
    // Registered Saturday 28 March 2026 03:30; the 24-hour clock runs through the spring gap.
    const events = [event('aanmelding', '2026-03-28T03:30:00+01:00')];
    const evaluatedAt = instant('2026-03-29T00:10:00+01:00');
    const kept = keepPending(
      evaluate(profile, facts, events, evaluatedAt).deadlines,
      ruleEffects(profile),
    );
    expect(kept.map((k) => k.result.rule).sort()).toEqual(['TST-TERM-CRISIS', 'TST-TERM-INTAKE']);
    for (const at of [
      '2026-03-29T00:10:00+01:00',
      '2026-03-29T04:29:59.999+02:00',
      '2026-03-29T04:30:00+02:00',
      '2026-03-29T04:30:00.001+02:00',
      '2026-03-29T23:59:59.999+02:00',
    ]) {
      const nowMs = instant(at);
      expect(localDay(nowMs)).toBe(localDay(evaluatedAt));
      expect(pendingAt(kept, nowMs), at).toEqual(enginePending(events, nowMs));
    }
  });

  it('adds a rule effect only once the deadline is overdue (TST-TERM-CRISIS)', () => {
    const events = [event('aanmelding', '2026-03-20T09:00:00+01:00')];
    const kept = keepPending(
      evaluate(profile, facts, events, instant('2026-03-21T08:00:00+01:00')).deadlines,
      ruleEffects(profile),
    );
    const before = pendingAt(kept, instant('2026-03-21T09:00:00+01:00'));
    const after = pendingAt(kept, instant('2026-03-21T09:00:00.001+01:00'));
    expect(before.find((d) => d.rule === 'TST-TERM-CRISIS')).toMatchObject({ status: 'open' });
    expect(before.find((d) => d.rule === 'TST-TERM-CRISIS')).not.toHaveProperty('effect');
    expect(after.find((d) => d.rule === 'TST-TERM-CRISIS')).toMatchObject({
      status: 'overdue',
      effect: 'de indicatie vervalt',
    });
  });

  it('keeps no met deadlines, and reports the earliest overdue moment', () => {
    const events = [
      event('aanmelding', '2026-03-20T09:00:00+01:00'),
      event('start-hulp', '2026-03-20T15:00:00+01:00'),
    ];
    const kept = keepPending(
      evaluate(profile, facts, events, instant('2026-03-22T12:00:00+01:00')).deadlines,
      ruleEffects(profile),
    );
    expect(kept.map((k) => k.result.rule)).toEqual(['TST-TERM-INTAKE']);
    expect(firstOverdueFrom(kept)).toBe(overdueFrom('2026-04-03'));
    expect(firstOverdueFrom([])).toBeNull();
    expect(keptStatus(kept[0] as (typeof kept)[number], overdueFrom('2026-04-03') - 1)).toBe(
      'open',
    );
  });
});

describe('isStale', () => {
  const key = { revision: '41', profileVersion: 'abc', day: 20_532 };

  it('is fresh only when revision, profile version and day all match', () => {
    expect(isStale(key, { ...key })).toBe(false);
    expect(isStale(key, { ...key, revision: '42' })).toBe(true);
    expect(isStale(key, { ...key, profileVersion: 'abd' })).toBe(true);
    expect(isStale(key, { ...key, day: key.day + 1 })).toBe(true);
  });

  it('treats a case without a kept entry as stale', () => {
    expect(isStale(null, key)).toBe(true);
    expect(isStale(undefined, key)).toBe(true);
  });
});
