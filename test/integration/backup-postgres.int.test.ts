/**
 * The PostgreSQL backup procedure of docs/backup-en-herstel.md (issue 11), run as written: the
 * test takes its commands from the document, checks that they are all there, and runs them in a
 * shell. A fresh database made by the app's migrations, with a little data, is dumped
 * (pg_dump -Fc), restored into a new database (pg_restore); every table then holds the same rows,
 * and the app's migrations have nothing left to do on the copy. Needs a PostgreSQL server: runs
 * when TEST_DATABASE_URL is set, like the PostgreSQL half of every integration test.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/store/db.js';
import type { Database } from '../../src/store/schema.js';
import { createOrganisation } from '../factories.js';
import { engines } from './databases.js';

const DOC = readFileSync(new URL('../../docs/backup-en-herstel.md', import.meta.url), 'utf8');

/** The procedure's commands, in order; each must stand in the document exactly like this. */
const PROCEDURE = [
  'pg_dump --format=custom --no-owner --file="$BACKUP_FILE" "$DATABASE_URL"',
  'createdb --maintenance-db="$DATABASE_URL" "$NEW_DB"',
  'pg_restore --no-owner --exit-on-error --single-transaction --dbname="$NEW_DATABASE_URL" "$BACKUP_FILE"',
];

async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
  `.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await sql<{
      n: string;
    }>`select count(*)::text as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(result.rows[0]?.n);
  }
  return counts;
}

describe.runIf(engines.includes('postgres'))('the PostgreSQL backup procedure', () => {
  const admin = process.env['TEST_DATABASE_URL'] as string;
  const suffix = randomBytes(6).toString('hex');
  const source = `bk_${suffix}`;
  const restored = `bk_${suffix}_hersteld`;
  const urlOf = (name: string) => {
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const scratch = mkdtempSync(join(tmpdir(), 'casusregie-pgdump-'));

  afterAll(async () => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    for (const name of [source, restored])
      await client.query(`drop database if exists "${name}" with (force)`);
    await client.end();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('dumps and restores a migrated database with the same rows; migrations then do nothing', async () => {
    for (const command of PROCEDURE) expect(DOC).toContain(command);

    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database "${source}"`);
    await client.end();
    const original = await openDatabase({ url: urlOf(source) });
    let before: Record<string, number>;
    try {
      expect((await migrateToLatest(original.db)).length).toBeGreaterThan(0);
      await createOrganisation(original.db, 'lokaal-team', 'LEK');
      await original.db
        .insertInto('household')
        .values([
          { label: 'Gezin Bakker', region: 'LEK' },
          { label: 'Gezin Visser', region: 'LEK' },
        ])
        .execute();
      before = await rowCounts(original.db);
    } finally {
      await original.close();
    }
    expect(before['household']).toBe(2);
    expect(before['organisation']).toBe(1);

    const env = {
      ...process.env,
      DATABASE_URL: urlOf(source),
      BACKUP_FILE: join(scratch, 'casusregie.dump'),
      NEW_DB: restored,
      NEW_DATABASE_URL: urlOf(restored),
    };
    for (const command of PROCEDURE) {
      const run = spawnSync('bash', ['-euc', command], { env, encoding: 'utf8' });
      expect(run.stderr, command).toBe('');
      expect(run.status, command).toBe(0);
    }

    const copy = await openDatabase({ url: urlOf(restored) });
    try {
      expect(await rowCounts(copy.db)).toEqual(before);
      const labels = await copy.db
        .selectFrom('household')
        .select('label')
        .orderBy('label')
        .execute();
      expect(labels.map((h) => h.label)).toEqual(['Gezin Bakker', 'Gezin Visser']);
      expect(await migrateToLatest(copy.db)).toEqual([]);
    } finally {
      await copy.close();
    }
  }, 180_000);
});
