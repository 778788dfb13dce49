/**
 * OIDC login (issue 8, ADR 0017) against a real OpenID Connect provider (oidc-provider,
 * in-process on 127.0.0.1), on PGlite and, with TEST_DATABASE_URL, PostgreSQL. A beheerder of
 * a municipality configures its provider; the full code flow (PKCE, state, nonce) is driven
 * over HTTP through the provider's login and consent pages and ends in a normal session on a
 * protected route. Refused: a state that does not match the browser's, a tampered nonce, an
 * unknown e-mail, an e-mail the provider did not verify, staff of another municipality, a
 * deactivated provider. The client secret appears in no API response and no audit record.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import {
  STAFF_CALLBACK as CALLBACK,
  codeFlowLogin,
  cookieOf,
  createProvider,
  type OidcTestApp,
  STAFF_FLOW,
  startOidcTestApp,
} from '../support/oidc-login.js';
import type { TestOidcProvider } from '../support/oidc-provider.js';
import { Client, staffAccount } from './api-client.js';
import { engines } from './databases.js';

interface ProviderBody {
  id: string;
  naam: string;
  issuer: string;
  clientId: string;
  emailDomeinen: string[];
  actief: boolean;
  terugkeeradres: string;
}

describe.each(engines)('OIDC login on %s', (engine) => {
  let fixture: OidcTestApp;
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let idp: TestOidcProvider;
  let admin: Client;
  let otherAdmin: Client;
  let providerId = '';
  let regisseurId = '';

  beforeAll(async () => {
    fixture = await startOidcTestApp(engine, {
      redirectUris: [CALLBACK],
      accounts: [
        { login: 'regisseur', email: 'Regisseur@Lekstad.example.nl', emailVerified: true },
        { login: 'onbekende', email: 'nieuw@lekstad.example.nl', emailVerified: true },
        { login: 'buurman', email: 'buurman@lekstad.example.nl', emailVerified: true },
        { login: 'niet-geverifieerd', email: 'regisseur@lekstad.example.nl', emailVerified: false },
        { login: 'elders', email: 'regisseur@elders.example.nl', emailVerified: true },
      ],
    });
    ({ opened, app, idp, admin } = fixture);
    const municipality = fixture.municipality;
    const team = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    const neighbour = await createOrganisation(opened.db, 'gemeente', 'LEK');
    const neighbourTeam = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    await opened.db
      .updateTable('organisation')
      .set({ parent_id: municipality })
      .where('id', '=', team)
      .execute();
    await opened.db
      .updateTable('organisation')
      .set({ parent_id: neighbour })
      .where('id', '=', neighbourTeam)
      .execute();
    await staffAccount(opened, neighbour, ['beheerder'], `beheer-${engine}@buurgemeente.nl`);
    regisseurId = await staffAccount(
      opened,
      team,
      ['casusregisseur'],
      'regisseur@lekstad.example.nl',
    );
    await staffAccount(opened, neighbourTeam, ['casusregisseur'], 'buurman@lekstad.example.nl');
    otherAdmin = new Client(app);
    expect((await otherAdmin.login(`beheer-${engine}@buurgemeente.nl`)).statusCode).toBe(200);
  });

  afterAll(() => fixture?.close());

  const create = (client: Client, over: object = {}) =>
    createProvider(client, idp, {
      naam: 'Lekstad Account',
      emailDomeinen: ['lekstad.example.nl'],
      ...over,
    });

  /** Start at the app, sign in at the provider, and return to the app's callback. */
  const login = (login: string, tamper?: (stateCookie: string) => Promise<string>) =>
    codeFlowLogin({ app, idp }, STAFF_FLOW, providerId, login, tamper);

  const refusals = async () =>
    (
      await opened.db
        .selectFrom('audit_log')
        .select(['details', 'organisation_id', 'staff_id'])
        .where('action', '=', 'inloggen.oidc-geweigerd')
        .orderBy('at')
        .execute()
    ).map((r) => ({
      ...(r.details as { reason: string; provider: string | null; email?: string }),
      staff: r.staff_id,
    }));

  it('lets only a beheerder of a municipality configure a provider, without ever returning the secret', async () => {
    expect((await new Client(app).request('GET', '/api/v1/identiteitsaanbieders')).statusCode).toBe(
      401,
    );
    const regisseur = new Client(app);
    await regisseur.login('regisseur@lekstad.example.nl');
    expect((await create(regisseur)).statusCode).toBe(403);
    expect((await regisseur.request('GET', '/api/v1/identiteitsaanbieders')).statusCode).toBe(403);

    const bad = await create(admin, { issuer: 'geen-adres', emailDomeinen: ['geen domein'] });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { error: { fields: { path: string }[] } }).error.fields;
    expect(fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['body.issuer', 'body.emailDomeinen.0']),
    );
    expect(await opened.db.selectFrom('identity_provider').select('id').execute()).toHaveLength(0);

    const created = await create(admin);
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json() as ProviderBody;
    providerId = body.id;
    expect(body).toMatchObject({
      naam: 'Lekstad Account',
      issuer: idp.issuer,
      actief: true,
      emailDomeinen: ['lekstad.example.nl'],
      terugkeeradres: CALLBACK,
    });
    const list = await admin.request('GET', '/api/v1/identiteitsaanbieders');
    expect(list.statusCode).toBe(200);
    expect((list.json() as ProviderBody[]).map((p) => p.id)).toEqual([providerId]);
    // Another municipality's beheerder sees none of them and cannot switch this one off.
    const other = await otherAdmin.request('GET', '/api/v1/identiteitsaanbieders');
    expect(other.json()).toEqual([]);
    expect(
      (await otherAdmin.request('POST', `/api/v1/identiteitsaanbieders/${providerId}/deactiveren`))
        .statusCode,
    ).toBe(404);

    const publicList = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/aanbieders' });
    expect(publicList.json()).toEqual([{ id: providerId, naam: 'Lekstad Account' }]);

    for (const res of [created, list, publicList]) expect(res.body).not.toContain(idp.clientSecret);
    const stored = await opened.db
      .selectFrom('identity_provider')
      .select('client_secret_sealed')
      .executeTakeFirstOrThrow();
    expect(stored.client_secret_sealed).not.toContain(idp.clientSecret);
    const audits = await opened.db.selectFrom('audit_log').select(['action', 'details']).execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'identiteitsaanbieder.geweigerd',
        'identiteitsaanbieder.aangemaakt',
        'identiteitsaanbieder.lijst',
      ]),
    );
    expect(JSON.stringify(audits)).not.toContain(idp.clientSecret);
  });

  it('logs a known staff member of a local team in through the full code flow', async () => {
    const res = await login('regisseur');
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/');
    const session = cookieOf(res, 'casusregie_sessie');
    expect(session).not.toBeNull();
    expect(res.headers['set-cookie']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/casusregie_sessie=.*HttpOnly.*SameSite=Strict/),
      ]),
    );

    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/sessie',
      headers: { cookie: session as string },
    });
    expect(me.statusCode).toBe(200);
    const body = me.json() as { medewerker: { id: string }; csrfToken: string };
    expect(body.medewerker.id).toBe(regisseurId);
    const work = await app.inject({
      method: 'GET',
      url: '/api/v1/werkvoorraad',
      headers: { cookie: session as string },
    });
    expect(work.statusCode, work.body).toBe(200);
    // Changes need the session's CSRF token, as after a password login.
    const logout = await app.inject({
      method: 'DELETE',
      url: '/api/v1/sessie',
      headers: { cookie: session as string, 'x-csrf-token': body.csrfToken },
    });
    expect(logout.statusCode).toBe(204);

    const success = await opened.db
      .selectFrom('audit_log')
      .select(['staff_id', 'details'])
      .where('action', '=', 'inloggen.oidc')
      .execute();
    expect(success).toEqual([{ staff_id: regisseurId, details: { provider: providerId } }]);
  });

  it('refuses a callback whose state is not the one this browser started with', async () => {
    const res = await login('regisseur', () => Promise.resolve('casusregie_oidc=een-andere-state'));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/inloggen?oidc=mislukt');
    expect(cookieOf(res, 'casusregie_sessie')).toBeNull();
    expect((await refusals()).at(-1)?.reason).toBe('state-klopt-niet');
  });

  it('refuses an ID token whose nonce is not the one the login started with', async () => {
    const res = await login('regisseur', async (cookie) => {
      await opened.db
        .updateTable('oidc_login_attempt')
        .set({ nonce: 'een-andere-nonce' })
        .execute();
      return cookie;
    });
    expect(res.headers.location).toBe('/inloggen?oidc=mislukt');
    expect(cookieOf(res, 'casusregie_sessie')).toBeNull();
    expect((await refusals()).at(-1)?.reason).toMatch(/^token-geweigerd:/);
  });

  it('refuses a callback replayed after it was used', async () => {
    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${providerId}/start` });
    const location = new URL(start.headers.location as string);
    const back = await idp.signIn(location.href, 'regisseur');
    const cookie = cookieOf(start, 'casusregie_oidc') as string;
    const first = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie },
    });
    expect(first.headers.location).toBe('/');
    const again = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie },
    });
    expect(again.headers.location).toBe('/inloggen?oidc=mislukt');
    expect((await refusals()).at(-1)?.reason).toBe('poging-onbekend-of-verlopen');
  });

  it('refuses an unknown e-mail address without creating anyone', async () => {
    const before = await opened.db.selectFrom('staff').select('id').execute();
    const res = await login('onbekende');
    expect(res.headers.location).toBe('/inloggen?oidc=onbekend');
    expect(cookieOf(res, 'casusregie_sessie')).toBeNull();
    expect(await opened.db.selectFrom('staff').select('id').execute()).toHaveLength(before.length);
    const last = (await refusals()).at(-1);
    expect(last).toMatchObject({
      reason: 'geen-actieve-medewerker-bij-deze-gemeente',
      email: 'nieuw@lekstad.example.nl',
      provider: providerId,
      staff: null,
    });
  });

  it('refuses an e-mail address the provider has not verified, or outside its domains', async () => {
    expect((await login('niet-geverifieerd')).headers.location).toBe('/inloggen?oidc=email');
    expect((await refusals()).at(-1)?.reason).toBe('email-niet-geverifieerd');
    expect((await login('elders')).headers.location).toBe('/inloggen?oidc=onbekend');
    expect((await refusals()).at(-1)?.reason).toBe('domein-niet-toegestaan:elders.example.nl');
  });

  it('refuses staff of another municipality, even with an allowed domain', async () => {
    const res = await login('buurman');
    expect(res.headers.location).toBe('/inloggen?oidc=onbekend');
    expect(cookieOf(res, 'casusregie_sessie')).toBeNull();
  });

  it('refuses every login through a deactivated provider, also one already started', async () => {
    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${providerId}/start` });
    const location = new URL(start.headers.location as string);
    const back = await idp.signIn(location.href, 'regisseur');

    const off = await admin.request(
      'POST',
      `/api/v1/identiteitsaanbieders/${providerId}/deactiveren`,
    );
    expect(off.statusCode).toBe(200);
    expect((off.json() as ProviderBody).actief).toBe(false);
    expect(off.body).not.toContain(idp.clientSecret);

    const late = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie: cookieOf(start, 'casusregie_oidc') as string },
    });
    expect(late.headers.location).toMatch(/^\/inloggen\?oidc=/);
    expect(cookieOf(late, 'casusregie_sessie')).toBeNull();

    const again = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${providerId}/start` });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/inloggen?oidc=niet-actief');
    const publicList = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/aanbieders' });
    expect(publicList.json()).toEqual([]);
    const audits = await opened.db.selectFrom('audit_log').select(['details']).execute();
    expect(JSON.stringify(audits)).not.toContain(idp.clientSecret);
  });
});
