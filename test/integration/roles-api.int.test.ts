/**
 * Handing out roles through the API: who may (procesregie / responsible team, not a provider),
 * the directory of organisations and staff that the form needs, and bad holders refused with
 * the field named and nothing stored. On PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface CaseBody {
  magRollenToewijzen: boolean;
  rollen: { rol: string; houder: string; medewerker: string | null; tot: string | null }[];
}

describe.each(engines)('role assignment API on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let team: string;
  let provider: string;
  let colleague: string;
  let caseId: string;
  const regisseur = new Map<string, Client>();

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => new Date('2026-03-10T11:00:00Z') },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    team = await createOrganisation(opened.db, 'lokaal-team');
    provider = await createOrganisation(opened.db, 'aanbieder');
    await staffAccount(opened, team, ['casusregisseur'], `regisseur-${engine}@rol.nl`);
    colleague = await staffAccount(opened, team, ['casusregisseur'], `collega-${engine}@rol.nl`);
    await staffAccount(opened, team, ['beheerder'], `beheer-${engine}@rol.nl`);
    await staffAccount(opened, provider, ['planner'], `planner-${engine}@rol.nl`);
    const client = new Client(app);
    await client.login(`regisseur-${engine}@rol.nl`);
    regisseur.set(engine, client);
    const created = await client.request('POST', '/api/v1/casussen', routeARequest());
    caseId = (created.json() as { id: string }).id;
    // The provider gets behandelregie, so it can read the case but not hand out roles.
    const handed = await client.request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'behandelregie',
      houder: 'organisatie',
      organisatieId: provider,
      vanaf: '2026-03-05T09:00:00+01:00',
      reden: 'start hulp',
    });
    expect(handed.statusCode, handed.body).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const client = () => regisseur.get(engine) as Client;
  const roleCount = async () =>
    (await opened.db.selectFrom('case_role').select('id').where('case_id', '=', caseId).execute())
      .length;

  it('tells the case page who may hand out roles: the responsible team yes, a provider no', async () => {
    const own = (await client().request('GET', `/api/v1/casussen/${caseId}`)).json() as CaseBody;
    expect(own.magRollenToewijzen).toBe(true);
    const planner = new Client(app);
    await planner.login(`planner-${engine}@rol.nl`);
    const theirs = await planner.request('GET', `/api/v1/casussen/${caseId}`);
    expect(theirs.statusCode).toBe(200);
    expect((theirs.json() as CaseBody).magRollenToewijzen).toBe(false);
  });

  it('hands casusregie to a colleague; the family period ends and stays in the history', async () => {
    const res = await client().request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      medewerkerId: colleague,
      organisatieId: team,
      vanaf: '2026-03-09T10:00:00+01:00',
      reden: 'triage: casusregie buiten het gezin',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = (await client().request('GET', `/api/v1/casussen/${caseId}`)).json() as CaseBody;
    const casusregie = body.rollen.filter((r) => r.rol === 'casusregie');
    expect(casusregie).toHaveLength(2);
    expect(casusregie.find((r) => r.houder === 'gezin')?.tot).toBe('2026-03-09T09:00:00.000Z');
    expect(casusregie.find((r) => r.houder === 'professional')).toMatchObject({
      medewerker: `collega-${engine}@rol.nl`,
      tot: null,
    });
  });

  it('refuses an unknown colleague or one of another organisation, naming the field', async () => {
    const before = await roleCount();
    const unknown = await client().request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      medewerkerId: '00000000-0000-4000-8000-000000000000',
      vanaf: '2026-03-09T10:00:00+01:00',
      reden: 'overdracht',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { fields: [{ path: 'body.medewerkerId' }] },
    });
    const mismatch = await client().request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      medewerkerId: colleague,
      organisatieId: provider,
      vanaf: '2026-03-09T10:00:00+01:00',
      reden: 'overdracht',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({
      error: { fields: [{ path: 'body.medewerkerId' }] },
    });
    expect(await roleCount()).toBe(before);
  });

  it('lists organisations and the case-working staff of one, for case workers only', async () => {
    const orgs = await client().request('GET', '/api/v1/organisaties?soort=aanbieder');
    expect(orgs.statusCode).toBe(200);
    const list = orgs.json() as { id: string; soort: string }[];
    expect(list.map((o) => o.id)).toContain(provider);
    expect(list.every((o) => o.soort === 'aanbieder')).toBe(true);

    const staff = await client().request('GET', `/api/v1/organisaties/${team}/medewerkers`);
    expect(staff.statusCode).toBe(200);
    const names = (staff.json() as { naam: string }[]).map((s) => s.naam);
    expect(names).toContain(`collega-${engine}@rol.nl`);
    // Beheerders do not work with cases and are not offered as role holders.
    expect(names).not.toContain(`beheer-${engine}@rol.nl`);

    const beheer = new Client(app);
    await beheer.login(`beheer-${engine}@rol.nl`);
    expect((await beheer.request('GET', '/api/v1/organisaties')).statusCode).toBe(403);
    expect((await new Client(app).request('GET', '/api/v1/organisaties')).statusCode).toBe(401);
    const missing = await client().request(
      'GET',
      '/api/v1/organisaties/00000000-0000-4000-8000-000000000000/medewerkers',
    );
    expect(missing.statusCode).toBe(404);
  });
});
