/**
 * The product catalogue of a region in the database: read it, and replace it as a whole after
 * the change protocol allows it (running allocations, no retroactive changes). Replacing is
 * one transaction with its audit record: a catalogue is never half-written.
 */
import type { Kysely } from 'kysely';
import {
  catalogueChangeProblems,
  type ChangeProblem,
  type Product,
} from '../domain/catalogue/index.js';
import type { Segment } from '../domain/rules/types.js';
import { localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import type { RequestContext } from './context.js';
import type { Database } from './schema.js';

export async function listProducts(db: Kysely<Database>, region: string): Promise<Product[]> {
  const rows = await db
    .selectFrom('product')
    .selectAll()
    .where('region', '=', region)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    category: r.category,
    name: r.name,
    segment: r.segment as Segment,
    freelyAccessible: r.freely_accessible,
    unit: r.unit,
    frequency: r.frequency,
    tariffCents: r.tariff_cents,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export type ReplaceResult =
  | {
      readonly ok: true;
      readonly added: readonly string[];
      readonly changed: readonly string[];
      readonly removed: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly ChangeProblem[] };

/** Replaces the region's catalogue by `next`, if the change protocol allows it. */
export async function replaceCatalogue(
  db: Kysely<Database>,
  ctx: RequestContext,
  region: string,
  next: readonly Product[],
  now: Date,
): Promise<ReplaceResult> {
  return db.transaction().execute(async (trx) => {
    const current = await listProducts(trx, region);
    const running = await trx
      .selectFrom('allocation')
      .select(['product_code as productCode', 'end_date as end'])
      .where('region', '=', region)
      .where('status', 'in', ['toegewezen', 'gestart'])
      .execute();
    const problems = catalogueChangeProblems(current, next, localDay(now.getTime()), running);
    if (problems.length > 0) return { ok: false, problems };
    const before = new Map(current.map((p) => [p.code, p]));
    const added = next.filter((p) => !before.has(p.code)).map((p) => p.code);
    const changed = next
      .filter((p) => before.has(p.code) && JSON.stringify(before.get(p.code)) !== JSON.stringify(p))
      .map((p) => p.code);
    const nextCodes = new Set(next.map((p) => p.code));
    const removed = current.filter((p) => !nextCodes.has(p.code)).map((p) => p.code);
    await trx.deleteFrom('product').where('region', '=', region).execute();
    if (next.length > 0)
      await trx
        .insertInto('product')
        .values(
          next.map((p) => ({
            region,
            code: p.code,
            category: p.category,
            name: p.name,
            segment: p.segment,
            freely_accessible: p.freelyAccessible,
            unit: p.unit,
            frequency: p.frequency,
            tariff_cents: p.tariffCents,
            valid_from: p.validFrom,
            valid_to: p.validTo,
            updated_at: now,
          })),
        )
        .execute();
    await writeAudit(trx, ctx, {
      action: 'catalogus.vervangen',
      details: { region, added, changed, removed },
    });
    return { ok: true, added, changed, removed };
  });
}
