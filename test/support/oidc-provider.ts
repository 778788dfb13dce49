/**
 * A real OpenID Connect provider for tests: `oidc-provider` in-process on a random port of
 * 127.0.0.1, with one confidential test client and a few accounts. Its development login and
 * consent pages (devInteractions, a test-only feature) accept any password; `signIn` drives
 * them over HTTP the way a browser would, and a browser test can fill them in by hand.
 *
 * Dev-only settings, kept minimal: a plain-HTTP issuer, devInteractions, and
 * `conformIdTokenClaims: false` so `email` and `email_verified` are in the ID token itself (as
 * the municipalities' providers put them; ADR 0017).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  /** What one types as "login" on the provider's page. */
  readonly login: string;
  readonly email: string;
  readonly emailVerified: boolean;
  /** A citizen's BSN, as a DigiD broker puts it in the ID token (family portal, ADR 0026). */
  readonly bsn?: string;
}

export interface TestOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /**
   * Follows an authorization URL through the provider's login and consent pages as `login`
   * and returns where the provider finally sends the browser (the app's callback URL).
   */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startOidcProvider(options: {
  readonly redirectUris: readonly string[];
  readonly accounts: readonly TestAccount[];
  /** The claim that carries an account's BSN (default `bsn`), sent with scope `openid`. */
  readonly bsnClaim?: string;
}): Promise<TestOidcProvider> {
  const bsnClaim = options.bsnClaim ?? 'bsn';
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'casusregie-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map(options.accounts.map((a) => [a.login, a]));
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [...options.redirectUris],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub', bsnClaim], email: ['email', 'email_verified'] },
    conformIdTokenClaims: false,
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
    },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified,
          ...(account.bsn === undefined ? {} : { [bsnClaim]: account.bsn }),
        }),
      };
    },
  });
  handler = provider.callback();

  const signIn = async (authorizationUrl: string, login: string): Promise<URL> => {
    const jar = new Map<string, string>();
    let url = authorizationUrl;
    let body: string | null = null;
    for (let step = 0; step < 20; step += 1) {
      const res = await fetch(url, {
        method: body === null ? 'GET' : 'POST',
        redirect: 'manual',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body === null ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        },
        ...(body === null ? {} : { body }),
      });
      for (const raw of res.headers.getSetCookie()) {
        const pair = raw.split(';')[0] ?? '';
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq);
        const value = pair.slice(eq + 1);
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(raw)) jar.delete(name);
        else jar.set(name, value);
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, url);
        if (next.origin !== issuer) return next;
        url = next.href;
        body = null;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt)
        throw new Error(`unexpected provider page (${res.status}): ${html.slice(0, 400)}`);
      url = new URL(action.replaceAll('&amp;', '&'), url).href;
      body = new URLSearchParams(
        prompt === 'login' ? { prompt, login, password: 'willekeurig' } : { prompt },
      ).toString();
    }
    throw new Error('the provider did not send the browser back');
  };

  return {
    issuer,
    clientId,
    clientSecret,
    signIn,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
