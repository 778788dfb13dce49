/**
 * The contract manager's reach: a staff member with the `contractmanager` role at a
 * municipality reads anonymised copies (escalation overviews, provider-ending reports) of the
 * municipality's region, and never a case. Anyone else gets 403.
 */
import type { Kysely } from 'kysely';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

/** The region whose copies the actor may read; `what` names them in the refusal. */
export async function contractManagerRegion(
  db: Kysely<Database>,
  ctx: RequestContext,
  what: string,
): Promise<string> {
  const refuse = () =>
    new StoreError('forbidden', `Alleen een contractmanager van de gemeente ziet ${what}.`);
  if (!ctx.actor.roles.includes('contractmanager')) throw refuse();
  const org = await db
    .selectFrom('organisation')
    .select(['kind', 'region'])
    .where('id', '=', ctx.actor.organisationId)
    .executeTakeFirst();
  if (!org || org.kind !== 'gemeente') throw refuse();
  return org.region;
}
