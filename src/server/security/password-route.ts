/**
 * `POST /api/v1/wachtwoord`: a logged-in member of staff changes their own password (ASVS
 * 2.1.5, 3.3.3). The current password is checked like a login (failures count towards the
 * lockout); the new one must meet the policy. In one transaction the hash is replaced, every
 * session of this person ends and a new one starts, and the change is audited.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { writeAudit } from '../../store/audit.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { checkCredentials } from '../auth/login.js';
import { hashPassword } from '../auth/passwords.js';
import { createSession, endAllSessions } from '../auth/sessions.js';
import { ApiError } from '../errors.js';
import { passwordProblems, PASSWORD_MAX } from './password-policy.js';
import { setSessionCookie } from './session-cookie.js';

export const passwordRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/wachtwoord',
      {
        schema: {
          summary: 'Eigen wachtwoord wijzigen',
          body: z.strictObject({
            huidigWachtwoord: z.string().min(1).max(200),
            nieuwWachtwoord: z
              .string()
              .min(1)
              .max(PASSWORD_MAX * 4),
          }),
          response: { 200: z.object({ csrfToken: z.string() }) },
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const now = deps.clock.now();
        const staff = await deps.db
          .selectFrom('staff')
          .select(['email'])
          .where('id', '=', ctx.actor.staffId)
          .executeTakeFirstOrThrow();
        try {
          await checkCredentials(deps.db, staff.email, request.body.huidigWachtwoord, now);
        } catch (error) {
          if (error instanceof ApiError && error.code === 'unauthenticated')
            throw new ApiError('bad-request', 'Het huidige wachtwoord klopt niet.', [
              { path: 'body.huidigWachtwoord', message: 'Het huidige wachtwoord klopt niet.' },
            ]);
          throw error;
        }
        const problems = passwordProblems(request.body.nieuwWachtwoord, staff.email);
        if (request.body.nieuwWachtwoord === request.body.huidigWachtwoord)
          problems.push({
            path: 'body.nieuwWachtwoord',
            message: 'Het nieuwe wachtwoord moet anders zijn dan het huidige.',
          });
        if (problems.length > 0)
          throw new ApiError('bad-request', 'Het nieuwe wachtwoord voldoet niet.', problems);
        const hash = await hashPassword(request.body.nieuwWachtwoord);
        const session = await deps.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('staff')
            .set({ password_hash: hash, failed_logins: 0, locked_until: null })
            .where('id', '=', ctx.actor.staffId)
            .execute();
          await endAllSessions(trx, ctx.actor.staffId);
          await writeAudit(trx, ctx, { action: 'wachtwoord.wijzigen' });
          return createSession(trx, ctx.actor.staffId, now);
        });
        setSessionCookie(reply, session, deps.secureCookies);
        return { csrfToken: session.csrfToken };
      },
    );
  };
