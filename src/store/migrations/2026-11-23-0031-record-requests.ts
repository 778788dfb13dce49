import { sql, type Kysely } from 'kysely';

/**
 * Requests about the record, destruction and retention (issue 8; Jeugdwet 7.3.8-7.3.10; ADR 0019).
 * - `record_request`: a request for inspection and copy, or for destruction, by a person of the
 *   household; a refusal of destruction keeps its ground and reason (a granted one is destroyed
 *   with everything else).
 * - `record_withholding`: an item left out of the export for one request, with the reason.
 * - `retention_due`: cases whose twenty years after the last change have run out, for the
 *   privacy officer to decide on; or kept longer, with the reason and until when.
 * - The audit log no longer points at `casus` and `household` with foreign keys: its rows outlive
 *   a destroyed record (they keep the identifiers only, and may never be deleted — the hash
 *   chain of ADR 0015 depends on them).
 * - The timeline, plan signatures and assessments stay append-only, except for deleting inside a
 *   destruction: a transaction that set `casusregie.vernietiging` to `aan` (`set_config(…, true)`,
 *   so only for that transaction; src/store/destruction.ts). Updates are refused as before. The
 *   audit log's guard does not change.
 */
const statements = [
  sql`
    create table record_request (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      kind text not null check (kind in ('inzage-afschrift', 'vernietiging')),
      person_id uuid not null references person (id),
      received_on date not null,
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null,
      decision text check (decision in ('weigeren')),
      refusal_ground text check (refusal_ground in ('belang-ander', 'wettelijke-plicht',
        'niet-gerechtigd')),
      decision_reason text,
      decided_by uuid references staff (id),
      decided_at timestamptz,
      check ((decision is null) = (decided_at is null)),
      check (decision is null or (refusal_ground is not null and decision_reason is not null))
    )
  `,
  sql`create index record_request_case on record_request (case_id, recorded_at)`,
  sql`
    create table record_withholding (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references record_request (id),
      item_kind text not null check (item_kind in ('tijdlijn', 'planversie', 'beoordeling',
        'evaluatie', 'verslag', 'overdracht')),
      item_id text not null,
      reason text not null check (length(reason) > 0),
      recorded_by uuid not null references staff (id),
      recorded_at timestamptz not null,
      unique (request_id, item_kind, item_id)
    )
  `,
  sql`
    create table retention_due (
      case_id uuid primary key references casus (id),
      last_change date not null,
      due_on date not null,
      flagged_at timestamptz not null,
      status text not null default 'open' check (status in ('open', 'bewaren')),
      keep_reason text,
      keep_until date,
      decided_by uuid references staff (id),
      decided_at timestamptz
    )
  `,
  sql`
    create function refuse_change_except_destruction() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('casusregie.vernietiging', true) = 'aan' then
        return old;
      end if;
      raise exception '% is append-only', tg_table_name;
    end;
    $$
  `,
  ...['case_event', 'plan_signature', 'assessment'].flatMap((table) => [
    sql`drop trigger ${sql.raw(`${table}_append_only`)} on ${sql.table(table)}`,
    sql`
      create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function refuse_change_except_destruction()
    `,
  ]),
  sql`alter table audit_log drop constraint if exists audit_log_case_id_fkey`,
  sql`alter table audit_log drop constraint if exists audit_log_household_id_fkey`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
