/**
 * Backup and restore of the embedded database (PGlite in DATA_DIR): `casusregie backup` and
 * `casusregie herstel`. The server must be stopped: PGlite lives inside one process, and the data
 * folder's lock (src/store/data-dir-lock.ts) makes both commands refuse while `serve` runs. A
 * PostgreSQL server is backed up with pg_dump/pg_restore instead (docs/backup-en-herstel.md).
 *
 * The backup is PGlite's own dump of the data folder (a .tar.gz), taken right after a checkpoint,
 * so it opens without crash recovery. A restore goes into an empty folder only (or, when asked,
 * moves the current folder aside first) and then applies any migration newer than the backup.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { claimDataDir } from '../store/data-dir-lock.js';
import { migrateToLatest, openDatabase } from '../store/db.js';

/** A problem the user can fix (exit code 2); the message names it in Dutch. */
export class BackupInputError extends Error {}

const TAR = 'application/x-tar';
const BLOCK = 512;

/** The names in a tar archive (ustar headers: name at 0, octal size at 124, magic at 257). */
function tarEntries(tar: Buffer): string[] | null {
  const names: string[] = [];
  for (let at = 0; at + BLOCK <= tar.length;) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) return names;
    if (header.toString('latin1', 257, 262) !== 'ustar') return null;
    names.push(header.toString('utf8', 0, 100).replace(/\0.*$/s, ''));
    const size = parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/s, '').trim(), 8);
    if (!Number.isFinite(size)) return null;
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return names;
}

/** The uncompressed archive, if `content` is a gzipped dump of a PostgreSQL data folder. */
function dataDirArchive(content: Buffer): Buffer | null {
  let tar: Buffer;
  try {
    tar = gunzipSync(content);
  } catch {
    return null;
  }
  const names = tarEntries(tar);
  return names?.some((n) => n === 'PG_VERSION' || n.endsWith('/PG_VERSION')) ? tar : null;
}

function hasDatabase(dataDir: string): boolean {
  return existsSync(resolve(dataDir, 'PG_VERSION'));
}

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Writes a consistent copy of the database in `dataDir` to `file` (gzipped tar). */
export async function backupDataDir(
  dataDir: string,
  file: string,
): Promise<{ readonly bytes: number }> {
  if (!hasDatabase(dataDir))
    throw new BackupInputError(
      `DATA_DIR (${resolve(dataDir)}) bevat geen database: er is niets om te bewaren.`,
    );
  if (existsSync(file))
    throw new BackupInputError(
      `Het bestand ${file} bestaat al. Kies een nieuwe naam: een back-up overschrijft niets.`,
    );
  const lock = claimDataDir(dataDir);
  try {
    const database = await openDatabase({ dataDir });
    let dump: Blob;
    try {
      // Everything committed goes from the WAL into the data files first: the copy then opens
      // without replaying a log.
      await sql`checkpoint`.execute(database.db);
      if (!database.pglite) throw new Error('the embedded database has no PGlite handle');
      dump = await database.pglite.dumpDataDir('gzip');
    } finally {
      await database.close();
    }
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Written next to the target and renamed: a half-written file never carries the name.
    const partial = `${file}.onvolledig`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    return { bytes: bytes.length };
  } finally {
    lock.release();
  }
}

export interface RestoreResult {
  /** Where the folder that was replaced now is (only with `replace`). */
  readonly movedAside: string | null;
  /** Migrations applied after the restore (a backup from an older version). */
  readonly migrated: readonly string[];
}

/**
 * Restores `file` into `dataDir`, which must be empty or missing; with `replace`, a folder that
 * holds a database is moved aside to `<DATA_DIR>.vervangen-<time>` first (never deleted).
 */
export async function restoreDataDir(
  file: string,
  dataDir: string,
  options: { readonly replace?: boolean; readonly now?: Date } = {},
): Promise<RestoreResult> {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    throw new BackupInputError(`Het bestand ${file} bestaat niet of is niet leesbaar.`);
  }
  const archive = dataDirArchive(content);
  if (!archive)
    throw new BackupInputError(
      `Het bestand ${file} is geen back-up van casusregie (verwacht: een .tar.gz gemaakt met ` +
        `casusregie backup). DATA_DIR is niet veranderd.`,
    );
  const target = resolve(dataDir);
  const lock = claimDataDir(target);
  try {
    let movedAside: string | null = null;
    if (!isEmptyOrMissing(target)) {
      if (!options.replace)
        throw new BackupInputError(
          `DATA_DIR (${target}) is niet leeg. Herstel in een lege map, of geef --vervang: ` +
            `dan wordt de huidige map eerst opzijgezet (niet gewist).`,
        );
      const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').slice(0, 15);
      movedAside = `${target}.vervangen-${stamp}`;
      renameSync(target, movedAside);
    }
    const existed = existsSync(target);
    try {
      const loaded = await PGlite.create(target, {
        loadDataDir: new Blob([new Uint8Array(archive)], { type: TAR }),
      });
      await loaded.close();
    } catch (error) {
      // Back to how it was: the folder empty (or absent), or the replaced one in its place.
      rmSync(target, { recursive: true, force: true });
      if (movedAside) renameSync(movedAside, target);
      else if (existed) mkdirSync(target);
      throw new BackupInputError(
        `Het bestand ${file} is geen bruikbare back-up van casusregie ` +
          `(${error instanceof Error ? error.message : String(error)}). DATA_DIR is niet veranderd.`,
      );
    }
    const database = await openDatabase({ dataDir: target });
    try {
      const migrated = await migrateToLatest(database.db);
      return { movedAside, migrated };
    } finally {
      await database.close();
    }
  } finally {
    lock.release();
  }
}
