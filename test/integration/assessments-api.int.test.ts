/**
 * Step 1 assessments through the API on PGlite and, with TEST_DATABASE_URL, PostgreSQL: an
 * acute safety check needs the crisis team contact; the needs analysis, the risk assessment
 * and the regie criteria drive the triage suggestions (RIJ and LEK rules, also on a ZTM case);
 * deviating from a suggestion needs a motivation; every record stays in the history.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface Triage {
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
      uitkomst: 'onveilig',
      instrument: 'LIRIK',
      toelichting: 'Huiselijk geweld in de afgelopen maand',
    });
    expect(risk.statusCode).toBe(201);
    const criteria = await jgh.request('POST', `/api/v1/casussen/${caseId}/regiecriteria`, {
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

  it('refuses other teams (404) and malformed content (400 naming the field)', async () => {
    const other = new Client(app);
    await other.login(`ander-${engine}@ba.nl`);
    expect((await other.request('GET', `/api/v1/casussen/${caseId}/triage`)).statusCode).toBe(404);
    expect(
      (
        await other.request('POST', `/api/v1/casussen/${caseId}/risicotaxatie`, {
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
