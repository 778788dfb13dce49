/**
 * Sharing decisions in the database (ADR 0020; DOMAIN.md section 10): what is shared about a
 * family, with whom and on which basis. Everyone who reads the case reads the decisions (under
 * break-the-glass too, logged with its reason); everyone who may change the case records one.
 * A decision is never changed afterwards: a new insight is a new decision.
 */
import type { Kysely, Transaction } from 'kysely';
import { mayWriteCase } from '../domain/access/case-access.js';
import { consentFor, withdrawalMessage, type RecipientKind } from '../domain/privacy/consent.js';
import {
  sharingProblems,
  type LegalException,
  type SharingBasis,
  type SharingInput,
  type Weighing,
} from '../domain/privacy/sharing.js';
import { localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { consentRegister } from './consents.js';
import { caseAccessFacts, inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SharingDecision {
  readonly id: string;
  readonly what: string;
  readonly recipientKind: RecipientKind;
  readonly recipient: string;
  readonly basis: SharingBasis;
  readonly consentReference: string | null;
  readonly weighing: Weighing | null;
  readonly exception: { readonly kind: LegalException; readonly motivation: string } | null;
  readonly visibleToFamily: boolean;
  readonly withheldReason: string | null;
  readonly decidedBy: string;
  readonly decidedAt: Date;
}

async function decisionsOf(
  db: Kysely<Database> | Transaction<Database>,
  caseId: string,
): Promise<SharingDecision[]> {
  const rows = await db
    .selectFrom('sharing_decision')
    .innerJoin('staff', 'staff.id', 'sharing_decision.decided_by')
    .selectAll('sharing_decision')
    .select('staff.name as decidedByName')
    .where('sharing_decision.case_id', '=', caseId)
    .orderBy('sharing_decision.decided_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    what: r.what,
    recipientKind: r.recipient_kind,
    recipient: r.recipient,
    basis: r.basis,
    consentReference: r.consent_reference,
    weighing: (r.weighing ?? null) as Weighing | null,
    exception:
      r.exception_kind !== null
        ? { kind: r.exception_kind, motivation: r.exception_motivation ?? '' }
        : null,
    visibleToFamily: r.visible_to_family,
    withheldReason: r.withheld_reason,
    decidedBy: r.decidedByName,
    decidedAt: r.decided_at,
  }));
}

/** The decisions of a case, newest first, and whether the actor may record one; audited. */
export async function caseSharingDecisions(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<{ readonly decisions: readonly SharingDecision[]; readonly mayRecord: boolean }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const decisions = await decisionsOf(trx, caseId);
    const facts = await caseAccessFacts(trx, caseId, now);
    await writeAudit(trx, ctx, {
      action: 'gegevensdeling.lezen',
      caseId,
      details: { besluiten: decisions.length },
    });
    return {
      decisions,
      mayRecord: facts !== null && mayWriteCase(ctx.actor, facts).allowed,
    };
  });
}

/**
 * The decisions the family may see (for a record request): the withheld ones are left out. No
 * access check: callers have done theirs.
 */
export async function sharingDecisionsForFamily(
  db: Kysely<Database>,
  caseId: string,
): Promise<readonly SharingDecision[]> {
  return (await decisionsOf(db, caseId)).filter((d) => d.visibleToFamily);
}

/** Records a sharing decision; refused field by field, and then nothing is stored. */
export async function recordSharingDecision(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: SharingInput,
  now: Date,
): Promise<{ readonly id: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayWriteCase);
    const casus = await trx
      .selectFrom('casus')
      .select('measure')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const problems = sharingProblems(input, { hasMeasure: casus.measure !== null });
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    // Jeugdwet 7.3.11 (ADR 0018): sharing "with consent" after the family withdrew it for this
    // kind of recipient is refused, naming who withdrew; a weighing or a legal exception is a
    // separate basis and is not blocked here.
    if (input.basis === 'toestemming') {
      const kind = input.recipientKind as RecipientKind;
      const consent = consentFor(
        await consentRegister(trx, caseId),
        kind,
        null,
        localDay(now.getTime()),
      );
      if (consent.state === 'ingetrokken')
        throw new StoreError(
          'conflict',
          withdrawalMessage(
            consent,
            kind,
            'Met toestemming als grondslag worden deze gegevens daarom niet gedeeld',
          ),
        );
    }
    const weighing = input.basis === 'afweging' ? input.weighing : null;
    const exception = input.basis === 'wettelijke-uitzondering' ? input.exception : null;
    const row = await trx
      .insertInto('sharing_decision')
      .values({
        case_id: caseId,
        what: input.what.trim(),
        recipient_kind: input.recipientKind as RecipientKind,
        recipient: input.recipient.trim(),
        basis: input.basis as SharingBasis,
        consent_reference:
          input.basis === 'toestemming' ? (input.consentReference ?? '').trim() : null,
        weighing: weighing ? JSON.stringify(weighing) : null,
        exception_kind: exception ? (exception.kind as LegalException) : null,
        exception_motivation: exception ? exception.motivation.trim() : null,
        visible_to_family: input.visibleToFamily,
        withheld_reason: input.visibleToFamily ? null : input.withheldReason.trim(),
        decided_by: ctx.actor.staffId,
        decided_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'gegevensdeling.vastleggen',
      caseId,
      details: {
        besluitId: row.id,
        grondslag: input.basis,
        ontvangerSoort: input.recipientKind,
        zichtbaarVoorGezin: input.visibleToFamily,
      },
    });
    return { id: row.id };
  });
}
