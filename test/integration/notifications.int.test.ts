/**
 * Notifications (issue 6) on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 *
 * A LEK local team registers a route A request on Monday 2 March 2026; the intake is due
 * within 14 days (LEK-TERM-INTAKE-AMBULANT, 16 March). Stored notifications reach exactly the
 * people they name; the list shows one's own ones, newest first, with the deadlines that are
 * overdue or due within 3 working days; nobody reads or marks another's notification. The daily
 * digest goes through a real SMTP server (smtp-server, in this process, on a free port): the
 * casusregisseur gets one mail with the calamity and the overdue intake with its rule ID,
 * people with nothing to read get none, and a second run on the same day sends nothing.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDigest, smtpMailer, type DigestOptions } from '../../src/jobs/digest.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { caseRoleRecipients, notify } from '../../src/store/notifications.js';
import { createOrganisation } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface Received {
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** A plain SMTP server on 127.0.0.1 (no TLS, no login) that keeps what it receives. */
async function startSmtp(): Promise<{ url: string; inbox: Received[]; close(): Promise<void> }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      simpleParser(stream).then(
        (mail) => {
          inbox.push({
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface NotificationRow {
  id: string;
  soort: string;
  titel: string;
  casusId: string | null;
  link: string | null;
  regel: string | null;
  op: string;
  gelezenOp: string | null;
}
interface NotificationsBody {
  ongelezen: number;
  totaal: number;
  meldingen: NotificationRow[];
  termijnen: {
    werkdagen: number;
    tot: string;
    verlopen: number;
    binnenkort: number;
    items: { casusId: string; gezin: string; regel: string; uiterlijk: string; status: string }[];
  };
}

const fieldsOf = (body: string) =>
  ((JSON.parse(body) as { error: { fields?: { path: string }[] } }).error.fields ?? []).map(
    (f) => f.path,
  );

// Thursday 5 March 2026: the intake (due Monday 16 March) is neither overdue nor due soon.
const THU_5_MARCH = new Date('2026-03-05T10:00:00Z');
// Thursday 12 March: three working days on is Tuesday 17 March, so the intake is due soon.
const THU_12_MARCH = new Date('2026-03-12T10:00:00Z');
// Friday 20 March, 07:00 in Amsterdam: the intake is overdue.
const FRI_20_MARCH = new Date('2026-03-20T06:00:00Z');

describe.each(engines)('notifications on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let clock = THU_5_MARCH;
  const profiles = loadProfiles();
  const email = (who: string) => `${who}-${engine}@meldingen.nl`;
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const staff = new Map<string, string>();
  let teamId = '';
  let caseId = '';

  const list = async (who: string, query = '') => {
    const res = await as(who).request('GET', `/api/v1/meldingen${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as NotificationsBody;
  };
  /** Logs everyone in (again): sessions expire when the clock moves on by days. */
  const login = async () => {
    for (const who of staff.keys()) {
      const client = new Client(app);
      expect((await client.login(email(who))).statusCode).toBe(200);
      clients.set(who, client);
    }
  };
  const options = (): DigestOptions => ({
    from: 'Casusregie <casusregie@test.nl>',
    baseUrl: 'https://casusregie.test.nl',
    workingDays: 3,
  });

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => clock },
      profiles,
      secureCookies: false,
      dueSoonWorkingDays: 3,
    });
    smtp = await startSmtp();
    teamId = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    const otherTeam = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    const municipality = await createOrganisation(opened.db, 'gemeente', 'LEK');
    const accounts: [string, string, string][] = [
      ['anne', teamId, 'casusregisseur'],
      ['bert', otherTeam, 'casusregisseur'],
      ['beheer', municipality, 'beheerder'],
      ['mgmt', municipality, 'management'],
    ];
    for (const [who, org, role] of accounts)
      staff.set(who, await staffAccount(opened, org, [role], email(who)));
    await login();
    const created = await as('anne').request('POST', '/api/v1/casussen', routeARequest());
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    // After triage the local team takes casusregie, with anne as casusregisseur.
    const role = await as('anne').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      medewerkerId: staff.get('anne'),
      organisatieId: teamId,
      vanaf: '2026-03-03T09:00:00+01:00',
      reden: 'Triage: casusregie bij het lokale team',
    });
    expect(role.statusCode, role.body).toBeLessThan(300);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
    await opened.close();
  });
  beforeEach(() => {
    smtp.inbox.length = 0;
  });

  it('answers 401 on every endpoint without a session', async () => {
    const anonymous = new Client(app);
    for (const [method, url] of [
      ['GET', '/api/v1/meldingen'],
      ['GET', '/api/v1/meldingen/ongelezen'],
      ['POST', '/api/v1/meldingen/gelezen'],
      ['POST', `/api/v1/meldingen/${caseId}/gelezen`],
    ] as const)
      expect((await anonymous.request(method, url)).statusCode, url).toBe(401);
  });

  it('notify stores one notification per active recipient, however they are named', async () => {
    const inactive = await staffAccount(opened, teamId, ['teamleider'], email('oud'));
    await opened.db
      .updateTable('staff')
      .set({ active: false })
      .where('id', '=', inactive)
      .execute();
    const holders = await caseRoleRecipients(opened.db, caseId, 'casusregie', clock);
    expect(holders).toEqual([staff.get('anne')]);
    const count = await notify(
      opened.db,
      {
        kind: 'voortgangsverslag',
        caseId,
        title: 'Voortgangsverslag ontvangen',
        staffIds: [...holders, staff.get('anne') as string],
        organisationIds: [teamId],
        roles: ['casusregisseur', 'teamleider'],
      },
      new Date('2026-03-04T09:00:00Z'),
    );
    expect(count).toBe(1);
    // A role filter that nobody in the team matches adds no one.
    expect(
      await notify(
        opened.db,
        {
          kind: 'aanpassing',
          caseId: null,
          title: 'Niemand',
          organisationIds: [teamId],
          roles: ['backoffice'],
        },
        clock,
      ),
    ).toBe(0);
    await notify(
      opened.db,
      {
        kind: 'crisis',
        caseId,
        title: 'Crisis gemeld',
        ruleId: 'LEK-TERM-INTAKE-CRISIS-AMB',
        staffIds: holders,
      },
      new Date('2026-03-05T08:00:00Z'),
    );
    const rows = await opened.db.selectFrom('notification').select('staff_id').execute();
    expect(rows.map((r) => r.staff_id)).toEqual([staff.get('anne'), staff.get('anne')]);
  });

  it('lists one’s own notifications newest first, paged, and audits the read', async () => {
    const body = await list('anne');
    expect(body.ongelezen).toBe(2);
    expect(body.totaal).toBe(2);
    expect(body.meldingen.map((m) => [m.soort, m.titel, m.regel, m.gelezenOp])).toEqual([
      ['crisis', 'Crisis gemeld', 'LEK-TERM-INTAKE-CRISIS-AMB', null],
      ['voortgangsverslag', 'Voortgangsverslag ontvangen', null, null],
    ]);
    expect(body.meldingen[0]?.link).toBe(`/casussen/${caseId}`);
    // On 5 March the intake (due 16 March) is not yet near.
    expect(body.termijnen).toMatchObject({ werkdagen: 3, tot: '2026-03-10', items: [] });
    const second = await list('anne', '?pagina=2&perPagina=1');
    expect(second.meldingen.map((m) => m.titel)).toEqual(['Voortgangsverslag ontvangen']);
    expect((await as('anne').request('GET', '/api/v1/meldingen/ongelezen')).json()).toEqual({
      ongelezen: 2,
    });
    const audit = await opened.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'meldingen.lezen')
      .where('staff_id', '=', staff.get('anne') as string)
      .execute();
    expect(audit.length).toBe(2);
    expect((audit[0]?.details as { casussen: string[] }).casussen).toEqual([caseId]);
  });

  it('shows a deadline due within 3 working days, with its rule ID', async () => {
    clock = THU_12_MARCH;
    await login();
    const body = await list('anne');
    expect(body.termijnen.tot).toBe('2026-03-17');
    expect(body.termijnen.items).toContainEqual(
      expect.objectContaining({
        casusId: caseId,
        gezin: 'Gezin Jansen',
        regel: 'LEK-TERM-INTAKE-AMBULANT',
        uiterlijk: '2026-03-16',
        status: 'binnenkort',
      }),
    );
    expect(body.termijnen.items.every((d) => d.status === 'binnenkort')).toBe(true);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    for (const [query, field] of [
      ['?pagina=0', 'querystring.pagina'],
      ['?perPagina=101', 'querystring.perPagina'],
      ['?soort=crisis', 'querystring'],
    ]) {
      const res = await as('anne').request('GET', `/api/v1/meldingen${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(fieldsOf(res.body).join(), query).toContain(field);
    }
    const all = await as('anne').request('POST', '/api/v1/meldingen/gelezen', { alles: true });
    expect(all.statusCode).toBe(400);
    const long = await as('anne').request('POST', `/api/v1/meldingen/${'a'.repeat(65)}/gelezen`);
    expect(long.statusCode).toBe(400);
    expect(fieldsOf(long.body)).toEqual(['params.id']);
    expect((await list('anne')).ongelezen).toBe(2);
  });

  it('never shows or marks another person’s notifications', async () => {
    const [crisis] = (await list('anne')).meldingen;
    const bert = await list('bert');
    expect(bert.meldingen).toEqual([]);
    expect(bert.ongelezen).toBe(0);
    // Another team cannot see the case, so neither its deadlines.
    expect(bert.termijnen.items).toEqual([]);
    const mark = await as('bert').request('POST', `/api/v1/meldingen/${crisis?.id}/gelezen`);
    expect(mark.statusCode).toBe(404);
    // The same answer as for an id that does not exist.
    const unknown = await as('bert').request(
      'POST',
      '/api/v1/meldingen/00000000-0000-4000-8000-000000000000/gelezen',
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual(mark.json());
    const all = await as('bert').request('POST', '/api/v1/meldingen/gelezen');
    expect(all.json()).toEqual({ gemarkeerd: 0 });
    expect((await list('anne')).ongelezen).toBe(2);
  });

  it('management and beheer see their own list, without case deadlines', async () => {
    await notify(
      opened.db,
      {
        kind: 'aanpassing',
        caseId: null,
        title: 'Nieuwe contracten',
        staffIds: [staff.get('beheer') as string],
      },
      clock,
    );
    const beheer = await list('beheer');
    expect(beheer.meldingen.map((m) => m.titel)).toEqual(['Nieuwe contracten']);
    expect(beheer.termijnen.items).toEqual([]);
    const mgmt = await list('mgmt');
    expect(mgmt).toMatchObject({ ongelezen: 0, totaal: 0, meldingen: [] });
    expect(mgmt.termijnen.items).toEqual([]);
    await as('beheer').request('POST', '/api/v1/meldingen/gelezen');
  });

  it('marks one, then all of one’s own notifications as read', async () => {
    const [crisis] = (await list('anne')).meldingen;
    const res = await as('anne').request('POST', `/api/v1/meldingen/${crisis?.id}/gelezen`);
    expect(res.statusCode, res.body).toBe(204);
    const after = await list('anne');
    expect(after.ongelezen).toBe(1);
    expect(after.meldingen[0]?.gelezenOp).toBe(clock.toISOString());
    // Marking again keeps the first moment.
    clock = new Date(clock.getTime() + 60_000);
    expect(
      (await as('anne').request('POST', `/api/v1/meldingen/${crisis?.id}/gelezen`)).statusCode,
    ).toBe(204);
    expect((await list('anne')).meldingen[0]?.gelezenOp).toBe(after.meldingen[0]?.gelezenOp);
    const all = await as('anne').request('POST', '/api/v1/meldingen/gelezen');
    expect(all.json()).toEqual({ gemarkeerd: 1 });
    expect((await list('anne')).ongelezen).toBe(0);
    const actions = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('staff_id', '=', staff.get('anne') as string)
      .where('action', 'in', ['melding.gelezen', 'meldingen.alles-gelezen'])
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'melding.gelezen',
      'meldingen.alles-gelezen',
    ]);
  });

  it('mails the daily digest through SMTP: one mail to whoever has news, none to the rest', async () => {
    clock = FRI_20_MARCH;
    const holders = await caseRoleRecipients(opened.db, caseId, 'casusregie', clock);
    await notify(
      opened.db,
      {
        kind: 'calamiteit',
        caseId,
        title: 'Calamiteit gemeld door de aanbieder',
        staffIds: holders,
      },
      new Date('2026-03-19T15:30:00Z'),
    );
    const mailer = smtpMailer(smtp.url);
    const report = await runDigest(opened.db, profiles, mailer, options(), clock);
    mailer.close();
    expect(report.failed).toEqual([]);
    expect(smtp.inbox.map((m) => m.to)).toEqual([[email('anne')]]);
    const mail = smtp.inbox[0] as Received;
    expect(mail.subject).toMatch(/^Casusregie: 1 nieuwe melding, \d+ verlopen termij/);
    expect(mail.text).toContain('Calamiteit: Calamiteit gemeld door de aanbieder');
    expect(mail.text).toContain('LEK-TERM-INTAKE-AMBULANT: verlopen op 16-03-2026');
    expect(mail.text).toContain(`https://casusregie.test.nl/casussen/${caseId}`);
    // Read notifications are not repeated, and no family is named in an e-mail.
    expect(mail.text).not.toContain('Crisis gemeld');
    expect(mail.text).not.toContain('Jansen');
    expect(mail.html).toContain('LEK-TERM-INTAKE-AMBULANT');
    // bert (no cases), beheer (its notification read) and management have nothing to read.
    expect(report.nothing).toBe(3);
    const audit = await opened.db
      .selectFrom('audit_log')
      .select(['staff_id', 'case_id', 'details'])
      .where('action', '=', 'meldingen.overzicht-gemaild')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.staff_id).toBe(staff.get('anne'));
    expect((audit[0]?.details as { casussen: string[] }).casussen).toEqual([caseId]);
  });

  it('a second run on the same day sends nothing', async () => {
    clock = new Date(FRI_20_MARCH.getTime() + 3 * 3_600_000);
    await notify(
      opened.db,
      {
        kind: 'escalatie',
        caseId,
        title: 'Escalatie gestart',
        staffIds: [staff.get('anne') as string],
      },
      clock,
    );
    const mailer = smtpMailer(smtp.url);
    const report = await runDigest(opened.db, profiles, mailer, options(), clock);
    mailer.close();
    expect(smtp.inbox).toEqual([]);
    expect(report.sent).toEqual([]);
    expect(report.alreadySent).toBe(1);
  });

  it('the next day carries only notifications newer than the last digest', async () => {
    clock = new Date('2026-03-21T06:00:00Z');
    const mailer = smtpMailer(smtp.url);
    await runDigest(opened.db, profiles, mailer, options(), clock);
    mailer.close();
    expect(smtp.inbox.map((m) => m.to)).toEqual([[email('anne')]]);
    const mail = smtp.inbox[0] as Received;
    expect(mail.text).toContain('Escalatie: Escalatie gestart');
    expect(mail.text).not.toContain('Calamiteit gemeld');
    expect(mail.text).toContain('LEK-TERM-INTAKE-AMBULANT');
  });

  it('a mail that cannot be sent is tried again on the next run', async () => {
    clock = new Date('2026-03-23T06:00:00Z');
    const before = await opened.db.selectFrom('digest_run').selectAll().execute();
    const closed = await startSmtp();
    await closed.close();
    const broken = smtpMailer(closed.url);
    const failed = await runDigest(opened.db, profiles, broken, options(), clock);
    broken.close();
    expect(failed.failed.map((f) => f.email)).toEqual([email('anne')]);
    expect(await opened.db.selectFrom('digest_run').selectAll().execute()).toEqual(before);
    const mailer = smtpMailer(smtp.url);
    const retried = await runDigest(opened.db, profiles, mailer, options(), clock);
    mailer.close();
    expect(retried.sent.map((s) => s.email)).toEqual([email('anne')]);
    expect(smtp.inbox).toHaveLength(1);
  });
});
