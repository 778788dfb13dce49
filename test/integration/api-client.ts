/**
 * Test support for API tests: staff accounts with a known password and a small client that
 * keeps the session cookie and the CSRF token, driving the app in-process (fastify.inject).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../src/server/auth/passwords.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';

export const PASSWORD = 'Een-lang-wachtwoord-2026';

export async function staffAccount(
  opened: OpenDatabase,
  organisationId: string,
  roles: string[],
  email: string,
): Promise<string> {
  const row = await opened.db
    .insertInto('staff')
    .values({
      organisation_id: organisationId,
      name: email,
      email,
      password_hash: await hashPassword(PASSWORD),
      roles,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export class Client {
  cookie = '';
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}

  async login(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/v1/sessie',
      payload: { email, wachtwoord: password },
    });
    const set = res.headers['set-cookie'];
    const raw = Array.isArray(set) ? set[0] : set;
    if (raw) this.cookie = raw.split(';')[0] ?? '';
    if (res.statusCode === 200) this.csrf = (res.json() as { csrfToken: string }).csrfToken;
    return res;
  }

  /** A string payload is sent as-is, with a JSON content type unless `headers` names another. */
  request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object | string,
    headers: Record<string, string> = {},
  ) {
    const base = { cookie: this.cookie, 'x-csrf-token': this.csrf, ...headers };
    if (payload === undefined) return this.app.inject({ method, url, headers: base });
    if (typeof payload === 'string')
      return this.app.inject({
        method,
        url,
        payload,
        headers: { 'content-type': 'application/json', ...base },
      });
    return this.app.inject({ method, url, headers: base, payload });
  }
}

/** A valid route A request in LEK, registered Monday 2 March 2026 09:00. */
export function routeARequest(overrides: Record<string, unknown> = {}) {
  return {
    route: 'A',
    regio: 'LEK',
    segment: 'ambulant',
    gezin: { naam: 'Gezin Jansen' },
    jeugdigen: [{ naam: 'Noor Jansen', geboortedatum: '2013-05-20', bsn: freshBsn() }],
    ouders: [{ naam: 'Kim Jansen', soort: 'ouder' }],
    aangemeldOp: '2026-03-02T09:00:00+01:00',
    ...overrides,
  };
}

/**
 * A party in the iJw exchange: an organisation with its AGB or CBS code and one member of
 * staff, logged in.
 */
export async function exchangeParty(
  opened: OpenDatabase,
  app: FastifyInstance,
  party: {
    readonly kind: 'gemeente' | 'aanbieder';
    readonly region: string;
    readonly code: string;
    readonly role: string;
    readonly email: string;
  },
): Promise<{ readonly organisationId: string; readonly client: Client }> {
  const organisationId = await createOrganisation(opened.db, party.kind, party.region);
  await opened.db
    .updateTable('organisation')
    .set({ agb_code: party.code })
    .where('id', '=', organisationId)
    .execute();
  await staffAccount(opened, organisationId, [party.role], party.email);
  const client = new Client(app);
  await client.login(party.email);
  return { organisationId, client };
}
