/**
 * The provider's reports (DOMAIN.md section 4 step 2; RIJ "Voortgang"): who writes, who
 * receives and who reads them; a progress report covers every goal of the fixed plan; a
 * calamity or acute risk says what happened, when and what was done at once; subcontractors are
 * announced before care starts and checked against the region's contracts.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, CaseAccessFacts } from '../access/case-access.js';
import type { Contract } from '../allocation/contracts.js';
import { parseIsoDate } from '../time/index.js';
import {
  acknowledgementProblems,
  careStarted,
  inScope,
  isUrgent,
  mayAcknowledgeReports,
  mayReadReports,
  mayReportAsProvider,
  reportProblems,
  reportScope,
  subcontractorContract,
  subcontractorProblems,
  type IncidentReport,
  type ProgressReport,
} from './index.js';

const T = (iso: string) => Date.parse(iso);

// A route A case: the team holds procesregie and is responsible, a team member holds casusregie,
// two providers treat, a GI holds crisiscasusregie for a while.
const facts: CaseAccessFacts = {
  responsibleTeamId: 'team',
  activeRoles: [
    { role: 'procesregie', staffId: null, organisationId: 'gemeente' },
    { role: 'casusregie', staffId: 'regisseur', organisationId: 'team' },
    { role: 'behandelregie', staffId: null, organisationId: 'aanbieder-a' },
    { role: 'behandelregie', staffId: null, organisationId: 'aanbieder-b' },
  ],
};
const actor = (staffId: string, organisationId: string, roles: Actor['roles']): Actor => ({
  staffId,
  organisationId,
  roles,
});
const plannerA = actor('pa', 'aanbieder-a', ['planner']);
const therapistA = actor('ba', 'aanbieder-a', ['behandelaar']);
const plannerB = actor('pb', 'aanbieder-b', ['planner']);
const outsider = actor('pc', 'aanbieder-c', ['planner']);
const regisseur = actor('regisseur', 'team', ['casusregisseur']);
const teamLead = actor('tl', 'team', ['teamleider']);
const backoffice = actor('bo', 'gemeente', ['backoffice']);
const manager = actor('mg', 'team', ['management']);

describe('who acts on reports', () => {
  it('only planners and practitioners of a treating provider report and announce', () => {
    expect(mayReportAsProvider(plannerA, facts).allowed).toBe(true);
    expect(mayReportAsProvider(therapistA, facts).allowed).toBe(true);
    expect(mayReportAsProvider(plannerB, facts).allowed).toBe(true);
    expect(mayReportAsProvider(regisseur, facts).allowed).toBe(false);
    expect(mayReportAsProvider(backoffice, facts).allowed).toBe(false);
    expect(mayReportAsProvider(outsider, facts).allowed).toBe(false);
    // A provider's administrator does not work with its clients.
    expect(mayReportAsProvider(actor('x', 'aanbieder-a', ['beheerder']), facts).allowed).toBe(
      false,
    );
  });

  it('the casusregisseur side acknowledges: casusregie, crisiscasusregie, the responsible team', () => {
    expect(mayAcknowledgeReports(regisseur, facts)).toMatchObject({
      allowed: true,
      basis: 'eigen-rol',
      role: 'casusregie',
    });
    expect(mayAcknowledgeReports(teamLead, facts)).toMatchObject({ allowed: true });
    const crisis: CaseAccessFacts = {
      responsibleTeamId: null,
      activeRoles: [
        { role: 'casusregie', staffId: null, organisationId: null },
        { role: 'crisiscasusregie', staffId: null, organisationId: 'cit' },
        { role: 'behandelregie', staffId: null, organisationId: 'aanbieder-a' },
      ],
    };
    expect(mayAcknowledgeReports(actor('c', 'cit', ['jeugdbeschermer']), crisis)).toMatchObject({
      allowed: true,
      role: 'crisiscasusregie',
    });
    expect(mayAcknowledgeReports(plannerA, facts).allowed).toBe(false);
    expect(mayAcknowledgeReports(backoffice, facts).allowed).toBe(false);
    expect(mayAcknowledgeReports(outsider, facts).allowed).toBe(false);
    expect(mayAcknowledgeReports(manager, facts).allowed).toBe(false);
  });

  it('a provider reads only its own organisation’s reports; the regisseurs read them all', () => {
    expect(reportScope(plannerA, facts)).toEqual({
      kind: 'eigen-organisatie',
      organisationId: 'aanbieder-a',
    });
    expect(inScope(reportScope(plannerA, facts), 'aanbieder-a')).toBe(true);
    expect(inScope(reportScope(plannerA, facts), 'aanbieder-b')).toBe(false);
    expect(inScope(reportScope(plannerB, facts), 'aanbieder-a')).toBe(false);
    for (const who of [regisseur, teamLead, backoffice])
      expect(reportScope(who, facts)).toEqual({ kind: 'alle' });
    expect(reportScope(outsider, facts).kind).toBe('geen');
    expect(mayReadReports(outsider, facts).allowed).toBe(false);
    expect(reportScope(manager, facts).kind).toBe('geen');
  });
});

const goals = [
  { id: 'g1', description: 'Noor gaat elke dag naar school' },
  { id: 'g2', description: 'Minder ruzie aan tafel' },
];
const reportFacts = {
  planGoals: goals,
  registeredAt: T('2026-03-02T08:00:00Z'),
  now: T('2026-05-01T12:00:00Z'),
};
const progress = (overrides: Partial<ProgressReport> = {}): ProgressReport => ({
  kind: 'voortgang',
  moment: 'tussentijds',
  goals: [
    { goalId: 'g1', progress: 'loopt', note: 'Vier van de vijf dagen op school' },
    { goalId: 'g2', progress: 'niet-gestart', note: 'Start na de meivakantie' },
  ],
  general: '',
  ...overrides,
});
const incident = (overrides: Partial<IncidentReport> = {}): IncidentReport => ({
  kind: 'calamiteit',
  whatHappened: 'Noor is van huis weggelopen en na een nacht teruggevonden.',
  occurredAt: T('2026-04-30T22:00:00Z'),
  measures: 'Noor slaapt tijdelijk bij oma; veiligheidsafspraken met moeder gemaakt.',
  request: '',
  ...overrides,
});
const paths = (r: ProgressReport | IncidentReport, f = reportFacts) =>
  reportProblems(r, f).map((p) => p.path);

describe('a progress report', () => {
  it('covers every goal of the fixed plan with a note', () => {
    expect(reportProblems(progress(), reportFacts)).toEqual([]);
    const [first, second] = progress().goals;
    if (!first || !second) throw new Error('no goals');
    const missing = reportProblems(progress({ goals: [first] }), reportFacts);
    expect(missing.map((p) => p.path)).toEqual(['doelen']);
    expect(missing[0]?.message).toContain('Minder ruzie aan tafel');
    expect(paths(progress({ goals: [first, { ...second, note: '  ' }] }))).toEqual([
      'doelen.1.toelichting',
    ]);
    expect(paths(progress({ goals: [first, second, first] }))).toEqual(['doelen']);
    expect(paths(progress({ goals: [first, second, { ...first, goalId: 'g9' }] }))).toEqual([
      'doelen.2.doelId',
    ]);
    expect(paths(progress({ goals: [first, { ...second, progress: 'prima' as never }] }))).toEqual([
      'doelen.1.voortgang',
    ]);
  });

  it('without a fixed plan it describes the progress in general words, without goals', () => {
    const noPlan = { ...reportFacts, planGoals: [] };
    expect(paths(progress({ goals: [], general: 'Kennismaking gehad' }), noPlan)).toEqual([]);
    expect(paths(progress({ goals: [], general: ' ' }), noPlan)).toEqual(['algemeen']);
    expect(paths(progress({ general: 'x' }), noPlan)).toEqual(['doelen']);
  });
});

describe('a calamity or acute risk', () => {
  it('says what happened, when, and what was done at once', () => {
    expect(reportProblems(incident(), reportFacts)).toEqual([]);
    expect(reportProblems(incident({ kind: 'acuut-risico' }), reportFacts)).toEqual([]);
    expect(paths(incident({ whatHappened: '', measures: ' ' }))).toEqual([
      'watGebeurde',
      'maatregelen',
    ]);
  });

  it('happened between the registration and now', () => {
    expect(paths(incident({ occurredAt: T('2026-05-01T13:00:00Z') }))).toEqual(['gebeurdOp']);
    expect(paths(incident({ occurredAt: T('2026-03-01T13:00:00Z') }))).toEqual(['gebeurdOp']);
  });

  it('alerts the casusregisseur at once; progress does not', () => {
    expect(isUrgent('calamiteit')).toBe(true);
    expect(isUrgent('acuut-risico')).toBe(true);
    expect(isUrgent('voortgang')).toBe(false);
  });
});

describe('acknowledging a report', () => {
  it('happens once', () => {
    expect(acknowledgementProblems(false)).toEqual([]);
    expect(acknowledgementProblems(true).map((p) => p.path)).toEqual(['ontvangen']);
  });
});

describe('announcing a subcontractor', () => {
  const announcement = { name: 'Praktijk De Linde', agbCode: '98123456', part: 'Speltherapie' };
  const own = { providerAgb: '98000001', announced: [] };
  it('names the subcontractor, its 8-digit AGB code and its part of the help', () => {
    expect(subcontractorProblems(announcement, own)).toEqual([]);
    expect(
      subcontractorProblems({ name: ' ', agbCode: '9812345', part: '' }, own).map((p) => p.path),
    ).toEqual(['naam', 'agbCode', 'onderdeel']);
    expect(
      subcontractorProblems({ ...announcement, agbCode: '98000001' }, own).map((p) => p.path),
    ).toEqual(['agbCode']);
  });

  const now = T('2026-05-01T10:00:00Z');
  it('care has started with a start message up to today, or a start that is this provider’s', () => {
    const none = { careLineStarts: [], startEvents: [], onlyProvider: true, now };
    expect(careStarted(none)).toBe(false);
    expect(careStarted({ ...none, careLineStarts: ['2026-05-01'] })).toBe(true);
    // A start planned for next week has not started yet.
    expect(careStarted({ ...none, careLineStarts: ['2026-05-08'] })).toBe(false);
    const otherStart = { at: T('2026-04-20T08:00:00Z'), byProvider: false };
    expect(careStarted({ ...none, startEvents: [otherStart] })).toBe(true);
    // With two treating providers, another's start is not this provider's.
    expect(careStarted({ ...none, onlyProvider: false, startEvents: [otherStart] })).toBe(false);
    expect(
      careStarted({
        ...none,
        onlyProvider: false,
        startEvents: [{ ...otherStart, byProvider: true }],
      }),
    ).toBe(true);
  });

  const line = (partner: string, provider: string, validTo: string | null = null): Contract => ({
    partnerAgb: partner,
    partnerName: partner,
    providerAgb: provider,
    providerName: provider,
    products: ['45A03'],
    validFrom: '2026-01-01',
    validTo,
  });
  const day = parseIsoDate('2026-05-01') ?? 0;
  it('is checked against the subcontractors the provider named in the region’s contracts', () => {
    const contracts = [
      line('98000001', '98000001'),
      line('98000001', '98123456'),
      line('98000001', '98777777', '2026-03-31'),
      line('98000002', '98000002'),
      line('98000002', '98555555'),
    ];
    expect(subcontractorContract(contracts, '98000001', '98123456', day)).toEqual({
      contracted: true,
    });
    // Named by another partner, not by this provider.
    expect(subcontractorContract(contracts, '98000001', '98555555', day)).toMatchObject({
      contracted: false,
      warning: expect.stringContaining('niet onder deze aanbieder'),
    });
    expect(subcontractorContract(contracts, '98000001', '98777777', day)).toMatchObject({
      contracted: false,
      warning: expect.stringContaining('loopt nu niet'),
    });
    expect(subcontractorContract(contracts, '98999999', '98123456', day)).toMatchObject({
      contracted: false,
      warning: expect.stringContaining('hoofdaannemer'),
    });
    expect(subcontractorContract(contracts, null, '98123456', day).contracted).toBe(false);
  });
});
