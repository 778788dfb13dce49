/**
 * The provider's reports to the casusregisseur (DOMAIN.md section 4 step 2; RIJ "Voortgang"):
 * progress at the agreed evaluation moments and in between, and at once on a calamity or when
 * the young person is at acute risk.
 *
 * A progress report follows the fixed plan: per goal how it is going. Without a fixed plan yet,
 * the provider still reports, in general words. A calamity or acute-risk report says what
 * happened, when, and what was done straight away, so the casusregisseur can act on it.
 *
 * Pure: the store gathers the plan's goals and the case's dates.
 */
import { GOAL_PROGRESS, type GoalProgress } from '../plans/types.js';

/** What a provider reports: progress, a calamity, or acute risk to the young person. */
export const REPORT_KINDS = ['voortgang', 'calamiteit', 'acuut-risico'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Reports that alert the casusregisseur at once. */
export const URGENT_KINDS: readonly ReportKind[] = ['calamiteit', 'acuut-risico'];

/** When a progress report is written: at an agreed evaluation moment, or in between. */
export const PROGRESS_MOMENTS = ['evaluatiemoment', 'tussentijds'] as const;
export type ProgressMoment = (typeof PROGRESS_MOMENTS)[number];

/** Per goal of the plan: how far it is and what the provider sees. */
export interface GoalProgressNote {
  readonly goalId: string;
  readonly progress: GoalProgress;
  /** What the provider sees: what went well, what not, what comes next. */
  readonly note: string;
}

/** Progress at an agreed evaluation moment or in between. */
export interface ProgressReport {
  readonly kind: 'voortgang';
  readonly moment: ProgressMoment;
  readonly goals: readonly GoalProgressNote[];
  /** Anything beyond the goals; the whole report when there is no fixed plan yet. */
  readonly general: string;
}

/** A calamity or acute risk: reported at once. */
export interface IncidentReport {
  readonly kind: 'calamiteit' | 'acuut-risico';
  readonly whatHappened: string;
  /** The instant it happened or was noticed (ms). */
  readonly occurredAt: number;
  /** What the provider did straight away to make things safe. */
  readonly measures: string;
  /** What the provider asks of the casusregisseur, if anything. */
  readonly request: string;
}

/** Any report of the treating provider. */
export type ProviderReport = ProgressReport | IncidentReport;

/** What the store knows about the case when a report comes in. */
export interface ReportFacts {
  /** The goals of the fixed plan the report follows, in plan order; empty without one. */
  readonly planGoals: readonly { readonly id: string; readonly description: string }[];
  /** Instants (ms). */
  readonly registeredAt: number;
  readonly now: number;
}

/** Why a report cannot be stored, per field. */
export interface ReportProblem {
  /** Path in the API's (Dutch) field names, e.g. `doelen.1.toelichting`. */
  readonly path: string;
  readonly message: string;
}

/** Whether a report of this kind alerts the casusregisseur at once. */
export function isUrgent(kind: ReportKind): boolean {
  return URGENT_KINDS.includes(kind);
}

function progressProblems(report: ProgressReport, facts: ReportFacts): ReportProblem[] {
  const out: ReportProblem[] = [];
  if (facts.planGoals.length === 0) {
    if (report.goals.length > 0)
      out.push({
        path: 'doelen',
        message: 'er is nog geen vastgesteld plan met doelen; beschrijf de voortgang algemeen',
      });
    if (report.general.trim() === '')
      out.push({
        path: 'algemeen',
        message: 'beschrijf hoe de hulp verloopt (er is nog geen vastgesteld plan met doelen)',
      });
    return out;
  }
  const known = new Set(facts.planGoals.map((g) => g.id));
  report.goals.forEach((g, i) => {
    if (!known.has(g.goalId))
      out.push({ path: `doelen.${i}.doelId`, message: 'dit doel staat niet in het plan' });
    if (!(GOAL_PROGRESS as readonly string[]).includes(g.progress))
      out.push({ path: `doelen.${i}.voortgang`, message: 'kies de voortgang van het doel' });
    if (g.note.trim() === '')
      out.push({ path: `doelen.${i}.toelichting`, message: 'schrijf hoe het met dit doel gaat' });
  });
  const covered = new Set(report.goals.map((g) => g.goalId));
  for (const g of facts.planGoals)
    if (!covered.has(g.id))
      out.push({
        path: 'doelen',
        message: `het doel "${g.description}" ontbreekt; het verslag gaat over elk doel van het plan`,
      });
  if (covered.size !== report.goals.length)
    out.push({ path: 'doelen', message: 'een doel staat twee keer in het verslag' });
  return out;
}

function incidentProblems(report: IncidentReport, facts: ReportFacts): ReportProblem[] {
  const out: ReportProblem[] = [];
  if (report.whatHappened.trim() === '')
    out.push({ path: 'watGebeurde', message: 'beschrijf wat er is gebeurd' });
  if (report.occurredAt > facts.now)
    out.push({ path: 'gebeurdOp', message: 'dit tijdstip ligt in de toekomst' });
  else if (report.occurredAt < facts.registeredAt)
    out.push({ path: 'gebeurdOp', message: 'dit tijdstip ligt vóór de aanmelding van de casus' });
  if (report.measures.trim() === '')
    out.push({
      path: 'maatregelen',
      message: 'noem wat er direct is gedaan om het veilig te maken (of dat er niets nodig was)',
    });
  return out;
}

/** What stands in the way of storing this report; empty when it may be stored. */
export function reportProblems(report: ProviderReport, facts: ReportFacts): ReportProblem[] {
  return report.kind === 'voortgang'
    ? progressProblems(report, facts)
    : incidentProblems(report, facts);
}

/** Acknowledging a report: once. */
export function acknowledgementProblems(alreadyAcknowledged: boolean): ReportProblem[] {
  return alreadyAcknowledged
    ? [{ path: 'ontvangen', message: 'dit verslag is al als ontvangen gemarkeerd' }]
    : [];
}
