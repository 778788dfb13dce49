import { sql, type Kysely } from 'kysely';

/**
 * DigiD for the family portal through the municipality's identity provider (issue 10,
 * ADR 0026 with ADR 0017).
 * - `identity_provider.audience`: whom a provider logs in — the municipality's staff
 *   (`medewerkers`, every provider so far) or citizens into the family portal (`burgers`). One
 *   provider never serves both: a staff login cannot open the portal, nor the other way round.
 * - `identity_provider.bsn_claim`: for a citizens' provider, the ID token claim that holds the
 *   BSN (a municipal DigiD broker often uses its own name for it); null for staff providers.
 * - `oidc_login_attempt.audience`: which flow a started login belongs to, so each callback
 *   finishes only its own attempts.
 */
const statements = [
  sql`
    alter table identity_provider add column audience text not null default 'medewerkers'
      check (audience in ('medewerkers', 'burgers'))
  `,
  sql`
    alter table identity_provider add column bsn_claim text
      check (bsn_claim is null or length(bsn_claim) between 1 and 100)
  `,
  sql`
    alter table identity_provider add constraint identity_provider_bsn_claim_audience
      check ((audience = 'burgers') = (bsn_claim is not null))
  `,
  sql`
    alter table oidc_login_attempt add column audience text not null default 'medewerkers'
      check (audience in ('medewerkers', 'burgers'))
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
