/**
 * Management dashboards through the API (issue 9, ADR 0024) on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL. A small fixed world in Lekstroom (LEK): municipality G with
 * teams Noord and Zuid. Noord's casusregisseurs Anna (1.0 FTE) and Bram (0.5 FTE) hold eight
 * families; Zuid's Cor (1.0 FTE) one. Every expected number is counted by hand below. The team
 * lead of Noord sees Noord unsuppressed; management and the contract manager see the region
 * with small cells hidden; anyone else gets 403.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/store/db.js';
import { type MiWorld, miWorld } from '../support/mi-world.js';
import { engines } from './databases.js';

interface DashboardBody {
  naam: string;
  onderdrukt: boolean;
  niveau: string;
  periode: { van: string; tot: string };
  regels: { regel: string; opmerking: string | null }[];
  tabellen: {
    id: string;
    kolommen: string[];
    rijen: { label: string; cellen: (number | string | null)[] }[];
  }[];
}

const PERIOD = 'van=2026-01-01&tot=2026-03-31';

describe.each(engines)('management dashboards on %s', (engine) => {
  let world: MiWorld;
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const as = (who: string) => world.as(who);
  const id = (key: string) => world.id(key);

  const get = async (who: string, url: string) => {
    const res = await as(who).request('GET', url);
    return res;
  };
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
    world = await miWorld(engine, new Date('2026-03-20T10:00:00+01:00'));
    ({ opened, app } = world);
    const { org, familyCase } = world;
    await org('G', 'gemeente', 'Gemeente G', 'LEK');
    await org('noord', 'lokaal-team', 'Team Noord', 'LEK', id('G'));
    await org('zuid', 'lokaal-team', 'Team Zuid', 'LEK', id('G'));
    await org('aanbieder', 'aanbieder', 'Aanbieder', 'LEK');
    const accounts: [string, string, string[]][] = [
      ['anna', id('noord'), ['casusregisseur']],
      ['bram', id('noord'), ['casusregisseur']],
      ['cor', id('zuid'), ['casusregisseur']],
      ['leider', id('noord'), ['teamleider']],
      ['management', id('G'), ['management']],
      ['contract', id('G'), ['contractmanager']],
      ['backoffice', id('G'), ['backoffice']],
      ['planner', id('aanbieder'), ['planner']],
    ];
    await world.staff(accounts, 'dashboards.nl', { nameAfterKey: true });
    await opened.db.updateTable('staff').set({ fte: '0.5' }).where('id', '=', id('bram')).execute();
    // Noord. Anna: families 1 and 2; Bram: families 3 to 8.
    await familyCase(1, id('noord'), id('anna'), 'huisarts', '2026-01-05', '2026-01-15'); // 10 d
    await familyCase(2, id('noord'), id('anna'), null, '2026-01-10', '2026-02-09'); // 30 d
    await familyCase(3, id('noord'), id('bram'), 'jeugdarts', '2026-02-02', null); // waiting
    for (let n = 4; n <= 8; n += 1)
      await familyCase(n, id('noord'), id('bram'), 'huisarts', '2026-02-10', '2026-02-20'); // 10 d
    // Zuid. Cor: family 9, route B.
    await familyCase(9, id('zuid'), id('cor'), 'huisarts', '2026-03-02', '2026-03-05', 'B');
  });
  afterAll(() => world?.close());

  it('caseload: the team lead sees the own team per casusregisseur against 13 per FTE', async () => {
    const d = await dashboard('leider', 'caseload');
    expect(d.onderdrukt).toBe(false);
    expect(d.niveau).toBe('team');
    // LEK has no norm of its own: ZTM's 13 families per FTE applies in every region.
    expect(d.regels).toEqual([{ regel: 'ZTM-NORM-CASELOAD', opmerking: 'geldt in elke regio' }]);
    // Columns: families, FTE, norm (13 × FTE), occupation (% of norm).
    expect(table(d, 'caseload-casusregisseur')).toEqual({
      anna: [2, 1, 13, 15], // 2 / 13 = 0.15
      bram: [6, 0.5, 6.5, 92], // 6 / 6.5 = 0.923 → 0.92
    });
    // Noord: 8 families, 1.5 FTE, 19.5; 8 / 19.5 = 0.41. Zuid is not the lead's team.
    expect(table(d, 'caseload-team')).toEqual({ 'Team Noord': [8, 1.5, 19.5, 41] });
  });

  it('caseload: the contract manager sees teams only, with small counts hidden', async () => {
    const d = await dashboard('contract', 'caseload');
    expect(d.onderdrukt).toBe(true);
    expect(d.tabellen.map((t) => t.id)).toEqual(['caseload-team']);
    // Zuid has 1 family: "< 5", and no percentage that would give it away.
    expect(table(d, 'caseload-team')).toEqual({
      'Team Noord': [8, 1.5, 19.5, 41],
      'Team Zuid': ['< 5', 1, 13, null],
    });
  });

  it('inflow per month by route: own team in full, the region suppressed', async () => {
    // Noord: January families 1 and 2, February 3 to 8, March none.
    expect(table(await dashboard('leider', 'instroom'), 'instroom-route')).toEqual({
      'jan 2026': [2, 0, 0, 2],
      'feb 2026': [6, 0, 0, 6],
      'mrt 2026': [0, 0, 0, 0],
      Totaal: [8, 0, 0, 8],
    });
    // Region: March adds Zuid's route-B family. 2 and 1 are below 5 (and their row totals, and
    // column B's total of 1); the totals row would give column B away (9 − 8 − 0), so its
    // smallest other non-zero cell, column A's total 8, is hidden as "x".
    expect(table(await dashboard('contract', 'instroom'), 'instroom-route')).toEqual({
      'jan 2026': ['< 5', 0, 0, '< 5'],
      'feb 2026': [6, 0, 0, 6],
      'mrt 2026': [0, '< 5', 0, '< 5'],
      Totaal: ['x', '< 5', 0, 9],
    });
  });

  it('inflow by referrer type', async () => {
    // Huisarts: 1 (Jan), 5 (Feb); none: 1 (Jan, family 2); jeugdarts: 1 (Feb, family 3).
    expect(table(await dashboard('leider', 'instroom'), 'instroom-verwijzer')).toEqual({
      'jan 2026': [1, 0, 0, 1, 2],
      'feb 2026': [5, 1, 0, 0, 6],
      'mrt 2026': [0, 0, 0, 0, 0],
      Totaal: [6, 1, 0, 1, 8],
    });
  });

  it('waiting time to the start of help against LEK-TERM-START-AMBULANT', async () => {
    const d = await dashboard('leider', 'wachttijden');
    // Route A waits: 10, 30, 10 × 5 → sorted 10,10,10,10,10,10,30: median the 4th = 10;
    // p90 rank ⌈0.9 × 7⌉ = 7 → 30. Family 3 still waits.
    expect(table(d, 'wachttijd-route')).toEqual({
      'Route A': [7, 1, 10, 30],
      'Route B': [0, 0, null, null],
      'Route C': [0, 0, null, null],
    });
    // Eight weeks: all seven started in time; family 3's runs until 30 March (open).
    expect(table(d, 'wachttijd-termijn')).toEqual({
      'LEK-TERM-START-AMBULANT (route A)': [7, 0, 0, 1, 8],
      Totaal: [7, 0, 0, 1, 8],
    });
    expect(d.regels.map((r) => r.regel)).toEqual(['LEK-TERM-START-AMBULANT']);
  });

  it('deadline compliance per rule, for deadlines due in the period', async () => {
    // LEK-TERM-START-AMBULANT due: family 1 on 2 March (met), family 2 on 7 March (met),
    // family 3 on 30 March (open); families 4-8 on 7 April, after the period.
    const own = table(await dashboard('leider', 'termijnen'), 'termijnen-regel');
    expect(own['LEK-TERM-START-AMBULANT']).toEqual([2, 0, 0, 1, 3]);
    const region = table(await dashboard('contract', 'termijnen'), 'termijnen-regel');
    const row = region['LEK-TERM-START-AMBULANT'] ?? [];
    expect([row[0], row[3], row[4]]).toEqual(['< 5', '< 5', '< 5']);
  });

  it('filters by municipality and team within the reader’s reach', async () => {
    const zuid = await dashboard('management', 'caseload', `${PERIOD}&team=${id('zuid')}`);
    expect(table(zuid, 'caseload-team')).toEqual({ 'Team Zuid': ['< 5', 1, 13, null] });
    const g = await dashboard('management', 'instroom', `${PERIOD}&gemeente=${id('G')}`);
    expect(table(g, 'instroom-route')['Totaal']).toEqual(['x', '< 5', 0, 9]);
  });

  it('refuses other roles and anything outside the reach with 403', async () => {
    for (const who of ['planner', 'anna', 'backoffice']) {
      const res = await get(who, `/api/v1/dashboards/caseload?${PERIOD}`);
      expect(res.statusCode, who).toBe(403);
    }
    const otherTeam = await get('leider', `/api/v1/dashboards/instroom?team=${id('zuid')}`);
    expect(otherTeam.statusCode).toBe(403);
    expect(otherTeam.json().error.fields).toEqual([
      expect.objectContaining({ path: 'querystring.team' }),
    ]);
    const otherRegion = await get('contract', '/api/v1/dashboards/instroom?regio=RIJ');
    expect(otherRegion.statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/dashboards/caseload' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses bad input naming the parameter', async () => {
    const badDate = await get('leider', '/api/v1/dashboards/instroom?van=2026-13-01');
    expect(badDate.statusCode).toBe(400);
    expect(JSON.stringify(badDate.json())).toContain('querystring.van');
    const reversed = await get(
      'leider',
      '/api/v1/dashboards/instroom?van=2026-03-01&tot=2026-01-01',
    );
    expect(reversed.statusCode).toBe(400);
    expect((await get('leider', '/api/v1/dashboards/onbekend')).statusCode).toBe(400);
    const badTable = await get('leider', '/api/v1/dashboards/instroom?formaat=csv&tabel=nee');
    expect(badTable.statusCode).toBe(400);
  });

  it('exports a table as CSV with the same (suppressed) numbers', async () => {
    const res = await get(
      'contract',
      `/api/v1/dashboards/instroom?${PERIOD}&formaat=csv&tabel=instroom-route`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toEqual([
      'Maand;Route A;Route B;Route C;Totaal',
      'jan 2026;< 5;0;0;< 5',
      'feb 2026;6;0;0;6',
      'mrt 2026;0;< 5;0;< 5',
      'Totaal;x;< 5;0;9',
    ]);
  });

  it('audits every read', async () => {
    const before = await opened.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'dashboard.lezen')
      .where('staff_id', '=', id('management'))
      .execute();
    await dashboard('management', 'wachttijden');
    const after = await opened.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'dashboard.lezen')
      .where('staff_id', '=', id('management'))
      .execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.map((a) => a.details)).toContainEqual(
      expect.objectContaining({ dashboard: 'wachttijden', onderdrukt: true }),
    );
  });
});
