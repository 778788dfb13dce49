import { describe, expect, it } from 'vitest';
import { bsnFromClaims, DIGID_FAILURE_TEXTS, isDigidFailure } from './digid.js';

// 111222333: 1·9+1·8+1·7+2·6+2·5+2·4+3·3+3·2 = 9+8+7+12+10+8+9+6 = 69, minus 3 = 66 = 6·11: valid.
// 111222334: 69 minus 4 = 65, not divisible by 11: fails the elfproef.
describe('the BSN from a DigiD ID token', () => {
  it('takes a valid BSN from the claim the provider names', () => {
    expect(bsnFromClaims({ 'urn:nl:bsn': ' 111222333 ' }, 'urn:nl:bsn')).toEqual({
      ok: true,
      bsn: '111222333',
    });
  });

  it('refuses a missing claim, a claim under another name, or a number', () => {
    expect(bsnFromClaims({}, 'bsn')).toEqual({ ok: false, reason: 'bsn-ontbreekt' });
    expect(bsnFromClaims({ bsn: '111222333' }, 'urn:nl:bsn')).toEqual({
      ok: false,
      reason: 'bsn-ontbreekt',
    });
    // A number would lose a leading zero: not accepted.
    expect(bsnFromClaims({ bsn: 111222333 }, 'bsn')).toEqual({
      ok: false,
      reason: 'bsn-ontbreekt',
    });
  });

  it('refuses a BSN that fails the elfproef or is not nine digits', () => {
    expect(bsnFromClaims({ bsn: '111222334' }, 'bsn')).toEqual({
      ok: false,
      reason: 'bsn-ongeldig',
    });
    expect(bsnFromClaims({ bsn: '11122233' }, 'bsn')).toEqual({
      ok: false,
      reason: 'bsn-ongeldig',
    });
  });
});

describe('the reasons a DigiD login comes back refused', () => {
  it('knows the portal refusals and its own codes, and nothing else', () => {
    expect(isDigidFailure('geen-gezag')).toBe(true);
    expect(isDigidFailure('onbekend')).toBe(true);
    expect(isDigidFailure('toString')).toBe(false);
    expect(isDigidFailure(null)).toBe(false);
    expect(DIGID_FAILURE_TEXTS['geen-gezag']).toContain('geen gezag');
    // Neutral: it does not say whether the BSN is known.
    expect(DIGID_FAILURE_TEXTS.onbekend).not.toMatch(/bekend|BSN|burgerservicenummer/i);
  });
});
