import { describe, expect, it } from 'vitest';
import {
  accessKind,
  canonicalJson,
  canonicalRecord,
  chainHash,
  CHAIN_GENESIS,
  EMPTY_CHAIN,
  mayReadAccessLog,
  rowHash,
  seal,
  verifyRun,
  type AuditRecord,
  type SealedRecord,
} from './access-log.js';

// The domain takes the hash as a parameter (the store passes SHA-256). Here a stand-in that is
// injective, so equal outputs mean equal inputs and every comparison below is exact.
const hash = (text: string) => `h(${text})`;

const record = (id: number, over: Partial<AuditRecord> = {}): AuditRecord => ({
  id: String(id),
  at: `2026-03-02T08:00:0${id % 10}.123456Z`,
  staffId: '11111111-1111-4111-8111-111111111111',
  organisationId: '22222222-2222-4222-8222-222222222222',
  role: 'casusregisseur',
  caseId: '33333333-3333-4333-8333-333333333333',
  householdId: '44444444-4444-4444-8444-444444444444',
  action: 'casus.lezen',
  details: { basis: 'eigen-rol', extra: { b: 2, a: 1 } },
  clientAddress: '127.0.0.1',
  justification: null,
  ...over,
});

/** Five records sealed from the start of the chain. */
function chain(): SealedRecord[] {
  const records = [1, 2, 3, 4, 5].map((i) => record(i));
  const links = seal(EMPTY_CHAIN, records, hash);
  return records.map((r, i) => {
    const link = links[i];
    if (!link) throw new Error('missing link');
    return { ...r, seq: link.seq, rowHash: link.rowHash, chainHash: link.chainHash };
  });
}

describe('canonical form of an access-log record (NEN 7513)', () => {
  it('is stable: the same fields give the same text whatever the key order of the details', () => {
    const a = record(1, { details: { x: 1, y: [1, { d: 4, c: 3 }] } });
    const b = record(1, { details: { y: [1, { c: 3, d: 4 }], x: 1 } });
    expect(canonicalRecord(a)).toBe(canonicalRecord(b));
    expect(canonicalRecord(a)).toBe(
      '["nen7513-v1","1","2026-03-02T08:00:01.123456Z","11111111-1111-4111-8111-111111111111",' +
        '"22222222-2222-4222-8222-222222222222","casusregisseur",' +
        '"33333333-3333-4333-8333-333333333333","44444444-4444-4444-8444-444444444444",' +
        '"casus.lezen",{"x":1,"y":[1,{"c":3,"d":4}]},"127.0.0.1",null]',
    );
  });

  it('tells every field apart, also null from an empty text', () => {
    const base = canonicalRecord(record(1));
    expect(canonicalRecord(record(1, { justification: '' }))).not.toBe(base);
    expect(canonicalRecord(record(1, { role: 'teamleider' }))).not.toBe(base);
    expect(canonicalRecord(record(1, { at: '2026-03-02T08:00:01.123457Z' }))).not.toBe(base);
    expect(canonicalRecord(record(1, { householdId: null }))).not.toBe(base);
    expect(canonicalRecord(record(2))).not.toBe(base);
  });

  it('sorts keys at every level and drops undefined values', () => {
    expect(canonicalJson({ b: { d: 1, c: undefined, a: null }, a: 'x' })).toBe(
      '{"a":"x","b":{"a":null,"d":1}}',
    );
  });
});

describe('the hash chain', () => {
  it('links each record to the previous one, from the genesis', () => {
    const rows = chain();
    const first = rows[0] as SealedRecord;
    expect(first.seq).toBe(1);
    expect(first.rowHash).toBe(hash(canonicalRecord(record(1))));
    expect(first.chainHash).toBe(hash(`${CHAIN_GENESIS}${first.rowHash}`));
    for (let i = 1; i < rows.length; i += 1) {
      const row = rows[i] as SealedRecord;
      expect(row.seq).toBe(i + 1);
      expect(row.chainHash).toBe(
        chainHash((rows[i - 1] as SealedRecord).chainHash, row.rowHash, hash),
      );
    }
  });

  it('continues from a head: sealing in two batches gives the same chain as in one', () => {
    const records = [1, 2, 3, 4, 5].map((i) => record(i));
    const once = seal(EMPTY_CHAIN, records, hash);
    const first = seal(EMPTY_CHAIN, records.slice(0, 2), hash);
    const last = first[1];
    if (!last) throw new Error('missing');
    const second = seal({ seq: last.seq, chainHash: last.chainHash }, records.slice(2), hash);
    expect([...first, ...second]).toEqual(once);
  });

  it('verifies an intact chain and reports its head', () => {
    const rows = chain();
    const verdict = verifyRun(EMPTY_CHAIN, rows, hash);
    expect(verdict).toEqual({
      intact: true,
      checked: 5,
      head: { seq: 5, chainHash: (rows[4] as SealedRecord).chainHash },
    });
  });

  it('finds an altered record: its content no longer gives its row hash', () => {
    const rows = chain();
    rows[2] = { ...(rows[2] as SealedRecord), action: 'casus.wijzigen' };
    const verdict = verifyRun(EMPTY_CHAIN, rows, hash);
    expect(verdict).toMatchObject({
      intact: false,
      checked: 2,
      broken: { id: '3', seq: 3, problem: 'inhoud' },
    });
  });

  it('finds an altered record whose row hash was recomputed: the link breaks', () => {
    const rows = chain();
    const changed = { ...(rows[2] as SealedRecord), staffId: null };
    rows[2] = { ...changed, rowHash: rowHash(changed, hash) };
    expect(verifyRun(EMPTY_CHAIN, rows, hash)).toMatchObject({
      intact: false,
      broken: { id: '3', problem: 'schakel' },
    });
  });

  it('finds a deleted record: a gap before the next one', () => {
    const rows = chain();
    rows.splice(1, 1);
    expect(verifyRun(EMPTY_CHAIN, rows, hash)).toMatchObject({
      intact: false,
      checked: 1,
      broken: { id: '3', seq: 3, expectedSeq: 2, problem: 'ontbreekt' },
    });
  });

  it('finds a deleted record when the rest were renumbered: the link breaks', () => {
    const rows = chain();
    rows.splice(1, 1);
    const renumbered = rows.map((r, i) => ({ ...r, seq: i + 1 }));
    expect(verifyRun(EMPTY_CHAIN, renumbered, hash)).toMatchObject({
      intact: false,
      broken: { id: '3', seq: 2, problem: 'schakel' },
    });
  });

  it('finds a reordered link: two records swapped places in the chain', () => {
    const rows = chain();
    const a = rows[1] as SealedRecord;
    const b = rows[2] as SealedRecord;
    rows[1] = { ...b, seq: a.seq };
    rows[2] = { ...a, seq: b.seq };
    expect(verifyRun(EMPTY_CHAIN, rows, hash)).toMatchObject({
      intact: false,
      checked: 1,
      broken: { id: '3', seq: 2, problem: 'schakel' },
    });
  });

  it('finds a chain hash copied from another record', () => {
    const rows = chain();
    rows[3] = { ...(rows[3] as SealedRecord), chainHash: (rows[2] as SealedRecord).chainHash };
    expect(verifyRun(EMPTY_CHAIN, rows, hash)).toMatchObject({
      intact: false,
      broken: { id: '4', problem: 'schakel' },
    });
  });
});

describe('kinds of access and who reads the log', () => {
  it('tells reads, refusals and changes apart', () => {
    expect(accessKind('casus.lezen')).toBe('inzage');
    expect(accessKind('afsluiting.lezen')).toBe('inzage');
    // A case search shows families: a read, not a change (issue 11).
    expect(accessKind('casussen.zoeken')).toBe('inzage');
    expect(accessKind('casus.geweigerd')).toBe('geweigerd');
    expect(accessKind('casus.registreren')).toBe('wijziging');
  });

  it('lets only the privacy officer of a municipality read the log', () => {
    const actor = (roles: string[]) =>
      ({ staffId: 's', organisationId: 'o', roles }) as Parameters<typeof mayReadAccessLog>[0];
    expect(mayReadAccessLog(actor(['privacyfunctionaris']), 'gemeente').allowed).toBe(true);
    expect(mayReadAccessLog(actor(['privacyfunctionaris']), 'lokaal-team').allowed).toBe(false);
    expect(mayReadAccessLog(actor(['casusregisseur']), 'gemeente').allowed).toBe(false);
    expect(mayReadAccessLog(actor(['teamleider', 'beheerder']), 'gemeente').allowed).toBe(false);
  });
});
