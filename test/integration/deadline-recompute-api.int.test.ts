/**
 * `GET /api/v1/termijnen/herberekening` (issue 11, ADR 0029): the latest recomputation of the
 * kept deadlines and its progress, for staff who work with cases and for beheerders; management
 * gets 403. Every read is audited. On PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const NOW = new Date('2026-03-20T11:00:00Z');

describe.each(engines)('deadline recomputation progress API on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clients: Record<string, Client> = {};
  const staff: Record<string, string> = {};

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const team = await createOrganisation(opened.db, 'lokaal-team');
    const municipality = await createOrganisation(opened.db, 'gemeente');
    const roles = {
      regisseur: [team, 'casusregisseur'],
      beheerder: [municipality, 'beheerder'],
      management: [municipality, 'management'],
    } as const;
    for (const [who, [org, role]] of Object.entries(roles)) {
      const email = `${who}-${engine}@herberekening.nl`;
      staff[who] = await staffAccount(opened, org, [role], email);
      clients[who] = new Client(app);
      await clients[who].login(email);
    }
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const read = (who: string) =>
    (clients[who] as Client).request('GET', '/api/v1/termijnen/herberekening');

  it('says there has been no recomputation yet', async () => {
    const res = await read('regisseur');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ herberekening: null });
  });

  it('shows the progress of a running recomputation to case workers and beheerders', async () => {
    await opened.db
      .insertInto('deadline_recompute_run')
      .values({
        reason: 'profielwijziging',
        started_at: new Date('2026-03-20T10:00:00Z'),
        total: 100_000,
        done: 12_345,
      })
      .execute();
    for (const who of ['regisseur', 'beheerder']) {
      const res = await read(who);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        herberekening: {
          reden: 'profielwijziging',
          totaal: 100_000,
          klaar: 12_345,
          mislukt: 0,
          gestartOp: '2026-03-20T10:00:00.000Z',
          klaarOp: null,
          bezig: true,
        },
      });
    }
  });

  it('refuses management, who do not work with cases', async () => {
    const res = await read('management');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: expect.any(String) } });
    expect(res.body).not.toContain('12345');
  });

  it('audits every read with who read it', async () => {
    const rows = await opened.db
      .selectFrom('audit_log')
      .select(['staff_id'])
      .where('action', '=', 'termijnen.herberekening.lezen')
      .execute();
    const readers = rows.map((r) => r.staff_id);
    expect(readers.filter((r) => r === staff['regisseur'])).toHaveLength(2);
    expect(readers.filter((r) => r === staff['beheerder'])).toHaveLength(1);
    expect(readers).not.toContain(staff['management']);
  });
});
