/**
 * Starts the real server (`casusregie serve`) as a child process, for tests that need a process
 * boundary: killing the server mid-write, or two instances on one database.
 *
 *   const server = await spawnServer({ env: { DATA_DIR: dir, DEMO_CASES: '20' }, demo: true });
 *   await fetch(`${server.url}/api/v1/sessie`);
 *   await server.kill('SIGKILL'); // or: await server.stop();
 *
 * `env` is laid over this process's environment; a key set to `undefined` is removed (e.g.
 * `DATABASE_URL: undefined` for the embedded database). PORT is a free port unless given.
 * Every server started here is killed when the test process exits, whatever happened.
 *
 * The server runs from the build (`dist/`, what `npm test` makes before the tests) when that build
 * is newer than every source file it is made from, and through tsx from `src/` otherwise: a start
 * from the build skips compiling ~300 modules, and an edited source file is never tested through
 * an old build. `casusregieArgs` gives the same choice to tests that run other commands.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SpawnOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** `serve --demo`: demo data in an empty database, demo accounts, no Secure cookies. */
  readonly demo?: boolean;
  /** How long to wait for the server to listen; default 120 s (a busy machine, demo data). */
  readonly startTimeoutMs?: number;
}

export interface SpawnedServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly pid: number;
  /** Sends the signal and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** A graceful stop (SIGTERM), a SIGKILL after 15 s; safe to call more than once. */
  stop(): Promise<void>;
  /** What the server wrote to stdout and stderr so far (for failure messages). */
  output(): string;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const LISTENING = /casusregie draait op (\S+)/;

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** The server's TypeScript sources as tsconfig.build.json compiles them (no web UI, no tests). */
function* buildSources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(SRC, 'web')) yield* buildSources(path);
    } else if (/\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name)) yield path;
  }
}

/**
 * True when every source file has its compiled file in `dist/` and was last changed before the
 * oldest of those was written (a file saved during a build counts as changed after it).
 */
function buildIsCurrent(): boolean {
  let newestSource = 0;
  let oldestBuilt = Infinity;
  for (const source of buildSources(SRC)) {
    const built = join(DIST, relative(SRC, source).replace(/\.tsx?$/, '.js'));
    if (!existsSync(built)) return false;
    newestSource = Math.max(newestSource, statSync(source).mtimeMs);
    oldestBuilt = Math.min(oldestBuilt, statSync(built).mtimeMs);
  }
  return newestSource < oldestBuilt;
}

let runFromBuild: boolean | undefined;

/** Node's arguments for `casusregie <args>`: from the build when it is current, else via tsx. */
export function casusregieArgs(...args: string[]): string[] {
  runFromBuild ??= buildIsCurrent();
  return runFromBuild
    ? [join(DIST, 'cli/main.js'), ...args]
    : ['--import', 'tsx', join(SRC, 'cli/main.ts'), ...args];
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function spawnServer(options: SpawnOptions = {}): Promise<SpawnedServer> {
  const env: Record<string, string> = {};
  const merged = { HOST: '127.0.0.1', PORT: String(await freePort()), ...options.env };
  for (const [key, value] of Object.entries({ ...process.env, ...merged }))
    if (value !== undefined) env[key] = value;
  const child = spawn(
    process.execPath,
    casusregieArgs('serve', ...(options.demo ? ['--demo'] : [])),
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (output += chunk));

  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${signal ?? `code ${code}`}) before listening:\n${output}`));
    });
  });

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited(child);
  };
  return {
    url,
    pid: child.pid ?? -1,
    kill,
    stop: async () => {
      const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await kill('SIGTERM');
      clearTimeout(forced);
    },
    output: () => output,
  };
}
