/**
 * Logging in with e-mail and password. After 5 failed attempts the account is locked for a
 * period that doubles with every further failure (1, 2, 4, … minutes, at most an hour). The
 * answer never says whether the e-mail exists.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { ApiError } from '../errors.js';
import { verifyPassword } from './passwords.js';

const FREE_ATTEMPTS = 5;
const MAX_LOCK_MINUTES = 60;
/** 2^6 minutes is past the maximum: a larger exponent changes nothing (and could overflow). */
const MAX_LOCK_EXPONENT = 6;
// Verifying against a real hash for unknown e-mails keeps the response time the same.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$uEVCDuuKc8wMTK3ME5ZbjcnOHfvfGYVFJ4mfJPmXB9g';

export async function checkCredentials(
  db: Kysely<Database>,
  email: string,
  password: string,
  now: Date,
): Promise<string> {
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'password_hash', 'locked_until', 'active'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!staff || !staff.active) {
    await verifyPassword(DUMMY_HASH, password);
    throw new ApiError('unauthenticated', 'E-mailadres of wachtwoord klopt niet.');
  }
  if (staff.locked_until && new Date(staff.locked_until) > now) throw new ApiError('locked');
  if (!(await verifyPassword(staff.password_hash, password))) {
    // Counted in one statement on the row, never read-then-write: failures that arrive at the
    // same time (at one instance or at several, docs/deployment.md) all count.
    const over = sql<number>`staff.failed_logins + 1 - ${FREE_ATTEMPTS}`;
    await db
      .updateTable('staff')
      .set({
        failed_logins: sql`staff.failed_logins + 1`,
        locked_until: sql`case when ${over} >= 0
          then ${now}::timestamptz + make_interval(mins => least(
            power(2, least(${over}, ${MAX_LOCK_EXPONENT})), ${MAX_LOCK_MINUTES})::int)
          end`,
      })
      .where('id', '=', staff.id)
      .execute();
    throw new ApiError('unauthenticated', 'E-mailadres of wachtwoord klopt niet.');
  }
  await db
    .updateTable('staff')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', staff.id)
    .execute();
  return staff.id;
}
