/**
 * The retention period of the record (Jeugdwet artikel 7.3.8 lid 3): twenty years from the last
 * change of the record. Pure date logic on Amsterdam calendar days; the store collects the
 * moments of change, the retention job flags the cases whose period has run out (ADR 0019).
 */
import { addYearsMonths, formatIsoDate, localDay, type DayNumber } from '../time/index.js';

/** Years the record is kept after its last change (Jeugdwet 7.3.8 lid 3). */
export const RETENTION_YEARS = 20;

/** The rule every retention flag cites. */
export const RETENTION_RULE = 'Jeugdwet artikel 7.3.8 lid 3';

/**
 * The Amsterdam day of the latest change among the given instants (timeline entries, plan
 * versions, role changes, closure, …); null when there are none.
 */
export function lastChangeDay(changes: readonly (Date | null | undefined)[]): DayNumber | null {
  let latest: number | null = null;
  for (const at of changes) {
    if (!at) continue;
    const ms = at.getTime();
    if (Number.isNaN(ms)) continue;
    if (latest === null || ms > latest) latest = ms;
  }
  return latest === null ? null : localDay(latest);
}

/**
 * The first day on which the record may be destroyed: the same calendar day twenty years after
 * the last change. A change on 29 February counts to 28 February when that year has no leap
 * day (the month's last day, as every month-based period in the product does).
 */
export function retentionDueOn(lastChange: DayNumber): DayNumber {
  return addYearsMonths(lastChange, RETENTION_YEARS, 0);
}

/** Whether the retention period has run out on `today` (the due day itself counts). */
export function isRetentionDue(lastChange: DayNumber, today: DayNumber): boolean {
  return today >= retentionDueOn(lastChange);
}

/** The retention status of a record for a list: last change and due day as `YYYY-MM-DD`. */
export interface RetentionStatus {
  readonly lastChange: string;
  readonly dueOn: string;
  readonly due: boolean;
}

/** The retention status for the given changes on `today`; null for a record without changes. */
export function retentionStatus(
  changes: readonly (Date | null | undefined)[],
  today: DayNumber,
): RetentionStatus | null {
  const last = lastChangeDay(changes);
  if (last === null) return null;
  return {
    lastChange: formatIsoDate(last),
    dueOn: formatIsoDate(retentionDueOn(last)),
    due: isRetentionDue(last, today),
  };
}
