/**
 * The work list (werkvoorraad): the cases an actor may see, each with its next and overdue
 * deadlines, most urgent first, one page at a time. One audit record per list read.
 *
 * The deadlines come from the state kept per case in the database (issue 11, ADR 0029): one
 * query reads the visible open cases with their kept deadlines, no events; open or overdue is
 * derived at the moment of reading. Only the cases whose kept state is stale — written since,
 * a changed region profile, or evaluated on an earlier day — are evaluated by the engine inline
 * and their state stored, so the first look after a write or after midnight pays for those
 * cases alone. Urgency is known for every case without the engine, so sorting and counting
 * stay in memory over the visible cases.
 */
import { sql, type Kysely } from 'kysely';
import { worksWithCases } from '../domain/access/case-access.js';
import { pendingAt, type KeptDeadline } from '../domain/rules/kept-deadlines.js';
import type { DeadlineResult, Profile } from '../domain/rules/index.js';
import { writeAudit } from './audit.js';
import { visibleCaseIn } from './cases.js';
import type { RequestContext } from './context.js';
import { refreshDeadlineStates, staleCondition } from './deadline-state.js';
import type { Database } from './schema.js';

export { evaluateCaseRow, eventsJson, personsJson, type EngineCaseRow } from './engine-rows.js';

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
 * The visible open cases the filters select (scope, route, region, step), as a query from
 * `casus` with the kept deadlines left-joined as `kept`; empty for actors who do not work with
 * cases. The work list and the deadline notifications both start here, so they share one access
 * filter. "Own" cases are looked up from the actor's running roles first (an index on
 * `case_role (staff_id, case_id)`), then checked against the access filter.
 */
function visibleOpenCases(
  db: Kysely<Database>,
  actor: RequestContext['actor'],
  filters: Pick<WorkListFilters, 'bereik' | 'route' | 'regio' | 'stap'>,
  now: Date,
) {
  let query = db
    .selectFrom('casus')
    .leftJoin('case_deadline_state as kept', 'kept.case_id', 'casus.id')
    .where('casus.closed_at', 'is', null)
    .where((eb) => visibleCaseIn(eb, actor, now));
  if (filters.bereik === 'eigen')
    query = query.where('casus.id', 'in', (eb) =>
      eb
        .selectFrom('case_role as own')
        .select('own.case_id')
        .where('own.staff_id', '=', actor.staffId)
        .where('own.starts_at', '<=', now)
        .where((inner) =>
          inner.or([inner('own.ends_at', 'is', null), inner('own.ends_at', '>', now)]),
        ),
    );
  if (filters.route) query = query.where('casus.route', '=', filters.route);
  if (filters.regio) query = query.where('casus.region', '=', filters.regio);
  if (filters.stap) query = query.where('casus.step', '=', filters.stap);
  return query;
}

/**
 * Evaluates and stores the kept deadlines of the selected cases whose state is stale at `now`
 * (written since, a changed region profile, another day); returns their fresh states.
 */
async function refreshStaleVisible(
  db: Kysely<Database>,
  actor: RequestContext['actor'],
  profiles: ReadonlyMap<string, Profile>,
  filters: Pick<WorkListFilters, 'bereik' | 'route' | 'regio' | 'stap'>,
  now: Date,
) {
  const stale = await visibleOpenCases(db, actor, filters, now)
    .select('casus.id')
    .where(staleCondition(profiles, now))
    .execute();
  return refreshDeadlineStates(
    db,
    profiles,
    stale.map((c) => c.id),
    now,
  );
}

/**
 * The open cases the actor may see (narrowed by the filters' scope, route, region and step),
 * each with its deadlines still to be met as the rules engine says at `now` — read from the kept
 * state, evaluated inline only where that is stale. The deadline notifications read this. Not
 * audited: the callers audit their own reads.
 */
export async function visibleCaseDeadlines(
  db: Kysely<Database>,
  actor: RequestContext['actor'],
  profiles: ReadonlyMap<string, Profile>,
  filters: Pick<WorkListFilters, 'bereik' | 'route' | 'regio' | 'stap'>,
  now: Date,
): Promise<CaseDeadlines[]> {
  if (!worksWithCases(actor)) return [];
  const refreshed = await refreshStaleVisible(db, actor, profiles, filters, now);
  const rows = await visibleOpenCases(db, actor, filters, now)
    .innerJoin('household', 'household.id', 'casus.household_id')
    .select([
      'casus.id',
      'casus.region',
      'casus.route',
      'casus.step',
      'casus.segment',
      'household.label',
      'kept.pending as keptPending',
    ])
    .execute();
  const cases: CaseDeadlines[] = [];
  for (const c of rows) {
    const pending = refreshed.get(c.id)?.pending ?? (c.keptPending as KeptDeadline[] | null);
    // A case whose state a concurrent write kept out is left out until the next read.
    if (!pending) continue;
    cases.push({
      id: c.id,
      gezin: c.label,
      regio: c.region,
      route: c.route,
      stap: c.step,
      segment: c.segment,
      pending: pendingAt(pending, now.getTime()),
    });
  }
  return cases;
}

/**
 * One page of the work list. The stale kept states among the selected cases are refreshed
 * first; then one query counts, orders and pages in the database: overdue cases first (their
 * first deadline's overdue moment has passed), then by the earliest pending due date, the id
 * settling ties so pages never overlap. Only the page's rows carry their deadlines back.
 */
export async function workList(
  db: Kysely<Database>,
  ctx: RequestContext,
  profiles: ReadonlyMap<string, Profile>,
  filters: WorkListFilters,
  now: Date,
): Promise<WorkList> {
  const page = Math.max(1, filters.pagina ?? 1);
  const perPage = Math.min(MAX_PAGE_SIZE, Math.max(1, filters.perPagina ?? DEFAULT_PAGE_SIZE));
  let totals = { casussen: 0, verlopen: 0, open: 0 };
  let items: WorkListItem[] = [];
  if (worksWithCases(ctx.actor)) {
    const nowMs = now.getTime();
    const pendingCount = sql<number>`coalesce(cardinality(kept.overdue_from), 0)`;
    const overdueCount = sql<number>`coalesce((
      select count(*)::int from unnest(kept.overdue_from) as o (at) where o.at <= ${nowMs}
    ), 0)`;
    // Whether any deadline is overdue: the earliest overdue moment has passed (a plain column,
    // unlike the count, which unnests the array).
    const late = sql<boolean>`coalesce(kept.first_overdue_from <= ${now}, false)`;
    const selected = visibleOpenCases(db, ctx.actor, filters, now).select([
      'casus.id',
      'kept.next_due as nextDue',
      late.as('late'),
      overdueCount.as('overdue'),
      pendingCount.as('pending'),
      staleCondition(profiles, now).as('stale'),
    ]);
    // Stale rows are let through the status filter, so that their number says whether any
    // case of the list needs evaluating first.
    const matching = (withStale: boolean) =>
      db
        .selectFrom(selected.as('v'))
        .selectAll('v')
        .where((eb) =>
          eb.or([
            filters.status === 'verlopen'
              ? eb('v.late', '=', true)
              : filters.status === 'open'
                ? eb('v.pending', '>', 0)
                : eb.lit(true),
            ...(withStale ? [eb('v.stale', '=', true)] : []),
          ]),
        );
    const readPage = (withStale: boolean) =>
      db
        .with('m', () => matching(withStale))
        .with('paged', (w) =>
          w
            .selectFrom('m')
            .select([
              'm.id',
              'm.overdue',
              'm.pending',
              sql<number>`count(*) over ()`.as('total'),
              sql<number>`sum(m.overdue) over ()`.as('totalOverdue'),
              sql<number>`sum(m.pending) over ()`.as('totalPending'),
              sql<number>`count(*) filter (where m.stale) over ()`.as('staleCount'),
              sql<number>`row_number() over (
              order by m.late desc, m."nextDue" collate "C" asc nulls last, m.id
            )`.as('rank'),
            ])
            .orderBy('rank')
            .offset((page - 1) * perPage)
            .limit(perPage),
        )
        .selectFrom('paged')
        .innerJoin('casus', 'casus.id', 'paged.id')
        .innerJoin('household', 'household.id', 'casus.household_id')
        .leftJoin('case_deadline_state as kept', 'kept.case_id', 'casus.id')
        .select([
          'paged.id',
          'paged.total',
          'paged.totalOverdue',
          'paged.totalPending',
          'paged.staleCount',
          'paged.rank',
          'casus.region',
          'casus.route',
          'casus.step',
          'casus.segment',
          'household.label',
          'kept.pending as keptPending',
        ])
        .orderBy('paged.rank')
        .execute();
    // Mostly one query: the cases a write touched are evaluated right after the write (see
    // app.ts) and the rest by the sweep; a case still stale is evaluated here, then read again.
    let refreshed = new Map<string, { pending: readonly KeptDeadline[] }>();
    let rows = await readPage(true);
    if (Number(rows[0]?.staleCount ?? 0) > 0 || (rows.length === 0 && page > 1)) {
      refreshed = await refreshStaleVisible(db, ctx.actor, profiles, filters, now);
      rows = await readPage(false);
    }
    const first = rows[0];
    if (first) {
      const overdue = Number(first.totalOverdue);
      totals = {
        casussen: Number(first.total),
        verlopen: overdue,
        open: Number(first.totalPending) - overdue,
      };
    } else if (page > 1) {
      // Past the last page: the totals still count every matching case.
      const all = await db
        .selectFrom(matching(false).as('m'))
        .select([
          sql<number>`count(*)`.as('total'),
          sql<number>`coalesce(sum(m.overdue), 0)`.as('totalOverdue'),
          sql<number>`coalesce(sum(m.pending), 0)`.as('totalPending'),
        ])
        .executeTakeFirstOrThrow();
      const overdue = Number(all.totalOverdue);
      totals = {
        casussen: Number(all.total),
        verlopen: overdue,
        open: Number(all.totalPending) - overdue,
      };
    }
    items = rows.map((c) => {
      const kept = refreshed.get(c.id)?.pending ?? (c.keptPending as KeptDeadline[] | null) ?? [];
      const pending = pendingAt(kept, nowMs);
      const next = pending[0];
      const overdue = pending.filter((d) => d.status === 'overdue').length;
      return {
        id: c.id,
        gezin: c.label,
        regio: c.region,
        route: c.route,
        stap: c.step,
        segment: c.segment,
        volgende: next
          ? { rule: next.rule, due: next.due, status: next.status, source: next.source }
          : null,
        verlopen: overdue,
        open: pending.length - overdue,
      };
    });
  }
  await writeAudit(db, ctx, {
    action: 'werkvoorraad.lezen',
    details: { ...filters, pagina: page, perPagina: perPage, aantal: totals.casussen },
  });
  return { aantallen: totals, pagina: page, perPagina: perPage, casussen: items };
}
