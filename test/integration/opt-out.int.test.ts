/**
 * Opt-out on the medical referral route (GRO-TOE-OPTOUT; issue 5: "the municipality assesses
 * it, with or without the local team, respecting opt-out"), on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL. The treating provider files the family's signed statement;
 * the back office sees it on the request for allocation (JW315) and may then put only an
 * anonymous question to the local team, which learns nothing that identifies the family.
 * Once the family withdraws the opt-out, the back office may involve the team openly.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocationRequest } from '../../src/ijw/build.js';
import { writeMessage } from '../../src/ijw/codec.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, exchangeParty, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const NOW = new Date('2026-03-10T11:00:00Z');
const MUNICIPALITY = '0014';
const PROVIDER = '98420001';
const BSN = '999900006';
const CATALOGUE = `productcode;categorie;naam;segment;vrij_toegankelijk;eenheid;frequentie;tarief;geldig_van;geldig_tot
45A03;45;Ambulante gezinsbehandeling;ambulant;ja;04;2;98,50;01-01-2026;
`;

const jw315 = (id: string) =>
  writeMessage(
    'JW315',
    allocationRequest({
      envelope: { sender: PROVIDER, receiver: MUNICIPALITY, id, date: '2026-03-10' },
      client: {
        bsn: BSN,
        birthDate: '2016-09-14',
        gender: '1',
        lastName: 'Wierenga',
        initials: 'S',
      },
      products: [
        {
          reference: `REF-${id}`,
          product: { category: '45', code: '45A03' },
          start: '2026-03-16',
          end: '2026-09-30',
          extent: { volume: 4, unit: '04', frequency: '2' },
          referrer: { type: '02', code: '01012345' },
        },
      ],
    }),
  );

interface Problem {
  path: string;
  message: string;
}
const problemsOf = (body: unknown) =>
  (body as { error: { fields?: Problem[] } }).error.fields ?? [];

describe.each(engines)('opt-out on route B on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let planner: Client;
  let backoffice: Client;
  let team: Client;
  let teamId = '';
  let otherTeamId = '';
  let caseId = '';
  let requestId = '';
  let persons: { id: string; naam: string }[] = [];

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    backoffice = (
      await exchangeParty(opened, app, {
        kind: 'gemeente',
        region: 'GRO',
        code: MUNICIPALITY,
        role: 'backoffice',
        email: `bo-${engine}@gro.nl`,
      })
    ).client;
    planner = (
      await exchangeParty(opened, app, {
        kind: 'aanbieder',
        region: 'GRO',
        code: PROVIDER,
        role: 'planner',
        email: `planner-${engine}@gro.nl`,
      })
    ).client;
    teamId = await createOrganisation(opened.db, 'lokaal-team', 'GRO');
    otherTeamId = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    await staffAccount(opened, teamId, ['casusregisseur'], `wij-${engine}@gro.nl`);
    team = new Client(app);
    expect((await team.login(`wij-${engine}@gro.nl`)).statusCode).toBe(200);
    const catalogue = await backoffice.request('PUT', '/api/v1/catalogus', CATALOGUE, {
      'content-type': 'text/csv',
    });
    expect(catalogue.statusCode, catalogue.body).toBe(200);
    const created = await planner.request('POST', '/api/v1/casussen', {
      route: 'B',
      regio: 'GRO',
      segment: 'ambulant',
      verwijzer: { soort: 'huisarts', code: '01012345' },
      gezin: { naam: 'Gezin Wierenga' },
      jeugdigen: [{ naam: 'Sietse Wierenga', geboortedatum: '2016-09-14', bsn: BSN }],
      ouders: [{ naam: 'Grietje Wierenga', soort: 'ouder' }],
      aangemeldOp: '2026-03-02T10:00:00+01:00',
    });
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    persons = (
      (await planner.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
        personen: { id: string; naam: string }[];
      }
    ).personen;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const optOutRows = async () =>
    (await opened.db.selectFrom('opt_out').select('id').where('case_id', '=', caseId).execute())
      .length;
  const mother = () => persons.find((p) => p.naam === 'Grietje Wierenga')?.id ?? '';

  it('the provider files the signed statement; a statement with gaps is refused field by field', async () => {
    const bad = await planner.request('POST', `/api/v1/casussen/${caseId}/opt-out`, {
      ondertekendOp: '2026-03-11',
      ondertekendDoor: ['00000000-0000-4000-8000-000000000000'],
      kenmerk: '  ',
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(problemsOf(bad.json()).map((p) => p.path)).toEqual([
      'body.ondertekendOp',
      'body.ondertekendDoor.0',
      'body.kenmerk',
    ]);
    expect(await optOutRows()).toBe(0);

    const ok = await planner.request('POST', `/api/v1/casussen/${caseId}/opt-out`, {
      ondertekendOp: '2026-03-09',
      ondertekendDoor: [mother()],
      kenmerk: 'Verklaring opt-out, dossier 2026-031',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const shown = (await planner.request('GET', `/api/v1/casussen/${caseId}/opt-out`)).json() as {
      optOut: { ondertekendOp: string; ondertekendDoor: { naam: string }[]; kenmerk: string };
    };
    expect(shown.optOut).toMatchObject({
      ondertekendOp: '2026-03-09',
      ondertekendDoor: [{ naam: 'Grietje Wierenga' }],
      kenmerk: 'Verklaring opt-out, dossier 2026-031',
    });
    const again = await planner.request('POST', `/api/v1/casussen/${caseId}/opt-out`, {
      ondertekendOp: '2026-03-09',
      ondertekendDoor: [mother()],
      kenmerk: 'Nog een',
    });
    expect(again.statusCode).toBe(409);
    expect(await optOutRows()).toBe(1);
    // Nobody but the treating provider files it; the team does not even see the case.
    expect(
      (
        await team.request('POST', `/api/v1/casussen/${caseId}/opt-out`, {
          ondertekendOp: '2026-03-09',
          ondertekendDoor: [mother()],
          kenmerk: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', '=', 'opt-out.vastleggen')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('the back office sees the opt-out on the request and cannot involve the team openly', async () => {
    const res = await planner.request('POST', '/api/v1/ijw/inbox', jw315('OPT001'), {
      'content-type': 'application/xml',
    });
    expect(res.statusCode, res.body).toBe(200);
    requestId = (res.json() as { berichtId: string }).berichtId;
    const detail = (
      await backoffice.request('GET', `/api/v1/ijw/berichten/${requestId}`)
    ).json() as { optOut: { kenmerk: string } | null; vragenLokaalTeam: unknown[] };
    expect(detail.optOut).toEqual({
      ondertekendOp: '2026-03-09',
      kenmerk: 'Verklaring opt-out, dossier 2026-031',
    });
    expect(detail.vragenLokaalTeam).toEqual([]);

    const open = await backoffice.request(
      'POST',
      `/api/v1/ijw/berichten/${requestId}/lokaal-team`,
      {
        teamId,
        vraag: 'Past ambulante gezinsbehandeling hier?',
        anoniem: false,
      },
    );
    expect(open.statusCode, open.body).toBe(409);
    const problem = problemsOf(open.json())[0];
    expect(problem?.path).toBe('body.anoniem');
    expect(problem?.message).toContain('GRO-TOE-OPTOUT');
    const casus = await opened.db
      .selectFrom('casus')
      .select('responsible_team_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(casus.responsible_team_id).toBeNull();
    expect(await opened.db.selectFrom('team_question').select('id').execute()).toEqual([]);
    // A team of another region is not a choice.
    const stranger = await backoffice.request(
      'POST',
      `/api/v1/ijw/berichten/${requestId}/lokaal-team`,
      { teamId: otherTeamId, vraag: 'Advies?', anoniem: true },
    );
    expect(problemsOf(stranger.json()).map((p) => p.path)).toEqual(['body.teamId']);
  });

  it('an anonymous question reaches the team without anything that identifies the family', async () => {
    const asked = await backoffice.request(
      'POST',
      `/api/v1/ijw/berichten/${requestId}/lokaal-team`,
      {
        teamId,
        vraag: 'Past ambulante gezinsbehandeling bij een kind van deze leeftijd?',
        anoniem: true,
      },
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const list = await team.request('GET', '/api/v1/adviesvragen?open=ja');
    expect(list.statusCode, list.body).toBe(200);
    const { vragen } = list.json() as {
      vragen: {
        id: string;
        casusId: string | null;
        gezin: string | null;
        berichtId: string | null;
        verzoek: { leeftijd: number; producten: { code: string; naam: string }[] };
      }[];
    };
    expect(vragen).toHaveLength(1);
    expect(vragen[0]).toMatchObject({
      casusId: null,
      gezin: null,
      berichtId: null,
      verzoek: {
        leeftijd: 9,
        producten: [{ code: '45A03', naam: 'Ambulante gezinsbehandeling' }],
      },
    });
    for (const identifying of ['Wierenga', BSN, '2016-09-14', caseId, requestId, 'REF-OPT001'])
      expect(list.body).not.toContain(identifying);
    // Nor can the team open the case, or find it in any list of its work, whatever the filter.
    expect((await team.request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(404);
    for (const query of ['', '?bereik=team&status=alle', '?route=B', '?regio=GRO&perPagina=100']) {
      const work = await team.request('GET', `/api/v1/werkvoorraad${query}`);
      expect(work.statusCode, work.body).toBe(200);
      for (const identifying of ['Wierenga', BSN, caseId])
        expect(work.body).not.toContain(identifying);
    }
    const notices = await team.request('GET', '/api/v1/meldingen');
    expect(notices.statusCode).toBe(200);
    expect(notices.body).not.toContain(caseId);

    const questionId = vragen[0]?.id ?? '';
    // A provider has no questions list; another team neither sees nor answers this question.
    expect((await planner.request('GET', '/api/v1/adviesvragen')).statusCode).toBe(403);
    const otherTeam = await createOrganisation(opened.db, 'lokaal-team', 'GRO');
    await staffAccount(opened, otherTeam, ['casusregisseur'], `ander-${engine}@gro.nl`);
    const other = new Client(app);
    expect((await other.login(`ander-${engine}@gro.nl`)).statusCode).toBe(200);
    expect((await other.request('GET', '/api/v1/adviesvragen')).json()).toEqual({ vragen: [] });
    expect(
      (
        await other.request('POST', `/api/v1/adviesvragen/${questionId}/antwoord`, {
          advies: 'Niet ons gezin',
        })
      ).statusCode,
    ).toBe(404);
    const empty = await team.request('POST', `/api/v1/adviesvragen/${questionId}/antwoord`, {
      advies: ' ',
    });
    expect(empty.statusCode).toBe(400);
    const answered = await team.request('POST', `/api/v1/adviesvragen/${questionId}/antwoord`, {
      advies: 'Ja, met betrokkenheid van school.',
    });
    expect(answered.statusCode, answered.body).toBe(204);
    expect(
      (
        await team.request('POST', `/api/v1/adviesvragen/${questionId}/antwoord`, {
          advies: 'Nog iets',
        })
      ).statusCode,
    ).toBe(409);
    // Only the team answers; the back office reads the advice on the request.
    expect(
      (
        await backoffice.request('POST', `/api/v1/adviesvragen/${questionId}/antwoord`, {
          advies: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const detail = (
      await backoffice.request('GET', `/api/v1/ijw/berichten/${requestId}`)
    ).json() as { vragenLokaalTeam: { antwoord: string; anoniem: boolean; gezin: string }[] };
    expect(detail.vragenLokaalTeam).toMatchObject([
      { antwoord: 'Ja, met betrokkenheid van school.', anoniem: true, gezin: 'Gezin Wierenga' },
    ]);
  });

  it('after the family withdraws the opt-out, the team may be involved openly and opens the case', async () => {
    expect(
      (await team.request('POST', `/api/v1/casussen/${caseId}/opt-out/intrekken`)).statusCode,
    ).toBe(404);
    const withdrawn = await planner.request('POST', `/api/v1/casussen/${caseId}/opt-out/intrekken`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
    expect(
      (await planner.request('POST', `/api/v1/casussen/${caseId}/opt-out/intrekken`)).statusCode,
    ).toBe(409);
    expect(
      (
        (await planner.request('GET', `/api/v1/casussen/${caseId}/opt-out`)).json() as {
          optOut: unknown;
        }
      ).optOut,
    ).toBeNull();

    const open = await backoffice.request(
      'POST',
      `/api/v1/ijw/berichten/${requestId}/lokaal-team`,
      {
        teamId,
        vraag: 'Kan het team de casusregie ondersteunen?',
        anoniem: false,
      },
    );
    expect(open.statusCode, open.body).toBe(201);
    expect((await team.request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(200);
    const { vragen } = (await team.request('GET', '/api/v1/adviesvragen?open=ja')).json() as {
      vragen: { casusId: string; gezin: string }[];
    };
    expect(vragen).toMatchObject([{ casusId: caseId, gezin: 'Gezin Wierenga' }]);
    // Now that the team is informed, a new opt-out cannot undo that.
    const late = await planner.request('POST', `/api/v1/casussen/${caseId}/opt-out`, {
      ondertekendOp: '2026-03-10',
      ondertekendDoor: [mother()],
      kenmerk: 'Tweede verklaring',
    });
    expect(late.statusCode).toBe(409);
    expect(problemsOf(late.json()).map((p) => p.path)).toEqual(['body.lokaalTeam']);
    const timeline = (
      (await planner.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
        tijdlijn: { notitie: string | null }[];
      }
    ).tijdlijn.map((e) => e.notitie ?? '');
    expect(timeline.some((n) => n.startsWith('Opt-out vastgelegd'))).toBe(true);
    expect(timeline.some((n) => n.startsWith('Opt-out ingetrokken'))).toBe(true);
  });
});
