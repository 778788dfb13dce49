/**
 * The product catalogue through the API on PGlite and, with TEST_DATABASE_URL, PostgreSQL:
 * the back office of a municipality uploads CSV; a bad file is refused line by line and
 * changes nothing; removing a product that running allocations use is refused (end-date it
 * instead); others in the region read it as JSON or CSV; a provider cannot replace it.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const NOW = new Date('2026-10-15T10:00:00Z');
const HEADER =
  'productcode;categorie;naam;segment;vrij_toegankelijk;eenheid;frequentie;tarief;geldig_van;geldig_tot';
const CSV = `${HEADER}
45A03;45;Ambulante gezinsbehandeling;ambulant;ja;04;2;98,50;01-01-2026;
43A01;43;Verblijf met behandeling;verblijf;nee;14;1;412,00;01-01-2026;
`;
const csv = { 'content-type': 'text/csv' };

describe.each(engines)('catalogue API on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let backoffice: Client;
  let planner: Client;
  let worker: Client;

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const municipality = await createOrganisation(opened.db, 'gemeente', 'GRO');
    const provider = await createOrganisation(opened.db, 'aanbieder', 'GRO');
    const team = await createOrganisation(opened.db, 'lokaal-team', 'GRO');
    await staffAccount(opened, municipality, ['backoffice'], `bo-${engine}@gro.nl`);
    await staffAccount(opened, provider, ['planner'], `planner-${engine}@gro.nl`);
    await staffAccount(opened, team, ['casusregisseur'], `team-${engine}@gro.nl`);
    backoffice = new Client(app);
    await backoffice.login(`bo-${engine}@gro.nl`);
    planner = new Client(app);
    await planner.login(`planner-${engine}@gro.nl`);
    worker = new Client(app);
    await worker.login(`team-${engine}@gro.nl`);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('the back office uploads the catalogue; everyone in the region reads it', async () => {
    const res = await backoffice.request('PUT', '/api/v1/catalogus', CSV, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ toegevoegd: ['45A03', '43A01'], gewijzigd: [], verwijderd: [] });
    const read = (await planner.request('GET', '/api/v1/catalogus')).json() as {
      regio: string;
      producten: {
        code: string;
        categorieNaam: string;
        vrijToegankelijk: boolean;
        tariefCent: number;
      }[];
    };
    expect(read.regio).toBe('GRO');
    expect(
      read.producten.map((p) => [p.code, p.categorieNaam, p.vrijToegankelijk, p.tariefCent]),
    ).toEqual([
      ['43A01', 'Jeugdhulp verblijf (incl. behandeling)', false, 41200],
      ['45A03', 'Jeugdhulp ambulant', true, 9850],
    ]);
    const download = await worker.request('GET', '/api/v1/catalogus.csv');
    expect(download.headers['content-type']).toMatch(/^text\/csv/);
    expect(download.body).toContain(
      '45A03;45;Ambulante gezinsbehandeling;ambulant;ja;04;2;98,50;01-01-2026;',
    );
  });

  it('a bad file is refused line by line, and nothing changes', async () => {
    const res = await backoffice.request(
      'PUT',
      '/api/v1/catalogus',
      `${HEADER}\n45A03;45;Ambulant;ambulant;ja;04;9;98,50;01-01-2026;\n`,
      csv,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        fields: [{ path: 'regel 2, frequentie', message: expect.stringMatching(/WMO757/) }],
      },
    });
    const read = (await worker.request('GET', '/api/v1/catalogus')).json() as {
      producten: unknown[];
    };
    expect(read.producten).toHaveLength(2);
  });

  it('a product used by a running allocation is end-dated, not removed', async () => {
    const created = await worker.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({ regio: 'GRO' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const provider = await opened.db
      .selectFrom('organisation')
      .select('id')
      .where('kind', '=', 'aanbieder')
      .executeTakeFirstOrThrow();
    await opened.db
      .insertInto('allocation')
      .values({
        case_id: (created.json() as { id: string }).id,
        region: 'GRO',
        provider_id: provider.id,
        number: '300201',
        product_code: '43A01',
        start_date: '2026-09-01',
        end_date: '2027-02-28',
        status: 'gestart',
      })
      .execute();
    const removing = await backoffice.request(
      'PUT',
      '/api/v1/catalogus',
      `${HEADER}\n45A03;45;Ambulante gezinsbehandeling;ambulant;ja;04;2;98,50;01-01-2026;\n`,
      csv,
    );
    expect(removing.statusCode).toBe(422);
    expect(removing.json()).toMatchObject({
      error: {
        fields: [
          { path: '43A01, product', message: expect.stringMatching(/einddatum in plaats van/) },
        ],
      },
    });
    const endDating = await backoffice.request(
      'PUT',
      '/api/v1/catalogus',
      `${CSV.replace('412,00;01-01-2026;', '412,00;01-01-2026;31-12-2026')}43A11;43;Verblijf met behandeling 2027;verblijf;nee;14;1;420,00;01-01-2027;\n`,
      csv,
    );
    expect(endDating.statusCode, endDating.body).toBe(200);
    expect(endDating.json()).toEqual({
      toegevoegd: ['43A11'],
      gewijzigd: ['43A01'],
      verwijderd: [],
    });
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'catalogus.vervangen')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('a provider or a local team cannot replace it (403, logged)', async () => {
    for (const who of [planner, worker]) {
      const res = await who.request('PUT', '/api/v1/catalogus', CSV, csv);
      expect(res.statusCode).toBe(403);
    }
    const refused = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'catalogus.geweigerd')
      .execute();
    expect(refused).toHaveLength(2);
    expect((await new Client(app).request('GET', '/api/v1/catalogus')).statusCode).toBe(401);
  });
});
