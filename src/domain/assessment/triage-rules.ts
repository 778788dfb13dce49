/**
 * The triage of step 1 (DOMAIN.md sections 2 and 7): single or multi-domain, complex or not,
 * where casusregie lies, and how heavy the regie is. RIJ wrote the first three down
 * (RIJ-DEC-MEERVOUDIG, RIJ-DEC-COMPLEX, RIJ-DEC-CASUSREGIE-LOCATION) and LEK the weight
 * (LEK-DEC-REGIE-WEIGHT); the other regions' documents do not define them but work the same
 * way. So a case's triage uses its own profile's rules where it has them and otherwise these
 * rules, each shown with its own ID and source (decision 0006).
 */
import type { DecisionResult, Profile, Rule } from '../rules/types.js';
import type { TriageField, TriageSuggestion } from '../plans/triage.js';
import { CHILD_CONTACT_RULE, CO_SIGNALS_RULE } from './child-contact.js';

export const TRIAGE_RULES: Readonly<Record<TriageField, string>> = {
  domein: 'RIJ-DEC-MEERVOUDIG',
  complexiteit: 'RIJ-DEC-COMPLEX',
  casusregie: 'RIJ-DEC-CASUSREGIE-LOCATION',
  gewicht: 'LEK-DEC-REGIE-WEIGHT',
};

/**
 * Rules of step 1 that every region applies (DOMAIN.md section 4): the triage, talking to the
 * child by age (ZTM-DEC-CHILD-CONTACT) and the signals that ask for a case consultation
 * (ZTM-DEC-CO-SIGNALS).
 */
export const CORE_STEP1_RULES: readonly string[] = [
  ...Object.values(TRIAGE_RULES),
  CHILD_CONTACT_RULE,
  CO_SIGNALS_RULE,
];

/**
 * The case's profile with the step-1 rules it lacks borrowed from the profiles that define
 * them, so the engine can evaluate them for any region.
 */
export function triageProfile(own: Profile, all: readonly Profile[]): Profile {
  const have = new Set(own.rules.map((r) => r.id));
  const borrowed: Rule[] = [];
  for (const id of CORE_STEP1_RULES) {
    if (have.has(id)) continue;
    const rule = all.flatMap((p) => p.rules).find((r) => r.id === id);
    if (rule) borrowed.push(rule);
  }
  return { ...own, rules: [...own.rules, ...borrowed] };
}

/** The triage suggestions among a case's decisions, one per field. */
export function triageSuggestions(decisions: readonly DecisionResult[]): TriageSuggestion[] {
  const out: TriageSuggestion[] = [];
  for (const [field, rule] of Object.entries(TRIAGE_RULES) as [TriageField, string][]) {
    const decision = decisions.find((d) => d.rule === rule);
    if (decision) out.push({ field, rule, outcome: decision.outcome, reasons: decision.reasons });
  }
  return out;
}
