/**
 * Anonymised presentation of a case (DOMAIN.md section 10; RIJ route C, item c): one scrubber
 * for every text that leaves the case without the family's names — the escalation overview of
 * RIJ level 5, the provider-ending copy for contract managers, and the anonymised case view a
 * casusregisseur sends for a consultation or an escalation.
 *
 * The view has a fixed structure and nothing else: where the case stands (region, municipality,
 * route, segment, measure, step, weight of the regie), who the household is by kind and age,
 * the current plan's goals, the last entries of the timeline by month, and the question. No
 * names, BSNs, addresses, phone numbers, e-mail addresses, postcodes, exact dates or ids.
 */
import { parseIsoDate, ymdFromDay, type DayNumber } from '../time/calendar.js';
import { ageInYears } from '../rules/decisions.js';

/** Where the rule for anonymised views comes from; applied in every region. */
export const ANONYMISED_VIEW_SOURCE = 'RIJ route C, onderdeel c; geldt in elke regio';

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;
const MONTH_WORDS = `${MONTHS.join('|')}|jan|febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec`;
const STREET_ENDINGS =
  'straat|laan|weg|plein|singel|gracht|kade|dijk|hof|pad|steeg|dreef|park|erf|baan|markt|wal|plantsoen|boulevard|allee|haven|akker|hoeve';
/** A house number with its addition: "12", "12a", "12 A", "12 bis", "120-3". */
const HOUSE_NUMBER =
  '\\d{1,5}(?:[a-zA-Z]{1,2}|-[a-zA-Z0-9]{1,4}|\\s(?:bis|hs|[A-Z]))?(?![\\p{L}\\d])';
/** Street words that are an address on their own, even without a house number. */
const STREET_ONLY = 'straat|laan|gracht|singel|steeg|dreef|kade|plein|plantsoen';

/** Identifiers, dates and addresses, in this order (dates before phone numbers and BSNs). */
const PATTERNS: readonly [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[e-mail]'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '[id]'],
  [/\b\d{4}-\d{2}-\d{2}\b/g, '[datum]'],
  [/\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g, '[datum]'],
  [new RegExp(`\\b\\d{1,2}\\s+(?:${MONTH_WORDS})\\b\\.?(?:\\s+\\d{4}\\b)?`, 'gi'), '[datum]'],
  [/(\+31|0031|\b0)(\s?\(0\))?[\s-]?\d(?:[\s-]?\d){8}\b/g, '[telefoon]'],
  // A BSN also written in groups: "123 456 782", "1234.56.782".
  [/\b\d(?:[\s.]?\d){8}\b/g, '[bsn]'],
  [/\b[1-9]\d{3}\s?[A-Z]{2}\b/g, '[postcode]'],
  [/\b[1-9]\d{3}[a-z]{2}\b/g, '[postcode]'],
  [
    new RegExp(`(?<![\\p{L}])\\p{Lu}[\\p{L}'’-]*?(?:${STREET_ENDINGS})\\s+${HOUSE_NUMBER}`, 'gu'),
    '[adres]',
  ],
  // "Laan van Meerdervoort 12": the street word first.
  [
    new RegExp(
      `(?<![\\p{L}])(?:Laan|Plein|Kade|Weg|Dijk|Singel|Gracht|Hof|Park)\\s+(?:(?:van|der|de|den|het|'t|op|ter|ten)\\s+)*\\p{Lu}[\\p{L}-]*\\s+${HOUSE_NUMBER}`,
      'gu',
    ),
    '[adres]',
  ],
  [new RegExp(`(?<![\\p{L}])\\p{Lu}\\p{L}*(?:${STREET_ONLY})(?![\\p{L}])`, 'gu'), '[adres]'],
];

/** Parts of a Dutch surname that are ordinary words on their own ("van", "den", "ter"). */
const TUSSENVOEGSELS = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  '’t',
  'ten',
  'ter',
  'te',
  'in',
  'op',
  'aan',
  'bij',
  'uit',
  'onder',
  'over',
  'voor',
  'la',
  'le',
  'du',
  'des',
  'da',
  'di',
  'del',
  'della',
  'el',
  'al',
  'von',
  'zu',
  'vd',
]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The forms a name takes in a sentence: possessive ("Noors", "Daan's", "Kees'"), plural ("de
 * Kosters") and the diminutives ("Daantje", "Noortje", "Kimmetje", "Bobje").
 */
function namePattern(part: string, flags: string): RegExp {
  const last = escapeRegExp(part.slice(-1));
  const endings = `['’]s?|s|t?jes?|pjes?|kjes?|${last}?etjes?`;
  return new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(part)}(?:${endings})?(?![\\p{L}\\d])`, flags);
}

/** The words to look for: whole names and surnames any case; two-letter first names as written. */
function nameParts(knownNames: readonly string[]): { anyCase: string[]; asWritten: string[] } {
  const anyCase = new Set<string>();
  const asWritten = new Set<string>();
  for (const name of knownNames) {
    const trimmed = name.trim().replace(/\s+/g, ' ');
    if (trimmed.length === 0) continue;
    anyCase.add(trimmed);
    if (trimmed.includes('@')) continue;
    const words = trimmed.split(' ');
    // "Noor van den Berg": also "van den Berg" as one, the way the family name is used.
    const prefix = words.findIndex((w, i) => i > 0 && TUSSENVOEGSELS.has(w.toLowerCase()));
    if (prefix > 0 && prefix < words.length - 1) anyCase.add(words.slice(prefix).join(' '));
    for (const word of words) {
      if (word.includes('-') && word.length >= 3) anyCase.add(word);
      for (const part of word.split('-')) {
        if (TUSSENVOEGSELS.has(part.toLowerCase())) continue;
        if (part.length >= 3) anyCase.add(part);
        else if (part.length === 2) asWritten.add(part);
      }
    }
  }
  // Longest first, so "Daan Verhoef" goes as one before "Verhoef" is looked at.
  const longestFirst = (set: Set<string>) => [...set].sort((a, b) => b.length - a.length);
  return { anyCase: longestFirst(anyCase), asWritten: longestFirst(asWritten) };
}

/**
 * Free text without the known names (whole names, surnames with their tussenvoegsels, and each
 * part of three letters or more in any case — also possessive, plural or diminutive — and
 * two-letter names only as written, so "Bo" goes but "bo" in a word stays) and without e-mail
 * addresses, ids, dates, phone numbers, BSNs, postcodes and street addresses. Ordinary words
 * that merely contain a name stay: "januari" with a Jan in the family.
 */
export function scrub(text: string, knownNames: readonly string[]): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  const { anyCase, asWritten } = nameParts(knownNames);
  for (const part of anyCase) result = result.replace(namePattern(part, 'giu'), '[naam]');
  for (const part of asWritten) result = result.replace(namePattern(part, 'gu'), '[naam]');
  return result.replace(/\[naam\](\s+\[naam\])+/g, '[naam]');
}

/** Words that stay although they are part of a family label ("Gezin Verhoef"). */
const LABEL_WORDS = new Set(['gezin', 'familie', 'de', 'van', 'der', 'den', 'het']);

/** The names to scrub from a case: people, staff on the case, and the household label. */
export function namesOf(
  people: readonly string[],
  staff: readonly string[],
  label: string,
): string[] {
  const labelParts = label
    .split(/\s+/)
    .filter((w) => w.length > 0 && !LABEL_WORDS.has(w.toLowerCase()));
  return [...people, ...staff, ...(labelParts.length > 0 ? [labelParts.join(' ')] : [])];
}

// ---------------------------------------------------------------------------------------------
// The anonymised case view

export const VIEW_PURPOSES = ['consultatie', 'escalatie'] as const;
export type ViewPurpose = (typeof VIEW_PURPOSES)[number];
export const VIEW_STATUSES = ['concept', 'gecontroleerd', 'gedeeld'] as const;
export type ViewStatus = (typeof VIEW_STATUSES)[number];

/** Default and maximum number of timeline entries in a view. */
export const DEFAULT_TIMELINE_LENGTH = 10;
export const MAX_TIMELINE_LENGTH = 30;

export type PersonKind = 'jeugdige' | 'ouder' | 'gezagsdrager' | 'voogd';

/** What the store hands over: the case as it is, names and dates included. */
export interface AnonymisedViewSource {
  readonly region: string;
  readonly municipality: string;
  readonly route: string;
  readonly segment: string;
  readonly measure: string | null;
  readonly step: string;
  /** `LEK-DEC-REGIE-WEIGHT` as last decided in the triage; null when not decided. */
  readonly regieWeight: string | null;
  readonly persons: readonly { readonly kind: PersonKind; readonly birthDate: string | null }[];
  readonly plan: {
    readonly kind: string;
    readonly goals: readonly {
      readonly resultArea: string;
      readonly description: string;
      readonly measurableTarget: string;
      /** `YYYY-MM-DD`. */
      readonly targetDate: string;
      readonly progress: string;
    }[];
  } | null;
  /** Timeline entries, oldest first; `on` is the local day `YYYY-MM-DD`. */
  readonly events: readonly {
    readonly type: string;
    readonly on: string;
    readonly note: string | null;
  }[];
  readonly question: string;
  /** How many of the last entries of the timeline the view shows. */
  readonly timelineLength: number;
  /** Every name the case knows (see `namesOf`), scrubbed from every free text. */
  readonly knownNames: readonly string[];
  /** The local day of "now", for ages. */
  readonly today: DayNumber;
}

export interface ViewGoal {
  readonly resultArea: string;
  readonly description: string;
  readonly measurableTarget: string;
  /** Month and year only, e.g. "maart 2026". */
  readonly targetMonth: string;
  readonly progress: string;
}

export interface ViewTimelineEntry {
  readonly type: string;
  /** Month and year only. */
  readonly month: string;
  readonly note: string;
}

/** The fixed structure: this, and nothing else, leaves the case. */
export interface AnonymisedCaseView {
  readonly region: string;
  readonly municipality: string;
  readonly route: string;
  readonly segment: string;
  readonly measure: string | null;
  readonly step: string;
  readonly regieWeight: string | null;
  /** Ages of the young people, oldest first; null where the birth date is unknown. */
  readonly ages: readonly (number | null)[];
  /** The household by kind, e.g. ["ouder", "ouder", "jeugdige 14 jaar", "jeugdige 9 jaar"]. */
  readonly household: readonly string[];
  readonly planKind: string | null;
  readonly goals: readonly ViewGoal[];
  readonly timeline: readonly ViewTimelineEntry[];
  readonly question: string;
}

/** "maart 2026" for `2026-03-12`; empty for what is no date. */
export function monthOf(isoDate: string): string {
  const day = parseIsoDate(isoDate);
  if (day === null) return '';
  const { year, month } = ymdFromDay(day);
  return `${MONTHS[month - 1]} ${year}`;
}

const ADULT_ORDER: readonly PersonKind[] = ['ouder', 'gezagsdrager', 'voogd'];

function youngPersonLabel(age: number | null): string {
  if (age === null) return 'jeugdige (leeftijd onbekend)';
  if (age < 1) return 'jeugdige jonger dan 1 jaar';
  return `jeugdige ${age} jaar`;
}

/** The view of a case: every free text scrubbed, ages instead of birth dates, months not days. */
export function anonymisedCaseView(source: AnonymisedViewSource): AnonymisedCaseView {
  const clean = (text: string) => scrub(text, source.knownNames).trim();
  const ages = source.persons
    .filter((p) => p.kind === 'jeugdige')
    .map((p) => {
      const born = p.birthDate === null ? null : parseIsoDate(p.birthDate);
      return born === null ? null : Math.max(0, ageInYears(born, source.today));
    })
    .sort((a, b) => (b ?? -1) - (a ?? -1));
  const adults = ADULT_ORDER.flatMap((kind) =>
    source.persons.filter((p) => p.kind === kind).map(() => kind as string),
  );
  const length = Math.min(Math.max(1, Math.floor(source.timelineLength)), MAX_TIMELINE_LENGTH);
  return {
    region: source.region,
    municipality: source.municipality,
    route: source.route,
    segment: source.segment,
    measure: source.measure,
    step: source.step,
    regieWeight: source.regieWeight,
    ages,
    household: [...adults, ...ages.map(youngPersonLabel)],
    planKind: source.plan?.kind ?? null,
    goals: (source.plan?.goals ?? []).map((g) => ({
      resultArea: clean(g.resultArea),
      description: clean(g.description),
      measurableTarget: clean(g.measurableTarget),
      targetMonth: monthOf(g.targetDate),
      progress: clean(g.progress),
    })),
    timeline: source.events.slice(-length).map((e) => ({
      type: e.type,
      month: monthOf(e.on),
      note: clean(e.note ?? ''),
    })),
    question: clean(source.question),
  };
}

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export interface ViewRequest {
  readonly purpose: string;
  readonly recipient: string;
  readonly question: string;
  readonly timelineLength: number;
}

/** Problems with a request for a view; empty when it can be generated. */
export function viewRequestProblems(input: ViewRequest): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(VIEW_PURPOSES as readonly string[]).includes(input.purpose))
    problems.push({ path: 'doel', message: 'kies consultatie of escalatie' });
  if (input.recipient.trim().length === 0)
    problems.push({ path: 'ontvanger', message: 'noem aan wie de weergave gaat' });
  if (input.question.trim().length < 10)
    problems.push({
      path: 'vraag',
      message: 'schrijf de vraag aan de ontvanger op (minstens 10 tekens)',
    });
  if (
    !Number.isInteger(input.timelineLength) ||
    input.timelineLength < 1 ||
    input.timelineLength > MAX_TIMELINE_LENGTH
  )
    problems.push({
      path: 'aantalGebeurtenissen',
      message: `kies 1 tot en met ${MAX_TIMELINE_LENGTH} gebeurtenissen`,
    });
  return problems;
}

/** The free-text parts an author may change before the review. */
export interface ViewEdits {
  readonly question: string;
  readonly goals: readonly { readonly description: string; readonly measurableTarget: string }[];
  readonly timeline: readonly { readonly note: string }[];
}

/**
 * The view with the author's edits, scrubbed again; or the problems (the lists must keep their
 * length: a goal or entry is edited, never added).
 */
export function editedView(
  view: AnonymisedCaseView,
  edits: ViewEdits,
  knownNames: readonly string[],
): { view: AnonymisedCaseView } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (edits.question.trim().length < 10)
    problems.push({
      path: 'vraag',
      message: 'schrijf de vraag aan de ontvanger op (minstens 10 tekens)',
    });
  if (edits.goals.length !== view.goals.length)
    problems.push({
      path: 'doelen',
      message: `geef de ${view.goals.length} doelen van de weergave`,
    });
  if (edits.timeline.length !== view.timeline.length)
    problems.push({
      path: 'tijdlijn',
      message: `geef de ${view.timeline.length} gebeurtenissen van de weergave`,
    });
  if (problems.length > 0) return { problems };
  const clean = (text: string) => scrub(text, knownNames).trim();
  return {
    view: {
      ...view,
      question: clean(edits.question),
      goals: view.goals.map((g, i) => ({
        ...g,
        description: clean(edits.goals[i]?.description ?? ''),
        measurableTarget: clean(edits.goals[i]?.measurableTarget ?? ''),
      })),
      timeline: view.timeline.map((e, i) => ({ ...e, note: clean(edits.timeline[i]?.note ?? '') })),
    },
  };
}

const PURPOSE_WORDS: Record<ViewPurpose, string> = {
  consultatie: 'consultatie',
  escalatie: 'escalatie',
};

/** A timeline code as words: "regie-overdracht-gestart" → "Regie overdracht gestart". */
function typeWords(type: string): string {
  const words = type.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The exact text that is shared, built only from the view. */
export function anonymisedViewText(view: AnonymisedCaseView, purpose: ViewPurpose): string {
  const lines = [
    `Anonieme weergave van een casus voor ${PURPOSE_WORDS[purpose]}`,
    '',
    `Regio: ${view.region}; gemeente: ${view.municipality}`,
    `Route: ${view.route}; segment: ${view.segment}; maatregel: ${view.measure ?? 'geen'}; stap: ${view.step}`,
    `Zwaarte van de regie: ${view.regieWeight ?? 'niet beoordeeld'}`,
    `Huishouden: ${view.household.length > 0 ? view.household.join(', ') : 'onbekend'}`,
    '',
    'Vraag:',
    view.question,
    '',
    view.planKind ? `Doelen van het plan (${view.planKind}):` : 'Doelen: er is nog geen plan.',
    ...view.goals.map(
      (g, i) =>
        `${i + 1}. ${g.resultArea ? `${g.resultArea}: ` : ''}${g.description}` +
        `${g.measurableTarget ? `; meetbaar: ${g.measurableTarget}` : ''}` +
        `${g.targetMonth ? `; streven: ${g.targetMonth}` : ''}` +
        `${g.progress ? `; voortgang: ${g.progress}` : ''}`,
    ),
    '',
    `Tijdlijn (laatste ${view.timeline.length}):`,
    ...view.timeline.map(
      (e) => `- ${e.month}: ${typeWords(e.type)}${e.note ? ` – ${e.note}` : ''}`,
    ),
  ];
  return lines.join('\n');
}
