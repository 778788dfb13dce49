/**
 * Demo allocations and budgets for the budget dashboard (issue 9, GRO-DEC-BUDGET). The case
 * generator records when help started but issues no allocations; here most cases whose help
 * started get one, for the provider that took behandelregie (else one of the region's), with
 * a product of the demo catalogue that fits the case's segment, valued as GRO-DEC-BUDGET
 * values it (`valueInYear`). Each municipality then gets a budget for this year and last year,
 * sized to what was allocated so that some run out within the year and some do not. The same
 * seed and moment give the same rows (apart from generated ids); no audit records, as for the
 * rest of the demo data.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { valueInYear } from '../domain/allocation/budget.js';
import { formatIsoDate, localDay, ymdFromDay } from '../domain/time/index.js';
import type { Database } from '../store/schema.js';
import type { DemoOrganisations } from './organisations.js';
import { Random, streamSeed } from './random.js';

/** Streams 0 (organisations) and 1…n (cases) are taken; negative ones are free. */
const BUDGET_STREAM = -2;
const SHARE_WITH_ALLOCATION = 0.8;
const DAY = 86_400_000;
const ROWS_PER_INSERT = 1000;

interface StartedCase {
  readonly id: string;
  readonly region: string;
  readonly segment: string;
  readonly createdAt: Date;
  readonly closedAt: Date | null;
  readonly startedAt: Date;
  /** The provider that took behandelregie first, if any. */
  readonly providerId: string | null;
}

async function startedCases(
  db: Kysely<Database>,
  organisationIds: readonly string[],
): Promise<StartedCase[]> {
  const rows = await db
    .selectFrom('casus')
    .innerJoin('case_event as e', (join) =>
      join.onRef('e.case_id', '=', 'casus.id').on('e.type', '=', 'start-hulp'),
    )
    .select((eb) => [
      'casus.id',
      'casus.region',
      'casus.segment',
      'casus.created_at',
      'casus.closed_at',
      eb.fn.min('e.at').as('started'),
      eb
        .selectFrom('case_role as r')
        .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
        .select('r.organisation_id')
        .whereRef('r.case_id', '=', 'casus.id')
        .where('r.role', '=', 'behandelregie')
        .where('o.kind', '=', 'aanbieder')
        .orderBy('r.starts_at')
        .limit(1)
        .as('provider'),
    ])
    .where('casus.registered_by_org_id', 'in', [...organisationIds])
    .groupBy('casus.id')
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      region: r.region,
      segment: r.segment,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      startedAt: new Date(r.started),
      providerId: r.provider ?? null,
    }))
    .sort(
      (a, b) =>
        a.startedAt.getTime() - b.startedAt.getTime() ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        a.segment.localeCompare(b.segment),
    );
}

/**
 * Inserts the demo allocations of the cases whose help started, and the budgets of every
 * demo municipality for the year of `now` and the year before (replacing any row there).
 */
export async function insertDemoBudgets(
  db: Kysely<Database>,
  plan: DemoOrganisations,
  seed: number,
  now: Date,
): Promise<void> {
  const rng = new Random(streamSeed(seed, BUDGET_STREAM));
  const year = ymdFromDay(localDay(now.getTime())).year;
  const products = await db
    .selectFrom('product')
    .select(['region', 'code', 'segment', 'unit', 'frequency', 'tariff_cents'])
    .where(
      'region',
      'in',
      plan.regions.map((r) => r.setup.region),
    )
    .orderBy('region')
    .orderBy('code')
    .execute();
  const cases = await startedCases(
    db,
    plan.organisations.map((o) => o.id),
  );
  const byRegion = new Map(plan.regions.map((r) => [r.setup.region, r]));
  const numbers = new Map<string, number>();
  const rows: Insertable<Database['allocation']>[] = [];
  const allocated = new Map<string, number>();
  for (const c of cases) {
    if (!rng.chance(SHARE_WITH_ALLOCATION)) continue;
    const region = byRegion.get(c.region);
    const own = products.filter((p) => p.region === c.region);
    if (!region || own.length === 0 || region.providers.length === 0) continue;
    const product = own.find((p) => p.segment === c.segment) ?? rng.pick(own);
    const providerId = c.providerId ?? rng.pick(region.providers).id;
    const start = localDay(c.startedAt.getTime());
    const end = c.closedAt === null ? null : Math.max(start, localDay(c.closedAt.getTime()));
    // Residential care by the day, seven a week; other care some hours or parts of a day.
    const volume = product.unit === '14' ? 7 : rng.int(2, 6);
    const line = {
      volume,
      frequency: product.frequency,
      tariffCents: product.tariff_cents,
      start: formatIsoDate(start),
      end: end === null ? null : formatIsoDate(end),
    };
    const startYear = ymdFromDay(start).year;
    const valueCents = valueInYear(line, startYear);
    // Decided a few days before the start, not before the case was registered.
    const decided = Math.max(c.startedAt.getTime() - rng.int(3, 21) * DAY, c.createdAt.getTime());
    const number = (numbers.get(c.region) ?? 0) + 1;
    numbers.set(c.region, number);
    const code = region.setup.cbsCode;
    rows.push({
      id: randomUUID(),
      case_id: c.id,
      region: c.region,
      provider_id: providerId,
      // Below the 300000 where issued allocations begin (ijw/allocate.ts).
      number: `2${String(number).padStart(5, '0')}`,
      product_code: product.code,
      start_date: line.start,
      end_date: line.end,
      status: end === null ? 'gestart' : 'gestopt',
      created_at: new Date(decided),
      municipality_code: code,
      volume,
      unit: product.unit,
      frequency: product.frequency,
      value_cents: valueCents,
    });
    const key = `${code}:${startYear}`;
    allocated.set(key, (allocated.get(key) ?? 0) + valueCents);
  }
  // A budget of 85 % to 135 % of what was allocated in the year (at least € 10,000), in
  // whole € 1,000s: some municipalities run out before the year ends, others do not.
  const budgets = plan.regions.flatMap((r) =>
    [year - 1, year].map((y) => {
      const base = Math.max(
        (allocated.get(`${r.setup.cbsCode}:${y}`) ?? 0) * rng.between(0.85, 1.35),
        1_000_000,
      );
      return {
        municipality_code: r.setup.cbsCode,
        year: y,
        amount_cents: Math.ceil(base / 100_000) * 100_000,
        updated_at: new Date(Date.UTC(y, 0, 1)),
        updated_by: null,
      };
    }),
  );
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
      await trx
        .insertInto('allocation')
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .execute();
    for (const b of budgets)
      await trx
        .insertInto('budget')
        .values(b)
        .onConflict((oc) =>
          oc.columns(['municipality_code', 'year']).doUpdateSet({ amount_cents: b.amount_cents }),
        )
        .execute();
  });
}
