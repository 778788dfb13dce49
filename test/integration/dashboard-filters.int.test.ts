/**
 * The dashboards' filter choices through the API (issue 9, ADR 0024) on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL. Lekstroom (LEK): municipality G with teams Noord and Zuid,
 * municipality H with team Oost; Rijnmond (RIJ) has its own municipality and team. The contract
 * manager of G chooses among LEK's municipalities and teams (never RIJ's), Noord's team lead
 * only among their own team and its municipality, and a casusregisseur is refused. Every choice
 * offered is one the dashboards accept.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { Client, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface Filters {
  niveau: string;
  regio: string;
  gemeenten: { id: string; naam: string }[];
  teams: { id: string; naam: string; gemeenteId: string | null }[];
}

describe.each(engines)('dashboard filter choices on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clock = { now: () => new Date('2026-03-20T10:00:00+01:00') };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (key: string) => ids.get(key) as string;

  const org = async (
    kind: 'gemeente' | 'lokaal-team',
    name: string,
    region: string,
    parent?: string,
  ) =>
    (
      await opened.db
        .insertInto('organisation')
        .values({ kind, name, region, agb_code: null, parent_id: parent ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const filters = async (who: string) => {
    const res = await as(who).request('GET', '/api/v1/dashboards/filters');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Filters;
  };

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    ids.set('G', await org('gemeente', 'Gemeente G', 'LEK'));
    ids.set('H', await org('gemeente', 'Gemeente H', 'LEK'));
    ids.set('noord', await org('lokaal-team', 'Team Noord', 'LEK', id('G')));
    ids.set('zuid', await org('lokaal-team', 'Team Zuid', 'LEK', id('G')));
    ids.set('oost', await org('lokaal-team', 'Team Oost', 'LEK', id('H')));
    ids.set('R', await org('gemeente', 'Gemeente R', 'RIJ'));
    ids.set('west', await org('lokaal-team', 'Team West', 'RIJ', id('R')));
    const accounts: [string, string, string[]][] = [
      ['contract', id('G'), ['contractmanager']],
      ['management', id('G'), ['management']],
      ['lead', id('noord'), ['teamleider']],
      ['regisseur', id('noord'), ['casusregisseur']],
    ];
    for (const [who, organisation, roles] of accounts) {
      const email = `${who}-${engine}@filters.nl`;
      ids.set(who, await staffAccount(opened, organisation, roles, email));
      const c = new Client(app);
      expect((await c.login(email)).statusCode).toBe(200);
      clients.set(who, c);
    }
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('a region reader chooses among the municipalities and teams of the own region', async () => {
    for (const who of ['contract', 'management']) {
      const f = await filters(who);
      expect(f.niveau).toBe('regio');
      expect(f.regio).toBe('LEK');
      expect(f.gemeenten).toEqual([
        { id: id('G'), naam: 'Gemeente G' },
        { id: id('H'), naam: 'Gemeente H' },
      ]);
      expect(f.teams).toEqual([
        { id: id('noord'), naam: 'Team Noord', gemeenteId: id('G') },
        { id: id('oost'), naam: 'Team Oost', gemeenteId: id('H') },
        { id: id('zuid'), naam: 'Team Zuid', gemeenteId: id('G') },
      ]);
    }
    // Every choice offered is accepted by the dashboards.
    const f = await filters('contract');
    for (const g of f.gemeenten)
      for (const t of f.teams.filter((x) => x.gemeenteId === g.id)) {
        const res = await as('contract').request(
          'GET',
          `/api/v1/dashboards/caseload?gemeente=${g.id}&team=${t.id}`,
        );
        expect(res.statusCode, res.body).toBe(200);
      }
    // A team of another municipality than the one chosen is refused, naming the field.
    const mismatch = await as('contract').request(
      'GET',
      `/api/v1/dashboards/caseload?gemeente=${id('H')}&team=${id('noord')}`,
    );
    expect(mismatch.statusCode).toBe(403);
    expect(
      (mismatch.json() as { error: { fields: { path: string }[] } }).error.fields.map(
        (x) => x.path,
      ),
    ).toEqual(['querystring.team']);
  });

  it('a team lead gets only the own team and its municipality', async () => {
    const f = await filters('lead');
    expect(f).toEqual({
      niveau: 'team',
      regio: 'LEK',
      gemeenten: [{ id: id('G'), naam: 'Gemeente G' }],
      teams: [{ id: id('noord'), naam: 'Team Noord', gemeenteId: id('G') }],
    });
  });

  it('anyone else is refused', async () => {
    expect((await as('regisseur').request('GET', '/api/v1/dashboards/filters')).statusCode).toBe(
      403,
    );
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/dashboards/filters' })).statusCode,
    ).toBe(401);
  });
});
