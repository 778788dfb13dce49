/**
 * Logging in to the family portal with DigiD through the municipality's identity provider
 * (issue 10, ADR 0026), on the OIDC machinery of the staff login (ADR 0017): authorization code
 * with PKCE, state and nonce, the ID token's signature checked against the provider's JWKS.
 * - `GET /portaal/inlogmethoden`: the citizens' providers by name, for the login page;
 * - `GET /portaal/digid/:providerId/start` → the provider;
 * - `GET /portaal/digid/callback` → a portal session and `/portaal`, or back with a reason.
 * Only providers a beheerder marked for citizens (`burgers`) are used here, and only attempts
 * started here are finished here. The BSN from the token is a lookup key only: it is never
 * stored, logged or audited (the audit names the person's id).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bsnFromClaims, type DigidFailure } from '../../domain/portal/digid.js';
import { mayUsePortal } from '../../domain/portal/eligibility.js';
import { localDay } from '../../domain/time/index.js';
import { writeSystemAudit } from '../../store/audit.js';
import { activeProviderNames } from '../../store/identity-providers.js';
import { portalPersonByBsn } from '../../store/portal-digid.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import {
  beginOidcLogin,
  completeOidcLogin,
  OidcClients,
  type OidcLoginFlow,
  PORTAL_CALLBACK_PATH,
} from '../auth/oidc.js';
import { createPortalSession, endPortalSession, portalTokenOf } from '../portal/sessions.js';
import { setPortalCookie } from './portal-auth.js';

/** Binds a started DigiD login to the browser; its own name and path, apart from the staff one. */
export const DIGID_STATE_COOKIE = 'casusregie_digid';
const DIGID_COOKIE_PATH = '/api/v1/portaal/digid';
/** DigiD brokers deliver the BSN in the ID token; no e-mail is asked for. */
const DIGID_SCOPE = 'openid';

export const portalDigidRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const options = deps.oidc ?? { secretKey: null };
    const clients = new OidcClients(options.allowHttpIssuer === true);

    const audit = (
      request: FastifyRequest,
      action: string,
      organisationId: string | null,
      details: { persoon: string | null; aanbieder: string | null; reden?: string },
    ) =>
      writeSystemAudit(deps.db, {
        action,
        role: 'burger',
        organisationId,
        details,
        clientAddress: request.ip,
      });

    /** Refuses a login: audited (never a BSN, code or token), back to the login page. */
    const refuse = async (
      request: FastifyRequest,
      reply: FastifyReply,
      failure: DigidFailure,
      entry: {
        providerId: string | null;
        organisationId: string | null;
        reason: string;
        personId?: string;
      },
    ) => {
      await audit(request, 'portaal.digid-geweigerd', entry.organisationId, {
        persoon: entry.personId ?? null,
        aanbieder: entry.providerId,
        reden: entry.reason,
      });
      return reply.redirect(`/portaal?digid=${failure}`, 303);
    };

    // Only providers a beheerder marked for citizens, and only attempts started here: a staff
    // login's state finishes nothing in the portal.
    const flow: OidcLoginFlow = {
      db: deps.db,
      clock: deps.clock,
      secureCookies: deps.secureCookies,
      options,
      clients,
      audience: 'burgers',
      callbackPath: PORTAL_CALLBACK_PATH,
      stateCookie: { name: DIGID_STATE_COOKIE, path: DIGID_COOKIE_PATH },
      scope: DIGID_SCOPE,
      unknownProviderReason: 'aanbieder-onbekend-inactief-of-niet-voor-burgers',
      refuse,
    };

    app.get(
      '/portaal/inlogmethoden',
      {
        schema: {
          summary: 'Gezinsportaal: de manieren om in te loggen (DigiD-aanbieders bij naam)',
          response: {
            200: z.object({ digid: z.array(z.object({ id: z.string(), naam: z.string() })) }),
          },
        },
      },
      async () => {
        if (!options.secretKey) return { digid: [] };
        const rows = await activeProviderNames(deps.db, 'burgers');
        return { digid: rows.map((r) => ({ id: r.id, naam: r.name })) };
      },
    );

    app.get(
      '/portaal/digid/:providerId/start',
      {
        schema: {
          summary: 'Gezinsportaal: inloggen met DigiD beginnen (doorsturen)',
          params: z.object({ providerId: z.string().max(64) }),
        },
      },
      async (request, reply) => beginOidcLogin(flow, request, reply, request.params.providerId),
    );

    app.get(
      '/portaal/digid/callback',
      {
        schema: {
          summary: 'Gezinsportaal: terugkeer van DigiD, sessie maken of weigeren',
          querystring: z.looseObject({ state: z.string().max(512).optional() }),
        },
      },
      async (request, reply) =>
        completeOidcLogin(
          flow,
          request,
          reply,
          request.query.state,
          async ({ claims, provider, where, now }) => {
            const bsn = bsnFromClaims(claims, provider.bsnClaim ?? 'bsn');
            if (!bsn.ok)
              return refuse(request, reply, 'geen-bsn', { ...where, reason: bsn.reason });
            const person = await portalPersonByBsn(deps.db, bsn.bsn);
            // The same neutral answer as for an unknown e-mail address: no way to probe BSNs.
            if (!person)
              return refuse(request, reply, 'onbekend', { ...where, reason: 'bsn-onbekend' });
            const eligible = mayUsePortal(person, localDay(now.getTime()));
            if (!eligible.allowed)
              return refuse(request, reply, eligible.refusal, {
                ...where,
                reason: eligible.refusal,
                personId: person.id,
              });
            // A new session id at every login: an earlier portal session in this browser ends.
            const earlier = portalTokenOf(request.cookies);
            if (earlier) await endPortalSession(deps.db, earlier);
            const session = await createPortalSession(deps.db, person.id, now);
            await audit(request, 'portaal.ingelogd', provider.organisationId, {
              persoon: person.id,
              aanbieder: provider.id,
            });
            setPortalCookie(reply, session, deps.secureCookies);
            return reply.redirect('/portaal', 303);
          },
        ),
    );
  };
