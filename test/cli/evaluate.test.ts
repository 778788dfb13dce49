import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/casusregie.js');

/** Runs the installed command the way a user does (`casusregie …` → bin → dist). */
function casusregie(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'casusregie-cli-'));
function scenarioFile(name: string, content: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const valid = {
  region: 'LEK',
  now: '2026-03-10T12:00:00+01:00',
  case: { route: 'A', segment: 'ambulant', children: [{ id: 'k1', birthDate: '2012-06-30' }] },
  events: [{ type: 'aanmelding', at: '2026-03-02T09:00:00+01:00' }],
};

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/main.js')))
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      { cwd: root },
    );
}, 120_000);

// Each case starts a Node process (~0.5 s on a busy 2-core machine), so allow more than the default.
describe('casusregie evaluate', { timeout: 60_000 }, () => {
  it('prints the result as JSON on stdout and exits 0', () => {
    const run = casusregie('evaluate', scenarioFile('ok.json', valid));
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      region: string;
      deadlines: { rule: string; due: string; status: string }[];
    };
    expect(result.region).toBe('LEK');
    // LEK-TERM-INTAKE-AMBULANT: 14 days from Monday 2 March 2026.
    expect(result.deadlines).toContainEqual(
      expect.objectContaining({
        rule: 'LEK-TERM-INTAKE-AMBULANT',
        start: '2026-03-02',
        due: '2026-03-16',
        status: 'open',
      }),
    );
  });

  it('prints a Dutch table with --format table', () => {
    const run = casusregie('evaluate', scenarioFile('ok.json', valid), '--format', 'table');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/LEK-TERM-INTAKE-AMBULANT\s+2026-03-02\s+2026-03-16\s+loopt/);
    expect(run.stdout).toContain('Beslissingen');
  });

  it('evaluates every example scenario in the repository', () => {
    const names = readdirSync(join(root, 'examples/scenarios')).filter((n) => n.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      const run = casusregie('evaluate', join(root, 'examples/scenarios', name));
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      const region = (JSON.parse(run.stdout) as { region: string }).region;
      expect(name.toUpperCase().startsWith(region.split('-')[0] ?? '?'), name).toBe(true);
    }
  });

  it.each([
    ['an unknown region', { ...valid, region: 'XYZ' }, 'region: onbekende regio "XYZ"'],
    [
      'an unknown event type',
      { ...valid, events: [{ type: 'intakegesprek', at: '2026-03-02' }] },
      'events[0].type: onbekende gebeurtenis "intakegesprek"',
    ],
    [
      'a malformed date',
      { ...valid, events: [{ type: 'aanmelding', at: '2026-02-30T09:00:00+01:00' }] },
      'events[0].at: "2026-02-30T09:00:00+01:00" is geen geldige datum-tijd',
    ],
    [
      'an event before birth',
      { ...valid, events: [{ type: 'aanmelding', at: '2011-01-01' }] },
      'events[0].at: 2011-01-01 ligt vóór de geboortedatum (2012-06-30)',
    ],
    [
      'an event after now',
      { ...valid, events: [{ type: 'aanmelding', at: '2026-04-01' }] },
      'events[0].at: 2026-04-01 ligt na "now"',
    ],
    [
      'a missing route',
      { ...valid, case: { segment: 'ambulant', children: valid.case.children } },
      'case.route: ontbreekt',
    ],
    ['an unknown field', { ...valid, evnts: [] }, 'onbekend veld: "evnts"'],
  ])('refuses %s with exit code 2 and names the field', (_name, scenario, message) => {
    const run = casusregie('evaluate', scenarioFile('bad.json', scenario));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a file that is not JSON, or that does not exist, with exit code 2', () => {
    const notJson = casusregie('evaluate', scenarioFile('broken.json', '{ "region": '));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('geen geldige JSON');
    const missing = casusregie('evaluate', join(scratch, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('niet gevonden');
  });

  it('refuses an unknown --format and an unknown command with exit code 2', () => {
    expect(casusregie('evaluate', scenarioFile('ok.json', valid), '--format', 'pdf').code).toBe(2);
    expect(casusregie('evalueer').code).toBe(2);
  });

  it('takes an extra municipality profile with --profile and names a broken one', () => {
    const extra = scenarioFile(
      'gemeente.yaml',
      'id: LEK-TEST\nname: Testgemeente\nextends: LEK\noverrides:\n  - rule: LEK-TERM-INTAKE-AMBULANT\n    set: { value: 7d }\n    by: Beleid\n    at: 2026-01-01\n    reason: Proef\n',
    );
    const run = casusregie(
      'evaluate',
      scenarioFile('gem.json', { ...valid, region: 'LEK-TEST' }),
      '--profile',
      extra,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"due": "2026-03-09"');
    const broken = scenarioFile(
      'kapot.yaml',
      'id: LEK-KAPOT\nname: Kapot\nextends: LEK\noverrides:\n  - rule: LEK-TERM-INTAKE-AMBULANT\n    set: { value: 7x }\n    by: Beleid\n    at: 2026-01-01\n    reason: Proef\n',
    );
    const bad = casusregie('evaluate', scenarioFile('gem2.json', valid), '--profile', broken);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('kapot.yaml:6 overrides[0].set.value: geen geldige duur');
  });
});
