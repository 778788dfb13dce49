/**
 * What an allocation is worth and what is left of a municipality's budget (GRO: the youth
 * care budget is monitored per municipality, personal budgets included; DOMAIN.md section 6,
 * rule GRO-DEC-BUDGET). An allocation is valued at volume × tariff for the periods it runs
 * within the budget year; an open-ended allocation runs to the end of that year.
 */
import { dayFromYmd, parseIsoDate, type DayNumber } from '../time/index.js';

export interface ValuedLine {
  readonly volume: number;
  /** WMO757: 1 per day, 2 per week, 4 per month, 6 in total. */
  readonly frequency: string;
  /** Tariff per unit in cents. */
  readonly tariffCents: number;
  /** `YYYY-MM-DD`; end inclusive, null while open-ended. */
  readonly start: string;
  readonly end: string | null;
}

const DAYS_PER_MONTH = 365.25 / 12;

/** How many times the volume is delivered between two days (both inclusive). */
function periods(frequency: string, from: DayNumber, to: DayNumber): number {
  const days = to - from + 1;
  if (days <= 0) return 0;
  switch (frequency) {
    case '1':
      return days;
    case '2':
      return days / 7;
    case '4':
      return days / DAYS_PER_MONTH;
    default:
      return 1;
  }
}

/**
 * The value in cents of the part of a line that falls in `year`. A total volume
 * (frequency 6) counts wholly in the year the allocation starts.
 */
export function valueInYear(line: ValuedLine, year: number): number {
  const start = parseIsoDate(line.start);
  if (start === null) return 0;
  const end = line.end === null ? null : parseIsoDate(line.end);
  const first = dayFromYmd(year, 1, 1);
  const last = dayFromYmd(year, 12, 31);
  if (line.frequency === '6')
    return start >= first && start <= last ? Math.round(line.volume * line.tariffCents) : 0;
  const from = Math.max(start, first);
  const to = Math.min(end ?? last, last);
  return Math.round(line.volume * line.tariffCents * periods(line.frequency, from, to));
}

export interface BudgetState {
  readonly year: number;
  /** Null when the municipality has not recorded a budget for the year. */
  readonly budgetCents: number | null;
  /** Value of the allocations already made in the year. */
  readonly allocatedCents: number;
  /** Value of what is being decided now. */
  readonly proposedCents: number;
  /** Budget minus allocated, before and after this decision; null without a budget. */
  readonly remainingCents: number | null;
  readonly remainingAfterCents: number | null;
  /** A warning, naming its rule, when the decision would exceed the budget. */
  readonly warning: string | null;
}

export function budgetState(
  year: number,
  budgetCents: number | null,
  allocatedCents: number,
  proposedCents: number,
): BudgetState {
  const remaining = budgetCents === null ? null : budgetCents - allocatedCents;
  const after = remaining === null ? null : remaining - proposedCents;
  let warning: string | null = null;
  if (budgetCents === null)
    warning = `Er is geen budget voor ${year} vastgelegd; de uitputting is niet te bewaken (GRO-DEC-BUDGET).`;
  else if (after !== null && after < 0)
    warning = `Deze toewijzing overschrijdt het budget ${year} van de gemeente (GRO-DEC-BUDGET). Toewijzen blijft mogelijk: het budget wordt bewaakt, het recht op passende hulp blijft.`;
  return {
    year,
    budgetCents,
    allocatedCents,
    proposedCents,
    remainingCents: remaining,
    remainingAfterCents: after,
    warning,
  };
}
