/**
 * Requests about the record in the database (Jeugdwet 7.3.9, 7.3.10; ADR 0019): recording a
 * request, withholding items for one request, the export (JSON and the data for the PDF), and
 * the decision on destruction — refused on a legal exception with its reason, or carried out
 * for real (`destroyCaseRows`). Only who may assign roles on the case does this; other readers of
 * the case get 403, everyone else 404. Working notes are never read here. Every command checks
 * access, writes and audits in one transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { mayAssignRoles } from '../domain/access/case-access.js';
import {
  buildRecordExport,
  destructionDecisionProblems,
  recordRequestProblems,
  recordRequestWarnings,
  withholdableItems,
  withholdingProblems,
  type DestructionDecisionInput,
  type HouseholdPerson,
  type RecordContent,
  type RecordExport,
  type RecordRequestInput,
  type RecordRequestKind,
  type RefusalGround,
  type WithholdableKind,
} from '../domain/privacy/record.js';
import { mayReadAccessLog } from '../domain/privacy/access-log.js';
import { localDay, parseIsoDate } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { destroyCaseRows } from './destruction.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const invalid = (fields: { path: string; message: string }[]) =>
  new StoreError('invalid', 'De invoer klopt niet.', fields);
const notFound = () => new StoreError('not-found', 'Verzoek niet gevonden.');

/** Who "recorded" a request the family made themselves in the portal. */
export const PORTAL_RECORDER = 'het gezin zelf, via het gezinsportaal';

async function householdPersons(trx: Trx, caseId: string) {
  return trx
    .selectFrom('person')
    .innerJoin('casus', 'casus.household_id', 'person.household_id')
    .select(['person.id', 'person.kind', 'person.name', 'person.birth_date', 'person.bsn'])
    .where('casus.id', '=', caseId)
    .orderBy('person.created_at')
    .orderBy('person.name')
    .execute();
}

/** The record of the case as the export shows it, before anything is withheld. */
export async function readRecordContent(trx: Trx, caseId: string): Promise<RecordContent> {
  const casus = await trx
    .selectFrom('casus')
    .innerJoin('household', 'household.id', 'casus.household_id')
    .select([
      'casus.id',
      'casus.region',
      'casus.route',
      'casus.segment',
      'casus.measure',
      'casus.step',
      'casus.created_at',
      'casus.closed_at',
      'household.label',
    ])
    .where('casus.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const persons = await householdPersons(trx, caseId);
  const roles = await trx
    .selectFrom('case_role')
    .leftJoin('staff', 'staff.id', 'case_role.staff_id')
    .leftJoin('organisation', 'organisation.id', 'case_role.organisation_id')
    .select([
      'case_role.role',
      'case_role.holder',
      'organisation.name as organisation',
      'staff.name as staff',
      'case_role.starts_at',
      'case_role.ends_at',
      'case_role.reason',
    ])
    .where('case_role.case_id', '=', caseId)
    .orderBy('case_role.starts_at')
    .orderBy('case_role.id')
    .execute();
  const events = await trx
    .selectFrom('case_event')
    .select(['id', 'type', 'at', 'kind', 'date', 'note'])
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const plans = await trx
    .selectFrom('plan')
    .select(['id', 'kind'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  const versions = await trx
    .selectFrom('plan_version')
    .innerJoin('plan', 'plan.id', 'plan_version.plan_id')
    .select([
      'plan_version.id',
      'plan_version.plan_id',
      'plan_version.version',
      'plan_version.status',
      'plan_version.start_date',
      'plan_version.fixed_at',
      'plan_version.content',
    ])
    .where('plan.case_id', '=', caseId)
    .orderBy('plan_version.version')
    .execute();
  const assessments = await trx
    .selectFrom('assessment')
    .select(['id', 'kind', 'recorded_at', 'content'])
    .where('case_id', '=', caseId)
    .orderBy('recorded_at')
    .execute();
  const evaluations = await trx
    .selectFrom('evaluation')
    .select(['id', 'kind', 'held_at', 'participants', 'minutes'])
    .where('case_id', '=', caseId)
    .orderBy('held_at')
    .execute();
  const reports = await trx
    .selectFrom('provider_report')
    .innerJoin('organisation', 'organisation.id', 'provider_report.organisation_id')
    .select([
      'provider_report.id',
      'provider_report.kind',
      'provider_report.submitted_at',
      'provider_report.content',
      'organisation.name as provider',
    ])
    .where('provider_report.case_id', '=', caseId)
    .orderBy('provider_report.submitted_at')
    .execute();
  const handovers = await trx
    .selectFrom('casusregie_handover')
    .select(['id', 'status', 'reason', 'started_at', 'ended_at'])
    .where('case_id', '=', caseId)
    .orderBy('started_at')
    .execute();
  const meetings = await trx
    .selectFrom('casusregie_handover_meeting')
    .innerJoin(
      'casusregie_handover',
      'casusregie_handover.id',
      'casusregie_handover_meeting.handover_id',
    )
    .select([
      'casusregie_handover_meeting.handover_id',
      'casusregie_handover_meeting.held_at',
      'casusregie_handover_meeting.summary',
    ])
    .where('casusregie_handover.case_id', '=', caseId)
    .orderBy('casusregie_handover_meeting.held_at')
    .execute();
  const closure = await trx
    .selectFrom('case_closure')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const access = await trx
    .selectFrom('audit_log')
    .leftJoin('staff', 'staff.id', 'audit_log.staff_id')
    .leftJoin('organisation', 'organisation.id', 'audit_log.organisation_id')
    .select([
      'audit_log.at',
      'staff.name as staff',
      'organisation.name as organisation',
      'audit_log.role',
      'audit_log.action',
    ])
    .where('audit_log.case_id', '=', caseId)
    .orderBy('audit_log.at')
    .orderBy('audit_log.id')
    .execute();
  return {
    casus: {
      id: casus.id,
      regio: casus.region,
      route: casus.route,
      segment: casus.segment,
      maatregel: casus.measure,
      stap: casus.step,
      aangemeldOp: casus.created_at.toISOString(),
      afgeslotenOp: iso(casus.closed_at),
    },
    gezin: {
      naam: casus.label,
      personen: persons.map((p) => ({
        id: p.id,
        soort: p.kind,
        naam: p.name,
        geboortedatum: p.birth_date,
        bsn: p.bsn,
      })),
    },
    rollen: roles.map((r) => ({
      rol: r.role,
      houder: r.holder,
      organisatie: r.organisation,
      medewerker: r.staff,
      vanaf: r.starts_at.toISOString(),
      tot: iso(r.ends_at),
      reden: r.reason,
    })),
    tijdlijn: events.map((e) => ({
      id: e.id,
      type: e.type,
      op: e.at.toISOString(),
      soort: e.kind,
      datum: e.date,
      notitie: e.note,
    })),
    plannen: plans.map((p) => ({
      id: p.id,
      soort: p.kind,
      versies: versions
        .filter((v) => v.plan_id === p.id)
        .map((v) => ({
          id: v.id,
          versie: v.version,
          status: v.status,
          ingangsdatum: v.start_date,
          vastgesteldOp: iso(v.fixed_at),
          inhoud: v.content,
        })),
    })),
    beoordelingen: assessments.map((a) => ({
      id: a.id,
      soort: a.kind,
      op: a.recorded_at.toISOString(),
      inhoud: a.content,
    })),
    evaluaties: evaluations.map((e) => ({
      id: e.id,
      soort: e.kind,
      op: e.held_at.toISOString(),
      inhoud: { deelnemers: e.participants, verslag: e.minutes },
    })),
    verslagen: reports.map((r) => ({
      id: r.id,
      soort: r.kind,
      op: r.submitted_at.toISOString(),
      inhoud: { aanbieder: r.provider, ...(r.content as Record<string, unknown>) },
    })),
    overdrachten: handovers.map((h) => ({
      id: h.id,
      status: h.status,
      reden: h.reason,
      gestartOp: h.started_at.toISOString(),
      beeindigdOp: iso(h.ended_at),
      gesprekken: meetings
        .filter((m) => m.handover_id === h.id)
        .map((m) => ({ gehoudenOp: m.held_at.toISOString(), samenvatting: m.summary })),
    })),
    afsluiting: closure
      ? {
          reden: closure.reason,
          eindevaluatie: closure.final_evaluation,
          nazorg: closure.aftercare,
          waakvlam: closure.waakvlam,
          herbeoordeling: closure.reassessment,
          overgang18: closure.transitions,
          afgeslotenOp: iso(closure.closed_at),
        }
      : null,
    toegangslog: access.map((a) => ({
      op: a.at.toISOString(),
      medewerker: a.staff,
      organisatie: a.organisation,
      rol: a.role,
      handeling: a.action,
    })),
  };
}

export interface WithholdingView {
  readonly id: string;
  readonly kind: WithholdableKind;
  readonly itemId: string;
  readonly reason: string;
  readonly recordedAt: Date;
}

export interface RecordRequestView {
  readonly id: string;
  readonly kind: RecordRequestKind;
  readonly personId: string;
  readonly personName: string;
  readonly personKind: string;
  readonly receivedOn: string;
  readonly recordedAt: Date;
  readonly recordedBy: string;
  readonly decision: 'weigeren' | null;
  readonly refusalGround: RefusalGround | null;
  readonly decisionReason: string | null;
  readonly decidedAt: Date | null;
  readonly withheld: readonly WithholdingView[];
}

export interface RecordRequestsOverview {
  readonly persons: readonly { id: string; name: string; kind: string; birthDate: string | null }[];
  readonly requests: readonly RecordRequestView[];
  readonly items: ReturnType<typeof withholdableItems>;
}

async function requestViews(trx: Trx, caseId: string): Promise<RecordRequestView[]> {
  const rows = await trx
    .selectFrom('record_request')
    .innerJoin('person', 'person.id', 'record_request.person_id')
    .leftJoin('staff', 'staff.id', 'record_request.recorded_by')
    .select([
      'record_request.id',
      'record_request.kind',
      'record_request.person_id',
      'person.name as person_name',
      'person.kind as person_kind',
      'record_request.received_on',
      'record_request.recorded_at',
      'staff.name as recorded_by',
      'record_request.decision',
      'record_request.refusal_ground',
      'record_request.decision_reason',
      'record_request.decided_at',
    ])
    .where('record_request.case_id', '=', caseId)
    .orderBy('record_request.recorded_at', 'desc')
    .execute();
  const withheld =
    rows.length === 0
      ? []
      : await trx
          .selectFrom('record_withholding')
          .selectAll()
          .where(
            'request_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('recorded_at')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    personId: r.person_id,
    personName: r.person_name,
    personKind: r.person_kind,
    receivedOn: String(r.received_on).slice(0, 10),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by ?? PORTAL_RECORDER,
    decision: r.decision,
    refusalGround: r.refusal_ground,
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at,
    withheld: withheld
      .filter((w) => w.request_id === r.id)
      .map((w) => ({
        id: w.id,
        kind: w.item_kind,
        itemId: w.item_id,
        reason: w.reason,
        recordedAt: w.recorded_at,
      })),
  }));
}

const asHouseholdPerson = (p: { id: string; kind: string; birth_date: string | null }) =>
  ({ id: p.id, kind: p.kind, birthDate: p.birth_date }) as HouseholdPerson;

/** The requests of a case, the household to choose from and the items that can be withheld. */
export async function recordRequests(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<RecordRequestsOverview> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
    const persons = await householdPersons(trx, caseId);
    const requests = await requestViews(trx, caseId);
    const items = withholdableItems(await readRecordContent(trx, caseId));
    await writeAudit(trx, ctx, { action: 'dossierverzoek.lezen', caseId });
    return {
      persons: persons.map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        birthDate: p.birth_date,
      })),
      requests,
      items,
    };
  });
}

/** Records a request; refused naming the field, with nothing stored. */
export async function recordRecordRequest(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: RecordRequestInput,
  now: Date,
): Promise<{ readonly id: string; readonly warnings: readonly string[] }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
    const row = await insertRecordRequest(trx, caseId, input, { staffId: ctx.actor.staffId }, now);
    await writeAudit(trx, ctx, {
      action: 'dossierverzoek.vastleggen',
      caseId,
      details: { requestId: row.id, kind: input.kind, personId: input.personId },
    });
    return row;
  });
}

/**
 * Checks and stores a request in the caller's transaction (the caller checked who may and
 * audits): recorded by a staff member, or asked by the family in the portal, with its form.
 */
export async function insertRecordRequest(
  trx: Trx,
  caseId: string,
  input: RecordRequestInput,
  recorder: { readonly staffId: string } | { readonly portalForm: 'inzage' | 'afschrift' },
  now: Date,
): Promise<{ readonly id: string; readonly warnings: readonly string[] }> {
  const persons = (await householdPersons(trx, caseId)).map(asHouseholdPerson);
  const today = localDay(now.getTime());
  const problems = recordRequestProblems(input, persons, today);
  if (problems.length > 0) throw invalid(problems);
  const row = await trx
    .insertInto('record_request')
    .values({
      case_id: caseId,
      kind: input.kind,
      person_id: input.personId,
      received_on: input.receivedOn,
      recorded_by: 'staffId' in recorder ? recorder.staffId : null,
      via: 'staffId' in recorder ? 'medewerker' : 'portaal',
      portal_form: 'portalForm' in recorder ? recorder.portalForm : null,
      recorded_at: now,
      decision: null,
      refusal_ground: null,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, warnings: recordRequestWarnings(input, persons, today) };
}

async function requestRow(trx: Trx, caseId: string, requestId: string, lock = false) {
  if (!UUID.test(requestId)) throw notFound();
  let query = trx
    .selectFrom('record_request')
    .selectAll()
    .where('id', '=', requestId)
    .where('case_id', '=', caseId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Leaves one item out of one request's export, with the reason; logged with kind, id, reason. */
export async function withholdItem(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  requestId: string,
  input: { readonly kind: WithholdableKind; readonly itemId: string; readonly reason: string },
  now: Date,
): Promise<{ readonly id: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
    const request = await requestRow(trx, caseId, requestId);
    if (request.kind !== 'inzage-afschrift')
      throw invalid([{ path: 'verzoek', message: 'alleen bij inzage en afschrift' }]);
    const problems = withholdingProblems(input.reason);
    const items = withholdableItems(await readRecordContent(trx, caseId));
    if (!items.some((i) => i.kind === input.kind && i.id === input.itemId))
      problems.push({ path: 'itemId', message: 'dit onderdeel hoort niet bij dit dossier' });
    if (problems.length > 0) throw invalid(problems);
    const row = await trx
      .insertInto('record_withholding')
      .values({
        request_id: requestId,
        item_kind: input.kind,
        item_id: input.itemId,
        reason: input.reason.trim(),
        recorded_by: ctx.actor.staffId,
        recorded_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['request_id', 'item_kind', 'item_id'])
          .doUpdateSet({ reason: input.reason.trim() }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'dossierverzoek.achterhouden',
      caseId,
      details: { requestId, kind: input.kind, itemId: input.itemId, reason: input.reason.trim() },
    });
    return { id: row.id };
  });
}

/** The export for a request of inspection and copy; the download is audited with its format. */
export async function recordExport(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  requestId: string,
  format: 'json' | 'pdf',
  now: Date,
): Promise<RecordExport> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
    const request = await requestRow(trx, caseId, requestId);
    if (request.kind !== 'inzage-afschrift') throw notFound();
    const requester = await trx
      .selectFrom('person')
      .select(['name', 'kind'])
      .where('id', '=', request.person_id)
      .executeTakeFirstOrThrow();
    const withheld = await trx
      .selectFrom('record_withholding')
      .select(['item_kind', 'item_id'])
      .where('request_id', '=', requestId)
      .execute();
    const content = await readRecordContent(trx, caseId);
    await writeAudit(trx, ctx, {
      action: 'dossier.downloaden',
      caseId,
      details: { requestId, format, withheld: withheld.length },
    });
    return buildRecordExport(
      content,
      {
        id: request.id,
        ontvangenOp: String(request.received_on).slice(0, 10),
        verzoeker: { naam: requester.name, soort: requester.kind },
      },
      withheld.map((w) => ({ kind: w.item_kind, itemId: w.item_id })),
      now.toISOString(),
    );
  });
}

/**
 * The decision on a request for destruction. Refusing stores the ground and reason and logs
 * them; destroying deletes the case (and the household when nothing else of it remains) and
 * leaves one audit line `dossier.vernietigd` with the case id and who decided.
 */
export async function decideDestruction(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  requestId: string,
  input: DestructionDecisionInput,
  now: Date,
): Promise<{ readonly destroyed: boolean }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
    const request = await requestRow(trx, caseId, requestId, true);
    const problems = destructionDecisionProblems(input, {
      kind: request.kind,
      decided: request.decision !== null,
    });
    if (problems.length > 0) throw invalid(problems);
    if (input.decision === 'weigeren') {
      await trx
        .updateTable('record_request')
        .set({
          decision: 'weigeren',
          refusal_ground: input.ground,
          decision_reason: (input.reason ?? '').trim(),
          decided_by: ctx.actor.staffId,
          decided_at: now,
        })
        .where('id', '=', requestId)
        .execute();
      await writeAudit(trx, ctx, {
        action: 'dossier.vernietiging-geweigerd',
        caseId,
        details: { requestId, ground: input.ground, reason: (input.reason ?? '').trim() },
      });
      return { destroyed: false };
    }
    await destroyRecord(trx, ctx, caseId, 'verzoek');
    return { destroyed: true };
  });
}

/**
 * Destroys the record and writes the one line that remains: the case id, who decided (the
 * actor) and on which ground — no names, no content. Written before the rows go, so the line
 * still carries the household's id.
 */
export async function destroyRecord(
  trx: Trx,
  ctx: RequestContext,
  caseId: string,
  ground: 'verzoek' | 'bewaartermijn',
): Promise<void> {
  await writeAudit(trx, ctx, { action: 'dossier.vernietigd', caseId, details: { grond: ground } });
  await destroyCaseRows(trx, caseId);
}

// ---- Retention (Jeugdwet 7.3.8 lid 3) -------------------------------------------------------

export interface RetentionDueView {
  readonly caseId: string;
  readonly route: string;
  readonly lastChange: string;
  readonly dueOn: string;
  readonly flaggedAt: Date;
  readonly status: 'open' | 'bewaren';
  readonly keepReason: string | null;
  readonly keepUntil: string | null;
}

/** The privacy officer's region; anyone else is refused (403). */
async function privacyOfficerRegion(trx: Trx, ctx: RequestContext): Promise<string> {
  const org = await trx
    .selectFrom('organisation')
    .select(['kind', 'region'])
    .where('id', '=', ctx.actor.organisationId)
    .executeTakeFirst();
  const decision = mayReadAccessLog(ctx.actor, org?.kind ?? '');
  if (!decision.allowed || !org)
    throw new StoreError(
      'forbidden',
      'Alleen de privacyfunctionaris van de gemeente beslist over dossiers waarvan de bewaartermijn is verstreken.',
    );
  return org.region;
}

const day = (value: unknown) => (value === null ? null : String(value).slice(0, 10));

/**
 * Cases of the officer's region whose retention ran out, oldest due first: identifiers and
 * dates only (the officer does not read case content). The read is logged.
 */
export async function retentionDueList(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<RetentionDueView[]> {
  return db.transaction().execute(async (trx) => {
    const region = await privacyOfficerRegion(trx, ctx);
    const rows = await trx
      .selectFrom('retention_due')
      .innerJoin('casus', 'casus.id', 'retention_due.case_id')
      .select([
        'retention_due.case_id',
        'casus.route',
        'retention_due.last_change',
        'retention_due.due_on',
        'retention_due.flagged_at',
        'retention_due.status',
        'retention_due.keep_reason',
        'retention_due.keep_until',
      ])
      .where('casus.region', '=', region)
      .orderBy('retention_due.due_on')
      .orderBy('retention_due.case_id')
      .execute();
    await writeAudit(trx, ctx, { action: 'bewaartermijn.lezen', details: { region } });
    return rows.map((r) => ({
      caseId: r.case_id,
      route: r.route,
      lastChange: day(r.last_change) as string,
      dueOn: day(r.due_on) as string,
      flaggedAt: r.flagged_at,
      status: r.status,
      keepReason: r.keep_reason,
      keepUntil: day(r.keep_until),
    }));
  });
}

export type RetentionDecision =
  | { readonly decision: 'vernietigen' }
  | { readonly decision: 'bewaren'; readonly reason: string; readonly until: string };

/**
 * One decision on one flagged case: destroy it, or keep it longer "as the care of a good
 * youth care provider requires" (7.3.8 lid 3) with a reason and a day to look again.
 */
export async function decideRetention(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: RetentionDecision,
  now: Date,
): Promise<{ readonly destroyed: boolean }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return db.transaction().execute(async (trx) => {
    const region = await privacyOfficerRegion(trx, ctx);
    const flagged = await trx
      .selectFrom('retention_due')
      .innerJoin('casus', 'casus.id', 'retention_due.case_id')
      .select(['retention_due.status', 'casus.region'])
      .where('retention_due.case_id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!flagged || flagged.region !== region)
      throw new StoreError('not-found', 'Casus niet gevonden.');
    if (input.decision === 'vernietigen') {
      await destroyRecord(trx, ctx, caseId, 'bewaartermijn');
      return { destroyed: true };
    }
    const problems = withholdingProblems(input.reason);
    const until = parseIsoDate(input.until);
    if (until === null || until <= localDay(now.getTime()))
      problems.push({ path: 'bewarenTot', message: 'kies een datum na vandaag' });
    if (problems.length > 0) throw invalid(problems);
    await trx
      .updateTable('retention_due')
      .set({
        status: 'bewaren',
        keep_reason: input.reason.trim(),
        keep_until: input.until,
        decided_by: ctx.actor.staffId,
        decided_at: now,
      })
      .where('case_id', '=', caseId)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'bewaartermijn.langer-bewaren',
      caseId,
      details: { until: input.until, reason: input.reason.trim() },
    });
    return { destroyed: false };
  });
}
