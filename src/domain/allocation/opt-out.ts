/**
 * Opt-out on the medical referral route (GRO-TOE-OPTOUT; DOMAIN.md section 3, route B).
 *
 * When the young person and parents do not consent to informing the local team, the provider
 * puts a signed written statement in the record. The request for allocation (JW315) then goes
 * to the municipality's back office only: the back office assesses it without the local team,
 * or puts an anonymous question to the team — the team never learns who the family is.
 * Casusregie stays with the family (or, exceptionally, the provider).
 *
 * Everything here is pure: the store gathers the facts, these functions decide.
 */
import { parseIsoDate } from '../time/index.js';

export interface OptOutStatement {
  /** `YYYY-MM-DD`: the day the statement was signed. */
  readonly signedOn: string;
  /** The family members (person ids on the case) who signed. */
  readonly signers: readonly string[];
  /** Where the signed statement sits in the provider's record (document reference). */
  readonly reference: string;
}

export interface OptOutFacts {
  readonly route: 'A' | 'B' | 'C';
  /** `YYYY-MM-DD`, Europe/Amsterdam. */
  readonly today: string;
  /** The young people and custodians registered on the case. */
  readonly familyIds: readonly string[];
  /** An opt-out that has not been withdrawn. */
  readonly alreadyActive: boolean;
  /** A local team already has a role on the case or is responsible for it. */
  readonly localTeamInvolved: boolean;
}

export interface OptOutProblem {
  readonly path: string;
  readonly message: string;
}

/** What stands in the way of recording this statement; empty when it may be stored. */
export function optOutProblems(statement: OptOutStatement, facts: OptOutFacts): OptOutProblem[] {
  const out: OptOutProblem[] = [];
  if (facts.route !== 'B')
    out.push({
      path: 'route',
      message: 'een opt-out hoort bij de medische verwijsroute (route B) (GRO-TOE-OPTOUT)',
    });
  if (facts.alreadyActive)
    out.push({ path: 'optOut', message: 'er is al een opt-out vastgelegd voor deze casus' });
  if (facts.localTeamInvolved)
    out.push({
      path: 'lokaalTeam',
      message:
        'het lokale team is al betrokken bij deze casus; een opt-out geldt vóórdat het team wordt geïnformeerd',
    });
  const signed = parseIsoDate(statement.signedOn);
  if (signed === null) out.push({ path: 'ondertekendOp', message: 'vul een geldige datum in' });
  else if (statement.signedOn > facts.today)
    out.push({
      path: 'ondertekendOp',
      message: 'de verklaring kan niet in de toekomst getekend zijn',
    });
  if (statement.signers.length === 0)
    out.push({
      path: 'ondertekendDoor',
      message: 'kies wie de verklaring tekende: de jeugdige of een gezagsdrager',
    });
  statement.signers.forEach((id, i) => {
    if (!facts.familyIds.includes(id))
      out.push({ path: `ondertekendDoor.${i}`, message: 'deze persoon hoort niet bij het gezin' });
  });
  if (new Set(statement.signers).size !== statement.signers.length)
    out.push({ path: 'ondertekendDoor', message: 'dezelfde persoon staat er twee keer in' });
  if (statement.reference.trim() === '')
    out.push({
      path: 'kenmerk',
      message: 'noem waar de getekende verklaring in het dossier staat (kenmerk of documentnaam)',
    });
  return out;
}

export type LocalTeamInvolvement =
  | { readonly allowed: true; readonly anonymous: boolean }
  | { readonly allowed: false; readonly reason: string };

/**
 * May the back office involve the local team in assessing a request, and how? Without an
 * active opt-out: openly (the team may open the case) or anonymously, as the back office
 * chooses. With one: only anonymously, or not at all.
 */
export function localTeamInvolvement(
  optOutActive: boolean,
  anonymousAsked: boolean,
): LocalTeamInvolvement {
  if (optOutActive && !anonymousAsked)
    return {
      allowed: false,
      reason:
        'het gezin heeft een opt-out getekend: het lokale team mag niet weten om wie het gaat; stel de vraag anoniem of beoordeel zonder het team (GRO-TOE-OPTOUT)',
    };
  return { allowed: true, anonymous: anonymousAsked };
}

export interface RequestSnapshot {
  /** `YYYY-MM-DD` of the young person, or null when unknown. */
  readonly birthDate: string | null;
  readonly municipality: string;
  readonly products: readonly {
    readonly code: string;
    readonly name: string;
    readonly volume: number;
    readonly unit: string;
  }[];
}

export interface AnonymisedRequest {
  /** Age in whole years on the day of the question; null when unknown. */
  readonly age: number | null;
  readonly municipality: string;
  readonly products: RequestSnapshot['products'];
}

/** Age in whole years on `on` (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * What an anonymous question shows the local team: age, municipality and the products asked
 * for — no name, BSN, birth date, address or provider reference that could identify the family.
 */
export function anonymise(snapshot: RequestSnapshot, on: string): AnonymisedRequest {
  return {
    age: snapshot.birthDate ? ageOn(snapshot.birthDate, on) : null,
    municipality: snapshot.municipality,
    products: snapshot.products.map((p) => ({ ...p })),
  };
}
