/**
 * Evaluations and their minutes (DOMAIN.md section 4 step 2 and section 8; ZTM "Evalueren en
 * bijstellen"; LEK "Monitoring en afsluiten van hulp").
 *
 * An evaluation is a meeting with the family, its network and the professionals (and school
 * where it matters) about the plan's goals. Its agenda comes from the fixed plan: every goal,
 * plus the purpose of this evaluation moment where the region names one (ZTM-CAD-EVAL: after
 * 3, 6 and 9 months). The minutes record per goal the progress, what was decided and who does
 * what; they are distributed to the participants, within five working days in ZTM
 * (ZTM-TERM-MINUTES — the rules engine measures that from the `evaluatie` and
 * `verslag-verspreid` events these records produce).
 *
 * Pure: the store gathers the plan's goals and the case's dates.
 */
import { GOAL_PROGRESS, type GoalProgress } from '../plans/types.js';
import type { EvaluationKind } from '../rules/types.js';

export const PARTICIPANT_ROLES = [
  'jeugdige',
  'ouder',
  'netwerk',
  'professional',
  'school',
  'casusregisseur',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export interface Participant {
  readonly name: string;
  readonly role: ParticipantRole;
  /** Where the minutes go; empty when handed over in person. */
  readonly email: string | null;
}

export interface GoalMinutes {
  readonly goalId: string;
  readonly progress: GoalProgress;
  /** What the participants saw and said about this goal. */
  readonly notes: string;
  readonly decision: string;
  readonly actions: readonly { readonly who: string; readonly what: string }[];
}

export interface Minutes {
  readonly kind: EvaluationKind;
  /** The instant the meeting was held (ms). */
  readonly heldAt: number;
  readonly participants: readonly Participant[];
  readonly goals: readonly GoalMinutes[];
  /** Anything else agreed: safety, the role of the casusregisseur, the next evaluation. */
  readonly general: string;
}

export interface MinutesFacts {
  /** The goals of the case's fixed plan, in plan order. */
  readonly planGoals: readonly { readonly id: string; readonly description: string }[];
  /** Instants (ms). */
  readonly registeredAt: number;
  readonly now: number;
}

export interface MinutesProblem {
  readonly path: string;
  readonly message: string;
}

/** What stands in the way of storing these minutes; empty when they may be stored. */
export function minutesProblems(minutes: Minutes, facts: MinutesFacts): MinutesProblem[] {
  const out: MinutesProblem[] = [];
  if (minutes.heldAt > facts.now)
    out.push({
      path: 'gehoudenOp',
      message: 'een evaluatie kan niet in de toekomst gehouden zijn',
    });
  else if (minutes.heldAt < facts.registeredAt)
    out.push({ path: 'gehoudenOp', message: 'de evaluatie ligt vóór de aanmelding van de casus' });
  if (minutes.participants.length === 0)
    out.push({ path: 'deelnemers', message: 'noem wie er bij de evaluatie waren' });
  else if (!minutes.participants.some((p) => p.role === 'jeugdige' || p.role === 'ouder'))
    out.push({
      path: 'deelnemers',
      message: 'de jeugdige of een ouder hoort bij de evaluatie te zijn; noem wie er was',
    });
  minutes.participants.forEach((p, i) => {
    if (p.name.trim() === '') out.push({ path: `deelnemers.${i}.naam`, message: 'vul de naam in' });
  });
  if (facts.planGoals.length === 0)
    out.push({
      path: 'plan',
      message: 'er is geen vastgesteld plan met doelen om te evalueren; stel eerst het plan vast',
    });
  const known = new Set(facts.planGoals.map((g) => g.id));
  minutes.goals.forEach((g, i) => {
    if (!known.has(g.goalId))
      out.push({
        path: `doelen.${i}.doelId`,
        message: 'dit doel staat niet in het vastgestelde plan',
      });
    if (!(GOAL_PROGRESS as readonly string[]).includes(g.progress))
      out.push({ path: `doelen.${i}.voortgang`, message: 'kies de voortgang van het doel' });
    g.actions.forEach((a, j) => {
      if (a.who.trim() === '' || a.what.trim() === '')
        out.push({ path: `doelen.${i}.acties.${j}`, message: 'noem wie wat doet' });
    });
  });
  const discussed = new Set(minutes.goals.map((g) => g.goalId));
  facts.planGoals.forEach((g) => {
    if (!discussed.has(g.id))
      out.push({
        path: 'doelen',
        message: `het doel "${g.description}" is niet besproken; elk doel van het plan staat op de agenda`,
      });
  });
  if (discussed.size !== minutes.goals.length)
    out.push({ path: 'doelen', message: 'een doel staat twee keer in het verslag' });
  return out;
}

export interface AgendaItem {
  readonly goalId: string | null;
  readonly text: string;
}

/**
 * The agenda of an evaluation: the purpose of this moment where the region names one
 * (`purposes[n]` for the (n+1)-th evaluation, the last purpose for later ones), then every
 * goal of the fixed plan.
 */
export function agenda(
  goals: MinutesFacts['planGoals'],
  purposes: readonly string[],
  earlierEvaluations: number,
): AgendaItem[] {
  const purpose =
    purposes.length === 0
      ? null
      : (purposes[Math.min(earlierEvaluations, purposes.length - 1)] ?? null);
  return [
    ...(purpose ? [{ goalId: null, text: purpose }] : []),
    ...goals.map((g) => ({ goalId: g.id, text: g.description })),
  ];
}

/** When the minutes may be marked distributed: after the meeting, and not in the future. */
export function distributionProblems(
  heldAt: number,
  distributedAt: number,
  now: number,
  alreadyDistributed: boolean,
): MinutesProblem[] {
  if (alreadyDistributed) return [{ path: 'verspreidOp', message: 'het verslag is al verspreid' }];
  if (distributedAt > now)
    return [{ path: 'verspreidOp', message: 'verspreiden kan niet in de toekomst liggen' }];
  if (distributedAt < heldAt)
    return [
      { path: 'verspreidOp', message: 'het verslag kan niet vóór de evaluatie verspreid zijn' },
    ];
  return [];
}

/**
 * The plan's goals with the progress the evaluation established written in. Goals the
 * evaluation did not discuss, and discussed goals no longer in the plan, are left alone.
 */
export function goalsWithProgress<G extends { readonly id: string; readonly progress: string }>(
  goals: readonly G[],
  discussed: readonly GoalMinutes[],
): G[] {
  const progress = new Map(discussed.map((g) => [g.goalId, g.progress]));
  return goals.map((goal) => {
    const found = progress.get(goal.id);
    return found === undefined ? goal : { ...goal, progress: found };
  });
}
