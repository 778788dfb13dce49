import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

let clockNow = new Date('2026-03-10T11:00:00Z');

describe.each(engines)('API on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let team: string;
  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => clockNow },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    team = await createOrganisation(opened.db, 'lokaal-team');
    await staffAccount(opened, team, ['casusregisseur'], `regisseur-${engine}@test.nl`);
    await staffAccount(
      opened,
      await createOrganisation(opened.db, 'aanbieder'),
      ['planner'],
      `planner-${engine}@test.nl`,
    );
    await staffAccount(opened, team, ['casusregisseur'], `slot-${engine}@test.nl`);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const households = async () =>
    Number(
      (
        await opened.db
          .selectFrom('household')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('a casusregisseur registers a route A request and sees its deadlines with rule IDs and sources', async () => {
    const client = new Client(app);
    expect((await client.login(`regisseur-${engine}@test.nl`)).statusCode).toBe(200);
    expect(client.cookie).toContain('casusregie_sessie=');
    const created = await client.request('POST', '/api/v1/casussen', routeARequest());
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;

    const page = await client.request('GET', `/api/v1/casussen/${id}`);
    expect(page.statusCode).toBe(200);
    const body = page.json() as {
      termijnen: { rule: string; due: string; status: string; source: string; uitleg: string }[];
    };
    const intake = body.termijnen.find((t) => t.rule === 'LEK-TERM-INTAKE-AMBULANT');
    // 14 days from Monday 2 March 2026.
    expect(intake).toMatchObject({
      due: '2026-03-16',
      status: 'open',
      uitleg: '/api/v1/regels/LEK-TERM-INTAKE-AMBULANT',
    });
    expect(intake?.source).toContain('LEK:');

    const event = await client.request('POST', `/api/v1/casussen/${id}/gebeurtenissen`, {
      type: 'intake',
      op: '2026-03-09T10:00:00+01:00',
    });
    expect(event.statusCode, event.body).toBe(201);
    const after = (await client.request('GET', `/api/v1/casussen/${id}`)).json() as typeof body;
    expect(after.termijnen.find((t) => t.rule === 'LEK-TERM-INTAKE-AMBULANT')).toMatchObject({
      status: 'met',
      metAt: '2026-03-09',
    });

    const checklist = (
      after as unknown as { checklist: { stap: string; items: { key: string; done: boolean }[] } }
    ).checklist;
    expect(checklist.stap).toBe('stap-1');
    expect(checklist.items.find((i) => i.key === 'plan-vastgesteld')?.done).toBe(false);
    const tick = await client.request('POST', `/api/v1/casussen/${id}/gebeurtenissen`, {
      type: 'stap-afgevinkt',
      op: '2026-03-09T11:00:00+01:00',
      notitie: 'veiligheid-vastgesteld',
    });
    expect(tick.statusCode, tick.body).toBe(201);
    const ticked = (await client.request('GET', `/api/v1/casussen/${id}`)).json() as {
      checklist: typeof checklist;
    };
    expect(ticked.checklist.items.find((i) => i.key === 'veiligheid-vastgesteld')).toMatchObject({
      done: true,
      by: 'afgevinkt',
    });

    const list = await client.request('GET', '/api/v1/werkvoorraad');
    expect(list.statusCode).toBe(200);
    expect((list.json() as { casussen: { id: string }[] }).casussen.map((c) => c.id)).toContain(id);

    const rule = await client.request('GET', '/api/v1/regels/LEK-TERM-INTAKE-AMBULANT');
    expect((rule.json() as { uitleg: string }).uitleg.length).toBeGreaterThan(20);
  });

  it('a provider without a role gets 404 for the case, like for a case that does not exist', async () => {
    const owner = new Client(app);
    await owner.login(`regisseur-${engine}@test.nl`);
    const id = (
      (await owner.request('POST', '/api/v1/casussen', routeARequest())).json() as { id: string }
    ).id;
    const provider = new Client(app);
    await provider.login(`planner-${engine}@test.nl`);
    const denied = await provider.request('GET', `/api/v1/casussen/${id}`);
    const missing = await provider.request(
      'GET',
      '/api/v1/casussen/00000000-0000-4000-8000-000000000000',
    );
    expect(denied.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(denied.json()).toEqual(missing.json());
  });

  it.each([
    ['malformed JSON', '{"route": ', 'body'],
    ['an unknown field', { ...routeARequest(), kleur: 'blauw' }, 'body'],
    [
      'an invalid BSN',
      routeARequest({ jeugdigen: [{ naam: 'X', geboortedatum: '2013-05-20', bsn: '123456789' }] }),
      'body.jeugdigen.0.bsn',
    ],
    [
      'a birth date in the future',
      routeARequest({ jeugdigen: [{ naam: 'X', geboortedatum: '2027-01-01', bsn: null }] }),
      'body.jeugdigen.0.geboortedatum',
    ],
    ['route B without a referrer', routeARequest({ route: 'B' }), 'body.verwijzer'],
  ])('refuses %s with 400, names the field, and stores nothing', async (_name, payload, path) => {
    const client = new Client(app);
    await client.login(`regisseur-${engine}@test.nl`);
    const before = await households();
    const res = await client.request('POST', '/api/v1/casussen', payload);
    expect(res.statusCode, res.body).toBe(400);
    const error = (
      res.json() as {
        error: { code: string; message: string; messageEn: string; fields?: { path: string }[] };
      }
    ).error;
    expect(error.code).toBe('bad-request');
    expect(error.messageEn.length).toBeGreaterThan(0);
    if (path !== 'body') expect(error.fields?.map((f) => f.path)).toContain(path);
    expect(await households()).toBe(before);
    expect(res.body).not.toMatch(/at \w+ \(/);
  });

  it('refuses an event before the registration with 400 naming the field, and stores nothing', async () => {
    const client = new Client(app);
    await client.login(`regisseur-${engine}@test.nl`);
    const id = (
      (await client.request('POST', '/api/v1/casussen', routeARequest())).json() as { id: string }
    ).id;
    const res = await client.request('POST', `/api/v1/casussen/${id}/gebeurtenissen`, {
      type: 'intake',
      op: '2026-03-01T10:00:00+01:00',
    });
    expect(res.statusCode).toBe(400);
    expect(
      (res.json() as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path),
    ).toEqual(['body.op']);
    const events = await opened.db
      .selectFrom('case_event')
      .select('type')
      .where('case_id', '=', id)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['aanmelding']);
  });

  it('refuses a state change without the CSRF token, and any case route without a session', async () => {
    const client = new Client(app);
    await client.login(`regisseur-${engine}@test.nl`);
    const res = await client.request('POST', '/api/v1/casussen', routeARequest(), {
      'x-csrf-token': 'verkeerd',
    });
    expect(res.statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/werkvoorraad' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a malformed address and an oversized body in its own error shape, not as a 500 (found by the fuzz test)', async () => {
    const client = new Client(app);
    await client.login(`regisseur-${engine}@test.nl`);
    for (const url of ['/api/v1/casussen/%ZZ', `/api/v1/casussen/${'x'.repeat(200)}`]) {
      const res = await client.request('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'bad-request', message: 'Het adres van het verzoek klopt niet.' },
      });
    }
    const before = await households();
    const big = await client.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({ gezin: { naam: 'x'.repeat(1_100_000) } }),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({
      error: { code: 'too-large', message: 'De invoer is te groot.' },
    });
    expect(await households()).toEqual(before);
  });

  it('locks an account after repeated failures, without saying whether the e-mail exists', async () => {
    const client = new Client(app);
    const unknown = await client.login('niemand@test.nl', 'fout');
    const wrong = await client.login(`slot-${engine}@test.nl`, 'fout');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    for (let i = 0; i < 4; i++) await client.login(`slot-${engine}@test.nl`, 'fout');
    const locked = await client.login(`slot-${engine}@test.nl`);
    expect(locked.statusCode).toBe(429);
    clockNow = new Date(clockNow.getTime() + 2 * 60_000);
    expect((await client.login(`slot-${engine}@test.nl`)).statusCode).toBe(200);
    clockNow = new Date('2026-03-10T11:00:00Z');
  });

  it('serves its OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/casussen', '/api/v1/casussen/{id}', '/api/v1/werkvoorraad']),
    );
  });
});
