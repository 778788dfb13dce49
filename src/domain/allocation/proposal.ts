/**
 * Route A allocation (DOMAIN.md sections 4 and 6): the local team composes the arrangement
 * from the family's fixed plan, chooses a contracted provider and products, and writes the
 * substantive handover; the municipality's back office decides and the JW301 goes out with
 * the handover visible to the provider. What the product checks before anything is stored:
 *
 * - the arrangement: result areas, intensity and duration come from the plan's goals (RIJ:
 *   items 2-5 of the ondersteuningsplan form the arrangement); support elements are named by
 *   the local team; a bridging arrangement (overbruggingsarrangement) is temporary and says
 *   what it bridges;
 * - the products: in the catalogue and valid on their start date, the provider contracted for
 *   them, a positive volume, an end not before the start; not freely accessible products wait
 *   for the expert pool's advice (GRO-GATE-EXPERTPOOL);
 * - the handover (GRO-DEC-OVERDRACHT): contact details of the young person, a custodian and
 *   the casusregisseur, and a summary of the clarified question, the analysis, the estimated
 *   need and the motivation for the help asked.
 *
 * Problems name the field as the API calls it (`producten.0.volume`, `overdracht.motivatie`).
 */
import { selectable, type Product } from '../catalogue/index.js';
import type { PlanContent } from '../plans/types.js';
import { parseIsoDate } from '../time/index.js';
import { contractFor, type Contract } from './contracts.js';

export interface ProposedLine {
  readonly productCode: string;
  /** Units per the product's frequency. */
  readonly volume: number;
  /** `YYYY-MM-DD`; end inclusive, null while open-ended. */
  readonly start: string;
  readonly end: string | null;
}

export interface Address {
  readonly street: string;
  readonly number: string;
  readonly postcode: string;
  readonly city: string;
}

export interface Contact {
  /** The person on the case (young person or custodian); absent for the casusregisseur. */
  readonly personId?: string;
  readonly role: 'jeugdige' | 'gezagsdrager' | 'casusregisseur';
  readonly name: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: Address;
}

export interface Handover {
  /** Outcome of clarifying the question with the young person and parents. */
  readonly clarifiedQuestion: string;
  /** Summary of the problem-and-strengths analysis, safety included. */
  readonly analysisSummary: string;
  /** Estimated support need of the young person and the family system and network. */
  readonly estimatedNeed: string;
  /** Why this help is asked for. */
  readonly motivation: string;
  readonly contacts: readonly Contact[];
}

export interface PlanGoalRef {
  readonly id: string;
  readonly resultArea: string;
  readonly description: string;
}

export interface Arrangement {
  readonly resultAreas: readonly string[];
  readonly supportElements: readonly string[];
  readonly intensity: string;
  readonly duration: string;
  readonly goals: readonly PlanGoalRef[];
  /** Set for a bridging arrangement: why, and for which product the family waits. */
  readonly bridging: { readonly reason: string; readonly waitingFor: string | null } | null;
}

/** The arrangement from a fixed plan: its goals' result areas, intensity and duration. */
export function arrangementFromPlan(
  content: PlanContent,
  supportElements: readonly string[],
  bridging: Arrangement['bridging'],
): Arrangement {
  const goals = (content.goals ?? []).map((g) => ({
    id: g.id,
    resultArea: g.resultArea,
    description: g.description,
  }));
  return {
    resultAreas: [...new Set(goals.map((g) => g.resultArea))],
    supportElements: supportElements.map((s) => s.trim()).filter((s) => s !== ''),
    intensity: content.intensity?.trim() ?? '',
    duration: content.expectedDuration?.trim() ?? '',
    goals,
    bridging,
  };
}

export interface ProposalFacts {
  readonly catalogue: readonly Product[];
  readonly contracts: readonly Contract[];
  readonly providerAgb: string;
  readonly expertAdvice: { readonly date: string; readonly summary: string } | null;
  /** The young person the allocation is for. */
  readonly client: {
    /** The young person's id, to find their contact among the handover's contacts. */
    readonly id?: string;
    readonly name: string;
    readonly bsn: string | null;
    readonly birthDate: string | null;
  };
}

export interface ProposalProblem {
  readonly path: string;
  readonly message: string;
}

const POSTCODE = /^\d{4} ?[A-Za-z]{2}$/;

function addressProblems(a: Address | undefined, path: string): ProposalProblem[] {
  if (!a)
    return [{ path, message: 'het adres van de jeugdige is nodig voor de toewijzing (JW301)' }];
  const out: ProposalProblem[] = [];
  if (a.street.trim() === '') out.push({ path: `${path}.straat`, message: 'vul de straat in' });
  if (!/^\d{1,5}$/.test(a.number.trim()))
    out.push({ path: `${path}.huisnummer`, message: 'een huisnummer is een getal' });
  if (!POSTCODE.test(a.postcode.trim()))
    out.push({ path: `${path}.postcode`, message: 'een postcode is 4 cijfers en 2 letters' });
  if (a.city.trim() === '') out.push({ path: `${path}.plaats`, message: 'vul de plaats in' });
  return out;
}

const reachable = (c: Contact) => (c.phone ?? '').trim() !== '' || (c.email ?? '').trim() !== '';

/** What stands in the way of this proposal; empty when it may go to the back office. */
export function proposalProblems(
  proposal: {
    readonly lines: readonly ProposedLine[];
    readonly arrangement: Arrangement;
    readonly handover: Handover;
  },
  facts: ProposalFacts,
): ProposalProblem[] {
  const problems: ProposalProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const { lines, arrangement, handover } = proposal;

  if (arrangement.goals.length === 0)
    add('plan', 'het vastgestelde plan heeft geen doelen; het arrangement volgt uit de doelen');
  if (arrangement.intensity === '')
    add('plan', 'het plan noemt geen intensiteit (treden); die hoort bij het arrangement');
  if (arrangement.duration === '')
    add('plan', 'het plan noemt geen verwachte duur; die hoort bij het arrangement');
  if (arrangement.bridging) {
    if (arrangement.bridging.reason.trim() === '')
      add('overbrugging.reden', 'zeg waarom er overbrugd wordt (bijv. de wachttijd)');
    const waited = arrangement.bridging.waitingFor;
    if (waited !== null && !facts.catalogue.some((p) => p.code === waited))
      add('overbrugging.wachtOp', `product ${waited} staat niet in de catalogus`);
  }

  if (facts.client.bsn === null)
    add('jeugdige', `${facts.client.name} heeft geen BSN; een toewijzing (JW301) kan niet zonder`);
  if (facts.client.birthDate === null)
    add('jeugdige', `de geboortedatum van ${facts.client.name} ontbreekt`);

  if (lines.length === 0) add('producten', 'kies ten minste één product');
  lines.forEach((line, i) => {
    const at = `producten.${i}`;
    const product = facts.catalogue.find((p) => p.code === line.productCode);
    const start = parseIsoDate(line.start);
    const end = line.end === null ? null : parseIsoDate(line.end);
    if (start === null) add(`${at}.ingangsdatum`, 'geen geldige datum');
    if (line.end !== null && end === null) add(`${at}.einddatum`, 'geen geldige datum');
    if (start !== null && end !== null && end < start)
      add(`${at}.einddatum`, 'ligt voor de ingangsdatum');
    if (arrangement.bridging && line.end === null)
      add(`${at}.einddatum`, 'een overbruggingsarrangement is tijdelijk: geef een einddatum');
    else if (product?.frequency === '2' && line.end === null)
      add(`${at}.einddatum`, 'bij een omvang per week hoort een einddatum (iJw-regel CD076)');
    if (!Number.isInteger(line.volume) || line.volume < 1 || line.volume > 99_999_999)
      add(`${at}.volume`, 'het volume is een heel getal van 1 of meer');
    if (!product) {
      add(`${at}.productcode`, `product ${line.productCode} staat niet in de catalogus`);
      return;
    }
    if (start === null) return;
    if (!selectable(product, start))
      add(`${at}.productcode`, `${product.code} geldt niet op de ingangsdatum ${line.start}`);
    else if (!contractFor(facts.contracts, facts.providerAgb, product.code, start))
      add(
        `${at}.productcode`,
        `aanbieder ${facts.providerAgb} heeft geen contract voor ${product.code} op ${line.start}`,
      );
    if (!product.freelyAccessible && !facts.expertAdvice)
      add(
        'adviesExpertpool',
        `${product.code} is niet vrij toegankelijk: leg eerst het advies van de expertpool vast (GRO-GATE-EXPERTPOOL)`,
      );
  });
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (seen.has(line.productCode))
      add(`producten.${i}.productcode`, 'dit product staat er al in; één regel per product');
    seen.add(line.productCode);
  });

  const texts: [keyof Handover & string, string, string][] = [
    ['clarifiedQuestion', 'vraagverheldering', 'de uitkomst van de vraagverheldering'],
    ['analysisSummary', 'analyse', 'een samenvatting van de probleem- en krachtenanalyse'],
    ['estimatedNeed', 'ondersteuningsbehoefte', 'de ingeschatte ondersteuningsbehoefte'],
    ['motivation', 'onderbouwing', 'de onderbouwing van de gevraagde hulp'],
  ];
  for (const [key, path, what] of texts)
    if (String(handover[key]).trim() === '')
      add(`overdracht.${path}`, `geef ${what} mee (GRO-DEC-OVERDRACHT)`);
  const young = handover.contacts.findIndex(
    (c) =>
      c.role === 'jeugdige' && (facts.client.id === undefined || c.personId === facts.client.id),
  );
  if (young < 0) add('overdracht.contacten', 'de contactgegevens van de jeugdige ontbreken');
  else
    problems.push(
      ...addressProblems(handover.contacts[young]?.address, `overdracht.contacten.${young}.adres`),
    );
  if (!handover.contacts.some((c) => c.role === 'gezagsdrager' && reachable(c)))
    add(
      'overdracht.contacten',
      'geef van ten minste één gezagsdrager een telefoonnummer of e-mailadres (GRO-DEC-OVERDRACHT)',
    );
  if (!handover.contacts.some((c) => c.role === 'casusregisseur' && reachable(c)))
    add('overdracht.contacten', 'hoe is de casusregisseur bereikbaar? (GRO-DEC-OVERDRACHT)');
  return problems;
}

const PREFIXES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'ter',
  'ten',
  'te',
  'in',
  'op',
  'la',
  'le',
  'el',
  'al',
]);

/**
 * A Dutch full name as the iJw client name wants it: first names, the prefix (voorvoegsel)
 * and the surname; "Sanne van der Berg" → Sanne / van der / Berg. The last word is always the
 * surname, a run of lower-case prefixes before it the prefix.
 */
export function splitName(full: string): {
  firstNames: string;
  prefix: string;
  lastName: string;
  initials: string;
} {
  const words = full.trim().split(/\s+/).filter(Boolean);
  const lastName = words.pop() ?? '';
  const prefix: string[] = [];
  while (words.length > 1 && PREFIXES.has(words[words.length - 1] ?? ''))
    prefix.unshift(words.pop() ?? '');
  return {
    firstNames: words.join(' '),
    prefix: prefix.join(' '),
    lastName,
    initials: words.map((w) => `${w.charAt(0).toUpperCase()}`).join(''),
  };
}
