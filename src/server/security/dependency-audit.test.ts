import { describe, expect, it } from 'vitest';
import { auditVerdict } from './dependency-audit.js';

describe('dependency audit verdict', () => {
  it('fails on a high or critical finding and ignores lower ones', () => {
    const json = JSON.stringify({
      vulnerabilities: {
        a: { severity: 'moderate' },
        b: { severity: 'high' },
        c: { severity: 'critical' },
      },
    });
    expect(auditVerdict(json)).toEqual({
      kind: 'findings',
      packages: ['b (high)', 'c (critical)'],
    });
  });
  it('is clean without high or critical findings', () => {
    expect(auditVerdict(JSON.stringify({ vulnerabilities: { a: { severity: 'low' } } }))).toEqual({
      kind: 'clean',
    });
  });
  it('says when the advisory service could not be asked', () => {
    const verdict = auditVerdict(JSON.stringify({ message: '405 Method Not Allowed' }));
    expect(verdict).toEqual({ kind: 'unavailable', reason: '405 Method Not Allowed' });
  });
});
