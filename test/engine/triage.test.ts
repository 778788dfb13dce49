/**
 * Triage for any region (decision 0006): a ZTM case borrows RIJ's single/multi, complexity
 * and casusregie-location rules and LEK's weight rule; the suggestions follow from what the
 * assessments recorded (DOMAIN.md sections 2 and 7).
 */
import { describe, expect, it } from 'vitest';
import {
  CHILD_CONTACT_RULE,
  contactMet,
  factsFromAssessments,
  TRIAGE_RULES,
  triageProfile,
  triageSuggestions,
} from '../../src/domain/assessment/index.js';
import { caseFacts } from '../../src/domain/cases/engine-input.js';
import { evaluate } from '../../src/domain/rules/index.js';
import { loadProfiles } from '../../src/regions/load.js';

const profiles = loadProfiles();
const all = [...profiles.values()];
const NOW = Date.parse('2026-03-10T11:00:00Z');

function suggestionsFor(region: string, stored: Record<string, unknown>) {
  const own = profiles.get(region);
  if (!own) throw new Error(region);
  const facts = caseFacts({ route: 'A', segment: 'ambulant', measure: null, facts: stored }, [
    { id: 'kind', kind: 'jeugdige', birthDate: '2012-11-04' },
  ]);
  return triageSuggestions(evaluate(triageProfile(own, all), facts, [], NOW).decisions);
}

describe('triage suggestions', () => {
  it('a ZTM family with questions on several life domains and unsafety: multi, complex, outside, heavy', () => {
    const stored = factsFromAssessments({
      lifeDomains: ['opvoeding', 'onderwijs', 'financien'],
      familySupportsHelp: true,
      risk: 'onveilig',
      regieCriteria: { severity: 'zwaar', stacking: true, motivation: 'wisselend' },
    });
    const suggestions = suggestionsFor('ZTM', stored);
    expect(suggestions.map((s) => [s.field, s.rule, s.outcome])).toEqual([
      ['domein', 'RIJ-DEC-MEERVOUDIG', 'meervoudig'],
      ['complexiteit', 'RIJ-DEC-COMPLEX', 'complex'],
      ['casusregie', 'RIJ-DEC-CASUSREGIE-LOCATION', 'buiten-gezin'],
      ['gewicht', 'LEK-DEC-REGIE-WEIGHT', 'zwaar'],
    ]);
    expect(suggestions[1]?.reasons.join(' ')).toMatch(/veiligheid/);
  });

  it('one life domain, safe, family on board: single, not complex, with the family, light', () => {
    const stored = factsFromAssessments({
      lifeDomains: ['opvoeding'],
      familySupportsHelp: true,
      risk: 'veilig',
      safetyCheck: 'veilig',
    });
    expect(suggestionsFor('GRO', stored).map((s) => s.outcome)).toEqual([
      'enkelvoudig',
      'niet-complex',
      'gezin',
      'licht',
    ]);
  });

  it('multi-domain but not complex leaves the location to the professional', () => {
    const stored = factsFromAssessments({ lifeDomains: ['opvoeding', 'wonen'], risk: 'veilig' });
    expect(suggestionsFor('RIJ', stored).find((s) => s.field === 'casusregie')?.outcome).toBe(
      'ter-beoordeling',
    );
  });

  it("uses the region's own rules where it has them and borrows only what is missing", () => {
    const lek = profiles.get('LEK');
    if (!lek) throw new Error('LEK');
    const profile = triageProfile(lek, all);
    const ids = profile.rules.map((r) => r.id);
    expect(ids.filter((id) => id === TRIAGE_RULES.gewicht)).toHaveLength(1);
    expect(ids).toEqual(expect.arrayContaining(Object.values(TRIAGE_RULES)));
    expect(profile.rules.find((r) => r.id === 'RIJ-DEC-COMPLEX')?.sourceKey).toBe('RIJ');
  });
});

describe('facts from the assessments', () => {
  it('an acute safety check puts safety at stake whatever the risk assessment says', () => {
    expect(factsFromAssessments({ safetyCheck: 'acuut', risk: 'veilig' })).toMatchObject({
      safetyAtStake: true,
      regieCriteria: { unsafety: 'aanwezig' },
    });
  });

  it('worries in the risk assessment count as possible unsafety, not as safety at stake', () => {
    expect(factsFromAssessments({ risk: 'zorgen' })).toEqual({
      safetyAtStake: false,
      regieCriteria: { unsafety: 'mogelijk' },
    });
  });

  it('ignores life domains and signals it does not know', () => {
    expect(
      factsFromAssessments({
        lifeDomains: ['wonen', 'sterrenkunde' as never],
        coSignals: ['draaglast', 'onbekend' as never],
      }),
    ).toEqual({ lifeDomains: ['wonen'], coSignals: ['draaglast'] });
  });
});

describe('child contact by age (ZTM-DEC-CHILD-CONTACT)', () => {
  it('a LEK case borrows the rule: a 3-year-old is seen, a 13-year-old spoken to', () => {
    const own = profiles.get('LEK');
    if (!own) throw new Error('LEK');
    const facts = caseFacts({ route: 'A', segment: 'ambulant', measure: null, facts: {} }, [
      { id: 'sem', kind: 'jeugdige', birthDate: '2022-06-01' },
      { id: 'lot', kind: 'jeugdige', birthDate: '2012-11-02' },
    ]);
    const decisions = evaluate(triageProfile(own, all), facts, [], NOW).decisions.filter(
      (d) => d.rule === CHILD_CONTACT_RULE,
    );
    expect(decisions.map((d) => [d.child, d.outcome])).toEqual([
      ['sem', 'zien'],
      ['lot', 'spreken'],
    ]);
  });

  it('seeing and speaking meets every requirement; seeing alone does not meet speaking', () => {
    expect(contactMet('zien', ['zien-en-spreken'])).toBe(true);
    expect(contactMet('spreken', ['zien'])).toBe(false);
    expect(contactMet('spreken', ['zien', 'spreken'])).toBe(true);
    expect(contactMet('zien-en-spreken', ['zien'])).toBe(false);
    // Seen at home, spoken to at school later: together that is seen and spoken to.
    expect(contactMet('zien-en-spreken', ['zien', 'spreken'])).toBe(true);
    expect(contactMet('zien', [])).toBe(false);
    expect(contactMet('onbekend', ['zien'])).toBe(false);
  });
});
