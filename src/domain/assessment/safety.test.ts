import { describe, expect, it } from 'vitest';
import { MELDCODE_STEPS } from '../../documents/analysis-words.js';
import {
  MELDCODE_STEP_KEYS,
  meldcodeProblems,
  reportsToVeiligThuis,
  safetyCheckProblems,
} from './safety.js';

describe('immediate safety check', () => {
  it('acute danger without a recorded crisis team contact is refused, naming the crisis team', () => {
    expect(safetyCheckProblems('acuut', false)).toEqual([
      { path: 'crisisteam', message: expect.stringMatching(/crisisteam .* wanneer en met wie/) },
    ]);
    expect(safetyCheckProblems('acuut', true)).toEqual([]);
    expect(safetyCheckProblems('zorgen', false)).toEqual([]);
  });
});

describe('meldcode in five steps', () => {
  it('only step 5 decides, and it must decide', () => {
    expect(meldcodeProblems('beslissen', undefined)[0]?.path).toBe('besluit');
    expect(meldcodeProblems('beslissen', 'hulp')).toEqual([]);
    for (const step of MELDCODE_STEP_KEYS.filter((s) => s !== 'beslissen')) {
      expect(meldcodeProblems(step, undefined)).toEqual([]);
      expect(meldcodeProblems(step, 'melden')[0]?.message).toMatch(/alleen stap 5/);
    }
  });

  it('reporting (alone or with help) goes to Veilig Thuis; help alone does not', () => {
    expect(reportsToVeiligThuis('melden')).toBe(true);
    expect(reportsToVeiligThuis('hulp-en-melden')).toBe(true);
    expect(reportsToVeiligThuis('hulp')).toBe(false);
    expect(reportsToVeiligThuis(undefined)).toBe(false);
  });

  it('the page and the paper name the same five steps in order', () => {
    expect(MELDCODE_STEPS.map(([key]) => key)).toEqual([...MELDCODE_STEP_KEYS]);
  });
});
