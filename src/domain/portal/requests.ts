/**
 * What a family member may ask for and write in the family portal (issue 10, ADR 0026). Pure:
 * the store collects the facts (the person's portal role, whether the family holds casusregie,
 * an open request) and applies these answers.
 *
 * - **Ask for a casusregisseur.** When the family holds casusregie itself and no longer wants
 *   to carry it (DOMAIN.md section 2: casusregie stays with the family unless it cannot or does
 *   not want to), it asks the local team for a professional. A representative asks for the
 *   family, and so may a young person of 16 or older, who decides alone (Jeugdwet 7.3.5 lid 1);
 *   a young person of 12 to 15 asks together with the parents (7.3.4 lid 2), so the parents send
 *   it. Only when the family holds casusregie, and one open request at a time.
 * - **Inspection or a copy of the record** (Jeugdwet 7.3.10): the right is the young person's
 *   own from 12 — only under 12 do the parents exercise it for them (7.3.15 lid 1) — so every
 *   portal user may ask: a young person of 12 or older for their own data, a representative for
 *   themselves and the children (the parents of a 12-15-year-old are entitled to information
 *   too, 7.3.11 lid 2 b; for a 16+ young person the casusregisseur needs that young person's
 *   consent and the request warns about it). What is withheld to protect another person's
 *   privacy is decided on the professional side (ADR 0019).
 * - **Own notes**: up to 2000 characters, private to the writer; shared only with the
 *   casusregisseur when the writer chooses so. Other family members never read them (AVG: a
 *   person's own words; the 7.3.10 exception for another person's privacy).
 */
import {
  caseAccess,
  type AccessDecision,
  type Actor,
  type CaseAccessFacts,
} from '../access/case-access.js';
import { proposerSide } from '../allocation/adjustment.js';
import type { PortalRole } from './eligibility.js';

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** A refusal the API turns into 403 (who may not) or 409 (not now), naming the field. */
export interface Refusal {
  readonly status: 403 | 409;
  readonly path: string;
  readonly message: string;
}

/** The longest reason for a casusregisseur request, and the longest own note (characters). */
export const CASUSREGISSEUR_REASON_MAX = 500;
export const FAMILY_NOTE_MAX = 2000;

export interface CasusregisseurFacts {
  readonly role: PortalRole;
  /** The family holds casusregie on the case now. */
  readonly familyHoldsCasusregie: boolean;
  /** A request since the family took casusregie is still waiting. */
  readonly openRequest: boolean;
}

/**
 * Whether the person may ask for a casusregisseur now; null when allowed. Who asks comes before
 * whether it can be asked now, so a young person of 14 hears the same answer in every case.
 */
export function casusregisseurRefusal(facts: CasusregisseurFacts): Refusal | null {
  if (facts.role === 'jongere-12-15')
    return {
      status: 403,
      path: 'casusregisseur',
      message:
        'Dit vraag je samen met je ouders. Zij kunnen het hier voor het gezin vragen. Vanaf 16 jaar kun je het zelf vragen.',
    };
  if (!facts.familyHoldsCasusregie)
    return {
      status: 409,
      path: 'casusregisseur',
      message: 'Uw gezin heeft al een casusregisseur. U hoeft dit niet meer te vragen.',
    };
  if (facts.openRequest)
    return {
      status: 409,
      path: 'casusregisseur',
      message: 'U heeft al om een casusregisseur gevraagd. Het lokaal team neemt contact met u op.',
    };
  return null;
}

/** A reason is optional; when given, it is short. */
export function casusregisseurReasonProblems(reason: string | null): Problem[] {
  if (reason !== null && reason.trim().length > CASUSREGISSEUR_REASON_MAX)
    return [{ path: 'reden', message: `hoogstens ${CASUSREGISSEUR_REASON_MAX} tekens` }];
  return [];
}

/** The longest explanation the local team gives the family when it declines (characters). */
export const DECLINE_REASON_MAX = 2000;

/**
 * The local team's answer "no" to a family's request for a casusregisseur: the family reads
 * why, so the explanation is required (and at most `DECLINE_REASON_MAX`). Only an open request
 * can be declined; the family may ask again afterwards.
 */
export function declineProblems(openRequest: boolean, reason: string): Problem[] | Refusal {
  if (!openRequest)
    return {
      status: 409,
      path: 'verzoek',
      message: 'Er is geen open verzoek van het gezin om een casusregisseur.',
    };
  const text = reason.trim();
  if (text.length === 0)
    return [{ path: 'toelichting', message: 'schrijf voor het gezin waarom niet' }];
  if (text.length > DECLINE_REASON_MAX)
    return [{ path: 'toelichting', message: `hoogstens ${DECLINE_REASON_MAX} tekens` }];
  return [];
}

/**
 * Whether the person may ask for inspection or a copy in the portal; null when allowed. Everyone
 * who may use the portal may (Jeugdwet 7.3.10 with 7.3.15 lid 1: from 12 the right is the young
 * person's own); kept as a function so the store and the page ask one place.
 */
export function recordRequestRefusal(role: PortalRole): Refusal | null {
  void role;
  return null;
}

/** A note needs text, within the limit. */
export function familyNoteProblems(text: string): Problem[] {
  if (text.trim().length === 0) return [{ path: 'tekst', message: 'schrijf iets op' }];
  if (text.trim().length > FAMILY_NOTE_MAX)
    return [{ path: 'tekst', message: `hoogstens ${FAMILY_NOTE_MAX} tekens` }];
  return [];
}

/** Whether a family member reads a note: only the person who wrote it, shared or not. */
export function mayReadFamilyNote(personId: string, note: { readonly personId: string }): boolean {
  return note.personId === personId;
}

/**
 * Which professional reads the notes a family member shared with the casusregisseur: the
 * casusregie side — the holder of casusregie, or a casusregisseur or team lead of the
 * responsible local team (who stands in while the family holds casusregie). Other readers of
 * the case (a provider, a GP without casusregie) do not.
 */
export function mayReadSharedFamilyNotes(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  if (proposerSide(actor, facts) === 'casusregie') return read;
  return {
    allowed: false,
    reason: 'alleen de casusregisseur (of het verantwoordelijke team) leest wat het gezin deelt',
  };
}
