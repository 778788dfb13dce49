/**
 * The access log to NEN 7513 in the database (issue 8; ADR 0015): sealing the hash chain,
 * verifying it, the privacy officer's search of the region's log, and the per-case list of who
 * looked at a family's record.
 *
 * Writers never touch the chain: `writeAudit` inserts a plain record in the caller's
 * transaction. Sealing, one process at a time under an advisory lock, later gives committed
 * records older than a grace period their `seq`, `row_hash` and `chain_hash`, in id order.
 * The canonical form and the checks are in `domain/privacy/access-log.ts`; SHA-256 is here.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { mayAssignRoles } from '../domain/access/case-access.js';
import {
  ACCESS_KIND_TEXT,
  accessKind,
  EMPTY_CHAIN,
  mayReadAccessLog,
  seal,
  verifyRun,
  type AccessKind,
  type ChainHead,
  type ChainVerdict,
  type SealedRecord,
} from '../domain/privacy/access-log.js';
import { parseIsoDate, startOfLocalDay, addDays } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Key of the advisory lock that lets one sealer run at a time (7513, as in NEN 7513). */
const SEAL_LOCK = 7513;
/** Records younger than this are left to the next run, so transactions in flight commit first. */
export const SEAL_GRACE_MS = 5_000;
const SEAL_BATCH = 500;
const VERIFY_BATCH = 2_000;

/** The stored fields of records, with the time as UTC text with microseconds. */
function recordQuery(db: Db) {
  return db
    .selectFrom('audit_log')
    .select([
      sql<string>`audit_log.id::text`.as('id'),
      sql<string>`to_char(audit_log.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'at',
      ),
      'audit_log.staff_id',
      'audit_log.organisation_id',
      'audit_log.role',
      'audit_log.case_id',
      'audit_log.household_id',
      'audit_log.action',
      'audit_log.details',
      'audit_log.client_address',
      'audit_log.justification',
      sql<string | null>`audit_log.seq::text`.as('seq'),
      'audit_log.row_hash',
      'audit_log.chain_hash',
    ]);
}

type RecordRow = Awaited<ReturnType<ReturnType<typeof recordQuery>['execute']>>[number];

function toRecord(row: RecordRow): SealedRecord {
  return {
    id: row.id,
    at: row.at,
    staffId: row.staff_id,
    organisationId: row.organisation_id,
    role: row.role,
    caseId: row.case_id,
    householdId: row.household_id,
    action: row.action,
    details: row.details,
    clientAddress: row.client_address,
    justification: row.justification,
    seq: Number(row.seq ?? 0),
    rowHash: row.row_hash ?? '',
    chainHash: row.chain_hash ?? '',
  };
}

/**
 * Seals the committed records older than `graceMs` (by the database's clock) that are not
 * sealed yet, in id order, in batches. Returns how many were sealed. Safe to run from several
 * processes at once: the advisory lock makes them take turns, and only this step waits.
 */
export async function sealAuditLog(
  db: Kysely<Database>,
  options: { readonly graceMs?: number } = {},
): Promise<number> {
  const graceMs = options.graceMs ?? SEAL_GRACE_MS;
  let total = 0;
  for (;;) {
    const sealed = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${SEAL_LOCK})`.execute(trx);
      const last = await trx
        .selectFrom('audit_log')
        .select([sql<string>`seq::text`.as('last_seq'), 'chain_hash'])
        .where('seq', 'is not', null)
        .orderBy('audit_log.seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const head: ChainHead = last
        ? { seq: Number(last.last_seq), chainHash: last.chain_hash ?? '' }
        : EMPTY_CHAIN;
      const rows = await recordQuery(trx)
        .where('audit_log.seq', 'is', null)
        .where(
          'audit_log.at',
          '<',
          sql<Date>`now() - make_interval(secs => ${graceMs / 1000}::double precision)`,
        )
        .orderBy('audit_log.id')
        .limit(SEAL_BATCH)
        .execute();
      if (rows.length === 0) return 0;
      const links = seal(head, rows.map(toRecord), sha256);
      const values = sql.join(
        links.map(
          (l) => sql`(${l.id}::bigint, ${String(l.seq)}::bigint, ${l.rowHash}, ${l.chainHash})`,
        ),
      );
      await sql`
        update audit_log as a
        set seq = v.seq, row_hash = v.row_hash, chain_hash = v.chain_hash
        from (values ${values}) as v (id, seq, row_hash, chain_hash)
        where a.id = v.id
      `.execute(trx);
      return links.length;
    });
    total += sealed;
    if (sealed < SEAL_BATCH) return total;
  }
}

export type ChainReport = ChainVerdict & {
  /** Records not sealed yet (younger than the grace period, or in transactions just committed). */
  readonly unsealed: number;
};

/**
 * Seals what is due, then recomputes every row hash and the chain from the first record and
 * reports the first broken record: its id, and whether its content, a predecessor or the link
 * with the previous record is wrong.
 */
export async function verifyAuditLog(
  db: Kysely<Database>,
  options: { readonly graceMs?: number } = {},
): Promise<ChainReport> {
  await sealAuditLog(db, options);
  let head = EMPTY_CHAIN;
  let checked = 0;
  for (;;) {
    const rows = await recordQuery(db)
      .where('audit_log.seq', 'is not', null)
      .where('audit_log.seq', '>', String(head.seq))
      .orderBy('audit_log.seq')
      .limit(VERIFY_BATCH)
      .execute();
    const verdict = verifyRun(head, rows.map(toRecord), sha256);
    checked += verdict.checked;
    if (!verdict.intact || rows.length < VERIFY_BATCH) {
      const unsealed = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('seq', 'is', null)
        .executeTakeFirstOrThrow();
      return { ...verdict, checked, unsealed: Number(unsealed.n) };
    }
    head = verdict.head;
  }
}

/** The region of a privacy officer; anyone else is refused (403). */
async function privacyOfficerRegion(db: Db, ctx: RequestContext): Promise<string> {
  const org = await db
    .selectFrom('organisation')
    .select(['kind', 'region'])
    .where('id', '=', ctx.actor.organisationId)
    .executeTakeFirst();
  const decision = mayReadAccessLog(ctx.actor, org?.kind ?? '');
  if (!decision.allowed || !org)
    throw new StoreError(
      'forbidden',
      'Alleen de privacyfunctionaris van de gemeente leest het toegangslog.',
    );
  return org.region;
}

export interface AccessLogFilter {
  /** First and last day (Europe/Amsterdam, inclusive), `YYYY-MM-DD`. */
  readonly from: string | null;
  readonly until: string | null;
  readonly staffId: string | null;
  readonly organisationId: string | null;
  readonly caseId: string | null;
  /** An action, or the start of one (`casus.` finds every action on cases). */
  readonly action: string | null;
  readonly page: number;
  readonly perPage: number;
}

export interface AccessLogEntry {
  readonly id: string;
  readonly at: Date;
  readonly staffId: string | null;
  readonly staffName: string | null;
  readonly organisationId: string | null;
  readonly organisationName: string | null;
  readonly role: string | null;
  readonly caseId: string | null;
  readonly householdId: string | null;
  readonly action: string;
  readonly kind: AccessKind;
  readonly kindText: string;
  readonly justification: string | null;
  readonly clientAddress: string | null;
  readonly sealed: boolean;
}

function entryQuery(db: Db) {
  return db
    .selectFrom('audit_log')
    .leftJoin('staff', 'staff.id', 'audit_log.staff_id')
    .leftJoin('organisation', 'organisation.id', 'audit_log.organisation_id');
}

const entryColumns = [
  sql<string>`audit_log.id::text`.as('id'),
  'audit_log.at',
  'audit_log.staff_id',
  'staff.name as staff_name',
  'audit_log.organisation_id',
  'organisation.name as organisation_name',
  'audit_log.role',
  'audit_log.case_id',
  'audit_log.household_id',
  'audit_log.action',
  'audit_log.justification',
  'audit_log.client_address',
  'audit_log.seq',
] as const;

function toEntry(row: {
  id: string;
  at: Date;
  staff_id: string | null;
  staff_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  role: string | null;
  case_id: string | null;
  household_id: string | null;
  action: string;
  justification: string | null;
  client_address: string | null;
  seq: string | null;
}): AccessLogEntry {
  const kind = accessKind(row.action);
  return {
    id: row.id,
    at: row.at,
    staffId: row.staff_id,
    staffName: row.staff_name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    role: row.role,
    caseId: row.case_id,
    householdId: row.household_id,
    action: row.action,
    kind,
    kindText: ACCESS_KIND_TEXT[kind],
    justification: row.justification,
    clientAddress: row.client_address,
    sealed: row.seq !== null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The privacy officer's search of the log of the region's organisations, newest first, a page
 * at a time. The search itself is logged (`toegangslog.lezen`, with the filter).
 */
export async function searchAccessLog(
  db: Kysely<Database>,
  ctx: RequestContext,
  filter: AccessLogFilter,
): Promise<{ readonly entries: AccessLogEntry[]; readonly total: number }> {
  return db.transaction().execute(async (trx) => {
    const region = await privacyOfficerRegion(trx, ctx);
    const problems: { path: string; message: string }[] = [];
    const from = filter.from === null ? null : parseIsoDate(filter.from);
    const until = filter.until === null ? null : parseIsoDate(filter.until);
    if (from !== null && until !== null && until < from)
      problems.push({ path: 'tot', message: 'tot-datum ligt vóór de van-datum' });
    for (const [path, value] of [
      ['medewerker', filter.staffId],
      ['organisatie', filter.organisationId],
      ['casus', filter.caseId],
    ] as const)
      if (value !== null && !UUID.test(value)) problems.push({ path, message: 'geen geldige id' });
    if (filter.organisationId !== null && UUID.test(filter.organisationId)) {
      const org = await trx
        .selectFrom('organisation')
        .select('region')
        .where('id', '=', filter.organisationId)
        .executeTakeFirst();
      if (org?.region !== region)
        problems.push({ path: 'organisatie', message: 'deze organisatie hoort niet bij uw regio' });
    }
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);

    let query = entryQuery(trx).where('organisation.region', '=', region);
    if (from !== null) query = query.where('audit_log.at', '>=', new Date(startOfLocalDay(from)));
    if (until !== null)
      query = query.where('audit_log.at', '<', new Date(startOfLocalDay(addDays(until, 1))));
    if (filter.staffId !== null) query = query.where('audit_log.staff_id', '=', filter.staffId);
    if (filter.organisationId !== null)
      query = query.where('audit_log.organisation_id', '=', filter.organisationId);
    if (filter.caseId !== null) query = query.where('audit_log.case_id', '=', filter.caseId);
    if (filter.action !== null) {
      const escaped = filter.action.replace(/[\\%_]/g, (c) => `\\${c}`);
      query = query.where('audit_log.action', 'like', `${escaped}%`);
    }
    const count = await query
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .select(entryColumns)
      .orderBy('audit_log.at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'toegangslog.lezen',
      details: {
        regio: region,
        filter: {
          van: filter.from,
          tot: filter.until,
          medewerker: filter.staffId,
          organisatie: filter.organisationId,
          casus: filter.caseId,
          actie: filter.action,
          pagina: filter.page,
        },
        gevonden: Number(count.n),
      },
    });
    return { entries: rows.map(toEntry), total: Number(count.n) };
  });
}

/** The region's organisations and their staff, to filter on (the privacy officer only). */
export async function accessLogChoices(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<{ id: string; name: string; staff: { id: string; name: string }[] }[]> {
  const region = await privacyOfficerRegion(db, ctx);
  const organisations = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('region', '=', region)
    .orderBy('name')
    .execute();
  const staff =
    organisations.length === 0
      ? []
      : await db
          .selectFrom('staff')
          .select(['id', 'name', 'organisation_id'])
          .where(
            'organisation_id',
            'in',
            organisations.map((o) => o.id),
          )
          .orderBy('name')
          .execute();
  return organisations.map((o) => ({
    id: o.id,
    name: o.name,
    staff: staff.filter((s) => s.organisation_id === o.id).map((s) => ({ id: s.id, name: s.name })),
  }));
}

/** The privacy officer runs the verification of the whole chain; the run is logged. */
export async function verifyAccessLog(
  db: Kysely<Database>,
  ctx: RequestContext,
  options: { readonly graceMs?: number } = {},
): Promise<ChainReport> {
  await privacyOfficerRegion(db, ctx);
  const report = await verifyAuditLog(db, options);
  await writeAudit(db, ctx, {
    action: 'toegangslog.controleren',
    details: report.intact
      ? { intact: true, gecontroleerd: report.checked, nietVerzegeld: report.unsealed }
      : {
          intact: false,
          gecontroleerd: report.checked,
          regel: report.broken.id,
          probleem: report.broken.problem,
        },
  });
  return report;
}

/**
 * Who looked at this family's record: every logged access about the case's household (all its
 * cases), newest first. For those who may assign roles on the case — the casusregisseur shows
 * it to the family. Others who read the case get 403, the rest 404. The read is logged.
 */
export async function caseAccessLog(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
  limit = 500,
): Promise<{ readonly entries: AccessLogEntry[]; readonly limited: boolean }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
    const household = await trx
      .selectFrom('casus')
      .select('household_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const rows = await entryQuery(trx)
      .select(entryColumns)
      .where('audit_log.household_id', '=', household.household_id)
      .orderBy('audit_log.at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(limit + 1)
      .execute();
    await writeAudit(trx, ctx, { action: 'toegangslog.casus-lezen', caseId });
    return { entries: rows.slice(0, limit).map(toEntry), limited: rows.length > limit };
  });
}
