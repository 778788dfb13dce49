/**
 * The FTE of a professional (issue 9, ADR 0024): the caseload norm (ZTM-NORM-CASELOAD, families
 * per FTE) is held against it. Only a team lead of the professional's own organisation reads the
 * team's FTEs and sets one; every change is audited with the old and the new value.
 */
import type { Kysely } from 'kysely';
import { NON_CASE_ROLES } from '../domain/access/case-access.js';
import { writeAudit } from './audit.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ONLY_LEAD =
  'Alleen de teamleider van de eigen organisatie legt de FTE van een professional vast.';

export interface StaffFte {
  readonly staffId: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly fte: number;
}

const isTeamLead = (ctx: RequestContext) => ctx.actor.roles.includes('teamleider');

/** The FTE of every case-working member of the team lead's own organisation; others 403. */
export async function teamFte(db: Kysely<Database>, ctx: RequestContext): Promise<StaffFte[]> {
  if (!isTeamLead(ctx))
    throw new StoreError('forbidden', 'Alleen een teamleider ziet de FTE van het team.');
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'name', 'roles', 'fte'])
    .where('organisation_id', '=', ctx.actor.organisationId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  return rows
    .filter((s) => s.roles.some((r) => !(NON_CASE_ROLES as readonly string[]).includes(r)))
    .map((s) => ({ staffId: s.id, name: s.name, roles: s.roles, fte: Number(s.fte) }));
}

/**
 * Sets a professional's FTE (validated at the edge: 0 < fte ≤ 1.5, two decimals). A professional
 * of another organisation, or one that does not exist, gets the same 403, so existence does not
 * leak; an id that is no id at all is 404.
 */
export async function setStaffFte(
  db: Kysely<Database>,
  ctx: RequestContext,
  staffId: string,
  fte: number,
): Promise<StaffFte> {
  if (!UUID.test(staffId)) throw new StoreError('not-found', 'Medewerker niet gevonden.');
  if (!isTeamLead(ctx)) throw new StoreError('forbidden', ONLY_LEAD);
  return db.transaction().execute(async (trx) => {
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'name', 'roles', 'fte'])
      .where('id', '=', staffId)
      .where('organisation_id', '=', ctx.actor.organisationId)
      .forUpdate()
      .executeTakeFirst();
    if (!staff) throw new StoreError('forbidden', ONLY_LEAD);
    const old = Number(staff.fte);
    const updated = await trx
      .updateTable('staff')
      .set({ fte: fte.toFixed(2) })
      .where('id', '=', staff.id)
      .returning('fte')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'medewerker.fte-vastleggen',
      details: { staffId: staff.id, oud: old, nieuw: Number(updated.fte) },
    });
    return { staffId: staff.id, name: staff.name, roles: staff.roles, fte: Number(updated.fte) };
  });
}
