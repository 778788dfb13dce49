/**
 * One process at a time on an embedded (PGlite) data folder. PGlite is PostgreSQL in a single
 * process without a postmaster: two processes on the same folder (a second `serve`, or a backup
 * while the server runs) each think they own the files and corrupt them. The owner writes its
 * process id to `<DATA_DIR>.lock` (beside the folder, so it never lands in a backup); a lock
 * whose process is gone (a crash, a SIGKILL) is stale and taken over.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export class DataDirInUseError extends Error {}

export function lockFileOf(dataDir: string): string {
  return `${resolve(dataDir)}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The id of another live process that holds the folder, or null. */
export function dataDirHolder(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(lockFileOf(dataDir), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return alive(pid) ? pid : null;
}

/**
 * Claims the folder for this process, or throws a DataDirInUseError (in Dutch, for the command
 * line) naming the other process and the lock file.
 */
export function claimDataDir(dataDir: string): { release(): void } {
  const holder = dataDirHolder(dataDir);
  const file = lockFileOf(dataDir);
  if (holder !== null)
    throw new DataDirInUseError(
      `De database in DATA_DIR (${resolve(dataDir)}) is in gebruik door proces ${holder}, ` +
        `waarschijnlijk casusregie serve. Stop dat proces eerst. Bestaat het niet meer, ` +
        `verwijder dan ${file}.`,
    );
  writeFileSync(file, `${process.pid}\n`);
  return {
    release: () => {
      try {
        if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
