import { evaluate, type EvaluationResult, type Profile } from '../domain/rules/index.js';
import { normalizeScenario } from './normalize.js';

export { normalizeScenario, ScenarioError, type ScenarioIssue } from './normalize.js';
export { scenarioSchema, type ScenarioInput } from './schema.js';

/** Validates a scenario and evaluates it with its region's profile. Throws ScenarioError. */
export function evaluateScenario(
  input: unknown,
  profiles: ReadonlyMap<string, Profile>,
): EvaluationResult {
  const scenario = normalizeScenario(input, profiles);
  return evaluate(scenario.profile, scenario.facts, scenario.events, scenario.now);
}
