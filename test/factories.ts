/**
 * Test data through the store, each test with its own organisations and people, so tests
 * share nothing and can run in any order.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StaffRole } from '../src/domain/access/case-access.js';
import type { RequestContext } from '../src/store/context.js';
import type { RegisterRequestInput } from '../src/store/cases.js';
import type { Database, OrganisationTable } from '../src/store/schema.js';

export async function createOrganisation(
  db: Kysely<Database>,
  kind: OrganisationTable['kind'],
  region = 'LEK',
): Promise<string> {
  const row = await db
    .insertInto('organisation')
    .values({
      kind,
      name: `${kind} ${randomUUID().slice(0, 8)}`,
      region,
      agb_code: null,
      parent_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A staff member and the request context they act in. */
export async function createStaff(
  db: Kysely<Database>,
  organisationId: string,
  roles: StaffRole[],
): Promise<RequestContext> {
  const row = await db
    .insertInto('staff')
    .values({
      organisation_id: organisationId,
      name: 'Test Medewerker',
      email: `${randomUUID()}@example.test`,
      password_hash: 'not-used',
      roles,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { actor: { staffId: row.id, organisationId, roles }, clientAddress: '127.0.0.1' };
}

let bsnCounter = 0;
/** A fresh valid BSN (elfproef) per call, so duplicate checks never trip by accident. */
export function freshBsn(): string {
  for (;;) {
    bsnCounter += 1;
    const base = String(
      100_000_000 + (((Date.now() % 1_000_000) * 97 + bsnCounter * 7919) % 800_000_000),
    ).slice(0, 8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(base[i]) * (9 - i);
    const check = sum % 11;
    if (check < 10) return `${base}${check}`;
  }
}

export function routeARequest(
  teamId: string,
  overrides: Partial<RegisterRequestInput> = {},
): RegisterRequestInput {
  return {
    route: 'A',
    region: 'LEK',
    segment: 'ambulant',
    measure: null,
    householdLabel: 'Gezin De Vries',
    youngPersons: [{ name: 'Sam de Vries', birthDate: '2014-04-01', bsn: freshBsn() }],
    parents: [{ name: 'Anne de Vries', kind: 'ouder' }],
    registeredAt: new Date('2026-03-02T08:00:00Z'),
    responsibleTeamId: teamId,
    ...overrides,
  };
}
