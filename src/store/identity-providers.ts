/**
 * Identity providers of municipalities (ADR 0017) and the OIDC login attempts. A provider is
 * configured by a beheerder of the municipality it serves; it serves that municipality's own
 * staff and its local teams. The sealed client secret never leaves this module except to the
 * login itself.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { writeAudit, writeSystemAudit } from './audit.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database, IdentityProviderAudience } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface IdentityProviderView {
  readonly id: string;
  readonly name: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly organisationId: string;
  readonly emailDomains: readonly string[];
  readonly active: boolean;
  readonly createdAt: Date;
  readonly deactivatedAt: Date | null;
  /** Staff, or citizens into the family portal (DigiD, migration 0048). */
  readonly audience: IdentityProviderAudience;
  /** For a citizens' provider: the ID token claim with the BSN. */
  readonly bsnClaim: string | null;
}

export interface NewIdentityProvider {
  readonly name: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecretSealed: string;
  readonly emailDomains: readonly string[];
  /** Default `medewerkers`; a `burgers` provider needs `bsnClaim`. */
  readonly audience?: IdentityProviderAudience;
  readonly bsnClaim?: string | null;
}

const VIEW_COLUMNS = [
  'id',
  'name',
  'issuer',
  'client_id',
  'organisation_id',
  'email_domains',
  'active',
  'created_at',
  'deactivated_at',
  'audience',
  'bsn_claim',
] as const;

function view(row: {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  organisation_id: string;
  email_domains: string[];
  active: boolean;
  created_at: Date;
  deactivated_at: Date | null;
  audience: IdentityProviderAudience;
  bsn_claim: string | null;
}): IdentityProviderView {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    organisationId: row.organisation_id,
    emailDomains: row.email_domains,
    active: row.active,
    createdAt: new Date(row.created_at),
    deactivatedAt: row.deactivated_at ? new Date(row.deactivated_at) : null,
    audience: row.audience,
    bsnClaim: row.bsn_claim,
  };
}

/**
 * Only a beheerder of a municipality manages its providers; anyone else is refused (and the
 * refusal is audited on its own, outside any rolled-back transaction).
 */
export async function requireMunicipalityAdmin(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<void> {
  const org = await db
    .selectFrom('organisation')
    .select('kind')
    .where('id', '=', ctx.actor.organisationId)
    .executeTakeFirst();
  if (ctx.actor.roles.includes('beheerder') && org?.kind === 'gemeente') return;
  await writeAudit(db, ctx, { action: 'identiteitsaanbieder.geweigerd' });
  throw new StoreError(
    'forbidden',
    'Alleen een beheerder van een gemeente beheert de identiteitsaanbieders.',
  );
}

export async function listIdentityProviders(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<IdentityProviderView[]> {
  await requireMunicipalityAdmin(db, ctx);
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('identity_provider')
      .select(VIEW_COLUMNS)
      .where('organisation_id', '=', ctx.actor.organisationId)
      .orderBy('name')
      .execute();
    await writeAudit(trx, ctx, { action: 'identiteitsaanbieder.lijst' });
    return rows.map(view);
  });
}

export async function createIdentityProvider(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: NewIdentityProvider,
  now: Date,
): Promise<IdentityProviderView> {
  await requireMunicipalityAdmin(db, ctx);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('identity_provider')
      .values({
        name: input.name,
        issuer: input.issuer,
        client_id: input.clientId,
        client_secret_sealed: input.clientSecretSealed,
        organisation_id: ctx.actor.organisationId,
        email_domains: [...input.emailDomains],
        created_by: ctx.actor.staffId,
        created_at: now,
        audience: input.audience ?? 'medewerkers',
        bsn_claim: input.audience === 'burgers' ? (input.bsnClaim ?? 'bsn') : null,
      })
      .returning(VIEW_COLUMNS)
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'identiteitsaanbieder.aangemaakt',
      details: {
        provider: row.id,
        issuer: input.issuer,
        clientId: input.clientId,
        domains: input.emailDomains,
        audience: row.audience,
      },
    });
    return view(row);
  });
}

/** Deactivates a provider of the actor's own municipality; another's is "not found". */
export async function deactivateIdentityProvider(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  now: Date,
): Promise<IdentityProviderView> {
  await requireMunicipalityAdmin(db, ctx);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('identity_provider')
      .set({ active: false, deactivated_by: ctx.actor.staffId, deactivated_at: now })
      .where('id', '=', id)
      .where('organisation_id', '=', ctx.actor.organisationId)
      .returning(VIEW_COLUMNS)
      .executeTakeFirst();
    if (!row) throw new StoreError('not-found', 'Deze identiteitsaanbieder bestaat niet.');
    // Logins started before the deactivation may not finish.
    await trx.deleteFrom('oidc_login_attempt').where('provider_id', '=', id).execute();
    await writeAudit(trx, ctx, {
      action: 'identiteitsaanbieder.gedeactiveerd',
      details: { provider: id },
    });
    return view(row);
  });
}

/** The active providers by name, for the login page (no configuration details). */
export async function activeProviderNames(
  db: Kysely<Database>,
  audience: IdentityProviderAudience = 'medewerkers',
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('identity_provider')
    .select(['id', 'name'])
    .where('active', '=', true)
    .where('audience', '=', audience)
    .orderBy('name')
    .execute();
}

export interface LoginProvider {
  readonly id: string;
  readonly name: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecretSealed: string;
  readonly organisationId: string;
  readonly emailDomains: readonly string[];
  /** For a citizens' provider: the ID token claim with the BSN. */
  readonly bsnClaim: string | null;
}

/**
 * An active provider for this audience with what the login needs (including the sealed
 * secret), or null: a staff provider never logs anyone into the portal, nor the other way round.
 */
export async function activeLoginProvider(
  db: Db,
  id: string,
  audience: IdentityProviderAudience = 'medewerkers',
): Promise<LoginProvider | null> {
  const row = await db
    .selectFrom('identity_provider')
    .select([
      'id',
      'name',
      'issuer',
      'client_id',
      'client_secret_sealed',
      'organisation_id',
      'email_domains',
      'bsn_claim',
    ])
    .where('id', '=', id)
    .where('active', '=', true)
    .where('audience', '=', audience)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecretSealed: row.client_secret_sealed,
    organisationId: row.organisation_id,
    emailDomains: row.email_domains,
    bsnClaim: row.bsn_claim,
  };
}

/** Records a started login; expired attempts of anyone are cleared at the same time. */
export async function saveLoginAttempt(
  db: Kysely<Database>,
  attempt: {
    readonly stateDigest: string;
    readonly providerId: string;
    readonly codeVerifier: string;
    readonly nonce: string;
    readonly redirectUri: string;
    readonly expiresAt: Date;
    readonly audience?: IdentityProviderAudience;
  },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('oidc_login_attempt').where('expires_at', '<=', now).execute();
    await trx
      .insertInto('oidc_login_attempt')
      .values({
        id: attempt.stateDigest,
        provider_id: attempt.providerId,
        code_verifier: attempt.codeVerifier,
        nonce: attempt.nonce,
        redirect_uri: attempt.redirectUri,
        expires_at: attempt.expiresAt,
        audience: attempt.audience ?? 'medewerkers',
      })
      .execute();
  });
}

/**
 * Takes (deletes and returns) an unexpired attempt of this flow: each can be finished once, and
 * only by the callback of the flow that started it.
 */
export async function takeLoginAttempt(
  db: Kysely<Database>,
  stateDigest: string,
  now: Date,
  audience: IdentityProviderAudience = 'medewerkers',
): Promise<{
  providerId: string;
  codeVerifier: string;
  nonce: string;
  redirectUri: string;
} | null> {
  const row = await db
    .deleteFrom('oidc_login_attempt')
    .where('id', '=', stateDigest)
    .where('audience', '=', audience)
    .returning(['provider_id', 'code_verifier', 'nonce', 'redirect_uri', 'expires_at'])
    .executeTakeFirst();
  if (!row || new Date(row.expires_at) <= now) return null;
  return {
    providerId: row.provider_id,
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    redirectUri: row.redirect_uri,
  };
}

/**
 * The active staff member with this e-mail in an organisation the provider serves (the
 * municipality itself or one of its local teams), or null. Never creates anyone.
 */
export async function servedStaffByEmail(
  db: Db,
  municipalityId: string,
  email: string,
): Promise<{ id: string; organisationId: string; roles: string[] } | null> {
  const row = await db
    .selectFrom('staff')
    .innerJoin('organisation', 'organisation.id', 'staff.organisation_id')
    .select(['staff.id', 'staff.organisation_id', 'staff.roles'])
    .where(sql<string>`lower(staff.email)`, '=', email.toLowerCase())
    .where('staff.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('organisation.id', '=', municipalityId),
        eb.and([
          eb('organisation.parent_id', '=', municipalityId),
          eb('organisation.kind', '=', 'lokaal-team'),
        ]),
      ]),
    )
    .executeTakeFirst();
  return row ? { id: row.id, organisationId: row.organisation_id, roles: row.roles } : null;
}

/**
 * Audits a refused OIDC login. No staff member is known (or proven) yet, so the record names
 * the provider's municipality and no person; the details never hold a token or code.
 */
export async function auditRefusedLogin(
  db: Kysely<Database>,
  entry: {
    readonly providerId: string | null;
    readonly organisationId: string | null;
    readonly reason: string;
    readonly email?: string;
    readonly clientAddress: string | null;
  },
): Promise<void> {
  await writeSystemAudit(db, {
    organisationId: entry.organisationId,
    role: null,
    action: 'inloggen.oidc-geweigerd',
    details: {
      provider: entry.providerId,
      reason: entry.reason,
      ...(entry.email ? { email: entry.email } : {}),
    },
    clientAddress: entry.clientAddress,
  });
}
