/**
 * Demo allocations and budgets (issue 9, GRO-DEC-BUDGET): the same seed and moment give the
 * same rows; every allocation belongs to a case whose help started, carries its
 * municipality's code and a value, and every demo municipality has a budget for this year
 * and last year.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/demo/generate.js';
import { REGION_SETUPS } from '../../src/demo/organisations.js';
import { migrateToLatest, openDatabase } from '../../src/store/db.js';

const NOW = new Date('2026-11-23T10:00:00+01:00');

async function demo() {
  const opened = await openDatabase();
  await migrateToLatest(opened.db);
  await generateDemoData(opened.db, { cases: 60, now: NOW, hashPassword: async () => 'hash' });
  const allocations = await opened.db
    .selectFrom('allocation')
    .innerJoin('casus', 'casus.id', 'allocation.case_id')
    .select((eb) => [
      'allocation.region',
      'allocation.number',
      'allocation.product_code',
      'allocation.start_date',
      'allocation.end_date',
      'allocation.status',
      'allocation.municipality_code',
      'allocation.value_cents',
      'allocation.created_at',
      'casus.household_id',
      eb
        .selectFrom('case_event')
        .select((e) => e.fn.min('case_event.at').as('at'))
        .whereRef('case_event.case_id', '=', 'casus.id')
        .where('case_event.type', '=', 'start-hulp')
        .as('started'),
    ])
    .orderBy('allocation.region')
    .orderBy('allocation.number')
    .execute();
  const budgets = await opened.db
    .selectFrom('budget')
    .select(['municipality_code', 'year', 'amount_cents'])
    .orderBy('municipality_code')
    .orderBy('year')
    .execute();
  await opened.close();
  return { allocations, budgets };
}

describe('demo budgets and allocations', () => {
  it('are the same for the same seed and fit the cases and municipalities', async () => {
    const first = await demo();
    const second = await demo();
    const comparable = (rows: typeof first.allocations) =>
      rows.map(({ household_id: _household, ...rest }) => rest);
    expect(comparable(second.allocations)).toEqual(comparable(first.allocations));
    expect(second.budgets).toEqual(first.budgets);

    expect(first.allocations.length).toBeGreaterThan(0);
    const codes = new Map(REGION_SETUPS.map((r) => [r.region, r.cbsCode]));
    for (const a of first.allocations) {
      expect(a.started, a.number).not.toBeNull();
      expect(a.municipality_code).toBe(codes.get(a.region));
      expect(Number(a.value_cents)).toBeGreaterThan(0);
      expect(a.number >= '200001' && a.number < '300000').toBe(true);
      expect(a.created_at.getTime()).toBeLessThanOrEqual(new Date(a.started as Date).getTime());
    }
    expect(first.budgets.map((b) => `${b.municipality_code}:${b.year}`)).toEqual(
      [...codes.values()].sort().flatMap((c) => [`${c}:2025`, `${c}:2026`]),
    );
  }, 120_000);
});
