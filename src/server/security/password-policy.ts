/**
 * The password policy (ASVS 2.1.1-2.1.9, ADR 0016): 12 to 128 characters (any characters,
 * no composition rules), not a common or breached password, and not built on the e-mail
 * address's local part. Returns Dutch field errors; no exceptions for the expected outcome.
 */
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export interface PasswordProblem {
  readonly path: string;
  readonly message: string;
}

const lettersOnly = (value: string): string => value.toLowerCase().replace(/[^\p{L}]/gu, '');

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  const core = lettersOnly(password);
  if (core.length === 0) return true; // only digits and symbols, like 123456789012
  if (COMMON_PASSWORDS.has(core)) return true;
  // One character or one short pattern repeated ("aaaaaaaaaaaa", "abcabcabcabc").
  return /^(.{1,3})\1+$/u.test(lower);
}

/** The problems with a new password, for the field at `path`; empty when it is acceptable. */
export function passwordProblems(
  password: string,
  email: string,
  path = 'body.nieuwWachtwoord',
): PasswordProblem[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN)
    return [{ path, message: `Het wachtwoord is te kort: minstens ${PASSWORD_MIN} tekens.` }];
  if (length > PASSWORD_MAX)
    return [{ path, message: `Het wachtwoord is te lang: hoogstens ${PASSWORD_MAX} tekens.` }];
  const problems: PasswordProblem[] = [];
  if (isCommon(password))
    problems.push({
      path,
      message: 'Dit wachtwoord komt voor in lijsten van veelgebruikte of gelekte wachtwoorden.',
    });
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  const parts = [local, ...local.split(/[._+-]/)].filter((p) => p.length >= 4);
  const lower = password.toLowerCase();
  if (parts.some((p) => lower.includes(p)))
    problems.push({
      path,
      message: 'Het wachtwoord mag uw e-mailadres (of een deel ervan) niet bevatten.',
    });
  return problems;
}
