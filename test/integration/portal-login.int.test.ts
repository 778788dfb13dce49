/**
 * The family portal's login by one-time code (issue 10, ADR 0026) on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL, with a real SMTP server in this process as the mailer.
 *
 * One LEK household on Monday 23 November 2026: two parents with authority (Kim, Sam), a parent
 * whose authority was removed (Rob), Noor (born 1 May 2012: 14 years) and Daan (born 1 May 2015:
 * 11 years). The code mail arrives and logs in once; five wrong codes void it; after ten
 * minutes it is expired; an unknown address gets the same answer and no mail; Rob and Daan get
 * a mail that explains the refusal and no code; a removal of authority after the code was sent
 * refuses the login (403) and ends a running session; Noor logs in as `jongere-12-15`. Portal
 * and staff sessions never open each other's routes, logging out needs the CSRF token, and the
 * audit rows name the person only.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer, type Mailer } from '../../src/jobs/digest.js';
import { buildApp, type AppDeps } from '../../src/server/app.js';
import { readEnv } from '../../src/server/env.js';
import { portalMailerOver } from '../../src/server/portal/mail.js';
import { securitySettings } from '../../src/server/security/settings.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { Client, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

const KIM = 'kim@gezin.test';
const SAM = 'sam@gezin.test';
const ROB = 'rob@gezin.test';
const NOOR = 'noor@gezin.test';
const DAAN = 'daan@gezin.test';
const WRONG = 'Deze code klopt niet of werkt niet meer. Kijk de code na, of vraag een nieuwe code.';

const codeIn = (text: string): string => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

/** A browser of the portal: its cookie and CSRF token. */
class PortalClient {
  cookie = '';
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}

  async askCode(email: string): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'POST', url: '/api/v1/portaal/code', payload: { email } });
  }

  async login(email: string, code: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/v1/portaal/sessie',
      payload: { email, code },
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf },
    });
    if (res.statusCode === 200) {
      const set = res.headers['set-cookie'];
      const raw = Array.isArray(set) ? set[0] : set;
      this.cookie = raw?.split(';')[0] ?? '';
      this.csrf = (res.json() as { csrfToken: string }).csrfToken;
    }
    return res;
  }

  request(method: 'GET' | 'DELETE', url: string, csrf = true) {
    return this.app.inject({
      method,
      url,
      headers: { cookie: this.cookie, ...(csrf ? { 'x-csrf-token': this.csrf } : {}) },
    });
  }
}

describe.each(engines)('family portal login on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let smtp: TestSmtp;
  let mailer: Mailer;
  let now = new Date('2026-11-23T10:00:00+01:00');
  const ids = new Map<string, string>();
  /** Every code mailed, to check that none reaches the audit log. */
  const codes: string[] = [];
  let staffEmail = '';

  // The in-memory rate limits count in real time: raised here, tested on an app of their own.
  const deps = (extra: Partial<AppDeps> = {}, withMailer = true): AppDeps => ({
    db: opened.db,
    clock: { now: () => now },
    profiles: new Map(),
    secureCookies: false,
    security: securitySettings(
      readEnv({ RATE_LIMIT_PORTAL_PER_ACCOUNT: '1000', RATE_LIMIT_PORTAL_PER_IP: '10000' }),
    ),
    ...(withMailer
      ? { portalMailer: portalMailerOver(mailer, 'Casusregie <portaal@test.nl>') }
      : {}),
    ...extra,
  });
  const sent = (address: string) => smtp.inbox.filter((m) => m.to.includes(address)).length;
  /** Asks a code and returns it from the mail that arrives. */
  const codeFor = async (portal: PortalClient, address: string): Promise<string> => {
    const before = sent(address);
    const res = await portal.askCode(address);
    expect(res.statusCode, res.body).toBe(202);
    const mail = await smtp.mailTo(address, before + 1);
    const code = codeIn(mail.text);
    expect(code).toMatch(/^\d{6}$/);
    codes.push(code);
    return code;
  };

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    smtp = await startSmtp();
    mailer = smtpMailer(smtp.url);
    app = await buildApp(deps());
    const household = await opened.db
      .insertInto('household')
      .values({ label: 'Gezin de Vries', region: 'LEK' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const people = [
      ['kim', 'ouder', 'Kim de Vries', null, KIM, false],
      ['sam', 'ouder', 'Sam de Vries', null, SAM, false],
      ['rob', 'ouder', 'Rob Bakker', null, ROB, true],
      ['noor', 'jeugdige', 'Noor de Vries', '2012-05-01', NOOR, false],
      ['daan', 'jeugdige', 'Daan de Vries', '2015-05-01', DAAN, false],
    ] as const;
    for (const [key, kind, name, birthDate, email, removed] of people) {
      const row = await opened.db
        .insertInto('person')
        .values({
          household_id: household.id,
          kind,
          name,
          birth_date: birthDate,
          email,
          authority_removed: removed,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(key, row.id);
    }
    const team = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    staffEmail = `regisseur-${engine}@portaal.test`;
    await staffAccount(opened, team, ['casusregisseur'], staffEmail);
  });
  afterAll(async () => {
    await app?.close();
    mailer?.close();
    await smtp?.close();
    await opened?.close();
  });

  it('mails a code that logs a parent in once, with an HttpOnly SameSite=Strict cookie', async () => {
    const portal = new PortalClient(app);
    const asked = await portal.askCode(KIM);
    expect(asked.statusCode).toBe(202);
    const mail = await smtp.mailTo(KIM);
    expect(mail.subject).toBe('Uw inlogcode voor het gezinsportaal');
    expect(mail.text).toContain('De code werkt 10 minuten');
    expect(mail.text).toContain('Heeft u deze code niet gevraagd?');
    const code = codeIn(mail.text);
    codes.push(code);

    const res = await portal.login(KIM, code);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      naam: 'Kim de Vries',
      rol: 'vertegenwoordiger',
      csrfToken: expect.any(String) as string,
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^casusregie_portaal=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    const me = await portal.request('GET', '/api/v1/portaal/sessie');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ naam: 'Kim de Vries', rol: 'vertegenwoordiger' });

    // Used once: the same code does not log in again.
    const again = await new PortalClient(app).login(KIM, code);
    expect(again.statusCode).toBe(401);
    expect((again.json() as { error: { message: string } }).error.message).toBe(WRONG);
  });

  it('voids a code after five wrong attempts, with the same answer each time', async () => {
    const portal = new PortalClient(app);
    const code = await codeFor(portal, SAM);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await portal.login(SAM, wrong);
      expect(res.statusCode, `attempt ${attempt}`).toBe(401);
      expect((res.json() as { error: { message: string } }).error.message).toBe(WRONG);
    }
    const right = await portal.login(SAM, code);
    expect(right.statusCode).toBe(401);
    expect((right.json() as { error: { message: string } }).error.message).toBe(WRONG);
  });

  it('accepts a code for ten minutes and not a moment longer; a new code voids the old one', async () => {
    const start = now;
    try {
      const portal = new PortalClient(app);
      const first = await codeFor(portal, SAM);
      now = new Date(start.getTime() + 10 * 60_000 - 1_000);
      expect((await portal.login(SAM, first)).statusCode).toBe(200);

      now = start;
      const second = await codeFor(portal, SAM);
      now = new Date(start.getTime() + 10 * 60_000);
      expect((await new PortalClient(app).login(SAM, second)).statusCode).toBe(401);

      now = start;
      const old = await codeFor(portal, SAM);
      const fresh = await codeFor(portal, SAM);
      expect((await new PortalClient(app).login(SAM, old)).statusCode).toBe(
        old === fresh ? 200 : 401,
      );
    } finally {
      now = start;
    }
  });

  it('answers an unknown address exactly like a known one, and sends it nothing', async () => {
    const portal = new PortalClient(app);
    const before = sent(KIM);
    const unknown = await portal.askCode('niemand@gezin.test');
    const known = await portal.askCode(KIM);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    // The known address's mail went out after its answer (and after the unknown one's would).
    codes.push(codeIn((await smtp.mailTo(KIM, before + 1)).text));
    expect(smtp.inbox.filter((m) => m.to.includes('niemand@gezin.test'))).toEqual([]);
    const login = await portal.login('niemand@gezin.test', '123456');
    expect(login.statusCode).toBe(401);
    expect((login.json() as { error: { message: string } }).error.message).toBe(WRONG);
  });

  it('mails a parent without authority why not, makes no code, and refuses any login', async () => {
    const portal = new PortalClient(app);
    expect((await portal.askCode(ROB)).statusCode).toBe(202);
    const mail = await smtp.mailTo(ROB);
    expect(mail.subject).toBe('Inloggen bij het gezinsportaal lukt niet');
    expect(mail.text).toContain('U heeft geen gezag meer over de kinderen in dit gezin.');
    expect(codeIn(mail.text)).toBe('');
    const stored = await opened.db
      .selectFrom('portal_login_code')
      .select('id')
      .where('person_id', '=', ids.get('rob') ?? '')
      .execute();
    expect(stored).toEqual([]);
    expect((await portal.login(ROB, '123456')).statusCode).toBe(401);
  });

  it('refuses a code sent before the authority was removed (403) and ends the running session', async () => {
    const running = new PortalClient(app);
    expect((await running.login(SAM, await codeFor(running, SAM))).statusCode).toBe(200);
    const pending = await codeFor(new PortalClient(app), SAM);
    try {
      await opened.db
        .updateTable('person')
        .set({ authority_removed: true })
        .where('id', '=', ids.get('sam') ?? '')
        .execute();
      expect((await running.request('GET', '/api/v1/portaal/sessie')).statusCode).toBe(401);
      // The running session is not merely refused: it is ended.
      const token = running.cookie.split('=')[1] ?? '';
      const session = await opened.db
        .selectFrom('portal_session')
        .select('id')
        .where('id', '=', createHash('sha256').update(token).digest('hex'))
        .execute();
      expect(token).not.toBe('');
      expect(session).toEqual([]);
      const login = await new PortalClient(app).login(SAM, pending);
      expect(login.statusCode).toBe(403);
      expect((login.json() as { error: { message: string } }).error.message).toContain(
        'geen gezag',
      );
    } finally {
      await opened.db
        .updateTable('person')
        .set({ authority_removed: false })
        .where('id', '=', ids.get('sam') ?? '')
        .execute();
    }
  });

  it('refuses a young person of 11 by mail and lets one of 14 in as jongere-12-15', async () => {
    const portal = new PortalClient(app);
    expect((await portal.askCode(DAAN)).statusCode).toBe(202);
    const refusal = await smtp.mailTo(DAAN);
    expect(refusal.text).toContain('Hallo Daan de Vries');
    expect(refusal.text).toContain('vanaf 12 jaar');
    expect(codeIn(refusal.text)).toBe('');

    const code = await codeFor(portal, NOOR);
    expect((await smtp.mailTo(NOOR)).subject).toBe('Je inlogcode voor het gezinsportaal');
    const res = await portal.login(NOOR, code);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ naam: 'Noor de Vries', rol: 'jongere-12-15' });
  });

  it('logs out only with the CSRF token, and the session is gone after', async () => {
    const portal = new PortalClient(app);
    expect((await portal.login(KIM, await codeFor(portal, KIM))).statusCode).toBe(200);
    expect((await portal.request('DELETE', '/api/v1/portaal/sessie', false)).statusCode).toBe(403);
    expect((await portal.request('GET', '/api/v1/portaal/sessie')).statusCode).toBe(200);
    const out = await portal.request('DELETE', '/api/v1/portaal/sessie');
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/casusregie_portaal=;/);
    expect((await portal.request('GET', '/api/v1/portaal/sessie')).statusCode).toBe(401);
  });

  it('keeps staff and portal sessions apart', async () => {
    const staff = new Client(app);
    expect((await staff.login(staffEmail)).statusCode).toBe(200);
    expect((await staff.request('GET', '/api/v1/werkvoorraad')).statusCode).toBe(200);
    expect((await staff.request('GET', '/api/v1/portaal/sessie')).statusCode).toBe(401);
    expect((await staff.request('DELETE', '/api/v1/portaal/sessie')).statusCode).toBe(401);

    const portal = new PortalClient(app);
    expect((await portal.login(KIM, await codeFor(portal, KIM))).statusCode).toBe(200);
    expect((await portal.request('GET', '/api/v1/werkvoorraad')).statusCode).toBe(401);
    expect((await portal.request('GET', '/api/v1/sessie')).statusCode).toBe(401);
    // Both cookies in one browser: each side sees only its own session.
    const both = `${staff.cookie}; ${portal.cookie}`;
    const asPortal = await app.inject({
      method: 'GET',
      url: '/api/v1/portaal/sessie',
      headers: { cookie: both },
    });
    expect(asPortal.json()).toMatchObject({ naam: 'Kim de Vries' });
    const asStaff = await app.inject({
      method: 'GET',
      url: '/api/v1/sessie',
      headers: { cookie: both },
    });
    expect(asStaff.json()).toMatchObject({ medewerker: { naam: staffEmail } });
  });

  it('audits every step as burger with the person only: no code, no e-mail address', async () => {
    const rows = await opened.db
      .selectFrom('audit_log')
      .select(['action', 'role', 'details', 'staff_id'])
      .where('action', 'like', 'portaal.%')
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      'portaal.code-gevraagd',
      'portaal.code-geweigerd',
      'portaal.ingelogd',
      'portaal.inloggen-geweigerd',
      'portaal.uitgelogd',
    ])
      expect(actions, action).toContain(action);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(['burger']));
    expect(rows.every((r) => r.staff_id === null)).toBe(true);
    const details = rows.map((r) =>
      typeof r.details === 'string' ? r.details : JSON.stringify(r.details),
    );
    expect(details.filter((d) => d.includes('@'))).toEqual([]);
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(details.filter((d) => d.includes(code))).toEqual([]);
    const refusals = rows
      .filter((r) => r.action === 'portaal.code-geweigerd')
      .map((r) => (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as object);
    expect(refusals).toEqual(
      expect.arrayContaining([
        { persoon: ids.get('rob'), reden: 'geen-gezag' },
        { persoon: ids.get('daan'), reden: 'jonger-dan-12' },
        { persoon: null, reden: 'onbekend-adres' },
      ]),
    );
  });

  it('says in Dutch that it cannot log in without a mailer (503)', async () => {
    const bare = await buildApp(deps({}, false));
    try {
      const res = await new PortalClient(bare).askCode(KIM);
      expect(res.statusCode).toBe(503);
      expect((res.json() as { error: { message: string } }).error.message).toContain(
        'Inloggen bij het gezinsportaal kan nu niet',
      );
    } finally {
      await bare.close();
    }
  });

  it('limits code requests per e-mail address (429), configurable like the staff login', async () => {
    const limited = await buildApp(
      deps({ security: securitySettings(readEnv({ RATE_LIMIT_PORTAL_PER_ACCOUNT: '2' })) }),
    );
    try {
      const portal = new PortalClient(limited);
      expect((await portal.askCode('een@gezin.test')).statusCode).toBe(202);
      expect((await portal.askCode('EEN@gezin.test ')).statusCode).toBe(202);
      const third = await portal.askCode('een@gezin.test');
      expect(third.statusCode).toBe(429);
      expect(third.headers['retry-after']).toBeDefined();
      // Another address still gets its answer.
      expect((await portal.askCode('twee@gezin.test')).statusCode).toBe(202);
    } finally {
      await limited.close();
    }
  });
});
