/**
 * Warm handovers of casusregie in the database (ZTM-DEC-WARM-HANDOVER): starting one towards a
 * named staff member, recording the joint meetings with the family, completing it — which moves
 * casusregie through the ordinary role assignment, in the same transaction — and cancelling it.
 * While a handover is open its new regisseur reads the case (`requireAccess` loads them as
 * access facts), so they see the history, the plan and the current state before taking over.
 */
import type { Kysely, Transaction } from 'kysely';
import { mayAssignRoles } from '../domain/access/case-access.js';
import {
  CASUSREGIE_STAFF_ROLES,
  completionCheck,
  meetingProblems,
  startProblems,
  WARM_HANDOVER_RULE,
  type CurrentCasusregie,
  type Meeting,
  type Missing,
} from '../domain/handover/handover.js';
import type { HandoverConsent } from '../domain/privacy/consent.js';
import { writeAudit } from './audit.js';
import { consentForHandover } from './consents.js';
import { assignRoleIn, inCaseTransaction, requireAccess } from './cases.js';
import { applyMoveIn, cancelMoveIn } from './moves.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import { notify } from './notifications.js';
import type { Database } from './schema.js';
import { requireRegistrationOrExplanation } from './staff-registrations.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = 'Overdracht niet gevonden.';
const invalid = (fields: { path: string; message: string }[]) =>
  new StoreError('invalid', 'De invoer klopt niet.', fields);

export interface HandoverMeetingView {
  readonly id: string;
  readonly heldAt: Date;
  readonly oldRegisseurPresent: boolean;
  readonly newRegisseurPresent: boolean;
  readonly familyPresent: readonly { readonly id: string; readonly name: string }[];
  readonly others: string | null;
  readonly summary: string;
  readonly recordedBy: string;
}

export interface HandoverView {
  readonly id: string;
  readonly status: 'open' | 'afgerond' | 'geannuleerd';
  readonly from: {
    readonly holder: CurrentCasusregie['holder'];
    readonly staff: string | null;
    readonly organisation: string | null;
  };
  readonly to: {
    readonly staffId: string;
    readonly staff: string;
    readonly organisationId: string;
    readonly organisation: string;
  };
  readonly reason: string;
  readonly startedBy: string;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  readonly cancelReason: string | null;
  readonly meetings: readonly HandoverMeetingView[];
  /** For an open handover: the family's consent to share with the new organisation. */
  readonly consent: { readonly state: string; readonly message: string | null } | null;
  /** For an open handover: whether it may be completed now, and otherwise why not. */
  readonly completion: {
    readonly possible: boolean;
    readonly missing: readonly Missing[];
    readonly message: string | null;
  } | null;
}

async function currentCasusregie(
  db: Db,
  caseId: string,
  now: Date,
): Promise<CurrentCasusregie | null> {
  const row = await db
    .selectFrom('case_role')
    .select(['holder', 'staff_id as staffId', 'organisation_id as organisationId'])
    .where('case_id', '=', caseId)
    .where('role', '=', 'casusregie')
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .orderBy('starts_at', 'desc')
    .executeTakeFirst();
  return row ?? null;
}

const consentLine = (c: HandoverConsent) =>
  'message' in c ? { state: c.outcome, message: c.message } : { state: c.outcome, message: null };

const asMeeting = (m: {
  held_at: Date;
  old_present: boolean;
  new_present: boolean;
  family_present: unknown;
}): Meeting => ({
  heldAt: m.held_at.getTime(),
  oldRegisseurPresent: m.old_present,
  newRegisseurPresent: m.new_present,
  familyPresent: m.family_present as string[],
});

async function loadHandovers(db: Db, caseId: string): Promise<HandoverView[]> {
  const rows = await db
    .selectFrom('casusregie_handover as h')
    .innerJoin('staff as to', 'to.id', 'h.to_staff_id')
    .innerJoin('organisation as toOrg', 'toOrg.id', 'h.to_organisation_id')
    .innerJoin('staff as starter', 'starter.id', 'h.started_by')
    .leftJoin('staff as fromStaff', 'fromStaff.id', 'h.from_staff_id')
    .leftJoin('organisation as fromOrg', 'fromOrg.id', 'h.from_organisation_id')
    .selectAll('h')
    .select([
      'to.name as toName',
      'toOrg.name as toOrgName',
      'starter.name as starterName',
      'fromStaff.name as fromName',
      'fromOrg.name as fromOrgName',
    ])
    .where('h.case_id', '=', caseId)
    .orderBy('h.started_at', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const meetings = await db
    .selectFrom('casusregie_handover_meeting as m')
    .innerJoin('staff', 'staff.id', 'm.recorded_by')
    .selectAll('m')
    .select('staff.name as byName')
    .where(
      'm.handover_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('m.held_at')
    .execute();
  const persons = await db
    .selectFrom('person')
    .innerJoin('casus', 'casus.household_id', 'person.household_id')
    .select(['person.id', 'person.name'])
    .where('casus.id', '=', caseId)
    .execute();
  const nameOf = (id: string) => persons.find((p) => p.id === id)?.name ?? '';
  return rows.map((row): HandoverView => {
    const mine = meetings.filter((m) => m.handover_id === row.id);
    const check =
      row.status === 'open'
        ? completionCheck(mine.map(asMeeting), row.from_holder === 'gezin')
        : null;
    return {
      id: row.id,
      status: row.status,
      from: { holder: row.from_holder, staff: row.fromName, organisation: row.fromOrgName },
      to: {
        staffId: row.to_staff_id,
        staff: row.toName,
        organisationId: row.to_organisation_id,
        organisation: row.toOrgName,
      },
      reason: row.reason,
      startedBy: row.starterName,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      cancelReason: row.cancel_reason,
      meetings: mine.map((m) => ({
        id: m.id,
        heldAt: m.held_at,
        oldRegisseurPresent: m.old_present,
        newRegisseurPresent: m.new_present,
        familyPresent: (m.family_present as string[]).map((id) => ({ id, name: nameOf(id) })),
        others: m.others,
        summary: m.summary,
        recordedBy: m.byName,
      })),
      completion: check
        ? check.complete
          ? { possible: true, missing: [], message: null }
          : { possible: false, missing: check.missing, message: check.message }
        : null,
      consent: null,
    };
  });
}

/**
 * The people who take part in a handover and may record its meeting: the old regisseur (in
 * person, or a casusregie-capable colleague of the organisation that held it) and the new one.
 */
function takesPart(
  ctx: RequestContext,
  h: {
    from_staff_id: string | null;
    from_organisation_id: string | null;
    from_holder: string;
    to_staff_id: string;
  },
): boolean {
  const { staffId, organisationId, roles } = ctx.actor;
  if (staffId === h.to_staff_id || staffId === h.from_staff_id) return true;
  return (
    h.from_holder === 'organisatie' &&
    h.from_organisation_id === organisationId &&
    roles.some((r) => (CASUSREGIE_STAFF_ROLES as readonly string[]).includes(r))
  );
}

/** The case's handovers (newest first) and what the viewer may do; audited. */
export async function caseHandovers(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
) {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    const { mayAssignRoles: assigns } = await requireAccess(trx, ctx, caseId, now);
    const current = await currentCasusregie(trx, caseId, now);
    const handovers = await Promise.all(
      (await loadHandovers(trx, caseId)).map(async (h) =>
        h.status === 'open'
          ? {
              ...h,
              consent: consentLine(
                await consentForHandover(
                  trx,
                  caseId,
                  h.to.organisationId,
                  current?.organisationId ?? null,
                  now,
                ),
              ),
            }
          : h,
      ),
    );
    const open = handovers.find((h) => h.status === 'open') ?? null;
    const openRow = open
      ? await trx
          .selectFrom('casusregie_handover')
          .selectAll()
          .where('id', '=', open.id)
          .executeTakeFirstOrThrow()
      : null;
    await writeAudit(trx, ctx, { action: 'regie-overdracht.lezen', caseId, details: {} });
    return {
      handovers,
      current,
      mayStart: assigns && open === null && current !== null,
      mayRecordMeeting: openRow !== null && (assigns || takesPart(ctx, openRow)),
      mayDecide: assigns && open !== null,
    };
  });
}

export interface StartHandoverInput {
  readonly newStaffId: string;
  readonly newOrganisationId: string;
  readonly reason: string;
  /** Comply or explain (GRO-DEC-WERKTOEDELING): why the new regisseur may lack a registration. */
  readonly unregisteredExplanation?: string | null;
}

/** Whoever may assign roles starts a handover of the running casusregie to a named person. */
export async function startHandover(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: StartHandoverInput,
  now: Date,
): Promise<{ readonly id: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, (trx) => startHandoverIn(trx, ctx, caseId, input, now));
}

/**
 * `startHandover` inside a transaction the caller owns (a move to another municipality starts its
 * handover this way). Access is checked the same way.
 */
export async function startHandoverIn(
  trx: Transaction<Database>,
  ctx: RequestContext,
  caseId: string,
  input: StartHandoverInput,
  now: Date,
): Promise<{ readonly id: string }> {
  await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
  const open = await trx
    .selectFrom('casusregie_handover')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open)
    throw new StoreError(
      'conflict',
      'Er loopt al een overdracht van de casusregie. Rond die af of annuleer die eerst.',
    );
  const current = await currentCasusregie(trx, caseId, now);
  const staff = UUID.test(input.newStaffId)
    ? await trx
        .selectFrom('staff')
        .select(['id as staffId', 'organisation_id as organisationId', 'roles', 'active'])
        .where('id', '=', input.newStaffId)
        .executeTakeFirst()
    : undefined;
  const problems = startProblems(input, current, staff ?? null);
  if (problems.length > 0 || !current || !staff) throw invalid(problems);
  // Jeugdwet 7.3.11: no handover to another organisation after the family withdrew consent.
  const consent = await consentForHandover(
    trx,
    caseId,
    staff.organisationId,
    current.organisationId,
    now,
  );
  if (consent.outcome === 'ingetrokken') throw new StoreError('conflict', consent.message);
  const row = await trx
    .insertInto('casusregie_handover')
    .values({
      case_id: caseId,
      status: 'open',
      from_holder: current.holder,
      from_staff_id: current.staffId,
      from_organisation_id: current.organisationId,
      to_staff_id: staff.staffId,
      to_organisation_id: staff.organisationId,
      reason: input.reason.trim(),
      started_by: ctx.actor.staffId,
      started_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await requireRegistrationOrExplanation(
    trx,
    ctx,
    {
      caseId,
      staffId: staff.staffId,
      at: now,
      explanation: input.unregisteredExplanation,
      field: 'uitlegZonderRegistratie',
      kind: 'overdracht',
      handoverId: row.id,
    },
    now,
  );
  await addTimelineEntry(trx, {
    caseId,
    type: 'regie-overdracht-gestart',
    at: now,
    note: `Casusregie gaat over naar een nieuwe casusregisseur: ${input.reason.trim()}`,
    by: ctx.actor.staffId,
  });
  await notify(
    trx,
    {
      kind: 'aanpassing',
      caseId,
      title:
        'U neemt de casusregie van een casus over: plan het gezamenlijke gesprek met het gezin',
      ruleId: WARM_HANDOVER_RULE,
      link: `/casussen/${caseId}`,
      staffIds: [staff.staffId, ...(await oldRegisseurs(trx, row.id))].filter(
        (id) => id !== ctx.actor.staffId,
      ),
    },
    now,
  );
  await writeAudit(trx, ctx, {
    action: 'regie-overdracht.starten',
    caseId,
    details: {
      handoverId: row.id,
      toStaffId: staff.staffId,
      fromHolder: current.holder,
      consent: consent.outcome,
    },
  });
  return { id: row.id };
}

/** The staff who held casusregie when the handover started (none when the family did). */
async function oldRegisseurs(db: Db, handoverId: string): Promise<string[]> {
  const h = await db
    .selectFrom('casusregie_handover')
    .select(['from_staff_id', 'from_organisation_id', 'from_holder'])
    .where('id', '=', handoverId)
    .executeTakeFirstOrThrow();
  if (h.from_staff_id) return [h.from_staff_id];
  if (h.from_holder !== 'organisatie' || !h.from_organisation_id) return [];
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'roles'])
    .where('organisation_id', '=', h.from_organisation_id)
    .where('active', '=', true)
    .execute();
  return staff
    .filter((s) => s.roles.some((r) => (CASUSREGIE_STAFF_ROLES as readonly string[]).includes(r)))
    .map((s) => s.id);
}

/** Loads a handover for a change, locked; an unknown id is "not found". */
async function handoverForChange(trx: Transaction<Database>, handoverId: string) {
  if (!UUID.test(handoverId)) throw new StoreError('not-found', NOT_FOUND);
  const row = await trx
    .selectFrom('casusregie_handover')
    .selectAll()
    .where('id', '=', handoverId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new StoreError('not-found', NOT_FOUND);
  return row;
}

const requireOpen = (status: string) => {
  if (status !== 'open')
    throw new StoreError(
      'conflict',
      status === 'afgerond' ? 'Deze overdracht is al afgerond.' : 'Deze overdracht is geannuleerd.',
    );
};

export interface MeetingRecordInput {
  readonly heldAt: Date;
  readonly oldRegisseurPresent: boolean;
  readonly newRegisseurPresent: boolean;
  readonly familyPresent: readonly string[];
  readonly others: string | null;
  readonly summary: string;
}

/**
 * Records a joint meeting. The old and the new regisseur record it, or whoever may assign roles;
 * others who read the case get 403. A meeting where someone was missing is kept as it happened.
 */
export async function recordHandoverMeeting(
  db: Kysely<Database>,
  ctx: RequestContext,
  handoverId: string,
  input: MeetingRecordInput,
  now: Date,
): Promise<{ readonly id: string; readonly completionPossible: boolean }> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const h = await handoverForChange(trx, handoverId);
    const { mayAssignRoles: assigns } = await requireAccess(trx, ctx, h.case_id, now);
    if (!assigns && !takesPart(ctx, h))
      throw new StoreError(
        'forbidden',
        'Alleen de oude of de nieuwe casusregisseur, of wie rollen toewijst, legt dit gesprek vast.',
      );
    requireOpen(h.status);
    const household = await trx
      .selectFrom('person')
      .innerJoin('casus', 'casus.household_id', 'person.household_id')
      .select('person.id')
      .where('casus.id', '=', h.case_id)
      .execute();
    const problems = meetingProblems(
      {
        heldAt: input.heldAt.getTime(),
        oldRegisseurPresent: input.oldRegisseurPresent,
        newRegisseurPresent: input.newRegisseurPresent,
        familyPresent: input.familyPresent,
        summary: input.summary,
      },
      {
        now: now.getTime(),
        startedAt: h.started_at.getTime(),
        householdPersonIds: household.map((p) => p.id),
      },
    );
    if (problems.length > 0) throw invalid(problems);
    const row = await trx
      .insertInto('casusregie_handover_meeting')
      .values({
        handover_id: h.id,
        held_at: input.heldAt,
        old_present: input.oldRegisseurPresent,
        new_present: input.newRegisseurPresent,
        family_present: JSON.stringify(input.familyPresent),
        others: input.others?.trim() || null,
        summary: input.summary.trim(),
        recorded_by: ctx.actor.staffId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addTimelineEntry(trx, {
      caseId: h.case_id,
      type: 'regie-overdracht-gesprek',
      at: input.heldAt,
      note: input.summary.trim(),
      by: ctx.actor.staffId,
    });
    await writeAudit(trx, ctx, {
      action: 'regie-overdracht.gesprek-vastleggen',
      caseId: h.case_id,
      details: { handoverId: h.id, meetingId: row.id },
    });
    const all = await trx
      .selectFrom('casusregie_handover_meeting')
      .select(['held_at', 'old_present', 'new_present', 'family_present'])
      .where('handover_id', '=', h.id)
      .execute();
    return {
      id: row.id,
      completionPossible: completionCheck(all.map(asMeeting), h.from_holder === 'gezin').complete,
    };
  });
}

/**
 * Completes the handover: only after a joint meeting of the old and the new regisseur with the
 * family (ZTM-DEC-WARM-HANDOVER; otherwise 409 saying who was missing). Casusregie moves through
 * the ordinary role assignment — the old period ends now, the new one starts, history kept.
 */
export async function completeHandover(
  db: Kysely<Database>,
  ctx: RequestContext,
  handoverId: string,
  now: Date,
): Promise<{ readonly roleId: string }> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const h = await handoverForChange(trx, handoverId);
    await requireAccess(trx, ctx, h.case_id, now, mayAssignRoles);
    requireOpen(h.status);
    const meetings = await trx
      .selectFrom('casusregie_handover_meeting')
      .select(['held_at', 'old_present', 'new_present', 'family_present'])
      .where('handover_id', '=', h.id)
      .execute();
    const check = completionCheck(meetings.map(asMeeting), h.from_holder === 'gezin');
    if (!check.complete) throw new StoreError('conflict', check.message);
    const current = await currentCasusregie(trx, h.case_id, now);
    // A withdrawal since the start stops the handover too (Jeugdwet 7.3.11, ADR 0018).
    const consent = await consentForHandover(
      trx,
      h.case_id,
      h.to_organisation_id,
      current?.organisationId ?? null,
      now,
    );
    if (consent.outcome === 'ingetrokken') throw new StoreError('conflict', consent.message);
    if (
      !current ||
      current.holder !== h.from_holder ||
      current.staffId !== h.from_staff_id ||
      current.organisationId !== h.from_organisation_id
    )
      throw new StoreError(
        'conflict',
        'De casusregie is sinds de start van deze overdracht op een andere manier gewijzigd. Annuleer deze overdracht en start zo nodig een nieuwe.',
      );
    const oldStaff = await oldRegisseurs(trx, h.id);
    const role = await assignRoleIn(
      trx,
      ctx,
      h.case_id,
      {
        role: 'casusregie',
        holder: 'professional',
        staffId: h.to_staff_id,
        organisationId: h.to_organisation_id,
        startsAt: now,
        reason: `warme overdracht (${WARM_HANDOVER_RULE}): ${h.reason}`,
        // Comply or explain was settled when the handover started (GRO-DEC-WERKTOEDELING).
        registrationChecked: true,
      },
      now,
    );
    await trx
      .updateTable('casusregie_handover')
      .set({ status: 'afgerond', ended_by: ctx.actor.staffId, ended_at: now, role_id: role.id })
      .where('id', '=', h.id)
      .execute();
    // A move to another municipality completes with its handover (ADR 0013).
    await applyMoveIn(trx, ctx, h.id, now);
    await addTimelineEntry(trx, {
      caseId: h.case_id,
      type: 'regie-overdracht-afgerond',
      at: now,
      note: `Casusregie overgedragen na een gezamenlijk gesprek met het gezin (${WARM_HANDOVER_RULE})`,
      by: ctx.actor.staffId,
    });
    await notify(
      trx,
      {
        kind: 'aanpassing',
        caseId: h.case_id,
        title: 'De warme overdracht is afgerond: de casusregie is overgegaan',
        ruleId: WARM_HANDOVER_RULE,
        link: `/casussen/${h.case_id}`,
        staffIds: [h.to_staff_id, ...oldStaff].filter((id) => id !== ctx.actor.staffId),
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'regie-overdracht.afronden',
      caseId: h.case_id,
      details: { handoverId: h.id, roleId: role.id },
    });
    return { roleId: role.id };
  });
}

/** Cancels an open handover with a reason; the named regisseur's reading access ends with it. */
export async function cancelHandover(
  db: Kysely<Database>,
  ctx: RequestContext,
  handoverId: string,
  input: { readonly reason: string },
  now: Date,
): Promise<void> {
  await inCaseTransaction(db, ctx, async (trx) => {
    const h = await handoverForChange(trx, handoverId);
    await requireAccess(trx, ctx, h.case_id, now, mayAssignRoles);
    requireOpen(h.status);
    if (input.reason.trim().length < 10)
      throw invalid([{ path: 'reden', message: 'schrijf in een zin waarom de overdracht stopt' }]);
    const oldStaff = await oldRegisseurs(trx, h.id);
    await trx
      .updateTable('casusregie_handover')
      .set({
        status: 'geannuleerd',
        ended_by: ctx.actor.staffId,
        ended_at: now,
        cancel_reason: input.reason.trim(),
      })
      .where('id', '=', h.id)
      .execute();
    await cancelMoveIn(trx, ctx, h.id, now);
    await addTimelineEntry(trx, {
      caseId: h.case_id,
      type: 'regie-overdracht-geannuleerd',
      at: now,
      note: `Overdracht van de casusregie geannuleerd: ${input.reason.trim()}`,
      by: ctx.actor.staffId,
    });
    // The named regisseur no longer reads the case: the notice carries no link to it.
    await notify(
      trx,
      {
        kind: 'aanpassing',
        caseId: null,
        title: 'Een overdracht van casusregie aan u is geannuleerd',
        ruleId: WARM_HANDOVER_RULE,
        staffIds: [h.to_staff_id].filter((id) => id !== ctx.actor.staffId),
      },
      now,
    );
    await notify(
      trx,
      {
        kind: 'aanpassing',
        caseId: h.case_id,
        title: 'De overdracht van de casusregie is geannuleerd; u blijft casusregisseur',
        ruleId: WARM_HANDOVER_RULE,
        link: `/casussen/${h.case_id}`,
        staffIds: oldStaff.filter((id) => id !== ctx.actor.staffId),
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'regie-overdracht.annuleren',
      caseId: h.case_id,
      details: { handoverId: h.id },
    });
  });
}
