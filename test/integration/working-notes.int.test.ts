/**
 * Working notes (werkaantekeningen, ZTM; ADR 0018) through the API on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL. Casusregisseur A writes, reads, changes and deletes her own
 * notes. A colleague of the same team, the team lead and an outsider never see them: 404 on the
 * note, none in their list. Notes are not part of the record: the case detail (with its
 * timeline), the analysis PDF and the plan PDF do not hold their text. The audit log records
 * every read and change without the text.
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

const SECRET = 'Vermoeden: vader drinkt weer, nog niet besproken';

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

interface Notes {
  uitleg: string;
  werkaantekeningen: { id: string; tekst: string }[];
}

describe.each(engines)('working notes on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clock = { now: () => new Date('2026-03-12T15:00:00+01:00') };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (who: string) => ids.get(who) as string;
  let caseId = '';
  let noteId = '';

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const team3 = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const accounts: [string, string, string[]][] = [
      ['a', team, ['casusregisseur']],
      ['colleague', team, ['casusregisseur']],
      ['lead', team, ['teamleider']],
      ['outsider', team3, ['casusregisseur']],
    ];
    for (const [who, org, roles] of accounts) {
      ids.set(who, await staffAccount(opened, org, roles, `${who}-${engine}@notities.nl`));
      const c = new Client(app);
      expect((await c.login(`${who}-${engine}@notities.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
    const created = await as('lead').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'ZTM',
        gezin: { naam: 'Gezin Bakker' },
        jeugdigen: [{ naam: 'Jip Bakker', geboortedatum: '2015-02-01', bsn: freshBsn() }],
        ouders: [{ naam: 'Eva Bakker', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const role = await as('lead').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      organisatieId: team,
      medewerkerId: id('a'),
      vanaf: '2026-03-03T09:00:00+01:00',
      reden: 'na triage',
    });
    expect(role.statusCode, role.body).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const list = async (who: string) =>
    (await as(who).request('GET', `/api/v1/casussen/${caseId}/werkaantekeningen`)).json() as Notes;

  it('refuses an empty note naming the field, and stores nothing', async () => {
    const res = await as('a').request('POST', `/api/v1/casussen/${caseId}/werkaantekeningen`, {
      tekst: '   ',
    });
    expect(res.statusCode).toBe(400);
    expect(
      (res.json() as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path),
    ).toEqual(['body.tekst']);
    expect((await list('a')).werkaantekeningen).toEqual([]);
  });

  it('lets the author write, read and change her note', async () => {
    const res = await as('a').request('POST', `/api/v1/casussen/${caseId}/werkaantekeningen`, {
      tekst: SECRET,
    });
    expect(res.statusCode, res.body).toBe(201);
    noteId = (res.json() as { id: string }).id;
    const mine = await list('a');
    expect(mine.uitleg).toBe('Alleen voor u zichtbaar; geen onderdeel van het dossier');
    expect(mine.werkaantekeningen.map((n) => n.tekst)).toEqual([SECRET]);
    const changed = await as('a').request('PUT', `/api/v1/werkaantekeningen/${noteId}`, {
      tekst: `${SECRET} (navragen bij school)`,
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const one = await as('a').request('GET', `/api/v1/werkaantekeningen/${noteId}`);
    expect((one.json() as { tekst: string }).tekst).toContain('navragen bij school');
  });

  it('shows nobody else the note: 404 and an empty list, even in the same team', async () => {
    for (const who of ['colleague', 'lead', 'outsider']) {
      expect((await as(who).request('GET', `/api/v1/werkaantekeningen/${noteId}`)).statusCode).toBe(
        404,
      );
      expect(
        (
          await as(who).request('PUT', `/api/v1/werkaantekeningen/${noteId}`, {
            tekst: 'overschreven',
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await as(who).request('DELETE', `/api/v1/werkaantekeningen/${noteId}`)).statusCode,
      ).toBe(404);
    }
    expect((await list('colleague')).werkaantekeningen).toEqual([]);
    expect((await list('lead')).werkaantekeningen).toEqual([]);
    expect(
      (await as('outsider').request('GET', `/api/v1/casussen/${caseId}/werkaantekeningen`))
        .statusCode,
    ).toBe(404);
    const row = await opened.db
      .selectFrom('working_note')
      .select('text')
      .where('id', '=', noteId)
      .executeTakeFirstOrThrow();
    expect(row.text).toContain(SECRET);
  });

  it('keeps the note out of the case detail, the timeline and the PDFs', async () => {
    for (const who of ['a', 'lead']) {
      const detail = await as(who).request('GET', `/api/v1/casussen/${caseId}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.body).not.toContain('vader drinkt');
    }
    const analysis = await as('a').request('GET', `/api/v1/casussen/${caseId}/analyse/pdf`);
    expect(analysis.statusCode, analysis.body).toBe(200);
    const analysisText = await pdfText(analysis.rawPayload);
    expect(analysisText).toContain('Analyse');
    expect(analysisText).not.toContain('vader drinkt');
    const plan = await as('a').request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: '2026-03-12',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const planId = (plan.json() as { id: string }).id;
    const planPdf = await as('a').request('GET', `/api/v1/plannen/${planId}/pdf`);
    expect(planPdf.statusCode).toBe(200);
    expect(await pdfText(planPdf.rawPayload)).not.toContain('vader drinkt');
  });

  it('audits reads and changes without the text, and refusals too', async () => {
    const audit = await opened.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'staff_id'])
      .where('action', 'like', 'werkaantekening.%')
      .execute();
    const actions = audit.map((a) => a.action);
    for (const action of [
      'werkaantekening.maken',
      'werkaantekening.lijst',
      'werkaantekening.lezen',
      'werkaantekening.wijzigen',
      'werkaantekening.geweigerd',
    ])
      expect(actions).toContain(action);
    expect(JSON.stringify(audit)).not.toContain('vader drinkt');
  });

  it('lets the author delete her note for good', async () => {
    const res = await as('a').request('DELETE', `/api/v1/werkaantekeningen/${noteId}`);
    expect(res.statusCode).toBe(204);
    expect((await list('a')).werkaantekeningen).toEqual([]);
    expect((await as('a').request('GET', `/api/v1/werkaantekeningen/${noteId}`)).statusCode).toBe(
      404,
    );
  });
});
