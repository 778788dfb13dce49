/**
 * The record export of a demo family (issue 8, Jeugdwet 7.3.10; ADR 0019): the demo generator
 * fills the database, a demo casusregisseur records a request for inspection and a copy, and the
 * PDF the family gets is read back as text. It holds the household, every member and the case's
 * timeline, and not the casusregisseur's working note (ZTM: not part of the record).
 */
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, generateDemoData } from '../../src/demo/generate.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { Client } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const REGISSEUR = 'casusregisseur.lek@demo.casusregie.nl';
const NOTE = 'Eigen indruk: moeder leek gespannen, navragen bij school (werkaantekening).';

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe.each(engines)('the record of a demo family on %s', (engine) => {
  let opened: OpenDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    await generateDemoData(opened.db, {
      cases: 40,
      seed: 11,
      now: NOW,
      // Hashing ~100 demo passwords is beside the point; only the casusregisseur logs in.
      hashPassword: (plain) => Promise.resolve(`nep:${plain}`),
    });
    await opened.db
      .updateTable('staff')
      .set({ password_hash: await hashPassword(DEMO_PASSWORD) })
      .where('email', '=', REGISSEUR)
      .execute();
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('holds the family and its timeline as PDF text, and never a working note', async () => {
    // The open demo case of the casusregisseur's team with the longest timeline.
    const staff = await opened.db
      .selectFrom('staff')
      .select('organisation_id')
      .where('email', '=', REGISSEUR)
      .executeTakeFirstOrThrow();
    const chosen = await opened.db
      .selectFrom('casus')
      .innerJoin('case_event', 'case_event.case_id', 'casus.id')
      .select(['casus.id', 'casus.household_id', (eb) => eb.fn.countAll<number>().as('events')])
      .where('casus.responsible_team_id', '=', staff.organisation_id)
      .where('casus.closed_at', 'is', null)
      .groupBy(['casus.id', 'casus.household_id'])
      .orderBy('events', 'desc')
      .orderBy('casus.id')
      .executeTakeFirstOrThrow();
    const household = await opened.db
      .selectFrom('household')
      .select('label')
      .where('id', '=', chosen.household_id)
      .executeTakeFirstOrThrow();
    const persons = await opened.db
      .selectFrom('person')
      .select(['id', 'name', 'kind'])
      .where('household_id', '=', chosen.household_id)
      .execute();
    const events = await opened.db
      .selectFrom('case_event')
      .select(['type', 'note'])
      .where('case_id', '=', chosen.id)
      .execute();
    expect(Number(chosen.events)).toBeGreaterThan(1);

    const regisseur = new Client(app);
    expect((await regisseur.login(REGISSEUR, DEMO_PASSWORD)).statusCode).toBe(200);
    const note = await regisseur.request(
      'POST',
      `/api/v1/casussen/${chosen.id}/werkaantekeningen`,
      {
        tekst: NOTE,
      },
    );
    expect(note.statusCode, note.body).toBe(201);

    const requester = persons.find((p) => p.kind !== 'jeugdige') ?? persons[0];
    const request = await regisseur.request(
      'POST',
      `/api/v1/casussen/${chosen.id}/dossierverzoeken`,
      {
        soort: 'inzage-afschrift',
        persoonId: requester?.id,
        ontvangenOp: '2026-11-20',
      },
    );
    expect(request.statusCode, request.body).toBe(201);
    const requestId = (request.json() as { id: string }).id;
    const pdf = await regisseur.request(
      'GET',
      `/api/v1/casussen/${chosen.id}/dossierverzoeken/${requestId}/dossier.pdf`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);

    expect(text).toContain(household.label);
    for (const p of persons) expect(text).toContain(p.name);
    for (const e of events) {
      expect(text).toContain(e.type);
      if (e.note) expect(text).toContain(e.note.replace(/\s+/g, ' ').slice(0, 40));
    }
    expect(text).not.toContain('Eigen indruk');
    expect(text).not.toContain('navragen bij school');
  });
});
