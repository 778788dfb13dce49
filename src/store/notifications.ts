/**
 * In-app notifications: the features that have news for someone (a progress report, a
 * calamity, a crisis, an escalation, a change) call `notify` inside their own transaction; one
 * row is stored per recipient. The list a staff member reads, and marking items as read, only
 * ever touch that person's own rows.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access/case-access.js';
import { deadlineNotices, type DeadlineNotice } from '../domain/notifications/deadline-items.js';
import type { NotificationKind } from '../domain/notifications/kinds.js';
import type { Profile } from '../domain/rules/index.js';
import { localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';
import { visibleCaseDeadlines } from './work-list.js';

export { NOTIFICATION_KINDS, type NotificationKind } from '../domain/notifications/kinds.js';

export type CaseRoleName = 'procesregie' | 'casusregie' | 'behandelregie' | 'crisiscasusregie';

export interface NotificationInput {
  readonly kind: NotificationKind;
  readonly caseId: string | null;
  /** Dutch, short; no more personal data than the recipient may see anyway. */
  readonly title: string;
  readonly ruleId?: string | null;
  /** Path inside the web app, e.g. `/casussen/<id>`. */
  readonly link?: string | null;
  /** Recipients by person … */
  readonly staffIds?: readonly string[];
  /** … and/or every active staff member of these organisations, optionally narrowed to staff roles. */
  readonly organisationIds?: readonly string[];
  readonly roles?: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function hasOneOf(held: readonly string[], wanted: readonly string[] | undefined): boolean {
  return wanted === undefined || wanted.length === 0 || held.some((r) => wanted.includes(r));
}

/**
 * The active staff members an input addresses: the named persons, plus the staff of the named
 * organisations with one of `roles` (all of them when `roles` is absent or empty).
 */
async function recipients(db: Kysely<Database>, input: NotificationInput): Promise<string[]> {
  const staffIds = (input.staffIds ?? []).filter((id) => UUID.test(id));
  const organisationIds = (input.organisationIds ?? []).filter((id) => UUID.test(id));
  const found = new Set<string>();
  if (staffIds.length > 0) {
    const rows = await db
      .selectFrom('staff')
      .select('id')
      .where('id', 'in', staffIds)
      .where('active', '=', true)
      .execute();
    for (const row of rows) found.add(row.id);
  }
  if (organisationIds.length > 0) {
    const rows = await db
      .selectFrom('staff')
      .select(['id', 'roles'])
      .where('organisation_id', 'in', organisationIds)
      .where('active', '=', true)
      .execute();
    for (const row of rows) if (hasOneOf(row.roles, input.roles)) found.add(row.id);
  }
  return [...found].sort();
}

/** Stores one notification per recipient (deduplicated), inside the caller's transaction. */
export async function notify(
  db: Kysely<Database>,
  input: NotificationInput,
  at: Date,
): Promise<number> {
  const staff = await recipients(db, input);
  if (staff.length === 0) return 0;
  await db
    .insertInto('notification')
    .values(
      staff.map((staffId) => ({
        staff_id: staffId,
        case_id: input.caseId,
        kind: input.kind,
        title: input.title,
        rule_id: input.ruleId ?? null,
        link: input.link ?? null,
        created_at: at,
        read_at: null,
      })),
    )
    .execute();
  return staff.length;
}

/**
 * Staff who hold a case role now: the professional who holds it personally, or every active
 * staff member of the holding organisation with one of `roles` (all of them without `roles`).
 * A role the family holds (`gezin`) has no staff recipients.
 */
export async function caseRoleRecipients(
  db: Kysely<Database>,
  caseId: string,
  role: CaseRoleName,
  at: Date,
  roles?: readonly string[],
): Promise<string[]> {
  if (!UUID.test(caseId)) return [];
  const held = await db
    .selectFrom('case_role')
    .select(['holder', 'staff_id as staffId', 'organisation_id as organisationId'])
    .where('case_id', '=', caseId)
    .where('role', '=', role)
    .where('starts_at', '<=', at)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
    .execute();
  const staffIds: string[] = [];
  const organisationIds: string[] = [];
  for (const row of held) {
    if (row.staffId !== null) staffIds.push(row.staffId);
    else if (row.holder === 'organisatie' && row.organisationId !== null)
      organisationIds.push(row.organisationId);
  }
  return recipients(db, {
    kind: 'aanpassing',
    caseId,
    title: '',
    staffIds,
    organisationIds,
    ...(roles === undefined ? {} : { roles }),
  });
}

/** Staff roles that carry regie for the family (not the provider's planner or a GP). */
const REGIE_STAFF_ROLES = ['casusregisseur', 'teamleider', 'jeugdbeschermer'] as const;

/**
 * The regie side of a case: whoever holds casusregie or procesregie now (as a person, or the
 * regie staff of the holding organisation) and the regie staff of the responsible local team.
 * News about the help itself (it stopped, it lapsed) goes to them.
 */
export async function regieSideRecipients(
  db: Kysely<Database>,
  caseId: string,
  at: Date,
): Promise<string[]> {
  const team = await db
    .selectFrom('casus')
    .innerJoin('staff', 'staff.organisation_id', 'casus.responsible_team_id')
    .select(['staff.id', 'staff.roles'])
    .where('casus.id', '=', caseId)
    .where('staff.active', '=', true)
    .execute();
  const ids = new Set([
    ...(await caseRoleRecipients(db, caseId, 'casusregie', at, REGIE_STAFF_ROLES)),
    ...(await caseRoleRecipients(db, caseId, 'procesregie', at, REGIE_STAFF_ROLES)),
    ...team.filter((t) => hasOneOf(t.roles, REGIE_STAFF_ROLES)).map((t) => t.id),
  ]);
  return [...ids].sort();
}

// --- Reading and marking one's own notifications ------------------------------------------

export interface NotificationView {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly caseId: string | null;
  readonly ruleId: string | null;
  readonly link: string | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

export interface NotificationPage {
  readonly items: readonly NotificationView[];
  readonly total: number;
  readonly unread: number;
}

export const MAX_NOTIFICATION_PAGE = 100;

/** How many of the person's notifications are unread (the badge in the menu). */
export async function unreadCount(db: Kysely<Database>, staffId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('staff_id', '=', staffId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of the actor's own notifications, newest first. Not audited: see the route. */
export async function ownNotifications(
  db: Kysely<Database>,
  ctx: RequestContext,
  page: number,
  perPage: number,
): Promise<NotificationPage> {
  const staffId = ctx.actor.staffId;
  const size = Math.min(MAX_NOTIFICATION_PAGE, Math.max(1, perPage));
  const rows = await db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'case_id', 'rule_id', 'link', 'created_at', 'read_at'])
    .where('staff_id', '=', staffId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(size)
    .offset((Math.max(1, page) - 1) * size)
    .execute();
  const totals = await db
    .selectFrom('notification')
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('id').filterWhere('read_at', 'is', null).as('unread'),
    ])
    .where('staff_id', '=', staffId)
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      caseId: r.case_id,
      ruleId: r.rule_id,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    total: Number(totals.total),
    unread: Number(totals.unread),
  };
}

/**
 * Marks one of the actor's own notifications as read (again marking it keeps the first
 * moment). Someone else's notification, or an unknown id, is "not found": the caller cannot
 * tell the two apart.
 */
export async function markNotificationRead(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  now: Date,
): Promise<void> {
  if (!UUID.test(id)) throw new StoreError('not-found', 'Melding niet gevonden.');
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('notification')
      .select(['id', 'case_id', 'read_at'])
      .where('id', '=', id)
      .where('staff_id', '=', ctx.actor.staffId)
      .executeTakeFirst();
    if (!row) throw new StoreError('not-found', 'Melding niet gevonden.');
    if (row.read_at !== null) return;
    await trx.updateTable('notification').set({ read_at: now }).where('id', '=', id).execute();
    await writeAudit(trx, ctx, {
      action: 'melding.gelezen',
      caseId: row.case_id,
      details: { melding: id },
    });
  });
}

/** Marks every unread notification of the actor as read; the number marked. */
export async function markAllNotificationsRead(
  db: Kysely<Database>,
  ctx: RequestContext,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('notification')
      .set({ read_at: now })
      .where('staff_id', '=', ctx.actor.staffId)
      .where('read_at', 'is', null)
      .returning('id')
      .execute();
    if (marked.length > 0)
      await writeAudit(trx, ctx, {
        action: 'meldingen.alles-gelezen',
        details: { aantal: marked.length },
      });
    return marked.length;
  });
}

// --- Deadline notices (derived, not stored) -----------------------------------------------

/**
 * The overdue deadlines and those due within `workingDays` working days on every open case the
 * actor may see: the work list's cases and engine results, so both use one access filter.
 */
export async function deadlineNoticesFor(
  db: Kysely<Database>,
  actor: Actor,
  profiles: ReadonlyMap<string, Profile>,
  workingDays: number,
  now: Date,
): Promise<DeadlineNotice[]> {
  const cases = await visibleCaseDeadlines(db, actor, profiles, { bereik: 'team' }, now);
  return deadlineNotices(
    cases.map((c) => ({ caseId: c.id, family: c.gezin, pending: c.pending })),
    localDay(now.getTime()),
    workingDays,
  );
}

// --- The daily digest's bookkeeping --------------------------------------------------------

export interface DigestRecipient {
  readonly actor: Actor;
  readonly name: string;
  readonly email: string;
  /** Up to when the previous digest reported notifications; null before the first. */
  readonly coveredUntil: Date | null;
  /** The local day (`YYYY-MM-DD`) of the previous digest; null before the first. */
  readonly lastDay: string | null;
}

/** Every active staff member with an e-mail address, with their previous digest. */
export async function digestRecipients(db: Kysely<Database>): Promise<DigestRecipient[]> {
  const rows = await db
    .selectFrom('staff')
    .leftJoin('digest_run', 'digest_run.staff_id', 'staff.id')
    .select([
      'staff.id',
      'staff.organisation_id',
      'staff.roles',
      'staff.name',
      'staff.email',
      'digest_run.covered_until',
      'digest_run.day',
    ])
    .where('staff.active', '=', true)
    .where('staff.email', '<>', '')
    .orderBy('staff.id')
    .execute();
  return rows.map((r) => ({
    actor: {
      staffId: r.id,
      organisationId: r.organisation_id,
      roles: r.roles as Actor['roles'],
    },
    name: r.name,
    email: r.email,
    coveredUntil: r.covered_until,
    lastDay: r.day === null ? null : String(r.day).slice(0, 10),
  }));
}

/** The person's unread notifications created after `after` (all when null) up to `until`. */
export async function unreadNotificationsBetween(
  db: Kysely<Database>,
  staffId: string,
  after: Date | null,
  until: Date,
): Promise<NotificationView[]> {
  let query = db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'case_id', 'rule_id', 'link', 'created_at', 'read_at'])
    .where('staff_id', '=', staffId)
    .where('read_at', 'is', null)
    .where('created_at', '<=', until);
  if (after !== null) query = query.where('created_at', '>', after);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    caseId: r.case_id,
    ruleId: r.rule_id,
    link: r.link,
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
}

export interface DigestClaim {
  readonly staffId: string;
  readonly previous: { day: string; coveredUntil: Date; sentAt: Date; items: number } | null;
}

/**
 * Claims today's digest for one person before it is sent: one statement that only succeeds
 * when no digest went out on `day` yet, so two runs at once (or a second run the same day)
 * never send twice. Null when it was already claimed.
 */
export async function claimDigest(
  db: Kysely<Database>,
  staffId: string,
  day: string,
  coveredUntil: Date,
  items: number,
  now: Date,
): Promise<DigestClaim | null> {
  const before = await db
    .selectFrom('digest_run')
    .select(['day', 'covered_until', 'sent_at', 'items'])
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  const claimed = await db
    .insertInto('digest_run')
    .values({ staff_id: staffId, day, covered_until: coveredUntil, sent_at: now, items })
    .onConflict((oc) =>
      oc
        .column('staff_id')
        .doUpdateSet((eb) => ({
          day: eb.ref('excluded.day'),
          covered_until: eb.ref('excluded.covered_until'),
          sent_at: eb.ref('excluded.sent_at'),
          items: eb.ref('excluded.items'),
        }))
        .where('digest_run.day', '<', day),
    )
    .returning('staff_id')
    .executeTakeFirst();
  if (!claimed) return null;
  return {
    staffId,
    previous: before
      ? {
          day: String(before.day).slice(0, 10),
          coveredUntil: before.covered_until,
          sentAt: before.sent_at,
          items: before.items,
        }
      : null,
  };
}

/** Gives a claim back after the mail could not be sent, so the next run tries again. */
export async function releaseDigest(db: Kysely<Database>, claim: DigestClaim): Promise<void> {
  if (claim.previous === null) {
    await db.deleteFrom('digest_run').where('staff_id', '=', claim.staffId).execute();
    return;
  }
  await db
    .updateTable('digest_run')
    .set({
      day: claim.previous.day,
      covered_until: claim.previous.coveredUntil,
      sent_at: claim.previous.sentAt,
      items: claim.previous.items,
    })
    .where('staff_id', '=', claim.staffId)
    .execute();
}
