/**
 * Sessions: a random token in an HttpOnly, SameSite=Strict cookie; the database keeps only
 * its SHA-256, so a leaked table cannot be replayed. Each session carries a CSRF token that
 * every state-changing request must echo in the `x-csrf-token` header.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, StaffRole } from '../../domain/access/case-access.js';
import type { Database } from '../../store/schema.js';

export const SESSION_COOKIE = 'casusregie_sessie';
const SESSION_HOURS = 10;

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
    .values({ id: digest(token), staff_id: staffId, csrf_token: csrfToken, expires_at: expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function findSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<SessionInfo | null> {
  const row = await db
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
    ])
    .where('session.id', '=', digest(token))
    .executeTakeFirst();
  if (!row || !row.active || new Date(row.expiresAt) <= now) return null;
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

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
