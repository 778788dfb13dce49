/**
 * API benchmark (issue 3): p50/p95 of the work list and the case page with N demo cases on
 * PGlite, measured in-process with Fastify's inject (no network), one request at a time. The
 * work list evaluates every visible case to sort by urgency and returns the first page.
 *
 *   npm run bench:api [-- --cases 10000 --requests 200]
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, DEMO_PASSWORD, generateDemoData } from '../src/demo/generate.js';
import { loadProfiles } from '../src/regions/load.js';
import { buildApp } from '../src/server/app.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import { systemClock } from '../src/server/clock.js';
import { migrateToLatest, openDatabase } from '../src/store/db.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '200' },
  },
});
const CASES = Number(values.cases);
const REQUESTS = Number(values.requests);

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

const database = await openDatabase();
await migrateToLatest(database.db);
let t0 = performance.now();
const { accounts } = await generateDemoData(database.db, {
  cases: CASES,
  seed: DEFAULT_SEED,
  now: new Date(),
  hashPassword,
});
const seedSeconds = (performance.now() - t0) / 1000;
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
console.log(`demo data: ${CASES} cases in ${seedSeconds.toFixed(1)} s (PGlite, in memory)`);

for (const role of ['casusregisseur', 'teamleider', 'planner']) {
  const account = accounts.find((a) => a.roles.includes(role as never) && a.region === 'LEK');
  if (!account) continue;
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/sessie',
    payload: { email: account.email, wachtwoord: DEMO_PASSWORD },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  const listTimes: number[] = [];
  let ids: string[] = [];
  let visible = 0;
  for (let i = 0; i < Math.max(20, REQUESTS / 10); i++) {
    t0 = performance.now();
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/werkvoorraad',
      headers: { cookie },
    });
    listTimes.push(performance.now() - t0);
    const body = res.json() as { aantallen: { casussen: number }; casussen: { id: string }[] };
    visible = body.aantallen.casussen;
    ids = body.casussen.map((c) => c.id);
  }
  const pageTimes: number[] = [];
  for (let i = 0; i < REQUESTS && ids.length > 0; i++) {
    const id = ids[i % ids.length] ?? '';
    t0 = performance.now();
    await app.inject({ method: 'GET', url: `/api/v1/casussen/${id}`, headers: { cookie } });
    pageTimes.push(performance.now() - t0);
  }
  console.log(
    `${role.padEnd(15)} (${account.organisation}): work list (first page of 50) over ${visible} cases p50 ${percentile(listTimes, 50).toFixed(1)} ms, p95 ${percentile(listTimes, 95).toFixed(1)} ms; case page p50 ${percentile(pageTimes, 50).toFixed(1)} ms, p95 ${percentile(pageTimes, 95).toFixed(1)} ms`,
  );
}
await app.close();
await database.close();
