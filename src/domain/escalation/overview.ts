/**
 * The anonymised, substantiated overview a contract manager receives at RIJ level 5, in one
 * fixed format: no names, no BSN, no addresses, no birth dates (ages instead), and free text
 * scrubbed of every name known in the case and of anything that looks like an identifier.
 * The manager of the local team reviews this exact text before it is shared.
 */
import type {
  AgreedAction,
  EscalationSubject,
  EscalationType,
  OverviewPositions,
} from './ladder.js';

export interface OverviewSource {
  readonly reference: string;
  readonly region: string;
  readonly municipality: string;
  readonly ladderId: string;
  readonly type: EscalationType;
  readonly subject: EscalationSubject;
  /** `YYYY-MM-DD`. */
  readonly openedOn: string;
  readonly route: string;
  readonly segment: string;
  readonly ages: readonly number[];
  /** Products concerned (code and name), for an allocation dispute. */
  readonly products: readonly string[];
  readonly description: string;
  readonly facts: string;
  readonly steps: readonly {
    readonly level: number;
    readonly actor: string;
    readonly note: string;
    readonly on: string;
  }[];
  readonly positions: OverviewPositions;
  readonly actions: readonly AgreedAction[];
  readonly feedbackDate: string;
}

/** The fixed format. Every text field has been scrubbed. */
export interface AnonymisedOverview {
  readonly reference: string;
  readonly region: string;
  readonly municipality: string;
  readonly ladderId: string;
  readonly type: EscalationType;
  readonly subject: EscalationSubject;
  readonly openedOn: string;
  readonly route: string;
  readonly segment: string;
  readonly ages: readonly number[];
  readonly products: readonly string[];
  readonly description: string;
  readonly facts: string;
  readonly steps: readonly {
    readonly level: number;
    readonly actor: string;
    readonly note: string;
    readonly on: string;
  }[];
  readonly positions: OverviewPositions;
  readonly actions: readonly AgreedAction[];
  readonly feedbackDate: string;
}

const PATTERNS: readonly [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[e-mail]'],
  [/\b\d{4}\s?[A-Z]{2}\b/g, '[postcode]'],
  [/(\+31|0031|\b0)[\s-]?\d(?:[\s-]?\d){8}\b/g, '[telefoon]'],
  [/\b\d{9}\b/g, '[bsn]'],
  [/\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g, '[datum]'],
  [/\b\d{4}-\d{2}-\d{2}\b/g, '[datum]'],
  [
    /\b[A-Z][a-z]+(straat|laan|weg|plein|singel|gracht|kade|dijk|hof|pad|steeg)\s+\d+\s?[a-zA-Z]?\b/g,
    '[adres]',
  ],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Free text without the known names (whole names and each part of three letters or more, any
 * case, also with a plural, possessive or diminutive ending) and without e-mail addresses, postcodes, phone numbers, BSNs, dates and street addresses.
 */
export function scrub(text: string, knownNames: readonly string[]): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  const parts = new Set<string>();
  for (const name of knownNames) {
    const trimmed = name.trim();
    if (trimmed.length === 0) continue;
    parts.add(trimmed);
    for (const part of trimmed.split(/[\s-]+/)) if (part.length >= 3) parts.add(part);
  }
  // Longest first, so "Daan Verhoef" goes as one before "Verhoef" is looked at.
  const ordered = [...parts].sort((a, b) => b.length - a.length);
  for (const part of ordered) {
    // Also the forms a name takes in a sentence: "de Kosters", "Daan's", "Daantje".
    const pattern = new RegExp(
      `(?<![\\p{L}\\d])${escapeRegExp(part)}(?:['’]?s|t?je)?(?![\\p{L}\\d])`,
      'giu',
    );
    result = result.replace(pattern, '[naam]');
  }
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

/** The overview in the fixed format, every free text scrubbed. */
export function anonymisedOverview(
  source: OverviewSource,
  knownNames: readonly string[],
): AnonymisedOverview {
  const clean = (text: string) => scrub(text, knownNames);
  return {
    reference: source.reference,
    region: source.region,
    municipality: source.municipality,
    ladderId: source.ladderId,
    type: source.type,
    subject: source.subject,
    openedOn: source.openedOn,
    route: source.route,
    segment: source.segment,
    ages: [...source.ages].sort((a, b) => a - b),
    products: source.products.map(clean),
    description: clean(source.description),
    facts: clean(source.facts),
    steps: source.steps.map((s) => ({ ...s, actor: clean(s.actor), note: clean(s.note) })),
    positions: {
      localTeam: clean(source.positions.localTeam),
      provider: clean(source.positions.provider),
      requestedDecision: clean(source.positions.requestedDecision),
    },
    actions: source.actions.map((a) => ({ who: clean(a.who), what: clean(a.what) })),
    feedbackDate: source.feedbackDate,
  };
}
