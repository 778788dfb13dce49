/**
 * The rows of the budget dashboard (issue 9, ADR 0024, GRO-DEC-BUDGET): the municipalities in
 * the reader's scope with their budget for the year, and the year's allocations with the
 * segment of their product in the region's catalogue. Which municipalities: those of the teams
 * in scope (a team lead: the own team's municipality), or every municipality of the region.
 * The caller (store/mi.ts) checks the scope and audits the read.
 */
import type { Kysely } from 'kysely';
import {
  budgetFigures,
  budgetTables,
  UNKNOWN_SEGMENT,
  type BudgetFigures,
} from '../domain/mi/budget.js';
import type { Table } from '../domain/mi/tables.js';
import { localDay, ymdFromDay, type DayNumber } from '../domain/time/index.js';
import type { DashboardScope } from './mi.js';
import type { Database } from './schema.js';

async function scopedMunicipalities(db: Kysely<Database>, scope: DashboardScope) {
  let query = db
    .selectFrom('organisation as m')
    .select(['m.id', 'm.name', 'm.agb_code'])
    .distinct()
    .where('m.kind', '=', 'gemeente')
    .where('m.region', '=', scope.region);
  if (scope.teamIds !== null)
    query = query
      .innerJoin('organisation as team', 'team.parent_id', 'm.id')
      .where('team.id', 'in', [...scope.teamIds]);
  const rows = await query.orderBy('m.name').orderBy('m.id').execute();
  // Budgets and allocations name a municipality by its code; one without a code has neither.
  return rows.flatMap((r) => (r.agb_code === null ? [] : [{ name: r.name, code: r.agb_code }]));
}

/**
 * The budget figures of the year in which the period ends, as known at the period's end (or
 * today, when the period runs on past it).
 */
export async function budgetDashboardFigures(
  db: Kysely<Database>,
  scope: DashboardScope,
  untilDay: DayNumber,
  now: Date,
): Promise<BudgetFigures> {
  const year = ymdFromDay(untilDay).year;
  const referenceDay = Math.min(untilDay, localDay(now.getTime()));
  const municipalities = await scopedMunicipalities(db, scope);
  const codes = municipalities.map((m) => m.code);
  const segments = (
    await db
      .selectFrom('product')
      .select('segment')
      .distinct()
      .where('region', '=', scope.region)
      .orderBy('segment')
      .execute()
  ).map((p) => p.segment);
  if (codes.length === 0) return budgetFigures(year, referenceDay, [], [], segments);
  const budgets = await db
    .selectFrom('budget')
    .select(['municipality_code', 'amount_cents'])
    .where('municipality_code', 'in', codes)
    .where('year', '=', year)
    .execute();
  const budgetOf = new Map(budgets.map((b) => [b.municipality_code, Number(b.amount_cents)]));
  // The same allocations GRO-DEC-BUDGET counts in store/contracts.ts (municipalityBudget).
  const allocations = await db
    .selectFrom('allocation')
    .leftJoin('product', (join) =>
      join
        .onRef('product.region', '=', 'allocation.region')
        .onRef('product.code', '=', 'allocation.product_code'),
    )
    .select([
      'allocation.municipality_code',
      'allocation.created_at',
      'allocation.value_cents',
      'product.segment',
    ])
    .where('allocation.municipality_code', 'in', codes)
    .where('allocation.status', '!=', 'ingetrokken')
    .where('allocation.start_date', '>=', `${year}-01-01`)
    .where('allocation.start_date', '<=', `${year}-12-31`)
    .execute();
  return budgetFigures(
    year,
    referenceDay,
    municipalities.map((m) => ({ ...m, budgetCents: budgetOf.get(m.code) ?? null })),
    allocations.map((a) => ({
      municipalityCode: a.municipality_code ?? '',
      decidedDay: localDay(a.created_at.getTime()),
      valueCents: Number(a.value_cents),
      segment: a.segment ?? UNKNOWN_SEGMENT,
    })),
    segments,
  );
}

/** The budget dashboard's tables for the reader's scope and suppression. */
export async function budgetDashboardTables(
  db: Kysely<Database>,
  scope: DashboardScope,
  untilDay: DayNumber,
  now: Date,
): Promise<Table[]> {
  return budgetTables(await budgetDashboardFigures(db, scope, untilDay, now), scope.suppression);
}
