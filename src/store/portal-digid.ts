/**
 * The family portal's DigiD login (ADR 0026): the people a BSN from a verified ID token
 * belongs to. The BSN is only a lookup key here; it is never written anywhere.
 */
import type { Kysely } from 'kysely';
import type { PortalPersonKind } from '../domain/portal/eligibility.js';
import type { Database } from './schema.js';

export interface PortalPersonByBsn {
  readonly id: string;
  readonly name: string;
  readonly kind: PortalPersonKind;
  /** `YYYY-MM-DD` or null. */
  readonly birthDate: string | null;
  readonly authorityRemoved: boolean;
}

/** The person recorded with this BSN (unique, `person_bsn`), or null. */
export async function portalPersonByBsn(
  db: Kysely<Database>,
  bsn: string,
): Promise<PortalPersonByBsn | null> {
  const row = await db
    .selectFrom('person')
    .select(['id', 'name', 'kind', 'birth_date', 'authority_removed'])
    .where('bsn', '=', bsn)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    birthDate: row.birth_date === null ? null : String(row.birth_date).slice(0, 10),
    authorityRemoved: row.authority_removed,
  };
}
