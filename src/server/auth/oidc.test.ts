import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  domainAllowed,
  emailDomain,
  openSecret,
  sealSecret,
  stateDigest,
  verifiedEmail,
} from './oidc.js';

describe('sealing a client secret (ADR 0017)', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and never shows the secret in the sealed text', () => {
    const sealed = sealSecret(key, 'heel-geheim-123');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('heel-geheim');
    expect(openSecret(key, sealed)).toBe('heel-geheim-123');
  });

  it('seals the same secret differently every time (fresh IV)', () => {
    expect(sealSecret(key, 'x')).not.toBe(sealSecret(key, 'x'));
  });

  it('refuses another key and an altered text', () => {
    const sealed = sealSecret(key, 'heel-geheim-123');
    expect(() => openSecret(randomBytes(32), sealed)).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => openSecret(key, `v1.${raw.toString('base64url')}`)).toThrow();
    expect(() => openSecret(key, 'v2.abc')).toThrow();
  });
});

describe('the e-mail claim', () => {
  it('takes a verified address, trimmed and lower-cased', () => {
    expect(verifiedEmail({ email: ' Anna@Lekstad.NL ', email_verified: true })).toEqual({
      ok: true,
      email: 'anna@lekstad.nl',
    });
  });

  it('refuses an address the provider did not mark verified (also when the flag is missing or a string)', () => {
    for (const flag of [false, undefined, 'true'])
      expect(verifiedEmail({ email: 'anna@lekstad.nl', email_verified: flag })).toEqual({
        ok: false,
        reason: 'email-niet-geverifieerd',
      });
  });

  it('refuses a missing or malformed address', () => {
    for (const email of [undefined, 42, 'anna', 'anna@', '@lekstad.nl'])
      expect(verifiedEmail({ email, email_verified: true })).toEqual({
        ok: false,
        reason: 'geen-email',
      });
  });
});

describe('allowed e-mail domains', () => {
  it('matches the exact domain, in any case, and no subdomain or look-alike', () => {
    expect(emailDomain('a@Lekstad.nl')).toBe('lekstad.nl');
    expect(domainAllowed('a@LEKSTAD.nl', ['lekstad.nl'])).toBe(true);
    expect(domainAllowed('a@sub.lekstad.nl', ['lekstad.nl'])).toBe(false);
    expect(domainAllowed('a@lekstad.nl.evil.test', ['lekstad.nl'])).toBe(false);
    expect(domainAllowed('a@elders.nl', ['lekstad.nl', 'jeugdteam.nl'])).toBe(false);
  });
});

describe('the state digest', () => {
  it('is a stable SHA-256 in hex, so the table never holds the state itself', () => {
    expect(stateDigest('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
