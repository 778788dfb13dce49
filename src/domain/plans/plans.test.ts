import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../time/index.js';
import {
  deviations,
  familyGroupOfferApplies,
  familyGroupOfferProblems,
  familyGroupState,
  diffPlans,
  goalProblems,
  planProblems,
  requiredSigners,
  signingState,
  toekomstplanPrompts,
  triageProblems,
  type Goal,
  type HouseholdMember,
  type PlanContent,
  type TriageSuggestion,
} from './index.js';

const day = (iso: string) => parseIsoDate(iso) ?? Number.NaN;

const goal = (overrides: Partial<Goal> = {}): Goal => ({
  id: 'g1',
  resultArea: 'onderwijs',
  description: 'Sam gaat weer naar school',
  measurableTarget: 'Sam is vier dagen per week op school, zes weken achter elkaar',
  owner: { kind: 'professional', name: 'Mentor van school' },
  targetDate: '2026-06-30',
  progress: 'niet-gestart',
  ...overrides,
});

const supportPlan = (overrides: Partial<PlanContent> = {}): PlanContent => ({
  analysisOutcome: 'Zorgen over schoolgang en opvoeding; moeder is overbelast.',
  riskOutcome: 'Onveilig: veiligheidsplan opgesteld.',
  intensity: 'Trede 3',
  expectedDuration: '6 maanden',
  cooperation: 'Moeder, mentor en casusregisseur; moeder bewaakt de afspraken thuis.',
  goals: [goal()],
  ...overrides,
});

describe('SMART goals', () => {
  const start = day('2026-03-10');

  it('accepts a goal that is specific, measurable, owned and time-bound', () => {
    expect(goalProblems(goal(), 0, start)).toEqual([]);
  });

  it('rejects a goal without a measurable target, saying how to make it measurable', () => {
    const problems = goalProblems(goal({ measurableTarget: '  ' }), 2, start);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('goals.2.measurableTarget');
    expect(problems[0]?.message).toMatch(/meetbaar/);
    expect(problems[0]?.message).toMatch(/waaraan ziet iedereen/);
  });

  it('rejects a one-word target and a target that repeats the goal', () => {
    expect(goalProblems(goal({ measurableTarget: 'beter' }), 0, start)[0]?.path).toBe(
      'goals.0.measurableTarget',
    );
    const repeat = goalProblems(goal({ measurableTarget: 'Sam gaat weer naar school' }), 0, start);
    expect(repeat.map((p) => p.message)).toEqual([
      'herhaal het doel niet, maar zeg waaraan te zien is dat het bereikt is',
    ]);
  });

  it('needs a result area, an owner by name and a target date after the plan starts', () => {
    const problems = goalProblems(
      goal({
        resultArea: 'hobby',
        owner: { kind: 'professional', name: '' },
        targetDate: '2026-03-10',
      }),
      0,
      start,
    );
    expect(problems.map((p) => p.path)).toEqual([
      'goals.0.resultArea',
      'goals.0.owner.name',
      'goals.0.targetDate',
    ]);
    expect(goalProblems(goal({ targetDate: '30-06-2026' }), 0, start)[0]?.message).toMatch(
      /streefdatum/,
    );
    expect(goalProblems(goal({ owner: { kind: 'buurman', name: 'Piet' } }), 0, start)).toEqual([
      {
        path: 'goals.0.owner.kind',
        message: 'kies wie aan het doel werkt: gezin, netwerk of professional',
      },
    ]);
  });
});

describe('plan completeness per kind (DOMAIN.md section 5)', () => {
  it('a complete ondersteuningsplan has no problems', () => {
    expect(planProblems('ondersteuningsplan', supportPlan(), '2026-03-10')).toEqual([]);
  });

  it('an ondersteuningsplan needs the risk outcome and at least one goal', () => {
    const problems = planProblems(
      'ondersteuningsplan',
      supportPlan({ riskOutcome: '', goals: [] }),
      '2026-03-10',
    );
    expect(problems.map((p) => p.path)).toEqual(['riskOutcome', 'goals']);
  });

  it('names every goal problem with its index, and refuses two goals with one id', () => {
    const problems = planProblems(
      'ondersteuningsplan',
      supportPlan({ goals: [goal(), goal({ measurableTarget: '' })] }),
      '2026-03-10',
    );
    expect(problems.map((p) => p.path)).toEqual(['goals.1.measurableTarget', 'goals.1.id']);
  });

  it('a toekomstplan covers all nine future domains', () => {
    const problems = planProblems(
      'toekomstplan',
      {
        perspective: 'Zelfstandig wonen met begeleiding',
        goals: [goal()],
        futureDomains: { wonen: 'Kamer via de woningcorporatie aangevraagd' },
      },
      '2026-03-10',
    );
    expect(problems.map((p) => p.path)).toEqual([
      'futureDomains.zorg-andere-wetten',
      'futureDomains.mentorschap',
      'futureDomains.financien',
      'futureDomains.onderwijs-werk',
      'futureDomains.netwerk-relaties',
      'futureDomains.wensen-talenten',
      'futureDomains.praktisch-voor-18',
      'futureDomains.veiligheid',
    ]);
  });

  it('a veiligheidsplan needs bottom-line requirements, each with who watches it', () => {
    expect(
      planProblems('veiligheidsplan', { safetyAgreements: 'Vader komt niet thuis' }, '2026-03-10'),
    ).toEqual([{ path: 'bottomLines', message: 'noem minstens één bodemeis' }]);
    expect(
      planProblems(
        'veiligheidsplan',
        {
          safetyAgreements: 'Vader komt niet thuis',
          bottomLines: [{ requirement: 'Geen geweld in het bijzijn van de kinderen', who: '' }],
        },
        '2026-03-10',
      ).map((p) => p.path),
    ).toEqual(['bottomLines.0.who']);
  });

  it('refuses an invalid start date', () => {
    expect(planProblems('gezinsplan', {}, '2026-02-30')).toEqual([
      { path: 'startDate', message: 'geen geldige ingangsdatum' },
    ]);
  });
});

describe('signing (ZTM-DEC-SIGN: parents and young people from 12)', () => {
  const family: HouseholdMember[] = [
    { id: 'm', name: 'Kim Jansen', kind: 'ouder', birthDate: null },
    { id: 'a', name: 'Noor Jansen', kind: 'jeugdige', birthDate: '2012-11-04' }, // 13
    { id: 'b', name: 'Bo Jansen', kind: 'jeugdige', birthDate: '2022-08-01' }, // 3
    { id: 'c', name: 'Lot Jansen', kind: 'jeugdige', birthDate: '2014-03-10' }, // 12 on 10-03-2026
  ];

  it('asks the parent and every child of 12 or older, not the 3-year-old', () => {
    expect(requiredSigners(family, day('2026-03-10')).map((s) => s.personId)).toEqual([
      'm',
      'a',
      'c',
    ]);
    // The day before her twelfth birthday Lot does not sign yet.
    expect(requiredSigners(family, day('2026-03-09')).map((s) => s.personId)).toEqual(['m', 'a']);
  });

  it('cannot fix the plan while a required signature is missing, and says whose', () => {
    const state = signingState(
      family,
      [{ personId: 'm', at: 0, method: 'op-scherm' }],
      day('2026-03-09'),
    );
    expect(state.complete).toBe(false);
    expect(state.missing.map((s) => s.name)).toEqual(['Noor Jansen']);
    expect(state.problem).toBe(
      'Het plan kan pas worden vastgesteld als ook Noor Jansen heeft getekend (ZTM-DEC-SIGN).',
    );
  });

  it('is complete when everyone required has signed; a 3-year-old is not asked', () => {
    const state = signingState(
      family.slice(0, 3),
      [
        { personId: 'm', at: 0, method: 'op-scherm' },
        { personId: 'a', at: 0, method: 'papier-gescand' },
      ],
      day('2026-03-10'),
    );
    expect(state).toMatchObject({ complete: true, problem: null, missing: [] });
  });

  it('refuses to fix a plan when no parent or custodian is recorded', () => {
    const state = signingState([family[2] as HouseholdMember], [], day('2026-03-10'));
    expect(state.complete).toBe(false);
    expect(state.problem).toMatch(/niemand/);
  });
});

describe('versions: what changed', () => {
  it('lists changed sections and added, changed and removed goals; reordering is no change', () => {
    const v1 = supportPlan({
      goals: [goal(), goal({ id: 'g2', resultArea: 'opvoeding', description: 'Rust thuis' })],
    });
    const v2 = supportPlan({
      intensity: 'Trede 4',
      schoolAlignment: 'Eén plan met school: mentor doet mee aan de evaluaties',
      goals: [
        goal({ targetDate: '2026-09-01' }),
        goal({ id: 'g3', resultArea: 'financien', description: 'Schulden in beeld' }),
      ],
    });
    const changes = diffPlans(v1, v2);
    expect(changes.map((c) => [c.label, c.kind])).toEqual([
      ['Intensiteit', 'gewijzigd'],
      ['Afstemming met school', 'toegevoegd'],
      ['Doel 1 (onderwijs): streefdatum', 'gewijzigd'],
      ['Doel 2 (financien)', 'toegevoegd'],
      ['Doel 2 (opvoeding)', 'verwijderd'],
    ]);
    expect(changes[2]).toMatchObject({ before: '2026-06-30', after: '2026-09-01' });
    const reordered = { ...v1, goals: [...(v1.goals ?? [])].reverse() };
    expect(diffPlans(v1, reordered)).toEqual([]);
  });
});

describe('triage: "zo doen we het, tenzij"', () => {
  const suggestions: TriageSuggestion[] = [
    { field: 'domein', rule: 'RIJ-DEC-MEERVOUDIG', outcome: 'meervoudig', reasons: [] },
    { field: 'complexiteit', rule: 'RIJ-DEC-COMPLEX', outcome: 'complex', reasons: [] },
    {
      field: 'casusregie',
      rule: 'RIJ-DEC-CASUSREGIE-LOCATION',
      outcome: 'buiten-gezin',
      reasons: [],
    },
    { field: 'gewicht', rule: 'LEK-DEC-REGIE-WEIGHT', outcome: 'zwaar', reasons: [] },
  ];
  const follow = {
    domein: 'meervoudig',
    complexiteit: 'complex',
    casusregie: 'buiten-gezin',
    gewicht: 'zwaar',
  };

  it('records a decision that follows the suggestions without a motivation', () => {
    expect(triageProblems(suggestions, follow, '')).toEqual([]);
  });

  it('asks for a motivation when deviating, naming the rule and its suggestion', () => {
    const choice = { ...follow, gewicht: 'midden' };
    expect(deviations(suggestions, choice)).toEqual([
      { field: 'gewicht', rule: 'LEK-DEC-REGIE-WEIGHT', suggested: 'zwaar', chosen: 'midden' },
    ]);
    expect(triageProblems(suggestions, choice, '')).toEqual([
      {
        path: 'motivatie',
        message: 'u wijkt af van LEK-DEC-REGIE-WEIGHT (voorstel: zwaar): leg uit waarom',
      },
    ]);
    expect(
      triageProblems(suggestions, choice, 'Gezin is gemotiveerd, oma helpt dagelijks mee'),
    ).toEqual([]);
  });

  it('needs every choice, and a judgement where the matrix leaves it to the professional', () => {
    const judge: TriageSuggestion[] = [
      {
        field: 'casusregie',
        rule: 'RIJ-DEC-CASUSREGIE-LOCATION',
        outcome: 'ter-beoordeling',
        reasons: [],
      },
    ];
    expect(deviations(judge, { casusregie: 'gezin' })).toEqual([]);
    expect(
      triageProblems(judge, { domein: 'meervoudig', casusregie: 'ter-beoordeling' }, '').map(
        (p) => p.path,
      ),
    ).toEqual(['complexiteit', 'gewicht', 'casusregie']);
  });
});

describe('toekomstplan prompt from 16.5 years', () => {
  const youth: HouseholdMember[] = [
    { id: 'y', name: 'Daan de Vries', kind: 'jeugdige', birthDate: '2009-09-30' },
    { id: 'z', name: 'Eva de Vries', kind: 'jeugdige', birthDate: '2009-08-31' },
  ];

  it('appears on the day a young person turns 16.5, not the day before', () => {
    expect(toekomstplanPrompts(youth, day('2026-03-29'), new Set()).map((p) => p.name)).toEqual([
      'Eva de Vries',
    ]);
    const prompts = toekomstplanPrompts(youth, day('2026-03-30'), new Set());
    expect(prompts.map((p) => [p.name, p.from])).toEqual([
      ['Daan de Vries', '2026-03-30'],
      // 31 August + 6 months: the month has no 31st, so the last day of February.
      ['Eva de Vries', '2026-02-28'],
    ]);
    expect(prompts[0]?.message).toMatch(/toekomstplan/);
  });

  it('disappears once the young person has a fixed toekomstplan', () => {
    expect(toekomstplanPrompts(youth, day('2026-04-01'), new Set(['y', 'z']))).toEqual([]);
  });
});

describe('arrangement proposed in a hulpverleningsplan (route B, DOMAIN.md sections 3 and 5)', () => {
  const proposal = {
    resultAreas: ['onderwijs', 'opvoeding'],
    intensity: 'Trede 3',
    duration: '6 maanden',
    motivation: 'Meervoudige vraag op school en thuis; ouders willen meedoen.',
  };
  const providerPlan = (overrides: Partial<PlanContent> = {}): PlanContent => ({
    helpType: 'Ambulante gezinsbehandeling',
    frequency: 'Twee keer per week aan huis',
    perspective: 'Sam woont thuis en gaat naar school',
    goals: [goal(), goal({ id: 'g2', resultArea: 'opvoeding', description: 'Rust in huis' })],
    arrangementProposal: proposal,
    ...overrides,
  });
  const paths = (content: PlanContent, route: 'A' | 'B' | 'C' = 'B') =>
    planProblems('hulpverleningsplan', content, '2026-03-10', { route }).map((p) => p.path);

  it('accepts a complete proposal whose result areas match the goals', () => {
    expect(paths(providerPlan())).toEqual([]);
  });

  it('on route B the provider must propose one; elsewhere it is optional', () => {
    const without = providerPlan({ arrangementProposal: undefined });
    expect(paths(without, 'B')).toEqual(['arrangementProposal']);
    expect(
      planProblems('hulpverleningsplan', without, '2026-03-10', { route: 'B' })[0]?.message,
    ).toMatch(/route B .* arrangement/);
    expect(paths(without, 'A')).toEqual([]);
  });

  it('names missing parts, goals outside the proposal and proposed areas without a goal', () => {
    const problems = paths(
      providerPlan({
        arrangementProposal: {
          resultAreas: ['onderwijs', 'wonen', 'sterrenkunde'],
          intensity: '',
          duration: ' ',
          motivation: '',
        },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'arrangementProposal.intensity',
        'arrangementProposal.duration',
        'arrangementProposal.motivation',
        'arrangementProposal.resultAreas.2', // unknown area
        'arrangementProposal.resultAreas.1', // wonen has no goal
        'goals.1.resultArea', // opvoeding is not proposed
      ]),
    );
    expect(
      paths(
        providerPlan({
          arrangementProposal: { ...proposal, resultAreas: [] },
        }),
      ),
    ).toContain('arrangementProposal.resultAreas');
  });

  it('a changed proposal shows in the diff between versions', () => {
    const before = providerPlan();
    const after = providerPlan({
      arrangementProposal: { ...proposal, intensity: 'Trede 4' },
    });
    expect(diffPlans(before, after)).toEqual([
      {
        path: 'arrangementProposal.intensity',
        label: 'Voorgesteld arrangement: intensiteit',
        kind: 'gewijzigd',
        before: 'Trede 3',
        after: 'Trede 4',
      },
    ]);
  });
});

describe('familiegroepsplan offer (Jeugdwet article 4.1.2)', () => {
  it('forgoing the offer needs a reason; the parents declining does not', () => {
    expect(familyGroupOfferProblems({ answer: 'afgezien-bedreiging', motivation: ' ' })).toEqual([
      { path: 'toelichting', message: expect.stringMatching(/waarom .* artikel 4\.1\.2/) },
    ]);
    expect(
      familyGroupOfferProblems({ answer: 'afgezien-belang-kind', motivation: '' }),
    ).toHaveLength(1);
    expect(familyGroupOfferProblems({ answer: 'ouders-zien-af', motivation: '' })).toEqual([]);
    expect(
      familyGroupOfferProblems({ answer: 'afgezien-bedreiging', motivation: 'Acuut onveilig' }),
    ).toEqual([]);
  });

  it('is not asked for jeugdreclassering or voogdij, and is for OTS and voluntary help', () => {
    expect(familyGroupOfferApplies('jeugdreclassering')).toBe(false);
    expect(familyGroupOfferApplies('voogdij')).toBe(false);
    expect(familyGroupOfferApplies('ots')).toBe(true);
    expect(familyGroupOfferApplies(null)).toBe(true);
  });

  it('stands open until offered; a family plan settles it whatever the last answer', () => {
    expect(familyGroupState(null, false).state).toBe('niet-aangeboden');
    expect(familyGroupState('bedenktijd', false).state).toBe('bedenktijd');
    expect(familyGroupState('ouders-zien-af', false).state).toBe('afgezien');
    expect(familyGroupState('afgezien-belang-kind', false).state).toBe('afgezien');
    expect(familyGroupState('gezin-maakt-plan', false).state).toBe('gezin-maakt-plan');
    expect(familyGroupState(null, true).state).toBe('plan-gemaakt');
  });
});

describe('familiegroepsplan contents (DOMAIN.md section 5)', () => {
  it('is the family’s plan: who wrote it, where they want to go, goals and the help they want', () => {
    const problems = planProblems('familiegroepsplan', {}, '2026-03-10').map((p) => p.path);
    expect(problems).toEqual(
      expect.arrayContaining(['authors', 'perspective', 'helpWanted', 'goals']),
    );
    expect(
      planProblems(
        'familiegroepsplan',
        {
          authors: 'Sanne en Mark, oma Ria en buurvrouw Els',
          perspective: 'De kinderen wonen veilig thuis',
          helpWanted: 'Iemand die twee keer per week helpt met de opvoeding',
          goals: [goal({ owner: { kind: 'netwerk', name: 'Oma Ria' } })],
        },
        '2026-03-10',
      ),
    ).toEqual([]);
  });
});
