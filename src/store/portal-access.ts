/**
 * The family portal's access as the professional side manages it (issue 10, ADR 0026): per
 * person of the case's household the portal address, whether the parent's authority was
 * removed, whether they can log in now and why not, and a 16+ young person's choice about the
 * parents reading along. Only the casusregie side (`mayManagePortalAccess`) reads and changes
 * it. Clearing or changing an address, and a removal of authority, end the person's running
 * portal sessions and void their unused login codes at once. Every read and change is audited;
 * an address never appears in the audit log.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { PortalPersonKind, PortalRole } from '../domain/portal/eligibility.js';
import {
  authorityProblems,
  mayManagePortalAccess,
  portalAccessStatus,
  type PortalAccessReason,
} from '../domain/portal/portal-access.js';
import { localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const caseNotFound = () => new StoreError('not-found', 'Casus niet gevonden.');
const personNotFound = () => new StoreError('not-found', 'Deze persoon hoort niet bij de casus.');
const EMAIL_TAKEN =
  'Dit e-mailadres is al in gebruik voor het gezinsportaal. Kies een ander adres.';
const emailTaken = () =>
  new StoreError('conflict', EMAIL_TAKEN, [{ path: 'email', message: EMAIL_TAKEN }]);

export interface PortalAccessPerson {
  readonly id: string;
  readonly name: string;
  readonly kind: PortalPersonKind;
  readonly birthDate: string | null;
  readonly email: string | null;
  readonly authorityRemoved: boolean;
  readonly authorityNote: string | null;
  readonly authorityChangedAt: Date | null;
  readonly mayUse: boolean;
  readonly role: PortalRole | null;
  readonly reason: PortalAccessReason | null;
  readonly explanation: string | null;
  /** A young person's choice about the parents reading along; null: never chose. */
  readonly readAlong: boolean | null;
}

async function householdOf(trx: Trx, caseId: string): Promise<string> {
  const casus = await trx
    .selectFrom('casus')
    .select('household_id')
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!casus) throw caseNotFound();
  return casus.household_id;
}

/** The people of the case's household with their portal access now; audited. */
export async function portalAccessOverview(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<PortalAccessPerson[]> {
  if (!UUID.test(caseId)) throw caseNotFound();
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayManagePortalAccess);
    const householdId = await householdOf(trx, caseId);
    const people = await trx
      .selectFrom('person')
      .leftJoin('portal_read_along', (join) =>
        join
          .onRef('portal_read_along.person_id', '=', 'person.id')
          .on('portal_read_along.case_id', '=', caseId),
      )
      .select([
        'person.id',
        'person.name',
        'person.kind',
        'person.birth_date',
        'person.email',
        'person.authority_removed',
        'person.authority_note',
        'person.authority_changed_at',
        'portal_read_along.allowed as readAlong',
      ])
      .where('person.household_id', '=', householdId)
      .orderBy(sql`person.kind = 'jeugdige'`, 'desc')
      .orderBy('person.name')
      .orderBy('person.id')
      .execute();
    await writeAudit(trx, ctx, {
      action: 'gezinsportaal.toegang-lezen',
      caseId,
      details: { personen: people.length },
    });
    const today = localDay(now.getTime());
    return people.map((p): PortalAccessPerson => {
      const birthDate = p.birth_date === null ? null : String(p.birth_date).slice(0, 10);
      const status = portalAccessStatus(
        { kind: p.kind, birthDate, authorityRemoved: p.authority_removed, email: p.email },
        today,
      );
      return {
        id: p.id,
        name: p.name,
        kind: p.kind,
        birthDate,
        email: p.email,
        authorityRemoved: p.authority_removed,
        authorityNote: p.authority_note,
        authorityChangedAt: p.authority_changed_at,
        mayUse: status.mayUse,
        role: status.mayUse ? status.role : null,
        reason: status.mayUse ? null : status.reason,
        explanation: status.mayUse ? null : status.explanation,
        readAlong: p.readAlong ?? null,
      };
    });
  });
}

/** A person of the case's household, locked for this change; anyone else is 404. */
async function memberOf(trx: Trx, caseId: string, personId: string) {
  if (!UUID.test(personId)) throw personNotFound();
  const householdId = await householdOf(trx, caseId);
  const person = await trx
    .selectFrom('person')
    .select(['id', 'kind', 'email', 'authority_removed'])
    .where('id', '=', personId)
    .where('household_id', '=', householdId)
    .forUpdate()
    .executeTakeFirst();
  if (!person) throw personNotFound();
  return person;
}

/** Ends the person's running portal sessions and voids their unused codes; how many sessions. */
async function endPortalAccess(trx: Trx, personId: string, now: Date): Promise<number> {
  const ended = await trx
    .deleteFrom('portal_session')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  await trx
    .updateTable('portal_login_code')
    .set({ expires_at: now })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  return Number(ended.numDeletedRows);
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * Sets (or, with null, clears) the address the person's login codes go to. Unique among all
 * people, case-insensitive: a taken address is 409 without saying whose. A new or cleared
 * address ends the person's running sessions and voids unused codes (the old address may no
 * longer be theirs).
 */
export async function setPortalEmail(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  personId: string,
  email: string | null,
  now: Date,
): Promise<void> {
  if (!UUID.test(caseId)) throw caseNotFound();
  const address = email === null ? null : email.trim();
  await inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayManagePortalAccess);
    const person = await memberOf(trx, caseId, personId);
    if (address !== null) {
      const taken = await trx
        .selectFrom('person')
        .select('id')
        .where(sql<string>`lower(email)`, '=', address.toLowerCase())
        .where('id', '!=', personId)
        .executeTakeFirst();
      if (taken) throw emailTaken();
    }
    const changed = (person.email ?? '').toLowerCase() !== (address ?? '').toLowerCase();
    await trx.updateTable('person').set({ email: address }).where('id', '=', personId).execute();
    const ended = changed ? await endPortalAccess(trx, personId, now) : 0;
    await writeAudit(trx, ctx, {
      action: 'gezinsportaal.email',
      caseId,
      details: {
        persoon: personId,
        email: address === null ? 'gewist' : 'gewijzigd',
        sessiesBeeindigd: ended,
      },
    });
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  });
}

/**
 * Records that a parent's authority was removed (a court decision, with a short explanation),
 * or undoes that record. A removal ends the parent's portal sessions at once.
 */
export async function setAuthorityRemoved(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  personId: string,
  removed: boolean,
  explanation: string | null,
  now: Date,
): Promise<void> {
  if (!UUID.test(caseId)) throw caseNotFound();
  await inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayManagePortalAccess);
    const person = await memberOf(trx, caseId, personId);
    const problems = authorityProblems(person.kind, removed, explanation);
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    await trx
      .updateTable('person')
      .set({
        authority_removed: removed,
        authority_note: explanation?.trim() || null,
        authority_changed_at: now,
        authority_changed_by: ctx.actor.staffId,
      })
      .where('id', '=', personId)
      .execute();
    const ended = removed ? await endPortalAccess(trx, personId, now) : 0;
    await writeAudit(trx, ctx, {
      action: 'gezinsportaal.gezag',
      caseId,
      details: { persoon: personId, gezagOntnomen: removed, sessiesBeeindigd: ended },
    });
  });
}
