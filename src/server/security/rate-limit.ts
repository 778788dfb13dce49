/**
 * Rate limiting (ASVS 2.2.1, 11.1.4; ADR 0016), in memory: right for one instance; several
 * instances each count for themselves (see the ADR). Every answer over a limit is a 429 with a
 * Dutch message and `Retry-After`.
 * - Logging in: per client address and per e-mail address, on top of the account lockout in
 *   auth/login.ts (which counts only failures and only for existing accounts).
 * - The family portal's login (ADR 0026): asking a code and logging in with it, per client
 *   address and per e-mail address (a code mail per request: the limit also stops mail floods).
 * - Everything else: a generous limit per session, or per client address without one.
 */
import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { sessionTokenOf } from '../auth/sessions.js';
import type { SecuritySettings } from './settings.js';

const MINUTE = 60_000;

function tooMany(seconds: number): ApiError {
  return new ApiError(
    'too-many-requests',
    `Te veel verzoeken in korte tijd; probeer het over ${seconds} seconden opnieuw.`,
  );
}

const hashed = (value: string): string =>
  createHash('sha256').update(value).digest('base64url').slice(0, 24);

/** The global key: the session (so colleagues behind one address do not share a budget). */
function clientKey(request: FastifyRequest): string {
  const token = sessionTokenOf(request.cookies);
  return token ? `sessie:${hashed(token)}` : `adres:${request.ip}`;
}

function loginEmail(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const email = (body as Record<string, unknown>)['email'];
  return typeof email === 'string' ? email.trim().toLowerCase() : null;
}

export async function registerRateLimits(
  app: FastifyInstance,
  settings: SecuritySettings,
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: settings.apiPerMinute,
    timeWindow: MINUTE,
    keyGenerator: clientKey,
    errorResponseBuilder: (_request, context) =>
      tooMany(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  const perAddress = app.createRateLimit({
    max: settings.loginPerIp,
    timeWindow: MINUTE,
    keyGenerator: (request) => `login-adres:${request.ip}`,
  });
  const perAccount = app.createRateLimit({
    max: settings.loginPerAccount,
    timeWindow: MINUTE,
    keyGenerator: (request) => `login-account:${hashed(loginEmail(request.body) ?? '')}`,
  });
  const portalPerAddress = app.createRateLimit({
    max: settings.portalPerIp,
    timeWindow: MINUTE,
    keyGenerator: (request) => `portaal-adres:${request.ip}`,
  });
  const portalPerAccount = app.createRateLimit({
    max: settings.portalPerAccount,
    timeWindow: 15 * MINUTE,
    keyGenerator: (request) =>
      `portaal-account:${request.routeOptions.url ?? ''}:${hashed(loginEmail(request.body) ?? '')}`,
  });
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'POST') return;
    const url = request.routeOptions.url;
    const portal = url === '/api/v1/portaal/code' || url === '/api/v1/portaal/sessie';
    if (url !== '/api/v1/sessie' && !portal) return;
    const checks = [await (portal ? portalPerAddress : perAddress)(request)];
    if (loginEmail(request.body) !== null)
      checks.push(await (portal ? portalPerAccount : perAccount)(request));
    const exceeded = checks.find((c) => !c.isAllowed && c.isExceeded);
    if (exceeded && !exceeded.isAllowed) {
      const seconds = Math.max(1, exceeded.ttlInSeconds);
      reply.header('retry-after', String(seconds));
      throw tooMany(seconds);
    }
  });
}
