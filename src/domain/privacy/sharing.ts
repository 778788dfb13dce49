/**
 * Decisions to share information about a family (issue 8; DOMAIN.md section 10; ADR 0020).
 * Each decision says what is shared, with whom and on which basis:
 * - `toestemming`: the family's consent, a reference to the consent register (ADR 0018);
 * - `afweging`: sharing without consent after a recorded weighing — the five questions of ZTM
 *   "Privacy en ethiek" (solid signal, justified purpose, subsidiarity, proportionality,
 *   effectiveness), each answered yes with a motivation, and whether the person is informed;
 * - `wettelijke-uitzondering`: an exception in the law — directly involved professionals as far
 *   as needed (Jeugdwet 7.3.11 lid 2a), the GI carrying out a court measure (7.3.11 lid 4), or
 *   overmacht in concrete danger (GRO "Privacy").
 * The family sees every decision unless a reason to withhold it is recorded. Pure validation.
 */
import { RECIPIENT_KINDS, type RecipientKind } from './consent.js';

export const SHARING_BASES = ['toestemming', 'afweging', 'wettelijke-uitzondering'] as const;
export type SharingBasis = (typeof SHARING_BASES)[number];

export const LEGAL_EXCEPTIONS = ['direct-betrokken', 'gi-maatregel', 'overmacht'] as const;
export type LegalException = (typeof LEGAL_EXCEPTIONS)[number];

/** The five questions of the weighing, in the order ZTM asks them. */
export const WEIGHING_QUESTIONS = [
  'signaal',
  'doel',
  'subsidiariteit',
  'proportionaliteit',
  'doelmatigheid',
] as const;
export type WeighingQuestion = (typeof WEIGHING_QUESTIONS)[number];

/** Where the rules come from, cited in refusals and in the UI. */
export const SHARING_SOURCES = {
  wet: 'Jeugdwet artikel 7.3.11',
  afweging: 'ZTM "Privacy en ethiek"',
  overmacht: 'GRO "Privacy"',
} as const;

/** Dutch wording of the questions, in our own words (shared with the UI). */
export const WEIGHING_NL: Record<WeighingQuestion, string> = {
  signaal: 'Is het signaal stevig genoeg onderbouwd?',
  doel: 'Is het doel van het delen gerechtvaardigd?',
  subsidiariteit: 'Subsidiariteit: is er geen minder ingrijpende manier?',
  proportionaliteit: 'Proportionaliteit: weegt het delen op tegen het doel?',
  doelmatigheid: 'Doelmatigheid: helpt dit delen het meest?',
};

export const EXCEPTION_NL: Record<LegalException, string> = {
  'direct-betrokken':
    'rechtstreeks betrokken hulpverlener, voor zover nodig (Jeugdwet 7.3.11 lid 2a)',
  'gi-maatregel': 'gecertificeerde instelling die een maatregel uitvoert (Jeugdwet 7.3.11 lid 4)',
  overmacht: 'overmacht: concreet (levens)gevaar (GRO "Privacy")',
};

export const BASIS_NL: Record<SharingBasis, string> = {
  toestemming: 'toestemming van het gezin',
  afweging: 'vastgelegde afweging zonder toestemming',
  'wettelijke-uitzondering': 'wettelijke uitzondering',
};

export interface WeighingAnswer {
  readonly answer: 'ja' | 'nee' | null;
  readonly motivation: string;
}

export interface Weighing {
  readonly answers: Readonly<Record<WeighingQuestion, WeighingAnswer>>;
  /** Whether the person is informed about the sharing (the main rule: yes). */
  readonly informed: boolean | null;
  /** Why not, when not informed (e.g. to protect the young person). */
  readonly notInformedReason: string;
}

export interface SharingInput {
  readonly what: string;
  readonly recipientKind: string;
  /** The organisation or person the information goes to, in words. */
  readonly recipient: string;
  readonly basis: string;
  /** A reference to the consent register (a consent entry's id or description). */
  readonly consentReference: string | null;
  readonly weighing: Weighing | null;
  readonly exception: { readonly kind: string; readonly motivation: string } | null;
  readonly visibleToFamily: boolean;
  readonly withheldReason: string;
}

export interface SharingContext {
  /** The case has a court measure (OTS, voogdij, jeugdreclassering). */
  readonly hasMeasure: boolean;
}

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/**
 * Problems with a sharing decision, by API field. A weighing with any "nee" or without a
 * motivation is refused: without every yes, sharing without consent is not allowed.
 */
export function sharingProblems(input: SharingInput, context: SharingContext): Problem[] {
  const problems: Problem[] = [];
  if (input.what.trim() === '')
    problems.push({ path: 'wat', message: 'beschrijf welke gegevens worden gedeeld' });
  if (!(RECIPIENT_KINDS as readonly string[]).includes(input.recipientKind))
    problems.push({ path: 'ontvangerSoort', message: 'kies een soort ontvanger' });
  if (input.recipient.trim() === '')
    problems.push({ path: 'ontvanger', message: 'noem de organisatie of persoon die het krijgt' });
  if (!(SHARING_BASES as readonly string[]).includes(input.basis))
    problems.push({ path: 'grondslag', message: 'kies toestemming, afweging of uitzondering' });
  if (input.basis === 'toestemming' && (input.consentReference ?? '').trim() === '')
    problems.push({
      path: 'toestemmingVerwijzing',
      message: 'verwijs naar de toestemming in het toestemmingsregister',
    });
  if (input.basis === 'afweging') problems.push(...weighingProblems(input.weighing));
  if (input.basis === 'wettelijke-uitzondering') {
    const ex = input.exception;
    if (!ex || !(LEGAL_EXCEPTIONS as readonly string[]).includes(ex.kind))
      problems.push({ path: 'uitzondering.soort', message: 'kies de wettelijke uitzondering' });
    else if (ex.kind === 'gi-maatregel' && (input.recipientKind !== 'gi' || !context.hasMeasure))
      problems.push({
        path: 'uitzondering.soort',
        message: `alleen naar de gecertificeerde instelling bij een maatregel (${SHARING_SOURCES.wet} lid 4)`,
      });
    if (!ex || ex.motivation.trim() === '')
      problems.push({
        path: 'uitzondering.motivering',
        message: 'leg uit waarom de uitzondering hier geldt',
      });
  }
  if (!input.visibleToFamily && input.withheldReason.trim() === '')
    problems.push({
      path: 'redenNietZichtbaar',
      message: 'leg vast waarom het gezin dit besluit niet mag zien',
    });
  return problems;
}

function weighingProblems(weighing: Weighing | null): Problem[] {
  const problems: Problem[] = [];
  for (const q of WEIGHING_QUESTIONS) {
    const a = weighing?.answers[q];
    if (!a || a.answer === null)
      problems.push({ path: `afweging.${q}.antwoord`, message: 'beantwoord deze vraag' });
    else if (a.answer === 'nee')
      problems.push({
        path: `afweging.${q}.antwoord`,
        message: `met "nee" is delen zonder toestemming niet toegestaan (${SHARING_SOURCES.afweging})`,
      });
    if (!a || a.motivation.trim() === '')
      problems.push({ path: `afweging.${q}.motivering`, message: 'motiveer het antwoord' });
  }
  if (!weighing || weighing.informed === null)
    problems.push({
      path: 'afweging.geinformeerd',
      message: 'zeg of de betrokkene wordt geïnformeerd',
    });
  else if (!weighing.informed && weighing.notInformedReason.trim() === '')
    problems.push({
      path: 'afweging.redenNietGeinformeerd',
      message: `informeren is de hoofdregel; leg vast waarom het hier niet kan (${SHARING_SOURCES.afweging})`,
    });
  return problems;
}

export type { RecipientKind };
