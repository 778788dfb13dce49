/**
 * Golden outputs: each example scenario's full result, committed in test/golden/<name>.json and
 * reviewed as a diff whenever a rule or the engine changes. The values were checked by hand
 * against the regional agreements when first written. Regenerate deliberately with
 * `UPDATE_GOLDEN=1 npx vitest run test/golden` and review the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { evaluateScenario } from '../../src/scenario/index.js';

const examples = new URL('../../examples/scenarios/', import.meta.url);
const golden = new URL('./', import.meta.url);
const profiles = loadProfiles();
const names = readdirSync(examples).filter((n) => n.endsWith('.json'));

describe('golden outputs of the example scenarios', () => {
  it.each(names)('%s', (name) => {
    const input: unknown = JSON.parse(readFileSync(new URL(name, examples), 'utf8'));
    const actual = `${JSON.stringify(evaluateScenario(input, profiles), null, 2)}\n`;
    const file = new URL(name, golden);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
