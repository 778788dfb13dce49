/**
 * What the treating provider tells the casusregisseur, in the database (issue 6; DOMAIN.md
 * section 4 step 2): its contact person per case, progress and calamity reports with their
 * acknowledgement, and the subcontractors it brings in. Every call is one transaction with its
 * access check (`domain/reports`) and audit record; a report's notifications are written in the
 * same transaction, so a report never exists without its alert, nor an alert without its report.
 *
 * The case timeline gets an entry for each of these, naming the provider but never the content:
 * everyone who reads the case sees the timeline, while a provider reads only its own reports.
 */
import type { Kysely, Transaction } from 'kysely';
import { NON_CASE_ROLES, STAFF_ROLES } from '../domain/access/case-access.js';
import type { PlanContent } from '../domain/plans/types.js';
import {
  acknowledgementProblems,
  alreadyAnnounced,
  careStarted,
  inScope,
  isUrgent,
  mayAcknowledgeReports,
  mayReadReports,
  mayReportAsProvider,
  reportProblems,
  reportScope,
  subcontractorContract,
  subcontractorProblems,
  type GoalProgressNote,
  type ProgressMoment,
  type ProviderReport,
  type ReportKind,
  type ReportScope,
  type SubcontractorAnnouncement,
} from '../domain/reports/index.js';
import { localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { caseAccessFacts, inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { listContracts } from './contracts.js';
import { StoreError } from './errors.js';
import { caseRoleRecipients, notify } from './notifications.js';
import type { Database } from './schema.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CASE_WORK_ROLES: readonly string[] = STAFF_ROLES.filter((r) => !NON_CASE_ROLES.includes(r));

function checkIds(...ids: string[]): void {
  if (!ids.every((id) => UUID.test(id))) throw new StoreError('not-found', 'Niet gevonden.');
}

/** The access facts of a case, as `caseAccess` takes them. */
async function accessFacts(db: Db, caseId: string, now: Date) {
  const facts = await caseAccessFacts(db, caseId, now);
  if (!facts) throw new StoreError('not-found', 'Casus niet gevonden.');
  return facts;
}

async function organisationName(db: Db, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return row.name;
}

async function caseLabel(db: Db, caseId: string): Promise<string> {
  const row = await db
    .selectFrom('casus')
    .innerJoin('household', 'household.id', 'casus.household_id')
    .select('household.label')
    .where('casus.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.label;
}

// --- Contact persons -------------------------------------------------------------------------

export interface ContactView {
  readonly id: string;
  readonly organisation: { readonly id: string; readonly name: string };
  readonly staff: { readonly id: string; readonly name: string; readonly email: string };
  readonly phone: string | null;
  readonly from: Date;
  readonly until: Date | null;
}

/** Every provider's contact person on the case, current ones first; any case reader. */
export async function caseContacts(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<readonly ContactView[]> {
  checkIds(caseId);
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const rows = await trx
      .selectFrom('provider_contact')
      .innerJoin('organisation', 'organisation.id', 'provider_contact.organisation_id')
      .innerJoin('staff', 'staff.id', 'provider_contact.staff_id')
      .select([
        'provider_contact.id',
        'provider_contact.organisation_id as organisationId',
        'organisation.name as organisationName',
        'provider_contact.staff_id as staffId',
        'staff.name as staffName',
        'staff.email',
        'provider_contact.phone',
        'provider_contact.starts_at',
        'provider_contact.ends_at',
      ])
      .where('provider_contact.case_id', '=', caseId)
      .orderBy('provider_contact.starts_at', 'desc')
      .orderBy('provider_contact.id')
      .execute();
    await writeAudit(trx, ctx, { action: 'contactpersonen.lezen', caseId, details: {} });
    const views = rows.map((r) => ({
      id: r.id,
      organisation: { id: r.organisationId, name: r.organisationName },
      staff: { id: r.staffId, name: r.staffName, email: r.email },
      phone: r.phone,
      from: r.starts_at,
      until: r.ends_at,
    }));
    return [...views.filter((v) => v.until === null), ...views.filter((v) => v.until !== null)];
  });
}

export interface ContactInput {
  readonly staffId: string;
  readonly phone: string | null;
}

/**
 * Names (or replaces) the treating provider's one contact person on the case: a case-working
 * colleague of the same organisation. The previous one ends now; the history stays.
 */
export async function nameContact(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: ContactInput,
  now: Date,
): Promise<{ readonly id: string }> {
  checkIds(caseId);
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayReportAsProvider);
    const organisationId = ctx.actor.organisationId;
    const staff = UUID.test(input.staffId)
      ? await trx
          .selectFrom('staff')
          .select(['name', 'roles', 'active'])
          .where('id', '=', input.staffId)
          .where('organisation_id', '=', organisationId)
          .executeTakeFirst()
      : undefined;
    if (!staff || !staff.active || !staff.roles.some((r) => CASE_WORK_ROLES.includes(r)))
      throw new StoreError('invalid', 'De invoer klopt niet.', [
        {
          path: 'medewerkerId',
          message: 'kies een actieve collega van uw organisatie die met cliënten werkt',
        },
      ]);
    await trx
      .updateTable('provider_contact')
      .set({ ends_at: now })
      .where('case_id', '=', caseId)
      .where('organisation_id', '=', organisationId)
      .where('ends_at', 'is', null)
      .execute();
    const row = await trx
      .insertInto('provider_contact')
      .values({
        case_id: caseId,
        organisation_id: organisationId,
        staff_id: input.staffId,
        phone: input.phone,
        starts_at: now,
        ends_at: null,
        recorded_by: ctx.actor.staffId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addTimelineEntry(trx, {
      caseId,
      type: 'contactpersoon-aanbieder',
      at: now,
      note: `${await organisationName(trx, organisationId)}: contactpersoon is ${staff.name}`,
      by: ctx.actor.staffId,
    });
    await writeAudit(trx, ctx, {
      action: 'contactpersoon.aanwijzen',
      caseId,
      details: { contactId: row.id, staffId: input.staffId },
    });
    return { id: row.id };
  });
}

// --- Reports ---------------------------------------------------------------------------------

interface StoredProgress {
  readonly moment: ProgressMoment;
  readonly goals: readonly GoalProgressNote[];
  readonly general: string;
}
interface StoredIncident {
  readonly whatHappened: string;
  readonly measures: string;
  readonly request: string;
}

export interface ReportView {
  readonly id: string;
  readonly kind: ReportKind;
  readonly organisation: { readonly id: string; readonly name: string };
  readonly author: string;
  readonly submittedAt: Date;
  readonly plan: { readonly kind: string; readonly version: number } | null;
  readonly moment: ProgressMoment | null;
  readonly goals: readonly (GoalProgressNote & { readonly description: string })[];
  readonly general: string | null;
  readonly whatHappened: string | null;
  readonly occurredAt: Date | null;
  readonly measures: string | null;
  readonly request: string | null;
  readonly acknowledged: { readonly at: Date; readonly by: string } | null;
}

interface FixedPlan {
  readonly versionId: string;
  readonly kind: string;
  readonly version: number;
  readonly goals: readonly { readonly id: string; readonly description: string }[];
}

/**
 * The plan a provider reports against: its own fixed hulpverleningsplan when it wrote one,
 * otherwise the newest fixed plan of the case (the ondersteuningsplan or gezinsplan its help
 * follows); null without any.
 */
async function planForProvider(
  db: Db,
  caseId: string,
  organisationId: string,
): Promise<FixedPlan | null> {
  const fixed = db
    .selectFrom('plan_version')
    .innerJoin('plan', 'plan.id', 'plan_version.plan_id')
    // A plan the family started (ADR 0026) has no staff author: left join, so it still counts.
    .leftJoin('staff', 'staff.id', 'plan.created_by')
    .select(['plan_version.id', 'plan.kind', 'plan_version.version', 'plan_version.content'])
    .where('plan.case_id', '=', caseId)
    .where('plan_version.status', '=', 'vastgesteld')
    .orderBy('plan_version.fixed_at', 'desc')
    .orderBy('plan_version.id');
  const row =
    (await fixed
      .where('plan.kind', '=', 'hulpverleningsplan')
      .where('staff.organisation_id', '=', organisationId)
      .executeTakeFirst()) ?? (await fixed.executeTakeFirst());
  if (!row) return null;
  const content = row.content as PlanContent;
  return {
    versionId: row.id,
    kind: row.kind,
    version: row.version,
    goals: (content.goals ?? []).map((g) => ({ id: g.id, description: g.description })),
  };
}

async function reportRows(db: Db, caseId: string, scope: ReportScope, reportId?: string) {
  let query = db
    .selectFrom('provider_report as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .innerJoin('staff as author', 'author.id', 'r.submitted_by')
    .leftJoin('staff as ack', 'ack.id', 'r.acknowledged_by')
    .leftJoin('plan_version as pv', 'pv.id', 'r.plan_version_id')
    .leftJoin('plan as p', 'p.id', 'pv.plan_id')
    .select([
      'r.id',
      'r.kind',
      'r.organisation_id as organisationId',
      'o.name as organisationName',
      'author.name as author',
      'r.submitted_at',
      'r.occurred_at',
      'r.content',
      'r.acknowledged_at',
      'ack.name as acknowledgedBy',
      'p.kind as planKind',
      'pv.version as planVersion',
      'pv.content as planContent',
    ])
    .where('r.case_id', '=', caseId)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.seq', 'desc');
  if (reportId) query = query.where('r.id', '=', reportId);
  if (scope.kind === 'eigen-organisatie')
    query = query.where('r.organisation_id', '=', scope.organisationId);
  const rows = scope.kind === 'geen' ? [] : await query.execute();
  return rows
    .filter((r) => inScope(scope, r.organisationId))
    .map((r): ReportView => {
      const progress = r.kind === 'voortgang' ? (r.content as StoredProgress) : null;
      const incident = r.kind === 'voortgang' ? null : (r.content as StoredIncident);
      const described = new Map(
        ((r.planContent as PlanContent | null)?.goals ?? []).map((g) => [g.id, g.description]),
      );
      return {
        id: r.id,
        kind: r.kind,
        organisation: { id: r.organisationId, name: r.organisationName },
        author: r.author,
        submittedAt: r.submitted_at,
        plan:
          r.planKind !== null && r.planVersion !== null
            ? { kind: r.planKind, version: r.planVersion }
            : null,
        moment: progress?.moment ?? null,
        goals: (progress?.goals ?? []).map((g) => ({
          ...g,
          description: described.get(g.goalId) ?? '',
        })),
        general: progress?.general ?? null,
        whatHappened: incident?.whatHappened ?? null,
        occurredAt: r.occurred_at,
        measures: incident?.measures ?? null,
        request: incident?.request ?? null,
        acknowledged:
          r.acknowledged_at && r.acknowledgedBy
            ? { at: r.acknowledged_at, by: r.acknowledgedBy }
            : null,
      };
    });
}

export interface ReportsOverview {
  readonly reports: readonly ReportView[];
  /** Which reports the reader sees: all of the case, or their own organisation's. */
  readonly scope: 'alle' | 'eigen-organisatie';
  readonly mayReport: boolean;
  readonly mayAcknowledge: boolean;
  /** For a treating provider: the plan its progress report follows (null without one). */
  readonly plan: Omit<FixedPlan, 'versionId'> | null;
}

/** The reports the reader may see, newest first, and what they may do; audited. */
export async function caseReports(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<ReportsOverview> {
  checkIds(caseId);
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayReadReports);
    const facts = await accessFacts(trx, caseId, now);
    const scope = reportScope(ctx.actor, facts);
    const reports = await reportRows(trx, caseId, scope);
    const mayReport = mayReportAsProvider(ctx.actor, facts).allowed;
    const plan = mayReport ? await planForProvider(trx, caseId, ctx.actor.organisationId) : null;
    await writeAudit(trx, ctx, {
      action: 'verslagen.lezen',
      caseId,
      details: { scope: scope.kind, reports: reports.length },
    });
    return {
      reports,
      scope: scope.kind === 'alle' ? 'alle' : 'eigen-organisatie',
      mayReport,
      mayAcknowledge: mayAcknowledgeReports(ctx.actor, facts).allowed,
      plan: plan ? { kind: plan.kind, version: plan.version, goals: plan.goals } : null,
    };
  });
}

/** One report; "not found" when it belongs to another provider the reader may not read. */
export async function getReport(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  reportId: string,
  now: Date,
): Promise<ReportView> {
  checkIds(caseId, reportId);
  const found = await inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayReadReports);
    const scope = reportScope(ctx.actor, await accessFacts(trx, caseId, now));
    const [report] = await reportRows(trx, caseId, scope, reportId);
    // Another provider's report (or one of another case) looks like one that does not exist;
    // the refusal is logged.
    await writeAudit(trx, ctx, {
      action: report ? 'verslag.lezen' : 'verslag.geweigerd',
      caseId,
      details: report ? { reportId } : { reportId, reason: 'buiten het bereik van de lezer' },
    });
    return report ?? null;
  });
  if (!found) throw new StoreError('not-found', 'Verslag niet gevonden.');
  return found;
}

/** Active staff of the local team who act as casusregisseur there. */
async function teamRegisseurs(db: Db, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'roles'])
    .where('organisation_id', '=', teamId)
    .where('active', '=', true)
    .execute();
  return rows
    .filter((r) => r.roles.some((x) => x === 'casusregisseur' || x === 'teamleider'))
    .map((r) => r.id);
}

export interface SubmittedReport {
  readonly id: string;
  /** How many professionals on the casusregisseur side were notified. */
  readonly casusregisseurs: number;
  /** How many on the procesregie side were told a report arrived. */
  readonly procesregisseurs: number;
}

/**
 * Stores a report of the treating provider, puts it on the timeline and notifies, in one
 * transaction: the casusregisseur side (casusregie and crisiscasusregie holders; the responsible
 * local team when the family holds casusregie itself) gets every report — a calamity or acute
 * risk as an alert; the procesregie holder is told that a report arrived, without names.
 */
export async function submitReport(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  report: ProviderReport,
  now: Date,
): Promise<SubmittedReport> {
  checkIds(caseId);
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayReportAsProvider);
    const organisationId = ctx.actor.organisationId;
    const registered = await trx
      .selectFrom('case_event')
      .select('at')
      .where('case_id', '=', caseId)
      .where('type', '=', 'aanmelding')
      .orderBy('at')
      .executeTakeFirst();
    const plan =
      report.kind === 'voortgang' ? await planForProvider(trx, caseId, organisationId) : null;
    const problems = reportProblems(report, {
      planGoals: plan?.goals ?? [],
      registeredAt: registered?.at.getTime() ?? 0,
      now: now.getTime(),
    });
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    const content: StoredProgress | StoredIncident =
      report.kind === 'voortgang'
        ? { moment: report.moment, goals: report.goals, general: report.general }
        : { whatHappened: report.whatHappened, measures: report.measures, request: report.request };
    const row = await trx
      .insertInto('provider_report')
      .values({
        case_id: caseId,
        organisation_id: organisationId,
        kind: report.kind,
        plan_version_id: plan?.versionId ?? null,
        occurred_at: report.kind === 'voortgang' ? null : new Date(report.occurredAt),
        content: JSON.stringify(content),
        submitted_by: ctx.actor.staffId,
        submitted_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const provider = await organisationName(trx, organisationId);
    const label = await caseLabel(trx, caseId);
    const urgent = isUrgent(report.kind);
    const what = {
      voortgang: 'voortgangsverslag',
      calamiteit: 'calamiteit',
      'acuut-risico': 'acuut risico',
    }[report.kind];
    await addTimelineEntry(trx, {
      caseId,
      type: report.kind === 'voortgang' ? 'voortgangsverslag' : report.kind,
      at: now,
      note:
        report.kind === 'voortgang'
          ? `${provider} stuurt een voortgangsverslag (${report.moment})`
          : `${provider} meldt een ${what}`,
      by: ctx.actor.staffId,
    });

    const link = `/casussen/${caseId}#verslag-${row.id}`;
    const kind = urgent ? 'calamiteit' : 'voortgangsverslag';
    const facts = await accessFacts(trx, caseId, now);
    const regisseurs = new Set([
      ...(await caseRoleRecipients(trx, caseId, 'casusregie', now, CASE_WORK_ROLES)),
      ...(await caseRoleRecipients(trx, caseId, 'crisiscasusregie', now, CASE_WORK_ROLES)),
    ]);
    if (regisseurs.size === 0 && facts.responsibleTeamId !== null)
      for (const id of await teamRegisseurs(trx, facts.responsibleTeamId)) regisseurs.add(id);
    regisseurs.delete(ctx.actor.staffId);
    const casusregisseurs = await notify(
      trx,
      {
        kind,
        caseId,
        title: urgent
          ? `${provider} meldt een ${what} bij ${label}: neem direct contact op`
          : `Voortgangsverslag van ${provider} bij ${label}: bevestig de ontvangst`,
        link,
        staffIds: [...regisseurs],
      },
      now,
    );
    const procesregie = (
      await caseRoleRecipients(trx, caseId, 'procesregie', now, CASE_WORK_ROLES)
    ).filter((id) => !regisseurs.has(id) && id !== ctx.actor.staffId);
    const procesregisseurs = await notify(
      trx,
      {
        kind,
        caseId,
        title: urgent
          ? `Melding van een ${what} ontvangen bij ${label}`
          : `Voortgangsverslag van de aanbieder ontvangen bij ${label}`,
        link,
        staffIds: procesregie,
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'verslag.indienen',
      caseId,
      details: { reportId: row.id, kind: report.kind, casusregisseurs, procesregisseurs },
    });
    return { id: row.id, casusregisseurs, procesregisseurs };
  });
}

/** The casusregisseur side marks a report received: once, after which it is a conflict. */
export async function acknowledgeReport(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  reportId: string,
  now: Date,
): Promise<{ readonly acknowledgedAt: Date }> {
  checkIds(caseId, reportId);
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAcknowledgeReports);
    const report = await trx
      .selectFrom('provider_report')
      .innerJoin('organisation', 'organisation.id', 'provider_report.organisation_id')
      .select([
        'provider_report.kind',
        'provider_report.acknowledged_at',
        'organisation.name as provider',
      ])
      .where('provider_report.id', '=', reportId)
      .where('provider_report.case_id', '=', caseId)
      .forUpdate('provider_report')
      .executeTakeFirst();
    if (!report) throw new StoreError('not-found', 'Verslag niet gevonden.');
    const problems = acknowledgementProblems(report.acknowledged_at !== null);
    if (problems.length > 0)
      throw new StoreError('conflict', 'Dit verslag is al als ontvangen gemarkeerd.', problems);
    await trx
      .updateTable('provider_report')
      .set({ acknowledged_at: now, acknowledged_by: ctx.actor.staffId })
      .where('id', '=', reportId)
      .execute();
    const what = {
      voortgang: 'voortgangsverslag',
      calamiteit: 'calamiteitmelding',
      'acuut-risico': 'melding van acuut risico',
    }[report.kind];
    await addTimelineEntry(trx, {
      caseId,
      type: 'verslag-ontvangen',
      at: now,
      note: `De ${what} van ${report.provider} is ontvangen`,
      by: ctx.actor.staffId,
    });
    await writeAudit(trx, ctx, {
      action: 'verslag.ontvangen',
      caseId,
      details: { reportId, kind: report.kind },
    });
    return { acknowledgedAt: now };
  });
}

// --- Subcontractors --------------------------------------------------------------------------

export interface SubcontractorView {
  readonly id: string;
  readonly organisation: { readonly id: string; readonly name: string };
  readonly name: string;
  readonly agbCode: string;
  readonly part: string;
  readonly afterStart: boolean;
  readonly contractWarning: string | null;
  readonly announcedBy: string;
  readonly announcedAt: Date;
}

/** The subcontractor announcements the reader may see (same scope as the reports); audited. */
export async function caseSubcontractors(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<readonly SubcontractorView[]> {
  checkIds(caseId);
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayReadReports);
    const scope = reportScope(ctx.actor, await accessFacts(trx, caseId, now));
    let query = trx
      .selectFrom('subcontractor_announcement as s')
      .innerJoin('organisation as o', 'o.id', 's.organisation_id')
      .innerJoin('staff', 'staff.id', 's.announced_by')
      .select([
        's.id',
        's.organisation_id as organisationId',
        'o.name as organisationName',
        's.name',
        's.agb_code',
        's.part',
        's.after_start',
        's.contract_warning',
        'staff.name as announcedBy',
        's.announced_at',
      ])
      .where('s.case_id', '=', caseId)
      .orderBy('s.announced_at')
      .orderBy('s.seq');
    if (scope.kind === 'eigen-organisatie')
      query = query.where('s.organisation_id', '=', scope.organisationId);
    const rows = (await query.execute()).filter((r) => inScope(scope, r.organisationId));
    await writeAudit(trx, ctx, {
      action: 'onderaannemers.lezen',
      caseId,
      details: { scope: scope.kind },
    });
    return rows.map((r) => ({
      id: r.id,
      organisation: { id: r.organisationId, name: r.organisationName },
      name: r.name,
      agbCode: r.agb_code,
      part: r.part,
      afterStart: r.after_start,
      contractWarning: r.contract_warning,
      announcedBy: r.announcedBy,
      announcedAt: r.announced_at,
    }));
  });
}

/** Whether this provider's care on the case has started (see `careStarted`). */
async function providerCareStarted(
  db: Db,
  caseId: string,
  organisationId: string,
  now: Date,
): Promise<boolean> {
  const lines = await db
    .selectFrom('care_line')
    .innerJoin('allocation', 'allocation.id', 'care_line.allocation_id')
    .select('care_line.begin_date')
    .where('allocation.case_id', '=', caseId)
    .where('allocation.provider_id', '=', organisationId)
    .where('care_line.kind', '=', 'start')
    .where('care_line.deleted_at', 'is', null)
    .execute();
  const starts = await db
    .selectFrom('case_event')
    .leftJoin('staff', 'staff.id', 'case_event.recorded_by')
    .select(['case_event.at', 'staff.organisation_id as organisationId'])
    .where('case_event.case_id', '=', caseId)
    .where('case_event.type', '=', 'start-hulp')
    .execute();
  const providers = await db
    .selectFrom('case_role')
    .select('organisation_id')
    .distinct()
    .where('case_id', '=', caseId)
    .where('role', '=', 'behandelregie')
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .execute();
  return careStarted({
    careLineStarts: lines.map((l) => l.begin_date),
    startEvents: starts.map((s) => ({
      at: s.at.getTime(),
      byProvider: s.organisationId === organisationId,
    })),
    onlyProvider: providers.length === 1 && providers[0]?.organisation_id === organisationId,
    now: now.getTime(),
  });
}

export interface AnnouncedSubcontractor {
  readonly id: string;
  readonly afterStart: boolean;
  readonly contractWarning: string | null;
}

/**
 * The treating provider announces a subcontractor. Accepted also after care started — marked
 * "na start gemeld" — and when the region's contracts do not list it, with that warning stored;
 * the casusregisseur side is told. The same subcontractor twice is a conflict.
 */
export async function announceSubcontractor(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: SubcontractorAnnouncement,
  now: Date,
): Promise<AnnouncedSubcontractor> {
  checkIds(caseId);
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayReportAsProvider);
    const organisationId = ctx.actor.organisationId;
    const provider = await trx
      .selectFrom('organisation')
      .select(['name', 'agb_code'])
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow();
    const announced = await trx
      .selectFrom('subcontractor_announcement')
      .select('agb_code')
      .where('case_id', '=', caseId)
      .where('organisation_id', '=', organisationId)
      .execute();
    const facts = { providerAgb: provider.agb_code, announced: announced.map((a) => a.agb_code) };
    const problems = subcontractorProblems(input, facts);
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    if (alreadyAnnounced(input.agbCode, facts))
      throw new StoreError('conflict', 'Deze onderaannemer is voor deze casus al gemeld.', [
        { path: 'agbCode', message: 'deze onderaannemer is al gemeld' },
      ]);
    const casus = await trx
      .selectFrom('casus')
      .select('region')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const check = subcontractorContract(
      await listContracts(trx, casus.region),
      provider.agb_code,
      input.agbCode,
      localDay(now.getTime()),
    );
    const contractWarning = check.contracted ? null : check.warning;
    const afterStart = await providerCareStarted(trx, caseId, organisationId, now);
    const row = await trx
      .insertInto('subcontractor_announcement')
      .values({
        case_id: caseId,
        organisation_id: organisationId,
        name: input.name,
        agb_code: input.agbCode,
        part: input.part,
        after_start: afterStart,
        contract_warning: contractWarning,
        announced_by: ctx.actor.staffId,
        announced_at: now,
      })
      .onConflict((oc) => oc.columns(['case_id', 'organisation_id', 'agb_code']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new StoreError('conflict', 'Deze onderaannemer is voor deze casus al gemeld.');
    await addTimelineEntry(trx, {
      caseId,
      type: 'onderaannemer-gemeld',
      at: now,
      note: `${provider.name} zet onderaannemer ${input.name} (AGB ${input.agbCode}) in${afterStart ? '; gemeld na de start van de hulp' : ''}`,
      by: ctx.actor.staffId,
    });
    const label = await caseLabel(trx, caseId);
    const regisseurs = [
      ...(await caseRoleRecipients(trx, caseId, 'casusregie', now, CASE_WORK_ROLES)),
      ...(await caseRoleRecipients(trx, caseId, 'crisiscasusregie', now, CASE_WORK_ROLES)),
    ];
    const team = (await accessFacts(trx, caseId, now)).responsibleTeamId;
    await notify(
      trx,
      {
        kind: 'aanpassing',
        caseId,
        title: `${provider.name} meldt een onderaannemer bij ${label}${afterStart ? ' (na de start van de hulp)' : ''}`,
        link: `/casussen/${caseId}#kop-onderaannemers`,
        staffIds:
          regisseurs.length > 0 || team === null ? regisseurs : await teamRegisseurs(trx, team),
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'onderaannemer.melden',
      caseId,
      details: {
        announcementId: row.id,
        agbCode: input.agbCode,
        afterStart,
        contracted: check.contracted,
      },
    });
    return { id: row.id, afterStart, contractWarning };
  });
}
