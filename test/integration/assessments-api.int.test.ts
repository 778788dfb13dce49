/**
 * Step 1 assessments through the API on PGlite and, with TEST_DATABASE_URL, PostgreSQL: an
 * acute safety check needs the crisis team contact; the needs analysis, the risk assessment
 * and the regie criteria drive the triage suggestions (RIJ and LEK rules, also on a ZTM case);
 * deviating from a suggestion needs a motivation; every record stays in the history.
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

interface Triage {
  coOverleg: { regel: string; gehouden: boolean } | null;
  voorstellen: { veld: string; regel: string; uitkomst: string; redenen: string[]; bron: string }[];
  besluiten: { inhoud: Record<string, unknown> }[];
}

describe.each(engines)('assessments API on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let jgh: Client;
  let caseId = '';

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => new Date('2026-03-10T11:00:00Z') },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const other = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    await staffAccount(opened, team, ['casusregisseur'], `jgh-${engine}@ba.nl`);
    await staffAccount(opened, other, ['casusregisseur'], `ander-${engine}@ba.nl`);
    jgh = new Client(app);
    await jgh.login(`jgh-${engine}@ba.nl`);
    const created = await jgh.request('POST', '/api/v1/casussen', routeARequest({ regio: 'ZTM' }));
    caseId = (created.json() as { id: string }).id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const triage = async () =>
    (await jgh.request('GET', `/api/v1/casussen/${caseId}/triage`)).json() as Triage;
  const outcomes = (t: Triage) =>
    Object.fromEntries(t.voorstellen.map((v) => [v.veld, v.uitkomst]));

  it('an acute safety check is refused until the crisis team contact is recorded', async () => {
    const refused = await jgh.request('POST', `/api/v1/casussen/${caseId}/veiligheidscheck`, {
      basisRevisie: 0,
      uitkomst: 'acuut',
      toelichting: 'Vader dreigt met geweld',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: {
        fields: [{ path: 'body.crisisteam', message: expect.stringMatching(/crisisteam/) }],
      },
    });
    const ok = await jgh.request('POST', `/api/v1/casussen/${caseId}/veiligheidscheck`, {
      basisRevisie: 0,
      uitkomst: 'acuut',
      toelichting: 'Vader dreigt met geweld',
      crisisteam: { gebeldOp: '2026-03-10T11:45:00+01:00', met: 'Crisisdienst Jeugd' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('suggests the triage from the assessments, with rule IDs and sources', async () => {
    // Before the analysis: one unsafe family, no life domains recorded yet.
    expect(outcomes(await triage())).toMatchObject({
      complexiteit: 'complex',
      casusregie: 'buiten-gezin',
    });
    const analysis = await jgh.request('POST', `/api/v1/casussen/${caseId}/vraaganalyse`, {
      basisRevisie: 0,
      ontwikkeling: [],
      krachten: { tekst: 'Oma helpt elke dag', bron: 'ouder' },
      zorgen: { tekst: 'Noor verzuimt school', bron: 'document' },
      netwerk: [{ naam: 'Oma Jansen', relatie: 'grootmoeder', kanBijdragen: 'opvang na school' }],
      geschiedenis: [
        { periode: '2024', wat: 'Opvoedondersteuning', doel: 'Rust thuis', resultaat: 'Deels' },
      ],
      vraagAchterDeVraag: 'Moeder wil weer grip op het gezin',
      leefgebieden: ['opvoeding', 'onderwijs', 'financien'],
      gezinStaatAchterHulp: true,
      gezinKanRegieVoeren: false,
      coSignalen: ['draaglast'],
    });
    expect(analysis.statusCode, analysis.body).toBe(201);
    const risk = await jgh.request('POST', `/api/v1/casussen/${caseId}/risicotaxatie`, {
      basisRevisie: 0,
      uitkomst: 'onveilig',
      instrument: 'LIRIK',
      toelichting: 'Huiselijk geweld in de afgelopen maand',
    });
    expect(risk.statusCode).toBe(201);
    const criteria = await jgh.request('POST', `/api/v1/casussen/${caseId}/regiecriteria`, {
      basisRevisie: 0,
      ernst: 'zwaar',
      stapeling: true,
      duur: 'onvoorspelbaar',
      motivatie: 'wisselend',
      aanbieders: 2,
      school: 'bedreigd',
      jhio: 'geen',
    });
    expect(criteria.statusCode).toBe(201);
    const t = await triage();
    expect(t.voorstellen.map((v) => [v.veld, v.regel, v.uitkomst])).toEqual([
      ['domein', 'RIJ-DEC-MEERVOUDIG', 'meervoudig'],
      ['complexiteit', 'RIJ-DEC-COMPLEX', 'complex'],
      ['casusregie', 'RIJ-DEC-CASUSREGIE-LOCATION', 'buiten-gezin'],
      ['gewicht', 'LEK-DEC-REGIE-WEIGHT', 'zwaar'],
    ]);
    expect(t.voorstellen[0]?.bron).toMatch(/^RIJ/);
    expect(t.voorstellen[3]?.bron).toMatch(/^LEK/);
  });

  it('follows the suggestions without a motivation; deviating needs one', async () => {
    const follow = {
      domein: 'meervoudig',
      complexiteit: 'complex',
      casusregie: 'buiten-gezin',
      gewicht: 'zwaar',
    };
    expect(
      (await jgh.request('POST', `/api/v1/casussen/${caseId}/triage`, follow)).statusCode,
    ).toBe(201);
    const lighter = await jgh.request('POST', `/api/v1/casussen/${caseId}/triage`, {
      ...follow,
      gewicht: 'midden',
    });
    expect(lighter.statusCode).toBe(400);
    expect(lighter.json()).toMatchObject({
      error: {
        fields: [
          { path: 'body.motivatie', message: expect.stringContaining('LEK-DEC-REGIE-WEIGHT') },
        ],
      },
    });
    const motivated = await jgh.request('POST', `/api/v1/casussen/${caseId}/triage`, {
      ...follow,
      gewicht: 'midden',
      motivatie: 'Oma vangt de kinderen dagelijks op; we herbeoordelen over zes weken.',
    });
    expect(motivated.statusCode).toBe(201);
    const decisions = (await triage()).besluiten;
    expect(decisions.map((d) => d.inhoud['gewicht'])).toEqual(['zwaar', 'midden']);
    expect(decisions[1]?.inhoud['afwijkingen']).toEqual([
      { veld: 'gewicht', regel: 'LEK-DEC-REGIE-WEIGHT', voorstel: 'zwaar' },
    ]);
  });

  it('keeps every record in the history, and the case decisions follow the new facts', async () => {
    const res = await jgh.request('GET', `/api/v1/casussen/${caseId}/beoordelingen`);
    const body = res.json() as {
      actueel: Record<string, { inhoud: Record<string, unknown> }>;
      geschiedenis: { soort: string }[];
    };
    expect(body.geschiedenis.map((r) => r.soort)).toEqual([
      'veiligheidscheck',
      'vraaganalyse',
      'risicotaxatie',
      'regiecriteria',
      'triage',
      'triage',
    ]);
    expect(body.actueel['triage']?.inhoud['gewicht']).toBe('midden');
    // ZTM's own CO rule sees the signal from the needs analysis.
    const page = (await jgh.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      beslissingen: { rule: string; outcome: string }[];
    };
    expect(page.beslissingen.find((d) => d.rule === 'ZTM-DEC-CO-SIGNALS')?.outcome).toBe(
      'co-weging-nodig',
    );
  });

  it('says per child how to make contact by age and records that it happened', async () => {
    const created = await jgh.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'ZTM',
        jeugdigen: [
          // On 2026-03-10: Sem is 3, Lot is 13.
          { naam: 'Sem de Vries', geboortedatum: '2022-06-01', bsn: freshBsn() },
          { naam: 'Lot de Vries', geboortedatum: '2012-11-02', bsn: freshBsn() },
        ],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const contact = async () =>
      (await jgh.request('GET', `/api/v1/casussen/${id}/kindcontact`)).json() as {
        jeugdigeId: string;
        naam: string;
        vereist: string;
        regel: string;
        voldaan: boolean;
        bron: string;
      }[];
    const byName = async () =>
      Object.fromEntries((await contact()).map((c) => [c.naam, c] as const));
    const before = await byName();
    expect(before['Sem de Vries']).toMatchObject({ vereist: 'zien', voldaan: false });
    expect(before['Lot de Vries']).toMatchObject({ vereist: 'spreken', voldaan: false });
    expect(before['Sem de Vries']?.regel).toBe('ZTM-DEC-CHILD-CONTACT');
    expect(before['Sem de Vries']?.bron).not.toBe('');
    const sem = before['Sem de Vries'];
    const lot = before['Lot de Vries'];
    const met = async () => {
      const now = await byName();
      return [now['Sem de Vries']?.voldaan, now['Lot de Vries']?.voldaan];
    };
    // Seeing the 13-year-old is not enough: she must be spoken to.
    const seen = await jgh.request('POST', `/api/v1/casussen/${id}/kindcontact`, {
      jeugdigeId: lot?.jeugdigeId,
      vorm: 'zien',
      op: '2026-03-09T15:00:00+01:00',
    });
    expect(seen.statusCode, seen.body).toBe(201);
    await jgh.request('POST', `/api/v1/casussen/${id}/kindcontact`, {
      jeugdigeId: sem?.jeugdigeId,
      vorm: 'zien-en-spreken',
      op: '2026-03-09T15:00:00+01:00',
      toelichting: 'Thuis, spelend met blokken',
    });
    expect(await met()).toEqual([true, false]);
    await jgh.request('POST', `/api/v1/casussen/${id}/kindcontact`, {
      jeugdigeId: lot?.jeugdigeId,
      vorm: 'spreken',
      op: '2026-03-10T16:00:00+01:00',
    });
    expect(await met()).toEqual([true, true]);
    // A parent is not a child of the family.
    const page = (await jgh.request('GET', `/api/v1/casussen/${id}`)).json() as {
      personen: { id: string; soort: string }[];
    };
    const parent = page.personen.find((p) => p.soort !== 'jeugdige');
    const wrong = await jgh.request('POST', `/api/v1/casussen/${id}/kindcontact`, {
      jeugdigeId: parent?.id,
      vorm: 'spreken',
      op: '2026-03-10T16:00:00+01:00',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      error: { fields: [{ path: 'body.jeugdigeId', message: 'geen jeugdige van dit gezin' }] },
    });
  });

  it('raises a case consultation for a CO signal until one is recorded, also a decision not to act', async () => {
    const before = await triage();
    expect(before.coOverleg).toMatchObject({
      regel: 'ZTM-DEC-CO-SIGNALS',
      gehouden: false,
    });
    const incomplete = await jgh.request('POST', `/api/v1/casussen/${caseId}/co-overleg`, {
      signalen: [],
      gedragswetenschapper: '',
      besluit: 'Geen extra actie',
      overwegingen: 'Oma vangt op',
      nietHandelen: true,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(
      (incomplete.json() as { error: { fields: { path: string }[] } }).error.fields.map(
        (f) => f.path,
      ),
    ).toEqual(expect.arrayContaining(['body.signalen', 'body.gedragswetenschapper']));
    const held = await jgh.request('POST', `/api/v1/casussen/${caseId}/co-overleg`, {
      signalen: ['draaglast'],
      gedragswetenschapper: 'Drs. P. de Boer',
      besluit: 'Geen extra actie nu; volgen in het plan',
      overwegingen: 'Oma vangt dagelijks op; draaglast wordt lichter met de hulp die start.',
      nietHandelen: true,
    });
    expect(held.statusCode, held.body).toBe(201);
    expect((await triage()).coOverleg).toMatchObject({ gehouden: true });
  });

  it('guides the meldcode step by step; deciding to report puts Veilig Thuis on the timeline', async () => {
    const noDecision = await jgh.request('POST', `/api/v1/casussen/${caseId}/meldcode`, {
      stap: 'beslissen',
      op: '2026-03-10T12:00:00+01:00',
      overweging: 'Het geweld houdt aan',
    });
    expect(noDecision.statusCode).toBe(400);
    expect(noDecision.json()).toMatchObject({
      error: { fields: [{ path: 'body.besluit', message: expect.stringMatching(/melden/) }] },
    });
    const early = await jgh.request('POST', `/api/v1/casussen/${caseId}/meldcode`, {
      stap: 'signalen',
      op: '2026-03-10T12:00:00+01:00',
      overweging: 'Blauwe plekken',
      besluit: 'melden',
    });
    expect(early.statusCode).toBe(400);
    for (const [stap, overweging] of [
      ['signalen', 'Blauwe plekken bij Noor, gemeld door school'],
      ['collegiale-consultatie', 'Besproken met aandachtsfunctionaris'],
      ['gesprek', 'Moeder erkent de spanningen thuis'],
      ['wegen', 'Acuut onveilig niet, wel structureel; hulp alleen is niet genoeg'],
    ] as const) {
      const res = await jgh.request('POST', `/api/v1/casussen/${caseId}/meldcode`, {
        stap,
        op: '2026-03-10T12:00:00+01:00',
        overweging,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const timelineTypes = async () =>
      (
        (await jgh.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
          tijdlijn: { type: string }[];
        }
      ).tijdlijn.map((e) => e.type);
    expect(await timelineTypes()).not.toContain('melding-veilig-thuis');
    const decided = await jgh.request('POST', `/api/v1/casussen/${caseId}/meldcode`, {
      stap: 'beslissen',
      op: '2026-03-10T13:00:00+01:00',
      overweging: 'Melden en hulp bieden: het gezin werkt mee, het geweld is structureel',
      besluit: 'hulp-en-melden',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    // The acute safety check of the first test put the crisis team call there as well.
    expect(await timelineTypes()).toEqual(
      expect.arrayContaining(['melding-veilig-thuis', 'crisisteam-contact']),
    );
  });

  it('prints the analysis as a PDF in Dutch with every part and its source', async () => {
    const res = await jgh.request('GET', `/api/v1/casussen/${caseId}/analyse/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    for (const part of [
      'Analyse en veiligheid',
      'Veiligheid direct bij de start',
      'Acuut gevaar',
      'Crisisdienst Jeugd',
      'Contact met de kinderen',
      'Vraaganalyse',
      'Oma helpt elke dag (bron: ouder)',
      'Noor verzuimt school (bron: document)',
      'Oma Jansen (grootmoeder): opvang na school',
      '2024: Opvoedondersteuning; doel: Rust thuis; resultaat: Deels',
      'Moeder wil weer grip op het gezin',
      'Opvoeding, Onderwijs, Financiën',
      'Casuïstiekoverleg',
      'Drs. P. de Boer',
      'besluit om niet te handelen',
      'Risicotaxatie',
      'LIRIK',
      'Meldcode huiselijk geweld en kindermishandeling',
      'Melden bij Veilig Thuis én hulp bieden',
      'Zwaarte van de regie: criteria',
      'Triage',
      'Buiten het gezin',
      'voorstel Zwaar (LEK-DEC-REGIE-WEIGHT)',
      'Oma vangt de kinderen dagelijks op',
    ])
      expect(text, part).toContain(part);
    const other = new Client(app);
    await other.login(`ander-${engine}@ba.nl`);
    expect((await other.request('GET', `/api/v1/casussen/${caseId}/analyse/pdf`)).statusCode).toBe(
      404,
    );
  });

  it('refuses other teams (404) and malformed content (400 naming the field)', async () => {
    const other = new Client(app);
    await other.login(`ander-${engine}@ba.nl`);
    expect((await other.request('GET', `/api/v1/casussen/${caseId}/triage`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/v1/casussen/${caseId}/kindcontact`)).statusCode).toBe(
      404,
    );
    for (const [path, body] of [
      [
        'co-overleg',
        {
          signalen: ['draaglast'],
          gedragswetenschapper: 'x',
          besluit: 'x',
          overwegingen: 'x',
          nietHandelen: true,
        },
      ],
      ['meldcode', { stap: 'signalen', op: '2026-03-10T12:00:00+01:00', overweging: 'x' }],
    ] as const)
      expect(
        (await other.request('POST', `/api/v1/casussen/${caseId}/${path}`, body)).statusCode,
      ).toBe(404);
    expect(
      (
        await other.request('POST', `/api/v1/casussen/${caseId}/risicotaxatie`, {
          basisRevisie: 1,
          uitkomst: 'veilig',
          instrument: 'x',
          toelichting: 'y',
        })
      ).statusCode,
    ).toBe(404);
    const bad = await jgh.request('POST', `/api/v1/casussen/${caseId}/vraaganalyse`, {
      leefgebieden: ['sterrenkunde'],
      gezinStaatAchterHulp: true,
      gezinKanRegieVoeren: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (bad.json() as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path),
    ).toContain('body.leefgebieden.0');
  });
});
