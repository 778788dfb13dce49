/**
 * What the assessments of step 1 tell the rules engine. The needs analysis names the life
 * domains with a question and whether the family supports the help; the safety check and the
 * risk assessment say whether safety is at stake; the regie criteria feed the weight; the CO
 * signals ask for a case consultation. The latest record of each kind counts.
 */
import {
  CO_SIGNALS,
  DURATIONS,
  JHIO_NEEDS,
  LIFE_DOMAINS,
  MOTIVATIONS,
  SCHOOL_STATES,
  SEVERITIES,
  type CoSignal,
  type LifeDomain,
  type RegieCriteria,
} from '../rules/types.js';

export const SAFETY_CHECK_OUTCOMES = ['veilig', 'zorgen', 'acuut'] as const;
export const RISK_OUTCOMES = ['veilig', 'zorgen', 'onveilig'] as const;

export interface AssessmentFacts {
  readonly lifeDomains?: readonly LifeDomain[];
  readonly familySupportsHelp?: boolean;
  readonly coSignals?: readonly CoSignal[];
  readonly safetyCheck?: (typeof SAFETY_CHECK_OUTCOMES)[number];
  readonly risk?: (typeof RISK_OUTCOMES)[number];
  readonly regieCriteria?: Partial<RegieCriteria>;
}

const UNSAFETY: Record<(typeof RISK_OUTCOMES)[number], RegieCriteria['unsafety']> = {
  veilig: 'geen',
  zorgen: 'mogelijk',
  onveilig: 'aanwezig',
};

/** The engine facts (as stored on the case) that follow from the latest assessments. */
export function factsFromAssessments(a: AssessmentFacts): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  if (a.lifeDomains)
    facts['lifeDomains'] = a.lifeDomains.filter((d) =>
      (LIFE_DOMAINS as readonly string[]).includes(d),
    );
  if (a.familySupportsHelp !== undefined) facts['familySupportsHelp'] = a.familySupportsHelp;
  if (a.coSignals)
    facts['coSignals'] = a.coSignals.filter((s) => (CO_SIGNALS as readonly string[]).includes(s));
  const unsafeByCheck = a.safetyCheck === 'acuut';
  if (a.risk !== undefined || a.safetyCheck !== undefined)
    facts['safetyAtStake'] = unsafeByCheck || a.risk === 'onveilig';
  const criteria: { -readonly [K in keyof RegieCriteria]?: RegieCriteria[K] } = {
    ...(a.regieCriteria ?? {}),
  };
  if (a.risk !== undefined) criteria.unsafety = unsafeByCheck ? 'aanwezig' : UNSAFETY[a.risk];
  else if (unsafeByCheck) criteria.unsafety = 'aanwezig';
  if (Object.keys(criteria).length > 0) facts['regieCriteria'] = criteria;
  return facts;
}

/** The values each regie criterion may take (LEK "Beoordeling regievoering"). */
export const CRITERIA_VALUES = {
  severity: SEVERITIES,
  duration: DURATIONS,
  motivation: MOTIVATIONS,
  school: SCHOOL_STATES,
  jhio: JHIO_NEEDS,
} as const;
