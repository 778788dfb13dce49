import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../../src/cli/docs-rules.js';
import { loadProfiles } from '../../src/regions/load.js';

/**
 * Every rule ID of the specification's REGIONS.md, copied here by hand so the test does not
 * read files outside the repository. A new rule in the spec must be added here and to a profile.
 */
const SPEC_RULE_IDS = {
  RIJ: [
    'RIJ-TERM-GEZINSPLAN',
    'RIJ-CAD-GEZINSPLAN-OTS',
    'RIJ-CAD-GEZINSPLAN-JR',
    'RIJ-TERM-GI-STARTZORG',
    'RIJ-TERM-DISAGREE',
    'RIJ-TERM-SUSPEND',
    'RIJ-TERM-RVDK-OTS',
    'RIJ-DEC-CASUSREGIE-LOCATION',
    'RIJ-DEC-COMPLEX',
    'RIJ-DEC-MEERVOUDIG',
    'RIJ-DEC-PROVIDER-END',
  ],
  LEK: [
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
    'LEK-EVAL-MIN',
    'LEK-DEC-REGIE-WEIGHT',
  ],
  ZTM: [
    'ZTM-TERM-FIRST-CONTACT',
    'ZTM-TERM-PLAN',
    'ZTM-TERM-HULP',
    'ZTM-TERM-HULP-NA-PLAN',
    'ZTM-CAD-EVAL',
    'ZTM-TERM-MINUTES',
    'ZTM-NORM-CASELOAD',
    'ZTM-DEC-CHILD-CONTACT',
    'ZTM-DEC-CO-SIGNALS',
    'ZTM-DEC-SIGN',
    'ZTM-DEC-WARM-HANDOVER',
  ],
  ZOU: ['ZOU-TERM-ESC-TALK', 'ZOU-TERM-ESC-COMMIT', 'ZOU-DEC-COORDINATOR', 'ZOU-DEC-MEDICAL-ROUTE'],
  GRO: ['GRO-GATE-EXPERTPOOL', 'GRO-DEC-BESCHIKKING'],
} as const;

/**
 * Escalation ladders and checklists of REGIONS.md have no IDs there; these are ours, as are the
 * GRO handover and budget agreements taken from the source document itself.
 */
const LADDER_AND_CHECKLIST_IDS = {
  RIJ: ['RIJ-ESC-LADDER'],
  ZTM: ['ZTM-ESC-LADDER'],
  ZOU: ['ZOU-ESC-PROCESS', 'ZOU-ESC-CONTENT'],
  GRO: [
    'GRO-ESC-SCM',
    'GRO-CHK-REFERENTIEKADER',
    'GRO-DEC-OVERDRACHT',
    'GRO-DEC-BUDGET',
    'GRO-TOE-OPTOUT',
  ],
} as const;

const profiles = loadProfiles();
const docsPath = new URL('../../docs/regels.md', import.meta.url);

describe('rule catalogue', () => {
  for (const [region, ids] of Object.entries(SPEC_RULE_IDS)) {
    it(`the ${region} profile holds every ${region} rule of REGIONS.md`, () => {
      const profile = profiles.get(region);
      expect(profile, `profile ${region}`).toBeDefined();
      const present = new Set(profile?.rules.map((r) => r.id));
      for (const id of ids) expect(present.has(id), id).toBe(true);
    });
  }

  for (const [region, ids] of Object.entries(LADDER_AND_CHECKLIST_IDS)) {
    it(`the ${region} profile holds its escalation ladders and checklists`, () => {
      const present = new Set(profiles.get(region)?.rules.map((r) => r.id));
      for (const id of ids) expect(present.has(id), id).toBe(true);
    });
  }

  it('no region profile holds a rule of another region', () => {
    for (const region of Object.keys(SPEC_RULE_IDS)) {
      for (const rule of profiles.get(region)?.rules ?? []) {
        expect(rule.id.startsWith(`${region}-`), rule.id).toBe(true);
        expect(rule.sourceKey).toBe(region);
      }
    }
  });

  it('every rule has a title, a source section and a Dutch explanation', () => {
    for (const profile of profiles.values()) {
      for (const rule of profile.rules) {
        expect(rule.title.length, rule.id).toBeGreaterThan(3);
        expect(rule.source.length, rule.id).toBeGreaterThan(3);
        expect(rule.explanation.length, rule.id).toBeGreaterThan(20);
      }
    }
  });

  it('the GRO checklists keep the source numbering: six themes with 8, 10, 15, 15, 13 and 9 items', () => {
    const rule = profiles.get('GRO')?.rules.find((r) => r.id === 'GRO-CHK-REFERENTIEKADER');
    expect(rule?.kind).toBe('checklist');
    if (rule?.kind !== 'checklist') return;
    expect(rule.themes.map((t) => [t.number, t.items])).toEqual([
      [1, 8],
      [2, 10],
      [3, 15],
      [4, 15],
      [5, 13],
      [6, 9],
    ]);
    expect(rule.scale).toEqual(['groen', 'oranje', 'rood']);
  });

  it('the RIJ ladder has seven steps and the ZOU breakthrough criteria run from a to j', () => {
    const rij = profiles.get('RIJ')?.rules.find((r) => r.id === 'RIJ-ESC-LADDER');
    const zou = profiles.get('ZOU')?.rules.find((r) => r.id === 'ZOU-ESC-CONTENT');
    expect(rij?.kind === 'escalation' && rij.steps.length).toBe(7);
    expect(zou?.kind === 'escalation' && zou.criteria?.map((c) => c.code).join('')).toBe(
      'abcdefghij',
    );
  });

  it('every profile rule is documented in docs/regels.md', () => {
    const docs = readFileSync(docsPath, 'utf8');
    for (const profile of profiles.values())
      for (const rule of profile.rules) expect(docs, rule.id).toContain(rule.id);
  });

  it('docs/regels.md is generated from the current profiles (run npm run docs:rules)', () => {
    expect(readFileSync(docsPath, 'utf8')).toBe(rulesMarkdown(profiles));
  });
});
