/**
 * A 16+ young person's agreement that the parents read along with what concerns only them
 * (issue 10, ADR 0026; Jeugdwet 7.3.11, WGBO 7:457): stored per young person and case in
 * `portal_read_along`, changed by the young person in the portal at any time, and read by every
 * portal view as `sharedWithParents` of the visibility rule. Who may set it is
 * `readAlongRefusal` (domain/portal/portal-access.ts). Reads, changes and refusals are audited
 * with role `burger`, in the same transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { readAlongRefusal } from '../domain/portal/portal-access.js';
import { writeSystemAudit } from './audit.js';
import { StoreError } from './errors.js';
import type { PortalReader } from './portal-cases.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new StoreError('not-found', 'Casus niet gevonden.');

/**
 * The young people who agreed that their parents read along on this case. The visibility rule
 * asks it only for young people of 16 or older, so a choice made at 16 that the data later
 * contradicts (a corrected birth date) changes nothing for a younger one.
 */
export async function sharedWithParentsOf(
  db: Kysely<Database> | Trx,
  caseId: string,
): Promise<ReadonlySet<string>> {
  const rows = await db
    .selectFrom('portal_read_along')
    .select('person_id')
    .where('case_id', '=', caseId)
    .where('allowed', '=', true)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export interface ReadAlong {
  readonly allowed: boolean;
  /** When the young person last chose; null: never (the parents do not read along). */
  readonly changedAt: Date | null;
}

async function ownOpenCase(trx: Trx, reader: PortalReader, caseId: string): Promise<void> {
  if (!UUID.test(caseId)) throw notFound();
  const casus = await trx
    .selectFrom('casus')
    .select('id')
    .where('id', '=', caseId)
    .where('household_id', '=', reader.householdId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (!casus) throw notFound();
}

/**
 * Runs `work` for a young person of 16 or older; anyone else gets 403 with the reason, and the
 * refusal is audited (written in a transaction of its own, as the refused work is not done).
 */
async function asSixteenPlus<T>(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  action: string,
  work: (trx: Trx) => Promise<T>,
): Promise<T> {
  const outcome = await db.transaction().execute(async (trx) => {
    await ownOpenCase(trx, reader, caseId);
    const refusal = readAlongRefusal(reader.role);
    if (refusal) {
      await writeSystemAudit(trx, {
        action: 'portaal.meelezen-geweigerd',
        role: 'burger',
        caseId,
        clientAddress: reader.clientAddress,
        details: { persoon: reader.personId, poging: action, rol: reader.role },
      });
      return { refused: true, refusal } as const;
    }
    return { refused: false, value: await work(trx) } as const;
  });
  if (outcome.refused)
    throw new StoreError('forbidden', outcome.refusal.message, [outcome.refusal]);
  return outcome.value;
}

async function currentReadAlong(trx: Trx, caseId: string, personId: string): Promise<ReadAlong> {
  const row = await trx
    .selectFrom('portal_read_along')
    .select(['allowed', 'changed_at'])
    .where('case_id', '=', caseId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row
    ? { allowed: row.allowed, changedAt: row.changed_at }
    : { allowed: false, changedAt: null };
}

/** The young person's current choice; audited as `portaal.meelezen-lezen`. */
export async function portalReadAlong(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
): Promise<ReadAlong> {
  return asSixteenPlus(db, reader, caseId, 'lezen', async (trx) => {
    const current = await currentReadAlong(trx, caseId, reader.personId);
    await writeSystemAudit(trx, {
      action: 'portaal.meelezen-lezen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId },
    });
    return current;
  });
}

/** The young person says yes or no to the parents reading along; audited as `portaal.meelezen`. */
export async function setPortalReadAlong(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  allowed: boolean,
  now: Date,
): Promise<ReadAlong> {
  return asSixteenPlus(db, reader, caseId, 'wijzigen', async (trx) => {
    await trx
      .insertInto('portal_read_along')
      .values({ case_id: caseId, person_id: reader.personId, allowed, changed_at: now })
      .onConflict((oc) =>
        oc.columns(['case_id', 'person_id']).doUpdateSet({ allowed, changed_at: now }),
      )
      .execute();
    await writeSystemAudit(trx, {
      action: 'portaal.meelezen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId, meelezen: allowed },
    });
    return { allowed, changedAt: now };
  });
}
