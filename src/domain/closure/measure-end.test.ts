import { describe, expect, it } from 'vitest';
import { parseIsoDate, type DayNumber } from '../time/index.js';
import {
  measureEndChecklist,
  measureEndProblems,
  measureEndRefusal,
  measureReportProblems,
  reviewAfterLatestEnd,
  teamTableProblems,
  type MeasureEndFacts,
} from './measure-end.js';

const today = parseIsoDate('2026-06-10') as DayNumber;
const at = (iso: string) => new Date(iso).getTime();

/** An OTS in RIJ where every condition is met. */
const complete: MeasureEndFacts = {
  region: 'RIJ',
  measure: 'ots',
  destination: 'lokaal-team',
  teamTable: { householdPresent: ['p1'] },
  report: { goals: [{ owner: 'moeder', action: 'belt het lokale team', dueOn: '2026-07-01' }] },
  events: [
    { type: 'rechterlijke-opdracht', at: at('2026-01-05T09:00:00Z') },
    { type: 'maatregel-einde', at: at('2026-02-01T09:00:00Z') },
    { type: 'rvdk-toetsing', at: at('2026-05-01T09:00:00Z') },
  ],
  casusregie: { holder: 'professional', organisationKind: 'lokaal-team' },
};
const conditions = (facts: MeasureEndFacts) => measureEndProblems(facts).map((p) => p.condition);

describe('measureEndProblems (RIJ-DEC-MEASURE-END, RIJ-TERM-RVDK-OTS)', () => {
  it('finds nothing missing when every condition is met', () => {
    expect(measureEndProblems(complete)).toEqual([]);
  });

  it('1. needs a closing teamtafel with someone of the household (RIJ-DEC-MEASURE-END)', () => {
    expect(conditions({ ...complete, teamTable: null })).toEqual(['teamtafel']);
    const nobody = measureEndProblems({ ...complete, teamTable: { householdPresent: [] } });
    expect(nobody).toMatchObject([{ condition: 'teamtafel', ruleId: 'RIJ-DEC-MEASURE-END' }]);
    expect(nobody[0]?.message).toContain('niemand van het gezin');
  });

  it('2. needs an afsluitrapportage with a SMART goal saying who does what by when', () => {
    expect(conditions({ ...complete, report: null })).toEqual(['afsluitrapportage']);
    expect(conditions({ ...complete, report: { goals: [] } })).toEqual(['afsluitrapportage']);
    expect(
      conditions({
        ...complete,
        report: { goals: [{ owner: '', action: 'iets', dueOn: '2026-07-01' }] },
      }),
    ).toEqual(['afsluitrapportage']);
    expect(measureEndProblems({ ...complete, report: null })[0]?.ruleId).toBe(
      'RIJ-DEC-MEASURE-END',
    );
  });

  it('3. for an OTS needs an RvdK review after the latest planned end (RIJ-TERM-RVDK-OTS)', () => {
    const none = { ...complete, events: complete.events.filter((e) => e.type !== 'rvdk-toetsing') };
    expect(measureEndProblems(none)).toMatchObject([
      { condition: 'rvdk-toetsing', ruleId: 'RIJ-TERM-RVDK-OTS' },
    ]);
    // An extension recorded after the review: the review before the latest end does not count.
    const extended = {
      ...complete,
      events: [...complete.events, { type: 'maatregel-einde', at: at('2026-05-20T09:00:00Z') }],
    };
    expect(conditions(extended)).toEqual(['rvdk-toetsing']);
    // Without any planned end there is nothing the review could follow.
    const noEnd = {
      ...complete,
      events: [{ type: 'rvdk-toetsing', at: at('2026-05-01T09:00:00Z') }],
    };
    expect(conditions(noEnd)).toEqual(['rvdk-toetsing']);
    expect(measureEndProblems(noEnd)[0]?.message).toContain('geen geplande einddatum');
  });

  it('3. does not ask for the RvdK review for voogdij or jeugdreclassering', () => {
    const noReview = complete.events.filter((e) => e.type !== 'rvdk-toetsing');
    for (const measure of ['voogdij', 'jeugdreclassering'] as const) {
      expect(measureEndProblems({ ...complete, measure, events: noReview })).toEqual([]);
      const item = measureEndChecklist({ ...complete, measure, events: noReview })[2];
      expect(item).toMatchObject({ condition: 'rvdk-toetsing', applies: false });
    }
  });

  it('reads the timeline by time, and equal times in recording order', () => {
    const t = at('2026-05-01T09:00:00Z');
    // Given out of order: the review lies after the end in time.
    expect(
      reviewAfterLatestEnd([
        { type: 'rvdk-toetsing', at: t + 60_000 },
        { type: 'maatregel-einde', at: t },
      ]),
    ).toBe(true);
    expect(
      reviewAfterLatestEnd([
        { type: 'maatregel-einde', at: t },
        { type: 'rvdk-toetsing', at: t },
      ]),
    ).toBe(true);
    expect(
      reviewAfterLatestEnd([
        { type: 'rvdk-toetsing', at: t },
        { type: 'maatregel-einde', at: t },
      ]),
    ).toBe(false);
  });

  it('4. needs casusregie where the record says it goes: local team professional or family', () => {
    const gi = { holder: 'professional', organisationKind: 'gi' } as const;
    expect(measureEndProblems({ ...complete, casusregie: gi })).toMatchObject([
      { condition: 'casusregie', ruleId: 'RIJ-DEC-MEASURE-END' },
    ]);
    expect(measureEndProblems({ ...complete, casusregie: gi })[0]?.message).toContain(
      'ZTM-DEC-WARM-HANDOVER',
    );
    // With the family while the record says local team: not what was chosen.
    expect(
      conditions({ ...complete, casusregie: { holder: 'gezin', organisationKind: null } }),
    ).toEqual(['casusregie']);
    // Destination family.
    const family = { ...complete, destination: 'gezin' as const };
    expect(
      conditions({ ...family, casusregie: { holder: 'gezin', organisationKind: null } }),
    ).toEqual([]);
    expect(conditions(family)).toEqual(['casusregie']);
    expect(conditions({ ...complete, casusregie: null })).toEqual(['casusregie']);
    // A local team as organisation is not a named professional.
    expect(
      conditions({
        ...complete,
        casusregie: { holder: 'organisatie', organisationKind: 'lokaal-team' },
      }),
    ).toEqual(['casusregie']);
  });

  it('names every missing condition with its rule ID; other regions get "geldt in elke regio"', () => {
    const empty: MeasureEndFacts = {
      ...complete,
      teamTable: null,
      report: null,
      events: [],
      casusregie: { holder: 'professional', organisationKind: 'gi' },
    };
    expect(conditions(empty)).toEqual([
      'teamtafel',
      'afsluitrapportage',
      'rvdk-toetsing',
      'casusregie',
    ]);
    const rij = measureEndRefusal(measureEndProblems(empty));
    expect(rij).toContain('RIJ-TERM-RVDK-OTS');
    expect(rij).toContain('RIJ-DEC-MEASURE-END');
    expect(rij).not.toContain('geldt in elke regio');
    const lek = measureEndRefusal(measureEndProblems({ ...empty, region: 'LEK' }));
    expect(lek).toContain('RIJ-TERM-RVDK-OTS, geldt in elke regio');
  });
});

describe('teamTableProblems', () => {
  const ok = {
    heldOn: '2026-06-09',
    householdPresent: ['p1'],
    futureRegisseur: 'Anna de Vries, wijkteam Noord',
    partners: null,
    agreements: 'Het wijkteam neemt de casusregie over; school blijft betrokken.',
  };
  const context = { today, householdPersonIds: ['p1', 'p2'] };
  it('accepts a complete teamtafel held today or earlier', () => {
    expect(teamTableProblems(ok, context)).toEqual([]);
    expect(teamTableProblems({ ...ok, heldOn: '2026-06-10' }, context)).toEqual([]);
  });
  it('names each field that is wrong', () => {
    const paths = teamTableProblems(
      {
        heldOn: '2026-06-11',
        householdPresent: [],
        futureRegisseur: '',
        partners: null,
        agreements: 'ok',
      },
      context,
    ).map((p) => p.path);
    expect(paths).toEqual(['gehoudenOp', 'gezinsleden', 'toekomstigeRegisseur', 'afspraken']);
    expect(teamTableProblems({ ...ok, householdPresent: ['vreemd'] }, context)).toMatchObject([
      { path: 'gezinsleden', message: 'iemand die niet bij dit gezin hoort' },
    ]);
    expect(teamTableProblems({ ...ok, heldOn: '2026-02-30' }, context)[0]?.path).toBe('gehoudenOp');
  });
});

describe('measureReportProblems', () => {
  const goal = {
    goal: 'Noor gaat elke dag naar school',
    ownerKind: 'gezin' as const,
    owner: 'moeder',
    action: 'brengt Noor naar school en belt bij ziekte',
    dueOn: '2026-09-01',
  };
  const ok = {
    pastPeriod: 'Twee jaar OTS; de veiligheid thuis is stabiel.',
    goals: [goal],
    consent: 'ja' as const,
  };
  it('accepts a report with one SMART goal', () => {
    expect(measureReportProblems(ok, today)).toEqual([]);
    expect(measureReportProblems({ ...ok, consent: 'nee' }, today)).toEqual([]);
  });
  it('needs at least one goal and names each field of a goal', () => {
    expect(measureReportProblems({ ...ok, goals: [] }, today)).toMatchObject([{ path: 'doelen' }]);
    const paths = measureReportProblems(
      {
        ...ok,
        goals: [
          { goal: '', ownerKind: 'buurman' as never, owner: '', action: '', dueOn: '2026-06-01' },
        ],
      },
      today,
    ).map((p) => p.path);
    expect(paths).toEqual([
      'doelen.0.doel',
      'doelen.0.wieSoort',
      'doelen.0.wie',
      'doelen.0.wat',
      'doelen.0.wanneer',
    ]);
    expect(measureReportProblems({ ...ok, pastPeriod: '' }, today)[0]?.path).toBe(
      'afgelopenPeriode',
    );
  });
});
