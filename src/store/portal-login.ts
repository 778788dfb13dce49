/**
 * One-time login codes of the family portal (issue 10, ADR 0026). A code is six digits, valid
 * for ten minutes and for at most five attempts; only its SHA-256, bound to the person, is
 * stored, so a leaked table shows no code (six digits could be guessed from a hash offline, but
 * only within the code's ten minutes). Asking for a new code voids the earlier unused ones of
 * that person.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { PortalPersonKind } from '../domain/portal/eligibility.js';
import type { Database } from './schema.js';

export const CODE_MINUTES = 10;
export const CODE_ATTEMPTS = 5;

/** A person who may be known to the portal by e-mail address. */
export interface PortalPerson {
  readonly id: string;
  readonly name: string;
  readonly kind: PortalPersonKind;
  /** `YYYY-MM-DD` or null. */
  readonly birthDate: string | null;
  readonly authorityRemoved: boolean;
  readonly email: string;
}

const codeHash = (personId: string, code: string): string =>
  createHash('sha256').update(`${personId}:${code}`).digest('hex');

/** The person with this e-mail address (case-insensitive), or null. */
export async function portalPersonByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<PortalPerson | null> {
  const row = await db
    .selectFrom('person')
    .select(['id', 'name', 'kind', 'birth_date', 'authority_removed', 'email'])
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!row || row.email === null) return null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    birthDate: row.birth_date === null ? null : String(row.birth_date).slice(0, 10),
    authorityRemoved: row.authority_removed,
    email: row.email,
  };
}

/**
 * Makes a new code for the person and voids the earlier unused ones, in one transaction.
 * Returns the code itself: the caller mails it and forgets it.
 */
export async function issueLoginCode(
  db: Kysely<Database>,
  personId: string,
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('portal_login_code')
      .set({ expires_at: now })
      .where('person_id', '=', personId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .execute();
    await trx
      .insertInto('portal_login_code')
      .values({
        person_id: personId,
        code_hash: codeHash(personId, code),
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
  });
  return { code, expiresAt };
}

export type RedeemOutcome = 'ok' | 'geen-geldige-code' | 'onjuist';

/**
 * Checks a code against the person's current code. A wrong code counts as an attempt; after
 * the fifth the code is void. A right code is used up.
 */
export async function redeemLoginCode(
  db: Kysely<Database>,
  personId: string,
  code: string,
  now: Date,
): Promise<RedeemOutcome> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('portal_login_code')
      .select(['id', 'code_hash', 'attempts'])
      .where('person_id', '=', personId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .where('attempts', '<', CODE_ATTEMPTS)
      .orderBy('created_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return 'geen-geldige-code';
    const given = Buffer.from(codeHash(personId, code), 'hex');
    const stored = Buffer.from(current.code_hash, 'hex');
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) {
      await trx
        .updateTable('portal_login_code')
        .set({ attempts: current.attempts + 1 })
        .where('id', '=', current.id)
        .execute();
      return 'onjuist';
    }
    await trx
      .updateTable('portal_login_code')
      .set({ used_at: now })
      .where('id', '=', current.id)
      .execute();
    return 'ok';
  });
}
