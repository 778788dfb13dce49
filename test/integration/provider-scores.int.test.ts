/**
 * Provider performance through the API (issue 7) on PGlite and, with TEST_DATABASE_URL,
 * PostgreSQL, in Rijnmond: the casusregisseur scores a provider only once its help on the case
 * has ended, with the waiting time computed from the allocation and the start message; a second
 * score is refused; the provider and readers of the case who do not hold casusregie cannot score.
 * The aggregate is read by the region's contract manager (all the region's providers) and by the
 * provider itself (its own only); a contract manager of another region, a casusregisseur and the
 * municipality's back office see nothing. The aggregate carries no case id, name or remark.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const fieldsOf = (body: string) =>
  ((JSON.parse(body) as { error: { fields?: { path: string }[] } }).error.fields ?? []).map(
    (f) => f.path,
  );

const CRITERIA = [
  'samenwerking',
  'bereikbaarheid',
  'transparantie',
  'bejegening',
  'samenwerking-anderen',
  'snelheid',
  'klachten',
];
const REMARK = 'Bereikbaar na vijven was lastig voor moeder Ilse';

const score = (providerId: string, over: Record<string, unknown> = {}) => ({
  aanbiederId: providerId,
  clienttevredenheid: 8,
  doelen: [
    { doelId: 'doel-school', resultaat: 'bereikt' },
    { doelId: 'doel-slaap', resultaat: 'deels' },
  ],
  uitval: false,
  criteria: CRITERIA.map((c) => ({
    criterium: c,
    oordeel: c === 'bereikbaarheid' ? 'onvoldoende' : 'goed',
    toelichting: c === 'bereikbaarheid' ? REMARK : null,
  })),
  ...over,
});

interface Aggregate {
  id: string;
  naam: string;
  n: number;
  clienttevredenheid: { n: number; gemiddelde: number | null; nietGevraagd: number };
  doelrealisatie: { n: number; gemiddeldAandeel: number | null; bereikt: number; deels: number };
  uitval: { n: number; aantal: number; aandeel: number | null };
  wachttijd: { n: number; gemiddeldeDagen: number | null; onbekend: number };
  criteria: { criterium: string; n: number; goed: number; onvoldoende: number }[];
}

describe.each(engines)('provider performance API on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let clock = new Date('2026-03-20T10:00:00+01:00');
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (name: string) => ids.get(name) as string;
  const cases: string[] = [];

  /** A RIJ route A case with behandelregie and one allocation for the provider. */
  async function caseWithAllocation(number: string, family: string): Promise<string> {
    const created = await as('regisseur').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'RIJ',
        gezin: { naam: `Gezin ${family}` },
        jeugdigen: [{ naam: `Sem ${family}`, geboortedatum: '2012-01-15', bsn: freshBsn() }],
        ouders: [{ naam: `Ilse ${family}`, soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const caseId = (created.json() as { id: string }).id;
    const role = await as('regisseur').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'behandelregie',
      houder: 'organisatie',
      organisatieId: id('provider'),
      vanaf: '2026-03-05T09:00:00+01:00',
      reden: 'toewijzing',
    });
    expect(role.statusCode, role.body).toBe(201);
    await opened.db
      .insertInto('allocation')
      .values({
        case_id: caseId,
        region: 'RIJ',
        provider_id: id('provider'),
        number,
        product_code: '45A12',
        start_date: '2026-03-09',
        end_date: null,
        status: 'gestart',
      })
      .execute();
    // The allocation went out on 5 March (as ijw/allocate.ts records it).
    await opened.db
      .insertInto('case_event')
      .values({
        case_id: caseId,
        type: 'toewijzing-ontvangen',
        at: new Date('2026-03-05T11:00:00+01:00'),
        child_id: null,
        kind: null,
        date: null,
        note: `Toewijzing JW301 ${number}`,
        recorded_by: null,
      })
      .execute();
    return caseId;
  }

  async function endHelp(caseId: string) {
    await opened.db
      .updateTable('allocation')
      .set({ status: 'gestopt', end_date: '2026-05-29' })
      .where('case_id', '=', caseId)
      .execute();
    await opened.db
      .updateTable('case_role')
      .set({ ends_at: new Date('2026-05-29T17:00:00+02:00') })
      .where('case_id', '=', caseId)
      .where('role', '=', 'behandelregie')
      .execute();
  }

  const count = async () =>
    Number(
      (
        await opened.db
          .selectFrom('provider_score')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => clock },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'RIJ');
    ids.set('provider', await createOrganisation(opened.db, 'aanbieder', 'RIJ'));
    ids.set('otherProvider', await createOrganisation(opened.db, 'aanbieder', 'RIJ'));
    ids.set('zouProvider', await createOrganisation(opened.db, 'aanbieder', 'ZOU'));
    const municipality = await createOrganisation(opened.db, 'gemeente', 'RIJ');
    const zouMunicipality = await createOrganisation(opened.db, 'gemeente', 'ZOU');
    const accounts: [string, string, string[]][] = [
      ['regisseur', team, ['casusregisseur']],
      ['teamleider', team, ['teamleider']],
      ['planner', id('provider'), ['planner']],
      ['vreemd', id('otherProvider'), ['planner']],
      ['contract', municipality, ['contractmanager']],
      ['backoffice', municipality, ['backoffice']],
      ['contract-zou', zouMunicipality, ['contractmanager']],
    ];
    for (const [who, org, roles] of accounts) {
      ids.set(who, await staffAccount(opened, org, roles, `${who}-${engine}@score.nl`));
      const c = new Client(app);
      expect((await c.login(`${who}-${engine}@score.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
    const first = await caseWithAllocation('900001', 'Bakker');
    cases.push(first);
    // The help started on 16 March (JW305 start line): 11 days after the allocation.
    const allocation = await opened.db
      .selectFrom('allocation')
      .select('id')
      .where('number', '=', '900001')
      .executeTakeFirstOrThrow();
    await opened.db
      .insertInto('care_line')
      .values({
        allocation_id: allocation.id,
        kind: 'start',
        product: '45/45A12',
        begin_date: '2026-03-16',
        end_date: null,
        reason: null,
        received_at: new Date('2026-03-16T12:00:00+01:00'),
        deleted_at: null,
      })
      .execute();
    // A fixed plan with two goals.
    const plan = await opened.db
      .insertInto('plan')
      .values({
        case_id: first,
        kind: 'ondersteuningsplan',
        subject_person_id: null,
        created_by: id('regisseur'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await opened.db
      .insertInto('plan_version')
      .values({
        plan_id: plan.id,
        version: 1,
        status: 'vastgesteld',
        start_date: '2026-03-04',
        content: JSON.stringify({
          goals: [
            { id: 'doel-school', description: 'Sem gaat elke dag naar school' },
            { id: 'doel-slaap', description: 'Sem slaapt thuis door' },
          ],
        }),
        content_hash: 'x',
        created_by: id('regisseur'),
        updated_at: clock,
        fixed_at: clock,
        fixed_by: id('regisseur'),
      })
      .execute();
    cases.push(await caseWithAllocation('900002', 'Smit'));
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('shows the provider, the computed waiting time, and refuses a score while help runs', async () => {
    const [caseId] = cases;
    const res = await as('regisseur').request('GET', `/api/v1/casussen/${caseId}/aanbiederscores`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      aanbieders: {
        id: string;
        afgesloten: boolean;
        nogNiet: string | null;
        wachttijd: { dagen: number; van: string; tot: string } | null;
      }[];
      doelen: { id: string }[];
      criteria: { criterium: string }[];
    };
    expect(body.aanbieders).toHaveLength(1);
    const provider = body.aanbieders[0];
    expect(provider?.id).toBe(id('provider'));
    expect(provider?.afgesloten).toBe(false);
    expect(provider?.nogNiet).toContain('900001');
    expect(provider?.wachttijd).toEqual({ dagen: 11, van: '2026-03-05', tot: '2026-03-16' });
    expect(body.doelen.map((g) => g.id)).toEqual(['doel-school', 'doel-slaap']);
    expect(body.criteria.map((c) => c.criterium)).toEqual(CRITERIA);
    const early = await as('regisseur').request(
      'POST',
      `/api/v1/casussen/${caseId}/aanbiederscores`,
      score(id('provider')),
    );
    expect(early.statusCode).toBe(409);
    expect(await count()).toBe(0);
  });

  it('only the casusregie side scores: 403 for the provider, 404 for strangers', async () => {
    const [caseId] = cases;
    const url = `/api/v1/casussen/${caseId}/aanbiederscores`;
    expect((await as('planner').request('GET', url)).statusCode).toBe(403);
    expect((await as('planner').request('POST', url, score(id('provider')))).statusCode).toBe(403);
    expect((await as('vreemd').request('GET', url)).statusCode).toBe(404);
    expect((await as('contract').request('GET', url)).statusCode).toBe(404);
    expect((await as('contract').request('POST', url, score(id('provider')))).statusCode).toBe(404);
    expect(await count()).toBe(0);
  });

  it('validates the score and stores nothing when it is wrong', async () => {
    for (const caseId of cases) await endHelp(caseId);
    clock = new Date('2026-06-01T10:00:00+02:00');
    // Sessions expire on the test clock: everyone logs in again in June.
    for (const [who, c] of clients)
      expect((await c.login(`${who}-${engine}@score.nl`)).statusCode).toBe(200);
    const [caseId] = cases;
    const url = `/api/v1/casussen/${caseId}/aanbiederscores`;
    const mark = await as('regisseur').request(
      'POST',
      url,
      score(id('provider'), { clienttevredenheid: 11 }),
    );
    expect(mark.statusCode).toBe(400);
    expect(fieldsOf(mark.body)).toEqual(['body.clienttevredenheid']);
    const unknownRating = await as('regisseur').request(
      'POST',
      url,
      score(id('provider'), {
        criteria: [{ criterium: 'snelheid', oordeel: 'uitstekend', toelichting: null }],
      }),
    );
    expect(unknownRating.statusCode).toBe(400);
    expect(fieldsOf(unknownRating.body)).toEqual(['body.criteria.0.oordeel']);
    const incomplete = await as('regisseur').request(
      'POST',
      url,
      score(id('provider'), {
        doelen: [{ doelId: 'doel-elders', resultaat: 'bereikt' }],
        criteria: [{ criterium: 'snelheid', oordeel: 'goed', toelichting: null }],
      }),
    );
    expect(incomplete.statusCode).toBe(400);
    expect(fieldsOf(incomplete.body)).toEqual(['body.doelen.0.doelId', 'body.criteria']);
    const noGoals = await as('regisseur').request(
      'POST',
      url,
      score(id('provider'), { doelen: [] }),
    );
    expect(fieldsOf(noGoals.body)).toEqual(['body.doelen']);
    const notOnCase = await as('regisseur').request('POST', url, score(id('otherProvider')));
    expect(notOnCase.statusCode).toBe(400);
    expect(fieldsOf(notOnCase.body)).toEqual(['body.aanbiederId']);
    expect(await count()).toBe(0);
  });

  it('scores once per case and provider, on the timeline and in the audit log', async () => {
    const [caseId, second] = cases as [string, string];
    const url = `/api/v1/casussen/${caseId}/aanbiederscores`;
    const ok = await as('regisseur').request('POST', url, score(id('provider')));
    expect(ok.statusCode, ok.body).toBe(201);
    const again = await as('teamleider').request('POST', url, score(id('provider')));
    expect(again.statusCode).toBe(409);
    expect(await count()).toBe(1);

    const view = (await as('teamleider').request('GET', url)).json() as {
      aanbieders: { beoordeeld: boolean; afgesloten: boolean; grondslag: string }[];
      scores: {
        wachttijd: { dagen: number } | null;
        criteria: { criterium: string; toelichting: string | null }[];
      }[];
    };
    expect(view.aanbieders[0]).toMatchObject({
      beoordeeld: true,
      afgesloten: true,
      grondslag: 'toewijzingen-beeindigd',
    });
    expect(view.scores[0]?.wachttijd?.dagen).toBe(11);
    expect(view.scores[0]?.criteria.map((c) => c.criterium)).toEqual(CRITERIA);
    expect(view.scores[0]?.criteria[1]?.toelichting).toBe(REMARK);

    const page = (await as('regisseur').request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      tijdlijn: { type: string }[];
    };
    expect(page.tijdlijn.map((e) => e.type)).toContain('aanbieder-beoordeeld');
    const audit = await opened.db
      .selectFrom('audit_log')
      .select(['action', 'case_id'])
      .where('action', '=', 'aanbiederscore.vastleggen')
      .execute();
    expect(audit).toEqual([{ action: 'aanbiederscore.vastleggen', case_id: caseId }]);

    // The second case has no plan and no known start: satisfaction not asked, a drop-out.
    const other = await as('regisseur').request(
      'POST',
      `/api/v1/casussen/${second}/aanbiederscores`,
      score(id('provider'), {
        clienttevredenheid: 'niet-gevraagd',
        doelen: [],
        uitval: true,
        criteria: CRITERIA.map((c) => ({ criterium: c, oordeel: 'voldoende' })),
      }),
    );
    expect(other.statusCode, other.body).toBe(201);
  });

  it("the region's contract manager sees every provider of the region, without cases or remarks", async () => {
    const res = await as('contract').request('GET', '/api/v1/aanbieders/prestaties');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { bereik: string; regio: string; aanbieders: Aggregate[] };
    expect(body.bereik).toBe('regio');
    expect(body.regio).toBe('RIJ');
    expect(body.aanbieders.map((a) => a.id).sort()).toEqual(
      [id('provider'), id('otherProvider')].sort(),
    );
    const provider = body.aanbieders.find((a) => a.id === id('provider')) as Aggregate;
    // Two scores: marks 8 and "niet gevraagd"; goals 1 + ½ of 2 on one case; one drop-out;
    // waits 11 days and unknown.
    expect(provider.n).toBe(2);
    expect(provider.clienttevredenheid).toMatchObject({ n: 1, gemiddelde: 8, nietGevraagd: 1 });
    expect(provider.doelrealisatie).toMatchObject({
      n: 1,
      gemiddeldAandeel: 0.75,
      bereikt: 1,
      deels: 1,
    });
    expect(provider.uitval).toEqual({ n: 2, aantal: 1, aandeel: 0.5 });
    expect(provider.wachttijd).toMatchObject({ n: 1, gemiddeldeDagen: 11, onbekend: 1 });
    expect(provider.criteria[1]).toMatchObject({
      criterium: 'bereikbaarheid',
      n: 2,
      goed: 0,
      onvoldoende: 1,
    });
    const other = body.aanbieders.find((a) => a.id === id('otherProvider')) as Aggregate;
    expect(other.n).toBe(0);
    for (const secret of [...cases, REMARK, 'Bakker', 'Smit', 'Ilse'])
      expect(res.body).not.toContain(secret);
    const one = await as('contract').request(
      'GET',
      `/api/v1/aanbieders/${id('provider')}/prestaties`,
    );
    expect(one.statusCode).toBe(200);
    expect((one.json() as { aanbieder: Aggregate }).aanbieder.n).toBe(2);
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('staff_id', '=', id('contract'))
      .where('action', 'like', 'prestaties.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['prestaties.lezen', 'prestaties.aanbieder-lezen']);
  });

  it('a provider sees its own aggregate only; another provider is not found', async () => {
    const own = await as('planner').request('GET', '/api/v1/aanbieders/prestaties');
    expect(own.statusCode).toBe(200);
    const body = own.json() as { bereik: string; aanbieders: Aggregate[] };
    expect(body.bereik).toBe('eigen');
    expect(body.aanbieders.map((a) => [a.id, a.n])).toEqual([[id('provider'), 2]]);
    expect(own.body).not.toContain(REMARK);
    expect(
      (await as('planner').request('GET', `/api/v1/aanbieders/${id('provider')}/prestaties`))
        .statusCode,
    ).toBe(200);
    expect(
      (await as('planner').request('GET', `/api/v1/aanbieders/${id('otherProvider')}/prestaties`))
        .statusCode,
    ).toBe(404);
    const other = (await as('vreemd').request('GET', '/api/v1/aanbieders/prestaties')).json() as {
      aanbieders: Aggregate[];
    };
    expect(other.aanbieders.map((a) => [a.id, a.n])).toEqual([[id('otherProvider'), 0]]);
    expect(
      (await as('vreemd').request('GET', `/api/v1/aanbieders/${id('provider')}/prestaties`))
        .statusCode,
    ).toBe(404);
  });

  it('a contract manager of another region sees nothing of this region', async () => {
    const res = await as('contract-zou').request('GET', '/api/v1/aanbieders/prestaties');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { regio: string; aanbieders: Aggregate[] };
    expect(body.regio).toBe('ZOU');
    expect(body.aanbieders.map((a) => [a.id, a.n])).toEqual([[id('zouProvider'), 0]]);
    expect(res.body).not.toContain(id('provider'));
    expect(
      (await as('contract-zou').request('GET', `/api/v1/aanbieders/${id('provider')}/prestaties`))
        .statusCode,
    ).toBe(404);
  });

  it('casusregisseurs, team leads and the back office get 403 on the aggregate', async () => {
    for (const who of ['regisseur', 'teamleider', 'backoffice']) {
      expect((await as(who).request('GET', '/api/v1/aanbieders/prestaties')).statusCode).toBe(403);
      expect(
        (await as(who).request('GET', `/api/v1/aanbieders/${id('provider')}/prestaties`))
          .statusCode,
      ).toBe(403);
    }
  });
});
