/**
 * A case as the rules engine reads it, in one row per case: its people and engine events
 * aggregated as JSON tuples, so the database returns one row per case instead of one per event.
 * The work list, the kept deadlines, the portal and the management figures read cases this way.
 */
import { sql, type Kysely } from 'kysely';
import {
  caseEvents,
  caseFacts,
  type StoredEvent,
  type StoredPerson,
} from '../domain/cases/engine-input.js';
import { evaluate, type DeadlineResult, type Profile } from '../domain/rules/index.js';
import { TIMELINE_ONLY_TYPES } from './cases.js';
import type { Database } from './schema.js';

/** [id, kind, birth date] per person; [type, at (ms), child, kind, date] per event. */
type PersonTuple = [string, string, string | null];
type EventTuple = [string, number, string | null, string | null, string | null];

/** A case's people as JSON tuples, one row per case (select it from `casus`). */
export const personsJson = () => sql<PersonTuple[] | null>`(
  select json_agg(json_build_array(p.id, p.kind, p.birth_date))
  from person p where p.household_id = casus.household_id
)`;

/** A case's engine events as JSON tuples, one row per case (select it from `casus`). */
export const eventsJson = () => sql<EventTuple[] | null>`(
  select json_agg(json_build_array(
    e.type, (extract(epoch from e.at) * 1000)::float8, e.child_id, e.kind, e.date
  ))
  from case_event e
  where e.case_id = casus.id and e.type not in (${sql.join([...TIMELINE_ONLY_TYPES])})
)`;

/** A case row with its people and events as selected by `personsJson` and `eventsJson`. */
export interface EngineCaseRow {
  readonly region: string;
  readonly route: 'A' | 'B' | 'C';
  readonly segment: string;
  readonly measure: 'ots' | 'voogdij' | 'jeugdreclassering' | null;
  readonly facts: unknown;
  readonly persons: PersonTuple[] | null;
  readonly events: EventTuple[] | null;
}

/** The given cases as engine rows, with their ids and revisions (one statement). */
export function engineRowsOf(db: Kysely<Database>, caseIds: readonly string[]) {
  return db
    .selectFrom('casus')
    .select([
      'casus.id',
      'casus.revision',
      'casus.region',
      'casus.route',
      'casus.segment',
      'casus.measure',
      'casus.facts',
      personsJson().as('persons'),
      eventsJson().as('events'),
    ])
    .where('casus.id', 'in', caseIds)
    .execute();
}

/**
 * The rules engine's deadlines for one case row (none when its region has no profile). The
 * work list, the notifications and the management figures evaluate cases through this.
 */
export function evaluateCaseRow(
  profiles: ReadonlyMap<string, Profile>,
  c: EngineCaseRow,
  now: Date,
): readonly DeadlineResult[] {
  const profile = profiles.get(c.region);
  const persons: StoredPerson[] = (c.persons ?? []).map(([id, kind, birthDate]) => ({
    id,
    kind,
    birthDate: birthDate === null ? null : String(birthDate).slice(0, 10),
  }));
  const events: StoredEvent[] = (c.events ?? []).map(([type, at, childId, kind, date]) => ({
    type,
    at: Math.round(at),
    childId,
    kind,
    date: date === null ? null : String(date).slice(0, 10),
  }));
  return profile
    ? evaluate(
        profile,
        caseFacts(
          {
            route: c.route,
            segment: c.segment,
            measure: c.measure,
            facts: (c.facts ?? {}) as Record<string, unknown>,
          },
          persons,
        ),
        caseEvents(events),
        now.getTime(),
      ).deadlines
    : [];
}
