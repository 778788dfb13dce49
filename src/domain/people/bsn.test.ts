import { describe, expect, it } from 'vitest';
import { bsnProblem, isValidBsn } from './bsn.js';

describe('BSN elfproef', () => {
  // 111222333: 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 − 3 = 66 → divisible by 11.
  // 123456782: 9+16+21+24+25+24+21+16 − 2 = 154 → divisible by 11.
  it.each(['111222333', '123456782', '999999990'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  // 123456789: 156 − 9 = 147, not divisible by 11. 111222334: 66 − 4 + 3 = 65.
  it.each(['123456789', '111222334'])('refuses %s, which fails the check', (bsn) => {
    expect(bsnProblem(bsn)).toContain('elfproef');
  });

  it.each(['12345678', '1234567890', '12345678a', ' 11122233', ''])(
    'refuses %j, which is not nine digits',
    (bsn) => {
      expect(bsnProblem(bsn)).toContain('9 cijfers');
    },
  );

  it('refuses all zeros, which passes the arithmetic but is no number', () => {
    expect(isValidBsn('000000000')).toBe(false);
  });
});
