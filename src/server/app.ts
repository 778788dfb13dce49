/**
 * The HTTP application: JSON API under /api/v1 with zod validation (Dutch messages naming the
 * field), session authentication with CSRF protection, access checks and audit in every case
 * route, and the OpenAPI document at /api/v1/openapi.json.
 */
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Profile } from '../domain/rules/index.js';
import { StoreError } from '../store/errors.js';
import type { Database } from '../store/schema.js';
import type { RequestContext } from '../store/context.js';
import {
  findSession,
  SESSION_COOKIE,
  csrfMatches,
  sessionTokenOf,
  type SessionInfo,
} from './auth/sessions.js';
import { findPortalSession, portalTokenOf, type PortalSession } from './portal/sessions.js';
import { registerSecurityHeaders } from './security/headers.js';
import { loggerOptions, type LogSettings } from './security/logging.js';
import { passwordRoutes } from './security/password-route.js';
import { registerRateLimits } from './security/rate-limit.js';
import { DEFAULT_SECURITY, type SecuritySettings } from './security/settings.js';
import type { Clock } from './clock.js';
import { ApiError } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { readinessRoutes } from './routes/readiness.js';
import { portalAuthRoutes } from './routes/portal-auth.js';
import { portalDigidRoutes } from './routes/portal-digid.js';
import { portalCaseRoutes } from './routes/portal-cases.js';
import { portalRequestRoutes } from './routes/portal-requests.js';
import { familyNoteRoutes } from './routes/family-notes.js';
import { casusregisseurRequestRoutes } from './routes/casusregisseur-requests.js';
import { portalEvaluationRoutes } from './routes/portal-evaluations.js';
import { portalSignConsentRoutes } from './routes/portal-sign-consent.js';
import { portalPlanRoutes } from './routes/portal-plans.js';
import { portalAccessRoutes } from './routes/portal-access.js';
import { caseRoutes } from './routes/cases.js';
import { caseSearchRoutes } from './routes/case-search.js';
import { assessmentRoutes } from './routes/assessments.js';
import { organisationRoutes } from './routes/organisations.js';
import { planRoutes } from './routes/plans.js';
import { planSignalRoutes } from './routes/plan-signals.js';
import { allocationRoutes } from './routes/allocation.js';
import { optOutRoutes } from './routes/opt-out.js';
import { evaluationRoutes } from './routes/evaluations.js';
import { escalationRoutes } from './routes/escalations.js';
import { crisisRoutes } from './routes/crisis.js';
import { handoverRoutes } from './routes/handovers.js';
import { consentRoutes } from './routes/consents.js';
import { workingNoteRoutes } from './routes/working-notes.js';
import { moveRoutes } from './routes/moves.js';
import { adjustmentRoutes } from './routes/adjustments.js';
import { notificationRoutes } from './routes/notifications.js';
import { accessLogRoutes } from './routes/access-log.js';
import { breakGlassRoutes } from './routes/break-glass.js';
import { sharingRoutes } from './routes/sharing.js';
import { anonymisedViewRoutes } from './routes/anonymised-views.js';
import { miRoutes } from './routes/mi.js';
import { reportRoutes } from './routes/reports.js';
import { providerEndingRoutes } from './routes/provider-endings.js';
import { measureEndingRoutes } from './routes/measure-endings.js';
import { closureRoutes } from './routes/closures.js';
import { recordRequestRoutes } from './routes/record-requests.js';
import { providerReportRoutes } from './routes/provider-reports.js';
import { providerScoreRoutes } from './routes/provider-scores.js';
import { thermometerRoutes } from './routes/thermometer.js';
import { oidcRoutes } from './routes/oidc.js';
import { staffRegistrationRoutes } from './routes/staff-registrations.js';
import { staffFteRoutes } from './routes/staff-fte.js';
import { dashboardFilterRoutes } from './routes/dashboard-filters.js';
import { deadlineRecomputeRoutes } from './routes/deadline-recompute.js';
import type { OidcOptions } from './auth/oidc.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { ijwRoutes } from './routes/ijw.js';
import { ruleRoutes } from './routes/rules.js';
import { hasWebUi, WEB_ROOT } from './static.js';
import { refreshQueuedDeadlines } from '../store/deadline-state.js';

/** Queued cases evaluated after one write: a write touches one case, a merge or move a few. */
const QUEUED_PER_WRITE = 20;

export interface AppDeps {
  readonly db: Kysely<Database>;
  /**
   * A read replica for the management dashboards and the period report (DATABASE_READ_URL,
   * docs/deployment.md); `db` when absent. Everything else, audit included, uses `db`.
   */
  readonly readDb?: Kysely<Database>;
  /** Sent as `X-Instantie` on every answer, so an operator sees which instance answered. */
  readonly instanceName?: string;
  readonly clock: Clock;
  readonly profiles: ReadonlyMap<string, Profile>;
  /** Secure cookies (HTTPS). Off only for local development and tests over plain HTTP. */
  readonly secureCookies: boolean;
  /** Serve the built web UI from dist/web (when it has been built). */
  readonly serveWeb?: boolean;
  /** Deadlines due within this many working days count as "due soon" in the notifications. */
  readonly dueSoonWorkingDays?: number;
  /** Rate limits and session idle time (ADR 0016); the production defaults when absent. */
  readonly security?: SecuritySettings;
  /** Request logging with secrets redacted; no logging when absent. */
  readonly log?: LogSettings;
  /** OIDC login with municipalities' own identity providers (ADR 0017). */
  readonly oidc?: OidcOptions;
  /** Called for every route as it is registered (the authorisation matrix test lists them). */
  readonly onRoute?: (route: { readonly method: string | string[]; readonly url: string }) => void;
  /**
   * Sends the family portal's one-time codes (ADR 0026). Without it the portal cannot log
   * anyone in, and says so.
   */
  readonly portalMailer?: PortalMailer;
}

/** One e-mail to one person (the portal's one-time code). */
export interface PortalMailer {
  send(message: {
    readonly to: string;
    readonly subject: string;
    readonly text: string;
  }): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    sessionToken: string | null;
    /** A family portal session (ADR 0026); never set together with a staff session's use. */
    portal: PortalSession | null;
    portalToken: string | null;
  }
}

/** The context of a family member logged in to the portal, or a 401. */
export interface PortalContext {
  readonly portal: PortalSession;
  readonly clientAddress: string;
}

export function requirePortalUser(request: FastifyRequest): PortalContext {
  if (!request.portal) throw new ApiError('unauthenticated');
  return { portal: request.portal, clientAddress: request.ip };
}

/** The request context of a logged-in user, or a 401. */
export function requireUser(request: FastifyRequest): RequestContext & { session: SessionInfo } {
  if (!request.session) throw new ApiError('unauthenticated');
  return {
    actor: request.session.actor,
    clientAddress: request.ip,
    session: request.session,
    mode: request.method === 'GET' || request.method === 'HEAD' ? 'lezen' : 'wijzigen',
  };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const security = deps.security ?? DEFAULT_SECURITY;
  const app = Fastify({
    logger: loggerOptions(deps.log),
    trustProxy: true,
    // Malformed or overlong URLs are refused by the router before any hook runs.
    frameworkErrors: (_error, _request, reply: FastifyReply) =>
      reply
        .status(400)
        .send(new ApiError('bad-request', 'Het adres van het verzoek klopt niet.').body()),
  }).withTypeProvider<ZodTypeProvider>();
  const onRoute = deps.onRoute;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));
  const instanceName = deps.instanceName;
  if (instanceName)
    app.addHook('onSend', async (_request, reply) => {
      reply.header('x-instantie', instanceName);
    });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  registerSecurityHeaders(app, { secure: deps.secureCookies });
  await registerRateLimits(app, security);
  await app.register(swagger, {
    openapi: {
      info: { title: 'casusregie API', version: '1' },
      components: {
        securitySchemes: {
          sessie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('portal', null);
  app.decorateRequest('portalToken', null);
  // The family portal's own session (ADR 0026): only under /api/v1/portaal, with its own CSRF.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/portaal')) return;
    const token = portalTokenOf(request.cookies);
    if (!token) return;
    const portal = await findPortalSession(
      deps.db,
      token,
      deps.clock.now(),
      security.sessionIdleMinutes,
    );
    request.portal = portal;
    request.portalToken = portal ? token : null;
    const safe =
      request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
    if (
      portal &&
      !safe &&
      !csrfMatches(portal.csrfToken, request.headers['x-csrf-token'] as string | undefined)
    )
      throw new ApiError('forbidden', 'Het CSRF-token ontbreekt of klopt niet.');
  });
  // Deadlines kept up to date as events arrive (issue 11, ADR 0029): after a write succeeded,
  // the cases it gave a new revision (queued by a trigger) are evaluated again, once the answer
  // is on its way. A failure only leaves them stale: readers and the sweep evaluate them later.
  app.addHook('onResponse', async (request, reply) => {
    const safe =
      request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
    if (safe || reply.statusCode >= 400) return;
    try {
      await refreshQueuedDeadlines(deps.db, deps.profiles, deps.clock.now(), QUEUED_PER_WRITE);
    } catch (error) {
      request.log.warn({ err: error }, 'termijnen na schrijven niet bijgewerkt');
    }
  });
  app.addHook('onRequest', async (request) => {
    // Portal routes know only portal sessions: a staff cookie in the same browser is ignored.
    if (request.url.startsWith('/api/v1/portaal')) return;
    const token = sessionTokenOf(request.cookies);
    if (!token) return;
    const now = deps.clock.now();
    const session = await findSession(deps.db, token, now, security.sessionIdleMinutes);
    request.session = session;
    request.sessionToken = session ? token : null;
    const safe =
      request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
    if (
      session &&
      !safe &&
      !csrfMatches(session.csrfToken, request.headers['x-csrf-token'] as string | undefined)
    )
      throw new ApiError('forbidden', 'Het CSRF-token ontbreekt of klopt niet.');
  });

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)]
          .filter(Boolean)
          .join('.'),
        message: v.message ?? 'ongeldig',
      }));
      const api = new ApiError('bad-request', 'De invoer klopt niet.', fields);
      return reply.status(api.status).send(api.body());
    }
    if (error instanceof ApiError) return reply.status(error.status).send(error.body());
    if (error instanceof StoreError) {
      const code = error.code === 'invalid' ? 'bad-request' : error.code;
      const api = new ApiError(code, error.message, error.fields, error.details);
      return reply.status(api.status).send(api.body());
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) return reply.status(413).send(new ApiError('too-large').body());
    if (status === 400 || status === 415) {
      const api = new ApiError('bad-request', 'De invoer is geen geldige JSON.');
      return reply.status(400).send(api.body());
    }
    request.log.error({ err: error, reqId: request.id }, 'unexpected error');
    const api = new ApiError('internal');
    return reply.status(500).send(api.body(request.id));
  });
  const web = deps.serveWeb === true && hasWebUi();
  if (web) await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web UI get its index.html; API paths stay JSON 404s.
    if (web && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.type('text/html').sendFile('index.html');
    const api = new ApiError('not-found');
    return reply.status(404).send(api.body());
  });

  await app.register(readinessRoutes(deps), { prefix: '/api/v1' });
  await app.register(authRoutes(deps), { prefix: '/api/v1' });
  await app.register(portalAuthRoutes(deps), { prefix: '/api/v1' });
  await app.register(portalDigidRoutes(deps), { prefix: '/api/v1' });
  await app.register(portalCaseRoutes(deps), { prefix: '/api/v1' });
  await app.register(portalRequestRoutes(deps), { prefix: '/api/v1' });
  await app.register(familyNoteRoutes(deps), { prefix: '/api/v1' });
  await app.register(casusregisseurRequestRoutes(deps), { prefix: '/api/v1' });
  await app.register(portalEvaluationRoutes(deps), { prefix: '/api/v1' });
  await app.register(portalSignConsentRoutes(deps), { prefix: '/api/v1' });
  await app.register(portalPlanRoutes(deps), { prefix: '/api/v1' });
  await app.register(portalAccessRoutes(deps), { prefix: '/api/v1' });
  await app.register(passwordRoutes(deps), { prefix: '/api/v1' });
  await app.register(caseRoutes(deps), { prefix: '/api/v1' });
  await app.register(caseSearchRoutes(deps), { prefix: '/api/v1' });
  await app.register(ruleRoutes(deps), { prefix: '/api/v1' });
  await app.register(organisationRoutes(deps), { prefix: '/api/v1' });
  await app.register(planRoutes(deps), { prefix: '/api/v1' });
  await app.register(assessmentRoutes(deps), { prefix: '/api/v1' });
  await app.register(planSignalRoutes(deps), { prefix: '/api/v1' });
  await app.register(catalogueRoutes(deps), { prefix: '/api/v1' });
  await app.register(ijwRoutes(deps), { prefix: '/api/v1' });
  await app.register(allocationRoutes(deps), { prefix: '/api/v1' });
  await app.register(optOutRoutes(deps), { prefix: '/api/v1' });
  await app.register(evaluationRoutes(deps), { prefix: '/api/v1' });
  await app.register(escalationRoutes(deps), { prefix: '/api/v1' });
  await app.register(crisisRoutes(deps), { prefix: '/api/v1' });
  await app.register(handoverRoutes(deps), { prefix: '/api/v1' });
  await app.register(consentRoutes(deps), { prefix: '/api/v1' });
  await app.register(workingNoteRoutes(deps), { prefix: '/api/v1' });
  await app.register(moveRoutes(deps), { prefix: '/api/v1' });
  await app.register(adjustmentRoutes(deps), { prefix: '/api/v1' });
  await app.register(notificationRoutes(deps), { prefix: '/api/v1' });
  await app.register(providerEndingRoutes(deps), { prefix: '/api/v1' });
  await app.register(measureEndingRoutes(deps), { prefix: '/api/v1' });
  await app.register(closureRoutes(deps), { prefix: '/api/v1' });
  await app.register(recordRequestRoutes(deps), { prefix: '/api/v1' });
  await app.register(providerReportRoutes(deps), { prefix: '/api/v1' });
  await app.register(providerScoreRoutes(deps), { prefix: '/api/v1' });
  await app.register(thermometerRoutes(deps), { prefix: '/api/v1' });
  await app.register(accessLogRoutes(deps), { prefix: '/api/v1' });
  await app.register(breakGlassRoutes(deps), { prefix: '/api/v1' });
  await app.register(sharingRoutes(deps), { prefix: '/api/v1' });
  await app.register(anonymisedViewRoutes(deps), { prefix: '/api/v1' });
  await app.register(miRoutes(deps), { prefix: '/api/v1' });
  await app.register(reportRoutes(deps), { prefix: '/api/v1' });
  await app.register(oidcRoutes(deps), { prefix: '/api/v1' });
  await app.register(staffRegistrationRoutes(deps), { prefix: '/api/v1' });
  await app.register(staffFteRoutes(deps), { prefix: '/api/v1' });
  await app.register(dashboardFilterRoutes(deps), { prefix: '/api/v1' });
  await app.register(deadlineRecomputeRoutes(deps), { prefix: '/api/v1' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());
  return app;
}
