import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { checkCredentials } from '../auth/login.js';
import { createSession, endSession, SESSION_COOKIE } from '../auth/sessions.js';

const sessionView = z.object({
  medewerker: z.object({
    id: z.string(),
    naam: z.string(),
    organisatieId: z.string(),
    organisatie: z.string(),
    rollen: z.array(z.string()),
  }),
  csrfToken: z.string(),
});

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/sessie',
      {
        schema: {
          summary: 'Inloggen',
          body: z.strictObject({
            email: z.string().min(3).max(200),
            wachtwoord: z.string().min(1).max(200),
          }),
          response: { 200: sessionView },
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const staffId = await checkCredentials(
          deps.db,
          request.body.email,
          request.body.wachtwoord,
          now,
        );
        const session = await createSession(deps.db, staffId, now);
        const staff = await deps.db
          .selectFrom('staff')
          .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
          .select([
            'staff.id',
            'staff.name',
            'staff.organisation_id',
            'staff.roles',
            'organisation.name as organisationName',
          ])
          .where('staff.id', '=', staffId)
          .executeTakeFirstOrThrow();
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.secureCookies,
          expires: session.expiresAt,
        });
        return {
          medewerker: {
            id: staff.id,
            naam: staff.name,
            organisatieId: staff.organisation_id,
            organisatie: staff.organisationName,
            rollen: staff.roles,
          },
          csrfToken: session.csrfToken,
        };
      },
    );

    app.get(
      '/sessie',
      { schema: { summary: 'Wie ben ik', response: { 200: sessionView } } },
      (request) => {
        const { session } = requireUser(request);
        return {
          medewerker: {
            id: session.actor.staffId,
            naam: session.name,
            organisatieId: session.actor.organisationId,
            organisatie: session.organisationName,
            rollen: [...session.actor.roles],
          },
          csrfToken: session.csrfToken,
        };
      },
    );

    app.delete('/sessie', { schema: { summary: 'Uitloggen' } }, async (request, reply) => {
      requireUser(request);
      if (request.sessionToken) await endSession(deps.db, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });
  };
