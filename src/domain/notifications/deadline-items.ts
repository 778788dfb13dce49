/**
 * Deadline notices: of the deadlines still to be met on the cases a person may see, the ones
 * that are overdue or fall due within the next N working days (Algemene termijnenwet:
 * weekends and general holidays do not count). They are derived from the rules engine's
 * results every time, never stored, so they disappear as soon as the deadline is met.
 */
import type { DeadlineResult } from '../rules/types.js';
import {
  addWorkingDays,
  localDay,
  parseInstant,
  parseIsoDate,
  type DayNumber,
} from '../time/index.js';

/** One case's deadlines that are still open or overdue, as the rules engine gave them. */
export interface CasePendingDeadlines {
  readonly caseId: string;
  /** The family's label, for the in-app list (the e-mail leaves it out). */
  readonly family: string;
  readonly pending: readonly Pick<DeadlineResult, 'rule' | 'due' | 'status' | 'source' | 'child'>[];
}

export type DeadlineNoticeState = 'verlopen' | 'binnenkort';

export interface DeadlineNotice {
  readonly caseId: string;
  readonly family: string;
  /** The rule ID, e.g. `LEK-TERM-INTAKE-AMBULANT`. */
  readonly rule: string;
  readonly source: string;
  readonly child: string | null;
  /** `YYYY-MM-DD`, or an ISO instant for hour-based deadlines. */
  readonly due: string;
  readonly state: DeadlineNoticeState;
}

/** The local date a deadline falls due on; null for a value the engine never produces. */
export function dueDay(due: string): DayNumber | null {
  if (due.length === 10) return parseIsoDate(due);
  const instant = parseInstant(due);
  return instant === null ? null : localDay(instant);
}

/**
 * The last day that still counts as "due soon": today plus `workingDays` working days. With 3
 * on a Friday that is the next Wednesday; with 0 it is today.
 */
export function dueSoonUntil(today: DayNumber, workingDays: number): DayNumber {
  return addWorkingDays(today, Math.max(0, workingDays));
}

/**
 * The notices for a set of cases: every overdue deadline, and every open one due on or before
 * `dueSoonUntil(today, workingDays)`. Overdue first (longest overdue first), then by due date;
 * case and rule settle ties so the order is stable.
 */
export function deadlineNotices(
  cases: readonly CasePendingDeadlines[],
  today: DayNumber,
  workingDays: number,
): DeadlineNotice[] {
  const horizon = dueSoonUntil(today, workingDays);
  const notices: DeadlineNotice[] = [];
  for (const c of cases)
    for (const d of c.pending) {
      let state: DeadlineNoticeState | null = null;
      if (d.status === 'overdue') state = 'verlopen';
      else if (d.status === 'open') {
        const day = dueDay(d.due);
        if (day !== null && day <= horizon) state = 'binnenkort';
      }
      if (state === null) continue;
      notices.push({
        caseId: c.caseId,
        family: c.family,
        rule: d.rule,
        source: d.source,
        child: d.child,
        due: d.due,
        state,
      });
    }
  return notices.sort(
    (a, b) =>
      (a.state === b.state ? 0 : a.state === 'verlopen' ? -1 : 1) ||
      a.due.localeCompare(b.due) ||
      a.caseId.localeCompare(b.caseId) ||
      a.rule.localeCompare(b.rule),
  );
}
