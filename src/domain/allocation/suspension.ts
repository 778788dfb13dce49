/**
 * A suspension by the family that is not resumed in time (RIJ step 3, RIJ-TERM-SUSPEND): the
 * provider stopped the care temporarily (JW307, reason 20); a new start (JW305) within the
 * region's limit resumes it; after the limit the entitlement lapses and a new allocation is
 * needed. The limit is the profile's deadline rule from `opschorting` with the effect
 * `recht-vervallen`, so a region without such a rule never lapses anything.
 */
import { addDuration } from '../rules/durations.js';
import type { DeadlineRule, Duration, Profile } from '../rules/types.js';
import type { DayNumber } from '../time/index.js';

/** The profile's lapse rule, if it has one. */
export function lapseRule(
  profile: Profile,
): { readonly id: string; readonly value: Duration } | null {
  const rule = profile.rules.find(
    (r): r is DeadlineRule =>
      r.kind === 'deadline' &&
      r.effect === 'recht-vervallen' &&
      r.from.some((m) => m.type === 'opschorting'),
  );
  return rule ? { id: rule.id, value: rule.value } : null;
}

/** The last day a suspension that started on `suspendedOn` can still be resumed. */
export function resumeBy(suspendedOn: DayNumber, limit: Duration): DayNumber {
  return addDuration(suspendedOn, limit);
}

/** Whether the entitlement has lapsed today: the last day to resume has passed. */
export function hasLapsed(suspendedOn: DayNumber, limit: Duration, today: DayNumber): boolean {
  return today > resumeBy(suspendedOn, limit);
}
