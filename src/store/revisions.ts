/**
 * Optimistic locking (issue 11, ADR 0028). A record that two people can edit carries a revision
 * that every write raises by one; a write names the revision it was based on (`basisRevisie` in
 * the API). The check and the raise are one `UPDATE … WHERE revision = $basis` inside the
 * write's transaction, so of two simultaneous writes on the same basis exactly one wins: the
 * other waits for the row lock, then finds the revision moved and is refused with 409 — naming
 * who saved the record, when, and which fields differ from what the caller started from.
 *
 * To tell which fields differ, `edit_revision` keeps what the record held at each revision
 * (a snapshot of its editable fields, made by the caller) with its author.
 */
import { sql, type Transaction } from 'kysely';
import { formatInstant } from '../domain/time/index.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

/** An editable record: which kind, which row, which case it belongs to. */
export interface EditableRecord {
  readonly entity: 'plan' | 'evaluatie';
  readonly id: string;
  readonly caseId: string;
}

/**
 * A record saved section by section, where a save sends some sections and keeps the others: the
 * closure draft (one per case, so its id is the case's).
 */
export interface SectionedRecord {
  readonly entity: 'afsluiting';
  readonly id: string;
  readonly caseId: string;
}

type KeptRecord = EditableRecord | SectionedRecord;

const TABLES = { plan: 'plan', evaluatie: 'evaluation_meeting' } as const;

/** Who saves: a staff member, or a family member in the portal. */
export type Editor = { readonly staffId: string } | { readonly personId: string };

/** One field or section that differs between two revisions, in the caller's words. */
export interface RevisionChange {
  readonly path: string;
  readonly label: string;
}

/** What a refused write is told (the `wijziging` member of the 409 body). */
export interface StaleWrite {
  readonly revisie: number;
  readonly basisRevisie: number;
  readonly door: string | null;
  readonly op: string | null;
  readonly velden: readonly RevisionChange[];
}

/** The snapshot of an editable record: its fields, as the caller compares them. */
export type Snapshot = Readonly<Record<string, unknown>>;

/** Compares two snapshots (the basis, then the stored one) into the changed fields. */
export type Differ = (basis: Snapshot, current: Snapshot) => RevisionChange[];

/** An instant as the UI shows it: `08-12-2026 10:00` on the Amsterdam clock. */
export function dutchMoment(at: Date): string {
  const iso = formatInstant(at.getTime());
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} om ${iso.slice(11, 16)}`;
}

/**
 * The stale-write refusal, shared by every editable record (message names who, when, what);
 * `outcome` says what did not happen and what to do.
 */
export function staleWriteError(
  what: string,
  stale: StaleWrite,
  outcome = 'Uw wijzigingen zijn niet opgeslagen; laad de nieuwste versie en voeg ze opnieuw toe.',
): StoreError {
  const who = stale.door ?? 'iemand anders';
  const when = stale.op ? ` op ${dutchMoment(new Date(stale.op))}` : '';
  const fields =
    stale.velden.length > 0
      ? ` Gewijzigd: ${[...new Set(stale.velden.map((c) => c.label))].join(', ')}.`
      : '';
  return new StoreError(
    'conflict',
    `${what} is intussen opgeslagen door ${who}${when}.${fields} ${outcome}`,
    [
      {
        path: 'basisRevisie',
        message: `u werkte met revisie ${stale.basisRevisie}, de nieuwste is ${stale.revisie}`,
      },
    ],
    { wijziging: stale },
  );
}

async function editorName(trx: Trx, staffId: string | null, personId: string | null) {
  if (staffId)
    return (
      (await trx.selectFrom('staff').select('name').where('id', '=', staffId).executeTakeFirst())
        ?.name ?? null
    );
  if (personId)
    return (
      (await trx.selectFrom('person').select('name').where('id', '=', personId).executeTakeFirst())
        ?.name ?? null
    );
  return null;
}

async function snapshotAt(trx: Trx, record: KeptRecord, revision: number) {
  return trx
    .selectFrom('edit_revision')
    .selectAll()
    .where('entity', '=', record.entity)
    .where('entity_id', '=', record.id)
    .where('revision', '=', revision)
    .executeTakeFirst();
}

/**
 * Claims the next revision of `record`: raises it by one when it still is `basis` (null: an
 * internal write that edits no text of its own, e.g. fixing a plan, and always goes ahead).
 * `before` is the record's snapshot as read in this transaction before the write; it is kept
 * for the revision it belongs to when nothing was kept yet. A moved revision throws the 409
 * described in `staleWriteError`, with the fields `differ` finds. Returns the new revision;
 * the caller writes, then keeps the new snapshot with `keepRevision`.
 */
export async function claimRevision(
  trx: Trx,
  record: EditableRecord,
  basis: number | null,
  before: Snapshot,
  what: string,
  differ: Differ,
): Promise<number> {
  const table = sql.table(TABLES[record.entity]);
  const claimed = await sql<{ revision: number }>`
    update ${table} set revision = revision + 1
    where id = ${record.id} ${basis === null ? sql`` : sql`and revision = ${basis}`}
    returning revision
  `.execute(trx);
  const revision = claimed.rows[0]?.revision;
  if (revision !== undefined) {
    await keepBasis(trx, record, revision - 1, before);
    return revision;
  }
  // Read after the failed update: a write that won meanwhile is committed and visible now.
  const now = await sql<{ revision: number }>`
    select revision from ${table} where id = ${record.id}
  `.execute(trx);
  const current = now.rows[0]?.revision ?? 0;
  const expected = basis ?? 0;
  requireKnown(expected, current);
  const [was, is] = await Promise.all([
    snapshotAt(trx, record, expected),
    snapshotAt(trx, record, current),
  ]);
  throw await refusal(trx, what, expected, current, is, (current) =>
    was ? differ(was.content as Snapshot, current) : [],
  );
}

/**
 * Claims the next revision of a record saved section by section (`SectionedRecord`). `current`
 * is its revision as read in this transaction under a lock (0 while it has no row), `before`
 * its snapshot then, keyed by section. A save based on an older revision still goes ahead when
 * none of the sections it sends (`sent`) changed since: the others were merged, not overwritten.
 * Otherwise it is refused like a stale write, naming the sent sections that changed (with their
 * `labels`; all sent sections when the basis' snapshot is unknown). Returns the new revision;
 * the caller writes it and keeps the new snapshot with `keepRevision`.
 */
export async function claimSections(
  trx: Trx,
  record: SectionedRecord,
  basis: number,
  current: number,
  before: Snapshot,
  sent: readonly string[],
  what: string,
  labels: Readonly<Record<string, string>>,
): Promise<number> {
  requireKnown(basis, current);
  await keepBasis(trx, record, current, before);
  if (basis === current) return current + 1;
  const kept = await trx
    .selectFrom('edit_revision')
    .selectAll()
    .where('entity', '=', record.entity)
    .where('entity_id', '=', record.id)
    .where('revision', '>=', basis)
    .where('revision', '<=', current)
    .orderBy('revision')
    .execute();
  const was = kept[0]?.revision === basis ? kept[0] : undefined;
  const changed = was
    ? changedKeys(was.content as Snapshot, before, labels).filter((c) => sent.includes(c.path))
    : sent.map((path) => ({ path, label: labels[path] ?? path }));
  if (changed.length === 0) return current + 1;
  // Who changed them: the latest revision that changed one of them from the one before it.
  const paths = changed.map((c) => c.path);
  const by = kept.findLast((row, i) => {
    const previous = kept[i - 1];
    return (
      previous !== undefined &&
      previous.revision === row.revision - 1 &&
      changedKeys(previous.content as Snapshot, row.content as Snapshot, labels).some((c) =>
        paths.includes(c.path),
      )
    );
  });
  throw await refusal(trx, what, basis, current, by ?? kept.at(-1), () => changed);
}

/**
 * An act on a sectioned record as the caller saw it (closing on the closure draft): refused like
 * a stale write, naming every section that changed, when `current` moved on from `basis`.
 */
export async function requireRevision(
  trx: Trx,
  record: SectionedRecord,
  basis: number,
  current: number,
  what: string,
  labels: Readonly<Record<string, string>>,
  outcome: string,
): Promise<void> {
  requireKnown(basis, current);
  if (basis === current) return;
  const [was, is] = await Promise.all([
    snapshotAt(trx, record, basis),
    snapshotAt(trx, record, current),
  ]);
  throw await refusal(
    trx,
    what,
    basis,
    current,
    is,
    (now) => (was ? changedKeys(was.content as Snapshot, now, labels) : []),
    outcome,
  );
}

/** A basis newer than the record's revision is a bad input, not a conflict. */
function requireKnown(basis: number, current: number): void {
  if (basis > current)
    throw new StoreError('invalid', 'De invoer klopt niet.', [
      {
        path: 'basisRevisie',
        message: `revisie ${basis} bestaat niet; de nieuwste is ${current}`,
      },
    ]);
}

/** The `edit_revision` row of `record` at `revision`; no author: kept from before a write. */
function revisionRow(
  record: KeptRecord,
  revision: number,
  snapshot: Snapshot,
  by: Editor | null,
  at: Date,
) {
  return {
    entity: record.entity,
    entity_id: record.id,
    revision,
    case_id: record.caseId,
    content: JSON.stringify(snapshot),
    saved_at: at,
    saved_by: by && 'staffId' in by ? by.staffId : null,
    saved_by_person: by && 'personId' in by ? by.personId : null,
  };
}

/** Keeps what the record held at `revision` before a write, unless that was kept already. */
async function keepBasis(trx: Trx, record: KeptRecord, revision: number, before: Snapshot) {
  await trx
    .insertInto('edit_revision')
    .values(revisionRow(record, revision, before, null, new Date(0)))
    .onConflict((oc) => oc.columns(['entity', 'entity_id', 'revision']).doNothing())
    .execute();
}

/** The 409 of a stale write: who saved the current revision, when, and `changed` fields. */
async function refusal(
  trx: Trx,
  what: string,
  basis: number,
  current: number,
  /** The revision whose author and time the refusal names. */
  is: Awaited<ReturnType<typeof snapshotAt>>,
  changed: (current: Snapshot) => RevisionChange[],
  outcome?: string,
): Promise<StoreError> {
  return staleWriteError(
    what,
    {
      revisie: current,
      basisRevisie: basis,
      door: is ? await editorName(trx, is.saved_by, is.saved_by_person) : null,
      op: is && is.saved_at.getTime() > 0 ? is.saved_at.toISOString() : null,
      velden: is ? changed(is.content as Snapshot) : [],
    },
    outcome,
  );
}

/** Keeps what `record` holds at `revision` (after the write) and who saved it, when. */
export async function keepRevision(
  trx: Trx,
  record: KeptRecord,
  revision: number,
  snapshot: Snapshot,
  by: Editor,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('edit_revision')
    .values(revisionRow(record, revision, snapshot, by, now))
    .execute();
}

/** The snapshot keys whose values differ (JSON), each with its label from `labels`. */
export function changedKeys(
  basis: Snapshot,
  current: Snapshot,
  labels: Readonly<Record<string, string>>,
): RevisionChange[] {
  return [...new Set([...Object.keys(basis), ...Object.keys(current)])]
    .filter((key) => JSON.stringify(basis[key] ?? null) !== JSON.stringify(current[key] ?? null))
    .map((key) => ({ path: key, label: labels[key] ?? key }));
}
