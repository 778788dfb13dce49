import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../domain/people/bsn.js';
import { planCase, type PlannedCase } from './cases.js';
import { planOrganisations } from './organisations.js';
import { Random, streamSeed } from './random.js';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const organisations = planOrganisations(new Random(streamSeed(1, 0)));

function plans(seed: number, count: number): PlannedCase[] {
  const used = new Set<string>();
  return Array.from({ length: count }, (_, n) =>
    planCase(
      new Random(streamSeed(seed, n + 1)),
      organisations.regions,
      NOW,
      used,
      new Random(streamSeed(seed + 1, n + 1)),
    ),
  );
}

describe('demo case planning', () => {
  it('plans the same cases for the same seed and other ones for another seed', () => {
    expect(plans(3, 50)).toEqual(plans(3, 50));
    const bsns = (cases: PlannedCase[]): string[] =>
      cases.flatMap((c) => c.persons.flatMap((p) => (p.bsn === null ? [] : [p.bsn])));
    const other = new Set(bsns(plans(4, 50)));
    expect(bsns(plans(3, 50)).filter((b) => other.has(b))).toEqual([]);
  });

  it('keeps its invariants over many cases', () => {
    const cases = plans(11, 1500);
    const bsns = cases.flatMap((c) => c.persons.flatMap((p) => (p.bsn === null ? [] : [p.bsn])));
    expect(new Set(bsns).size).toBe(bsns.length);
    expect(bsns.every(isValidBsn)).toBe(true);
    for (const c of cases) {
      for (const e of c.events) {
        expect(e.at).toBeLessThanOrEqual(NOW);
        if (e.type !== 'rechterlijke-opdracht') expect(e.at).toBeGreaterThanOrEqual(c.registeredAt);
        if (c.closedAt !== null) expect(e.at).toBeLessThanOrEqual(c.closedAt);
      }
      for (const r of c.roles) {
        expect(r.startsAt).toBeGreaterThanOrEqual(c.registeredAt);
        expect(r.endsAt === null || (r.endsAt >= r.startsAt && r.endsAt <= NOW)).toBe(true);
        expect(r.holder !== 'professional' || r.staffId !== null).toBe(true);
      }
      // At most one running casusregie and procesregie at a time.
      for (const role of ['casusregie', 'procesregie'] as const)
        expect(c.roles.filter((r) => r.role === role && r.endsAt === null).length).toBeLessThan(2);
    }
  });
});
