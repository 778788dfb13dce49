/**
 * The end of a court measure, route C (RIJ-DEC-MEASURE-END, RIJ "Stap 3 Beëindiging" and
 * "Voortzetting hulp na afloop jeugdbeschermingsmaatregel"): while the measure runs the GI holds
 * procesregie and casusregie; at its end the GI winds down. A closing teamtafel with the family
 * and the future casusregisseur, an afsluitrapportage by the jeugdbeschermer with SMART goals
 * (who of the family or the chain partners does what, by when), for an OTS the review of the
 * closure by the Raad voor de Kinderbescherming (RIJ-TERM-RVDK-OTS), and casusregie moved to the
 * local team or to the family itself.
 *
 * Choices where the sources leave room:
 * - Every region. Route C and its measures exist everywhere; only RIJ writes the steps down. The
 *   four conditions hold in every region, and screens say "geldt in elke regio" for other
 *   regions (as ADR 0011 did for the warm handover).
 * - The RvdK review counts only when it was recorded after the latest `maatregel-einde` (an
 *   extension replaces the planned end), in timeline order — the same reading as the engine's
 *   RIJ-TERM-RVDK-OTS deadline. Without any `maatregel-einde` there is no review to check
 *   against, so the condition is not met.
 * - Casusregie moves through the existing flows: to a local team professional by the warm
 *   handover (ZTM-DEC-WARM-HANDOVER), to the family by the role assignment. This module only
 *   checks where casusregie is now; it never moves it.
 * - Consent to share the afsluitrapportage with the local team is recorded (ja/nee) but does not
 *   block completion: the client decides, the jeugdbeschermer tries to get it.
 *
 * Pure: the store feeds it the record, the timeline and the current casusregie.
 */
import { parseIsoDate, type DayNumber } from '../time/index.js';

/** The procedure rule this flow follows and cites. */
export const MEASURE_END_RULE = 'RIJ-DEC-MEASURE-END';
/** The RvdK review of the closure of an OTS, 10 weeks before the planned end. */
export const RVDK_REVIEW_RULE = 'RIJ-TERM-RVDK-OTS';
/** The warm handover the local-team destination goes through. */
export const WARM_HANDOVER_RULE = 'ZTM-DEC-WARM-HANDOVER';

export const MEASURE_ENDING_STATES = ['open', 'afgerond'] as const;
export type MeasureEndingState = (typeof MEASURE_ENDING_STATES)[number];

/** Where casusregie goes when the measure ends. */
export const CASUSREGIE_DESTINATIONS = ['lokaal-team', 'gezin'] as const;
export type CasusregieDestination = (typeof CASUSREGIE_DESTINATIONS)[number];

export const CONSENT_ANSWERS = ['ja', 'nee'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

/** Who carries out a goal of the afsluitrapportage. */
export const GOAL_OWNERS = ['gezin', 'ketenpartner'] as const;
export type GoalOwner = (typeof GOAL_OWNERS)[number];

/** The four conditions of completing, in the order the screen shows them. */
export const MEASURE_END_CONDITIONS = [
  'teamtafel',
  'afsluitrapportage',
  'rvdk-toetsing',
  'casusregie',
] as const;
export type MeasureEndCondition = (typeof MEASURE_END_CONDITIONS)[number];

export interface MeasureEndFieldProblem {
  readonly path: string;
  readonly message: string;
}

export interface TeamTableInput {
  /** `YYYY-MM-DD`. */
  readonly heldOn: string;
  /** Household members present, by person id. */
  readonly householdPresent: readonly string[];
  /** The future casusregisseur: a name and organisation, or "het gezin zelf". */
  readonly futureRegisseur: string;
  /** Other chain partners present (free text). */
  readonly partners: string | null;
  readonly agreements: string;
}

export interface SmartGoal {
  readonly goal: string;
  readonly ownerKind: GoalOwner;
  /** Who exactly: a family member or the partner organisation. */
  readonly owner: string;
  readonly action: string;
  /** `YYYY-MM-DD`. */
  readonly dueOn: string;
}

export interface MeasureReportInput {
  readonly pastPeriod: string;
  readonly goals: readonly SmartGoal[];
  readonly consent: ConsentAnswer;
}

const filled = (text: string | null | undefined, min = 1) => (text ?? '').trim().length >= min;

/**
 * The closing teamtafel: held on a real date that is not in the future, with at least one
 * member of the household (a parent, guardian or the young person), the future casusregisseur
 * and the agreements made.
 */
export function teamTableProblems(
  input: TeamTableInput,
  context: { readonly today: DayNumber; readonly householdPersonIds: readonly string[] },
): MeasureEndFieldProblem[] {
  const problems: MeasureEndFieldProblem[] = [];
  const day = parseIsoDate(input.heldOn);
  if (day === null)
    problems.push({ path: 'gehoudenOp', message: 'geen geldige datum (jjjj-mm-dd)' });
  else if (day > context.today)
    problems.push({ path: 'gehoudenOp', message: 'ligt in de toekomst' });
  if (input.householdPresent.length === 0)
    problems.push({
      path: 'gezinsleden',
      message: 'kies wie van het gezin erbij was: minstens een ouder, voogd of de jeugdige',
    });
  else if (input.householdPresent.some((id) => !context.householdPersonIds.includes(id)))
    problems.push({ path: 'gezinsleden', message: 'iemand die niet bij dit gezin hoort' });
  else if (new Set(input.householdPresent).size !== input.householdPresent.length)
    problems.push({ path: 'gezinsleden', message: 'een gezinslid staat er twee keer in' });
  if (!filled(input.futureRegisseur, 3))
    problems.push({
      path: 'toekomstigeRegisseur',
      message: 'noem de toekomstige casusregisseur (naam en organisatie) of "het gezin zelf"',
    });
  if (!filled(input.agreements, 10))
    problems.push({ path: 'afspraken', message: 'schrijf in een zin welke afspraken er zijn' });
  return problems;
}

/**
 * The afsluitrapportage: what was done in the past period, at least one SMART goal with who
 * (family or chain partner) does what by when, and the client's answer on sharing it.
 */
export function measureReportProblems(
  input: MeasureReportInput,
  today: DayNumber,
): MeasureEndFieldProblem[] {
  const problems: MeasureEndFieldProblem[] = [];
  if (!filled(input.pastPeriod, 10))
    problems.push({
      path: 'afgelopenPeriode',
      message: 'beschrijf in een zin wat er de afgelopen periode is gedaan',
    });
  if (input.goals.length === 0)
    problems.push({ path: 'doelen', message: 'geef minstens één SMART-doel' });
  input.goals.forEach((g, i) => {
    const at = `doelen.${i}`;
    if (!filled(g.goal, 5)) problems.push({ path: `${at}.doel`, message: 'beschrijf het doel' });
    if (!(GOAL_OWNERS as readonly string[]).includes(g.ownerKind))
      problems.push({ path: `${at}.wieSoort`, message: 'kies gezin of ketenpartner' });
    if (!filled(g.owner, 2))
      problems.push({ path: `${at}.wie`, message: 'noem wie het doet (gezinslid of organisatie)' });
    if (!filled(g.action, 5))
      problems.push({ path: `${at}.wat`, message: 'beschrijf wat er gedaan wordt' });
    const due = parseIsoDate(g.dueOn);
    if (due === null)
      problems.push({ path: `${at}.wanneer`, message: 'geen geldige datum (jjjj-mm-dd)' });
    else if (due < today) problems.push({ path: `${at}.wanneer`, message: 'ligt in het verleden' });
  });
  if (!(CONSENT_ANSWERS as readonly string[]).includes(input.consent))
    problems.push({ path: 'toestemmingDelen', message: 'kies ja of nee' });
  return problems;
}

/** A timeline entry as this check needs it. */
export interface TimelineFact {
  readonly type: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** Who holds casusregie now: the holder kind, and the kind of the holding organisation. */
export interface CasusregieFact {
  readonly holder: 'gezin' | 'professional' | 'organisatie';
  readonly organisationKind: string | null;
}

export interface MeasureEndFacts {
  readonly region: string;
  readonly measure: 'ots' | 'voogdij' | 'jeugdreclassering' | null;
  readonly destination: CasusregieDestination;
  readonly teamTable: { readonly householdPresent: readonly string[] } | null;
  readonly report: {
    readonly goals: readonly Pick<SmartGoal, 'owner' | 'dueOn' | 'action'>[];
  } | null;
  /** The case's timeline in order (by time; equal times in recording order). */
  readonly events: readonly TimelineFact[];
  readonly casusregie: CasusregieFact | null;
}

export interface MeasureEndCheck {
  readonly condition: MeasureEndCondition;
  readonly ruleId: string;
  /** False when the condition does not apply to this case (the RvdK review outside an OTS). */
  readonly applies: boolean;
  readonly met: boolean;
  /** What is missing (when not met), or why it does not apply; Dutch. */
  readonly message: string | null;
  /** A rule of the RIJ region applied in another region. */
  readonly everywhere: boolean;
}

/** Whether an RvdK review was recorded after the latest `maatregel-einde` (timeline order). */
export function reviewAfterLatestEnd(events: readonly TimelineFact[]): boolean {
  const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  let latestEnd = -1;
  ordered.forEach(({ e }, i) => {
    if (e.type === 'maatregel-einde') latestEnd = i;
  });
  if (latestEnd < 0) return false;
  return ordered.slice(latestEnd + 1).some(({ e }) => e.type === 'rvdk-toetsing');
}

/** The four conditions of completing, each met or not, with its rule ID. */
export function measureEndChecklist(facts: MeasureEndFacts): MeasureEndCheck[] {
  const everywhere = facts.region !== 'RIJ';
  const check = (
    condition: MeasureEndCondition,
    ruleId: string,
    met: boolean,
    missing: string,
    applies = true,
  ): MeasureEndCheck => ({
    condition,
    ruleId,
    applies,
    met,
    message: met ? null : missing,
    everywhere,
  });
  const goalsComplete =
    facts.report !== null &&
    facts.report.goals.some((g) => filled(g.owner) && filled(g.action) && filled(g.dueOn));
  const ots = facts.measure === 'ots';
  const holder = facts.casusregie;
  const withFamily = holder?.holder === 'gezin';
  const withLocalTeam =
    holder?.holder === 'professional' && holder.organisationKind === 'lokaal-team';
  const moved = facts.destination === 'gezin' ? withFamily : withLocalTeam;
  return [
    check(
      'teamtafel',
      MEASURE_END_RULE,
      facts.teamTable !== null && facts.teamTable.householdPresent.length > 0,
      facts.teamTable === null
        ? 'er is geen afsluitende teamtafel vastgelegd'
        : 'bij de afsluitende teamtafel was niemand van het gezin',
    ),
    check(
      'afsluitrapportage',
      MEASURE_END_RULE,
      goalsComplete,
      facts.report === null
        ? 'er is geen afsluitrapportage vastgelegd'
        : 'de afsluitrapportage heeft geen SMART-doel met wie wat doet en wanneer',
    ),
    ots
      ? check(
          'rvdk-toetsing',
          RVDK_REVIEW_RULE,
          reviewAfterLatestEnd(facts.events),
          facts.events.some((e) => e.type === 'maatregel-einde')
            ? 'de Raad voor de Kinderbescherming heeft de afsluiting nog niet getoetst na de laatst geplande einddatum'
            : 'er is geen geplande einddatum van de OTS vastgelegd en dus ook geen toetsing door de Raad daarna',
        )
      : {
          condition: 'rvdk-toetsing',
          ruleId: RVDK_REVIEW_RULE,
          applies: false,
          met: true,
          message: 'alleen bij een ondertoezichtstelling',
          everywhere,
        },
    check(
      'casusregie',
      MEASURE_END_RULE,
      moved,
      facts.destination === 'gezin'
        ? 'de casusregie ligt nog niet bij het gezin zelf: wijs die toe via de regie op deze pagina'
        : `de casusregie ligt nog niet bij een casusregisseur van het lokale team: draag die warm over (${WARM_HANDOVER_RULE})`,
    ),
  ];
}

/** What stands in the way of completing: the conditions that apply and are not met. */
export function measureEndProblems(facts: MeasureEndFacts): MeasureEndCheck[] {
  return measureEndChecklist(facts).filter((c) => c.applies && !c.met);
}

/** One refusal text naming every missing condition with its rule ID. */
export function measureEndRefusal(problems: readonly MeasureEndCheck[]): string {
  const parts = problems.map(
    (p) => `${p.message} (${p.ruleId}${p.everywhere ? ', geldt in elke regio' : ''})`,
  );
  return `Het einde van de maatregel kan nog niet worden afgerond: ${parts.join('; ')}.`;
}
