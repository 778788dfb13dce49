/**
 * Plans (DOMAIN.md section 5): what each kind of plan contains, the SMART goals they share,
 * and the casusregie agreements a plan records explicitly (LEK "Vastleggen van afspraken
 * casusregie"). Plain data: the store keeps each version as written, the API validates its
 * shape, and this folder says what makes a plan complete and who must sign it.
 */
import { LIFE_DOMAINS, type LifeDomain } from '../rules/types.js';

export const PLAN_KINDS = [
  'ondersteuningsplan',
  'gezinsplan',
  'hulpverleningsplan',
  'toekomstplan',
  'veiligheidsplan',
  'familiegroepsplan',
] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** Result areas of a goal: the life domains of RIJ "Begrippen". */
export const RESULT_AREAS = LIFE_DOMAINS;
export type ResultArea = LifeDomain;

export const GOAL_OWNERS = ['gezin', 'netwerk', 'professional'] as const;
export type GoalOwnerKind = (typeof GOAL_OWNERS)[number];

export const GOAL_PROGRESS = ['niet-gestart', 'loopt', 'bereikt', 'niet-bereikt'] as const;
export type GoalProgress = (typeof GOAL_PROGRESS)[number];

/** A SMART goal: specific (area, what changes), measurable, owned, time-bound. */
export interface Goal {
  /** Stable across versions, so a diff can follow a goal. */
  readonly id: string;
  readonly resultArea: ResultArea | string;
  /** What should change (specific). */
  readonly description: string;
  /** How everyone can see the goal is reached (measurable). */
  readonly measurableTarget: string;
  readonly owner: { readonly kind: GoalOwnerKind | string; readonly name: string };
  /** `YYYY-MM-DD` (time-bound). */
  readonly targetDate: string;
  readonly progress: GoalProgress | string;
  /**
   * The household members this goal is about; absent or empty: the whole family (or the plan's
   * subject). The family portal shows a goal only to those it concerns (ADR 0026).
   */
  readonly aboutPersonIds?: readonly string[];
}

/** LEK "Vastleggen van afspraken casusregie": agreements a plan makes explicit. */
export interface CasusregieAgreements {
  /** How and by whom the help is aligned into one whole. */
  readonly alignment: string;
  /** How content and quality are monitored; when evaluations are, in what form, by whom. */
  readonly monitoring: string;
  /** How safety is watched and which safety agreements apply. */
  readonly safety: string;
  /** How and when the perspective / toekomstplan is worked on. */
  readonly perspective: string;
  /** What is needed around closure, step-down, extension or scale-up. */
  readonly transitions: string;
  /** What the family can do itself. */
  readonly familyOwn: string;
}

/** The future-oriented domains of a toekomstplan (RIJ "Toekomstplan"). */
export const FUTURE_DOMAINS = [
  'wonen',
  'zorg-andere-wetten',
  'mentorschap',
  'financien',
  'onderwijs-werk',
  'netwerk-relaties',
  'wensen-talenten',
  'praktisch-voor-18',
  'veiligheid',
] as const;
export type FutureDomain = (typeof FUTURE_DOMAINS)[number];

/** A bottom-line requirement of a safety plan, with who watches it. */
export interface SafetyRequirement {
  readonly requirement: string;
  readonly who: string;
}

/**
 * On route B the provider proposes the arrangement in its hulpverleningsplan (DOMAIN.md
 * sections 3 and 6): result areas, intensity (treden) and duration; the municipality decides.
 */
export interface ArrangementProposal {
  readonly resultAreas: readonly string[];
  readonly intensity: string;
  readonly duration: string;
  /** Why this arrangement fits the question. */
  readonly motivation: string;
}

/** Where the plan's case came in, for the parts that depend on the route. */
export interface PlanContext {
  readonly route: 'A' | 'B' | 'C';
}

/** What a plan may contain; which parts are required depends on the kind. */
export interface PlanContent {
  /** Outcomes of the analysis (ondersteuningsplan item 1; gezinsplan "analyse"). */
  readonly analysisOutcome?: string;
  /** Outcome of the safety / risk assessment. */
  readonly riskOutcome?: string;
  readonly goals?: readonly Goal[];
  /** Intensity (steps, treden) and expected duration: with the goals, the arrangement. */
  readonly intensity?: string;
  readonly expectedDuration?: string;
  /** One plan for home and school. */
  readonly schoolAlignment?: string;
  /** Cooperation agreements and division of roles, the family included. */
  readonly cooperation?: string;
  readonly casusregie?: Partial<CasusregieAgreements>;
  /** gezinsplan: concerns and strengths now, the reason for the measure, the client's view. */
  readonly currentSituation?: string;
  readonly measureReason?: string;
  readonly clientView?: string;
  /** hulpverleningsplan: how the provider fills in the help. */
  readonly helpType?: string;
  readonly frequency?: string;
  readonly perspective?: string;
  /** toekomstplan: per domain what is arranged or still to do. */
  readonly futureDomains?: Partial<Record<FutureDomain, string>>;
  /** veiligheidsplan. */
  readonly safetyAgreements?: string;
  readonly bottomLines?: readonly SafetyRequirement[];
  /** familiegroepsplan: the professional help the family thinks it needs. */
  readonly helpWanted?: string;
  /** familiegroepsplan: who wrote it, the parents with their network (Jeugdwet article 1.1). */
  readonly authors?: string;
  /** hulpverleningsplan: the arrangement the provider proposes (route B). */
  readonly arrangementProposal?: ArrangementProposal;
  /** familiegroepsplan: the family's network and how each person supports (ADR 0026). */
  readonly network?: readonly NetworkMember[];
  /** familiegroepsplan: who does what, by when (ADR 0026). */
  readonly familyAgreements?: readonly FamilyAgreement[];
}

/** A person of the family's network: not a household member, so only a name and their part. */
export interface NetworkMember {
  readonly name: string;
  /** How this person supports the family. */
  readonly support: string;
}

/** An agreement in a familiegroepsplan; the id is stable across versions, like a goal's. */
export interface FamilyAgreement {
  readonly id: string;
  readonly who: string;
  readonly what: string;
  /** `YYYY-MM-DD`: by when. */
  readonly by: string;
}

export interface FieldProblem {
  /** Dotted path in the plan content, e.g. `goals.1.measurableTarget`. */
  readonly path: string;
  readonly message: string;
}
