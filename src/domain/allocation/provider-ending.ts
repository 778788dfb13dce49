/**
 * Ending by the provider (DOMAIN.md section 4 step 3; RIJ-DEC-PROVIDER-END): a provider ends the
 * help to a young person on its own initiative only for weighty reasons and with the consent of
 * the casusregisseur, after six steps. The steps and the criteria a-d come from the region
 * profile's procedure rule; this module knows what each step needs, whose turn it is, and which
 * answers to the criteria make an agreement impossible.
 *
 * The walk: `gestart` (step 1, the casusregisseur is told early, with a first reason) → talks with
 * the young person and the parents or guardian are recorded with their reports and agreements
 * (steps 2 and 3) → `gemeld` (step 4, the unavoidable-ending report, a copy to the contract
 * manager) → `ingestemd` or `geweigerd` (step 5) → `overgedragen` (step 6, only after an
 * agreement: the handover to what follows). Until step 6 is done the provider keeps its
 * behandelregie and its allocation: nothing in this walk ends them earlier.
 *
 * Choices where the sources are silent or leave room:
 * - Talks: the RIJ source asks for talks with the young person and the parents or guardian "in
 *   any case below 16". A talk with the young person is always needed; a talk with a parent or
 *   guardian is needed when the young person is under 16 on the day of the report, or when the
 *   age is not known. One talk may count for both when both took part.
 * - Criteria: each is answered yes or no with a motivation. The direction follows the source:
 *   (a) behaviour caused (partly) by the young person's condition weighs against ending; (b), (c)
 *   and (d) answered yes weigh in favour. Only (d) "no" makes an agreement impossible: ending
 *   without a follow-up would leave the young person without help, which step 6 forbids. The
 *   others are weighed, not blocking; the decision shows which answers weigh against it.
 * - A refusal needs a reason. After a refusal the provider continues; it may start again later.
 *
 * Pure: the store feeds it the profile rule, the recorded facts and today's date.
 */
import {
  caseAccess,
  type AccessDecision,
  type Actor,
  type CaseAccessFacts,
} from '../access/case-access.js';
import type { ProcedureRule, Rule } from '../rules/types.js';
import { parseIsoDate, type DayNumber } from '../time/index.js';

/** Where a procedure stands. Open states keep the provider fully responsible. */
export const ENDING_STATES = [
  'gestart',
  'gemeld',
  'ingestemd',
  'geweigerd',
  'overgedragen',
] as const;
export type EndingState = (typeof ENDING_STATES)[number];

/** States in which the procedure still runs (one per allocation at a time). */
export const OPEN_ENDING_STATES: readonly EndingState[] = ['gestart', 'gemeld', 'ingestemd'];

export const ENDING_DECISIONS = ['instemmen', 'weigeren'] as const;
export type EndingDecision = (typeof ENDING_DECISIONS)[number];

/** Who acts at a step. */
export type EndingParty = 'aanbieder' | 'casusregisseur';

/** A problem with an input, naming the field as the API does. */
export interface EndingProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * The region's provider-ending procedure: a `procedure` rule whose id ends in
 * `-DEC-PROVIDER-END`, with six steps and the four criteria this module knows (a-d). A region
 * without one has no such procedure; nothing is invented for it.
 */
export function providerEndingRule(rules: readonly Rule[]): ProcedureRule | null {
  const rule = rules.find(
    (r): r is ProcedureRule => r.kind === 'procedure' && r.id.endsWith('-DEC-PROVIDER-END'),
  );
  if (!rule || rule.steps.length !== 6) return null;
  const codes = (rule.criteria ?? []).map((c) => c.code).join('');
  return codes === 'abcd' ? rule : null;
}

/**
 * How each criterion weighs (RIJ source, step 5): which answer speaks for agreeing to the ending,
 * and whether the other answer makes agreement impossible.
 */
export const CRITERION_DIRECTION: Readonly<
  Record<string, { readonly favours: boolean; readonly blocksAgreement: boolean }>
> = {
  // "Is the behaviour (partly) caused by the young person's condition?" Yes speaks against.
  a: { favours: false, blocksAgreement: false },
  // "Has the provider done enough to prevent the ending?"
  b: { favours: true, blocksAgreement: false },
  // "Has the provider followed the prescribed procedure?"
  c: { favours: true, blocksAgreement: false },
  // "Has the provider arranged another way to continue the help?" Without it, no agreement.
  d: { favours: true, blocksAgreement: true },
};

export interface CriterionAnswer {
  readonly answer: boolean;
  readonly motivation: string;
}

export interface CriterionWeight {
  readonly code: string;
  readonly text: string;
  readonly answer: boolean | null;
  /** `voor`: the answer speaks for the ending; `tegen`: against; null: not answered. */
  readonly weighs: 'voor' | 'tegen' | null;
  /** The answer makes agreeing impossible. */
  readonly blocks: boolean;
}

/** Each criterion of the rule with the way the given answers weigh. */
export function weighCriteria(
  rule: ProcedureRule,
  answers: Readonly<Record<string, CriterionAnswer | undefined>>,
): CriterionWeight[] {
  return (rule.criteria ?? []).map((c) => {
    const given = answers[c.code];
    const direction = CRITERION_DIRECTION[c.code];
    if (!given || !direction)
      return { code: c.code, text: c.text, answer: null, weighs: null, blocks: false };
    const favours = given.answer === direction.favours;
    return {
      code: c.code,
      text: c.text,
      answer: given.answer,
      weighs: favours ? 'voor' : 'tegen',
      blocks: !favours && direction.blocksAgreement,
    };
  });
}

/** Whether the answers given so far leave agreement possible (criterion d not answered "no"). */
export function agreementPossible(
  rule: ProcedureRule,
  answers: Readonly<Record<string, CriterionAnswer | undefined>>,
): boolean {
  return weighCriteria(rule, answers).every((w) => !w.blocks);
}

// ---------------------------------------------------------------------------------------
// The steps
// ---------------------------------------------------------------------------------------

export interface RecordedTalk {
  /** `YYYY-MM-DD`. */
  readonly heldOn: string;
  readonly withYoungPerson: boolean;
  readonly withParents: boolean;
}

export interface EndingProgress {
  readonly state: EndingState;
  readonly talks: readonly RecordedTalk[];
}

export interface StepView {
  /** 1-6, as the source numbers them. */
  readonly number: number;
  readonly text: string;
  readonly party: EndingParty;
  readonly state: 'klaar' | 'huidig' | 'later' | 'vervallen';
}

const PARTY: readonly EndingParty[] = [
  'aanbieder',
  'aanbieder',
  'aanbieder',
  'aanbieder',
  'casusregisseur',
  'aanbieder',
];

/** The talks the report still lacks (steps 2 and 3); empty when the report may be made. */
export function missingTalks(
  talks: readonly RecordedTalk[],
  youngPersonAge: number | null,
): EndingProblem[] {
  const problems: EndingProblem[] = [];
  if (!talks.some((t) => t.withYoungPerson))
    problems.push({
      path: 'gesprekken',
      message: 'leg eerst een gesprek met de jeugdige vast (stap 2 en 3)',
    });
  if (parentTalkRequired(youngPersonAge) && !talks.some((t) => t.withParents))
    problems.push({
      path: 'gesprekken',
      message: 'leg eerst een gesprek met de ouders of de voogd vast (stap 2 en 3)',
    });
  return problems;
}

/** A talk with a parent or guardian is needed below 16, or when the age is unknown. */
export function parentTalkRequired(youngPersonAge: number | null): boolean {
  return youngPersonAge === null || youngPersonAge < 16;
}

/**
 * The six steps with their state. Steps 2 and 3 are done together by the talks recorded with
 * their reports; after a refusal step 6 lapses (the provider simply continues).
 */
export function endingSteps(
  rule: ProcedureRule,
  progress: EndingProgress,
  youngPersonAge: number | null,
): StepView[] {
  const talksDone = missingTalks(progress.talks, youngPersonAge).length === 0;
  const reported = progress.state !== 'gestart';
  const decided = ['ingestemd', 'geweigerd', 'overgedragen'].includes(progress.state);
  const done = [
    true,
    talksDone || reported,
    talksDone || reported,
    reported,
    decided,
    progress.state === 'overgedragen',
  ];
  let currentFound = false;
  return rule.steps.map((text, i) => {
    const number = i + 1;
    let state: StepView['state'];
    if (done[i]) state = 'klaar';
    else if (number === 6 && progress.state === 'geweigerd') state = 'vervallen';
    else if (!currentFound) {
      state = 'huidig';
      currentFound = true;
    } else state = 'later';
    // Steps 2 and 3 are one action: both are current until the talks are complete.
    if (number === 3 && state === 'later' && !done[1] && !done[2]) state = 'huidig';
    return { number, text, party: PARTY[i] ?? 'aanbieder', state };
  });
}

/** Whose turn it is, or null when the procedure is finished. */
export function turnOf(state: EndingState): EndingParty | null {
  switch (state) {
    case 'gestart':
    case 'ingestemd':
      return 'aanbieder';
    case 'gemeld':
      return 'casusregisseur';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------
// Inputs per step
// ---------------------------------------------------------------------------------------

const tooShort = (text: string, min: number) => text.trim().length < min;

/** Step 1: the provider tells the casusregisseur early, with a first reason. */
export function startProblems(input: { readonly reason: string }): EndingProblem[] {
  return tooShort(input.reason, 20)
    ? [
        {
          path: 'aanleiding',
          message: 'beschrijf in minstens een zin waarom beëindiging mogelijk is',
        },
      ]
    : [];
}

export interface TalkInput extends RecordedTalk {
  readonly participants: string;
  readonly report: string;
  readonly agreements: string;
}

/** Steps 2 and 3: a talk held, with whom, its report and the agreements made. */
export function talkProblems(input: TalkInput, today: DayNumber): EndingProblem[] {
  const problems: EndingProblem[] = [];
  const day = parseIsoDate(input.heldOn);
  if (day === null) problems.push({ path: 'datum', message: 'geen geldige datum' });
  else if (day > today)
    problems.push({ path: 'datum', message: 'een gesprek wordt vastgelegd nadat het is gevoerd' });
  if (!input.withYoungPerson && !input.withParents)
    problems.push({
      path: 'metJeugdige',
      message: 'met wie was het gesprek: de jeugdige, de ouders of voogd, of beiden?',
    });
  if (tooShort(input.participants, 3))
    problems.push({ path: 'deelnemers', message: 'noem wie aan het gesprek deelnamen' });
  if (tooShort(input.report, 20))
    problems.push({
      path: 'verslag',
      message: 'schrijf het verslag: wat is besproken over de redenen om te stoppen?',
    });
  if (tooShort(input.agreements, 2))
    problems.push({
      path: 'afspraken',
      message: 'leg de gemaakte afspraken vast (of schrijf "geen")',
    });
  return problems;
}

export interface ReportInput {
  readonly reasons: string;
  readonly followUpProposal: string;
  /** `YYYY-MM-DD`: when the young person and the family were told the ending is unavoidable. */
  readonly familyInformedOn: string;
}

/** Step 4: the unavoidable-ending report; the talks it attaches must be complete. */
export function reportProblems(
  input: ReportInput,
  talks: readonly RecordedTalk[],
  youngPersonAge: number | null,
  today: DayNumber,
): EndingProblem[] {
  const problems: EndingProblem[] = [...missingTalks(talks, youngPersonAge)];
  if (tooShort(input.reasons, 20))
    problems.push({ path: 'redenen', message: 'beschrijf de zwaarwegende redenen voor het einde' });
  if (tooShort(input.followUpProposal, 20))
    problems.push({
      path: 'voorstelVervolg',
      message: 'doe een voorstel voor het vervolg van de hulp',
    });
  const day = parseIsoDate(input.familyInformedOn);
  if (day === null)
    problems.push({
      path: 'gezinGeinformeerdOp',
      message: 'wanneer zijn de jeugdige en het gezin over de melding geïnformeerd?',
    });
  else if (day > today)
    problems.push({ path: 'gezinGeinformeerdOp', message: 'ligt in de toekomst' });
  return problems;
}

export interface DecisionInput {
  readonly decision: EndingDecision;
  readonly criteria: Readonly<Record<string, CriterionAnswer | undefined>>;
  readonly reason: string | null;
}

/**
 * Step 5: every criterion answered with a motivation, a reason for a refusal, and no agreement
 * while criterion (d) is answered no.
 */
export function decisionProblems(rule: ProcedureRule, input: DecisionInput): EndingProblem[] {
  const problems: EndingProblem[] = [];
  for (const c of rule.criteria ?? []) {
    const given = input.criteria[c.code];
    if (!given)
      problems.push({
        path: `criteria.${c.code}.antwoord`,
        message: `beantwoord criterium (${c.code}) met ja of nee`,
      });
    else if (tooShort(given.motivation, 10))
      problems.push({
        path: `criteria.${c.code}.motivering`,
        message: `motiveer het antwoord op criterium (${c.code})`,
      });
  }
  for (const code of Object.keys(input.criteria))
    if (!(rule.criteria ?? []).some((c) => c.code === code))
      problems.push({
        path: `criteria.${code}`,
        message: `${rule.id} kent geen criterium (${code})`,
      });
  if (input.decision === 'weigeren' && tooShort(input.reason ?? '', 10))
    problems.push({ path: 'reden', message: 'geef de reden van de weigering' });
  if (input.decision === 'instemmen')
    for (const w of weighCriteria(rule, input.criteria))
      if (w.blocks)
        problems.push({
          path: `criteria.${w.code}.antwoord`,
          message: `instemmen kan niet: criterium (${w.code}) is met nee beantwoord, de aanbieder heeft niet voor een vervolg gezorgd (${rule.id})`,
        });
  return problems;
}

export interface HandoverInput {
  /** Who or what takes over the help. */
  readonly followUp: string;
  /** `YYYY-MM-DD`: the provider's last day of help. */
  readonly lastDay: string;
  /** How the warm handover went: who met, what was passed on. */
  readonly warmHandover: string;
}

/** Step 6: the handover to what follows; the last day may not lie before the agreement. */
export function handoverProblems(input: HandoverInput, decidedOn: DayNumber): EndingProblem[] {
  const problems: EndingProblem[] = [];
  if (tooShort(input.followUp, 5))
    problems.push({ path: 'vervolg', message: 'wie neemt de hulp over, of wat volgt er?' });
  const day = parseIsoDate(input.lastDay);
  if (day === null) problems.push({ path: 'laatsteDag', message: 'geen geldige datum' });
  else if (day < decidedOn)
    problems.push({
      path: 'laatsteDag',
      message: 'de hulp loopt door tot er een oplossing is; dat kan niet vóór de instemming',
    });
  if (tooShort(input.warmHandover, 20))
    problems.push({
      path: 'warmeOverdracht',
      message: 'beschrijf de warme overdracht: wie spraken elkaar en wat is overgedragen?',
    });
  return problems;
}

// ---------------------------------------------------------------------------------------
// Who acts
// ---------------------------------------------------------------------------------------

const PROVIDER_STAFF = ['planner', 'behandelaar'] as const;
const DECIDERS = ['casusregisseur', 'teamleider', 'jeugdbeschermer'] as const;

/**
 * The provider's own steps (1-4, 6): staff who work with clients (planner, behandelaar) of the
 * organisation whose allocation it is, while it holds behandelregie on the case.
 */
export function mayActForProvider(
  actor: Actor,
  facts: CaseAccessFacts,
  providerOrganisationId: string,
): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  const treats = facts.activeRoles.some(
    (r) => r.role === 'behandelregie' && r.organisationId === providerOrganisationId,
  );
  if (
    treats &&
    actor.organisationId === providerOrganisationId &&
    actor.roles.some((r) => (PROVIDER_STAFF as readonly string[]).includes(r))
  )
    return { allowed: true, basis: 'rol-organisatie', role: 'behandelregie' };
  return {
    allowed: false,
    reason: 'alleen de aanbieder met behandelregie (planner of behandelaar) zet deze stap',
  };
}

/**
 * Step 5: the casusregisseur — a casusregisseur, team lead or youth protector who holds
 * (crisis)casusregie personally or through the organisation, or who works in the responsible
 * local team (when the family holds casusregie, its team decides). Never the provider itself.
 */
export function mayDecideEnding(
  actor: Actor,
  facts: CaseAccessFacts,
  providerOrganisationId: string,
): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  const deny: AccessDecision = {
    allowed: false,
    reason: 'alleen de casusregisseur besluit over beëindiging door de aanbieder',
  };
  if (actor.organisationId === providerOrganisationId) return deny;
  if (!actor.roles.some((r) => (DECIDERS as readonly string[]).includes(r))) return deny;
  const holds = facts.activeRoles.some(
    (r) =>
      (r.role === 'casusregie' || r.role === 'crisiscasusregie') &&
      (r.staffId === actor.staffId ||
        (r.staffId === null && r.organisationId === actor.organisationId)),
  );
  if (holds) return { allowed: true, basis: 'eigen-rol', role: 'casusregie' };
  const holdsInTeam = facts.activeRoles.some(
    (r) =>
      (r.role === 'casusregie' || r.role === 'crisiscasusregie') &&
      r.organisationId === actor.organisationId,
  );
  if (holdsInTeam) return { allowed: true, basis: 'rol-organisatie', role: 'casusregie' };
  if (facts.responsibleTeamId !== null && facts.responsibleTeamId === actor.organisationId)
    return { allowed: true, basis: 'verantwoordelijk-team' };
  return deny;
}

// ---------------------------------------------------------------------------------------
// The copy for the contract manager (step 4)
// ---------------------------------------------------------------------------------------

export interface EndingCopySource {
  readonly reference: string;
  readonly ruleId: string;
  readonly region: string;
  readonly municipality: string;
  /** `YYYY-MM-DD`. */
  readonly reportedOn: string;
  readonly route: string;
  readonly segment: string;
  readonly ages: readonly number[];
  /** The product concerned (code and name). */
  readonly product: string;
  readonly provider: string;
  readonly firstReason: string;
  readonly reasons: string;
  readonly followUpProposal: string;
  readonly talks: readonly {
    readonly heldOn: string;
    readonly withYoungPerson: boolean;
    readonly withParents: boolean;
    readonly report: string;
    readonly agreements: string;
  }[];
}

/** The copy as the contract manager receives it: no names, identifiers or birth dates. */
export type EndingCopy = EndingCopySource;

/**
 * The report in a fixed form for the contract manager, every free text scrubbed of the names
 * the case knows and of identifiers (the escalation overview's rules). Who took part in a talk
 * is left out: it is a list of names.
 */
export function anonymisedEndingCopy(
  source: EndingCopySource,
  scrubText: (text: string) => string,
): EndingCopy {
  return {
    ...source,
    ages: [...source.ages].sort((a, b) => a - b),
    firstReason: scrubText(source.firstReason),
    reasons: scrubText(source.reasons),
    followUpProposal: scrubText(source.followUpProposal),
    talks: source.talks.map((t) => ({
      heldOn: t.heldOn,
      withYoungPerson: t.withYoungPerson,
      withParents: t.withParents,
      report: scrubText(t.report),
      agreements: scrubText(t.agreements),
    })),
  };
}
