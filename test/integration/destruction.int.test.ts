/**
 * Destroying a record for real (Jeugdwet 7.3.9) and the retention check (7.3.8 lid 3; ADR 0019),
 * on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 * - Demo data fills every kind of table; destroying every case leaves no row that points at a
 *   case, a household or a person in any table (found through the catalogue, so tables added
 *   later are checked too), and exactly one audit line per case — the audit log keeps its rows.
 * - Through the API: a granted request destroys the case and its household in one transaction
 *   and leaves exactly one new audit line without personal data; a household's other case stays.
 * - Retention: twenty years after the last change the daily job flags the case; only the privacy
 *   officer of the municipality lists it and decides (keep longer with a reason, or destroy).
 */
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/demo/generate.js';
import {
  addYearsMonths,
  formatIsoDate,
  localDay,
  startOfLocalDay,
} from '../../src/domain/time/index.js';
import { flagRetentionDue } from '../../src/jobs/retention.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { destroyRecord } from '../../src/store/record-requests.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const REFERENCES = [
  'case_id',
  'household_id',
  'person_id',
  'child_id',
  'client_id',
  'subject_person_id',
];

/** Rows in any table but the audit log whose reference columns point at one of `ids`. */
async function rowsPointingAt(db: OpenDatabase['db'], ids: readonly string[]) {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and column_name in (${sql.join(REFERENCES)})
      and table_name <> 'audit_log'
  `.execute(db);
  const found: string[] = [];
  for (const c of columns.rows) {
    const n = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(c.table_name)}
      where ${sql.ref(c.column_name)}::text = any(${[...ids]}::text[])
    `.execute(db);
    if ((n.rows[0]?.n ?? 0) > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

const count = async (db: OpenDatabase['db'], table: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]
    ?.n ?? 0;

describe.each(engines)('destroying records on %s', (engine) => {
  describe('every case of the demo data', () => {
    let opened: OpenDatabase;
    beforeAll(async () => {
      opened = await freshDatabase(engine);
      await generateDemoData(opened.db, {
        cases: 60,
        seed: 7,
        now: new Date('2026-11-23T10:00:00Z'),
        hashPassword: (plain) => Promise.resolve(`nep:${plain}`),
      });
    }, 120_000);
    afterAll(async () => {
      await opened.close();
    });

    it('leaves no row of any case, household or person; one audit line per case', async () => {
      const db = opened.db;
      const cases = await db.selectFrom('casus').select(['id', 'household_id']).execute();
      const persons = await db.selectFrom('person').select('id').execute();
      const ids = [
        ...cases.map((c) => c.id),
        ...cases.map((c) => c.household_id),
        ...persons.map((p) => p.id),
      ];
      expect(cases.length).toBeGreaterThan(50);
      expect((await rowsPointingAt(db, ids)).length).toBeGreaterThan(3);
      const auditBefore = await count(db, 'audit_log');
      const officer = await db
        .selectFrom('staff')
        .select(['id', 'organisation_id'])
        .executeTakeFirstOrThrow();
      for (const c of cases)
        await db.transaction().execute((trx) =>
          destroyRecord(
            trx,
            {
              actor: {
                staffId: officer.id,
                organisationId: officer.organisation_id,
                roles: ['privacyfunctionaris'],
              },
              clientAddress: null,
            },
            c.id,
            'bewaartermijn',
          ),
        );
      expect(await rowsPointingAt(db, ids)).toEqual([]);
      for (const table of [
        'casus',
        'household',
        'person',
        'case_event',
        'plan_version',
        'allocation',
      ])
        expect(await count(db, table), table).toBe(0);
      expect(await count(db, 'audit_log')).toBe(auditBefore + cases.length);
      const lines = await db
        .selectFrom('audit_log')
        .select(['action', 'case_id', 'staff_id', 'details'])
        .where('action', '=', 'dossier.vernietigd')
        .execute();
      expect(lines).toHaveLength(cases.length);
      expect(lines[0]?.details).toEqual({ grond: 'bewaartermijn' });
    }, 120_000);
  });

  describe('on request, and after the retention period', () => {
    let opened: OpenDatabase;
    let app: FastifyInstance;
    let now = new Date('2026-03-20T10:00:00+01:00');
    const clock = { now: () => now };
    const clients = new Map<string, Client>();
    const as = (who: string) => clients.get(who) as Client;

    async function newCase(family: string, household?: string) {
      const created = await as('regisseur').request(
        'POST',
        '/api/v1/casussen',
        routeARequest({
          gezin: { naam: `Gezin ${family}` },
          jeugdigen: [{ naam: `Noor ${family}`, geboortedatum: '2011-05-20', bsn: freshBsn() }],
          ouders: [{ naam: `Kim ${family}`, soort: 'ouder' }],
        }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { id: string }).id;
      if (household) {
        // A second case of the same household (a sibling's help), moved onto it directly.
        const own = await opened.db
          .selectFrom('casus')
          .select('household_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        await opened.db
          .updateTable('person')
          .set({ household_id: household })
          .where('household_id', '=', own.household_id)
          .execute();
        await opened.db
          .updateTable('casus')
          .set({ household_id: household })
          .where('id', '=', id)
          .execute();
      }
      await as('regisseur').request('POST', `/api/v1/casussen/${id}/gebeurtenissen`, {
        type: 'notitie',
        op: '2026-03-10T10:00:00+01:00',
        notitie: `Gesprek met ${family}`,
      });
      return id;
    }

    beforeAll(async () => {
      opened = await freshDatabase(engine);
      app = await buildApp({
        db: opened.db,
        clock,
        profiles: loadProfiles(),
        secureCookies: false,
      });
      const team = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
      const municipality = await createOrganisation(opened.db, 'gemeente', 'LEK');
      const otherMunicipality = await createOrganisation(opened.db, 'gemeente', 'RIJ');
      for (const [who, org, roles] of [
        ['regisseur', team, ['casusregisseur']],
        ['privacy', municipality, ['privacyfunctionaris']],
        ['privacyelders', otherMunicipality, ['privacyfunctionaris']],
        ['beheerder', municipality, ['beheerder']],
      ] as const) {
        await staffAccount(opened, org, [...roles], `${who}-${engine}@vernietiging.nl`);
        const c = new Client(app);
        expect((await c.login(`${who}-${engine}@vernietiging.nl`)).statusCode).toBe(200);
        clients.set(who, c);
      }
    });
    afterAll(async () => {
      await app.close();
      await opened.close();
    });

    it('destroys a case on request in one go, with exactly one audit line', async () => {
      const caseId = await newCase('Smit');
      const household = (
        await opened.db
          .selectFrom('casus')
          .select('household_id')
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).household_id;
      const persons = (
        await opened.db
          .selectFrom('person')
          .select('id')
          .where('household_id', '=', household)
          .execute()
      ).map((p) => p.id);
      const base = `/api/v1/casussen/${caseId}/dossierverzoeken`;
      const overview = (await as('regisseur').request('GET', base)).json() as {
        personen: { id: string; soort: string }[];
      };
      const young = overview.personen.find((p) => p.soort === 'jeugdige')?.id;
      const req = await as('regisseur').request('POST', base, {
        soort: 'vernietiging',
        persoonId: young,
        ontvangenOp: '2026-03-19',
      });
      expect(req.statusCode, req.body).toBe(201);
      const requestId = (req.json() as { id: string }).id;
      const before = await count(opened.db, 'audit_log');
      const done = await as('regisseur').request('POST', `${base}/${requestId}/besluit`, {
        besluit: 'vernietigen',
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toEqual({ vernietigd: true });
      expect(await rowsPointingAt(opened.db, [caseId, household, ...persons])).toEqual([]);
      expect(await count(opened.db, 'audit_log')).toBe(before + 1);
      const line = await opened.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'dossier.vernietigd')
        .executeTakeFirstOrThrow();
      expect(line.case_id).toBe(caseId);
      expect(line.details).toEqual({ grond: 'verzoek' });
      expect(JSON.stringify(line)).not.toContain('Smit');
      // The case is gone for everyone now.
      expect((await as('regisseur').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(
        404,
      );
    });

    it('keeps the household when another case of it remains', async () => {
      const first = await newCase('Mulder');
      const household = (
        await opened.db
          .selectFrom('casus')
          .select('household_id')
          .where('id', '=', first)
          .executeTakeFirstOrThrow()
      ).household_id;
      const second = await newCase('Mulder-2', household);
      await opened.db.transaction().execute(async (trx) => {
        const staff = await trx
          .selectFrom('staff')
          .select(['id', 'organisation_id'])
          .where('email', 'like', 'regisseur-%')
          .executeTakeFirstOrThrow();
        await destroyRecord(
          trx,
          {
            actor: {
              staffId: staff.id,
              organisationId: staff.organisation_id,
              roles: ['casusregisseur'],
            },
            clientAddress: null,
          },
          first,
          'verzoek',
        );
      });
      expect(await rowsPointingAt(opened.db, [first])).toEqual([]);
      expect(
        await opened.db.selectFrom('casus').select('id').where('id', '=', second).execute(),
      ).toHaveLength(1);
      expect(
        await opened.db
          .selectFrom('person')
          .select('id')
          .where('household_id', '=', household)
          .execute(),
      ).not.toHaveLength(0);
    });

    it('flags a record twenty years after its last change, for the privacy officer to decide', async () => {
      now = new Date('2026-03-20T10:00:00+01:00');
      const caseId = await newCase('Peters');
      // The last change is the moment the note was recorded (by the database's clock).
      const last = await sql<{ at: Date | string }>`
        select max(recorded_at) as at from case_event where case_id = ${caseId}
      `.execute(opened.db);
      const lastDay = localDay(new Date(last.rows[0]?.at as string).getTime());
      const due = addYearsMonths(lastDay, 20, 0);
      const at = (day: number, hour = 10) => new Date(startOfLocalDay(day) + hour * 3_600_000);
      expect((await flagRetentionDue(opened.db, at(due - 1, 23))).flagged).toEqual([]);
      const report = await flagRetentionDue(opened.db, at(due, 0));
      expect(report.flagged).toContain(caseId);
      expect((await flagRetentionDue(opened.db, at(due, 11))).flagged).toEqual([]);

      now = at(due + 1);
      // Twenty years on, the sessions have long expired: everyone logs in again.
      for (const [who, c] of clients)
        expect((await c.login(`${who}-${engine}@vernietiging.nl`)).statusCode).toBe(200);
      expect((await as('regisseur').request('GET', '/api/v1/bewaartermijn')).statusCode).toBe(403);
      expect((await as('beheerder').request('GET', '/api/v1/bewaartermijn')).statusCode).toBe(403);
      const elsewhere = await as('privacyelders').request('GET', '/api/v1/bewaartermijn');
      expect((elsewhere.json() as { dossiers: unknown[] }).dossiers).toEqual([]);
      const list = await as('privacy').request('GET', '/api/v1/bewaartermijn');
      expect(list.statusCode, list.body).toBe(200);
      const flagged = (
        list.json() as { dossiers: { casusId: string; vernietigenVanaf: string }[] }
      ).dossiers.find((d) => d.casusId === caseId);
      expect(flagged?.vernietigenVanaf).toBe(formatIsoDate(due));
      expect(list.body).not.toContain('Peters');

      const noReason = await as('privacy').request(
        'POST',
        `/api/v1/bewaartermijn/${caseId}/besluit`,
        { besluit: 'bewaren', reden: '', bewarenTot: formatIsoDate(due - 5) },
      );
      expect(noReason.statusCode).toBe(400);
      const other = await as('privacyelders').request(
        'POST',
        `/api/v1/bewaartermijn/${caseId}/besluit`,
        { besluit: 'vernietigen' },
      );
      expect(other.statusCode).toBe(404);
      const keep = await as('privacy').request('POST', `/api/v1/bewaartermijn/${caseId}/besluit`, {
        besluit: 'bewaren',
        reden: 'Er loopt een klachtprocedure over deze casus.',
        bewarenTot: formatIsoDate(due + 200),
      });
      expect(keep.statusCode, keep.body).toBe(200);
      expect((await flagRetentionDue(opened.db, at(due + 201))).reopened).toContain(caseId);

      const before = await count(opened.db, 'audit_log');
      const destroy = await as('privacy').request(
        'POST',
        `/api/v1/bewaartermijn/${caseId}/besluit`,
        { besluit: 'vernietigen' },
      );
      expect(destroy.statusCode, destroy.body).toBe(200);
      expect(await rowsPointingAt(opened.db, [caseId])).toEqual([]);
      expect(await count(opened.db, 'audit_log')).toBe(before + 1);
    });
  });
});
