import { sql, type Kysely } from 'kysely';

/**
 * iJw messages in and out (issue 5): the XML as received or built, its validation report,
 * and where it stands. A rejected incoming message is kept for inspection; an outgoing
 * message that fails validation is kept as refused and never sent. A return message points
 * to the message it answers.
 */
const statements = [
  sql`
    create table ijw_message (
      id uuid primary key default gen_random_uuid(),
      direction text not null check (direction in ('in', 'uit')),
      type text not null,
      sender text not null,
      receiver text not null,
      identification text not null,
      message_date date,
      xml text not null,
      valid boolean not null,
      report jsonb not null,
      status text not null check (status in ('verwerkt', 'afgekeurd', 'klaar', 'verstuurd', 'geweigerd')),
      answers_id uuid references ijw_message (id),
      return_codes jsonb not null default '[]',
      case_id uuid references casus (id),
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )
  `,
  sql`create index ijw_message_identification on ijw_message (direction, type, sender, identification)`,
  sql`create index ijw_message_outbox on ijw_message (direction, status, created_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
