/**
 * Regio Rijnmond (REGIONS.md, DOMAIN.md section 2, rij.yaml). Dates worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  deadlineRuleIds,
  outcomeOrRejected,
  deadlinesOf,
  decisionOf,
  ev,
  onlyDeadline,
  outcomeOf,
  run,
  scenario,
  type CaseInput,
} from './helpers.js';

const NOW = '2026-03-10T12:00:00+01:00';
const decide = (caseFields: Partial<CaseInput>) => run(scenario('RIJ', NOW, [], caseFields));

describe('RIJ route C (GI) with an OTS', () => {
  // rechterlijke-opdracht Mon 12 Jan 2026 + 6 w = Mon 23 Feb.
  // aanmelding Tue 20 Jan + 5 wd = Wed 21, Thu 22, Fri 23, Mon 26, Tue 27 Jan.
  // maatregel-einde 12 Jan 2027 − 10 w (70 d) = Tue 3 Nov 2026.
  const events = [
    ev('rechterlijke-opdracht', '2026-01-12T10:00:00+01:00'),
    ev('maatregel-einde', '2026-01-12T10:00:00+01:00', { date: '2027-01-12' }),
    ev('aanmelding', '2026-01-20T09:00:00+01:00'),
    ev('start-hulp', '2026-01-28T09:00:00+01:00'),
    ev('gezinsplan', '2026-02-23T17:00:00+01:00'),
  ];
  const result = run(
    scenario('RIJ', '2026-03-02T12:00:00+01:00', events, { route: 'C', measure: 'ots' }),
  );

  it('RIJ-TERM-GEZINSPLAN: first gezinsplan on the last day is met', () => {
    expect(onlyDeadline(result, 'RIJ-TERM-GEZINSPLAN')).toMatchObject({
      start: '2026-01-12',
      due: '2026-02-23',
      status: 'met',
      metAt: '2026-02-23',
    });
    expect(onlyDeadline(result, 'RIJ-TERM-GEZINSPLAN').source).toContain('RIJ');
  });

  it('RIJ-TERM-GI-STARTZORG: 5 working days; help a day later is met-late', () => {
    expect(onlyDeadline(result, 'RIJ-TERM-GI-STARTZORG')).toMatchObject({
      start: '2026-01-20',
      due: '2026-01-27',
      status: 'met-late',
      metAt: '2026-01-28',
    });
  });

  it('RIJ-CAD-GEZINSPLAN-OTS: first interval 12 months from the gezinsplan', () => {
    expect(deadlinesOf(result, 'RIJ-CAD-GEZINSPLAN-OTS')).toEqual([
      expect.objectContaining({
        sequence: 1,
        start: '2026-02-23',
        due: '2027-02-23',
        status: 'open',
        metAt: null,
      }),
    ]);
  });

  it('RIJ-TERM-RVDK-OTS: 10 weeks before the planned end of the measure', () => {
    expect(onlyDeadline(result, 'RIJ-TERM-RVDK-OTS')).toMatchObject({
      due: '2026-11-03',
      status: 'open',
      metAt: null,
    });
  });

  it('shows exactly the route C / OTS terms and no jeugdreclassering cadence', () => {
    expect(deadlineRuleIds(result)).toEqual([
      'RIJ-CAD-GEZINSPLAN-OTS',
      'RIJ-TERM-GEZINSPLAN',
      'RIJ-TERM-GI-STARTZORG',
      'RIJ-TERM-RVDK-OTS',
    ]);
  });

  it('is complex under an OTS and casusregie lies outside the family', () => {
    expect(outcomeOf(result, 'RIJ-DEC-COMPLEX')).toBe('complex');
    expect(outcomeOf(result, 'RIJ-DEC-CASUSREGIE-LOCATION')).toBe('buiten-gezin');
  });
});

describe('RIJ-CAD-GEZINSPLAN-OTS (yearly, only gezinsplan evaluations count)', () => {
  it('restarts at each gezinsplan evaluation and ignores other evaluations', () => {
    // gezinsplan 20 Feb 2025 → due 20 Feb 2026; evaluated 19 Feb 2026 → due 19 Feb 2027;
    // evaluated 1 March 2027 (late) → due 1 March 2028.
    const result = run(
      scenario(
        'RIJ',
        '2027-03-05T12:00:00+01:00',
        [
          ev('gezinsplan', '2025-02-20'),
          ev('evaluatie', '2025-09-01', { kind: 'tussen' }),
          ev('evaluatie', '2026-02-19', { kind: 'gezinsplan' }),
          ev('evaluatie', '2026-10-01', { kind: 'eind' }),
          ev('evaluatie', '2027-03-01', { kind: 'gezinsplan' }),
        ],
        { route: 'C', measure: 'ots' },
      ),
    );
    expect(deadlinesOf(result, 'RIJ-CAD-GEZINSPLAN-OTS')).toEqual([
      expect.objectContaining({
        sequence: 1,
        start: '2025-02-20',
        due: '2026-02-20',
        status: 'met',
        metAt: '2026-02-19',
      }),
      expect.objectContaining({
        sequence: 2,
        start: '2026-02-19',
        due: '2027-02-19',
        status: 'met-late',
        metAt: '2027-03-01',
      }),
      expect.objectContaining({
        sequence: 3,
        start: '2027-03-01',
        due: '2028-03-01',
        status: 'open',
        metAt: null,
      }),
    ]);
  });

  it('applies to voogdij too (12 months from 29 Feb 2024 is 28 Feb 2025), without the RvdK term', () => {
    const result = run(
      scenario('RIJ', '2025-03-01T12:00:00+01:00', [ev('gezinsplan', '2024-02-29')], {
        route: 'C',
        measure: 'voogdij',
      }),
    );
    expect(onlyDeadline(result, 'RIJ-CAD-GEZINSPLAN-OTS')).toMatchObject({
      sequence: 1,
      start: '2024-02-29',
      due: '2025-02-28',
      status: 'overdue',
    });
    expect(deadlinesOf(result, 'RIJ-CAD-GEZINSPLAN-JR')).toEqual([]);
    expect(deadlinesOf(result, 'RIJ-TERM-RVDK-OTS')).toEqual([]);
    expect(outcomeOf(result, 'RIJ-DEC-COMPLEX')).toBe('complex');
  });
});

describe('RIJ-CAD-GEZINSPLAN-JR (every 6 months, jeugdreclassering)', () => {
  it('counts calendar months, clamped to the end of the month', () => {
    // 31 Aug 2025 + 6 m = 28 Feb 2026; evaluated 27 Feb → due 27 Aug 2026, overdue on 1 Sept.
    const result = run(
      scenario(
        'RIJ',
        '2026-09-01T12:00:00+02:00',
        [ev('gezinsplan', '2025-08-31'), ev('evaluatie', '2026-02-27', { kind: 'gezinsplan' })],
        { route: 'C', measure: 'jeugdreclassering' },
      ),
    );
    expect(deadlinesOf(result, 'RIJ-CAD-GEZINSPLAN-JR')).toEqual([
      expect.objectContaining({
        sequence: 1,
        start: '2025-08-31',
        due: '2026-02-28',
        status: 'met',
        metAt: '2026-02-27',
      }),
      expect.objectContaining({
        sequence: 2,
        start: '2026-02-27',
        due: '2026-08-27',
        status: 'overdue',
        metAt: null,
      }),
    ]);
    expect(deadlinesOf(result, 'RIJ-CAD-GEZINSPLAN-OTS')).toEqual([]);
    expect(deadlinesOf(result, 'RIJ-TERM-RVDK-OTS')).toEqual([]);
  });
});

describe('RIJ-TERM-RVDK-OTS (10 weeks before the latest planned end)', () => {
  // 30 Sept 2026 − 70 d = 22 July 2026.
  const first = ev('maatregel-einde', '2026-01-12', { date: '2026-09-30' });
  const ots: Partial<CaseInput> = { route: 'C', measure: 'ots' };

  it.each([
    ['2026-07-22T12:00:00+02:00', [], 'open', null],
    ['2026-07-23T12:00:00+02:00', [], 'overdue', null],
    ['2026-07-23T12:00:00+02:00', [ev('rvdk-toetsing', '2026-07-22')], 'met', '2026-07-22'],
    ['2026-07-24T12:00:00+02:00', [ev('rvdk-toetsing', '2026-07-23')], 'met-late', '2026-07-23'],
  ])('now %s → %s', (now, extra, status, metAt) => {
    const result = run(scenario('RIJ', now, [first, ...extra], ots));
    expect(onlyDeadline(result, 'RIJ-TERM-RVDK-OTS')).toMatchObject({
      due: '2026-07-22',
      status,
      metAt,
    });
  });

  it('an extension replaces the end date; a review before the extension does not count', () => {
    // New end 31 March 2027 − 70 d = 20 Jan 2027.
    const result = run(
      scenario(
        'RIJ',
        '2026-07-01T12:00:00+02:00',
        [
          first,
          ev('rvdk-toetsing', '2026-05-15'),
          ev('maatregel-einde', '2026-06-01', { date: '2027-03-31' }),
        ],
        ots,
      ),
    );
    expect(onlyDeadline(result, 'RIJ-TERM-RVDK-OTS')).toMatchObject({
      due: '2027-01-20',
      status: 'open',
      metAt: null,
    });
  });

  it('does not appear without a maatregel-einde', () => {
    const result = run(scenario('RIJ', NOW, [ev('rechterlijke-opdracht', '2026-01-12')], ots));
    expect(deadlinesOf(result, 'RIJ-TERM-RVDK-OTS')).toEqual([]);
  });
});

describe('RIJ-TERM-DISAGREE (10 working days, a window)', () => {
  // toewijzing Wed 1 April 2026: Thu 2, Fri 3 (Good Friday is a working day), Easter Monday
  // 6 April is not, Tue 7, Wed 8, Thu 9, Fri 10, Mon 13, Tue 14, Wed 15, Thu 16 April.
  const received = ev('toewijzing-ontvangen', '2026-04-01T11:00:00+02:00');

  it('is open on the last day and overdue with effect bezwaartermijn-verstreken after it', () => {
    const open = run(scenario('RIJ', '2026-04-16T18:00:00+02:00', [received]));
    expect(onlyDeadline(open, 'RIJ-TERM-DISAGREE')).toMatchObject({
      start: '2026-04-01',
      due: '2026-04-16',
      status: 'open',
    });
    const overdue = run(scenario('RIJ', '2026-04-17T08:00:00+02:00', [received]));
    expect(onlyDeadline(overdue, 'RIJ-TERM-DISAGREE')).toMatchObject({
      due: '2026-04-16',
      status: 'overdue',
      effect: 'bezwaartermijn-verstreken',
    });
  });

  it('an objection on the last day is met', () => {
    const result = run(
      scenario('RIJ', '2026-04-20T12:00:00+02:00', [
        received,
        ev('bezwaar-arrangement', '2026-04-16T15:00:00+02:00'),
      ]),
    );
    expect(onlyDeadline(result, 'RIJ-TERM-DISAGREE')).toMatchObject({
      status: 'met',
      metAt: '2026-04-16',
    });
    // The effect describes a miss; an objection in time has none.
    expect(onlyDeadline(result, 'RIJ-TERM-DISAGREE').effect).toBeUndefined();
  });
});

describe('RIJ-TERM-SUSPEND (8 weeks per suspension)', () => {
  // opschorting Mon 5 Jan 2026 + 56 d = Mon 2 March; Mon 19 Jan + 56 d = Mon 16 March;
  // Tue 10 March + 56 d = Tue 5 May.
  it('each suspension has its own clock; a resumption closes the oldest open one', () => {
    const result = run(
      scenario('RIJ', '2026-03-17T12:00:00+01:00', [
        ev('opschorting', '2026-01-05'),
        ev('opschorting', '2026-01-19'),
        ev('hervatting', '2026-03-03'),
      ]),
    );
    expect(deadlinesOf(result, 'RIJ-TERM-SUSPEND')).toEqual([
      expect.objectContaining({
        start: '2026-01-05',
        due: '2026-03-02',
        status: 'met-late',
        metAt: '2026-03-03',
      }),
      expect.objectContaining({
        start: '2026-01-19',
        due: '2026-03-16',
        status: 'overdue',
        metAt: null,
        effect: 'recht-vervallen',
      }),
    ]);
  });

  it('resumed in time, suspended again and not resumed: overdue means the entitlement lapsed', () => {
    const events = [
      ev('opschorting', '2026-01-05'),
      ev('hervatting', '2026-02-10'),
      ev('opschorting', '2026-03-10'),
    ];
    const onDue = run(scenario('RIJ', '2026-05-05T20:00:00+02:00', events));
    expect(deadlinesOf(onDue, 'RIJ-TERM-SUSPEND')).toEqual([
      expect.objectContaining({ due: '2026-03-02', status: 'met', metAt: '2026-02-10' }),
      expect.objectContaining({ start: '2026-03-10', due: '2026-05-05', status: 'open' }),
    ]);
    for (const entry of deadlinesOf(onDue, 'RIJ-TERM-SUSPEND'))
      expect(entry.effect).toBeUndefined();
    const after = run(scenario('RIJ', '2026-05-06T08:00:00+02:00', events));
    expect(deadlinesOf(after, 'RIJ-TERM-SUSPEND')[1]).toMatchObject({
      due: '2026-05-05',
      status: 'overdue',
      effect: 'recht-vervallen',
    });
  });

  it('a resumption before any suspension closes nothing', () => {
    const result = run(
      scenario('RIJ', '2026-03-17T12:00:00+01:00', [
        ev('hervatting', '2026-01-02'),
        ev('opschorting', '2026-01-05'),
      ]),
    );
    expect(onlyDeadline(result, 'RIJ-TERM-SUSPEND')).toMatchObject({
      status: 'overdue',
      metAt: null,
    });
  });
});

describe('RIJ route A: no GI terms, no measure terms', () => {
  it('ignores court and GI events when the route and measure do not apply', () => {
    const result = run(
      scenario('RIJ', NOW, [
        ev('rechterlijke-opdracht', '2026-01-12'),
        ev('aanmelding', '2026-01-20'),
        ev('gezinsplan', '2026-02-01'),
        ev('maatregel-einde', '2026-01-12', { date: '2026-09-30' }),
      ]),
    );
    expect(deadlineRuleIds(result)).toEqual([]);
    expect(result.decisions.map((d) => d.rule).sort()).toEqual([
      'RIJ-DEC-CASUSREGIE-LOCATION',
      'RIJ-DEC-COMPLEX',
      'RIJ-DEC-MEERVOUDIG',
    ]);
    expect(result.requirements).toEqual([]);
  });
});

describe('RIJ-DEC-MEERVOUDIG', () => {
  it.each<[string, Partial<CaseInput>, string]>([
    ['nothing recorded', {}, 'enkelvoudig'],
    ['one life domain', { lifeDomains: ['opvoeding'] }, 'enkelvoudig'],
    ['two life domains', { lifeDomains: ['opvoeding', 'financien'] }, 'meervoudig'],
    ['one result area', { resultAreas: 1 }, 'enkelvoudig'],
    ['two result areas', { resultAreas: 2 }, 'meervoudig'],
    ['one result area + element 02', { resultAreas: 1, supportElements: ['02'] }, 'enkelvoudig'],
    [
      'one result area + one other element',
      { resultAreas: 1, supportElements: ['05'] },
      'enkelvoudig',
    ],
    [
      'one result area + 02 and another element',
      { resultAreas: 1, supportElements: ['02', '05'] },
      'meervoudig',
    ],
    ['residence', { residence: true }, 'meervoudig'],
    ['residence with one result area', { residence: true, resultAreas: 1 }, 'meervoudig'],
  ])('%s → %s', (_label, fields, expected) => {
    expect(outcomeOf(decide(fields), 'RIJ-DEC-MEERVOUDIG')).toBe(expected);
  });
});

describe('RIJ-DEC-MEERVOUDIG with a repeated entry', () => {
  it('the same life domain twice is refused as input (a typing mistake)', () => {
    const input = scenario('RIJ', NOW, [], { lifeDomains: ['opvoeding', 'opvoeding'] });
    expect(outcomeOrRejected(input, 'RIJ-DEC-MEERVOUDIG')).toBe('rejected');
  });
});

describe('RIJ-DEC-COMPLEX', () => {
  it.each<[string, Partial<CaseInput>, string]>([
    ['family supports the help, safe, no measure', {}, 'niet-complex'],
    ['family does not support the help', { familySupportsHelp: false }, 'complex'],
    ['safety at stake', { safetyAtStake: true }, 'complex'],
    ['OTS', { route: 'C', measure: 'ots' }, 'complex'],
    ['voogdij', { route: 'C', measure: 'voogdij' }, 'complex'],
    [
      'jeugdreclassering alone (criminal measure)',
      { route: 'C', measure: 'jeugdreclassering' },
      'niet-complex',
    ],
  ])('%s → %s', (_label, fields, expected) => {
    const decision = decisionOf(decide(fields), 'RIJ-DEC-COMPLEX');
    expect(decision.outcome).toBe(expected);
    expect(decision.source).toContain('RIJ');
  });
});

describe('RIJ-DEC-CASUSREGIE-LOCATION', () => {
  it.each<[string, Partial<CaseInput>, string]>([
    ['enkelvoudig, niet complex', {}, 'gezin'],
    [
      'enkelvoudig (1 area + 02), niet complex',
      { resultAreas: 1, supportElements: ['02'] },
      'gezin',
    ],
    ['enkelvoudig, complex (no support)', { familySupportsHelp: false }, 'buiten-gezin'],
    ['enkelvoudig, complex (safety)', { safetyAtStake: true }, 'buiten-gezin'],
    ['meervoudig, niet complex', { resultAreas: 2 }, 'ter-beoordeling'],
    ['meervoudig (residence), niet complex', { residence: true }, 'ter-beoordeling'],
    [
      'meervoudig, complex',
      { lifeDomains: ['opvoeding', 'wonen'], safetyAtStake: true },
      'buiten-gezin',
    ],
    ['IVH, otherwise enkelvoudig and niet complex', { ivh: true }, 'buiten-gezin'],
    ['IVH, otherwise meervoudig and niet complex', { ivh: true, resultAreas: 2 }, 'buiten-gezin'],
    [
      'jeugdreclassering (niet complex by itself)',
      { route: 'C', measure: 'jeugdreclassering' },
      'buiten-gezin',
    ],
    ['OTS', { route: 'C', measure: 'ots' }, 'buiten-gezin'],
    ['voogdij, meervoudig', { route: 'C', measure: 'voogdij', resultAreas: 3 }, 'buiten-gezin'],
  ])('%s → %s', (_label, fields, expected) => {
    expect(outcomeOf(decide(fields), 'RIJ-DEC-CASUSREGIE-LOCATION')).toBe(expected);
  });

  it('gives one outcome per decision rule, each with reasons', () => {
    const result = decide({ resultAreas: 2, safetyAtStake: true });
    for (const rule of ['RIJ-DEC-MEERVOUDIG', 'RIJ-DEC-COMPLEX', 'RIJ-DEC-CASUSREGIE-LOCATION'])
      decisionOf(result, rule);
    expect(result.decisions).toHaveLength(3);
  });
});
