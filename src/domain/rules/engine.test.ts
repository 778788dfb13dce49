import { describe, expect, it } from 'vitest';
import {
  instant,
  intake14,
  plainFacts,
  RULE_SOURCE,
  testProfile,
} from '../../../test/support/rule-fixtures.js';
import { localDay, parseIsoDate } from '../time/index.js';
import { evaluate } from './engine.js';
import type { CaseEvent, EventType, Rule } from './types.js';

function day(text: string): number {
  const value = parseIsoDate(text);
  if (value === null) throw new Error(`bad date ${text}`);
  return value;
}
function event(type: EventType, at: string, extra: Partial<CaseEvent> = {}): CaseEvent {
  const ms = instant(at);
  return { type, at: ms, day: localDay(ms), ...extra };
}

const facts = plainFacts();

describe('evaluate (engine)', () => {
  it('starts a day-based clock on the local date: 23:30 UTC on 1 March is 2 March in Amsterdam', () => {
    const result = evaluate(
      testProfile(intake14),
      facts,
      [event('aanmelding', '2026-03-01T23:30:00Z')],
      instant('2026-03-05T12:00:00+01:00'),
    );
    expect(result.deadlines[0]).toMatchObject({
      start: '2026-03-02',
      due: '2026-03-16',
      status: 'open',
    });
  });

  it('is open on the due date itself and overdue the day after', () => {
    const events = [event('aanmelding', '2026-03-02T09:00:00+01:00')];
    const onDue = evaluate(
      testProfile(intake14),
      facts,
      events,
      instant('2026-03-16T23:59:00+01:00'),
    );
    const after = evaluate(
      testProfile(intake14),
      facts,
      events,
      instant('2026-03-17T00:00:00+01:00'),
    );
    expect(onDue.deadlines[0]?.status).toBe('open');
    expect(after.deadlines[0]?.status).toBe('overdue');
  });

  it('ignores a target event that happened before the clock started', () => {
    const result = evaluate(
      testProfile(intake14),
      facts,
      [
        event('intake', '2026-03-01T09:00:00+01:00'),
        event('aanmelding', '2026-03-02T09:00:00+01:00'),
      ],
      instant('2026-03-05T12:00:00+01:00'),
    );
    expect(result.deadlines[0]).toMatchObject({ status: 'open', metAt: null });
  });

  it('leaves out rules that are not in force on the evaluation date', () => {
    const later: Rule = { ...intake14, validFrom: day('2026-04-01') };
    const ended: Rule = { ...intake14, id: 'TST-TERM-OLD', validUntil: day('2026-02-28') };
    const result = evaluate(
      testProfile(later, ended),
      facts,
      [event('aanmelding', '2026-03-02T09:00:00+01:00')],
      instant('2026-03-05T12:00:00+01:00'),
    );
    expect(result.deadlines).toEqual([]);
  });

  it('applies conditions on segment, excluded segment, route and "no measure"', () => {
    const rules: Rule[] = [
      { ...intake14, id: 'TST-A', when: { segment: ['ambulant'] } },
      { ...intake14, id: 'TST-B', when: { segment: ['forensisch'] } },
      { ...intake14, id: 'TST-C', when: { notSegment: ['ambulant'] } },
      { ...intake14, id: 'TST-D', when: { route: ['A'], measure: ['geen'] } },
      { ...intake14, id: 'TST-E', when: { measure: ['ots'] } },
      { ...intake14, id: 'TST-F', when: { ivh: true } },
    ];
    const result = evaluate(
      testProfile(...rules),
      facts,
      [event('aanmelding', '2026-03-02T09:00:00+01:00')],
      instant('2026-03-05T12:00:00+01:00'),
    );
    expect(result.deadlines.map((d) => d.rule)).toEqual(['TST-A', 'TST-D']);
  });

  it('a rule can depend on the outcome of a decision rule', () => {
    const weight: Rule = {
      ...RULE_SOURCE,
      id: 'TST-DEC-W',
      kind: 'decision',
      logic: { type: 'coordinator', minProfessionals: 2 },
    };
    const dependent: Rule = {
      ...intake14,
      id: 'TST-DEP',
      when: { decision: { rule: 'TST-DEC-W', outcome: ['nodig'] } },
    };
    const events = [event('aanmelding', '2026-03-02T09:00:00+01:00')];
    const now = instant('2026-03-05T12:00:00+01:00');
    expect(evaluate(testProfile(dependent, weight), facts, events, now).deadlines).toEqual([]);
    const busy = { ...facts, professionalsInvolved: 3 };
    expect(
      evaluate(testProfile(dependent, weight), busy, events, now).deadlines.map((d) => d.rule),
    ).toEqual(['TST-DEP']);
  });

  it('per-event clocks pair each target with the oldest open clock', () => {
    const minutes: Rule = {
      ...RULE_SOURCE,
      id: 'TST-MIN',
      kind: 'deadline',
      value: { amount: 5, unit: 'wd' },
      from: [{ type: 'evaluatie' }],
      until: [{ type: 'verslag-verspreid' }],
      per: 'each',
    };
    const result = evaluate(
      testProfile(minutes),
      facts,
      [
        event('evaluatie', '2026-06-01T10:00:00+02:00', { kind: 'tussen' }),
        event('evaluatie', '2026-06-03T10:00:00+02:00', { kind: 'tussen' }),
        event('verslag-verspreid', '2026-06-04T10:00:00+02:00'),
      ],
      instant('2026-06-30T12:00:00+02:00'),
    );
    // Mon 1 June + 5 working days = Mon 8 June; Wed 3 June + 5 = Wed 10 June.
    expect(result.deadlines.map((d) => [d.start, d.due, d.status, d.metAt])).toEqual([
      ['2026-06-01', '2026-06-08', 'met', '2026-06-04'],
      ['2026-06-03', '2026-06-10', 'overdue', null],
    ]);
  });

  it('matches evaluation kinds when a matcher names them', () => {
    const cadence: Rule = {
      ...RULE_SOURCE,
      id: 'TST-CAD',
      kind: 'cadence',
      every: { amount: 6, unit: 'm' },
      anchor: [{ type: 'gezinsplan' }],
      occurrence: [{ type: 'evaluatie', kind: ['gezinsplan'] }],
    };
    const result = evaluate(
      testProfile(cadence),
      facts,
      [
        event('gezinsplan', '2026-01-31T10:00:00+01:00'),
        event('evaluatie', '2026-03-01T10:00:00+01:00', { kind: 'tussen' }),
        event('evaluatie', '2026-08-15T10:00:00+02:00', { kind: 'gezinsplan' }),
      ],
      instant('2026-09-01T12:00:00+02:00'),
    );
    // 31 Jan + 6 months = 31 Jul: the gezinsplan evaluation of 15 Aug is late; the next runs
    // from 15 Aug to 15 Feb and is still open.
    expect(result.deadlines.map((d) => [d.sequence, d.start, d.due, d.status])).toEqual([
      [1, '2026-01-31', '2026-07-31', 'met-late'],
      [2, '2026-08-15', '2027-02-15', 'open'],
    ]);
  });

  it('stops a cadence at its until event and starts it again at the next anchor', () => {
    const weekly: Rule = {
      ...RULE_SOURCE,
      id: 'TST-CAD-CRISIS',
      kind: 'cadence',
      every: { amount: 1, unit: 'w' },
      anchor: [{ type: 'crisis-start' }],
      occurrence: [{ type: 'contact' }],
      until: [{ type: 'crisis-einde' }],
    };
    const result = evaluate(
      testProfile(weekly),
      facts,
      [
        // Crisis on Monday 2 March: contact on the 6th (in time), the 16th (late), then the
        // crisis ends on the 18th before the third week (from the 16th) fell due.
        event('crisis-start', '2026-03-02T09:00:00+01:00'),
        event('contact', '2026-03-06T10:00:00+01:00'),
        event('contact', '2026-03-16T10:00:00+01:00'),
        event('crisis-einde', '2026-03-18T10:00:00+01:00'),
        // Contacts without a crisis are not counted against anything.
        event('contact', '2026-04-20T10:00:00+02:00'),
        // A second crisis on 1 June had no contact and ended on the 12th, past the first week.
        event('crisis-start', '2026-06-01T09:00:00+02:00'),
        event('crisis-einde', '2026-06-12T09:00:00+02:00'),
      ],
      instant('2026-07-01T12:00:00+02:00'),
    );
    expect(result.deadlines.map((d) => [d.sequence, d.start, d.due, d.status])).toEqual([
      [1, '2026-03-02', '2026-03-09', 'met'],
      [2, '2026-03-06', '2026-03-13', 'met-late'],
      [3, '2026-06-01', '2026-06-08', 'overdue'],
    ]);
  });

  it('reports a requirement only once its trajectory has started', () => {
    const requirement: Rule = {
      ...RULE_SOURCE,
      id: 'TST-EVAL',
      kind: 'requirement',
      after: 'start-hulp',
      minimum: [{ event: { type: 'evaluatie', kind: ['eind'] }, count: 1 }],
    };
    const now = instant('2026-09-01T12:00:00+02:00');
    expect(evaluate(testProfile(requirement), facts, [], now).requirements).toEqual([]);
    const started = evaluate(
      testProfile(requirement),
      facts,
      [event('start-hulp', '2026-03-01T10:00:00+01:00')],
      now,
    );
    expect(started.requirements[0]?.outcome).toBe('nog-niet-voldaan');
    const ended = evaluate(
      testProfile(requirement),
      facts,
      [
        event('start-hulp', '2026-03-01T10:00:00+01:00'),
        event('evaluatie', '2026-08-01T10:00:00+02:00', { kind: 'eind' }),
      ],
      now,
    );
    expect(ended.requirements[0]?.outcome).toBe('voldaan');
  });

  it('shows norms, procedures, ladders and checklists nowhere in the case result', () => {
    const norm: Rule = {
      ...RULE_SOURCE,
      id: 'TST-NORM',
      kind: 'norm',
      values: { familiesPerFte: 13 },
    };
    const result = evaluate(testProfile(norm), facts, [], instant('2026-09-01T12:00:00+02:00'));
    expect(result).toEqual({ region: 'TST', deadlines: [], decisions: [], requirements: [] });
  });

  it('names the rule source and any municipality override on every deadline', () => {
    const overridden: Rule = {
      ...intake14,
      override: {
        profile: 'TST-GEM',
        by: 'Beleid',
        at: '2026-01-01',
        reason: 'proef',
        changed: ['value'],
      },
    };
    const result = evaluate(
      testProfile(overridden),
      facts,
      [event('aanmelding', '2026-03-02T09:00:00+01:00')],
      instant('2026-03-05T12:00:00+01:00'),
    );
    expect(result.deadlines[0]?.source).toBe('TST: Hoofdstuk');
    expect(result.deadlines[0]?.override?.by).toBe('Beleid');
  });
});
