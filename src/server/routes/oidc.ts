/**
 * OIDC login for municipalities with their own identity provider (issue 8, ADR 0017):
 * - `GET /auth/oidc/aanbieders`: the active providers by name, for the login page;
 * - `GET /auth/oidc/:providerId/start` → the provider, with PKCE, state and nonce;
 * - `GET /auth/oidc/callback` → the normal session, or back to the login page with a reason;
 * - `/identiteitsaanbieders`: a municipality's beheerder lists, adds and deactivates providers.
 * The client secret is accepted once, sealed, and never returned or logged.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activeProviderNames,
  auditRefusedLogin,
  createIdentityProvider,
  deactivateIdentityProvider,
  listIdentityProviders,
  requireMunicipalityAdmin,
  servedStaffByEmail,
  type IdentityProviderView,
} from '../../store/identity-providers.js';
import { writeAudit } from '../../store/audit.js';
import type { StaffRole } from '../../domain/access/case-access.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import {
  beginOidcLogin,
  CALLBACK_PATH,
  completeOidcLogin,
  domainAllowed,
  emailDomain,
  OidcClients,
  type OidcLoginFlow,
  PORTAL_CALLBACK_PATH,
  publicCallbackUrl,
  sealSecret,
  STATE_COOKIE,
  verifiedEmail,
} from '../auth/oidc.js';
import { createSession, endSession, sessionTokenOf } from '../auth/sessions.js';
import { setSessionCookie } from '../security/session-cookie.js';
import { ApiError } from '../errors.js';

/** Why a login went back to the login page; the page words each one in Dutch. */
export const OIDC_FAILURES = ['mislukt', 'niet-actief', 'email', 'onbekend'] as const;
type OidcFailure = (typeof OIDC_FAILURES)[number];

const STATE_COOKIE_PATH = '/api/v1/auth/oidc';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const providerView = z.object({
  id: z.string(),
  naam: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  emailDomeinen: z.array(z.string()),
  actief: z.boolean(),
  aangemaaktOp: z.string(),
  gedeactiveerdOp: z.string().nullable(),
  /** Staff, or citizens into the family portal (DigiD; ADR 0026). */
  doelgroep: z.enum(['medewerkers', 'burgers']),
  /** For citizens: the ID token claim with the BSN. */
  bsnClaim: z.string().nullable(),
  /** The address to register at the provider as redirect URI. */
  terugkeeradres: z.string(),
});
const CLAIM_NAME = /^[A-Za-z0-9_:./-]{1,100}$/;

export const oidcRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const options = deps.oidc ?? { secretKey: null };
    const clients = new OidcClients(options.allowHttpIssuer === true);

    const present = (p: IdentityProviderView, request: FastifyRequest) => ({
      id: p.id,
      naam: p.name,
      issuer: p.issuer,
      clientId: p.clientId,
      emailDomeinen: [...p.emailDomains],
      actief: p.active,
      aangemaaktOp: p.createdAt.toISOString(),
      gedeactiveerdOp: p.deactivatedAt ? p.deactivatedAt.toISOString() : null,
      doelgroep: p.audience,
      bsnClaim: p.bsnClaim,
      terugkeeradres: publicCallbackUrl(
        options,
        request,
        p.audience === 'burgers' ? PORTAL_CALLBACK_PATH : CALLBACK_PATH,
      ),
    });

    /** Refuses a login: audited without tokens, and back to the login page with a reason. */
    const refuse = async (
      request: FastifyRequest,
      reply: FastifyReply,
      failure: OidcFailure,
      audit: {
        providerId: string | null;
        organisationId: string | null;
        reason: string;
        email?: string;
      },
    ) => {
      await auditRefusedLogin(deps.db, { ...audit, clientAddress: request.ip });
      return reply.redirect(`/inloggen?oidc=${failure}`, 303);
    };

    const flow: OidcLoginFlow = {
      db: deps.db,
      clock: deps.clock,
      secureCookies: deps.secureCookies,
      options,
      clients,
      audience: 'medewerkers',
      callbackPath: CALLBACK_PATH,
      stateCookie: { name: STATE_COOKIE, path: STATE_COOKIE_PATH },
      unknownProviderReason: 'aanbieder-onbekend-of-inactief',
      refuse,
    };

    app.get(
      '/auth/oidc/aanbieders',
      {
        schema: {
          summary: 'De identiteitsaanbieders waarmee men kan inloggen (alleen de namen)',
          response: { 200: z.array(z.object({ id: z.string(), naam: z.string() })) },
        },
      },
      async () => {
        if (!options.secretKey) return [];
        const rows = await activeProviderNames(deps.db);
        return rows.map((r) => ({ id: r.id, naam: r.name }));
      },
    );

    app.get(
      '/auth/oidc/:providerId/start',
      {
        schema: {
          summary: 'Inloggen bij een identiteitsaanbieder beginnen (doorsturen)',
          params: z.object({ providerId: z.string().max(64) }),
        },
      },
      async (request, reply) => beginOidcLogin(flow, request, reply, request.params.providerId),
    );

    app.get(
      '/auth/oidc/callback',
      {
        schema: {
          summary: 'Terugkeer van de identiteitsaanbieder: sessie maken of weigeren',
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
            const checked = verifiedEmail(claims);
            if (!checked.ok)
              return refuse(request, reply, 'email', { ...where, reason: checked.reason });
            if (!domainAllowed(checked.email, provider.emailDomains))
              return refuse(request, reply, 'onbekend', {
                ...where,
                reason: `domein-niet-toegestaan:${emailDomain(checked.email) ?? ''}`,
                email: checked.email,
              });
            const staff = await servedStaffByEmail(deps.db, provider.organisationId, checked.email);
            if (!staff)
              return refuse(request, reply, 'onbekend', {
                ...where,
                reason: 'geen-actieve-medewerker-bij-deze-gemeente',
                email: checked.email,
              });
            // A new session id at every login, as after a password login (ADR 0016).
            const earlier = sessionTokenOf(request.cookies);
            if (earlier) await endSession(deps.db, earlier);
            const session = await createSession(deps.db, staff.id, now);
            await writeAudit(
              deps.db,
              {
                actor: {
                  staffId: staff.id,
                  organisationId: staff.organisationId,
                  roles: staff.roles as StaffRole[],
                },
                clientAddress: request.ip,
              },
              { action: 'inloggen.oidc', details: { provider: provider.id } },
            );
            setSessionCookie(reply, session, deps.secureCookies);
            return reply.redirect('/', 303);
          },
        ),
    );

    app.get(
      '/identiteitsaanbieders',
      {
        schema: {
          summary: 'De identiteitsaanbieders van de eigen gemeente (zonder geheim)',
          response: { 200: z.array(providerView) },
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const rows = await listIdentityProviders(deps.db, ctx);
        return rows.map((p) => present(p, request));
      },
    );

    app.post(
      '/identiteitsaanbieders',
      {
        schema: {
          summary: 'Een identiteitsaanbieder voor de eigen gemeente toevoegen',
          body: z
            .strictObject({
              naam: z.string().trim().min(2).max(100),
              issuer: z.url().max(500),
              clientId: z.string().trim().min(1).max(200),
              clientSecret: z.string().min(8).max(500),
              emailDomeinen: z
                .array(z.string().trim().toLowerCase().regex(DOMAIN, 'geen geldig domein'))
                .max(10)
                .default([]),
              doelgroep: z.enum(['medewerkers', 'burgers']).default('medewerkers'),
              bsnClaim: z.string().trim().regex(CLAIM_NAME, 'geen geldige claimnaam').optional(),
            })
            .superRefine((body, check) => {
              // Staff are matched by e-mail within the allowed domains; citizens by BSN (the
              // claim name is kept only for them, and shown as null otherwise).
              if (body.doelgroep === 'medewerkers' && body.emailDomeinen.length === 0)
                check.addIssue({
                  code: 'custom',
                  path: ['emailDomeinen'],
                  message: 'minstens één e-maildomein',
                });
            }),
          response: { 201: providerView },
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        // Access first: who may not add a provider learns nothing about the server's settings.
        await requireMunicipalityAdmin(deps.db, ctx);
        const body = request.body;
        const issuer = new URL(body.issuer);
        if (
          issuer.protocol !== 'https:' &&
          !(options.allowHttpIssuer && issuer.protocol === 'http:')
        )
          throw new ApiError('bad-request', 'De issuer moet een https-adres zijn.', [
            { path: 'body.issuer', message: 'moet met https:// beginnen' },
          ]);
        if (!options.secretKey)
          throw new ApiError(
            'unprocessable',
            'De server heeft geen sleutel om het clientgeheim te versleutelen (OIDC_SECRET_KEY).',
          );
        const created = await createIdentityProvider(
          deps.db,
          ctx,
          {
            name: body.naam,
            issuer: body.issuer,
            clientId: body.clientId,
            clientSecretSealed: sealSecret(options.secretKey, body.clientSecret),
            emailDomains: [...new Set(body.emailDomeinen)],
            audience: body.doelgroep,
            bsnClaim: body.doelgroep === 'burgers' ? (body.bsnClaim ?? 'bsn') : null,
          },
          deps.clock.now(),
        );
        return reply.status(201).send(present(created, request));
      },
    );

    app.post(
      '/identiteitsaanbieders/:id/deactiveren',
      {
        schema: {
          summary: 'Een identiteitsaanbieder van de eigen gemeente uitzetten',
          params: z.object({ id: z.string().max(64) }),
          response: { 200: providerView },
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        if (!UUID.test(request.params.id))
          throw new ApiError('not-found', 'Deze identiteitsaanbieder bestaat niet.');
        const done = await deactivateIdentityProvider(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        );
        clients.forget(done.id);
        return present(done, request);
      },
    );
  };
