/**
 * Triage: the rules engine suggests single/multi-domain, complex or not, where casusregie lies
 * and how heavy the regie is (each with rule ID and reasons); the professional confirms or
 * deviates. "Zo doen we het, tenzij": a deviation needs a written motivation. Weight can be
 * re-assessed at any time; each assessment is kept.
 */
import type { FieldProblem } from './types.js';

export const TRIAGE_FIELDS = {
  domein: ['enkelvoudig', 'meervoudig'],
  complexiteit: ['complex', 'niet-complex'],
  casusregie: ['gezin', 'buiten-gezin', 'ter-beoordeling'],
  gewicht: ['licht', 'midden', 'zwaar'],
} as const;
export type TriageField = keyof typeof TRIAGE_FIELDS;

export const TRIAGE_FIELD_LABELS: Record<TriageField, string> = {
  domein: 'enkelvoudig of meervoudig',
  complexiteit: 'complexiteit',
  casusregie: 'waar de casusregie ligt',
  gewicht: 'zwaarte van de regie',
};

export interface TriageSuggestion {
  readonly field: TriageField;
  readonly rule: string;
  readonly outcome: string;
  readonly reasons: readonly string[];
}

export interface Deviation {
  readonly field: TriageField;
  readonly rule: string;
  readonly suggested: string;
  readonly chosen: string;
}

/** The choices that differ from what the rules suggest. */
export function deviations(
  suggestions: readonly TriageSuggestion[],
  choices: Partial<Record<TriageField, string>>,
): Deviation[] {
  const out: Deviation[] = [];
  for (const s of suggestions) {
    const chosen = choices[s.field];
    // "ter-beoordeling" asks the professional to judge: any choice is a judgement, not a deviation.
    if (chosen !== undefined && chosen !== s.outcome && s.outcome !== 'ter-beoordeling')
      out.push({ field: s.field, rule: s.rule, suggested: s.outcome, chosen });
  }
  return out;
}

/** Problems with a triage decision; empty when it can be recorded. */
export function triageProblems(
  suggestions: readonly TriageSuggestion[],
  choices: Partial<Record<TriageField, string>>,
  motivation: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of Object.keys(TRIAGE_FIELDS) as TriageField[]) {
    const value = choices[field];
    if (value === undefined) {
      problems.push({ path: field, message: `kies ${TRIAGE_FIELD_LABELS[field]}` });
      continue;
    }
    if (!(TRIAGE_FIELDS[field] as readonly string[]).includes(value))
      problems.push({ path: field, message: `onbekende waarde "${value}"` });
  }
  if (choices.casusregie === 'ter-beoordeling')
    problems.push({
      path: 'casusregie',
      message: 'beoordeel waar de casusregie ligt: bij het gezin of buiten het gezin',
    });
  const off = deviations(suggestions, choices);
  if (off.length > 0 && motivation.trim().length < 10)
    problems.push({
      path: 'motivatie',
      message: `u wijkt af van ${off
        .map((d) => `${d.rule} (voorstel: ${d.suggested})`)
        .join(', ')}: leg uit waarom`,
    });
  return problems;
}
