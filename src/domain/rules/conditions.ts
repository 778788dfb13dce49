import type { CaseEvent, CaseFacts, Condition, EventMatcher } from './types.js';

/** Looks up the outcomes another decision rule produced (several for per-child rules). */
export type OutcomeLookup = (ruleId: string) => readonly string[];

/** True when every part of the condition holds for the case. A missing condition always holds. */
export function conditionHolds(
  condition: Condition | undefined,
  facts: CaseFacts,
  outcomeOf: OutcomeLookup,
): boolean {
  if (!condition) return true;
  if (condition.segment && !condition.segment.includes(facts.segment)) return false;
  if (condition.notSegment?.includes(facts.segment)) return false;
  if (condition.route && !condition.route.includes(facts.route)) return false;
  if (condition.measure && !condition.measure.includes(facts.measure ?? 'geen')) return false;
  if (condition.ivh !== undefined && condition.ivh !== facts.ivh) return false;
  if (condition.decision) {
    const wanted = condition.decision.outcome;
    if (!outcomeOf(condition.decision.rule).some((o) => wanted.includes(o))) return false;
  }
  return true;
}

/** True when the event matches one of the matchers (type, and kind where given). */
export function eventMatches(event: CaseEvent, matchers: readonly EventMatcher[]): boolean {
  for (const matcher of matchers) {
    if (matcher.type !== event.type) continue;
    if (!matcher.kind || (event.kind !== undefined && matcher.kind.includes(event.kind)))
      return true;
  }
  return false;
}
