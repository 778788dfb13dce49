/**
 * Walking an escalation ladder from a region profile (DOMAIN.md section 9; REGIONS.md
 * "Escalation ladders"): which level is current, who must act, the level's deadline, what a
 * level must leave in the record, and what closing needs. Pure: the store feeds it the ladder
 * rule and the levels recorded so far.
 *
 * Choices where the sources are silent (ADR 0010):
 * - Informing the young person and weighing bridging care is a duty of every ladder (RIJ step 7
 *   names it; DOMAIN.md section 9 makes it general). An escalation cannot be closed before both
 *   are recorded.
 * - An escalation can be closed at any level once there is an outcome: commitment and new
 *   agreements. A ladder's closing level (ZOU) is done by that close.
 */
import type { EscalationArtefact, EscalationRule, EscalationStep } from '../rules/types.js';
import { addDuration } from '../rules/durations.js';
import { formatIsoDate, localDay, parseIsoDate, type DayNumber } from '../time/index.js';

export const ESCALATION_TYPES = ['proces', 'inhoud'] as const;
export type EscalationType = (typeof ESCALATION_TYPES)[number];

/** What the escalation is about. `toewijzing`: the provider disagrees with an allocation. */
export const ESCALATION_SUBJECTS = [
  'toewijzing',
  'casusregisseur-nodig',
  'voortgang',
  'anders',
] as const;
export type EscalationSubject = (typeof ESCALATION_SUBJECTS)[number];

export interface Level {
  /** 1-based number among the levels (duties that run throughout are not levels). */
  readonly number: number;
  /** Position in the profile's list of steps (1-based), as the source numbers them. */
  readonly stepNumber: number;
  readonly step: EscalationStep;
}

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** The levels of a ladder in order. */
export function levels(rule: EscalationRule): Level[] {
  const result: Level[] = [];
  rule.steps.forEach((step, i) => {
    if (!step.continuous) result.push({ number: result.length + 1, stepNumber: i + 1, step });
  });
  return result;
}

/** The duties that run during the whole escalation (RIJ step 7). */
export function duties(rule: EscalationRule): EscalationStep[] {
  return rule.steps.filter((s) => s.continuous === true);
}

/** Ladders of a profile that fit an escalation type (a `beide` ladder fits both). */
export function laddersFor(
  rules: readonly EscalationRule[],
  type: EscalationType,
): EscalationRule[] {
  return rules.filter((r) => r.escalationType === 'beide' || r.escalationType === type);
}

export interface RecordedLevel {
  readonly level: number;
  /** Instant (ms) it was recorded. */
  readonly at: number;
}

export interface EscalationProgress {
  readonly openedAt: number;
  readonly recorded: readonly RecordedLevel[];
  readonly closedAt: number | null;
}

export type DeadlineStatus = 'open' | 'overdue' | 'met' | 'met-late';

export interface LevelView {
  readonly level: Level;
  readonly state: 'klaar' | 'huidig' | 'later';
  /** When the level became current (ms), for done and current levels. */
  readonly startedAt: number | null;
  readonly doneAt: number | null;
  readonly deadline: {
    readonly due: string;
    readonly status: DeadlineStatus;
    /** The rule that sets the limit: the level's deadline rule, or the ladder itself. */
    readonly ruleId: string;
  } | null;
}

/**
 * Every level with its state and deadline. A level starts when the one before it is done (the
 * first when the escalation is opened); its limit runs from that day. Levels are done in order.
 * Closing ends the walk: the level that was current then counts as done at the close when it is
 * the ladder's closing level, and its clock stops at the close either way.
 */
export function ladderView(
  rule: EscalationRule,
  progress: EscalationProgress,
  now: number,
): LevelView[] {
  const done = new Map(progress.recorded.map((r) => [r.level, r.at]));
  let startedAt: number | null = progress.openedAt;
  return levels(rule).map((level) => {
    let doneAt = done.get(level.number) ?? null;
    let state: LevelView['state'] = 'klaar';
    let stoppedAt = doneAt;
    if (doneAt === null) {
      if (startedAt === null) state = 'later';
      else if (progress.closedAt !== null) {
        stoppedAt = progress.closedAt;
        if (level.step.closing) doneAt = progress.closedAt;
        state = level.step.closing ? 'klaar' : 'later';
      } else state = 'huidig';
    }
    const deadline =
      level.step.within && startedAt !== null && state !== 'later'
        ? levelDeadline(level.step, rule.id, startedAt, stoppedAt, now)
        : null;
    const view: LevelView = { level, state, startedAt, doneAt, deadline };
    startedAt = done.get(level.number) ?? null;
    return view;
  });
}

function levelDeadline(
  step: EscalationStep,
  ladderId: string,
  startedAt: number,
  doneAt: number | null,
  now: number,
): LevelView['deadline'] {
  const due = addDuration(localDay(startedAt), step.within ?? { amount: 0, unit: 'd' });
  const status: DeadlineStatus =
    doneAt !== null
      ? localDay(doneAt) <= due
        ? 'met'
        : 'met-late'
      : localDay(now) > due
        ? 'overdue'
        : 'open';
  return { due: formatIsoDate(due), status, ruleId: step.deadlineRule ?? ladderId };
}

/** The level that must act now, or null when the escalation is closed or every level is done. */
export function currentLevel(rule: EscalationRule, progress: EscalationProgress): Level | null {
  if (progress.closedAt !== null) return null;
  const done = new Set(progress.recorded.map((r) => r.level));
  return levels(rule).find((l) => !done.has(l.number)) ?? null;
}

// ---------------------------------------------------------------------------------------
// Opening
// ---------------------------------------------------------------------------------------

export interface OpeningInput {
  readonly type: EscalationType;
  readonly subject: EscalationSubject;
  /** The allocation the provider disagrees with (subject `toewijzing`). */
  readonly allocationId: string | null;
  readonly description: string;
  /** Answers to the ladder's criteria (ZOU breakthrough team a-j), by code. */
  readonly criteria: Readonly<Record<string, boolean>>;
}

/** Whether the opening is complete for this ladder; names each field that is not. */
export function openingProblems(rule: EscalationRule, input: OpeningInput): Problem[] {
  const problems: Problem[] = [];
  if (rule.escalationType !== 'beide' && rule.escalationType !== input.type)
    problems.push({
      path: 'soort',
      message: `${rule.id} is een ladder voor ${rule.escalationType === 'proces' ? 'procesescalatie' : 'inhoudelijke escalatie'}`,
    });
  if (input.description.trim().length < 20)
    problems.push({
      path: 'omschrijving',
      message: 'beschrijf in minstens een zin waar het meningsverschil of de zorg over gaat',
    });
  if (input.subject === 'toewijzing' && input.allocationId === null)
    problems.push({ path: 'toewijzingId', message: 'kies de toewijzing waar het om gaat' });
  if (rule.criteria) {
    for (const criterion of rule.criteria)
      if (input.criteria[criterion.code] === undefined)
        problems.push({
          path: `criteria.${criterion.code}`,
          message: `beantwoord criterium (${criterion.code}) met ja of nee`,
        });
    const unknown = Object.keys(input.criteria).filter(
      (code) => !rule.criteria?.some((c) => c.code === code),
    );
    for (const code of unknown)
      problems.push({
        path: `criteria.${code}`,
        message: `${rule.id} kent geen criterium (${code})`,
      });
    if (
      problems.every((p) => !p.path.startsWith('criteria.')) &&
      !rule.criteria.some((c) => input.criteria[c.code] === true)
    )
      problems.push({
        path: 'criteria',
        message: `geen van de criteria van ${rule.id} is van toepassing; deze ladder is dan niet de weg`,
      });
  } else if (Object.keys(input.criteria).length > 0) {
    problems.push({ path: 'criteria', message: `${rule.id} heeft geen criteria` });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// Recording a level
// ---------------------------------------------------------------------------------------

export interface AgreedAction {
  readonly who: string;
  readonly what: string;
}

export interface OverviewPositions {
  /** The local team's (referrer's) position. */
  readonly localTeam: string;
  /** The provider's position. */
  readonly provider: string;
  /** What the contract manager is asked to decide or do. */
  readonly requestedDecision: string;
}

export interface LevelInput {
  /** What was done at this level. */
  readonly note: string;
  readonly facts: string | null;
  readonly actions: readonly AgreedAction[];
  /** `YYYY-MM-DD`. */
  readonly feedbackDate: string | null;
  readonly overview: OverviewPositions | null;
}

/**
 * Whether the input completes the level: a note always, plus every artefact the profile asks of
 * it (RIJ level 1 the facts; level 5 the overview, actions and a feedback date). `today` is the
 * Amsterdam date, for the feedback date that cannot lie in the past.
 */
export function levelProblems(level: Level, input: LevelInput, today: DayNumber): Problem[] {
  const problems: Problem[] = [];
  if (input.note.trim().length < 10)
    problems.push({ path: 'notitie', message: 'schrijf op wat er op dit niveau is gedaan' });
  const wants = (a: EscalationArtefact) => level.step.artefacts?.includes(a) ?? false;
  if (wants('feiten') && (input.facts ?? '').trim().length < 20)
    problems.push({
      path: 'feiten',
      message: 'leg de feiten en de al gezette stappen vast (minstens een zin)',
    });
  if (wants('acties')) {
    if (input.actions.length === 0)
      problems.push({ path: 'acties', message: 'leg minstens één afgesproken actie vast' });
    input.actions.forEach((a, i) => {
      if (a.who.trim() === '')
        problems.push({ path: `acties.${i}.wie`, message: 'wie voert deze actie uit?' });
      if (a.what.trim() === '')
        problems.push({ path: `acties.${i}.wat`, message: 'wat is de actie?' });
    });
  }
  if (wants('terugkoppeldatum')) {
    const day = input.feedbackDate === null ? null : parseIsoDate(input.feedbackDate);
    if (day === null)
      problems.push({ path: 'terugkoppeldatum', message: 'kies de datum van de terugkoppeling' });
    else if (day < today)
      problems.push({
        path: 'terugkoppeldatum',
        message: 'de terugkoppeldatum ligt in het verleden',
      });
  }
  if (wants('overzicht')) {
    const o = input.overview;
    const fields: [keyof OverviewPositions, string, string][] = [
      ['localTeam', 'standpuntLokaalTeam', 'het standpunt van het lokale team'],
      ['provider', 'standpuntAanbieder', 'het standpunt van de aanbieder'],
      ['requestedDecision', 'gevraagdBesluit', 'wat de contractmanager wordt gevraagd'],
    ];
    for (const [key, field, what] of fields)
      if (!o || o[key].trim().length < 10)
        problems.push({ path: `overzicht.${field}`, message: `beschrijf ${what}` });
  }
  return problems;
}

/** Whether the actor's roles allow recording this level (RIJ level 5: the team's manager). */
export function mayRecordLevel(level: Level, roles: readonly string[]): boolean {
  return !level.step.roles || level.step.roles.some((r) => roles.includes(r));
}

// ---------------------------------------------------------------------------------------
// Duties and closing
// ---------------------------------------------------------------------------------------

export interface Duties {
  /** When the young person was told about the escalation, and how. */
  readonly youngPersonInformedOn: string | null;
  readonly youngPersonInformedHow: string | null;
  /** Whether bridging care is needed; null while nobody has weighed it. */
  readonly bridgingCareNeeded: boolean | null;
  readonly bridgingCareNote: string | null;
}

export function dutyProblems(duties: Duties, today: DayNumber): Problem[] {
  const problems: Problem[] = [];
  if (duties.youngPersonInformedOn !== null) {
    const day = parseIsoDate(duties.youngPersonInformedOn);
    if (day === null)
      problems.push({ path: 'jeugdigeGeinformeerdOp', message: 'geen geldige datum' });
    else if (day > today)
      problems.push({ path: 'jeugdigeGeinformeerdOp', message: 'ligt in de toekomst' });
    if ((duties.youngPersonInformedHow ?? '').trim() === '')
      problems.push({
        path: 'jeugdigeGeinformeerdHoe',
        message: 'hoe is de jeugdige geïnformeerd (gesprek, telefoon, brief)?',
      });
  }
  if (duties.bridgingCareNeeded === true && (duties.bridgingCareNote ?? '').trim().length < 10)
    problems.push({
      path: 'overbruggingszorgToelichting',
      message: 'beschrijf welke overbruggingszorg wordt ingezet',
    });
  return problems;
}

export interface ClosingInput {
  readonly commitment: string;
  readonly agreements: readonly AgreedAction[];
}

/** What closing needs: the outcome, and both duties recorded (ADR 0010). */
export function closingProblems(input: ClosingInput, duties: Duties): Problem[] {
  const problems: Problem[] = [];
  if (input.commitment.trim().length < 10)
    problems.push({
      path: 'uitkomst',
      message: 'beschrijf de uitkomst: waar hebben de partijen zich aan verbonden?',
    });
  if (input.agreements.length === 0)
    problems.push({ path: 'afspraken', message: 'leg minstens één nieuwe afspraak vast' });
  input.agreements.forEach((a, i) => {
    if (a.who.trim() === '')
      problems.push({ path: `afspraken.${i}.wie`, message: 'wie doet dit?' });
    if (a.what.trim() === '')
      problems.push({ path: `afspraken.${i}.wat`, message: 'wat is afgesproken?' });
  });
  if (duties.youngPersonInformedOn === null)
    problems.push({
      path: 'jeugdigeGeinformeerdOp',
      message: 'leg eerst vast wanneer en hoe de jeugdige over de escalatie is geïnformeerd',
    });
  if (duties.bridgingCareNeeded === null)
    problems.push({
      path: 'overbruggingszorgNodig',
      message: 'leg eerst vast of overbruggingszorg nodig is',
    });
  return problems;
}
