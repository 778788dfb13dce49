/**
 * Fixtures for rule tests: a plain case, in which nothing triggers a rule by itself so that a
 * test's events and overrides alone decide what the engine says, and a test profile (TST) that
 * holds only the rules a test gives it.
 */
import {
  LIGHT_REGIE_CRITERIA,
  type CaseFacts,
  type Profile,
  type Rule,
} from '../../src/domain/rules/index.js';
import { parseInstant, parseIsoDate } from '../../src/domain/time/index.js';

/** An ISO instant as epoch milliseconds; a malformed one fails the test. */
export function instant(text: string): number {
  const value = parseInstant(text);
  if (value === null) throw new Error(`bad instant ${text}`);
  return value;
}

/**
 * Every case field but route, segment, children and result areas, at the scenario format's
 * documented default (src/scenario/schema.ts). A fresh object on every call.
 */
export function caseDefaults() {
  return {
    measure: null,
    ivh: false,
    lifeDomains: [],
    supportElements: [],
    residence: false,
    familySupportsHelp: true,
    safetyAtStake: false,
    professionalsInvolved: 0,
    parentsCoordinate: false,
    longHistory: false,
    regieCriteria: { ...LIGHT_REGIE_CRITERIA },
    coSignals: [],
    product: { freelyAccessible: true },
  } satisfies Omit<CaseFacts, 'route' | 'segment' | 'children' | 'resultAreas'>;
}

/**
 * Route A, ambulant, one child (k1, born 5 May 2015) and one result area, all else at its
 * default; `overrides` replace whole fields.
 */
export function plainFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  const birthDate = parseIsoDate('2015-05-05');
  if (birthDate === null) throw new Error('bad date 2015-05-05');
  return {
    route: 'A',
    segment: 'ambulant',
    children: [{ id: 'k1', birthDate }],
    resultAreas: 1,
    ...caseDefaults(),
    ...overrides,
  };
}

/** The test profile TST with just these rules. */
export function testProfile(...rules: Rule[]): Profile {
  return {
    id: 'TST',
    name: 'Test',
    lineage: [],
    sourceKey: 'TST',
    sourceTitle: 'Testbron',
    vocabulary: {
      localTeam: 'a',
      procesregieRole: 'b',
      casusregieRole: 'c',
      expertFunction: 'd',
      planNames: [],
    },
    rules,
  };
}

/** What a test rule cites: the fields every rule has besides its own. */
export const RULE_SOURCE = {
  title: 't',
  source: 'Hoofdstuk',
  sourceKey: 'TST',
  explanation: 'uitleg',
} as const;

/** TST-TERM-INTAKE: the intake within 14 days of the first aanmelding. */
export const intake14: Rule = {
  ...RULE_SOURCE,
  id: 'TST-TERM-INTAKE',
  kind: 'deadline',
  value: { amount: 14, unit: 'd' },
  from: [{ type: 'aanmelding' }],
  until: [{ type: 'intake' }],
  per: 'first',
};
