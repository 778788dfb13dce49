/**
 * The budget dashboard (issue 9, ADR 0024, GRO-DEC-BUDGET) and the deadline trend through the
 * API, on PGlite and, with TEST_DATABASE_URL, PostgreSQL. A small fixed world in Lekstroom
 * (LEK): municipality G (code 0356, teams Noord and Zuid, budget € 100,000 for 2026) and
 * municipality H (code 0357, team Oost, no budget); in Rijnmond (RIJ) municipality R with a
 * contract manager. Today is 31 March 2026: 90 days of the year have passed. Every expected
 * number is worked out by hand below.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { Client, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface DashboardBody {
  naam: string;
  onderdrukt: boolean;
  regels: { regel: string; opmerking: string | null }[];
  tabellen: {
    id: string;
    kolommen: string[];
    rijen: { label: string; cellen: (number | string | null)[] }[];
  }[];
}

const PERIOD = 'van=2026-01-01&tot=2026-03-31';

describe.each(engines)('budget dashboard on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clock = { now: () => new Date('2026-03-31T12:00:00+02:00') };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (key: string) => ids.get(key) as string;
  let number = 0;

  const org = async (
    kind: 'gemeente' | 'lokaal-team' | 'aanbieder',
    name: string,
    region: string,
    agb: string | null,
    parent?: string,
  ) =>
    (
      await opened.db
        .insertInto('organisation')
        .values({ kind, name, region, agb_code: agb, parent_id: parent ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  async function allocation(
    municipality: string,
    product: 'P-AMB' | 'P-VBL',
    decided: string,
    start: string,
    valueCents: number,
    status: 'gestart' | 'ingetrokken' = 'gestart',
  ) {
    number += 1;
    await opened.db
      .insertInto('allocation')
      .values({
        case_id: id('case'),
        region: 'LEK',
        provider_id: id('aanbieder'),
        number: String(number),
        product_code: product,
        start_date: start,
        end_date: null,
        status,
        created_at: new Date(`${decided}T10:00:00+01:00`),
        municipality_code: municipality,
        volume: 1,
        unit: '04',
        frequency: '2',
        value_cents: valueCents,
      })
      .execute();
  }

  const dashboard = async (who: string, name: string, query = PERIOD) => {
    const res = await as(who).request('GET', `/api/v1/dashboards/${name}?${query}`);
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
    ids.set('G', await org('gemeente', 'Gemeente G', 'LEK', '0356'));
    ids.set('H', await org('gemeente', 'Gemeente H', 'LEK', '0357'));
    ids.set('R', await org('gemeente', 'Gemeente R', 'RIJ', '0599'));
    ids.set('noord', await org('lokaal-team', 'Team Noord', 'LEK', null, id('G')));
    ids.set('zuid', await org('lokaal-team', 'Team Zuid', 'LEK', null, id('G')));
    ids.set('oost', await org('lokaal-team', 'Team Oost', 'LEK', null, id('H')));
    ids.set('rteam', await org('lokaal-team', 'Team R', 'RIJ', null, id('R')));
    ids.set('aanbieder', await org('aanbieder', 'Aanbieder', 'LEK', '98000001'));
    const accounts: [string, string, string[]][] = [
      ['leider', id('noord'), ['teamleider']],
      ['contract', id('G'), ['contractmanager']],
      ['contract-r', id('R'), ['contractmanager']],
      ['backoffice', id('G'), ['backoffice']],
    ];
    for (const [who, organisation, roles] of accounts) {
      const email = `${who}-${engine}@budget-dashboard.nl`;
      ids.set(who, await staffAccount(opened, organisation, roles, email));
      const c = new Client(app);
      expect((await c.login(email)).statusCode).toBe(200);
      clients.set(who, c);
    }
    const household = await opened.db
      .insertInto('household')
      .values({ label: 'Gezin 1', region: 'LEK' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await opened.db
      .insertInto('casus')
      .values({
        household_id: household.id,
        region: 'LEK',
        route: 'A',
        segment: 'ambulant',
        measure: null,
        step: '1',
        responsible_team_id: id('noord'),
        registered_by_org_id: id('noord'),
        referrer_type: null,
        referrer_code: null,
        court_order_date: null,
        facts: JSON.stringify({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set('case', c.id);
    // The LEK catalogue: two products, two segments.
    for (const [code, segment] of [
      ['P-AMB', 'ambulant'],
      ['P-VBL', 'verblijf'],
    ] as const)
      await opened.db
        .insertInto('product')
        .values({
          region: 'LEK',
          code,
          category: '45',
          name: code,
          segment,
          freely_accessible: true,
          unit: '04',
          frequency: '2',
          tariff_cents: 10_000,
          valid_from: '2025-01-01',
          valid_to: null,
        })
        .execute();
    await opened.db
      .insertInto('budget')
      .values({
        municipality_code: '0356',
        year: 2026,
        amount_cents: 10_000_000,
        updated_at: new Date('2026-01-01T00:00:00Z'),
        updated_by: null,
      })
      .execute();
    // G, ambulant: six of 500,000 cents, two a month.
    for (const decided of [
      '2026-01-05',
      '2026-01-20',
      '2026-02-03',
      '2026-02-17',
      '2026-03-02',
      '2026-03-16',
    ])
      await allocation('0356', 'P-AMB', decided, '2026-04-01', 500_000);
    // G, verblijf: two, 1,200,000 and 1,800,000 cents.
    await allocation('0356', 'P-VBL', '2026-02-10', '2026-02-15', 1_200_000);
    await allocation('0356', 'P-VBL', '2026-03-20', '2026-03-25', 1_800_000);
    // Not counted: withdrawn, and one that started in 2025.
    await allocation('0356', 'P-AMB', '2026-01-08', '2026-01-15', 9_999_900, 'ingetrokken');
    await allocation('0356', 'P-AMB', '2025-11-20', '2025-12-01', 5_000_000);
    // H: one of 400,000 cents.
    await allocation('0357', 'P-AMB', '2026-02-15', '2026-03-01', 400_000);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('the team lead sees the own municipality against GRO-DEC-BUDGET, small segments hidden', async () => {
    const d = await dashboard('leider', 'budget');
    // The municipality's budget covers other teams' families: suppressed for a team lead too.
    expect(d.onderdrukt).toBe(true);
    expect(d.regels).toEqual([{ regel: 'GRO-DEC-BUDGET', opmerking: null }]);
    expect(d.tabellen.map((t) => t.id)).toEqual([
      'budget-gemeente',
      'budget-maand',
      'budget-segment-0356',
    ]);
    // G: 6 × 500,000 + 1,200,000 + 1,800,000 = 6,000,000 cents = € 60,000 of € 100,000:
    // € 40,000 left, 60 % used. Forecast 6,000,000 × 365 / 90 = 24,333,333 → € 243,333. Used up
    // on day ⌈10,000,000 × 90 / 6,000,000⌉ = 150 of the year: 30 May (120 days to 30 April).
    expect(table(d, 'budget-gemeente')).toEqual({
      'Gemeente G': [100_000, 60_000, 40_000, 60, 243_333, '30 mei 2026'],
    });
    // Verblijf rests on 2 allocations: "< 5"; the total would give it away, so ambulant (6)
    // is hidden as "x" too.
    expect(table(d, 'budget-segment-0356')).toEqual({
      ambulant: ['x', null],
      verblijf: ['< 5', null],
      Totaal: [60_000, 100],
    });
  });

  it('agrees with the municipality’s own budget view', async () => {
    const res = await as('backoffice').request('GET', '/api/v1/budget?jaar=2026');
    expect(res.json()).toMatchObject({ toegewezenCent: 6_000_000, resterendCent: 4_000_000 });
  });

  it('the contract manager sees every municipality of the region, suppressed', async () => {
    const d = await dashboard('contract', 'budget');
    expect(d.onderdrukt).toBe(true);
    // H: 400,000 cents = € 4,000; forecast 400,000 × 365 / 90 = 1,622,222 → € 16,222.
    expect(table(d, 'budget-gemeente')).toEqual({
      'Gemeente G': [100_000, 60_000, 40_000, 60, 243_333, '30 mei 2026'],
      'Gemeente H': [null, 4_000, null, null, 16_222, 'geen budget vastgelegd'],
    });
    // Verblijf rests on 2 allocations: "< 5"; the total would give it away, so ambulant (6)
    // is hidden as "x" too. H's one ambulant allocation: "< 5", and its empty verblijf "x".
    expect(table(d, 'budget-segment-0356')).toEqual({
      ambulant: ['x', null],
      verblijf: ['< 5', null],
      Totaal: [60_000, 100],
    });
    expect(table(d, 'budget-segment-0357')).toEqual({
      ambulant: ['< 5', null],
      verblijf: ['x', null],
      Totaal: [4_000, 100],
    });
    // Per month, G and H together against G's budget (H has none):
    // Jan 1,000,000; Feb + 1,000,000 + 1,200,000 + 400,000 = 3,600,000;
    // Mar + 1,000,000 + 1,800,000 = 6,400,000. After March the forecast:
    // April 6,400,000 × 120 / 90 = 8,533,333 → € 85,333; December × 365 / 90 → € 259,556.
    const months = table(d, 'budget-maand');
    expect(months['jan 2026']).toEqual([10_000, null, 100_000]);
    expect(months['feb 2026']).toEqual([36_000, null, 100_000]);
    expect(months['mrt 2026']).toEqual([64_000, null, 100_000]);
    expect(months['apr 2026']).toEqual([null, 85_333, 100_000]);
    expect(months['dec 2026']).toEqual([null, 259_556, 100_000]);
  });

  it('narrows to one municipality, and exports a table as CSV as shown', async () => {
    const h = await dashboard('contract', 'budget', `${PERIOD}&gemeente=${id('H')}`);
    expect(Object.keys(table(h, 'budget-gemeente'))).toEqual(['Gemeente H']);
    const res = await as('contract').request(
      'GET',
      `/api/v1/dashboards/budget?${PERIOD}&formaat=csv&tabel=budget-segment-0356`,
    );
    expect(res.statusCode).toBe(200);
    expect(
      res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toEqual([
      'Productsegment;Toegewezen (€);Aandeel (%)',
      'ambulant;x;',
      'verblijf;< 5;',
      'Totaal;60000;100',
    ]);
  });

  it('refuses a municipality outside the reader’s reach with 403', async () => {
    const other = await as('contract-r').request(
      'GET',
      `/api/v1/dashboards/budget?${PERIOD}&gemeente=${id('G')}`,
    );
    expect(other.statusCode).toBe(403);
    expect(other.json().error.fields).toEqual([
      expect.objectContaining({ path: 'querystring.gemeente' }),
    ]);
    const neighbour = await as('leider').request(
      'GET',
      `/api/v1/dashboards/budget?${PERIOD}&gemeente=${id('H')}`,
    );
    expect(neighbour.statusCode).toBe(403);
    expect((await as('backoffice').request('GET', '/api/v1/dashboards/budget')).statusCode).toBe(
      403,
    );
  });

  it('audits the read', async () => {
    await dashboard('contract', 'budget');
    const rows = await opened.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'dashboard.lezen')
      .where('staff_id', '=', id('contract'))
      .execute();
    expect(rows.map((r) => r.details)).toContainEqual(
      expect.objectContaining({ dashboard: 'budget', onderdrukt: true }),
    );
  });

  it('adds the trend per month of the due date to the deadline dashboard', async () => {
    const d = await dashboard('leider', 'termijnen');
    expect(d.tabellen.map((t) => t.id)).toEqual(['termijnen-regel', 'termijnen-maand']);
    // The one case has no events, so no deadlines: every month of the period shows zeros.
    expect(table(d, 'termijnen-maand')).toEqual({
      'jan 2026': [0, 0, 0, 0, 0],
      'feb 2026': [0, 0, 0, 0, 0],
      'mrt 2026': [0, 0, 0, 0, 0],
      Totaal: [0, 0, 0, 0, 0],
    });
  });
});
