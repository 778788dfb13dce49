/**
 * What a family member does themselves in the family portal (issue 10, ADR 0026): sign the
 * concept of a plan (ZTM-DEC-SIGN) and give or withdraw consent (Jeugdwet 7.3.11). Only for
 * themselves (`domain/portal/statements.ts`), in a case of their own household (another
 * household's case, a closed one and a non-existent one are the same 404). Every read, change
 * and refusal writes an audit record with role `burger` and `{ persoon }` in the same
 * transaction.
 *
 * A signature made here is an ordinary `plan_signature` (method `gezinsportaal`, no staff
 * member), with the content hash of the concept it signed: when the professional changes the
 * concept afterwards, the signature stops counting, exactly as for one recorded by staff. A
 * consent statement is an ordinary row of the register (`digitaal`, no staff member), so the
 * professional side's checks (the handover, sharing decisions with consent as basis) see a
 * withdrawal at once.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  PORTAL_SIGNING_METHOD,
  signingState,
  type HouseholdMember,
  type PlanContent,
  type SignatureMethod,
} from '../domain/plans/index.js';
import { consentConcerns, goalConcerns, mayView } from '../domain/portal/visibility.js';
import type { VisibilityFacts } from '../domain/portal/visibility.js';
import {
  mayStateConsent,
  maySignInPortal,
  PORTAL_CONSENT_MANNER,
} from '../domain/portal/statements.js';
import {
  latestEntry,
  RECIPIENT_KINDS,
  type ConsentStatus,
  type RecipientKind,
} from '../domain/privacy/consent.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import { writeSystemAudit } from './audit.js';
import { consentRegister, insertConsentStatement } from './consents.js';
import { StoreError } from './errors.js';
import type { PortalReader } from './portal-cases.js';
import { sharedWithParentsOf } from './portal-read-along.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const caseNotFound = () => new StoreError('not-found', 'Casus niet gevonden.');

/** Purpose of a statement made in the portal when the person names none and had none before. */
export const PORTAL_DEFAULT_PURPOSE = 'gegevens delen die nodig zijn voor de hulp aan het gezin';

/** The open case of the reader's household, or 404; and the household's members. */
async function ownCase(trx: Trx, reader: PortalReader, caseId: string) {
  if (!UUID.test(caseId)) throw caseNotFound();
  const casus = await trx
    .selectFrom('casus')
    .select('id')
    .where('id', '=', caseId)
    .where('household_id', '=', reader.householdId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (!casus) throw caseNotFound();
  const rows = await trx
    .selectFrom('person')
    .select(['id', 'name', 'kind', 'birth_date as birthDate'])
    .where('household_id', '=', reader.householdId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    ...r,
    birthDate: r.birthDate === null ? null : String(r.birthDate).slice(0, 10),
  }));
}

const factsOf = (members: readonly HouseholdMember[], now: Date): VisibilityFacts => ({
  members: members.map((m) => ({
    id: m.id,
    kind: m.kind as VisibilityFacts['members'][number]['kind'],
    birthDate: m.birthDate,
  })),
  sharedWithParents: new Set(),
  today: localDay(now.getTime()),
});

const refuse = (message: string, path: string) =>
  new StoreError('forbidden', message, [{ path, message }]);

// ---------------------------------------------------------------------------------------------
// Signing

export interface PortalSignature {
  readonly name: string;
  readonly at: Date;
  readonly method: string;
  /** False when the concept changed after this signature (it no longer counts). */
  readonly valid: boolean;
}

export interface PortalSigningVersion {
  readonly version: number;
  readonly status: 'concept' | 'vastgesteld';
  readonly signatures: readonly PortalSignature[];
  /** For the concept: who must still sign (names); empty for the fixed version. */
  readonly missing: readonly string[];
  /** For the concept: the goals the reader may see, as written. */
  readonly goals: readonly string[];
}

export interface PortalSigningPlan {
  readonly id: string;
  readonly kind: string;
  readonly versions: readonly PortalSigningVersion[];
  /** The reader and the concept: must they still sign, did they, may they at all. */
  readonly you: {
    readonly maySign: boolean;
    readonly signed: boolean;
    readonly mustSign: boolean;
    readonly reason: string | null;
  };
}

/** The plans the reader may see, their concept and fixed version, and who signed them. */
async function signingPlans(
  trx: Trx,
  reader: PortalReader,
  caseId: string,
  members: readonly HouseholdMember[],
  now: Date,
): Promise<(PortalSigningPlan & { readonly conceptId: string | null; readonly hash: string })[]> {
  const facts = {
    ...factsOf(members, now),
    sharedWithParents: await sharedWithParentsOf(trx, caseId),
  };
  const rows = await trx
    .selectFrom('plan')
    .innerJoin('plan_version', 'plan_version.plan_id', 'plan.id')
    .select([
      'plan.id',
      'plan.kind',
      'plan.subject_person_id as subject',
      'plan_version.id as versionId',
      'plan_version.version',
      'plan_version.status',
      'plan_version.content',
      'plan_version.content_hash as hash',
    ])
    .where('plan.case_id', '=', caseId)
    .where('plan_version.status', 'in', ['concept', 'vastgesteld'])
    .orderBy('plan.created_at')
    .orderBy('plan_version.version', 'desc')
    .execute();
  const signatures =
    rows.length === 0
      ? []
      : await trx
          .selectFrom('plan_signature')
          .select(['plan_version_id', 'person_id', 'signed_at', 'method', 'content_hash'])
          .where(
            'plan_version_id',
            'in',
            rows.map((r) => r.versionId),
          )
          .orderBy('signed_at')
          .execute();
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? '';
  const today = localDay(now.getTime());
  const may = maySignInPortal(reader.personId, members, today);
  const plans = new Map<string, PortalSigningPlan & { conceptId: string | null; hash: string }>();
  for (const r of rows) {
    if (r.subject !== null && !mayView(reader, [r.subject], facts)) continue;
    const own = signatures.filter((s) => s.plan_version_id === r.versionId);
    const valid = own.filter((s) => s.content_hash === r.hash);
    const concept = r.status === 'concept';
    const state = concept
      ? signingState(
          members,
          valid.map((s) => ({
            personId: s.person_id,
            at: new Date(s.signed_at).getTime(),
            method: s.method as SignatureMethod,
          })),
          today,
        )
      : null;
    const version: PortalSigningVersion = {
      version: r.version,
      status: concept ? 'concept' : 'vastgesteld',
      signatures: (concept ? own : valid).map((s) => ({
        name: nameOf(s.person_id),
        at: new Date(s.signed_at),
        method: s.method,
        valid: s.content_hash === r.hash,
      })),
      missing: state ? state.missing.map((m) => m.name) : [],
      goals: concept
        ? ((r.content as PlanContent).goals ?? [])
            .filter((g) => mayView(reader, goalConcerns(g, r.subject), facts))
            .map((g) => g.description)
        : [],
    };
    const plan = plans.get(r.id) ?? {
      id: r.id,
      kind: r.kind,
      versions: [],
      you: { maySign: false, signed: false, mustSign: false, reason: null },
      conceptId: null,
      hash: '',
    };
    const signed = concept && valid.some((s) => s.person_id === reader.personId);
    plans.set(r.id, {
      ...plan,
      versions: [...plan.versions, version],
      ...(concept
        ? {
            conceptId: r.versionId,
            hash: r.hash,
            you: {
              maySign: may.allowed && !signed,
              signed,
              mustSign: may.allowed && !signed,
              reason: may.allowed ? null : may.reason,
            },
          }
        : {}),
    });
  }
  return [...plans.values()];
}

/** The signing state of the case's plans for the reader; audited. */
export async function portalSigning(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  now: Date,
): Promise<PortalSigningPlan[]> {
  return db.transaction().execute(async (trx) => {
    const members = await ownCase(trx, reader, caseId);
    const plans = await signingPlans(trx, reader, caseId, members, now);
    await writeSystemAudit(trx, {
      action: 'portaal.handtekeningen-lezen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId, plannen: plans.map((p) => p.id) },
    });
    return plans.map(({ conceptId: _c, hash: _h, ...plan }) => plan);
  });
}

/**
 * The reader signs the concept of a plan for themselves. Refused: a plan they may not see or
 * not of this case (404), a person who does not sign (403, e.g. a young person under 12), no
 * concept (409), already signed this content (409). A refusal is audited and stores nothing else.
 */
export async function signPlanInPortal(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  planId: string,
  now: Date,
): Promise<{ readonly version: number }> {
  const young = reader.role !== 'vertegenwoordiger';
  const outcome = await db.transaction().execute(async (trx) => {
    const members = await ownCase(trx, reader, caseId);
    // Signing waits for any other write on the plan (a second tap, a concept save), so "already
    // signed" and the content hash below are read after it: a double tap signs once.
    if (UUID.test(planId))
      await trx
        .selectFrom('plan')
        .select('id')
        .where('id', '=', planId)
        .where('case_id', '=', caseId)
        .forUpdate()
        .execute();
    const plan = (await signingPlans(trx, reader, caseId, members, now)).find(
      (p) => p.id === planId,
    );
    if (!plan) throw new StoreError('not-found', 'Plan niet gevonden.');
    const audit = (action: string, details: Record<string, unknown>) =>
      writeSystemAudit(trx, {
        action,
        role: 'burger',
        caseId,
        clientAddress: reader.clientAddress,
        details: { persoon: reader.personId, planId, ...details },
      });
    const concept = plan.versions.find((v) => v.status === 'concept');
    const conceptId = plan.conceptId;
    const noConcept = new StoreError(
      'conflict',
      'Er is geen versie van dit plan om te ondertekenen. Het plan is al vastgesteld of nog niet gemaakt.',
    );
    const refusal =
      !concept || conceptId === null
        ? noConcept
        : plan.you.signed
          ? new StoreError(
              'conflict',
              young
                ? 'Je hebt deze versie van het plan al ondertekend.'
                : 'U heeft deze versie van het plan al ondertekend.',
            )
          : !plan.you.maySign
            ? refuse(plan.you.reason ?? '', 'persoon')
            : null;
    if (refusal || !concept || conceptId === null) {
      await audit('portaal.plan-ondertekenen-geweigerd', { reden: (refusal ?? noConcept).message });
      return { refusal: refusal ?? noConcept };
    }
    await trx
      .insertInto('plan_signature')
      .values({
        plan_version_id: conceptId,
        person_id: reader.personId,
        signed_at: now,
        method: PORTAL_SIGNING_METHOD,
        content_hash: plan.hash,
        recorded_by: null,
      })
      .execute();
    await audit('portaal.plan-ondertekenen', { versie: concept.version, inhoudHash: plan.hash });
    return { version: concept.version };
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// Consent

export type PortalConsentStatus = 'gegeven' | 'ingetrokken' | 'nog-niet-gevraagd';

export interface PortalConsentLine {
  readonly status: PortalConsentStatus;
  readonly on: string | null;
  readonly purpose: string | null;
  readonly manner: string | null;
}

export interface PortalConsentKind {
  readonly kind: RecipientKind;
  /** The reader's own latest statement for every organisation of this kind. */
  readonly own: PortalConsentLine;
  /** The statements of others in the household, as far as the reader may see them. */
  readonly others: readonly (PortalConsentLine & { readonly name: string })[];
}

const lineOf = (entry: ReturnType<typeof latestEntry>): PortalConsentLine =>
  entry === null
    ? { status: 'nog-niet-gevraagd', on: null, purpose: null, manner: null }
    : { status: entry.status, on: entry.on, purpose: entry.purpose, manner: entry.manner };

/** Per kind of recipient the reader's own statement and the others they may see; audited. */
export async function portalConsents(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  now: Date,
): Promise<PortalConsentKind[]> {
  return db.transaction().execute(async (trx) => {
    const members = await ownCase(trx, reader, caseId);
    const facts = {
      ...factsOf(members, now),
      sharedWithParents: await sharedWithParentsOf(trx, caseId),
    };
    const register = await consentRegister(trx, caseId);
    const day = localDay(now.getTime());
    const kinds = RECIPIENT_KINDS.map((kind): PortalConsentKind => ({
      kind,
      own: lineOf(latestEntry(register.entries, reader.personId, kind, null, day)),
      others: members.flatMap((m) => {
        if (m.id === reader.personId) return [];
        if (!mayView(reader, consentConcerns(m.id, facts.members), facts)) return [];
        const entry = latestEntry(register.entries, m.id, kind, null, day);
        return entry === null ? [] : [{ name: m.name, ...lineOf(entry) }];
      }),
    }));
    await writeSystemAudit(trx, {
      action: 'portaal.toestemming-lezen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId },
    });
    return kinds;
  });
}

export interface PortalConsentInput {
  /** Whose statement; only the reader themselves is allowed. */
  readonly personId: string;
  readonly recipientKind: RecipientKind;
  readonly status: ConsentStatus;
  /** Null: the purpose of the reader's previous statement for this kind, or the default. */
  readonly purpose: string | null;
}

/**
 * The reader gives or withdraws consent for a kind of recipient (every organisation of it),
 * today, `digitaal`, without a staff member. Someone else's statement is refused with 403 and
 * the reason in plain words; the refusal is audited.
 */
export async function statePortalConsent(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  input: PortalConsentInput,
  now: Date,
): Promise<{ readonly id: string }> {
  const outcome = await db.transaction().execute(async (trx) => {
    const members = await ownCase(trx, reader, caseId);
    const day = localDay(now.getTime());
    const audit = (action: string, details: Record<string, unknown>) =>
      writeSystemAudit(trx, {
        action,
        role: 'burger',
        caseId,
        clientAddress: reader.clientAddress,
        details: {
          persoon: reader.personId,
          voorPersoon: input.personId,
          ontvangerSoort: input.recipientKind,
          status: input.status,
          ...details,
        },
      });
    const may = mayStateConsent(reader, input.personId, members, day);
    if (!may.allowed) {
      await audit('portaal.toestemming-geweigerd', { reden: may.reason });
      return { refusal: refuse(may.reason, 'persoonId') };
    }
    const previous = latestEntry(
      (await consentRegister(trx, caseId)).entries,
      reader.personId,
      input.recipientKind,
      null,
      day,
    );
    const row = await insertConsentStatement(
      trx,
      caseId,
      {
        personId: reader.personId,
        recipientKind: input.recipientKind,
        organisationId: null,
        purpose: input.purpose ?? previous?.purpose ?? PORTAL_DEFAULT_PURPOSE,
        status: input.status,
        on: formatIsoDate(day),
        manner: PORTAL_CONSENT_MANNER,
      },
      null,
      now,
    );
    await audit(
      input.status === 'gegeven' ? 'portaal.toestemming-geven' : 'portaal.toestemming-intrekken',
      { consentId: row.id },
    );
    return row;
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome;
}
