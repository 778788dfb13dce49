/**
 * The burgerservicenummer (BSN) check: nine digits that pass the "elfproef" — the sum of the
 * first eight digits weighted 9 down to 2, minus the last digit, is divisible by 11.
 */

/** Why a BSN was refused, or null when it is valid. Messages are Dutch (shown to users). */
export function bsnProblem(value: string): string | null {
  if (!/^\d{9}$/.test(value)) return 'een BSN bestaat uit precies 9 cijfers';
  if (value === '000000000') return 'dit is geen geldig BSN';
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0 ? null : 'dit BSN klopt niet (elfproef)';
}

/** True when the value is a valid BSN. */
export function isValidBsn(value: string): boolean {
  return bsnProblem(value) === null;
}
