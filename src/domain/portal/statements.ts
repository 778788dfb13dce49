/**
 * What a family member may state themselves in the family portal (issue 10, ADR 0026): signing
 * the plan (ZTM-DEC-SIGN) and giving or withdrawing consent (Jeugdwet 7.3.11). Pure.
 *
 * Each person states only for themselves. That is also how the law divides the decision:
 * - a parent, custodian or voogd decides for the children under 16 with their own statement
 *   (under 12 alone, 7.3.15 lid 1; from 12 to 15 together with the young person, 7.3.4 lid 2);
 * - a young person of 12 to 15 makes their own statement next to the parents' (7.3.4 lid 2);
 * - a young person of 16 or older decides alone (7.3.5 lid 1).
 * So a statement "for" someone else is never needed: the register combines the statements
 * (`consentFor` in `domain/privacy/consent.ts`). A refusal says in plain words why not.
 */
import { ageBand, type FamilyMember } from '../privacy/consent.js';
import { requiredSigners, SIGNING_RULE, type HouseholdMember } from '../plans/signatures.js';
import type { DayNumber } from '../time/index.js';
import type { PortalRole } from './eligibility.js';

export type StatementDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** How a statement made in the portal is recorded in the consent register. */
export const PORTAL_CONSENT_MANNER = 'digitaal';

/**
 * Whether the viewer may give or withdraw consent as `personId`. Only for themselves; the
 * reason for someone else depends on who that is, in "u" to a parent and "je" to a young person.
 */
export function mayStateConsent(
  viewer: { readonly personId: string; readonly role: PortalRole },
  personId: string,
  members: readonly FamilyMember[],
  today: DayNumber,
): StatementDecision {
  if (personId === viewer.personId) return { allowed: true };
  const target = members.find((m) => m.id === personId);
  const young = viewer.role !== 'vertegenwoordiger';
  if (!target)
    return {
      allowed: false,
      reason: young
        ? 'Je kunt alleen je eigen toestemming geven of intrekken.'
        : 'U kunt alleen uw eigen toestemming geven of intrekken.',
    };
  if (young)
    return {
      allowed: false,
      reason: `Je kunt alleen je eigen toestemming geven of intrekken, niet die van ${target.name}.`,
    };
  if (target.kind !== 'jeugdige')
    return {
      allowed: false,
      reason: `Alleen ${target.name} kan de eigen toestemming geven of intrekken.`,
    };
  const band = ageBand(target.birthDate, today);
  if (band === 'onder-12')
    return {
      allowed: false,
      reason: `${target.name} is jonger dan 12. Dan beslist u met uw eigen toestemming, ook voor ${target.name}. Geef of trek uw eigen toestemming in.`,
    };
  if (band === '12-15')
    return {
      allowed: false,
      reason: `${target.name} is 12 tot 16 jaar en beslist mee. Uw eigen toestemming telt ook voor ${target.name}, maar ${target.name} geeft of trekt de eigen toestemming zelf in.`,
    };
  return {
    allowed: false,
    reason: `${target.name} is 16 jaar of ouder en beslist zelf over de eigen gegevens.`,
  };
}

/**
 * Whether the viewer signs the plan (ZTM-DEC-SIGN): only someone who must sign it — a parent or
 * custodian, or a young person of 12 or older on `today`.
 */
export function maySignInPortal(
  personId: string,
  members: readonly HouseholdMember[],
  today: DayNumber,
): StatementDecision {
  if (requiredSigners(members, today).some((s) => s.personId === personId))
    return { allowed: true };
  return {
    allowed: false,
    reason: `Alleen ouders, gezagsdragers en jongeren vanaf 12 jaar ondertekenen het plan (${SIGNING_RULE}).`,
  };
}
