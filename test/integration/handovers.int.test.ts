/**
 * Warm handover of casusregie through the API (issue 7, ZTM-DEC-WARM-HANDOVER) on PGlite and,
 * with TEST_DATABASE_URL, PostgreSQL, in Zoetermeer: the team lead hands casusregie from
 * casusregisseur A to casusregisseur B of another team. B reads the case while the handover is
 * open; completing is refused without a joint meeting, and after a meeting without the family,
 * each time saying why; after a proper meeting the role moves (history kept), the timeline and
 * both regisseurs hear of it. A cancelled handover takes B's reading access away again. Outsiders
 * get 404, a provider that reads the case 403.
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

describe.each(engines)('warm handover of casusregie on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clock = { now: () => new Date('2026-03-12T15:00:00+01:00') };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (who: string) => ids.get(who) as string;
  let caseId = '';
  let handoverId = '';
  let familyIds: string[] = [];

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock,
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const team2 = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const team3 = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const provider = await createOrganisation(opened.db, 'aanbieder', 'ZTM');
    ids.set('team', team);
    ids.set('team3', team3);
    ids.set('team2', team2);
    ids.set('provider', provider);
    const accounts: [string, string, string[]][] = [
      ['a', team, ['casusregisseur']],
      ['lead', team, ['teamleider']],
      ['b', team2, ['casusregisseur']],
      ['c', team2, ['casusregisseur']],
      ['d', team3, ['casusregisseur']],
      ['planner', provider, ['planner']],
      ['backoffice', provider, ['backoffice']],
    ];
    for (const [who, org, roles] of accounts) {
      ids.set(who, await staffAccount(opened, org, roles, `${who}-${engine}@overdracht.nl`));
      const c = new Client(app);
      expect((await c.login(`${who}-${engine}@overdracht.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
    const created = await as('lead').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'ZTM',
        gezin: { naam: 'Gezin Smit' },
        jeugdigen: [{ naam: 'Lotte Smit', geboortedatum: '2014-06-01', bsn: freshBsn() }],
        ouders: [{ naam: 'Ilse Smit', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    for (const body of [
      {
        rol: 'casusregie',
        houder: 'professional',
        organisatieId: team,
        medewerkerId: id('a'),
        vanaf: '2026-03-03T09:00:00+01:00',
        reden: 'na triage',
      },
      {
        rol: 'behandelregie',
        houder: 'organisatie',
        organisatieId: provider,
        vanaf: '2026-03-04T09:00:00+01:00',
        reden: 'toewijzing',
      },
    ]) {
      const res = await as('lead').request('POST', `/api/v1/casussen/${caseId}/rollen`, body);
      expect(res.statusCode, res.body).toBe(201);
    }
    const detail = await as('a').request('GET', `/api/v1/casussen/${caseId}`);
    familyIds = (detail.json() as { personen: { id: string }[] }).personen.map((p) => p.id);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const casusregie = async () => {
    const res = await as('lead').request('GET', `/api/v1/casussen/${caseId}`);
    return (
      res.json() as {
        rollen: { rol: string; medewerkerId: string | null; tot: string | null; reden: string }[];
      }
    ).rollen.filter((r) => r.rol === 'casusregie');
  };
  const meeting = (over: object = {}) => ({
    gehoudenOp: '2026-03-12T10:00:00+01:00',
    aanwezig: { oudeRegisseur: true, nieuweRegisseur: true, gezinsleden: familyIds },
    verslag: 'Achtergrond, gezinsplan, lopende hulp en de huidige stand van zaken doorgenomen.',
    ...over,
  });
  const start = (who: string, staff = id('b'), org = id('team2')) =>
    as(who).request('POST', `/api/v1/casussen/${caseId}/overdrachten-regie`, {
      nieuweRegisseur: { medewerkerId: staff, organisatieId: org },
      reden: 'Het gezin verhuist naar de wijk van het andere team.',
    });

  it('is started only by whoever may assign roles, with valid input', async () => {
    expect((await as('b').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(404);
    expect((await start('b')).statusCode).toBe(404);
    expect((await start('planner')).statusCode).toBe(403);
    const bad = await as('lead').request('POST', `/api/v1/casussen/${caseId}/overdrachten-regie`, {
      nieuweRegisseur: { medewerkerId: id('planner'), organisatieId: id('team2') },
      reden: 'kort',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad.body).fields?.map((f) => f.path)).toEqual([
      'body.reden',
      'body.nieuweRegisseur.medewerkerId',
    ]);
    const same = await start('lead', id('a'), id('team'));
    expect(same.statusCode).toBe(400);
    const count = await opened.db
      .selectFrom('casusregie_handover')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);

    const started = await start('lead');
    expect(started.statusCode, started.body).toBe(201);
    handoverId = (started.json() as { id: string }).id;
    expect((await start('lead', id('c'))).statusCode).toBe(409);
  });

  it('lets the named new regisseur read the history, the plan and the current state', async () => {
    const detail = await as('b').request('GET', `/api/v1/casussen/${caseId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json() as {
      toegang: string;
      magRollenToewijzen: boolean;
      tijdlijn: { type: string }[];
    };
    expect(body.toegang).toBe('overdracht');
    expect(body.magRollenToewijzen).toBe(false);
    expect(body.tijdlijn.map((e) => e.type)).toContain('regie-overdracht-gestart');
    expect((await as('b').request('GET', `/api/v1/casussen/${caseId}/plannen`)).statusCode).toBe(
      200,
    );
    const list = await as('b').request('GET', `/api/v1/casussen/${caseId}/overdrachten-regie`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      magStarten: false,
      magGesprekVastleggen: true,
      magBeslissen: false,
      overdrachten: [{ status: 'open', naar: { medewerkerId: id('b') } }],
    });
    const worklist = await as('b').request('GET', '/api/v1/werkvoorraad');
    expect(worklist.body).toContain(caseId);
    // C, of the same team but not named, still sees nothing.
    expect((await as('c').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(404);
  });

  it('refuses completion without a joint meeting, saying so', async () => {
    const res = await as('lead').request(
      'POST',
      `/api/v1/regie-overdrachten/${handoverId}/afronden`,
    );
    expect(res.statusCode).toBe(409);
    const error = errorOf(res.body);
    expect(error.message).toContain('geen gezamenlijk gesprek vastgelegd');
    expect(error.message).toContain('ZTM-DEC-WARM-HANDOVER');
    expect((await casusregie()).filter((r) => r.tot === null).map((r) => r.medewerkerId)).toEqual([
      id('a'),
    ]);
  });

  it('records meetings only for those who take part, with valid input', async () => {
    const url = `/api/v1/regie-overdrachten/${handoverId}/gesprekken`;
    expect((await as('c').request('POST', url, meeting())).statusCode).toBe(404);
    expect((await as('planner').request('POST', url, meeting())).statusCode).toBe(403);
    const future = await as('b').request(
      'POST',
      url,
      meeting({
        gehoudenOp: '2026-03-13T10:00:00+01:00',
        aanwezig: { oudeRegisseur: true, nieuweRegisseur: true, gezinsleden: ['x'] },
      }),
    );
    expect(future.statusCode).toBe(400);
    expect(errorOf(future.body).fields?.map((f) => f.path)).toEqual([
      'body.gehoudenOp',
      'body.aanwezig.gezinsleden.0',
    ]);
    const unknown = await as('lead').request(
      'POST',
      '/api/v1/regie-overdrachten/00000000-0000-4000-8000-000000000000/gesprekken',
      meeting(),
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses completion when the meeting lacked the family, saying so', async () => {
    const url = `/api/v1/regie-overdrachten/${handoverId}/gesprekken`;
    const recorded = await as('b').request(
      'POST',
      url,
      meeting({ aanwezig: { oudeRegisseur: true, nieuweRegisseur: true, gezinsleden: [] } }),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ afrondenMogelijk: false });
    const res = await as('lead').request(
      'POST',
      `/api/v1/regie-overdrachten/${handoverId}/afronden`,
    );
    expect(res.statusCode).toBe(409);
    expect(errorOf(res.body).message).toContain('bij het gesprek van 12-03-2026 ontbrak het gezin');
    const view = await as('lead').request('GET', `/api/v1/casussen/${caseId}/overdrachten-regie`);
    expect(view.json()).toMatchObject({
      overdrachten: [{ afronden: { mogelijk: false, ontbreekt: ['gezin'] } }],
    });
  });

  it('keeps the flow-only timeline entries away from the general event route', async () => {
    const res = await as('lead').request('POST', `/api/v1/casussen/${caseId}/gebeurtenissen`, {
      type: 'regie-overdracht-afgerond',
      op: '2026-03-12T11:00:00+01:00',
    });
    expect(res.statusCode).toBe(400);
  });

  it('completes after a proper meeting: casusregie moves, history kept, both told', async () => {
    const recorded = await as('a').request(
      'POST',
      `/api/v1/regie-overdrachten/${handoverId}/gesprekken`,
      meeting({ gehoudenOp: '2026-03-12T13:30:00+01:00' }),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ afrondenMogelijk: true });
    const url = `/api/v1/regie-overdrachten/${handoverId}/afronden`;
    expect((await as('b').request('POST', url)).statusCode).toBe(403);
    expect((await as('planner').request('POST', url)).statusCode).toBe(403);
    const done = await as('lead').request('POST', url);
    expect(done.statusCode, done.body).toBe(200);

    const roles = await casusregie();
    const ended = roles.find((r) => r.medewerkerId === id('a'));
    expect(ended?.tot).toBe('2026-03-12T14:00:00.000Z');
    const running = roles.filter((r) => r.tot === null);
    expect(running.map((r) => r.medewerkerId)).toEqual([id('b')]);
    expect(running[0]?.reden).toContain('ZTM-DEC-WARM-HANDOVER');

    const detail = await as('b').request('GET', `/api/v1/casussen/${caseId}`);
    const body = detail.json() as { toegang: string; tijdlijn: { type: string }[] };
    expect(body.toegang).toBe('eigen-rol');
    expect(body.tijdlijn.map((e) => e.type)).toEqual(
      expect.arrayContaining(['regie-overdracht-gesprek', 'regie-overdracht-afgerond']),
    );
    // A, with the role ended, still reads the case through the responsible team.
    expect((await as('a').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(200);
    for (const who of ['a', 'b']) {
      const notes = await as(who).request('GET', '/api/v1/meldingen');
      expect(notes.body).toContain('De warme overdracht is afgerond');
    }
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', 'in', ['regie-overdracht.afronden', 'casus.rol-toewijzen'])
      .execute();
    expect(audit.map((a) => a.action)).toContain('regie-overdracht.afronden');
    expect((await as('lead').request('POST', url)).statusCode).toBe(409);
  });

  it('takes the reading access away again when a handover is cancelled', async () => {
    const started = await start('lead', id('d'), id('team3'));
    expect(started.statusCode, started.body).toBe(201);
    const next = (started.json() as { id: string }).id;
    // D, of a team without any role on the case, reads it only through the open handover.
    expect((await as('d').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(200);
    const url = `/api/v1/regie-overdrachten/${next}/annuleren`;
    expect((await as('d').request('POST', url, { reden: 'Toch niet nodig.' })).statusCode).toBe(
      403,
    );
    const short = await as('lead').request('POST', url, { reden: 'nee' });
    expect(short.statusCode).toBe(400);
    const cancelled = await as('lead').request('POST', url, {
      reden: 'Het gezin blijft toch in de wijk wonen.',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    expect((await as('d').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(404);
    expect(
      (await as('d').request('POST', `/api/v1/regie-overdrachten/${next}/gesprekken`, meeting()))
        .statusCode,
    ).toBe(404);
    const after = await as('lead').request('POST', `/api/v1/regie-overdrachten/${next}/afronden`);
    expect(after.statusCode).toBe(409);
    expect((await casusregie()).filter((r) => r.tot === null).map((r) => r.medewerkerId)).toEqual([
      id('b'),
    ]);
  });
});
