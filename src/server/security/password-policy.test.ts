import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/generate.js';
import { passwordProblems } from './password-policy.js';

const messages = (password: string, email = 'anne.de.vries@team.nl') =>
  passwordProblems(password, email).map((p) => p.message);

describe('password policy (ASVS 2.1)', () => {
  it('accepts a long passphrase of any characters', () => {
    expect(messages('Fietsen langs de Lek 2026')).toEqual([]);
    expect(messages('ë'.repeat(3) + ' zwaan op het ijs')).toEqual([]);
  });
  it('wants 12 to 128 characters', () => {
    expect(messages('Kort-2026!')).toEqual(['Het wachtwoord is te kort: minstens 12 tekens.']);
    expect(messages('a b'.repeat(43))).toEqual([
      'Het wachtwoord is te lang: hoogstens 128 tekens.',
    ]);
  });
  it('refuses common passwords, also with digits and symbols added', () => {
    for (const common of [
      'Wachtwoord2026!',
      'passwordpassword',
      '123456789012',
      'aaaaaaaaaaaa',
      'abcabcabcabc',
    ])
      expect(messages(common), common).toEqual([
        'Dit wachtwoord komt voor in lijsten van veelgebruikte of gelekte wachtwoorden.',
      ]);
  });
  it('refuses a password built on the e-mail address', () => {
    expect(messages('devries-anne-2026!')).toEqual([
      'Het wachtwoord mag uw e-mailadres (of een deel ervan) niet bevatten.',
    ]);
  });
  it('the demo password meets it for the demo accounts', () => {
    expect(messages(DEMO_PASSWORD, 'casusregisseur.lek@demo.casusregie.nl')).toEqual([]);
  });
});
