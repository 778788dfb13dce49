import { sql, type Kysely } from 'kysely';

/**
 * Notifications (issue 6): one row per recipient, written by the features that have news for
 * someone (a progress report, a calamity, a crisis, an escalation, a change). Deadline items are
 * derived from the rules engine and not stored. `digest_run` remembers, per staff member, up to
 * which moment the daily e-mail already reported, so a second run sends nothing twice.
 */
const statements = [
  sql`
    create table notification (
      id uuid primary key default gen_random_uuid(),
      staff_id uuid not null references staff (id),
      case_id uuid references casus (id),
      kind text not null
        check (kind in ('voortgangsverslag', 'calamiteit', 'crisis', 'escalatie', 'aanpassing')),
      title text not null,
      rule_id text,
      link text,
      created_at timestamptz not null,
      read_at timestamptz
    )
  `,
  // The list and the unread count of one person, newest first.
  sql`create index notification_staff_created on notification (staff_id, created_at desc, id desc)`,
  sql`
    create index notification_staff_unread on notification (staff_id, created_at desc)
    where read_at is null
  `,
  sql`
    create table digest_run (
      staff_id uuid primary key references staff (id),
      day date not null,
      covered_until timestamptz not null,
      sent_at timestamptz not null,
      items integer not null
    )
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
