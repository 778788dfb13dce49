/**
 * A family moves to another municipality (ZOU-DEC-ENDING step 3; ADR 0013). Starting a move starts
 * a warm handover of casusregie (ZTM-DEC-WARM-HANDOVER) to the named regisseur of the new local
 * team; completing that handover applies the move in the same transaction (`applyMoveIn`), and
 * cancelling it cancels the move (`cancelMoveIn`). The case moves in place: region, household
 * region, responsible team and procesregie change; history, plans and reports stay on the record.
 */
import type { Kysely, Transaction } from 'kysely';
import { mayAssignRoles } from '../domain/access/case-access.js';
import { MOVE_RULE, moveBlocker, moveProblems } from '../domain/closure/move.js';
import { MOVE_EVENT } from '../domain/cases/engine-input.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { assignRoleIn, inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import { startHandoverIn } from './handovers.js';
import { notify, regieSideRecipients } from './notifications.js';
import type { Database } from './schema.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MoveView {
  readonly id: string;
  readonly status: 'open' | 'afgerond' | 'geannuleerd';
  readonly handoverId: string;
  readonly from: { readonly region: string; readonly team: string };
  readonly to: {
    readonly region: string;
    readonly municipality: string;
    readonly team: string;
    readonly regisseur: string;
  };
  readonly moveDate: string;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly completedAt: Date | null;
}

/** A municipality with its local teams: where a family can move to (public directory data). */
export interface MoveDestination {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly teams: readonly { readonly id: string; readonly name: string }[];
}

async function loadMoves(db: Db, caseId: string): Promise<MoveView[]> {
  const rows = await db
    .selectFrom('case_move as m')
    .innerJoin('organisation as fromTeam', 'fromTeam.id', 'm.from_team_id')
    .innerJoin('organisation as toTeam', 'toTeam.id', 'm.to_team_id')
    .innerJoin('organisation as toMun', 'toMun.id', 'm.to_municipality_id')
    .innerJoin('casusregie_handover as h', 'h.id', 'm.handover_id')
    .innerJoin('staff as regisseur', 'regisseur.id', 'h.to_staff_id')
    .innerJoin('staff as creator', 'creator.id', 'm.created_by')
    .selectAll('m')
    .select([
      'fromTeam.name as fromTeamName',
      'toTeam.name as toTeamName',
      'toMun.name as toMunName',
      'regisseur.name as regisseurName',
      'creator.name as creatorName',
    ])
    .where('m.case_id', '=', caseId)
    .orderBy('m.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    handoverId: r.handover_id,
    from: { region: r.from_region, team: r.fromTeamName },
    to: {
      region: r.to_region,
      municipality: r.toMunName,
      team: r.toTeamName,
      regisseur: r.regisseurName,
    },
    moveDate: r.move_date,
    reason: r.reason,
    createdBy: r.creatorName,
    createdAt: r.created_at,
    completedAt: r.completed_at,
  }));
}

/** The case's moves (newest first) and whether the viewer may start one; audited. */
export async function caseMoves(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<{ readonly moves: MoveView[]; readonly mayStart: boolean }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    const { mayAssignRoles: assigns } = await requireAccess(trx, ctx, caseId, now);
    const moves = await loadMoves(trx, caseId);
    const casus = await trx
      .selectFrom('casus')
      .select(['closed_at', 'responsible_team_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const blocked = moveBlocker({
      closed: casus.closed_at !== null,
      responsibleTeamId: casus.responsible_team_id,
    });
    await writeAudit(trx, ctx, { action: 'verhuizing.lezen', caseId, details: {} });
    return {
      moves,
      mayStart: assigns && blocked === null && !moves.some((m) => m.status === 'open'),
    };
  });
}

/** Municipalities of every region with their local teams, for choosing where a family moves. */
export async function moveDestinations(db: Kysely<Database>): Promise<MoveDestination[]> {
  const orgs = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'region', 'kind', 'parent_id'])
    .where('kind', 'in', ['gemeente', 'lokaal-team'])
    .orderBy('region')
    .orderBy('name')
    .execute();
  return orgs
    .filter((o) => o.kind === 'gemeente')
    .map((m) => ({
      id: m.id,
      name: m.name,
      region: m.region,
      teams: orgs
        .filter((t) => t.kind === 'lokaal-team' && t.parent_id === m.id)
        .map((t) => ({ id: t.id, name: t.name })),
    }));
}

export interface StartMoveInput {
  readonly municipalityId: string;
  readonly teamId: string;
  readonly staffId: string;
  readonly moveDate: string;
  readonly reason: string;
  /** Passed to the handover: GRO-DEC-WERKTOEDELING asks why when the regisseur is unregistered. */
  readonly unregisteredExplanation?: string | null;
}

/**
 * Starts a move: checks the case and the destination, records the move and starts the warm
 * handover of casusregie to the new team's regisseur, who reads the case from now on.
 */
export async function startMove(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: StartMoveInput,
  now: Date,
): Promise<{ readonly id: string; readonly handoverId: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
    const casus = await trx
      .selectFrom('casus')
      .select(['region', 'closed_at', 'responsible_team_id'])
      .where('id', '=', caseId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const blocked = moveBlocker({
      closed: casus.closed_at !== null,
      responsibleTeamId: casus.responsible_team_id,
    });
    if (blocked || casus.responsible_team_id === null)
      throw new StoreError('conflict', blocked ?? '');
    const open = await trx
      .selectFrom('case_move')
      .select('id')
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open)
      throw new StoreError(
        'conflict',
        `Er loopt al een verhuizing van deze casus. Rond de overdracht af of annuleer die eerst (${MOVE_RULE}).`,
      );
    const organisation = (id: string) =>
      UUID.test(id)
        ? trx
            .selectFrom('organisation')
            .select(['id', 'kind', 'region', 'name', 'parent_id as parentId'])
            .where('id', '=', id)
            .executeTakeFirst()
        : Promise.resolve(undefined);
    const municipality = await organisation(input.municipalityId);
    const team = await organisation(input.teamId);
    const staff = UUID.test(input.staffId)
      ? await trx
          .selectFrom('staff')
          .select(['id', 'organisation_id as organisationId', 'roles', 'active'])
          .where('id', '=', input.staffId)
          .executeTakeFirst()
      : undefined;
    const problems = moveProblems(
      input,
      { municipality: municipality ?? null, team: team ?? null, staff: staff ?? null },
      { today: localDay(now.getTime()), currentTeamId: casus.responsible_team_id },
    );
    if (problems.length > 0 || !municipality || !team || !staff)
      throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    const reason = input.reason.trim();
    const handover = await startHandoverIn(
      trx,
      ctx,
      caseId,
      {
        newStaffId: staff.id,
        newOrganisationId: team.id,
        reason: `Verhuizing naar ${municipality.name} (${municipality.region}): ${reason}`,
        unregisteredExplanation: input.unregisteredExplanation ?? null,
      },
      now,
    );
    const row = await trx
      .insertInto('case_move')
      .values({
        case_id: caseId,
        handover_id: handover.id,
        from_region: casus.region,
        from_team_id: casus.responsible_team_id,
        to_region: municipality.region,
        to_municipality_id: municipality.id,
        to_team_id: team.id,
        move_date: input.moveDate,
        reason,
        status: 'open',
        created_by: ctx.actor.staffId,
        created_at: now,
        completed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await notify(
      trx,
      {
        kind: 'aanpassing',
        caseId,
        title: `Het gezin verhuist naar ${municipality.name}: de casus gaat na een warme overdracht naar het lokale team daar`,
        ruleId: MOVE_RULE,
        link: `/casussen/${caseId}`,
        staffIds: [...(await regieSideRecipients(trx, caseId, now)), staff.id].filter(
          (id) => id !== ctx.actor.staffId,
        ),
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'verhuizing.starten',
      caseId,
      details: { moveId: row.id, handoverId: handover.id, toTeamId: team.id },
    });
    return { id: row.id, handoverId: handover.id };
  });
}

/**
 * Applies the open move linked to a handover that is being completed (called by
 * `completeHandover`, inside its transaction, after casusregie moved). Does nothing when the
 * handover belongs to no move. The new local team takes procesregie where the old team held it,
 * the case and household take the new region, and a `verhuizing` entry starts the new
 * municipality's deadlines (see `caseEvents`).
 */
export async function applyMoveIn(
  trx: Transaction<Database>,
  ctx: RequestContext,
  handoverId: string,
  now: Date,
): Promise<void> {
  const move = await trx
    .selectFrom('case_move as m')
    .innerJoin('organisation as mun', 'mun.id', 'm.to_municipality_id')
    .selectAll('m')
    .select('mun.name as municipalityName')
    .where('m.handover_id', '=', handoverId)
    .where('m.status', '=', 'open')
    .forUpdate()
    .executeTakeFirst();
  if (!move) return;
  const procesregie = await trx
    .selectFrom('case_role')
    .select(['organisation_id'])
    .where('case_id', '=', move.case_id)
    .where('role', '=', 'procesregie')
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .execute();
  // A GI's procesregie under a court measure is not the local team's to pass on.
  if (procesregie.every((r) => r.organisation_id === move.from_team_id))
    await assignRoleIn(
      trx,
      ctx,
      move.case_id,
      {
        role: 'procesregie',
        holder: 'organisatie',
        staffId: null,
        organisationId: move.to_team_id,
        startsAt: now,
        reason: `verhuizing naar ${move.municipalityName} (${MOVE_RULE})`,
      },
      now,
    );
  // Rows ending in the future (planned) also end now for the old team.
  await trx
    .updateTable('case_role')
    .set({ ends_at: now })
    .where('case_id', '=', move.case_id)
    .where('role', '=', 'procesregie')
    .where('organisation_id', '=', move.from_team_id)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .execute();
  const casus = await trx
    .updateTable('casus')
    .set({ region: move.to_region, responsible_team_id: move.to_team_id })
    .where('id', '=', move.case_id)
    .returning('household_id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('household')
    .set({ region: move.to_region })
    .where('id', '=', casus.household_id)
    .execute();
  await trx
    .updateTable('case_move')
    .set({ status: 'afgerond', completed_at: now })
    .where('id', '=', move.id)
    .execute();
  await addTimelineEntry(trx, {
    caseId: move.case_id,
    type: MOVE_EVENT,
    at: now,
    note: `Verhuisd naar ${move.municipalityName} (${move.to_region}) per ${formatIsoDate(localDay(now.getTime()))}; verhuisdatum ${move.move_date}. De termijnen van de nieuwe gemeente lopen vanaf nu (${MOVE_RULE}).`,
    by: ctx.actor.staffId,
  });
  const handover = await trx
    .selectFrom('casusregie_handover')
    .select('to_staff_id')
    .where('id', '=', handoverId)
    .executeTakeFirstOrThrow();
  await notify(
    trx,
    {
      kind: 'aanpassing',
      caseId: move.case_id,
      title: `De casus is overgegaan naar het lokale team van ${move.municipalityName}`,
      ruleId: MOVE_RULE,
      link: `/casussen/${move.case_id}`,
      staffIds: [
        ...(await regieSideRecipients(trx, move.case_id, now)),
        handover.to_staff_id,
      ].filter((id) => id !== ctx.actor.staffId),
    },
    now,
  );
  await writeAudit(trx, ctx, {
    action: 'verhuizing.afronden',
    caseId: move.case_id,
    details: {
      moveId: move.id,
      fromRegion: move.from_region,
      toRegion: move.to_region,
      toTeamId: move.to_team_id,
    },
  });
}

/** Cancels the open move linked to a handover that is being cancelled; nothing else changed. */
export async function cancelMoveIn(
  trx: Transaction<Database>,
  ctx: RequestContext,
  handoverId: string,
  now: Date,
): Promise<void> {
  const move = await trx
    .updateTable('case_move')
    .set({ status: 'geannuleerd', completed_at: now })
    .where('handover_id', '=', handoverId)
    .where('status', '=', 'open')
    .returning(['id', 'case_id'])
    .executeTakeFirst();
  if (!move) return;
  await writeAudit(trx, ctx, {
    action: 'verhuizing.annuleren',
    caseId: move.case_id,
    details: { moveId: move.id },
  });
}
