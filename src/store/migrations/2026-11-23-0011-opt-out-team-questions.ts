import { sql, type Kysely } from 'kysely';

/**
 * Opt-out on route B and the back office's questions to a local team (issue 5, GRO-TOE-OPTOUT).
 *
 * - `opt_out`: the family's signed statement that the local team is not to be informed, as
 *   filed by the provider; at most one active (not withdrawn) statement per case.
 * - `team_question`: the back office asks a local team's advice on a request for allocation,
 *   openly or anonymously. `snapshot` holds what an anonymous question may show (age,
 *   municipality, products); the team sees the case only when the question is open.
 */
const statements = [
  sql`
    create table opt_out (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      signed_on date not null,
      signers uuid[] not null,
      reference text not null,
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null,
      withdrawn_by uuid references staff (id),
      withdrawn_at timestamptz
    )
  `,
  sql`create unique index opt_out_active on opt_out (case_id) where withdrawn_at is null`,
  sql`
    create table team_question (
      id uuid primary key default gen_random_uuid(),
      message_id uuid not null references ijw_message (id),
      case_id uuid not null references casus (id),
      municipality_code text not null,
      team_id uuid not null references organisation (id),
      anonymous boolean not null,
      question text not null,
      snapshot jsonb not null,
      asked_by uuid not null references staff (id),
      asked_at timestamptz not null,
      answer text,
      answered_by uuid references staff (id),
      answered_at timestamptz
    )
  `,
  sql`create index team_question_team on team_question (team_id, answered_at)`,
  sql`create index team_question_message on team_question (message_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
