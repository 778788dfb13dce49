/**
 * Staff registration and comply-or-explain through the API (issue 9, GRO-DEC-WERKTOEDELING,
 * ADR 0023) on PGlite and, with TEST_DATABASE_URL, PostgreSQL. The team lead records SKJ/BIG
 * registrations for the own team; colleagues get 403, other organisations 404. Once the team
 * keeps registrations, casusregie for an unregistered professional (role assignment or warm
 * handover) is refused with 409 naming `uitlegZonderRegistratie` and nothing is stored; with an
 * explanation it is stored, audited and shown in the team view; a registered professional needs
 * none, and a registration past its end date no longer counts.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;

interface TeamView {
  regel: string;
  medewerkers: { id: string; naam: string; status: string; geldigTot: string | null }[];
  toedelingenMetUitleg: {
    casusId: string;
    medewerkerId: string;
    soort: string;
    datum: string;
    uitleg: string;
  }[];
}

const EXPLANATION = 'Enige beschikbare collega met kennis van deze wijk; registratie loopt.';

describe.each(engines)('staff registration, comply or explain, on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clock = { now: () => new Date('2026-06-15T10:00:00+02:00') };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (who: string) => ids.get(who) as string;
  let caseId = '';

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'GRO');
    const team2 = await createOrganisation(opened.db, 'lokaal-team', 'GRO');
    ids.set('team', team);
    ids.set('team2', team2);
    const accounts: [string, string, string[]][] = [
      ['lead', team, ['teamleider']],
      ['registered', team, ['casusregisseur']],
      ['unregistered', team, ['casusregisseur']],
      ['expired', team, ['casusregisseur']],
      ['other', team2, ['casusregisseur']],
      ['otherLead', team2, ['teamleider']],
    ];
    for (const [who, org, roles] of accounts) {
      ids.set(
        who,
        await staffAccount(opened, org, roles, `${who.toLowerCase()}-${engine}@registratie.nl`),
      );
      const c = new Client(app);
      expect((await c.login(`${who.toLowerCase()}-${engine}@registratie.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
    const created = await as('lead').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({ regio: 'GRO', aangemeldOp: '2026-06-01T09:00:00+02:00' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const record = (who: string, staff: string, body: object) =>
    as(who).request('POST', `/api/v1/medewerkers/${staff}/registraties`, body);
  const assign = (staff: string, extra: object = {}) =>
    as('lead').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      organisatieId: id('team'),
      medewerkerId: staff,
      vanaf: '2026-06-15T09:00:00+02:00',
      reden: 'na de vraagverheldering',
      ...extra,
    });
  const count = async (table: 'unregistered_assignment' | 'staff_registration' | 'case_role') =>
    Number(
      (
        await opened.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const teamView = async () => {
    const res = await as('lead').request('GET', '/api/v1/team/registraties');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TeamView;
  };

  it('only the team lead of the own organisation records registrations', async () => {
    const skj = { register: 'skj', nummer: '100012345', geldigVanaf: '2024-01-01' };
    const selfRecord = await record('registered', id('registered'), skj);
    expect(selfRecord.statusCode, selfRecord.body).toBe(403);
    expect((await record('unregistered', id('registered'), skj)).statusCode).toBe(404);
    expect((await record('otherLead', id('registered'), skj)).statusCode).toBe(404);
    expect((await record('other', id('registered'), skj)).statusCode).toBe(404);
    expect(await count('staff_registration')).toBe(0);

    const bad = await record('lead', id('registered'), {
      register: 'big',
      nummer: '123',
      geldigVanaf: '2026-01-01',
      geldigTot: '2025-12-31',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad.body).fields?.map((f) => f.path)).toEqual(['body.nummer', 'body.geldigTot']);
    expect(await count('staff_registration')).toBe(0);

    const ok = await record('lead', id('registered'), { ...skj, geldigTot: '2029-12-31' });
    expect(ok.statusCode, ok.body).toBe(201);
    // Expired yesterday: no longer counts.
    const old = await record('lead', id('expired'), {
      register: 'big',
      nummer: '19012345601',
      geldigVanaf: '2021-06-15',
      geldigTot: '2026-06-14',
    });
    expect(old.statusCode, old.body).toBe(201);
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'registratie.vastleggen')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('the professional sees their own registrations, colleagues and outsiders do not', async () => {
    const own = await as('registered').request(
      'GET',
      `/api/v1/medewerkers/${id('registered')}/registraties`,
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      status: 'geldig',
      geldigTot: '2029-12-31',
      magVastleggen: false,
      registraties: [{ register: 'skj', nummer: '100012345', geldigVandaag: true }],
    });
    const url = `/api/v1/medewerkers/${id('registered')}/registraties`;
    expect((await as('unregistered').request('GET', url)).statusCode).toBe(404);
    expect((await as('otherLead').request('GET', url)).statusCode).toBe(404);
    expect((await as('lead').request('GET', url)).statusCode).toBe(200);
    expect((await as('registered').request('GET', '/api/v1/team/registraties')).statusCode).toBe(
      403,
    );
  });

  it('refuses casusregie for an unregistered professional without an explanation (409), storing nothing', async () => {
    const roles = await count('case_role');
    for (const [who, extra] of [
      ['unregistered', {}],
      ['unregistered', { uitlegZonderRegistratie: 'te kort' }],
      ['expired', {}],
    ] as const) {
      const res = await assign(id(who), extra);
      expect(res.statusCode, res.body).toBe(409);
      const error = errorOf(res.body);
      expect(error.message).toContain('GRO-DEC-WERKTOEDELING');
      expect(error.message).toContain('verantwoorde werktoedeling');
      expect(error.fields?.map((f) => f.path)).toEqual(['body.uitlegZonderRegistratie']);
    }
    expect(await count('case_role')).toBe(roles);
    expect(await count('unregistered_assignment')).toBe(0);
  });

  it('a registered professional needs no explanation', async () => {
    const res = await assign(id('registered'));
    expect(res.statusCode, res.body).toBe(201);
    expect(await count('unregistered_assignment')).toBe(0);
  });

  it('with an explanation the assignment is stored, audited and shown in the team view', async () => {
    const res = await assign(id('unregistered'), { uitlegZonderRegistratie: EXPLANATION });
    expect(res.statusCode, res.body).toBe(201);
    const roleId = (res.json() as { id: string }).id;
    const stored = await opened.db
      .selectFrom('unregistered_assignment')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      role_id: roleId,
      staff_id: id('unregistered'),
      kind: 'rol',
      on_day: '2026-06-15',
      explanation: EXPLANATION,
      rule_id: 'GRO-DEC-WERKTOEDELING',
    });
    const audit = await opened.db
      .selectFrom('audit_log')
      .select(['case_id'])
      .where('action', '=', 'werktoedeling.uitleggen')
      .execute();
    expect(audit).toEqual([{ case_id: caseId }]);

    const view = await teamView();
    expect(view.regel).toBe('GRO-DEC-WERKTOEDELING');
    const status = Object.fromEntries(view.medewerkers.map((m) => [m.id, m.status]));
    expect(status).toEqual({
      [id('lead')]: 'geen',
      [id('registered')]: 'geldig',
      [id('unregistered')]: 'geen',
      [id('expired')]: 'geen',
    });
    expect(view.toedelingenMetUitleg).toEqual([
      expect.objectContaining({
        casusId: caseId,
        medewerkerId: id('unregistered'),
        soort: 'rol',
        datum: '2026-06-15',
        uitleg: EXPLANATION,
      }),
    ]);
    // Another team's lead sees only their own team.
    const other = await as('otherLead').request('GET', '/api/v1/team/registraties');
    expect((other.json() as TeamView).toedelingenMetUitleg).toEqual([]);
  });

  it('a warm handover to an unregistered professional needs an explanation too', async () => {
    const start = (extra: object = {}) =>
      as('lead').request('POST', `/api/v1/casussen/${caseId}/overdrachten-regie`, {
        nieuweRegisseur: { medewerkerId: id('expired'), organisatieId: id('team') },
        reden: 'De huidige casusregisseur gaat met verlof.',
        ...extra,
      });
    const refused = await start();
    expect(refused.statusCode, refused.body).toBe(409);
    expect(errorOf(refused.body).fields?.map((f) => f.path)).toEqual([
      'body.uitlegZonderRegistratie',
    ]);
    expect(await count('unregistered_assignment')).toBe(1);
    const open = await opened.db.selectFrom('casusregie_handover').select('id').execute();
    expect(open).toEqual([]);

    const started = await start({ uitlegZonderRegistratie: EXPLANATION });
    expect(started.statusCode, started.body).toBe(201);
    const view = await teamView();
    // Both at the same (fixed) clock time: compare without order.
    expect(view.toedelingenMetUitleg.map((e) => `${e.soort}:${e.medewerkerId}`).sort()).toEqual(
      [`overdracht:${id('expired')}`, `rol:${id('unregistered')}`].sort(),
    );
  });

  it('a registration that is about to end is flagged as expiring', async () => {
    const res = await record('lead', id('unregistered'), {
      register: 'skj',
      nummer: '100099999',
      geldigVanaf: '2026-06-01',
      geldigTot: '2026-08-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const view = await teamView();
    expect(view.medewerkers.find((m) => m.id === id('unregistered'))).toMatchObject({
      status: 'verloopt',
      geldigTot: '2026-08-31',
    });
  });
});

describe.each(engines)('an organisation that keeps no registrations yet, on %s', (engine) => {
  it('assigns casusregie without an explanation (ADR 0023)', async () => {
    const opened = await freshDatabase(engine);
    const app = await buildApp({
      db: opened.db,
      clock: { now: () => new Date('2026-06-15T10:00:00+02:00') },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    try {
      const team = await createOrganisation(opened.db, 'lokaal-team', 'GRO');
      const lead = new Client(app);
      await staffAccount(opened, team, ['teamleider'], `lead-${engine}@geen-registraties.nl`);
      const worker = await staffAccount(
        opened,
        team,
        ['casusregisseur'],
        `w-${engine}@geen-registraties.nl`,
      );
      expect((await lead.login(`lead-${engine}@geen-registraties.nl`)).statusCode).toBe(200);
      const created = await lead.request(
        'POST',
        '/api/v1/casussen',
        routeARequest({ regio: 'GRO', aangemeldOp: '2026-06-01T09:00:00+02:00' }),
      );
      const caseId = (created.json() as { id: string }).id;
      const res = await lead.request('POST', `/api/v1/casussen/${caseId}/rollen`, {
        rol: 'casusregie',
        houder: 'professional',
        organisatieId: team,
        medewerkerId: worker,
        vanaf: '2026-06-15T09:00:00+02:00',
        reden: 'na de vraagverheldering',
      });
      expect(res.statusCode, res.body).toBe(201);
    } finally {
      await app.close();
      await opened.close();
    }
  });
});
