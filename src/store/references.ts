/**
 * Human-readable references per region (`ESC-RIJ-2026-0007`, `BEA-RIJ-2026-0002`): the next
 * number of the region, taken under a transaction-scoped advisory lock so that two people
 * starting one at the same moment never get the same reference.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export async function nextReference(
  trx: Transaction<Database>,
  kind: { readonly prefix: string; readonly table: 'escalation' | 'provider_ending' },
  region: string,
  now: Date,
): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtext(${`${kind.prefix}-${region}`}))`.execute(trx);
  const count = await trx
    .selectFrom(kind.table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region', '=', region)
    .executeTakeFirstOrThrow();
  const number = String(Number(count.n) + 1).padStart(4, '0');
  return `${kind.prefix}-${region}-${now.getUTCFullYear()}-${number}`;
}
