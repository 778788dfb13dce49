/**
 * Route A allocation (issue 5) on PGlite and, with TEST_DATABASE_URL, PostgreSQL: a GRO
 * WIJ-team proposes an arrangement from the family's fixed plan to a contracted subcontractor,
 * with the substantive handover (GRO-DEC-OVERDRACHT); the municipality's back office sees what
 * it does to the budget (GRO-DEC-BUDGET) and allocates; the JW301 goes out, the provider gets
 * behandelregie and reads the handover. Thin handovers, uncontracted providers, products that
 * need the expert pool (GRO-GATE-EXPERTPOOL) and cases without a fixed plan are refused with
 * the field named, and nothing is stored.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careStart, careStop } from '../../src/ijw/build.js';
import { readMessage, writeMessage, type Content } from '../../src/ijw/codec.js';
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
const csv = { 'content-type': 'text/csv' };
const CATALOGUE = `productcode;categorie;naam;segment;vrij_toegankelijk;eenheid;frequentie;tarief;geldig_van;geldig_tot
45A03;45;Ambulante gezinsbehandeling;ambulant;ja;04;2;100,00;01-01-2026;
43A01;43;Verblijf met behandeling;verblijf;nee;14;2;412,00;01-01-2026;
`;
const CONTRACTS = `hoofdaannemer_agb;hoofdaannemer;aanbieder_agb;aanbieder;producten;geldig_van;geldig_tot
${PARTNER};Jeugdhulp Stad en Ommeland;${PARTNER};Jeugdhulp Stad en Ommeland;45A03 43A01;01-01-2026;
${PARTNER};Jeugdhulp Stad en Ommeland;${SUBCONTRACTOR};Zorgboerderij De Hoeve;45A03;01-01-2026;
`;

interface Problem {
  path: string;
  message: string;
}
const fieldsOf = (body: unknown) =>
  (body as { error: { fields: Problem[] } }).error.fields.map((f) => f.path);

describe.each(engines)('route A allocation on %s', (engine) => {
  let opened: OpenDatabase;
  /** The app's clock; the last test moves it on to the day care stops. */
  let now = NOW;
  let app: FastifyInstance;
  let regisseur: Client;
  let backoffice: Client;
  let subcontractor: Client;
  let subcontractorPlanner: Client;
  let partner: Client;
  let caseId = '';
  let childId = '';
  let parentId = '';
  let planId = '';
  let proposalId = '';

  const proposal = (overrides: Record<string, unknown> = {}) => ({
    jeugdigeId: childId,
    aanbieder: SUBCONTRACTOR,
    producten: [
      { productcode: '45A03', volume: 4, ingangsdatum: '2026-03-16', einddatum: '2026-09-13' },
    ],
    steunelementen: ['gezinscoach'],
    overdracht: {
      vraagverheldering: 'Moeder wil rust bij het naar bed gaan; Lars wil weer naar de voetbal.',
      analyse:
        'Zorgen om de opvoeding en slaap; krachten: betrokken oma, school werkt mee. Veilig.',
      ondersteuningsbehoefte: 'Ambulante gezinsbehandeling, 4 uur per week, een half jaar.',
      onderbouwing: 'Lichte hulp vanuit het WIJ-team heeft niet genoeg geholpen.',
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
        { persoonId: parentId, telefoon: '06 12345678', email: 'els@example.nl' },
      ],
    },
    ...overrides,
  });
  const propose = (body: object) =>
    regisseur.request('POST', `/api/v1/casussen/${caseId}/toewijzingsvoorstellen`, body);

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => now },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const municipality = await exchangeParty(opened, app, {
      kind: 'gemeente',
      region: 'GRO',
      code: MUNICIPALITY,
      role: 'backoffice',
      email: `bo-${engine}@gro.nl`,
    });
    backoffice = municipality.client;
    partner = (
      await exchangeParty(opened, app, {
        kind: 'aanbieder',
        region: 'GRO',
        code: PARTNER,
        role: 'planner',
        email: `partner-${engine}@gro.nl`,
      })
    ).client;
    const hoeve = await exchangeParty(opened, app, {
      kind: 'aanbieder',
      region: 'GRO',
      code: SUBCONTRACTOR,
      role: 'behandelaar',
      email: `hoeve-${engine}@gro.nl`,
    });
    subcontractor = hoeve.client;
    await staffAccount(opened, hoeve.organisationId, ['planner'], `planning-${engine}@gro.nl`);
    subcontractorPlanner = new Client(app);
    await subcontractorPlanner.login(`planning-${engine}@gro.nl`);
    const team = await createOrganisation(opened.db, 'lokaal-team', 'GRO');
    await opened.db
      .updateTable('organisation')
      .set({ parent_id: municipality.organisationId })
      .where('id', '=', team)
      .execute();
    await staffAccount(opened, team, ['casusregisseur'], `wij-${engine}@gro.nl`);
    regisseur = new Client(app);
    await regisseur.login(`wij-${engine}@gro.nl`);

    for (const [url, body] of [
      ['/api/v1/catalogus', CATALOGUE],
      ['/api/v1/contracten', CONTRACTS],
    ] as const) {
      const res = await backoffice.request('PUT', url, body, csv);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(
      (await backoffice.request('PUT', '/api/v1/budget', { jaar: 2026, budgetCent: 5_000_000 }))
        .statusCode,
    ).toBe(200);

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
    planId = (plan.json() as { id: string }).id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('needs the fixed plan first: the arrangement comes from its goals', async () => {
    const res = await propose(proposal());
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res.json())).toEqual(['body.plan']);
    for (const personId of [parentId, childId]) {
      const signed = await regisseur.request('POST', `/api/v1/plannen/${planId}/handtekeningen`, {
        persoonId: personId,
        methode: 'op-scherm',
        op: '2026-03-10T11:00:00+01:00',
      });
      expect(signed.statusCode, signed.body).toBe(201);
    }
    const fixed = await regisseur.request('POST', `/api/v1/plannen/${planId}/vaststellen`, {
      op: '2026-03-10T11:30:00+01:00',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
  });

  it('refuses a message without a substantive handover, and stores nothing', async () => {
    const thin = proposal({
      overdracht: {
        vraagverheldering: '',
        analyse: '',
        ondersteuningsbehoefte: 'iets',
        onderbouwing: '',
        contacten: [{ persoonId: childId }, { persoonId: parentId }],
      },
    });
    const res = await propose(thin);
    expect(res.statusCode).toBe(422);
    expect(fieldsOf(res.json())).toEqual([
      'body.overdracht.vraagverheldering',
      'body.overdracht.analyse',
      'body.overdracht.onderbouwing',
      'body.overdracht.contacten.0.adres',
      'body.overdracht.contacten',
    ]);
    expect(JSON.stringify(res.json())).toContain('GRO-DEC-OVERDRACHT');
    const list = (await backoffice.request('GET', '/api/v1/toewijzingsvoorstellen')).json() as {
      voorstellen: unknown[];
    };
    expect(list.voorstellen).toEqual([]);
  });

  it('refuses products the provider has no contract for, and not freely accessible ones without advice', async () => {
    const uncontracted = await propose(
      proposal({
        producten: [
          { productcode: '43A01', volume: 7, ingangsdatum: '2026-03-16', einddatum: '2026-06-30' },
        ],
      }),
    );
    expect(uncontracted.statusCode).toBe(422);
    expect(uncontracted.json()).toMatchObject({
      error: {
        fields: [
          {
            path: 'body.producten.0.productcode',
            message: `aanbieder ${SUBCONTRACTOR} heeft geen contract voor 43A01 op 2026-03-16`,
          },
          {
            path: 'body.adviesExpertpool',
            message: expect.stringContaining('GRO-GATE-EXPERTPOOL'),
          },
        ],
      },
    });
    const stranger = await propose(proposal({ aanbieder: '98999999' }));
    expect(fieldsOf(stranger.json())).toEqual(['body.aanbieder', 'body.producten.0.productcode']);
  });

  it('sends a complete proposal to the back office, who sees what it does to the budget', async () => {
    const res = await propose(proposal());
    expect(res.statusCode, res.body).toBe(201);
    proposalId = (res.json() as { id: string }).id;
    const list = (
      await backoffice.request('GET', '/api/v1/toewijzingsvoorstellen?status=voorgesteld')
    ).json() as { voorstellen: { id: string; aanbieder: { agb: string } }[] };
    expect(list.voorstellen.map((v) => [v.id, v.aanbieder.agb])).toEqual([
      [proposalId, SUBCONTRACTOR],
    ]);
    const detail = (
      await backoffice.request('GET', `/api/v1/toewijzingsvoorstellen/${proposalId}`)
    ).json() as Record<string, unknown>;
    // 4 hours a week at € 100 for 26 weeks (16 March to 13 September) = € 10,400.
    expect(detail['budget']).toEqual({
      jaar: 2026,
      budgetCent: 5_000_000,
      toegewezenCent: 0,
      ditVoorstelCent: 1_040_000,
      resterendCent: 5_000_000,
      resterendNaCent: 3_960_000,
      waarschuwing: null,
      regel: 'GRO-DEC-BUDGET',
    });
    expect(detail['arrangement']).toMatchObject({
      resultaatgebieden: ['opvoeding', 'participatie'],
      steunelementen: ['gezinscoach'],
      intensiteit: 'Trede 2: wekelijks',
      duur: '6 maanden',
    });
    // Neither the local team nor a provider decides; the provider cannot read it yet.
    const decide = { besluit: 'toewijzen' };
    for (const who of [regisseur, subcontractor])
      expect(
        (await who.request('POST', `/api/v1/toewijzingsvoorstellen/${proposalId}/besluit`, decide))
          .statusCode,
      ).toBe(403);
    expect(
      (await subcontractor.request('GET', `/api/v1/casussen/${caseId}/overdracht`)).statusCode,
    ).toBe(404);
  });

  it('allocating sends a valid JW301 to the provider and opens the handover to it alone', async () => {
    const res = await backoffice.request(
      'POST',
      `/api/v1/toewijzingsvoorstellen/${proposalId}/besluit`,
      { besluit: 'toewijzen' },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'toegewezen', toewijzingen: ['300000'] });
    const jw301 = await opened.db
      .selectFrom('ijw_message')
      .selectAll()
      .where('type', '=', 'JW301')
      .where('direction', '=', 'uit')
      .executeTakeFirstOrThrow();
    expect([jw301.sender, jw301.receiver, jw301.case_id, jw301.status]).toEqual([
      MUNICIPALITY,
      SUBCONTRACTOR,
      caseId,
      'klaar',
    ]);
    expect(validateMessage(jw301.xml).issues).toEqual([]);
    const client = readMessage(jw301.xml).content['Client'] as Content;
    expect(client['Naam']).toMatchObject({
      Geslachtsnaam: { Achternaam: 'Mulder', Voorvoegsel: 'van der' },
      Voornamen: 'Lars',
    });
    expect(jw301.xml).toContain('<ijw:Postcode>9713AB</ijw:Postcode>');
    expect(
      ((client['ToegewezenProducten'] as Content)['ToegewezenProduct'] as Content[])[0],
    ).toMatchObject({
      ToewijzingNummer: '300000',
      Product: { Categorie: '45', Code: '45A03' },
      Ingangsdatum: '2026-03-16',
      Omvang: { Volume: '4', Eenheid: '04', Frequentie: '2' },
    });

    const handover = await subcontractor.request('GET', `/api/v1/casussen/${caseId}/overdracht`);
    expect(handover.statusCode, handover.body).toBe(200);
    const [seen] = (handover.json() as { voorstellen: Record<string, unknown>[] }).voorstellen;
    expect(seen).toMatchObject({
      status: 'toegewezen',
      toewijzingen: ['300000'],
      overdracht: {
        regel: 'GRO-DEC-OVERDRACHT',
        analyse: expect.stringContaining('betrokken oma'),
        onderbouwing: expect.stringContaining('Lichte hulp'),
        contacten: [
          { rol: 'jeugdige', naam: 'Lars van der Mulder', adres: { plaats: 'Groningen' } },
          { rol: 'gezagsdrager', naam: 'Els Mulder', telefoon: '06 12345678' },
          {
            rol: 'casusregisseur',
            naam: expect.stringContaining(`wij-${engine}@gro.nl`),
            email: `wij-${engine}@gro.nl`,
            telefoon: '050 1234567',
          },
        ],
      },
    });
    const casePage = (await subcontractor.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      rollen: { rol: string; actief: boolean }[];
      tijdlijn: { type: string; notitie: string | null }[];
    };
    expect(casePage.tijdlijn.map((e) => e.type)).toContain('toewijzing-ontvangen');
    // The partner that holds the contract but was not allocated sees nothing of the case.
    expect((await partner.request('GET', `/api/v1/casussen/${caseId}/overdracht`)).statusCode).toBe(
      404,
    );
    const read = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', 'in', ['overdracht.lezen', 'toewijzingsvoorstel.toewijzen'])
      .execute();
    expect(read.map((r) => r.action).sort()).toEqual([
      'overdracht.lezen',
      'toewijzingsvoorstel.toewijzen',
    ]);
    const budget = (await backoffice.request('GET', '/api/v1/budget?jaar=2026')).json();
    expect(budget).toMatchObject({ toegewezenCent: 1_040_000, resterendCent: 3_960_000 });
    const again = await backoffice.request(
      'POST',
      `/api/v1/toewijzingsvoorstellen/${proposalId}/besluit`,
      { besluit: 'toewijzen' },
    );
    expect(again.statusCode).toBe(409);
  });

  it('a bridging arrangement is temporary; a refusal needs a reason and lands on the timeline', async () => {
    const open = await propose(
      proposal({
        overbrugging: { reden: 'Wachtlijst voor verblijf', wachtOp: '43A01' },
        producten: [{ productcode: '45A03', volume: 2, ingangsdatum: '2026-04-01' }],
      }),
    );
    expect(fieldsOf(open.json())).toEqual(['body.producten.0.einddatum']);
    const bridging = await propose(
      proposal({
        overbrugging: { reden: 'Wachtlijst voor verblijf', wachtOp: '43A01' },
        producten: [
          { productcode: '45A03', volume: 2, ingangsdatum: '2026-04-01', einddatum: '2026-05-31' },
        ],
      }),
    );
    expect(bridging.statusCode, bridging.body).toBe(201);
    const id = (bridging.json() as { id: string }).id;
    const url = `/api/v1/toewijzingsvoorstellen/${id}/besluit`;
    const noReason = await backoffice.request('POST', url, { besluit: 'afwijzen', reden: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason.json())).toEqual(['body.reden']);
    const refused = await backoffice.request('POST', url, {
      besluit: 'afwijzen',
      reden: 'Eerst het gesprek met de expertpool over verblijf afwachten.',
    });
    expect(refused.statusCode, refused.body).toBe(201);
    const timeline = (
      (await regisseur.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
        tijdlijn: { notitie: string | null }[];
      }
    ).tijdlijn.map((e) => e.notitie ?? '');
    expect(timeline.some((n) => n.includes('afgewezen door de gemeente: Eerst het gesprek'))).toBe(
      true,
    );
    const all = (
      await regisseur.request('GET', `/api/v1/casussen/${caseId}/overdracht`)
    ).json() as {
      voorstellen: { status: string; arrangement: { overbrugging: unknown } }[];
    };
    // Both were proposed at the same (frozen) moment, so only the set is certain.
    expect(all.voorstellen.map((v) => v.status).sort()).toEqual(['afgewezen', 'toegewezen']);
    expect(all.voorstellen.find((v) => v.status === 'afgewezen')?.arrangement.overbrugging).toEqual(
      {
        reden: 'Wachtlijst voor verblijf',
        wachtOp: '43A01',
      },
    );
  });

  it('after the family withdraws consent to share with providers, no proposal carries the handover', async () => {
    const consent = (stand: string, datum: string) =>
      regisseur.request('POST', `/api/v1/casussen/${caseId}/toestemmingen`, {
        persoonId: parentId,
        ontvanger: 'aanbieder',
        doel: 'inhoudelijke overdracht bij een toewijzing',
        stand,
        datum,
        wijze: 'mondeling',
      });
    expect((await consent('ingetrokken', '2026-03-09')).statusCode).toBe(201);
    const before = await opened.db.selectFrom('allocation_proposal').select('id').execute();
    const refused = await propose(
      proposal({
        producten: [
          { productcode: '45A03', volume: 2, ingangsdatum: '2026-04-01', einddatum: '2026-06-30' },
        ],
      }),
    );
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.body).toContain('Jeugdwet artikel 7.3.11');
    expect(refused.body).toContain('Els Mulder');
    expect(refused.body).toContain('niet naar de aanbieder');
    expect(fieldsOf(refused.json())).toEqual(['body.aanbieder']);
    expect(await opened.db.selectFrom('allocation_proposal').select('id').execute()).toHaveLength(
      before.length,
    );
    // Given again, the proposal goes.
    expect((await consent('gegeven', '2026-03-10')).statusCode).toBe(201);
    const allowed = await propose(
      proposal({
        producten: [
          { productcode: '45A03', volume: 2, ingangsdatum: '2026-04-01', einddatum: '2026-06-30' },
        ],
      }),
    );
    expect(allowed.statusCode, allowed.body).toBe(201);
  });

  it('a stop message tells the regie side why the help ended, citing the rule that follows', async () => {
    now = new Date('2026-04-21T09:00:00Z');
    // Six weeks on, the sessions have expired: log in again.
    await subcontractorPlanner.login(`planning-${engine}@gro.nl`);
    await regisseur.login(`wij-${engine}@gro.nl`);
    const child = await opened.db
      .selectFrom('person')
      .select(['bsn', 'birth_date'])
      .where('id', '=', childId)
      .executeTakeFirstOrThrow();
    const client = {
      bsn: child.bsn ?? '',
      birthDate: String(child.birth_date).slice(0, 10),
      gender: '1',
      lastName: 'Mulder',
      initials: 'L',
    };
    const line = {
      allocationNumber: '300000',
      product: { category: '45', code: '45A03' },
      allocationStart: '2026-03-16',
    };
    const inbox = (body: string) =>
      subcontractorPlanner.request('POST', '/api/v1/ijw/inbox', body, {
        'content-type': 'application/xml',
      });
    const envelope = (id: string) => ({
      sender: SUBCONTRACTOR,
      receiver: MUNICIPALITY,
      id,
      date: '2026-04-21',
    });
    const started = await inbox(
      writeMessage(
        'JW305',
        careStart({
          envelope: envelope('RA-START1'),
          client,
          lines: [{ ...line, start: '2026-03-16' }],
        }),
      ),
    );
    expect((started.json() as { goedgekeurd: boolean }).goedgekeurd, started.body).toBe(true);
    const stopped = await inbox(
      writeMessage(
        'JW307',
        careStop({
          envelope: envelope('RA-STOP1'),
          client,
          lines: [{ ...line, start: '2026-03-16', end: '2026-04-20', reason: '32' } as never],
        }),
      ),
    );
    expect((stopped.json() as { goedgekeurd: boolean }).goedgekeurd, stopped.body).toBe(true);
    const notices = (
      (await regisseur.request('GET', '/api/v1/meldingen')).json() as {
        meldingen: { titel: string; regel: string | null }[];
      }
    ).meldingen;
    expect(notices).toContainEqual(
      expect.objectContaining({
        titel:
          'Hulp gestopt (toewijzing 300000): de jeugdige of het gezin is eerder gestopt (JZ588 32)',
        regel: 'LEK-DEC-CLOSE-AFTER-CARE',
      }),
    );
    // The provider that sent it is not told its own news.
    const own = (await subcontractorPlanner.request('GET', '/api/v1/meldingen')).json() as {
      meldingen: { titel: string }[];
    };
    expect(own.meldingen.filter((n) => n.titel.startsWith('Hulp gestopt'))).toEqual([]);
  });
});
