/**
 * Break-the-glass access in the database (ADR 0020): asking for it (reason first, then the case
 * is looked up by id or BSN; the answer is the case or "niet gevonden"), the running grant of the
 * actor on a case (for the banner), and the privacy officer's list and review of grants of the
 * cases of their region. The grant itself counts in `caseAccessFacts`; `requireAccess` logs every
 * read under it with the reason as justification and refuses changes.
 */
import type { Kysely } from 'kysely';
import { caseAccess } from '../domain/access/case-access.js';
import {
  breakGlassProblems,
  breakGlassUntil,
  mayBreakGlass,
  mayReviewBreakGlass,
  reviewProblems,
  type BreakGlassInput,
  type ReviewInput,
  type ReviewVerdict,
} from '../domain/privacy/break-glass.js';
import { writeAudit } from './audit.js';
import { caseAccessFacts } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'Niet gevonden.';

export interface BreakGlassGrant {
  readonly id: string;
  readonly caseId: string;
  readonly reason: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/**
 * Opens a case by break-the-glass. The reason and the duration are checked before the case is
 * looked up, so nothing is revealed without a reason. A case the actor already reads is refused
 * (409): there is no emergency to record.
 */
export async function requestBreakGlass(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: BreakGlassInput,
  now: Date,
): Promise<BreakGlassGrant> {
  const may = mayBreakGlass(ctx.actor);
  if (!may.allowed) throw new StoreError('forbidden', `Geen noodtoegang: ${may.reason}.`);
  const problems = breakGlassProblems(input);
  if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
  const reason = input.reason.trim();
  const lookedUpBy = input.caseId !== null && input.caseId.trim() !== '' ? 'casus' : 'bsn';
  const caseId = await findCase(db, input);
  if (!caseId) {
    await writeAudit(db, ctx, {
      action: 'noodtoegang.niet-gevonden',
      justification: reason,
      details: { gezochtOp: lookedUpBy },
    });
    throw new StoreError('not-found', NOT_FOUND);
  }
  return db.transaction().execute(async (trx) => {
    const facts = await caseAccessFacts(trx, caseId, now);
    if (!facts) throw new StoreError('not-found', NOT_FOUND);
    const read = caseAccess(ctx.actor, facts);
    if (read.allowed && read.basis === 'noodtoegang')
      throw new StoreError('conflict', 'U heeft al noodtoegang tot deze casus.', [
        { path: 'casusId', message: 'er loopt al een noodtoegang van u op deze casus' },
      ]);
    if (read.allowed)
      throw new StoreError(
        'conflict',
        'U heeft al toegang tot deze casus; noodtoegang is niet nodig.',
        [{ path: 'casusId', message: 'u heeft al toegang tot deze casus' }],
      );
    const endsAt = breakGlassUntil(now, input.hours);
    const row = await trx
      .insertInto('break_glass')
      .values({
        case_id: caseId,
        staff_id: ctx.actor.staffId,
        organisation_id: ctx.actor.organisationId,
        reason,
        looked_up_by: lookedUpBy,
        starts_at: now,
        ends_at: endsAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'noodtoegang.verleend',
      caseId,
      justification: reason,
      details: { grantId: row.id, until: endsAt.toISOString(), gezochtOp: lookedUpBy },
    });
    return { id: row.id, caseId, reason, startsAt: now, endsAt };
  });
}

/** The case named by id, or the newest case of the young person with this BSN. */
async function findCase(db: Kysely<Database>, input: BreakGlassInput): Promise<string | null> {
  if (input.caseId !== null && input.caseId.trim() !== '') {
    const id = input.caseId.trim();
    if (!UUID.test(id)) return null;
    const row = await db.selectFrom('casus').select('id').where('id', '=', id).executeTakeFirst();
    return row?.id ?? null;
  }
  const row = await db
    .selectFrom('person')
    .innerJoin('casus', 'casus.household_id', 'person.household_id')
    .select('casus.id')
    .where('person.bsn', '=', (input.bsn ?? '').trim())
    .where('person.kind', '=', 'jeugdige')
    .orderBy('casus.created_at', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The actor's own running grant on a case, or null (no access check: it is their own grant). */
export async function ownBreakGlass(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<BreakGlassGrant | null> {
  if (!UUID.test(caseId)) return null;
  const row = await db
    .selectFrom('break_glass')
    .select(['id', 'case_id', 'reason', 'starts_at', 'ends_at'])
    .where('case_id', '=', caseId)
    .where('staff_id', '=', ctx.actor.staffId)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .orderBy('ends_at', 'desc')
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        caseId: row.case_id,
        reason: row.reason,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
      }
    : null;
}

export interface GrantForReview {
  readonly id: string;
  readonly caseId: string;
  readonly staffName: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  readonly reason: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly verdict: ReviewVerdict | null;
  readonly note: string | null;
  readonly reviewedBy: string | null;
  readonly reviewedAt: Date | null;
}

/** The privacy officer's region; anyone else is refused (403). */
async function reviewerRegion(db: Kysely<Database>, ctx: RequestContext): Promise<string> {
  const org = await db
    .selectFrom('organisation')
    .select(['kind', 'region'])
    .where('id', '=', ctx.actor.organisationId)
    .executeTakeFirst();
  const may = mayReviewBreakGlass(ctx.actor.roles, org?.kind ?? '');
  if (!may.allowed || !org)
    throw new StoreError('forbidden', `Geen toegang: ${may.allowed ? '' : may.reason}.`);
  return org.region;
}

/**
 * Grants on the cases of the privacy officer's region: the unreviewed ones (oldest first), or
 * all (newest first). The case is named by id only; no case content.
 */
export async function grantsForReview(
  db: Kysely<Database>,
  ctx: RequestContext,
  which: 'open' | 'alle',
): Promise<readonly GrantForReview[]> {
  const region = await reviewerRegion(db, ctx);
  let query = db
    .selectFrom('break_glass')
    .innerJoin('casus', 'casus.id', 'break_glass.case_id')
    .innerJoin('staff', 'staff.id', 'break_glass.staff_id')
    .innerJoin('organisation', 'organisation.id', 'break_glass.organisation_id')
    .leftJoin('staff as reviewer', 'reviewer.id', 'break_glass.reviewed_by')
    .select([
      'break_glass.id',
      'break_glass.case_id as caseId',
      'staff.name as staffName',
      'staff.roles',
      'organisation.name as organisation',
      'break_glass.reason',
      'break_glass.starts_at as startsAt',
      'break_glass.ends_at as endsAt',
      'break_glass.verdict',
      'break_glass.review_note as note',
      'reviewer.name as reviewedBy',
      'break_glass.reviewed_at as reviewedAt',
    ])
    .where('casus.region', '=', region);
  query =
    which === 'open'
      ? query.where('break_glass.verdict', 'is', null).orderBy('break_glass.starts_at', 'asc')
      : query.orderBy('break_glass.starts_at', 'desc');
  const rows = await query.limit(500).execute();
  await writeAudit(db, ctx, {
    action: 'noodtoegang.overzicht',
    details: { regio: region, welke: which, aantal: rows.length },
  });
  return rows.map((r) => ({ ...r, roles: r.roles as string[] }));
}

/**
 * The privacy officer's verdict on a grant of their region. A grant outside the region is "not
 * found"; a grant already reviewed is refused (409). An `onterecht` verdict ends a grant that
 * still runs.
 */
export async function reviewBreakGlass(
  db: Kysely<Database>,
  ctx: RequestContext,
  grantId: string,
  input: ReviewInput,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const region = await reviewerRegion(trx, ctx);
    const grant = UUID.test(grantId)
      ? await trx
          .selectFrom('break_glass')
          .innerJoin('casus', 'casus.id', 'break_glass.case_id')
          .select([
            'break_glass.id',
            'break_glass.case_id',
            'break_glass.verdict',
            'break_glass.starts_at',
            'break_glass.ends_at',
            'casus.region',
          ])
          .where('break_glass.id', '=', grantId)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!grant || grant.region !== region) throw new StoreError('not-found', NOT_FOUND);
    const problems = reviewProblems(input);
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    if (grant.verdict !== null)
      throw new StoreError('conflict', 'Deze noodtoegang is al beoordeeld.');
    const verdict = input.verdict as ReviewVerdict;
    const endNow = verdict === 'onterecht' && grant.ends_at.getTime() > now.getTime();
    await trx
      .updateTable('break_glass')
      .set({
        verdict,
        review_note: input.note.trim() === '' ? null : input.note.trim(),
        reviewed_by: ctx.actor.staffId,
        reviewed_at: now,
        // The end must stay after the start (a grant reviewed in its first millisecond).
        ...(endNow
          ? { ends_at: new Date(Math.max(now.getTime(), grant.starts_at.getTime() + 1)) }
          : {}),
      })
      .where('id', '=', grant.id)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'noodtoegang.beoordeeld',
      caseId: grant.case_id,
      details: { grantId: grant.id, oordeel: verdict, beeindigd: endNow },
    });
  });
}
