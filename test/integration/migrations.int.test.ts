import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/db.js';
import { engines, freshDatabase } from './databases.js';

describe.each(engines)('migrations on %s', (engine) => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await freshDatabase(engine);
  });
  afterAll(() => opened.close());

  it('migrate an empty database to the latest version, and a second run changes nothing', async () => {
    const { db } = opened;
    {
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = current_schema() order by table_name`.execute(db);
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining([
          'audit_log',
          'case_event',
          'case_role',
          'casus',
          'household',
          'organisation',
          'person',
          'plan',
          'plan_signature',
          'plan_version',
          'session',
          'staff',
        ]),
      );
      expect(await migrateToLatest(db, opened.schema)).toEqual([]);
    }
  });

  it('keeps dates as YYYY-MM-DD text, whatever the server zone', async () => {
    const { db } = opened;
    {
      const household = await db
        .insertInto('household')
        .values({ label: 'Gezin Test', region: 'LEK' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const person = await db
        .insertInto('person')
        .values({
          household_id: household.id,
          kind: 'jeugdige',
          name: 'Kind',
          birth_date: '2012-06-30',
          bsn: null,
        })
        .returning(['birth_date'])
        .executeTakeFirstOrThrow();
      expect(person.birth_date).toBe('2012-06-30');
    }
  });

  it('refuses to change or delete audit records and timeline events', async () => {
    const { db } = opened;
    {
      await db
        .insertInto('audit_log')
        .values({
          action: 'test',
          details: '{}',
          staff_id: null,
          organisation_id: null,
          role: null,
          case_id: null,
          client_address: null,
        })
        .execute();
      await expect(
        db.updateTable('audit_log').set({ action: 'changed' }).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      const rows = await db.selectFrom('audit_log').select('action').execute();
      expect(rows).toEqual([{ action: 'test' }]);
    }
  });
});
