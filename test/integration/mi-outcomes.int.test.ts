/**
 * The outcome and provider dashboards through the API (issue 9, ADR 0024) on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL. A small fixed world in Lekstroom (LEK): municipality G with
 * teams Noord and Zuid, providers Een and Twee of the region and Elders from Rijnmond. Ten
 * provider scores, every expected number worked out by hand below. The team lead of Noord sees
 * Noord's cases in full; the contract manager and management see the region with small rows
 * hidden; a provider and a casusregisseur get 403.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_CRITERIA } from '../../src/domain/performance/provider-score.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface DashboardBody {
  onderdrukt: boolean;
  tabellen: {
    id: string;
    kolommen: string[];
    rijen: { label: string; cellen: (number | string | null)[] }[];
  }[];
}

const PERIOD = 'van=2026-01-01&tot=2026-03-31';

type Goal = 'bereikt' | 'deels' | 'niet-bereikt';
const GOAL: Readonly<Record<string, Goal>> = { B: 'bereikt', D: 'deels', N: 'niet-bereikt' };

interface Score {
  team: 'noord' | 'zuid';
  route: 'A' | 'B';
  provider: 'een' | 'twee' | 'elders';
  at: string;
  satisfaction: number | null;
  goals: Goal[];
  dropOut: boolean;
  waiting: number | null;
  onvoldoende: string[];
}

// Goals: B bereikt, D deels, N niet bereikt. A score's goal share is the mean over its goals of
// bereikt 1, deels ½, niet bereikt 0 (last column).
// prettier-ignore
const SCORES: Score[] = ([
  // team   route provider   scored at     satisf. goals drop-out waited onvoldoende        share
  ['noord', 'A', 'een',    '2026-01-10', 8,    'BB', false, 10,   []], //                      1
  ['noord', 'A', 'een',    '2026-01-20', 6,    'D',  false, 20,   ['klachten']], //            ½
  ['noord', 'A', 'een',    '2026-02-05', null, 'N',  true,  30,   ['samenwerking', 'snelheid']], // 0
  ['noord', 'B', 'een',    '2026-02-15', 9,    'B',  false, null, []], //                      1
  ['noord', 'A', 'een',    '2026-03-02', 7,    'BD', false, 12,   []], //                      ¾
  ['noord', 'A', 'twee',   '2026-03-05', 4,    'N',  true,  40,   ['bereikbaarheid']], //      0
  // Before the period: counted nowhere.
  ['noord', 'A', 'een',    '2025-12-15', 1,    'N',  true,  99,   []],
  ['zuid',  'A', 'twee',   '2026-01-12', 8,    'B',  false, 5,    []], //                      1
  ['zuid',  'B', 'twee',   '2026-02-20', 7,    'B',  false, 7,    []], //                      1
  ['zuid',  'A', 'elders', '2026-03-10', 5,    'D',  false, 15,   []], //                      ½
] as const).map(([team, route, provider, at, satisfaction, goals, dropOut, waiting, onvoldoende]) => ({
  team,
  route,
  provider,
  at,
  satisfaction,
  goals: [...goals].map((g) => GOAL[g] as Goal),
  dropOut,
  waiting,
  onvoldoende: [...onvoldoende],
}));

describe.each(engines)('outcome and provider dashboards on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clock = { now: () => new Date('2026-03-20T10:00:00+01:00') };
  const clients = new Map<string, Client>();
  const ids = new Map<string, string>();
  const id = (key: string) => ids.get(key) as string;

  const org = async (
    key: string,
    kind: 'gemeente' | 'lokaal-team' | 'aanbieder',
    name: string,
    region = 'LEK',
    parent: string | null = null,
  ) => {
    const orgId = await createOrganisation(opened.db, kind, region);
    await opened.db
      .updateTable('organisation')
      .set({ name, parent_id: parent })
      .where('id', '=', orgId)
      .execute();
    ids.set(key, orgId);
  };

  async function scoredCase(n: number, s: Score) {
    const household = await opened.db
      .insertInto('household')
      .values({ label: `Gezin ${n}`, region: 'LEK' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await opened.db
      .insertInto('casus')
      .values({
        household_id: household.id,
        region: 'LEK',
        route: s.route,
        segment: 'ambulant',
        measure: null,
        step: 'stap-3',
        responsible_team_id: id(s.team),
        registered_by_org_id: id(s.team),
        referrer_type: null,
        referrer_code: null,
        court_order_date: null,
        facts: JSON.stringify({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scorer = s.team === 'noord' ? 'anna' : 'cor';
    await opened.db
      .insertInto('provider_score')
      .values({
        case_id: c.id,
        region: 'LEK',
        provider_id: id(s.provider),
        closure_basis: 'casus-afgesloten',
        satisfaction: s.satisfaction,
        goals: JSON.stringify(
          s.goals.map((result, i) => ({ goalId: `doel-${i}`, description: 'Doel', result })),
        ),
        drop_out: s.dropOut,
        waiting_days: s.waiting,
        waiting_from: null,
        waiting_to: null,
        criteria: JSON.stringify(
          PROVIDER_CRITERIA.map((k) => ({
            key: k.key,
            rating: s.onvoldoende.includes(k.key) ? 'onvoldoende' : 'goed',
            remark: null,
          })),
        ),
        scored_by: id(scorer),
        scored_by_org: id(s.team),
        scored_at: new Date(`${s.at}T10:00:00+01:00`),
      })
      .execute();
  }

  const get = (who: string, url: string) => (clients.get(who) as Client).request('GET', url);
  const dashboard = async (who: string, name: string, query = PERIOD) => {
    const res = await get(who, `/api/v1/dashboards/${name}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as DashboardBody;
  };
  const table = (d: DashboardBody, tableId: string) => {
    const t = d.tabellen.find((x) => x.id === tableId);
    expect(t, tableId).toBeDefined();
    return Object.fromEntries((t?.rijen ?? []).map((r) => [r.label, r.cellen]));
  };

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    await org('G', 'gemeente', 'Gemeente G');
    await org('noord', 'lokaal-team', 'Team Noord', 'LEK', id('G'));
    await org('zuid', 'lokaal-team', 'Team Zuid', 'LEK', id('G'));
    await org('een', 'aanbieder', 'Aanbieder Een');
    await org('twee', 'aanbieder', 'Aanbieder Twee');
    await org('elders', 'aanbieder', 'Aanbieder Elders', 'RIJ');
    const accounts: [string, string, string[]][] = [
      ['anna', id('noord'), ['casusregisseur']],
      ['cor', id('zuid'), ['casusregisseur']],
      ['leider', id('noord'), ['teamleider']],
      ['management', id('G'), ['management']],
      ['contract', id('G'), ['contractmanager']],
      ['planner', id('een'), ['planner']],
    ];
    for (const [who, organisation, roles] of accounts) {
      const email = `${who}-${engine}@uitkomsten.nl`;
      ids.set(who, await staffAccount(opened, organisation, roles, email));
      const c = new Client(app);
      expect((await c.login(email)).statusCode).toBe(200);
      clients.set(who, c);
    }
    for (const [n, s] of SCORES.entries()) await scoredCase(n + 1, s);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('outcomes: the team lead sees the own team per month and route in full', async () => {
    const d = await dashboard('leider', 'uitkomsten');
    expect(d.onderdrukt).toBe(false);
    // Columns: scores, goals reached / partly / not, drop-outs, mean satisfaction.
    // Jan: Noord's first two scores: goals 2 + 0 / 1 / 0; satisfaction (8 + 6) / 2 = 7.
    // Feb: the drop-out (not asked) and route B's 9: goals 1 / 0 / 1.
    // Mar: goals 1 / 1 / 0 and 0 / 0 / 1; one drop-out; (7 + 4) / 2 = 5.5.
    // Total: 6 scores (not December's); satisfaction (8 + 6 + 9 + 7 + 4) / 5 = 6.8.
    expect(table(d, 'uitkomsten-maand')).toEqual({
      'jan 2026': [2, 2, 1, 0, 0, 7],
      'feb 2026': [2, 1, 0, 1, 1, 9],
      'mrt 2026': [2, 1, 1, 1, 1, 5.5],
      Totaal: [6, 4, 2, 2, 2, 6.8],
    });
    // Route A: five scores, goals 3 / 2 / 2, two drop-outs, (8 + 6 + 7 + 4) / 4 = 6.25 → 6.3.
    expect(table(d, 'uitkomsten-route')).toEqual({
      'Route A': [5, 3, 2, 2, 2, 6.3],
      'Route B': [1, 1, 0, 0, 0, 9],
      'Route C': [0, 0, 0, 0, 0, null],
      Totaal: [6, 4, 2, 2, 2, 6.8],
    });
  });

  it('providers: the team lead sees the providers on the own team’s cases', async () => {
    const d = await dashboard('leider', 'aanbieders');
    // Columns: scores, goal attainment (%), drop-out (%), median waiting days, mean
    // satisfaction, "onvoldoende" answers.
    // Een: shares 1, ½, 0, 1, ¾ → 3.25 / 5 = 65 %; 1 drop-out of 5 = 20 %; waited 10, 12, 20,
    // 30 → (12 + 20) / 2 = 16; satisfaction (8 + 6 + 9 + 7) / 4 = 7.5; onvoldoende 1 + 2 = 3.
    // Twee: one score, not reached, a drop-out, 40 days, 4, one onvoldoende.
    // Total: 3.25 / 6 = 54 %; 2 / 6 = 33 %; 10, 12, 20, 30, 40 → 20; 34 / 5 = 6.8; 4.
    // Elders scored only on Zuid's case: not shown to Noord's lead.
    expect(table(d, 'aanbieders-prestaties')).toEqual({
      'Aanbieder Een': [5, 65, 20, 16, 7.5, 3],
      'Aanbieder Twee': [1, 0, 100, 40, 4, 1],
      Totaal: [6, 54, 33, 20, 6.8, 4],
    });
  });

  it('outcomes: the contract manager sees the region with small rows hidden', async () => {
    const d = await dashboard('contract', 'uitkomsten');
    expect(d.onderdrukt).toBe(true);
    // Region per month: 3 scores each (Noord 2 + Zuid 1), total 9. Every month is below 5:
    // no figure of a month shows. Column bereikt 3, 2, 1 (total 6): all "< 5", total shown.
    // Deels 1, 0, 2 (total 3): "< 5", February's 0 hidden with its row ("x"), "< 5", "< 5".
    // Niet 0, 1, 1 (total 2) and drop-outs 0, 1, 1 (total 2): January's 0 "x", the rest "< 5".
    // Satisfaction over 8 answers: 54 / 8 = 6.75 → 6.8.
    expect(table(d, 'uitkomsten-maand')).toEqual({
      'jan 2026': ['< 5', '< 5', '< 5', 'x', 'x', null],
      'feb 2026': ['< 5', '< 5', 'x', '< 5', '< 5', null],
      'mrt 2026': ['< 5', '< 5', '< 5', '< 5', '< 5', null],
      Totaal: [9, 6, '< 5', '< 5', '< 5', 6.8],
    });
    // Route A 7 scores, B 2, C 0 (total 9): B is below 5 and the total would give it away, so
    // A is hidden too ("x"). Bereikt 4, 2 (6); deels 3, 0 (3); niet 2, 0; drop-outs 2, 0.
    expect(table(d, 'uitkomsten-route')).toEqual({
      'Route A': ['x', '< 5', '< 5', '< 5', '< 5', null],
      'Route B': ['< 5', '< 5', 'x', 'x', 'x', null],
      'Route C': [0, 0, 0, 0, 0, null],
      Totaal: [9, 6, '< 5', '< 5', '< 5', 6.8],
    });
  });

  it('providers: the contract manager sees figures only over 5 scores or more', async () => {
    const d = await dashboard('contract', 'aanbieders');
    // Scores 5, 3, 1 (total 9): Twee and Elders read "< 5" (two hidden, the total gives
    // neither away). Een's goal share stands on 5 scores; its waiting time (4
    // known) and satisfaction (4 answers) are left out. Onvoldoende 3, 1, 0 (total 4): "< 5",
    // "< 5", Elders' 0 hidden with its row, total "< 5".
    // Total: shares 3.25 + (0 + 1 + 1) + ½ = 5.75 / 9 = 64 %; 2 / 9 = 22 %; waited 5, 7, 10,
    // 12, 15, 20, 30, 40 → (12 + 15) / 2 = 13.5; satisfaction 6.8.
    // Elders is of another region but was scored on a case here: listed after the region's.
    // The drop-out shares rest on 1 drop-out (Een: 1 of 5) and 2 (total: 2 of 9): fewer than 5
    // families, so they are left out like the counts they would reveal.
    expect(table(d, 'aanbieders-prestaties')).toEqual({
      'Aanbieder Een': [5, 65, null, null, null, '< 5'],
      'Aanbieder Twee': ['< 5', null, null, null, null, '< 5'],
      'Aanbieder Elders': ['< 5', null, null, null, null, 'x'],
      Totaal: [9, 64, null, 13.5, 6.8, '< 5'],
    });
  });

  it('narrows to a team within the region', async () => {
    // Noord only: 6 scores, bereikt 2, 1, 1 (total 4) all below 5; satisfaction over 5.
    const d = await dashboard('management', 'uitkomsten', `${PERIOD}&team=${id('noord')}`);
    expect(table(d, 'uitkomsten-maand')['Totaal']).toEqual([6, '< 5', '< 5', '< 5', '< 5', 6.8]);
  });

  it('exports the provider table as CSV with the same hidden cells', async () => {
    const res = await get(
      'contract',
      `/api/v1/dashboards/aanbieders?${PERIOD}&formaat=csv&tabel=aanbieders-prestaties`,
    );
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[2]).toBe('Aanbieder Twee;< 5;;;;;< 5');
  });

  it('refuses a provider and a casusregisseur with 403', async () => {
    for (const who of ['planner', 'anna'])
      for (const name of ['uitkomsten', 'aanbieders']) {
        const res = await get(who, `/api/v1/dashboards/${name}?${PERIOD}`);
        expect(res.statusCode, `${who} ${name}`).toBe(403);
      }
  });

  it('audits every read', async () => {
    const reads = () =>
      opened.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'dashboard.lezen')
        .where('staff_id', '=', id('contract'))
        .execute();
    const before = (await reads()).length;
    await dashboard('contract', 'aanbieders');
    const after = await reads();
    expect(after.length).toBe(before + 1);
    expect(after.map((a) => a.details)).toContainEqual(
      expect.objectContaining({ dashboard: 'aanbieders', onderdrukt: true, van: '2026-01-01' }),
    );
  });
});
