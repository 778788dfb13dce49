/**
 * The quality thermometer through the API (GRO-CHK-REFERENTIEKADER, bruikbaar in elke regio;
 * ADR 0022) on PGlite and, with TEST_DATABASE_URL, PostgreSQL — in Zuid-Limburg, to show the GRO
 * checklist works in any region. A local team with a lead and two casusregisseurs, a second team
 * and a provider. Only the team's members score and see their team; the lead opens and closes
 * rounds; scoring again replaces; a closed round refuses scores; outsiders get 403 or 404; a
 * refused submission stores nothing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;
const paths = (body: string) => (errorOf(body).fields ?? []).map((f) => f.path);

type Counts = { groen: number; oranje: number; rood: number };
interface View {
  regel: string;
  toelichting: string;
  team: { naam: string; teamleider: boolean; leden: number };
  rondes: { id: string; naam: string; periode: string | null; geslotenOp: string | null }[];
  ronde: {
    id: string;
    deelnemers: number;
    spreiding: ({ punt: string; gescoord: number } & Counts)[];
    themas: ({
      thema: number;
      aandelen: Counts | null;
      puntenMetRood: number;
      stand: string | null;
    } & Counts)[];
    suggesties: { punt: string; rood: number; suggesties: string[] }[];
    eigen: { punt: string; kleur: string; opmerking: string | null }[];
  } | null;
  verloop: {
    rondeId: string;
    naam: string;
    themas: { thema: number; aandelen: Counts | null }[];
  }[];
}

describe.each(engines)('the quality thermometer on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let now = new Date('2026-03-05T10:00:00+01:00');
  const clock = { now: () => now };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  let round1 = '';

  const view = async (who: string, ronde?: string) => {
    const res = await as(who).request(
      'GET',
      `/api/v1/thermometer${ronde ? `?ronde=${ronde}` : ''}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as View;
  };
  const open = (who: string, naam: string, periode?: string) =>
    as(who).request('POST', '/api/v1/thermometer/rondes', {
      naam,
      ...(periode ? { periode } : {}),
    });
  const close = (who: string, rondeId: string) =>
    as(who).request('POST', '/api/v1/thermometer/ronde-sluiten', { rondeId });
  const score = (who: string, rondeId: string, scores: object[]) =>
    as(who).request('PUT', '/api/v1/thermometer/scores', { rondeId, scores });
  const storedScores = () => opened.db.selectFrom('thermometer_score').selectAll().execute();

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZOU');
    const otherTeam = await createOrganisation(opened.db, 'lokaal-team', 'ZOU');
    const provider = await createOrganisation(opened.db, 'aanbieder', 'ZOU');
    const accounts: [string, string, string[]][] = [
      ['lead', team, ['teamleider']],
      ['anna', team, ['casusregisseur']],
      ['bram', team, ['casusregisseur']],
      ['otherlead', otherTeam, ['teamleider']],
      ['planner', provider, ['planner']],
    ];
    for (const [who, org, roles] of accounts) {
      await staffAccount(opened, org, roles, `${who}-${engine}@thermometer.nl`);
      const c = new Client(app);
      expect((await c.login(`${who}-${engine}@thermometer.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('shows an empty team view naming the rule, usable in every region', async () => {
    const v = await view('anna');
    expect(v.regel).toBe('GRO-CHK-REFERENTIEKADER');
    expect(v.toelichting).toContain('bruikbaar in elke regio');
    expect(v.team).toEqual(expect.objectContaining({ teamleider: false, leden: 3 }));
    expect(v.rondes).toEqual([]);
    expect(v.ronde).toBeNull();
  });

  it('lets only the team lead open a round, one at a time', async () => {
    const byMember = await open('anna', 'Najaar 2026');
    expect(byMember.statusCode).toBe(403);
    expect(errorOf(byMember.body).message).toContain('GRO-CHK-REFERENTIEKADER');
    const noName = await open('lead', '  ');
    expect(noName.statusCode).toBe(400);
    expect(paths(noName.body)).toEqual(['body.naam']);
    expect(await opened.db.selectFrom('thermometer_round').selectAll().execute()).toEqual([]);
    const ok = await open('lead', 'Voorjaar 2026', 'maart-juni 2026');
    expect(ok.statusCode, ok.body).toBe(201);
    round1 = (ok.json() as { id: string }).id;
    expect((await open('lead', 'Nog een')).statusCode).toBe(409);
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'thermometer.ronde-geopend')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses outsiders: another team 404 for the round, a provider 403', async () => {
    expect((await as('planner').request('GET', '/api/v1/thermometer')).statusCode).toBe(403);
    expect((await score('planner', round1, [{ punt: '1.1', kleur: 'groen' }])).statusCode).toBe(
      403,
    );
    expect((await score('otherlead', round1, [{ punt: '1.1', kleur: 'groen' }])).statusCode).toBe(
      404,
    );
    expect((await close('otherlead', round1)).statusCode).toBe(404);
    expect(
      (await as('otherlead').request('GET', `/api/v1/thermometer?ronde=${round1}`)).statusCode,
    ).toBe(404);
    const other = await view('otherlead');
    expect(other.rondes).toEqual([]);
    expect(await storedScores()).toEqual([]);
  });

  it('refuses a submission with any bad entry as a whole, naming the fields', async () => {
    const bad = await score('anna', round1, [
      { punt: '1.1', kleur: 'groen' },
      { punt: '1.9', kleur: 'rood' },
      { punt: '2.1', kleur: 'paars' },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.body)).toEqual(['body.scores.1.punt', 'body.scores.2.kleur']);
    expect(await storedScores()).toEqual([]);
  });

  it('stores scores per member; scoring again replaces; the team sees counts, not names', async () => {
    const a = await score('anna', round1, [
      { punt: '1.1', kleur: 'groen' },
      { punt: '1.2', kleur: 'rood', opmerking: 'Alleen anna leest dit' },
    ]);
    expect(a.statusCode, a.body).toBe(200);
    // Anna changes her mind on 1.1.
    expect((await score('anna', round1, [{ punt: '1.1', kleur: 'oranje' }])).statusCode).toBe(200);
    expect(
      (
        await score('bram', round1, [
          { punt: '1.1', kleur: 'groen' },
          { punt: '1.2', kleur: 'rood' },
          { punt: '2.1', kleur: 'oranje' },
        ])
      ).statusCode,
    ).toBe(200);
    expect(await storedScores()).toHaveLength(5);

    const v = await view('lead');
    const r = v.ronde;
    expect(r?.id).toBe(round1);
    expect(r?.deelnemers).toBe(2);
    const of = (p: string) => r?.spreiding.find((s) => s.punt === p);
    expect(of('1.1')).toEqual({ punt: '1.1', groen: 1, oranje: 1, rood: 0, gescoord: 2 });
    expect(of('1.2')).toEqual({ punt: '1.2', groen: 0, oranje: 0, rood: 2, gescoord: 2 });
    // Theme 1: 1 green, 1 orange, 2 red of 4 → 25 / 25 / 50, reading red, 1 item with red.
    expect(r?.themas[0]).toEqual({
      thema: 1,
      groen: 1,
      oranje: 1,
      rood: 2,
      aandelen: { groen: 25, oranje: 25, rood: 50 },
      puntenMetRood: 1,
      stand: 'rood',
    });
    expect(r?.suggesties.map((s) => [s.punt, s.rood])).toEqual([['1.2', 2]]);
    // The lead did not score: no own answers, and nobody else's remark in the view.
    expect(r?.eigen).toEqual([]);
    expect(JSON.stringify(v)).not.toContain('Alleen anna leest dit');
    expect(JSON.stringify(v)).not.toContain('anna-');
    const own = await view('anna');
    expect(own.ronde?.eigen).toEqual(
      expect.arrayContaining([
        { punt: '1.1', kleur: 'oranje', opmerking: null },
        { punt: '1.2', kleur: 'rood', opmerking: 'Alleen anna leest dit' },
      ]),
    );
  });

  it('lets only the lead close; a closed round refuses scores; the trend shows closed rounds', async () => {
    expect((await close('anna', round1)).statusCode).toBe(403);
    expect((await close('lead', round1)).statusCode).toBe(204);
    expect((await close('lead', round1)).statusCode).toBe(409);
    const late = await score('bram', round1, [{ punt: '3.1', kleur: 'groen' }]);
    expect(late.statusCode).toBe(409);
    expect(errorOf(late.body).message).toContain('GRO-CHK-REFERENTIEKADER');
    expect(await storedScores()).toHaveLength(5);

    now = new Date('2026-03-05T10:05:00+01:00');
    const ok = await open('lead', 'Najaar 2026');
    expect(ok.statusCode).toBe(201);
    const round2 = (ok.json() as { id: string }).id;
    expect((await score('anna', round2, [{ punt: '1.1', kleur: 'groen' }])).statusCode).toBe(200);
    expect((await close('lead', round2)).statusCode).toBe(204);

    const v = await view('bram');
    expect(v.rondes.map((r) => r.naam)).toEqual(['Najaar 2026', 'Voorjaar 2026']);
    expect(v.verloop.map((p) => [p.naam, p.themas[0]?.aandelen, p.themas[1]?.aandelen])).toEqual([
      ['Voorjaar 2026', { groen: 25, oranje: 25, rood: 50 }, { groen: 0, oranje: 100, rood: 0 }],
      ['Najaar 2026', { groen: 100, oranje: 0, rood: 0 }, null],
    ]);
    const first = await view('bram', round1);
    expect(first.ronde?.id).toBe(round1);
    expect(first.ronde?.eigen.map((e) => e.punt).sort()).toEqual(['1.1', '1.2', '2.1']);
  });
});
