/**
 * Sessions of the family portal (issue 10, ADR 0026): the same construction as staff sessions
 * (a random token in an HttpOnly, SameSite=Strict cookie, only its SHA-256 stored, a CSRF token
 * per session, a maximum age and an idle timeout), but in their own table and cookie. A portal
 * session never passes for a staff session, nor the other way round: staff routes read
 * `request.session`, portal routes `request.portal`.
 *
 * A session is found only while its person may use the portal: a parent whose authority was
 * removed, or a young person under 12, loses access at once, also in a running session.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { mayUsePortal, type PortalPersonKind } from '../../domain/portal/eligibility.js';
import { localDay } from '../../domain/time/index.js';
import type { Database } from '../../store/schema.js';

export const PORTAL_COOKIE = 'casusregie_portaal';
const SESSION_HOURS = 4;
const TOUCH_AFTER_MS = 60_000;

export function portalCookieName(secure: boolean): string {
  return secure ? `__Host-${PORTAL_COOKIE}` : PORTAL_COOKIE;
}

export function portalTokenOf(cookies: Record<string, string | undefined>): string | undefined {
  return cookies[`__Host-${PORTAL_COOKIE}`] ?? cookies[PORTAL_COOKIE];
}

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Who is logged in to the portal. */
export interface PortalSession {
  readonly personId: string;
  readonly householdId: string;
  readonly kind: PortalPersonKind;
  readonly name: string;
  /** `YYYY-MM-DD` or null. */
  readonly birthDate: string | null;
  readonly csrfToken: string;
}

export async function createPortalSession(
  db: Kysely<Database>,
  personId: string,
  now: Date,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db
    .insertInto('portal_session')
    .values({
      id: digest(token),
      person_id: personId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      last_seen_at: now,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function findPortalSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  idleMinutes: number,
): Promise<PortalSession | null> {
  const row = await db
    .selectFrom('portal_session')
    .innerJoin('person', 'person.id', 'portal_session.person_id')
    .select([
      'person.id as personId',
      'person.household_id as householdId',
      'person.kind',
      'person.name',
      'person.birth_date as birthDate',
      'person.authority_removed as authorityRemoved',
      'portal_session.csrf_token as csrfToken',
      'portal_session.expires_at as expiresAt',
      'portal_session.last_seen_at as lastSeenAt',
    ])
    .where('portal_session.id', '=', digest(token))
    .executeTakeFirst();
  if (!row) return null;
  const idleMs = now.getTime() - new Date(row.lastSeenAt).getTime();
  const birthDate = row.birthDate === null ? null : String(row.birthDate).slice(0, 10);
  const eligible = mayUsePortal(
    { kind: row.kind, birthDate, authorityRemoved: row.authorityRemoved },
    localDay(now.getTime()),
  );
  if (!eligible.allowed || new Date(row.expiresAt) <= now || idleMs >= idleMinutes * 60_000) {
    await endPortalSession(db, token);
    return null;
  }
  if (idleMs >= TOUCH_AFTER_MS)
    await db
      .updateTable('portal_session')
      .set({ last_seen_at: now })
      .where('id', '=', digest(token))
      .execute();
  return {
    personId: row.personId,
    householdId: row.householdId,
    kind: row.kind,
    name: row.name,
    birthDate,
    csrfToken: row.csrfToken,
  };
}

export async function endPortalSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('portal_session').where('id', '=', digest(token)).execute();
}
