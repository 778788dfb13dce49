import { sql, type Kysely } from 'kysely';

/**
 * The family portal (issue 10, ADR 0026): parents, custodians and young people from 12 log in
 * with a one-time code sent to their e-mail address, in sessions of their own (never a staff
 * session). A parent whose authority (gezag) was removed is recorded as such on the person and
 * gets no access to the children's cases.
 *
 * - `person.email`: where the one-time code goes; unique among people, case-insensitive.
 * - `person.authority_removed`: the parent no longer holds authority (a court decision).
 * - `portal_login_code`: a code's SHA-256 only, its expiry and the attempts made.
 * - `portal_session`: like `session`, the token's SHA-256 and a CSRF token.
 */
const statements = [
  sql`alter table person add column email text`,
  sql`alter table person add column authority_removed boolean not null default false`,
  sql`create unique index person_email on person (lower(email)) where email is not null`,
  sql`
    create table portal_login_code (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person (id),
      code_hash text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      attempts integer not null default 0,
      used_at timestamptz
    )
  `,
  sql`create index portal_login_code_person on portal_login_code (person_id, created_at)`,
  sql`
    create table portal_session (
      id text primary key,
      person_id uuid not null references person (id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null
    )
  `,
  sql`create index portal_session_person on portal_session (person_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
