/**
 * Closing a case ("Afsluiting", DOMAIN.md section 4 step 3): what the casusregisseur records
 * before a case may be closed, the provider's closing report, and the conditions that block
 * closing. Pure: the store gathers the facts (draft, allocations, roles, reports, young people,
 * today's date) and this module checks them.
 *
 * The rules come from several regions and hold in every region (as ADR 0011 does for the warm
 * handover): RIJ-DEC-CLOSURE (final evaluation, clarity about what follows, the provider's report,
 * re-assessing family casusregie, scoring the provider), LEK-DEC-CLOSE-AFTER-CARE (no closing while
 * care runs), LEK-DEC-WAAKVLAM (final evaluation, a waakvlamcontact answered, the report shared with
 * the family's consent), ZOU-DEC-ENDING (every ending has a reason; aftercare: who, what, when) and
 * RIJ-DEC-MEASURE-END (the end of a court measure and the 18-/18+ transition).
 *
 * Choices where the sources leave room:
 * - The 18-/18+ transition is asked for every young person who is 17 years and 6 months or older
 *   on the closing day; with the reason `niet-meer-jeugdwet` for every young person of the
 *   household (the case ends because the Jeugdwet stops; `geen` is an allowed answer). A young
 *   person without a known birth date is only asked for under `niet-meer-jeugdwet`.
 * - An allocation still runs when its status is not one of `ENDED_STATUSES` and it has no end
 *   date before today (a suspended allocation may resume, so it runs).
 * - Scoring the providers is a reminder, not a condition (the RIJ profile's choice).
 */
import { ENDED_STATUSES } from '../performance/provider-score.js';
import { addYearsMonths, parseIsoDate } from '../time/index.js';

export const CLOSURE_RULES = {
  closure: 'RIJ-DEC-CLOSURE',
  afterCare: 'LEK-DEC-CLOSE-AFTER-CARE',
  waakvlam: 'LEK-DEC-WAAKVLAM',
  ending: 'ZOU-DEC-ENDING',
  measureEnd: 'RIJ-DEC-MEASURE-END',
  providerEnd: 'RIJ-DEC-PROVIDER-END',
} as const;
export type ClosureRuleId = (typeof CLOSURE_RULES)[keyof typeof CLOSURE_RULES];

/** Why the case ends. */
export const CLOSURE_REASONS = [
  'doelen-bereikt',
  'geen-hulpvraag',
  'gestopt-door-gezin',
  'gestopt-door-aanbieder',
  'niet-meer-jeugdwet',
  'einde-maatregel',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const OVERALL_RESULTS = ['behaald', 'deels', 'niet-behaald'] as const;
export type OverallResult = (typeof OVERALL_RESULTS)[number];

export const SAFETY_ANSWERS = ['ja', 'nee', 'niet-van-toepassing'] as const;
export type SafetyAnswer = (typeof SAFETY_ANSWERS)[number];

export const FAMILY_REGIE_ANSWERS = ['ja', 'deels', 'nee'] as const;
export type FamilyRegieAnswer = (typeof FAMILY_REGIE_ANSWERS)[number];

/** The law under which help continues after 18 (or `geen`: nothing continues). */
export const FOLLOW_UP_LAWS = [
  'wmo',
  'wlz',
  'zvw',
  'participatiewet',
  'onderwijs',
  'geen',
] as const;
export type FollowUpLaw = (typeof FOLLOW_UP_LAWS)[number];

export const WAAKVLAM_ADVICE = ['nodig', 'niet-nodig'] as const;
export type WaakvlamAdvice = (typeof WAAKVLAM_ADVICE)[number];

export interface FinalEvaluation {
  /** `YYYY-MM-DD`. */
  readonly heldOn: string;
  readonly result: OverallResult;
  readonly summary: string;
  readonly safetyRestored: SafetyAnswer;
}

export interface AftercareAgreement {
  readonly who: string;
  readonly what: string;
  /** `YYYY-MM-DD`. */
  readonly when: string;
}

export type Aftercare =
  | { readonly needed: true; readonly agreements: readonly AftercareAgreement[] }
  | { readonly needed: false; readonly reason: string };

export type Waakvlam =
  | {
      readonly needed: true;
      readonly who: string;
      readonly frequency: string;
      readonly until: string;
    }
  | { readonly needed: false; readonly reason: string };

export interface Reassessment {
  readonly familyCanHoldRegie: FamilyRegieAnswer;
  readonly explanation: string;
}

export interface Transition {
  readonly personId: string;
  readonly continues: string;
  readonly law: FollowUpLaw;
  readonly note: string;
}

/** The draft as far as it has been filled in; a section not yet filled in is null. */
export interface ClosureDraft {
  readonly reason: ClosureReason | null;
  readonly finalEvaluation: FinalEvaluation | null;
  readonly aftercare: Aftercare | null;
  readonly waakvlam: Waakvlam | null;
  readonly reassessment: Reassessment | null;
  readonly transitions: readonly Transition[];
}

export const EMPTY_DRAFT: ClosureDraft = {
  reason: null,
  finalEvaluation: null,
  aftercare: null,
  waakvlam: null,
  reassessment: null,
  transitions: [],
};

/** A problem with an input, naming the field as the API does. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export interface YoungPerson {
  readonly id: string;
  readonly name: string;
  /** `YYYY-MM-DD` or null when unknown. */
  readonly birthDate: string | null;
}

const blank = (text: string) => text.trim().length === 0;

/**
 * Checks the sections of a draft that are given (a section left out is not checked). Dates are
 * `YYYY-MM-DD`; `today` is the Amsterdam date of the change.
 */
export function draftProblems(
  draft: Partial<ClosureDraft>,
  context: { readonly today: string; readonly youngPeople: readonly YoungPerson[] },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const today = parseIsoDate(context.today) ?? 0;
  const e = draft.finalEvaluation;
  if (e) {
    const held = parseIsoDate(e.heldOn);
    if (held === null)
      problems.push({ path: 'eindevaluatie.datum', message: 'geen geldige datum (jjjj-mm-dd)' });
    else if (held > today)
      problems.push({
        path: 'eindevaluatie.datum',
        message: 'de eindevaluatie kan niet in de toekomst liggen',
      });
    if (e.summary.trim().length < 10)
      problems.push({
        path: 'eindevaluatie.samenvatting',
        message: 'vat in een paar zinnen samen wat de hulp heeft opgeleverd',
      });
  }
  const a = draft.aftercare;
  if (a) {
    if (a.needed) {
      if (a.agreements.length === 0)
        problems.push({
          path: 'nazorg.afspraken',
          message:
            'leg minstens één afspraak vast (wie, wat, wanneer), of kies "geen nazorg nodig"',
        });
      a.agreements.forEach((x, i) => {
        if (blank(x.who))
          problems.push({ path: `nazorg.afspraken.${i}.wie`, message: 'vul in wie het doet' });
        if (blank(x.what))
          problems.push({ path: `nazorg.afspraken.${i}.wat`, message: 'vul in wat er gebeurt' });
        if (parseIsoDate(x.when) === null)
          problems.push({
            path: `nazorg.afspraken.${i}.wanneer`,
            message: 'geen geldige datum (jjjj-mm-dd)',
          });
      });
    } else if (a.reason.trim().length < 5)
      problems.push({ path: 'nazorg.reden', message: 'geef aan waarom geen nazorg nodig is' });
  }
  const w = draft.waakvlam;
  if (w) {
    if (w.needed) {
      if (blank(w.who))
        problems.push({ path: 'waakvlam.wie', message: 'vul in wie het contact houdt' });
      if (blank(w.frequency))
        problems.push({ path: 'waakvlam.hoeVaak', message: 'vul in hoe vaak er contact is' });
      const until = parseIsoDate(w.until);
      if (until === null)
        problems.push({ path: 'waakvlam.tot', message: 'geen geldige datum (jjjj-mm-dd)' });
      else if (until < today)
        problems.push({ path: 'waakvlam.tot', message: 'de einddatum ligt in het verleden' });
    } else if (w.reason.trim().length < 5)
      problems.push({
        path: 'waakvlam.reden',
        message: 'geef aan waarom geen waakvlamcontact nodig is',
      });
  }
  const r = draft.reassessment;
  if (r && r.explanation.trim().length < 5)
    problems.push({
      path: 'herbeoordeling.toelichting',
      message: 'licht toe of het gezin de casusregie zelf weer kan voeren',
    });
  const seen = new Set<string>();
  (draft.transitions ?? []).forEach((t, i) => {
    if (!context.youngPeople.some((p) => p.id === t.personId))
      problems.push({
        path: `overgang18.${i}.jeugdigeId`,
        message: 'geen jeugdige van dit gezin',
      });
    else if (seen.has(t.personId))
      problems.push({
        path: `overgang18.${i}.jeugdigeId`,
        message: 'deze jeugdige staat er al in',
      });
    seen.add(t.personId);
    if (blank(t.continues))
      problems.push({ path: `overgang18.${i}.wat`, message: 'vul in wat doorloopt na 18' });
    if (blank(t.note))
      problems.push({ path: `overgang18.${i}.toelichting`, message: 'geef een toelichting' });
  });
  return problems;
}

/** True when the person is 17 years and 6 months or older on `day` (`YYYY-MM-DD`). */
export function nearlyAdult(birthDate: string | null, day: string): boolean {
  const born = birthDate === null ? null : parseIsoDate(birthDate);
  const on = parseIsoDate(day);
  if (born === null || on === null) return false;
  return addYearsMonths(born, 17, 6) <= on;
}

/** The young people for whom the 18-/18+ transition must be recorded before closing. */
export function transitionRequiredFor(
  reason: ClosureReason | null,
  youngPeople: readonly YoungPerson[],
  today: string,
): YoungPerson[] {
  if (reason === 'niet-meer-jeugdwet') return [...youngPeople];
  return youngPeople.filter((p) => nearlyAdult(p.birthDate, today));
}

/** The conditions of closing, in the order the checklist shows them. */
export const CLOSURE_CONDITIONS = [
  { key: 'reden', ruleId: CLOSURE_RULES.ending, label: 'De reden van afsluiten is gekozen' },
  {
    key: 'eindevaluatie',
    ruleId: CLOSURE_RULES.closure,
    label: 'De eindevaluatie is vastgelegd',
  },
  {
    key: 'nazorg',
    ruleId: CLOSURE_RULES.ending,
    label: 'Nazorgafspraken (wie, wat, wanneer) of de reden dat geen nazorg nodig is',
  },
  {
    key: 'waakvlam',
    ruleId: CLOSURE_RULES.waakvlam,
    label: 'De vraag naar een waakvlamcontact is beantwoord',
  },
  {
    key: 'herbeoordeling',
    ruleId: CLOSURE_RULES.closure,
    label: 'Opnieuw bekeken of het gezin de casusregie zelf kan voeren',
  },
  {
    key: 'toewijzingen',
    ruleId: CLOSURE_RULES.afterCare,
    label: 'Alle zorg is afgesloten: geen toewijzing loopt nog',
  },
  {
    key: 'eindverslagen',
    ruleId: CLOSURE_RULES.closure,
    label: 'Elke aanbieder met behandelregie heeft een eindverslag gegeven',
  },
  {
    key: 'overgang18',
    ruleId: CLOSURE_RULES.measureEnd,
    label: 'De overgang van 18- naar 18+ is vastgelegd waar dat nodig is',
  },
  {
    key: 'maatregel',
    ruleId: CLOSURE_RULES.measureEnd,
    label: 'Het afsluiten van de maatregel is afgerond (route C)',
  },
  {
    key: 'beeindiging-aanbieder',
    ruleId: CLOSURE_RULES.providerEnd,
    label: 'De beëindiging door de aanbieder is doorlopen tot en met de overdracht',
  },
] as const;
export type ClosureConditionKey = (typeof CLOSURE_CONDITIONS)[number]['key'];

export interface ClosureFacts {
  /** `YYYY-MM-DD`, Europe/Amsterdam: the closing day. */
  readonly today: string;
  readonly draft: ClosureDraft;
  readonly allocations: readonly {
    readonly number: string;
    readonly providerName: string;
    readonly status: string;
    /** `YYYY-MM-DD` or null. */
    readonly end: string | null;
  }[];
  /** Provider organisations that hold or held behandelregie on the case. */
  readonly behandelregieProviders: readonly { readonly id: string; readonly name: string }[];
  /** Provider organisations that filed a closing report. */
  readonly reportProviderIds: readonly string[];
  readonly youngPeople: readonly YoungPerson[];
  /** Route C: whether the measure ending is completed; null when the case is not route C. */
  readonly measureEnding: 'afgerond' | 'open' | null;
  /**
   * The provider's six-step ending (RIJ-DEC-PROVIDER-END): `overgedragen` when one reached its
   * handover (step 6), `niet-doorlopen` when none did, null in a region whose profile has no such
   * procedure. Only asked when the reason is `gestopt-door-aanbieder`.
   */
  readonly providerEnding: 'overgedragen' | 'niet-doorlopen' | null;
  /** Providers that helped on the case and have not been scored yet (a reminder only). */
  readonly unscoredProviders: readonly { readonly id: string; readonly name: string }[];
}

export interface ClosureProblem {
  readonly condition: ClosureConditionKey;
  readonly path: string;
  readonly message: string;
  readonly ruleId: ClosureRuleId;
}

/** Whether an allocation still runs on `today` (see the module comment). */
export function allocationRuns(
  a: { readonly status: string; readonly end: string | null },
  today: string,
): boolean {
  return !ENDED_STATUSES.includes(a.status) && (a.end === null || a.end >= today);
}

/**
 * Everything that keeps the case from being closed today; empty when it may be closed. Each
 * problem names the field or path, says what is missing in Dutch and cites its rule.
 */
export function closureProblems(facts: ClosureFacts): ClosureProblem[] {
  const out: ClosureProblem[] = [];
  const { draft } = facts;
  if (draft.reason === null)
    out.push({
      condition: 'reden',
      path: 'reden',
      message: 'Kies de reden waarom de hulp eindigt.',
      ruleId: CLOSURE_RULES.ending,
    });
  if (draft.finalEvaluation === null)
    out.push({
      condition: 'eindevaluatie',
      path: 'eindevaluatie',
      message:
        'Er is geen eindevaluatie: leg vast wanneer die was, het resultaat en of de veiligheid hersteld is.',
      ruleId: CLOSURE_RULES.closure,
    });
  if (
    draft.aftercare === null ||
    (draft.aftercare.needed && draft.aftercare.agreements.length === 0)
  )
    out.push({
      condition: 'nazorg',
      path: 'nazorg',
      message:
        'Er zijn geen nazorgafspraken (wie doet wat en wanneer) en er is geen reden gegeven waarom geen nazorg nodig is.',
      ruleId: CLOSURE_RULES.ending,
    });
  if (draft.waakvlam === null)
    out.push({
      condition: 'waakvlam',
      path: 'waakvlam',
      message: 'Beantwoord of een waakvlamcontact nodig is.',
      ruleId: CLOSURE_RULES.waakvlam,
    });
  if (draft.reassessment === null)
    out.push({
      condition: 'herbeoordeling',
      path: 'herbeoordeling',
      message: 'Beoordeel opnieuw of het gezin de casusregie zelf weer kan voeren.',
      ruleId: CLOSURE_RULES.closure,
    });
  for (const a of facts.allocations.filter((x) => allocationRuns(x, facts.today)))
    out.push({
      condition: 'toewijzingen',
      path: `toewijzingen.${a.number}`,
      message: `Toewijzing ${a.number} van ${a.providerName} loopt nog. De zorg eindigt met het stopbericht (JW307) van de aanbieder of met een einddatum.`,
      ruleId: CLOSURE_RULES.afterCare,
    });
  for (const p of facts.behandelregieProviders.filter(
    (x) => !facts.reportProviderIds.includes(x.id),
  ))
    out.push({
      condition: 'eindverslagen',
      path: `eindverslagen.${p.id}`,
      message: `${p.name} had behandelregie en heeft nog geen eindverslag gegeven.`,
      ruleId: CLOSURE_RULES.closure,
    });
  const recorded = new Set(draft.transitions.map((t) => t.personId));
  for (const p of transitionRequiredFor(draft.reason, facts.youngPeople, facts.today).filter(
    (x) => !recorded.has(x.id),
  ))
    out.push({
      condition: 'overgang18',
      path: `overgang18.${p.id}`,
      message: `Leg voor ${p.name} vast wat na 18 doorloopt en onder welke wet.`,
      ruleId: CLOSURE_RULES.measureEnd,
    });
  if (facts.measureEnding === 'open')
    out.push({
      condition: 'maatregel',
      path: 'maatregel',
      message:
        'Het afsluiten van de maatregel is nog niet afgerond (afsluitende teamtafel, afsluitrapportage, warme overdracht).',
      ruleId: CLOSURE_RULES.measureEnd,
    });
  if (draft.reason === 'gestopt-door-aanbieder' && facts.providerEnding === 'niet-doorlopen')
    out.push({
      condition: 'beeindiging-aanbieder',
      path: 'beeindiging-aanbieder',
      message:
        'De aanbieder stopt alleen na de procedure in zes stappen: de casusregisseur stemt in en de warme overdracht is gedaan.',
      ruleId: CLOSURE_RULES.providerEnd,
    });
  return out;
}

/** A point that does not block closing. */
export interface ClosureReminder {
  readonly path: string;
  readonly message: string;
  readonly ruleId: ClosureRuleId;
}

/** Reminders that do not block closing: providers that helped and have not been scored. */
export function closureReminders(facts: ClosureFacts): ClosureReminder[] {
  return facts.unscoredProviders.map((p) => ({
    path: `waardering.${p.id}`,
    message: `Waardeer de inzet van ${p.name} (aanbiederscore).`,
    ruleId: CLOSURE_RULES.closure,
  }));
}

/** The checklist: each condition with whether it is met (route C's only when it applies). */
export function closureChecklist(
  facts: ClosureFacts,
): { key: ClosureConditionKey; label: string; ruleId: ClosureRuleId; met: boolean }[] {
  const problems = closureProblems(facts);
  const applies = (key: ClosureConditionKey): boolean =>
    key === 'maatregel'
      ? facts.measureEnding !== null
      : key === 'beeindiging-aanbieder'
        ? facts.draft.reason === 'gestopt-door-aanbieder' && facts.providerEnding !== null
        : true;
  return CLOSURE_CONDITIONS.filter((c) => applies(c.key)).map((c) => ({
    key: c.key,
    label: c.label,
    ruleId: c.ruleId,
    met: !problems.some((p) => p.condition === c.key),
  }));
}

export interface ClosingReportInput {
  readonly results: string;
  readonly agreements: string;
  readonly waakvlamAdvice: WaakvlamAdvice;
  readonly waakvlamNote: string;
  readonly familyConsent: boolean;
}

/** Checks a provider's closing report. */
export function closingReportProblems(input: ClosingReportInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.results.trim().length < 10)
    problems.push({ path: 'resultaten', message: 'beschrijf de behaalde resultaten' });
  if (input.agreements.trim().length < 5)
    problems.push({
      path: 'afspraken',
      message: 'beschrijf de afspraken over afschaling en nazorg',
    });
  if (input.waakvlamNote.trim().length < 5)
    problems.push({
      path: 'waakvlam.toelichting',
      message: 'licht uw oordeel over een waakvlamcontact toe',
    });
  return problems;
}
