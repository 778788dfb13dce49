/**
 * The work list (werkvoorraad): the cases an actor may see, each with its next and overdue
 * deadlines from the rules engine, most urgent first. One audit record per list read.
 */
import type { Kysely } from 'kysely';
import {
  caseEvents,
  caseFacts,
  type StoredEvent,
  type StoredPerson,
} from '../domain/cases/engine-input.js';
import { evaluate, type DeadlineResult, type Profile } from '../domain/rules/index.js';
import { writeAudit } from './audit.js';
import { visibleCaseIds } from './cases.js';
import type { RequestContext } from './context.js';
import type { Database } from './schema.js';

export interface WorkListFilters {
  readonly bereik: 'eigen' | 'team';
  readonly route?: 'A' | 'B' | 'C' | undefined;
  readonly regio?: string | undefined;
  readonly stap?: string | undefined;
  readonly status: 'verlopen' | 'open' | 'alle';
}

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

const CHUNK = 2000;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

export async function workList(
  db: Kysely<Database>,
  ctx: RequestContext,
  profiles: ReadonlyMap<string, Profile>,
  filters: WorkListFilters,
  now: Date,
): Promise<{
  aantallen: { casussen: number; verlopen: number; open: number };
  casussen: WorkListItem[];
}> {
  let ids = await visibleCaseIds(db, ctx, now);
  if (filters.bereik === 'eigen' && ids.length > 0) {
    const own = new Set<string>();
    for (const part of chunks(ids)) {
      const rows = await db
        .selectFrom('case_role')
        .select('case_id')
        .where('case_id', 'in', part)
        .where('staff_id', '=', ctx.actor.staffId)
        .where('starts_at', '<=', now)
        .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
        .execute();
      for (const r of rows) own.add(r.case_id);
    }
    ids = ids.filter((id) => own.has(id));
  }
  const items: WorkListItem[] = [];
  for (const part of chunks(ids)) {
    let query = db
      .selectFrom('casus')
      .innerJoin('household', 'household.id', 'casus.household_id')
      .select([
        'casus.id',
        'casus.household_id',
        'casus.region',
        'casus.route',
        'casus.step',
        'casus.segment',
        'casus.measure',
        'casus.facts',
        'household.label',
      ])
      .where('casus.id', 'in', part)
      .where('casus.closed_at', 'is', null);
    if (filters.route) query = query.where('casus.route', '=', filters.route);
    if (filters.regio) query = query.where('casus.region', '=', filters.regio);
    if (filters.stap) query = query.where('casus.step', '=', filters.stap);
    const cases = await query.execute();
    if (cases.length === 0) continue;
    const caseIds = cases.map((c) => c.id);
    const persons = await db
      .selectFrom('person')
      .select(['id', 'household_id', 'kind', 'birth_date as birthDate'])
      .where(
        'household_id',
        'in',
        cases.map((c) => c.household_id),
      )
      .execute();
    const events = await db
      .selectFrom('case_event')
      .select(['case_id', 'type', 'at', 'child_id as childId', 'kind', 'date'])
      .where('case_id', 'in', caseIds)
      .execute();
    const personsBy = new Map<string, StoredPerson[]>();
    for (const p of persons)
      personsBy.set(p.household_id, [...(personsBy.get(p.household_id) ?? []), p]);
    const eventsBy = new Map<string, StoredEvent[]>();
    for (const e of events) {
      const list = eventsBy.get(e.case_id);
      if (list) list.push(e);
      else eventsBy.set(e.case_id, [e]);
    }
    for (const c of cases) {
      const profile = profiles.get(c.region);
      const deadlines = profile
        ? evaluate(
            profile,
            caseFacts(
              {
                route: c.route,
                segment: c.segment,
                measure: c.measure,
                facts: (c.facts ?? {}) as Record<string, unknown>,
              },
              personsBy.get(c.household_id) ?? [],
            ),
            caseEvents(eventsBy.get(c.id) ?? []),
            now.getTime(),
          ).deadlines
        : [];
      const pending = deadlines
        .filter((d) => d.status === 'overdue' || d.status === 'open')
        .sort((a, b) => a.due.localeCompare(b.due));
      const overdue = pending.filter((d) => d.status === 'overdue').length;
      const next = pending[0];
      const item: WorkListItem = {
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
      if (filters.status === 'verlopen' && overdue === 0) continue;
      if (filters.status === 'open' && pending.length === 0) continue;
      items.push(item);
    }
  }
  // Most urgent first: cases with overdue deadlines, then by the earliest pending due date.
  items.sort((a, b) => {
    if (a.verlopen > 0 !== b.verlopen > 0) return a.verlopen > 0 ? -1 : 1;
    // Dates (YYYY-MM-DD) and instants (YYYY-MM-DDThh:mm…) sort together by their text.
    const ad = a.volgende?.due ?? '9999';
    const bd = b.volgende?.due ?? '9999';
    return ad.localeCompare(bd);
  });
  await writeAudit(db, ctx, {
    action: 'werkvoorraad.lezen',
    details: { ...filters, aantal: items.length },
  });
  return {
    aantallen: {
      casussen: items.length,
      verlopen: items.reduce((n, i) => n + i.verlopen, 0),
      open: items.reduce((n, i) => n + i.open, 0),
    },
    casussen: items,
  };
}
