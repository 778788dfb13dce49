/**
 * Adjusting help, op- en afschalen (issue 6), on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 * A GRO family has two allocations from the route A flow: ambulant family treatment at a
 * subcontractor (300000) and individual help at the contract partner (300001). Then:
 *
 * - the casusregisseur proposes to end 300000 early; the procesregisseur (the WIJ-team, which
 *   holds procesregie, in the person of its team lead) approves, and a changed JW301 goes out:
 *   the same ToewijzingNummer, the earlier Einddatum and RedenWijziging 05 (JZ002, OP033x1);
 * - the provider proposes more hours; the approval puts an allocation proposal with the back
 *   office, and when it allocates, the new allocation starts and 300000 ends the day before
 *   (IV066: another extent per week is a new allocation; OP259: never the same product twice);
 * - other help instead of 300001 that the municipality refuses leaves 300001 running.
 *
 * Deny cases: another team, a provider without a role and the back office see nothing (404); a
 * reader who may not propose or decide gets 403; the proposer does not decide its own proposal;
 * a second decision is a conflict; a provider cannot touch another provider's allocation.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMessage, type Content } from '../../src/ijw/codec.js';
import { validateMessage } from '../../src/ijw/validate.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, exchangeParty, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

// Tuesday 10 March 2026, 12:00 in Amsterdam.
const NOW = new Date('2026-03-10T11:00:00Z');
const MUNICIPALITY = '0014';
const PARTNER = '98000001';
const SUBCONTRACTOR = '98000002';
const STRANGER = '98000003';
const csv = { 'content-type': 'text/csv' };
const CATALOGUE = `productcode;categorie;naam;segment;vrij_toegankelijk;eenheid;frequentie;tarief;geldig_van;geldig_tot
45A03;45;Ambulante gezinsbehandeling;ambulant;ja;04;2;100,00;01-01-2026;
45A07;45;Ambulante individuele begeleiding;ambulant;ja;04;2;80,00;01-01-2026;
43A01;43;Verblijf met behandeling;verblijf;nee;14;2;412,00;01-01-2026;
`;
const CONTRACTS = `hoofdaannemer_agb;hoofdaannemer;aanbieder_agb;aanbieder;producten;geldig_van;geldig_tot
${PARTNER};Jeugdhulp Stad en Ommeland;${PARTNER};Jeugdhulp Stad en Ommeland;45A03 45A07 43A01;01-01-2026;
${PARTNER};Jeugdhulp Stad en Ommeland;${SUBCONTRACTOR};Zorgboerderij De Hoeve;45A03 45A07;01-01-2026;
`;

interface Problem {
  path: string;
  message: string;
}
const fieldsOf = (body: unknown) =>
  ((body as { error: { fields?: Problem[] } }).error.fields ?? []).map((f) => f.path);

interface Overview {
  magVoorstellen: boolean;
  toewijzingen: {
    id: string;
    nummer: string;
    aanbieder: { agb: string };
    einddatum: string | null;
    magAanpassen: boolean;
    lopendVoorstel: boolean;
  }[];
  doelen: { id: string }[];
  aanpassingen: {
    id: string;
    richting: string;
    status: string;
    toewijzing: { nummer: string };
    magBesluiten: boolean;
    geschiedenis: { wat: string; door: string | null }[];
    uitvoering: Record<string, unknown>;
    besluit: Record<string, unknown> | null;
  }[];
}

describe.each(engines)('adjusting help on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let regisseur: Client;
  let teamleider: Client;
  let otherTeam: Client;
  let backoffice: Client;
  let partner: Client;
  let subcontractor: Client;
  let stranger: Client;
  let crisis: Client;
  let regisseurId = '';
  let teamleiderId = '';
  let caseId = '';
  let childId = '';
  let parentId = '';
  const allocationIds: Record<string, string> = {};

  const overview = async (who: Client) => {
    const res = await who.request('GET', `/api/v1/casussen/${caseId}/aanpassingen`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Overview;
  };
  const propose = (who: Client, body: object) =>
    who.request('POST', `/api/v1/casussen/${caseId}/aanpassingen`, body);
  const decide = (who: Client, id: string, body: object) =>
    who.request('POST', `/api/v1/aanpassingen/${id}/besluit`, body);
  const endEarly = (over: Record<string, unknown> = {}) => ({
    richting: 'af',
    toewijzingId: allocationIds['300000'],
    einddatum: '2026-05-31',
    redenen: 'Het avondritueel staat; de oma neemt de avonden over.',
    doelen: ['1'],
    overlegAanbieder: 'Besproken met de behandelaar van De Hoeve op 9 maart.',
    ...over,
  });
  /** The outgoing JW301s that carry this allocation number, oldest first. */
  const jw301sFor = async (number: string) => {
    const rows = await opened.db
      .selectFrom('ijw_message')
      .select(['xml', 'sender', 'receiver', 'status', 'created_at'])
      .where('type', '=', 'JW301')
      .where('direction', '=', 'uit')
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
    return rows.flatMap((r) => {
      const products = (
        (readMessage(r.xml).content['Client'] as Content)['ToegewezenProducten'] as Content
      )['ToegewezenProduct'] as Content[];
      return products
        .filter((p) => p['ToewijzingNummer'] === number)
        .map((p) => ({ ...r, product: p }));
    });
  };

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const party = (kind: 'gemeente' | 'aanbieder', code: string, role: string, name: string) =>
      exchangeParty(opened, app, {
        kind,
        region: 'GRO',
        code,
        role,
        email: `${name}-${engine}@gro.nl`,
      });
    const municipality = await party('gemeente', MUNICIPALITY, 'backoffice', 'bo');
    backoffice = municipality.client;
    partner = (await party('aanbieder', PARTNER, 'planner', 'partner')).client;
    subcontractor = (await party('aanbieder', SUBCONTRACTOR, 'planner', 'hoeve')).client;
    stranger = (await party('aanbieder', STRANGER, 'planner', 'vreemd')).client;

    const team = await createOrganisation(opened.db, 'lokaal-team', 'GRO');
    await opened.db
      .updateTable('organisation')
      .set({ parent_id: municipality.organisationId })
      .where('id', '=', team)
      .execute();
    regisseurId = await staffAccount(opened, team, ['casusregisseur'], `wij-${engine}@gro.nl`);
    teamleiderId = await staffAccount(opened, team, ['teamleider'], `tl-${engine}@gro.nl`);
    const team2 = await createOrganisation(opened.db, 'lokaal-team', 'GRO');
    await staffAccount(opened, team2, ['casusregisseur'], `wij2-${engine}@gro.nl`);
    const gi = await createOrganisation(opened.db, 'gi', 'GRO');
    await staffAccount(opened, gi, ['jeugdbeschermer'], `cit-${engine}@gro.nl`);
    const login = async (email: string) => {
      const client = new Client(app);
      await client.login(email);
      return client;
    };
    regisseur = await login(`wij-${engine}@gro.nl`);
    teamleider = await login(`tl-${engine}@gro.nl`);
    otherTeam = await login(`wij2-${engine}@gro.nl`);
    crisis = await login(`cit-${engine}@gro.nl`);

    for (const [url, body] of [
      ['/api/v1/catalogus', CATALOGUE],
      ['/api/v1/contracten', CONTRACTS],
    ] as const) {
      const res = await backoffice.request('PUT', url, body, csv);
      expect(res.statusCode, res.body).toBe(200);
    }
    await backoffice.request('PUT', '/api/v1/budget', { jaar: 2026, budgetCent: 5_000_000 });

    const created = await regisseur.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'GRO',
        gezin: { naam: 'Gezin Mulder' },
        jeugdigen: [{ naam: 'Lars van der Mulder', geboortedatum: '2015-04-02', bsn: freshBsn() }],
        ouders: [{ naam: 'Els Mulder', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const page = (await regisseur.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      personen: { id: string; naam: string }[];
    };
    childId = page.personen.find((p) => p.naam.startsWith('Lars'))?.id ?? '';
    parentId = page.personen.find((p) => p.naam === 'Els Mulder')?.id ?? '';
    const plan = await regisseur.request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: '2026-03-10',
      inhoud: {
        uitkomstAnalyse: 'Opvoedvragen rond slaap; school werkt mee.',
        uitkomstRisicotaxatie: 'Veilig.',
        intensiteit: 'Trede 2: wekelijks',
        verwachteDuur: '6 maanden',
        samenwerking: 'Casusregisseur WIJ-team, moeder en oma.',
        afstemmingSchool: 'Eén plan voor thuis en school.',
        doelen: [
          {
            id: '1',
            resultaatgebied: 'opvoeding',
            omschrijving: 'Een vast avondritueel',
            meetbaarResultaat: 'Vijf van de zeven avonden op tijd in bed',
            eigenaar: { soort: 'gezin', naam: 'Els Mulder' },
            streefdatum: '2026-09-01',
          },
          {
            id: '2',
            resultaatgebied: 'participatie',
            omschrijving: 'Lars sport weer',
            meetbaarResultaat: 'Elke week naar de training',
            eigenaar: { soort: 'gezin', naam: 'Lars' },
            streefdatum: '2026-09-01',
          },
        ],
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const planId = (plan.json() as { id: string }).id;
    for (const personId of [parentId, childId])
      await regisseur.request('POST', `/api/v1/plannen/${planId}/handtekeningen`, {
        persoonId: personId,
        methode: 'op-scherm',
        op: '2026-03-10T11:00:00+01:00',
      });
    const fixed = await regisseur.request('POST', `/api/v1/plannen/${planId}/vaststellen`, {
      op: '2026-03-10T11:30:00+01:00',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);

    // Two allocations through the route A flow: proposal by the team, decision by the back office.
    for (const [provider, product, volume, end] of [
      [SUBCONTRACTOR, '45A03', 4, '2026-09-13'],
      [PARTNER, '45A07', 2, '2026-06-30'],
    ] as const) {
      const proposed = await regisseur.request(
        'POST',
        `/api/v1/casussen/${caseId}/toewijzingsvoorstellen`,
        {
          jeugdigeId: childId,
          aanbieder: provider,
          producten: [{ productcode: product, volume, ingangsdatum: '2026-03-16', einddatum: end }],
          overdracht: {
            vraagverheldering: 'Moeder wil rust bij het naar bed gaan.',
            analyse: 'Zorgen om slaap; krachten: betrokken oma. Veilig.',
            ondersteuningsbehoefte: 'Ambulante hulp, een half jaar.',
            onderbouwing: 'Lichte hulp vanuit het WIJ-team hielp niet genoeg.',
            telefoonCasusregisseur: '050 1234567',
            contacten: [
              {
                persoonId: childId,
                adres: {
                  straat: 'Oosterpark',
                  huisnummer: '7',
                  postcode: '9713 AB',
                  plaats: 'Groningen',
                },
              },
              { persoonId: parentId, telefoon: '06 12345678' },
            ],
          },
        },
      );
      expect(proposed.statusCode, proposed.body).toBe(201);
      const allocated = await backoffice.request(
        'POST',
        `/api/v1/toewijzingsvoorstellen/${(proposed.json() as { id: string }).id}/besluit`,
        { besluit: 'toewijzen' },
      );
      expect(allocated.statusCode, allocated.body).toBe(201);
    }
    for (const a of (await overview(regisseur)).toewijzingen) allocationIds[a.nummer] = a.id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('shows the running allocations to the team; a provider sees only its own', async () => {
    const team = await overview(regisseur);
    expect(team.magVoorstellen).toBe(true);
    expect(team.toewijzingen.map((a) => [a.nummer, a.aanbieder.agb, a.magAanpassen])).toEqual([
      ['300000', SUBCONTRACTOR, true],
      ['300001', PARTNER, true],
    ]);
    expect(team.doelen.map((g) => g.id)).toEqual(['1', '2']);
    expect(team.aanpassingen).toEqual([]);
    const hoeve = await overview(subcontractor);
    expect(hoeve.magVoorstellen).toBe(true);
    expect(hoeve.toewijzingen.map((a) => a.nummer)).toEqual(['300000']);
    expect((await overview(partner)).toewijzingen.map((a) => a.nummer)).toEqual(['300001']);
  });

  it('without access to the case there is nothing to see or do (404, logged)', async () => {
    for (const who of [otherTeam, stranger, backoffice]) {
      expect((await who.request('GET', `/api/v1/casussen/${caseId}/aanpassingen`)).statusCode).toBe(
        404,
      );
      expect((await propose(who, endEarly())).statusCode).toBe(404);
    }
    const refused = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', '=', 'casus.geweigerd')
      .execute();
    expect(refused.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses bad input field by field and stores nothing', async () => {
    const empty = await propose(regisseur, {});
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty.json())).toEqual(
      expect.arrayContaining(['body.richting', 'body.toewijzingId', 'body.redenen', 'body.doelen']),
    );
    const format = await propose(regisseur, endEarly({ einddatum: '31-05-2026', richting: 'min' }));
    expect(format.statusCode).toBe(400);
    expect(fieldsOf(format.json()).sort()).toEqual(['body.einddatum', 'body.richting']);

    // Later than the current end is no scale-down; an unknown goal; no word with the provider.
    const domain = await propose(
      regisseur,
      endEarly({ einddatum: '2026-10-31', doelen: ['7'], overlegAanbieder: '' }),
    );
    expect(domain.statusCode).toBe(400);
    expect(domain.json()).toMatchObject({
      error: {
        fields: [
          { path: 'body.doelen.0', message: 'dit doel staat niet in het vastgestelde plan' },
          {
            path: 'body.einddatum',
            message: expect.stringContaining('ligt niet vóór de huidige einddatum (2026-09-13)'),
          },
          { path: 'body.overlegAanbieder', message: expect.stringContaining('OP033x1') },
        ],
      },
    });
    const past = await propose(regisseur, endEarly({ einddatum: '2026-03-09' }));
    expect(fieldsOf(past.json())).toEqual(['body.einddatum']);
    // A provider cannot adjust another provider's allocation: it is not one of its own.
    const foreign = await propose(
      subcontractor,
      endEarly({ toewijzingId: allocationIds['300001'], overlegAanbieder: '' }),
    );
    expect(foreign.statusCode).toBe(400);
    expect(fieldsOf(foreign.json())).toEqual(['body.toewijzingId']);
    expect((await overview(regisseur)).aanpassingen).toEqual([]);
  });

  it('without a procesregisseur nobody could decide, so nothing can be proposed (409)', async () => {
    const created = await regisseur.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({ regio: 'GRO', gezin: { naam: 'Gezin Zonder Regie' } }),
    );
    const other = (created.json() as { id: string }).id;
    await opened.db
      .updateTable('case_role')
      .set({ ends_at: new Date(NOW.getTime() - 60_000) })
      .where('case_id', '=', other)
      .where('role', '=', 'procesregie')
      .execute();
    const res = await regisseur.request(
      'POST',
      `/api/v1/casussen/${other}/aanpassingen`,
      endEarly(),
    );
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { message: string } }).error.message).toContain(
      'Niemand heeft procesregie',
    );
    expect(
      await opened.db
        .selectFrom('allocation_adjustment')
        .select('id')
        .where('case_id', '=', other)
        .execute(),
    ).toEqual([]);
  });

  it('a reader without a part in casusregie or treatment may not propose (403, logged)', async () => {
    const assigned = await regisseur.request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'crisiscasusregie',
      houder: 'organisatie',
      organisatieId: (
        await opened.db
          .selectFrom('staff')
          .select('organisation_id')
          .where('email', '=', `cit-${engine}@gro.nl`)
          .executeTakeFirstOrThrow()
      ).organisation_id,
      vanaf: '2026-03-10T09:00:00+01:00',
      reden: 'Crisis in het gezin',
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect((await overview(crisis)).magVoorstellen).toBe(false);
    expect((await propose(crisis, endEarly())).statusCode).toBe(403);
    const logged = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', '=', 'aanpassing.geweigerd')
      .execute();
    expect(logged).toHaveLength(1);
  });

  it('ending early: proposal → procesregisseur approves → changed JW301 with RedenWijziging 05', async () => {
    const res = await propose(regisseur, endEarly());
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    // The procesregisseur (the team holding procesregie, the proposer excepted) is told.
    const told = await opened.db
      .selectFrom('notification')
      .select(['staff_id', 'kind', 'title', 'link'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'aanpassing')
      .execute();
    expect(told.map((n) => n.staff_id)).toEqual([teamleiderId]);
    expect(told[0]?.title).toContain('afschalen');
    // One open proposal per allocation.
    expect((await propose(regisseur, endEarly({ einddatum: '2026-06-30' }))).statusCode).toBe(409);

    const approve = {
      besluit: 'goedkeuren',
      toelichting: 'Akkoord, de oma is een sterke schakel.',
    };
    // Four eyes: the proposer does not decide; a provider and the crisis team read but do not decide.
    for (const who of [regisseur, subcontractor, crisis])
      expect((await decide(who, id, approve)).statusCode).toBe(403);
    for (const who of [otherTeam, stranger, backoffice])
      expect((await decide(who, id, approve)).statusCode).toBe(404);
    const noReason = await decide(teamleider, id, { besluit: 'afwijzen', reden: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason.json())).toEqual(['body.reden']);
    expect(fieldsOf((await decide(teamleider, id, { besluit: 'misschien' })).json())).toEqual([
      'body.besluit',
    ]);

    const decided = await decide(teamleider, id, approve);
    expect(decided.statusCode, decided.body).toBe(201);
    expect(decided.json()).toMatchObject({ status: 'uitgevoerd', toewijzingsvoorstelId: null });
    expect((await decide(teamleider, id, approve)).statusCode).toBe(409);

    // The provider receives the same allocation again, now ending on 31 May, reason 05.
    const sent = await jw301sFor('300000');
    expect(sent).toHaveLength(2);
    const change = sent[1];
    expect([change?.sender, change?.receiver, change?.status]).toEqual([
      MUNICIPALITY,
      SUBCONTRACTOR,
      'klaar',
    ]);
    expect(validateMessage(change?.xml ?? '').issues).toEqual([]);
    expect(change?.product).toMatchObject({
      ToewijzingNummer: '300000',
      Product: { Categorie: '45', Code: '45A03' },
      Ingangsdatum: '2026-03-16',
      Einddatum: '2026-05-31',
      RedenWijziging: '05',
      Omvang: { Volume: '4', Eenheid: '04', Frequentie: '2' },
    });
    expect(sent[0]?.product['RedenWijziging']).toBeUndefined();
    const allocation = await opened.db
      .selectFrom('allocation')
      .select(['end_date', 'value_cents', 'number'])
      .where('id', '=', allocationIds['300000'] ?? '')
      .executeTakeFirstOrThrow();
    // 4 hours a week at € 100 from 16 March to 31 May (77 days, 11 weeks): € 4,400.
    expect([allocation.number, allocation.end_date, Number(allocation.value_cents)]).toEqual([
      '300000',
      '2026-05-31',
      440_000,
    ]);

    const listed = (await overview(regisseur)).aanpassingen[0];
    expect(listed).toMatchObject({
      richting: 'af',
      status: 'uitgevoerd',
      toewijzing: { nummer: '300000' },
      besluit: { toelichting: 'Akkoord, de oma is een sterke schakel.', reden: null },
      uitvoering: {
        gewijzigdeToewijzing: {
          nummer: '300000',
          vorigeEinddatum: '2026-09-13',
          einddatum: '2026-05-31',
          redenWijziging: '05',
        },
      },
      magBesluiten: false,
    });
    expect(listed?.geschiedenis.map((h) => h.wat)).toEqual([
      'voorgesteld',
      'goedgekeurd',
      'uitgevoerd',
    ]);
    const timeline = (
      (await regisseur.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
        tijdlijn: { type: string; notitie: string | null }[];
      }
    ).tijdlijn.filter((e) => e.type.startsWith('aanpassing'));
    expect(timeline.map((e) => e.type).sort()).toEqual([
      'aanpassing-besloten',
      'aanpassing-uitgevoerd',
      'aanpassing-voorgesteld',
    ]);
    // The reasons stay on the adjustment; the timeline, read by everyone, says what changed.
    expect(JSON.stringify(timeline)).not.toContain('oma');
    const proposerTold = await opened.db
      .selectFrom('notification')
      .select('title')
      .where('staff_id', '=', regisseurId)
      .execute();
    expect(proposerTold.map((n) => n.title)).toEqual([
      expect.stringContaining('goedgekeurd en uitgevoerd'),
    ]);
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', 'in', [
        'aanpassing.voorstellen',
        'aanpassing.goedkeuren',
        'aanpassingen.lezen',
      ])
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(['aanpassing.voorstellen', 'aanpassing.goedkeuren', 'aanpassingen.lezen']),
    );
  });

  it('more hours: the back office allocates anew and the running allocation ends the day before', async () => {
    const res = await propose(subcontractor, {
      richting: 'op',
      toewijzingId: allocationIds['300000'],
      nieuweHulp: {
        productcode: '45A03',
        volume: 6,
        ingangsdatum: '2026-04-01',
        einddatum: '2026-05-31',
      },
      redenen: 'Lars slaapt slecht en de spanning thuis loopt op; meer uren zijn nodig.',
      doelen: ['1', '2'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    // The provider sees its own proposal; the casusregisseur decides it (not the proposer).
    expect((await overview(subcontractor)).aanpassingen.map((a) => a.id)).toContain(id);
    const decided = await decide(regisseur, id, { besluit: 'goedkeuren' });
    expect(decided.statusCode, decided.body).toBe(201);
    const { status, toewijzingsvoorstelId } = decided.json() as {
      status: string;
      toewijzingsvoorstelId: string;
    };
    expect(status).toBe('goedgekeurd');
    // Nothing changed yet: the municipality decides about new help.
    expect(await jw301sFor('300000')).toHaveLength(2);
    const proposal = (
      await backoffice.request('GET', `/api/v1/toewijzingsvoorstellen/${toewijzingsvoorstelId}`)
    ).json() as {
      status: string;
      aanbieder: { agb: string };
      producten: unknown[];
      overdracht: { onderbouwing: string };
      arrangement: { resultaatgebieden: string[] };
      budget: { regel: string };
    };
    expect(proposal).toMatchObject({
      status: 'voorgesteld',
      aanbieder: { agb: SUBCONTRACTOR },
      producten: [
        { productcode: '45A03', volume: 6, ingangsdatum: '2026-04-01', einddatum: '2026-05-31' },
      ],
      arrangement: { resultaatgebieden: ['opvoeding', 'participatie'] },
      budget: { regel: 'GRO-DEC-BUDGET' },
    });
    expect(proposal.overdracht.onderbouwing).toContain('van toewijzing 300000');
    expect(proposal.overdracht.onderbouwing).toContain('eindigt op 2026-03-31');

    const allocated = await backoffice.request(
      'POST',
      `/api/v1/toewijzingsvoorstellen/${toewijzingsvoorstelId}/besluit`,
      { besluit: 'toewijzen' },
    );
    expect(allocated.statusCode, allocated.body).toBe(201);
    expect(allocated.json()).toMatchObject({ toewijzingen: ['300002'] });
    const fresh = await jw301sFor('300002');
    expect(fresh.map((m) => m.product)).toEqual([
      expect.objectContaining({
        ToewijzingNummer: '300002',
        Ingangsdatum: '2026-04-01',
        Einddatum: '2026-05-31',
        Omvang: { Volume: '6', Eenheid: '04', Frequentie: '2' },
      }),
    ]);
    expect(fresh[0]?.product['RedenWijziging']).toBeUndefined();
    const changed = await jw301sFor('300000');
    expect(changed).toHaveLength(3);
    expect(validateMessage(changed[2]?.xml ?? '').issues).toEqual([]);
    expect(changed[2]?.product).toMatchObject({
      Ingangsdatum: '2026-03-16',
      Einddatum: '2026-03-31',
      RedenWijziging: '05',
    });
    // The same product at the same provider never runs twice (OP259).
    const rows = await opened.db
      .selectFrom('allocation')
      .select(['number', 'start_date', 'end_date'])
      .where('case_id', '=', caseId)
      .where('product_code', '=', '45A03')
      .orderBy('number')
      .execute();
    expect(rows.map((r) => [r.number, r.start_date, r.end_date])).toEqual([
      ['300000', '2026-03-16', '2026-03-31'],
      ['300002', '2026-04-01', '2026-05-31'],
    ]);
    const listed = (await overview(regisseur)).aanpassingen.find((a) => a.id === id);
    expect(listed).toMatchObject({
      status: 'uitgevoerd',
      uitvoering: {
        nieuweToewijzingen: ['300002'],
        gewijzigdeToewijzing: {
          nummer: '300000',
          vorigeEinddatum: '2026-05-31',
          einddatum: '2026-03-31',
        },
        toewijzingsvoorstel: { id: toewijzingsvoorstelId, status: 'toegewezen' },
      },
    });
  });

  it('other help the municipality refuses leaves the running allocation as it is', async () => {
    const instead = (over: Record<string, unknown> = {}) => ({
      richting: 'anders',
      toewijzingId: allocationIds['300001'],
      nieuweHulp: {
        productcode: '43A01',
        volume: 5,
        ingangsdatum: '2026-04-15',
        einddatum: '2026-07-31',
      },
      redenen: 'Thuis gaat het niet meer; tijdelijk verblijf met behandeling.',
      doelen: ['1'],
      overlegAanbieder: 'Met de planner van Stad en Ommeland op 9 maart.',
      ...over,
    });
    // Not freely accessible: the expert pool first (GRO-GATE-EXPERTPOOL), as for any allocation.
    const noAdvice = await propose(regisseur, instead());
    expect(noAdvice.statusCode).toBe(400);
    expect(noAdvice.json()).toMatchObject({
      error: {
        fields: [
          {
            path: 'body.adviesExpertpool',
            message: expect.stringContaining('GRO-GATE-EXPERTPOOL'),
          },
        ],
      },
    });
    const res = await propose(
      regisseur,
      instead({ adviesExpertpool: { datum: '2026-03-09', samenvatting: 'Verblijf is passend.' } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    // The subcontractor neither sees this proposal nor the partner's allocation.
    const hoeve = await overview(subcontractor);
    expect(hoeve.aanpassingen.map((a) => a.id)).not.toContain(id);
    expect(hoeve.toewijzingen.map((a) => a.nummer)).toEqual(['300000', '300002']);

    const decided = await decide(teamleider, id, { besluit: 'goedkeuren' });
    expect(decided.statusCode, decided.body).toBe(201);
    const proposalId = (decided.json() as { toewijzingsvoorstelId: string }).toewijzingsvoorstelId;
    const refused = await backoffice.request(
      'POST',
      `/api/v1/toewijzingsvoorstellen/${proposalId}/besluit`,
      { besluit: 'afwijzen', reden: 'Eerst een plek zoeken via de expertpool.' },
    );
    expect(refused.statusCode, refused.body).toBe(201);
    const listed = (await overview(regisseur)).aanpassingen.find((a) => a.id === id);
    expect(listed).toMatchObject({
      status: 'niet-toegewezen',
      uitvoering: {
        afwijzingGemeente: 'Eerst een plek zoeken via de expertpool.',
        gewijzigdeToewijzing: null,
      },
    });
    expect(await jw301sFor('300001')).toHaveLength(1);
    const running = await opened.db
      .selectFrom('allocation')
      .select('end_date')
      .where('id', '=', allocationIds['300001'] ?? '')
      .executeTakeFirstOrThrow();
    expect(running.end_date).toBe('2026-06-30');
    // Now it can be proposed again.
    expect(
      (await overview(regisseur)).toewijzingen.find((a) => a.nummer === '300001'),
    ).toMatchObject({
      magAanpassen: true,
      lopendVoorstel: false,
    });
  });

  it('a refusal needs a reason and is kept in the history', async () => {
    const added = (await overview(subcontractor)).toewijzingen.find((a) => a.nummer === '300002');
    const res = await propose(subcontractor, {
      richting: 'af',
      toewijzingId: added?.id,
      einddatum: '2026-04-30',
      redenen: 'Het gaat beter dan verwacht.',
      doelen: ['2'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    const refused = await decide(teamleider, id, {
      besluit: 'afwijzen',
      reden: 'Eerst de evaluatie in april afwachten.',
    });
    expect(refused.statusCode, refused.body).toBe(201);
    expect(refused.json()).toMatchObject({ status: 'afgewezen' });
    expect((await decide(teamleider, id, { besluit: 'goedkeuren' })).statusCode).toBe(409);
    const listed = (await overview(subcontractor)).aanpassingen.find((a) => a.id === id);
    expect(listed).toMatchObject({
      status: 'afgewezen',
      besluit: { reden: 'Eerst de evaluatie in april afwachten.' },
    });
    expect(listed?.geschiedenis.map((h) => h.wat)).toEqual(['voorgesteld', 'afgewezen']);
    expect(await jw301sFor('300002')).toHaveLength(1);
  });
});
