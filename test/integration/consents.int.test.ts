/**
 * The consent register through the API (issue 8; Jeugdwet 7.3.11; ADR 0018) on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL. In Zoetermeer casusregisseur A (team 1) holds casusregie over a
 * family with a child under 12, so the mother decides. Invalid entries are refused naming the
 * field and store nothing; a withdrawal is a new entry (history kept); after the mother withdraws
 * her consent for local teams, a handover to a casusregisseur of team 2 is refused with a message
 * that names her, what she withdrew and when; given again, the handover starts; withdrawn once
 * more, completing it is refused. Outsiders get 404, a provider reading the case 403.
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

interface Register {
  verklaringen: { persoon: string; stand: string; datum: string; ontvanger: string }[];
  standen: { ontvanger: string; stand: string; redenen: string[] }[];
  magVastleggen: boolean;
}

describe.each(engines)('consent register on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let now = new Date('2026-03-12T15:00:00+01:00');
  const clock = { now: () => now };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (who: string) => ids.get(who) as string;
  let caseId = '';
  let childId = '';
  let motherId = '';

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const team2 = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const team3 = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const provider = await createOrganisation(opened.db, 'aanbieder', 'ZTM');
    ids.set('team', team);
    ids.set('team2', team2);
    ids.set('provider', provider);
    const accounts: [string, string, string[]][] = [
      ['a', team, ['casusregisseur']],
      ['lead', team, ['teamleider']],
      ['b', team2, ['casusregisseur']],
      ['d', team3, ['casusregisseur']],
      ['planner', provider, ['planner']],
    ];
    for (const [who, org, roles] of accounts) {
      ids.set(who, await staffAccount(opened, org, roles, `${who}-${engine}@toestemming.nl`));
      const c = new Client(app);
      expect((await c.login(`${who}-${engine}@toestemming.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
    const created = await as('lead').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'ZTM',
        gezin: { naam: 'Gezin de Wit' },
        jeugdigen: [{ naam: 'Mees de Wit', geboortedatum: '2017-04-01', bsn: freshBsn() }],
        ouders: [{ naam: 'Sanne de Wit', soort: 'ouder' }],
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
    const persons = (detail.json() as { personen: { id: string; soort: string }[] }).personen;
    childId = persons.find((p) => p.soort === 'jeugdige')?.id as string;
    motherId = persons.find((p) => p.soort === 'ouder')?.id as string;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const entry = (over: object = {}) => ({
    persoonId: motherId,
    ontvanger: 'lokaal-team',
    doel: 'overdracht van de casusregie aan een ander lokaal team',
    stand: 'gegeven',
    datum: '2026-03-05',
    wijze: 'schriftelijk',
    ...over,
  });
  const register = async () => {
    const res = await as('a').request('GET', `/api/v1/casussen/${caseId}/toestemmingen`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Register;
  };
  const startHandover = () =>
    as('lead').request('POST', `/api/v1/casussen/${caseId}/overdrachten-regie`, {
      nieuweRegisseur: { medewerkerId: id('b'), organisatieId: id('team2') },
      reden: 'Het gezin verhuist binnen de gemeente naar de wijk van team 2.',
    });

  it('refuses invalid entries naming every field, and stores nothing', async () => {
    const bad = await as('a').request(
      'POST',
      `/api/v1/casussen/${caseId}/toestemmingen`,
      entry({ persoonId: childId, doel: '', datum: '2026-03-13', organisatieId: id('provider') }),
    );
    expect(bad.statusCode, bad.body).toBe(400);
    const paths = errorOf(bad.body).fields?.map((f) => f.path);
    expect(paths).toEqual(['body.persoonId', 'body.doel', 'body.datum', 'body.organisatieId']);
    expect(errorOf(bad.body).fields?.[0]?.message).toContain('jonger dan 12');
    const shape = await as('a').request(
      'POST',
      `/api/v1/casussen/${caseId}/toestemmingen`,
      entry({ ontvanger: 'buurman', wijze: 'per duif' }),
    );
    expect(shape.statusCode).toBe(400);
    expect(errorOf(shape.body).fields?.map((f) => f.path)).toEqual(
      expect.arrayContaining(['body.ontvanger', 'body.wijze']),
    );
    expect((await register()).verklaringen).toEqual([]);
  });

  it('lets only the casusregisseur and who assigns roles record; outsiders get 404', async () => {
    const outsider = await as('d').request('GET', `/api/v1/casussen/${caseId}/toestemmingen`);
    expect(outsider.statusCode).toBe(404);
    const outsiderPost = await as('d').request(
      'POST',
      `/api/v1/casussen/${caseId}/toestemmingen`,
      entry(),
    );
    expect(outsiderPost.statusCode).toBe(404);
    const provider = await as('planner').request(
      'POST',
      `/api/v1/casussen/${caseId}/toestemmingen`,
      entry(),
    );
    expect(provider.statusCode).toBe(403);
    const read = await as('planner').request('GET', `/api/v1/casussen/${caseId}/toestemmingen`);
    expect((read.json() as Register).magVastleggen).toBe(false);
    expect((await register()).magVastleggen).toBe(true);
  });

  it('without an entry the handover preview warns but does not block', async () => {
    const res = await as('lead').request(
      'GET',
      `/api/v1/casussen/${caseId}/toestemmingen/overdracht?organisatieId=${id('team2')}`,
    );
    const body = res.json() as { toestemming: { stand: string; melding: string } };
    expect(body.toestemming.stand).toBe('onbekend');
    expect(body.toestemming.melding).toContain('Toestemming niet vastgelegd');
  });

  it('a withdrawal blocks the next handover with a clear message; consent again unblocks', async () => {
    const given = await as('a').request(
      'POST',
      `/api/v1/casussen/${caseId}/toestemmingen`,
      entry(),
    );
    expect(given.statusCode, given.body).toBe(201);
    const withdrawn = await as('a').request(
      'POST',
      `/api/v1/casussen/${caseId}/toestemmingen`,
      entry({ stand: 'ingetrokken', datum: '2026-03-10', wijze: 'mondeling' }),
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);

    const refused = await startHandover();
    expect(refused.statusCode, refused.body).toBe(409);
    const message = errorOf(refused.body).message;
    expect(message).toContain('Sanne de Wit heeft op 10-03-2026 (mondeling)');
    expect(message).toContain('ingetrokken');
    expect(message).toContain('lokaal team');
    expect(message).toContain('Jeugdwet artikel 7.3.11');
    const none = await as('lead').request('GET', `/api/v1/casussen/${caseId}/overdrachten-regie`);
    expect((none.json() as { overdrachten: unknown[] }).overdrachten).toEqual([]);

    // History is kept: both entries, newest first; today's state per kind.
    const after = await register();
    expect(after.verklaringen.map((v) => v.stand)).toEqual(['ingetrokken', 'gegeven']);
    expect(after.standen.find((s) => s.ontvanger === 'lokaal-team')?.stand).toBe('ingetrokken');
    expect(after.standen.find((s) => s.ontvanger === 'school')?.stand).toBe('onbekend');

    const again = await as('a').request(
      'POST',
      `/api/v1/casussen/${caseId}/toestemmingen`,
      entry({ datum: '2026-03-12', wijze: 'digitaal' }),
    );
    expect(again.statusCode, again.body).toBe(201);
    const started = await startHandover();
    expect(started.statusCode, started.body).toBe(201);
    const handoverId = (started.json() as { id: string }).id;
    const open = await as('lead').request('GET', `/api/v1/casussen/${caseId}/overdrachten-regie`);
    const h = (open.json() as { overdrachten: { toestemming: { stand: string } }[] })
      .overdrachten[0];
    expect(h?.toestemming.stand).toBe('gegeven');

    // Withdrawn again meanwhile: completing is refused too, after a proper meeting.
    const meeting = await as('a').request(
      'POST',
      `/api/v1/regie-overdrachten/${handoverId}/gesprekken`,
      {
        gehoudenOp: '2026-03-12T14:00:00+01:00',
        aanwezig: { oudeRegisseur: true, nieuweRegisseur: true, gezinsleden: [motherId] },
        verslag: 'Achtergrond, plan en stand van zaken samen met het gezin doorgenomen.',
      },
    );
    expect(meeting.statusCode, meeting.body).toBe(201);
    now = new Date('2026-03-12T15:05:00+01:00');
    await as('lead').request(
      'POST',
      `/api/v1/casussen/${caseId}/toestemmingen`,
      entry({ stand: 'ingetrokken', datum: '2026-03-12', wijze: 'mondeling' }),
    );
    const complete = await as('lead').request(
      'POST',
      `/api/v1/regie-overdrachten/${handoverId}/afronden`,
    );
    expect(complete.statusCode, complete.body).toBe(409);
    expect(errorOf(complete.body).message).toContain('Sanne de Wit heeft op 12-03-2026');
  });

  it('audits every entry without leaving the register', async () => {
    const audit = await opened.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('case_id', '=', caseId)
      .where('action', 'like', 'toestemming.%')
      .execute();
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === 'toestemming.intrekken')).toHaveLength(2);
    expect(actions.filter((a) => a === 'toestemming.geven')).toHaveLength(2);
    expect(actions).toContain('toestemming.lezen');
  });
});
