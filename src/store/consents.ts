/**
 * The consent register in the database (Jeugdwet 7.3.11; ADR 0018): per family member, per kind
 * of recipient (optionally one organisation) and purpose, given or withdrawn, on which day and
 * how. Rows are only ever added: a withdrawal is a new row, so the history stays. Whoever may
 * assign roles and the casusregisseur record; everyone who reads the case reads the register.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  consentFor,
  consentProblems,
  handoverConsent,
  type HandoverConsent,
  mayRecordConsent,
  RECIPIENT_KINDS,
  type ConsentEntry,
  type ConsentEvaluation,
  type ConsentInput,
  type ConsentRegister,
  type RecipientKind,
} from '../domain/privacy/consent.js';
import { localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { caseAccessFacts, inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The family and every consent entry of a case. No access check: callers have done theirs. */
export async function consentRegister(db: Db, caseId: string): Promise<ConsentRegister> {
  const members = await db
    .selectFrom('person')
    .innerJoin('casus', 'casus.household_id', 'person.household_id')
    .select(['person.id', 'person.name', 'person.kind', 'person.birth_date as birthDate'])
    .where('casus.id', '=', caseId)
    .orderBy('person.created_at')
    .execute();
  const rows = await db
    .selectFrom('consent')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('given_on')
    .orderBy('recorded_at')
    .execute();
  return {
    members,
    entries: rows.map((r): ConsentEntry => ({
      id: r.id,
      personId: r.person_id,
      recipientKind: r.recipient_kind,
      organisationId: r.organisation_id,
      purpose: r.purpose,
      status: r.status,
      on: r.given_on,
      manner: r.manner,
      recordedAt: r.recorded_at.getTime(),
    })),
  };
}

export interface ConsentEntryView extends ConsentEntry {
  readonly person: string;
  readonly organisation: string | null;
  readonly recordedBy: string;
}

export interface CaseConsents {
  /** Every entry, newest first. */
  readonly entries: readonly ConsentEntryView[];
  /** The state per kind of recipient today (entries for any organisation of the kind). */
  readonly states: readonly {
    readonly kind: RecipientKind;
    readonly evaluation: ConsentEvaluation;
  }[];
  readonly mayRecord: boolean;
}

/** The register of a case with today's state per recipient kind; the read is audited. */
export async function caseConsents(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
): Promise<CaseConsents> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const register = await consentRegister(trx, caseId);
    const names = await trx
      .selectFrom('consent')
      .leftJoin('staff', 'staff.id', 'consent.recorded_by')
      .leftJoin('organisation', 'organisation.id', 'consent.organisation_id')
      .select(['consent.id', 'staff.name as recordedBy', 'organisation.name as organisation'])
      .where('consent.case_id', '=', caseId)
      .execute();
    const day = localDay(now.getTime());
    const entries = register.entries
      .map((e): ConsentEntryView => {
        const n = names.find((x) => x.id === e.id);
        return {
          ...e,
          person: register.members.find((m) => m.id === e.personId)?.name ?? '',
          organisation: n?.organisation ?? null,
          // No staff member: the person stated it themselves in the family portal.
          recordedBy: n?.recordedBy ?? 'zelf, in het gezinsportaal',
        };
      })
      .reverse();
    const facts = await caseAccessFacts(trx, caseId, now);
    const mayRecord = facts !== null && mayRecordConsent(ctx.actor, facts).allowed;
    await writeAudit(trx, ctx, {
      action: 'toestemming.lezen',
      caseId,
      details: { entries: entries.length },
    });
    return {
      entries,
      states: RECIPIENT_KINDS.map((kind) => ({
        kind,
        evaluation: consentFor(register, kind, null, day),
      })),
      mayRecord,
    };
  });
}

/**
 * Records a statement of consent or its withdrawal (always a new row). Refused field by field;
 * a refusal stores nothing.
 */
export async function recordConsent(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: ConsentInput,
  now: Date,
): Promise<{ readonly id: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayRecordConsent);
    const row = await insertConsentStatement(trx, caseId, input, ctx.actor.staffId, now);
    await writeAudit(trx, ctx, {
      action: input.status === 'gegeven' ? 'toestemming.geven' : 'toestemming.intrekken',
      caseId,
      details: {
        consentId: row.id,
        personId: input.personId,
        recipientKind: input.recipientKind,
        organisationId: input.organisationId,
      },
    });
    return { id: row.id };
  });
}

/**
 * Checks a statement (field by field) and adds it to the register: the part that a professional
 * recording (`recordConsent`) and a family member stating it in the portal (`recordedBy` null)
 * share. The caller has checked who may record it, and writes the audit record.
 */
export async function insertConsentStatement(
  trx: Transaction<Database>,
  caseId: string,
  input: ConsentInput,
  recordedBy: string | null,
  now: Date,
): Promise<{ readonly id: string }> {
  const register = await consentRegister(trx, caseId);
  const organisation =
    input.organisationId !== null && UUID.test(input.organisationId)
      ? await trx
          .selectFrom('organisation')
          .select('kind')
          .where('id', '=', input.organisationId)
          .executeTakeFirst()
      : undefined;
  const problems = consentProblems(input, {
    members: register.members,
    today: localDay(now.getTime()),
    organisationKind: organisation?.kind ?? null,
  });
  if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
  return trx
    .insertInto('consent')
    .values({
      case_id: caseId,
      person_id: input.personId,
      recipient_kind: input.recipientKind,
      organisation_id: input.organisationId,
      purpose: input.purpose.trim(),
      status: input.status,
      given_on: input.on,
      manner: input.manner,
      recorded_by: recordedBy,
      recorded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * What the family's consent says about handing casusregie to an organisation (Jeugdwet 7.3.11,
 * ADR 0018). `currentOrganisationId` is the organisation holding casusregie; when the family
 * holds it (null), the responsible team counts as the one holding the record.
 */
export async function consentForHandover(
  db: Db,
  caseId: string,
  toOrganisationId: string,
  currentOrganisationId: string | null,
  now: Date,
): Promise<HandoverConsent> {
  const casus = await db
    .selectFrom('casus')
    .select(['measure', 'responsible_team_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const target = await db
    .selectFrom('organisation')
    .select(['id', 'kind'])
    .where('id', '=', toOrganisationId)
    .executeTakeFirstOrThrow();
  return handoverConsent(
    await consentRegister(db, caseId),
    { organisationId: target.id, organisationKind: target.kind },
    currentOrganisationId ?? casus.responsible_team_id,
    casus.measure,
    localDay(now.getTime()),
  );
}

/**
 * Before a handover is started: what consent says about the organisation chosen in the form.
 * Anyone who reads the case may ask; the read is audited. Null for an unknown organisation.
 */
export async function handoverConsentPreview(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  organisationId: string,
  now: Date,
): Promise<HandoverConsent | null> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    if (!UUID.test(organisationId)) return null;
    const known = await trx
      .selectFrom('organisation')
      .select('id')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (!known) return null;
    const regie = await trx
      .selectFrom('case_role')
      .select('organisation_id')
      .where('case_id', '=', caseId)
      .where('role', '=', 'casusregie')
      .where('starts_at', '<=', now)
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
      .orderBy('starts_at', 'desc')
      .executeTakeFirst();
    await writeAudit(trx, ctx, {
      action: 'toestemming.lezen',
      caseId,
      details: { organisationId },
    });
    return consentForHandover(trx, caseId, organisationId, regie?.organisation_id ?? null, now);
  });
}
