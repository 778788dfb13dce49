/**
 * Requests about the record (Jeugdwet artikelen 7.3.9 and 7.3.10; DOMAIN.md section 10; ADR
 * 0019): inspection and a copy, and destruction. Who may ask, what a decision needs, which
 * parts of the record may be withheld, and the export's versioned structure with the withheld
 * items taken out. Working notes are not part of the record and never reach this module.
 * Pure: the store collects the facts and stores the outcome.
 */
import { addYearsMonths, parseIsoDate, type DayNumber } from '../time/index.js';

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** Inspection and copy (7.3.10), or destruction (7.3.9). */
export const RECORD_REQUEST_KINDS = ['inzage-afschrift', 'vernietiging'] as const;
export type RecordRequestKind = (typeof RECORD_REQUEST_KINDS)[number];

export const RECORD_REQUEST_LABELS: Readonly<Record<RecordRequestKind, string>> = {
  'inzage-afschrift': 'Inzage en afschrift (Jeugdwet artikel 7.3.10)',
  vernietiging: 'Vernietiging (Jeugdwet artikel 7.3.9)',
};

/** The legal exceptions on which a request for destruction may be refused (7.3.9 lid 2). */
export const REFUSAL_GROUNDS = ['belang-ander', 'wettelijke-plicht', 'niet-gerechtigd'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const REFUSAL_GROUND_LABELS: Readonly<
  Record<RefusalGround, { readonly text: string; readonly rule: string }>
> = {
  'belang-ander': {
    text: 'Bewaren is van aanmerkelijk belang voor een ander dan de verzoeker',
    rule: 'Jeugdwet artikel 7.3.9 lid 2',
  },
  'wettelijke-plicht': {
    text: 'Een wettelijke regel verzet zich tegen vernietiging',
    rule: 'Jeugdwet artikel 7.3.9 lid 2',
  },
  'niet-gerechtigd': {
    text: 'Het verzoek komt niet van degene die het mag doen',
    rule: 'Jeugdwet artikelen 7.3.9 lid 1 en 7.3.15',
  },
};

export const DESTRUCTION_DECISIONS = ['vernietigen', 'weigeren'] as const;
export type DestructionDecision = (typeof DESTRUCTION_DECISIONS)[number];

/** Parts of the record a clerk can leave out of an export, each by its id. */
export const WITHHOLDABLE_KINDS = [
  'tijdlijn',
  'planversie',
  'beoordeling',
  'evaluatie',
  'verslag',
  'overdracht',
] as const;
export type WithholdableKind = (typeof WITHHOLDABLE_KINDS)[number];

export const WITHHOLDABLE_LABELS: Readonly<Record<WithholdableKind, string>> = {
  tijdlijn: 'Tijdlijnregel',
  planversie: 'Planversie',
  beoordeling: 'Beoordeling',
  evaluatie: 'Evaluatie',
  verslag: 'Verslag van een aanbieder',
  overdracht: 'Overdracht van casusregie',
};

/** What a withholding, an export and the refusal of a request cite. */
export const INSPECTION_RULE = 'Jeugdwet artikel 7.3.10';
export const DESTRUCTION_RULE = 'Jeugdwet artikel 7.3.9';

export const REASON_MIN = 10;
export const REASON_MAX = 4000;

export interface HouseholdPerson {
  readonly id: string;
  readonly kind: 'jeugdige' | 'ouder' | 'gezagsdrager' | 'voogd';
  readonly birthDate: string | null;
}

export interface RecordRequestInput {
  readonly kind: RecordRequestKind;
  readonly personId: string;
  /** The day the request came in, `YYYY-MM-DD`. */
  readonly receivedOn: string;
}

const ageBelow = (person: HouseholdPerson, years: number, on: DayNumber): boolean => {
  const born = person.birthDate === null ? null : parseIsoDate(person.birthDate);
  return born !== null && addYearsMonths(born, years, 0) > on;
};

/**
 * A request is recorded for a person of the household, on a real day that is not in the
 * future. A child under twelve does not ask by itself: its parents with gezag or its voogd do
 * (Jeugdwet 7.3.15 lid 1).
 */
export function recordRequestProblems(
  input: RecordRequestInput,
  persons: readonly HouseholdPerson[],
  today: DayNumber,
): Problem[] {
  const problems: Problem[] = [];
  const received = parseIsoDate(input.receivedOn);
  if (received === null)
    problems.push({ path: 'ontvangenOp', message: 'geef een geldige datum (JJJJ-MM-DD)' });
  else if (received > today)
    problems.push({ path: 'ontvangenOp', message: 'de datum van ontvangst ligt in de toekomst' });
  const person = persons.find((p) => p.id === input.personId);
  if (!person) problems.push({ path: 'persoonId', message: 'kies iemand uit dit gezin' });
  else if (person.kind === 'jeugdige' && ageBelow(person, 12, received ?? today))
    problems.push({
      path: 'persoonId',
      message:
        'een kind jonger dan 12 jaar vraagt niet zelf; dat doen de ouders met gezag of de voogd (Jeugdwet artikel 7.3.15 lid 1)',
    });
  return problems;
}

/**
 * Warnings that do not stop recording: a parent asking while the household has a young person
 * of sixteen or older — for that young person's part the parent needs his or her consent
 * (Jeugdwet 7.3.11 lid 2 onder b with 7.3.4).
 */
export function recordRequestWarnings(
  input: RecordRequestInput,
  persons: readonly HouseholdPerson[],
  today: DayNumber,
): string[] {
  const person = persons.find((p) => p.id === input.personId);
  if (!person || person.kind === 'jeugdige') return [];
  const on = parseIsoDate(input.receivedOn) ?? today;
  const adult = persons.some(
    (p) => p.kind === 'jeugdige' && p.birthDate !== null && !ageBelow(p, 16, on),
  );
  return adult
    ? [
        'Het gezin heeft een jeugdige van 16 jaar of ouder: voor diens gegevens heeft de ouder diens toestemming nodig (Jeugdwet artikel 7.3.11 lid 2 onder b; geldt in elke regio).',
      ]
    : [];
}

const reasonProblem = (path: string, reason: string | null | undefined): Problem | null => {
  const text = (reason ?? '').trim();
  if (text.length < REASON_MIN)
    return { path, message: `schrijf de reden op (minstens ${REASON_MIN} tekens)` };
  if (text.length > REASON_MAX) return { path, message: `hoogstens ${REASON_MAX} tekens` };
  return null;
};

export interface DestructionDecisionInput {
  readonly decision: DestructionDecision;
  readonly ground: RefusalGround | null;
  readonly reason: string | null;
}

/**
 * Destroying needs no ground (it is what the law asks), refusing needs one of the exceptions
 * and a written reason (Jeugdwet 7.3.9 lid 2). A request that was decided is not decided again.
 */
export function destructionDecisionProblems(
  input: DestructionDecisionInput,
  request: { readonly kind: RecordRequestKind; readonly decided: boolean },
): Problem[] {
  if (request.kind !== 'vernietiging')
    return [{ path: 'verzoek', message: 'dit verzoek gaat niet over vernietiging' }];
  if (request.decided) return [{ path: 'verzoek', message: 'over dit verzoek is al besloten' }];
  if (input.decision === 'vernietigen') return [];
  const problems: Problem[] = [];
  if (input.ground === null)
    problems.push({
      path: 'grond',
      message: `kies de uitzondering waarop u weigert (${DESTRUCTION_RULE} lid 2)`,
    });
  const reason = reasonProblem('reden', input.reason);
  if (reason) problems.push(reason);
  return problems;
}

/** A withholding needs a reason: whose privacy it protects and why (7.3.10, second sentence). */
export function withholdingProblems(reason: string): Problem[] {
  const problem = reasonProblem('reden', reason);
  return problem ? [problem] : [];
}

// ---- The export -------------------------------------------------------------------------

/** The export's format name and version; a reader checks both before reading on. */
export const RECORD_FORMAT = 'casusregie-dossier';
export const RECORD_FORMAT_VERSION = 1;

export interface RecordPerson {
  readonly id: string;
  readonly soort: string;
  readonly naam: string;
  readonly geboortedatum: string | null;
  readonly bsn: string | null;
}

export interface RecordRole {
  readonly rol: string;
  readonly houder: string;
  readonly organisatie: string | null;
  readonly medewerker: string | null;
  readonly vanaf: string;
  readonly tot: string | null;
  readonly reden: string | null;
}

export interface RecordTimelineEntry {
  readonly id: string;
  readonly type: string;
  readonly op: string;
  readonly soort: string | null;
  readonly datum: string | null;
  readonly notitie: string | null;
}

export interface RecordPlanVersion {
  readonly id: string;
  readonly versie: number;
  readonly status: string;
  readonly ingangsdatum: string;
  readonly vastgesteldOp: string | null;
  readonly inhoud: unknown;
}

export interface RecordPlan {
  readonly id: string;
  readonly soort: string;
  readonly versies: readonly RecordPlanVersion[];
}

export interface RecordItem {
  readonly id: string;
  readonly soort: string;
  readonly op: string;
  readonly inhoud: unknown;
}

export interface RecordHandover {
  readonly id: string;
  readonly status: string;
  readonly reden: string;
  readonly gestartOp: string;
  readonly beeindigdOp: string | null;
  readonly gesprekken: readonly { readonly gehoudenOp: string; readonly samenvatting: string }[];
}

export interface RecordAccess {
  readonly op: string;
  readonly medewerker: string | null;
  readonly organisatie: string | null;
  readonly rol: string | null;
  readonly handeling: string;
}

/** The record as the store reads it, before anything is withheld. */
export interface RecordContent {
  readonly casus: {
    readonly id: string;
    readonly regio: string;
    readonly route: string;
    readonly segment: string;
    readonly maatregel: string | null;
    readonly stap: string;
    readonly aangemeldOp: string;
    readonly afgeslotenOp: string | null;
  };
  readonly gezin: { readonly naam: string; readonly personen: readonly RecordPerson[] };
  readonly rollen: readonly RecordRole[];
  readonly tijdlijn: readonly RecordTimelineEntry[];
  readonly plannen: readonly RecordPlan[];
  readonly beoordelingen: readonly RecordItem[];
  readonly evaluaties: readonly RecordItem[];
  readonly verslagen: readonly RecordItem[];
  readonly overdrachten: readonly RecordHandover[];
  readonly afsluiting: unknown;
  /** Who read or changed the record (the access log), when the log holds the case. */
  readonly toegangslog: readonly RecordAccess[];
}

export interface RecordExport extends RecordContent {
  readonly formaat: typeof RECORD_FORMAT;
  readonly versie: typeof RECORD_FORMAT_VERSION;
  readonly gemaaktOp: string;
  readonly verzoek: {
    readonly id: string;
    readonly ontvangenOp: string;
    readonly verzoeker: { readonly naam: string; readonly soort: string };
  };
  /** Whether something was left out, never what (Jeugdwet 7.3.10, second sentence). */
  readonly achtergehouden: { readonly iets: boolean; readonly toelichting: string | null };
}

export const WITHHELD_NOTICE =
  'Een deel van het dossier is niet opgenomen, omdat de persoonlijke levenssfeer van een ander dat vraagt (Jeugdwet artikel 7.3.10).';

export interface Withholding {
  readonly kind: WithholdableKind;
  readonly itemId: string;
}

/**
 * The export for one request: the record without the withheld items, and a notice that
 * something was withheld when anything was (without saying what).
 */
export function buildRecordExport(
  content: RecordContent,
  request: RecordExport['verzoek'],
  withheld: readonly Withholding[],
  madeAt: string,
): RecordExport {
  const out = (kind: WithholdableKind) => {
    const ids = new Set(withheld.filter((w) => w.kind === kind).map((w) => w.itemId));
    return <T extends { readonly id: string }>(items: readonly T[]) =>
      items.filter((i) => !ids.has(i.id));
  };
  const planVersions = out('planversie');
  const plannen = content.plannen
    .map((p) => ({ ...p, versies: planVersions(p.versies) }))
    .filter((p) => p.versies.length > 0);
  const anything = withheld.length > 0;
  return {
    formaat: RECORD_FORMAT,
    versie: RECORD_FORMAT_VERSION,
    gemaaktOp: madeAt,
    verzoek: request,
    ...content,
    tijdlijn: out('tijdlijn')(content.tijdlijn),
    plannen,
    beoordelingen: out('beoordeling')(content.beoordelingen),
    evaluaties: out('evaluatie')(content.evaluaties),
    verslagen: out('verslag')(content.verslagen),
    overdrachten: out('overdracht')(content.overdrachten),
    achtergehouden: { iets: anything, toelichting: anything ? WITHHELD_NOTICE : null },
  };
}

/** Every item of the record a clerk may withhold, with a short label to choose from. */
export function withholdableItems(
  content: RecordContent,
): { readonly kind: WithholdableKind; readonly id: string; readonly label: string }[] {
  const cut = (text: string | null) =>
    text === null ? '' : text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return [
    ...content.tijdlijn.map((e) => ({
      kind: 'tijdlijn' as const,
      id: e.id,
      label: `${e.op.slice(0, 10)} ${e.type}${e.notitie ? `: ${cut(e.notitie)}` : ''}`,
    })),
    ...content.plannen.flatMap((p) =>
      p.versies.map((v) => ({
        kind: 'planversie' as const,
        id: v.id,
        label: `${p.soort} versie ${v.versie} (${v.status})`,
      })),
    ),
    ...content.beoordelingen.map((i) => ({
      kind: 'beoordeling' as const,
      id: i.id,
      label: `${i.op.slice(0, 10)} ${i.soort}`,
    })),
    ...content.evaluaties.map((i) => ({
      kind: 'evaluatie' as const,
      id: i.id,
      label: `${i.op.slice(0, 10)} ${i.soort}`,
    })),
    ...content.verslagen.map((i) => ({
      kind: 'verslag' as const,
      id: i.id,
      label: `${i.op.slice(0, 10)} ${i.soort}`,
    })),
    ...content.overdrachten.map((h) => ({
      kind: 'overdracht' as const,
      id: h.id,
      label: `${h.gestartOp.slice(0, 10)} overdracht (${h.status})`,
    })),
  ];
}
