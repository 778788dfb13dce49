/**
 * Route B (DOMAIN.md section 3): a GP refers a family straight to a LEK provider. The
 * provider's planner registers the request, starts the help, does the triage, writes the
 * hulpverleningsplan with SMART goals and proposes the arrangement (result areas, intensity,
 * duration); the parent signs, and fixing the plan meets LEK-TERM-HVP with the proposal on the
 * case timeline. Runs on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

// Tuesday 10 March 2026, 12:00 in Amsterdam.
const NOW = new Date('2026-03-10T11:00:00Z');

const goal = (id: string, area: string, description: string, target: string) => ({
  id,
  resultaatgebied: area,
  omschrijving: description,
  meetbaarResultaat: target,
  eigenaar: { soort: 'professional', naam: 'Gezinsbehandelaar De Brug' },
  streefdatum: '2026-09-01',
});

const goals = [
  goal(
    '1',
    'kindgebonden',
    'Sem kan zijn boosheid hanteren',
    'Sem heeft hooguit één woedebui per week thuis',
  ),
  goal(
    '2',
    'opvoeding',
    'Ouders reageren eenduidig',
    'Ouders gebruiken vier weken lang hetzelfde beloningssysteem',
  ),
];

const helpPlan = (proposal?: Record<string, unknown>) => ({
  soortHulp: 'Ambulante gezinsbehandeling aan huis',
  frequentie: 'Twee keer per week anderhalf uur',
  perspectief: 'Sem woont thuis en gaat zonder schorsingen naar school',
  doelen: goals,
  ...(proposal ? { voorgesteldArrangement: proposal } : {}),
});

const proposal = {
  resultaatgebieden: ['kindgebonden', 'opvoeding'],
  intensiteit: 'Trede 3: middelzwaar ambulant',
  duur: '6 maanden',
  onderbouwing: 'Gedragsproblemen thuis en op school; ouders willen samen leren opvoeden.',
};

interface Plan {
  revisie: number;
  versies: {
    status: string;
    inhoud: { voorgesteldArrangement?: typeof proposal };
    nogNodig: { pad: string; melding: string }[];
    ondertekening: { nodig: { persoonId: string; naam: string }[] } | null;
  }[];
}

describe.each(engines)('route B: the provider writes the hulpverleningsplan on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let planner: Client;
  let caseId = '';
  let planId = '';

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const provider = await createOrganisation(opened.db, 'aanbieder', 'LEK');
    await staffAccount(opened, provider, ['planner'], `planner-${engine}@debrug.nl`);
    planner = new Client(app);
    await planner.login(`planner-${engine}@debrug.nl`);
    const created = await planner.request('POST', '/api/v1/casussen', {
      route: 'B',
      regio: 'LEK',
      segment: 'ambulant',
      verwijzer: { soort: 'huisarts', code: '01012345' },
      gezin: { naam: 'Gezin Bakker' },
      jeugdigen: [{ naam: 'Sem Bakker', geboortedatum: '2016-09-14', bsn: freshBsn() }],
      ouders: [{ naam: 'Lotte Bakker', soort: 'ouder' }],
      aangemeldOp: '2026-01-12T10:00:00+01:00',
    });
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const started = await planner.request('POST', `/api/v1/casussen/${caseId}/gebeurtenissen`, {
      type: 'start-hulp',
      op: '2026-02-02T09:00:00+01:00',
    });
    expect(started.statusCode, started.body).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const plan = async () =>
    (await planner.request('GET', `/api/v1/plannen/${planId}`)).json() as Plan;
  const save = async (inhoud: unknown) =>
    planner.request('PUT', `/api/v1/plannen/${planId}/concept`, {
      ingangsdatum: '2026-03-02',
      inhoud,
      basisRevisie: (await plan()).revisie,
    });

  it('the provider does the triage on its own case', async () => {
    const criteria = await planner.request('POST', `/api/v1/casussen/${caseId}/regiecriteria`, {
      basisRevisie: 0,
      ernst: 'midden',
      stapeling: false,
      duur: 'afgebakend',
      motivatie: 'goed',
      aanbieders: 1,
      school: 'gaat',
      jhio: 'geen',
    });
    expect(criteria.statusCode, criteria.body).toBe(201);
    const triage = (await planner.request('GET', `/api/v1/casussen/${caseId}/triage`)).json() as {
      voorstellen: { veld: string; regel: string }[];
    };
    expect(triage.voorstellen.map((v) => v.regel)).toContain('LEK-DEC-REGIE-WEIGHT');
  });

  it('a hulpverleningsplan on route B needs a proposed arrangement', async () => {
    const created = await planner.request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'hulpverleningsplan',
      ingangsdatum: '2026-03-02',
      inhoud: helpPlan(),
    });
    expect(created.statusCode, created.body).toBe(201);
    planId = (created.json() as { id: string }).id;
    const missing = (await plan()).versies[0]?.nogNodig ?? [];
    expect(missing.map((p) => p.pad)).toEqual(['voorgesteldArrangement']);
    expect(missing[0]?.melding).toMatch(/route B/);
  });

  it('the proposal must cover the goals, and every proposed area needs a goal', async () => {
    const saved = await save(
      helpPlan({ ...proposal, resultaatgebieden: ['kindgebonden', 'onderwijs'], duur: '' }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const missing = (await plan()).versies[0]?.nogNodig.map((p) => p.pad);
    expect(missing).toEqual(
      expect.arrayContaining([
        'voorgesteldArrangement.duur',
        'voorgesteldArrangement.resultaatgebieden.1',
        'doelen.1.resultaatgebied',
      ]),
    );
    const malformed = await save(helpPlan({ ...proposal, intensiteit: 3 }));
    expect(malformed.statusCode).toBe(400);
    expect(
      (malformed.json() as { error: { fields: { path: string }[] } }).error.fields.map(
        (f) => f.path,
      ),
    ).toContain('body.inhoud.voorgesteldArrangement.intensiteit');
  });

  it('signed by the parent and fixed, it meets LEK-TERM-HVP and puts the proposal on the timeline', async () => {
    expect((await save(helpPlan(proposal))).statusCode).toBe(200);
    const v1 = (await plan()).versies[0];
    expect(v1?.nogNodig).toEqual([]);
    // Sem is 9: only the parent signs (ZTM-DEC-SIGN applies in every region).
    expect(v1?.ondertekening?.nodig.map((n) => n.naam)).toEqual(['Lotte Bakker']);
    const parent = v1?.ondertekening?.nodig[0]?.persoonId;
    const signed = await planner.request('POST', `/api/v1/plannen/${planId}/handtekeningen`, {
      persoonId: parent,
      methode: 'papier-gescand',
      op: '2026-03-09T16:00:00+01:00',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const fixed = await planner.request('POST', `/api/v1/plannen/${planId}/vaststellen`, {
      op: '2026-03-10T09:00:00+01:00',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const page = (await planner.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      termijnen: { rule: string; status: string; due: string }[];
      tijdlijn: { type: string; notitie: string | null }[];
    };
    // Six weeks after help started on 2 February: 16 March; met on 10 March.
    expect(page.termijnen.find((t) => t.rule === 'LEK-TERM-HVP')).toMatchObject({
      due: '2026-03-16',
      status: 'met',
    });
    const event = page.tijdlijn.find((e) => e.type === 'hulpverleningsplan');
    expect(event?.notitie).toMatch(/voorgesteld arrangement: kindgebonden, opvoeding; Trede 3/);
    expect((await plan()).versies[0]?.inhoud.voorgesteldArrangement).toEqual(proposal);
  });

  it('the PDF shows the proposed arrangement', async () => {
    const res = await planner.request('GET', `/api/v1/plannen/${planId}/pdf`);
    expect(res.statusCode).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('Hulpverleningsplan');
    expect(text).toContain('Voorgesteld arrangement');
    expect(text).toContain('Kindgebonden problemen, Opvoeding');
    expect(text).toContain('Trede 3: middelzwaar ambulant');
    expect(text).toContain(
      'Lotte Bakker heeft ondertekend op 9 maart 2026 om 16:00 (op papier, gescand)',
    );
  });
});
