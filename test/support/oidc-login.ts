/**
 * The setup the OIDC login integration tests share (staff login, ADR 0017; the family portal's
 * DigiD login, ADR 0026): the app on a fresh database with OIDC switched on, a real test
 * provider (`oidc-provider.ts`), a municipality with a logged-in beheerder, and a driver that
 * runs the whole code flow over HTTP: start at the app, sign in at the provider, return to the
 * app's callback.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { systemClock } from '../../src/server/clock.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, staffAccount } from '../integration/api-client.js';
import { freshDatabase } from '../integration/databases.js';
import { startOidcProvider, type TestAccount, type TestOidcProvider } from './oidc-provider.js';

export const PUBLIC_URL = 'http://casusregie.test';
export const STAFF_CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
export const PORTAL_CALLBACK = `${PUBLIC_URL}/api/v1/portaal/digid/callback`;

/** The `name=value` pair a response sets for this cookie, or null (also when it clears it). */
export const cookieOf = (res: LightMyRequestResponse, name: string): string | null => {
  const set = res.headers['set-cookie'];
  const all = Array.isArray(set) ? set : set ? [set] : [];
  const found = all.find((c) => c.startsWith(`${name}=`));
  const pair = found?.split(';')[0];
  return pair && pair !== `${name}=` ? pair : null;
};

export interface OidcTestApp {
  readonly opened: OpenDatabase;
  readonly app: FastifyInstance;
  readonly idp: TestOidcProvider;
  /** A municipality of region LEK … */
  readonly municipality: string;
  /** … and its beheerder `beheer-<engine>@lekstad.example.nl`, logged in. */
  readonly admin: Client;
  close(): Promise<void>;
}

/** The app with OIDC on (plain-HTTP issuers allowed), its test provider and a beheerder. */
export async function startOidcTestApp(
  engine: 'pglite' | 'postgres',
  provider: {
    readonly redirectUris: readonly string[];
    readonly accounts: readonly TestAccount[];
    readonly bsnClaim?: string;
  },
): Promise<OidcTestApp> {
  const opened = await freshDatabase(engine);
  const app = await buildApp({
    db: opened.db,
    clock: systemClock,
    profiles: new Map(),
    secureCookies: false,
    oidc: { secretKey: randomBytes(32), publicUrl: PUBLIC_URL, allowHttpIssuer: true },
  });
  const idp = await startOidcProvider(provider);
  const municipality = await createOrganisation(opened.db, 'gemeente', 'LEK');
  await staffAccount(opened, municipality, ['beheerder'], `beheer-${engine}@lekstad.example.nl`);
  const admin = new Client(app);
  expect((await admin.login(`beheer-${engine}@lekstad.example.nl`)).statusCode).toBe(200);
  return {
    opened,
    app,
    idp,
    municipality,
    admin,
    close: async () => {
      await app.close();
      await idp.close();
      await opened.close();
    },
  };
}

/** Configures the test provider for the beheerder's municipality (`fields` add to or override). */
export const createProvider = (client: Client, idp: TestOidcProvider, fields: object) =>
  client.request('POST', '/api/v1/identiteitsaanbieders', {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    ...fields,
  });

/** Where a login flow starts and comes back, and the cookie that carries its state. */
export interface LoginFlow {
  readonly start: (providerId: string) => string;
  readonly callback: string;
  readonly stateCookie: string;
  /** The scope the flow must ask for, where a test checks it. */
  readonly scope?: string;
}

export const STAFF_FLOW: LoginFlow = {
  start: (providerId) => `/api/v1/auth/oidc/${providerId}/start`,
  callback: STAFF_CALLBACK,
  stateCookie: 'casusregie_oidc',
};

export const PORTAL_FLOW: LoginFlow = {
  start: (providerId) => `/api/v1/portaal/digid/${providerId}/start`,
  callback: PORTAL_CALLBACK,
  stateCookie: 'casusregie_digid',
  scope: 'openid',
};

/**
 * Start at the app, sign in at the provider as `login`, and return to the app's callback with
 * the state cookie (or what `tamper` makes of it); checks PKCE, nonce and state on the way.
 */
export async function codeFlowLogin(
  test: { readonly app: FastifyInstance; readonly idp: TestOidcProvider },
  flow: LoginFlow,
  providerId: string,
  login: string,
  tamper?: (stateCookie: string) => Promise<string>,
): Promise<LightMyRequestResponse> {
  const { app, idp } = test;
  const start = await app.inject({ method: 'GET', url: flow.start(providerId) });
  expect(start.statusCode, start.body).toBe(303);
  const location = new URL(start.headers.location as string);
  expect(location.origin).toBe(idp.issuer);
  expect(location.searchParams.get('code_challenge_method')).toBe('S256');
  if (flow.scope !== undefined) expect(location.searchParams.get('scope')).toBe(flow.scope);
  expect(location.searchParams.get('nonce')).toBeTruthy();
  let stateCookie = cookieOf(start, flow.stateCookie) as string;
  expect(stateCookie).toBe(`${flow.stateCookie}=${location.searchParams.get('state')}`);
  const back = await idp.signIn(location.href, login);
  expect(back.href.startsWith(flow.callback)).toBe(true);
  if (tamper) stateCookie = await tamper(stateCookie);
  return app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: { cookie: stateCookie },
  });
}
