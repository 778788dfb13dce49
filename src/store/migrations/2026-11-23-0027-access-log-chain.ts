import { sql, type Kysely } from 'kysely';

/**
 * The access log to NEN 7513 with a hash chain (issue 8; ADR 0015).
 * - `household_id`: the client of a record about a case (filled from the case on insert);
 * - `justification`: why someone looked, for break-the-glass (null otherwise);
 * - `seq`, `row_hash`, `chain_hash`: set once by sealing (src/store/access-log.ts), in a
 *   separate step, so concurrent writers never wait for each other.
 * The table stays append-only: the only update allowed is sealing a record that is not sealed
 * yet, and it may touch nothing but the three sealing columns.
 */
const statements = [
  sql`
    alter table audit_log
      add column household_id uuid references household (id),
      add column justification text,
      add column seq bigint unique,
      add column row_hash text,
      add column chain_hash text
  `,
  sql`create index audit_log_household on audit_log (household_id, at) where household_id is not null`,
  sql`create index audit_log_organisation on audit_log (organisation_id, at)`,
  sql`create index audit_log_unsealed on audit_log (id) where seq is null`,
  // Earlier records get their household too, before the guard returns.
  sql`drop trigger audit_log_append_only on audit_log`,
  sql`
    update audit_log set household_id = casus.household_id
    from casus where casus.id = audit_log.case_id
  `,
  sql`
    create function audit_log_seal_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.seq is null and new.seq is not null
        and new.row_hash is not null and new.chain_hash is not null
        and (to_jsonb(new) - 'seq' - 'row_hash' - 'chain_hash')
          = (to_jsonb(old) - 'seq' - 'row_hash' - 'chain_hash') then
        return new;
      end if;
      raise exception 'audit_log is append-only (only sealing may set seq, row_hash, chain_hash)';
    end;
    $$
  `,
  sql`
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_seal_only()
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
