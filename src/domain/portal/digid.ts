/**
 * Logging in to the family portal with DigiD through the municipality's identity provider
 * (issue 10, ADR 0026 with ADR 0017). Pure: which BSN a verified ID token carries, and the
 * reasons a login comes back refused, in the words the login page shows.
 */
import { isValidBsn } from '../people/bsn.js';
import { PORTAL_REFUSAL_REASONS, type PortalRefusal } from './eligibility.js';

/** Why a DigiD login went back to the portal's login page (`/portaal?digid=<code>`). */
export type DigidFailure = 'mislukt' | 'niet-actief' | 'geen-bsn' | 'onbekend' | PortalRefusal;

/**
 * The text per failure. `onbekend` (a BSN we do not know) is as neutral as the answer to an
 * unknown e-mail address: the page must not tell whether a BSN is in our records.
 */
export const DIGID_FAILURE_TEXTS: Readonly<Record<DigidFailure, string>> = {
  mislukt: 'Inloggen met DigiD is niet gelukt of duurde te lang. Probeer het opnieuw.',
  'niet-actief':
    'Inloggen met DigiD via deze gemeente kan niet (meer). U kunt inloggen met een code per e-mail.',
  'geen-bsn':
    'Bij het inloggen met DigiD kregen wij geen geldig burgerservicenummer door. Probeer het opnieuw, of log in met een code per e-mail.',
  onbekend:
    'U kunt met DigiD niet inloggen bij het gezinsportaal. Neem contact op met uw casusregisseur als u denkt dat dit niet klopt.',
  ...PORTAL_REFUSAL_REASONS,
};

export function isDigidFailure(value: string | null): value is DigidFailure {
  return value !== null && Object.hasOwn(DIGID_FAILURE_TEXTS, value);
}

export type BsnClaim =
  | { readonly ok: true; readonly bsn: string }
  | { readonly ok: false; readonly reason: 'bsn-ontbreekt' | 'bsn-ongeldig' };

/**
 * The BSN from the ID token's claims (already verified by signature), under the claim name the
 * provider uses. Only a string counts (a number would lose leading zeros); it must pass the
 * elfproef.
 */
export function bsnFromClaims(
  claims: Readonly<Record<string, unknown>>,
  claimName: string,
): BsnClaim {
  const value = claims[claimName];
  if (typeof value !== 'string' || value.trim() === '')
    return { ok: false, reason: 'bsn-ontbreekt' };
  const bsn = value.trim();
  return isValidBsn(bsn) ? { ok: true, bsn } : { ok: false, reason: 'bsn-ongeldig' };
}
