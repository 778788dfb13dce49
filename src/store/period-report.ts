/**
 * The data of a municipality's period report (issue 9): every dashboard of `DASHBOARDS` for
 * that municipality and period, in the suppressed view, because the report is a public
 * document for a council letter. Only management and contract managers of a municipality
 * may make one, for any municipality of their own region; team leads read their own team on
 * the dashboards, not a municipality's report. The download is audited as `rapportage.periode`
 * (each dashboard read writes its own `dashboard.lezen` as well).
 */
import type { Kysely } from 'kysely';
import { DEFAULT_THRESHOLD } from '../domain/mi/suppress.js';
import type { Profile } from '../domain/rules/index.js';
import { parseIsoDate } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import { DASHBOARDS, dashboard, type Dashboard } from './mi.js';
import { readWriteDb, type ReadWriteDb } from './read-replica.js';
import type { Database } from './schema.js';

export interface PeriodReportRequest {
  readonly municipalityId: string;
  /** First and last day of the period, `YYYY-MM-DD`. */
  readonly from: string;
  readonly until: string;
}

/** What the report shows (the PDF builder takes it as it is). */
export interface PeriodReport {
  readonly municipality: string;
  /** "Regio Lekstroom (LEK)". */
  readonly region: string;
  readonly from: string;
  readonly until: string;
  readonly madeAt: Date;
  readonly threshold: number;
  readonly dashboards: readonly Pick<Dashboard, 'name' | 'title' | 'rules' | 'tables'>[];
}

const refuse = () =>
  new StoreError(
    'forbidden',
    'Alleen management en contractmanagers van een gemeente maken een periodeoverzicht.',
  );

/** The report's contents for the reader; refusals are 403, a bad period 400. */
export async function periodReport(
  dbs: Kysely<Database> | ReadWriteDb,
  ctx: RequestContext,
  profiles: ReadonlyMap<string, Profile>,
  request: PeriodReportRequest,
  now: Date,
): Promise<PeriodReport> {
  const { read: db, write } = readWriteDb(dbs);
  const reader = await db
    .selectFrom('organisation')
    .select(['kind', 'region'])
    .where('id', '=', ctx.actor.organisationId)
    .executeTakeFirst();
  const roles = ctx.actor.roles;
  if (
    reader?.kind !== 'gemeente' ||
    !(roles.includes('management') || roles.includes('contractmanager'))
  )
    throw refuse();
  const municipality = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'region'])
    .where('id', '=', request.municipalityId)
    .where('kind', '=', 'gemeente')
    .where('region', '=', reader.region)
    .executeTakeFirst();
  if (!municipality)
    throw new StoreError('forbidden', 'Deze gemeente valt buiten uw regio.', [
      { path: 'gemeente', message: 'deze gemeente hoort niet bij uw regio' },
    ]);
  const fromDay = parseIsoDate(request.from);
  const untilDay = parseIsoDate(request.until);
  if (fromDay === null || untilDay === null || fromDay > untilDay)
    throw new StoreError('invalid', 'De periode is geen geldige reeks datums.', [
      { path: 'tot', message: 'de einddatum ligt voor de begindatum' },
    ]);

  const filters = {
    from: request.from,
    until: request.until,
    region: null,
    municipalityId: municipality.id,
    teamId: null,
  };
  const dashboards: PeriodReport['dashboards'][number][] = [];
  let threshold = DEFAULT_THRESHOLD;
  for (const name of DASHBOARDS) {
    const d = await dashboard(dbs, ctx, profiles, name, filters, now);
    // A public document shows the suppressed view only; the scope above always gives it.
    if (!d.scope.suppression.on) throw refuse();
    threshold = d.scope.suppression.threshold;
    dashboards.push({ name: d.name, title: d.title, rules: d.rules, tables: d.tables });
  }

  await writeAudit(write, ctx, {
    action: 'rapportage.periode',
    details: { gemeente: municipality.id, van: request.from, tot: request.until },
  });
  const profile = profiles.get(municipality.region);
  return {
    municipality: municipality.name,
    region: profile ? `${profile.name} (${municipality.region})` : municipality.region,
    from: request.from,
    until: request.until,
    madeAt: now,
    threshold,
    dashboards,
  };
}
