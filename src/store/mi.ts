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
import { BUDGET_RULE } from '../domain/mi/budget.js';
import { DEFAULT_THRESHOLD } from '../domain/mi/suppress.js';
import {
  caseloadTables,
  complianceTables,
  inflowTables,
  waitingTables,
  type Suppression,
  type Table,
} from '../domain/mi/tables.js';
import { complianceTrend, trendTable } from '../domain/mi/trend.js';
import type { DeadlineStatus, Profile } from '../domain/rules/index.js';
import { formatIsoDate, localDay, parseIsoDate } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { keptCaseDeadlines, statusAt } from './case-deadlines.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import { budgetDashboardTables } from './mi-budget.js';
import { outcomeDashboardTables } from './mi-outcomes.js';
import { readWriteDb, type ReadWriteDb } from './read-replica.js';
import type { Database } from './schema.js';

export const DASHBOARDS = [
  'caseload',
  'instroom',
  'wachttijden',
  'termijnen',
  'uitkomsten',
  'aanbieders',
  'budget',
] as const;
export type DashboardName = (typeof DASHBOARDS)[number];

export const DASHBOARD_TITLES: Readonly<Record<DashboardName, string>> = {
  caseload: 'Caseload tegen de norm',
  instroom: 'Instroom per route en verwijzer',
  wachttijden: 'Wachttijd tot de start van de hulp',
  termijnen: 'Termijnen per regel',
  uitkomsten: 'Doelbereik, uitval en tevredenheid',
  aanbieders: 'Prestaties van aanbieders',
  budget: 'Budget en uitputting',
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

/**
 * Cases in scope, closed ones too (they had deadlines): the plain columns and the revision
 * under which their evaluated deadlines are kept (ADR 0025).
 */
function scopedCases(db: Kysely<Database>, scope: DashboardScope) {
  let query = db
    .selectFrom('casus')
    .select([
      'casus.id',
      'casus.revision',
      'casus.route',
      'casus.referrer_type',
      'casus.created_at',
    ])
    .where('casus.region', '=', scope.region);
  if (scope.teamIds !== null)
    query = query.where('casus.responsible_team_id', 'in', [...scope.teamIds]);
  return query;
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

/**
 * One dashboard's figures as tables, for the reader's scope; the read is audited. The figures
 * may come from a read replica (`read`); the audit record goes to the primary.
 */
export async function dashboard(
  dbs: Kysely<Database> | ReadWriteDb,
  ctx: RequestContext,
  profiles: ReadonlyMap<string, Profile>,
  name: DashboardName,
  filters: DashboardFilters,
  now: Date,
  threshold: number = DEFAULT_THRESHOLD,
): Promise<Dashboard> {
  const { read: db, write } = readWriteDb(dbs);
  const scope = await dashboardScope(db, ctx, filters, threshold);
  /** The scope as shown: a dashboard may hide more than the reader's scope requires. */
  let shown: DashboardScope = scope;
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
  } else if (name === 'budget') {
    // The budget is the municipality's, so a team lead's view holds other teams' families
    // too: small segments are hidden for every reader.
    shown = { ...scope, suppression: { ...scope.suppression, on: true } };
    rules.push({ rule: BUDGET_RULE, note: null });
    tables = await budgetDashboardTables(db, shown, untilDay, now);
  } else if (name === 'uitkomsten' || name === 'aanbieders') {
    tables = await outcomeDashboardTables(db, scope, name, fromDay, untilDay);
  } else {
    if (name === 'instroom') {
      // Registration needs no engine: the first `aanmelding`, else the case's creation.
      const cases = await scopedCases(db, scope)
        .select(
          sql<Date | null>`(
            select min(e.at) from case_event e
            where e.case_id = casus.id and e.type = 'aanmelding'
          )`.as('registered'),
        )
        .execute();
      const rows: InflowRow[] = [];
      for (const c of cases) {
        const day = dayOf(c.registered ?? c.created_at);
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
    } else {
      const cases = await scopedCases(db, scope).execute();
      const evaluations = await keptCaseDeadlines(db, profiles, cases, now);
      if (name === 'wachttijden') {
        const startRules = startOfHelpRules(profiles);
        const rows: WaitRow[] = [];
        for (const c of cases) {
          const e = evaluations.get(c.id);
          if (!e) continue;
          const registered = dayOf(new Date(e.firstRegistration ?? c.created_at.getTime()));
          if (!inPeriod(registered)) continue;
          const deadline = e.deadlines.find((d) => startRules.has(d.rule));
          rows.push({
            route: c.route,
            registeredDay: registered,
            helpStartDay: e.firstHelpStart === null ? null : localDay(e.firstHelpStart),
            deadline: deadline ? { rule: deadline.rule, status: statusAt(deadline, now) } : null,
          });
          if (deadline && !rules.some((r) => r.rule === deadline.rule))
            rules.push({ rule: deadline.rule, note: null });
        }
        rules.sort((a, b) => a.rule.localeCompare(b.rule));
        tables = waitingTables(waitingTimes(rows), scope.suppression);
      } else {
        const results: { rule: string; due: string; status: DeadlineStatus }[] = [];
        for (const e of evaluations.values())
          for (const d of e.deadlines)
            if (inPeriod(d.dueDay))
              results.push({
                rule: d.rule,
                due: formatIsoDate(d.dueDay),
                status: statusAt(d, now),
              });
        tables = complianceTables(deadlineCompliance(results), scope.suppression);
        const months = monthsBetween(monthOf(fromDay), monthOf(untilDay));
        tables.push(trendTable(complianceTrend(results, months), scope.suppression));
      }
    }
  }

  await writeAudit(write, ctx, {
    action: 'dashboard.lezen',
    details: {
      dashboard: name,
      van: filters.from,
      tot: filters.until,
      regio: filters.region,
      gemeente: filters.municipalityId,
      team: filters.teamId,
      onderdrukt: shown.suppression.on,
    },
  });
  return { name, title: DASHBOARD_TITLES[name], scope: shown, filters, rules, tables };
}
