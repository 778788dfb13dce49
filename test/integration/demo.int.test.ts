import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData, type DemoAccount } from '../../src/demo/generate.js';
import { STAFF_ROLES } from '../../src/domain/access/case-access.js';
import { caseEvents, caseFacts } from '../../src/domain/cases/engine-input.js';
import { isValidBsn } from '../../src/domain/people/bsn.js';
import { ageInYears, DEADLINE_STATUSES, evaluate } from '../../src/domain/rules/index.js';
import { localDay, parseIsoDate, startOfLocalDay } from '../../src/domain/time/index.js';
import { loadProfiles } from '../../src/regions/load.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { engines, freshDatabase } from './databases.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const CASES = 300;
const SEED = 7;

/** Hashing is slow and beside the point here. */
const fakeHash = (plain: string): Promise<string> => Promise.resolve(`nep:${plain}`);

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Every household member as one string; young people carry their BSN. */
async function households(db: OpenDatabase['db']): Promise<string[]> {
  const rows = await db
    .selectFrom('household')
    .innerJoin('person', 'person.household_id', 'household.id')
    .select(['household.label', 'person.name', 'person.birth_date', 'person.bsn'])
    .execute();
  return rows.map((r) => `${r.label}|${r.name}|${r.birth_date ?? ''}|${r.bsn ?? ''}`).sort();
}

describe.each(engines)('demo data on %s', (engine) => {
  let opened: OpenDatabase;
  let accounts: DemoAccount[];
  let hashCalls = 0;
  let fewerCases: string[];

  beforeAll(async () => {
    // A smaller run with the same seed first, to compare the households it makes.
    const small = await freshDatabase(engine);
    try {
      await generateDemoData(small.db, { cases: 40, seed: SEED, now: NOW, hashPassword: fakeHash });
      fewerCases = await households(small.db);
    } finally {
      await small.close();
    }
    opened = await freshDatabase(engine);
    const result = await generateDemoData(opened.db, {
      cases: CASES,
      seed: SEED,
      now: NOW,
      hashPassword: (plain) => {
        hashCalls += 1;
        return fakeHash(plain);
      },
    });
    accounts = result.accounts;
    expect(result.cases).toBe(CASES);
  });
  afterAll(() => opened.close());

  it('spreads the cases over all five regions and all three routes, as routes require', async () => {
    const cases = await opened.db.selectFrom('casus').selectAll().execute();
    expect(cases).toHaveLength(CASES);
    expect(new Set(cases.map((c) => c.region))).toEqual(
      new Set(['RIJ', 'LEK', 'ZTM', 'ZOU', 'GRO']),
    );
    const byRoute = groupBy(cases, (c) => c.route);
    expect([...byRoute.keys()].sort()).toEqual(['A', 'B', 'C']);
    expect(byRoute.get('A')?.length).toBeGreaterThan(byRoute.get('B')?.length ?? 0);
    for (const c of byRoute.get('C') ?? []) {
      expect(c.measure).not.toBeNull();
      expect(c.court_order_date).not.toBeNull();
    }
    for (const c of byRoute.get('B') ?? []) {
      expect(c.referrer_type).not.toBeNull();
      expect(c.referrer_code).toMatch(/^\d{8}$/);
    }
    for (const c of byRoute.get('A') ?? []) {
      expect(c.measure).toBeNull();
      expect(c.responsible_team_id).toBe(c.registered_by_org_id);
    }
  });

  it('gives households of 1-3 young people aged 0-17 with valid, unique BSNs, and 1-2 parents', async () => {
    const persons = await opened.db.selectFrom('person').selectAll().execute();
    const young = persons.filter((p) => p.kind === 'jeugdige');
    const bsns = young.map((p) => p.bsn);
    expect(bsns.every((b) => b !== null && isValidBsn(b))).toBe(true);
    expect(new Set(bsns).size).toBe(bsns.length);
    const today = localDay(NOW.getTime());
    const ages = young.map((p) => ageInYears(parseIsoDate(p.birth_date ?? '') ?? today + 1, today));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(17);
    expect(ages.filter((a) => a >= 16).length).toBeGreaterThan(0);
    for (const members of groupBy(persons, (p) => p.household_id).values()) {
      const children = members.filter((p) => p.kind === 'jeugdige').length;
      expect(children).toBeGreaterThanOrEqual(1);
      expect(children).toBeLessThanOrEqual(3);
      expect(members.length - children).toBeGreaterThanOrEqual(1);
      expect(members.length - children).toBeLessThanOrEqual(2);
    }
  });

  it('keeps every event at or before now and not before the aanmelding (the court order precedes it)', async () => {
    const cases = await opened.db.selectFrom('casus').select(['id', 'court_order_date']).execute();
    const events = groupBy(
      await opened.db.selectFrom('case_event').selectAll().execute(),
      (e) => e.case_id,
    );
    for (const c of cases) {
      const timeline = events.get(c.id) ?? [];
      const registered = timeline.filter((e) => e.type === 'aanmelding');
      expect(registered).toHaveLength(1);
      const aanmelding = registered[0]?.at.getTime() ?? Number.NaN;
      for (const e of timeline) {
        expect(e.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(e.recorded_at.getTime()).toBeLessThanOrEqual(NOW.getTime());
        if (e.type === 'rechterlijke-opdracht') {
          const court = parseIsoDate(c.court_order_date ?? '');
          expect(e.at.getTime()).toBe(startOfLocalDay(court ?? 0));
          expect(e.at.getTime()).toBeLessThanOrEqual(aanmelding);
        } else expect(e.at.getTime()).toBeGreaterThanOrEqual(aanmelding);
        if (e.type === 'evaluatie') expect(e.kind).not.toBeNull();
        if (e.type === 'toekomstplan') expect(e.child_id).not.toBeNull();
        if (e.type === 'maatregel-einde') expect(e.date).not.toBeNull();
      }
    }
  });

  it('makes the rules engine show deadlines in every status', async () => {
    const { db } = opened;
    const profiles = loadProfiles();
    const cases = await db.selectFrom('casus').selectAll().execute();
    const persons = groupBy(
      await db.selectFrom('person').selectAll().execute(),
      (p) => p.household_id,
    );
    const events = groupBy(
      await db.selectFrom('case_event').selectAll().execute(),
      (e) => e.case_id,
    );
    const statuses = new Map<string, number>();
    for (const c of cases) {
      const profile = profiles.get(c.region);
      if (!profile) throw new Error(`no profile ${c.region}`);
      const facts = caseFacts(
        { ...c, facts: c.facts as Record<string, unknown> },
        (persons.get(c.household_id) ?? []).map((p) => ({ ...p, birthDate: p.birth_date })),
      );
      const timeline = caseEvents(
        (events.get(c.id) ?? []).map((e) => ({ ...e, childId: e.child_id })),
      );
      for (const d of evaluate(profile, facts, timeline, NOW.getTime()).deadlines)
        statuses.set(d.status, (statuses.get(d.status) ?? 0) + 1);
    }
    for (const status of DEADLINE_STATUSES) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
  });

  it('starts every case with the role setup of registerRequest and keeps a role history', async () => {
    const { db } = opened;
    const cases = await db.selectFrom('casus').selectAll().execute();
    const roles = groupBy(await db.selectFrom('case_role').selectAll().execute(), (r) => r.case_id);
    const gis = new Set(
      (await db.selectFrom('organisation').select('id').where('kind', '=', 'gi').execute()).map(
        (o) => o.id,
      ),
    );
    let handedOver = 0;
    for (const c of cases) {
      const all = roles.get(c.id) ?? [];
      const initial = all
        .filter((r) => r.reason === 'bij registratie')
        .map((r) => [r.role, r.holder, r.starts_at.getTime()]);
      const at = c.created_at.getTime();
      if (c.route === 'A')
        expect(initial).toEqual(
          expect.arrayContaining([
            ['procesregie', 'organisatie', at],
            ['casusregie', 'gezin', at],
          ]),
        );
      if (c.route === 'B')
        expect(initial).toEqual(
          expect.arrayContaining([
            ['behandelregie', 'organisatie', at],
            ['casusregie', 'gezin', at],
          ]),
        );
      if (c.route === 'C') {
        expect(initial).toEqual(
          expect.arrayContaining([
            ['procesregie', 'organisatie', at],
            ['casusregie', 'professional', at],
          ]),
        );
        expect(gis.has(c.registered_by_org_id)).toBe(true);
      }
      expect(initial).toHaveLength(2);
      for (const r of all) {
        expect(r.starts_at.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(r.starts_at.getTime()).toBeGreaterThanOrEqual(at);
        if (r.ends_at) expect(r.ends_at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
      // Closed cases hold no running role.
      if (c.closed_at) expect(all.every((r) => r.ends_at !== null)).toBe(true);
      const casusregie = all.filter((r) => r.role === 'casusregie');
      if (casusregie.length > 1 && casusregie.some((r) => r.ends_at !== null)) handedOver += 1;
    }
    expect(handedOver).toBeGreaterThan(CASES / 10);
  });

  it('has an account for every staff role, all with the one shared hash', async () => {
    const roles = new Set(accounts.flatMap((a) => a.roles));
    expect([...roles].sort()).toEqual([...STAFF_ROLES].sort());
    expect(accounts.every((a) => a.roles.every((r) => STAFF_ROLES.includes(r)))).toBe(true);
    expect(new Set(accounts.map((a) => a.region))).toEqual(
      new Set(['RIJ', 'LEK', 'ZTM', 'ZOU', 'GRO']),
    );
    expect(accounts.map((a) => a.email)).toContain('casusregisseur.lek@demo.casusregie.nl');
    expect(hashCalls).toBe(1);
    const staff = await opened.db.selectFrom('staff').select(['email', 'password_hash']).execute();
    expect(staff.map((s) => s.email).sort()).toEqual(accounts.map((a) => a.email).sort());
    expect(new Set(staff.map((s) => s.password_hash))).toEqual(
      new Set([await fakeHash(accounts[0]?.password ?? '')]),
    );
  });

  it('gives the same households for the same seed, whatever the number of cases', async () => {
    // Case n comes from its own stream: fewer cases with the same seed are a subset.
    const all = new Set(await households(opened.db));
    expect(fewerCases.length).toBeGreaterThan(40);
    expect(fewerCases.filter((h) => !all.has(h))).toEqual([]);
  });

  it('refuses a database that already holds demo data', async () => {
    await expect(
      generateDemoData(opened.db, { cases: 1, now: NOW, hashPassword: fakeHash }),
    ).rejects.toThrow(/al demodata/);
  });
});
