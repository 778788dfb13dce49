/**
 * Regio Lekstroom (REGIONS.md "Deadlines and cadences", DOMAIN.md sections 7-8, lek.yaml).
 * Expected dates are worked out by hand from a 2025-2027 calendar.
 */
import { describe, expect, it } from 'vitest';
import { LIGHT_REGIE_CRITERIA } from '../../src/domain/rules/index.js';
import {
  deadlineRuleIds,
  deadlinesOf,
  decisionOf,
  ev,
  onlyDeadline,
  outcomeOf,
  requirementOf,
  run,
  scenario,
  type CaseInput,
} from './helpers.js';

const LEK_SOURCE = 'Toeleiding en start van de hulpverlening';

describe('LEK ambulant: intake 14 d, start 8 w, hulpverleningsplan 6 w', () => {
  // aanmelding Mon 2 March 2026; +14 d = Mon 16 March; +8 w = Mon 27 April.
  const events = [
    ev('aanmelding', '2026-03-02T09:00:00+01:00'),
    ev('intake', '2026-03-16T16:00:00+01:00'),
    ev('start-hulp', '2026-04-28T10:00:00+02:00'),
  ];

  it('LEK-TERM-INTAKE-AMBULANT: intake on the due date is met', () => {
    const result = run(scenario('LEK', '2026-06-01T12:00:00+02:00', events));
    expect(onlyDeadline(result, 'LEK-TERM-INTAKE-AMBULANT')).toMatchObject({
      start: '2026-03-02',
      due: '2026-03-16',
      status: 'met',
      metAt: '2026-03-16',
    });
    const source = onlyDeadline(result, 'LEK-TERM-INTAKE-AMBULANT').source;
    expect(source).toContain('LEK');
    expect(source).toContain(LEK_SOURCE);
  });

  it('LEK-TERM-START-AMBULANT: help started the day after the due date is met-late', () => {
    const result = run(scenario('LEK', '2026-06-01T12:00:00+02:00', events));
    expect(onlyDeadline(result, 'LEK-TERM-START-AMBULANT')).toMatchObject({
      start: '2026-03-02',
      due: '2026-04-27',
      status: 'met-late',
      metAt: '2026-04-28',
    });
  });

  it('LEK-TERM-HVP: 6 weeks from the start of help; open on the due date, overdue the day after', () => {
    // start-hulp Tue 28 April 2026 + 42 days = Tue 9 June 2026.
    const onDue = run(scenario('LEK', '2026-06-09T23:59:00+02:00', events));
    expect(onlyDeadline(onDue, 'LEK-TERM-HVP')).toMatchObject({
      start: '2026-04-28',
      due: '2026-06-09',
      status: 'open',
      metAt: null,
    });
    const after = run(scenario('LEK', '2026-06-10T00:01:00+02:00', events));
    expect(onlyDeadline(after, 'LEK-TERM-HVP')).toMatchObject({
      due: '2026-06-09',
      status: 'overdue',
    });
    const withPlan = run(
      scenario('LEK', '2026-06-10T12:00:00+02:00', [
        ...events,
        ev('hulpverleningsplan', '2026-06-05'),
      ]),
    );
    expect(onlyDeadline(withPlan, 'LEK-TERM-HVP')).toMatchObject({
      status: 'met',
      metAt: '2026-06-05',
    });
  });

  it('shows only the ambulant terms (and the toekomstplan) for a light ambulant case', () => {
    const result = run(scenario('LEK', '2026-06-01T12:00:00+02:00', events));
    expect(deadlineRuleIds(result)).toEqual([
      'LEK-TERM-HVP',
      'LEK-TERM-INTAKE-AMBULANT',
      'LEK-TERM-START-AMBULANT',
      'LEK-TERM-TOEKOMSTPLAN',
    ]);
    expect(outcomeOf(result, 'LEK-DEC-REGIE-WEIGHT')).toBe('licht');
    expect(requirementOf(result, 'LEK-EVAL-MIN')).toBeUndefined();
  });

  it('applies the same terms to JHiO', () => {
    const result = run(
      scenario('LEK', '2026-03-10T12:00:00+01:00', [ev('aanmelding', '2026-03-02')], {
        segment: 'jhio',
      }),
    );
    expect(onlyDeadline(result, 'LEK-TERM-INTAKE-AMBULANT')).toMatchObject({
      due: '2026-03-16',
      status: 'open',
    });
    expect(onlyDeadline(result, 'LEK-TERM-START-AMBULANT').due).toBe('2026-04-27');
    expect(deadlinesOf(result, 'LEK-TERM-INTAKE-FORENSISCH')).toEqual([]);
  });
});

describe('LEK forensisch: intake 5 d, start 4 w, always heavy regie', () => {
  // aanmelding Mon 2 March 2026: +5 d = Sat 7 March; +4 w = Mon 30 March.
  // start-hulp Mon 30 March: +6 w = Mon 11 May; +3 m = Tue 30 June.
  const events = [
    ev('aanmelding', '2026-03-02T09:00:00+01:00'),
    ev('intake', '2026-03-09T09:00:00+01:00'),
    ev('start-hulp', '2026-03-30T09:00:00+02:00'),
    ev('hulpverleningsplan', '2026-05-04T09:00:00+02:00'),
    ev('contact', '2026-06-15T09:00:00+02:00'),
  ];
  const result = run(
    scenario('LEK', '2026-07-01T12:00:00+02:00', events, { segment: 'forensisch' }),
  );

  it('LEK-TERM-INTAKE-FORENSISCH', () => {
    expect(onlyDeadline(result, 'LEK-TERM-INTAKE-FORENSISCH')).toMatchObject({
      start: '2026-03-02',
      due: '2026-03-07',
      status: 'met-late',
      metAt: '2026-03-09',
    });
  });

  it('LEK-TERM-START-FORENSISCH (met on the due date)', () => {
    expect(onlyDeadline(result, 'LEK-TERM-START-FORENSISCH')).toMatchObject({
      start: '2026-03-02',
      due: '2026-03-30',
      status: 'met',
      metAt: '2026-03-30',
    });
  });

  it('LEK-TERM-HVP also applies to forensic care', () => {
    expect(onlyDeadline(result, 'LEK-TERM-HVP')).toMatchObject({
      start: '2026-03-30',
      due: '2026-05-11',
      status: 'met',
      metAt: '2026-05-04',
    });
  });

  it('LEK-CAD-CONTACT-ZWAAR: every 3 months from the start of help, restarting at each contact', () => {
    expect(deadlinesOf(result, 'LEK-CAD-CONTACT-ZWAAR')).toEqual([
      expect.objectContaining({
        sequence: 1,
        start: '2026-03-30',
        due: '2026-06-30',
        status: 'met',
        metAt: '2026-06-15',
      }),
      expect.objectContaining({
        sequence: 2,
        start: '2026-06-15',
        due: '2026-09-15',
        status: 'open',
        metAt: null,
      }),
    ]);
  });

  it('is heavy regie, so LEK-EVAL-MIN applies and no ambulant or crisis terms appear', () => {
    expect(outcomeOf(result, 'LEK-DEC-REGIE-WEIGHT')).toBe('zwaar');
    expect(requirementOf(result, 'LEK-EVAL-MIN')?.outcome).toBe('nog-niet-voldaan');
    expect(deadlineRuleIds(result)).toEqual([
      'LEK-CAD-CONTACT-ZWAAR',
      'LEK-TERM-HVP',
      'LEK-TERM-INTAKE-FORENSISCH',
      'LEK-TERM-START-FORENSISCH',
      'LEK-TERM-TOEKOMSTPLAN',
    ]);
  });
});

describe('LEK crisis residentieel: 4 hours, in real hours across the spring DST switch', () => {
  // 00:30 CET on 29 March 2026 = 23:30 UTC; +4 h = 03:30 UTC = 05:30 CEST.
  const events = [
    ev('aanmelding', '2026-03-29T00:30:00+01:00'),
    ev('intake', '2026-03-29T05:30:00+02:00'),
    ev('start-hulp', '2026-03-29T05:45:00+02:00'),
    ev('contact', '2026-04-03T10:00:00+02:00'),
    ev('contact', '2026-04-11T10:00:00+02:00'),
  ];
  const result = run(
    scenario('LEK', '2026-04-20T12:00:00+02:00', events, { segment: 'crisis-residentieel' }),
  );

  it('LEK-TERM-INTAKE-CRISIS-RES: due 05:30+02:00, intake exactly at the due instant is met', () => {
    expect(onlyDeadline(result, 'LEK-TERM-INTAKE-CRISIS-RES')).toMatchObject({
      start: '2026-03-29T00:30:00+01:00',
      due: '2026-03-29T05:30:00+02:00',
      status: 'met',
      metAt: '2026-03-29T05:30:00+02:00',
    });
  });

  it('LEK-TERM-START-CRISIS-RES: help 15 minutes after the due instant is met-late', () => {
    expect(onlyDeadline(result, 'LEK-TERM-START-CRISIS-RES')).toMatchObject({
      start: '2026-03-29T00:30:00+01:00',
      due: '2026-03-29T05:30:00+02:00',
      status: 'met-late',
      metAt: '2026-03-29T05:45:00+02:00',
    });
  });

  it('LEK-TERM-HVP-CRISIS: 2 weeks from the start of help (a date)', () => {
    expect(onlyDeadline(result, 'LEK-TERM-HVP-CRISIS')).toMatchObject({
      start: '2026-03-29',
      due: '2026-04-12',
      status: 'overdue',
      metAt: null,
    });
  });

  it('LEK-CAD-CONTACT-CRISIS: weekly from the start of help, one entry per interval', () => {
    expect(deadlinesOf(result, 'LEK-CAD-CONTACT-CRISIS')).toEqual([
      expect.objectContaining({
        sequence: 1,
        start: '2026-03-29',
        due: '2026-04-05',
        status: 'met',
        metAt: '2026-04-03',
      }),
      expect.objectContaining({
        sequence: 2,
        start: '2026-04-03',
        due: '2026-04-10',
        status: 'met-late',
        metAt: '2026-04-11',
      }),
      expect.objectContaining({
        sequence: 3,
        start: '2026-04-11',
        due: '2026-04-18',
        status: 'overdue',
        metAt: null,
      }),
    ]);
  });

  it('LEK-CAD-CONTACT-CRISISREGIE: weekly while the crisis team holds the regie, in any segment', () => {
    // An ambulant case; the crisis team takes the regie on Monday 6 April 2026. Contact on
    // Friday the 10th meets the first week (due the 13th); the regie is handed back on
    // Wednesday the 15th, before the second week (due the 17th) fell due: nothing more is owed.
    const base = [
      ev('aanmelding', '2026-03-02'),
      ev('start-hulp', '2026-03-05'),
      ev('crisis-start', '2026-04-06T10:00:00+02:00'),
      ev('contact', '2026-04-10'),
    ];
    const handedBack = run(
      scenario('LEK', '2026-05-01T12:00:00+02:00', [...base, ev('crisis-einde', '2026-04-15')]),
    );
    expect(deadlinesOf(handedBack, 'LEK-CAD-CONTACT-CRISISREGIE')).toEqual([
      expect.objectContaining({
        sequence: 1,
        start: '2026-04-06',
        due: '2026-04-13',
        status: 'met',
        metAt: '2026-04-10',
      }),
    ]);
    // Still in crisis three weeks later: the second week is overdue.
    const ongoing = run(scenario('LEK', '2026-05-01T12:00:00+02:00', base));
    expect(deadlinesOf(ongoing, 'LEK-CAD-CONTACT-CRISISREGIE')).toEqual([
      expect.objectContaining({ sequence: 1, status: 'met' }),
      expect.objectContaining({
        sequence: 2,
        start: '2026-04-10',
        due: '2026-04-17',
        status: 'overdue',
        metAt: null,
      }),
    ]);
    // Without a crisis the rule shows nothing.
    expect(
      deadlinesOf(
        run(scenario('LEK', '2026-05-01T12:00:00+02:00', base.slice(0, 2))),
        'LEK-CAD-CONTACT-CRISISREGIE',
      ),
    ).toEqual([]);
  });

  it('crisis is heavy, but the 3-monthly heavy cadence gives way to the weekly crisis one', () => {
    expect(outcomeOf(result, 'LEK-DEC-REGIE-WEIGHT')).toBe('zwaar');
    expect(deadlinesOf(result, 'LEK-CAD-CONTACT-ZWAAR')).toEqual([]);
    expect(deadlinesOf(result, 'LEK-CAD-CONTACT-MIDDEN')).toEqual([]);
    expect(deadlineRuleIds(result)).toEqual([
      'LEK-CAD-CONTACT-CRISIS',
      'LEK-TERM-HVP-CRISIS',
      'LEK-TERM-INTAKE-CRISIS-RES',
      'LEK-TERM-START-CRISIS-RES',
      'LEK-TERM-TOEKOMSTPLAN',
    ]);
  });

  it('an hour-based deadline is overdue as soon as now passes the due instant, on the same day', () => {
    const sameDay = run(
      scenario(
        'LEK',
        '2026-03-10T12:00:01+01:00',
        [ev('aanmelding', '2026-03-10T08:00:00+01:00')],
        { segment: 'crisis-residentieel' },
      ),
    );
    expect(onlyDeadline(sameDay, 'LEK-TERM-INTAKE-CRISIS-RES')).toMatchObject({
      due: '2026-03-10T12:00:00+01:00',
      status: 'overdue',
    });
    const atDue = run(
      scenario(
        'LEK',
        '2026-03-10T12:00:00+01:00',
        [ev('aanmelding', '2026-03-10T08:00:00+01:00')],
        { segment: 'crisis-residentieel' },
      ),
    );
    expect(onlyDeadline(atDue, 'LEK-TERM-INTAKE-CRISIS-RES').status).toBe('open');
  });

  it('reads a time without offset as Amsterdam wall time, and a date only as 00:00 there', () => {
    const winter = run(
      scenario('LEK', '2026-03-10T09:00:00+01:00', [ev('aanmelding', '2026-03-10T08:00:00')], {
        segment: 'crisis-residentieel',
      }),
    );
    expect(onlyDeadline(winter, 'LEK-TERM-INTAKE-CRISIS-RES')).toMatchObject({
      start: '2026-03-10T08:00:00+01:00',
      due: '2026-03-10T12:00:00+01:00',
    });
    const summer = run(
      scenario('LEK', '2026-07-01T09:00:00+02:00', [ev('aanmelding', '2026-07-01T08:00:00')], {
        segment: 'crisis-residentieel',
      }),
    );
    expect(onlyDeadline(summer, 'LEK-TERM-INTAKE-CRISIS-RES')).toMatchObject({
      start: '2026-07-01T08:00:00+02:00',
      due: '2026-07-01T12:00:00+02:00',
    });
    const dateOnly = run(
      scenario('LEK', '2026-03-10T09:00:00+01:00', [ev('aanmelding', '2026-03-10')], {
        segment: 'crisis-residentieel',
      }),
    );
    expect(onlyDeadline(dateOnly, 'LEK-TERM-INTAKE-CRISIS-RES')).toMatchObject({
      start: '2026-03-10T00:00:00+01:00',
      due: '2026-03-10T04:00:00+01:00',
    });
  });

  it('writes instants given in UTC with the Amsterdam offset', () => {
    const result = run(
      scenario('LEK', '2026-07-01T12:00:00+02:00', [ev('aanmelding', '2026-06-30T22:30:00Z')], {
        segment: 'crisis-residentieel',
      }),
    );
    expect(onlyDeadline(result, 'LEK-TERM-INTAKE-CRISIS-RES')).toMatchObject({
      start: '2026-07-01T00:30:00+02:00',
      due: '2026-07-01T04:30:00+02:00',
      status: 'overdue',
    });
  });
});

describe('LEK crisis ambulant: 24 hours across the autumn DST switch', () => {
  // 10:00 CEST on 24 October 2026 = 08:00 UTC; +24 h = 08:00 UTC on 25 October = 09:00 CET.
  const seg: Partial<CaseInput> = { segment: 'crisis-ambulant' };
  const aanmelding = ev('aanmelding', '2026-10-24T10:00:00+02:00');

  it('LEK-TERM-INTAKE-CRISIS-AMB and LEK-TERM-START-CRISIS-AMB are due 09:00+01:00 next day', () => {
    const result = run(scenario('LEK', '2026-10-25T09:00:00+01:00', [aanmelding], seg));
    for (const rule of ['LEK-TERM-INTAKE-CRISIS-AMB', 'LEK-TERM-START-CRISIS-AMB']) {
      expect(onlyDeadline(result, rule)).toMatchObject({
        start: '2026-10-24T10:00:00+02:00',
        due: '2026-10-25T09:00:00+01:00',
        status: 'open',
        metAt: null,
      });
    }
  });

  it('is overdue one second after the due instant', () => {
    const result = run(scenario('LEK', '2026-10-25T09:00:01+01:00', [aanmelding], seg));
    expect(onlyDeadline(result, 'LEK-TERM-INTAKE-CRISIS-AMB').status).toBe('overdue');
    expect(onlyDeadline(result, 'LEK-TERM-START-CRISIS-AMB').status).toBe('overdue');
  });

  it('an intake at 08:30 CET (still within 24 real hours) is met; help at 09:30 is met-late', () => {
    const result = run(
      scenario(
        'LEK',
        '2026-10-26T12:00:00+01:00',
        [
          aanmelding,
          ev('intake', '2026-10-25T08:30:00+01:00'),
          ev('start-hulp', '2026-10-25T09:30:00+01:00'),
        ],
        seg,
      ),
    );
    expect(onlyDeadline(result, 'LEK-TERM-INTAKE-CRISIS-AMB')).toMatchObject({
      status: 'met',
      metAt: '2026-10-25T08:30:00+01:00',
    });
    expect(onlyDeadline(result, 'LEK-TERM-START-CRISIS-AMB')).toMatchObject({
      status: 'met-late',
      metAt: '2026-10-25T09:30:00+01:00',
    });
    // start-hulp Sun 25 October + 2 w = Sun 8 November.
    expect(onlyDeadline(result, 'LEK-TERM-HVP-CRISIS')).toMatchObject({
      start: '2026-10-25',
      due: '2026-11-08',
      status: 'open',
    });
    expect(deadlinesOf(result, 'LEK-TERM-INTAKE-CRISIS-RES')).toEqual([]);
  });
});

describe('LEK-TERM-TOEKOMSTPLAN: per child at 16 years and 6 months', () => {
  it('clamps to the end of the month and is met only by a toekomstplan for that child', () => {
    const result = run(
      scenario(
        'LEK',
        '2026-03-10T12:00:00+01:00',
        [ev('aanmelding', '2026-03-02'), ev('toekomstplan', '2026-03-05', { child: 'k2' })],
        {
          children: [
            { id: 'k1', birthDate: '2010-08-31' },
            { id: 'k2', birthDate: '2012-01-15' },
          ],
        },
      ),
    );
    const entries = deadlinesOf(result, 'LEK-TERM-TOEKOMSTPLAN');
    expect(entries).toHaveLength(2);
    // 2010-08-31 + 16 y = 2026-08-31; + 6 m = February 2027, clamped to the 28th.
    expect(entries.find((d) => d.child === 'k1')).toMatchObject({
      start: '2010-08-31',
      due: '2027-02-28',
      status: 'open',
      metAt: null,
    });
    // 2012-01-15 + 16 y 6 m = 2028-07-15.
    expect(entries.find((d) => d.child === 'k2')).toMatchObject({
      start: '2012-01-15',
      due: '2028-07-15',
      status: 'met',
      metAt: '2026-03-05',
    });
  });

  it.each([
    ['2009-12-31', '2026-06-30'],
    ['2008-02-29', '2024-08-29'],
    ['2009-09-30', '2026-03-30'],
    ['2010-05-31', '2026-11-30'],
  ])('born %s → due %s', (birthDate, due) => {
    const result = run(
      scenario('LEK', '2026-03-10T12:00:00+01:00', [], { children: [{ id: 'k1', birthDate }] }),
    );
    expect(onlyDeadline(result, 'LEK-TERM-TOEKOMSTPLAN')).toMatchObject({ child: 'k1', due });
  });

  it('is overdue past the date and met-late with a later toekomstplan', () => {
    // 2009-03-15 + 16 y 6 m = 2025-09-15.
    const children = [{ id: 'k1', birthDate: '2009-03-15' }];
    const overdue = run(scenario('LEK', '2026-03-10T12:00:00+01:00', [], { children }));
    expect(onlyDeadline(overdue, 'LEK-TERM-TOEKOMSTPLAN')).toMatchObject({
      due: '2025-09-15',
      status: 'overdue',
    });
    const late = run(
      scenario(
        'LEK',
        '2026-03-10T12:00:00+01:00',
        [ev('toekomstplan', '2025-09-16', { child: 'k1' })],
        { children },
      ),
    );
    expect(onlyDeadline(late, 'LEK-TERM-TOEKOMSTPLAN')).toMatchObject({
      status: 'met-late',
      metAt: '2025-09-16',
    });
    const onDue = run(
      scenario(
        'LEK',
        '2026-03-10T12:00:00+01:00',
        [ev('toekomstplan', '2025-09-15T22:00:00+02:00', { child: 'k1' })],
        { children },
      ),
    );
    expect(onlyDeadline(onDue, 'LEK-TERM-TOEKOMSTPLAN').status).toBe('met');
  });

  it('applies in every segment', () => {
    const result = run(scenario('LEK', '2026-03-10T12:00:00+01:00', [], { segment: 'verblijf' }));
    // DEFAULT_CHILD born 2012-06-30 → 2028-12-30.
    expect(onlyDeadline(result, 'LEK-TERM-TOEKOMSTPLAN')).toMatchObject({
      due: '2028-12-30',
      status: 'open',
    });
  });
});

describe('LEK-CAD-CONTACT-MIDDEN: every 6 months (upper bound of 3-6) for medium regie', () => {
  // start-hulp Fri 31 October 2025 + 6 m = 30 April 2026 (clamped); an evaluation counts as contact.
  const events = [
    ev('aanmelding', '2025-09-01'),
    ev('intake', '2025-09-10'),
    ev('start-hulp', '2025-10-31'),
    ev('evaluatie', '2026-03-15', { kind: 'tussen' }),
  ];
  const medium: Partial<CaseInput> = {
    regieCriteria: {
      severity: 'licht',
      stacking: false,
      duration: 'afgebakend',
      unsafety: 'geen',
      motivation: 'goed',
      providers: 2,
      school: 'gaat',
      jhio: 'geen',
    },
  };

  it('restarts at an evaluation and keeps the open interval', () => {
    const result = run(scenario('LEK', '2026-04-01T12:00:00+02:00', events, medium));
    expect(outcomeOf(result, 'LEK-DEC-REGIE-WEIGHT')).toBe('midden');
    expect(deadlinesOf(result, 'LEK-CAD-CONTACT-MIDDEN')).toEqual([
      expect.objectContaining({
        sequence: 1,
        start: '2025-10-31',
        due: '2026-04-30',
        status: 'met',
        metAt: '2026-03-15',
      }),
      expect.objectContaining({
        sequence: 2,
        start: '2026-03-15',
        due: '2026-09-15',
        status: 'open',
        metAt: null,
      }),
    ]);
    expect(deadlinesOf(result, 'LEK-CAD-CONTACT-ZWAAR')).toEqual([]);
    expect(deadlinesOf(result, 'LEK-CAD-CONTACT-CRISIS')).toEqual([]);
  });

  it('does not appear before the help has started', () => {
    const result = run(scenario('LEK', '2025-09-20T12:00:00+02:00', events.slice(0, 2), medium));
    expect(deadlinesOf(result, 'LEK-CAD-CONTACT-MIDDEN')).toEqual([]);
    expect(requirementOf(result, 'LEK-EVAL-MIN')).toBeUndefined();
  });

  it('gezinsvormen-kort is at least medium; Gezinsvormen has no intake or start terms', () => {
    const result = run(
      scenario(
        'LEK',
        '2026-04-01T12:00:00+02:00',
        [
          ev('aanmelding', '2025-09-01'),
          ev('intake', '2025-09-10'),
          ev('start-hulp', '2025-10-31'),
        ],
        { segment: 'gezinsvormen-kort' },
      ),
    );
    expect(outcomeOf(result, 'LEK-DEC-REGIE-WEIGHT')).toBe('midden');
    expect(deadlineRuleIds(result)).toEqual(['LEK-CAD-CONTACT-MIDDEN', 'LEK-TERM-TOEKOMSTPLAN']);
    expect(onlyDeadline(result, 'LEK-CAD-CONTACT-MIDDEN')).toMatchObject({
      sequence: 1,
      due: '2026-04-30',
      status: 'open',
    });
  });

  it('gezinsvormen-lang with light criteria stays light', () => {
    const result = run(
      scenario('LEK', '2026-04-01T12:00:00+02:00', [ev('start-hulp', '2025-10-31')], {
        segment: 'gezinsvormen-lang',
      }),
    );
    expect(outcomeOf(result, 'LEK-DEC-REGIE-WEIGHT')).toBe('licht');
    expect(deadlineRuleIds(result)).toEqual(['LEK-TERM-TOEKOMSTPLAN']);
  });
});

describe('LEK-DEC-REGIE-WEIGHT: the heaviest criterion decides; crisis and forensic are always heavy', () => {
  const light = LIGHT_REGIE_CRITERIA;
  type Criteria = NonNullable<CaseInput['regieCriteria']>;
  const weigh = (criteria: Partial<Criteria>, segment: CaseInput['segment'] = 'ambulant') =>
    outcomeOf(
      run(
        scenario('LEK', '2026-03-10T12:00:00+01:00', [], {
          segment,
          regieCriteria: { ...light, ...criteria },
        }),
      ),
      'LEK-DEC-REGIE-WEIGHT',
    );

  it('is light when every criterion is light (also with the defaults)', () => {
    expect(weigh({})).toBe('licht');
    expect(
      outcomeOf(run(scenario('LEK', '2026-03-10T12:00:00+01:00')), 'LEK-DEC-REGIE-WEIGHT'),
    ).toBe('licht');
  });

  it.each<[Partial<Criteria>, string]>([
    [{ severity: 'midden' }, 'midden'],
    [{ severity: 'zwaar' }, 'zwaar'],
    [{ stacking: true }, 'midden'],
    [{ duration: 'onzeker' }, 'midden'],
    [{ duration: 'onvoorspelbaar' }, 'zwaar'],
    [{ unsafety: 'mogelijk' }, 'midden'],
    [{ unsafety: 'aanwezig' }, 'zwaar'],
    [{ motivation: 'wisselend' }, 'midden'],
    [{ motivation: 'laag' }, 'zwaar'],
    [{ providers: 0 }, 'licht'],
    [{ providers: 2 }, 'midden'],
    [{ providers: 3 }, 'zwaar'],
    [{ providers: 5 }, 'zwaar'],
    [{ school: 'bedreigd' }, 'midden'],
    [{ school: 'thuiszitter' }, 'zwaar'],
    [{ jhio: 'functioneren' }, 'midden'],
    [{ jhio: 'volgen' }, 'zwaar'],
    [{ severity: 'midden', motivation: 'laag' }, 'zwaar'],
    [{ stacking: true, school: 'bedreigd', providers: 2 }, 'midden'],
  ])('%o → %s', (criteria, expected) => {
    expect(weigh(criteria)).toBe(expected);
  });

  it.each(['crisis-residentieel', 'crisis-ambulant', 'forensisch'] as const)(
    '%s is always zwaar, even with light criteria',
    (segment) => {
      const result = run(
        scenario('LEK', '2026-03-10T12:00:00+01:00', [], { segment, regieCriteria: light }),
      );
      const decision = decisionOf(result, 'LEK-DEC-REGIE-WEIGHT');
      expect(decision.outcome).toBe('zwaar');
      expect(decision.source).toContain('LEK');
    },
  );
});

describe('LEK-EVAL-MIN: at least one interim and one final evaluation (medium, heavy)', () => {
  const heavy: Partial<CaseInput> = {
    regieCriteria: { ...LIGHT_REGIE_CRITERIA, severity: 'zwaar' },
  };
  const base = [ev('aanmelding', '2026-01-05'), ev('start-hulp', '2026-01-20')];

  it('does not apply before help has started', () => {
    const result = run(scenario('LEK', '2026-01-10T12:00:00+01:00', base.slice(0, 1), heavy));
    expect(requirementOf(result, 'LEK-EVAL-MIN')).toBeUndefined();
  });

  it('is not yet met with only an interim evaluation', () => {
    const result = run(
      scenario(
        'LEK',
        '2026-06-01T12:00:00+02:00',
        [...base, ev('evaluatie', '2026-04-01', { kind: 'tussen' })],
        heavy,
      ),
    );
    const requirement = requirementOf(result, 'LEK-EVAL-MIN');
    expect(requirement?.outcome).toBe('nog-niet-voldaan');
    expect(requirement?.reasons.length).toBeGreaterThan(0);
    expect(requirement?.source).toContain('LEK');
  });

  it('a gezinsplan evaluation is neither interim nor final', () => {
    const result = run(
      scenario(
        'LEK',
        '2026-06-01T12:00:00+02:00',
        [
          ...base,
          ev('evaluatie', '2026-03-01', { kind: 'gezinsplan' }),
          ev('evaluatie', '2026-04-01', { kind: 'gezinsplan' }),
        ],
        heavy,
      ),
    );
    expect(requirementOf(result, 'LEK-EVAL-MIN')?.outcome).toBe('nog-niet-voldaan');
  });

  it('is met with an interim and a final evaluation after the start (medium regie too)', () => {
    const events = [
      ...base,
      ev('evaluatie', '2026-04-01', { kind: 'tussen' }),
      ev('evaluatie', '2026-05-20', { kind: 'eind' }),
    ];
    const heavyResult = run(scenario('LEK', '2026-06-01T12:00:00+02:00', events, heavy));
    expect(requirementOf(heavyResult, 'LEK-EVAL-MIN')?.outcome).toBe('voldaan');
    const mediumResult = run(
      scenario('LEK', '2026-06-01T12:00:00+02:00', events, {
        regieCriteria: { ...LIGHT_REGIE_CRITERIA, severity: 'midden' },
      }),
    );
    expect(outcomeOf(mediumResult, 'LEK-DEC-REGIE-WEIGHT')).toBe('midden');
    expect(requirementOf(mediumResult, 'LEK-EVAL-MIN')?.outcome).toBe('voldaan');
  });

  it('does not apply to light regie', () => {
    const result = run(
      scenario('LEK', '2026-06-01T12:00:00+02:00', [
        ...base,
        ev('evaluatie', '2026-04-01', { kind: 'tussen' }),
      ]),
    );
    expect(result.requirements).toEqual([]);
  });
});

describe('LEK-VOORBEELD: a municipality extending LEK with a stricter intake term', () => {
  // aanmelding Mon 2 March 2026: +10 d = Thu 12 March (LEK itself: +14 d = Mon 16 March).
  const events = [ev('aanmelding', '2026-03-02T09:00:00+01:00'), ev('intake', '2026-03-13')];

  it('overrides LEK-TERM-INTAKE-AMBULANT to 10 days and records who, when and why', () => {
    const result = run(scenario('LEK-VOORBEELD', '2026-03-20T12:00:00+01:00', events));
    expect(result.region).toBe('LEK-VOORBEELD');
    const intake = onlyDeadline(result, 'LEK-TERM-INTAKE-AMBULANT');
    expect(intake).toMatchObject({
      start: '2026-03-02',
      due: '2026-03-12',
      status: 'met-late',
      metAt: '2026-03-13',
    });
    expect(intake.override).toMatchObject({
      profile: 'LEK-VOORBEELD',
      by: 'Beleidsadviseur jeugd, Voorbeeldgemeente',
      at: '2026-01-15',
      changed: ['value'],
    });
    expect(intake.override?.reason).toMatch(/10 dagen/);
    // The rule still comes from the LEK source document.
    expect(intake.source).toContain('LEK');
    expect(intake.source).toContain(LEK_SOURCE);
  });

  it('inherits the other LEK rules unchanged and without an override record', () => {
    const result = run(scenario('LEK-VOORBEELD', '2026-03-20T12:00:00+01:00', events));
    const start = onlyDeadline(result, 'LEK-TERM-START-AMBULANT');
    expect(start).toMatchObject({ due: '2026-04-27', status: 'open' });
    expect(start.override).toBeUndefined();
    expect(outcomeOf(result, 'LEK-DEC-REGIE-WEIGHT')).toBe('licht');
  });

  it('leaves LEK itself at 14 days', () => {
    const result = run(scenario('LEK', '2026-03-20T12:00:00+01:00', events));
    const intake = onlyDeadline(result, 'LEK-TERM-INTAKE-AMBULANT');
    expect(intake).toMatchObject({ due: '2026-03-16', status: 'met' });
    expect(intake.override).toBeUndefined();
  });
});
