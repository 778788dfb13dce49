/**
 * Hardening settings (ADR 0016), read from the environment by `securitySettings(readEnv())`.
 * Apps built without them (tests, benchmarks) get the same defaults as production.
 */
import { readEnv, type ServerEnv } from '../env.js';

export interface SecuritySettings {
  /** Login attempts per minute per client address. */
  readonly loginPerIp: number;
  /** Login attempts per minute per e-mail address (besides the lockout in auth/login.ts). */
  readonly loginPerAccount: number;
  /** Family portal login requests (code and session) per minute per client address. */
  readonly portalPerIp: number;
  /** Family portal code requests, and login attempts, per 15 minutes per e-mail address. */
  readonly portalPerAccount: number;
  /** API requests per minute per session, or per client address without a session. */
  readonly apiPerMinute: number;
  /** Minutes without a request after which a session ends. */
  readonly sessionIdleMinutes: number;
}

export function securitySettings(env: ServerEnv): SecuritySettings {
  return {
    loginPerIp: env.RATE_LIMIT_LOGIN_PER_IP,
    loginPerAccount: env.RATE_LIMIT_LOGIN_PER_ACCOUNT,
    portalPerIp: env.RATE_LIMIT_PORTAL_PER_IP,
    portalPerAccount: env.RATE_LIMIT_PORTAL_PER_ACCOUNT,
    apiPerMinute: env.RATE_LIMIT_API,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
  };
}

/** The production defaults: the environment schema with nothing set. */
export const DEFAULT_SECURITY: SecuritySettings = securitySettings(readEnv({}));
