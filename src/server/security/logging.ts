/**
 * Logger options (ASVS 7.1.1, 8.3.4; ADR 0016): request and response headers are logged for
 * diagnosis, but session cookies, CSRF tokens, authorisation headers and every password field
 * are replaced by `[verborgen]` before a line is written. URLs are logged without their query.
 */
import type { FastifyServerOptions } from 'fastify';

export const REDACTED = '[verborgen]';

const SECRET_FIELDS = [
  'wachtwoord',
  'huidigWachtwoord',
  'nieuwWachtwoord',
  'password',
  'csrfToken',
  'token',
  'client_secret',
  'clientSecret',
  'code_verifier',
  'id_token',
  'access_token',
  'refresh_token',
];

export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-csrf-token"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

export interface LogSettings {
  readonly level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Where lines go; standard output when absent. */
  readonly stream?: NodeJS.WritableStream;
}

type HeaderCarrier = { headers?: Record<string, unknown>; getHeaders?: () => object };

export function loggerOptions(settings: LogSettings | undefined): FastifyServerOptions['logger'] {
  if (!settings) return false;
  return {
    level: settings.level,
    ...(settings.stream ? { stream: settings.stream } : {}),
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    serializers: {
      req: (req: HeaderCarrier & { method?: string; url?: string; ip?: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        // The path only: a query string can carry a login code, a state or a search term.
        url: req.url?.split('?')[0],
        remoteAddress: req.ip,
        headers: { ...req.headers },
      }),
      res: (res: HeaderCarrier & { statusCode?: number }) => ({
        statusCode: res.statusCode,
        headers: { ...(res.getHeaders?.() ?? {}) },
      }),
    },
  } as FastifyServerOptions['logger'];
}
