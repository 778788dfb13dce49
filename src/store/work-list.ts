/**
 * The work list (werkvoorraad): the cases an actor may see, each with its next and overdue
 * deadlines from the rules engine, most urgent first, one page at a time. One audit record
 * per list read.
 *
 * One query fetches the visible open cases with their people and engine events aggregated
 * per case (JSON), so the database returns one row per case instead of one per event; the
 * engine then evaluates every case, because urgency is only known after evaluation. Keeping
 * deadlines up to date incrementally is issue 11's work.
 */
import { sql, type Kysely } from 'kysely';
import { worksWithCases } from '../domain/access/case-access.js';
import {
  caseEvents,
  caseFacts,
  type StoredEvent,
  type StoredPerson,
} from '../domain/cases/engine-input.js';
import { evaluate, type DeadlineResult, type Profile } from '../domain/rules/index.js';
import { writeAudit } from './audit.js';
import { TIMELINE_ONLY_TYPES, visibleCaseCondition } from './cases.js';
import type { RequestContext } from './context.js';
import type { Database } from './schema.js';

export interface WorkListFilters {
  readonly bereik: 'eigen' | 'team';
  readonly route?: 'A' | 'B' | 'C' | undefined;
  readonly regio?: string | undefined;
  readonly stap?: string | undefined;
  readonly status: 'verlopen' | 'open' | 'alle';
  /** 1-based page number. */
  readonly pagina?: number | undefined;
  readonly perPagina?: number | undefined;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface WorkListItem {
  readonly id: string;
  readonly gezin: string;
  readonly regio: string;
  readonly route: string;
  readonly stap: string;
  readonly segment: string;
  /** The earliest deadline still to be met (overdue or open), or null. */
  readonly volgende: Pick<DeadlineResult, 'rule' | 'due' | 'status' | 'source'> | null;
  readonly verlopen: number;
  readonly open: number;
}

export interface WorkList {
  /** Totals over every matching case, not just this page. */
  readonly aantallen: { casussen: number; verlopen: number; open: number };
  readonly pagina: number;
  readonly perPagina: number;
  readonly casussen: WorkListItem[];
}

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

/** One visible open case with its deadlines still to be met (overdue or open), earliest first. */
export interface CaseDeadlines {
  readonly id: string;
  readonly gezin: string;
  readonly regio: string;
  readonly route: string;
  readonly stap: string;
  readonly segment: string;
  readonly pending: readonly DeadlineResult[];
}

/**
 * The open cases the actor may see (narrowed by the filters' scope, route, region and step),
 * each evaluated by the rules engine. The work list and the deadline notifications both read
 * this, so they share one access filter. Not audited: the callers audit their own reads.
 */
export async function visibleCaseDeadlines(
  db: Kysely<Database>,
  actor: RequestContext['actor'],
  profiles: ReadonlyMap<string, Profile>,
  filters: Pick<WorkListFilters, 'bereik' | 'route' | 'regio' | 'stap'>,
  now: Date,
): Promise<CaseDeadlines[]> {
  const cases: CaseDeadlines[] = [];
  if (worksWithCases(actor)) {
    let query = db
      .selectFrom('casus')
      .innerJoin('household', 'household.id', 'casus.household_id')
      .select([
        'casus.id',
        'casus.region',
        'casus.route',
        'casus.step',
        'casus.segment',
        'casus.measure',
        'casus.facts',
        'household.label',
        personsJson().as('persons'),
        eventsJson().as('events'),
      ])
      .where('casus.closed_at', 'is', null)
      .where((eb) => visibleCaseCondition(eb, actor, now));
    if (filters.bereik === 'eigen')
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('case_role as own')
            .select(sql`1`.as('one'))
            .whereRef('own.case_id', '=', 'casus.id')
            .where('own.staff_id', '=', actor.staffId)
            .where('own.starts_at', '<=', now)
            .where((inner) =>
              inner.or([inner('own.ends_at', 'is', null), inner('own.ends_at', '>', now)]),
            ),
        ),
      );
    if (filters.route) query = query.where('casus.route', '=', filters.route);
    if (filters.regio) query = query.where('casus.region', '=', filters.regio);
    if (filters.stap) query = query.where('casus.step', '=', filters.stap);

    for (const c of await query.execute()) {
      const deadlines = evaluateCaseRow(profiles, c, now);
      const pending = deadlines
        .filter((d) => d.status === 'overdue' || d.status === 'open')
        .sort((a, b) => a.due.localeCompare(b.due));
      cases.push({
        id: c.id,
        gezin: c.label,
        regio: c.region,
        route: c.route,
        stap: c.step,
        segment: c.segment,
        pending,
      });
    }
  }
  return cases;
}

export async function workList(
  db: Kysely<Database>,
  ctx: RequestContext,
  profiles: ReadonlyMap<string, Profile>,
  filters: WorkListFilters,
  now: Date,
): Promise<WorkList> {
  const page = Math.max(1, filters.pagina ?? 1);
  const perPage = Math.min(MAX_PAGE_SIZE, Math.max(1, filters.perPagina ?? DEFAULT_PAGE_SIZE));
  const items: WorkListItem[] = [];
  for (const c of await visibleCaseDeadlines(db, ctx.actor, profiles, filters, now)) {
    const { pending } = c;
    const overdue = pending.filter((d) => d.status === 'overdue').length;
    if (filters.status === 'verlopen' && overdue === 0) continue;
    if (filters.status === 'open' && pending.length === 0) continue;
    const next = pending[0];
    items.push({
      id: c.id,
      gezin: c.gezin,
      regio: c.regio,
      route: c.route,
      stap: c.stap,
      segment: c.segment,
      volgende: next
        ? { rule: next.rule, due: next.due, status: next.status, source: next.source }
        : null,
      verlopen: overdue,
      open: pending.length - overdue,
    });
  }
  // Most urgent first: cases with overdue deadlines, then by the earliest pending due date;
  // the id settles ties so pages never overlap.
  items.sort((a, b) => {
    if (a.verlopen > 0 !== b.verlopen > 0) return a.verlopen > 0 ? -1 : 1;
    // Dates (YYYY-MM-DD) and instants (YYYY-MM-DDThh:mm…) sort together by their text.
    const ad = a.volgende?.due ?? '9999';
    const bd = b.volgende?.due ?? '9999';
    return ad.localeCompare(bd) || a.id.localeCompare(b.id);
  });
  await writeAudit(db, ctx, {
    action: 'werkvoorraad.lezen',
    details: { ...filters, pagina: page, perPagina: perPage, aantal: items.length },
  });
  return {
    aantallen: {
      casussen: items.length,
      verlopen: items.reduce((n, i) => n + i.verlopen, 0),
      open: items.reduce((n, i) => n + i.open, 0),
    },
    pagina: page,
    perPagina: perPage,
    casussen: items.slice((page - 1) * perPage, page * perPage),
  };
}
