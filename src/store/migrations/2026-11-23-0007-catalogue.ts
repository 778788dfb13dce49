import { sql, type Kysely } from 'kysely';

/**
 * The region's product catalogue (issue 5) and the allocations that use it. A product is
 * identified by region and iJw code; an allocation refers to the code it was allocated
 * with, so a later catalogue change never converts a running allocation (the iStandaarden
 * protocol for product code list changes).
 */
const statements = [
  sql`
    create table product (
      region text not null,
      code text not null,
      category text not null,
      name text not null,
      segment text not null,
      freely_accessible boolean not null,
      unit text not null,
      frequency text not null,
      tariff_cents integer not null check (tariff_cents >= 0),
      valid_from date not null,
      valid_to date,
      updated_at timestamptz not null default now(),
      primary key (region, code)
    )
  `,
  sql`
    create table allocation (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references casus (id),
      region text not null,
      provider_id uuid not null references organisation (id),
      number text not null,
      product_code text not null,
      start_date date not null,
      end_date date,
      status text not null check (status in ('toegewezen', 'gestart', 'gestopt', 'ingetrokken')),
      created_at timestamptz not null default now(),
      unique (region, number)
    )
  `,
  sql`create index allocation_product on allocation (region, product_code)`,
  sql`create index allocation_case on allocation (case_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
