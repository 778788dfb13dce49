import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../../regions/load.js';
import type { Actor, CaseAccessFacts } from '../access/case-access.js';
import { parseIsoDate } from '../time/index.js';
import {
  agreementPossible,
  decisionProblems,
  endingSteps,
  handoverProblems,
  mayActForProvider,
  mayDecideEnding,
  missingTalks,
  providerEndingRule,
  reportProblems,
  startProblems,
  talkProblems,
  turnOf,
  weighCriteria,
  type CriterionAnswer,
  type RecordedTalk,
} from './provider-ending.js';

const profiles = loadProfiles();
const rulesOf = (region: string) => profiles.get(region)?.rules ?? [];
const RULE = (() => {
  const rule = providerEndingRule(rulesOf('RIJ'));
  if (!rule) throw new Error('RIJ-DEC-PROVIDER-END missing');
  return rule;
})();
const day = (text: string) => parseIsoDate(text) as number;
const TODAY = day('2026-03-10');

const answer = (a: boolean, motivation = 'Afgewogen in het overleg.'): CriterionAnswer => ({
  answer: a,
  motivation,
});
/** The answers that all speak for the ending. */
const favourable = { a: answer(false), b: answer(true), c: answer(true), d: answer(true) };

const youth: RecordedTalk = { heldOn: '2026-03-02', withYoungPerson: true, withParents: false };
const parents: RecordedTalk = { heldOn: '2026-03-03', withYoungPerson: false, withParents: true };

describe('RIJ-DEC-PROVIDER-END: which regions have the procedure', () => {
  it('RIJ has the six steps and criteria a-d from its profile', () => {
    expect(RULE.id).toBe('RIJ-DEC-PROVIDER-END');
    expect(RULE.steps).toHaveLength(6);
    expect(RULE.criteria?.map((c) => c.code)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('other regions have no such procedure, and none is made up for them', () => {
    for (const region of ['LEK', 'ZTM', 'ZOU', 'GRO'])
      expect(providerEndingRule(rulesOf(region)), region).toBeNull();
  });
});

describe('RIJ-DEC-PROVIDER-END: weighing criteria a-d (step 5)', () => {
  it('follows the source: behaviour from the condition (a yes) weighs against, b-d yes for', () => {
    const weights = weighCriteria(RULE, {
      a: answer(true),
      b: answer(true),
      c: answer(false),
      d: answer(true),
    });
    expect(weights.map((w) => [w.code, w.weighs])).toEqual([
      ['a', 'tegen'],
      ['b', 'voor'],
      ['c', 'tegen'],
      ['d', 'voor'],
    ]);
    expect(weights.every((w) => !w.blocks)).toBe(true);
  });

  it('criterion (d) answered no makes an agreement impossible; a refusal stays possible', () => {
    const noFollowUp = { ...favourable, d: answer(false) };
    expect(agreementPossible(RULE, noFollowUp)).toBe(false);
    expect(weighCriteria(RULE, noFollowUp).find((w) => w.code === 'd')?.blocks).toBe(true);
    const agree = decisionProblems(RULE, {
      decision: 'instemmen',
      criteria: noFollowUp,
      reason: null,
    });
    expect(agree.map((p) => p.path)).toEqual(['criteria.d.antwoord']);
    expect(agree[0]?.message).toContain('RIJ-DEC-PROVIDER-END');
    expect(
      decisionProblems(RULE, {
        decision: 'weigeren',
        criteria: noFollowUp,
        reason: 'Er is geen vervolg geregeld voor de jeugdige.',
      }),
    ).toEqual([]);
  });

  it('answers against the ending on a, b or c are weighed, not blocking', () => {
    const against = { a: answer(true), b: answer(false), c: answer(false), d: answer(true) };
    expect(agreementPossible(RULE, against)).toBe(true);
    expect(
      decisionProblems(RULE, { decision: 'instemmen', criteria: against, reason: null }),
    ).toEqual([]);
  });

  it('asks for every criterion with a motivation, and a reason for a refusal', () => {
    const problems = decisionProblems(RULE, {
      decision: 'weigeren',
      criteria: { a: answer(false, 'kort'), b: answer(true), c: answer(true), x: answer(true) },
      reason: '',
    });
    expect(problems.map((p) => p.path)).toEqual([
      'criteria.a.motivering',
      'criteria.d.antwoord',
      'criteria.x',
      'reden',
    ]);
  });

  it('an unanswered criterion does not block yet', () => {
    expect(agreementPossible(RULE, { a: answer(false) })).toBe(true);
  });
});

describe('RIJ-DEC-PROVIDER-END: the talks before the report (steps 2-4)', () => {
  it('below 16 the report needs a talk with the young person and one with a parent or guardian', () => {
    expect(missingTalks([], 13)).toHaveLength(2);
    expect(missingTalks([youth], 13).map((p) => p.message)).toEqual([
      'leg eerst een gesprek met de ouders of de voogd vast (stap 2 en 3)',
    ]);
    expect(missingTalks([parents], 13).map((p) => p.message)).toEqual([
      'leg eerst een gesprek met de jeugdige vast (stap 2 en 3)',
    ]);
    expect(missingTalks([youth, parents], 13)).toEqual([]);
  });

  it('one talk with both counts for both', () => {
    expect(missingTalks([{ ...youth, withParents: true }], 10)).toEqual([]);
  });

  it('from 16 the talk with the young person is enough; an unknown age asks for both', () => {
    expect(missingTalks([youth], 16)).toEqual([]);
    expect(missingTalks([youth], null)).toHaveLength(1);
    expect(missingTalks([parents], 17)).toHaveLength(1);
  });

  it('a talk names with whom, who took part, its report and agreements, and is not in the future', () => {
    expect(
      talkProblems(
        {
          heldOn: '2026-03-11',
          withYoungPerson: false,
          withParents: false,
          participants: '',
          report: 'kort',
          agreements: '',
        },
        TODAY,
      ).map((p) => p.path),
    ).toEqual(['datum', 'metJeugdige', 'deelnemers', 'verslag', 'afspraken']);
    expect(
      talkProblems(
        {
          ...youth,
          participants: 'Jesse, mentor',
          report: 'Besproken waarom de begeleiding zo niet verder kan.',
          agreements: 'geen',
        },
        TODAY,
      ),
    ).toEqual([]);
  });

  it('the report needs reasons, a proposal for what follows and when the family was told', () => {
    const problems = reportProblems(
      { reasons: '', followUpProposal: 'kort', familyInformedOn: '2026-03-12' },
      [youth, parents],
      13,
      TODAY,
    );
    expect(problems.map((p) => p.path)).toEqual([
      'redenen',
      'voorstelVervolg',
      'gezinGeinformeerdOp',
    ]);
    expect(
      reportProblems(
        {
          reasons: 'Herhaald geweld tegen begeleiders, ondanks drie aanpassingen.',
          followUpProposal: 'Overdracht naar een aanbieder met specialistische zorg.',
          familyInformedOn: '2026-03-09',
        },
        [youth],
        13,
        TODAY,
      ).map((p) => p.path),
    ).toEqual(['gesprekken']);
  });

  it('step 1 needs a first reason', () => {
    expect(startProblems({ reason: 'lastig' }).map((p) => p.path)).toEqual(['aanleiding']);
    expect(startProblems({ reason: 'Het gedrag thuis escaleert en wij lopen vast.' })).toEqual([]);
  });
});

describe('RIJ-DEC-PROVIDER-END: where the procedure stands', () => {
  const states = (state: Parameters<typeof endingSteps>[1]['state'], talks: RecordedTalk[]) =>
    endingSteps(RULE, { state, talks }, 13).map((s) => s.state);

  it('after the start, steps 2 and 3 are the provider’s turn', () => {
    expect(states('gestart', [])).toEqual(['klaar', 'huidig', 'huidig', 'later', 'later', 'later']);
    expect(turnOf('gestart')).toBe('aanbieder');
  });

  it('with the talks complete the report is next; then the casusregisseur decides', () => {
    expect(states('gestart', [youth, parents])).toEqual([
      'klaar',
      'klaar',
      'klaar',
      'huidig',
      'later',
      'later',
    ]);
    expect(states('gemeld', [youth, parents])).toEqual([
      'klaar',
      'klaar',
      'klaar',
      'klaar',
      'huidig',
      'later',
    ]);
    expect(turnOf('gemeld')).toBe('casusregisseur');
  });

  it('after agreement the handover is still open: the procedure is not complete', () => {
    expect(states('ingestemd', [youth, parents])).toEqual([
      'klaar',
      'klaar',
      'klaar',
      'klaar',
      'klaar',
      'huidig',
    ]);
    expect(turnOf('ingestemd')).toBe('aanbieder');
    expect(states('overgedragen', [youth, parents]).every((s) => s === 'klaar')).toBe(true);
    expect(turnOf('overgedragen')).toBeNull();
  });

  it('after a refusal step 6 lapses and nobody has a turn', () => {
    expect(states('geweigerd', [youth, parents])[5]).toBe('vervallen');
    expect(turnOf('geweigerd')).toBeNull();
  });

  it('each step says whose it is, with the profile’s text', () => {
    const steps = endingSteps(RULE, { state: 'gestart', talks: [] }, 13);
    expect(steps.map((s) => s.party)).toEqual([
      'aanbieder',
      'aanbieder',
      'aanbieder',
      'aanbieder',
      'casusregisseur',
      'aanbieder',
    ]);
    expect(steps[4]?.text).toBe(RULE.steps[4]);
  });
});

describe('RIJ-DEC-PROVIDER-END: the handover (step 6)', () => {
  it('needs who follows, a last day not before the agreement, and the warm handover', () => {
    expect(
      handoverProblems({ followUp: '', lastDay: '2026-03-09', warmHandover: 'kort' }, TODAY).map(
        (p) => p.path,
      ),
    ).toEqual(['vervolg', 'laatsteDag', 'warmeOverdracht']);
    expect(
      handoverProblems(
        {
          followUp: 'Jeugdhulp De Brug',
          lastDay: '2026-03-31',
          warmHandover: 'Gezamenlijk gesprek met het gezin en de nieuwe begeleider op 20 maart.',
        },
        TODAY,
      ),
    ).toEqual([]);
  });
});

describe('RIJ-DEC-PROVIDER-END: who acts', () => {
  const PROVIDER = 'org-aanbieder';
  const TEAM = 'org-team';
  const facts: CaseAccessFacts = {
    responsibleTeamId: TEAM,
    activeRoles: [
      { role: 'behandelregie', staffId: null, organisationId: PROVIDER },
      { role: 'casusregie', staffId: 'regisseur', organisationId: TEAM },
      { role: 'behandelregie', staffId: null, organisationId: 'org-ander' },
    ],
  };
  const actor = (staffId: string, organisationId: string, roles: Actor['roles']): Actor => ({
    staffId,
    organisationId,
    roles,
  });

  it('the provider’s planner or behandelaar acts for its own allocation only', () => {
    expect(mayActForProvider(actor('p', PROVIDER, ['planner']), facts, PROVIDER).allowed).toBe(
      true,
    );
    expect(mayActForProvider(actor('b', PROVIDER, ['behandelaar']), facts, PROVIDER).allowed).toBe(
      true,
    );
    expect(mayActForProvider(actor('x', 'org-ander', ['planner']), facts, PROVIDER).allowed).toBe(
      false,
    );
    expect(mayActForProvider(actor('r', TEAM, ['casusregisseur']), facts, PROVIDER).allowed).toBe(
      false,
    );
  });

  it('without behandelregie the provider has no procedure to run', () => {
    const noRole = { ...facts, activeRoles: facts.activeRoles.slice(1) };
    expect(mayActForProvider(actor('p', PROVIDER, ['planner']), noRole, PROVIDER).allowed).toBe(
      false,
    );
  });

  it('the casusregisseur decides; the provider never does', () => {
    expect(
      mayDecideEnding(actor('regisseur', TEAM, ['casusregisseur']), facts, PROVIDER),
    ).toMatchObject({
      allowed: true,
      basis: 'eigen-rol',
    });
    expect(mayDecideEnding(actor('lead', TEAM, ['teamleider']), facts, PROVIDER).allowed).toBe(
      true,
    );
    expect(mayDecideEnding(actor('p', PROVIDER, ['planner']), facts, PROVIDER).allowed).toBe(false);
    expect(
      mayDecideEnding(actor('pb', PROVIDER, ['casusregisseur']), facts, PROVIDER).allowed,
    ).toBe(false);
    expect(mayDecideEnding(actor('bo', TEAM, ['backoffice']), facts, PROVIDER).allowed).toBe(false);
  });

  it('when the family holds casusregie, the responsible team decides', () => {
    const family: CaseAccessFacts = {
      responsibleTeamId: TEAM,
      activeRoles: [
        { role: 'behandelregie', staffId: null, organisationId: PROVIDER },
        { role: 'casusregie', staffId: null, organisationId: null },
      ],
    };
    expect(mayDecideEnding(actor('r', TEAM, ['casusregisseur']), family, PROVIDER)).toMatchObject({
      allowed: true,
      basis: 'verantwoordelijk-team',
    });
    expect(
      mayDecideEnding(actor('r', 'org-elders', ['casusregisseur']), family, PROVIDER).allowed,
    ).toBe(false);
  });
});
