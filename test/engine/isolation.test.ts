/**
 * Only rules of the chosen profile (and what it extends) appear in a result, and every decision
 * explains itself (REGIONS.md: "Deadlines a region does not define are not invented").
 */
import { describe, expect, it } from 'vitest';
import {
  ev,
  profiles,
  ruleIds,
  run,
  scenario,
  type CaseInput,
  type EventInput,
} from './helpers.js';

// Every event type, so that every deadline rule of every region has a start event.
const everything: EventInput[] = [
  ev('rechterlijke-opdracht', '2026-01-05'),
  ev('maatregel-einde', '2026-01-05', { date: '2026-12-31' }),
  ev('aanmelding', '2026-01-06'),
  ev('toewijzing-ontvangen', '2026-01-07'),
  ev('eerste-contact', '2026-01-08'),
  ev('intake', '2026-01-09'),
  ev('plan-vastgesteld', '2026-01-20'),
  ev('gezinsplan', '2026-01-21'),
  ev('start-hulp', '2026-01-22'),
  ev('hulpverleningsplan', '2026-02-01'),
  ev('contact', '2026-02-10'),
  ev('evaluatie', '2026-02-15', { kind: 'tussen' }),
  ev('verslag-verspreid', '2026-02-16'),
  ev('opschorting', '2026-02-20'),
  ev('hervatting', '2026-02-25'),
  ev('escalatie-proces', '2026-03-01'),
  ev('escalatie-gesprek', '2026-03-05'),
  ev('doorbraakteam-overleg', '2026-03-06'),
  ev('escalatie-afspraken', '2026-03-09'),
  ev('bezwaar-arrangement', '2026-01-10'),
  ev('rvdk-toetsing', '2026-03-09'),
  ev('toekomstplan', '2026-03-09', { child: 'k1' }),
];
const rich: Partial<CaseInput> = {
  route: 'C',
  measure: 'ots',
  regieCriteria: {
    severity: 'midden',
    stacking: true,
    duration: 'onzeker',
    unsafety: 'mogelijk',
    motivation: 'wisselend',
    providers: 2,
    school: 'bedreigd',
    jhio: 'geen',
  },
  professionalsInvolved: 2,
  coSignals: ['draaglast'],
  children: [
    { id: 'k1', birthDate: '2009-05-01' },
    { id: 'k2', birthDate: '2020-05-01' },
  ],
};
const NOW = '2026-03-10T12:00:00+01:00';

describe('rules of other regions never appear', () => {
  it.each([
    ['RIJ', 'RIJ-'],
    ['LEK', 'LEK-'],
    ['LEK-VOORBEELD', 'LEK-'],
    ['ZTM', 'ZTM-'],
    ['ZOU', 'ZOU-'],
    ['GRO', 'GRO-'],
  ])('%s shows only %s rules', (region, prefix) => {
    const result = run(scenario(region, NOW, everything, rich));
    expect(result.region).toBe(region);
    const ids = [...ruleIds(result)];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.startsWith(prefix), id).toBe(true);
  });

  it('an RIJ result has no LEK, ZTM, ZOU or GRO rule even with their events and facts', () => {
    const result = run(
      scenario('RIJ', NOW, everything, { ...rich, segment: 'crisis-residentieel' }),
    );
    const ids = [...ruleIds(result)];
    expect(ids.filter((id) => /^(LEK|ZTM|ZOU|GRO)-/.test(id))).toEqual([]);
    expect(ids.sort()).toEqual([
      'RIJ-CAD-GEZINSPLAN-OTS',
      'RIJ-DEC-CASUSREGIE-LOCATION',
      'RIJ-DEC-COMPLEX',
      'RIJ-DEC-MEERVOUDIG',
      'RIJ-TERM-DISAGREE',
      'RIJ-TERM-GEZINSPLAN',
      'RIJ-TERM-GI-STARTZORG',
      'RIJ-TERM-RVDK-OTS',
      'RIJ-TERM-SUSPEND',
    ]);
  });

  it('a LEK medium ambulant case shows exactly its LEK rules', () => {
    const result = run(scenario('LEK', NOW, everything, { ...rich, route: 'A', measure: null }));
    expect([...ruleIds(result)].sort()).toEqual([
      'LEK-CAD-CONTACT-MIDDEN',
      'LEK-DEC-REGIE-WEIGHT',
      'LEK-EVAL-MIN',
      'LEK-TERM-HVP',
      'LEK-TERM-INTAKE-AMBULANT',
      'LEK-TERM-START-AMBULANT',
      'LEK-TERM-TOEKOMSTPLAN',
    ]);
  });

  it('every profile is loaded', () => {
    expect([...profiles.keys()].sort()).toEqual([
      'GRO',
      'LEK',
      'LEK-VOORBEELD',
      'RIJ',
      'ZOU',
      'ZTM',
    ]);
  });
});

describe('every decision has reasons and a source', () => {
  it.each(['RIJ', 'LEK', 'LEK-VOORBEELD', 'ZTM', 'ZOU', 'GRO'])('%s', (region) => {
    for (const fields of [{}, rich, { route: 'B' as const, ivh: true, residence: true }]) {
      const result = run(scenario(region, NOW, [], fields));
      expect(result.decisions.length).toBeGreaterThan(0);
      for (const decision of result.decisions) {
        expect(decision.reasons.length, decision.rule).toBeGreaterThan(0);
        for (const reason of decision.reasons) expect(reason.trim()).not.toBe('');
        expect(decision.source.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('every deadline entry has a known status and a source', () => {
  it.each(['RIJ', 'LEK', 'ZTM', 'ZOU'])('%s', (region) => {
    const result = run(scenario(region, NOW, everything, rich));
    expect(result.deadlines.length).toBeGreaterThan(0);
    for (const d of result.deadlines) {
      expect(['met', 'met-late', 'overdue', 'open']).toContain(d.status);
      expect(d.source).toContain(region);
      if (d.status === 'met' || d.status === 'met-late') expect(d.metAt).not.toBeNull();
      else expect(d.metAt).toBeNull();
    }
  });
});

describe('coverage guard', () => {
  // Every time-bound rule in the shipped profiles has hand-computed tests in this folder.
  const covered = new Set([
    'RIJ-TERM-GEZINSPLAN',
    'RIJ-CAD-GEZINSPLAN-OTS',
    'RIJ-CAD-GEZINSPLAN-JR',
    'RIJ-TERM-GI-STARTZORG',
    'RIJ-TERM-DISAGREE',
    'RIJ-TERM-SUSPEND',
    'RIJ-TERM-RVDK-OTS',
    'LEK-TERM-INTAKE-AMBULANT',
    'LEK-TERM-INTAKE-FORENSISCH',
    'LEK-TERM-INTAKE-CRISIS-RES',
    'LEK-TERM-INTAKE-CRISIS-AMB',
    'LEK-TERM-HVP',
    'LEK-TERM-HVP-CRISIS',
    'LEK-TERM-START-AMBULANT',
    'LEK-TERM-START-FORENSISCH',
    'LEK-TERM-START-CRISIS-RES',
    'LEK-TERM-START-CRISIS-AMB',
    'LEK-TERM-TOEKOMSTPLAN',
    'LEK-CAD-CONTACT-MIDDEN',
    'LEK-CAD-CONTACT-ZWAAR',
    'LEK-CAD-CONTACT-CRISIS',
    'LEK-CAD-CONTACT-CRISISREGIE',
    'LEK-EVAL-MIN',
    'ZTM-TERM-FIRST-CONTACT',
    'ZTM-TERM-PLAN',
    'ZTM-TERM-HULP',
    'ZTM-TERM-HULP-NA-PLAN',
    'ZTM-CAD-EVAL',
    'ZTM-TERM-MINUTES',
    'ZOU-TERM-ESC-TALK',
    'ZOU-TERM-ESC-COMMIT',
    'RIJ-DEC-MEERVOUDIG',
    'RIJ-DEC-COMPLEX',
    'RIJ-DEC-CASUSREGIE-LOCATION',
    'LEK-DEC-REGIE-WEIGHT',
    'ZOU-DEC-COORDINATOR',
    'ZOU-DEC-MEDICAL-ROUTE',
    'ZTM-DEC-CHILD-CONTACT',
    'ZTM-DEC-SIGN',
    'ZTM-DEC-CO-SIGNALS',
    'GRO-GATE-EXPERTPOOL',
  ]);
  const evaluated = ['deadline', 'cadence', 'age', 'before', 'requirement', 'decision'];

  it('every evaluated rule of every profile is covered by these tests', () => {
    const missing: string[] = [];
    for (const profile of profiles.values())
      for (const rule of profile.rules)
        if (evaluated.includes(rule.kind) && !covered.has(rule.id)) missing.push(rule.id);
    expect(missing).toEqual([]);
  });
});
