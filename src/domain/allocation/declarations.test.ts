/** Declaration lines against their allocations (iJw 3.2 TR307, TR308, TR338, TR339, TR340). */
import { describe, expect, it } from 'vitest';
import { declaredServiceProblems, type AllocatedProduct, type DeclaredService } from './index.js';

const PROVIDER = '98000001';
const allocation: AllocatedProduct = {
  provider: PROVIDER,
  bsn: '999900006',
  code: '45A03',
  start: '2026-03-16',
  end: '2026-09-30',
};
const line = (overrides: Partial<DeclaredService> = {}): DeclaredService => ({
  bsn: '999900006',
  allocation: '300001',
  category: '45',
  code: '45A03',
  start: '2026-04-01',
  end: '2026-04-30',
  ...overrides,
});
const rules = (
  l: DeclaredService,
  a: AllocatedProduct | undefined = allocation,
  sender = PROVIDER,
) => declaredServiceProblems(l, a, sender).map((p) => `${p.rule} ${p.code}`);

describe('a declared service', () => {
  it('within the allocation is granted', () => {
    expect(rules(line())).toEqual([]);
    // The first and last day of the allocation still count.
    expect(rules(line({ start: '2026-03-16', end: '2026-09-30' }))).toEqual([]);
    expect(rules(line(), { ...allocation, end: null })).toEqual([]);
  });

  it('TR338: needs an allocation to this provider for this client', () => {
    expect(declaredServiceProblems(line(), undefined, PROVIDER).map((p) => p.rule)).toEqual([
      'TR338',
    ]);
    expect(rules(line(), allocation, '98000002')).toEqual(['TR338 9338']);
    expect(rules(line({ bsn: '999900018' }))).toEqual(['TR338 9338']);
  });

  it('TR339 and TR340: the allocated category and code', () => {
    expect(rules(line({ category: '43', code: '43A01' }))).toEqual(['TR339 9339', 'TR340 9340']);
    expect(rules(line({ code: '45A04' }))).toEqual(['TR340 9340']);
  });

  it('TR307 and TR308: the period within the allocation', () => {
    expect(rules(line({ start: '2026-03-15' }))).toEqual(['TR307 9307']);
    expect(rules(line({ start: '2026-09-01', end: '2026-10-01' }))).toEqual(['TR308 9308']);
  });
});
