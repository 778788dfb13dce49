/**
 * Logging in to the family portal with a one-time code by e-mail (issue 10, ADR 0026). The
 * answer to "send me a code" is the same whether the address is known or not; a person who may
 * not use the portal gets a mail that says why instead of a code. Every step is audited with
 * role `burger` and the person's id only (never the code or the address).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { mayUsePortal } from '../../domain/portal/eligibility.js';
import { localDay } from '../../domain/time/index.js';
import { writeSystemAudit } from '../../store/audit.js';
import { issueLoginCode, portalPersonByEmail, redeemLoginCode } from '../../store/portal-login.js';
import { z } from '../../validation/zod-nl.js';
import { requirePortalUser, type AppDeps } from '../app.js';
import { ApiError } from '../errors.js';
import { codeMail, refusalMail } from '../portal/mail.js';
import {
  createPortalSession,
  endPortalSession,
  portalCookieName,
  portalTokenOf,
  type PortalSession,
} from '../portal/sessions.js';

const CODE_SENT =
  'Als dit e-mailadres bij ons bekend is, krijgt u binnen een paar minuten een e-mail met een inlogcode.';
const WRONG_CODE =
  'Deze code klopt niet of werkt niet meer. Kijk de code na, of vraag een nieuwe code.';

const email = z.string().trim().min(3).max(254).includes('@', { error: 'geen e-mailadres' });

const sessionView = z.object({
  naam: z.string(),
  rol: z.enum(['vertegenwoordiger', 'jongere-12-15', 'jongere-16-plus']),
  csrfToken: z.string(),
});

export const portalAuthRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    const audit = (
      request: FastifyRequest,
      action: string,
      details: { persoon: string | null; reden?: string },
    ) =>
      writeSystemAudit(deps.db, {
        action,
        role: 'burger',
        details,
        clientAddress: request.ip,
      });

    const today = () => localDay(deps.clock.now().getTime());

    const roleOf = (session: Pick<PortalSession, 'kind' | 'birthDate'>) => {
      const eligible = mayUsePortal({ ...session, authorityRemoved: false }, today());
      // A session is only found while its person may use the portal (portal/sessions.ts).
      if (!eligible.allowed) throw new ApiError('unauthenticated');
      return eligible.role;
    };

    app.post(
      '/portaal/code',
      {
        schema: {
          summary: 'Gezinsportaal: een inlogcode per e-mail vragen',
          body: z.strictObject({ email }),
          response: { 202: z.object({ bericht: z.string() }) },
        },
      },
      async (request, reply) => {
        const mailer = deps.portalMailer;
        if (!mailer)
          throw new ApiError(
            'unavailable',
            'Inloggen bij het gezinsportaal kan nu niet, want er kan geen e-mail worden verstuurd. Probeer het later opnieuw.',
          );
        const now = deps.clock.now();
        const person = await portalPersonByEmail(deps.db, request.body.email);
        if (!person) {
          await audit(request, 'portaal.code-geweigerd', {
            persoon: null,
            reden: 'onbekend-adres',
          });
          return reply.status(202).send({ bericht: CODE_SENT });
        }
        const recipient = {
          name: person.name,
          email: person.email,
          young: person.kind === 'jeugdige',
        };
        const eligible = mayUsePortal(person, localDay(now.getTime()));
        let message;
        if (eligible.allowed) {
          const { code } = await issueLoginCode(deps.db, person.id, now);
          await audit(request, 'portaal.code-gevraagd', { persoon: person.id });
          message = codeMail(recipient, code);
        } else {
          await audit(request, 'portaal.code-geweigerd', {
            persoon: person.id,
            reden: eligible.refusal,
          });
          message = refusalMail(recipient, eligible.reason);
        }
        // Sent after the answer, so neither its duration nor a failing mail server tells the
        // caller whether the address is known; a failure is logged for the administrator.
        void mailer
          .send(message)
          .catch((error: unknown) =>
            request.log.error(
              { err: error, reqId: request.id },
              'gezinsportaal: e-mail niet verstuurd',
            ),
          );
        return reply.status(202).send({ bericht: CODE_SENT });
      },
    );

    app.post(
      '/portaal/sessie',
      {
        schema: {
          summary: 'Gezinsportaal: inloggen met de code uit de e-mail',
          body: z.strictObject({
            email,
            code: z
              .string()
              .trim()
              .regex(/^\d{6}$/, { error: 'de code is 6 cijfers' }),
          }),
          response: { 200: sessionView },
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const person = await portalPersonByEmail(deps.db, request.body.email);
        if (!person) {
          await audit(request, 'portaal.inloggen-geweigerd', {
            persoon: null,
            reden: 'onbekend-adres',
          });
          throw new ApiError('unauthenticated', WRONG_CODE);
        }
        const outcome = await redeemLoginCode(deps.db, person.id, request.body.code, now);
        if (outcome !== 'ok') {
          await audit(request, 'portaal.inloggen-geweigerd', {
            persoon: person.id,
            reden: outcome,
          });
          throw new ApiError('unauthenticated', WRONG_CODE);
        }
        // Checked again: authority may have been removed after the code was sent.
        const eligible = mayUsePortal(person, localDay(now.getTime()));
        if (!eligible.allowed) {
          await audit(request, 'portaal.inloggen-geweigerd', {
            persoon: person.id,
            reden: eligible.refusal,
          });
          throw new ApiError('forbidden', eligible.reason);
        }
        // A new session id at every login: an earlier portal session in this browser ends.
        const earlier = portalTokenOf(request.cookies);
        if (earlier) await endPortalSession(deps.db, earlier);
        const session = await createPortalSession(deps.db, person.id, now);
        await audit(request, 'portaal.ingelogd', { persoon: person.id });
        setPortalCookie(reply, session, deps.secureCookies);
        return { naam: person.name, rol: eligible.role, csrfToken: session.csrfToken };
      },
    );

    app.get(
      '/portaal/sessie',
      { schema: { summary: 'Gezinsportaal: wie ben ik', response: { 200: sessionView } } },
      (request) => {
        const { portal } = requirePortalUser(request);
        return { naam: portal.name, rol: roleOf(portal), csrfToken: portal.csrfToken };
      },
    );

    app.delete(
      '/portaal/sessie',
      { schema: { summary: 'Gezinsportaal: uitloggen' } },
      async (request, reply) => {
        const { portal } = requirePortalUser(request);
        if (request.portalToken) await endPortalSession(deps.db, request.portalToken);
        await audit(request, 'portaal.uitgelogd', { persoon: portal.personId });
        clearPortalCookie(reply, deps.secureCookies);
        return reply.status(204).send();
      },
    );
  };

/** Like the staff cookie: HttpOnly, SameSite=Strict, and over HTTPS `Secure` with `__Host-`. */
export function setPortalCookie(
  reply: FastifyReply,
  session: { readonly token: string; readonly expiresAt: Date },
  secure: boolean,
): void {
  reply.setCookie(portalCookieName(secure), session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    expires: session.expiresAt,
  });
}

function clearPortalCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(portalCookieName(secure), {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'strict',
  });
}
