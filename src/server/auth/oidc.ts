/**
 * OpenID Connect login against a municipality's own identity provider (ADR 0017): the
 * authorization code flow with PKCE, state and nonce through `openid-client`, the ID token's
 * signature checked against the provider's JWKS, and the client secret kept sealed
 * (AES-256-GCM under OIDC_SECRET_KEY) so the database alone never reveals it. The staff login
 * and the family portal's DigiD login (ADR 0026) run the same flow (`beginOidcLogin`,
 * `completeOidcLogin`) and differ only in what they do with the verified claims.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import {
  activeLoginProvider,
  saveLoginAttempt,
  takeLoginAttempt,
  type LoginProvider,
} from '../../store/identity-providers.js';
import type { Database, IdentityProviderAudience } from '../../store/schema.js';
import type { Clock } from '../clock.js';

/** How the server runs OIDC logins; without a key no provider can be configured or used. */
export interface OidcOptions {
  /** 32 bytes that seal the client secrets (OIDC_SECRET_KEY). */
  readonly secretKey: Buffer | null;
  /** The app's public address; the callback URL is built on it (else on the request's host). */
  readonly publicUrl?: string;
  /** Plain-HTTP issuers: only for the local test provider, never in production. */
  readonly allowHttpIssuer?: boolean;
}

export const CALLBACK_PATH = '/api/v1/auth/oidc/callback';
/** The family portal's DigiD callback (ADR 0026): its own path, its own attempts. */
export const PORTAL_CALLBACK_PATH = '/api/v1/portaal/digid/callback';
/** The cookie that binds a started login to the browser that started it. */
export const STATE_COOKIE = 'casusregie_oidc';
export const ATTEMPT_MINUTES = 10;

const SEAL_VERSION = 'v1';

/** Seals a client secret: `v1.<iv.tag.ciphertext in base64url>`; a fresh IV every time. */
export function sealSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  return `${SEAL_VERSION}.${sealed}`;
}

/** Opens a sealed secret; throws when it was sealed under another key or was altered. */
export function openSecret(key: Buffer, sealed: string): string {
  const [version, data] = sealed.split('.');
  if (version !== SEAL_VERSION || !data) throw new Error('unknown sealed secret format');
  const raw = Buffer.from(data, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export const stateDigest = (state: string): string =>
  createHash('sha256').update(state).digest('hex');

/** Compares a callback's `state` with the browser's cookie in constant time. */
export const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** A library error's code (never its message, which might echo a response). */
export function oidcErrorCode(error: unknown): string {
  const code = (error as { code?: unknown; error?: unknown }).code;
  const oauthError = (error as { error?: unknown }).error;
  if (typeof oauthError === 'string') return oauthError.slice(0, 60);
  return typeof code === 'string' ? code.slice(0, 60) : 'onbekend';
}

/** The lower-cased domain of an e-mail address, or null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

/** Whether the address is in one of the provider's allowed domains (exact match, no subdomains). */
export function domainAllowed(email: string, domains: readonly string[]): boolean {
  const domain = emailDomain(email);
  return domain !== null && domains.some((d) => d.toLowerCase() === domain);
}

export type ClaimCheck =
  | { readonly ok: true; readonly email: string }
  | { readonly ok: false; readonly reason: 'geen-email' | 'email-niet-geverifieerd' };

/**
 * The e-mail address to log in with, from verified ID token claims: present, and marked
 * verified by the provider (`email_verified` exactly `true`; a missing flag is a refusal).
 */
export function verifiedEmail(claims: Readonly<Record<string, unknown>>): ClaimCheck {
  const email = claims['email'];
  if (typeof email !== 'string' || emailDomain(email.trim()) === null)
    return { ok: false, reason: 'geen-email' };
  if (claims['email_verified'] !== true) return { ok: false, reason: 'email-niet-geverifieerd' };
  return { ok: true, email: email.trim().toLowerCase() };
}

/** What the server needs of a provider to talk to it. */
export interface ProviderEndpoint {
  readonly id: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

const DISCOVERY_TTL_MS = 10 * 60_000;

/**
 * Discovered provider configurations, cached ten minutes per provider (the JWKS is cached
 * inside each configuration by openid-client and refreshed when a new key id appears).
 */
export class OidcClients {
  private readonly cache = new Map<
    string,
    { key: string; at: number; config: Promise<client.Configuration> }
  >();

  constructor(private readonly allowHttp: boolean) {}

  configuration(provider: ProviderEndpoint): Promise<client.Configuration> {
    const key = `${provider.issuer}|${provider.clientId}|${provider.clientSecret}`;
    const now = performance.now();
    const hit = this.cache.get(provider.id);
    if (hit && hit.key === key && now - hit.at < DISCOVERY_TTL_MS) return hit.config;
    const execute = [client.enableNonRepudiationChecks];
    if (this.allowHttp) execute.push(client.allowInsecureRequests);
    const config = client.discovery(
      new URL(provider.issuer),
      provider.clientId,
      { id_token_signed_response_alg: 'RS256' },
      client.ClientSecretBasic(provider.clientSecret),
      { execute, timeout: 10 },
    );
    this.cache.set(provider.id, { key, at: now, config });
    config.catch(() => this.cache.delete(provider.id));
    return config;
  }

  forget(providerId: string): void {
    this.cache.delete(providerId);
  }

  /** A new login: the provider's authorization URL and the checks the callback needs. */
  async begin(
    provider: ProviderEndpoint,
    redirectUri: string,
    scope = 'openid email',
  ): Promise<{ url: URL; state: string; codeVerifier: string; nonce: string }> {
    const config = await this.configuration(provider);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, codeVerifier, nonce };
  }

  /**
   * Exchanges the code and validates the ID token (issuer, audience, nonce, expiry, signature
   * via JWKS); returns its claims. Throws on any mismatch.
   */
  async finish(
    provider: ProviderEndpoint,
    callbackUrl: URL,
    checks: { readonly state: string; readonly codeVerifier: string; readonly nonce: string },
  ): Promise<Record<string, unknown>> {
    const config = await this.configuration(provider);
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    return { ...claims };
  }
}

/** The refusals the shared flow itself gives; each login route words and audits them its own way. */
export interface OidcRefusal {
  readonly providerId: string | null;
  readonly organisationId: string | null;
  readonly reason: string;
}

/**
 * One OIDC login flow (staff, or the family portal's DigiD): what differs between them is the
 * audience of its providers and attempts, its callback path, its state cookie, its scope and
 * how it refuses. Both flows share the steps below, so a fix to one is a fix to both.
 */
export interface OidcLoginFlow {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly secureCookies: boolean;
  readonly options: OidcOptions;
  readonly clients: OidcClients;
  /** Only providers and attempts of this audience: neither flow uses or finishes the other's. */
  readonly audience: IdentityProviderAudience;
  readonly callbackPath: string;
  /** Binds a started login to the browser that started it; each flow its own name and path. */
  readonly stateCookie: { readonly name: string; readonly path: string };
  readonly scope?: string;
  /** The audit reason when the start names no active provider of this audience. */
  readonly unknownProviderReason: string;
  readonly refuse: (
    request: FastifyRequest,
    reply: FastifyReply,
    failure: 'niet-actief' | 'mislukt',
    refusal: OidcRefusal,
  ) => Promise<FastifyReply>;
}

/** The app's address of a callback path: its public address, else the request's host. */
export const publicCallbackUrl = (
  options: OidcOptions,
  request: FastifyRequest,
  path: string,
): string => new URL(path, options.publicUrl ?? `${request.protocol}://${request.host}`).href;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const endpoint = (key: Buffer, provider: LoginProvider): ProviderEndpoint => ({
  id: provider.id,
  issuer: provider.issuer,
  clientId: provider.clientId,
  clientSecret: openSecret(key, provider.clientSecretSealed),
});

/**
 * Starts a login at an active provider of the flow's audience: PKCE, state and nonce, the
 * attempt stored (the state only as a digest), the state in a cookie, and off to the provider.
 */
export async function beginOidcLogin(
  flow: OidcLoginFlow,
  request: FastifyRequest,
  reply: FastifyReply,
  providerId: string,
): Promise<FastifyReply> {
  const known = UUID.test(providerId);
  const provider = known ? await activeLoginProvider(flow.db, providerId, flow.audience) : null;
  const key = flow.options.secretKey;
  if (!provider || !key)
    return flow.refuse(request, reply, 'niet-actief', {
      providerId: known ? providerId : null,
      organisationId: provider?.organisationId ?? null,
      reason: provider ? 'geen-sleutel' : flow.unknownProviderReason,
    });
  const now = flow.clock.now();
  const redirectUri = publicCallbackUrl(flow.options, request, flow.callbackPath);
  let begun;
  try {
    begun = await flow.clients.begin(endpoint(key, provider), redirectUri, flow.scope);
  } catch (error) {
    return flow.refuse(request, reply, 'mislukt', {
      providerId: provider.id,
      organisationId: provider.organisationId,
      reason: `aanbieder-onbereikbaar:${oidcErrorCode(error)}`,
    });
  }
  await saveLoginAttempt(
    flow.db,
    {
      stateDigest: stateDigest(begun.state),
      providerId: provider.id,
      codeVerifier: begun.codeVerifier,
      nonce: begun.nonce,
      redirectUri,
      expiresAt: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000),
      audience: flow.audience,
    },
    now,
  );
  // Lax, not Strict: the provider sends the browser back with a cross-site navigation.
  reply.setCookie(flow.stateCookie.name, begun.state, {
    path: flow.stateCookie.path,
    httpOnly: true,
    sameSite: 'lax',
    secure: flow.secureCookies,
    maxAge: ATTEMPT_MINUTES * 60,
  });
  return reply.redirect(begun.url.href, 303);
}

/** A finished code flow: the ID token's verified claims, the provider and the callback's time. */
export interface CompletedOidcLogin {
  readonly claims: Record<string, unknown>;
  readonly provider: LoginProvider;
  /** The provider and its municipality, as every later refusal names them. */
  readonly where: { readonly providerId: string; readonly organisationId: string };
  readonly now: Date;
}

/**
 * The provider's callback: the state must be this browser's (the cookie is cleared whatever
 * happens), the attempt this flow's and unexpired (taken once), the provider still active; then
 * the code is exchanged and the ID token checked. `login` decides what the claims open.
 */
export async function completeOidcLogin(
  flow: OidcLoginFlow,
  request: FastifyRequest,
  reply: FastifyReply,
  state: string | undefined,
  login: (done: CompletedOidcLogin) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  const now = flow.clock.now();
  const cookieState = request.cookies[flow.stateCookie.name];
  reply.clearCookie(flow.stateCookie.name, { path: flow.stateCookie.path });
  if (!state || !cookieState || !sameText(state, cookieState))
    return flow.refuse(request, reply, 'mislukt', {
      providerId: null,
      organisationId: null,
      reason: 'state-klopt-niet',
    });
  const attempt = await takeLoginAttempt(flow.db, stateDigest(state), now, flow.audience);
  if (!attempt)
    return flow.refuse(request, reply, 'mislukt', {
      providerId: null,
      organisationId: null,
      reason: 'poging-onbekend-of-verlopen',
    });
  const provider = await activeLoginProvider(flow.db, attempt.providerId, flow.audience);
  const key = flow.options.secretKey;
  if (!provider || !key)
    return flow.refuse(request, reply, 'niet-actief', {
      providerId: attempt.providerId,
      organisationId: provider?.organisationId ?? null,
      reason: provider ? 'geen-sleutel' : 'aanbieder-inactief',
    });
  const where = { providerId: provider.id, organisationId: provider.organisationId };
  const current = new URL(attempt.redirectUri);
  current.search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  let claims: Record<string, unknown>;
  try {
    claims = await flow.clients.finish(endpoint(key, provider), current, {
      state,
      codeVerifier: attempt.codeVerifier,
      nonce: attempt.nonce,
    });
  } catch (error) {
    return flow.refuse(request, reply, 'mislukt', {
      ...where,
      reason: `token-geweigerd:${oidcErrorCode(error)}`,
    });
  }
  return login({ claims, provider, where, now });
}
