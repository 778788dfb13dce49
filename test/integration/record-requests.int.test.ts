/**
 * Requests about the record through the API (Jeugdwet 7.3.9, 7.3.10; ADR 0019) on PGlite and,
 * with TEST_DATABASE_URL, PostgreSQL. Only who may assign roles records requests, withholds and
 * downloads; a provider on the case gets 403, an outsider 404. Bad input names the field and
 * stores nothing. The export leaves out working notes and withheld items and says that something
 * was withheld; every download and withholding is logged. A refused destruction keeps everything
 * and logs its ground and reason.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface Overview {
  personen: { id: string; naam: string; soort: string }[];
  verzoeken: {
    id: string;
    soort: string;
    besluit: string | null;
    grond: string | null;
    achtergehouden: { soort: string; itemId: string; reden: string }[];
  }[];
  onderdelen: { soort: string; id: string; omschrijving: string }[];
}

const fieldsOf = (body: string) =>
  ((JSON.parse(body) as { error: { fields?: { path: string }[] } }).error.fields ?? []).map(
    (f) => f.path,
  );

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe.each(engines)('record requests on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clock = { now: () => new Date('2026-03-20T10:00:00+01:00') };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  let caseId = '';
  const base = () => `/api/v1/casussen/${caseId}/dossierverzoeken`;
  const overview = async () => {
    const res = await as('regisseur').request('GET', base());
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Overview;
  };
  const audits = (action: string) =>
    opened.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'staff_id'])
      .where('case_id', '=', caseId)
      .where('action', '=', action)
      .execute();

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    const otherTeam = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    const provider = await createOrganisation(opened.db, 'aanbieder', 'LEK');
    ids.set('provider', provider);
    for (const [who, org, roles] of [
      ['regisseur', team, ['casusregisseur']],
      ['planner', provider, ['planner']],
      ['buitenstaander', otherTeam, ['casusregisseur']],
    ] as const) {
      ids.set(who, await staffAccount(opened, org, [...roles], `${who}-${engine}@dossier.nl`));
      const c = new Client(app);
      expect((await c.login(`${who}-${engine}@dossier.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
    const created = await as('regisseur').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        gezin: { naam: 'Gezin de Vries' },
        jeugdigen: [
          { naam: 'Lotte de Vries', geboortedatum: '2012-04-02', bsn: freshBsn() },
          { naam: 'Bram de Vries', geboortedatum: '2019-09-09', bsn: freshBsn() },
        ],
        ouders: [{ naam: 'Sanne de Vries', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const role = await as('regisseur').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'behandelregie',
      houder: 'organisatie',
      organisatieId: provider,
      vanaf: '2026-03-05T09:00:00+01:00',
      reden: 'toewijzing',
    });
    expect(role.statusCode, role.body).toBe(201);
    for (const note of [
      'Moeder vertelt over de ruzie met de buurman, meneer Bakker.',
      'Lotte gaat weer elke dag naar school.',
    ]) {
      const res = await as('regisseur').request(
        'POST',
        `/api/v1/casussen/${caseId}/gebeurtenissen`,
        {
          type: 'notitie',
          op: '2026-03-10T10:00:00+01:00',
          notitie: note,
        },
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    await opened.db
      .insertInto('working_note')
      .values({
        case_id: caseId,
        author_id: ids.get('regisseur') as string,
        text: 'Eigen gedachte: vader lijkt iets te verzwijgen.',
        created_at: clock.now(),
        updated_at: clock.now(),
      })
      .execute();
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('lets only who assigns roles see the requests: a provider gets 403, an outsider 404', async () => {
    expect((await as('planner').request('GET', base())).statusCode).toBe(403);
    expect((await as('buitenstaander').request('GET', base())).statusCode).toBe(404);
    const o = await overview();
    expect(o.personen.map((p) => p.naam).sort()).toEqual([
      'Bram de Vries',
      'Lotte de Vries',
      'Sanne de Vries',
    ]);
    expect(o.verzoeken).toEqual([]);
  });

  it('refuses bad requests naming the field, and stores nothing', async () => {
    const bram = (await overview()).personen.find((p) => p.naam === 'Bram de Vries')?.id;
    const young = await as('regisseur').request('POST', base(), {
      soort: 'inzage-afschrift',
      persoonId: bram,
      ontvangenOp: '2026-03-21',
    });
    expect(young.statusCode, young.body).toBe(400);
    expect(fieldsOf(young.body)).toEqual(['body.ontvangenOp', 'body.persoonId']);
    const kind = await as('regisseur').request('POST', base(), {
      soort: 'bekijken',
      persoonId: bram,
      ontvangenOp: '2026-03-19',
    });
    expect(kind.statusCode).toBe(400);
    expect(fieldsOf(kind.body)).toContain('body.soort');
    const byProvider = await as('planner').request('POST', base(), {
      soort: 'inzage-afschrift',
      persoonId: bram,
      ontvangenOp: '2026-03-19',
    });
    expect(byProvider.statusCode).toBe(403);
    expect(await opened.db.selectFrom('record_request').selectAll().execute()).toEqual([]);
  });

  it('records a request, withholds an item with a reason and exports without it', async () => {
    const o = await overview();
    const mother = o.personen.find((p) => p.naam === 'Sanne de Vries')?.id;
    const res = await as('regisseur').request('POST', base(), {
      soort: 'inzage-afschrift',
      persoonId: mother,
      ontvangenOp: '2026-03-19',
    });
    expect(res.statusCode, res.body).toBe(201);
    const requestId = (res.json() as { id: string }).id;
    const neighbour = (await overview()).onderdelen.find((i) => i.omschrijving.includes('buurman'));
    expect(neighbour?.soort).toBe('tijdlijn');
    const noReason = await as('regisseur').request('POST', `${base()}/${requestId}/achterhouden`, {
      soort: 'tijdlijn',
      itemId: neighbour?.id,
      reden: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason.body)).toEqual(['body.reden']);
    const foreign = await as('regisseur').request('POST', `${base()}/${requestId}/achterhouden`, {
      soort: 'tijdlijn',
      itemId: '00000000-0000-4000-8000-000000000000',
      reden: 'Gaat over een ander gezin.',
    });
    expect(fieldsOf(foreign.body)).toEqual(['body.itemId']);
    expect(await opened.db.selectFrom('record_withholding').selectAll().execute()).toEqual([]);
    const withhold = await as('regisseur').request('POST', `${base()}/${requestId}/achterhouden`, {
      soort: 'tijdlijn',
      itemId: neighbour?.id,
      reden: 'Gaat over de buurman; zijn privacy gaat voor.',
    });
    expect(withhold.statusCode, withhold.body).toBe(201);
    const logged = await audits('dossierverzoek.achterhouden');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.details).toMatchObject({
      kind: 'tijdlijn',
      itemId: neighbour?.id,
      reason: 'Gaat over de buurman; zijn privacy gaat voor.',
    });

    expect(
      (await as('planner').request('GET', `${base()}/${requestId}/dossier.json`)).statusCode,
    ).toBe(403);
    expect(
      (await as('buitenstaander').request('GET', `${base()}/${requestId}/dossier.pdf`)).statusCode,
    ).toBe(404);

    const json = await as('regisseur').request('GET', `${base()}/${requestId}/dossier.json`);
    expect(json.statusCode, json.body).toBe(200);
    const record = json.json() as {
      formaat: string;
      versie: number;
      gezin: { personen: { naam: string }[] };
      tijdlijn: { notitie: string | null }[];
      rollen: { rol: string }[];
      toegangslog: { handeling: string }[];
      achtergehouden: { iets: boolean; toelichting: string };
    };
    expect(record.formaat).toBe('casusregie-dossier');
    expect(record.versie).toBe(1);
    expect(record.gezin.personen).toHaveLength(3);
    expect(record.rollen.map((r) => r.rol)).toContain('behandelregie');
    expect(record.tijdlijn.map((t) => t.notitie)).toContain(
      'Lotte gaat weer elke dag naar school.',
    );
    expect(record.toegangslog.map((a) => a.handeling)).toContain('casus.registreren');
    expect(record.achtergehouden.iets).toBe(true);
    expect(json.body).not.toContain('buurman');
    expect(json.body).not.toContain('verzwijgen');

    const pdf = await as('regisseur').request('GET', `${base()}/${requestId}/dossier.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Sanne de Vries');
    expect(text).toContain('Lotte gaat weer elke dag naar school.');
    expect(text).toContain('Niet opgenomen');
    expect(text).not.toContain('buurman');
    expect(text).not.toContain('verzwijgen');

    const downloads = await audits('dossier.downloaden');
    expect(downloads.map((d) => (d.details as { format: string }).format).sort()).toEqual([
      'json',
      'pdf',
    ]);
  });

  it('refuses destruction on an exception: everything stays and the reason is logged', async () => {
    const o = await overview();
    const lotte = o.personen.find((p) => p.naam === 'Lotte de Vries')?.id;
    const res = await as('regisseur').request('POST', base(), {
      soort: 'vernietiging',
      persoonId: lotte,
      ontvangenOp: '2026-03-18',
    });
    expect(res.statusCode, res.body).toBe(201);
    const requestId = (res.json() as { id: string }).id;
    const noGround = await as('regisseur').request('POST', `${base()}/${requestId}/besluit`, {
      besluit: 'weigeren',
    });
    expect(noGround.statusCode).toBe(400);
    expect(fieldsOf(noGround.body)).toEqual(['body.grond', 'body.reden']);
    const byProvider = await as('planner').request('POST', `${base()}/${requestId}/besluit`, {
      besluit: 'vernietigen',
    });
    expect(byProvider.statusCode).toBe(403);
    const refused = await as('regisseur').request('POST', `${base()}/${requestId}/besluit`, {
      besluit: 'weigeren',
      grond: 'belang-ander',
      reden: 'Bram heeft deze gegevens nodig voor zijn eigen hulp.',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toEqual({ vernietigd: false });
    expect(
      await opened.db.selectFrom('casus').select('id').where('id', '=', caseId).execute(),
    ).toHaveLength(1);
    const again = await as('regisseur').request('POST', `${base()}/${requestId}/besluit`, {
      besluit: 'vernietigen',
    });
    expect(fieldsOf(again.body)).toEqual(['body.verzoek']);
    const logged = await audits('dossier.vernietiging-geweigerd');
    expect(logged[0]?.details).toMatchObject({
      ground: 'belang-ander',
      reason: 'Bram heeft deze gegevens nodig voor zijn eigen hulp.',
    });
    expect(await audits('dossier.vernietigd')).toEqual([]);
    const view = (await overview()).verzoeken.find((v) => v.id === requestId);
    expect(view).toMatchObject({ besluit: 'weigeren', grond: 'belang-ander' });
  });
});
