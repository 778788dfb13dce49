/**
 * Scale benchmark (issue 11): the real app over real HTTP on PostgreSQL with 100,000 demo cases.
 * Reports p50/p95 of the work list and the case page for 50 concurrent users, the registration
 * throughput, the case search when the app has one, and for each the floor: the very SQL
 * statements the endpoint issued (captured from the app's pg connections), replayed directly
 * with `pg` under the same load over a pool of the app's size. Targets (not asserted): work
 * list and case page p95 < 100 ms, API time < 2x the floor.
 *
 * The user model: "50 concurrent users" are 50 distinct demo staff, logged in, who work with
 * cases (casusregisseurs, jeugdbeschermers, behandelaars, planners, teamleiders of many teams,
 * GIs and providers: the demo is staffed at realistic caseloads). Each does a request, then
 * thinks for a time drawn uniformly from 0.5-1.5 s (--think-min/--think-max), then the next; each
 * starts after a random part of one think time. Besides, the closed loop (the same 50 users
 * without think time, each firing its next request as soon as the last returns) is reported as
 * saturation: it shows the throughput, and its latencies are mostly queueing.
 *
 * The app runs in a process of its own (bench/scale-server.ts), as it would on its own machine:
 * the load generator here (node's HTTP client, kept-alive connections) does not share its event
 * loop. Besides the latency the client sees, the report gives the app's own time per request
 * (request received to response sent). The machine's two cores still serve the generator, the
 * app and PostgreSQL at once.
 *
 * The data goes into its own schema (`bench_scale_<cases>`), vacuumed and analysed after seeding
 * as after any bulk load; `--reuse` measures an earlier run's data again without seeding and
 * applies migrations added since (out of order when needed: the data is the benchmark's own).
 * The rate limits are lifted: 50 users from one address are the point here.
 *
 *   npm run bench:scale [-- --cases 100000 --users 50 --requests 300 --reuse]
 *   --think-min 500 --think-max 1500: the users' think time in ms (uniform between the two)
 *   --warmup 50: unmeasured requests per endpoint first (the app's process starts cold)
 *   --sql prints the statements of one request per endpoint (for EXPLAIN ANALYZE)
 *   --url postgres://… (default: TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { Migrator } from 'kysely';
import pg from 'pg';
import { DEFAULT_SEED, DEMO_PASSWORD, generateDemoData } from '../src/demo/generate.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { openDatabase } from '../src/store/db.js';
import { migrations } from '../src/store/migrations/index.js';
import type { FromServer, Statement, ToServer } from './scale-server.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    url: { type: 'string' },
    users: { type: 'string', default: '50' },
    requests: { type: 'string', default: '300' },
    registrations: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '50' },
    'register-concurrency': { type: 'string', default: '10' },
    'think-min': { type: 'string', default: '500' },
    'think-max': { type: 'string', default: '1500' },
    reuse: { type: 'boolean', default: false },
    sql: { type: 'boolean', default: false },
  },
});
const CASES = Number(values.cases);
const USERS = Number(values.users);
const REQUESTS = Number(values.requests);
const REGISTRATIONS = Number(values.registrations);
/** Requests per endpoint before measuring (not counted). */
const WARMUP = Number(values.warmup);
const REGISTER_CONCURRENCY = Number(values['register-concurrency']);
const THINK_MIN_MS = Number(values['think-min']);
const THINK_MAX_MS = Number(values['think-max']);
const URL =
  values.url ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `bench_scale_${CASES}`;
/** The app's pool size (store/db.ts); the floor gets the same. */
const POOL_SIZE = 10;
/**
 * The roles of the demo that work with cases day to day (the work list's users), with the share
 * of the simulated users each gets.
 */
const CASE_ROLE_SHARES: Readonly<Record<string, number>> = {
  casusregisseur: 0.4,
  jeugdbeschermer: 0.2,
  behandelaar: 0.2,
  planner: 0.1,
  teamleider: 0.1,
};
const CASE_ROLES = Object.keys(CASE_ROLE_SHARES);
/** What a case search is tried with, when the app has a search endpoint. */
const SEARCH_PATH = '/api/v1/casussen/zoeken';

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------
// Statement capture: every query the app's pg clients send while `capturing` is set
// ---------------------------------------------------------------------------------------

/** The server process and its IPC: ask it something and wait for the answer of that type. */
let server: ChildProcess | null = null;
function ask<T extends FromServer['type']>(
  message: ToServer,
  answer: T,
): Promise<Extract<FromServer, { type: T }>> {
  const child = server;
  if (!child) throw new Error('the server process is not running');
  return new Promise((resolve) => {
    const listen = (reply: FromServer) => {
      if (reply.type !== answer) return;
      child.off('message', listen);
      resolve(reply as Extract<FromServer, { type: T }>);
    };
    child.on('message', listen);
    child.send(message);
  });
}

async function capture(run: () => Promise<void>): Promise<Statement[]> {
  await ask({ type: 'capture', on: true }, 'capturing');
  try {
    await run();
    // Writes after the reply (a session's last use) belong to the request too.
    await sleep(20);
  } catch (error) {
    await ask({ type: 'capture', on: false }, 'captured');
    throw error;
  }
  return (await ask({ type: 'capture', on: false }, 'captured')).statements;
}

// ---------------------------------------------------------------------------------------
// Load: `concurrency` workers share `total` jobs
// ---------------------------------------------------------------------------------------

interface Run {
  readonly times: number[];
  readonly seconds: number;
}

/**
 * Whether the workers think between requests (the user model) or not (saturation); `los` is one
 * request at a time, without queueing.
 */
type Model = 'gebruikers' | 'verzadiging' | 'los';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const thinkTime = (): number => THINK_MIN_MS + Math.random() * (THINK_MAX_MS - THINK_MIN_MS);

async function load(
  concurrency: number,
  total: number,
  job: (n: number, worker: number) => Promise<void>,
  model: Model = 'verzadiging',
): Promise<Run> {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      // Users do not all start at the same instant.
      if (model === 'gebruikers') await sleep(Math.random() * THINK_MAX_MS);
      for (let n = next++; n < total; n = next++) {
        const start = performance.now();
        await job(n, worker);
        times.push(performance.now() - start);
        if (model === 'gebruikers') await sleep(thinkTime());
      }
    }),
  );
  return { times, seconds: (performance.now() - t0) / 1000 };
}

// ---------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------

async function casesHeld(): Promise<number | null> {
  return withClient(async (client) => {
    const exists = await client.query(
      'select 1 from information_schema.tables where table_schema = $1 and table_name = $2',
      [SCHEMA, 'casus'],
    );
    if (exists.rowCount === 0) return null;
    const count = await client.query<{ n: string }>(`select count(*) as n from "${SCHEMA}".casus`);
    return Number(count.rows[0]?.n ?? 0);
  });
}

const held = values.reuse ? await casesHeld() : null;
// Registrations of earlier runs add cases; the seeded ones are still there.
const seeded = held !== null && held >= CASES;
if (!seeded) await withClient((c) => c.query(`drop schema if exists "${SCHEMA}" cascade`));
const database = await openDatabase({ url: URL, schema: SCHEMA });
const migrated = await new Migrator({
  db: database.db,
  provider: { getMigrations: () => Promise.resolve(migrations) },
  migrationTableSchema: SCHEMA,
  allowUnorderedMigrations: true,
}).migrateToLatest();
if (migrated.error) throw migrated.error;
let seedSeconds = 0;
if (!seeded) {
  const t0 = performance.now();
  await generateDemoData(database.db, {
    cases: CASES,
    seed: DEFAULT_SEED,
    now: new Date(),
    hashPassword,
  });
  seedSeconds = (performance.now() - t0) / 1000;
  // After a bulk load, as an operator would (autovacuum gets there too, later): fresh planner
  // statistics and visibility maps.
  await withClient(async (client) => {
    const tables = await client.query<{ name: string }>(
      'select table_name as name from information_schema.tables where table_schema = $1',
      [SCHEMA],
    );
    for (const { name } of tables.rows) await client.query(`vacuum analyze "${SCHEMA}"."${name}"`);
  });
}

// The app in a process of its own (bench/scale-server.ts): the load generator's HTTP client must
// not spend its CPU on the server's event loop.
server = fork(new globalThis.URL('./scale-server.ts', import.meta.url), [URL, SCHEMA], {
  // BENCH_NODE_ARGS: node options for the app's process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`.
  execArgv: [
    '--import',
    'tsx',
    ...(process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
  ],
});
const port = await new Promise<number>((resolve, reject) => {
  server?.once('message', (m: FromServer) => {
    if (m.type === 'ready') resolve(m.port);
    else reject(new Error(`server process: ${m.type}`));
  });
  server?.once('exit', (code) => reject(new Error(`server process ended (${code})`)));
});
const BASE = `http://127.0.0.1:${port}`;

const facts = await withClient(async (client) => {
  const q = async (text: string) => (await client.query<{ v: string }>(text)).rows[0]?.v ?? '';
  await client.query(`set search_path = "${SCHEMA}"`);
  return {
    version: await q('select version() as v'),
    cases: await q('select count(*)::text as v from casus'),
    open: await q('select count(*)::text as v from casus where closed_at is null'),
    events: await q('select count(*)::text as v from case_event'),
    roles: await q('select count(*)::text as v from case_role'),
  };
});

const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
console.log(`database: ${facts.version.split(' on ')[0] ?? facts.version}, schema ${SCHEMA}`);
console.log(
  seeded
    ? `demo data: reused (${facts.cases} cases)`
    : `demo data: ${CASES} cases generated in ${seedSeconds.toFixed(0)} s`,
);
console.log(
  `holds: ${facts.cases} cases (${facts.open} open), ${facts.events} timeline events, ${facts.roles} role assignments`,
);

// ---------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------

interface User {
  readonly email: string;
  readonly role: string;
  readonly organisationKind: string;
  readonly region: string;
  readonly cookie: string;
  readonly csrf: string;
  caseIds: string[];
}

/**
 * One request as a browser would send it, with node's own HTTP client over kept-alive
 * connections: a light load generator (fetch costs several times the CPU per request, and on
 * two cores the generator's CPU is taken from the server and the database).
 */
const agent = new Agent({ keepAlive: true, maxSockets: Math.max(USERS, REGISTER_CONCURRENCY) });
function http(
  user: User | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; setCookie: string }> {
  const headers: Record<string, string> = {};
  if (user) headers['cookie'] = user.cookie;
  if (user && method !== 'GET') headers['x-csrf-token'] = user.csrf;
  const payload = body === undefined ? null : JSON.stringify(body);
  if (payload !== null) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const req = request(`${BASE}${path}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          // Parsed when asked for: most measured requests only check the status, and the
          // generator's CPU is the server's and the database's on two cores.
          get json(): unknown {
            return text ? (JSON.parse(text) as unknown) : null;
          },
          setCookie: (res.headers['set-cookie'] ?? [])[0] ?? '',
        });
      });
    });
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}

const accounts = await database.db
  .selectFrom('staff')
  .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
  .select(['staff.email', 'staff.roles', 'organisation.kind', 'organisation.region'])
  .where('staff.email', 'like', '%@demo.casusregie.nl')
  .orderBy('staff.email')
  .execute();
// USERS distinct staff: per role its share, spread evenly over that role's accounts (sorted by
// address, so over the regions, teams, GIs and providers), the named accounts included.
const workers: typeof accounts = [];
for (const [role, share] of Object.entries(CASE_ROLE_SHARES)) {
  const ofRole = accounts.filter((a) => a.roles.includes(role));
  const wanted = Math.min(ofRole.length, Math.round(USERS * share));
  for (let i = 0; i < wanted; i++) {
    const account = ofRole[Math.floor((i * ofRole.length) / wanted)];
    if (account) workers.push(account);
  }
}
const users: User[] = [];
for (const account of workers) {
  const res = await http(null, 'POST', '/api/v1/sessie', {
    email: account.email,
    wachtwoord: DEMO_PASSWORD,
  });
  if (res.status !== 200)
    throw new Error(`inloggen als ${account.email}: ${JSON.stringify(res.json)}`);
  const session = res.json as { csrfToken: string };
  users.push({
    email: account.email,
    role: account.roles.find((r) => CASE_ROLES.includes(r)) ?? '',
    organisationKind: account.kind,
    region: account.region,
    cookie: res.setCookie.split(';')[0] ?? '',
    csrf: session.csrfToken,
    caseIds: [],
  });
}
const byRole = CASE_ROLES.map((r) => `${users.filter((u) => u.role === r).length} ${r}`);
const staffByRole = CASE_ROLES.map(
  (r) => `${accounts.filter((a) => a.roles.includes(r)).length} ${r}`,
);
console.log(`demo staff working with cases: ${staffByRole.join(', ')}`);
console.log(`users: ${users.length} distinct demo accounts logged in (${byRole.join(', ')})`);
console.log(
  `user model: each user does a request, then thinks ${THINK_MIN_MS}-${THINK_MAX_MS} ms (uniform), starting at a random moment in the first ${THINK_MAX_MS} ms; the floor replays under the same model. Saturation: the same users without think time (closed loop).`,
);

// Warm-up and the cases each user can open: the first page of the own work list.
for (const user of users) {
  const res = await http(user, 'GET', '/api/v1/werkvoorraad');
  if (res.status !== 200) throw new Error(`werkvoorraad als ${user.email}: ${res.status}`);
  user.caseIds = (res.json as { casussen: { id: string }[] }).casussen.map((c) => c.id);
}
const readers = users.filter((u) => u.caseIds.length > 0);
const sizes = users.map((u) => u.caseIds.length);
console.log(
  `work list first page: ${readers.length} of ${users.length} users see cases (page sizes ${Math.min(...sizes)}-${Math.max(...sizes)})`,
);
const userOf = (worker: number): User => users[worker % users.length] as User;
const readerOf = (worker: number): User => readers[worker % readers.length] as User;

// ---------------------------------------------------------------------------------------
// Floor: replays of the statements captured per request, on a pool like the app's
// ---------------------------------------------------------------------------------------

const floorPool = new pg.Pool({
  connectionString: URL,
  max: POOL_SIZE,
  options: `-c jit=off -c search_path=${SCHEMA}`,
});

// A write replayed with a rollback still pays for a commit's flush of the write-ahead log: one
// committed row in a table of the floor's own.
await withClient((c) =>
  c.query(
    `create table if not exists "${SCHEMA}".bench_floor_commit (n int); truncate "${SCHEMA}".bench_floor_commit`,
  ),
);

async function replay(statements: readonly Statement[], rollback = false): Promise<void> {
  const client = await floorPool.connect();
  try {
    for (const s of statements) {
      const commit = /^\s*commit\s*;?\s*$/i.test(s.text);
      await client.query(rollback && commit ? 'rollback' : s.text, s.values as unknown[]);
      if (rollback && commit) await client.query('insert into bench_floor_commit values (1)');
    }
  } finally {
    client.release();
  }
}

interface Row {
  readonly name: string;
  readonly model: Model;
  readonly concurrency: number;
  readonly api: Run;
  /** The app's own time of the same requests (Fastify's elapsedTime, from the server process). */
  readonly app: readonly number[];
  readonly floor: Run | null;
  readonly statements: number;
}
const rows: Row[] = [];

function expectOk(status: number, what: string): void {
  if (status < 200 || status >= 300) throw new Error(`${what}: HTTP ${status}`);
}

async function measure(
  name: string,
  concurrency: number,
  total: number,
  request: (n: number, worker: number) => Promise<void>,
  captureFor: readonly (() => Promise<void>)[],
  options: { readonly rollback?: boolean; readonly model?: Model } = {},
): Promise<void> {
  const model = options.model ?? 'verzadiging';
  // The statements of a sample of requests, one capture at a time, before any load.
  const captured: Statement[][] = [];
  for (const run of captureFor) captured.push(await capture(run));
  if (values.sql)
    for (const s of captured[0] ?? [])
      console.log(`${name} sql: ${s.text} -- ${JSON.stringify(s.values)}`);
  // Unmeasured warm-up of both sides: the app's process starts cold, and the first requests of
  // an endpoint pay for compiling its code (and the floor's for its connections).
  await load(Math.min(concurrency, 10), WARMUP, request);
  for (let n = 0; n < Math.min(WARMUP, captured.length * 10); n++)
    await replay(captured[n % captured.length] ?? [], options.rollback);
  await ask({ type: 'timings' }, 'timings');
  const api = await load(concurrency, total, request, model);
  const { times: app } = await ask({ type: 'timings' }, 'timings');
  const floor =
    captured.length === 0
      ? null
      : await load(
          concurrency,
          total,
          (n) => replay(captured[n % captured.length] ?? [], options.rollback),
          model,
        );
  const statements = Math.round(
    captured.reduce((sum, c) => sum + c.length, 0) / Math.max(1, captured.length),
  );
  rows.push({ name, model, concurrency, api, app, floor, statements });
  console.log(`measured: ${name} (${model})`);
}

// Work list: every user's default view (own team or organisation, most urgent first). Each
// under the user model, then the same users in a closed loop (saturation).
const MODELS: readonly Model[] = ['gebruikers', 'verzadiging'];
for (const model of MODELS)
  await measure(
    'werkvoorraad (GET /api/v1/werkvoorraad)',
    Math.min(USERS, users.length),
    REQUESTS,
    async (_n, worker) => {
      const res = await http(userOf(worker), 'GET', '/api/v1/werkvoorraad');
      expectOk(res.status, 'werkvoorraad');
    },
    users.slice(0, USERS).map((user) => async () => {
      expectOk((await http(user, 'GET', '/api/v1/werkvoorraad')).status, 'werkvoorraad');
    }),
    { model },
  );

// Case page: the main request of the page (the case with its deadlines and timeline), a case
// from the user's own work list.
const caseFor = (user: User, n: number): string => user.caseIds[n % user.caseIds.length] ?? '';
for (const model of MODELS)
  await measure(
    'casuspagina (GET /api/v1/casussen/:id)',
    Math.min(USERS, readers.length),
    REQUESTS,
    async (n, worker) => {
      const user = readerOf(worker);
      const res = await http(user, 'GET', `/api/v1/casussen/${caseFor(user, n)}`);
      expectOk(res.status, 'casus');
    },
    readers.slice(0, USERS).map((user, i) => async () => {
      expectOk((await http(user, 'GET', `/api/v1/casussen/${caseFor(user, i)}`)).status, 'casus');
    }),
    { model },
  );

// The same one user at a time: the time of one request without queueing.
await measure(
  'casuspagina, één gebruiker tegelijk',
  1,
  REQUESTS,
  async (n) => {
    const user = readerOf(n);
    const res = await http(user, 'GET', `/api/v1/casussen/${caseFor(user, n)}`);
    expectOk(res.status, 'casus');
  },
  readers.slice(0, USERS).map((user, i) => async () => {
    expectOk((await http(user, 'GET', `/api/v1/casussen/${caseFor(user, i)}`)).status, 'casus');
  }),
  { model: 'los' },
);

// Search: only when the app has it; a part of a family name, as staff type it.
const probe = await http(readerOf(0), 'GET', `${SEARCH_PATH}?q=jansen`);
if (probe.status !== 200) {
  console.log(
    `note: no case search endpoint (${SEARCH_PATH} gives ${probe.status}); search not measured`,
  );
} else {
  const terms = ['jansen', 'de vr', 'bakker', 'yilmaz', 'lotte', 'van der', 'mees', 'kaya'];
  for (const model of MODELS)
    await measure(
      `zoeken (GET ${SEARCH_PATH}?q=…)`,
      Math.min(USERS, readers.length),
      REQUESTS,
      async (n, worker) => {
        const term = encodeURIComponent(terms[n % terms.length] ?? 'de');
        const res = await http(readerOf(worker), 'GET', `${SEARCH_PATH}?q=${term}`);
        expectOk(res.status, 'zoeken');
      },
      readers.slice(0, USERS).map((user, i) => async () => {
        const term = encodeURIComponent(terms[i % terms.length] ?? 'de');
        expectOk((await http(user, 'GET', `${SEARCH_PATH}?q=${term}`)).status, 'zoeken');
      }),
      { model },
    );
}

// Registration: route A requests by the local teams' casusregisseurs (throughput). The floor
// replays one registration's statements with its commit turned into a rollback: committed, the
// replays would pile copies of the same roles and events onto one case. The flush of the WAL a
// commit costs is paid by one committed row in `bench_floor_commit` after each rollback.
const registrars = users.filter(
  (u) => u.role === 'casusregisseur' && u.organisationKind === 'lokaal-team',
);
const registration = (n: number) => ({
  route: 'A',
  regio: '',
  segment: 'ambulant',
  gezin: { naam: `Gezin Bench ${n}` },
  jeugdigen: [{ naam: `Kind ${n}`, geboortedatum: '2015-06-01' }],
  ouders: [{ naam: `Ouder ${n}`, soort: 'ouder' }],
});
const register = async (user: User, n: number): Promise<void> => {
  const res = await http(user, 'POST', '/api/v1/casussen', {
    ...registration(n),
    regio: user.region,
  });
  expectOk(res.status, `registreren: ${JSON.stringify(res.json)}`);
};
if (registrars.length === 0)
  console.log('note: no casusregisseur of a local team; registration not measured');
else
  await measure(
    'registratie (POST /api/v1/casussen)',
    REGISTER_CONCURRENCY,
    REGISTRATIONS,
    (n, worker) => register(registrars[worker % registrars.length] as User, n),
    [() => register(registrars[0] as User, -1)],
    { rollback: true },
  );

const exited = new Promise((resolve) => server?.once('exit', resolve));
server.send({ type: 'close' } satisfies ToServer);
await exited;
agent.destroy();
await floorPool.end();
await database.close();

// ---------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------

const ms = (x: number): string => x.toFixed(1).padStart(7);
console.log('');
console.log(
  `${'endpoint'.padEnd(42)} ${'model'.padEnd(11)} ${'conc'.padStart(4)} ${'n'.padStart(5)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'req/s'.padStart(7)} ${'app p50'.padStart(7)} ${'app p95'.padStart(7)} │ ${'sql'.padStart(3)} ${'floor p50'.padStart(9)} ${'floor p95'.padStart(9)} │ ${'ratio p50'.padStart(9)} ${'ratio p95'.padStart(9)}`,
);
for (const row of rows) {
  const p50 = percentile(row.api.times, 50);
  const p95 = percentile(row.api.times, 95);
  const f50 = row.floor ? percentile(row.floor.times, 50) : NaN;
  const f95 = row.floor ? percentile(row.floor.times, 95) : NaN;
  console.log(
    `${row.name.padEnd(42)} ${row.model.padEnd(11)} ${String(row.concurrency).padStart(4)} ${String(row.api.times.length).padStart(5)} ${ms(p50)} ${ms(p95)} ${(row.api.times.length / row.api.seconds).toFixed(0).padStart(7)} ${ms(percentile(row.app, 50))} ${ms(percentile(row.app, 95))} │ ${String(row.statements).padStart(3)} ${ms(f50).padStart(9)} ${ms(f95).padStart(9)} │ ${(p50 / f50).toFixed(2).padStart(9)} ${(p95 / f95).toFixed(2).padStart(9)}`,
  );
}
console.log(
  `targets (not asserted): work list and case page p95 < 100 ms (model gebruikers); API < 2x the floor. Floor: the statements each endpoint issued (sql = per request), replayed with pg over ${POOL_SIZE} connections (the app's pool) under the same model and concurrency. p50/p95: as the HTTP client sees a request (load generator in this process, the app in its own: bench/scale-server.ts); app p50/p95: the app's own time for it (Fastify's elapsedTime, request received to response sent).`,
);
console.log(
  `models: gebruikers = ${USERS} distinct logged-in staff, each request followed by ${THINK_MIN_MS}-${THINK_MAX_MS} ms think time (uniform); verzadiging = the same users in a closed loop without think time (throughput; latency is mostly queueing). Registration: ${REGISTER_CONCURRENCY} casusregisseurs in a closed loop.`,
);
