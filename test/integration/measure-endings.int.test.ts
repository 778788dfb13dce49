/**
 * The end of a court measure through the API (route C; RIJ-DEC-MEASURE-END, RIJ-TERM-RVDK-OTS)
 * on PGlite and, with TEST_DATABASE_URL, PostgreSQL. An OTS in RIJ: the GI starts the record;
 * bad input is refused naming the fields and stores nothing; completing is refused naming every
 * missing condition with its rule ID (an RvdK review before the latest planned end does not
 * count); after the teamtafel, the afsluitrapportage, a review and the warm handover of casusregie
 * to a local team professional, the GI (still holding procesregie) completes it. A voogdij ends
 * with casusregie at the family and needs no review; an OTS elsewhere is refused with "geldt in
 * elke regio". Parties not on the case get 404; a reader not on the GI side 403.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { measureEndingStatus } from '../../src/store/measure-endings.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;
const paths = (body: string) => (errorOf(body).fields ?? []).map((f) => f.path);

interface Ending {
  vanToepassing: boolean;
  geplandEinde: string | null;
  afsluiting: {
    status: string;
    casusregieNaar: string;
    teamtafel: { gezinsleden: { id: string; naam: string }[] } | null;
    afsluitrapportage: { doelen: unknown[]; toestemmingDelen: string } | null;
  } | null;
  voorwaarden: { voorwaarde: string; regel: string; voldaan: boolean; vanToepassing: boolean }[];
  magBewerken: boolean;
}

describe.each(engines)('the end of a court measure on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clock = { now: () => new Date('2026-06-10T10:00:00+02:00') };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (who: string) => ids.get(who) as string;
  let caseId = '';
  let family: string[] = [];

  const url = (c = caseId, rest = '') => `/api/v1/casussen/${c}/einde-maatregel${rest}`;
  const teamTable = (over: object = {}) => ({
    gehoudenOp: '2026-06-08',
    gezinsleden: [family[1]],
    toekomstigeRegisseur: 'Casusregisseur van het wijkteam',
    ketenpartners: 'school, huisarts',
    afspraken: 'Het wijkteam neemt de casusregie over; moeder belt bij zorgen het wijkteam.',
    ...over,
  });
  const goal = (over: object = {}) => ({
    doel: 'Noor gaat elke schooldag naar school',
    wieSoort: 'gezin',
    wie: 'moeder',
    wat: 'brengt Noor naar school en meldt ziekte voor 8 uur',
    wanneer: '2026-09-01',
    ...over,
  });
  const report = (over: object = {}) => ({
    afgelopenPeriode: 'Twee jaar OTS; de veiligheid thuis is stabiel en de hulp loopt.',
    doelen: [goal()],
    toestemmingDelen: 'ja',
    ...over,
  });
  const view = async (who = 'gi', c = caseId) => {
    const res = await as(who).request('GET', url(c));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Ending;
  };
  const event = async (c: string, body: object) => {
    const res = await as('gi').request('POST', `/api/v1/casussen/${c}/gebeurtenissen`, body);
    expect(res.statusCode, res.body).toBe(201);
  };
  const register = async (regio: string, maatregel: string) => {
    const created = await as(regio === 'RIJ' ? 'gi' : 'giLek').request('POST', '/api/v1/casussen', {
      ...routeARequest({ regio }),
      route: 'C',
      maatregel,
      rechterlijkeOpdracht: { datum: '2026-03-02' },
      gezin: { naam: 'Gezin Bakker' },
      jeugdigen: [{ naam: 'Noor Bakker', geboortedatum: '2012-05-20', bsn: freshBsn() }],
      ouders: [{ naam: 'Kim Bakker', soort: 'ouder' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    return (created.json() as { id: string }).id;
  };

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const gi = await createOrganisation(opened.db, 'gi', 'RIJ');
    const giLek = await createOrganisation(opened.db, 'gi', 'LEK');
    const team = await createOrganisation(opened.db, 'lokaal-team', 'RIJ');
    const provider = await createOrganisation(opened.db, 'aanbieder', 'RIJ');
    ids.set('team', team);
    const accounts: [string, string, string[]][] = [
      ['gi', gi, ['jeugdbeschermer']],
      ['giLek', giLek, ['jeugdbeschermer']],
      ['wijk', team, ['casusregisseur']],
      ['teamgenoot', team, ['casusregisseur']],
      ['planner', provider, ['planner']],
    ];
    for (const [who, org, roles] of accounts) {
      ids.set(
        who,
        await staffAccount(opened, org, roles, `${who.toLowerCase()}-${engine}@maatregel.nl`),
      );
      const c = new Client(app);
      expect((await c.login(`${who.toLowerCase()}-${engine}@maatregel.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
    caseId = await register('RIJ', 'ots');
    const detail = await as('gi').request('GET', `/api/v1/casussen/${caseId}`);
    family = (detail.json() as { personen: { id: string }[] }).personen.map((p) => p.id);
    // The planned end of the OTS, recorded on 1 April.
    await event(caseId, {
      type: 'maatregel-einde',
      op: '2026-04-01T10:00:00+02:00',
      datum: '2026-08-19',
    });
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const audits = async (action: string) =>
    opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', '=', action)
      .execute();

  it('shows the planned end and lets the GI side start; before that there is no record', async () => {
    const before = await view();
    expect(before).toMatchObject({
      vanToepassing: true,
      geplandEinde: '2026-08-19',
      afsluiting: null,
      voorwaarden: [],
      magBewerken: true,
    });
    expect(await measureEndingStatus(opened.db, caseId)).toBeNull();
  });

  it('answers 404 to a provider and a local team member not on the case, and stores nothing', async () => {
    for (const who of ['planner', 'wijk']) {
      expect((await as(who).request('GET', url())).statusCode).toBe(404);
      expect(
        (await as(who).request('POST', url(), { casusregieNaar: 'lokaal-team' })).statusCode,
      ).toBe(404);
      expect(
        (await as(who).request('PUT', url(caseId, '/teamtafel'), teamTable())).statusCode,
      ).toBe(404);
      expect((await as(who).request('POST', url(caseId, '/afronden'))).statusCode).toBe(404);
    }
    expect(await measureEndingStatus(opened.db, caseId)).toBeNull();
  });

  it('refuses a bad destination naming the field, then starts once', async () => {
    const bad = await as('gi').request('POST', url(), { casusregieNaar: 'aanbieder' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.body)).toContain('body.casusregieNaar');
    expect(await measureEndingStatus(opened.db, caseId)).toBeNull();
    const started = await as('gi').request('POST', url(), { casusregieNaar: 'lokaal-team' });
    expect(started.statusCode, started.body).toBe(201);
    expect(await measureEndingStatus(opened.db, caseId)).toBe('open');
    const again = await as('gi').request('POST', url(), { casusregieNaar: 'gezin' });
    expect(again.statusCode).toBe(409);
    expect((await view()).afsluiting?.casusregieNaar).toBe('lokaal-team');
  });

  it('refuses a bad teamtafel and a bad afsluitrapportage naming the fields; nothing stored', async () => {
    const table = await as('gi').request(
      'PUT',
      url(caseId, '/teamtafel'),
      teamTable({
        gehoudenOp: '2026-06-11',
        gezinsleden: [],
        toekomstigeRegisseur: '',
        afspraken: '',
      }),
    );
    expect(table.statusCode).toBe(400);
    expect(paths(table.body)).toEqual([
      'body.gehoudenOp',
      'body.gezinsleden',
      'body.toekomstigeRegisseur',
      'body.afspraken',
    ]);
    const stranger = await as('gi').request(
      'PUT',
      url(caseId, '/teamtafel'),
      teamTable({ gezinsleden: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(paths(stranger.body)).toEqual(['body.gezinsleden']);
    const noGoals = await as('gi').request(
      'PUT',
      url(caseId, '/afsluitrapportage'),
      report({ doelen: [] }),
    );
    expect(noGoals.statusCode).toBe(400);
    expect(paths(noGoals.body)).toEqual(['body.doelen']);
    const vague = await as('gi').request(
      'PUT',
      url(caseId, '/afsluitrapportage'),
      report({ doelen: [goal({ wie: '', wanneer: '2026-05-01' })] }),
    );
    expect(paths(vague.body)).toEqual(['body.doelen.0.wie', 'body.doelen.0.wanneer']);
    const consent = await as('gi').request(
      'PUT',
      url(caseId, '/afsluitrapportage'),
      report({ toestemmingDelen: 'misschien' }),
    );
    expect(consent.statusCode).toBe(400);
    expect(paths(consent.body)).toContain('body.toestemmingDelen');
    const after = await view();
    expect(after.afsluiting?.teamtafel).toBeNull();
    expect(after.afsluiting?.afsluitrapportage).toBeNull();
    expect(await audits('einde-maatregel.teamtafel')).toHaveLength(0);
    expect(await audits('einde-maatregel.afsluitrapportage')).toHaveLength(0);
  });

  it('refuses completing with every missing condition and its rule ID; nothing changes', async () => {
    const res = await as('gi').request('POST', url(caseId, '/afronden'));
    expect(res.statusCode).toBe(409);
    const error = errorOf(res.body);
    expect(error.fields?.map((f) => f.path)).toEqual([
      'teamtafel',
      'afsluitrapportage',
      'rvdk-toetsing',
      'casusregie',
    ]);
    expect(error.message).toContain('RIJ-DEC-MEASURE-END');
    expect(error.message).toContain('RIJ-TERM-RVDK-OTS');
    expect(error.message).not.toContain('geldt in elke regio');
    expect(await measureEndingStatus(opened.db, caseId)).toBe('open');
    const timeline = await opened.db
      .selectFrom('case_event')
      .select('type')
      .where('case_id', '=', caseId)
      .where('type', '=', 'maatregel-afgesloten')
      .execute();
    expect(timeline).toHaveLength(0);
    // Only this flow writes the entry, never the general event route.
    const forged = await as('gi').request('POST', `/api/v1/casussen/${caseId}/gebeurtenissen`, {
      type: 'maatregel-afgesloten',
      op: '2026-06-10T09:00:00+02:00',
    });
    expect(forged.statusCode).toBe(400);
  });

  it('counts only an RvdK review after the latest planned end', async () => {
    expect((await as('gi').request('PUT', url(caseId, '/teamtafel'), teamTable())).statusCode).toBe(
      204,
    );
    expect(
      (await as('gi').request('PUT', url(caseId, '/afsluitrapportage'), report())).statusCode,
    ).toBe(204);
    // A review in March, before the planned end was recorded on 1 April: it does not count.
    await event(caseId, { type: 'rvdk-toetsing', op: '2026-03-20T10:00:00+01:00' });
    const early = await as('gi').request('POST', url(caseId, '/afronden'));
    expect(early.statusCode).toBe(409);
    expect(errorOf(early.body).fields?.map((f) => f.path)).toEqual(['rvdk-toetsing', 'casusregie']);
    await event(caseId, { type: 'rvdk-toetsing', op: '2026-06-05T10:00:00+02:00' });
    const checks = (await view()).voorwaarden;
    expect(checks.map((c) => [c.voorwaarde, c.regel, c.voldaan])).toEqual([
      ['teamtafel', 'RIJ-DEC-MEASURE-END', true],
      ['afsluitrapportage', 'RIJ-DEC-MEASURE-END', true],
      ['rvdk-toetsing', 'RIJ-TERM-RVDK-OTS', true],
      ['casusregie', 'RIJ-DEC-MEASURE-END', false],
    ]);
    const late = await as('gi').request('POST', url(caseId, '/afronden'));
    expect(errorOf(late.body).fields?.map((f) => f.path)).toEqual(['casusregie']);
    expect(errorOf(late.body).message).toContain('ZTM-DEC-WARM-HANDOVER');
  });

  it('completes after the warm handover to the local team; the GI keeps access by procesregie', async () => {
    const start = await as('gi').request('POST', `/api/v1/casussen/${caseId}/overdrachten-regie`, {
      nieuweRegisseur: { medewerkerId: id('wijk'), organisatieId: id('team') },
      reden: 'De OTS loopt af; het wijkteam neemt de casusregie over.',
    });
    expect(start.statusCode, start.body).toBe(201);
    const handover = (start.json() as { id: string }).id;
    const meeting = await as('gi').request(
      'POST',
      `/api/v1/regie-overdrachten/${handover}/gesprekken`,
      {
        gehoudenOp: '2026-06-10T10:00:00+02:00',
        aanwezig: { oudeRegisseur: true, nieuweRegisseur: true, gezinsleden: [family[1]] },
        verslag: 'Afsluitende teamtafel: plan, afspraken en de afsluitrapportage doorgenomen.',
      },
    );
    expect(meeting.statusCode, meeting.body).toBe(201);
    const done = await as('gi').request('POST', `/api/v1/regie-overdrachten/${handover}/afronden`);
    expect(done.statusCode, done.body).toBe(200);

    // The new casusregisseur reads the record but does not complete it.
    expect((await view('wijk')).magBewerken).toBe(false);
    expect((await as('wijk').request('POST', url(caseId, '/afronden'))).statusCode).toBe(403);

    const gi = await view('gi');
    expect(gi.magBewerken).toBe(true);
    expect(gi.voorwaarden.every((c) => c.voldaan)).toBe(true);
    // Closing the case waits for the measure ending (RIJ-DEC-MEASURE-END) …
    const closure = async () =>
      (
        (await as('gi').request('GET', `/api/v1/casussen/${caseId}/afsluiting`)).json() as {
          voorwaarden: { sleutel: string; regel: string; voldaan: boolean }[];
        }
      ).voorwaarden.find((c) => c.sleutel === 'maatregel');
    expect(await closure()).toEqual(
      expect.objectContaining({ regel: 'RIJ-DEC-MEASURE-END', voldaan: false }),
    );
    const completed = await as('gi').request('POST', url(caseId, '/afronden'));
    expect(completed.statusCode, completed.body).toBe(200);
    expect(await measureEndingStatus(opened.db, caseId)).toBe('afgerond');
    // … and counts it as met once it is completed.
    expect((await closure())?.voldaan).toBe(true);
    expect((await view()).afsluiting?.status).toBe('afgerond');
    const entries = await opened.db
      .selectFrom('case_event')
      .select(['type', 'note'])
      .where('case_id', '=', caseId)
      .where('type', '=', 'maatregel-afgesloten')
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.note).toContain('RIJ-DEC-MEASURE-END');
    expect(await audits('einde-maatregel.afronden')).toHaveLength(1);
    const notices = await opened.db
      .selectFrom('notification')
      .select(['staff_id', 'rule_id'])
      .where('case_id', '=', caseId)
      .where('rule_id', '=', 'RIJ-DEC-MEASURE-END')
      .execute();
    expect(notices.map((n) => n.staff_id)).toContain(id('wijk'));
    expect(notices.map((n) => n.staff_id)).not.toContain(id('gi'));
    // The case itself stays open, and the record cannot change any more.
    const casus = await opened.db
      .selectFrom('casus')
      .select('closed_at')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(casus.closed_at).toBeNull();
    expect((await as('gi').request('PUT', url(caseId, '/teamtafel'), teamTable())).statusCode).toBe(
      409,
    );
    // A colleague of the new casusregisseur reads the case through the team's role.
    expect((await as('teamgenoot').request('GET', url())).statusCode).toBe(200);
  });

  it('ends a voogdij with casusregie at the family, without an RvdK review', async () => {
    const voogdij = await register('RIJ', 'voogdij');
    const detail = await as('gi').request('GET', `/api/v1/casussen/${voogdij}`);
    const people = (detail.json() as { personen: { id: string }[] }).personen.map((p) => p.id);
    expect(
      (await as('gi').request('POST', url(voogdij), { casusregieNaar: 'gezin' })).statusCode,
    ).toBe(201);
    await as('gi').request(
      'PUT',
      url(voogdij, '/teamtafel'),
      teamTable({ gezinsleden: [people[0]] }),
    );
    await as('gi').request(
      'PUT',
      url(voogdij, '/afsluitrapportage'),
      report({ toestemmingDelen: 'nee' }),
    );
    const refused = await as('gi').request('POST', url(voogdij, '/afronden'));
    expect(errorOf(refused.body).fields?.map((f) => f.path)).toEqual(['casusregie']);
    expect((await view('gi', voogdij)).voorwaarden[2]).toMatchObject({
      voorwaarde: 'rvdk-toetsing',
      vanToepassing: false,
    });
    const role = await as('gi').request('POST', `/api/v1/casussen/${voogdij}/rollen`, {
      rol: 'casusregie',
      houder: 'gezin',
      vanaf: '2026-06-10T09:00:00+02:00',
      reden: 'einde voogdij: het gezin voert zelf de regie',
    });
    expect(role.statusCode, role.body).toBe(201);
    const completed = await as('gi').request('POST', url(voogdij, '/afronden'));
    expect(completed.statusCode, completed.body).toBe(200);
    expect(await measureEndingStatus(opened.db, voogdij)).toBe('afgerond');
  });

  it('applies the RvdK review to an OTS in another region: "geldt in elke regio"', async () => {
    const lek = await register('LEK', 'ots');
    expect(
      (await as('giLek').request('POST', url(lek), { casusregieNaar: 'lokaal-team' })).statusCode,
    ).toBe(201);
    const refused = await as('giLek').request('POST', url(lek, '/afronden'));
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused.body).message).toContain('RIJ-TERM-RVDK-OTS, geldt in elke regio');
  });

  it('has no measure to end on route A', async () => {
    const created = await as('wijk').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({ regio: 'RIJ' }),
    );
    const routeA = (created.json() as { id: string }).id;
    const lead = await as('wijk').request('GET', url(routeA));
    expect(lead.statusCode).toBe(200);
    expect((lead.json() as Ending).vanToepassing).toBe(false);
    const start = await as('wijk').request('POST', url(routeA), { casusregieNaar: 'gezin' });
    expect(start.statusCode).toBe(409);
    expect(await measureEndingStatus(opened.db, routeA)).toBeNull();
  });
});
