/**
 * The family's consent to share information with others (Jeugdwet 7.3.11; DOMAIN.md section 10;
 * ADR 0018). Pure: the register is a list of entries per family member, per kind of recipient
 * (optionally one organisation) and purpose; a withdrawal is a new entry, so history is kept.
 *
 * Whose consent counts (Jeugdwet 7.3.4, 7.3.5 and 7.3.15, the WGBO rule as youth care applies it):
 * - a young person of 16 or older decides alone (7.3.5 lid 1);
 * - from 12 to 15 the young person and the parents with gezag or the voogd both (7.3.4 lid 2);
 * - under 12 the parents with gezag or the voogd decide (7.3.15 lid 1).
 * A young person whose birth date is unknown is treated as 12-15: both must agree.
 */
import type { Actor, CaseAccessFacts, AccessDecision } from '../access/case-access.js';
import { caseAccess, mayAssignRoles } from '../access/case-access.js';
import { ageInYears } from '../rules/decisions.js';
import { parseIsoDate, type DayNumber } from '../time/index.js';

/**
 * What every consent refusal and warning cites. No region profile holds a consent rule: the law
 * itself applies in every region, so the article is cited instead of a rule ID.
 */
export const CONSENT_RULE = 'Jeugdwet artikel 7.3.11';

export const RECIPIENT_KINDS = [
  'lokaal-team',
  'gemeente-backoffice',
  'school',
  'huisarts',
  'gi',
  'aanbieder',
] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const CONSENT_STATUSES = ['gegeven', 'ingetrokken'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const CONSENT_MANNERS = ['mondeling', 'schriftelijk', 'digitaal'] as const;
export type ConsentManner = (typeof CONSENT_MANNERS)[number];

/** Dutch words for the recipient kinds, shared with the UI. */
export const RECIPIENT_NL: Record<RecipientKind, string> = {
  'lokaal-team': 'lokaal team',
  'gemeente-backoffice': 'backoffice van de gemeente',
  school: 'school',
  huisarts: 'huisarts',
  gi: 'gecertificeerde instelling',
  aanbieder: 'jeugdhulpaanbieder',
};

export type PersonKind = 'jeugdige' | 'ouder' | 'gezagsdrager' | 'voogd';

export interface FamilyMember {
  readonly id: string;
  readonly name: string;
  readonly kind: PersonKind;
  /** `YYYY-MM-DD`, or null when unknown. */
  readonly birthDate: string | null;
}

export interface ConsentEntry {
  readonly id: string;
  readonly personId: string;
  readonly recipientKind: RecipientKind;
  /** A specific organisation, or null: every organisation of this kind. */
  readonly organisationId: string | null;
  readonly purpose: string;
  readonly status: ConsentStatus;
  /** The day it was given or withdrawn, `YYYY-MM-DD`. */
  readonly on: string;
  readonly manner: ConsentManner;
  /** When it was recorded (ms); orders entries of the same day. */
  readonly recordedAt: number;
}

export interface ConsentRegister {
  readonly members: readonly FamilyMember[];
  readonly entries: readonly ConsentEntry[];
}

export type ConsentState = 'gegeven' | 'ingetrokken' | 'onbekend';

/** Whose consent counts for a young person of this age (null: birth date unknown). */
export type AgeBand = 'onder-12' | '12-15' | '16-plus';

export function ageBand(birthDate: string | null, day: DayNumber): AgeBand {
  const birth = birthDate === null ? null : parseIsoDate(birthDate);
  if (birth === null) return '12-15';
  const age = ageInYears(birth, day);
  if (age >= 16) return '16-plus';
  if (age >= 12) return '12-15';
  return 'onder-12';
}

const REPRESENTATIVE_KINDS: readonly PersonKind[] = ['ouder', 'gezagsdrager', 'voogd'];

/** Does this person decide for themselves (a young person of 12 or older, or an adult)? */
export function decidesForSelf(member: FamilyMember, day: DayNumber): boolean {
  return member.kind !== 'jeugdige' || ageBand(member.birthDate, day) !== 'onder-12';
}

/**
 * The family members whose consent is required, with why: per young person by age band; the
 * parents with gezag and the voogd are the household's `ouder`, `gezagsdrager` and `voogd`.
 */
export function requiredPersons(
  members: readonly FamilyMember[],
  day: DayNumber,
): { readonly member: FamilyMember; readonly why: string }[] {
  const out = new Map<string, { member: FamilyMember; why: string[] }>();
  const add = (member: FamilyMember, why: string) => {
    const found = out.get(member.id);
    if (found) found.why.push(why);
    else out.set(member.id, { member, why: [why] });
  };
  const representatives = members.filter((m) => REPRESENTATIVE_KINDS.includes(m.kind));
  for (const child of members.filter((m) => m.kind === 'jeugdige')) {
    const band = ageBand(child.birthDate, day);
    if (band === '16-plus') add(child, `${child.name} is 16 of ouder en beslist zelf (7.3.5)`);
    else {
      if (band === '12-15')
        add(
          child,
          child.birthDate === null
            ? `geboortedatum van ${child.name} onbekend: jeugdige en gezag beslissen samen`
            : `${child.name} is 12 tot 16: jeugdige en gezag beslissen samen (7.3.4 lid 2)`,
        );
      for (const r of representatives)
        add(
          r,
          band === 'onder-12'
            ? `beslist voor ${child.name}, jonger dan 12 (7.3.15 lid 1)`
            : `beslist mee voor ${child.name} (7.3.4 lid 2)`,
        );
    }
  }
  return [...out.values()].map(({ member, why }) => ({ member, why: why.join('; ') }));
}

/** Does an entry concern this recipient? A general entry covers every organisation of its kind. */
const covers = (e: ConsentEntry, kind: RecipientKind, organisationId: string | null) =>
  e.recipientKind === kind && (e.organisationId === null || e.organisationId === organisationId);

/**
 * The latest entry of a person for a recipient on a day (by date, then by the moment of
 * recording; a tie goes to the withdrawal).
 */
export function latestEntry(
  entries: readonly ConsentEntry[],
  personId: string,
  kind: RecipientKind,
  organisationId: string | null,
  day: DayNumber,
): ConsentEntry | null {
  let latest: ConsentEntry | null = null;
  for (const e of entries) {
    if (e.personId !== personId || !covers(e, kind, organisationId)) continue;
    const on = parseIsoDate(e.on);
    if (on === null || on > day) continue;
    if (
      latest === null ||
      e.on > latest.on ||
      (e.on === latest.on && e.recordedAt > latest.recordedAt) ||
      // Recorded in the same instant: the withdrawal wins, the careful reading.
      (e.on === latest.on && e.recordedAt === latest.recordedAt && e.status === 'ingetrokken')
    )
      latest = e;
  }
  return latest;
}

export interface PersonConsent {
  readonly personId: string;
  readonly name: string;
  readonly state: ConsentState;
  readonly why: string;
  readonly entry: ConsentEntry | null;
  readonly reason: string;
}

export interface ConsentEvaluation {
  readonly state: ConsentState;
  readonly persons: readonly PersonConsent[];
  readonly reasons: readonly string[];
}

/**
 * The consent state for sharing with a recipient on a day, per required person, with reasons.
 * Withdrawn when any required person's latest entry is a withdrawal; given when every required
 * person's latest entry is consent; unknown otherwise. Legal grounds to share without consent
 * are not consent: they are weighed and recorded elsewhere.
 */
export function consentFor(
  register: ConsentRegister,
  recipientKind: RecipientKind,
  organisationId: string | null,
  day: DayNumber,
): ConsentEvaluation {
  const persons = requiredPersons(register.members, day).map(({ member, why }): PersonConsent => {
    const entry = latestEntry(register.entries, member.id, recipientKind, organisationId, day);
    const state: ConsentState =
      entry === null ? 'onbekend' : entry.status === 'gegeven' ? 'gegeven' : 'ingetrokken';
    const reason =
      entry === null
        ? `${member.name}: geen toestemming vastgelegd`
        : `${member.name}: ${entry.status === 'gegeven' ? 'gegeven' : 'ingetrokken'} op ${entry.on} (${entry.manner}) voor "${entry.purpose}"`;
    return { personId: member.id, name: member.name, state, why, entry, reason };
  });
  const state: ConsentState = persons.some((p) => p.state === 'ingetrokken')
    ? 'ingetrokken'
    : persons.length > 0 && persons.every((p) => p.state === 'gegeven')
      ? 'gegeven'
      : 'onbekend';
  const reasons =
    persons.length === 0
      ? ['geen jeugdige in het gezin: niemand om toestemming te vragen']
      : persons.map((p) => p.reason);
  return { state, persons, reasons };
}

/** Dutch day `YYYY-MM-DD` → `dd-mm-jjjj`. */
const nlDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/**
 * The message that refuses sharing after a withdrawal: who withdrew consent for which recipient,
 * and when.
 */
export function withdrawalMessage(
  evaluation: ConsentEvaluation,
  kind: RecipientKind,
  consequence = 'Zonder toestemming gaat de casusregie niet over naar deze organisatie',
): string {
  const parts = evaluation.persons.flatMap((p) =>
    p.state === 'ingetrokken' && p.entry
      ? [
          `${p.name} heeft op ${nlDate(p.entry.on)} (${p.entry.manner}) de toestemming ingetrokken om gegevens te delen met ${RECIPIENT_NL[kind]} (doel: ${p.entry.purpose})`,
        ]
      : [],
  );
  return `Toestemming ingetrokken: ${parts.join('; ')}. ${consequence} (${CONSENT_RULE}).`;
}

/** The recipient kind of an organisation; null for kinds that take part without consent. */
export function recipientKindOf(organisationKind: string): RecipientKind | null {
  switch (organisationKind) {
    case 'lokaal-team':
      return 'lokaal-team';
    case 'gemeente':
      return 'gemeente-backoffice';
    case 'huisartsenpraktijk':
      return 'huisarts';
    case 'gi':
      return 'gi';
    case 'aanbieder':
      return 'aanbieder';
    default:
      return null;
  }
}

export type HandoverConsent =
  | { readonly outcome: 'zelfde-organisatie' }
  | { readonly outcome: 'wettelijke-grond'; readonly message: string }
  | { readonly outcome: 'geen-soort' }
  | {
      readonly outcome: 'gegeven' | 'onbekend' | 'ingetrokken';
      readonly kind: RecipientKind;
      readonly evaluation: ConsentEvaluation;
      readonly message: string;
    };

/**
 * Handing casusregie to another organisation shares the record with it (7.3.11). Within the same
 * organisation no consent is asked (7.3.11 lid 2 a). A GI that carries out a court measure gets
 * information without consent (7.3.4 lid 1, 7.3.11 lid 4). Otherwise the consent state decides:
 * a withdrawal blocks, a missing entry warns (ADR 0018).
 */
export function handoverConsent(
  register: ConsentRegister,
  target: { readonly organisationId: string; readonly organisationKind: string },
  currentOrganisationId: string | null,
  measure: string | null,
  day: DayNumber,
): HandoverConsent {
  if (currentOrganisationId !== null && currentOrganisationId === target.organisationId)
    return { outcome: 'zelfde-organisatie' };
  const kind = recipientKindOf(target.organisationKind);
  if (kind === null) return { outcome: 'geen-soort' };
  if (kind === 'gi' && measure !== null)
    return {
      outcome: 'wettelijke-grond',
      message:
        'De gecertificeerde instelling voert een kinderbeschermingsmaatregel uit en krijgt de gegevens zonder toestemming (Jeugdwet 7.3.4 lid 1 en 7.3.11 lid 4).',
    };
  const evaluation = consentFor(register, kind, target.organisationId, day);
  const message =
    evaluation.state === 'ingetrokken'
      ? withdrawalMessage(evaluation, kind)
      : evaluation.state === 'gegeven'
        ? `Toestemming gegeven om gegevens te delen met ${RECIPIENT_NL[kind]} (${CONSENT_RULE}).`
        : `Toestemming niet vastgelegd om gegevens te delen met ${RECIPIENT_NL[kind]}: vraag die en leg die vast (${CONSENT_RULE}).`;
  return { outcome: evaluation.state, kind, evaluation, message };
}

export interface ConsentInput {
  readonly personId: string;
  readonly recipientKind: RecipientKind;
  readonly organisationId: string | null;
  readonly purpose: string;
  readonly status: ConsentStatus;
  readonly on: string;
  readonly manner: ConsentManner;
}

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/**
 * Checks an entry before it is recorded: a family member of this case who decides for themselves
 * (a child under 12 does not: their parents or voogd do), a purpose, a day not in the future, and
 * an organisation of the chosen kind (a school is never one of ours).
 */
export function consentProblems(
  input: ConsentInput,
  context: {
    readonly members: readonly FamilyMember[];
    readonly today: DayNumber;
    /** The kind of the named organisation, or null when it is unknown. */
    readonly organisationKind: string | null;
  },
): Problem[] {
  const problems: Problem[] = [];
  const member = context.members.find((m) => m.id === input.personId);
  if (!member) problems.push({ path: 'persoonId', message: 'kies een lid van dit gezin' });
  else if (!decidesForSelf(member, context.today))
    problems.push({
      path: 'persoonId',
      message: `${member.name} is jonger dan 12: de ouders met gezag of de voogd beslissen (Jeugdwet 7.3.15)`,
    });
  if (input.purpose.trim().length < 5)
    problems.push({ path: 'doel', message: 'schrijf waarvoor de gegevens worden gedeeld' });
  const on = parseIsoDate(input.on);
  if (on === null) problems.push({ path: 'datum', message: 'een datum als jjjj-mm-dd' });
  else if (on > context.today)
    problems.push({ path: 'datum', message: 'de datum ligt in de toekomst' });
  if (input.organisationId !== null) {
    if (context.organisationKind === null)
      problems.push({ path: 'organisatieId', message: 'onbekende organisatie' });
    else if (recipientKindOf(context.organisationKind) !== input.recipientKind)
      problems.push({
        path: 'organisatieId',
        message: `deze organisatie is geen ${RECIPIENT_NL[input.recipientKind]}`,
      });
  }
  return problems;
}

/**
 * Who records consent on a case: whoever may assign roles, and the casusregisseur — the staff
 * member holding casusregie, or a casusregisseur of the organisation that holds it.
 */
export function mayRecordConsent(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  const assigns = mayAssignRoles(actor, facts);
  if (assigns.allowed) return assigns;
  const regie = facts.activeRoles.find(
    (r) =>
      r.role === 'casusregie' &&
      (r.staffId === actor.staffId ||
        (r.staffId === null &&
          r.organisationId === actor.organisationId &&
          actor.roles.includes('casusregisseur'))),
  );
  if (regie) return { allowed: true, basis: 'eigen-rol', role: 'casusregie' };
  return {
    allowed: false,
    reason: 'alleen de casusregisseur of wie rollen toewijst legt toestemming vast',
  };
}
