/**
 * Security headers on every response (ASVS 14.4, ADR 0016): a strict Content Security Policy
 * without inline scripts or styles (the web app is Vite-built files only), no framing, HSTS,
 * no referrer, nosniff; and `Cache-Control: no-store` on every API answer, since most carry
 * personal data and none is worth caching in a shared browser or proxy.
 */
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export function contentSecurityPolicy(secure: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Over plain HTTP (local demo) upgrading would break every request.
    ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

export function registerSecurityHeaders(
  app: FastifyInstance,
  options: { readonly secure: boolean },
): void {
  // Built once: the Fastify plugin builds helmet's middleware (and parses the policy) on every
  // request (issue 11: a tenth of the case page's own CPU and allocations).
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(options.secure),
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    headers(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });
}
