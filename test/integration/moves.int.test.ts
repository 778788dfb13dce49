/**
 * A family moves to another municipality through the API (issue 7, ZOU-DEC-ENDING step 3, with the
 * warm handover of ZTM-DEC-WARM-HANDOVER) on PGlite and, with TEST_DATABASE_URL, PostgreSQL: a
 * RIJ route A case of a RIJ local team moves to a LEK municipality's local team. Starting is
 * refused per field; outsiders get 404; the new regisseur reads the case while the handover is
 * open; completing without the joint meeting is refused (409, with the reason); after the meeting
 * the case's region, team and procesregie change, the old team gets 404, the new team reads it
 * and the LEK deadlines run from the transfer. A cancelled move changes nothing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, localDay } from '../../src/domain/time/index.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import type { OrganisationTable } from '../../src/store/schema.js';
import { freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;

interface CaseBody {
  regio: string;
  rollen: {
    rol: string;
    organisatieId: string | null;
    medewerkerId: string | null;
    tot: string | null;
  }[];
  tijdlijn: { type: string; op: string }[];
  termijnen: { rule: string; start: string; due: string }[];
  personen: { id: string }[];
}

describe.each(engines)('moving to another municipality on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let current = new Date('2026-03-12T15:00:00+01:00');
  const clock = { now: () => current };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (who: string) => ids.get(who) as string;

  const organisation = async (
    kind: OrganisationTable['kind'],
    region: string,
    name: string,
    parent: string | null = null,
  ) => {
    const row = await opened.db
      .insertInto('organisation')
      .values({ kind, name: `${name} ${engine}`, region, agb_code: null, parent_id: parent })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const rijGem = await organisation('gemeente', 'RIJ', 'Gemeente Rijnstad');
    const rijTeam = await organisation('lokaal-team', 'RIJ', 'Wijkteam Rijnstad', rijGem);
    const lekGem = await organisation('gemeente', 'LEK', 'Gemeente Lekdorp');
    const lekTeam = await organisation('lokaal-team', 'LEK', 'Sociaal Team Lekdorp', lekGem);
    const lekTeam2 = await organisation('lokaal-team', 'LEK', 'Sociaal Team Lekoord', lekGem);
    const zouTeam = await organisation('lokaal-team', 'ZOU', 'Team Zuid', null);
    const provider = await organisation('aanbieder', 'LEK', 'Aanbieder Lek');
    for (const [k, v] of Object.entries({
      rijGem,
      rijTeam,
      lekGem,
      lekTeam,
      lekTeam2,
      zouTeam,
      provider,
    }))
      ids.set(k, v);
    const accounts: [string, string, string[]][] = [
      ['rijLead', rijTeam, ['teamleider']],
      ['rijReg', rijTeam, ['casusregisseur']],
      ['lekReg', lekTeam, ['casusregisseur']],
      ['lekOther', lekTeam2, ['casusregisseur']],
      ['planner', provider, ['planner']],
    ];
    for (const [who, org, roles] of accounts) {
      ids.set(
        who,
        await staffAccount(opened, org, roles, `${who.toLowerCase()}-${engine}@verhuizing.nl`),
      );
      const c = new Client(app);
      expect((await c.login(`${who.toLowerCase()}-${engine}@verhuizing.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const newCase = async () => {
    const created = await as('rijLead').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'RIJ',
        jeugdigen: [{ naam: 'Daan Vos', geboortedatum: '2013-05-20', bsn: freshBsn() }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const caseId = (created.json() as { id: string }).id;
    const role = await as('rijLead').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      organisatieId: id('rijTeam'),
      medewerkerId: id('rijReg'),
      vanaf: '2026-03-03T09:00:00+01:00',
      reden: 'na de screening',
    });
    expect(role.statusCode, role.body).toBe(201);
    return caseId;
  };
  const moveBody = (over: object = {}) => ({
    gemeenteId: id('lekGem'),
    lokaalTeamId: id('lekTeam'),
    nieuweRegisseur: { medewerkerId: id('lekReg') },
    verhuisdatum: '2026-03-20',
    reden: 'Het gezin gaat bij de grootouders in Lekdorp wonen.',
    ...over,
  });
  const getCase = (who: string, caseId: string) =>
    as(who).request('GET', `/api/v1/casussen/${caseId}`);

  let caseId = '';
  let handoverId = '';

  it('refuses bad input per field, and outsiders or readers who may not assign roles', async () => {
    caseId = await newCase();
    const url = `/api/v1/casussen/${caseId}/verhuizingen`;
    expect((await as('lekReg').request('POST', url, moveBody())).statusCode).toBe(404);
    expect((await as('lekReg').request('GET', url)).statusCode).toBe(404);
    const bad = await as('rijLead').request(
      'POST',
      url,
      moveBody({
        gemeenteId: id('lekTeam'),
        lokaalTeamId: id('zouTeam'),
        nieuweRegisseur: { medewerkerId: id('planner') },
        verhuisdatum: '2028-01-01',
        reden: 'weg',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad.body).fields?.map((f) => f.path)).toEqual([
      'body.gemeenteId',
      'body.lokaalTeamId',
      'body.nieuweRegisseur.medewerkerId',
      'body.verhuisdatum',
      'body.reden',
    ]);
    const otherTeam = await as('rijLead').request(
      'POST',
      url,
      moveBody({ lokaalTeamId: id('rijTeam') }),
    );
    expect(errorOf(otherTeam.body).fields?.[0]).toMatchObject({ path: 'body.lokaalTeamId' });
    expect(errorOf(otherTeam.body).fields?.[0]?.message).toContain(
      'ZOU-DEC-ENDING, geldt in elke regio',
    );
    const notOfTeam = await as('rijLead').request(
      'POST',
      url,
      moveBody({ nieuweRegisseur: { medewerkerId: id('lekOther') } }),
    );
    expect(errorOf(notOfTeam.body).fields?.map((f) => f.path)).toEqual([
      'body.nieuweRegisseur.medewerkerId',
    ]);
    const stored = await opened.db
      .selectFrom('case_move')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(0);
    const handovers = await opened.db
      .selectFrom('casusregie_handover')
      .select('id')
      .where('case_id', '=', caseId)
      .execute();
    expect(handovers).toEqual([]);
  });

  it('starts the move with a warm handover the new regisseur can read', async () => {
    const res = await as('rijLead').request(
      'POST',
      `/api/v1/casussen/${caseId}/verhuizingen`,
      moveBody(),
    );
    expect(res.statusCode, res.body).toBe(201);
    handoverId = (res.json() as { overdrachtId: string }).overdrachtId;
    const second = await as('rijLead').request(
      'POST',
      `/api/v1/casussen/${caseId}/verhuizingen`,
      moveBody(),
    );
    expect(second.statusCode).toBe(409);

    const read = await getCase('lekReg', caseId);
    expect(read.statusCode, read.body).toBe(200);
    expect((read.json() as { toegang: string }).toegang).toBe('overdracht');
    expect((await getCase('lekOther', caseId)).statusCode).toBe(404);
    const list = await as('lekReg').request('GET', `/api/v1/casussen/${caseId}/verhuizingen`);
    expect(list.json()).toMatchObject({
      magStarten: false,
      verhuizingen: [
        {
          status: 'open',
          overdrachtId: handoverId,
          van: { regio: 'RIJ' },
          naar: { regio: 'LEK', gemeente: `Gemeente Lekdorp ${engine}` },
          verhuisdatum: '2026-03-20',
        },
      ],
    });
    const notices = await opened.db
      .selectFrom('notification')
      .select(['staff_id', 'rule_id'])
      .where('case_id', '=', caseId)
      .where('rule_id', '=', 'ZOU-DEC-ENDING')
      .execute();
    expect(notices.map((n) => n.staff_id)).toEqual(
      expect.arrayContaining([id('lekReg'), id('rijReg')]),
    );
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', '=', 'verhuizing.starten')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses completion without the joint meeting, saying why', async () => {
    const res = await as('rijLead').request(
      'POST',
      `/api/v1/regie-overdrachten/${handoverId}/afronden`,
    );
    expect(res.statusCode).toBe(409);
    expect(errorOf(res.body).message).toContain('ZTM-DEC-WARM-HANDOVER');
    expect(errorOf(res.body).message).toContain('geen gezamenlijk gesprek');
    const casus = await opened.db
      .selectFrom('casus')
      .select(['region', 'responsible_team_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(casus).toEqual({ region: 'RIJ', responsible_team_id: id('rijTeam') });
  });

  it('after the meeting moves the case: region, team and procesregie; the old team loses it', async () => {
    const family = ((await getCase('rijLead', caseId)).json() as CaseBody).personen.map(
      (p) => p.id,
    );
    const meeting = await as('lekReg').request(
      'POST',
      `/api/v1/regie-overdrachten/${handoverId}/gesprekken`,
      {
        gehoudenOp: '2026-03-12T11:00:00+01:00',
        aanwezig: { oudeRegisseur: true, nieuweRegisseur: true, gezinsleden: family },
        verslag: 'Voorgeschiedenis, het plan en de lopende hulp samen met het gezin doorgenomen.',
      },
    );
    expect(meeting.statusCode, meeting.body).toBe(201);
    current = new Date('2026-03-12T16:30:00+01:00');
    // An hour and a half later every session has been idle too long (ADR 0016): log in again.
    for (const [who, c] of clients) await c.login(`${who.toLowerCase()}-${engine}@verhuizing.nl`);
    const done = await as('rijLead').request(
      'POST',
      `/api/v1/regie-overdrachten/${handoverId}/afronden`,
    );
    expect(done.statusCode, done.body).toBe(200);

    expect((await getCase('rijLead', caseId)).statusCode).toBe(404);
    expect((await getCase('rijReg', caseId)).statusCode).toBe(404);
    const read = await getCase('lekReg', caseId);
    expect(read.statusCode, read.body).toBe(200);
    const body = read.json() as CaseBody;
    expect(body.regio).toBe('LEK');
    const running = body.rollen.filter((r) => r.tot === null);
    expect(running.find((r) => r.rol === 'procesregie')?.organisatieId).toBe(id('lekTeam'));
    expect(running.find((r) => r.rol === 'casusregie')?.medewerkerId).toBe(id('lekReg'));
    expect(
      body.rollen.some((r) => r.rol === 'procesregie' && r.organisatieId === id('rijTeam')),
    ).toBe(true);
    expect(body.tijdlijn.map((e) => e.type)).toContain('verhuizing');
    // LEK-TERM-START-AMBULANT: help within 8 weeks of the aanmelding — now of the transfer.
    const transferDay = localDay(current.getTime());
    const start = body.termijnen.find((t) => t.rule === 'LEK-TERM-START-AMBULANT');
    expect(start).toMatchObject({
      start: formatIsoDate(transferDay),
      due: formatIsoDate(addDays(transferDay, 56)),
    });
    expect(body.termijnen.some((t) => t.rule.startsWith('RIJ-'))).toBe(false);
    const casus = await opened.db
      .selectFrom('casus')
      .innerJoin('household', 'household.id', 'casus.household_id')
      .select(['casus.region', 'casus.responsible_team_id', 'household.region as householdRegion'])
      .where('casus.id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(casus).toEqual({
      region: 'LEK',
      responsible_team_id: id('lekTeam'),
      householdRegion: 'LEK',
    });
    const list = await as('lekReg').request('GET', `/api/v1/casussen/${caseId}/verhuizingen`);
    expect(list.json()).toMatchObject({ verhuizingen: [{ status: 'afgerond' }] });
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', '=', 'verhuizing.afronden')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('cancelling the handover cancels the move and changes nothing else', async () => {
    const other = await newCase();
    const started = await as('rijLead').request(
      'POST',
      `/api/v1/casussen/${other}/verhuizingen`,
      moveBody(),
    );
    expect(started.statusCode, started.body).toBe(201);
    const hid = (started.json() as { overdrachtId: string }).overdrachtId;
    const before = (await getCase('rijLead', other)).json() as CaseBody;
    const cancel = await as('rijLead').request(
      'POST',
      `/api/v1/regie-overdrachten/${hid}/annuleren`,
      {
        reden: 'Het gezin blijft toch in Rijnstad wonen.',
      },
    );
    expect(cancel.statusCode, cancel.body).toBe(204);
    const after = (await getCase('rijLead', other)).json() as CaseBody;
    expect(after.regio).toBe('RIJ');
    expect(after.rollen).toEqual(before.rollen);
    expect(after.termijnen).toEqual(before.termijnen);
    expect((await getCase('lekReg', other)).statusCode).toBe(404);
    const list = await as('rijLead').request('GET', `/api/v1/casussen/${other}/verhuizingen`);
    expect(list.json()).toMatchObject({
      magStarten: true,
      verhuizingen: [{ status: 'geannuleerd' }],
    });
  });

  it('a receiving team that keeps registrations asks why an unregistered regisseur takes over (GRO-DEC-WERKTOEDELING)', async () => {
    const other = await newCase();
    // The new team records registrations (a colleague has one); the named regisseur has none.
    const colleague = await staffAccount(
      opened,
      id('lekTeam'),
      ['casusregisseur'],
      `lekcol-${engine}@verhuizing.nl`,
    );
    await opened.db
      .insertInto('staff_registration')
      .values({
        staff_id: colleague,
        register: 'skj',
        number: '100012345',
        valid_from: '2020-01-01',
        valid_until: null,
        recorded_by: colleague,
        recorded_at: new Date('2026-01-01T10:00:00Z'),
      })
      .execute();
    const url = `/api/v1/casussen/${other}/verhuizingen`;
    const refused = await as('rijLead').request('POST', url, moveBody());
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.body).toContain('body.uitlegZonderRegistratie');
    expect(refused.body).toContain('GRO-DEC-WERKTOEDELING');
    expect(
      (await as('rijLead').request('GET', url)).json() as { verhuizingen: unknown[] },
    ).toMatchObject({ verhuizingen: [] });
    const explained = await as('rijLead').request(
      'POST',
      url,
      moveBody({
        uitlegZonderRegistratie: 'Haar SKJ-registratie loopt; zij kent het gezin al van school.',
      }),
    );
    expect(explained.statusCode, explained.body).toBe(201);
  });
});
