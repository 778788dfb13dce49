/**
 * Route B allocation through the iJw exchange (issue 5), on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL: a LEK provider registers a GP referral; its system sends a
 * request for allocation (JW315), linked to the case by BSN; the municipality's back office
 * answers "in onderzoek" (JW319) and allocates (JW301) from the catalogue; the provider's
 * start of care (JW305) starts the allocation and the case's deadlines (LEK-TERM-HVP). A start
 * for an unknown allocation is refused with 9019 (TR019); a product that is not freely
 * accessible waits for the expert pool's advice (GRO-GATE-EXPERTPOOL).
 */
import type { FastifyInstance } from 'fastify';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allocationRequest,
  careStart,
  careStop,
  changeRequest,
  declaration,
} from '../../src/ijw/build.js';
import { readMessage, writeMessage, type Content } from '../../src/ijw/codec.js';
import { validateMessage } from '../../src/ijw/validate.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { exchangeParty, type Client } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const NOW = new Date('2026-03-10T11:00:00Z');
const MUNICIPALITY = '0344';
const PROVIDER = '42420001';
const BSN = '999900006';
const xml = { 'content-type': 'application/xml' };
const CATALOGUE = `productcode;categorie;naam;segment;vrij_toegankelijk;eenheid;frequentie;tarief;geldig_van;geldig_tot
45A03;45;Ambulante gezinsbehandeling;ambulant;ja;04;2;98,50;01-01-2026;
43A01;43;Verblijf met behandeling;verblijf;nee;14;2;412,00;01-01-2026;
`;
const CONTRACTS = (
  products: string,
) => `hoofdaannemer_agb;hoofdaannemer;aanbieder_agb;aanbieder;producten;geldig_van;geldig_tot
${PROVIDER};Jeugdzorg Lekpoort;${PROVIDER};Jeugdzorg Lekpoort;${products};01-01-2026;31-12-2027
`;
const address = {
  straat: 'Lindelaan',
  huisnummer: '12',
  postcode: '3431 ab',
  plaats: 'Nieuwegein',
};

const request = (id: string, code: string, category: string, reference = `REF-${id}`) =>
  writeMessage(
    'JW315',
    allocationRequest({
      envelope: { sender: PROVIDER, receiver: MUNICIPALITY, id, date: '2026-03-10' },
      client: { bsn: BSN, birthDate: '2016-09-14', gender: '1', lastName: 'Bakker', initials: 'S' },
      products: [
        {
          reference,
          product: { category, code },
          start: '2026-03-16',
          end: '2026-09-30',
          extent:
            code === '45A03'
              ? { volume: 4, unit: '04', frequency: '2' }
              : { volume: 7, unit: '14', frequency: '2' },
          referrer: { type: '02', code: '01012345' },
        },
      ],
    }),
  );

describe.each(engines)('route B allocation via iJw on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let planner: Client;
  let backoffice: Client;
  let caseId = '';
  let requestId = '';
  /** The app's clock; one test moves it to the next month and back. */
  let clock = NOW;

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => clock },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    backoffice = (
      await exchangeParty(opened, app, {
        kind: 'gemeente',
        region: 'LEK',
        code: MUNICIPALITY,
        role: 'backoffice',
        email: `bo-${engine}@lek.nl`,
      })
    ).client;
    planner = (
      await exchangeParty(opened, app, {
        kind: 'aanbieder',
        region: 'LEK',
        code: PROVIDER,
        role: 'planner',
        email: `planner-${engine}@lek.nl`,
      })
    ).client;
    expect(
      (
        await backoffice.request('PUT', '/api/v1/catalogus', CATALOGUE, {
          'content-type': 'text/csv',
        })
      ).statusCode,
    ).toBe(200);
    const contracted = await backoffice.request('PUT', '/api/v1/contracten', CONTRACTS('45A03'), {
      'content-type': 'text/csv',
    });
    expect(contracted.statusCode, contracted.body).toBe(200);
    const budget = await backoffice.request('PUT', '/api/v1/budget', {
      jaar: 2026,
      budgetCent: 10_000_000,
    });
    expect(budget.statusCode, budget.body).toBe(200);
    const created = await planner.request('POST', '/api/v1/casussen', {
      route: 'B',
      regio: 'LEK',
      segment: 'ambulant',
      verwijzer: { soort: 'huisarts', code: '01012345' },
      gezin: { naam: 'Gezin Bakker' },
      jeugdigen: [{ naam: 'Sem Bakker', geboortedatum: '2016-09-14', bsn: BSN }],
      ouders: [{ naam: 'Lotte Bakker', soort: 'ouder' }],
      aangemeldOp: '2026-03-02T10:00:00+01:00',
    });
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const casePage = async () =>
    (await planner.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      termijnen: { rule: string; status: string; due: string }[];
      tijdlijn: { type: string; notitie: string | null }[];
    };
  const outgoing = async (type: string) => {
    const row = await opened.db
      .selectFrom('ijw_message')
      .select(['xml', 'case_id', 'status'])
      .where('type', '=', type)
      .where('direction', '=', 'uit')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return row;
  };

  it('a JW315 from the provider is accepted and linked to the family’s case by BSN', async () => {
    const res = await planner.request(
      'POST',
      '/api/v1/ijw/inbox',
      request('VOT001', '45A03', '45'),
      xml,
    );
    expect(res.statusCode, res.body).toBe(200);
    requestId = (res.json() as { berichtId: string }).berichtId;
    const stored = await opened.db
      .selectFrom('ijw_message')
      .select('case_id')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(stored.case_id).toBe(caseId);
  });

  it('the back office answers "in onderzoek" with a valid JW319', async () => {
    const refusedWithoutReason = await backoffice.request(
      'POST',
      `/api/v1/ijw/berichten/${requestId}/antwoord`,
      { antwoord: '1' },
    );
    expect(refusedWithoutReason.statusCode).toBe(400);
    const res = await backoffice.request('POST', `/api/v1/ijw/berichten/${requestId}/antwoord`, {
      antwoord: '2',
    });
    expect(res.statusCode, res.body).toBe(201);
    const jw319 = await outgoing('JW319');
    expect(jw319.status).toBe('klaar');
    expect(validateMessage(jw319.xml).issues).toEqual([]);
    const content = readMessage(jw319.xml).content['Antwoord'] as Content;
    expect(content).toMatchObject({ ReferentieAanbieder: 'REF-VOT001', VerzoekAntwoord: '2' });
    // "In onderzoek" goes out once (TR360): the provider would reject a second one.
    const twice = await backoffice.request('POST', `/api/v1/ijw/berichten/${requestId}/antwoord`, {
      antwoord: '2',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('TR360');
    // While this request is open the provider cannot send another for the same client (TR374).
    const second = await planner.request(
      'POST',
      '/api/v1/ijw/inbox',
      request('VOT009', '45A03', '45'),
      xml,
    );
    expect(second.json()).toMatchObject({ goedgekeurd: false, retourcodes: ['9374'] });
    // The provider cannot decide on its own request.
    expect(
      (
        await planner.request('POST', `/api/v1/ijw/berichten/${requestId}/antwoord`, {
          antwoord: '2',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('allocating sends a valid JW301 with the requested product and notes it on the case', async () => {
    // The provider cannot allocate to itself.
    expect(
      (
        await planner.request('POST', `/api/v1/ijw/berichten/${requestId}/toewijzing`, {
          adres: address,
        })
      ).statusCode,
    ).toBe(403);
    const res = await backoffice.request('POST', `/api/v1/ijw/berichten/${requestId}/toewijzing`, {
      adres: address,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ type: 'JW301', toewijzingen: ['300000'] });
    const jw301 = await outgoing('JW301');
    expect(jw301.case_id).toBe(caseId);
    expect(validateMessage(jw301.xml).issues).toEqual([]);
    const product = (
      ((readMessage(jw301.xml).content['Client'] as Content)['ToegewezenProducten'] as Content)[
        'ToegewezenProduct'
      ] as Content[]
    )[0];
    expect(product).toMatchObject({
      ToewijzingNummer: '300000',
      ReferentieAanbieder: 'REF-VOT001',
      Ingangsdatum: '2026-03-16',
      Einddatum: '2026-09-30',
    });
    expect(jw301.xml).toContain('<ijw:Postcode>3431AB</ijw:Postcode>');
    expect((await casePage()).tijdlijn.map((e) => e.type)).toContain('toewijzing-ontvangen');
    // GRO-DEC-BUDGET: 4 hours a week at € 98.50 from 16 March to 30 September (199 days).
    const budget = (await backoffice.request('GET', '/api/v1/budget?jaar=2026')).json();
    expect(budget).toMatchObject({
      budgetCent: 10_000_000,
      toegewezenCent: Math.round((4 * 9850 * 199) / 7),
      resterendCent: 10_000_000 - Math.round((4 * 9850 * 199) / 7),
    });
    expect((await planner.request('GET', '/api/v1/budget')).statusCode).toBe(403);
    const twice = await backoffice.request(
      'POST',
      `/api/v1/ijw/berichten/${requestId}/toewijzing`,
      { adres: address },
    );
    expect(twice.statusCode).toBe(409);
  });

  it('after the allocation no JW319 answer goes out any more (TR359)', async () => {
    const late = await backoffice.request('POST', `/api/v1/ijw/berichten/${requestId}/antwoord`, {
      antwoord: '1',
      reden: '1',
    });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('TR359');
    // Allocated, the request is settled; a new one may come, but not with a used reference (TR347).
    const reused = await planner.request(
      'POST',
      '/api/v1/ijw/inbox',
      request('VOT010', '45A03', '45', 'REF-VOT001'),
      xml,
    );
    expect(reused.json()).toMatchObject({ goedgekeurd: false, retourcodes: ['9347'] });
    const answers = await opened.db
      .selectFrom('ijw_message')
      .select('type')
      .where('answers_id', '=', requestId)
      .where('type', '=', 'JW319')
      .execute();
    expect(answers).toHaveLength(1);
  });

  it('the municipality prints the decision letter (beschikking) with objection and appeal', async () => {
    const res = await backoffice.request(
      'GET',
      '/api/v1/toewijzingen/300000/beschikking?reden=verzoek',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    for (const part of [
      'Beschikking jeugdhulp',
      'Aan: Lotte Bakker',
      'Over: Sem Bakker, geboren 14 september 2016',
      'Ambulante gezinsbehandeling (productcode 45A03)',
      'Toewijzingsnummer 300000',
      '16 maart 2026 tot en met 30 september 2026',
      '4 × uur, per week',
      'omdat u om een beschikking hebt gevraagd',
      'artikel 2.3 van de Jeugdwet',
      'binnen zes weken',
      'voorlopige voorziening',
    ])
      expect(text, part).toContain(part);
    expect(
      (await backoffice.request('GET', '/api/v1/toewijzingen/300000/beschikking')).statusCode,
    ).toBe(400);
    expect(
      (await backoffice.request('GET', '/api/v1/toewijzingen/123/beschikking?reden=pgb'))
        .statusCode,
    ).toBe(404);
    expect(
      (await planner.request('GET', '/api/v1/toewijzingen/300000/beschikking?reden=pgb'))
        .statusCode,
    ).toBe(403);
  });

  it('the provider’s JW305 starts the allocation and the case’s deadlines follow', async () => {
    expect((await casePage()).termijnen.find((t) => t.rule === 'LEK-TERM-HVP')).toBeUndefined();
    const start = writeMessage(
      'JW305',
      careStart({
        envelope: { sender: PROVIDER, receiver: MUNICIPALITY, id: 'START001', date: '2026-03-10' },
        client: {
          bsn: BSN,
          birthDate: '2016-09-14',
          gender: '1',
          lastName: 'Bakker',
          initials: 'S',
        },
        lines: [
          {
            allocationNumber: '300000',
            product: { category: '45', code: '45A03' },
            allocationStart: '2026-03-16',
            start: '2026-03-09',
          },
        ],
      }),
    );
    const res = await planner.request('POST', '/api/v1/ijw/inbox', start, xml);
    expect(res.statusCode, res.body).toBe(200);
    const page = await casePage();
    expect(page.tijdlijn.map((e) => e.type)).toContain('start-hulp');
    // Six weeks after the start of care on 9 March: 20 April.
    expect(page.termijnen.find((t) => t.rule === 'LEK-TERM-HVP')).toMatchObject({
      status: 'open',
      due: '2026-04-20',
    });
    const allocation = await opened.db
      .selectFrom('allocation')
      .select('status')
      .where('number', '=', '300000')
      .executeTakeFirstOrThrow();
    expect(allocation.status).toBe('gestart');
  });

  it('a start for an unknown allocation is refused with 9019 (TR019)', async () => {
    const start = writeMessage(
      'JW305',
      careStart({
        envelope: { sender: PROVIDER, receiver: MUNICIPALITY, id: 'START002', date: '2026-03-10' },
        client: {
          bsn: BSN,
          birthDate: '2016-09-14',
          gender: '1',
          lastName: 'Bakker',
          initials: 'S',
        },
        lines: [
          {
            allocationNumber: '999999',
            product: { category: '45', code: '45A03' },
            allocationStart: '2026-03-16',
            start: '2026-03-09',
          },
        ],
      }),
    );
    const res = await planner.request('POST', '/api/v1/ijw/inbox', start, xml);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      retourcodes: ['9019'],
      problemen: [{ code: 'TR019', melding: 'toewijzing 999999 is onbekend' }],
    });
  });

  it('a temporary stop (JW307, reason 20) suspends the allocation; a new JW305 resumes it; reason 31 ends it', async () => {
    const client = {
      bsn: BSN,
      birthDate: '2016-09-14',
      gender: '1',
      lastName: 'Bakker',
      initials: 'S',
    };
    const line = {
      allocationNumber: '300000',
      product: { category: '45', code: '45A03' },
      allocationStart: '2026-03-16',
      start: '2026-03-09',
    };
    const status = async () =>
      (
        await opened.db
          .selectFrom('allocation')
          .select('status')
          .where('number', '=', '300000')
          .executeTakeFirstOrThrow()
      ).status;
    const stop = (id: string, reason: string, end: string, start = line.start, status?: '3') =>
      planner.request(
        'POST',
        '/api/v1/ijw/inbox',
        writeMessage(
          'JW307',
          careStop({
            envelope: { sender: PROVIDER, receiver: MUNICIPALITY, id, date: '2026-03-10' },
            client,
            lines: [{ ...line, start, reason, end, ...(status ? { status } : {}) }],
          }),
        ),
        xml,
      );
    expect((await stop('STOP001', '20', '2026-03-10')).statusCode).toBe(200);
    expect(await status()).toBe('opgeschort');
    const resumed = await planner.request(
      'POST',
      '/api/v1/ijw/inbox',
      writeMessage(
        'JW305',
        careStart({
          envelope: {
            sender: PROVIDER,
            receiver: MUNICIPALITY,
            id: 'START003',
            date: '2026-03-10',
          },
          client,
          lines: [{ ...line, start: '2026-03-10' }],
        }),
      ),
      xml,
    );
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(await status()).toBe('gestart');
    // The definitive stop ends the resumed start: its key carries that start's Begindatum.
    expect((await stop('STOP002', '31', '2026-03-10', '2026-03-10')).statusCode).toBe(200);
    expect(await status()).toBe('gestopt');
    const types = (await casePage()).tijdlijn.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['opschorting', 'hervatting']));
    expect(
      (await casePage()).tijdlijn.find((e) =>
        e.notitie?.includes('afgerond zoals gepland (JZ588 31)'),
      ),
    ).toBeDefined();
  });

  it('starts and stops are checked against the earlier ones; a message that breaks a rule changes nothing', async () => {
    const client = {
      bsn: BSN,
      birthDate: '2016-09-14',
      gender: '1',
      lastName: 'Bakker',
      initials: 'S',
    };
    const line = {
      allocationNumber: '300000',
      product: { category: '45', code: '45A03' },
      allocationStart: '2026-03-16',
      start: '2026-03-10',
    };
    const send = async (type: 'JW305' | 'JW307', id: string, lines: object[]) => {
      const envelope = { sender: PROVIDER, receiver: MUNICIPALITY, id, date: '2026-03-10' };
      const xmlText =
        type === 'JW305'
          ? writeMessage('JW305', careStart({ envelope, client, lines: lines as never }))
          : writeMessage('JW307', careStop({ envelope, client, lines: lines as never }));
      return (await planner.request('POST', '/api/v1/ijw/inbox', xmlText, xml)).json() as {
        retourcodes: string[];
        problemen: { code: string; melding: string }[];
      };
    };
    const lines = async () =>
      (
        await opened.db
          .selectFrom('care_line')
          .select(['kind', 'begin_date', 'deleted_at'])
          .where('deleted_at', 'is', null)
          .execute()
      ).length;
    const before = await lines();
    const events = (await casePage()).tijdlijn.length;
    // The care was stopped definitively (previous test): deleting its start is refused (TR071),
    // and so is a second stop (TR415).
    expect(await send('JW305', 'XSTART01', [{ ...line, status: '3' }])).toMatchObject({
      retourcodes: ['9071'],
      problemen: [{ code: 'TR071' }],
    });
    expect(
      await send('JW307', 'XSTOP01', [{ ...line, reason: '31', end: '2026-03-10' }]),
    ).toMatchObject({ retourcodes: ['9415'] });
    // A stop without a start with its key (TR069); deleting a stop never sent (TR063).
    expect(
      await send('JW307', 'XSTOP02', [
        { ...line, start: '2026-03-05', reason: '31', end: '2026-03-10' },
      ]),
    ).toMatchObject({ retourcodes: ['9069'] });
    expect(
      await send('JW307', 'XSTOP03', [
        { ...line, start: '2026-03-05', reason: '31', end: '2026-03-10', status: '3' },
      ]),
    ).toMatchObject({ retourcodes: ['9063'] });
    // A new start is fine after a definitive stop, but not in a message with a line that breaks
    // a rule (here an unknown allocation, TR019): the whole message is rejected, nothing stored.
    expect(
      await send('JW305', 'XSTART02', [
        { ...line, start: '2026-03-08' },
        { ...line, allocationNumber: '999999', start: '2026-03-08' },
      ]),
    ).toMatchObject({ retourcodes: ['9019'] });
    expect(await lines()).toBe(before);
    expect((await casePage()).tijdlijn.length).toBe(events);
    expect(await send('JW305', 'XSTART03', [{ ...line, start: '2026-03-08' }])).toMatchObject({
      retourcodes: ['0200'],
    });
    // The same start again (TR074), or another while it runs (TR326).
    expect(await send('JW305', 'XSTART06', [{ ...line, start: '2026-03-08' }])).toMatchObject({
      retourcodes: ['9074'],
    });
    expect(await send('JW305', 'XSTART04', [{ ...line, start: '2026-03-07' }])).toMatchObject({
      retourcodes: ['9326'],
      problemen: [{ code: 'TR326' }],
    });
    // A wrong start date is corrected by deleting and resending in one message (IV008).
    expect(
      await send('JW305', 'XSTART05', [
        { ...line, start: '2026-03-08', status: '3' },
        { ...line, start: '2026-03-07' },
      ]),
    ).toMatchObject({ retourcodes: ['0200'] });
    const live = await opened.db
      .selectFrom('care_line')
      .select(['kind', 'begin_date'])
      .where('deleted_at', 'is', null)
      .where('kind', '=', 'start')
      .orderBy('begin_date')
      .execute();
    // Every start received and not deleted: the first (paused), the resumed one, the corrected one.
    expect(live.map((l) => l.begin_date)).toEqual(['2026-03-07', '2026-03-09', '2026-03-10']);
  });

  it('a change request (JW317) is linked to the case and answered with JW319', async () => {
    // Checked against the client's current allocations: an unknown number (TR351), and then
    // the real allocation 300000 is not named (TR349).
    const wrong = await planner.request(
      'POST',
      '/api/v1/ijw/inbox',
      writeMessage(
        'JW317',
        changeRequest({
          envelope: { sender: PROVIDER, receiver: MUNICIPALITY, id: 'VOW000', date: '2026-03-10' },
          bsn: BSN,
          reference: 'VOW-BAKKER-0',
          reason: '2',
          unchanged: [],
          changed: [
            {
              allocationNumber: '399999',
              start: '2026-04-01',
              end: '2026-09-30',
              extent: { volume: 6, unit: '04', frequency: '2' },
            },
          ],
          added: [],
        }),
      ),
      xml,
    );
    expect(wrong.json(), wrong.body).toMatchObject({
      goedgekeurd: false,
      retourcodes: ['9351', '9349'],
    });
    const res = await planner.request(
      'POST',
      '/api/v1/ijw/inbox',
      writeMessage(
        'JW317',
        changeRequest({
          envelope: { sender: PROVIDER, receiver: MUNICIPALITY, id: 'VOW001', date: '2026-03-10' },
          bsn: BSN,
          reference: 'VOW-BAKKER-1',
          reason: '2',
          unchanged: [],
          changed: [
            {
              allocationNumber: '300000',
              start: '2026-04-01',
              end: '2026-09-30',
              extent: { volume: 6, unit: '04', frequency: '2' },
            },
          ],
          added: [],
        }),
      ),
      xml,
    );
    expect(res.statusCode, res.body).toBe(200);
    const id = (res.json() as { berichtId: string }).berichtId;
    const stored = await opened.db
      .selectFrom('ijw_message')
      .select('case_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.case_id).toBe(caseId);
    const answered = await backoffice.request('POST', `/api/v1/ijw/berichten/${id}/antwoord`, {
      antwoord: '1',
      reden: '4',
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const jw319 = await outgoing('JW319');
    expect(validateMessage(jw319.xml).issues).toEqual([]);
    expect(readMessage(jw319.xml).content['Antwoord']).toMatchObject({
      ReferentieAanbieder: 'VOW-BAKKER-1',
      VerzoekAntwoord: '1',
      RedenAfwijzingVerzoek: '4',
    });
    expect(
      (
        await backoffice.request('POST', `/api/v1/ijw/berichten/${id}/toewijzing`, {
          adres: address,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('a product that is not freely accessible waits for the expert pool’s advice', async () => {
    const res = await planner.request(
      'POST',
      '/api/v1/ijw/inbox',
      request('VOT002', '43A01', '43'),
      xml,
    );
    const id = (res.json() as { berichtId: string }).berichtId;
    // The provider is not contracted for residential care yet: nothing is allocated.
    const uncontracted = await backoffice.request(
      'POST',
      `/api/v1/ijw/berichten/${id}/toewijzing`,
      { adres: address },
    );
    expect(uncontracted.statusCode).toBe(422);
    expect(JSON.stringify(uncontracted.json())).toContain(
      `aanbieder ${PROVIDER} heeft geen contract voor 43A01`,
    );
    expect(
      (
        await backoffice.request('PUT', '/api/v1/contracten', CONTRACTS('45A03 43A01'), {
          'content-type': 'text/csv',
        })
      ).statusCode,
    ).toBe(200);
    const without = await backoffice.request('POST', `/api/v1/ijw/berichten/${id}/toewijzing`, {
      adres: address,
    });
    expect(without.statusCode).toBe(422);
    expect(without.json()).toMatchObject({
      error: {
        fields: [
          {
            path: 'body.adviesExpertpool',
            message: expect.stringContaining('GRO-GATE-EXPERTPOOL'),
          },
        ],
      },
    });
    const withAdvice = await backoffice.request('POST', `/api/v1/ijw/berichten/${id}/toewijzing`, {
      adres: address,
      adviesExpertpool: {
        datum: '2026-03-09',
        samenvatting: 'Verblijf met behandeling is passend',
      },
    });
    expect(withAdvice.statusCode, withAdvice.body).toBe(201);
    expect((withAdvice.json() as { toewijzingen: string[] }).toewijzingen).toEqual(['300001']);
  });
  it('a declaration (JW323) is answered with a JW325 that rejects the lines its allocation does not cover', async () => {
    const base = {
      allocationNumber: '300000',
      category: '45',
      code: '45A03',
      start: '2026-03-16',
      end: '2026-03-31',
      volume: 8,
      unit: '04',
      tariff: 9850,
    };
    // March is declared early in April (a new day: the planner logs in again).
    clock = new Date('2026-04-02T10:00:00Z');
    expect((await planner.login(`planner-${engine}@lek.nl`)).statusCode).toBe(200);
    const res = await planner.request(
      'POST',
      '/api/v1/ijw/inbox',
      writeMessage(
        'JW323',
        declaration({
          envelope: { sender: PROVIDER, receiver: MUNICIPALITY, id: 'DEC001', date: '2026-04-02' },
          number: '202603001',
          period: { start: '2026-03-01', end: '2026-03-31' },
          clients: [
            {
              bsn: BSN,
              lines: [
                { ...base, reference: 'P1', amount: 78_800 },
                { ...base, reference: 'P2', code: '45A04', amount: 10_000 },
                { ...base, reference: 'P3', allocationNumber: '399999', amount: 5_000 },
                { ...base, reference: 'P4', start: '2026-03-01', amount: 2_000 },
              ],
            },
          ],
        }),
      ),
      xml,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      goedgekeurd: boolean;
      retourcodes: string[];
      retourbericht: { type: string; xml: string };
    };
    expect(body).toMatchObject({ goedgekeurd: true, retourcodes: ['0200'] });
    expect(body.retourbericht.type).toBe('JW325');
    expect(validateMessage(body.retourbericht.xml).issues).toEqual([]);
    const answer = readMessage(body.retourbericht.xml).content['DeclaratieAntwoord'] as Content;
    expect(answer['TotaalToegekendBedrag']).toEqual({ TotaalBedrag: '78800', DebetCredit: 'D' });
    const rejected = (
      ((answer['Clienten'] as Content)['Client'] as Content[])[0]?.['Prestaties'] as Content
    )['Prestatie'] as Content[];
    expect(
      rejected.map((p) => [
        (p['ProductReferentie'] as Content)['ReferentieNummer'],
        (p['RetourCodes'] as Content)['RetourCode'],
      ]),
    ).toEqual([
      ['P2', ['9340']],
      ['P3', ['9338']],
      ['P4', ['9307']],
    ]);
  });
});
