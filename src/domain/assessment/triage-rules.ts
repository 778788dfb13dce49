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

export const TRIAGE_RULES: Readonly<Record<TriageField, string>> = {
  domein: 'RIJ-DEC-MEERVOUDIG',
  complexiteit: 'RIJ-DEC-COMPLEX',
  casusregie: 'RIJ-DEC-CASUSREGIE-LOCATION',
  gewicht: 'LEK-DEC-REGIE-WEIGHT',
};

/**
 * The case's profile with the triage rules it lacks borrowed from the profiles that define
 * them, so the engine can evaluate the triage for any region.
 */
export function triageProfile(own: Profile, all: readonly Profile[]): Profile {
  const have = new Set(own.rules.map((r) => r.id));
  const borrowed: Rule[] = [];
  for (const id of Object.values(TRIAGE_RULES)) {
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
