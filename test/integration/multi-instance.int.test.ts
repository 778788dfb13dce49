/**
 * Several instances on one database (issue 11, docs/deployment.md).
 *
 * The readiness check answers 200 while the database answers and 503 once it does not.
 * The round-robin proxy of `deploy/proxy.ts` is tested always, against two small HTTP servers:
 * it takes turns, forwards what it got, skips an instance that refuses connections or says it
 * is not ready, and answers 502 when none is left.
 *
 * With TEST_DATABASE_URL, two real server processes (`casusregie serve --demo`, 20 demo cases)
 * run on a fresh PostgreSQL database behind that proxy, the second started after the first made
 * the demo data. A login through the proxy holds at both instances, a case registered at one is
 * read at the other, a logout at one ends the session at the other, failed logins at both count
 * towards one lockout, the dashboards read through a read-only replica connection
 * (DATABASE_READ_URL) while their audit records reach the primary, and when one instance is
 * killed the other answers everything.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type RunningProxy } from '../../deploy/proxy.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { openDatabase } from '../../src/store/db.js';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { routeARequest } from './api-client.js';

/** A tiny upstream that says who it is and echoes what it received. */
async function echoServer(
  name: string,
  ready = true,
): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      if (request.url === '/api/v1/gereed') {
        response.writeHead(ready ? 200 : 503).end();
        return;
      }
      hits.push(`${request.method} ${request.url}`);
      response.writeHead(201, { 'content-type': 'application/json', 'x-instantie': name });
      response.end(
        JSON.stringify({
          name,
          method: request.method,
          url: request.url,
          body: Buffer.concat(chunks).toString('utf8'),
          forwardedFor: request.headers['x-forwarded-for'] ?? null,
          cookie: request.headers.cookie ?? null,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An address where nothing listens (a port that was free a moment ago). */
async function deadAddress(): Promise<string> {
  const probe = await echoServer('weg');
  await probe.close();
  return probe.url;
}

describe('the round-robin proxy (deploy/proxy.ts)', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });
  async function proxyOver(upstreams: string[], extra: { healthPath?: string } = {}) {
    const proxy = await startProxy({ upstreams, ...extra, healthIntervalMs: 50 });
    closers.push(() => proxy.close());
    return proxy;
  }
  async function upstream(name: string, ready = true) {
    const server = await echoServer(name, ready);
    closers.push(() => server.close());
    return server;
  }

  it('sends consecutive requests to the instances in turn and forwards what it got', async () => {
    const a = await upstream('a');
    const b = await upstream('b');
    const proxy = await proxyOver([a.url, b.url]);
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${proxy.url}/api/v1/casussen?pagina=${i}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: 'casusregie_sessie=x' },
        body: JSON.stringify({ i }),
      });
      expect(res.status).toBe(201);
      const echoed = (await res.json()) as Record<string, unknown>;
      expect(echoed).toMatchObject({
        method: 'POST',
        url: `/api/v1/casussen?pagina=${i}`,
        body: JSON.stringify({ i }),
        forwardedFor: '127.0.0.1',
        cookie: 'casusregie_sessie=x',
      });
      names.push(res.headers.get('x-instantie') ?? '');
    }
    expect(names).toEqual(['a', 'b', 'a', 'b']);
  });

  it('skips an instance that refuses connections, also for a POST', async () => {
    const a = await upstream('a');
    const proxy = await proxyOver([await deadAddress(), a.url]);
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${proxy.url}/x`, { method: 'POST', body: `nr ${i}` });
      expect(res.status).toBe(201);
      expect(res.headers.get('x-instantie')).toBe('a');
    }
    // Each POST reached the living instance exactly once.
    expect(a.hits).toEqual(['POST /x', 'POST /x', 'POST /x']);
  });

  it('sends nothing to an instance whose readiness check fails', async () => {
    const a = await upstream('a');
    const b = await upstream('b', false);
    const proxy = await proxyOver([a.url, b.url], { healthPath: '/api/v1/gereed' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 4; i++) await (await fetch(`${proxy.url}/y`)).text();
    expect(a.hits).toHaveLength(4);
    expect(b.hits).toEqual([]);
  });

  it('answers 502 with a Dutch message when no instance is reachable', async () => {
    const proxy = await proxyOver([await deadAddress(), await deadAddress()]);
    const res = await fetch(`${proxy.url}/api/v1/sessie`);
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({
      error: { code: 'unavailable', message: 'Geen instantie van casusregie bereikbaar.' },
    });
  });
});

describe('the readiness check GET /api/v1/gereed', () => {
  it('is 200 while the database answers and 503 once it does not, naming the instance', async () => {
    const opened = await openDatabase();
    const app = await buildApp({
      db: opened.db,
      clock: { now: () => new Date() },
      profiles: loadProfiles(),
      secureCookies: false,
      instanceName: 'app-1',
    });
    try {
      const ready = await app.inject({ method: 'GET', url: '/api/v1/gereed' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'gereed' });
      expect(ready.headers['x-instantie']).toBe('app-1');
      await opened.close();
      const gone = await app.inject({ method: 'GET', url: '/api/v1/gereed' });
      expect(gone.statusCode).toBe(503);
      expect(gone.json()).toMatchObject({
        error: { code: 'unavailable', message: 'De database is niet bereikbaar.' },
      });
      expect(gone.headers['x-instantie']).toBe('app-1');
    } finally {
      await app.close();
    }
  });
});

const serverUrl = process.env['TEST_DATABASE_URL'];
const DEMO_PASSWORD = 'Demo-wachtwoord-2026';
const demoEmail = (account: string) => `${account}@demo.casusregie.nl`;

/** A browser's session: the cookie and the CSRF token from the login. */
interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, account: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${base}/api/v1/sessie`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail(account), wachtwoord: password }),
  });
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken?: string; error?: { code: string } };
  return { res, body, session: { cookie, csrf: body.csrfToken ?? '' } as Session };
}

function call(base: string, session: Session, method: string, path: string, body?: object) {
  return fetch(`${base}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

for (const adminUrl of serverUrl ? [serverUrl] : []) {
  describe('two instances on one PostgreSQL database behind the proxy', () => {
    const suffix = randomBytes(5).toString('hex');
    const database = `mi_${suffix}`;
    const reader = `mi_lezer_${suffix}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    const target = new URL(adminUrl);
    target.pathname = `/${database}`;
    const readerUrl = new URL(target);
    readerUrl.username = reader;
    readerUrl.password = '';
    let a: SpawnedServer | undefined;
    let b: SpawnedServer | undefined;
    let proxy: RunningProxy | undefined;
    /** A client on the new database, as the superuser. */
    const primary = new pg.Client({ connectionString: target.href });

    const instance = (name: 'a' | 'b') =>
      spawnServer({
        demo: true,
        env: {
          DATABASE_URL: target.href,
          DATABASE_READ_URL: readerUrl.href,
          INSTANCE_NAME: name,
          DEMO_CASES: '20',
          LOG_LEVEL: 'warn',
          SMTP_URL: undefined,
        },
      });

    beforeAll(async () => {
      await admin.connect();
      await admin.query(`create database ${database}`);
      await admin.query(`create role ${reader} login`);
      a = await instance('a');
      // The replica stand-in: a role that may only read (a write through it fails).
      await primary.connect();
      await primary.query(`grant select on all tables in schema public to ${reader}`);
      await primary.query(`alter role ${reader} set default_transaction_read_only = on`);
      b = await instance('b');
      proxy = await startProxy({ upstreams: [a.url, b.url] });
    });

    afterAll(async () => {
      await proxy?.close();
      await a?.kill('SIGKILL');
      await b?.kill('SIGKILL');
      await primary.end().catch(() => undefined);
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.query(`drop role if exists ${reader}`);
      await admin.end();
    });

    const front = () => proxy?.url ?? '';

    it('made the demo data once, and both instances answer in turn', async () => {
      const organisations = await primary.query<{ n: string }>(
        `select count(*) as n from organisation where name = 'Gemeente Nieuwegein'`,
      );
      expect(organisations.rows[0]?.n).toBe('1');
      const answered: string[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${front()}/api/v1/gereed`);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ status: 'gereed' });
        answered.push(res.headers.get('x-instantie') ?? '');
      }
      expect(new Set(answered)).toEqual(new Set(['a', 'b']));
    });

    it('a session made through the proxy holds at both instances', async () => {
      const { res, session } = await login(front(), 'casusregisseur.lek');
      expect(res.status).toBe(200);
      const answered = new Set<string>();
      for (let i = 0; i < 4; i++) {
        const me = await call(front(), session, 'GET', '/api/v1/sessie');
        expect(me.status).toBe(200);
        answered.add(me.headers.get('x-instantie') ?? '');
      }
      expect(answered).toEqual(new Set(['a', 'b']));
    });

    it('a case registered at one instance is read at the other', async () => {
      const { session } = await login(front(), 'casusregisseur.lek');
      const created = await call(a?.url ?? '', session, 'POST', '/api/v1/casussen', {
        ...routeARequest(),
        gezin: { naam: 'Gezin Twee-Instanties' },
      });
      expect(created.status, await created.clone().text()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const read = await call(b?.url ?? '', session, 'GET', `/api/v1/casussen/${id}`);
      expect(read.status).toBe(200);
      expect(await read.text()).toContain('Gezin Twee-Instanties');
    });

    it('logging out at one instance ends the session at the other', async () => {
      const { session } = await login(front(), 'teamleider.lek');
      expect((await call(b?.url ?? '', session, 'GET', '/api/v1/sessie')).status).toBe(200);
      expect((await call(a?.url ?? '', session, 'DELETE', '/api/v1/sessie')).status).toBe(204);
      expect((await call(b?.url ?? '', session, 'GET', '/api/v1/sessie')).status).toBe(401);
    });

    it('failed logins at both instances at once count towards one lockout', async () => {
      const account = 'planner.lek';
      const attempts = [a, b, a, b, a, b].map((server) =>
        login(server?.url ?? '', account, 'Niet-het-goede-wachtwoord'),
      );
      for (const attempt of await Promise.all(attempts)) expect(attempt.res.status).toBe(401);
      const counted = await primary.query<{ failed_logins: number }>(
        'select failed_logins from staff where email = $1',
        [demoEmail(account)],
      );
      expect(counted.rows[0]?.failed_logins).toBe(6);
      // Even the right password is refused now, at either instance.
      for (const server of [a, b]) {
        const locked = await login(server?.url ?? '', account);
        expect(locked.res.status).toBe(429);
        expect(locked.body.error?.code).toBe('locked');
      }
    });

    it('dashboards read through the replica connection; their audit reaches the primary', async () => {
      const { session } = await login(front(), 'management.lek');
      const audited = async () =>
        Number(
          (
            await primary.query<{ n: string }>(
              `select count(*) as n from audit_log where action = 'dashboard.lezen'`,
            )
          ).rows[0]?.n,
        );
      const before = await audited();
      for (let i = 0; i < 2; i++) {
        const res = await call(front(), session, 'GET', '/api/v1/dashboards/instroom');
        expect(res.status, await res.clone().text()).toBe(200);
      }
      expect(await audited()).toBe(before + 2);
      const readers = await admin.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity where usename = $1 and datname = $2`,
        [reader, database],
      );
      expect(Number(readers.rows[0]?.n)).toBeGreaterThan(0);
    });

    it('when one instance dies, the other answers every request', async () => {
      const { session } = await login(front(), 'casusregisseur.lek');
      await b?.kill('SIGKILL');
      for (let i = 0; i < 4; i++) {
        const me = await call(front(), session, 'GET', '/api/v1/sessie');
        expect(me.status).toBe(200);
        expect(me.headers.get('x-instantie')).toBe('a');
      }
      const created = await call(front(), session, 'POST', '/api/v1/casussen', routeARequest());
      expect(created.status).toBe(201);
      expect(created.headers.get('x-instantie')).toBe('a');
    });
  });
}
