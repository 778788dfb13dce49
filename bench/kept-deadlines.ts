/**
 * Kept deadlines benchmark (issue 11, ADR 0029) on PostgreSQL with N demo cases:
 * 1. the full recomputation (`recomputeAllDeadlines`) from nothing kept: time per 1,000 cases;
 * 2. the work list (`GET /api/v1/werkvoorraad`) for a casusregisseur and a team lead of one
 *    region: p50/p95 of sequential requests once every case is kept, and the first request
 *    after midnight (every row stale, refreshed inline).
 *
 * The data goes into its own schema, dropped afterwards unless `--keep` (then `--reuse` measures
 * the same data again without seeding).
 *
 *   npx tsx bench/kept-deadlines.ts [--cases 5000] [--requests 20] [--keep] [--reuse]
 *   BENCH_DATABASE_URL=postgres://… (default: postgres://postgres@127.0.0.1:5432/test)
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { DEFAULT_SEED, DEMO_PASSWORD, generateDemoData } from '../src/demo/generate.js';
import { recomputeAllDeadlines } from '../src/jobs/recompute-deadlines.js';
import { loadProfiles } from '../src/regions/load.js';
import { buildApp } from '../src/server/app.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { migrateToLatest, openDatabase } from '../src/store/db.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '5000' },
    requests: { type: 'string', default: '20' },
    region: { type: 'string', default: 'LEK' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const CASES = Number(values.cases);
const REQUESTS = Number(values.requests);
const URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `bench_kept_${CASES}`;

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

const database = await openDatabase({ url: URL, schema: SCHEMA });
const held = values.reuse
  ? await sql<{ n: string }>`select count(*) as n from ${sql.id(SCHEMA, 'casus')}`
      .execute(database.db)
      .then((r) => Number(r.rows[0]?.n ?? 0))
      .catch(() => 0)
  : 0;
const seeded = held === CASES;
if (!seeded) await sql`drop schema if exists ${sql.id(SCHEMA)} cascade`.execute(database.db);
await migrateToLatest(database.db, SCHEMA);
const now = new Date();
let seedSeconds = 0;
if (!seeded) {
  const t0 = performance.now();
  await generateDemoData(database.db, { cases: CASES, seed: DEFAULT_SEED, now, hashPassword });
  seedSeconds = (performance.now() - t0) / 1000;
}
const profiles = loadProfiles();
const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
console.log(
  seeded
    ? `demo data: ${CASES} cases already in schema ${SCHEMA}`
    : `demo data: ${CASES} cases seeded in ${seedSeconds.toFixed(0)} s (PostgreSQL, schema ${SCHEMA})`,
);

await sql`delete from ${sql.id(SCHEMA, 'case_deadline_state')}`.execute(database.db);
const t0 = performance.now();
const run = await recomputeAllDeadlines(database.db, profiles, now, { batchSize: 500 });
const ms = performance.now() - t0;
console.log(
  `full recomputation: ${run.done} cases in ${(ms / 1000).toFixed(1)} s = ${((ms / run.done) * 1000).toFixed(0)} ms per 1,000 cases (failed: ${run.failed})`,
);

let clockNow = now;
const app = await buildApp({
  db: database.db,
  clock: { now: () => clockNow },
  profiles,
  secureCookies: false,
});
const accounts = await database.db
  .selectFrom('staff')
  .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
  .select(['staff.email', 'staff.roles'])
  .where('organisation.region', '=', values.region)
  .where('organisation.kind', '=', 'lokaal-team')
  .where('staff.email', 'like', '%@demo.casusregie.nl')
  .execute();
for (const role of ['casusregisseur', 'teamleider'] as const) {
  const account = accounts.find((a) => a.roles.includes(role));
  if (!account) throw new Error(`no demo account with role ${role}`);
  let cookie = '';
  const login = async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      payload: { email: account.email, wachtwoord: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login ${account.email}: ${res.body}`);
    cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
  };
  const get = async () => {
    const t = performance.now();
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/werkvoorraad?bereik=team',
      headers: { cookie },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    return {
      ms: performance.now() - t,
      cases: (res.json() as { aantallen: { casussen: number } }).aantallen.casussen,
    };
  };
  clockNow = now;
  await login();
  const times: number[] = [];
  let cases = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const r = await get();
    times.push(r.ms);
    cases = r.cases;
  }
  // The next day: every kept row is stale; the first request refreshes the team's cases.
  clockNow = new Date(now.getTime() + 86_400_000);
  await login();
  const firstOfDay = await get();
  const second = await get();
  console.log(
    `work list (${role}, ${cases} cases): p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms; first after midnight ${firstOfDay.ms.toFixed(0)} ms, then ${second.ms.toFixed(0)} ms`,
  );
}
await app.close();
if (!values.keep) await sql`drop schema if exists ${sql.id(SCHEMA)} cascade`.execute(database.db);
await database.close();
