/**
 * Evaluations through the API (issue 6) on PGlite and, with TEST_DATABASE_URL, PostgreSQL: a
 * ZTM family with a fixed plan of two goals; the agenda of the first evaluation opens with the
 * purpose ZTM gives the 3-month moment (ZTM-CAD-EVAL) and lists every goal; minutes that skip a
 * goal are refused; held on Wednesday 10 June and distributed on the sixth working day after,
 * the minutes deadline (ZTM-TERM-MINUTES, 5 working days) is met late. Another team cannot see
 * or touch any of it.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const MARCH = new Date('2026-03-10T11:00:00Z');
const JUNE = new Date('2026-06-19T10:00:00Z');

const goal = (id: string, area: string, description: string) => ({
  id,
  resultaatgebied: area,
  omschrijving: description,
  meetbaarResultaat: 'Elke week te zien in het weekschema',
  eigenaar: { soort: 'gezin', naam: 'Kim Visser' },
  streefdatum: '2026-12-01',
});

interface Problem {
  path: string;
  message: string;
}
const fieldsOf = (body: string) =>
  ((JSON.parse(body) as { error: { fields?: Problem[] } }).error.fields ?? []).map((f) => f.path);

describe.each(engines)('evaluations API on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let clock = MARCH;
  const jgh = () => client.get('jgh') as Client;
  const client = new Map<string, Client>();
  let caseId = '';
  let parentId = '';
  let evaluationId = '';
  let planId = '';
  let meetingId = '';
  let meetingRevision = -1;

  const login = async () => {
    for (const who of ['jgh', 'ander']) {
      const c = new Client(app);
      expect((await c.login(`${who}-${engine}@eval.nl`)).statusCode).toBe(200);
      client.set(who, c);
    }
  };

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => clock },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const other = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    await staffAccount(opened, team, ['casusregisseur'], `jgh-${engine}@eval.nl`);
    await staffAccount(opened, other, ['casusregisseur'], `ander-${engine}@eval.nl`);
    await login();
    const created = await jgh().request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'ZTM',
        gezin: { naam: 'Gezin Visser' },
        jeugdigen: [{ naam: 'Bo Visser', geboortedatum: '2020-08-01', bsn: freshBsn() }],
        ouders: [{ naam: 'Kim Visser', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const page = (await jgh().request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      personen: { id: string; naam: string }[];
    };
    parentId = page.personen.find((p) => p.naam === 'Kim Visser')?.id ?? '';
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const minutes = (goals: object[]) => ({
    soort: 'tussen',
    gehoudenOp: '2026-06-10T10:00:00+02:00',
    deelnemers: [
      { naam: 'Kim Visser', rol: 'ouder', email: 'kim@example.nl' },
      { naam: 'Juf Ans', rol: 'school' },
    ],
    doelen: goals,
    algemeen: 'Volgende evaluatie in september.',
  });
  const discussed = (id: string) => ({
    doelId: id,
    voortgang: 'loopt',
    bevindingen: 'Gaat beter dan in maart',
    besluit: 'Doorgaan',
    acties: [{ wie: 'Kim', wat: 'Weekschema op de koelkast' }],
  });

  it('without a fixed plan there is no agenda and no minutes can be recorded', async () => {
    const overview = (await jgh().request('GET', `/api/v1/casussen/${caseId}/evaluaties`)).json();
    expect(overview).toEqual({
      evaluatieRegels: ['ZTM-CAD-EVAL'],
      gepland: [],
      evaluaties: [],
      agenda: null,
      plan: null,
    });
    const refused = await jgh().request(
      'POST',
      `/api/v1/casussen/${caseId}/evaluaties`,
      minutes([]),
    );
    expect(refused.statusCode).toBe(400);
    // In March, a meeting on 10 June also lies in the future.
    expect(fieldsOf(refused.body)).toEqual(['body.gehoudenOp', 'body.plan']);
  });

  it('the agenda opens with the purpose of the 3-month moment and lists every goal', async () => {
    const plan = await jgh().request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: '2026-03-10',
      inhoud: {
        uitkomstAnalyse: 'Opvoedvragen en zorgen over de opvang.',
        uitkomstRisicotaxatie: 'Veilig.',
        intensiteit: 'Trede 2',
        verwachteDuur: '9 maanden',
        samenwerking: 'Casusregisseur JGH en moeder.',
        afsprakenCasusregie: { volgen: 'Evaluatie na 3, 6 en 9 maanden.' },
        doelen: [
          goal('1', 'opvoeding', 'Vaste bedtijden'),
          goal('2', 'onderwijs', 'Bo gaat graag naar de opvang'),
        ],
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    planId = (plan.json() as { id: string }).id;
    expect(
      (
        await jgh().request('POST', `/api/v1/plannen/${planId}/handtekeningen`, {
          persoonId: parentId,
          methode: 'op-scherm',
          op: '2026-03-10T11:00:00+01:00',
        })
      ).statusCode,
    ).toBe(201);
    const fixed = await jgh().request('POST', `/api/v1/plannen/${planId}/vaststellen`, {
      op: '2026-03-10T11:30:00+01:00',
    });
    expect(fixed.statusCode, fixed.body).toBeLessThan(300);
    const { agenda } = (
      await jgh().request('GET', `/api/v1/casussen/${caseId}/evaluaties`)
    ).json() as { agenda: { doelId: string | null; onderwerp: string }[] };
    expect(agenda.map((a) => a.doelId)).toEqual([null, '1', '2']);
    expect(agenda[0]?.onderwerp).toMatch(/^Inzet en start van de hulp/);
  });

  it('minutes that skip a goal are refused and nothing is stored', async () => {
    clock = JUNE;
    await login();
    const refused = await jgh().request(
      'POST',
      `/api/v1/casussen/${caseId}/evaluaties`,
      minutes([discussed('1')]),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Bo gaat graag naar de opvang');
    const stored = await opened.db.selectFrom('evaluation').select('id').execute();
    expect(stored).toEqual([]);
  });

  it('plans an evaluation ahead with the family and others invited', async () => {
    const plan = (invitees: object[], at = '2026-06-24T10:00:00+02:00') =>
      jgh().request('POST', `/api/v1/casussen/${caseId}/evaluaties/gepland`, {
        soort: 'tussen',
        geplandOp: at,
        genodigden: invitees,
      });
    const school = { naam: 'Juf Ans', rol: 'school' };
    const refused = await plan([school], '2026-06-01T10:00:00+02:00');
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['body.geplandOp', 'body.genodigden']);
    const other = await client
      .get('ander')
      ?.request('POST', `/api/v1/casussen/${caseId}/evaluaties/gepland`, {
        soort: 'tussen',
        geplandOp: '2026-06-24T10:00:00+02:00',
        genodigden: [{ naam: 'Kim Visser', rol: 'ouder' }],
      });
    expect(other?.statusCode).toBe(404);
    const planned = await plan([
      { naam: 'Kim Visser', rol: 'ouder', email: 'kim@example.nl' },
      school,
    ]);
    expect(planned.statusCode, planned.body).toBe(201);
    const overview = (
      await jgh().request('GET', `/api/v1/casussen/${caseId}/evaluaties`)
    ).json() as {
      evaluatieRegels: string[];
      gepland: { id: string; revisie: number; genodigden: { naam: string }[] }[];
    };
    expect(overview.evaluatieRegels).toEqual(['ZTM-CAD-EVAL']);
    expect(overview.gepland.map((m) => m.genodigden.map((p) => p.naam))).toEqual([
      ['Kim Visser', 'Juf Ans'],
    ]);
    meetingId = overview.gepland[0]?.id ?? '';
    meetingRevision = overview.gepland[0]?.revisie ?? -1;
  });

  it('records the minutes, puts the evaluation on the timeline and moves the agenda on', async () => {
    const res = await jgh().request('POST', `/api/v1/casussen/${caseId}/evaluaties`, {
      ...minutes([discussed('1'), { ...discussed('2'), voortgang: 'bereikt', acties: [] }]),
      geplandeEvaluatieId: meetingId,
      basisRevisie: meetingRevision,
    });
    expect(res.statusCode, res.body).toBe(201);
    evaluationId = (res.json() as { id: string }).id;
    // The progress goes into a new concept version; the fixed version stays as signed.
    expect(res.json()).toMatchObject({ voortgangInPlanversie: 2 });
    const versions = (
      (await jgh().request('GET', `/api/v1/plannen/${planId}`)).json() as {
        versies: {
          versie: number;
          status: string;
          inhoud: { doelen: { id: string; voortgang: string }[] };
        }[];
      }
    ).versies.map((v) => [v.versie, v.status, v.inhoud.doelen.map((d) => d.voortgang)]);
    expect(versions).toEqual([
      [1, 'vastgesteld', ['niet-gestart', 'niet-gestart']],
      [2, 'concept', ['loopt', 'bereikt']],
    ]);
    const overview = (
      await jgh().request('GET', `/api/v1/casussen/${caseId}/evaluaties`)
    ).json() as {
      evaluaties: { doelen: { omschrijving: string; voortgang: string }[]; verspreidOp: null }[];
      agenda: { onderwerp: string }[];
      gepland: unknown[];
    };
    expect(overview.evaluaties[0]?.doelen.map((d) => [d.omschrijving, d.voortgang])).toEqual([
      ['Vaste bedtijden', 'loopt'],
      ['Bo gaat graag naar de opvang', 'bereikt'],
    ]);
    expect(overview.agenda[0]?.onderwerp).toMatch(/^Voortgang en stabiele veiligheid/);
    // The planned evaluation now has its minutes.
    expect(overview.gepland).toEqual([]);
    const page = (await jgh().request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      tijdlijn: { type: string; soort: string | null }[];
      termijnen: { rule: string; status: string; due: string }[];
    };
    expect(page.tijdlijn.filter((e) => e.type === 'evaluatie')).toMatchObject([
      { soort: 'tussen' },
    ]);
    expect(page.termijnen.find((t) => t.rule === 'ZTM-TERM-MINUTES')).toMatchObject({
      status: 'overdue',
      due: '2026-06-17',
    });
  });

  it('minutes distributed on the sixth working day meet ZTM-TERM-MINUTES late', async () => {
    const early = await jgh().request('POST', `/api/v1/evaluaties/${evaluationId}/verspreiden`, {
      op: '2026-06-09T10:00:00+02:00',
    });
    expect(fieldsOf(early.body)).toEqual(['body.verspreidOp']);
    const res = await jgh().request('POST', `/api/v1/evaluaties/${evaluationId}/verspreiden`, {
      op: '2026-06-18T09:00:00+02:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      ontvangers: [
        { naam: 'Kim Visser', email: 'kim@example.nl' },
        { naam: 'Juf Ans', email: null },
      ],
    });
    const page = (await jgh().request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      termijnen: { rule: string; status: string; due: string }[];
    };
    expect(page.termijnen.find((t) => t.rule === 'ZTM-TERM-MINUTES')).toMatchObject({
      status: 'met-late',
      due: '2026-06-17',
    });
    const again = await jgh().request('POST', `/api/v1/evaluaties/${evaluationId}/verspreiden`, {
      op: '2026-06-18T10:00:00+02:00',
    });
    expect(again.statusCode).toBe(409);
  });

  it('another team sees none of it and changes nothing', async () => {
    const other = client.get('ander') as Client;
    expect((await other.request('GET', `/api/v1/casussen/${caseId}/evaluaties`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await other.request(
          'POST',
          `/api/v1/casussen/${caseId}/evaluaties`,
          minutes([discussed('1'), discussed('2')]),
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await other.request('POST', `/api/v1/evaluaties/${evaluationId}/verspreiden`, {
          op: '2026-06-18T09:00:00+02:00',
        })
      ).statusCode,
    ).toBe(404);
    expect(await opened.db.selectFrom('evaluation').select('id').execute()).toHaveLength(1);
  });
});
