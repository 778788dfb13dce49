/**
 * The iJw exchange over HTTP on PGlite and, with TEST_DATABASE_URL, PostgreSQL. A fake
 * provider system sends a request for allocation (JW315): a valid one is accepted and its
 * return message JW316 mirrors it with 0200; an invalid one (the standard's example with
 * 2027-06-31) is kept as rejected and answered with 0001 on the header only; the same
 * identification twice is refused (TR056, 9056) and a date after today too (TR135, 8848).
 * Every prepared return message passes validation itself. Only the parties see a message.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocationRequest } from '../../src/ijw/build.js';
import { writeMessage } from '../../src/ijw/codec.js';
import { processDropFolder } from '../../src/ijw/dropfolder.js';
import { validateMessage } from '../../src/ijw/validate.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, exchangeParty, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const NOW = new Date('2026-03-10T11:00:00Z');
const MUNICIPALITY = '0384';
const PROVIDER = '42420001';
const xml = { 'content-type': 'application/xml' };

interface Answer {
  berichtId: string;
  type: string;
  goedgekeurd: boolean;
  retourcodes: string[];
  problemen: { code: string; xpath: string; regel: number }[];
  retourbericht: { berichtId: string; type: string; xml: string } | null;
}

/** The fake provider system: builds requests the way a real one would. */
function providerRequest(id: string, date = '2026-03-10', bsn = freshBsn()) {
  return writeMessage(
    'JW315',
    allocationRequest({
      envelope: { sender: PROVIDER, receiver: MUNICIPALITY, id, date },
      client: {
        bsn,
        birthDate: '2016-09-14',
        gender: '1',
        lastName: 'Bakker',
        initials: 'S',
      },
      products: [
        {
          reference: `REF-${id}`,
          product: { category: '45', code: '45A03' },
          start: '2026-04-01',
          end: '2026-09-30',
          extent: { volume: 4, unit: '04', frequency: '2' },
          referrer: { type: '02', code: '01012345' },
        },
      ],
    }),
  );
}

describe.each(engines)('iJw exchange on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let provider: Client;
  let backoffice: Client;
  let stranger: Client;

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const party = (kind: 'gemeente' | 'aanbieder', code: string, role: string, who: string) =>
      exchangeParty(opened, app, {
        kind,
        region: 'GRO',
        code,
        role,
        email: `${who}-${engine}@ijw.nl`,
      });
    backoffice = (await party('gemeente', MUNICIPALITY, 'backoffice', 'bo')).client;
    provider = (await party('aanbieder', PROVIDER, 'planner', 'planner')).client;
    stranger = (await party('aanbieder', '98765432', 'planner', 'ander')).client;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const send = async (body: string) =>
    (await provider.request('POST', '/api/v1/ijw/inbox', body, xml)).json() as Answer;

  it('accepts a valid JW315 and prepares a JW316 that mirrors it with 0200', async () => {
    const res = await provider.request(
      'POST',
      '/api/v1/ijw/inbox',
      providerRequest('VOT0001'),
      xml,
    );
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as Answer;
    expect(answer).toMatchObject({
      type: 'JW315',
      goedgekeurd: true,
      retourcodes: ['0200'],
      problemen: [],
    });
    expect(answer.retourbericht?.type).toBe('JW316');
    const returned = answer.retourbericht?.xml ?? '';
    expect(validateMessage(returned).issues).toEqual([]);
    expect(returned).toContain('<jw316:IdentificatieRetour>VOT0001</jw316:IdentificatieRetour>');
    expect(returned).toContain(
      '<jw316:ReferentieAanbieder>REF-VOT0001</jw316:ReferentieAanbieder>',
    );
    expect(returned).toMatch(/<jw316:RetourCode>0200<\/jw316:RetourCode>/);
  });

  it('keeps an invalid message and answers it with 0001 on the header only', async () => {
    const example = readFileSync(new URL('../fixtures/ijw/JW315.xml', import.meta.url), 'utf8');
    const res = await provider.request('POST', '/api/v1/ijw/inbox', example, xml);
    expect(res.statusCode).toBe(422);
    const answer = res.json() as Answer;
    // Besides its impossible date, the example is dated after "today" in this test (TR135).
    expect(answer.retourcodes).toEqual(['0001', '8848']);
    expect(answer.problemen.map((p) => [p.code, p.regel])).toEqual([
      ['XSD', 44],
      ['XSD', 66],
      ['TR135', 0],
    ]);
    const returned = answer.retourbericht?.xml ?? '';
    expect(validateMessage(returned).issues).toEqual([]);
    expect(returned).toContain('<jw316:RetourCode>0001</jw316:RetourCode>');
    expect(returned).not.toContain('<jw316:Client>');
  });

  it('refuses an identification it received before (TR056) and a date after today (TR135)', async () => {
    const again = await send(providerRequest('VOT0001'));
    expect(again.goedgekeurd).toBe(false);
    expect(again.retourcodes).toEqual(['9056']);
    expect(again.problemen.map((p) => p.code)).toEqual(['TR056']);
    const future = await send(providerRequest('VOT0002', '2026-03-11'));
    expect(future.retourcodes).toEqual(['8848']);
    expect(validateMessage(future.retourbericht?.xml ?? '').issues).toEqual([]);
  });

  it('refuses what is not XML with 0001 and no return message', async () => {
    const res = await provider.request('POST', '/api/v1/ijw/inbox', '<niet-af', xml);
    expect(res.statusCode).toBe(422);
    expect((res.json() as Answer).retourbericht).toBeNull();
  });

  it('the back office sees the messages in and out; another provider sees none of them', async () => {
    const list = (await backoffice.request('GET', '/api/v1/ijw/berichten?richting=in')).json() as {
      id: string;
      type: string;
      status: string;
    }[];
    expect(list.map((m) => [m.type, m.status])).toEqual([
      ['JW315', 'afgekeurd'],
      ['JW315', 'afgekeurd'],
      ['JW315', 'afgekeurd'],
      ['JW315', 'verwerkt'],
    ]);
    const outbox = (
      await backoffice.request('GET', '/api/v1/ijw/berichten?richting=uit&status=klaar')
    ).json() as { type: string }[];
    expect(outbox.map((m) => m.type)).toEqual(['JW316', 'JW316', 'JW316', 'JW316']);
    const detail = await backoffice.request('GET', `/api/v1/ijw/berichten/${list[3]?.id ?? ''}`);
    expect(detail.statusCode).toBe(200);
    expect((detail.json() as { xml: string }).xml).toContain('REF-VOT0001');
    expect((await stranger.request('GET', '/api/v1/ijw/berichten')).json()).toEqual([]);
    expect(
      (await stranger.request('GET', `/api/v1/ijw/berichten/${list[3]?.id ?? ''}`)).statusCode,
    ).toBe(404);
    const reads = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'ijw.bericht-lezen')
      .execute();
    expect(reads).toHaveLength(1);
  });

  it('staff without a role in the exchange are refused', async () => {
    const team = await createOrganisation(opened.db, 'lokaal-team', 'GRO');
    await staffAccount(opened, team, ['casusregisseur'], `team-${engine}@ijw.nl`);
    const worker = new Client(app);
    await worker.login(`team-${engine}@ijw.nl`);
    expect(
      (await worker.request('POST', '/api/v1/ijw/inbox', providerRequest('X1'), xml)).statusCode,
    ).toBe(403);
    expect((await worker.request('GET', '/api/v1/ijw/berichten')).statusCode).toBe(403);
  });
});

describe.each(engines)('iJw outbox and drop folder on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let provider: Client;
  let backoffice: Client;

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const party = (kind: 'gemeente' | 'aanbieder', code: string, role: string, who: string) =>
      exchangeParty(opened, app, {
        kind,
        region: 'GRO',
        code,
        role,
        email: `${who}-${engine}@ijw.nl`,
      });
    backoffice = (await party('gemeente', MUNICIPALITY, 'backoffice', 'bo2')).client;
    provider = (await party('aanbieder', PROVIDER, 'planner', 'planner2')).client;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('the sender’s transport collects its outbox and marks what it sent', async () => {
    await provider.request('POST', '/api/v1/ijw/inbox', providerRequest('OUT0001'), xml);
    // The JW316 is the municipality's to send, not the provider's.
    expect((await provider.request('GET', '/api/v1/ijw/uitbak')).json()).toEqual([]);
    const outbox = (await backoffice.request('GET', '/api/v1/ijw/uitbak')).json() as {
      id: string;
      type: string;
      xml: string;
    }[];
    expect(outbox.map((m) => m.type)).toEqual(['JW316']);
    expect(validateMessage(outbox[0]?.xml ?? '').valid).toBe(true);
    expect(
      (await provider.request('POST', `/api/v1/ijw/berichten/${outbox[0]?.id ?? ''}/verstuurd`))
        .statusCode,
    ).toBe(404);
    expect(
      (await backoffice.request('POST', `/api/v1/ijw/berichten/${outbox[0]?.id ?? ''}/verstuurd`))
        .statusCode,
    ).toBe(204);
    expect((await backoffice.request('GET', '/api/v1/ijw/uitbak')).json()).toEqual([]);
    expect(
      (await backoffice.request('POST', `/api/v1/ijw/berichten/${outbox[0]?.id ?? ''}/verstuurd`))
        .statusCode,
    ).toBe(404);
  });

  it('a drop folder run receives every file once, keeps rejected ones with a report, and writes the outbox', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'casusregie-ijw-'));
    mkdirSync(join(folder, 'in'));
    writeFileSync(join(folder, 'in', '01-goed.xml'), providerRequest('DROP0001'));
    writeFileSync(
      join(folder, 'in', '02-fout.xml'),
      readFileSync(new URL('../fixtures/ijw/JW318.xml', import.meta.url)),
    );
    // The standard's example declaration repeats a reference (TR101): it is refused as a whole
    // and answered with the municipality's JW325, header only.
    writeFileSync(
      join(folder, 'in', '03-declaratie.xml'),
      readFileSync(new URL('../fixtures/ijw/JW323.xml', import.meta.url)),
    );
    const run = await processDropFolder(opened.db, folder, new Date('2026-12-01T10:00:00Z'));
    expect(run.received).toEqual([
      { file: '01-goed.xml', accepted: true, type: 'JW315' },
      { file: '02-fout.xml', accepted: false, type: 'JW318' },
      { file: '03-declaratie.xml', accepted: false, type: 'JW323' },
    ]);
    expect(readdirSync(join(folder, 'in'))).toEqual([]);
    expect(readdirSync(join(folder, 'verwerkt'))).toEqual(['01-goed.xml']);
    expect(readdirSync(join(folder, 'afgekeurd')).sort()).toEqual([
      '02-fout.xml',
      '02-fout.xml.rapport.json',
      '03-declaratie.xml',
      '03-declaratie.xml.rapport.json',
    ]);
    const report = JSON.parse(
      readFileSync(join(folder, 'afgekeurd', '02-fout.xml.rapport.json'), 'utf8'),
    ) as { problemen: { code: string }[] };
    expect(report.problemen.map((p) => p.code)).toContain('XSD');
    const out = readdirSync(join(folder, 'uit')).sort();
    expect(out.map((f) => f.slice(0, 6))).toEqual(['JW316-', 'JW325-']);
    for (const f of out)
      expect(validateMessage(readFileSync(join(folder, 'uit', f))).valid).toBe(true);
    const jw325 = readFileSync(join(folder, 'uit', out[1] ?? ''), 'utf8');
    expect(jw325).toContain('<jw325:RetourCode>0001</jw325:RetourCode>');
    expect(jw325).not.toContain('<jw325:DeclaratieAntwoord>');
    // A second run has nothing left to do.
    expect(await processDropFolder(opened.db, folder, NOW)).toEqual({ received: [], sent: [] });
  });
});
