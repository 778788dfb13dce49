/**
 * Portal access managed by the professional side, and a 16+ young person's agreement that the
 * parents read along (issue 10, ADR 0026), on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 *
 * Gezin Bakker on 12 March 2026 (ZTM, route A): parents Kim and Bas, Noor (born 15 January 2012:
 * 14) and Daan (born 1 June 2009: 16). The team lead / casusregisseur of the responsible team
 * holds casusregie; provider P has behandelregie (reads the case, no casusregie). The concept
 * plan has a family goal and a goal only about Daan. Login codes go through an SMTP server in
 * this process.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer, type Mailer } from '../../src/jobs/digest.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { readEnv } from '../../src/server/env.js';
import { portalMailerOver } from '../../src/server/portal/mail.js';
import { createPortalSession } from '../../src/server/portal/sessions.js';
import { securitySettings } from '../../src/server/security/settings.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { personIdsOf, registerFamily } from '../support/portal-families.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface AccessPerson {
  id: string;
  naam: string;
  soort: string;
  email: string | null;
  gezagOntnomen: boolean;
  gezagToelichting: string | null;
  portaal: { kan: boolean; rol: string | null; reden: string | null; uitleg: string | null };
  meelezen: boolean | null;
}

const codeIn = (text: string): string => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

describe.each(engines)('family portal access on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let smtp: TestSmtp;
  let mailer: Mailer;
  const now = new Date('2026-03-12T15:00:00+01:00');
  let lead: Client;
  let provider: Client;
  let stranger: Client;
  let caseId = '';
  const person: Record<string, string> = {};
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  const overview = async () => {
    const res = await lead.request('GET', `/api/v1/casussen/${caseId}/gezinsportaal`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { personen: AccessPerson[] }).personen;
  };
  const entryOf = async (who: string) =>
    (await overview()).find((p) => p.id === person[who]) as AccessPerson;
  const loginAs = async (who: string) => {
    const { token, csrfToken } = await createPortalSession(opened.db, person[who] as string, now);
    sessions[who] = { cookie: `casusregie_portaal=${token}`, csrf: csrfToken };
  };
  const portal = (
    who: string,
    method: 'GET' | 'PUT',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> => {
    const s = sessions[who] as { cookie: string; csrf: string };
    return app.inject({
      method,
      url: `/api/v1/portaal${url}`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  };
  const goalsSeenBy = async (who: string) => {
    const res = await portal(who, 'GET', `/casussen/${caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as { plannen: { doelen: { id: string }[] }[] };
    return view.plannen.flatMap((p) => p.doelen.map((g) => g.id));
  };
  const audit = (action: string) =>
    opened.db
      .selectFrom('audit_log')
      .select(['staff_id', 'role', 'case_id', 'details'])
      .where('action', '=', action)
      .orderBy('at')
      .execute();

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    smtp = await startSmtp();
    mailer = smtpMailer(smtp.url);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => now },
      profiles: loadProfiles(),
      secureCookies: false,
      security: securitySettings(
        readEnv({ RATE_LIMIT_PORTAL_PER_ACCOUNT: '1000', RATE_LIMIT_PORTAL_PER_IP: '10000' }),
      ),
      portalMailer: portalMailerOver(mailer, 'Casusregie <portaal@test.nl>'),
    });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const providerOrg = await createOrganisation(opened.db, 'aanbieder', 'ZTM');
    const otherTeam = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const leadEmail = `lead-${engine}@toegang.test`;
    const leadId = await staffAccount(opened, team, ['teamleider', 'casusregisseur'], leadEmail);
    await staffAccount(opened, providerOrg, ['behandelaar'], `aanbieder-${engine}@toegang.test`);
    await staffAccount(opened, otherTeam, ['casusregisseur'], `ander-${engine}@toegang.test`);
    lead = new Client(app);
    provider = new Client(app);
    stranger = new Client(app);
    expect((await lead.login(leadEmail)).statusCode).toBe(200);
    expect((await provider.login(`aanbieder-${engine}@toegang.test`)).statusCode).toBe(200);
    expect((await stranger.login(`ander-${engine}@toegang.test`)).statusCode).toBe(200);

    caseId = await registerFamily(lead, 'Bakker', { parents: ['Kim', 'Bas'] });
    Object.assign(person, await personIdsOf(opened.db, caseId));

    const since = new Date('2026-03-05T09:00:00+01:00');
    await opened.db
      .updateTable('case_role')
      .set({ ends_at: since })
      .where('case_id', '=', caseId)
      .where('role', '=', 'casusregie')
      .execute();
    await opened.db
      .insertInto('case_role')
      .values([
        {
          case_id: caseId,
          role: 'casusregie',
          holder: 'professional',
          organisation_id: team,
          staff_id: leadId,
          starts_at: since,
          ends_at: null,
          reason: 'test',
          created_by: leadId,
        },
        {
          case_id: caseId,
          role: 'behandelregie',
          holder: 'organisatie',
          organisation_id: providerOrg,
          staff_id: null,
          starts_at: since,
          ends_at: null,
          reason: 'test',
          created_by: leadId,
        },
      ])
      .execute();
    const goal = (id: string, omschrijving: string, betreft?: string[]) => ({
      id,
      resultaatgebied: 'opvoeden-en-opgroeien',
      omschrijving,
      meetbaarResultaat: 'afgesproken met het gezin',
      eigenaar: { soort: 'gezin', naam: 'het gezin' },
      streefdatum: '2026-09-01',
      voortgang: 'loopt',
      ...(betreft ? { betreft } : {}),
    });
    const plan = await lead.request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: '2026-03-10',
      inhoud: {
        doelen: [
          goal('gezin-rust', 'Er is meer rust in huis'),
          goal('daan-werk', 'Daan vindt een bijbaan', [person['daan'] as string]),
        ],
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    mailer?.close();
    await smtp?.close();
    await opened?.close();
  });

  it('shows the casusregisseur per person why they cannot log in yet', async () => {
    const people = await overview();
    expect(people.map((p) => [p.naam, p.soort, p.portaal.kan, p.portaal.reden])).toEqual([
      ['Daan Bakker', 'jeugdige', false, 'geen-email'],
      ['Noor Bakker', 'jeugdige', false, 'geen-email'],
      ['Bas Bakker', 'ouder', false, 'geen-email'],
      ['Kim Bakker', 'ouder', false, 'geen-email'],
    ]);
    const [read] = await audit('gezinsportaal.toegang-lezen');
    expect(read).toMatchObject({ case_id: caseId, details: { personen: 4 } });
    expect(read?.staff_id).not.toBeNull();
  });

  it('sets an e-mail address, after which the person asks for a code and logs in', async () => {
    const set = await lead.request(
      'PUT',
      `/api/v1/casussen/${caseId}/personen/${person['kim']}/portaal`,
      { email: ' kim@bakker.test ' },
    );
    expect(set.statusCode, set.body).toBe(204);
    expect(await entryOf('kim')).toMatchObject({
      email: 'kim@bakker.test',
      portaal: { kan: true, rol: 'vertegenwoordiger', reden: null },
    });

    const asked = await app.inject({
      method: 'POST',
      url: '/api/v1/portaal/code',
      payload: { email: 'kim@bakker.test' },
    });
    expect(asked.statusCode, asked.body).toBe(202);
    const mail = await smtp.mailTo('kim@bakker.test');
    const code = codeIn(mail.text);
    expect(code).toMatch(/^\d{6}$/);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/portaal/sessie',
      payload: { email: 'kim@bakker.test', code },
    });
    expect(login.statusCode, login.body).toBe(200);
    expect((login.json() as { naam: string }).naam).toBe('Kim Bakker');

    const rows = await audit('gezinsportaal.email');
    expect(rows.at(-1)).toMatchObject({
      case_id: caseId,
      details: { persoon: person['kim'], email: 'gewijzigd' },
    });
    expect(JSON.stringify(rows)).not.toContain('bakker.test');
  });

  it('refuses an address another person uses (409, not saying whose) and a malformed one', async () => {
    const taken = await lead.request(
      'PUT',
      `/api/v1/casussen/${caseId}/personen/${person['bas']}/portaal`,
      { email: 'KIM@bakker.test' },
    );
    expect(taken.statusCode, taken.body).toBe(409);
    const body = taken.json() as { error: { fields: { path: string; message: string }[] } };
    expect(body.error.fields.map((f) => f.path)).toEqual(['body.email']);
    expect(taken.body).not.toContain('Kim');

    const bad = await lead.request(
      'PUT',
      `/api/v1/casussen/${caseId}/personen/${person['bas']}/portaal`,
      { email: 'geen-adres' },
    );
    expect(bad.statusCode).toBe(400);
    expect((await entryOf('bas')).email).toBeNull();
  });

  it('lets only the casusregie side manage access: a provider gets 403, another team 404', async () => {
    expect(
      (await provider.request('GET', `/api/v1/casussen/${caseId}/gezinsportaal`)).statusCode,
    ).toBe(403);
    const put = await provider.request(
      'PUT',
      `/api/v1/casussen/${caseId}/personen/${person['bas']}/portaal`,
      { email: 'bas@bakker.test' },
    );
    expect(put.statusCode).toBe(403);
    const gezag = await provider.request(
      'PUT',
      `/api/v1/casussen/${caseId}/personen/${person['bas']}/gezag`,
      { gezagOntnomen: true, toelichting: 'beschikking' },
    );
    expect(gezag.statusCode).toBe(403);
    expect(
      (await stranger.request('GET', `/api/v1/casussen/${caseId}/gezinsportaal`)).statusCode,
    ).toBe(404);
    expect((await entryOf('bas')).email).toBeNull();
  });

  it('ends a parent’s running session when the authority is removed, and says why', async () => {
    const set = await lead.request(
      'PUT',
      `/api/v1/casussen/${caseId}/personen/${person['bas']}/portaal`,
      { email: 'bas@bakker.test' },
    );
    expect(set.statusCode, set.body).toBe(204);
    await loginAs('bas');
    expect((await portal('bas', 'GET', '/casussen')).statusCode).toBe(200);

    const noReason = await lead.request(
      'PUT',
      `/api/v1/casussen/${caseId}/personen/${person['bas']}/gezag`,
      { gezagOntnomen: true },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('body.toelichting');
    const child = await lead.request(
      'PUT',
      `/api/v1/casussen/${caseId}/personen/${person['noor']}/gezag`,
      { gezagOntnomen: true, toelichting: 'beschikking' },
    );
    expect(child.statusCode).toBe(400);
    expect(child.body).toContain('body.gezagOntnomen');
    expect((await portal('bas', 'GET', '/casussen')).statusCode).toBe(200);

    const removed = await lead.request(
      'PUT',
      `/api/v1/casussen/${caseId}/personen/${person['bas']}/gezag`,
      { gezagOntnomen: true, toelichting: 'Beschikking rechtbank Utrecht 2 maart 2026' },
    );
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await portal('bas', 'GET', '/casussen')).statusCode).toBe(401);
    const left = await opened.db
      .selectFrom('portal_session')
      .select('id')
      .where('person_id', '=', person['bas'] as string)
      .execute();
    expect(left).toEqual([]);
    expect(await entryOf('bas')).toMatchObject({
      gezagOntnomen: true,
      gezagToelichting: 'Beschikking rechtbank Utrecht 2 maart 2026',
      portaal: { kan: false, reden: 'geen-gezag' },
    });
    expect((await entryOf('bas')).portaal.uitleg).toMatch(/gezag/);
    const [row] = await audit('gezinsportaal.gezag');
    expect(row).toMatchObject({
      case_id: caseId,
      details: { persoon: person['bas'], gezagOntnomen: true, sessiesBeeindigd: 1 },
    });
  });

  it('ends the session when the address is cleared', async () => {
    await loginAs('kim');
    expect((await portal('kim', 'GET', '/casussen')).statusCode).toBe(200);
    const cleared = await lead.request(
      'PUT',
      `/api/v1/casussen/${caseId}/personen/${person['kim']}/portaal`,
      { email: null },
    );
    expect(cleared.statusCode, cleared.body).toBe(204);
    expect((await portal('kim', 'GET', '/casussen')).statusCode).toBe(401);
    expect((await audit('gezinsportaal.email')).at(-1)?.details).toEqual({
      persoon: person['kim'],
      email: 'gewist',
      // The session of Kim's login by code (earlier test) and the one made here.
      sessiesBeeindigd: 2,
    });
    const back = await lead.request(
      'PUT',
      `/api/v1/casussen/${caseId}/personen/${person['kim']}/portaal`,
      { email: 'kim@bakker.test' },
    );
    expect(back.statusCode).toBe(204);
  });

  it('lets a 16+ young person decide that the parents read along, and take it back', async () => {
    await loginAs('kim');
    await loginAs('daan');
    expect(await goalsSeenBy('kim')).toEqual(['gezin-rust']);
    expect(await goalsSeenBy('daan')).toEqual(['gezin-rust', 'daan-werk']);
    const first = await portal('daan', 'GET', `/casussen/${caseId}/meelezen`);
    expect(first.json()).toEqual({ meelezen: false, gewijzigdOp: null });

    const yes = await portal('daan', 'PUT', `/casussen/${caseId}/meelezen`, { meelezen: true });
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json()).toEqual({ meelezen: true, gewijzigdOp: now.toISOString() });
    expect(await goalsSeenBy('kim')).toEqual(['gezin-rust', 'daan-werk']);
    expect((await entryOf('daan')).meelezen).toBe(true);

    const no = await portal('daan', 'PUT', `/casussen/${caseId}/meelezen`, { meelezen: false });
    expect(no.statusCode).toBe(200);
    expect(await goalsSeenBy('kim')).toEqual(['gezin-rust']);
    expect((await entryOf('daan')).meelezen).toBe(false);

    const changes = await audit('portaal.meelezen');
    expect(changes.map((r) => [r.role, r.staff_id, r.case_id, r.details])).toEqual([
      ['burger', null, caseId, { persoon: person['daan'], meelezen: true }],
      ['burger', null, caseId, { persoon: person['daan'], meelezen: false }],
    ]);
  });

  it('refuses the choice to a 14-year-old and to a parent (403, plain words), audited', async () => {
    await loginAs('noor');
    const noor = await portal('noor', 'PUT', `/casussen/${caseId}/meelezen`, { meelezen: true });
    expect(noor.statusCode).toBe(403);
    const body = noor.json() as { error: { message: string; fields: { path: string }[] } };
    expect(body.error.message).toMatch(/vanaf je 16e/);
    expect(body.error.fields.map((f) => f.path)).toEqual(['body.meelezen']);
    const kim = await portal('kim', 'PUT', `/casussen/${caseId}/meelezen`, { meelezen: true });
    expect(kim.statusCode).toBe(403);
    expect(
      await opened.db
        .selectFrom('portal_read_along')
        .select('person_id')
        .where('allowed', '=', true)
        .execute(),
    ).toEqual([]);
    const refused = await audit('portaal.meelezen-geweigerd');
    expect(refused.map((r) => [r.role, r.details])).toEqual([
      ['burger', { persoon: person['noor'], poging: 'wijzigen', rol: 'jongere-12-15' }],
      ['burger', { persoon: person['kim'], poging: 'wijzigen', rol: 'vertegenwoordiger' }],
    ]);
  });

  it('answers 404 for another household’s or a malformed case in the portal', async () => {
    const other = await lead.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({ regio: 'ZTM', gezin: { naam: 'Gezin Smit' } }),
    );
    const otherId = (other.json() as { id: string }).id;
    expect(
      (await portal('daan', 'PUT', `/casussen/${otherId}/meelezen`, { meelezen: true })).statusCode,
    ).toBe(404);
    expect((await portal('daan', 'GET', '/casussen/niet-een-id/meelezen')).statusCode).toBe(404);
  });
});
