/**
 * The vocabulary of the rules engine: case facts and events (input), region profile rules
 * (configuration, loaded from `src/regions/profiles/*.yaml`) and evaluation results (output).
 * Everything here is plain data so profiles, scenarios and the API can share it.
 */
import type { DayNumber } from '../time/index.js';

export const ROUTES = ['A', 'B', 'C'] as const;
export type Route = (typeof ROUTES)[number];

export const SEGMENTS = [
  'ambulant',
  'jhio',
  'forensisch',
  'crisis-residentieel',
  'crisis-ambulant',
  'verblijf',
  'dagbehandeling',
  'gezinsvormen-kort',
  'gezinsvormen-lang',
] as const;
export type Segment = (typeof SEGMENTS)[number];

export const MEASURES = ['ots', 'voogdij', 'jeugdreclassering'] as const;
export type Measure = (typeof MEASURES)[number];

export const LIFE_DOMAINS = [
  'kindgebonden',
  'opvoeding',
  'financien',
  'relatie',
  'wonen',
  'geestelijk-welzijn',
  'fysieke-gezondheid',
  'participatie',
  'onderwijs',
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

export const CO_SIGNALS = [
  'ggz-ouders',
  'zorgmijding',
  'kindsignalen',
  'zorgmeldingen',
  'huiselijk-geweld',
  'draaglast',
  'financien-huisvesting',
  'vastlopen-werk-school',
] as const;
export type CoSignal = (typeof CO_SIGNALS)[number];

export const SEVERITIES = ['licht', 'midden', 'zwaar'] as const;
export const DURATIONS = ['afgebakend', 'onzeker', 'onvoorspelbaar'] as const;
export const UNSAFETIES = ['geen', 'mogelijk', 'aanwezig'] as const;
export const MOTIVATIONS = ['goed', 'wisselend', 'laag'] as const;
export const SCHOOL_STATES = ['gaat', 'bedreigd', 'thuiszitter'] as const;
export const JHIO_NEEDS = ['geen', 'functioneren', 'volgen'] as const;

/** LEK's criteria for the weight of regie ("Beoordeling regievoering"). */
export interface RegieCriteria {
  readonly severity: (typeof SEVERITIES)[number];
  readonly stacking: boolean;
  readonly duration: (typeof DURATIONS)[number];
  readonly unsafety: (typeof UNSAFETIES)[number];
  readonly motivation: (typeof MOTIVATIONS)[number];
  readonly providers: number;
  readonly school: (typeof SCHOOL_STATES)[number];
  readonly jhio: (typeof JHIO_NEEDS)[number];
}

/** The lightest answer to every regie criterion: what a case counts as before it is weighed. */
export const LIGHT_REGIE_CRITERIA: RegieCriteria = {
  severity: 'licht',
  stacking: false,
  duration: 'afgebakend',
  unsafety: 'geen',
  motivation: 'goed',
  providers: 1,
  school: 'gaat',
  jhio: 'geen',
};

export interface Child {
  readonly id: string;
  readonly birthDate: DayNumber;
}

/** What is known about a case, as the engine needs it. */
export interface CaseFacts {
  readonly route: Route;
  readonly segment: Segment;
  readonly measure: Measure | null;
  readonly ivh: boolean;
  readonly children: readonly Child[];
  readonly lifeDomains: readonly LifeDomain[];
  readonly resultAreas: number;
  readonly supportElements: readonly string[];
  readonly residence: boolean;
  readonly familySupportsHelp: boolean;
  readonly safetyAtStake: boolean;
  readonly professionalsInvolved: number;
  readonly parentsCoordinate: boolean;
  readonly longHistory: boolean;
  readonly regieCriteria: RegieCriteria;
  readonly coSignals: readonly CoSignal[];
  readonly product: { readonly freelyAccessible: boolean };
}

export const EVENT_TYPES = [
  'aanmelding',
  'eerste-contact',
  'intake',
  'plan-vastgesteld',
  'hulpverleningsplan',
  'start-hulp',
  'toekomstplan',
  'rechterlijke-opdracht',
  'gezinsplan',
  'evaluatie',
  'verslag-verspreid',
  'contact',
  'toewijzing-ontvangen',
  'bezwaar-arrangement',
  'opschorting',
  'hervatting',
  'maatregel-einde',
  'rvdk-toetsing',
  'escalatie-proces',
  'escalatie-gesprek',
  'doorbraakteam-overleg',
  'escalatie-afspraken',
  'crisis-start',
  'crisis-einde',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Rule events only their own flow writes (the crisis team taking and handing back regie). */
export const FLOW_EVENT_TYPES: readonly EventType[] = ['crisis-start', 'crisis-einde'];

export const EVALUATION_KINDS = ['tussen', 'eind', 'gezinsplan'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/** A case event, normalised: `at` is an instant (ms), `day` its Europe/Amsterdam date. */
export interface CaseEvent {
  readonly type: EventType;
  readonly at: number;
  readonly day: DayNumber;
  /** The child the event is about (toekomstplan). */
  readonly child?: string;
  /** Kind of evaluation (evaluatie). */
  readonly kind?: EvaluationKind;
  /** A date the event carries (maatregel-einde: the planned end of the measure). */
  readonly date?: DayNumber;
}

// ---------------------------------------------------------------------------------------
// Profile rules
// ---------------------------------------------------------------------------------------

/** A duration as written in a profile: `14d`, `5wd`, `6w`, `3m`, `4h`, `16y6m`. */
export type DurationUnit = 'd' | 'wd' | 'w' | 'm' | 'h';
export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** When a rule applies; every listed condition must hold. */
export interface Condition {
  readonly segment?: readonly Segment[];
  readonly notSegment?: readonly Segment[];
  readonly route?: readonly Route[];
  /** Measures; `geen` stands for "no measure". */
  readonly measure?: readonly (Measure | 'geen')[];
  readonly ivh?: boolean;
  /** The outcome of another (decision) rule must be one of these. */
  readonly decision?: { readonly rule: string; readonly outcome: readonly string[] };
}

/** Matches case events: a type, optionally narrowed to evaluation kinds. */
export interface EventMatcher {
  readonly type: EventType;
  readonly kind?: readonly EvaluationKind[];
}

interface RuleBase {
  readonly id: string;
  readonly title: string;
  /** Section title in the region's source document. */
  readonly source: string;
  /** Source document key (RIJ, LEK, …); filled in from the profile that defines the rule. */
  readonly sourceKey: string;
  /** Dutch explanation for professionals and policy staff. */
  readonly explanation: string;
  /** Where the source left a choice open: what we chose and why. */
  readonly choice?: string;
  /** First and last day the rule is in force (the agreement's validity). */
  readonly validFrom?: DayNumber;
  readonly validUntil?: DayNumber;
  readonly when?: Condition;
  /** Set when a municipality profile changed this rule. */
  readonly override?: OverrideRecord;
}

export interface OverrideRecord {
  readonly profile: string;
  readonly by: string;
  /** Date of the decision, `YYYY-MM-DD`. */
  readonly at: string;
  readonly reason: string;
  readonly changed: readonly string[];
}

/** "From X until Y within N": a clock starts at X and stops at Y. */
export interface DeadlineRule extends RuleBase {
  readonly kind: 'deadline';
  readonly value: Duration;
  readonly from: readonly EventMatcher[];
  readonly until: readonly EventMatcher[];
  /** `first`: one clock from the first X; `each`: a clock per X. */
  readonly per: 'first' | 'each';
  /** What missing the deadline means beyond "late" (e.g. the entitlement lapses). */
  readonly effect?: string;
}

/** A deadline at an age: birth date + years and months, per child. */
export interface AgeRule extends RuleBase {
  readonly kind: 'age';
  readonly years: number;
  readonly months: number;
  readonly until: readonly EventMatcher[];
}

/** "N before X": due = the date an event carries minus N. */
export interface BeforeRule extends RuleBase {
  readonly kind: 'before';
  readonly value: Duration;
  /** The event whose `date` is X; the latest one counts. */
  readonly reference: EventType;
  readonly until: readonly EventMatcher[];
}

/** "Every N": one entry per interval from the anchor, restarting at each occurrence. */
export interface CadenceRule extends RuleBase {
  readonly kind: 'cadence';
  readonly every: Duration;
  readonly anchor: readonly EventMatcher[];
  readonly occurrence: readonly EventMatcher[];
  /**
   * Where the cadence stops (the end of a crisis); a later anchor starts it again. An interval
   * that was still running when it stopped is no longer owed.
   */
  readonly until?: readonly EventMatcher[];
  /** Purpose of the 1st, 2nd, … occurrence (ZTM: 3, 6 and 9 months). */
  readonly purposes?: readonly string[];
}

/** A minimum number of events of each kind once a trajectory has started. */
export interface RequirementRule extends RuleBase {
  readonly kind: 'requirement';
  readonly after: EventType;
  readonly minimum: readonly { readonly event: EventMatcher; readonly count: number }[];
}

export interface DecisionRule extends RuleBase {
  readonly kind: 'decision';
  readonly logic: DecisionLogic;
}

export type DecisionLogic =
  | { readonly type: 'meervoudig'; readonly singleElementException: string }
  | { readonly type: 'complex'; readonly measures: readonly Measure[] }
  | {
      readonly type: 'casusregie-matrix';
      readonly meervoudigRule: string;
      readonly complexRule: string;
      readonly matrix: {
        readonly enkelvoudig: { readonly complex: string; readonly nietComplex: string };
        readonly meervoudig: { readonly complex: string; readonly nietComplex: string };
      };
      readonly outsideWhenIvh: boolean;
      readonly outsideWhenMeasure: boolean;
      readonly outsideOutcome: string;
    }
  | {
      readonly type: 'regie-weight';
      readonly alwaysHeavySegments: readonly Segment[];
      readonly levels: readonly string[];
      readonly table: readonly WeightRow[];
    }
  | { readonly type: 'coordinator'; readonly minProfessionals: number }
  | {
      readonly type: 'medical-route';
      readonly route: Route;
      readonly minLifeDomains: number;
      readonly minProfessionals: number;
    }
  | {
      readonly type: 'age-bands';
      readonly bands: readonly { readonly below?: number; readonly outcome: string }[];
    }
  | { readonly type: 'any-signal'; readonly signals: readonly CoSignal[] }
  | {
      readonly type: 'expert-gate';
      readonly segments: readonly Segment[];
      readonly whenIvh: boolean;
    };

/**
 * One row of the weight table: when a criterion has a value (and the case is in one of the
 * segments, if given), the weight is at least `level`. A row without criterion matches on
 * segment alone.
 */
export interface WeightRow {
  readonly criterion?: keyof RegieCriteria;
  /** Matches a value (string/boolean) or, for counts, a minimum. */
  readonly equals?: string | boolean;
  readonly atLeast?: number;
  readonly level: string;
  readonly segment?: readonly Segment[];
}

/** A fixed norm (caseload), shown and reported, not a deadline. */
export interface NormRule extends RuleBase {
  readonly kind: 'norm';
  readonly values: Readonly<Record<string, number>>;
}

/** A required procedure (ordered steps) the product shows and checks off. */
export interface ProcedureRule extends RuleBase {
  readonly kind: 'procedure';
  readonly steps: readonly string[];
  readonly criteria?: readonly { readonly code: string; readonly text: string }[];
}

/**
 * What a level of an escalation must leave in the record before it counts as done:
 * `feiten` the facts and the steps already taken; `overzicht` the anonymised, substantiated
 * overview for the contract manager (which makes the escalation visible to them); `acties`
 * agreed actions (who does what); `terugkoppeldatum` the date of the feedback.
 */
export const ESCALATION_ARTEFACTS = ['feiten', 'overzicht', 'acties', 'terugkoppeldatum'] as const;
export type EscalationArtefact = (typeof ESCALATION_ARTEFACTS)[number];

export interface EscalationStep {
  readonly actor: string;
  readonly action: string;
  /** Time limit of the level, counted from the moment it became the current level. */
  readonly within?: Duration;
  /** The deadline rule of the profile that measures this limit on the timeline. */
  readonly deadlineRule?: string;
  /** Done by raising the escalation (the report that starts it). */
  readonly opening?: boolean;
  /** Done by closing the escalation with the outcome (commitment and new agreements). */
  readonly closing?: boolean;
  /** Not a level but a duty during the whole escalation (RIJ step 7). */
  readonly continuous?: boolean;
  /** The timeline event recorded when the step is done, so deadline rules can follow it. */
  readonly event?: EventType;
  readonly artefacts?: readonly EscalationArtefact[];
  /** Only staff with one of these roles record this step (the manager level). */
  readonly roles?: readonly string[];
}

/** An escalation ladder: levels in order, each with who acts and an optional time limit. */
export interface EscalationRule extends RuleBase {
  readonly kind: 'escalation';
  readonly escalationType: 'proces' | 'inhoud' | 'beide';
  readonly steps: readonly EscalationStep[];
  readonly criteria?: readonly { readonly code: string; readonly text: string }[];
}

/** A self-assessment checklist: themes with numbered items (texts come later). */
export interface ChecklistRule extends RuleBase {
  readonly kind: 'checklist';
  readonly scale: readonly string[];
  readonly themes: readonly {
    readonly number: number;
    readonly key: string;
    readonly title: string;
    readonly items: number;
  }[];
}

export type Rule =
  | DeadlineRule
  | AgeRule
  | BeforeRule
  | CadenceRule
  | RequirementRule
  | DecisionRule
  | NormRule
  | ProcedureRule
  | EscalationRule
  | ChecklistRule;

export interface Vocabulary {
  readonly localTeam: string;
  readonly procesregieRole: string;
  readonly casusregieRole: string;
  readonly expertFunction: string;
  readonly planNames: readonly string[];
}

/** A region profile after `extends` and overrides are resolved. */
export interface Profile {
  readonly id: string;
  readonly name: string;
  /** Profiles this one is built on, nearest first. */
  readonly lineage: readonly string[];
  readonly sourceKey: string;
  readonly sourceTitle: string;
  readonly vocabulary: Vocabulary;
  readonly rules: readonly Rule[];
}

// ---------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------

export const DEADLINE_STATUSES = ['met', 'met-late', 'overdue', 'open'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export interface DeadlineResult {
  readonly rule: string;
  readonly child: string | null;
  /** Local date `YYYY-MM-DD`, or an ISO instant with offset for hour-based deadlines. */
  readonly start: string;
  readonly due: string;
  readonly status: DeadlineStatus;
  readonly metAt: string | null;
  readonly source: string;
  /** Cadences: 1 for the first interval, 2 for the next, … */
  readonly sequence?: number;
  /** Cadences: what this occurrence is for (ZTM's 3/6/9-month evaluations). */
  readonly purpose?: string;
  /** What a miss means beyond lateness (RIJ-TERM-SUSPEND: the entitlement lapses). */
  readonly effect?: string;
  readonly override?: OverrideRecord;
}

export interface DecisionResult {
  readonly rule: string;
  readonly child?: string;
  readonly outcome: string;
  readonly reasons: readonly string[];
  readonly source: string;
}

export interface RequirementResult {
  readonly rule: string;
  readonly outcome: 'voldaan' | 'nog-niet-voldaan';
  readonly reasons: readonly string[];
  readonly source: string;
}

export interface EvaluationResult {
  readonly region: string;
  readonly deadlines: readonly DeadlineResult[];
  readonly decisions: readonly DecisionResult[];
  readonly requirements: readonly RequirementResult[];
}
