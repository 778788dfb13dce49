/**
 * Plans through the API (issue 4) on PGlite and, with TEST_DATABASE_URL, PostgreSQL: a ZTM
 * family with children of 3 and 13 gets an ondersteuningsplan with three SMART goals; it cannot
 * be fixed while a goal is not measurable or a required signature (parent, the 13-year-old) is
 * missing; fixed, it meets ZTM-TERM-PLAN; adjusting makes version 2 with the changes listed.
 */
import type { FastifyInstance } from 'fastify';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

// Tuesday 10 March 2026, 12:00 in Amsterdam.
const NOW = new Date('2026-03-10T11:00:00Z');

const goal = (id: string, area: string, overrides: Record<string, unknown> = {}) => ({
  id,
  resultaatgebied: area,
  omschrijving: `Doel ${id}`,
  meetbaarResultaat: `Het gezin laat zien dat doel ${id} elke week lukt`,
  eigenaar: { soort: 'gezin', naam: 'Kim Visser' },
  streefdatum: '2026-09-01',
  ...overrides,
});

const content = (goals: unknown[]) => ({
  uitkomstAnalyse: 'Meervoudige problemen: opvoeding, school en geldzorgen.',
  uitkomstRisicotaxatie: 'Onveilig; veiligheidsplan opgesteld.',
  intensiteit: 'Trede 4',
  verwachteDuur: '9 maanden',
  samenwerking: 'Casusregisseur JGH, school en moeder; moeder houdt het weekschema bij.',
  afstemmingSchool: 'Eén plan voor thuis en school.',
  afsprakenCasusregie: { volgen: 'Evaluatie na 3, 6 en 9 maanden, casusregisseur nodigt uit.' },
  doelen: goals,
});

interface Plan {
  revisie: number;
  versies: {
    versie: number;
    status: string;
    nogNodig: { pad: string; melding: string }[];
    ondertekening: { nodig: { naam: string }[]; compleet: boolean; melding: string | null } | null;
    wijzigingen: { wat: string; soort: string; was: string | null; wordt: string | null }[];
  }[];
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe.each(engines)('plans API on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const client = new Map<string, Client>();
  let caseId = '';
  let parentId = '';
  let teenId = '';
  let toddlerId = '';
  let planId = '';

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const other = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    await staffAccount(opened, team, ['casusregisseur'], `jgh-${engine}@plan.nl`);
    await staffAccount(opened, other, ['casusregisseur'], `ander-${engine}@plan.nl`);
    for (const who of ['jgh', 'ander']) {
      const c = new Client(app);
      await c.login(`${who}-${engine}@plan.nl`);
      client.set(who, c);
    }
    const jgh = client.get('jgh') as Client;
    const created = await jgh.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'ZTM',
        gezin: { naam: 'Gezin Visser' },
        jeugdigen: [
          { naam: 'Noor Visser', geboortedatum: '2012-11-04', bsn: freshBsn() },
          { naam: 'Bo Visser', geboortedatum: '2022-08-01', bsn: null },
        ],
        ouders: [{ naam: 'Kim Visser', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const contact = await jgh.request('POST', `/api/v1/casussen/${caseId}/gebeurtenissen`, {
      type: 'eerste-contact',
      op: '2026-03-03T10:00:00+01:00',
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const page = (await jgh.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      personen: { id: string; naam: string }[];
    };
    const idOf = (name: string) => page.personen.find((p) => p.naam === name)?.id ?? '';
    parentId = idOf('Kim Visser');
    teenId = idOf('Noor Visser');
    toddlerId = idOf('Bo Visser');
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const jgh = () => client.get('jgh') as Client;
  const plan = async () => (await jgh().request('GET', `/api/v1/plannen/${planId}`)).json() as Plan;
  const fix = () =>
    jgh().request('POST', `/api/v1/plannen/${planId}/vaststellen`, {
      op: '2026-03-10T11:30:00+01:00',
    });

  it('starts an ondersteuningsplan and says what is missing, goal by goal', async () => {
    const res = await jgh().request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: '2026-03-10',
      inhoud: content([
        goal('1', 'opvoeding'),
        goal('2', 'onderwijs'),
        goal('3', 'financien', { meetbaarResultaat: '' }),
      ]),
    });
    expect(res.statusCode, res.body).toBe(201);
    planId = (res.json() as { id: string }).id;
    const v1 = (await plan()).versies[0];
    expect(v1?.status).toBe('concept');
    expect(v1?.nogNodig.map((p) => p.pad)).toEqual(['doelen.2.meetbaarResultaat']);
    expect(v1?.nogNodig[0]?.melding).toMatch(/meetbaar/);
    // Parent and the 13-year-old sign; the 3-year-old is not asked.
    expect(v1?.ondertekening?.nodig.map((s) => s.naam)).toEqual(['Kim Visser', 'Noor Visser']);
  });

  it('cannot be fixed with an unmeasurable goal or missing signatures; nothing changes', async () => {
    const refused = await fix();
    expect(refused.statusCode).toBe(400);
    const fields = (refused.json() as { error: { fields: { path: string; message: string }[] } })
      .error.fields;
    expect(fields.map((f) => f.path)).toEqual([
      'inhoud.doelen.2.meetbaarResultaat',
      'handtekeningen',
    ]);
    expect(fields[1]?.message).toBe(
      'Het plan kan pas worden vastgesteld als ook Kim Visser en Noor Visser hebben getekend (ZTM-DEC-SIGN).',
    );
    expect((await plan()).versies[0]?.status).toBe('concept');
  });

  it('signatures given before the content changed no longer count', async () => {
    const sign = (personId: string) =>
      jgh().request('POST', `/api/v1/plannen/${planId}/handtekeningen`, {
        persoonId: personId,
        methode: 'op-scherm',
        op: '2026-03-10T11:00:00+01:00',
      });
    expect((await sign(parentId)).statusCode).toBe(201);
    // Recording the same person's signature on the same content again is refused.
    const twice = await sign(parentId);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      error: { message: 'Kim Visser heeft deze versie van het plan al ondertekend.' },
    });
    const { revisie } = await plan();
    const revised = await jgh().request('PUT', `/api/v1/plannen/${planId}/concept`, {
      ingangsdatum: '2026-03-10',
      inhoud: content([goal('1', 'opvoeding'), goal('2', 'onderwijs'), goal('3', 'financien')]),
      basisRevisie: revisie,
    });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toEqual({ revisie: revisie + 1 });
    const afterRevision = (await plan()).versies[0];
    expect(afterRevision?.nogNodig).toEqual([]);
    expect(afterRevision?.ondertekening?.compleet).toBe(false);
    expect(afterRevision?.ondertekening?.melding).toContain('Kim Visser en Noor Visser');

    // A double click after the change: one signature, the second click 409.
    const clicks = await Promise.all([sign(parentId), sign(parentId)]);
    expect(clicks.map((c) => c.statusCode).sort()).toEqual([201, 409]);
    const onlyTeen = await fix();
    expect(onlyTeen.statusCode).toBe(400);
    expect(onlyTeen.json()).toMatchObject({
      error: {
        fields: [
          {
            path: 'handtekeningen',
            message: expect.stringContaining('Noor Visser heeft getekend'),
          },
        ],
      },
    });
    // Someone outside the household cannot sign; a toddler's signature is not needed.
    const stranger = await sign('00000000-0000-4000-8000-000000000000');
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json()).toMatchObject({ error: { fields: [{ path: 'body.persoonId' }] } });
    expect(toddlerId).not.toBe('');
    expect((await sign(teenId)).statusCode).toBe(201);
  });

  it('fixes the plan, which meets ZTM-TERM-PLAN on the case', async () => {
    const fixed = await fix();
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toEqual({ versie: 1 });
    const page = (await jgh().request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      termijnen: { rule: string; status: string; due: string; metAt: string | null }[];
      tijdlijn: { type: string }[];
    };
    // Four weeks after the first contact on 3 March: 31 March; met on 10 March.
    expect(page.termijnen.find((t) => t.rule === 'ZTM-TERM-PLAN')).toMatchObject({
      due: '2026-03-31',
      status: 'met',
      metAt: '2026-03-10',
    });
    expect(page.tijdlijn.map((e) => e.type)).toContain('plan-vastgesteld');
    const again = await jgh().request('PUT', `/api/v1/plannen/${planId}/concept`, {
      ingangsdatum: '2026-03-10',
      inhoud: content([]),
      basisRevisie: (await plan()).revisie,
    });
    expect(again.statusCode).toBe(409);
  });

  it('adjusting makes version 2; version 1 stays readable and the changes are listed', async () => {
    const adjusted = await jgh().request('POST', `/api/v1/plannen/${planId}/bijstellen`);
    expect(adjusted.statusCode, adjusted.body).toBe(201);
    expect(adjusted.json()).toEqual({ versie: 2 });
    const basisRevisie = (await plan()).revisie;
    const revised = await jgh().request('PUT', `/api/v1/plannen/${planId}/concept`, {
      ingangsdatum: '2026-03-10',
      basisRevisie,
      inhoud: content([
        goal('1', 'opvoeding', { streefdatum: '2026-12-01' }),
        goal('2', 'onderwijs'),
        goal('3', 'financien'),
        goal('4', 'wonen'),
      ]),
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const versions = (await plan()).versies;
    expect(versions.map((v) => [v.versie, v.status])).toEqual([
      [1, 'vastgesteld'],
      [2, 'concept'],
    ]);
    expect(versions[1]?.wijzigingen.map((c) => [c.wat, c.soort, c.was, c.wordt])).toEqual([
      ['Doel 1 (opvoeding): streefdatum', 'gewijzigd', '2026-09-01', '2026-12-01'],
      [
        'Doel 4 (wonen)',
        'toegevoegd',
        null,
        'Doel 4 — Het gezin laat zien dat doel 4 elke week lukt',
      ],
    ]);
    // A new version needs new signatures.
    expect(versions[1]?.ondertekening?.compleet).toBe(false);
  });

  it('prints a version as a PDF in Dutch: the fixed version 1 and the concept version 2', async () => {
    const fixed = await jgh().request('GET', `/api/v1/plannen/${planId}/pdf?versie=1`);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.headers['content-type']).toBe('application/pdf');
    expect(fixed.headers['content-disposition']).toMatch(
      /filename="ondersteuningsplan-gezin-visser-versie-1\.pdf"/,
    );
    const one = await pdfText(fixed.rawPayload);
    expect(one).toContain('Ondersteuningsplan');
    // Version 1 holds until version 2 is fixed.
    expect(one).toContain('Versie: 1 (vastgesteld)');
    expect(one).toContain('tot die is vastgesteld, geldt deze versie');
    expect(one).toContain('Doel 3: Financiën');
    expect(one).toMatch(/Kim Visser heeft ondertekend op 10 maart 2026/);
    expect(one).toMatch(/Noor Visser heeft ondertekend op 10 maart 2026/);
    const newest = await pdfText(
      (await jgh().request('GET', `/api/v1/plannen/${planId}/pdf`)).rawPayload,
    );
    expect(newest).toContain('Versie: 2 (concept)');
    expect(newest).toContain('Doel 4: Wonen');
    expect(newest).toContain('Wat er veranderd is ten opzichte van versie 1');
    // Nobody signed version 2 yet: lines for the parent and the 13-year-old.
    expect(newest).toContain('Kim Visser –');
    expect(newest).toContain('Noor Visser –');
    const missing = await jgh().request('GET', `/api/v1/plannen/${planId}/pdf?versie=7`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      error: {
        fields: [{ path: 'querystring.versie', message: expect.stringMatching(/1 tot en met 2/) }],
      },
    });
    const bad = await jgh().request('GET', `/api/v1/plannen/${planId}/pdf?versie=twee`);
    expect(bad.statusCode).toBe(400);
    const other = client.get('ander') as Client;
    expect((await other.request('GET', `/api/v1/plannen/${planId}/pdf`)).statusCode).toBe(404);
    const audit = await opened.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'plan.document')
      .where('case_id', '=', caseId)
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('another team gets 404 for the plan, like for the case', async () => {
    const other = client.get('ander') as Client;
    expect((await other.request('GET', `/api/v1/plannen/${planId}`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/v1/casussen/${caseId}/plannen`)).statusCode).toBe(404);
    const sign = await other.request('POST', `/api/v1/plannen/${planId}/handtekeningen`, {
      persoonId: parentId,
      methode: 'op-scherm',
      op: '2026-03-10T11:00:00+01:00',
    });
    expect(sign.statusCode).toBe(404);
  });

  it('refuses a second plan of the same kind and a toekomstplan without its young person', async () => {
    const twice = await jgh().request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: '2026-03-10',
    });
    expect(twice.statusCode).toBe(409);
    const future = await jgh().request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'toekomstplan',
      ingangsdatum: '2026-03-10',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ error: { fields: [{ path: 'body.jeugdigeId' }] } });
    const unknownField = await jgh().request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'veiligheidsplan',
      ingangsdatum: '2026-03-10',
      inhoud: { kleur: 'rood' },
    });
    expect(unknownField.statusCode).toBe(400);
  });

  it('a goal is about people of the household only (betreft): another id is 400 naming the goal', async () => {
    const stranger = '00000000-0000-4000-8000-000000000000';
    const bad = await jgh().request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'familiegroepsplan',
      ingangsdatum: '2026-03-10',
      inhoud: { doelen: [goal('1', 'opvoeding'), goal('2', 'onderwijs', { betreft: [stranger] })] },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { fields: [{ path: 'inhoud.doelen.1.betreft' }] },
    });
    const made = await jgh().request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'familiegroepsplan',
      ingangsdatum: '2026-03-10',
      inhoud: { doelen: [goal('1', 'onderwijs', { betreft: [teenId] })] },
    });
    expect(made.statusCode, made.body).toBe(201);
    const familyPlanId = (made.json() as { id: string }).id;
    const read = async () =>
      (await jgh().request('GET', `/api/v1/plannen/${familyPlanId}`)).json() as Plan & {
        versies: { inhoud: { doelen?: { betreft?: string[] }[] } }[];
      };
    expect((await read()).versies[0]?.inhoud.doelen?.[0]?.betreft).toEqual([teenId]);
    // A concept save is checked the same way, and stores nothing when refused.
    const revised = await jgh().request('PUT', `/api/v1/plannen/${familyPlanId}/concept`, {
      ingangsdatum: '2026-03-10',
      inhoud: { doelen: [goal('1', 'onderwijs', { betreft: [teenId, stranger] })] },
      basisRevisie: (await read()).revisie,
    });
    expect(revised.statusCode).toBe(400);
    expect(revised.json()).toMatchObject({
      error: { fields: [{ path: 'inhoud.doelen.0.betreft' }] },
    });
    expect((await read()).versies[0]?.inhoud.doelen?.[0]?.betreft).toEqual([teenId]);
  });
});
