/**
 * `casusregie backup` and `casusregie herstel` (issue 11) for the embedded database, run as a user
 * runs them (a separate process on DATA_DIR): a backup holds exactly the state at that moment;
 * later changes are not in it; a restore into a new folder gives that state back, on which the
 * migrations have nothing left to do. Refusals name the problem: a non-empty folder, an existing
 * backup file, a file that is no backup, a PostgreSQL configuration, and a running server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/store/db.js';
import { casusregieArgs, spawnServer } from '../support/spawn-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'casusregie-backup-'));
const original = join(scratch, 'origineel');
const backupFile = join(scratch, 'bewaard.tar.gz');

function casusregie(env: Record<string, string>, ...args: string[]) {
  // The embedded database, unless the test says otherwise.
  const inherited = { ...process.env };
  delete inherited['DATABASE_URL'];
  const run = spawnSync(process.execPath, casusregieArgs(...args), {
    cwd: root,
    encoding: 'utf8',
    env: { ...inherited, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

type Opened = Awaited<ReturnType<typeof openDatabase>>;

/** Opens the database in `dataDir` for `use`, and closes it again. */
async function withDatabase<T>(dataDir: string, use: (opened: Opened) => Promise<T>): Promise<T> {
  const opened = await openDatabase({ dataDir });
  try {
    return await use(opened);
  } finally {
    await opened.close();
  }
}

/** Household labels and the migration count of an open database. */
async function stateIn(opened: Opened) {
  const households = await opened.db
    .selectFrom('household')
    .select(['label', 'region'])
    .orderBy('label')
    .execute();
  const migrations = await opened.db
    .selectFrom('kysely_migration' as never)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { households, migrations: Number(migrations.n) };
}

/** Household labels and the migration count of the database in `dataDir`. */
function stateOf(dataDir: string) {
  return withDatabase(dataDir, stateIn);
}

async function addHousehold(dataDir: string, label: string): Promise<void> {
  await withDatabase(dataDir, (opened) =>
    opened.db.insertInto('household').values({ label, region: 'LEK' }).execute(),
  );
}

describe('backup and restore of the embedded database', () => {
  let backedUp: Awaited<ReturnType<typeof stateOf>>;

  beforeAll(async () => {
    backedUp = await withDatabase(original, async (opened) => {
      await migrateToLatest(opened.db);
      await opened.db
        .insertInto('household')
        .values([
          { label: 'Gezin Bakker', region: 'LEK' },
          { label: 'Gezin Visser', region: 'LEK' },
        ])
        .execute();
      return stateIn(opened);
    });
  }, 120_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes a backup that a restore into a new folder turns back into exactly that state', async () => {
    const made = casusregie({ DATA_DIR: original }, 'backup', backupFile);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Back-up gemaakt');
    expect(existsSync(backupFile)).toBe(true);

    // Changed after the backup: not in it.
    await addHousehold(original, 'Gezin Na De Back-up');
    expect((await stateOf(original)).households).toHaveLength(3);

    const restored = join(scratch, 'hersteld');
    const back = casusregie({ DATA_DIR: restored }, 'herstel', backupFile);
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    await withDatabase(restored, async (opened) => {
      const state = await stateIn(opened);
      expect(state).toEqual(backedUp);
      expect(state.households).toContainEqual({ label: 'Gezin Bakker', region: 'LEK' });
      expect(state.households.map((h) => h.label)).not.toContain('Gezin Na De Back-up');
      expect(await migrateToLatest(opened.db)).toEqual([]);
      await opened.db
        .insertInto('household')
        .values({ label: 'Gezin Nieuw', region: 'LEK' })
        .execute();
    });
  }, 120_000);

  it('refuses to restore over a database unless asked, and then keeps the old folder aside', async () => {
    const refused = casusregie({ DATA_DIR: original }, 'herstel', backupFile);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is niet leeg');
    expect(refused.stderr).toContain('--vervang');
    expect((await stateOf(original)).households).toHaveLength(3);

    const replaced = casusregie({ DATA_DIR: original }, 'herstel', backupFile, '--vervang');
    expect(replaced.stderr).toBe('');
    expect(replaced.code).toBe(0);
    expect(await stateOf(original)).toEqual(backedUp);
    const aside = readdirSync(scratch).find((f) => f.startsWith('origineel.vervangen-'));
    expect(aside).toBeDefined();
    expect((await stateOf(join(scratch, aside ?? ''))).households).toHaveLength(3);
  }, 120_000);

  it('names the problem: an existing backup file, no database, not a backup, PostgreSQL', () => {
    const exists = casusregie({ DATA_DIR: original }, 'backup', backupFile);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('bestaat al');

    const empty = join(scratch, 'leeg');
    const nothing = casusregie({ DATA_DIR: empty }, 'backup', join(scratch, 'niets.tar.gz'));
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('bevat geen database');

    const junk = join(scratch, 'geen-backup.tar.gz');
    writeFileSync(junk, 'dit is geen back-up');
    const target = join(scratch, 'doel');
    mkdirSync(target);
    const wrong = casusregie({ DATA_DIR: target }, 'herstel', junk);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('is geen back-up van casusregie');
    expect(existsSync(join(target, 'PG_VERSION'))).toBe(false);

    const server = casusregie(
      { DATA_DIR: original, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/elders' },
      'backup',
      join(scratch, 'pg.tar.gz'),
    );
    expect(server.code).toBe(2);
    expect(server.stderr).toContain('pg_dump');

    const missing = casusregie({ DATA_DIR: original }, 'herstel');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('back-upbestand');
  }, 120_000);

  it('refuses both while the server runs on the folder', async () => {
    const server = await spawnServer({ env: { DATABASE_URL: undefined, DATA_DIR: original } });
    try {
      const backup = casusregie({ DATA_DIR: original }, 'backup', join(scratch, 'tijdens.tar.gz'));
      expect(backup.code).toBe(2);
      expect(backup.stderr).toContain(`in gebruik door proces ${server.pid}`);
      expect(existsSync(join(scratch, 'tijdens.tar.gz'))).toBe(false);
      const restore = casusregie({ DATA_DIR: original }, 'herstel', backupFile, '--vervang');
      expect(restore.code).toBe(2);
      expect(restore.stderr).toContain('in gebruik door proces');
    } finally {
      await server.stop();
    }
    // Once it has stopped, the backup goes ahead.
    const after = casusregie({ DATA_DIR: original }, 'backup', join(scratch, 'na.tar.gz'));
    expect(after.code).toBe(0);
  }, 180_000);
});
