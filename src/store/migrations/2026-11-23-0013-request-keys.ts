import { sql, type Kysely } from 'kysely';

/**
 * What the cross-message rules on requests need without reading old XML again (TR347, TR374,
 * TR349-TR351): a received request's client (BSN) and provider references, and the client an
 * allocation is for. Rows from before this migration have none; they then count as another
 * client's, so they neither block a new request nor appear among the current allocations.
 */
const statements = [
  sql`alter table ijw_message add column client_bsn text`,
  sql`alter table ijw_message add column request_refs text[]`,
  sql`create index ijw_message_requests on ijw_message (sender, client_bsn) where type in ('JW315', 'JW317')`,
  sql`alter table allocation add column client_bsn text`,
  sql`create index allocation_client on allocation (region, client_bsn)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
