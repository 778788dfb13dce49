import { describe, expect, it } from 'vitest';
import type { Actor, CaseAccessFacts } from '../access/case-access.js';
import {
  adjustmentEffect,
  adjustmentProblems,
  decisionProblems,
  hasProcesregisseur,
  isOpen,
  mayAdjustAllocation,
  mayDecideAdjustment,
  mayProposeAdjustment,
  nextState,
  seesAllAdjustments,
  type AdjustedAllocation,
  type AdjustmentFacts,
  type AdjustmentProposal,
} from './adjustment.js';

// 4 hours a week of ambulant family treatment, 16 March to 13 September 2026.
const running: AdjustedAllocation = {
  id: 'a1',
  number: '300000',
  providerOrganisationId: 'hoeve',
  providerAgb: '98000002',
  productCode: '45A03',
  volume: 4,
  start: '2026-03-16',
  end: '2026-09-13',
  status: 'gestart',
};
const facts: AdjustmentFacts = {
  allocation: running,
  otherAllocations: [],
  planGoals: [
    { id: '1', description: 'Een vast avondritueel' },
    { id: '2', description: 'Lars sport weer' },
  ],
  today: '2026-04-01',
  proposerIsProvider: false,
};
const proposal = (over: Partial<AdjustmentProposal> = {}): AdjustmentProposal => ({
  direction: 'af',
  allocationId: 'a1',
  end: '2026-05-31',
  newHelp: null,
  providerAgb: null,
  reasons: 'Het avondritueel staat; minder hulp is genoeg.',
  goalIds: ['1'],
  providerConsultation: 'Besproken met de behandelaar op 30 maart.',
  ...over,
});
const paths = (p: AdjustmentProposal, f: AdjustmentFacts = facts) =>
  adjustmentProblems(p, f).map((x) => x.path);

describe('adjustmentProblems', () => {
  it('accepts ending the help early, with reasons, goals and the provider consulted', () => {
    expect(adjustmentProblems(proposal(), facts)).toEqual([]);
  });

  it('needs reasons and the plan goals it serves, each from the fixed plan', () => {
    expect(paths(proposal({ reasons: '  ', goalIds: [] }))).toEqual(['redenen', 'doelen']);
    expect(paths(proposal({ goalIds: ['1', '9', '1'] }))).toEqual(['doelen.1', 'doelen.2']);
    // Without a fixed plan there are no goals to name.
    expect(paths(proposal({ goalIds: [] }), { ...facts, planGoals: [] })).toEqual([]);
  });

  it('only adjusts a running allocation of the case', () => {
    expect(paths(proposal(), { ...facts, allocation: undefined })).toEqual(['toewijzingId']);
    const stopped = { ...running, status: 'gestopt' as const };
    expect(paths(proposal(), { ...facts, allocation: stopped })).toEqual(['toewijzingId']);
    const ended = { ...running, end: '2026-03-31' };
    expect(paths(proposal(), { ...facts, allocation: ended })).toEqual(['toewijzingId']);
  });

  it('scaling down moves the end date forward, not back, and never into the past', () => {
    const message = (end: string | null) =>
      adjustmentProblems(proposal({ end }), facts).map((x) => `${x.path}: ${x.message}`);
    expect(message(null)).toEqual([
      'einddatum: geef de nieuwe, vroegere einddatum van de toewijzing',
    ]);
    expect(message('2026-09-13')[0]).toContain('ligt niet vóór de huidige einddatum (2026-09-13)');
    expect(message('2026-12-31')[0]).toContain('afschalen maakt de toewijzing korter');
    expect(message('2026-03-31')[0]).toContain('terugwerkende kracht');
    expect(message('2026-02-30')).toEqual(['einddatum: geen geldige datum']);
    // An open-ended allocation can be given an end.
    expect(
      adjustmentProblems(proposal(), { ...facts, allocation: { ...running, end: null } }),
    ).toEqual([]);
  });

  it('shortening needs the provider consulted (OP033x1), unless the provider proposes it', () => {
    const unconsulted = proposal({ providerConsultation: '' });
    expect(adjustmentProblems(unconsulted, facts)).toEqual([
      {
        path: 'overlegAanbieder',
        message: expect.stringContaining('OP033x1') as unknown as string,
      },
    ]);
    expect(adjustmentProblems(unconsulted, { ...facts, proposerIsProvider: true })).toEqual([]);
  });

  it('scaling down the volume keeps the product and lowers the volume', () => {
    const less = (productCode: string, volume: number) =>
      proposal({
        end: null,
        newHelp: { productCode, volume, start: '2026-05-01', end: '2026-09-13' },
      });
    expect(paths(less('45A03', 2))).toEqual([]);
    expect(paths(less('45A03', 4))).toEqual(['nieuweHulp.volume']);
    expect(paths(less('43A01', 2))).toEqual(['nieuweHulp.productcode']);
  });

  it('scaling up needs the help that comes in; more of the same means a larger volume', () => {
    const up = (newHelp: AdjustmentProposal['newHelp']) =>
      paths(proposal({ direction: 'op', end: null, newHelp, providerConsultation: '' }));
    expect(up(null)).toEqual(['nieuweHulp']);
    expect(up({ productCode: '45A03', volume: 6, start: '2026-05-01', end: null })).toEqual([]);
    expect(up({ productCode: '45A03', volume: 3, start: '2026-05-01', end: null })).toEqual([
      'nieuweHulp.volume',
    ]);
    // Another product beside the running one.
    expect(up({ productCode: '45A07', volume: 1, start: '2026-04-01', end: null })).toEqual([]);
    // No end date on the running allocation when new help comes in.
    expect(
      paths(
        proposal({
          direction: 'op',
          newHelp: { productCode: '45A07', volume: 1, start: '2026-05-01', end: null },
        }),
      ),
    ).toEqual(['einddatum']);
  });

  it('new help starts today or later, and after the allocation it replaces', () => {
    const up = (start: string) =>
      paths(
        proposal({
          direction: 'op',
          end: null,
          newHelp: { productCode: '45A03', volume: 6, start, end: null },
        }),
        { ...facts, today: '2026-03-10', allocation: { ...running, status: 'toegewezen' } },
      );
    expect(up('2026-03-09')).toEqual(['nieuweHulp.ingangsdatum']);
    expect(up('2026-03-16')).toEqual(['nieuweHulp.ingangsdatum']);
    expect(up('2026-03-17')).toEqual([]);
  });

  it('does not stack the same product at the same provider for overlapping periods (OP259)', () => {
    const other: AdjustedAllocation = {
      ...running,
      id: 'a2',
      number: '300001',
      productCode: '45A07',
      volume: 2,
    };
    const problems = adjustmentProblems(
      proposal({
        direction: 'op',
        end: null,
        newHelp: { productCode: '45A07', volume: 1, start: '2026-05-01', end: null },
      }),
      { ...facts, otherAllocations: [other] },
    );
    expect(problems).toEqual([
      {
        path: 'nieuweHulp.productcode',
        message: expect.stringContaining('toewijzing 300001') as unknown as string,
      },
    ]);
    expect(problems[0]?.message).toContain('OP259');
    // After that allocation has ended it no longer counts.
    const later = adjustmentProblems(
      proposal({
        direction: 'op',
        end: null,
        newHelp: { productCode: '45A07', volume: 1, start: '2026-09-14', end: null },
      }),
      { ...facts, otherAllocations: [other] },
    );
    expect(later).toEqual([]);
  });

  it('different help is another product or another provider; only then another provider', () => {
    const instead = (productCode: string, providerAgb: string | null) =>
      paths(
        proposal({
          direction: 'anders',
          end: null,
          providerAgb,
          newHelp: { productCode, volume: 2, start: '2026-05-01', end: '2026-12-31' },
        }),
      );
    expect(instead('43A01', null)).toEqual([]);
    expect(instead('45A03', '98000001')).toEqual([]);
    expect(instead('45A03', null)).toEqual(['nieuweHulp.productcode']);
    expect(instead('45A03', '98000002')).toEqual(['nieuweHulp.productcode']);
    expect(paths(proposal({ providerAgb: '98000001' }))).toEqual(['aanbieder']);
  });
});

describe('adjustmentEffect', () => {
  it('ending early is a changed allocation with reason 05, sent at the decision', () => {
    expect(adjustmentEffect(proposal(), running)).toEqual({
      shorten: { end: '2026-05-31', reason: '05' },
      shortenAt: 'besluit',
      newHelp: null,
      providerAgb: '98000002',
    });
  });

  it('more of the same: the running allocation ends the day before, with the new allocation', () => {
    const help = { productCode: '45A03', volume: 6, start: '2026-05-01', end: '2026-09-13' };
    expect(
      adjustmentEffect(proposal({ direction: 'op', end: null, newHelp: help }), running),
    ).toEqual({
      shorten: { end: '2026-04-30', reason: '05' },
      shortenAt: 'nieuwe-toewijzing',
      newHelp: help,
      providerAgb: '98000002',
    });
  });

  it('another product beside the running one leaves it as it is', () => {
    const help = { productCode: '45A07', volume: 1, start: '2026-05-01', end: null };
    expect(
      adjustmentEffect(proposal({ direction: 'op', end: null, newHelp: help }), running),
    ).toMatchObject({ shorten: null, shortenAt: null, newHelp: help });
  });

  it('another provider: the running allocation ends with reason 09 (overstap)', () => {
    const help = { productCode: '45A03', volume: 4, start: '2026-06-01', end: null };
    const effect = adjustmentEffect(
      proposal({ direction: 'anders', end: null, newHelp: help, providerAgb: '98000001' }),
      running,
    );
    expect(effect).toMatchObject({
      shorten: { end: '2026-05-31', reason: '09' },
      shortenAt: 'nieuwe-toewijzing',
      providerAgb: '98000001',
    });
  });

  it('nothing to shorten when the running allocation ends before the new help starts', () => {
    const help = { productCode: '43A01', volume: 2, start: '2026-09-14', end: null };
    expect(
      adjustmentEffect(proposal({ direction: 'anders', end: null, newHelp: help }), running),
    ).toMatchObject({ shorten: null, newHelp: help });
  });
});

describe('the decision and the states', () => {
  it('a refusal needs a reason; an approval does not', () => {
    expect(decisionProblems({ decision: 'afgewezen', reason: ' ' })).toEqual([
      { path: 'reden', message: 'geef de reden van de afwijzing' },
    ]);
    expect(decisionProblems({ decision: 'goedgekeurd', note: '' })).toEqual([]);
  });

  it('voorgesteld → goedgekeurd/afgewezen → uitgevoerd; nothing after a final state', () => {
    expect(nextState('voorgesteld', 'goedkeuren')).toBe('goedgekeurd');
    expect(nextState('voorgesteld', 'afwijzen')).toBe('afgewezen');
    expect(nextState('goedgekeurd', 'uitvoeren')).toBe('uitgevoerd');
    expect(nextState('goedgekeurd', 'toewijzing-geweigerd')).toBe('niet-toegewezen');
    expect(nextState('voorgesteld', 'uitvoeren')).toBeNull();
    expect(nextState('goedgekeurd', 'afwijzen')).toBeNull();
    expect(nextState('afgewezen', 'goedkeuren')).toBeNull();
    expect(nextState('uitgevoerd', 'goedkeuren')).toBeNull();
    expect(['voorgesteld', 'goedgekeurd', 'afgewezen'].map((s) => isOpen(s as never))).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('who may propose, decide and read', () => {
  const casusregisseur: Actor = {
    staffId: 'cr',
    organisationId: 'team',
    roles: ['casusregisseur'],
  };
  const teamleider: Actor = { staffId: 'tl', organisationId: 'team', roles: ['teamleider'] };
  const planner: Actor = { staffId: 'pl', organisationId: 'hoeve', roles: ['planner'] };
  const otherTeam: Actor = { staffId: 'ot', organisationId: 'team-b', roles: ['casusregisseur'] };
  const huisarts: Actor = { staffId: 'ha', organisationId: 'praktijk', roles: ['huisarts'] };
  // Route A: the team holds procesregie and is responsible; a provider treats.
  const routeA: CaseAccessFacts = {
    responsibleTeamId: 'team',
    activeRoles: [
      { role: 'procesregie', staffId: null, organisationId: 'team' },
      { role: 'casusregie', staffId: null, organisationId: null },
      { role: 'behandelregie', staffId: null, organisationId: 'hoeve' },
      { role: 'behandelregie', staffId: null, organisationId: 'ommeland' },
    ],
  };

  it('the casusregisseur side and the treating provider propose; others do not', () => {
    expect(mayProposeAdjustment(casusregisseur, routeA).allowed).toBe(true);
    expect(mayProposeAdjustment(planner, routeA)).toMatchObject({
      allowed: true,
      role: 'behandelregie',
    });
    expect(mayProposeAdjustment(otherTeam, routeA).allowed).toBe(false);
    // A GP who reads the case through a role of its own does not propose.
    const withGp: CaseAccessFacts = {
      ...routeA,
      activeRoles: [
        ...routeA.activeRoles,
        { role: 'behandelregie', staffId: 'ha', organisationId: 'praktijk' },
      ],
    };
    expect(mayProposeAdjustment(huisarts, withGp).allowed).toBe(false);
  });

  it('the holder of casusregie proposes, also outside the responsible team', () => {
    const gi: Actor = { staffId: 'jb', organisationId: 'gi', roles: ['jeugdbeschermer'] };
    const routeC: CaseAccessFacts = {
      responsibleTeamId: null,
      activeRoles: [
        { role: 'procesregie', staffId: null, organisationId: 'gi' },
        { role: 'casusregie', staffId: 'jb', organisationId: 'gi' },
      ],
    };
    expect(mayProposeAdjustment(gi, routeC).allowed).toBe(true);
  });

  it('a provider adjusts only its own allocations', () => {
    expect(mayAdjustAllocation(planner, routeA, 'hoeve')).toBe(true);
    expect(mayAdjustAllocation(planner, routeA, 'ommeland')).toBe(false);
    expect(mayAdjustAllocation(casusregisseur, routeA, 'ommeland')).toBe(true);
  });

  it('the procesregisseur decides, but not on its own proposal (four eyes)', () => {
    expect(mayDecideAdjustment(teamleider, routeA, 'cr')).toMatchObject({
      allowed: true,
      role: 'procesregie',
    });
    expect(mayDecideAdjustment(casusregisseur, routeA, 'pl').allowed).toBe(true);
    expect(mayDecideAdjustment(casusregisseur, routeA, 'cr')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('vier ogen') as unknown as string,
    });
    // A provider reads the case but does not decide.
    expect(mayDecideAdjustment(planner, routeA, 'cr')).toMatchObject({
      allowed: false,
      reason: 'alleen de procesregisseur besluit over een aanpassing',
    });
    // Another team does not even read the case.
    expect(mayDecideAdjustment(otherTeam, routeA, 'cr')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('geen actieve rol') as unknown as string,
    });
  });

  it('a personal procesregie holder decides; colleagues of its organisation do not', () => {
    const facts: CaseAccessFacts = {
      responsibleTeamId: null,
      activeRoles: [{ role: 'procesregie', staffId: 'jb', organisationId: 'gi' }],
    };
    const holder: Actor = { staffId: 'jb', organisationId: 'gi', roles: ['jeugdbeschermer'] };
    const colleague: Actor = { staffId: 'jc', organisationId: 'gi', roles: ['jeugdbeschermer'] };
    expect(mayDecideAdjustment(holder, facts, 'cr').allowed).toBe(true);
    expect(mayDecideAdjustment(colleague, facts, 'cr').allowed).toBe(false);
    expect(hasProcesregisseur(facts)).toBe(true);
    expect(hasProcesregisseur({ responsibleTeamId: null, activeRoles: [] })).toBe(false);
  });

  it('the team reads every adjustment; a provider only those about its own help', () => {
    expect(seesAllAdjustments(casusregisseur, routeA)).toBe(true);
    expect(seesAllAdjustments(teamleider, routeA)).toBe(true);
    expect(seesAllAdjustments(planner, routeA)).toBe(false);
    expect(seesAllAdjustments(otherTeam, routeA)).toBe(false);
  });
});
