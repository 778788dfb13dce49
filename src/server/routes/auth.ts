import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { checkCredentials } from '../auth/login.js';
import {
  createSession,
  endSession,
  findSession,
  sessionTokenOf,
  type SessionInfo,
} from '../auth/sessions.js';
import { clearSessionCookie, setSessionCookie } from '../security/session-cookie.js';

const sessionView = z.object({
  medewerker: z.object({
    id: z.string(),
    naam: z.string(),
    organisatieId: z.string(),
    organisatie: z.string(),
    organisatieSoort: z.string(),
    regio: z.string(),
    rollen: z.array(z.string()),
  }),
  csrfToken: z.string(),
});

function sessionBody(session: SessionInfo): z.infer<typeof sessionView> {
  return {
    medewerker: {
      id: session.actor.staffId,
      naam: session.name,
      organisatieId: session.actor.organisationId,
      organisatie: session.organisationName,
      organisatieSoort: session.organisationKind,
      regio: session.region,
      rollen: [...session.actor.roles],
    },
    csrfToken: session.csrfToken,
  };
}

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
        // A new session id at every login (ASVS 3.2.1): an earlier one is ended first.
        const earlier = sessionTokenOf(request.cookies);
        if (earlier) await endSession(deps.db, earlier);
        const session = await createSession(deps.db, staffId, now);
        const info = await findSession(deps.db, session.token, now);
        if (!info) throw new Error('a session just created must be found');
        setSessionCookie(reply, session, deps.secureCookies);
        return sessionBody(info);
      },
    );

    app.get(
      '/sessie',
      { schema: { summary: 'Wie ben ik', response: { 200: sessionView } } },
      (request) => {
        return sessionBody(requireUser(request).session);
      },
    );

    app.delete('/sessie', { schema: { summary: 'Uitloggen' } }, async (request, reply) => {
      requireUser(request);
      if (request.sessionToken) await endSession(deps.db, request.sessionToken);
      clearSessionCookie(reply, deps.secureCookies);
      return reply.status(204).send();
    });
  };
