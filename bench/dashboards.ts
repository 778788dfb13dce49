/**
 * Dashboard benchmark (issue 9, ADR 0024): p50/p95 of every management dashboard with N demo
 * cases on PostgreSQL, measured in-process with Fastify's inject (no network), one request at a
 * time, for a team lead (own team) and a contract manager (the whole region, suppressed).
 * Target: every dashboard under 1 s p95 on 100,000 cases. The first request of each dashboard
 * is shown apart: it evaluates the cases not yet kept in memory (ADR 0025).
 *
 * The data goes into its own schema so a test database is left alone; with `--reuse` an earlier
 * run's data (same case count) is measured again without seeding (seeding 100,000 cases takes
 * minutes).
 *
 *   npm run bench:dashboards [-- --cases 100000 --requests 20 --reuse]
 *   BENCH_DATABASE_URL=postgres://… (default: postgres://postgres@127.0.0.1:5432/test)
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEFAULT_SEED, DEMO_PASSWORD, generateDemoData } from '../src/demo/generate.js';
import { loadProfiles } from '../src/regions/load.js';
import { buildApp } from '../src/server/app.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { systemClock } from '../src/server/clock.js';
import { migrateToLatest, openDatabase } from '../src/store/db.js';
import { DASHBOARDS } from '../src/store/mi.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '20' },
    region: { type: 'string', default: 'LEK' },
    reuse: { type: 'boolean', default: false },
  },
});
const CASES = Number(values.cases);
const REQUESTS = Number(values.requests);
const REGION = values.region;
const URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `bench_mi_${CASES}`;

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

async function schemaHolds(): Promise<number | null> {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  try {
    const exists = await client.query(
      'select 1 from information_schema.tables where table_schema = $1 and table_name = $2',
      [SCHEMA, 'casus'],
    );
    if (exists.rowCount === 0) return null;
    const count = await client.query<{ n: string }>(`select count(*) as n from "${SCHEMA}".casus`);
    return Number(count.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function dropSchema(): Promise<void> {
  const client = new pg.Client({ connectionString: URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${SCHEMA}" cascade`);
  } finally {
    await client.end();
  }
}

const held = values.reuse ? await schemaHolds() : null;
const seeded = held === CASES;
if (!seeded) await dropSchema();
const database = await openDatabase({ url: URL, schema: SCHEMA });
await migrateToLatest(database.db, SCHEMA);
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
}
const app = await buildApp({
  db: database.db,
  clock: systemClock,
  profiles: loadProfiles(),
  secureCookies: false,
});

const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
console.log(
  seeded
    ? `demo data: ${CASES} cases already in schema ${SCHEMA} (PostgreSQL)`
    : `demo data: ${CASES} cases in ${seedSeconds.toFixed(0)} s (PostgreSQL, schema ${SCHEMA})`,
);

// The demo accounts of one region: a team lead of a local team, a contract manager of a municipality.
const readers = await database.db
  .selectFrom('staff')
  .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
  .select(['staff.email', 'staff.roles', 'organisation.name', 'organisation.kind'])
  .where('organisation.region', '=', REGION)
  .where('staff.email', 'like', '%@demo.casusregie.nl')
  .execute();
const regionCases = await database.db
  .selectFrom('casus')
  .select((eb) => eb.fn.countAll<string>().as('n'))
  .where('region', '=', REGION)
  .executeTakeFirstOrThrow();
console.log(`region ${REGION}: ${regionCases.n} cases`);

const failures: string[] = [];
for (const role of ['teamleider', 'contractmanager'] as const) {
  const account = readers.find(
    (r) =>
      r.roles.includes(role) && r.kind === (role === 'teamleider' ? 'lokaal-team' : 'gemeente'),
  );
  if (!account) throw new Error(`geen demo-account met rol ${role} in ${REGION}`);
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/sessie',
    payload: { email: account.email, wachtwoord: DEMO_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`inloggen als ${account.email}: ${login.body}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  for (const name of DASHBOARDS) {
    const times: number[] = [];
    let cold = 0;
    for (let i = 0; i < REQUESTS + 1; i++) {
      const t0 = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/dashboards/${name}`,
        headers: { cookie },
      });
      const ms = performance.now() - t0;
      if (res.statusCode !== 200)
        throw new Error(`${name} als ${role}: ${res.statusCode} ${res.body}`);
      // The first request fills the kept evaluations (ADR 0025) and warms the JIT; it is
      // reported on its own.
      if (i > 0) times.push(ms);
      else cold = ms;
    }
    const p95 = percentile(times, 95);
    if (p95 >= 1000) failures.push(`${role} ${name}`);
    console.log(
      `${role.padEnd(15)} ${name.padEnd(12)} p50 ${percentile(times, 50).toFixed(0).padStart(5)} ms  p95 ${p95.toFixed(0).padStart(5)} ms  first ${cold.toFixed(0).padStart(5)} ms  (${account.name})`,
    );
  }
}
await app.close();
await database.close();
if (failures.length > 0) {
  console.log(`boven 1 s p95: ${failures.join(', ')}`);
  process.exitCode = 1;
}
