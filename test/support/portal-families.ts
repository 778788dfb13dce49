/**
 * The families the portal's integration tests share (issue 10, ADR 0026), on 12 March 2026 at
 * 15:00 in region ZTM. A local team with a lead who is also casusregisseur (logged in). Gezin
 * Bakker: mother Kim, Noor (born 15 January 2012: 14) and Daan (born 1 June 2009: 16),
 * registered on route A, so the family holds casusregie. Gezin Smit (mother Eva): the team's
 * casusregisseur took casusregie over from the family on 5 March.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { createPortalSession } from '../../src/server/portal/sessions.js';
import type { OpenDatabase } from '../../src/store/db.js';
import type { Database } from '../../src/store/schema.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from '../integration/api-client.js';
import { freshDatabase } from '../integration/databases.js';

export interface PortalFamilies {
  readonly opened: OpenDatabase;
  readonly app: FastifyInstance;
  readonly now: Date;
  readonly teamId: string;
  readonly leadId: string;
  readonly lead: Client;
  readonly caseId: string;
  readonly smitCaseId: string;
  /** Person ids by lower-case first name: kim, noor, daan, eva. */
  readonly person: Readonly<Record<string, string>>;
  /** A request as a family member, with the portal cookie and its CSRF token. */
  portal(
    who: string,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Gezin Bakker and Gezin Smit on a fresh database; `leadEmail` names the team lead. */
export async function portalFamilies(
  engine: 'pglite' | 'postgres',
  leadEmail: string,
): Promise<PortalFamilies> {
  const now = new Date('2026-03-12T15:00:00+01:00');
  const opened = await freshDatabase(engine);
  const app = await buildApp({
    db: opened.db,
    clock: { now: () => now },
    profiles: loadProfiles(),
    secureCookies: false,
  });
  const teamId = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
  const leadId = await staffAccount(opened, teamId, ['teamleider', 'casusregisseur'], leadEmail);
  const lead = new Client(app);
  expect((await lead.login(leadEmail)).statusCode).toBe(200);
  const created = await lead.request(
    'POST',
    '/api/v1/casussen',
    routeARequest({
      regio: 'ZTM',
      gezin: { naam: 'Gezin Bakker' },
      jeugdigen: [
        { naam: 'Noor Bakker', geboortedatum: '2012-01-15', bsn: freshBsn() },
        { naam: 'Daan Bakker', geboortedatum: '2009-06-01', bsn: freshBsn() },
      ],
      ouders: [{ naam: 'Kim Bakker', soort: 'ouder' }],
    }),
  );
  expect(created.statusCode, created.body).toBe(201);
  const caseId = (created.json() as { id: string }).id;
  const smit = await lead.request(
    'POST',
    '/api/v1/casussen',
    routeARequest({
      regio: 'ZTM',
      gezin: { naam: 'Gezin Smit' },
      ouders: [{ naam: 'Eva Smit', soort: 'ouder' }],
    }),
  );
  const smitCaseId = (smit.json() as { id: string }).id;
  // The team's casusregisseur takes casusregie over from the Smit family.
  await opened.db
    .updateTable('case_role')
    .set({ ends_at: new Date('2026-03-05T09:00:00+01:00') })
    .where('case_id', '=', smitCaseId)
    .where('role', '=', 'casusregie')
    .execute();
  await opened.db
    .insertInto('case_role')
    .values({
      case_id: smitCaseId,
      role: 'casusregie',
      holder: 'professional',
      organisation_id: teamId,
      staff_id: leadId,
      starts_at: new Date('2026-03-05T09:00:00+01:00'),
      ends_at: null,
      reason: 'test',
      created_by: leadId,
    })
    .execute();
  const people = await opened.db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('name', 'in', ['Kim Bakker', 'Noor Bakker', 'Daan Bakker', 'Eva Smit'])
    .execute();
  const person: Record<string, string> = {};
  for (const p of people) person[p.name.split(' ')[0]?.toLowerCase() ?? ''] = p.id;

  return {
    opened,
    app,
    now,
    teamId,
    leadId,
    lead,
    caseId,
    smitCaseId,
    person,
    portal: async (who, method, url, payload) => {
      const { token, csrfToken } = await createPortalSession(opened.db, person[who] as string, now);
      return app.inject({
        method,
        url: `/api/v1/portaal${url}`,
        headers: { cookie: `casusregie_portaal=${token}`, 'x-csrf-token': csrfToken },
        ...(payload ? { payload } : {}),
      });
    },
    close: async () => {
      await app.close();
      await opened.close();
    },
  };
}

/**
 * Gezin `surname` registered on route A in region ZTM by `lead` (a 201 is expected): Noor (born
 * 15 January 2012) and Daan (born 1 June 2009), then any `moreChildren`, each with a fresh BSN,
 * and the parents by first name. The case id.
 */
export async function registerFamily(
  lead: Client,
  surname: string,
  family: {
    readonly parents: readonly string[];
    readonly moreChildren?: readonly { readonly firstName: string; readonly birthDate: string }[];
  },
): Promise<string> {
  const children = [
    { firstName: 'Noor', birthDate: '2012-01-15' },
    { firstName: 'Daan', birthDate: '2009-06-01' },
    ...(family.moreChildren ?? []),
  ];
  const created = await lead.request(
    'POST',
    '/api/v1/casussen',
    routeARequest({
      regio: 'ZTM',
      gezin: { naam: `Gezin ${surname}` },
      jeugdigen: children.map((c) => ({
        naam: `${c.firstName} ${surname}`,
        geboortedatum: c.birthDate,
        bsn: freshBsn(),
      })),
      ouders: family.parents.map((p) => ({ naam: `${p} ${surname}`, soort: 'ouder' })),
    }),
  );
  expect(created.statusCode, created.body).toBe(201);
  return (created.json() as { id: string }).id;
}

/** The people of the case's household, by lower-case first name. */
export async function personIdsOf(
  db: Kysely<Database>,
  caseId: string,
): Promise<Record<string, string>> {
  const people = await db
    .selectFrom('person')
    .innerJoin('casus', 'casus.household_id', 'person.household_id')
    .select(['person.id', 'person.name'])
    .where('casus.id', '=', caseId)
    .execute();
  const person: Record<string, string> = {};
  for (const p of people) person[p.name.split(' ')[0]?.toLowerCase() ?? ''] = p.id;
  return person;
}
