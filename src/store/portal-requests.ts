/**
 * What a family member asks for and writes in the family portal (issue 10, ADR 0026): asking
 * for a casusregisseur while the family holds casusregie, asking for inspection or a copy of
 * the record, and their own notes on the case. Who may is `domain/portal/requests.ts`; this
 * module collects the facts, stores, tells the professionals and audits, each in one
 * transaction (role `burger`, the person in the details).
 *
 * - A request for a casusregisseur is a timeline entry (`casusregisseur-gevraagd`, not a rule
 *   event) and a notification to the casusregisseurs and team leads of the responsible local
 *   team. It stays open while the family holds casusregie; once a professional holds it, the
 *   request is answered. The team may also decline it with an explanation the family reads
 *   (`casusregisseur-afgewezen`); then the family may ask again.
 * - A request for inspection or a copy is an ordinary record request (ADR 0019,
 *   `insertRecordRequest`), recorded "via het gezinsportaal", so it lands in the list of whoever
 *   handles record requests on the case.
 * - Notes are read back only by their writer; shared ones also by the casusregie side
 *   (`store/family-notes.ts`).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { mayAssignRoles } from '../domain/access/case-access.js';
import {
  casusregisseurReasonProblems,
  casusregisseurRefusal,
  declineProblems,
  familyNoteProblems,
  recordRequestRefusal,
  type Refusal,
} from '../domain/portal/requests.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import { writeAudit, writeSystemAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import { notify } from './notifications.js';
import type { PortalReader } from './portal-cases.js';
import { insertRecordRequest } from './record-requests.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new StoreError('not-found', 'Casus niet gevonden.');
const refused = (r: Refusal) =>
  new StoreError(r.status === 403 ? 'forbidden' : 'conflict', r.message, [
    { path: r.path, message: r.message },
  ]);

/** Staff roles of the local team that take casusregie over from a family. */
const TEAM_REGIE_ROLES = ['casusregisseur', 'teamleider'] as const;

/** The reader's open case, locked for this transaction; anything else is the same 404. */
async function openCase(trx: Trx, reader: PortalReader, caseId: string, lock = false) {
  if (!UUID.test(caseId)) throw notFound();
  let query = trx
    .selectFrom('casus')
    .select(['id', 'responsible_team_id'])
    .where('id', '=', caseId)
    .where('household_id', '=', reader.householdId)
    .where('closed_at', 'is', null);
  if (lock) query = query.forUpdate();
  const casus = await query.executeTakeFirst();
  if (!casus) throw notFound();
  return casus;
}

/** When the family's current casusregie started; null when a professional holds it. */
async function familyCasusregieSince(trx: Trx, caseId: string, now: Date): Promise<Date | null> {
  const row = await trx
    .selectFrom('case_role')
    .select('starts_at')
    .where('case_id', '=', caseId)
    .where('role', '=', 'casusregie')
    .where('holder', '=', 'gezin')
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .orderBy('starts_at', 'desc')
    .executeTakeFirst();
  return row?.starts_at ?? null;
}

export interface CasusregisseurRequestView {
  readonly at: Date;
  readonly reason: string | null;
}

/** The local team's "no" to the family's last request: when, and why. */
export interface CasusregisseurDeclineView {
  readonly at: Date;
  readonly reason: string;
}

/**
 * The family's last request for a casusregisseur since it took casusregie, and the team's
 * decline of it, if any: a request is open while it has no decline after it.
 */
async function casusregisseurRequest(
  trx: Trx,
  caseId: string,
  since: Date | null,
): Promise<{
  readonly open: CasusregisseurRequestView | null;
  readonly declined: CasusregisseurDeclineView | null;
}> {
  if (since === null) return { open: null, declined: null };
  const rows = await trx
    .selectFrom('case_event')
    .select(['type', 'at', 'note'])
    .where('case_id', '=', caseId)
    .where('type', 'in', ['casusregisseur-gevraagd', 'casusregisseur-afgewezen'])
    .where('at', '>=', since)
    // Insertion order: both kinds are written under the case row's lock, so the later id is
    // the later event even when a request's clock reading came before a decline's.
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  const last = rows[0];
  if (!last) return { open: null, declined: null };
  return last.type === 'casusregisseur-gevraagd'
    ? { open: { at: last.at, reason: last.note }, declined: null }
    : { open: null, declined: { at: last.at, reason: last.note ?? '' } };
}

/** The request for a casusregisseur made since the family took casusregie, still open. */
async function openCasusregisseurRequest(
  trx: Trx,
  caseId: string,
  since: Date | null,
): Promise<CasusregisseurRequestView | null> {
  return (await casusregisseurRequest(trx, caseId, since)).open;
}

export type PortalRecordRequestStatus = 'in-behandeling' | 'klaar' | 'geweigerd';

export interface PortalRecordRequestView {
  readonly id: string;
  readonly kind: 'inzage-afschrift' | 'vernietiging';
  /** What the person asked for in the portal; null when a professional recorded it. */
  readonly form: 'inzage' | 'afschrift' | null;
  readonly receivedOn: string;
  readonly status: PortalRecordRequestStatus;
}

export interface PortalRequestsView {
  readonly familyHoldsCasusregie: boolean;
  readonly casusregisseurRequest: CasusregisseurRequestView | null;
  /** The team's decline of the last request, until the family asks again. */
  readonly casusregisseurDeclined: CasusregisseurDeclineView | null;
  /** Why the reader may not ask for a casusregisseur now; null when they may. */
  readonly casusregisseurRefusal: string | null;
  readonly recordRequests: readonly PortalRecordRequestView[];
  /** Why the reader may not ask for inspection or a copy here; null when they may. */
  readonly recordRequestRefusal: string | null;
}

/**
 * The reader's own record requests, newest first. A request for inspection and copy is ready
 * once the record was exported for it (`dossier.downloaden` in the audit log); a request for
 * destruction is refused or still under way (a granted one takes the case with it).
 */
async function ownRecordRequests(
  trx: Trx,
  caseId: string,
  personId: string,
): Promise<PortalRecordRequestView[]> {
  const rows = await trx
    .selectFrom('record_request')
    .select(['id', 'kind', 'portal_form', 'received_on', 'decision'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('audit_log')
            .select('audit_log.id')
            .where('audit_log.case_id', '=', caseId)
            .where('audit_log.action', '=', 'dossier.downloaden')
            .where(sql<boolean>`audit_log.details->>'requestId' = record_request.id::text`),
        )
        .as('exported'),
    )
    .where('case_id', '=', caseId)
    .where('person_id', '=', personId)
    .orderBy('recorded_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    form: r.portal_form,
    receivedOn: String(r.received_on).slice(0, 10),
    status: r.decision === 'weigeren' ? 'geweigerd' : r.exported ? 'klaar' : 'in-behandeling',
  }));
}

/** What the reader asked for on the case, and what they may ask; audited. */
export async function portalRequests(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  now: Date,
): Promise<PortalRequestsView> {
  return db.transaction().execute(async (trx) => {
    await openCase(trx, reader, caseId);
    const since = await familyCasusregieSince(trx, caseId, now);
    const { open, declined } = await casusregisseurRequest(trx, caseId, since);
    const refusal = casusregisseurRefusal({
      role: reader.role,
      familyHoldsCasusregie: since !== null,
      openRequest: open !== null,
    });
    const view: PortalRequestsView = {
      familyHoldsCasusregie: since !== null,
      casusregisseurRequest: open,
      casusregisseurDeclined: declined,
      casusregisseurRefusal: refusal?.message ?? null,
      recordRequests: await ownRecordRequests(trx, caseId, reader.personId),
      recordRequestRefusal: recordRequestRefusal(reader.role)?.message ?? null,
    };
    await writeSystemAudit(trx, {
      action: 'portaal.verzoeken-lezen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId },
    });
    return view;
  });
}

/**
 * The family asks the local team for a casusregisseur: a timeline entry with the reason, a
 * notification to the team's casusregisseurs and team leads (or, without a responsible team,
 * to those of the organisation with procesregie), and the audit record.
 */
export async function askForCasusregisseur(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  reason: string | null,
  now: Date,
): Promise<{ readonly notified: number }> {
  return db.transaction().execute(async (trx) => {
    const casus = await openCase(trx, reader, caseId, true);
    const since = await familyCasusregieSince(trx, caseId, now);
    const refusal = casusregisseurRefusal({
      role: reader.role,
      familyHoldsCasusregie: since !== null,
      openRequest: (await openCasusregisseurRequest(trx, caseId, since)) !== null,
    });
    if (refusal) throw refused(refusal);
    const problems = casusregisseurReasonProblems(reason);
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    const text = reason?.trim() || null;
    await trx
      .insertInto('case_event')
      .values({
        case_id: caseId,
        type: 'casusregisseur-gevraagd',
        at: now,
        child_id: null,
        kind: null,
        date: null,
        note: text,
        recorded_by: null,
      })
      .execute();
    const teams =
      casus.responsible_team_id !== null
        ? [casus.responsible_team_id]
        : (
            await trx
              .selectFrom('case_role')
              .select('organisation_id')
              .where('case_id', '=', caseId)
              .where('role', '=', 'procesregie')
              .where('organisation_id', 'is not', null)
              .where('starts_at', '<=', now)
              .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
              .execute()
          ).map((r) => r.organisation_id as string);
    const notified = await notify(
      trx,
      {
        kind: 'aanpassing',
        caseId,
        title: 'Het gezin vraagt om een casusregisseur',
        link: `/casussen/${caseId}`,
        organisationIds: teams,
        roles: TEAM_REGIE_ROLES,
      },
      now,
    );
    await writeSystemAudit(trx, {
      action: 'portaal.casusregisseur-vragen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId, reden: text !== null, gemeld: notified },
    });
    return { notified };
  });
}

/** The family's open request for a casusregisseur, as the local team sees it on the case. */
export interface StaffCasusregisseurRequestView {
  readonly familyHoldsCasusregie: boolean;
  readonly open: CasusregisseurRequestView | null;
  readonly declined: CasusregisseurDeclineView | null;
  /** Whether the reader may answer it (take casusregie over, or decline). */
  readonly mayAnswer: boolean;
}

/** The family's request for a casusregisseur on the case, for staff who may read the case. */
export async function staffCasusregisseurRequest(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<StaffCasusregisseurRequestView> {
  if (!UUID.test(caseId)) throw notFound();
  return inCaseTransaction(db, ctx, async (trx) => {
    const access = await requireAccess(trx, ctx, caseId, now);
    const since = await familyCasusregieSince(trx, caseId, now);
    const { open, declined } = await casusregisseurRequest(trx, caseId, since);
    await writeAudit(trx, ctx, { action: 'casusregisseur-verzoek.lezen', caseId });
    return {
      familyHoldsCasusregie: since !== null,
      open,
      declined,
      mayAnswer: access.mayAssignRoles,
    };
  });
}

/**
 * The local team declines the family's open request for a casusregisseur, with an explanation
 * the family reads in the portal: a timeline entry (`casusregisseur-afgewezen`) and the audit
 * record. Only who may assign roles on the case; 409 without an open request.
 */
export async function declineCasusregisseurRequest(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  reason: string,
  now: Date,
): Promise<void> {
  if (!UUID.test(caseId)) throw notFound();
  await inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
    // The case row first: a request or another answer waits for this one, and the reverse.
    const casus = await trx
      .selectFrom('casus')
      .select('closed_at')
      .where('id', '=', caseId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (casus.closed_at !== null)
      throw new StoreError(
        'conflict',
        'Deze casus is afgesloten; er valt geen verzoek meer te beantwoorden.',
      );
    const since = await familyCasusregieSince(trx, caseId, now);
    const open = await openCasusregisseurRequest(trx, caseId, since);
    const problems = declineProblems(open !== null, reason);
    if (!Array.isArray(problems)) throw refused(problems);
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    await trx
      .insertInto('case_event')
      .values({
        case_id: caseId,
        type: 'casusregisseur-afgewezen',
        at: now,
        child_id: null,
        kind: null,
        date: null,
        note: reason.trim(),
        recorded_by: ctx.actor.staffId,
      })
      .execute();
    await writeAudit(trx, ctx, { action: 'casusregisseur-verzoek.afwijzen', caseId });
  });
}

/**
 * A request for inspection or a copy of the record by the reader, received today, stored as a
 * record request of the reader (ADR 0019) — so it reaches whoever handles them on the case.
 */
export async function requestRecordInPortal(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  form: 'inzage' | 'afschrift',
  now: Date,
): Promise<{ readonly id: string; readonly warnings: readonly string[] }> {
  return db.transaction().execute(async (trx) => {
    await openCase(trx, reader, caseId);
    const refusal = recordRequestRefusal(reader.role);
    if (refusal) throw refused(refusal);
    const result = await insertRecordRequest(
      trx,
      caseId,
      {
        kind: 'inzage-afschrift',
        personId: reader.personId,
        receivedOn: formatIsoDate(localDay(now.getTime())),
      },
      { portalForm: form },
      now,
    );
    await writeSystemAudit(trx, {
      action: 'portaal.dossierverzoek',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId, requestId: result.id, soort: form },
    });
    return result;
  });
}

export interface FamilyNoteView {
  readonly id: string;
  readonly text: string;
  readonly shared: boolean;
  readonly createdAt: Date;
}

/** The reader's own notes on the case, newest first (never anyone else's); audited. */
export async function ownFamilyNotes(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
): Promise<FamilyNoteView[]> {
  return db.transaction().execute(async (trx) => {
    await openCase(trx, reader, caseId);
    const rows = await trx
      .selectFrom('family_note')
      .select(['id', 'text', 'shared', 'created_at'])
      .where('case_id', '=', caseId)
      .where('person_id', '=', reader.personId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    await writeSystemAudit(trx, {
      action: 'portaal.notities-lezen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId, aantal: rows.length },
    });
    return rows.map((r) => ({
      id: r.id,
      text: r.text,
      shared: r.shared,
      createdAt: r.created_at,
    }));
  });
}

/** A new note of the reader; audited without its text. */
export async function addFamilyNote(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  input: { readonly text: string; readonly shared: boolean },
  now: Date,
): Promise<{ readonly id: string }> {
  return db.transaction().execute(async (trx) => {
    await openCase(trx, reader, caseId);
    const problems = familyNoteProblems(input.text);
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    const row = await trx
      .insertInto('family_note')
      .values({
        case_id: caseId,
        person_id: reader.personId,
        text: input.text.trim(),
        shared: input.shared,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeSystemAudit(trx, {
      action: 'portaal.notitie-maken',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId, notitie: row.id, gedeeld: input.shared },
    });
    return { id: row.id };
  });
}
