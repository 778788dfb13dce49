import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProfiles, ProfileError } from './load.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/profiles/', import.meta.url));
const base = `${fixtures}base`;

function problemsOf(file: string): ProfileError {
  try {
    loadProfiles({ dir: base, extraFiles: [`${fixtures}${file}`] });
  } catch (error) {
    if (error instanceof ProfileError) return error;
    throw error;
  }
  throw new Error(`${file} loaded without error`);
}

describe('loadProfiles', () => {
  it('loads the five regions and the example municipality that ship with the product', () => {
    const ids = [...loadProfiles().keys()].sort();
    expect(ids).toEqual(['GRO', 'LEK', 'LEK-VOORBEELD', 'RIJ', 'ZOU', 'ZTM']);
  });

  it('a municipality inherits every rule of its region and records who changed what', () => {
    const profiles = loadProfiles({ dir: base, extraFiles: [`${fixtures}ok-municipality.yaml`] });
    const municipality = profiles.get('TST-GEMEENTE');
    expect(municipality?.lineage).toEqual(['TST']);
    expect(municipality?.sourceKey).toBe('TST');
    const rule = municipality?.rules.find((r) => r.id === 'TST-TERM-INTAKE');
    expect(rule?.kind === 'deadline' && rule.value).toEqual({ amount: 10, unit: 'wd' });
    expect(rule?.override).toEqual({
      profile: 'TST-GEMEENTE',
      by: 'Beleidsadviseur',
      at: '2026-02-01',
      reason: 'Lokale afspraak',
      changed: ['value'],
    });
    const original = profiles.get('TST')?.rules.find((r) => r.id === 'TST-TERM-INTAKE');
    expect(original?.kind === 'deadline' && original.value).toEqual({ amount: 14, unit: 'd' });
    expect(original?.override).toBeUndefined();
  });

  it.each([
    ['bad/bad-duration.yaml', 'rules[0].value', 'geen geldige duur'],
    ['bad/unknown-event.yaml', 'rules[0].until[0].type', 'onbekende gebeurtenis "intakegesprek"'],
    ['bad/unknown-parent.yaml', 'extends', 'onbekend profiel "NOPE"'],
    [
      'bad/override-unknown-rule.yaml',
      'overrides[0].rule',
      'onbekende regel TST-TERM-BESTAAT-NIET',
    ],
    ['bad/override-bad-value.yaml', 'overrides[0].set.value', 'geen geldige duur'],
    ['bad/override-without-who.yaml', 'overrides[0].by', 'ontbreekt'],
    ['bad/duplicate-rule.yaml', 'rules[0].id', 'bestaat al in TST'],
    ['bad/dangling-decision.yaml', 'rules(BAD-CAD-Z)', 'BAD-DEC-ONBEKEND'],
    [
      'bad/escalation-two-numbers.yaml',
      'rules(BAD-ESC-LADDER)',
      'stap 2: de termijn moet gelijk zijn aan die van BAD-TERM-GESPREK',
    ],
  ])('%s is refused with the path %s named', (file, path, message) => {
    const error = problemsOf(file);
    const issue = error.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(error.issues)).toBeDefined();
    expect(issue?.file).toBe(file.split('/')[1]);
    expect(issue?.message).toContain(message);
  });

  it('refuses a duty that runs throughout but also claims to open the ladder', () => {
    const messages = problemsOf('bad/escalation-two-numbers.yaml').issues.map((i) => i.message);
    expect(messages).toContain(
      'stap 3: een doorlopende plicht is geen niveau (geen opening, afsluiting of termijn)',
    );
  });

  it('reports the line of the offending value', () => {
    const issue = problemsOf('bad/bad-duration.yaml').issues[0];
    expect(issue?.line).toBe(9);
    expect(problemsOf('bad/bad-duration.yaml').message).toContain(
      'bad-duration.yaml:9 rules[0].value',
    );
  });

  it('refuses a file that is not valid YAML, naming the line', () => {
    const issue = problemsOf('bad/broken-yaml.yaml').issues[0];
    expect(issue?.message).toContain('geen geldige YAML');
    expect(issue?.line).not.toBeNull();
  });

  it('refuses two profiles with the same id', () => {
    const error = problemsOf('base/tst.yaml');
    expect(error.issues[0]?.message).toContain('staat ook in tst.yaml');
  });
});
