/**
 * The family's opt-out on route B in the database (GRO-TOE-OPTOUT): the treating provider
 * files the signed statement, or records that the family withdrew it. One active statement per
 * case; every change is one transaction with its audit record, and a refused statement leaves
 * nothing behind.
 */
import type { Kysely, Transaction } from 'kysely';
import { mayRecordOptOut } from '../domain/access/case-access.js';
import { optOutProblems } from '../domain/allocation/index.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface OptOutView {
  readonly id: string;
  readonly signedOn: string;
  readonly signers: readonly { readonly id: string; readonly name: string }[];
  readonly reference: string;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

/** The case's active opt-out, or null. No access check: callers have done theirs. */
export async function activeOptOut(db: Db, caseId: string): Promise<OptOutView | null> {
  const row = await db
    .selectFrom('opt_out')
    .innerJoin('staff', 'staff.id', 'opt_out.recorded_by')
    .select([
      'opt_out.id',
      'opt_out.signed_on',
      'opt_out.signers',
      'opt_out.reference',
      'opt_out.recorded_at',
      'staff.name as recordedBy',
    ])
    .where('opt_out.case_id', '=', caseId)
    .where('opt_out.withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const people =
    row.signers.length === 0
      ? []
      : await db
          .selectFrom('person')
          .select(['id', 'name'])
          .where('id', 'in', row.signers)
          .execute();
  return {
    id: row.id,
    signedOn: row.signed_on,
    signers: row.signers.map((id) => ({
      id,
      name: people.find((p) => p.id === id)?.name ?? '',
    })),
    reference: row.reference,
    recordedBy: row.recordedBy,
    recordedAt: row.recorded_at,
  };
}

/** The case's opt-out for anyone who may read the case; the read is audited. */
export async function getOptOut(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<OptOutView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const optOut = await activeOptOut(trx, caseId);
    await writeAudit(trx, ctx, { action: 'opt-out.lezen', caseId, details: {} });
    return optOut;
  });
}

export interface OptOutInput {
  readonly signedOn: string;
  readonly signers: readonly string[];
  readonly reference: string;
}

/** Whether a local team already sees the case: responsible for it, or holding a role. */
async function localTeamInvolved(db: Db, caseId: string, now: Date): Promise<boolean> {
  const casus = await db
    .selectFrom('casus')
    .select('responsible_team_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (casus.responsible_team_id !== null) return true;
  const role = await db
    .selectFrom('case_role')
    .innerJoin('organisation', 'organisation.id', 'case_role.organisation_id')
    .select('case_role.id')
    .where('case_role.case_id', '=', caseId)
    .where('organisation.kind', '=', 'lokaal-team')
    .where('case_role.starts_at', '<=', now)
    .where((eb) => eb.or([eb('case_role.ends_at', 'is', null), eb('case_role.ends_at', '>', now)]))
    .executeTakeFirst();
  return role !== undefined;
}

/** Files the signed statement (treating provider only); refused field by field. */
export async function recordOptOut(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: OptOutInput,
  now: Date,
): Promise<{ readonly id: string }> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayRecordOptOut);
    const casus = await trx
      .selectFrom('casus')
      .select(['route', 'household_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const family = await trx
      .selectFrom('person')
      .select('id')
      .where('household_id', '=', casus.household_id)
      .execute();
    const problems = optOutProblems(input, {
      route: casus.route as 'A' | 'B' | 'C',
      today: formatIsoDate(localDay(now.getTime())),
      familyIds: family.map((p) => p.id),
      alreadyActive: (await activeOptOut(trx, caseId)) !== null,
      localTeamInvolved: await localTeamInvolved(trx, caseId, now),
    });
    if (problems.length > 0) {
      const conflict = problems.every((p) => ['route', 'optOut', 'lokaalTeam'].includes(p.path));
      throw new StoreError(
        conflict ? 'conflict' : 'invalid',
        conflict ? 'Een opt-out kan hier niet worden vastgelegd.' : 'De invoer klopt niet.',
        problems,
      );
    }
    const row = await trx
      .insertInto('opt_out')
      .values({
        case_id: caseId,
        signed_on: input.signedOn,
        signers: [...input.signers],
        reference: input.reference.trim(),
        recorded_by: ctx.actor.staffId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addTimelineEntry(trx, {
      caseId: caseId,
      type: 'notitie',
      at: now,
      note: `Opt-out vastgelegd: het gezin wil niet dat het lokale team wordt geïnformeerd (GRO-TOE-OPTOUT; verklaring: ${input.reference.trim()})`,
      by: ctx.actor.staffId,
    });
    await writeAudit(trx, ctx, {
      action: 'opt-out.vastleggen',
      caseId,
      details: { optOutId: row.id, signers: input.signers.length },
    });
    return { id: row.id };
  });
}

/** The family withdrew its opt-out: from now on the local team may be involved again. */
export async function withdrawOptOut(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  await inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayRecordOptOut);
    const updated = await trx
      .updateTable('opt_out')
      .set({ withdrawn_at: now, withdrawn_by: ctx.actor.staffId })
      .where('case_id', '=', caseId)
      .where('withdrawn_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!updated)
      throw new StoreError('conflict', 'Er is geen opt-out vastgelegd die kan worden ingetrokken.');
    await addTimelineEntry(trx, {
      caseId: caseId,
      type: 'notitie',
      at: now,
      note: 'Opt-out ingetrokken: het gezin vindt het goed dat het lokale team wordt betrokken (GRO-TOE-OPTOUT)',
      by: ctx.actor.staffId,
    });
    await writeAudit(trx, ctx, {
      action: 'opt-out.intrekken',
      caseId,
      details: { optOutId: updated.id },
    });
  });
}
