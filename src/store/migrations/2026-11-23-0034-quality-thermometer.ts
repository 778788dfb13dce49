import { sql, type Kysely } from 'kysely';

/**
 * The quality thermometer (GRO-CHK-REFERENTIEKADER, issue 9, ADR 0022).
 * - `thermometer_round`: a scoring round of one local team, opened and closed by its team lead;
 *   at most one open round per team.
 * - `thermometer_score`: one member's colour for one checklist item in one round (scoring again
 *   replaces it), with an optional remark only that member reads.
 */
const statements = [
  sql`
    create table thermometer_round (
      id uuid primary key default gen_random_uuid(),
      team_id uuid not null references organisation (id),
      name text not null,
      period text,
      opened_by uuid not null references staff (id),
      opened_at timestamptz not null,
      closed_by uuid references staff (id),
      closed_at timestamptz
    )
  `,
  sql`create unique index thermometer_round_one_open on thermometer_round (team_id)
        where closed_at is null`,
  sql`create index thermometer_round_team on thermometer_round (team_id, opened_at)`,
  sql`
    create table thermometer_score (
      round_id uuid not null references thermometer_round (id),
      staff_id uuid not null references staff (id),
      item text not null,
      colour text not null check (colour in ('groen', 'oranje', 'rood')),
      remark text,
      scored_at timestamptz not null,
      primary key (round_id, staff_id, item)
    )
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
