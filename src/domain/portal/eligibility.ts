/**
 * Who may use the family portal (issue 10, ADR 0026), and in which capacity. Pure.
 *
 * - A parent, custodian (gezagsdrager) or guardian (voogd) logs in as a representative of the
 *   children — unless the person is a parent whose authority (gezag) was removed: the portal
 *   refuses them altogether (the case information is not theirs to read).
 * - A young person logs in from 12: 12 to 15 and 16 or older differ in what they see and decide
 *   (see `domain/privacy/consent.ts` for consent by age band). Without a known birth date the
 *   age cannot be checked, so the portal refuses rather than guess.
 */
import { ageBand } from '../privacy/consent.js';
import { parseIsoDate, type DayNumber } from '../time/index.js';

export type PortalPersonKind = 'jeugdige' | 'ouder' | 'gezagsdrager' | 'voogd';

/** The capacity in which someone uses the portal. */
export type PortalRole = 'vertegenwoordiger' | 'jongere-12-15' | 'jongere-16-plus';

export interface PortalPerson {
  readonly kind: PortalPersonKind;
  /** `YYYY-MM-DD` or null. */
  readonly birthDate: string | null;
  readonly authorityRemoved: boolean;
}

/** Why the portal refuses someone, for the audit log (the reason text is for the person). */
export type PortalRefusal = 'geen-gezag' | 'geboortedatum-onbekend' | 'jonger-dan-12';

/** The reason in plain Dutch, per refusal; also shown after a refused DigiD login. */
export const PORTAL_REFUSAL_REASONS: Readonly<Record<PortalRefusal, string>> = {
  'geen-gezag':
    'U heeft geen gezag meer over de kinderen in dit gezin. Daarom kunt u het gezinsportaal niet gebruiken.',
  'geboortedatum-onbekend':
    'Uw geboortedatum is bij ons niet bekend. Vraag uw casusregisseur om die aan te vullen.',
  'jonger-dan-12': 'Het gezinsportaal is er voor jongeren vanaf 12 jaar en voor ouders.',
};

export type Eligibility =
  | { readonly allowed: true; readonly role: PortalRole }
  | { readonly allowed: false; readonly refusal: PortalRefusal; readonly reason: string };

export function mayUsePortal(person: PortalPerson, today: DayNumber): Eligibility {
  if (person.kind !== 'jeugdige') {
    if (person.kind === 'ouder' && person.authorityRemoved)
      return {
        allowed: false,
        refusal: 'geen-gezag',
        reason: PORTAL_REFUSAL_REASONS['geen-gezag'],
      };
    return { allowed: true, role: 'vertegenwoordiger' };
  }
  if (person.birthDate === null || parseIsoDate(person.birthDate) === null)
    return {
      allowed: false,
      refusal: 'geboortedatum-onbekend',
      reason: PORTAL_REFUSAL_REASONS['geboortedatum-onbekend'],
    };
  const band = ageBand(person.birthDate, today);
  if (band === 'onder-12')
    return {
      allowed: false,
      refusal: 'jonger-dan-12',
      reason: PORTAL_REFUSAL_REASONS['jonger-dan-12'],
    };
  return { allowed: true, role: band === '16-plus' ? 'jongere-16-plus' : 'jongere-12-15' };
}
