/**
 * Sharing decisions through the API (issue 8; DOMAIN.md section 10; ZTM "Privacy en ethiek";
 * ADR 0020) on PGlite and, with TEST_DATABASE_URL, PostgreSQL. The team that holds a case
 * records decisions on consent, after a weighing, or on a legal exception. A weighing with a
 * "nee" or without a motivation is refused field by field and stores nothing; so is a decision
 * hidden from the family without a reason. Decisions are visible to the family by default. An
 * outsider gets 404.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { sharingDecisionsForFamily } from '../../src/store/sharing.js';
import { createOrganisation } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;

const yes = (motivering: string) => ({ antwoord: 'ja', motivering });
const weighing = (over: object = {}) => ({
  signaal: yes('school meldt herhaald letsel'),
  doel: yes('veiligheid van het kind'),
  subsidiariteit: yes('gesprek met ouders leverde niets op'),
  proportionaliteit: yes('alleen de melding, geen dossier'),
  doelmatigheid: yes('Veilig Thuis kan direct onderzoeken'),
  geinformeerd: true,
  ...over,
});

describe.each(engines)('sharing decisions on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const now = new Date('2026-03-12T15:00:00+01:00');
  const clock = { now: () => now };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  let caseId = '';

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const team2 = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    for (const [who, org] of [
      ['lead', team],
      ['outsider', team2],
    ] as const) {
      const email = `${who}-${engine}@delen.nl`;
      await staffAccount(opened, org, who === 'lead' ? ['teamleider'] : ['casusregisseur'], email);
      const c = new Client(app);
      expect((await c.login(email)).statusCode).toBe(200);
      clients.set(who, c);
    }
    const created = await as('lead').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({ regio: 'ZTM', gezin: { naam: 'Gezin Visser' } }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const post = (body: object) =>
    as('lead').request('POST', `/api/v1/casussen/${caseId}/gegevensdeling`, {
      wat: 'de zorgmelding over het letsel',
      ontvangerSoort: 'aanbieder',
      ontvanger: 'Veilig Thuis Haaglanden',
      grondslag: 'afweging',
      ...body,
    });
  const stored = async () =>
    opened.db.selectFrom('sharing_decision').selectAll().where('case_id', '=', caseId).execute();

  it('refuses a weighing with a "nee" or a missing motivation, field by field', async () => {
    const res = await post({
      afweging: weighing({
        subsidiariteit: { antwoord: 'nee', motivering: 'er is een lichtere weg' },
        doelmatigheid: { antwoord: 'ja', motivering: '' },
        geinformeerd: false,
      }),
    });
    expect(res.statusCode, res.body).toBe(400);
    const fields = errorOf(res.body).fields ?? [];
    expect(fields.map((f) => f.path)).toEqual([
      'body.afweging.subsidiariteit.antwoord',
      'body.afweging.doelmatigheid.motivering',
      'body.afweging.redenNietGeinformeerd',
    ]);
    expect(fields[0]?.message).toContain('ZTM "Privacy en ethiek"');
    const empty = await post({});
    expect(empty.statusCode).toBe(400);
    expect((errorOf(empty.body).fields ?? []).length).toBe(11);
    expect(await stored()).toEqual([]);
  });

  it('records a complete weighing, visible to the family by default', async () => {
    const res = await post({
      afweging: weighing({ geinformeerd: false, redenNietGeinformeerd: 'vader is dreigend' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = await as('lead').request('GET', `/api/v1/casussen/${caseId}/gegevensdeling`);
    expect(list.statusCode).toBe(200);
    const body = list.json() as {
      besluiten: {
        grondslag: string;
        zichtbaarVoorGezin: boolean;
        afweging: { signaal: { antwoord: string }; redenNietGeinformeerd: string };
      }[];
      magVastleggen: boolean;
    };
    expect(body.magVastleggen).toBe(true);
    expect(body.besluiten[0]).toMatchObject({
      grondslag: 'afweging',
      zichtbaarVoorGezin: true,
      afweging: { signaal: { antwoord: 'ja' }, redenNietGeinformeerd: 'vader is dreigend' },
    });
  });

  it('withholds from the family only with a recorded reason', async () => {
    const base = {
      grondslag: 'wettelijke-uitzondering',
      uitzondering: { soort: 'overmacht', motivering: 'acuut gevaar voor de jongste' },
      zichtbaarVoorGezin: false,
    };
    const without = await post(base);
    expect(without.statusCode).toBe(400);
    expect(errorOf(without.body).fields?.map((f) => f.path)).toEqual(['body.redenNietZichtbaar']);
    const withReason = await post({ ...base, redenNietZichtbaar: 'lopend politieonderzoek' });
    expect(withReason.statusCode, withReason.body).toBe(201);
    const family = await sharingDecisionsForFamily(opened.db, caseId);
    expect(family.map((d) => d.basis)).toEqual(['afweging']);
  });

  it('checks consent references and legal exceptions', async () => {
    const consent = await post({ grondslag: 'toestemming' });
    expect(errorOf(consent.body).fields?.map((f) => f.path)).toEqual([
      'body.toestemmingVerwijzing',
    ]);
    const gi = await post({
      grondslag: 'wettelijke-uitzondering',
      uitzondering: { soort: 'gi-maatregel', motivering: 'OTS' },
    });
    expect(errorOf(gi.body).fields?.map((f) => f.path)).toEqual(['body.uitzondering.soort']);
    const ok = await post({ grondslag: 'toestemming', toestemmingVerwijzing: 'moeder, 5-3-2026' });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('is not found for an outsider', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await as('outsider').request(
        method,
        `/api/v1/casussen/${caseId}/gegevensdeling`,
        method === 'POST'
          ? { wat: 'x', ontvangerSoort: 'school', ontvanger: 'x', grondslag: 'x' }
          : undefined,
      );
      expect(res.statusCode).toBe(404);
    }
  });
});
