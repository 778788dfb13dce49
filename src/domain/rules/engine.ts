import { localDay } from '../time/index.js';
import { conditionHolds, eventMatches } from './conditions.js';
import {
  ageEntries,
  beforeEntries,
  cadenceEntries,
  deadlineEntries,
  sourceOf,
  type Now,
} from './deadlines.js';
import { decide } from './decisions.js';
import type {
  CaseEvent,
  CaseFacts,
  DeadlineResult,
  DecisionResult,
  EvaluationResult,
  Profile,
  RequirementResult,
  RequirementRule,
  Rule,
} from './types.js';

function inForce(rule: Rule, today: number): boolean {
  if (rule.validFrom !== undefined && today < rule.validFrom) return false;
  if (rule.validUntil !== undefined && today > rule.validUntil) return false;
  return true;
}

function requirement(
  rule: RequirementRule,
  events: readonly CaseEvent[],
): RequirementResult | null {
  const startIndex = events.findIndex((e) => e.type === rule.after);
  if (startIndex < 0) return null;
  const later = events.slice(startIndex);
  let satisfied = true;
  const reasons = rule.minimum.map(({ event, count }) => {
    const found = later.filter((e) => eventMatches(e, [event])).length;
    if (found < count) satisfied = false;
    const label = event.kind ? `${event.type} (${event.kind.join('/')})` : event.type;
    return `${label}: ${found} van minimaal ${count}.`;
  });
  return {
    rule: rule.id,
    outcome: satisfied ? 'voldaan' : 'nog-niet-voldaan',
    reasons,
    source: sourceOf(rule),
  };
}

/**
 * Evaluates a region profile against one case: which deadlines run and how they stand,
 * which decisions follow from the facts (with reasons), and which minimum requirements are met.
 *
 * Pure: `events` must be sorted by time and `nowMs` is the moment of evaluation; nothing is
 * read from the clock or the environment. Rules whose `when` does not hold, or that are not
 * in force today, do not appear.
 */
export function evaluate(
  profile: Profile,
  facts: CaseFacts,
  events: readonly CaseEvent[],
  nowMs: number,
): EvaluationResult {
  const now: Now = { at: nowMs, day: localDay(nowMs) };
  const rules = profile.rules.filter((r) => inForce(r, now.day));
  const byId = new Map(rules.map((r) => [r.id, r]));

  const decisionCache = new Map<string, readonly DecisionResult[]>();
  const decisionsOf = (id: string): readonly DecisionResult[] => {
    const cached = decisionCache.get(id);
    if (cached) return cached;
    const rule = byId.get(id);
    if (!rule || rule.kind !== 'decision') return [];
    decisionCache.set(id, []);
    const value = conditionHolds(rule.when, facts, outcomeOf)
      ? decide(rule, facts, now.day, decisionsOf)
      : [];
    decisionCache.set(id, value);
    return value;
  };
  const outcomeOf = (id: string): readonly string[] => decisionsOf(id).map((d) => d.outcome);

  const deadlines: DeadlineResult[] = [];
  const decisions: DecisionResult[] = [];
  const requirements: RequirementResult[] = [];
  for (const rule of rules) {
    if (rule.kind === 'decision') {
      decisions.push(...decisionsOf(rule.id));
      continue;
    }
    if (!conditionHolds(rule.when, facts, outcomeOf)) continue;
    switch (rule.kind) {
      case 'deadline':
        deadlines.push(...deadlineEntries(rule, events, now));
        break;
      case 'age':
        deadlines.push(...ageEntries(rule, facts, events, now));
        break;
      case 'before':
        deadlines.push(...beforeEntries(rule, events, now));
        break;
      case 'cadence':
        deadlines.push(...cadenceEntries(rule, events, now));
        break;
      case 'requirement': {
        const outcome = requirement(rule, events);
        if (outcome) requirements.push(outcome);
        break;
      }
      default:
        // Norms, procedures, escalation ladders and checklists are shown, not evaluated.
        break;
    }
  }
  return { region: profile.id, deadlines, decisions, requirements };
}
