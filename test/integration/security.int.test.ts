/**
 * Hardening to ASVS level 2 (ADR 0016): security headers and CSP on API and web app, rate
 * limits configured through the environment, the password policy and the password change,
 * session idle expiry, rotation and logout, cookie flags, and secrets kept out of the logs.
 * On PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp, type AppDeps } from '../../src/server/app.js';
import { readEnv } from '../../src/server/env.js';
import { securitySettings } from '../../src/server/security/settings.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, PASSWORD, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const START = new Date('2026-03-10T09:00:00Z');

describe.each(engines)('hardening on %s', (engine) => {
  let opened: OpenDatabase;
  let team: string;
  let now = START;
  const apps: FastifyInstance[] = [];
  const email = (name: string) => `${name}-${engine}@veilig.nl`;

  async function app(extra: Partial<AppDeps> = {}): Promise<FastifyInstance> {
    const built = await buildApp({
      db: opened.db,
      clock: { now: () => now },
      profiles: loadProfiles(),
      secureCookies: false,
      ...extra,
    });
    apps.push(built);
    return built;
  }

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    team = await createOrganisation(opened.db, 'lokaal-team');
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await opened.close();
  });

  it('sends a strict CSP and the other security headers on API, errors and the web app', async () => {
    const web = await app({ serveWeb: true });
    for (const url of ['/api/v1/regels/ONBEKEND', '/api/v1/sessie', '/', '/casussen/x']) {
      const res = await web.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ])
        expect(csp, url).toContain(directive);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      if (url.startsWith('/api/')) expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('limits logins per client address, with a Dutch 429 and Retry-After (RATE_LIMIT_LOGIN_PER_IP)', async () => {
    const limited = await app({
      security: securitySettings(readEnv({ RATE_LIMIT_LOGIN_PER_IP: '3' })),
    });
    await staffAccount(opened, team, ['casusregisseur'], email('adres'));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await limited.inject({
        method: 'POST',
        url: '/api/v1/sessie',
        remoteAddress: '203.0.113.7',
        payload: { email: `iemand${i}@veilig.nl`, wachtwoord: 'fout-fout-fout' },
      });
      statuses.push(res.statusCode);
      if (i === 3) {
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        const body = res.json() as { error: { code: string; message: string } };
        expect(body.error.code).toBe('too-many-requests');
        expect(body.error.message).toMatch(/Te veel verzoeken.*probeer het over \d+ seconden/);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Even the right password is refused from that address now; another address may log in.
    const blocked = await limited.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      remoteAddress: '203.0.113.7',
      payload: { email: email('adres'), wachtwoord: PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await limited.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      remoteAddress: '198.51.100.1',
      payload: { email: email('adres'), wachtwoord: PASSWORD },
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('limits logins per e-mail address across client addresses (RATE_LIMIT_LOGIN_PER_ACCOUNT)', async () => {
    const limited = await app({
      security: securitySettings(readEnv({ RATE_LIMIT_LOGIN_PER_ACCOUNT: '2' })),
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await limited.inject({
        method: 'POST',
        url: '/api/v1/sessie',
        remoteAddress: `192.0.2.${i + 1}`,
        payload: { email: ` Doelwit-${engine}@Veilig.nl`, wachtwoord: 'fout-fout-fout' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('limits API requests per session (RATE_LIMIT_API)', async () => {
    const limited = await app({ security: securitySettings(readEnv({ RATE_LIMIT_API: '10' })) });
    await staffAccount(opened, team, ['casusregisseur'], email('druk'));
    const client = new Client(limited);
    expect((await client.login(email('druk'))).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await client.request('GET', '/api/v1/sessie')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    const last = await client.request('GET', '/api/v1/sessie');
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
  });

  it('the default limits leave room for a team working from one address', async () => {
    const defaults = await app();
    await staffAccount(opened, team, ['casusregisseur'], email('team'));
    for (let i = 0; i < 9; i++) {
      const client = new Client(defaults);
      expect((await client.login(email('team'))).statusCode).toBe(200);
    }
  });

  it('changes the password only with the current one and a new one that meets the policy', async () => {
    const server = await app();
    const staffId = await staffAccount(opened, team, ['casusregisseur'], email('wissel'));
    const client = new Client(server);
    await client.login(email('wissel'));
    const oldCookie = client.cookie;
    const change = (huidigWachtwoord: string, nieuwWachtwoord: string) =>
      client.request('POST', '/api/v1/wachtwoord', { huidigWachtwoord, nieuwWachtwoord });
    const fields = (body: string) =>
      (JSON.parse(body) as { error: { fields?: { path: string; message: string }[] } }).error
        .fields ?? [];

    const wrong = await change('niet-het-wachtwoord', 'Een heel nieuw wachtzin 77');
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong.body)[0]?.path).toBe('body.huidigWachtwoord');
    const short = await change(PASSWORD, 'kort-123');
    expect(fields(short.body)).toEqual([
      { path: 'body.nieuwWachtwoord', message: expect.stringContaining('minstens 12') as string },
    ]);
    const common = await change(PASSWORD, 'Wachtwoord2026!!');
    expect(fields(common.body)[0]?.message).toContain('veelgebruikte');
    const ownName = await change(PASSWORD, `ik-ben-${email('wissel').split('@')[0]}`);
    expect(fields(ownName.body)[0]?.message).toContain('e-mailadres');
    const tooLong = await change(PASSWORD, 'x'.repeat(129));
    expect(fields(tooLong.body)[0]?.message).toContain('hoogstens 128');
    // Nothing changed so far: the old password still works.
    expect((await new Client(server).login(email('wissel'))).statusCode).toBe(200);

    const ok = await change(PASSWORD, 'Fietsen langs de Lek 2026');
    expect(ok.statusCode, ok.body).toBe(200);
    const newCookie = String(ok.headers['set-cookie']).split(';')[0];
    expect(newCookie).not.toBe(oldCookie);
    // Every earlier session ended; the new one works; the audit log has the change.
    const replay = await server.inject({
      method: 'GET',
      url: '/api/v1/sessie',
      headers: { cookie: oldCookie },
    });
    expect(replay.statusCode).toBe(401);
    const fresh = await server.inject({
      method: 'GET',
      url: '/api/v1/sessie',
      headers: { cookie: newCookie },
    });
    expect(fresh.statusCode).toBe(200);
    expect((await new Client(server).login(email('wissel'))).statusCode).toBe(401);
    expect(
      (await new Client(server).login(email('wissel'), 'Fietsen langs de Lek 2026')).statusCode,
    ).toBe(200);
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('staff_id', '=', staffId)
      .where('action', '=', 'wachtwoord.wijzigen')
      .execute();
    expect(audit).toHaveLength(1);
    // Without a session: 401; without the CSRF token: 403.
    const anonymous = await server.inject({
      method: 'POST',
      url: '/api/v1/wachtwoord',
      payload: { huidigWachtwoord: 'x', nieuwWachtwoord: 'y' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('ends a session after the idle time, measured on the injected clock', async () => {
    now = START;
    const server = await app({
      security: securitySettings(readEnv({ SESSION_IDLE_MINUTES: '30' })),
    });
    await staffAccount(opened, team, ['casusregisseur'], email('stil'));
    const client = new Client(server);
    await client.login(email('stil'));
    now = new Date(START.getTime() + 29 * 60_000);
    expect((await client.request('GET', '/api/v1/sessie')).statusCode).toBe(200);
    // Each request counts as activity: 29 more minutes is still within the idle time.
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await client.request('GET', '/api/v1/sessie')).statusCode).toBe(200);
    now = new Date(now.getTime() + 30 * 60_000);
    expect((await client.request('GET', '/api/v1/sessie')).statusCode).toBe(401);
    // The session is gone from the database, not just refused.
    now = START;
    expect((await client.request('GET', '/api/v1/sessie')).statusCode).toBe(401);
  });

  it('rotates the session at login and ends it on the server at logout', async () => {
    now = START;
    const server = await app();
    await staffAccount(opened, team, ['casusregisseur'], email('wissel-sessie'));
    const client = new Client(server);
    await client.login(email('wissel-sessie'));
    const first = client.cookie;
    const again = await server.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      headers: { cookie: first, 'x-csrf-token': client.csrf },
      payload: { email: email('wissel-sessie'), wachtwoord: PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    const second = String(again.headers['set-cookie']).split(';')[0] ?? '';
    expect(second).not.toBe(first);
    const stale = await server.inject({
      method: 'GET',
      url: '/api/v1/sessie',
      headers: { cookie: first },
    });
    expect(stale.statusCode).toBe(401);
    const csrf = (again.json() as { csrfToken: string }).csrfToken;
    const out = await server.inject({
      method: 'DELETE',
      url: '/api/v1/sessie',
      headers: { cookie: second, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    const replay = await server.inject({
      method: 'GET',
      url: '/api/v1/sessie',
      headers: { cookie: second },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('over HTTPS names the cookie __Host- and marks it Secure, HttpOnly, SameSite=Strict', async () => {
    const server = await app({ secureCookies: true });
    await staffAccount(opened, team, ['casusregisseur'], email('https'));
    const res = await server.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      payload: { email: email('https'), wachtwoord: PASSWORD },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-casusregie_sessie=/);
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Domain=');
    const me = await server.inject({
      method: 'GET',
      url: '/api/v1/sessie',
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(me.statusCode).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });

  it('keeps passwords, cookies and CSRF tokens out of the log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const server = await app({ log: { level: 'info', stream } });
    await staffAccount(opened, team, ['casusregisseur'], email('log'));
    const client = new Client(server);
    await client.login(email('log'));
    const token = client.cookie.split('=')[1] ?? '';
    await client.request('POST', '/api/v1/wachtwoord', {
      huidigWachtwoord: PASSWORD,
      nieuwWachtwoord: 'Zeer-geheim-en-nieuw-99',
    });
    server.log.info({ body: { email: 'x@y.nl', wachtwoord: PASSWORD } }, 'een body');
    server.log.info({ provider: { clientSecret: 'geheim-van-de-gemeente' } }, 'een aanbieder');
    // A login code and state in the query of the OIDC callback never reach the log.
    await server.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc/callback?code=CODE-12345&state=STATE-678',
    });
    const log = lines.join('');
    expect(log).toContain('/api/v1/auth/oidc/callback');
    expect(log).toContain('/api/v1/sessie');
    expect(log).toContain('[verborgen]');
    for (const secret of [
      PASSWORD,
      'Zeer-geheim-en-nieuw-99',
      token,
      client.csrf,
      'geheim-van-de-gemeente',
      'CODE-12345',
      'STATE-678',
    ])
      expect(log).not.toContain(secret);
  });
});
