/**
 * Scoring a provider when its help on a case has ended (DOMAIN.md section 4 step 3, "Provider
 * performance"; RIJ "Beoordelen prestatie aanbieder"): the national KPIs (client satisfaction,
 * goal attainment, drop-out, waiting time) and the seven points the RIJ local team collects on
 * every provider. Pure: the store gathers the facts, this module decides and checks.
 */
import type { AccessDecision, Actor, CaseAccessFacts } from '../access/case-access.js';
import { caseAccess } from '../access/case-access.js';
import { proposerSide } from '../allocation/adjustment.js';
import { parseIsoDate } from '../time/index.js';

/**
 * The seven points of RIJ "Beoordelen prestatie aanbieder", in the order the source lists them.
 * Keys are stable API values; labels are the UI's words.
 */
export const PROVIDER_CRITERIA = [
  { key: 'samenwerking', label: 'Wijze van samenwerking' },
  { key: 'bereikbaarheid', label: 'Bereikbaarheid' },
  { key: 'transparantie', label: 'Transparantie' },
  { key: 'bejegening', label: 'Bejegening van de jeugdige' },
  { key: 'samenwerking-anderen', label: 'Samenwerking met andere organisaties' },
  { key: 'snelheid', label: 'Snelheid van handelen' },
  { key: 'klachten', label: 'Klachten' },
] as const;
export type CriterionKey = (typeof PROVIDER_CRITERIA)[number]['key'];
export const CRITERION_KEYS: readonly CriterionKey[] = PROVIDER_CRITERIA.map((c) => c.key);

/**
 * One fixed scale for every point. The source names the points but no scale; three levels plus
 * "niet te beoordelen" (e.g. no other organisations were involved) keep the answers comparable.
 */
export const RATINGS = ['goed', 'voldoende', 'onvoldoende', 'niet-te-beoordelen'] as const;
export type Rating = (typeof RATINGS)[number];

/** How far a goal of the plan was reached. */
export const GOAL_RESULTS = ['bereikt', 'deels', 'niet-bereikt'] as const;
export type GoalResult = (typeof GOAL_RESULTS)[number];

/** The share of a goal a result counts for when goal attainment is expressed as a share. */
export const GOAL_RESULT_SHARE: Readonly<Record<GoalResult, number>> = {
  bereikt: 1,
  deels: 0.5,
  'niet-bereikt': 0,
};

/** Client satisfaction as the family reported it, 1 to 10; null when it was not asked. */
export const SATISFACTION_MIN = 1;
export const SATISFACTION_MAX = 10;

export interface CriterionScore {
  readonly key: CriterionKey;
  readonly rating: Rating;
  readonly remark: string | null;
}

export interface ScoreInput {
  readonly providerId: string;
  readonly satisfaction: number | null;
  readonly goals: readonly { readonly goalId: string; readonly result: GoalResult }[];
  /** The help ended early without agreement (uitval). */
  readonly dropOut: boolean;
  readonly criteria: readonly CriterionScore[];
}

export interface ScoreProblem {
  readonly path: string;
  readonly message: string;
}

/** What the scoring checks the input against. */
export interface ScoreFacts {
  /** The goals of the case's fixed plans. */
  readonly planGoals: readonly { readonly id: string; readonly description: string }[];
}

/** What is wrong with a score; empty when it may be stored. */
export function scoreProblems(input: ScoreInput, facts: ScoreFacts): ScoreProblem[] {
  const out: ScoreProblem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });

  if (
    input.satisfaction !== null &&
    (!Number.isInteger(input.satisfaction) ||
      input.satisfaction < SATISFACTION_MIN ||
      input.satisfaction > SATISFACTION_MAX)
  )
    add(
      'clienttevredenheid',
      `een cijfer van ${SATISFACTION_MIN} tot en met ${SATISFACTION_MAX}, of niet gevraagd`,
    );

  if (facts.planGoals.length > 0 && input.goals.length === 0)
    add('doelen', 'geef per doel uit het plan aan in hoeverre het is bereikt');
  const known = new Set(facts.planGoals.map((g) => g.id));
  const seenGoals = new Set<string>();
  input.goals.forEach((g, i) => {
    if (!known.has(g.goalId))
      add(`doelen.${i}.doelId`, 'dit doel staat niet in een vastgesteld plan');
    else if (seenGoals.has(g.goalId)) add(`doelen.${i}.doelId`, 'dit doel staat er al in');
    seenGoals.add(g.goalId);
  });

  const seenCriteria = new Set<string>();
  input.criteria.forEach((c, i) => {
    if (seenCriteria.has(c.key)) add(`criteria.${i}.criterium`, 'dit punt staat er al in');
    seenCriteria.add(c.key);
  });
  const missing = CRITERION_KEYS.filter((k) => !seenCriteria.has(k));
  if (missing.length > 0)
    add(
      'criteria',
      `beoordeel alle zeven punten; ontbreekt: ${missing
        .map((k) => PROVIDER_CRITERIA.find((c) => c.key === k)?.label ?? k)
        .join(', ')}`,
    );
  return out;
}

/** The criteria in the source's order, whatever order they were sent in. */
export function inSourceOrder(criteria: readonly CriterionScore[]): CriterionScore[] {
  return CRITERION_KEYS.flatMap((k) => criteria.filter((c) => c.key === k));
}

/** Goal attainment of one score as a share (0-1): the mean over its goals; null without goals. */
export function goalShare(goals: readonly { readonly result: GoalResult }[]): number | null {
  if (goals.length === 0) return null;
  return goals.reduce((sum, g) => sum + GOAL_RESULT_SHARE[g.result], 0) / goals.length;
}

// Closure -------------------------------------------------------------------------------------

/** Why the provider's help on the case counts as ended. */
export type ClosureBasis =
  'casus-afgesloten' | 'toewijzingen-beeindigd' | 'behandelregie-beeindigd';

export interface ProviderOnCase {
  readonly allocations: readonly {
    readonly number: string;
    /** Allocation status; see `ENDED_STATUSES`. */
    readonly status: string;
    readonly end: string | null;
  }[];
  /** The provider's behandelregie assignments on the case, ever. */
  readonly behandelregie: readonly { readonly active: boolean }[];
  readonly caseClosed: boolean;
  /** `YYYY-MM-DD`, Europe/Amsterdam. */
  readonly today: string;
}

/** Statuses of an allocation whose help is over (`vervallen`: the suspension lapsed). */
export const ENDED_STATUSES: readonly string[] = ['gestopt', 'ingetrokken', 'vervallen'];

export type Closure =
  | { readonly ended: true; readonly basis: ClosureBasis }
  | { readonly ended: false; readonly reason: string };

/**
 * Whether the provider's help on the case has ended, so it can be scored: the case is closed, or
 * the provider has no allocation still running (a suspended one may resume, so it runs) and no
 * behandelregie any more. A provider that never helped on the case cannot be scored on it.
 */
export function providerClosure(p: ProviderOnCase): Closure {
  if (p.allocations.length === 0 && p.behandelregie.length === 0)
    return { ended: false, reason: 'deze aanbieder heeft op deze casus geen hulp geboden' };
  if (p.caseClosed) return { ended: true, basis: 'casus-afgesloten' };
  const running = p.allocations.find(
    (a) => !ENDED_STATUSES.includes(a.status) && (a.end === null || a.end >= p.today),
  );
  if (running)
    return {
      ended: false,
      reason: `toewijzing ${running.number} loopt nog; beoordeel de aanbieder als de hulp is afgesloten`,
    };
  if (p.behandelregie.some((r) => r.active))
    return {
      ended: false,
      reason: 'de aanbieder heeft nog behandelregie; beoordeel hem als de hulp is afgesloten',
    };
  return {
    ended: true,
    basis: p.allocations.length > 0 ? 'toewijzingen-beeindigd' : 'behandelregie-beeindigd',
  };
}

// Waiting time --------------------------------------------------------------------------------

export interface AllocationDates {
  /** `YYYY-MM-DD`: the day the allocation was made. */
  readonly allocatedOn: string;
  /** `YYYY-MM-DD`: the day the help started (start message or recorded start); null if unknown. */
  readonly startedOn: string | null;
}

export interface WaitingTime {
  readonly days: number;
  readonly from: string;
  readonly to: string;
}

/**
 * Waiting time of the provider on the case: days from its first allocation with a known start
 * to that start. Help that started before the allocation was recorded (an allocation afterwards)
 * waited 0 days. Null when no start is known: waiting time is computed, never typed.
 */
export function waitingTime(allocations: readonly AllocationDates[]): WaitingTime | null {
  const known = allocations
    .filter((a): a is AllocationDates & { startedOn: string } => a.startedOn !== null)
    .filter((a) => parseIsoDate(a.allocatedOn) !== null && parseIsoDate(a.startedOn) !== null)
    .sort((a, b) => (a.allocatedOn < b.allocatedOn ? -1 : a.allocatedOn > b.allocatedOn ? 1 : 0));
  const first = known[0];
  if (!first) return null;
  const days =
    (parseIsoDate(first.startedOn) as number) - (parseIsoDate(first.allocatedOn) as number);
  return { days: Math.max(0, days), from: first.allocatedOn, to: first.startedOn };
}

// Access --------------------------------------------------------------------------------------

/**
 * Who scores a provider on a case: the casusregie side — the holder of casusregie, or a
 * casusregisseur or team lead of the responsible local team. Others who read the case get a
 * refusal with a reason (403), not the scores.
 */
export function mayScoreProvider(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  if (proposerSide(actor, facts) === 'casusregie') return read;
  return {
    allowed: false,
    reason: 'alleen de casusregisseur (of het verantwoordelijke team) beoordeelt de aanbieder',
  };
}
