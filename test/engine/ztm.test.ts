/**
 * Zoetermeer (REGIONS.md, ztm.yaml). Working days exclude weekends and Dutch public holidays:
 * New Year, Easter Monday, King's Day, 5 May, Ascension, Whit Monday, Christmas (Good Friday
 * is a working day). 2026: Easter Sun 5 April, Ascension Thu 14 May, Whit Monday 25 May,
 * King's Day Mon 27 April, 5 May is a Tuesday.
 */
import { describe, expect, it } from 'vitest';
import {
  deadlineRuleIds,
  deadlinesOf,
  decisionOf,
  ev,
  onlyDeadline,
  outcomeOf,
  run,
  scenario,
} from './helpers.js';

describe('ZTM lead times', () => {
  // aanmelding Mon 2 March 2026: 5 wd = Tue 3 … Mon 9 March; 6 w = Mon 13 April.
  // eerste-contact Mon 9 March + 4 w = Mon 6 April. plan Wed 1 April + 2 w = Wed 15 April.
  const events = [
    ev('aanmelding', '2026-03-02T09:00:00+01:00'),
    ev('eerste-contact', '2026-03-09T16:30:00+01:00'),
    ev('plan-vastgesteld', '2026-04-01T10:00:00+02:00'),
    ev('start-hulp', '2026-04-14T10:00:00+02:00'),
  ];
  const result = run(scenario('ZTM', '2026-04-20T12:00:00+02:00', events));

  it('ZTM-TERM-FIRST-CONTACT: first contact on the 5th working day is met', () => {
    expect(onlyDeadline(result, 'ZTM-TERM-FIRST-CONTACT')).toMatchObject({
      start: '2026-03-02',
      due: '2026-03-09',
      status: 'met',
      metAt: '2026-03-09',
    });
    expect(onlyDeadline(result, 'ZTM-TERM-FIRST-CONTACT').source).toContain('ZTM');
  });

  it('ZTM-TERM-PLAN: 4 weeks from the first contact', () => {
    expect(onlyDeadline(result, 'ZTM-TERM-PLAN')).toMatchObject({
      start: '2026-03-09',
      due: '2026-04-06',
      status: 'met',
      metAt: '2026-04-01',
    });
  });

  it('ZTM-TERM-HULP: 6 weeks from the registration; help a day later is met-late', () => {
    expect(onlyDeadline(result, 'ZTM-TERM-HULP')).toMatchObject({
      start: '2026-03-02',
      due: '2026-04-13',
      status: 'met-late',
      metAt: '2026-04-14',
    });
  });

  it('ZTM-TERM-HULP-NA-PLAN: 2 weeks from the plan', () => {
    expect(onlyDeadline(result, 'ZTM-TERM-HULP-NA-PLAN')).toMatchObject({
      start: '2026-04-01',
      due: '2026-04-15',
      status: 'met',
      metAt: '2026-04-14',
    });
  });

  it('shows the ZTM terms and the evaluation cadence, nothing else', () => {
    expect(deadlineRuleIds(result)).toEqual([
      'ZTM-CAD-EVAL',
      'ZTM-TERM-FIRST-CONTACT',
      'ZTM-TERM-HULP',
      'ZTM-TERM-HULP-NA-PLAN',
      'ZTM-TERM-PLAN',
    ]);
    expect(result.requirements).toEqual([]);
  });

  it('the first-contact clock starts at the first registration only', () => {
    const twice = run(
      scenario('ZTM', '2026-03-20T12:00:00+01:00', [
        ev('aanmelding', '2026-03-02'),
        ev('aanmelding', '2026-03-05'),
      ]),
    );
    expect(onlyDeadline(twice, 'ZTM-TERM-FIRST-CONTACT')).toMatchObject({
      start: '2026-03-02',
      due: '2026-03-09',
      status: 'overdue',
    });
  });

  it('without a plan the cadence and the after-plan term do not run yet', () => {
    const early = run(scenario('ZTM', '2026-03-05T12:00:00+01:00', events.slice(0, 1)));
    expect(deadlineRuleIds(early)).toEqual(['ZTM-TERM-FIRST-CONTACT', 'ZTM-TERM-HULP']);
    expect(onlyDeadline(early, 'ZTM-TERM-FIRST-CONTACT').status).toBe('open');
  });
});

describe('ZTM-TERM-FIRST-CONTACT: 5 working days around holidays', () => {
  it.each([
    ['2026-03-02', '2026-03-09', 'Monday, plain week'],
    ['2026-03-07', '2026-03-13', 'registered on a Saturday'],
    ['2026-04-01', '2026-04-09', 'Good Friday counts, Easter Monday does not'],
    ['2026-04-02', '2026-04-10', 'over Easter 2026'],
    ['2026-04-23', '2026-05-01', "over King's Day (Mon 27 April)"],
    ['2026-04-29', '2026-05-07', 'over 5 May (a Tuesday, not a lustrum year)'],
    ['2026-05-11', '2026-05-19', 'over Ascension (Thu 14 May)'],
    ['2026-05-22', '2026-06-01', 'over Whit Monday (25 May)'],
    ['2026-12-23', '2026-12-31', 'over Christmas (Fri 25 Dec; 26 Dec is a Saturday)'],
    ['2026-12-29', '2027-01-06', "over New Year's Day (Fri 1 Jan 2027)"],
    ['2025-04-17', '2025-04-25', 'over Easter 2025 (Good Friday 18 April works)'],
    ['2025-04-30', '2025-05-08', 'over 5 May 2025 (a Monday)'],
    ['2025-12-23', '2026-01-02', 'over Christmas and New Year 2025/26'],
  ])('registered %s → due %s (%s)', (registered, due) => {
    const result = run(
      scenario('ZTM', '2027-02-01T12:00:00+01:00', [ev('aanmelding', registered)]),
    );
    expect(onlyDeadline(result, 'ZTM-TERM-FIRST-CONTACT')).toMatchObject({
      start: registered,
      due,
      status: 'overdue',
    });
  });
});

describe('ZTM-CAD-EVAL: every 3 months with a purpose at 3, 6 and 9 months', () => {
  // plan Wed 1 April 2026 + 3 m = 1 July; evaluation 30 June → due 30 Sept; evaluation
  // 5 Oct (late) → due 5 Jan 2027; evaluation 5 Jan 2027 (on the day) → due 5 April 2027.
  const events = [
    ev('aanmelding', '2026-03-02'),
    ev('eerste-contact', '2026-03-04'),
    ev('plan-vastgesteld', '2026-04-01'),
    ev('start-hulp', '2026-04-10'),
    ev('evaluatie', '2026-06-30T14:00:00+02:00', { kind: 'tussen' }),
    ev('verslag-verspreid', '2026-07-03'),
    ev('evaluatie', '2026-10-05T14:00:00+02:00', { kind: 'tussen' }),
    ev('verslag-verspreid', '2026-10-14'),
    ev('evaluatie', '2027-01-05T14:00:00+01:00', { kind: 'eind' }),
  ];
  const result = run(scenario('ZTM', '2027-04-06T09:00:00+02:00', events));

  it('has one entry per interval up to the open one', () => {
    expect(deadlinesOf(result, 'ZTM-CAD-EVAL')).toEqual([
      expect.objectContaining({
        sequence: 1,
        start: '2026-04-01',
        due: '2026-07-01',
        status: 'met',
        metAt: '2026-06-30',
      }),
      expect.objectContaining({
        sequence: 2,
        start: '2026-06-30',
        due: '2026-09-30',
        status: 'met-late',
        metAt: '2026-10-05',
      }),
      expect.objectContaining({
        sequence: 3,
        start: '2026-10-05',
        due: '2027-01-05',
        status: 'met',
        metAt: '2027-01-05',
      }),
      expect.objectContaining({
        sequence: 4,
        start: '2027-01-05',
        due: '2027-04-05',
        status: 'overdue',
        metAt: null,
      }),
    ]);
  });

  it('names the purpose of the 3-, 6- and 9-month evaluations, none after that', () => {
    const [first, second, third, fourth] = deadlinesOf(result, 'ZTM-CAD-EVAL');
    expect(first?.purpose).toMatch(/start van de hulp/i);
    expect(first?.purpose).toMatch(/rollen/i);
    expect(second?.purpose).toMatch(/voortgang/i);
    expect(second?.purpose).toMatch(/veiligheid/i);
    expect(third?.purpose).toMatch(/afronden/i);
    expect(third?.purpose).toMatch(/gezinsplan/i);
    expect(new Set([first?.purpose, second?.purpose, third?.purpose]).size).toBe(3);
    expect(fourth?.purpose).toBeUndefined();
  });

  it('clamps to the end of the month (30 Nov 2025 + 3 m = 28 Feb 2026)', () => {
    const clamped = run(
      scenario('ZTM', '2026-03-02T12:00:00+01:00', [ev('plan-vastgesteld', '2025-11-30')]),
    );
    expect(onlyDeadline(clamped, 'ZTM-CAD-EVAL')).toMatchObject({
      sequence: 1,
      due: '2026-02-28',
      status: 'overdue',
    });
  });

  describe('ZTM-TERM-MINUTES: 5 working days per evaluation', () => {
    it('has one clock per evaluation, closed by the next minutes distributed', () => {
      // Tue 30 June → Tue 7 July; Mon 5 Oct → Mon 12 Oct; Tue 5 Jan 2027 → Tue 12 Jan.
      expect(deadlinesOf(result, 'ZTM-TERM-MINUTES')).toEqual([
        expect.objectContaining({
          start: '2026-06-30',
          due: '2026-07-07',
          status: 'met',
          metAt: '2026-07-03',
        }),
        expect.objectContaining({
          start: '2026-10-05',
          due: '2026-10-12',
          status: 'met-late',
          metAt: '2026-10-14',
        }),
        expect.objectContaining({
          start: '2027-01-05',
          due: '2027-01-12',
          status: 'overdue',
          metAt: null,
        }),
      ]);
    });

    it('minutes close the oldest open evaluation first', () => {
      // Thu 30 April 2026 → Fri 1, Mon 4, Wed 6, Thu 7, Fri 8 May (5 May is a holiday);
      // Mon 4 May → Wed 6, Thu 7, Fri 8, Mon 11, Tue 12 May.
      const both = run(
        scenario('ZTM', '2026-05-13T12:00:00+02:00', [
          ev('evaluatie', '2026-04-30', { kind: 'tussen' }),
          ev('evaluatie', '2026-05-04', { kind: 'tussen' }),
          ev('verslag-verspreid', '2026-05-11'),
        ]),
      );
      expect(deadlinesOf(both, 'ZTM-TERM-MINUTES')).toEqual([
        expect.objectContaining({
          start: '2026-04-30',
          due: '2026-05-08',
          status: 'met-late',
          metAt: '2026-05-11',
        }),
        expect.objectContaining({
          start: '2026-05-04',
          due: '2026-05-12',
          status: 'overdue',
          metAt: null,
        }),
      ]);
    });
  });
});

describe('ZTM decisions per child (age on the date of now)', () => {
  // now: 10 March 2026 in Amsterdam (given as 23:30 UTC on 9 March).
  const children = [
    { id: 'baby', birthDate: '2026-01-01' },
    { id: 'bijna4', birthDate: '2022-03-11' },
    { id: 'net4', birthDate: '2022-03-10' },
    { id: 'elf', birthDate: '2014-03-11' },
    { id: 'net12', birthDate: '2014-03-10' },
    { id: 'zestien', birthDate: '2009-07-01' },
  ];
  const result = run(scenario('ZTM', '2026-03-09T23:30:00Z', [], { children }));

  it.each([
    ['baby', 'zien', 'niet-vereist'],
    ['bijna4', 'zien', 'niet-vereist'],
    ['net4', 'zien-en-spreken', 'niet-vereist'],
    ['elf', 'zien-en-spreken', 'niet-vereist'],
    ['net12', 'spreken', 'handtekening-vereist'],
    ['zestien', 'spreken', 'handtekening-vereist'],
  ])('%s: ZTM-DEC-CHILD-CONTACT %s, ZTM-DEC-SIGN %s', (child, contact, sign) => {
    expect(outcomeOf(result, 'ZTM-DEC-CHILD-CONTACT', child)).toBe(contact);
    expect(outcomeOf(result, 'ZTM-DEC-SIGN', child)).toBe(sign);
  });

  it('gives one result per child for both rules', () => {
    expect(result.decisions.filter((d) => d.rule === 'ZTM-DEC-CHILD-CONTACT')).toHaveLength(6);
    expect(result.decisions.filter((d) => d.rule === 'ZTM-DEC-SIGN')).toHaveLength(6);
  });
});

describe('ZTM-DEC-CO-SIGNALS', () => {
  it('is geen without signals', () => {
    const result = run(scenario('ZTM', '2026-03-10T12:00:00+01:00'));
    expect(outcomeOf(result, 'ZTM-DEC-CO-SIGNALS')).toBe('geen');
  });

  it.each([
    'ggz-ouders',
    'zorgmijding',
    'kindsignalen',
    'zorgmeldingen',
    'huiselijk-geweld',
    'draaglast',
    'financien-huisvesting',
    'vastlopen-werk-school',
  ] as const)('signal %s alone requires weighing in case consultation', (signal) => {
    const result = run(scenario('ZTM', '2026-03-10T12:00:00+01:00', [], { coSignals: [signal] }));
    const decision = decisionOf(result, 'ZTM-DEC-CO-SIGNALS');
    expect(decision.outcome).toBe('co-weging-nodig');
    expect(decision.source).toContain('ZTM');
  });

  it('several signals: still one decision', () => {
    const result = run(
      scenario('ZTM', '2026-03-10T12:00:00+01:00', [], {
        coSignals: ['draaglast', 'huiselijk-geweld'],
      }),
    );
    expect(outcomeOf(result, 'ZTM-DEC-CO-SIGNALS')).toBe('co-weging-nodig');
  });
});
