import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from './context.js';
import type { Database } from './schema.js';

export interface AuditEntry {
  /** What happened, as `subject.verb`, e.g. `casus.lezen`, `casus.registreren`. */
  readonly action: string;
  readonly caseId?: string | null;
  readonly details?: Record<string, unknown>;
}

/**
 * Writes one audit record in the caller's transaction, so the record exists exactly when the
 * change (or read) it describes does. The role is the actor's first role; details say more.
 */
export async function writeAudit(
  db: Kysely<Database> | Transaction<Database>,
  ctx: RequestContext,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      staff_id: ctx.actor.staffId,
      organisation_id: ctx.actor.organisationId,
      role: ctx.actor.roles.join(','),
      case_id: entry.caseId ?? null,
      action: entry.action,
      details: JSON.stringify(entry.details ?? {}),
      client_address: ctx.clientAddress,
    })
    .execute();
}
