/**
 * Who may use the family portal, as the professional side records it (issue 10, ADR 0026), and a
 * 16+ young person's agreement that the parents read along. Pure.
 *
 * - **Who records it**: the casusregie side of the case — the holder of casusregie, a
 *   casusregisseur or team lead of the responsible local team, and on a court measure the GI
 *   holding casusregie (its jeugdbeschermer). They know the family and its court decisions; a
 *   provider or a GP reading the case does not manage the family's access.
 * - **Portal status per person**: no address means no code can be sent; otherwise
 *   `mayUsePortal` decides (a parent whose authority was removed, a young person under 12 or
 *   without a birth date is refused). The professional reads why in their own words.
 * - **Authority removed** is a fact of a parent only (a custodian or guardian holds authority by
 *   the court's appointment, which ends differently); setting it needs a short explanation (the
 *   court decision it rests on).
 * - **Reading along** (Jeugdwet 7.3.11, 7.3.5 lid 1; WGBO 7:457): from 16 the young person alone
 *   decides whether the parents see what concerns only them. Under 16 the parents see it anyway
 *   (7.3.4 lid 2), so there is nothing to decide; a parent cannot decide it for the young person.
 */
import {
  caseAccess,
  type AccessDecision,
  type Actor,
  type CaseAccessFacts,
} from '../access/case-access.js';
import { proposerSide } from '../allocation/adjustment.js';
import type { DayNumber } from '../time/index.js';
import { mayUsePortal, type PortalPerson, type PortalRole } from './eligibility.js';

/** Who sets a family member's portal address and records a removal of authority. */
export function mayManagePortalAccess(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  if (read.basis === 'noodtoegang')
    return { allowed: false, reason: 'noodtoegang geeft alleen inzage, geen wijzigingen' };
  if (proposerSide(actor, facts) === 'casusregie') return read;
  return {
    allowed: false,
    reason: 'alleen de casusregisseur (of het verantwoordelijke team) beheert het gezinsportaal',
  };
}

export type PortalAccessReason =
  'geen-email' | 'geen-gezag' | 'geboortedatum-onbekend' | 'jonger-dan-12';

export type PortalAccessStatus =
  | { readonly mayUse: true; readonly role: PortalRole }
  | { readonly mayUse: false; readonly reason: PortalAccessReason; readonly explanation: string };

/** Why someone cannot log in, in the professional's words. */
const EXPLANATION: Readonly<Record<PortalAccessReason, string>> = {
  'geen-email':
    'Er is geen e-mailadres vastgelegd; zonder adres kan geen inlogcode worden gestuurd.',
  'geen-gezag':
    'Het gezag van deze ouder is ontnomen; deze ouder kan het gezinsportaal niet gebruiken.',
  'geboortedatum-onbekend':
    'De geboortedatum is onbekend; zonder geboortedatum laat het gezinsportaal een jongere niet toe.',
  'jonger-dan-12': 'Jonger dan 12 jaar; het gezinsportaal is er voor jongeren vanaf 12 jaar.',
};

/** Whether the person can log in to the portal now, and otherwise why not. */
export function portalAccessStatus(
  person: PortalPerson & { readonly email: string | null },
  today: DayNumber,
): PortalAccessStatus {
  const eligible = mayUsePortal(person, today);
  if (!eligible.allowed)
    return { mayUse: false, reason: eligible.refusal, explanation: EXPLANATION[eligible.refusal] };
  if (person.email === null)
    return { mayUse: false, reason: 'geen-email', explanation: EXPLANATION['geen-email'] };
  return { mayUse: true, role: eligible.role };
}

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** The longest explanation of a removal of authority (characters). */
export const AUTHORITY_NOTE_MAX = 500;

/** What is wrong with recording (or undoing) a removal of authority; empty when nothing. */
export function authorityProblems(
  kind: PortalPerson['kind'],
  removed: boolean,
  explanation: string | null,
): Problem[] {
  if (kind !== 'ouder')
    return [
      {
        path: 'gezagOntnomen',
        message:
          'Gezag ontnemen legt u alleen vast bij een ouder. Een gezagsdrager of voogd heeft gezag door een benoeming; een jongere heeft geen gezag.',
      },
    ];
  const text = explanation?.trim() ?? '';
  if (removed && text.length === 0)
    return [
      {
        path: 'toelichting',
        message: 'Schrijf kort op op welke beslissing van de rechter dit berust.',
      },
    ];
  if (text.length > AUTHORITY_NOTE_MAX)
    return [{ path: 'toelichting', message: `Schrijf hoogstens ${AUTHORITY_NOTE_MAX} tekens.` }];
  return [];
}

/** Why the person may not set whether the parents read along; null when they may. */
export function readAlongRefusal(role: PortalRole): Problem | null {
  if (role === 'jongere-16-plus') return null;
  return {
    path: 'meelezen',
    message:
      role === 'jongere-12-15'
        ? 'Dit kun je kiezen vanaf je 16e. Tot je 16 bent, beslissen je ouders samen met jou en zien zij wat over jou gaat.'
        : 'Dit kiest de jongere van 16 jaar of ouder zelf. U kunt dit niet voor de jongere kiezen.',
  };
}
