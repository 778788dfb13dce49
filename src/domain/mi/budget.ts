/**
 * Budget exhaustion per municipality (issue 9, ADR 0024, rule GRO-DEC-BUDGET): the budget of
 * one year against what was allocated in it so far, per product segment, and a forecast of
 * the year-end value and of the day the budget runs out by linear extrapolation of the value
 * allocated per elapsed day. The valuation itself is GRO-DEC-BUDGET's (`allocation/budget.ts`):
 * an allocation counts in the budget year of its start date with its value in that year; this
 * module only adds up the values the store read. Pure: no SQL, no clock ("today" is an input).
 */
import { dayFromYmd, formatIsoDate, ymdFromDay, type DayNumber } from '../time/index.js';
import { belowLabel, HIDDEN_LABEL } from './suppress.js';
import { monthLabel, type Cell, type Suppression, type Table } from './tables.js';

export const BUDGET_RULE = 'GRO-DEC-BUDGET';
/** The segment of an allocation whose product code is not (or no longer) in the catalogue. */
export const UNKNOWN_SEGMENT = 'onbekend';

/** A municipality in the reader's scope with its budget for the year (null: none recorded). */
export interface BudgetMunicipality {
  /** The municipality's code (CBS), as allocations and budgets carry it. */
  readonly code: string;
  readonly name: string;
  readonly budgetCents: number | null;
}

/** One allocation of the budget year (start date in the year, not withdrawn). */
export interface BudgetAllocationRow {
  readonly municipalityCode: string;
  /** The local day the allocation was decided. */
  readonly decidedDay: DayNumber;
  /** Its value in the budget year (GRO-DEC-BUDGET), in cents. */
  readonly valueCents: number;
  /** The product's segment in the region's catalogue, or {@link UNKNOWN_SEGMENT}. */
  readonly segment: string;
}

/** When the budget runs out: already, by forecast, not within the year, or unknown. */
export type Exhaustion =
  | { readonly kind: 'op'; readonly day: DayNumber }
  | { readonly kind: 'prognose'; readonly day: DayNumber }
  | { readonly kind: 'niet-in-jaar' }
  | { readonly kind: 'geen-budget' };

export interface SegmentAmount {
  readonly segment: string;
  readonly cents: number;
  /** How many allocations the amount is built on (for suppression). */
  readonly allocations: number;
}

export interface BudgetLine {
  readonly code: string;
  readonly name: string;
  readonly budgetCents: number | null;
  /** Value of the year's allocations decided up to the reference day. */
  readonly allocatedCents: number;
  readonly remainingCents: number | null;
  /** allocated / budget in percent, one decimal; null without a (non-zero) budget. */
  readonly usedPercent: number | null;
  /** allocated × days in the year / elapsed days; null before the year has begun. */
  readonly forecastCents: number | null;
  readonly exhaustion: Exhaustion;
  /** Per catalogue segment (sorted), segments outside the catalogue after them. */
  readonly segments: readonly SegmentAmount[];
}

export interface BudgetMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Cumulative allocated at the end of the month (or the reference day); null after it. */
  readonly allocatedCents: number | null;
  /** Cumulative forecast at the end of a month after the reference day; else null. */
  readonly forecastCents: number | null;
  /** Sum of the recorded budgets; null when no municipality in scope has one. */
  readonly budgetCents: number | null;
}

export interface BudgetFigures {
  readonly year: number;
  readonly referenceDay: DayNumber;
  /** Days of the year up to and including the reference day (0 to the year's length). */
  readonly elapsedDays: number;
  readonly lines: readonly BudgetLine[];
  readonly months: readonly BudgetMonth[];
}

/**
 * When a budget runs out. Already used up: the day the allocations (in the order they were
 * decided) reached it. Otherwise linear: after k days, k × allocated / elapsed is allocated,
 * so the budget is reached on day k = ⌈budget × elapsed / allocated⌉ of the year, if that is
 * within the year.
 */
export function exhaustion(
  budgetCents: number | null,
  allocations: readonly { readonly day: DayNumber; readonly cents: number }[],
  first: DayNumber,
  daysInYear: number,
  elapsedDays: number,
): Exhaustion {
  if (budgetCents === null) return { kind: 'geen-budget' };
  const sorted = [...allocations].sort((a, b) => a.day - b.day);
  let sum = 0;
  if (budgetCents === 0) return { kind: 'op', day: sorted[0]?.day ?? first };
  for (const a of sorted) {
    sum += a.cents;
    if (sum >= budgetCents) return { kind: 'op', day: a.day };
  }
  if (sum === 0 || elapsedDays === 0) return { kind: 'niet-in-jaar' };
  const k = Math.ceil((budgetCents * elapsedDays) / sum);
  return k <= daysInYear ? { kind: 'prognose', day: first + k - 1 } : { kind: 'niet-in-jaar' };
}

const none = { cents: 0, allocations: 0 };

/**
 * The budget figures of `year` as known on `referenceDay` (the period's end, not after
 * today). An allocation counts from the day it was decided, or from 1 January when it was
 * decided in an earlier year for a start in this one; allocations decided after the
 * reference day do not count yet. `segments` lists the catalogue's segments, so a segment
 * without allocations shows as zero.
 */
export function budgetFigures(
  year: number,
  referenceDay: DayNumber,
  municipalities: readonly BudgetMunicipality[],
  rows: readonly BudgetAllocationRow[],
  segments: readonly string[],
): BudgetFigures {
  const first = dayFromYmd(year, 1, 1);
  const last = dayFromYmd(year, 12, 31);
  const daysInYear = last - first + 1;
  const elapsedDays = Math.min(Math.max(referenceDay - first + 1, 0), daysInYear);
  const counted = rows
    .filter((r) => r.decidedDay <= referenceDay)
    .map((r) => ({ ...r, day: Math.max(r.decidedDay, first) }));

  const lines = municipalities.map((m): BudgetLine => {
    const own = counted.filter((r) => r.municipalityCode === m.code);
    const allocated = own.reduce((sum, r) => sum + r.valueCents, 0);
    const bySegment = new Map<string, { cents: number; allocations: number }>(
      segments.map((s) => [s, { cents: 0, allocations: 0 }]),
    );
    const extra: string[] = [];
    for (const r of own) {
      let s = bySegment.get(r.segment);
      if (!s) {
        s = { cents: 0, allocations: 0 };
        bySegment.set(r.segment, s);
        extra.push(r.segment);
      }
      s.cents += r.valueCents;
      s.allocations += 1;
    }
    const order = [...segments, ...extra.sort((a, b) => a.localeCompare(b))];
    return {
      code: m.code,
      name: m.name,
      budgetCents: m.budgetCents,
      allocatedCents: allocated,
      remainingCents: m.budgetCents === null ? null : m.budgetCents - allocated,
      usedPercent:
        m.budgetCents === null || m.budgetCents === 0
          ? null
          : Math.round((allocated / m.budgetCents) * 1000) / 10,
      forecastCents: elapsedDays === 0 ? null : Math.round((allocated * daysInYear) / elapsedDays),
      exhaustion: exhaustion(
        m.budgetCents,
        own.map((r) => ({ day: r.day, cents: r.valueCents })),
        first,
        daysInYear,
        elapsedDays,
      ),
      segments: order.map((segment) => ({ segment, ...(bySegment.get(segment) ?? none) })),
    };
  });

  const known = municipalities.flatMap((m) => (m.budgetCents === null ? [] : [m.budgetCents]));
  const budget = known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
  const codes = new Set(municipalities.map((m) => m.code));
  const inScope = counted.filter((r) => codes.has(r.municipalityCode));
  const total = inScope.reduce((sum, r) => sum + r.valueCents, 0);
  const months = Array.from({ length: 12 }, (_, i): BudgetMonth => {
    const start = dayFromYmd(year, i + 1, 1);
    const end = i === 11 ? last : dayFromYmd(year, i + 2, 1) - 1;
    const month = formatIsoDate(start).slice(0, 7);
    if (start <= referenceDay) {
      const upTo = Math.min(end, referenceDay);
      const allocated = inScope.reduce((sum, r) => sum + (r.day <= upTo ? r.valueCents : 0), 0);
      return { month, allocatedCents: allocated, forecastCents: null, budgetCents: budget };
    }
    return {
      month,
      allocatedCents: null,
      forecastCents:
        elapsedDays === 0 ? null : Math.round((total * (end - first + 1)) / elapsedDays),
      budgetCents: budget,
    };
  });
  return { year, referenceDay, elapsedDays, lines, months };
}

/** Cents as whole euros (the dashboards show amounts in euros, rounded). */
export const euros = (cents: number): number => Math.round(cents / 100);

/** `2026-10-14` → `14 okt 2026`. */
export function dayLabel(day: DayNumber): string {
  const { day: d } = ymdFromDay(day);
  return `${d} ${monthLabel(formatIsoDate(day).slice(0, 7))}`;
}

function exhaustionLabel(e: Exhaustion, year: number): string {
  switch (e.kind) {
    case 'op':
      return `al op sinds ${dayLabel(e.day)}`;
    case 'prognose':
      return dayLabel(e.day);
    case 'niet-in-jaar':
      return `niet in ${year}`;
    case 'geen-budget':
      return 'geen budget vastgelegd';
  }
}

/**
 * The segment amounts of one municipality as shown. In a suppressed view an amount built on
 * 1 to threshold − 1 allocations could point at one child, so it reads "< N" (primary). The
 * municipality's total is shown (it is in the budget table too), so a single hidden segment
 * would follow from the total minus the others: then the segment with the fewest allocations
 * among the rest (else one without any) is hidden as "x" as well (secondary).
 */
export function segmentCells(segments: readonly SegmentAmount[], s: Suppression): Cell[] {
  const primary = segments.map((g) => s.on && g.allocations > 0 && g.allocations < s.threshold);
  const secondary = segments.map(() => false);
  if (primary.filter(Boolean).length === 1) {
    const weight = (i: number) => {
      const n = segments[i]?.allocations ?? 0;
      return n === 0 ? Number.MAX_SAFE_INTEGER : n;
    };
    const other = segments
      .map((_, i) => i)
      .filter((i) => !primary[i])
      .sort((a, b) => weight(a) - weight(b))[0];
    if (other !== undefined) secondary[other] = true;
  }
  return segments.map((g, i) =>
    secondary[i] ? HIDDEN_LABEL : primary[i] ? belowLabel(s.threshold) : euros(g.cents),
  );
}

/**
 * The budget dashboard's tables: budget and exhaustion per municipality, the cumulative
 * allocated value per month against the budget (with the forecast after the reference day),
 * and per municipality the allocated value per product segment (suppressed when asked).
 */
export function budgetTables(f: BudgetFigures, s: Suppression): Table[] {
  const tables: Table[] = [
    {
      id: 'budget-gemeente',
      title: `Budget ${f.year} en uitputting per gemeente (${BUDGET_RULE})`,
      columns: [
        'Gemeente',
        'Budget (€)',
        'Toegewezen tot nu (€)',
        'Resterend (€)',
        'Gebruikt (%)',
        'Prognose einde jaar (€)',
        'Budget op (prognose)',
      ],
      rows: f.lines.map((l) => ({
        label: l.name,
        cells: [
          l.budgetCents === null ? null : euros(l.budgetCents),
          euros(l.allocatedCents),
          l.remainingCents === null ? null : euros(l.remainingCents),
          l.usedPercent,
          l.forecastCents === null ? null : euros(l.forecastCents),
          exhaustionLabel(l.exhaustion, f.year),
        ],
      })),
      totals: false,
    },
    {
      id: 'budget-maand',
      title: `Toegewezen in ${f.year}, opgeteld per maand, tegen het budget`,
      columns: ['Maand', 'Toegewezen, opgeteld (€)', 'Prognose, opgeteld (€)', 'Budget (€)'],
      rows: f.months.map((m) => ({
        label: monthLabel(m.month),
        cells: [
          m.allocatedCents === null ? null : euros(m.allocatedCents),
          m.forecastCents === null ? null : euros(m.forecastCents),
          m.budgetCents === null ? null : euros(m.budgetCents),
        ],
      })),
      totals: false,
    },
  ];
  for (const l of f.lines) {
    const amounts = segmentCells(l.segments, s);
    tables.push({
      id: `budget-segment-${l.code}`,
      title: `Toegewezen in ${f.year} per productsegment: ${l.name}`,
      columns: ['Productsegment', 'Toegewezen (€)', 'Aandeel (%)'],
      rows: [
        ...l.segments.map((g, i) => {
          const amount = amounts[i] ?? null;
          return {
            label: g.segment,
            cells: [
              amount,
              typeof amount !== 'number' || l.allocatedCents === 0
                ? null
                : Math.round((g.cents / l.allocatedCents) * 1000) / 10,
            ],
          };
        }),
        {
          label: 'Totaal',
          cells: [euros(l.allocatedCents), l.allocatedCents === 0 ? null : 100],
        },
      ],
      totals: true,
    });
  }
  return tables;
}
