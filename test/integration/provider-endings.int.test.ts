/**
 * Ending by the provider through the API (issue 7; RIJ-DEC-PROVIDER-END) on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL. In Rijnmond a provider with behandelregie and a running
 * allocation for a 13-year-old:
 * - tells the casusregisseur early (step 1, notified), records the talks with the young person
 *   and a parent (steps 2-3; the report is refused until both are there) and reports the
 *   unavoidable ending (step 4); the region's contract manager reads only an anonymised copy,
 *   never the case; a contract manager of another region sees nothing;
 * - the casusregisseur cannot agree while criterion (d) is answered no, and refuses; the
 *   provider keeps its behandelregie and its allocation;
 * - a second procedure is agreed to; until the handover is recorded the provider stays
 *   responsible; the handover completes it and ends the behandelregie after the last day.
 * Deny cases: a provider without a role (404), another provider on the case (never sees the
 * procedure: 404), the casusregisseur cannot take the provider's steps (403), the provider
 * cannot decide (403); bad input is 400 with the field named and stores nothing.
 * A ZOU case shows that its profile has no such procedure.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface Problem {
  path: string;
  message: string;
}
const problemsOf = (body: string) =>
  (JSON.parse(body) as { error: { fields?: Problem[] } }).error.fields ?? [];
const fieldsOf = (body: string) => problemsOf(body).map((f) => f.path);

interface Ending {
  id: string;
  status: string;
  aanZet: string | null;
  stappen: { nummer: number; status: string; wie: string }[];
  aanbiederVerantwoordelijk: boolean;
  gesprekOudersNodig: boolean;
  gesprekken: unknown[];
  melding: { gesprekken: string[] } | null;
  besluit: {
    besluit: string;
    criteria: { code: string; antwoord: string; weegt: string; blokkeert: boolean }[];
    reden: string | null;
  } | null;
  magAlsAanbieder: boolean;
  magBesluiten: boolean;
}
interface Overview {
  procedure: { id: string; stappen: string[]; criteria: { code: string }[] } | null;
  beeindigingen: Ending[];
  startbaar: { id: string; nummer: string }[];
}

const BSN = freshBsn();
const RULE = 'RIJ-DEC-PROVIDER-END';

describe.each(engines)('ending by the provider on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let clock = new Date('2026-03-10T10:00:00+01:00');
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  let caseId = '';
  let allocationId = '';
  let endingId = '';

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => clock },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'RIJ');
    const provider = await createOrganisation(opened.db, 'aanbieder', 'RIJ');
    const other = await createOrganisation(opened.db, 'aanbieder', 'RIJ');
    const stranger = await createOrganisation(opened.db, 'aanbieder', 'RIJ');
    const municipality = await createOrganisation(opened.db, 'gemeente', 'RIJ');
    const zouMunicipality = await createOrganisation(opened.db, 'gemeente', 'ZOU');
    const zouTeam = await createOrganisation(opened.db, 'lokaal-team', 'ZOU');
    ids.set('provider', provider);
    ids.set('other', other);
    const accounts: [string, string, string[]][] = [
      ['regisseur', team, ['casusregisseur']],
      ['backoffice', team, ['backoffice']],
      ['planner', provider, ['planner']],
      ['ander', other, ['planner']],
      ['vreemd', stranger, ['planner']],
      ['contract', municipality, ['contractmanager']],
      ['contract-zou', zouMunicipality, ['contractmanager']],
      ['regisseur-zou', zouTeam, ['casusregisseur']],
    ];
    for (const [who, org, roles] of accounts) {
      ids.set(who, await staffAccount(opened, org, roles, `${who}-${engine}@bea.nl`));
      const c = new Client(app);
      expect((await c.login(`${who}-${engine}@bea.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
    const created = await as('regisseur').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'RIJ',
        gezin: { naam: 'Gezin Verhoef' },
        jeugdigen: [{ naam: 'Daan Verhoef', geboortedatum: '2012-08-01', bsn: BSN }],
        ouders: [{ naam: 'Femke Verhoef', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const roles = [
      { rol: 'casusregie', houder: 'professional', medewerkerId: ids.get('regisseur') },
      { rol: 'behandelregie', houder: 'organisatie', organisatieId: provider },
      { rol: 'behandelregie', houder: 'organisatie', organisatieId: other },
    ];
    for (const role of roles) {
      const res = await as('regisseur').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
        ...role,
        ...(role.houder === 'professional' ? { organisatieId: team } : {}),
        vanaf: '2026-03-03T09:00:00+01:00',
        reden: 'toewijzing',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const allocations = await opened.db
      .insertInto('allocation')
      .values([
        {
          case_id: caseId,
          region: 'RIJ',
          provider_id: provider,
          number: '910001',
          product_code: '45A12',
          start_date: '2026-03-04',
          end_date: null,
          status: 'gestart',
          client_bsn: BSN,
        },
        {
          case_id: caseId,
          region: 'RIJ',
          provider_id: other,
          number: '910002',
          product_code: '45A07',
          start_date: '2026-03-04',
          end_date: null,
          status: 'gestart',
          client_bsn: BSN,
        },
      ])
      .returning(['id', 'number'])
      .execute();
    allocationId = allocations.find((a) => a.number === '910001')?.id ?? '';
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  /** Moves the clock; sessions follow the clock, so everyone logs in again. */
  const moveClock = async (to: string) => {
    clock = new Date(to);
    for (const [who, c] of clients)
      expect((await c.login(`${who}-${engine}@bea.nl`)).statusCode).toBe(200);
  };
  const overview = async (who: string) => {
    const res = await as(who).request('GET', `/api/v1/casussen/${caseId}/beeindigingen`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Overview;
  };
  const ending = async (who = 'regisseur') => (await overview(who)).beeindigingen[0] as Ending;
  const behandelregieOpen = async () =>
    (
      await opened.db
        .selectFrom('case_role')
        .select(['ends_at'])
        .where('case_id', '=', caseId)
        .where('role', '=', 'behandelregie')
        .where('organisation_id', '=', ids.get('provider') as string)
        .executeTakeFirstOrThrow()
    ).ends_at;
  const allocationStatus = async () =>
    await opened.db
      .selectFrom('allocation')
      .select(['status', 'end_date'])
      .where('id', '=', allocationId)
      .executeTakeFirstOrThrow();
  const talk = (extra: object) => ({
    datum: '2026-03-10',
    metJeugdige: false,
    metOuders: false,
    deelnemers: 'begeleider en gedragswetenschapper',
    verslag: 'Besproken waarom de begeleiding zo niet verder kan en wat Daan zelf wil.',
    afspraken: 'Daan denkt na over een andere plek; volgende week opnieuw.',
    ...extra,
  });
  const report = {
    redenen:
      'Daan Verhoef (BSN ' +
      BSN +
      ') bedreigde twee begeleiders; moeder Femke belde 06-12345678. Ondanks drie aanpassingen lukt veilig werken niet.',
    voorstelVervolg: 'Overdracht aan een aanbieder met specialistische zorg voor agressie.',
    gezinGeinformeerdOp: '2026-03-10',
  };
  const criteria = (d: 'ja' | 'nee') => ({
    a: { antwoord: 'nee', motivering: 'Het gedrag staat los van de hulpvraag.' },
    b: { antwoord: 'ja', motivering: 'Drie aanpassingen in het plan geprobeerd.' },
    c: { antwoord: 'ja', motivering: 'Alle stappen zijn gezet en vastgelegd.' },
    d: {
      antwoord: d,
      motivering: d === 'ja' ? 'Nieuwe aanbieder staat klaar.' : 'Er is nog niemand gevonden.',
    },
  });

  it('shows the six steps and criteria a-d of the RIJ profile, and what the provider may start', async () => {
    const forPlanner = await overview('planner');
    expect(forPlanner.procedure?.id).toBe(RULE);
    expect(forPlanner.procedure?.stappen).toHaveLength(6);
    expect(forPlanner.procedure?.criteria.map((c) => c.code)).toEqual(['a', 'b', 'c', 'd']);
    expect(forPlanner.startbaar.map((a) => a.nummer)).toEqual(['910001']);
    expect((await overview('regisseur')).startbaar).toEqual([]);
  });

  it('step 1: only the provider with behandelregie starts, for its own allocation', async () => {
    const bad = await as('planner').request('POST', `/api/v1/casussen/${caseId}/beeindigingen`, {
      toewijzingId: allocationId,
      aanleiding: 'lastig',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['body.aanleiding']);
    const unknownField = await as('planner').request(
      'POST',
      `/api/v1/casussen/${caseId}/beeindigingen`,
      { toewijzingId: allocationId, aanleiding: 'x'.repeat(30), extra: true },
    );
    expect(unknownField.statusCode).toBe(400);
    const byRegisseur = await as('regisseur').request(
      'POST',
      `/api/v1/casussen/${caseId}/beeindigingen`,
      {
        toewijzingId: allocationId,
        aanleiding: 'De casusregisseur start dit niet namens de aanbieder.',
      },
    );
    expect(byRegisseur.statusCode).toBe(403);
    const byStranger = await as('vreemd').request(
      'POST',
      `/api/v1/casussen/${caseId}/beeindigingen`,
      { toewijzingId: allocationId, aanleiding: 'Een aanbieder zonder rol op deze casus.' },
    );
    expect(byStranger.statusCode).toBe(404);
    const othersAllocation = await as('ander').request(
      'POST',
      `/api/v1/casussen/${caseId}/beeindigingen`,
      { toewijzingId: allocationId, aanleiding: 'Een andere aanbieder kiest deze toewijzing.' },
    );
    expect(othersAllocation.statusCode).toBe(400);
    expect(fieldsOf(othersAllocation.body)).toEqual(['body.toewijzingId']);
    expect((await overview('regisseur')).beeindigingen).toEqual([]);

    const started = await as('planner').request(
      'POST',
      `/api/v1/casussen/${caseId}/beeindigingen`,
      {
        toewijzingId: allocationId,
        aanleiding: 'Daan wordt steeds agressiever naar begeleiders; beëindiging kan nodig worden.',
      },
    );
    expect(started.statusCode, started.body).toBe(201);
    endingId = (started.json() as { id: string }).id;
    const again = await as('planner').request('POST', `/api/v1/casussen/${caseId}/beeindigingen`, {
      toewijzingId: allocationId,
      aanleiding: 'Een tweede procedure voor dezelfde toewijzing.',
    });
    expect(again.statusCode).toBe(400);
    expect(problemsOf(again.body)[0]?.message).toContain('loopt al');

    const view = await ending();
    expect(view.status).toBe('gestart');
    expect(view.aanZet).toBe('aanbieder');
    expect(view.gesprekOudersNodig).toBe(true);
    expect(view.stappen.map((s) => s.status)).toEqual([
      'klaar',
      'huidig',
      'huidig',
      'later',
      'later',
      'later',
    ]);
    // The casusregisseur is told early, with the rule named.
    const notices = await opened.db
      .selectFrom('notification')
      .select(['case_id', 'rule_id'])
      .where('staff_id', '=', ids.get('regisseur') as string)
      .execute();
    expect(notices).toContainEqual({ case_id: caseId, rule_id: RULE });
    const page = (await as('regisseur').request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      tijdlijn: { type: string; notitie: string | null }[];
    };
    const entry = page.tijdlijn.find((e) => e.type === 'beeindiging-gestart');
    expect(entry?.notitie).toContain(RULE);
  });

  it('another provider on the case never sees the procedure; timeline types are the flow’s own', async () => {
    expect((await overview('ander')).beeindigingen).toEqual([]);
    const talkByOther = await as('ander').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/gesprekken`,
      talk({ metJeugdige: true }),
    );
    expect(talkByOther.statusCode).toBe(404);
    const byStranger = await as('vreemd').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/gesprekken`,
      talk({ metJeugdige: true }),
    );
    expect(byStranger.statusCode).toBe(404);
    const direct = await as('regisseur').request(
      'POST',
      `/api/v1/casussen/${caseId}/gebeurtenissen`,
      {
        type: 'beeindiging-besluit',
        op: '2026-03-10T09:00:00+01:00',
      },
    );
    expect(direct.statusCode).toBe(400);
  });

  it('steps 2-4: the report waits for talks with the young person and a parent', async () => {
    const early = await as('planner').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/melding`,
      report,
    );
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early.body)).toEqual(['body.gesprekken', 'body.gesprekken']);
    const noOne = await as('planner').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/gesprekken`,
      talk({ datum: '2026-03-11' }),
    );
    expect(noOne.statusCode).toBe(400);
    expect(fieldsOf(noOne.body)).toEqual(['body.datum', 'body.metJeugdige']);
    const byRegisseur = await as('regisseur').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/gesprekken`,
      talk({ metJeugdige: true }),
    );
    expect(byRegisseur.statusCode).toBe(403);
    expect(
      (
        await as('planner').request(
          'POST',
          `/api/v1/beeindigingen/${endingId}/gesprekken`,
          talk({ metJeugdige: true, datum: '2026-03-09' }),
        )
      ).statusCode,
    ).toBe(201);
    const onlyYouth = await as('planner').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/melding`,
      report,
    );
    expect(onlyYouth.statusCode).toBe(400);
    expect(problemsOf(onlyYouth.body).map((p) => p.message)).toEqual([
      'leg eerst een gesprek met de ouders of de voogd vast (stap 2 en 3)',
    ]);
    expect(
      (
        await as('planner').request(
          'POST',
          `/api/v1/beeindigingen/${endingId}/gesprekken`,
          talk({ metOuders: true, deelnemers: 'moeder, begeleider' }),
        )
      ).statusCode,
    ).toBe(201);
    const decideEarly = await as('regisseur').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/besluit`,
      { besluit: 'weigeren', criteria: criteria('nee'), reden: 'Nog geen melding gedaan.' },
    );
    expect(decideEarly.statusCode).toBe(409);
    const reportByRegisseur = await as('regisseur').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/melding`,
      report,
    );
    expect(reportByRegisseur.statusCode).toBe(403);
    const refusalLogged = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('staff_id', '=', ids.get('regisseur') as string)
      .where('action', '=', 'beeindiging.geweigerd')
      .execute();
    expect(refusalLogged.length).toBeGreaterThan(0);

    const reported = await as('planner').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/melding`,
      report,
    );
    expect(reported.statusCode, reported.body).toBe(204);
    const view = await ending();
    expect(view.status).toBe('gemeld');
    expect(view.aanZet).toBe('casusregisseur');
    expect(view.melding?.gesprekken).toHaveLength(2);
    expect(view.magBesluiten).toBe(true);
    expect(view.magAlsAanbieder).toBe(false);
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', '=', 'beeindiging.melden')
      .execute();
    expect(audit).toHaveLength(1);
    const talkAfter = await as('planner').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/gesprekken`,
      talk({ metJeugdige: true }),
    );
    expect(talkAfter.statusCode).toBe(409);
  });

  it('the contract manager of the region reads only an anonymised copy, never the case', async () => {
    const list = await as('contract').request('GET', '/api/v1/beeindigingen');
    expect(list.statusCode, list.body).toBe(200);
    const copies = list.json() as {
      id: string;
      kopie: { regel: string; leeftijden: number[]; gesprekken: unknown[] };
    }[];
    expect(copies).toHaveLength(1);
    expect(copies[0]?.kopie.regel).toBe(RULE);
    expect(copies[0]?.kopie.leeftijden).toEqual([13]);
    expect(copies[0]?.kopie.gesprekken).toHaveLength(2);
    for (const secret of ['Daan', 'Verhoef', 'Femke', BSN, '06-12345678', caseId, '@bea.nl'])
      expect(list.body).not.toContain(secret);
    expect(
      (await as('contract').request('GET', `/api/v1/beeindigingen/${endingId}`)).statusCode,
    ).toBe(200);
    expect((await as('contract').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(
      404,
    );
    expect(
      (await as('contract').request('GET', `/api/v1/casussen/${caseId}/beeindigingen`)).statusCode,
    ).toBe(404);
    expect((await as('contract-zou').request('GET', '/api/v1/beeindigingen')).json()).toEqual([]);
    expect(
      (await as('contract-zou').request('GET', `/api/v1/beeindigingen/${endingId}`)).statusCode,
    ).toBe(404);
    expect((await as('regisseur').request('GET', '/api/v1/beeindigingen')).statusCode).toBe(403);
    const notice = await opened.db
      .selectFrom('notification')
      .select(['case_id', 'link', 'title'])
      .where('staff_id', '=', ids.get('contract') as string)
      .executeTakeFirstOrThrow();
    expect(notice.case_id).toBeNull();
    expect(notice.link).toBe('/beeindigingen');
    expect(notice.title).not.toContain('Verhoef');
  });

  it('step 5: no agreement while (d) is no; the refusal is recorded and the help continues', async () => {
    const byProvider = await as('planner').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/besluit`,
      { besluit: 'instemmen', criteria: criteria('ja') },
    );
    expect(byProvider.statusCode).toBe(403);
    const byBackoffice = await as('backoffice').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/besluit`,
      { besluit: 'instemmen', criteria: criteria('ja') },
    );
    expect(byBackoffice.statusCode).toBe(403);
    const agreeWithoutFollowUp = await as('regisseur').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/besluit`,
      { besluit: 'instemmen', criteria: criteria('nee') },
    );
    expect(agreeWithoutFollowUp.statusCode).toBe(400);
    expect(fieldsOf(agreeWithoutFollowUp.body)).toEqual(['body.criteria.d.antwoord']);
    expect(problemsOf(agreeWithoutFollowUp.body)[0]?.message).toContain(RULE);
    const missing = await as('regisseur').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/besluit`,
      { besluit: 'weigeren', criteria: { a: criteria('nee').a }, reden: '' },
    );
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing.body)).toEqual([
      'body.criteria.b.antwoord',
      'body.criteria.c.antwoord',
      'body.criteria.d.antwoord',
      'body.reden',
    ]);
    expect((await ending()).status).toBe('gemeld');

    const refused = await as('regisseur').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/besluit`,
      {
        besluit: 'weigeren',
        criteria: criteria('nee'),
        reden: 'De aanbieder heeft niet voor een vervolg gezorgd (criterium d).',
      },
    );
    expect(refused.statusCode, refused.body).toBe(204);
    const view = await ending('planner');
    expect(view.status).toBe('geweigerd');
    expect(view.aanZet).toBeNull();
    expect(view.stappen[5]?.status).toBe('vervallen');
    expect(view.besluit?.criteria.find((c) => c.code === 'd')).toMatchObject({
      antwoord: 'nee',
      weegt: 'tegen',
      blokkeert: true,
    });
    expect(view.aanbiederVerantwoordelijk).toBe(true);
    expect(await behandelregieOpen()).toBeNull();
    expect(await allocationStatus()).toEqual({ status: 'gestart', end_date: null });
    const second = await as('regisseur').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/besluit`,
      { besluit: 'instemmen', criteria: criteria('ja') },
    );
    expect(second.statusCode).toBe(409);
    const handover = await as('planner').request(
      'POST',
      `/api/v1/beeindigingen/${endingId}/overdracht`,
      {
        vervolg: 'Jeugdhulp De Brug',
        laatsteDag: '2026-03-31',
        warmeOverdracht: 'Er is geen overdracht: de beëindiging is geweigerd.',
      },
    );
    expect(handover.statusCode).toBe(409);
  });

  it('after agreement the provider stays responsible until the handover completes it', async () => {
    const started = await as('planner').request(
      'POST',
      `/api/v1/casussen/${caseId}/beeindigingen`,
      {
        toewijzingId: allocationId,
        aanleiding: 'Opnieuw: nu staat een specialistische aanbieder klaar om over te nemen.',
      },
    );
    expect(started.statusCode, started.body).toBe(201);
    const id = (started.json() as { id: string }).id;
    await as('planner').request(
      'POST',
      `/api/v1/beeindigingen/${id}/gesprekken`,
      talk({ metJeugdige: true, metOuders: true, deelnemers: 'Daan, moeder, begeleider' }),
    );
    expect(
      (await as('planner').request('POST', `/api/v1/beeindigingen/${id}/melding`, report))
        .statusCode,
    ).toBe(204);
    const agreed = await as('regisseur').request('POST', `/api/v1/beeindigingen/${id}/besluit`, {
      besluit: 'instemmen',
      criteria: criteria('ja'),
    });
    expect(agreed.statusCode, agreed.body).toBe(204);
    const view = (await overview('planner')).beeindigingen.find((e) => e.id === id) as Ending;
    expect(view.status).toBe('ingestemd');
    expect(view.aanZet).toBe('aanbieder');
    expect(view.stappen[5]?.status).toBe('huidig');
    // Agreement alone ends nothing.
    expect(view.aanbiederVerantwoordelijk).toBe(true);
    expect(await behandelregieOpen()).toBeNull();
    expect(await allocationStatus()).toEqual({ status: 'gestart', end_date: null });

    await moveClock('2026-03-12T10:00:00+01:00');
    const early = await as('planner').request('POST', `/api/v1/beeindigingen/${id}/overdracht`, {
      vervolg: '',
      laatsteDag: '2026-03-09',
      warmeOverdracht: 'kort',
    });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early.body)).toEqual([
      'body.vervolg',
      'body.laatsteDag',
      'body.warmeOverdracht',
    ]);
    const byOther = await as('ander').request('POST', `/api/v1/beeindigingen/${id}/overdracht`, {
      vervolg: 'Jeugdhulp De Brug',
      laatsteDag: '2026-03-20',
      warmeOverdracht: 'Een andere aanbieder legt dit niet vast voor deze aanbieder.',
    });
    expect(byOther.statusCode).toBe(404);
    const done = await as('planner').request('POST', `/api/v1/beeindigingen/${id}/overdracht`, {
      vervolg: 'Jeugdhulp De Brug, specialistische begeleiding',
      laatsteDag: '2026-03-20',
      warmeOverdracht:
        'Gezamenlijk gesprek met Daan, zijn moeder en de nieuwe begeleider op 18 maart.',
    });
    expect(done.statusCode, done.body).toBe(204);
    const after = (await overview('planner')).beeindigingen.find((e) => e.id === id) as Ending;
    expect(after.status).toBe('overgedragen');
    expect(after.stappen.every((s) => s.status === 'klaar')).toBe(true);
    // The behandelregie ends after the last day (21 March 00:00 in Amsterdam), not before.
    expect((await behandelregieOpen())?.toISOString()).toBe('2026-03-20T23:00:00.000Z');
    expect(after.aanbiederVerantwoordelijk).toBe(true);
    await moveClock('2026-03-21T10:00:00+01:00');
    expect((await as('planner').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(404);
    expect((await as('regisseur').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(
      200,
    );
    await moveClock('2026-03-12T10:00:00+01:00');
  });

  it('a region without the procedure says so and refuses a start', async () => {
    const created = await as('regisseur-zou').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({ regio: 'ZOU', gezin: { naam: 'Gezin Bakker' } }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const zouCase = (created.json() as { id: string }).id;
    const res = await as('regisseur-zou').request(
      'GET',
      `/api/v1/casussen/${zouCase}/beeindigingen`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ regio: 'ZOU', procedure: null, beeindigingen: [] });
    const role = await as('regisseur-zou').request('POST', `/api/v1/casussen/${zouCase}/rollen`, {
      rol: 'behandelregie',
      houder: 'organisatie',
      organisatieId: ids.get('provider'),
      vanaf: '2026-03-03T09:00:00+01:00',
      reden: 'toewijzing',
    });
    expect(role.statusCode, role.body).toBe(201);
    const start = await as('planner').request('POST', `/api/v1/casussen/${zouCase}/beeindigingen`, {
      toewijzingId: allocationId,
      aanleiding: 'In deze regio bestaat deze procedure niet in het profiel.',
    });
    expect(start.statusCode).toBe(409);
    expect(start.body).toContain('ZOU');
  });
});
