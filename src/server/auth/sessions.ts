/**
 * Sessions: a random token in an HttpOnly, SameSite=Strict cookie; the database keeps only
 * its SHA-256, so a leaked table cannot be replayed. Each session carries a CSRF token that
 * every state-changing request must echo in the `x-csrf-token` header. A session ends after
 * 10 hours, or earlier after a configurable idle time (ADR 0016); over HTTPS the cookie is
 * named `__Host-…`, so it is bound to this host, path `/` and `Secure`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, StaffRole } from '../../domain/access/case-access.js';
import type { Database } from '../../store/schema.js';
import { compiledOnce, slotText } from '../../store/compiled.js';

export const SESSION_COOKIE = 'casusregie_sessie';
const SESSION_HOURS = 10;
/** Default idle time; the app passes SESSION_IDLE_MINUTES. */
export const SESSION_IDLE_MINUTES = 30;
// Writing the last-seen time on every request would double the writes; a minute is precise enough.
const TOUCH_AFTER_MS = 60_000;

/** The cookie's name: with the `__Host-` prefix when it is Secure (HTTPS). */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

/** The session token from a request's cookies, under either name. */
export function sessionTokenOf(cookies: Record<string, string | undefined>): string | undefined {
  return cookies[`__Host-${SESSION_COOKIE}`] ?? cookies[SESSION_COOKIE];
}

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface SessionInfo {
  readonly actor: Actor;
  readonly name: string;
  readonly organisationName: string;
  readonly organisationKind: string;
  readonly region: string;
  readonly csrfToken: string;
}

export async function createSession(
  db: Kysely<Database>,
  staffId: string,
  now: Date,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db
    .insertInto('session')
    .values({
      id: digest(token),
      staff_id: staffId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      last_seen_at: now,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The session with its staff member and organisation; compiled once (every request asks). */
const sessionRow = compiledOnce([slotText('session')] as const, (db, id) =>
  db
    .selectFrom('session')
    .innerJoin('staff', 'staff.id', 'session.staff_id')
    .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
    .select([
      'staff.id as staffId',
      'staff.organisation_id as organisationId',
      'staff.roles',
      'staff.name',
      'staff.active',
      'organisation.name as organisationName',
      'organisation.kind as organisationKind',
      'organisation.region',
      'session.csrf_token as csrfToken',
      'session.expires_at as expiresAt',
      'session.last_seen_at as lastSeenAt',
    ])
    .where('session.id', '=', id),
);

export async function findSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  idleMinutes = SESSION_IDLE_MINUTES,
): Promise<SessionInfo | null> {
  const [row] = await sessionRow(db, digest(token));
  if (!row) return null;
  const idleMs = now.getTime() - new Date(row.lastSeenAt).getTime();
  if (!row.active || new Date(row.expiresAt) <= now || idleMs >= idleMinutes * 60_000) {
    await endSession(db, token);
    return null;
  }
  if (idleMs >= TOUCH_AFTER_MS)
    await db
      .updateTable('session')
      .set({ last_seen_at: now })
      .where('id', '=', digest(token))
      .execute();
  return {
    actor: {
      staffId: row.staffId,
      organisationId: row.organisationId,
      roles: row.roles as StaffRole[],
    },
    name: row.name,
    organisationName: row.organisationName,
    organisationKind: row.organisationKind,
    region: row.region,
    csrfToken: row.csrfToken,
  };
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', digest(token)).execute();
}

/** Ends every session of a member of staff (after a password change). */
export async function endAllSessions(db: Kysely<Database>, staffId: string): Promise<void> {
  await db.deleteFrom('session').where('staff_id', '=', staffId).execute();
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
