import { sql, type Kysely } from 'kysely';

/**
 * OIDC login (issue 8, ADR 0017).
 * - `identity_provider`: a municipality's own OpenID Connect provider. It serves the
 *   municipality (`organisation_id`) and its local teams. The client secret is stored only
 *   sealed with AES-256-GCM under OIDC_SECRET_KEY (`client_secret_sealed`), never in clear.
 * - `oidc_login_attempt`: one started login, keyed by the SHA-256 of its `state`; it keeps the
 *   PKCE verifier and the nonce for the callback, is used once and lives ten minutes.
 */
const statements = [
  sql`
    create table identity_provider (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      issuer text not null,
      client_id text not null,
      client_secret_sealed text not null,
      organisation_id uuid not null references organisation (id),
      email_domains text[] not null,
      active boolean not null default true,
      created_by uuid not null references staff (id),
      created_at timestamptz not null,
      deactivated_by uuid references staff (id),
      deactivated_at timestamptz
    )
  `,
  sql`create index identity_provider_organisation on identity_provider (organisation_id)`,
  sql`
    create table oidc_login_attempt (
      id text primary key,
      provider_id uuid not null references identity_provider (id),
      code_verifier text not null,
      nonce text not null,
      redirect_uri text not null,
      expires_at timestamptz not null
    )
  `,
  sql`create index oidc_login_attempt_expiry on oidc_login_attempt (expires_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
