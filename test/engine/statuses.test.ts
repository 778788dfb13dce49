/**
 * Deadline statuses and the local (Europe/Amsterdam) date semantics of issue 2, shown on
 * LEK-TERM-INTAKE-AMBULANT (14 calendar days from the aanmelding). Vitest runs with
 * TZ=America/New_York, so these also prove the machine's zone plays no part.
 */
import { describe, expect, it } from 'vitest';
import { caseDefaults } from '../support/rule-fixtures.js';
import { deadlinesOf, ev, onlyDeadline, run, scenario, type EventInput } from './helpers.js';

const RULE = 'LEK-TERM-INTAKE-AMBULANT';
// aanmelding Mon 2 March 2026 + 14 d = Mon 16 March 2026.
const aanmelding = ev('aanmelding', '2026-03-02T09:00:00+01:00');
const intake = (now: string, ...more: EventInput[]) =>
  onlyDeadline(run(scenario('LEK', now, [aanmelding, ...more])), RULE);

describe('deadline statuses (day-based)', () => {
  it('open before the due date', () => {
    expect(intake('2026-03-10T12:00:00+01:00')).toMatchObject({
      start: '2026-03-02',
      due: '2026-03-16',
      status: 'open',
      metAt: null,
    });
  });

  it('still open on the due date itself, up to its last minute', () => {
    expect(intake('2026-03-16T00:00:00+01:00').status).toBe('open');
    expect(intake('2026-03-16T23:59:59+01:00').status).toBe('open');
  });

  it("overdue once now's local date is past the due date", () => {
    expect(intake('2026-03-17T00:00:00+01:00').status).toBe('overdue');
    // 23:30 UTC on 16 March is already 17 March in Amsterdam.
    expect(intake('2026-03-16T23:30:00Z').status).toBe('overdue');
    // 22:30 UTC on 16 March is 23:30 on the due date in Amsterdam.
    expect(intake('2026-03-16T22:30:00Z').status).toBe('open');
  });

  it('met when the target falls before the due date', () => {
    expect(intake('2026-03-20T12:00:00+01:00', ev('intake', '2026-03-09'))).toMatchObject({
      status: 'met',
      metAt: '2026-03-09',
    });
  });

  it('met on the due date, also late in the evening', () => {
    expect(
      intake('2026-03-20T12:00:00+01:00', ev('intake', '2026-03-16T23:45:00+01:00')),
    ).toMatchObject({ status: 'met', metAt: '2026-03-16' });
  });

  it("met-late when the target's local date is after the due date", () => {
    expect(
      intake('2026-03-20T12:00:00+01:00', ev('intake', '2026-03-17T08:00:00+01:00')),
    ).toMatchObject({ status: 'met-late', metAt: '2026-03-17' });
    // 23:15 UTC on the due date is 00:15 on 17 March in Amsterdam.
    expect(intake('2026-03-20T12:00:00+01:00', ev('intake', '2026-03-16T23:15:00Z'))).toMatchObject(
      { status: 'met-late', metAt: '2026-03-17' },
    );
  });

  it('a met deadline stays met however late now is', () => {
    expect(intake('2027-01-01T12:00:00+01:00', ev('intake', '2026-03-12')).status).toBe('met');
  });

  it('the first target counts', () => {
    expect(
      intake('2026-04-01T12:00:00+02:00', ev('intake', '2026-03-12'), ev('intake', '2026-03-20')),
    ).toMatchObject({ status: 'met', metAt: '2026-03-12' });
  });

  it('a per-first deadline has one entry, from the first start event', () => {
    const result = run(
      scenario('LEK', '2026-03-20T12:00:00+01:00', [aanmelding, ev('aanmelding', '2026-03-05')]),
    );
    expect(deadlinesOf(result, RULE)).toHaveLength(1);
    expect(onlyDeadline(result, RULE).start).toBe('2026-03-02');
  });
});

describe('start dates are local dates of the start event', () => {
  it('an aanmelding at 23:30 UTC on 1 March starts on 2 March (00:30 in Amsterdam)', () => {
    const result = run(
      scenario('LEK', '2026-03-10T12:00:00+01:00', [ev('aanmelding', '2026-03-01T23:30:00Z')]),
    );
    expect(onlyDeadline(result, RULE)).toMatchObject({ start: '2026-03-02', due: '2026-03-16' });
  });

  it('an aanmelding without offset is Amsterdam wall time', () => {
    const result = run(
      scenario('LEK', '2026-03-10T12:00:00+01:00', [ev('aanmelding', '2026-03-01T23:30:00')]),
    );
    expect(onlyDeadline(result, RULE)).toMatchObject({ start: '2026-03-01', due: '2026-03-15' });
  });

  it('a date-only aanmelding starts on that date', () => {
    const result = run(
      scenario('LEK', '2026-03-10T12:00:00+01:00', [ev('aanmelding', '2026-03-02')]),
    );
    expect(onlyDeadline(result, RULE)).toMatchObject({ start: '2026-03-02', due: '2026-03-16' });
  });

  it('counts calendar days across the DST switch (Sat 21 March + 14 d = Sat 4 April)', () => {
    const result = run(
      scenario('LEK', '2026-04-05T12:00:00+02:00', [ev('aanmelding', '2026-03-21T20:00:00+01:00')]),
    );
    expect(onlyDeadline(result, RULE)).toMatchObject({
      start: '2026-03-21',
      due: '2026-04-04',
      status: 'overdue',
    });
  });

  it('an event at exactly now is accepted', () => {
    const result = run(
      scenario('LEK', '2026-03-02T09:00:00+01:00', [ev('aanmelding', '2026-03-02T08:00:00Z')]),
    );
    expect(onlyDeadline(result, RULE).status).toBe('open');
  });

  it('now without offset is Amsterdam wall time too', () => {
    // Event 11:30 Amsterdam, now 12:00 Amsterdam (written as 11:00 UTC): the event is not after now.
    const result = run(
      scenario('LEK', '2026-03-10T11:00:00Z', [ev('aanmelding', '2026-03-10T11:30:00')]),
    );
    expect(onlyDeadline(result, RULE).start).toBe('2026-03-10');
    const withoutOffset = run(
      scenario('LEK', '2026-03-16T23:30:00', [ev('aanmelding', '2026-03-02')]),
    );
    expect(onlyDeadline(withoutOffset, RULE).status).toBe('open');
  });
});

describe('documented case defaults', () => {
  it('a scenario with only route, segment and children equals one with all defaults spelled out', () => {
    const events = [aanmelding, ev('start-hulp', '2026-03-20')];
    const minimal = run(scenario('RIJ', '2026-04-01T12:00:00+02:00', events));
    const explicit = run(
      scenario('RIJ', '2026-04-01T12:00:00+02:00', events, { ...caseDefaults(), resultAreas: 0 }),
    );
    expect(minimal).toEqual(explicit);
    for (const region of ['LEK', 'ZTM', 'ZOU', 'GRO']) {
      const a = run(scenario(region, '2026-04-01T12:00:00+02:00', events));
      const b = run({
        ...scenario(region, '2026-04-01T12:00:00+02:00', events),
        case: {
          route: 'A',
          segment: 'ambulant',
          children: [{ id: 'k1', birthDate: '2012-06-30' }],
          regieCriteria: {},
        },
      });
      expect(a, region).toEqual(b);
    }
  });

  it('events may be left out', () => {
    const result = run({
      region: 'LEK',
      now: '2026-03-10T12:00:00+01:00',
      case: { route: 'A', segment: 'ambulant', children: [{ id: 'k1', birthDate: '2012-06-30' }] },
    });
    expect(result.deadlines.map((d) => d.rule)).toEqual(['LEK-TERM-TOEKOMSTPLAN']);
  });
});
