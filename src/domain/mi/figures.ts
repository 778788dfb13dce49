/**
 * Management figures (issue 9, ADR 0024), computed from plain rows the store reads: caseload
 * per casusregisseur and per team against the caseload norm, inflow per month by route and by
 * referrer type, waiting time from registration to the start of help, and deadline compliance
 * per rule from the rules engine's results. Pure: no SQL, no clock.
 */
import type { DeadlineStatus } from '../rules/types.js';

/** A casusregisseur of a team, with the part of a full-time job they work. */
export interface StaffRow {
  readonly staffId: string;
  readonly name: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly fte: number;
}

/** An open case whose casusregie a professional holds now. */
export interface RegieRow {
  readonly staffId: string;
  readonly householdId: string;
}

/** The norm the caseload is held against: families per full-time casusregisseur. */
export interface CaseloadNorm {
  readonly rule: string;
  readonly familiesPerFte: number;
  /** True when one region's norm is applied to every region. */
  readonly appliedEverywhere: boolean;
}

export interface CaseloadLine {
  readonly id: string;
  readonly name: string;
  /** Distinct families (households) with an open case. */
  readonly families: number;
  readonly fte: number;
  /** Families the norm allows for this FTE. */
  readonly capacity: number;
  /** families / capacity, rounded to two decimals; null without FTE. */
  readonly ratio: number | null;
}

export interface Caseload {
  readonly norm: CaseloadNorm;
  readonly perStaff: readonly CaseloadLine[];
  readonly perTeam: readonly CaseloadLine[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function line(id: string, name: string, families: number, fte: number, perFte: number) {
  const capacity = round2(fte * perFte);
  return {
    id,
    name,
    families,
    fte: round2(fte),
    capacity,
    ratio: capacity > 0 ? round2(families / capacity) : null,
  };
}

/**
 * Caseload per casusregisseur and per team. A family counts once per casusregisseur however
 * many of its cases they hold, and once per team; cases held by someone outside `staff` are
 * left out (they are not in the scope being looked at).
 */
export function caseload(
  staff: readonly StaffRow[],
  regie: readonly RegieRow[],
  norm: CaseloadNorm,
): Caseload {
  const byStaff = new Map<string, Set<string>>();
  const byTeam = new Map<string, Set<string>>();
  const staffById = new Map(staff.map((s) => [s.staffId, s]));
  for (const r of regie) {
    const s = staffById.get(r.staffId);
    if (!s) continue;
    const own = byStaff.get(s.staffId) ?? new Set<string>();
    own.add(r.householdId);
    byStaff.set(s.staffId, own);
    const team = byTeam.get(s.teamId) ?? new Set<string>();
    team.add(r.householdId);
    byTeam.set(s.teamId, team);
  }
  const perStaff = staff
    .map((s) =>
      line(s.staffId, s.name, byStaff.get(s.staffId)?.size ?? 0, s.fte, norm.familiesPerFte),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
  const teams = new Map<string, { name: string; fte: number }>();
  for (const s of staff) {
    const t = teams.get(s.teamId) ?? { name: s.teamName, fte: 0 };
    t.fte += s.fte;
    teams.set(s.teamId, t);
  }
  const perTeam = [...teams]
    .map(([id, t]) => line(id, t.name, byTeam.get(id)?.size ?? 0, t.fte, norm.familiesPerFte))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
  return { norm, perStaff, perTeam };
}

export const ROUTES = ['A', 'B', 'C'] as const;
export type Route = (typeof ROUTES)[number];

/** Referrer types; `geen` is a request without a referral (the family or the local team). */
export const REFERRER_TYPES = ['huisarts', 'jeugdarts', 'medisch-specialist', 'geen'] as const;
export type ReferrerType = (typeof REFERRER_TYPES)[number];

export interface InflowRow {
  /** Month of registration, local time: `YYYY-MM`. */
  readonly month: string;
  readonly route: Route;
  readonly referrerType: ReferrerType;
}

export interface Inflow {
  readonly months: readonly string[];
  /** Per month (same order as `months`) the count per route. */
  readonly byRoute: readonly Readonly<Record<Route, number>>[];
  readonly byReferrer: readonly Readonly<Record<ReferrerType, number>>[];
}

/** Every month from `first` to `last` (`YYYY-MM`), inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/**
 * New cases per month by route and by referrer type. `months` lists the months to show (the
 * period), so a month without inflow shows zeros instead of disappearing; rows outside it are
 * ignored.
 */
export function inflow(rows: readonly InflowRow[], months: readonly string[]): Inflow {
  const index = new Map(months.map((m, i) => [m, i]));
  const byRoute = months.map(() => ({ A: 0, B: 0, C: 0 }));
  const byReferrer = months.map(() => ({
    huisarts: 0,
    jeugdarts: 0,
    'medisch-specialist': 0,
    geen: 0,
  }));
  for (const r of rows) {
    const i = index.get(r.month);
    const route = i === undefined ? undefined : byRoute[i];
    const referrer = i === undefined ? undefined : byReferrer[i];
    if (!route || !referrer) continue;
    route[r.route] += 1;
    referrer[r.referrerType] += 1;
  }
  return { months, byRoute, byReferrer };
}

/** A case's wait: registration and start of help as day numbers (start null: still waiting). */
export interface WaitRow {
  readonly route: Route;
  readonly registeredDay: number;
  readonly helpStartDay: number | null;
  /**
   * The region's deadline from registration to the start of help that applies to the case
   * (the engine's result), or null when no rule sets one.
   */
  readonly deadline: { readonly rule: string; readonly status: DeadlineStatus } | null;
}

export interface WaitingTime {
  readonly route: Route;
  /** Cases whose help started. */
  readonly started: number;
  readonly stillWaiting: number;
  /** In days; null when no help started. */
  readonly median: number | null;
  readonly p90: number | null;
  /** Per deadline rule: started in time, started late, waiting past it, waiting within it. */
  readonly deadlines: readonly {
    readonly rule: string;
    readonly counts: Readonly<Record<DeadlineStatus, number>>;
  }[];
}

/** Median of sorted numbers: the middle one, or the mean of the middle two. */
export function median(sorted: readonly number[]): number | null {
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  if (upper === undefined) return null;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** The p-th percentile of sorted numbers by nearest rank: the ⌈p/100 · n⌉-th value. */
export function percentile(sorted: readonly number[], p: number): number | null {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

const emptyStatusCounts = (): Record<DeadlineStatus, number> => ({
  met: 0,
  'met-late': 0,
  overdue: 0,
  open: 0,
});

/** Waiting time in days from registration to the start of help, per route. */
export function waitingTimes(rows: readonly WaitRow[]): WaitingTime[] {
  return ROUTES.map((route) => {
    const own = rows.filter((r) => r.route === route);
    const days = own
      .flatMap((r) => (r.helpStartDay === null ? [] : [r.helpStartDay - r.registeredDay]))
      .sort((a, b) => a - b);
    const byRule = new Map<string, Record<DeadlineStatus, number>>();
    for (const r of own) {
      if (!r.deadline) continue;
      const counts = byRule.get(r.deadline.rule) ?? emptyStatusCounts();
      counts[r.deadline.status] += 1;
      byRule.set(r.deadline.rule, counts);
    }
    return {
      route,
      started: days.length,
      stillWaiting: own.length - days.length,
      median: median(days),
      p90: percentile(days, 90),
      deadlines: [...byRule]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([rule, counts]) => ({ rule, counts })),
    };
  });
}

export interface ComplianceLine {
  readonly rule: string;
  readonly counts: Readonly<Record<DeadlineStatus, number>>;
  readonly total: number;
}

/** Deadline results per rule ID: met, met late, overdue, open. Sorted by rule ID. */
export function deadlineCompliance(
  results: readonly { readonly rule: string; readonly status: DeadlineStatus }[],
): ComplianceLine[] {
  const byRule = new Map<string, Record<DeadlineStatus, number>>();
  for (const r of results) {
    const counts = byRule.get(r.rule) ?? emptyStatusCounts();
    counts[r.status] += 1;
    byRule.set(r.rule, counts);
  }
  return [...byRule]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, counts]) => ({
      rule,
      counts,
      total: counts.met + counts['met-late'] + counts.overdue + counts.open,
    }));
}
