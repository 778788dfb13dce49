import { describe, expect, it } from 'vitest';
import {
  closingReportProblems,
  closureChecklist,
  closureProblems,
  closureReminders,
  draftProblems,
  nearlyAdult,
  transitionRequiredFor,
  type ClosureDraft,
  type ClosureFacts,
} from './closure.js';

const TODAY = '2026-06-15';
const complete: ClosureDraft = {
  reason: 'doelen-bereikt',
  finalEvaluation: {
    heldOn: '2026-06-10',
    result: 'behaald',
    summary: 'Rust in huis, school gaat weer goed.',
    safetyRestored: 'ja',
  },
  aftercare: {
    needed: true,
    agreements: [{ who: 'Moeder', what: 'belt de wijkcoach bij terugval', when: '2026-09-01' }],
  },
  waakvlam: { needed: false, reason: 'Het netwerk is sterk genoeg.' },
  reassessment: { familyCanHoldRegie: 'ja', explanation: 'Ouders regelen het zelf weer.' },
  transitions: [],
};
const facts = (over: Partial<ClosureFacts> = {}, draft: Partial<ClosureDraft> = {}) =>
  ({
    today: TODAY,
    draft: { ...complete, ...draft },
    allocations: [{ number: 'T-1', providerName: 'Zorg BV', status: 'gestopt', end: '2026-06-01' }],
    behandelregieProviders: [{ id: 'p1', name: 'Zorg BV' }],
    reportProviderIds: ['p1'],
    youngPeople: [{ id: 'j1', name: 'Sem', birthDate: '2014-01-01' }],
    measureEnding: null,
    providerEnding: 'niet-doorlopen',
    unscoredProviders: [],
    ...over,
  }) satisfies ClosureFacts;
const conditions = (f: ClosureFacts) => closureProblems(f).map((p) => `${p.condition} ${p.ruleId}`);

describe('closureProblems (RIJ-DEC-CLOSURE, LEK-DEC-CLOSE-AFTER-CARE, LEK-DEC-WAAKVLAM, ZOU-DEC-ENDING, RIJ-DEC-MEASURE-END)', () => {
  it('a complete closure has no problems', () => {
    expect(closureProblems(facts())).toEqual([]);
    expect(closureChecklist(facts()).every((c) => c.met)).toBe(true);
  });

  it('without a reason (ZOU-DEC-ENDING)', () => {
    expect(conditions(facts({}, { reason: null }))).toEqual(['reden ZOU-DEC-ENDING']);
  });

  it('1. without a final evaluation (RIJ-DEC-CLOSURE)', () => {
    const problems = closureProblems(facts({}, { finalEvaluation: null }));
    expect(problems.map((p) => [p.condition, p.path, p.ruleId])).toEqual([
      ['eindevaluatie', 'eindevaluatie', 'RIJ-DEC-CLOSURE'],
    ]);
    expect(problems[0]?.message).toContain('eindevaluatie');
  });

  it('2. without aftercare agreements and without a reason for none (ZOU-DEC-ENDING)', () => {
    expect(conditions(facts({}, { aftercare: null }))).toEqual(['nazorg ZOU-DEC-ENDING']);
    expect(conditions(facts({}, { aftercare: { needed: true, agreements: [] } }))).toEqual([
      'nazorg ZOU-DEC-ENDING',
    ]);
    expect(
      closureProblems(facts({}, { aftercare: { needed: false, reason: 'Doelen ruim gehaald' } })),
    ).toEqual([]);
  });

  it('3. with the waakvlamcontact not answered (LEK-DEC-WAAKVLAM)', () => {
    expect(conditions(facts({}, { waakvlam: null }))).toEqual(['waakvlam LEK-DEC-WAAKVLAM']);
    expect(
      closureProblems(
        facts(
          {},
          {
            waakvlam: {
              needed: true,
              who: 'Wijkcoach',
              frequency: 'maandelijks',
              until: '2026-12-31',
            },
          },
        ),
      ),
    ).toEqual([]);
  });

  it('4. without the re-assessment of family casusregie (RIJ-DEC-CLOSURE)', () => {
    expect(conditions(facts({}, { reassessment: null }))).toEqual([
      'herbeoordeling RIJ-DEC-CLOSURE',
    ]);
  });

  it('5. while an allocation still runs, naming it and how it ends (LEK-DEC-CLOSE-AFTER-CARE)', () => {
    const running = facts({
      allocations: [
        { number: 'T-1', providerName: 'Zorg BV', status: 'gestart', end: null },
        { number: 'T-2', providerName: 'Zorg BV', status: 'opgeschort', end: '2026-07-01' },
        { number: 'T-3', providerName: 'Zorg BV', status: 'toegewezen', end: '2026-06-14' },
        { number: 'T-4', providerName: 'Zorg BV', status: 'vervallen', end: null },
        { number: 'T-5', providerName: 'Zorg BV', status: 'ingetrokken', end: null },
      ],
    });
    const problems = closureProblems(running);
    expect(problems.map((p) => [p.path, p.ruleId])).toEqual([
      ['toewijzingen.T-1', 'LEK-DEC-CLOSE-AFTER-CARE'],
      ['toewijzingen.T-2', 'LEK-DEC-CLOSE-AFTER-CARE'],
    ]);
    expect(problems[0]?.message).toContain('T-1');
    expect(problems[0]?.message).toContain('JW307');
    // An end date today still runs today; one before today has ended.
    expect(
      conditions(
        facts({
          allocations: [{ number: 'T-9', providerName: 'X', status: 'gestart', end: TODAY }],
        }),
      ),
    ).toEqual(['toewijzingen LEK-DEC-CLOSE-AFTER-CARE']);
  });

  it('6. when a provider that held behandelregie has no closing report (RIJ-DEC-CLOSURE)', () => {
    const problems = closureProblems(
      facts({
        behandelregieProviders: [
          { id: 'p1', name: 'Zorg BV' },
          { id: 'p2', name: 'Hulp & Co' },
        ],
        reportProviderIds: ['p1'],
      }),
    );
    expect(problems.map((p) => [p.path, p.ruleId])).toEqual([
      ['eindverslagen.p2', 'RIJ-DEC-CLOSURE'],
    ]);
    expect(problems[0]?.message).toContain('Hulp & Co');
  });

  it('7. the 18-/18+ transition at 17 years and 6 months (RIJ-DEC-MEASURE-END)', () => {
    // Born 2008-12-15: 17.5 on 2026-06-15 exactly.
    const on = facts({ youngPeople: [{ id: 'j1', name: 'Noa', birthDate: '2008-12-15' }] });
    expect(conditions(on)).toEqual(['overgang18 RIJ-DEC-MEASURE-END']);
    // One day younger: not yet required.
    const before = facts({ youngPeople: [{ id: 'j1', name: 'Noa', birthDate: '2008-12-16' }] });
    expect(closureProblems(before)).toEqual([]);
    // Recorded: met.
    expect(
      closureProblems(
        facts(
          { youngPeople: [{ id: 'j1', name: 'Noa', birthDate: '2008-12-15' }] },
          {
            transitions: [
              { personId: 'j1', continues: 'begeleid wonen', law: 'wmo', note: 'via de gemeente' },
            ],
          },
        ),
      ),
    ).toEqual([]);
  });

  it('7. with reason niet-meer-jeugdwet the transition is asked for every young person', () => {
    const f = facts(
      {
        youngPeople: [
          { id: 'j1', name: 'Sem', birthDate: '2014-01-01' },
          { id: 'j2', name: 'Lot', birthDate: null },
        ],
      },
      { reason: 'niet-meer-jeugdwet' },
    );
    expect(closureProblems(f).map((p) => p.path)).toEqual(['overgang18.j1', 'overgang18.j2']);
  });

  it('8. route C: the measure ending must be completed (RIJ-DEC-MEASURE-END)', () => {
    expect(conditions(facts({ measureEnding: 'open' }))).toEqual(['maatregel RIJ-DEC-MEASURE-END']);
    expect(closureProblems(facts({ measureEnding: 'afgerond' }))).toEqual([]);
    expect(closureChecklist(facts()).some((c) => c.key === 'maatregel')).toBe(false);
    expect(
      closureChecklist(facts({ measureEnding: 'open' })).find((c) => c.key === 'maatregel')?.met,
    ).toBe(false);
  });

  it('9. ended by the provider: only after its six-step procedure reached the handover (RIJ-DEC-PROVIDER-END)', () => {
    const byProvider = { reason: 'gestopt-door-aanbieder' } as const;
    expect(conditions(facts({}, byProvider))).toEqual([
      'beeindiging-aanbieder RIJ-DEC-PROVIDER-END',
    ]);
    expect(closureProblems(facts({ providerEnding: 'overgedragen' }, byProvider))).toEqual([]);
    // A region whose profile has no such procedure does not ask for it.
    expect(closureProblems(facts({ providerEnding: null }, byProvider))).toEqual([]);
    // Other reasons never ask for it, and the checklist only shows it when it applies.
    expect(closureProblems(facts({ providerEnding: 'niet-doorlopen' }))).toEqual([]);
    expect(closureChecklist(facts()).some((c) => c.key === 'beeindiging-aanbieder')).toBe(false);
    expect(
      closureChecklist(facts({}, byProvider)).find((c) => c.key === 'beeindiging-aanbieder')?.met,
    ).toBe(false);
  });

  it('an empty draft lists every missing part, the checklist marks them unmet', () => {
    const f = facts(
      {},
      { reason: null, finalEvaluation: null, aftercare: null, waakvlam: null, reassessment: null },
    );
    expect(closureProblems(f).map((p) => p.condition)).toEqual([
      'reden',
      'eindevaluatie',
      'nazorg',
      'waakvlam',
      'herbeoordeling',
    ]);
    expect(closureChecklist(f).filter((c) => !c.met).length).toBe(5);
  });

  it('unscored providers are a reminder, never a problem (RIJ-DEC-CLOSURE)', () => {
    const f = facts({ unscoredProviders: [{ id: 'p1', name: 'Zorg BV' }] });
    expect(closureProblems(f)).toEqual([]);
    expect(closureReminders(f)).toEqual([
      {
        path: 'waardering.p1',
        message: expect.stringContaining('Zorg BV'),
        ruleId: 'RIJ-DEC-CLOSURE',
      },
    ]);
    expect(closureReminders(facts())).toEqual([]);
  });
});

describe('nearlyAdult and transitionRequiredFor', () => {
  it('counts 17 years and 6 months by calendar; a missing day is the end of the month', () => {
    expect(nearlyAdult('2008-08-31', '2026-02-27')).toBe(false);
    expect(nearlyAdult('2008-08-31', '2026-02-28')).toBe(true);
    expect(nearlyAdult(null, TODAY)).toBe(false);
  });
  it('without the reason niet-meer-jeugdwet only those 17.5 or older', () => {
    const people = [
      { id: 'a', name: 'A', birthDate: '2008-01-01' },
      { id: 'b', name: 'B', birthDate: '2012-01-01' },
    ];
    expect(transitionRequiredFor('doelen-bereikt', people, TODAY).map((p) => p.id)).toEqual(['a']);
    expect(transitionRequiredFor('niet-meer-jeugdwet', people, TODAY).map((p) => p.id)).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('draftProblems', () => {
  const ctx = { today: TODAY, youngPeople: [{ id: 'j1', name: 'Sem', birthDate: null }] };
  it('accepts a complete draft and checks only the sections given', () => {
    expect(draftProblems(complete, ctx)).toEqual([]);
    expect(draftProblems({ reason: 'geen-hulpvraag' }, ctx)).toEqual([]);
  });
  it('names the field: a final evaluation in the future, a short summary', () => {
    expect(
      draftProblems(
        {
          finalEvaluation: {
            heldOn: '2026-06-16',
            result: 'deels',
            summary: 'kort',
            safetyRestored: 'nee',
          },
        },
        ctx,
      ).map((p) => p.path),
    ).toEqual(['eindevaluatie.datum', 'eindevaluatie.samenvatting']);
    expect(
      draftProblems(
        {
          finalEvaluation: {
            heldOn: TODAY,
            result: 'deels',
            summary: 'Een goede samenvatting.',
            safetyRestored: 'nee',
          },
        },
        ctx,
      ),
    ).toEqual([]);
  });
  it('aftercare: each agreement needs who, what and a date; none needs a reason', () => {
    expect(
      draftProblems(
        { aftercare: { needed: true, agreements: [{ who: ' ', what: '', when: '2026-02-30' }] } },
        ctx,
      ).map((p) => p.path),
    ).toEqual(['nazorg.afspraken.0.wie', 'nazorg.afspraken.0.wat', 'nazorg.afspraken.0.wanneer']);
    expect(
      draftProblems({ aftercare: { needed: true, agreements: [] } }, ctx).map((p) => p.path),
    ).toEqual(['nazorg.afspraken']);
    expect(
      draftProblems({ aftercare: { needed: false, reason: '' } }, ctx).map((p) => p.path),
    ).toEqual(['nazorg.reden']);
  });
  it('waakvlam: who, how often and until (not in the past); or a reason', () => {
    expect(
      draftProblems(
        { waakvlam: { needed: true, who: '', frequency: '', until: '2026-06-14' } },
        ctx,
      ).map((p) => p.path),
    ).toEqual(['waakvlam.wie', 'waakvlam.hoeVaak', 'waakvlam.tot']);
    expect(
      draftProblems({ waakvlam: { needed: false, reason: '' } }, ctx).map((p) => p.path),
    ).toEqual(['waakvlam.reden']);
  });
  it('re-assessment needs an explanation; transitions name a young person of the family once', () => {
    expect(
      draftProblems({ reassessment: { familyCanHoldRegie: 'deels', explanation: '' } }, ctx).map(
        (p) => p.path,
      ),
    ).toEqual(['herbeoordeling.toelichting']);
    expect(
      draftProblems(
        {
          transitions: [
            { personId: 'j1', continues: 'werk', law: 'participatiewet', note: 'via UWV' },
            { personId: 'j1', continues: 'werk', law: 'geen', note: 'dubbel' },
            { personId: 'x', continues: '', law: 'wmo', note: '' },
          ],
        },
        ctx,
      ).map((p) => p.path),
    ).toEqual([
      'overgang18.1.jeugdigeId',
      'overgang18.2.jeugdigeId',
      'overgang18.2.wat',
      'overgang18.2.toelichting',
    ]);
  });
});

describe('closingReportProblems', () => {
  it('needs results, agreements and a motivated view on a waakvlamcontact', () => {
    expect(
      closingReportProblems({
        results: '',
        agreements: '',
        waakvlamAdvice: 'nodig',
        waakvlamNote: '',
        familyConsent: false,
      }).map((p) => p.path),
    ).toEqual(['resultaten', 'afspraken', 'waakvlam.toelichting']);
    expect(
      closingReportProblems({
        results: 'Doelen rond opvoeding behaald.',
        agreements: 'Afschalen naar het sociaal team.',
        waakvlamAdvice: 'niet-nodig',
        waakvlamNote: 'Gezin redt het zelf.',
        familyConsent: true,
      }),
    ).toEqual([]);
  });
});
