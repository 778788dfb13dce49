/**
 * The access log to NEN 7513 (DOMAIN.md section 10; ADR 0015): who (staff member, organisation,
 * role) did what (action) with whose record (case, household) when, and on what justification.
 *
 * The log is tamper-evident through a hash chain. Each sealed record has a row hash over a
 * canonical serialisation of its fields, and a chain hash over the previous chain hash and its
 * own row hash, in the order of `seq`. Changing, deleting or reordering a sealed record breaks
 * the chain at that record. This module is pure: the hash function comes in as a parameter (the
 * store passes SHA-256 from node:crypto), so the canonical form and the checks are unit-tested
 * without I/O.
 */
import type { Actor } from '../access/case-access.js';

/** A hash function over a UTF-8 string, returning lowercase hex (SHA-256 in the store). */
export type HashText = (text: string) => string;

/** The chain hash "before" the first record: 64 zeros. */
export const CHAIN_GENESIS = '0'.repeat(64);

/** Version tag of the canonical form, so a later change of form can be told apart. */
export const CANONICAL_VERSION = 'nen7513-v1';

/** One audit record as the chain sees it; every field as stored. */
export interface AuditRecord {
  /** The record's id (a bigint, as text). */
  readonly id: string;
  /** The time of the record in UTC with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  readonly at: string;
  readonly staffId: string | null;
  readonly organisationId: string | null;
  readonly role: string | null;
  readonly caseId: string | null;
  readonly householdId: string | null;
  readonly action: string;
  readonly details: unknown;
  readonly clientAddress: string | null;
  readonly justification: string | null;
}

/** A record with its place in the chain, as stored by sealing. */
export interface SealedRecord extends AuditRecord {
  readonly seq: number;
  readonly rowHash: string;
  readonly chainHash: string;
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The canonical serialisation of a record: a JSON array of its fields in a fixed order, with
 * the details in canonical JSON. Null stays null, so an emptied field differs from a missing one.
 */
export function canonicalRecord(record: AuditRecord): string {
  return canonicalJson([
    CANONICAL_VERSION,
    record.id,
    record.at,
    record.staffId,
    record.organisationId,
    record.role,
    record.caseId,
    record.householdId,
    record.action,
    record.details ?? {},
    record.clientAddress,
    record.justification,
  ]);
}

/** The row hash of a record. */
export function rowHash(record: AuditRecord, hash: HashText): string {
  return hash(canonicalRecord(record));
}

/** The chain hash of a record: the hash of the previous chain hash followed by its row hash. */
export function chainHash(previous: string, row: string, hash: HashText): string {
  return hash(`${previous}${row}`);
}

/** The head of the chain: the last sealed record (or the genesis before the first). */
export interface ChainHead {
  readonly seq: number;
  readonly chainHash: string;
}

export const EMPTY_CHAIN: ChainHead = { seq: 0, chainHash: CHAIN_GENESIS };

/** Seals records (in the order given) after `head`: their seq, row hash and chain hash. */
export function seal(
  head: ChainHead,
  records: readonly AuditRecord[],
  hash: HashText,
): {
  readonly id: string;
  readonly seq: number;
  readonly rowHash: string;
  readonly chainHash: string;
}[] {
  let previous = head.chainHash;
  return records.map((record, i) => {
    const row = rowHash(record, hash);
    previous = chainHash(previous, row, hash);
    return { id: record.id, seq: head.seq + i + 1, rowHash: row, chainHash: previous };
  });
}

/**
 * What is wrong at the first broken record:
 * - `inhoud`: its fields no longer give its row hash (the record was changed);
 * - `ontbreekt`: the record(s) before it in the chain are gone (a gap in `seq`);
 * - `schakel`: its chain hash does not follow from the previous one (records were reordered,
 *   removed and renumbered, or the hashes were rewritten).
 */
export type ChainProblem = 'inhoud' | 'ontbreekt' | 'schakel';

export type ChainVerdict =
  | { readonly intact: true; readonly checked: number; readonly head: ChainHead }
  | {
      readonly intact: false;
      readonly checked: number;
      readonly broken: {
        readonly id: string;
        readonly seq: number;
        readonly problem: ChainProblem;
        readonly expectedSeq: number;
      };
    };

/**
 * Checks one run of sealed records, in `seq` order, continuing from `head` (the last record
 * checked before; `EMPTY_CHAIN` at the start). Stops at the first broken record. Called batch by
 * batch by the store, passing on the head of the previous batch.
 */
export function verifyRun(
  head: ChainHead,
  records: readonly SealedRecord[],
  hash: HashText,
): ChainVerdict {
  let previous = head;
  let checked = 0;
  for (const record of records) {
    const expectedSeq = previous.seq + 1;
    const broken = (problem: ChainProblem): ChainVerdict => ({
      intact: false,
      checked,
      broken: { id: record.id, seq: record.seq, problem, expectedSeq },
    });
    if (rowHash(record, hash) !== record.rowHash) return broken('inhoud');
    if (record.seq !== expectedSeq) return broken('ontbreekt');
    if (chainHash(previous.chainHash, record.rowHash, hash) !== record.chainHash)
      return broken('schakel');
    previous = { seq: record.seq, chainHash: record.chainHash };
    checked += 1;
  }
  return { intact: true, checked, head: previous };
}

/** Dutch words for the problems, for the API and the UI. */
export const CHAIN_PROBLEM_TEXT: Readonly<Record<ChainProblem, string>> = {
  inhoud: 'de inhoud van deze regel is veranderd na het verzegelen',
  ontbreekt: 'een of meer regels vóór deze regel zijn verwijderd',
  schakel: 'de schakel met de vorige regel klopt niet (volgorde of hashes aangepast)',
};

/** The kind of access an action is, for the family's overview. */
export type AccessKind = 'inzage' | 'wijziging' | 'geweigerd';

/** Reads end in `.lezen` (or read a list); refusals are `.geweigerd`; the rest change things. */
export function accessKind(action: string): AccessKind {
  if (action.endsWith('.geweigerd')) return 'geweigerd';
  if (
    /\.(lezen|bekijken|inzien|downloaden|exporteren|zoeken)$/.test(action) ||
    action.includes('lezen')
  )
    return 'inzage';
  return 'wijziging';
}

export const ACCESS_KIND_TEXT: Readonly<Record<AccessKind, string>> = {
  inzage: 'ingezien',
  wijziging: 'vastgelegd of gewijzigd',
  geweigerd: 'toegang geweigerd',
};

/**
 * Who reads the access log of a region: the privacy officer (`privacyfunctionaris`) of a
 * municipality. The officer never reads case content, only who accessed what.
 */
export function mayReadAccessLog(
  actor: Actor,
  organisationKind: string,
): { readonly allowed: true } | { readonly allowed: false; readonly reason: string } {
  if (!actor.roles.includes('privacyfunctionaris'))
    return { allowed: false, reason: 'alleen de privacyfunctionaris leest het toegangslog' };
  if (organisationKind !== 'gemeente')
    return {
      allowed: false,
      reason: 'de privacyfunctionaris van de gemeente leest het toegangslog van de regio',
    };
  return { allowed: true };
}
