/**
 * Turns a stored case (its row, household members and timeline) into the rules engine's
 * input, so the case page and the work list show the same deadlines as `casusregie evaluate`.
 */
import {
  LIGHT_REGIE_CRITERIA,
  type CaseEvent,
  type CaseFacts,
  type EvaluationKind,
  type EventType,
} from '../rules/index.js';
import { localDay, parseIsoDate } from '../time/index.js';

export interface StoredCase {
  readonly route: CaseFacts['route'];
  readonly segment: string;
  readonly measure: string | null;
  /** Further facts as registered (life domains, regie criteria, …); missing ones get defaults. */
  readonly facts: Readonly<Record<string, unknown>>;
}

export interface StoredPerson {
  readonly id: string;
  readonly kind: string;
  readonly birthDate: string | null;
}

export interface StoredEvent {
  readonly type: string;
  readonly at: Date | number;
  readonly childId: string | null;
  readonly kind: string | null;
  readonly date: string | null;
}

function pick<T>(facts: Readonly<Record<string, unknown>>, key: string, fallback: T): T {
  const value = facts[key];
  return value === undefined || value === null ? fallback : (value as T);
}

/** Engine facts for a stored case. Young people without a birth date are left out. */
export function caseFacts(stored: StoredCase, persons: readonly StoredPerson[]): CaseFacts {
  const f = stored.facts;
  return {
    route: stored.route,
    segment: stored.segment as CaseFacts['segment'],
    measure: stored.measure as CaseFacts['measure'],
    ivh: pick(f, 'ivh', false),
    children: persons.flatMap((p) => {
      const birth = p.kind === 'jeugdige' && p.birthDate ? parseIsoDate(p.birthDate) : null;
      return birth === null ? [] : [{ id: p.id, birthDate: birth }];
    }),
    lifeDomains: pick(f, 'lifeDomains', []),
    resultAreas: pick(f, 'resultAreas', 0),
    supportElements: pick(f, 'supportElements', []),
    residence: pick(f, 'residence', false),
    familySupportsHelp: pick(f, 'familySupportsHelp', true),
    safetyAtStake: pick(f, 'safetyAtStake', false),
    professionalsInvolved: pick(f, 'professionalsInvolved', 0),
    parentsCoordinate: pick(f, 'parentsCoordinate', false),
    longHistory: pick(f, 'longHistory', false),
    regieCriteria: { ...LIGHT_REGIE_CRITERIA, ...pick(f, 'regieCriteria', {}) },
    coSignals: pick(f, 'coSignals', []),
    product: pick(f, 'product', { freelyAccessible: true }),
  };
}

/** The timeline entry a completed move to another municipality writes (ADR 0013). */
export const MOVE_EVENT = 'verhuizing';

/**
 * Engine events for a stored timeline, sorted by time (stable for equal times). After a move to
 * another municipality (ZOU-DEC-ENDING) the new municipality's deadlines run from the transfer:
 * everything before the latest `verhuizing` is left out and the move itself counts as the
 * `aanmelding`.
 */
export function caseEvents(events: readonly StoredEvent[]): CaseEvent[] {
  const sorted = events
    .map((e) => {
      const at = typeof e.at === 'number' ? e.at : e.at.getTime();
      const date = e.date === null ? null : parseIsoDate(e.date);
      const event: { -readonly [K in keyof CaseEvent]: CaseEvent[K] } = {
        type: e.type as EventType,
        at,
        day: localDay(at),
      };
      if (e.childId !== null) event.child = e.childId;
      if (e.kind !== null) event.kind = e.kind as EvaluationKind;
      if (date !== null) event.date = date;
      return event;
    })
    .sort((a, b) => a.at - b.at);
  let lastMove = -1;
  sorted.forEach((e, i) => {
    if ((e.type as string) === MOVE_EVENT) lastMove = i;
  });
  if (lastMove < 0) return sorted;
  const [move, ...after] = sorted.slice(lastMove);
  return move ? [{ type: 'aanmelding', at: move.at, day: move.day }, ...after] : after;
}
