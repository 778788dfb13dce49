/**
 * Groningen (REGIONS.md GRO-GATE-EXPERTPOOL, DOMAIN.md step 1 "Mandatory expert advice").
 */
import { describe, expect, it } from 'vitest';
import { decisionOf, ev, run, scenario, type CaseInput } from './helpers.js';

describe('GRO-GATE-EXPERTPOOL: advice before allocation for non-freely-accessible help and IVH', () => {
  it.each<[string, Partial<CaseInput>, string]>([
    ['freely accessible ambulant help', {}, 'niet-vereist'],
    ['explicitly freely accessible', { product: { freelyAccessible: true } }, 'niet-vereist'],
    ['product not freely accessible', { product: { freelyAccessible: false } }, 'advies-vereist'],
    ['residential (verblijf)', { segment: 'verblijf' }, 'advies-vereist'],
    ['day treatment', { segment: 'dagbehandeling' }, 'advies-vereist'],
    ['intensive support (IVH)', { ivh: true }, 'advies-vereist'],
    ['JHiO, freely accessible', { segment: 'jhio' }, 'niet-vereist'],
    ['route B, freely accessible', { route: 'B' }, 'niet-vereist'],
  ])('%s → %s', (_label, fields, expected) => {
    const result = run(scenario('GRO', '2026-03-10T12:00:00+01:00', [], fields));
    const decision = decisionOf(result, 'GRO-GATE-EXPERTPOOL');
    expect(decision.outcome).toBe(expected);
    expect(decision.source).toContain('GRO');
  });

  it('GRO defines no deadlines: events produce none', () => {
    const result = run(
      scenario('GRO', '2026-06-01T12:00:00+02:00', [
        ev('aanmelding', '2026-03-02'),
        ev('intake', '2026-03-20'),
        ev('start-hulp', '2026-04-01'),
        ev('evaluatie', '2026-05-01', { kind: 'tussen' }),
        ev('escalatie-proces', '2026-05-02'),
      ]),
    );
    expect(result.region).toBe('GRO');
    expect(result.deadlines).toEqual([]);
    expect(result.requirements).toEqual([]);
    expect(result.decisions.map((d) => d.rule)).toEqual(['GRO-GATE-EXPERTPOOL']);
  });
});
