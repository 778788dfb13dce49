/**
 * Regio Zuid Oost Utrecht (REGIONS.md "Escalation ladders", zou.yaml). Dates by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  deadlineRuleIds,
  deadlinesOf,
  decisionOf,
  ev,
  outcomeOf,
  outcomeOrRejected,
  run,
  scenario,
  type CaseInput,
} from './helpers.js';

describe('ZOU process escalation: talk within 2 weeks, commitment within 5 working days', () => {
  // escalatie-proces Mon 2 March → Mon 16 March; Wed 4 March → Wed 18 March.
  // escalatie-gesprek Tue 17 March → 5 wd: Wed 18, Thu 19, Fri 20, Mon 23, Tue 24 March.
  // doorbraakteam-overleg Wed 18 March → Thu 19, Fri 20, Mon 23, Tue 24, Wed 25 March.
  const events = [
    ev('escalatie-proces', '2026-03-02T10:00:00+01:00'),
    ev('escalatie-proces', '2026-03-04T10:00:00+01:00'),
    ev('escalatie-gesprek', '2026-03-17T10:00:00+01:00'),
    ev('doorbraakteam-overleg', '2026-03-18T10:00:00+01:00'),
    ev('escalatie-afspraken', '2026-03-24T16:00:00+01:00'),
  ];
  const result = run(scenario('ZOU', '2026-03-25T12:00:00+01:00', events));

  it('ZOU-TERM-ESC-TALK: one clock per escalation; the talk closes the oldest', () => {
    expect(deadlinesOf(result, 'ZOU-TERM-ESC-TALK')).toEqual([
      expect.objectContaining({
        start: '2026-03-02',
        due: '2026-03-16',
        status: 'met-late',
        metAt: '2026-03-17',
      }),
      expect.objectContaining({
        start: '2026-03-04',
        due: '2026-03-18',
        status: 'overdue',
        metAt: null,
      }),
    ]);
  });

  it('ZOU-TERM-ESC-COMMIT: a clock per talk and per breakthrough-team meeting', () => {
    expect(deadlinesOf(result, 'ZOU-TERM-ESC-COMMIT')).toEqual([
      expect.objectContaining({
        start: '2026-03-17',
        due: '2026-03-24',
        status: 'met',
        metAt: '2026-03-24',
      }),
      expect.objectContaining({
        start: '2026-03-18',
        due: '2026-03-25',
        status: 'open',
        metAt: null,
      }),
    ]);
    expect(deadlinesOf(result, 'ZOU-TERM-ESC-COMMIT')[0]?.source).toContain('ZOU');
  });

  it('has no other deadlines', () => {
    expect(deadlineRuleIds(result)).toEqual(['ZOU-TERM-ESC-COMMIT', 'ZOU-TERM-ESC-TALK']);
    expect(result.requirements).toEqual([]);
  });

  it('counts working days over Easter (Thu 2 April 2026 → Fri 10 April)', () => {
    const easter = run(
      scenario('ZOU', '2026-04-13T12:00:00+02:00', [ev('doorbraakteam-overleg', '2026-04-02')]),
    );
    expect(deadlinesOf(easter, 'ZOU-TERM-ESC-COMMIT')).toEqual([
      expect.objectContaining({ start: '2026-04-02', due: '2026-04-10', status: 'overdue' }),
    ]);
  });

  it('shows no deadlines without escalation events', () => {
    const quiet = run(
      scenario('ZOU', '2026-03-25T12:00:00+01:00', [ev('aanmelding', '2026-03-02')]),
    );
    expect(quiet.deadlines).toEqual([]);
  });
});

describe('ZOU-DEC-COORDINATOR', () => {
  it.each<[Partial<CaseInput>, string]>([
    [{}, 'niet-nodig'],
    [{ professionalsInvolved: 1 }, 'niet-nodig'],
    [{ professionalsInvolved: 2 }, 'nodig'],
    [{ professionalsInvolved: 4 }, 'nodig'],
    [{ professionalsInvolved: 2, parentsCoordinate: true }, 'niet-nodig'],
    [{ professionalsInvolved: 1, parentsCoordinate: true }, 'niet-nodig'],
  ])('%o → %s', (fields, expected) => {
    const result = run(scenario('ZOU', '2026-03-10T12:00:00+01:00', [], fields));
    expect(outcomeOf(result, 'ZOU-DEC-COORDINATOR')).toBe(expected);
  });

  it('gives at most one coordinator decision per case', () => {
    const result = run(
      scenario('ZOU', '2026-03-10T12:00:00+01:00', [], {
        professionalsInvolved: 3,
        children: [
          { id: 'k1', birthDate: '2012-06-30' },
          { id: 'k2', birthDate: '2015-01-01' },
        ],
      }),
    );
    expect(result.decisions.filter((d) => d.rule === 'ZOU-DEC-COORDINATOR')).toHaveLength(1);
  });
});

describe('ZOU-DEC-MEDICAL-ROUTE', () => {
  it.each<[string, Partial<CaseInput>, string]>([
    [
      'route A, many problems',
      {
        route: 'A',
        lifeDomains: ['opvoeding', 'wonen'],
        professionalsInvolved: 3,
        longHistory: true,
      },
      'niet-nodig',
    ],
    ['route C', { route: 'C', longHistory: true }, 'niet-nodig'],
    [
      'route B, one domain, one professional',
      { route: 'B', lifeDomains: ['opvoeding'], professionalsInvolved: 1 },
      'niet-nodig',
    ],
    ['route B, nothing recorded', { route: 'B' }, 'niet-nodig'],
    [
      'route B, two life domains',
      { route: 'B', lifeDomains: ['opvoeding', 'wonen'] },
      'lokaal-team-betrekken',
    ],
    [
      'route B, two professionals',
      { route: 'B', professionalsInvolved: 2 },
      'lokaal-team-betrekken',
    ],
    ['route B, long history', { route: 'B', longHistory: true }, 'lokaal-team-betrekken'],
  ])('%s → %s', (_label, fields, expected) => {
    const result = run(scenario('ZOU', '2026-03-10T12:00:00+01:00', [], fields));
    const decision = decisionOf(result, 'ZOU-DEC-MEDICAL-ROUTE');
    expect(decision.outcome).toBe(expected);
    expect(decision.source).toContain('ZOU');
  });

  it('the same life domain twice is refused as input (a typing mistake)', () => {
    const input = scenario('ZOU', '2026-03-10T12:00:00+01:00', [], {
      route: 'B',
      lifeDomains: ['opvoeding', 'opvoeding'],
    });
    expect(outcomeOrRejected(input, 'ZOU-DEC-MEDICAL-ROUTE')).toBe('rejected');
  });
});
