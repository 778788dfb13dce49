/**
 * Logging in with e-mail and password. After 5 failed attempts the account is locked for a
 * period that doubles with every further failure (1, 2, 4, … minutes, at most an hour). The
 * answer never says whether the e-mail exists.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { ApiError } from '../errors.js';
import { verifyPassword } from './passwords.js';

const FREE_ATTEMPTS = 5;
const MAX_LOCK_MINUTES = 60;
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
    .select(['id', 'password_hash', 'failed_logins', 'locked_until', 'active'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!staff || !staff.active) {
    await verifyPassword(DUMMY_HASH, password);
    throw new ApiError('unauthenticated', 'E-mailadres of wachtwoord klopt niet.');
  }
  if (staff.locked_until && new Date(staff.locked_until) > now) throw new ApiError('locked');
  if (!(await verifyPassword(staff.password_hash, password))) {
    const failures = staff.failed_logins + 1;
    const over = failures - FREE_ATTEMPTS;
    const lockedUntil =
      over >= 0 ? new Date(now.getTime() + Math.min(2 ** over, MAX_LOCK_MINUTES) * 60_000) : null;
    await db
      .updateTable('staff')
      .set({ failed_logins: failures, locked_until: lockedUntil })
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
