/**
 * Management information (issue 9, ADR 0024): who sees which dashboard over which cases, and
 * the plain rows the pure figures in `domain/mi` are computed from. A team lead sees their own
 * team unsuppressed; management and the contract manager of a municipality see their region
 * (narrowed to a municipality or team if they ask) with small cells suppressed; anyone else is
 * refused (403). Deadlines come from the rules engine through the work list's evaluation. Every
 * read is audited.
 */
import { sql, type Kysely } from 'kysely';
import {
  caseload,
  deadlineCompliance,
  inflow,
  monthsBetween,
  waitingTimes,
  type CaseloadNorm,
  type InflowRow,
  type ReferrerType,
  type WaitRow,
} from '../domain/mi/figures.js';
import { DEFAULT_THRESHOLD } from '../domain/mi/suppress.js';
import {
  caseloadTables,
  complianceTables,
  inflowTables,
  waitingTables,
  type Suppression,
  type Table,
} from '../domain/mi/tables.js';
import type { DeadlineResult, Profile } from '../domain/rules/index.js';
import { formatIsoDate, localDay, parseIsoDate } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';
import { evaluateCaseRow, eventsJson, personsJson } from './work-list.js';

export const DASHBOARDS = ['caseload', 'instroom', 'wachttijden', 'termijnen'] as const;
export type DashboardName = (typeof DASHBOARDS)[number];

export const DASHBOARD_TITLES: Readonly<Record<DashboardName, string>> = {
  caseload: 'Caseload tegen de norm',
  instroom: 'Instroom per route en verwijzer',
  wachttijden: 'Wachttijd tot de start van de hulp',
  termijnen: 'Termijnen per regel',
};

export interface DashboardFilters {
  /** First and last day of the period, `YYYY-MM-DD`. */
  readonly from: string;
  readonly until: string;
  readonly region: string | null;
  readonly municipalityId: string | null;
  readonly teamId: string | null;
}

/** The cases a reader may count, and whether small cells are hidden from them. */
export interface DashboardScope {
  readonly region: string;
  /** Local teams whose cases and casusregisseurs count; null: the whole region. */
  readonly teamIds: readonly string[] | null;
  readonly suppression: Suppression;
  readonly level: 'team' | 'regio';
}

export interface Dashboard {
  readonly name: DashboardName;
  readonly title: string;
  readonly scope: DashboardScope;
  readonly filters: DashboardFilters;
  /** Rule IDs the figures are held against, with a note when applied in every region. */
  readonly rules: readonly { readonly rule: string; readonly note: string | null }[];
  readonly tables: readonly Table[];
}

const refuse = () =>
  new StoreError(
    'forbidden',
    'Alleen een teamleider van een lokaal team, management of een contractmanager van de gemeente ziet de dashboards.',
  );
const outOfReach = (path: string, what: string) =>
  new StoreError('forbidden', `${what} valt buiten uw bereik.`, [
    { path, message: `${what} valt buiten uw bereik` },
  ]);

/** Who may see which cases in the dashboards; refusals are 403. */
export async function dashboardScope(
  db: Kysely<Database>,
  ctx: RequestContext,
  filters: DashboardFilters,
  threshold: number = DEFAULT_THRESHOLD,
): Promise<DashboardScope> {
  const org = await db
    .selectFrom('organisation')
    .select(['id', 'kind', 'region', 'parent_id'])
    .where('id', '=', ctx.actor.organisationId)
    .executeTakeFirst();
  if (!org) throw refuse();
  if (filters.region !== null && filters.region !== org.region)
    throw outOfReach('regio', 'Deze regio');
  const roles = ctx.actor.roles;
  if (org.kind === 'lokaal-team' && roles.includes('teamleider')) {
    if (filters.municipalityId !== null && filters.municipalityId !== org.parent_id)
      throw outOfReach('gemeente', 'Deze gemeente');
    if (filters.teamId !== null && filters.teamId !== org.id) throw outOfReach('team', 'Dit team');
    return {
      region: org.region,
      teamIds: [org.id],
      suppression: { on: false, threshold },
      level: 'team',
    };
  }
  if (
    org.kind === 'gemeente' &&
    (roles.includes('management') || roles.includes('contractmanager'))
  ) {
    const suppression = { on: true, threshold };
    if (filters.teamId === null && filters.municipalityId === null)
      return { region: org.region, teamIds: null, suppression, level: 'regio' };
    let teams = db
      .selectFrom('organisation')
      .select('id')
      .where('kind', '=', 'lokaal-team')
      .where('region', '=', org.region);
    if (filters.municipalityId !== null)
      teams = teams.where('parent_id', '=', filters.municipalityId);
    if (filters.teamId !== null) teams = teams.where('id', '=', filters.teamId);
    const ids = (await teams.execute()).map((t) => t.id);
    if (ids.length === 0)
      throw filters.teamId !== null
        ? outOfReach('team', 'Dit team')
        : outOfReach('gemeente', 'Deze gemeente');
    return { region: org.region, teamIds: ids, suppression, level: 'regio' };
  }
  throw refuse();
}

/** The caseload norm of the region, or ZTM's applied in every region (ADR 0024). */
export function caseloadNorm(
  profiles: ReadonlyMap<string, Profile>,
  region: string,
): CaseloadNorm | null {
  const find = (p: Profile | undefined): { rule: string; perFte: number } | null => {
    for (const r of p?.rules ?? []) {
      const perFte = r.kind === 'norm' ? r.values['familiesPerFte'] : undefined;
      if (perFte !== undefined) return { rule: r.id, perFte };
    }
    return null;
  };
  const own = find(profiles.get(region));
  if (own) return { rule: own.rule, familiesPerFte: own.perFte, appliedEverywhere: false };
  for (const p of profiles.values()) {
    const other = find(p);
    if (other) return { rule: other.rule, familiesPerFte: other.perFte, appliedEverywhere: true };
  }
  return null;
}

const dayOf = (at: Date) => localDay(at.getTime());
const monthOf = (day: number) => formatIsoDate(day).slice(0, 7);

/** Cases in scope with what the engine needs; closed cases count too (they had deadlines). */
function scopedCases(db: Kysely<Database>, scope: DashboardScope) {
  let query = db
    .selectFrom('casus')
    .select([
      'casus.id',
      'casus.region',
      'casus.route',
      'casus.segment',
      'casus.measure',
      'casus.facts',
      'casus.referrer_type',
      'casus.created_at',
      personsJson().as('persons'),
      eventsJson().as('events'),
    ])
    .where('casus.region', '=', scope.region);
  if (scope.teamIds !== null)
    query = query.where('casus.responsible_team_id', 'in', [...scope.teamIds]);
  return query;
}

/** The local day of the first event of a type, from the engine's event tuples. */
function firstEventDay(
  events: readonly [string, number, ...unknown[]][] | null,
  type: string,
): number | null {
  let first: number | null = null;
  for (const [t, at] of events ?? []) if (t === type && (first === null || at < first)) first = at;
  return first === null ? null : localDay(Math.round(first));
}

/** Deadline rules that run from registration to the start of help. */
function startOfHelpRules(profiles: ReadonlyMap<string, Profile>): Set<string> {
  const ids = new Set<string>();
  for (const p of profiles.values())
    for (const r of p.rules)
      if (
        r.kind === 'deadline' &&
        r.from.some((m) => m.type === 'aanmelding') &&
        r.until.some((m) => m.type === 'start-hulp')
      )
        ids.add(r.id);
  return ids;
}

/** One dashboard's figures as tables, for the reader's scope; the read is audited. */
export async function dashboard(
  db: Kysely<Database>,
  ctx: RequestContext,
  profiles: ReadonlyMap<string, Profile>,
  name: DashboardName,
  filters: DashboardFilters,
  now: Date,
  threshold: number = DEFAULT_THRESHOLD,
): Promise<Dashboard> {
  const scope = await dashboardScope(db, ctx, filters, threshold);
  const fromDay = parseIsoDate(filters.from);
  const untilDay = parseIsoDate(filters.until);
  if (fromDay === null || untilDay === null || fromDay > untilDay)
    throw new StoreError('invalid', 'De periode is geen geldige reeks datums.', [
      { path: 'van', message: 'geen geldige periode' },
    ]);
  const inPeriod = (day: number) => day >= fromDay && day <= untilDay;
  let tables: Table[] = [];
  const rules: { rule: string; note: string | null }[] = [];

  if (name === 'caseload') {
    const norm = caseloadNorm(profiles, scope.region);
    let staffQuery = db
      .selectFrom('staff')
      .innerJoin('organisation as team', 'team.id', 'staff.organisation_id')
      .select(['staff.id', 'staff.name', 'staff.fte', 'team.id as teamId', 'team.name as teamName'])
      .where('team.kind', '=', 'lokaal-team')
      .where('team.region', '=', scope.region)
      .where('staff.active', '=', true)
      .where(sql<boolean>`'casusregisseur' = any(staff.roles)`);
    if (scope.teamIds !== null) staffQuery = staffQuery.where('team.id', 'in', [...scope.teamIds]);
    const staff = (await staffQuery.execute()).map((s) => ({
      staffId: s.id,
      name: s.name,
      teamId: s.teamId,
      teamName: s.teamName,
      fte: Number(s.fte),
    }));
    const regie =
      staff.length === 0
        ? []
        : await db
            .selectFrom('case_role')
            .innerJoin('casus', 'casus.id', 'case_role.case_id')
            .select(['case_role.staff_id as staffId', 'casus.household_id as householdId'])
            .where('case_role.role', '=', 'casusregie')
            .where(
              'case_role.staff_id',
              'in',
              staff.map((s) => s.staffId),
            )
            .where('case_role.starts_at', '<=', now)
            .where((eb) =>
              eb.or([eb('case_role.ends_at', 'is', null), eb('case_role.ends_at', '>', now)]),
            )
            .where('casus.closed_at', 'is', null)
            .execute();
    if (norm) {
      rules.push({ rule: norm.rule, note: norm.appliedEverywhere ? 'geldt in elke regio' : null });
      tables = caseloadTables(
        caseload(
          staff,
          regie.flatMap((r) =>
            r.staffId === null ? [] : [{ staffId: r.staffId, householdId: r.householdId }],
          ),
          norm,
        ),
        scope.suppression,
      );
    }
  } else {
    const cases = await scopedCases(db, scope).execute();
    if (name === 'instroom') {
      const rows: InflowRow[] = [];
      for (const c of cases) {
        const day = firstEventDay(c.events, 'aanmelding') ?? dayOf(c.created_at);
        if (!inPeriod(day)) continue;
        rows.push({
          month: monthOf(day),
          route: c.route,
          referrerType: (c.referrer_type ?? 'geen') as ReferrerType,
        });
      }
      tables = inflowTables(
        inflow(rows, monthsBetween(monthOf(fromDay), monthOf(untilDay))),
        scope.suppression,
      );
    } else if (name === 'wachttijden') {
      const startRules = startOfHelpRules(profiles);
      const rows: WaitRow[] = [];
      for (const c of cases) {
        const registered = firstEventDay(c.events, 'aanmelding') ?? dayOf(c.created_at);
        if (!inPeriod(registered)) continue;
        const deadline = evaluateCaseRow(profiles, c, now).find((d) => startRules.has(d.rule));
        rows.push({
          route: c.route,
          registeredDay: registered,
          helpStartDay: firstEventDay(c.events, 'start-hulp'),
          deadline: deadline ? { rule: deadline.rule, status: deadline.status } : null,
        });
        if (deadline && !rules.some((r) => r.rule === deadline.rule))
          rules.push({ rule: deadline.rule, note: null });
      }
      rules.sort((a, b) => a.rule.localeCompare(b.rule));
      tables = waitingTables(waitingTimes(rows), scope.suppression);
    } else {
      const results: DeadlineResult[] = [];
      for (const c of cases)
        for (const d of evaluateCaseRow(profiles, c, now)) {
          const due = parseIsoDate(d.due.slice(0, 10));
          if (due !== null && inPeriod(due)) results.push(d);
        }
      tables = complianceTables(deadlineCompliance(results), scope.suppression);
    }
  }

  await writeAudit(db, ctx, {
    action: 'dashboard.lezen',
    details: {
      dashboard: name,
      van: filters.from,
      tot: filters.until,
      regio: filters.region,
      gemeente: filters.municipalityId,
      team: filters.teamId,
      onderdrukt: scope.suppression.on,
    },
  });
  return { name, title: DASHBOARD_TITLES[name], scope, filters, rules, tables };
}
