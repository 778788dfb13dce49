/**
 * The work list through the API: only visible cases, most urgent first (overdue, then the
 * earliest due date), filters, "my cases" versus the team, counts over all pages, and paging
 * that neither overlaps nor loses cases. On PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface Item {
  id: string;
  gezin: string;
  route: string;
  volgende: { rule: string; due: string; status: string } | null;
  verlopen: number;
  open: number;
}
interface List {
  aantallen: { casussen: number; verlopen: number; open: number };
  pagina: number;
  perPagina: number;
  casussen: Item[];
}

// Friday 20 March 2026, noon in Amsterdam.
const NOW = new Date('2026-03-20T11:00:00Z');

describe.each(engines)('work list API on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const ids: Record<string, string> = {};
  const clients: Record<string, Client> = {};

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const team = await createOrganisation(opened.db, 'lokaal-team');
    const otherTeam = await createOrganisation(opened.db, 'lokaal-team');
    await staffAccount(opened, team, ['casusregisseur'], `a-${engine}@wl.nl`);
    const colleague = await staffAccount(opened, team, ['casusregisseur'], `b-${engine}@wl.nl`);
    await staffAccount(opened, otherTeam, ['casusregisseur'], `c-${engine}@wl.nl`);
    for (const who of ['a', 'b', 'c']) {
      clients[who] = new Client(app);
      await clients[who].login(`${who}-${engine}@wl.nl`);
    }
    const a = clients['a'] as Client;
    // LEK, ambulant: the intake is due 14 days after registration (LEK-TERM-INTAKE-AMBULANT).
    const register = async (name: string, at: string, by = a) => {
      const res = await by.request(
        'POST',
        '/api/v1/casussen',
        routeARequest({ gezin: { naam: name }, aangemeldOp: at }),
      );
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    };
    ids['late'] = await register('Gezin Laat', '2026-03-01T10:00:00+01:00'); // due 15-03: overdue
    ids['soon'] = await register('Gezin Spoedig', '2026-03-10T10:00:00+01:00'); // due 24-03
    ids['later'] = await register('Gezin Later', '2026-03-15T10:00:00+01:00'); // due 29-03
    ids['other'] = await register(
      'Gezin Ander Team',
      '2026-03-02T10:00:00+01:00',
      clients['c'] as Client,
    );
    // The colleague personally holds casusregie of one case.
    const handed = await a.request('POST', `/api/v1/casussen/${ids['later']}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      medewerkerId: colleague,
      organisatieId: team,
      vanaf: '2026-03-16T09:00:00+01:00',
      reden: 'triage',
    });
    expect(handed.statusCode, handed.body).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const get = async (who: string, query = '') => {
    const res = await (clients[who] as Client).request('GET', `/api/v1/werkvoorraad${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as List;
  };

  it("lists the team's cases, overdue first, then by the earliest due date", async () => {
    const list = await get('a');
    expect(list.casussen.map((c) => c.id)).toEqual([ids['late'], ids['soon'], ids['later']]);
    expect(list.casussen[0]).toMatchObject({
      gezin: 'Gezin Laat',
      volgende: { rule: 'LEK-TERM-INTAKE-AMBULANT', due: '2026-03-15', status: 'overdue' },
      verlopen: 1,
    });
    expect(list.casussen[1]?.volgende).toMatchObject({ due: '2026-03-24', status: 'open' });
    expect(list.casussen[2]?.volgende).toMatchObject({ due: '2026-03-29', status: 'open' });
    expect(list.aantallen.casussen).toBe(3);
    expect(list.aantallen.verlopen).toBe(1);
    expect(list.aantallen.open).toBe(list.casussen.reduce((n, c) => n + c.open, 0));
    // The other team's case is not there, and theirs shows only their own.
    expect((await get('c')).casussen.map((c) => c.id)).toEqual([ids['other']]);
  });

  it('filters by status, route and "my cases"', async () => {
    expect((await get('a', '?status=verlopen')).casussen.map((c) => c.id)).toEqual([ids['late']]);
    expect((await get('a', '?route=B')).casussen).toEqual([]);
    expect((await get('a', '?regio=LEK&stap=stap-1')).aantallen.casussen).toBe(3);
    expect((await get('b', '?bereik=eigen')).casussen.map((c) => c.id)).toEqual([ids['later']]);
    expect((await get('b', '?bereik=team')).aantallen.casussen).toBe(3);
  });

  it('pages through the same order without overlap; totals do not depend on the page', async () => {
    const all = await get('a');
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const one = await get('a', `?perPagina=1&pagina=${page}`);
      expect(one).toMatchObject({ pagina: page, perPagina: 1, aantallen: all.aantallen });
      expect(one.casussen).toHaveLength(1);
      seen.push(one.casussen[0]?.id ?? '');
    }
    expect(seen).toEqual(all.casussen.map((c) => c.id));
    const beyond = await get('a', '?perPagina=2&pagina=3');
    expect(beyond.casussen).toEqual([]);
    expect(beyond.aantallen.casussen).toBe(3);
  });

  it('refuses a page size of 0 or over 200 and an unknown filter, naming the field', async () => {
    const a = clients['a'] as Client;
    for (const [query, field] of [
      ['?perPagina=0', 'querystring.perPagina'],
      ['?perPagina=201', 'querystring.perPagina'],
      ['?pagina=nul', 'querystring.pagina'],
      ['?status=misschien', 'querystring.status'],
    ] as const) {
      const res = await a.request('GET', `/api/v1/werkvoorraad${query}`);
      expect(res.statusCode, query).toBe(400);
      const body = res.json() as { error: { fields: { path: string }[] } };
      expect(body.error.fields.map((f) => f.path)).toContain(field);
    }
    const unknown = await a.request('GET', '/api/v1/werkvoorraad?sortering=naam');
    expect(unknown.statusCode).toBe(400);
  });

  it('writes one audit record per read, with the filters and page', async () => {
    const before = await opened.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'werkvoorraad.lezen')
      .execute();
    await get('a', '?status=open&pagina=2&perPagina=1');
    const rows = await opened.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'werkvoorraad.lezen')
      .execute();
    expect(rows.length).toBe(before.length + 1);
    expect(rows.map((r) => r.details)).toContainEqual(
      expect.objectContaining({ status: 'open', pagina: 2, perPagina: 1 }),
    );
  });
});
