/**
 * Break-the-glass access through the API (issue 8; NEN 7513; ADR 0020) on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL. In Lekstroom team 1 holds a case; casusregisseur B of team 2
 * has no access (404). A request without a solid reason is refused before anything is looked up;
 * management may not ask at all. With a reason B finds the case by BSN and reads it for 4 hours,
 * read only: every read is logged with the reason as justification, every change is refused
 * (403). After the time limit the case is "not found" again. The privacy officer of the
 * municipality of Lekstroom sees the grant with reason, who, when and the case id, and reviews
 * it; the privacy officer of Rijnmond does not see it, other roles get 403. An "onterecht"
 * verdict ends a grant that still runs.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;

interface Grant {
  id: string;
  casusId: string;
  medewerker: string;
  reden: string;
  vanaf: string;
  tot: string;
  oordeel: string | null;
}

const REASON = 'Politie belt in de nacht: kind alleen thuis aangetroffen, gezin onbereikbaar.';

describe.each(engines)('break-the-glass on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let now = new Date('2026-03-12T22:00:00+01:00');
  const clock = { now: () => now };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const emails = new Map<string, string>();
  let caseId = '';
  const bsn = freshBsn();

  const login = async (who: string) => {
    const c = new Client(app);
    expect((await c.login(emails.get(who) as string)).statusCode).toBe(200);
    clients.set(who, c);
  };

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    const team2 = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    const lekGemeente = await createOrganisation(opened.db, 'gemeente', 'LEK');
    const rijGemeente = await createOrganisation(opened.db, 'gemeente', 'RIJ');
    const accounts: [string, string, string[]][] = [
      ['lead', team, ['teamleider']],
      ['b', team2, ['casusregisseur']],
      ['c', team2, ['casusregisseur']],
      ['mgr', lekGemeente, ['management']],
      ['pf', lekGemeente, ['privacyfunctionaris']],
      ['pfRij', rijGemeente, ['privacyfunctionaris']],
    ];
    for (const [who, org, roles] of accounts) {
      const email = `${who.toLowerCase()}-${engine}@noodtoegang.nl`;
      emails.set(who, email);
      await staffAccount(opened, org, roles, email);
      await login(who);
    }
    const created = await as('lead').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        gezin: { naam: 'Gezin Bakker' },
        jeugdigen: [{ naam: 'Lieke Bakker', geboortedatum: '2015-06-01', bsn }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const justifiedReads = async () =>
    opened.db
      .selectFrom('audit_log')
      .select(['action', 'justification', 'case_id'])
      .where('action', '=', 'noodtoegang.inzage')
      .where('case_id', '=', caseId)
      .execute();

  it('refuses a request without a solid reason before looking anything up', async () => {
    expect((await as('b').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(404);
    for (const target of [
      { casusId: caseId },
      { casusId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      const res = await as('b').request('POST', '/api/v1/noodtoegang', {
        ...target,
        reden: 'even kijken',
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(errorOf(res.body).fields?.map((f) => f.path)).toEqual(['body.reden']);
    }
    const tooLong = await as('b').request('POST', '/api/v1/noodtoegang', {
      bsn,
      reden: REASON,
      uren: 30,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(errorOf(tooLong.body).fields?.map((f) => f.path)).toEqual(['body.uren']);
    const neither = await as('b').request('POST', '/api/v1/noodtoegang', { reden: REASON });
    expect(neither.statusCode).toBe(400);
    expect(await opened.db.selectFrom('break_glass').selectAll().execute()).toEqual([]);
  });

  it('is not for management, and says only "niet gevonden" for an unknown case', async () => {
    const mgr = await as('mgr').request('POST', '/api/v1/noodtoegang', {
      casusId: caseId,
      reden: REASON,
    });
    expect(mgr.statusCode).toBe(403);
    const unknown = await as('b').request('POST', '/api/v1/noodtoegang', {
      bsn: freshBsn(),
      reden: REASON,
    });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown.body).message).toBe('Niet gevonden.');
    // Someone who already reads the case needs no emergency access.
    const own = await as('lead').request('POST', '/api/v1/noodtoegang', {
      casusId: caseId,
      reden: REASON,
    });
    expect(own.statusCode).toBe(409);
  });

  it('gives read-only access for 4 hours, every read logged with the reason', async () => {
    const res = await as('b').request('POST', '/api/v1/noodtoegang', { bsn, reden: REASON });
    expect(res.statusCode, res.body).toBe(201);
    const grant = res.json() as { casusId: string; tot: string };
    expect(grant.casusId).toBe(caseId);
    expect(grant.tot).toBe(new Date(now.getTime() + 4 * 3_600_000).toISOString());
    const again = await as('b').request('POST', '/api/v1/noodtoegang', { bsn, reden: REASON });
    expect(again.statusCode).toBe(409);

    const before = (await justifiedReads()).length;
    const read = await as('b').request('GET', `/api/v1/casussen/${caseId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect((read.json() as { toegang: string }).toegang).toBe('noodtoegang');
    const consents = await as('b').request('GET', `/api/v1/casussen/${caseId}/toestemmingen`);
    expect(consents.statusCode).toBe(200);
    const own = await as('b').request('GET', `/api/v1/casussen/${caseId}/noodtoegang`);
    expect((own.json() as { noodtoegang: { reden: string } }).noodtoegang.reden).toBe(REASON);
    const reads = await justifiedReads();
    expect(reads.length - before).toBe(2);
    expect(reads.every((r) => r.justification === REASON)).toBe(true);

    // Changes are refused: a note, a role, a sharing decision.
    const note = await as('b').request('POST', `/api/v1/casussen/${caseId}/gebeurtenissen`, {
      type: 'notitie',
      op: now.toISOString(),
      notitie: 'gesproken met de politie',
    });
    expect(note.statusCode, note.body).toBe(403);
    expect(errorOf(note.body).message).toContain('alleen inzien');
    const role = await as('b').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'organisatie',
      organisatieId: '00000000-0000-4000-8000-000000000000',
      vanaf: now.toISOString(),
      reden: 'overname',
    });
    expect(role.statusCode).toBe(403);
    const share = await as('b').request('POST', `/api/v1/casussen/${caseId}/gegevensdeling`, {
      wat: 'adres',
      ontvangerSoort: 'school',
      ontvanger: 'school',
      grondslag: 'toestemming',
      toestemmingVerwijzing: 'register',
    });
    expect(share.statusCode).toBe(403);
    const events = await opened.db
      .selectFrom('case_event')
      .select('type')
      .where('case_id', '=', caseId)
      .where('type', '=', 'notitie')
      .execute();
    expect(events).toEqual([]);

    // Another casusregisseur of team 2 has no access through B's grant.
    expect((await as('c').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(404);

    // Three hours later still readable; after four hours "not found" again.
    now = new Date(now.getTime() + 3 * 3_600_000);
    await login('b');
    expect((await as('b').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(200);
    now = new Date(now.getTime() + 3_600_000 + 60_000);
    await login('b');
    expect((await as('b').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(404);
    const banner = await as('b').request('GET', `/api/v1/casussen/${caseId}/noodtoegang`);
    expect((banner.json() as { noodtoegang: unknown }).noodtoegang).toBeNull();
  });

  it('the privacy officer of the region reviews; others may not', async () => {
    for (const who of ['pf', 'pfRij', 'b', 'mgr', 'lead']) await login(who);
    const list = await as('pf').request('GET', '/api/v1/noodtoegang/beoordelingen');
    expect(list.statusCode, list.body).toBe(200);
    const grants = (list.json() as { noodtoegangen: Grant[] }).noodtoegangen;
    expect(grants).toHaveLength(1);
    const grant = grants[0] as Grant;
    expect(grant).toMatchObject({ casusId: caseId, reden: REASON, oordeel: null });
    expect(grant.medewerker).toBe(emails.get('b'));
    expect(JSON.stringify(grant)).not.toContain('Bakker');

    const rij = await as('pfRij').request('GET', '/api/v1/noodtoegang/beoordelingen');
    expect((rij.json() as { noodtoegangen: Grant[] }).noodtoegangen).toEqual([]);
    const rijReview = await as('pfRij').request(
      'POST',
      `/api/v1/noodtoegang/${grant.id}/beoordeling`,
      { oordeel: 'terecht' },
    );
    expect(rijReview.statusCode).toBe(404);
    for (const who of ['b', 'mgr', 'lead']) {
      expect((await as(who).request('GET', '/api/v1/noodtoegang/beoordelingen')).statusCode).toBe(
        403,
      );
      const res = await as(who).request('POST', `/api/v1/noodtoegang/${grant.id}/beoordeling`, {
        oordeel: 'terecht',
      });
      expect(res.statusCode).toBe(403);
    }

    const noNote = await as('pf').request('POST', `/api/v1/noodtoegang/${grant.id}/beoordeling`, {
      oordeel: 'onterecht',
    });
    expect(noNote.statusCode).toBe(400);
    expect(errorOf(noNote.body).fields?.map((f) => f.path)).toEqual(['body.toelichting']);
    const ok = await as('pf').request('POST', `/api/v1/noodtoegang/${grant.id}/beoordeling`, {
      oordeel: 'terecht',
      toelichting: 'Politie bevestigt de melding.',
    });
    expect(ok.statusCode, ok.body).toBe(204);
    const twice = await as('pf').request('POST', `/api/v1/noodtoegang/${grant.id}/beoordeling`, {
      oordeel: 'terecht',
    });
    expect(twice.statusCode).toBe(409);
    const open = await as('pf').request('GET', '/api/v1/noodtoegang/beoordelingen');
    expect((open.json() as { noodtoegangen: Grant[] }).noodtoegangen).toEqual([]);
    const all = await as('pf').request('GET', '/api/v1/noodtoegang/beoordelingen?welke=alle');
    expect((all.json() as { noodtoegangen: Grant[] }).noodtoegangen[0]?.oordeel).toBe('terecht');
  });

  it('an "onterecht" verdict ends a grant that still runs', async () => {
    await login('c');
    await login('pf');
    const res = await as('c').request('POST', '/api/v1/noodtoegang', {
      casusId: caseId,
      reden: 'Ik wil weten hoe het met dit gezin gaat, buurvrouw vroeg ernaar.',
      uren: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    expect((await as('c').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(200);
    now = new Date(now.getTime() + 60_000);
    const verdict = await as('pf').request('POST', `/api/v1/noodtoegang/${id}/beoordeling`, {
      oordeel: 'onterecht',
      toelichting: 'Geen noodsituatie.',
    });
    expect(verdict.statusCode, verdict.body).toBe(204);
    expect((await as('c').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(404);
  });
});
