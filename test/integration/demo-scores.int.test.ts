/**
 * The demo's provider scores (src/demo/scores.ts): the same seed gives the same scores, each
 * score is given by the casusregie side on help that had ended, never after "now", and with a
 * few hundred cases every region has a provider with five or more scores in the last twelve
 * months, so the suppressed provider dashboard shows figures (the demo's default is 3,000).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/demo/generate.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { engines, freshDatabase } from './databases.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const SEED = 11;
const fakeHash = (plain: string): Promise<string> => Promise.resolve(`nep:${plain}`);

/** Every score as one string, without generated ids. */
async function scores(db: OpenDatabase['db']): Promise<string[]> {
  const rows = await db
    .selectFrom('provider_score as s')
    .innerJoin('organisation as p', 'p.id', 's.provider_id')
    .innerJoin('staff', 'staff.id', 's.scored_by')
    .innerJoin('casus as c', 'c.id', 's.case_id')
    .select([
      'c.created_at',
      'p.name',
      'staff.email',
      's.satisfaction',
      's.drop_out',
      's.waiting_days',
      's.criteria',
      's.goals',
      's.scored_at',
    ])
    .execute();
  return rows
    .map((r) =>
      JSON.stringify([
        r.created_at.toISOString(),
        r.name,
        r.email,
        r.satisfaction,
        r.drop_out,
        r.waiting_days,
        r.criteria,
        (r.goals as { description: string; result: string }[]).map((g) => [
          g.description,
          g.result,
        ]),
        r.scored_at.toISOString(),
      ]),
    )
    .sort();
}

describe.each(engines)('demo provider scores on %s', (engine) => {
  let first: OpenDatabase;
  let second: OpenDatabase;

  beforeAll(async () => {
    [first, second] = await Promise.all([freshDatabase(engine), freshDatabase(engine)]);
    for (const db of [first, second])
      await generateDemoData(db.db, { cases: 600, seed: SEED, now: NOW, hashPassword: fakeHash });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('gives the same scores for the same seed', async () => {
    const a = await scores(first.db);
    expect(a.length).toBeGreaterThan(0);
    expect(await scores(second.db)).toEqual(a);
  });

  it('scores only ended help, by the casusregie side, never after now', async () => {
    const bad = await sql<{ id: string; why: string }>`
      select s.id, 'not ended' as why from provider_score s join casus c on c.id = s.case_id
       where (s.closure_basis = 'casus-afgesloten' and (c.closed_at is null or c.closed_at > s.scored_at))
          or (s.closure_basis = 'behandelregie-beeindigd' and exists (
               select 1 from case_role r where r.case_id = s.case_id and r.role = 'behandelregie'
                  and r.organisation_id = s.provider_id and (r.ends_at is null or r.ends_at > s.scored_at)))
      union all
      select s.id, 'scorer' from provider_score s join casus c on c.id = s.case_id
        join staff on staff.id = s.scored_by
       where staff.organisation_id <> s.scored_by_org
          or not (
               (c.responsible_team_id = s.scored_by_org and 'casusregisseur' = any(staff.roles))
            or exists (select 1 from case_role r where r.case_id = s.case_id
                        and r.role = 'casusregie' and r.staff_id = s.scored_by))
      union all
      select s.id, 'future' from provider_score s where s.scored_at > ${NOW}
      union all
      select s.id, 'region' from provider_score s join casus c on c.id = s.case_id
       where c.region <> s.region
    `.execute(first.db);
    expect(bad.rows).toEqual([]);
  });

  it('gives some provider of every region five or more scores in the last twelve months', async () => {
    const since = new Date(NOW.getTime() - 365 * 86_400_000);
    const rows = await first.db
      .selectFrom('provider_score')
      .select(['region', 'provider_id'])
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('scored_at', '>', since)
      .groupBy(['region', 'provider_id'])
      .execute();
    for (const region of ['RIJ', 'LEK', 'ZTM', 'ZOU', 'GRO'])
      expect(
        Math.max(0, ...rows.filter((r) => r.region === region).map((r) => Number(r.n))),
        region,
      ).toBeGreaterThanOrEqual(5);
  });
});
