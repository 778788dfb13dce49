/**
 * The access log to NEN 7513 (issue 8; ADR 0015) on PGlite and, with TEST_DATABASE_URL,
 * PostgreSQL: every record about a case carries the household; sealing chains the records;
 * a record changed or deleted behind the application's back (the append-only guard switched
 * off, as only the database owner can) is reported by the verification, naming the record. The
 * privacy officer of a municipality searches only the region's log and runs the verification;
 * staff of a case get 403 there. Who looked at the family's record: for those who may assign
 * roles on the case; a provider on the case gets 403, outsiders 404.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { sealAuditLog, verifyAuditLog } from '../../src/store/access-log.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface Entry {
  id: string;
  tijdstip: string;
  medewerker: { id: string; naam: string } | null;
  organisatie: { id: string; naam: string } | null;
  rol: string | null;
  casusId: string | null;
  huishoudenId: string | null;
  actie: string;
  soort: string;
  rechtvaardiging: string | null;
}
interface Page {
  items: Entry[];
  totaal: number;
  pagina: number;
  perPagina: number;
}
interface Check {
  intact: boolean;
  gecontroleerd: number;
  breuk?: { regelId: string; probleem: string; uitleg: string };
}

describe.each(engines)('the access log (NEN 7513) on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clock = { now: () => new Date('2026-03-20T10:00:00+01:00') };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (who: string) => ids.get(who) as string;
  let caseId = '';
  let householdId = '';

  const search = async (who: string, query: string) => {
    const res = await as(who).request('GET', `/api/v1/toegangslog?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const check = async () => {
    const res = await as('privacy').request('POST', '/api/v1/toegangslog/controle');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Check;
  };
  /** Changes the log as only the database owner can: with the append-only guard off. */
  const behindTheBack = async (statement: ReturnType<typeof sql>) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(opened.db);
    try {
      await statement.execute(opened.db);
    } finally {
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(opened.db);
    }
  };

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'RIJ');
    const otherTeam = await createOrganisation(opened.db, 'lokaal-team', 'RIJ');
    ids.set('provider', await createOrganisation(opened.db, 'aanbieder', 'RIJ'));
    ids.set('rijGemeente', await createOrganisation(opened.db, 'gemeente', 'RIJ'));
    ids.set('lekGemeente', await createOrganisation(opened.db, 'gemeente', 'LEK'));
    ids.set('lekTeam', await createOrganisation(opened.db, 'lokaal-team', 'LEK'));
    const accounts: [string, string, string[]][] = [
      ['regisseur', team, ['casusregisseur']],
      ['teamleider', team, ['teamleider']],
      ['planner', id('provider'), ['planner']],
      ['buitenstaander', otherTeam, ['casusregisseur']],
      ['privacy', id('rijGemeente'), ['privacyfunctionaris']],
      ['privacyLek', id('lekGemeente'), ['privacyfunctionaris']],
      ['lekRegisseur', id('lekTeam'), ['casusregisseur']],
      ['privacyTeam', team, ['privacyfunctionaris']],
    ];
    for (const [who, org, roles] of accounts) {
      ids.set(
        who,
        await staffAccount(opened, org, roles, `${who.toLowerCase()}-${engine}@toegangslog.nl`),
      );
      const c = new Client(app);
      const login = await c.login(`${who.toLowerCase()}-${engine}@toegangslog.nl`);
      expect(login.statusCode, login.body).toBe(200);
      clients.set(who, c);
    }
    const created = await as('regisseur').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'RIJ',
        gezin: { naam: 'Gezin Dekker' },
        jeugdigen: [{ naam: 'Lotte Dekker', geboortedatum: '2014-04-04', bsn: freshBsn() }],
        ouders: [{ naam: 'Ruud Dekker', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const role = await as('regisseur').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'behandelregie',
      houder: 'organisatie',
      organisatieId: id('provider'),
      vanaf: '2026-03-05T09:00:00+01:00',
      reden: 'toewijzing',
    });
    expect(role.statusCode, role.body).toBe(201);
    expect((await as('planner').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(200);
    expect((await as('regisseur').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(
      200,
    );
    const lek = await as('lekRegisseur').request('POST', '/api/v1/casussen', routeARequest());
    expect(lek.statusCode, lek.body).toBe(201);
    householdId = (
      await opened.db
        .selectFrom('casus')
        .select('household_id')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).household_id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('writes the household of the case with every record about it; justification stays empty', async () => {
    const rows = await opened.db
      .selectFrom('audit_log')
      .select(['action', 'household_id', 'justification', 'staff_id', 'organisation_id', 'role'])
      .where('case_id', '=', caseId)
      .execute();
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['casus.registreren', 'casus.lezen']),
    );
    for (const row of rows) {
      expect(row.household_id).toBe(householdId);
      expect(row.justification).toBeNull();
      expect(row.staff_id).not.toBeNull();
      expect(row.role).not.toBeNull();
    }
  });

  it('seals committed records into a chain, once, and leaves fresh ones for the next run', async () => {
    const sealed = await sealAuditLog(opened.db, { graceMs: 0 });
    expect(sealed).toBeGreaterThan(3);
    expect(await sealAuditLog(opened.db, { graceMs: 0 })).toBe(0);
    const seqs = await opened.db
      .selectFrom('audit_log')
      .select(sql<number>`seq::int`.as('seq'))
      .where('seq', 'is not', null)
      .orderBy('seq')
      .execute();
    expect(seqs.map((s) => s.seq)).toEqual(seqs.map((_, i) => i + 1));
    // A record written just now is younger than the grace period: not sealed yet.
    await as('regisseur').request('GET', `/api/v1/casussen/${caseId}`);
    expect(await sealAuditLog(opened.db)).toBe(0);
    const report = await verifyAuditLog(opened.db, { graceMs: 60_000 });
    expect(report).toMatchObject({ intact: true, checked: sealed });
    expect(report.unsealed).toBeGreaterThan(0);
  });

  it('keeps the log append-only for the application: no update, no delete', async () => {
    await expect(
      sql`update audit_log set action = 'iets.anders' where case_id = ${caseId}`.execute(opened.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from audit_log where case_id = ${caseId}`.execute(opened.db),
    ).rejects.toThrow(/append-only/);
    // Sealing a sealed record again is refused too.
    await expect(
      sql`update audit_log set seq = seq + 1000 where seq = 1`.execute(opened.db),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses the privacy officer endpoints to staff of a case (403) and outside a municipality', async () => {
    for (const who of ['regisseur', 'teamleider', 'planner', 'privacyTeam']) {
      const list = await as(who).request('GET', '/api/v1/toegangslog');
      expect(list.statusCode, `${who} ${list.body}`).toBe(403);
      expect((await as(who).request('GET', '/api/v1/toegangslog/keuzes')).statusCode).toBe(403);
      expect((await as(who).request('POST', '/api/v1/toegangslog/controle')).statusCode).toBe(403);
    }
  });

  it('shows the privacy officer the log of the own region only, filtered and paged, and logs the search', async () => {
    const forCase = await search('privacy', `casus=${caseId}`);
    expect(forCase.totaal).toBeGreaterThan(2);
    expect(forCase.items.every((e) => e.casusId === caseId)).toBe(true);
    const registered = forCase.items.find((e) => e.actie === 'casus.registreren');
    expect(registered).toMatchObject({
      medewerker: { id: id('regisseur'), naam: `regisseur-${engine}@toegangslog.nl` },
      rol: 'casusregisseur',
      huishoudenId: householdId,
      soort: 'wijziging',
      rechtvaardiging: null,
    });
    const byPlanner = await search('privacy', `medewerker=${id('planner')}&actie=casus.lezen`);
    expect(byPlanner.items.length).toBeGreaterThan(0);
    expect(
      byPlanner.items.every((e) => e.medewerker?.id === id('planner') && e.actie === 'casus.lezen'),
    ).toBe(true);
    const paged = await search('privacy', `casus=${caseId}&perPagina=2&pagina=2`);
    expect(paged).toMatchObject({ totaal: forCase.totaal, pagina: 2, perPagina: 2 });
    expect(paged.items.map((e) => e.id)).toEqual(forCase.items.slice(2, 4).map((e) => e.id));
    const empty = await search('privacy', 'van=2030-01-01');
    expect(empty.totaal).toBe(0);
    const today = await search('privacy', `van=2020-01-01&tot=2099-12-31&casus=${caseId}`);
    expect(today.totaal).toBe(forCase.totaal);

    const lekOfficer = await search('privacyLek', 'perPagina=100');
    expect(lekOfficer.items.length).toBeGreaterThan(0);
    expect(
      lekOfficer.items.every(
        (e) => e.organisatie?.id === id('lekTeam') || e.organisatie?.id === id('lekGemeente'),
      ),
    ).toBe(true);
    expect((await search('privacyLek', `casus=${caseId}`)).totaal).toBe(0);
    const rijAll = await search('privacy', 'perPagina=100');
    expect(rijAll.items.some((e) => e.organisatie?.id === id('lekTeam'))).toBe(false);

    const searches = await opened.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('staff_id', '=', id('privacy'))
      .where('action', '=', 'toegangslog.lezen')
      .execute();
    expect(searches.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses bad filters naming the parameter, and organisations of another region', async () => {
    const badDate = await as('privacy').request('GET', '/api/v1/toegangslog?van=2026-13-01');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('querystring.van');
    const reversed = await as('privacy').request(
      'GET',
      '/api/v1/toegangslog?van=2026-03-10&tot=2026-03-01',
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('querystring.tot');
    const otherRegion = await as('privacy').request(
      'GET',
      `/api/v1/toegangslog?organisatie=${id('lekTeam')}`,
    );
    expect(otherRegion.statusCode).toBe(400);
    expect(otherRegion.body).toContain('querystring.organisatie');
    const keuzes = await as('privacy').request('GET', '/api/v1/toegangslog/keuzes');
    expect(keuzes.statusCode).toBe(200);
    const orgs = keuzes.json() as { id: string; medewerkers: { id: string }[] }[];
    expect(orgs.map((o) => o.id)).toContain(id('rijGemeente'));
    expect(orgs.map((o) => o.id)).not.toContain(id('lekTeam'));
  });

  it('lists who looked at the family’s record for who may assign roles; others 403 or 404', async () => {
    const res = await as('regisseur').request('GET', `/api/v1/casussen/${caseId}/toegangslog`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Entry[] }).items;
    expect(items.every((e) => e.huishoudenId === householdId)).toBe(true);
    expect(items.find((e) => e.medewerker?.id === id('planner'))).toMatchObject({
      actie: 'casus.lezen',
      soort: 'inzage',
      organisatie: { id: id('provider') },
      rol: 'planner',
    });
    expect(
      (await as('teamleider').request('GET', `/api/v1/casussen/${caseId}/toegangslog`)).statusCode,
    ).toBe(200);
    expect(
      (await as('planner').request('GET', `/api/v1/casussen/${caseId}/toegangslog`)).statusCode,
    ).toBe(403);
    for (const who of ['buitenstaander', 'privacy', 'lekRegisseur'])
      expect(
        (await as(who).request('GET', `/api/v1/casussen/${caseId}/toegangslog`)).statusCode,
        who,
      ).toBe(404);
    // A case id that is no UUID is not found either, not a 500 (found by the fuzz test).
    expect(
      (await as('regisseur').request('GET', '/api/v1/casussen/geen-uuid/toegangslog')).statusCode,
    ).toBe(404);
    const logged = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', '=', 'toegangslog.casus-lezen')
      .execute();
    expect(logged.length).toBe(2);
  });

  it('reports the record changed by a direct UPDATE, and is intact again when it is put back', async () => {
    await sealAuditLog(opened.db, { graceMs: 0 });
    expect(await check()).toMatchObject({ intact: true });
    const target = await opened.db
      .selectFrom('audit_log')
      .select([sql<string>`id::text`.as('id'), 'staff_id'])
      .where('case_id', '=', caseId)
      .where('action', '=', 'casus.registreren')
      .where('seq', 'is not', null)
      .executeTakeFirstOrThrow();
    await behindTheBack(
      sql`update audit_log set staff_id = ${id('buitenstaander')} where id = ${target.id}::bigint`,
    );
    const broken = await check();
    expect(broken).toMatchObject({
      intact: false,
      breuk: { regelId: target.id, probleem: 'inhoud' },
    });
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'toegangslog.controleren')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ intact: false, regel: target.id });
    await behindTheBack(
      sql`update audit_log set staff_id = ${target.staff_id} where id = ${target.id}::bigint`,
    );
    expect(await check()).toMatchObject({ intact: true });
  });

  it('reports a deleted record at the record after it', async () => {
    await sealAuditLog(opened.db, { graceMs: 0 });
    const [victim, next] = await opened.db
      .selectFrom('audit_log')
      .select([sql<string>`id::text`.as('id'), sql<number>`seq::int`.as('seq')])
      .where('seq', 'is not', null)
      .orderBy('seq')
      .offset(2)
      .limit(2)
      .execute();
    if (!victim || !next) throw new Error('too few records');
    await behindTheBack(sql`delete from audit_log where id = ${victim.id}::bigint`);
    expect(await check()).toMatchObject({
      intact: false,
      breuk: { regelId: next.id, probleem: 'ontbreekt' },
    });
  });
});
