import type { Kysely, Transaction } from 'kysely';
import { compiledOnce, slotText } from './compiled.js';
import type { RequestContext } from './context.js';
import type { Database } from './schema.js';

export interface AuditEntry {
  /** What happened, as `subject.verb`, e.g. `casus.lezen`, `casus.registreren`. */
  readonly action: string;
  readonly caseId?: string | null;
  readonly details?: Record<string, unknown>;
  /** Why the actor looked (NEN 7513), for break-the-glass; null otherwise. */
  readonly justification?: string | null;
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
  await insertAudit(db, {
    ...entry,
    staffId: ctx.actor.staffId,
    organisationId: ctx.actor.organisationId,
    role: ctx.actor.roles.join(','),
    clientAddress: ctx.clientAddress,
  });
}

/**
 * An audit record without a logged-in actor: a background job (role `systeem`) or a refused
 * login where nobody is proven yet. Same columns, same household lookup, same hash chain.
 */
export async function writeSystemAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry & {
    readonly organisationId?: string | null;
    readonly role?: string | null;
    readonly clientAddress?: string | null;
  },
): Promise<void> {
  await insertAudit(db, {
    ...entry,
    staffId: null,
    organisationId: entry.organisationId ?? null,
    role: entry.role === undefined ? 'systeem' : entry.role,
    clientAddress: entry.clientAddress ?? null,
  });
}

async function insertAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry & {
    readonly staffId: string | null;
    readonly organisationId: string | null;
    readonly role: string | null;
    readonly clientAddress: string | null;
  },
): Promise<void> {
  const values = [
    entry.staffId,
    entry.organisationId,
    entry.role,
    entry.justification ?? null,
    entry.action,
    JSON.stringify(entry.details ?? {}),
    entry.clientAddress,
  ] as const;
  if (entry.caseId) await auditOfCase(db, ...values, entry.caseId);
  else await auditWithoutCase(db, ...values);
}

const AUDIT_SLOTS = [
  'staff',
  'organisation',
  'role',
  'justification',
  'action',
  'details',
  'client',
];

/**
 * The audit insert, compiled once (every case request writes one, issue 11): with a case, its
 * household is read from the case in the same statement (NEN 7513).
 */
const auditOfCase = compiledOnce(
  [...AUDIT_SLOTS, 'case'].map(slotText) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ],
  (db, staff, organisation, role, justification, action, details, client, caseId) =>
    db.insertInto('audit_log').values({
      staff_id: staff,
      organisation_id: organisation,
      role,
      case_id: caseId,
      household_id: db.selectFrom('casus').select('household_id').where('id', '=', caseId),
      justification,
      action,
      details,
      client_address: client,
    }),
);

const auditWithoutCase = compiledOnce(
  AUDIT_SLOTS.map(slotText) as [string, string, string, string, string, string, string],
  (db, staff, organisation, role, justification, action, details, client) =>
    db.insertInto('audit_log').values({
      staff_id: staff,
      organisation_id: organisation,
      role,
      case_id: null,
      household_id: null,
      justification,
      action,
      details,
      client_address: client,
    }),
);
