/**
 * Fuzz test (issue 8, ASVS level 2): thousands of random and malformed requests to every
 * registered route, by a casusregisseur on demo cases, a backoffice clerk, a provider planner, a
 * privacy officer and an anonymous caller. For every response: no 5xx, no stack trace, errors in
 * the product's JSON shape with a Dutch message; a write with a missing or wrong CSRF token is a
 * 403; and a refused request (4xx) stores nothing: the row counts of every table (apart from the
 * audit log, see NOT_COUNTED) are the same before and after it.
 *
 * Reproducible: the inputs come from fast-check with a fixed seed (FUZZ_SEED overrides it; the
 * seed is printed; FUZZ_OUT=file writes the failures and every refusal there for a look). On
 * PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, generateDemoData } from '../../src/demo/generate.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { readEnv } from '../../src/server/env.js';
import { securitySettings } from '../../src/server/security/settings.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { routeARequest } from '../integration/api-client.js';
import { engines, freshDatabase } from '../integration/databases.js';
import { fillPath, routeCollector, type RegisteredRoute } from '../support/routes.js';
import { describeRequest, requestFor, type FuzzRequest } from './requests.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_123);
/** Random requests per route; with the CSRF probes about 3,700 requests in all. */
const RUNS_PER_ROUTE = 22;
const NOW = new Date('2026-11-23T10:00:00+01:00');

/**
 * Tables whose rows a refused request may add, by design: only audit_log, because refusals
 * and reads of personal data are logged (NEN 7513). Everything else is counted, also the
 * bookkeeping one might expect here: sessions (only a successful login adds one, and the test
 * counts again after logging its actors back in), OIDC login attempts (added only by a
 * successful start, a 303), failed-login counters and notification read state (updates of
 * existing rows, not new rows). The rate limits (ADR 0016) keep their counts in memory.
 */
const NOT_COUNTED = new Set(['audit_log']);

const ACTORS = {
  casusregisseur: 'casusregisseur.lek@demo.casusregie.nl',
  backoffice: 'backoffice.lek@demo.casusregie.nl',
  planner: 'planner.lek@demo.casusregie.nl',
  privacyfunctionaris: 'privacyfunctionaris.lek@demo.casusregie.nl',
} as const;
const ANONYMOUS = 'anoniem';

/** Where a route's path parameter points to: the table whose ids are the real fixtures. */
const PARAM_TABLES: readonly [RegExp, string][] = [
  [/\/casussen\/:id/, 'casus'],
  [/\/plannen\/:id/, 'plan'],
  [/\/(organisaties|aanbieders)\/:id/, 'organisation'],
  [/\/ijw\/berichten\/:id/, 'ijw_message'],
  [/\/toewijzingsvoorstellen\/:id/, 'allocation_proposal'],
  [/\/adviesvragen\/:id/, 'team_question'],
  [/\/evaluaties\/:id/, 'evaluation'],
  [/\/escalaties\/:id/, 'escalation'],
  [/\/crisis\/:id/, 'crisis'],
  [/\/regie-overdrachten\/:id/, 'casusregie_handover'],
  [/\/werkaantekeningen\/:id/, 'working_note'],
  [/\/aanpassingen\/:id/, 'allocation_adjustment'],
  [/\/meldingen\/:id/, 'notification'],
  [/\/beeindigingen\/:id/, 'provider_ending'],
  [/\/bewaartermijn\/:id/, 'retention_due'],
  [/\/noodtoegang\/:id/, 'break_glass'],
  [/\/(identiteitsaanbieders\/:id|oidc\/:providerId)/, 'identity_provider'],
  [/:verzoekId/, 'record_request'],
  [/:verslagId/, 'provider_report'],
];

const STACK_TRACE = [
  /\bat \S*[/\\]\S+:\d+/,
  /\bat [\w.<>]+ \(/,
  /Error:[^"]*\.[cm]?[jt]s\b/,
  /node_modules/,
  /\.ts:\d+/,
];
const BAD_URL = 'Het adres van het verzoek klopt niet.';
const ENGLISH = /\b(the|invalid|expected|received|must|required|should|unexpected|cannot|body)\b/i;

interface ErrorBody {
  error?: {
    code?: unknown;
    message?: unknown;
    messageEn?: unknown;
    fields?: { path?: unknown; message?: unknown }[];
  };
}

/** What is wrong with one response, or nothing. */
function problemsOf(
  request: FuzzRequest,
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`);
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/pdf'))
    for (const pattern of STACK_TRACE)
      if (pattern.test(res.body)) problems.push(`stack trace (${pattern})`);
  // Staff actors only: the family portal's routes ignore a staff session and its CSRF token
  // (they check their own, see test/integration/portal-login.int.test.ts).
  const logged = request.actor !== ANONYMOUS && !request.url.startsWith('/api/v1/portaal');
  // A URL the router cannot parse is refused before the session is even looked at.
  const badUrl = res.statusCode === 400 && res.body.includes(BAD_URL);
  if (
    logged &&
    request.csrf !== 'valid' &&
    request.method !== 'GET' &&
    res.statusCode !== 403 &&
    !badUrl
  )
    problems.push(`CSRF ${request.csrf}: ${res.statusCode} instead of 403`);
  if (res.statusCode >= 400) {
    let body: ErrorBody = {};
    try {
      body = JSON.parse(res.body) as ErrorBody;
    } catch {
      problems.push('error body is not JSON');
    }
    const error = body.error;
    if (typeof error?.code !== 'string' || typeof error.message !== 'string')
      problems.push('error body without code and message');
    else {
      if (error.message.trim() === '' || error.message === error.messageEn)
        problems.push('error message not Dutch');
      if (ENGLISH.test(error.message)) problems.push(`English error message: ${error.message}`);
      for (const field of error.fields ?? [])
        if (typeof field.message !== 'string' || ENGLISH.test(field.message))
          problems.push(`field message not Dutch: ${String(field.message)}`);
    }
  }
  return problems;
}

describe.each(engines)('fuzzing every route on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let routes: RegisteredRoute[] = [];
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const ids = new Map<string, string[]>();
  let allIds: string[] = [];
  let counted: string[] = [];

  async function login(actor: keyof typeof ACTORS): Promise<void> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      payload: { email: ACTORS[actor], wachtwoord: DEMO_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    const set = res.headers['set-cookie'];
    const raw = (Array.isArray(set) ? set[0] : set) ?? '';
    sessions.set(actor, {
      cookie: raw.split(';')[0] ?? '',
      csrf: (res.json() as { csrfToken: string }).csrfToken,
    });
  }

  async function counts(): Promise<Record<string, number>> {
    const selections = counted.map(
      (t) => sql<string>`(select count(*) from ${sql.id(t)})`.as(t) as never,
    );
    const row = await opened.db.selectNoFrom(selections).executeTakeFirstOrThrow();
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  }

  function send(request: FuzzRequest) {
    const session = sessions.get(request.actor);
    const headers: Record<string, string> = {};
    if (session) {
      headers['cookie'] = session.cookie;
      if (request.csrf === 'valid') headers['x-csrf-token'] = session.csrf;
      if (request.csrf === 'wrong') headers['x-csrf-token'] = `${session.csrf.slice(1)}x`;
    }
    if (request.contentType) headers['content-type'] = request.contentType;
    return app.inject({
      method: request.method,
      url: request.url,
      query: request.query,
      headers,
      ...(request.payload === null ? {} : { payload: request.payload }),
    });
  }

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (set FUZZ_SEED to replay another)`);
    opened = await freshDatabase(engine);
    await generateDemoData(opened.db, { cases: 30, now: NOW, hashPassword });
    const collector = routeCollector();
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
      // Thousands of requests from one address: the limits of ADR 0016 raised, not removed.
      security: securitySettings(
        readEnv({
          RATE_LIMIT_API: '100000',
          RATE_LIMIT_LOGIN_PER_IP: '10000',
          RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000',
        }),
      ),
      onRoute: collector.onRoute,
      // The family portal's codes go nowhere (without a mailer its login answers 503).
      portalMailer: { send: () => Promise.resolve() },
    });
    routes = collector.routes;
    for (const actor of Object.keys(ACTORS) as (keyof typeof ACTORS)[]) await login(actor);

    // A few records of the casusregisseur's own, so real ids reach deeper into the routes.
    const regisseur = sessions.get('casusregisseur');
    const write = (url: string, payload: object) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie: regisseur?.cookie ?? '', 'x-csrf-token': regisseur?.csrf ?? '' },
        payload,
      });
    const created = await write('/api/v1/casussen', routeARequest());
    expect(created.statusCode, created.body).toBe(201);
    const caseId = (created.json() as { id: string }).id;
    const note = await write(`/api/v1/casussen/${caseId}/werkaantekeningen`, {
      tekst: 'Moeder belt terug na de vakantie.',
    });
    expect(note.statusCode, note.body).toBe(201);
    const plan = await write(`/api/v1/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: '2026-11-24',
    });
    expect(plan.statusCode, plan.body).toBe(201);

    // This test's own schema only: the server may hold others (other test files, benchmarks).
    const schema = opened.schema ?? 'public';
    const tables = (await opened.db.introspection.getTables())
      .filter((t) => t.schema === schema)
      .map((t) => t.name);
    counted = tables.filter((t) => !NOT_COUNTED.has(t)).sort();
    for (const table of tables) {
      const rows = await sql<{ id: string }>`select id::text as id from ${sql.id(table)} limit 4`
        .execute(opened.db)
        .catch(() => ({ rows: [] as { id: string }[] }));
      ids.set(
        table,
        rows.rows.map((r) => r.id),
      );
    }
    // Mostly cases of the casusregisseur's own team, so requests get past the access check.
    const own = await opened.db
      .selectFrom('casus')
      .innerJoin('staff', 'staff.organisation_id', 'casus.responsible_team_id')
      .select('casus.id')
      .where('staff.email', '=', ACTORS.casusregisseur)
      .limit(3)
      .execute();
    ids.set('casus', [caseId, caseId, ...own.map((c) => c.id), ...(ids.get('casus') ?? [])]);
    allIds = [...ids.values()].flat();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await opened?.close();
  });

  function idsFor(param: string, url: string): readonly string[] {
    if (param === 'body') return allIds;
    if (param === 'nummer') return ['1', '00000000'];
    if (url.includes('/regels/')) return ['LEK-TERM-INTAKE-AMBULANT', 'RIJ-DEC-CLOSURE'];
    const table = PARAM_TABLES.find(([pattern]) =>
      pattern.test(url.split(`:${param}`)[0] + `:${param}`),
    );
    const found = table ? (ids.get(table[1]) ?? []) : [];
    return found.length > 0 ? found : allIds;
  }

  it('answers thousands of random and malformed requests without 5xx, stack traces or stored rows', async () => {
    expect(routes.length).toBeGreaterThan(150);
    const actors = [...Object.keys(ACTORS), ANONYMOUS];
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    const reasons: string[] = [];
    let refusedChecked = 0;
    let before = await counts();
    const started = Date.now();
    for (const [index, route] of routes.entries()) {
      const requests = fc.sample(requestFor(route, actors, idsFor), {
        seed: SEED + index,
        numRuns: RUNS_PER_ROUTE,
      });
      // Every write once more by a logged-in actor without and with a wrong CSRF token.
      if (route.method !== 'GET') {
        const [first] = requests;
        const url = fillPath(route.url, (name) => idsFor(name, route.url)[0] ?? name);
        if (first)
          for (const csrf of ['missing', 'wrong'] as const)
            requests.push({ ...first, url, actor: 'casusregisseur', csrf });
      }
      for (const request of requests) {
        const res = await send(request);
        sent += 1;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 400 && process.env['FUZZ_OUT'])
          reasons.push(
            `${res.statusCode} ${request.actor}:${request.csrf} ${route.method} ${route.url} ${res.body.slice(0, 160)}`,
          );
        const after = await counts();
        const problems = problemsOf(request, res);
        if (res.statusCode >= 400) {
          refusedChecked += 1;
          const changed = counted.filter((t) => after[t] !== before[t]);
          if (changed.length > 0)
            problems.push(
              `stored after ${res.statusCode}: ${changed.map((t) => `${t} ${before[t]}→${after[t]}`).join(', ')}`,
            );
        }
        before = after;
        if (problems.length > 0)
          failures.push(
            `${problems.join('; ')}\n  ${describeRequest(request)}\n  → ${res.statusCode} ${res.body.slice(0, 300)}`,
          );
        // A fuzzed logout or login may end the actor's session: log in again.
        if (route.url.startsWith('/api/v1/sessie') && request.actor !== ANONYMOUS) {
          await login(request.actor as keyof typeof ACTORS);
          before = await counts();
        }
      }
    }
    console.log(
      `fuzz on ${engine}: ${sent} requests to ${routes.length} routes, ${refusedChecked} refusals checked for stored rows, ${Date.now() - started} ms`,
    );
    console.log(`statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    if (process.env['FUZZ_OUT'])
      writeFileSync(process.env['FUZZ_OUT'], [...failures, ...reasons].join('\n'));
    expect(sent).toBeGreaterThanOrEqual(3000);
    expect(failures, `seed ${SEED}\n${failures.slice(0, 30).join('\n')}`).toEqual([]);
  }, 300_000);
});
