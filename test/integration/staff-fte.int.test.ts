/**
 * Setting a professional's FTE through the API (issue 9, ADR 0024) on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL. Lekstroom (LEK) has no caseload norm of its own, so
 * ZTM-NORM-CASELOAD (13 families per FTE) applies. Team Noord: casusregisseur Anna with two
 * families, her team lead and a colleague; team Zuid: its own lead. Only Noord's lead sets
 * Anna's FTE; the caseload dashboard's norm follows (13 × FTE, worked out by hand below);
 * out-of-range values are refused naming `fte`, nothing changes, and every change is audited.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { Client, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface ErrorBody {
  error: { code: string; fields?: { path: string; message: string }[] };
}
interface DashboardBody {
  tabellen: { id: string; rijen: { label: string; cellen: (number | string | null)[] }[] }[];
}

describe.each(engines)('the FTE of a professional on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clock = { now: () => new Date('2026-03-20T10:00:00+01:00') };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (key: string) => ids.get(key) as string;

  const org = async (kind: 'gemeente' | 'lokaal-team', name: string, parent?: string) =>
    (
      await opened.db
        .insertInto('organisation')
        .values({ kind, name, region: 'LEK', agb_code: null, parent_id: parent ?? null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  /** An open case of team Noord with casusregie for `regisseur`. */
  async function familyCase(n: number, regisseur: string) {
    const household = await opened.db
      .insertInto('household')
      .values({ label: `Gezin ${n}`, region: 'LEK' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await opened.db
      .insertInto('casus')
      .values({
        household_id: household.id,
        region: 'LEK',
        route: 'A',
        segment: 'ambulant',
        measure: null,
        step: '1',
        responsible_team_id: id('noord'),
        registered_by_org_id: id('noord'),
        referrer_type: null,
        referrer_code: null,
        court_order_date: null,
        facts: JSON.stringify({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await opened.db
      .insertInto('case_role')
      .values({
        case_id: c.id,
        role: 'casusregie',
        holder: 'professional',
        organisation_id: id('noord'),
        staff_id: regisseur,
        starts_at: new Date('2026-01-05T09:00:00+01:00'),
        ends_at: null,
        reason: null,
        created_by: null,
      })
      .execute();
  }

  const setFte = (who: string, staff: string, body: unknown) =>
    as(who).request('PUT', `/api/v1/medewerkers/${staff}/fte`, body as object);
  const storedFte = async (staff: string) =>
    Number(
      (
        await opened.db
          .selectFrom('staff')
          .select('fte')
          .where('id', '=', staff)
          .executeTakeFirstOrThrow()
      ).fte,
    );
  const caseloadRows = async () => {
    const res = await as('lead').request(
      'GET',
      '/api/v1/dashboards/caseload?van=2026-01-01&tot=2026-03-31',
    );
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as DashboardBody;
    const rows = (tableId: string) =>
      Object.fromEntries(
        (d.tabellen.find((t) => t.id === tableId)?.rijen ?? []).map((r) => [r.label, r.cellen]),
      );
    return { staff: rows('caseload-casusregisseur'), team: rows('caseload-team') };
  };
  const fteAudits = () =>
    opened.db
      .selectFrom('audit_log')
      .select(['staff_id', 'details'])
      .where('action', '=', 'medewerker.fte-vastleggen')
      .execute();

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    ids.set('G', await org('gemeente', 'Gemeente G'));
    ids.set('noord', await org('lokaal-team', 'Team Noord', id('G')));
    ids.set('zuid', await org('lokaal-team', 'Team Zuid', id('G')));
    const accounts: [string, string, string[]][] = [
      ['anna', id('noord'), ['casusregisseur']],
      ['colleague', id('noord'), ['casusregisseur']],
      ['lead', id('noord'), ['teamleider']],
      ['otherLead', id('zuid'), ['teamleider']],
    ];
    for (const [who, organisation, roles] of accounts) {
      const email = `${who.toLowerCase()}-${engine}@fte.nl`;
      ids.set(who, await staffAccount(opened, organisation, roles, email));
      await opened.db.updateTable('staff').set({ name: who }).where('id', '=', id(who)).execute();
      const c = new Client(app);
      expect((await c.login(email)).statusCode).toBe(200);
      clients.set(who, c);
    }
    await familyCase(1, id('anna'));
    await familyCase(2, id('anna'));
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('the team lead sets an FTE and the caseload norm follows (13 × FTE)', async () => {
    // Before: Anna 2 families, 1.0 FTE, norm 13 × 1 = 13, 2 / 13 = 0.15 → 15 %.
    // Colleague: 0 families, 1.0 FTE, 13, 0 %. Team: 2 families, 2.0 FTE, 26, 2 / 26 = 0.08.
    const before = await caseloadRows();
    expect(before.staff['anna']).toEqual([2, 1, 13, 15]);
    expect(before.team['Team Noord']).toEqual([2, 2, 26, 8]);

    const res = await setFte('lead', id('anna'), { fte: 0.8 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: id('anna'), fte: 0.8 });
    expect(await storedFte(id('anna'))).toBe(0.8);

    // After: norm 13 × 0.8 = 10.4; 2 / 10.4 = 0.1923 → 0.19 → 19 %.
    // Team: 0.8 + 1.0 = 1.8 FTE, 13 × 1.8 = 23.4; 2 / 23.4 = 0.0855 → 0.09 → 9 %.
    const after = await caseloadRows();
    expect(after.staff['anna']).toEqual([2, 0.8, 10.4, 19]);
    expect(after.team['Team Noord']).toEqual([2, 1.8, 23.4, 9]);

    // The team view of FTEs shows it too.
    const team = await as('lead').request('GET', '/api/v1/team/fte');
    expect(team.statusCode, team.body).toBe(200);
    const members = (team.json() as { medewerkers: { naam: string; fte: number }[] }).medewerkers;
    expect(members.map((m) => [m.naam, m.fte])).toEqual([
      ['anna', 0.8],
      ['colleague', 1],
      ['lead', 1],
    ]);
  });

  it('audits the change with the old and the new value', async () => {
    await setFte('lead', id('colleague'), { fte: 0.75 });
    const audits = await fteAudits();
    expect(audits).toContainEqual({
      staff_id: id('lead'),
      details: expect.objectContaining({ staffId: id('colleague'), oud: 1, nieuw: 0.75 }),
    });
  });

  it('another team’s lead and a colleague are refused (403), nothing changes', async () => {
    const audited = (await fteAudits()).length;
    const other = await setFte('otherLead', id('anna'), { fte: 1.2 });
    expect(other.statusCode, other.body).toBe(403);
    const colleague = await setFte('colleague', id('anna'), { fte: 1.2 });
    expect(colleague.statusCode, colleague.body).toBe(403);
    expect((await as('colleague').request('GET', '/api/v1/team/fte')).statusCode).toBe(403);
    // The other team's lead does not see Noord's members in their own team list.
    const otherTeam = await as('otherLead').request('GET', '/api/v1/team/fte');
    expect(otherTeam.statusCode).toBe(200);
    expect((otherTeam.json() as { medewerkers: unknown[] }).medewerkers).toEqual([
      expect.objectContaining({ naam: 'otherLead' }),
    ]);
    // An unknown professional gets the same 403 as another organisation's.
    const unknown = await setFte('lead', '00000000-0000-4000-8000-000000000000', { fte: 1 });
    expect(unknown.statusCode).toBe(403);
    expect(await storedFte(id('anna'))).toBe(0.8);
    expect((await fteAudits()).length).toBe(audited);
  });

  it.each([
    ['1.6, above 1.5', 1.6],
    ['0', 0],
    ['a negative number', -0.5],
    ['three decimals', 0.875],
    ['text', '0,8'],
  ])('refuses %s with 400 naming fte, nothing stored', async (_label, fte) => {
    const audited = (await fteAudits()).length;
    const res = await setFte('lead', id('anna'), { fte });
    expect(res.statusCode, res.body).toBe(400);
    const error = (res.json() as ErrorBody).error;
    expect(error.fields?.map((f) => f.path)).toEqual(['body.fte']);
    expect(await storedFte(id('anna'))).toBe(0.8);
    expect((await fteAudits()).length).toBe(audited);
  });

  it('accepts the bound 1.5 and two decimals', async () => {
    expect((await setFte('lead', id('anna'), { fte: 1.5 })).statusCode).toBe(200);
    expect(await storedFte(id('anna'))).toBe(1.5);
    expect((await setFte('lead', id('anna'), { fte: 0.29 })).statusCode).toBe(200);
    expect(await storedFte(id('anna'))).toBe(0.29);
    expect((await setFte('lead', id('anna'), { fte: 0.8 })).statusCode).toBe(200);
  });
});
