import { formatInstant, formatIsoDate, addYearsMonths, type DayNumber } from '../time/index.js';
import { addDuration, addHours, isHourBased } from './durations.js';
import { eventMatches } from './conditions.js';
import type {
  AgeRule,
  BeforeRule,
  CadenceRule,
  CaseEvent,
  CaseFacts,
  DeadlineResult,
  DeadlineRule,
  DeadlineStatus,
  Rule,
} from './types.js';

/** The moment of evaluation: an instant and its Europe/Amsterdam date. */
export interface Now {
  readonly at: number;
  readonly day: DayNumber;
}

/** `Regio: section` — how a result names where its rule comes from. */
export function sourceOf(rule: Rule): string {
  return `${rule.sourceKey}: ${rule.source}`;
}

function dayStatus(due: DayNumber, target: CaseEvent | undefined, now: Now): DeadlineStatus {
  if (target) return target.day <= due ? 'met' : 'met-late';
  return now.day > due ? 'overdue' : 'open';
}

function instantStatus(due: number, target: CaseEvent | undefined, now: Now): DeadlineStatus {
  if (target) return target.at <= due ? 'met' : 'met-late';
  return now.at > due ? 'overdue' : 'open';
}

type Entry = Omit<DeadlineResult, 'rule' | 'source' | 'override'>;

/** A result with its fields in the documented order: rule, child, start, due, status, metAt, source. */
function entry(rule: Rule, fields: Entry): DeadlineResult {
  const { child, start, due, status, metAt, ...extra } = fields;
  return {
    rule: rule.id,
    child,
    start,
    due,
    status,
    metAt,
    source: sourceOf(rule),
    ...extra,
    ...(rule.override ? { override: rule.override } : {}),
  };
}

/**
 * "From X until Y within N". The clock starts at the first X (`per: first`) or at every X
 * (`per: each`); it stops at the first Y at or after its start that has not already stopped
 * an earlier clock of the same rule.
 */
export function deadlineEntries(
  rule: DeadlineRule,
  events: readonly CaseEvent[],
  now: Now,
): DeadlineResult[] {
  const results: DeadlineResult[] = [];
  const used = new Set<number>();
  for (let i = 0; i < events.length; i++) {
    const start = events[i] as CaseEvent;
    if (!eventMatches(start, rule.from)) continue;
    let target: CaseEvent | undefined;
    for (let j = i; j < events.length; j++) {
      const candidate = events[j] as CaseEvent;
      if (j !== i && !used.has(j) && eventMatches(candidate, rule.until)) {
        target = candidate;
        used.add(j);
        break;
      }
    }
    const effect = rule.effect ? { effect: rule.effect } : {};
    if (isHourBased(rule.value)) {
      const due = addHours(start.at, rule.value);
      const status = instantStatus(due, target, now);
      results.push(
        entry(rule, {
          child: null,
          start: formatInstant(start.at),
          due: formatInstant(due),
          status,
          metAt: target ? formatInstant(target.at) : null,
          ...(status === 'overdue' || status === 'met-late' ? effect : {}),
        }),
      );
    } else {
      const due = addDuration(start.day, rule.value);
      const status = dayStatus(due, target, now);
      results.push(
        entry(rule, {
          child: null,
          start: formatIsoDate(start.day),
          due: formatIsoDate(due),
          status,
          metAt: target ? formatIsoDate(target.day) : null,
          ...(status === 'overdue' || status === 'met-late' ? effect : {}),
        }),
      );
    }
    if (rule.per === 'first') break;
  }
  return results;
}

/** An age deadline per child: birth date plus years and months, met by an event about that child. */
export function ageEntries(
  rule: AgeRule,
  facts: CaseFacts,
  events: readonly CaseEvent[],
  now: Now,
): DeadlineResult[] {
  return facts.children.map((child) => {
    const due = addYearsMonths(child.birthDate, rule.years, rule.months);
    const target = events.find((e) => e.child === child.id && eventMatches(e, rule.until));
    return entry(rule, {
      child: child.id,
      start: formatIsoDate(child.birthDate),
      due: formatIsoDate(due),
      status: dayStatus(due, target, now),
      metAt: target ? formatIsoDate(target.day) : null,
    });
  });
}

/**
 * "N before X": X is the date the latest reference event carries (a later event replaces an
 * earlier planned end, e.g. after an extension); the clock starts when that event was recorded.
 */
export function beforeEntries(
  rule: BeforeRule,
  events: readonly CaseEvent[],
  now: Now,
): DeadlineResult[] {
  let referenceIndex = -1;
  events.forEach((e, i) => {
    if (e.type === rule.reference && e.date !== undefined) referenceIndex = i;
  });
  if (referenceIndex < 0) return [];
  const reference = events[referenceIndex] as CaseEvent;
  const due = addDuration(reference.date as DayNumber, {
    amount: -rule.value.amount,
    unit: rule.value.unit,
  });
  const target = events.slice(referenceIndex + 1).find((e) => eventMatches(e, rule.until));
  return [
    entry(rule, {
      child: null,
      start: formatIsoDate(reference.day),
      due: formatIsoDate(due),
      status: dayStatus(due, target, now),
      metAt: target ? formatIsoDate(target.day) : null,
    }),
  ];
}

/**
 * "Every N": the first interval starts at the first anchor event; each occurrence closes the
 * running interval and starts the next, until the interval that is still open today. With an
 * `until`, the cadence stops at that event: an interval whose due date had not yet come is no
 * longer owed, one already past due stays overdue; the next anchor after it starts again.
 */
export function cadenceEntries(
  rule: CadenceRule,
  events: readonly CaseEvent[],
  now: Now,
): DeadlineResult[] {
  const results: DeadlineResult[] = [];
  let anchorIndex = events.findIndex((e) => eventMatches(e, rule.anchor));
  while (anchorIndex >= 0) {
    const stopIndex = rule.until
      ? events.findIndex((e, i) => i > anchorIndex && eventMatches(e, rule.until ?? []))
      : -1;
    const end = stopIndex < 0 ? events.length : stopIndex;
    results.push(...cadenceRun(rule, events, anchorIndex, end, now, results.length));
    if (stopIndex < 0) break;
    anchorIndex = events.findIndex((e, i) => i > stopIndex && eventMatches(e, rule.anchor));
  }
  return results;
}

/** The intervals of one run of a cadence, from the anchor up to (not including) `end`. */
function cadenceRun(
  rule: CadenceRule,
  events: readonly CaseEvent[],
  anchorIndex: number,
  end: number,
  now: Now,
  earlier: number,
): DeadlineResult[] {
  const results: DeadlineResult[] = [];
  const stop = events[end];
  let startIndex = anchorIndex;
  for (let sequence = earlier + 1; ; sequence++) {
    const start = events[startIndex] as CaseEvent;
    const due = addDuration(start.day, rule.every);
    let nextIndex = -1;
    for (let j = startIndex + 1; j < end; j++) {
      if (eventMatches(events[j] as CaseEvent, rule.occurrence)) {
        nextIndex = j;
        break;
      }
    }
    const next = nextIndex < 0 ? undefined : events[nextIndex];
    // Stopped before this interval fell due: nothing more is owed.
    if (!next && stop && stop.day <= due) return results;
    const purpose = rule.purposes?.[sequence - 1];
    results.push(
      entry(rule, {
        child: null,
        start: formatIsoDate(start.day),
        due: formatIsoDate(due),
        status: dayStatus(due, next, now),
        metAt: next ? formatIsoDate(next.day) : null,
        sequence,
        ...(purpose === undefined ? {} : { purpose }),
      }),
    );
    if (nextIndex < 0) return results;
    startIndex = nextIndex;
  }
}
