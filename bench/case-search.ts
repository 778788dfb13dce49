/**
 * Case search benchmark (issue 11): the search query of `src/store/case-search.ts` on an
 * existing PostgreSQL schema with many cases (by default `bench_scale_100000`, made by
 * `bench/scale.ts`, migrated to 0053 or later), for a local team's casusregisseur and a
 * provider's planner. Prints the median and p95 per kind of query, and the plan of one run
 * (EXPLAIN ANALYZE) with the indexes it used. Reads only: no audit records, nothing seeded.
 *
 *   npx tsx bench/case-search.ts [--schema bench_scale_100000 --runs 20 --plans]
 *   BENCH_DATABASE_URL=postgres://… (default: postgres://postgres@127.0.0.1:5432/test)
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { StaffRole } from '../src/domain/access/case-access.js';
import { caseSearchSelect, type CaseSearchQuery } from '../src/store/case-search.js';
import { openDatabase } from '../src/store/db.js';

const { values } = parseArgs({
  options: {
    schema: { type: 'string', default: 'bench_scale_100000' },
    runs: { type: 'string', default: '20' },
    plans: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

const { db, close } = await openDatabase({ url: URL, schema: values.schema });
try {
  const cases = await db
    .selectFrom('casus')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const actorOf = async (role: StaffRole, orgKind: 'lokaal-team' | 'aanbieder') => {
    const row = await db
      .selectFrom('staff')
      .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
      .select(['staff.id', 'staff.organisation_id'])
      .where('organisation.kind', '=', orgKind)
      .where(sql<boolean>`${role} = any(staff.roles)`)
      .orderBy('staff.id')
      .executeTakeFirstOrThrow();
    return { staffId: row.id, organisationId: row.organisation_id, roles: [role] };
  };
  const team = await actorOf('casusregisseur', 'lokaal-team');
  const provider = await actorOf('planner', 'aanbieder');
  // Real values from the data: a frequent surname, a child with a BSN and birth date.
  const child = await db
    .selectFrom('person')
    .innerJoin('casus', 'casus.household_id', 'person.household_id')
    .select(['person.name', 'person.bsn', 'person.birth_date'])
    .where('casus.responsible_team_id', '=', team.organisationId)
    .where('person.bsn', 'is not', null)
    .orderBy('person.id')
    .executeTakeFirstOrThrow();
  const surname = child.name.split(' ').at(-1) ?? child.name;
  const [y, m, d] = (child.birth_date ?? '2014-01-01').split('-');
  const queries: [string, CaseSearchQuery][] = [
    [`name, 2 letters "${surname.slice(0, 2)}"`, { kind: 'naam', text: surname.slice(0, 2) }],
    [`name part "${surname.slice(1, 5)}"`, { kind: 'naam', text: surname.slice(1, 5) }],
    [`surname "${surname}"`, { kind: 'naam', text: surname.toLowerCase() }],
    ['no match "qxzv"', { kind: 'naam', text: 'qxzv' }],
    ['BSN (exact)', { kind: 'bsn', bsn: child.bsn ?? '' }],
    [`date of birth ${d}-${m}-${y}`, { kind: 'geboortedatum', date: child.birth_date ?? '' }],
  ];
  const now = new Date();
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  const version = await sql<{ v: string }>`select version() as v`.execute(db);
  console.log(`database: ${version.rows[0]?.v.split(' on ')[0] ?? '?'}, schema ${values.schema}`);
  console.log(`cases: ${cases.n}; ${RUNS} runs per query, after one warm-up run\n`);
  for (const [who, actor] of [
    ['casusregisseur (local team)', team],
    ['planner (provider)', provider],
  ] as const) {
    console.log(who);
    for (const [label, query] of queries) {
      const select = caseSearchSelect(db, actor, query, now);
      const warm = await select.execute();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await select.execute();
        times.push(performance.now() - start);
      }
      const compiled = select.compile();
      const plan = await db.executeQuery<{ 'QUERY PLAN': string }>({
        ...compiled,
        sql: `explain (analyze, buffers) ${compiled.sql}`,
      });
      const lines = plan.rows.map((r) => r['QUERY PLAN']);
      const indexes = [
        ...new Set(
          lines.flatMap(
            (l) =>
              /(?:Index Scan|Index Only Scan) using (\w+)|Bitmap Index Scan on (\w+)/
                .exec(l)
                ?.slice(1)
                .filter((x) => x !== undefined) ?? [],
          ),
        ),
      ];
      const seq = [...new Set(lines.flatMap((l) => /Seq Scan on (\w+)/.exec(l)?.[1] ?? []))];
      console.log(
        `  ${label.padEnd(28)} ${String(warm.length).padStart(3)} hits  p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  indexes: ${indexes.join(', ') || '-'}${seq.length ? `  seq scans: ${seq.join(', ')}` : ''}`,
      );
      if (values.plans) console.log(lines.map((l) => `      ${l}`).join('\n'));
    }
  }
} finally {
  await close();
}
