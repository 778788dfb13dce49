/**
 * Safety in step 1 (DOMAIN.md section 4): acute danger at the immediate safety check calls for
 * the crisis team, and the contact is recorded; the meldcode huiselijk geweld en
 * kindermishandeling runs in five steps, and only the last one decides: help, report to
 * Veilig Thuis, or both. Messages are Dutch; paths are the API's body fields.
 */
export const MELDCODE_STEP_KEYS = [
  'signalen',
  'collegiale-consultatie',
  'gesprek',
  'wegen',
  'beslissen',
] as const;
export type MeldcodeStep = (typeof MELDCODE_STEP_KEYS)[number];

export const MELDCODE_DECISION_KEYS = ['hulp', 'melden', 'hulp-en-melden'] as const;
export type MeldcodeDecision = (typeof MELDCODE_DECISION_KEYS)[number];

export interface Problem {
  readonly path: string;
  readonly message: string;
}

export function safetyCheckProblems(outcome: string, crisisTeamRecorded: boolean): Problem[] {
  return outcome === 'acuut' && !crisisTeamRecorded
    ? [
        {
          path: 'crisisteam',
          message:
            'bij acuut gevaar: neem contact op met het crisisteam en leg vast wanneer en met wie',
        },
      ]
    : [];
}

export function meldcodeProblems(step: MeldcodeStep, decision: string | undefined): Problem[] {
  if (step === 'beslissen' && !decision)
    return [{ path: 'besluit', message: 'kies: hulp, melden bij Veilig Thuis, of allebei' }];
  if (step !== 'beslissen' && decision)
    return [{ path: 'besluit', message: 'alleen stap 5 (beslissen) heeft een besluit' }];
  return [];
}

/** Whether the decision reports to Veilig Thuis (an event on the case timeline). */
export function reportsToVeiligThuis(decision: string | undefined): boolean {
  return decision === 'melden' || decision === 'hulp-en-melden';
}
