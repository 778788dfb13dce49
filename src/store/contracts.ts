/**
 * Contracts and budgets in the database. The region's contracts are replaced as a whole (one
 * transaction with its audit record); a municipality's budget is set per year. What is left
 * of a budget is the budget minus the value of the year's allocations that were not withdrawn.
 */
import type { Kysely } from 'kysely';
import { budgetState, type BudgetState, type Contract } from '../domain/allocation/index.js';
import { writeAudit } from './audit.js';
import type { RequestContext } from './context.js';
import type { Database } from './schema.js';

export async function listContracts(db: Kysely<Database>, region: string): Promise<Contract[]> {
  const rows = await db
    .selectFrom('contract')
    .selectAll()
    .where('region', '=', region)
    .orderBy('partner_name')
    .orderBy('partner_agb')
    .orderBy('provider_name')
    .execute();
  return rows.map((r) => ({
    partnerAgb: r.partner_agb,
    partnerName: r.partner_name,
    providerAgb: r.provider_agb,
    providerName: r.provider_name,
    products: r.products,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** Replaces the region's contracts; the caller has checked them against the catalogue. */
export async function replaceContracts(
  db: Kysely<Database>,
  ctx: RequestContext,
  region: string,
  next: readonly Contract[],
  now: Date,
): Promise<{ partners: number; providers: number }> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('contract').where('region', '=', region).execute();
    if (next.length > 0)
      await trx
        .insertInto('contract')
        .values(
          next.map((c) => ({
            region,
            partner_agb: c.partnerAgb,
            partner_name: c.partnerName,
            provider_agb: c.providerAgb,
            provider_name: c.providerName,
            products: [...c.products],
            valid_from: c.validFrom,
            valid_to: c.validTo,
            updated_at: now,
          })),
        )
        .execute();
    const partners = new Set(next.map((c) => c.partnerAgb)).size;
    const providers = new Set(next.map((c) => c.providerAgb)).size;
    await writeAudit(trx, ctx, {
      action: 'contracten.vervangen',
      details: { region, lines: next.length, partners, providers },
    });
    return { partners, providers };
  });
}

/** The municipality's budget for `year` with what is allocated, and `proposedCents` on top. */
export async function municipalityBudget(
  db: Kysely<Database>,
  municipalityCode: string,
  year: number,
  proposedCents = 0,
): Promise<BudgetState> {
  const budget = await db
    .selectFrom('budget')
    .select('amount_cents')
    .where('municipality_code', '=', municipalityCode)
    .where('year', '=', year)
    .executeTakeFirst();
  const allocated = await db
    .selectFrom('allocation')
    .select((eb) => eb.fn.sum<string | null>('value_cents').as('total'))
    .where('municipality_code', '=', municipalityCode)
    .where('status', '!=', 'ingetrokken')
    .where('start_date', '>=', `${year}-01-01`)
    .where('start_date', '<=', `${year}-12-31`)
    .executeTakeFirst();
  return budgetState(
    year,
    budget ? Number(budget.amount_cents) : null,
    Number(allocated?.total ?? 0),
    proposedCents,
  );
}

export async function setBudget(
  db: Kysely<Database>,
  ctx: RequestContext,
  municipalityCode: string,
  year: number,
  amountCents: number,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('budget')
      .values({
        municipality_code: municipalityCode,
        year,
        amount_cents: amountCents,
        updated_at: now,
        updated_by: ctx.actor.staffId,
      })
      .onConflict((oc) =>
        oc.columns(['municipality_code', 'year']).doUpdateSet({
          amount_cents: amountCents,
          updated_at: now,
          updated_by: ctx.actor.staffId,
        }),
      )
      .execute();
    await writeAudit(trx, ctx, {
      action: 'budget.vastgesteld',
      details: { municipality: municipalityCode, year, amountCents },
    });
  });
}
