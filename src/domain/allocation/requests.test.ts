/**
 * Requests for allocation and change against earlier messages and current allocations
 * (iJw 3.2 TR347, TR374, TR349, TR350, TR351, TR357, TR361, TR411).
 */
import { describe, expect, it } from 'vitest';
import {
  changeRequestProblems,
  requestProblems,
  type ChangeRequest,
  type CurrentAllocation,
} from './index.js';

const rules = (problems: { rule: string; code: string }[]) =>
  problems.map((p) => `${p.rule} ${p.code}`);

describe('a new request (JW315, JW317)', () => {
  it('passes with new references and nothing open', () => {
    expect(requestProblems(['REF-2'], [{ references: ['REF-1'], settled: true }])).toEqual([]);
  });

  it('TR347: a reference the provider used before is refused', () => {
    expect(rules(requestProblems(['REF-1'], [{ references: ['REF-1'], settled: true }]))).toEqual([
      'TR347 9347',
    ]);
  });

  it('TR374: not while an earlier request for the client is still open', () => {
    expect(rules(requestProblems(['REF-2'], [{ references: ['REF-1'], settled: false }]))).toEqual([
      'TR374 9374',
    ]);
  });
});

describe('a change request (JW317) against the current allocations', () => {
  const current: CurrentAllocation[] = [
    { number: '300001', product: '45A03', start: '2026-03-16', end: '2026-09-30' },
    { number: '300002', product: '45A04', start: '2026-03-16', end: null },
  ];
  const request = (overrides: Partial<ChangeRequest> = {}): ChangeRequest => ({
    messageDate: '2026-05-01',
    unchanged: ['300002'],
    changes: [{ number: '300001', desiredStart: '2026-06-01', end: '2026-12-31', hasExtent: true }],
    additions: [],
    ...overrides,
  });
  const check = (overrides: Partial<ChangeRequest> = {}) =>
    rules(changeRequestProblems(request(overrides), current));

  it('passes when every current allocation is named and the change starts in the future', () => {
    expect(check()).toEqual([]);
  });

  it('TR350 and TR351: products must name a current allocation', () => {
    expect(check({ unchanged: ['300002', '399999'] })).toEqual(['TR350 9350']);
    expect(
      check({
        changes: [
          { number: '300001', desiredStart: '2026-06-01', end: null, hasExtent: true },
          { number: '399998', desiredStart: '2026-06-01', end: null, hasExtent: true },
        ],
      }),
    ).toEqual(['TR351 9351']);
  });

  it('TR349: every current allocation is named', () => {
    expect(check({ unchanged: [] })).toEqual(['TR349 9349']);
  });

  it('TR357: a change from today or earlier starts on the allocation’s own start date', () => {
    const from = (desiredStart: string) =>
      check({ changes: [{ number: '300001', desiredStart, end: null, hasExtent: true }] });
    expect(from('2026-04-01')).toEqual(['TR357 9357']);
    expect(from('2026-05-01')).toEqual(['TR357 9357']); // the day itself is not the future
    expect(from('2026-03-16')).toEqual([]);
    expect(from('2026-05-02')).toEqual([]);
  });

  it('TR411: a change of a coded product gives the extent', () => {
    expect(
      check({
        changes: [{ number: '300001', desiredStart: '2026-06-01', end: null, hasExtent: false }],
      }),
    ).toEqual(['TR411 9411']);
  });

  it('TR361: the same product twice only with periods that do not overlap', () => {
    expect(check({ additions: [{ product: '45A04', start: '2026-06-01', end: null }] })).toEqual([
      'TR361 9361',
    ]);
    expect(
      check({ additions: [{ product: '45A03', start: '2027-01-01', end: '2027-06-30' }] }),
    ).toEqual([]);
    // The changed end date counts: extended to 31 December, a new line from December overlaps.
    expect(check({ additions: [{ product: '45A03', start: '2026-12-01', end: null }] })).toEqual([
      'TR361 9361',
    ]);
  });
});
