/**
 * `casusregie ijw validate` as a user runs it (bin → dist): the text report names each file,
 * its verdict and every problem with code, line and XPath; `--format json` gives the same for
 * machines; the exit code says whether everything passed (0) or not (3); bad use exits 2.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/casusregie.js');
const fixture = (type: string) => join(root, 'test/fixtures/ijw', `${type}.xml`);

function casusregie(...args: string[]) {
  return casusregieWith({}, ...args);
}

function casusregieWith(env: Record<string, string>, ...args: string[]) {
  // An empty value means: not set at all.
  const merged = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== ''),
  );
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: merged,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/main.js')))
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      { cwd: root },
    );
}, 120_000);

describe('casusregie ijw validate', { timeout: 20_000 }, () => {
  it('passes valid messages with exit code 0', () => {
    const run = casusregie('ijw', 'validate', fixture('JW301'), fixture('JW305'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('JW301.xml  JW301  goedgekeurd');
    expect(run.stdout).toContain('2 berichten: 2 goedgekeurd, 0 afgekeurd');
  });

  it('reports a rejected message with code, line and XPath, and exits 3', () => {
    const run = casusregie('ijw', 'validate', fixture('JW318'), fixture('JW319'));
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('JW318.xml  JW318  afgekeurd (retourcode 0001), 1 probleem');
    expect(run.stdout).toMatch(
      /XSD\s+regel 33\s+\/jw318:Bericht\/jw318:Client\/jw318:Verzoek\/jw318:RetourCode/,
    );
    expect(run.stdout).toContain('1 goedgekeurd, 1 afgekeurd');
  });

  it('gives the same report as JSON', () => {
    const run = casusregie('ijw', 'validate', '--format', 'json', fixture('JW315'));
    expect(run.code).toBe(3);
    const reports = JSON.parse(run.stdout) as {
      file: string;
      type: string;
      valid: boolean;
      issues: { code: string; line: number; xpath: string }[];
    }[];
    expect(reports[0]).toMatchObject({ type: 'JW315', valid: false });
    expect(reports[0]?.issues.map((i) => i.line)).toEqual([44, 66]);
  });

  it('refuses bad use with exit code 2 and a Dutch message', () => {
    expect(casusregie('ijw', 'validate').stderr).toMatch(/Geef minstens één berichtbestand/);
    expect(casusregie('ijw', 'valideer', 'x.xml').code).toBe(2);
    expect(casusregie('ijw', 'validate', '--format', 'xml', fixture('JW301')).code).toBe(2);
    const missing = casusregie('ijw', 'validate', join(root, 'bestaat-niet.xml'));
    expect(missing.code).toBe(3);
    expect(missing.stdout).toContain('bestand niet gevonden of niet leesbaar');
  });

  it('processes a drop folder with the configured database', { timeout: 60_000 }, () => {
    const folder = mkdtempSync(join(tmpdir(), 'casusregie-map-'));
    mkdirSync(join(folder, 'in'));
    copyFileSync(fixture('JW318'), join(folder, 'in', 'JW318.xml'));
    const run = casusregieWith(
      { DATA_DIR: join(folder, 'database'), DATABASE_URL: '' },
      'ijw',
      'map',
      folder,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('JW318.xml: JW318 afgekeurd');
    expect(run.stdout).toContain('1 ontvangen, 0 verstuurd');
    expect(readdirSync(join(folder, 'afgekeurd')).sort()).toEqual([
      'JW318.xml',
      'JW318.xml.rapport.json',
    ]);
    expect(casusregie('ijw', 'map').code).toBe(2);
  });
});
