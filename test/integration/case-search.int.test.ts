/**
 * Case search through the API (issue 11), on PGlite and, with TEST_DATABASE_URL, PostgreSQL:
 * a part of a family or person name, case-insensitively; a complete BSN only; a child's date
 * of birth; never a case the searcher may not open (another team's, a route B case under the
 * family's opt-out); 403 for roles that read no case content; 400 naming `q`; one audit record
 * per search, without the BSN.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface Hit {
  id: string;
  gezin: string;
  regio: string;
  route: string;
  stap: string;
  gesloten: boolean;
  geslotenOp: string | null;
}
interface Result {
  soort: string;
  casussen: Hit[];
  meer: boolean;
}

const NOW = new Date('2026-03-20T11:00:00Z');

describe.each(engines)('case search on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const ids: Record<string, string> = {};
  const clients: Record<string, Client> = {};
  const bsn = { deVries: freshBsn(), bakker: freshBsn(), other: freshBsn() };

  const login = async (who: string, org: string, roles: string[]) => {
    const email = `${who}-${engine}@zoek.nl`;
    await staffAccount(opened, org, roles, email);
    const client = new Client(app);
    expect((await client.login(email)).statusCode).toBe(200);
    clients[who] = client;
    return client;
  };

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
    const groTeam = await createOrganisation(opened.db, 'lokaal-team', 'GRO');
    const provider = await createOrganisation(opened.db, 'aanbieder', 'GRO');
    const a = await login('a', team, ['casusregisseur']);
    const c = await login('c', otherTeam, ['casusregisseur']);
    await login('gro', groTeam, ['casusregisseur']);
    const planner = await login('planner', provider, ['planner']);
    await login('management', team, ['management']);
    await login('beheerder', team, ['beheerder']);

    const register = async (by: Client, body: Record<string, unknown>) => {
      const res = await by.request('POST', '/api/v1/casussen', body);
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    };
    ids['deVries'] = await register(
      a,
      routeARequest({
        gezin: { naam: 'Gezin de Vries' },
        jeugdigen: [{ naam: 'Sanne de Vries', geboortedatum: '2014-02-03', bsn: bsn.deVries }],
        ouders: [{ naam: 'Kim van Dijk', soort: 'ouder' }],
      }),
    );
    ids['vriesema'] = await register(
      a,
      routeARequest({
        gezin: { naam: 'Gezin Vriesema' },
        jeugdigen: [{ naam: 'Bo Vriesema', geboortedatum: '2015-06-01', bsn: null }],
      }),
    );
    ids['closed'] = await register(
      a,
      routeARequest({
        gezin: { naam: 'Gezin van Vriesland' },
        jeugdigen: [{ naam: 'Lot van Vriesland', geboortedatum: '2012-01-09', bsn: null }],
      }),
    );
    ids['bakker'] = await register(
      a,
      routeARequest({
        gezin: { naam: 'Gezin Bakker' },
        jeugdigen: [{ naam: 'Tim Bakker', geboortedatum: '2014-02-03', bsn: bsn.bakker }],
      }),
    );
    ids['otherTeam'] = await register(
      c,
      routeARequest({
        gezin: { naam: 'Gezin Vries-Hoekstra' },
        jeugdigen: [{ naam: 'Mo Hoekstra', geboortedatum: '2014-02-03', bsn: bsn.other }],
      }),
    );
    // Route B in GRO with the family's opt-out (GRO-TOE-OPTOUT): the local team never sees it.
    ids['optOut'] = await register(planner, {
      route: 'B',
      regio: 'GRO',
      segment: 'ambulant',
      verwijzer: { soort: 'huisarts', code: '01012345' },
      gezin: { naam: 'Gezin Vriesinga' },
      jeugdigen: [{ naam: 'Sietse Vriesinga', geboortedatum: '2016-09-14', bsn: freshBsn() }],
      ouders: [{ naam: 'Grietje Vriesinga', soort: 'ouder' }],
      aangemeldOp: '2026-03-02T10:00:00+01:00',
    });
    const persons = (
      (await planner.request('GET', `/api/v1/casussen/${ids['optOut']}`)).json() as {
        personen: { id: string; soort: string }[];
      }
    ).personen;
    const optOut = await planner.request('POST', `/api/v1/casussen/${ids['optOut']}/opt-out`, {
      ondertekendOp: '2026-03-09',
      ondertekendDoor: persons.filter((p) => p.soort === 'ouder').map((p) => p.id),
      kenmerk: 'Verklaring opt-out',
    });
    expect(optOut.statusCode, optOut.body).toBe(201);
    // One case is closed; another changed after the rest (a note), so it is the most recent.
    await opened.db
      .updateTable('casus')
      .set({ closed_at: new Date('2026-03-18T10:00:00Z') })
      .where('id', '=', ids['closed'])
      .execute();
    const note = await a.request('POST', `/api/v1/casussen/${ids['deVries']}/gebeurtenissen`, {
      type: 'notitie',
      op: '2026-03-19T10:00:00+01:00',
      notitie: 'Gebeld met moeder',
    });
    expect(note.statusCode, note.body).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const search = (who: string, q: string) =>
    (clients[who] as Client).request('GET', `/api/v1/casussen/zoeken?q=${encodeURIComponent(q)}`);
  const found = async (who: string, q: string) => {
    const res = await search(who, q);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Result;
  };
  const searchAudits = () =>
    opened.db
      .selectFrom('audit_log')
      .select(['details', 'case_id', 'staff_id'])
      .where('action', '=', 'casussen.zoeken')
      .orderBy('id')
      .execute();

  it('finds a part of the family name case-insensitively: open cases first, the most recently changed first, closed ones marked', async () => {
    const result = await found('a', 'vRIES');
    expect(result.soort).toBe('naam');
    expect(result.meer).toBe(false);
    expect(result.casussen.map((h) => h.id)).toEqual([
      ids['deVries'],
      ids['vriesema'],
      ids['closed'],
    ]);
    expect(result.casussen[0]).toEqual({
      id: ids['deVries'],
      gezin: 'Gezin de Vries',
      regio: 'LEK',
      route: 'A',
      stap: 'stap-1',
      gesloten: false,
      geslotenOp: null,
    });
    expect(result.casussen[2]).toMatchObject({
      gezin: 'Gezin van Vriesland',
      gesloten: true,
      geslotenOp: '2026-03-18T10:00:00.000Z',
    });
  });

  it('finds a case by a part of a household member’s name, and treats % and _ as plain text', async () => {
    expect((await found('a', 'VAN dij')).casussen.map((h) => h.id)).toEqual([ids['deVries']]);
    expect((await found('a', '%%')).casussen).toEqual([]);
    expect((await found('a', '__')).casussen).toEqual([]);
  });

  it('matches two letters at the start of a word only (a trigram index cannot narrow less)', async () => {
    expect((await found('a', 'vr')).casussen.map((h) => h.id)).toEqual([
      ids['deVries'],
      ids['vriesema'],
      ids['closed'],
    ]);
    expect((await found('a', 'ri')).casussen).toEqual([]);
    expect((await found('c', 'ho')).casussen.map((h) => h.id)).toEqual([ids['otherTeam']]);
  });

  it('finds by a complete BSN only, never by a part of one', async () => {
    const exact = await found('a', bsn.deVries);
    expect(exact.soort).toBe('bsn');
    expect(exact.casussen.map((h) => h.id)).toEqual([ids['deVries']]);
    const spaced = `${bsn.deVries.slice(0, 4)} ${bsn.deVries.slice(4, 6)} ${bsn.deVries.slice(6)}`;
    expect((await found('a', spaced)).casussen.map((h) => h.id)).toEqual([ids['deVries']]);
    for (const part of [bsn.deVries.slice(0, 8), bsn.deVries.slice(1), bsn.deVries.slice(0, 4)]) {
      const res = await search('a', part);
      expect(res.statusCode, part).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'bad-request', fields: [{ path: 'querystring.q' }] },
      });
    }
    // Another team's child, by the exact BSN: not shown.
    expect((await found('a', bsn.other)).casussen).toEqual([]);
  });

  it("finds by a child's date of birth (DD-MM-JJJJ), only among visible cases", async () => {
    const result = await found('a', '03-02-2014');
    expect(result.soort).toBe('geboortedatum');
    expect(result.casussen.map((h) => h.id).sort()).toEqual([ids['deVries'], ids['bakker']].sort());
    const bad = await search('a', '31-02-2014');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('querystring.q');
  });

  it('never shows a case the searcher may not open', async () => {
    expect((await found('c', 'vries')).casussen.map((h) => h.id)).toEqual([ids['otherTeam']]);
    expect((await found('a', 'hoekstra')).casussen).toEqual([]);
    expect((await found('a', ids['otherTeam'] ?? '')).casussen).toEqual([]);
    // The opt-out case: the treating provider finds it, the region's local team does not.
    expect((await found('planner', 'vriesinga')).casussen.map((h) => h.id)).toEqual([
      ids['optOut'],
    ]);
    expect((await found('gro', 'vriesinga')).casussen).toEqual([]);
    expect((await found('gro', 'Grietje')).casussen).toEqual([]);
  });

  it('finds a visible case by its id', async () => {
    const result = await found('a', (ids['bakker'] ?? '').toUpperCase());
    expect(result.soort).toBe('casus-id');
    expect(result.casussen.map((h) => h.id)).toEqual([ids['bakker']]);
  });

  it('refuses roles that read no case content with 403', async () => {
    const before = (await searchAudits()).length;
    for (const who of ['management', 'beheerder']) {
      const res = await search(who, 'vries');
      expect(res.statusCode, who).toBe(403);
      expect(res.body).not.toContain('Vries');
    }
    expect((await searchAudits()).length).toBe(before);
  });

  it('refuses a query shorter than 2 characters with a Dutch message naming q', async () => {
    for (const url of [
      '/api/v1/casussen/zoeken?q=v',
      '/api/v1/casussen/zoeken?q=%20v%20%20',
      '/api/v1/casussen/zoeken',
    ]) {
      const res = await (clients['a'] as Client).request('GET', url);
      expect(res.statusCode, url).toBe(400);
      const body = res.json() as { error: { fields: { path: string; message: string }[] } };
      expect(body.error.fields.map((f) => f.path)).toEqual(['querystring.q']);
    }
    const short = (await search('a', 'v')).json() as { error: { fields: { message: string }[] } };
    expect(short.error.fields[0]?.message).toBe('vul minstens 2 tekens in om te zoeken');
  });

  it('writes one audit record per search, with the kind of query and the cases shown, never the BSN', async () => {
    const before = (await searchAudits()).length;
    await found('a', bsn.deVries);
    const after = await searchAudits();
    expect(after.length).toBe(before + 1);
    const record = after.at(-1);
    expect(record?.details).toEqual({
      soort: 'bsn',
      aantal: 1,
      casussen: [ids['deVries']],
    });
    expect(JSON.stringify(record)).not.toContain(bsn.deVries);
    await found('a', 'bakk');
    const named = (await searchAudits()).at(-1);
    expect(named?.details).toMatchObject({ soort: 'naam', zoekterm: 'bakk', aantal: 1 });
  });
});
