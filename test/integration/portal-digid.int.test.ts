/**
 * DigiD login to the family portal through the municipality's identity provider (issue 10,
 * ADR 0026 with ADR 0017), against a real OpenID Connect provider (oidc-provider on 127.0.0.1)
 * that puts the BSN in the ID token under a broker's own claim name. PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL. Gezin Jansen: Kim (ouder, BSN known), Bas (ouder whose
 * authority was removed). Proven: the full code flow ends in a portal session; the refusals
 * (no authority, unknown BSN, no or an invalid BSN claim, state or nonce
 * mismatch) come back to /portaal with a reason and no session; a staff provider cannot be used
 * for the portal nor a citizens' provider for staff, and neither flow finishes the other's
 * attempt; no audit record holds a BSN.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/store/db.js';
import { freshBsn } from '../factories.js';
import {
  codeFlowLogin,
  cookieOf,
  createProvider,
  type OidcTestApp,
  PORTAL_CALLBACK,
  PORTAL_FLOW,
  STAFF_CALLBACK,
  startOidcTestApp,
} from '../support/oidc-login.js';
import type { TestOidcProvider } from '../support/oidc-provider.js';
import { type Client, staffAccount } from './api-client.js';
import { engines } from './databases.js';

const BSN_CLAIM = 'urn:nl-eid-gdi:1.0:id:BSN';
/** 1·9+2·8+3·7+4·6+5·5+6·4+7·3+8·2 = 156, minus 9 = 147, and 147 mod 11 = 4: fails the elfproef. */
const INVALID_BSN = '123456789';

describe.each(engines)('family portal DigiD login on %s', (engine) => {
  let fixture: OidcTestApp;
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let idp: TestOidcProvider;
  let admin: Client;
  let digidId = '';
  let staffProviderId = '';
  const bsn = { kim: freshBsn(), bas: freshBsn(), unknown: freshBsn() };
  const person: Record<string, string> = {};

  beforeAll(async () => {
    fixture = await startOidcTestApp(engine, {
      redirectUris: [PORTAL_CALLBACK, STAFF_CALLBACK],
      bsnClaim: BSN_CLAIM,
      accounts: [
        { login: 'kim', email: 'kim@thuis.example.nl', emailVerified: true, bsn: bsn.kim },
        { login: 'bas', email: 'bas@thuis.example.nl', emailVerified: true, bsn: bsn.bas },
        { login: 'vreemde', email: 'v@thuis.example.nl', emailVerified: true, bsn: bsn.unknown },
        { login: 'zonder-bsn', email: 'z@thuis.example.nl', emailVerified: true },
        { login: 'ongeldig', email: 'o@thuis.example.nl', emailVerified: true, bsn: INVALID_BSN },
        { login: 'regisseur', email: 'regisseur@lekstad.example.nl', emailVerified: true },
      ],
    });
    ({ opened, app, idp, admin } = fixture);
    await staffAccount(
      opened,
      fixture.municipality,
      ['casusregisseur'],
      'regisseur@lekstad.example.nl',
    );
    const household = await opened.db
      .insertInto('household')
      .values({ label: 'Gezin Jansen', region: 'LEK' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const add = async (
      key: string,
      values: { kind: 'ouder' | 'jeugdige'; bsn: string; authority_removed?: boolean },
    ) => {
      const row = await opened.db
        .insertInto('person')
        .values({
          household_id: household.id,
          name: key,
          birth_date: values.kind === 'ouder' ? '1985-05-05' : '2012-01-15',
          kind: values.kind,
          bsn: values.bsn,
          authority_removed: values.authority_removed ?? false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      person[key] = row.id;
    };
    await add('Kim Jansen', { kind: 'ouder', bsn: bsn.kim });
    await add('Bas Jansen', { kind: 'ouder', bsn: bsn.bas, authority_removed: true });
  });

  afterAll(() => fixture?.close());

  const create = (over: object) => createProvider(admin, idp, { naam: 'Lekstad DigiD', ...over });

  /** Start at the portal, sign in at the provider, and return to the portal's callback. */
  const digidLogin = (login: string, tamper?: (stateCookie: string) => Promise<string>) =>
    codeFlowLogin({ app, idp }, PORTAL_FLOW, digidId, login, tamper);

  const refusals = async () =>
    (
      await opened.db
        .selectFrom('audit_log')
        .select(['details', 'staff_id', 'role'])
        .where('action', '=', 'portaal.digid-geweigerd')
        .orderBy('at')
        .execute()
    ).map((r) => ({
      ...(r.details as { reden: string; aanbieder: string | null; persoon: string | null }),
      staff: r.staff_id,
      role: r.role,
    }));

  it('lets the beheerder mark a provider for citizens, validated, and lists each where it belongs', async () => {
    const noDomains = await create({ naam: 'Lekstad Account', doelgroep: 'medewerkers' });
    expect(noDomains.statusCode).toBe(400);
    const badAudience = await create({ doelgroep: 'iedereen', bsnClaim: 'bsn met spatie' });
    expect(badAudience.statusCode).toBe(400);
    const paths = (res: LightMyRequestResponse) =>
      (res.json() as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    expect(paths(noDomains)).toEqual(['body.emailDomeinen']);
    expect(paths(badAudience)).toEqual(expect.arrayContaining(['body.doelgroep', 'body.bsnClaim']));
    expect(await opened.db.selectFrom('identity_provider').select('id').execute()).toHaveLength(0);

    const digid = await create({ doelgroep: 'burgers', bsnClaim: BSN_CLAIM });
    expect(digid.statusCode, digid.body).toBe(201);
    expect(digid.json()).toMatchObject({
      naam: 'Lekstad DigiD',
      doelgroep: 'burgers',
      bsnClaim: BSN_CLAIM,
      emailDomeinen: [],
      terugkeeradres: PORTAL_CALLBACK,
    });
    digidId = (digid.json() as { id: string }).id;
    // A claim name means nothing for staff: it is not kept.
    const staff = await create({
      naam: 'Lekstad Account',
      emailDomeinen: ['lekstad.example.nl'],
      bsnClaim: 'bsn',
    });
    expect(staff.statusCode, staff.body).toBe(201);
    expect(staff.json()).toMatchObject({
      doelgroep: 'medewerkers',
      bsnClaim: null,
      terugkeeradres: STAFF_CALLBACK,
    });
    staffProviderId = (staff.json() as { id: string }).id;

    const methods = await app.inject({ method: 'GET', url: '/api/v1/portaal/inlogmethoden' });
    expect(methods.statusCode).toBe(200);
    expect(methods.json()).toEqual({ digid: [{ id: digidId, naam: 'Lekstad DigiD' }] });
    const staffList = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/aanbieders' });
    expect(staffList.json()).toEqual([{ id: staffProviderId, naam: 'Lekstad Account' }]);
    for (const res of [digid, staff, methods]) expect(res.body).not.toContain(idp.clientSecret);
  });

  it('logs a parent in by the BSN in the ID token, into a portal session', async () => {
    const res = await digidLogin('kim');
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/portaal');
    expect(res.headers['set-cookie']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/casusregie_portaal=.*HttpOnly.*SameSite=Strict/),
      ]),
    );
    const cookie = cookieOf(res, 'casusregie_portaal') as string;
    // No staff session is made: DigiD opens the portal only.
    expect(cookieOf(res, 'casusregie_sessie')).toBeNull();
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/portaal/sessie',
      headers: { cookie },
    });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ naam: 'Kim Jansen', rol: 'vertegenwoordiger' });
    const staffRoute = await app.inject({
      method: 'GET',
      url: '/api/v1/sessie',
      headers: { cookie },
    });
    expect(staffRoute.statusCode).toBe(401);

    const success = await opened.db
      .selectFrom('audit_log')
      .select(['staff_id', 'role', 'details'])
      .where('action', '=', 'portaal.ingelogd')
      .execute();
    expect(success).toEqual([
      {
        staff_id: null,
        role: 'burger',
        details: { persoon: person['Kim Jansen'], aanbieder: digidId },
      },
    ]);
  });

  it('refuses a parent without authority, with the reason, and audits the person by id', async () => {
    const res = await digidLogin('bas');
    expect(res.headers.location).toBe('/portaal?digid=geen-gezag');
    expect(cookieOf(res, 'casusregie_portaal')).toBeNull();
    expect((await refusals()).at(-1)).toEqual({
      reden: 'geen-gezag',
      aanbieder: digidId,
      persoon: person['Bas Jansen'],
      staff: null,
      role: 'burger',
    });
  });

  it('gives an unknown BSN the same neutral refusal as an unknown address; the audit says which', async () => {
    const unknown = await digidLogin('vreemde');
    expect(unknown.headers.location).toBe('/portaal?digid=onbekend');
    expect(cookieOf(unknown, 'casusregie_portaal')).toBeNull();
    expect((await refusals()).at(-1)).toMatchObject({ reden: 'bsn-onbekend', persoon: null });
  });

  it('refuses a token without the BSN claim, or with a BSN that fails the elfproef', async () => {
    const missing = await digidLogin('zonder-bsn');
    expect(missing.headers.location).toBe('/portaal?digid=geen-bsn');
    expect(cookieOf(missing, 'casusregie_portaal')).toBeNull();
    expect((await refusals()).at(-1)?.reden).toBe('bsn-ontbreekt');
    const invalid = await digidLogin('ongeldig');
    expect(invalid.headers.location).toBe('/portaal?digid=geen-bsn');
    expect((await refusals()).at(-1)?.reden).toBe('bsn-ongeldig');
  });

  it('refuses a state that is not the browser’s and a nonce that is not the login’s', async () => {
    const state = await digidLogin('kim', () => Promise.resolve('casusregie_digid=een-andere'));
    expect(state.headers.location).toBe('/portaal?digid=mislukt');
    expect(cookieOf(state, 'casusregie_portaal')).toBeNull();
    expect((await refusals()).at(-1)?.reden).toBe('state-klopt-niet');

    const nonce = await digidLogin('kim', async (cookie) => {
      await opened.db
        .updateTable('oidc_login_attempt')
        .set({ nonce: 'een-andere-nonce' })
        .execute();
      return cookie;
    });
    expect(nonce.headers.location).toBe('/portaal?digid=mislukt');
    expect(cookieOf(nonce, 'casusregie_portaal')).toBeNull();
    expect((await refusals()).at(-1)?.reden).toMatch(/^token-geweigerd:/);
  });

  it('keeps staff and citizens apart: neither provider nor attempt works in the other flow', async () => {
    const portalWithStaff = await app.inject({
      method: 'GET',
      url: `/api/v1/portaal/digid/${staffProviderId}/start`,
    });
    expect(portalWithStaff.headers.location).toBe('/portaal?digid=niet-actief');
    expect((await refusals()).at(-1)).toMatchObject({
      reden: 'aanbieder-onbekend-inactief-of-niet-voor-burgers',
      aanbieder: staffProviderId,
    });
    const staffWithDigid = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/${digidId}/start`,
    });
    expect(staffWithDigid.headers.location).toBe('/inloggen?oidc=niet-actief');

    // A staff login's state brought to the portal callback finishes nothing there …
    const staffStart = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/${staffProviderId}/start`,
    });
    const staffState = new URL(staffStart.headers.location as string).searchParams.get('state');
    const staffBack = await idp.signIn(staffStart.headers.location as string, 'regisseur');
    const crossed = await app.inject({
      method: 'GET',
      url: `/api/v1/portaal/digid/callback${staffBack.search}`,
      headers: { cookie: `casusregie_digid=${staffState}` },
    });
    expect(crossed.headers.location).toBe('/portaal?digid=mislukt');
    expect(cookieOf(crossed, 'casusregie_portaal')).toBeNull();
    expect((await refusals()).at(-1)?.reden).toBe('poging-onbekend-of-verlopen');
    // … and the staff attempt is left for its own callback.
    const staffDone = await app.inject({
      method: 'GET',
      url: `${staffBack.pathname}${staffBack.search}`,
      headers: { cookie: cookieOf(staffStart, 'casusregie_oidc') as string },
    });
    expect(staffDone.headers.location).toBe('/');

    // A portal login's state brought to the staff callback is refused there.
    const portalStart = await app.inject({
      method: 'GET',
      url: `/api/v1/portaal/digid/${digidId}/start`,
    });
    const portalState = new URL(portalStart.headers.location as string).searchParams.get('state');
    const portalBack = await idp.signIn(portalStart.headers.location as string, 'kim');
    const reversed = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/callback${portalBack.search}`,
      headers: { cookie: `casusregie_oidc=${portalState}` },
    });
    expect(reversed.headers.location).toBe('/inloggen?oidc=mislukt');
    expect(cookieOf(reversed, 'casusregie_sessie')).toBeNull();
  });

  it('writes no BSN into any audit record', async () => {
    const audits = await opened.db.selectFrom('audit_log').select(['details']).execute();
    const text = JSON.stringify(audits);
    expect(audits.length).toBeGreaterThan(10);
    for (const value of [...Object.values(bsn), INVALID_BSN]) expect(text).not.toContain(value);
    expect(text).not.toContain(idp.clientSecret);
  });
});
