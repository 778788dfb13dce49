/**
 * Shared helpers for the spec-derived engine tests: build a minimal valid scenario, evaluate it
 * with the shipped region profiles, and pick results by rule ID.
 */
import { expect } from 'vitest';
import type {
  DeadlineResult,
  DecisionResult,
  EvaluationResult,
  RequirementResult,
} from '../../src/domain/rules/index.js';
import { loadProfiles } from '../../src/regions/load.js';
import {
  evaluateScenario,
  ScenarioError,
  type ScenarioInput,
  type ScenarioIssue,
} from '../../src/scenario/index.js';

export const profiles = loadProfiles();

export type CaseInput = ScenarioInput['case'];
export type EventInput = NonNullable<ScenarioInput['events']>[number];
export type EventType = EventInput['type'];

/** A child born well before every event used in these tests (13 in March 2026). */
export const DEFAULT_CHILD = { id: 'k1', birthDate: '2012-06-30' } as const;

/** An event; `extra` carries `child`, `kind` or `date`. */
export function ev(
  type: EventType,
  at: string,
  extra: Omit<EventInput, 'type' | 'at'> = {},
): EventInput {
  return { type, at, ...extra };
}

/**
 * A minimal valid scenario: route A, segment ambulant and one child, plus overrides of any case
 * field. All other case fields are left to the documented defaults.
 */
export function scenario(
  region: string,
  now: string,
  events: EventInput[] = [],
  caseFields: Partial<CaseInput> = {},
): ScenarioInput {
  return {
    region,
    now,
    case: { route: 'A', segment: 'ambulant', children: [{ ...DEFAULT_CHILD }], ...caseFields },
    events,
  };
}

export function run(input: unknown): EvaluationResult {
  return evaluateScenario(input, profiles);
}

export function deadlinesOf(result: EvaluationResult, rule: string): DeadlineResult[] {
  return result.deadlines.filter((d) => d.rule === rule);
}

/** The single entry of a rule (fails the test when there is not exactly one). */
export function onlyDeadline(result: EvaluationResult, rule: string): DeadlineResult {
  const list = deadlinesOf(result, rule);
  expect(list, `exactly one entry for ${rule}`).toHaveLength(1);
  const [first] = list;
  if (first === undefined) throw new Error(`no entry for ${rule}`);
  return first;
}

/** The single decision of a rule (for a child when given); checks that it has reasons. */
export function decisionOf(result: EvaluationResult, rule: string, child?: string): DecisionResult {
  const list = result.decisions.filter(
    (d) => d.rule === rule && (child === undefined || d.child === child),
  );
  expect(list, `exactly one decision for ${rule}${child ? ` (${child})` : ''}`).toHaveLength(1);
  const [first] = list;
  if (first === undefined) throw new Error(`no decision for ${rule}`);
  expect(first.reasons.length, `${rule} gives reasons`).toBeGreaterThan(0);
  for (const reason of first.reasons) expect(reason.trim()).not.toBe('');
  return first;
}

export function outcomeOf(result: EvaluationResult, rule: string, child?: string): string {
  return decisionOf(result, rule, child).outcome;
}

export function requirementOf(
  result: EvaluationResult,
  rule: string,
): RequirementResult | undefined {
  const list = result.requirements.filter((r) => r.rule === rule);
  expect(list.length).toBeLessThanOrEqual(1);
  return list[0];
}

/** Every rule ID that shows up anywhere in a result. */
export function ruleIds(result: EvaluationResult): Set<string> {
  return new Set([
    ...result.deadlines.map((d) => d.rule),
    ...result.decisions.map((d) => d.rule),
    ...result.requirements.map((r) => r.rule),
  ]);
}

export function deadlineRuleIds(result: EvaluationResult): string[] {
  return [...new Set(result.deadlines.map((d) => d.rule))].sort();
}

/** The issues of the ScenarioError the input must raise. */
export function issuesOf(input: unknown): ScenarioIssue[] {
  let caught: unknown;
  try {
    run(input);
  } catch (error) {
    caught = error;
  }
  expect(caught, 'a ScenarioError is thrown').toBeInstanceOf(ScenarioError);
  if (!(caught instanceof ScenarioError)) return [];
  expect(caught.issues.length).toBeGreaterThan(0);
  return [...caught.issues];
}

export function issuePaths(input: unknown): string[] {
  return issuesOf(input).map((i) => i.path);
}

/** The outcome of a decision rule, or `rejected` when the scenario is refused as input. */
export function outcomeOrRejected(input: unknown, rule: string): string {
  let result: EvaluationResult;
  try {
    result = run(input);
  } catch (error) {
    if (error instanceof ScenarioError) return 'rejected';
    throw error;
  }
  return outcomeOf(result, rule);
}
