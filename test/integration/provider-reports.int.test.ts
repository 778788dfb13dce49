/**
 * The provider's reports through the API (issue 6; DOMAIN.md section 4 step 2) on PGlite and,
 * with TEST_DATABASE_URL, PostgreSQL. A ZTM family with a fixed plan of two goals; the JGH holds
 * the case, one of its casusregisseurs holds casusregie, the municipality procesregie, and two
 * providers treat. Provider A names its contact person, reports progress on every goal and a
 * calamity: the casusregisseur is notified (the calamity as an alert), the procesregisseur is
 * told a report arrived without names, and the casusregisseur acknowledges once. Provider B sees
 * none of A's reports or subcontractors; a provider without a role sees nothing of the case.
 * Subcontractors are checked against the region's contracts and marked when announced after
 * care started.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { replaceContracts } from '../../src/store/contracts.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const NOW = new Date('2026-06-10T10:00:00Z');
const AGB_A = '98000001';
const AGB_B = '98000002';
const SUB_CONTRACTED = '98123456';
const SUB_OTHER = '98555555';

interface Problem {
  path: string;
  message: string;
}
const fieldsOf = (body: string) =>
  ((JSON.parse(body) as { error: { fields?: Problem[] } }).error.fields ?? []).map((f) => f.path);

interface Report {
  id: string;
  soort: string;
  organisatie: { naam: string };
  doelen: { omschrijving: string; voortgang: string; toelichting: string }[];
  watGebeurde: string | null;
  ontvangen: { op: string; door: string } | null;
}
interface Overview {
  verslagen: Report[];
  bereik: string;
  magIndienen: boolean;
  magOntvangen: boolean;
  plan: { doelen: { id: string; omschrijving: string }[] } | null;
}

describe.each(engines)('provider reports API on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clients = new Map<string, Client>();
  const staffIds = new Map<string, string>();
  const orgs = new Map<string, string>();
  const as = (who: string) => clients.get(who) as Client;
  let caseId = '';
  let familyCaseId = '';
  let progressId = '';
  let calamityId = '';

  const progress = (overrides: object = {}) => ({
    soort: 'voortgang',
    moment: 'tussentijds',
    doelen: [
      { doelId: '1', voortgang: 'loopt', toelichting: 'Bo slaapt vier nachten per week door' },
      { doelId: '2', voortgang: 'niet-gestart', toelichting: 'Start na de zomer' },
    ],
    ...overrides,
  });
  const calamity = (overrides: object = {}) => ({
    soort: 'calamiteit',
    watGebeurde: 'Bo is bij een ruzie thuis gewond geraakt aan de arm.',
    gebeurdOp: '2026-06-09T21:30:00+02:00',
    maatregelen: 'Huisarts gebeld; Bo slaapt deze week bij oma.',
    ...overrides,
  });
  const notifications = (who: string) =>
    opened.db
      .selectFrom('notification')
      .select(['kind', 'title', 'case_id', 'link'])
      .where('staff_id', '=', staffIds.get(who) ?? '')
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const organisation = async (
      key: string,
      kind: 'lokaal-team' | 'gemeente' | 'aanbieder',
      agb: string | null,
    ) => {
      const id = await createOrganisation(opened.db, kind, 'ZTM');
      if (agb)
        await opened.db
          .updateTable('organisation')
          .set({ agb_code: agb })
          .where('id', '=', id)
          .execute();
      orgs.set(key, id);
      return id;
    };
    const team = await organisation('team', 'lokaal-team', null);
    const municipality = await organisation('gemeente', 'gemeente', '0637');
    const providerA = await organisation('a', 'aanbieder', AGB_A);
    const providerB = await organisation('b', 'aanbieder', AGB_B);
    const providerC = await organisation('c', 'aanbieder', '98000003');
    const people: [string, string, string][] = [
      ['regisseur', team, 'casusregisseur'],
      ['teamleider', team, 'teamleider'],
      ['backoffice', municipality, 'backoffice'],
      ['plannerA', providerA, 'planner'],
      ['behandelaarA', providerA, 'behandelaar'],
      ['plannerB', providerB, 'planner'],
      ['plannerC', providerC, 'planner'],
    ];
    for (const [who, org, role] of people) {
      const email = `${who.toLowerCase()}-${engine}@verslag.nl`;
      staffIds.set(who, await staffAccount(opened, org, [role], email));
      const client = new Client(app);
      expect((await client.login(email)).statusCode).toBe(200);
      clients.set(who, client);
    }
    // The region's contracts: A is contract partner with one named subcontractor; B has another.
    const ctx = {
      actor: {
        staffId: staffIds.get('backoffice') ?? '',
        organisationId: municipality,
        roles: ['backoffice' as const],
      },
      clientAddress: null,
    };
    const contract = (partner: string, provider: string) => ({
      partnerAgb: partner,
      partnerName: `Partner ${partner}`,
      providerAgb: provider,
      providerName: `Aanbieder ${provider}`,
      products: ['45A03'],
      validFrom: '2026-01-01',
      validTo: null,
    });
    await replaceContracts(
      opened.db,
      ctx,
      'ZTM',
      [
        contract(AGB_A, AGB_A),
        contract(AGB_A, SUB_CONTRACTED),
        contract(AGB_B, AGB_B),
        contract(AGB_B, SUB_OTHER),
      ],
      NOW,
    );

    const register = async (label: string) => {
      const created = await as('regisseur').request('POST', '/api/v1/casussen', {
        route: 'A',
        regio: 'ZTM',
        segment: 'ambulant',
        gezin: { naam: label },
        jeugdigen: [{ naam: 'Bo Visser', geboortedatum: '2020-08-01', bsn: freshBsn() }],
        ouders: [{ naam: 'Kim Visser', soort: 'ouder' }],
        aangemeldOp: '2026-03-02T09:00:00+01:00',
      });
      expect(created.statusCode, created.body).toBe(201);
      return (created.json() as { id: string }).id;
    };
    const role = async (id: string, body: object) => {
      const res = await as('regisseur').request('POST', `/api/v1/casussen/${id}/rollen`, {
        vanaf: '2026-03-03T09:00:00+01:00',
        reden: 'afspraak in het plan',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    caseId = await register('Gezin Visser');
    for (const provider of [providerA, providerB])
      await role(caseId, { rol: 'behandelregie', houder: 'organisatie', organisatieId: provider });
    await role(caseId, {
      rol: 'casusregie',
      houder: 'professional',
      medewerkerId: staffIds.get('regisseur'),
      organisatieId: team,
    });
    await role(caseId, { rol: 'procesregie', houder: 'organisatie', organisatieId: municipality });
    // A second family keeps casusregie itself; only provider A treats.
    familyCaseId = await register('Gezin Bakker');
    await role(familyCaseId, {
      rol: 'behandelregie',
      houder: 'organisatie',
      organisatieId: providerA,
    });
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('the treating provider names its contact person; a replacement keeps the history', async () => {
    const url = `/api/v1/casussen/${caseId}/contactpersonen`;
    const first = await as('plannerA').request('POST', url, {
      medewerkerId: staffIds.get('behandelaarA'),
      telefoon: '030 123 45 67',
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await as('plannerA').request('POST', url, {
      medewerkerId: staffIds.get('plannerA'),
    });
    expect(second.statusCode, second.body).toBe(201);
    const list = (await as('regisseur').request('GET', url)).json() as {
      contactpersonen: {
        medewerker: { id: string };
        telefoon: string | null;
        tot: string | null;
      }[];
    };
    expect(list.contactpersonen.map((c) => [c.medewerker.id, c.telefoon, c.tot === null])).toEqual([
      [staffIds.get('plannerA'), null, true],
      [staffIds.get('behandelaarA'), '030 123 45 67', false],
    ]);
    // A colleague of another provider is not A's to name; a phone number must be one.
    const wrong = await as('plannerA').request('POST', url, {
      medewerkerId: staffIds.get('plannerB'),
      telefoon: 'bel maar',
    });
    expect(wrong.statusCode).toBe(400);
    expect(fieldsOf(wrong.body)).toEqual(['body.telefoon']);
    const otherStaff = await as('plannerA').request('POST', url, {
      medewerkerId: staffIds.get('plannerB'),
    });
    expect(fieldsOf(otherStaff.body)).toEqual(['body.medewerkerId']);
    // The casusregisseur reads the case but does not name the provider's contact.
    expect(
      (await as('regisseur').request('POST', url, { medewerkerId: staffIds.get('regisseur') }))
        .statusCode,
    ).toBe(403);
    expect((await as('plannerC').request('GET', url)).statusCode).toBe(404);
    expect(await opened.db.selectFrom('provider_contact').select('id').execute()).toHaveLength(2);
  });

  it('refuses bad reports field by field and stores nothing', async () => {
    const url = `/api/v1/casussen/${caseId}/verslagen`;
    const noKind = await as('plannerA').request('POST', url, { watGebeurde: 'x' });
    expect(noKind.statusCode).toBe(400);
    expect(fieldsOf(noKind.body)).toEqual(['body.soort']);
    const badMoment = await as('plannerA').request('POST', url, progress({ moment: 'ooit' }));
    expect(fieldsOf(badMoment.body)).toEqual(['body.moment']);
    // Without a fixed plan, a progress report speaks in general words.
    const noPlan = await as('plannerA').request('POST', url, progress());
    expect(noPlan.statusCode).toBe(400);
    expect(fieldsOf(noPlan.body)).toEqual(['body.doelen', 'body.algemeen']);
    const incomplete = await as('plannerA').request(
      'POST',
      url,
      calamity({ maatregelen: ' ', gebeurdOp: '2026-06-11T08:00:00+02:00' }),
    );
    expect(incomplete.statusCode).toBe(400);
    expect(fieldsOf(incomplete.body)).toEqual(['body.gebeurdOp', 'body.maatregelen']);
    const missing = await as('plannerA').request('POST', url, { soort: 'acuut-risico' });
    expect(fieldsOf(missing.body).sort()).toEqual([
      'body.gebeurdOp',
      'body.maatregelen',
      'body.watGebeurde',
    ]);
    expect(await opened.db.selectFrom('provider_report').select('id').execute()).toEqual([]);
    expect(await opened.db.selectFrom('notification').select('id').execute()).toEqual([]);
  });

  it('a progress report covers every goal of the fixed plan', async () => {
    const plan = await as('regisseur').request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: '2026-03-10',
      inhoud: {
        uitkomstAnalyse: 'Slaapproblemen en spanning thuis.',
        uitkomstRisicotaxatie: 'Veilig.',
        intensiteit: 'Trede 2',
        verwachteDuur: '9 maanden',
        samenwerking: 'Casusregisseur JGH, aanbieders en moeder.',
        afsprakenCasusregie: { volgen: 'Voortgangsverslag van de aanbieders elke drie maanden.' },
        doelen: [
          {
            id: '1',
            resultaatgebied: 'opvoeding',
            omschrijving: 'Bo slaapt door',
            meetbaarResultaat: 'Vijf nachten per week',
            eigenaar: { soort: 'gezin', naam: 'Kim Visser' },
            streefdatum: '2026-12-01',
          },
          {
            id: '2',
            resultaatgebied: 'opvoeding',
            omschrijving: 'Rust aan tafel',
            meetbaarResultaat: 'Samen eten zonder ruzie, vier keer per week',
            eigenaar: { soort: 'gezin', naam: 'Kim Visser' },
            streefdatum: '2026-12-01',
          },
        ],
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const planId = (plan.json() as { id: string }).id;
    const page = (await as('regisseur').request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      personen: { id: string; naam: string }[];
    };
    const parent = page.personen.find((p) => p.naam === 'Kim Visser')?.id ?? '';
    const signed = await as('regisseur').request(
      'POST',
      `/api/v1/plannen/${planId}/handtekeningen`,
      {
        persoonId: parent,
        methode: 'op-scherm',
        op: '2026-03-10T11:00:00+01:00',
      },
    );
    expect(signed.statusCode, signed.body).toBe(201);
    const fixed = await as('regisseur').request('POST', `/api/v1/plannen/${planId}/vaststellen`, {
      op: '2026-03-10T11:30:00+01:00',
    });
    expect(fixed.statusCode, fixed.body).toBeLessThan(300);

    const overview = (
      await as('plannerA').request('GET', `/api/v1/casussen/${caseId}/verslagen`)
    ).json() as Overview;
    expect(overview).toMatchObject({ magIndienen: true, magOntvangen: false });
    expect(overview.plan?.doelen.map((d) => d.omschrijving)).toEqual([
      'Bo slaapt door',
      'Rust aan tafel',
    ]);
    const oneGoal = await as('plannerA').request(
      'POST',
      `/api/v1/casussen/${caseId}/verslagen`,
      progress({ doelen: [progress().doelen[0]] }),
    );
    expect(oneGoal.statusCode).toBe(400);
    expect(oneGoal.body).toContain('Rust aan tafel');
  });

  it('provider A reports progress: the casusregisseur and the procesregisseur are told', async () => {
    const res = await as('plannerA').request(
      'POST',
      `/api/v1/casussen/${caseId}/verslagen`,
      progress(),
    );
    expect(res.statusCode, res.body).toBe(201);
    progressId = (res.json() as { id: string }).id;
    expect(res.json()).toMatchObject({ gewaarschuwd: { casusregisseurs: 1, procesregisseurs: 1 } });
    expect(await notifications('regisseur')).toMatchObject([
      {
        kind: 'voortgangsverslag',
        case_id: caseId,
        link: `/casussen/${caseId}#verslag-${progressId}`,
      },
    ]);
    const [told] = await notifications('backoffice');
    expect(told).toMatchObject({ kind: 'voortgangsverslag', case_id: caseId });
    // The procesregisseur learns that a report arrived, for the family it knows; no names.
    expect(told?.title).toContain('Gezin Visser');
    const providerName = await opened.db
      .selectFrom('organisation')
      .select('name')
      .where('id', '=', orgs.get('a') ?? '')
      .executeTakeFirstOrThrow();
    expect(told?.title).not.toContain(providerName.name);
    expect(told?.title).not.toContain('Bo');
    // The team lead is not the casusregisseur here and gets nothing.
    expect(await notifications('teamleider')).toEqual([]);
  });

  it('the casusregisseur sees the report and acknowledges it once', async () => {
    const list = (
      await as('regisseur').request('GET', `/api/v1/casussen/${caseId}/verslagen`)
    ).json() as Overview;
    expect(list).toMatchObject({ bereik: 'alle', magIndienen: false, magOntvangen: true });
    expect(list.verslagen.map((r) => [r.id, r.ontvangen])).toEqual([[progressId, null]]);
    expect(list.verslagen[0]?.doelen.map((d) => [d.omschrijving, d.voortgang])).toEqual([
      ['Bo slaapt door', 'loopt'],
      ['Rust aan tafel', 'niet-gestart'],
    ]);
    const ackUrl = `/api/v1/casussen/${caseId}/verslagen/${progressId}/ontvangen`;
    // The provider cannot mark its own report received; nor can the procesregisseur.
    expect((await as('plannerA').request('POST', ackUrl)).statusCode).toBe(403);
    expect((await as('backoffice').request('POST', ackUrl)).statusCode).toBe(403);
    const ack = await as('regisseur').request('POST', ackUrl);
    expect(ack.statusCode, ack.body).toBe(200);
    const again = await as('teamleider').request('POST', ackUrl);
    expect(again.statusCode).toBe(409);
    const one = (
      await as('plannerA').request('GET', `/api/v1/casussen/${caseId}/verslagen/${progressId}`)
    ).json() as Report;
    expect(one.ontvangen?.op).toBe(NOW.toISOString());
    const page = (await as('regisseur').request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      tijdlijn: { type: string; notitie: string | null }[];
    };
    const types = page.tijdlijn.map((e) => e.type);
    expect(types).toContain('voortgangsverslag');
    expect(types).toContain('verslag-ontvangen');
    expect(types).toContain('contactpersoon-aanbieder');
    // The timeline, which every reader of the case sees, carries no report content.
    expect(page.tijdlijn.map((e) => e.notitie ?? '').join(' ')).not.toContain('slaapt');
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', 'in', ['verslag.indienen', 'verslag.ontvangen'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['verslag.indienen', 'verslag.ontvangen']);
  });

  it('a calamity alerts the casusregisseur at once', async () => {
    const res = await as('behandelaarA').request(
      'POST',
      `/api/v1/casussen/${caseId}/verslagen`,
      calamity(),
    );
    expect(res.statusCode, res.body).toBe(201);
    calamityId = (res.json() as { id: string }).id;
    const alerts = (await notifications('regisseur')).filter((n) => n.kind === 'calamiteit');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.title).toMatch(/calamiteit/);
    expect(alerts[0]?.link).toBe(`/casussen/${caseId}#verslag-${calamityId}`);
    expect((await notifications('backoffice')).map((n) => n.kind)).toEqual([
      'voortgangsverslag',
      'calamiteit',
    ]);
    const list = (
      await as('regisseur').request('GET', `/api/v1/casussen/${caseId}/verslagen`)
    ).json() as Overview;
    expect(list.verslagen[0]).toMatchObject({
      id: calamityId,
      soort: 'calamiteit',
      watGebeurde: 'Bo is bij een ruzie thuis gewond geraakt aan de arm.',
      ontvangen: null,
    });
  });

  it('when the family holds casusregie, the responsible team is alerted instead', async () => {
    const res = await as('plannerA').request(
      'POST',
      `/api/v1/casussen/${familyCaseId}/verslagen`,
      calamity({ soort: 'acuut-risico' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    // The team holds procesregie here as well: each person is told once.
    expect(res.json()).toMatchObject({ gewaarschuwd: { casusregisseurs: 2, procesregisseurs: 0 } });
    for (const who of ['regisseur', 'teamleider'])
      expect(
        (await notifications(who)).filter((n) => n.case_id === familyCaseId).map((n) => n.kind),
      ).toEqual(['calamiteit']);
  });

  it('provider B cannot read A’s reports; a provider without a role sees nothing', async () => {
    const own = await as('plannerB').request(
      'POST',
      `/api/v1/casussen/${caseId}/verslagen`,
      progress({ moment: 'evaluatiemoment' }),
    );
    expect(own.statusCode, own.body).toBe(201);
    const ownId = (own.json() as { id: string }).id;
    const forB = (
      await as('plannerB').request('GET', `/api/v1/casussen/${caseId}/verslagen`)
    ).json() as Overview;
    expect(forB.bereik).toBe('eigen-organisatie');
    expect(forB.verslagen.map((r) => r.id)).toEqual([ownId]);
    for (const id of [progressId, calamityId]) {
      const read = await as('plannerB').request(
        'GET',
        `/api/v1/casussen/${caseId}/verslagen/${id}`,
      );
      expect(read.statusCode).toBe(404);
      expect(read.body).not.toContain('ruzie');
    }
    const refusals = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('staff_id', '=', staffIds.get('plannerB') ?? '')
      .where('action', '=', 'verslag.geweigerd')
      .execute();
    expect(refusals).toHaveLength(2);
    const forA = (
      await as('plannerA').request('GET', `/api/v1/casussen/${caseId}/verslagen`)
    ).json() as Overview;
    expect(forA.verslagen.map((r) => r.id).sort()).toEqual([progressId, calamityId].sort());
    // B is not the casusregisseur side either.
    expect(
      (
        await as('plannerB').request(
          'POST',
          `/api/v1/casussen/${caseId}/verslagen/${calamityId}/ontvangen`,
        )
      ).statusCode,
    ).toBe(403);
    const c = as('plannerC');
    expect((await c.request('GET', `/api/v1/casussen/${caseId}/verslagen`)).statusCode).toBe(404);
    expect(
      (await c.request('GET', `/api/v1/casussen/${caseId}/verslagen/${progressId}`)).statusCode,
    ).toBe(404);
    expect(
      (await c.request('POST', `/api/v1/casussen/${caseId}/verslagen`, calamity())).statusCode,
    ).toBe(404);
    expect(
      (await c.request('POST', `/api/v1/casussen/${caseId}/verslagen/${calamityId}/ontvangen`))
        .statusCode,
    ).toBe(404);
    // A report id of another case is not found under this one.
    expect(
      (
        await as('regisseur').request(
          'GET',
          `/api/v1/casussen/${familyCaseId}/verslagen/${progressId}`,
        )
      ).statusCode,
    ).toBe(404);
    const denied = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('staff_id', '=', staffIds.get('plannerC') ?? '')
      .where('action', '=', 'casus.geweigerd')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(4);
  });

  it('subcontractors: checked against the contracts, marked when announced after the start', async () => {
    const url = `/api/v1/casussen/${caseId}/onderaannemers`;
    const named = await as('plannerA').request('POST', url, {
      naam: 'Praktijk De Linde',
      agbCode: SUB_CONTRACTED,
      onderdeel: 'Speltherapie voor Bo',
    });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({ naStartGemeld: false, contractWaarschuwing: null });
    const other = await as('plannerA').request('POST', url, {
      naam: 'Buurtzorg Jong',
      agbCode: SUB_OTHER,
      onderdeel: 'Gezinscoaching',
    });
    expect(other.statusCode, other.body).toBe(201);
    expect((other.json() as { contractWaarschuwing: string }).contractWaarschuwing).toMatch(
      /niet onder deze aanbieder/,
    );
    const twice = await as('plannerA').request('POST', url, {
      naam: 'Praktijk De Linde',
      agbCode: SUB_CONTRACTED,
      onderdeel: 'Nog meer speltherapie',
    });
    expect(twice.statusCode).toBe(409);
    const bad = await as('plannerA').request('POST', url, {
      naam: '',
      agbCode: '1234',
      onderdeel: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['body.agbCode']);
    const own = await as('plannerA').request('POST', url, {
      naam: ' ',
      agbCode: AGB_A,
      onderdeel: ' ',
    });
    expect(fieldsOf(own.body)).toEqual(['body.naam', 'body.agbCode', 'body.onderdeel']);
    expect(
      (
        await as('regisseur').request('POST', url, {
          naam: 'X',
          agbCode: '98111111',
          onderdeel: 'x',
        })
      ).statusCode,
    ).toBe(403);

    // Provider A records that its help started; a later announcement is marked as late.
    const started = await as('plannerA').request(
      'POST',
      `/api/v1/casussen/${caseId}/gebeurtenissen`,
      {
        type: 'start-hulp',
        op: '2026-06-01T09:00:00+02:00',
      },
    );
    expect(started.statusCode, started.body).toBe(201);
    const late = await as('plannerA').request('POST', url, {
      naam: 'Vaktherapie Oost',
      agbCode: '98222222',
      onderdeel: 'Muziektherapie',
    });
    expect(late.json()).toMatchObject({ naStartGemeld: true });
    // B's care has not started: A's start is not B's.
    const forB = await as('plannerB').request('POST', url, {
      naam: 'Buurtzorg Jong',
      agbCode: SUB_OTHER,
      onderdeel: 'Gezinscoaching',
    });
    expect(forB.json()).toMatchObject({ naStartGemeld: false, contractWaarschuwing: null });

    const seenByB = (await as('plannerB').request('GET', url)).json() as {
      onderaannemers: { agbCode: string }[];
    };
    expect(seenByB.onderaannemers.map((s) => s.agbCode)).toEqual([SUB_OTHER]);
    const seenByRegisseur = (await as('regisseur').request('GET', url)).json() as {
      onderaannemers: { agbCode: string; naStartGemeld: boolean }[];
    };
    expect(seenByRegisseur.onderaannemers.map((s) => [s.agbCode, s.naStartGemeld])).toEqual([
      [SUB_CONTRACTED, false],
      [SUB_OTHER, false],
      ['98222222', true],
      [SUB_OTHER, false],
    ]);
    expect((await as('plannerC').request('GET', url)).statusCode).toBe(404);
    expect((await notifications('regisseur')).filter((n) => n.kind === 'aanpassing')).toHaveLength(
      4,
    );
  });
});
