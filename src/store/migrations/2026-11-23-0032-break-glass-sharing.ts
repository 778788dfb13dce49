import { sql, type Kysely } from 'kysely';

/**
 * Break-the-glass access and sharing decisions (issue 8; ADR 0020).
 * - `break_glass`: a professional's emergency access to a case they have no role on: the reason
 *   (the NEN 7513 justification), when it starts and ends, and the privacy officer's review.
 * - `sharing_decision`: what is shared about a family, with whom and on which basis (consent, a
 *   recorded weighing, or a legal exception), and whether the family may see the decision.
 */
const statements = [
  sql`
    create table break_glass (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      staff_id uuid not null references staff (id),
      organisation_id uuid not null references organisation (id),
      reason text not null check (length(reason) >= 20),
      looked_up_by text not null check (looked_up_by in ('casus', 'bsn')),
      starts_at timestamptz not null,
      ends_at timestamptz not null check (ends_at > starts_at),
      verdict text check (verdict in ('terecht', 'onterecht')),
      review_note text,
      reviewed_by uuid references staff (id),
      reviewed_at timestamptz
    )
  `,
  sql`create index break_glass_case on break_glass (case_id, ends_at)`,
  sql`create index break_glass_unreviewed on break_glass (starts_at) where verdict is null`,
  sql`
    create table sharing_decision (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      what text not null check (length(what) > 0),
      recipient_kind text not null check (recipient_kind in ('lokaal-team', 'gemeente-backoffice',
        'school', 'huisarts', 'gi', 'aanbieder')),
      recipient text not null check (length(recipient) > 0),
      basis text not null check (basis in ('toestemming', 'afweging', 'wettelijke-uitzondering')),
      consent_reference text,
      weighing jsonb,
      exception_kind text check (exception_kind in ('direct-betrokken', 'gi-maatregel', 'overmacht')),
      exception_motivation text,
      visible_to_family boolean not null default true,
      withheld_reason text,
      decided_by uuid not null references staff (id),
      decided_at timestamptz not null,
      check (visible_to_family or length(coalesce(withheld_reason, '')) > 0)
    )
  `,
  sql`create index sharing_decision_case on sharing_decision (case_id, decided_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
