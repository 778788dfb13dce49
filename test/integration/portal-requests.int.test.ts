/**
 * What a family member asks for and writes in the family portal (issue 10, ADR 0026) on PGlite
 * and, with TEST_DATABASE_URL, PostgreSQL: asking for a casusregisseur, asking for inspection or
 * a copy of the record, and their own notes — and what the professional side sees of each.
 * Gezin Visser on 12 March 2026, route A (the family holds casusregie from the registration):
 * mother Kim, Noor (born 15 January 2012: 14) and Daan (born 1 June 2009: 16). The team lead
 * of the responsible local team is also its casusregisseur; a colleague is only a casusregisseur.
 * Portal sessions are made directly; the cookie and CSRF token are sent as a browser would.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { createPortalSession } from '../../src/server/portal/sessions.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { PORTAL_RECORDER } from '../../src/store/record-requests.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface Requests {
  gezinHeeftCasusregie: boolean;
  casusregisseurGevraagd: { op: string; reden: string | null } | null;
  casusregisseurAfgewezen: { op: string; toelichting: string } | null;
  casusregisseurVragenKanNiet: string | null;
  dossierverzoeken: { id: string; soort: string; vorm: string | null; status: string }[];
  dossierVragenKanNiet: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

describe.each(engines)('family portal requests and notes on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const now = new Date('2026-03-12T15:00:00+01:00');
  const clock = { now: () => now };
  let lead: Client;
  let colleague: Client;
  let colleagueId = '';
  let leadId = '';
  let team = '';
  let caseId = '';
  let otherCaseId = '';
  const person: Record<string, string> = {};
  const sessions = new Map<string, { token: string; csrfToken: string }>();

  const as = async (who: string) => {
    let session = sessions.get(who);
    if (!session) {
      session = await createPortalSession(opened.db, person[who] as string, now);
      sessions.set(who, session);
    }
    return session;
  };
  const portal = async (
    who: string,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    csrf = true,
  ) => {
    const s = await as(who);
    const headers: Record<string, string> = { cookie: `casusregie_portaal=${s.token}` };
    if (csrf) headers['x-csrf-token'] = s.csrfToken;
    return app.inject({
      method,
      url: `/api/v1/portaal${url}`,
      headers,
      ...(payload ? { payload } : {}),
    });
  };
  const requestsOf = async (who: string) => {
    const res = await portal(who, 'GET', `/casussen/${caseId}/verzoeken`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Requests;
  };
  const fields = (body: string) =>
    ((JSON.parse(body) as ErrorBody).error.fields ?? []).map((f) => f.path);
  const auditOf = (action: string) =>
    opened.db
      .selectFrom('audit_log')
      .select(['role', 'staff_id', 'case_id', 'details'])
      .where('action', '=', action)
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
  const eventsOfType = (type: string) =>
    opened.db
      .selectFrom('case_event')
      .select(['note', 'recorded_by'])
      .where('case_id', '=', caseId)
      .where('type', '=', type)
      .execute();

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const leadEmail = `lead-${engine}@verzoeken.nl`;
    leadId = await staffAccount(opened, team, ['teamleider', 'casusregisseur'], leadEmail);
    lead = new Client(app);
    expect((await lead.login(leadEmail)).statusCode).toBe(200);
    const colleagueEmail = `collega-${engine}@verzoeken.nl`;
    colleagueId = await staffAccount(opened, team, ['casusregisseur'], colleagueEmail);
    colleague = new Client(app);
    expect((await colleague.login(colleagueEmail)).statusCode).toBe(200);
    // A back-office colleague of the same team gets no notification (not a regie role).
    await staffAccount(opened, team, ['backoffice'], `backoffice-${engine}@verzoeken.nl`);

    const created = await lead.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'ZTM',
        gezin: { naam: 'Gezin Visser' },
        jeugdigen: [
          { naam: 'Noor Visser', geboortedatum: '2012-01-15', bsn: freshBsn() },
          { naam: 'Daan Visser', geboortedatum: '2009-06-01', bsn: freshBsn() },
        ],
        ouders: [{ naam: 'Kim Visser', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const other = await lead.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({ regio: 'ZTM', gezin: { naam: 'Gezin Smit' } }),
    );
    otherCaseId = (other.json() as { id: string }).id;
    const people = await opened.db
      .selectFrom('person')
      .innerJoin('casus', 'casus.household_id', 'person.household_id')
      .select(['person.id', 'person.name'])
      .where('casus.id', '=', caseId)
      .execute();
    for (const p of people) person[p.name.split(' ')[0]?.toLowerCase() ?? ''] = p.id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('shows each person what they may ask: a casusregisseur the parent and the 16-year-old, the record everyone', async () => {
    const kim = await requestsOf('kim');
    expect(kim).toEqual({
      gezinHeeftCasusregie: true,
      casusregisseurGevraagd: null,
      casusregisseurAfgewezen: null,
      casusregisseurVragenKanNiet: null,
      dossierverzoeken: [],
      dossierVragenKanNiet: null,
    });
    expect((await requestsOf('daan')).casusregisseurVragenKanNiet).toBeNull();
    const noor = await requestsOf('noor');
    expect(noor.casusregisseurVragenKanNiet).toContain('samen met je ouders');
    // From 12 the right to inspect the record is the young person's own (Jeugdwet 7.3.10, 7.3.15).
    expect(noor.dossierVragenKanNiet).toBeNull();
    const read = await auditOf('portaal.verzoeken-lezen');
    expect(read[0]).toMatchObject({ role: 'burger', staff_id: null, case_id: caseId });
  });

  it('refuses the 14-year-old (403) and a too long reason (400), naming the field, storing nothing', async () => {
    const young = await portal('noor', 'POST', `/casussen/${caseId}/casusregisseur-vragen`, {});
    expect(young.statusCode, young.body).toBe(403);
    expect(fields(young.body)).toEqual(['body.casusregisseur']);
    const long = await portal('kim', 'POST', `/casussen/${caseId}/casusregisseur-vragen`, {
      reden: 'x'.repeat(501),
    });
    expect(long.statusCode, long.body).toBe(400);
    expect(fields(long.body)).toEqual(['body.reden']);
    expect(await eventsOfType('casusregisseur-gevraagd')).toEqual([]);
    expect(await auditOf('portaal.casusregisseur-vragen')).toEqual([]);
  });

  it('refuses a change without the portal CSRF token (403)', async () => {
    const res = await portal(
      'kim',
      'POST',
      `/casussen/${caseId}/notities`,
      { tekst: 'zonder token', gedeeld: false },
      false,
    );
    expect(res.statusCode).toBe(403);
  });

  it('asks for a casusregisseur: the timeline, the team’s regie staff are told, audited', async () => {
    const res = await portal('kim', 'POST', `/casussen/${caseId}/casusregisseur-vragen`, {
      reden: 'Het wordt mij te veel naast mijn werk.',
    });
    expect(res.statusCode, res.body).toBe(201);
    // The professional case page shows it on the timeline, not recorded by a staff member.
    const casus = await lead.request('GET', `/api/v1/casussen/${caseId}`);
    const timeline = (casus.json() as { tijdlijn: { type: string; notitie: string | null }[] })
      .tijdlijn;
    expect(timeline.filter((e) => e.type === 'casusregisseur-gevraagd')).toEqual([
      expect.objectContaining({ notitie: 'Het wordt mij te veel naast mijn werk.' }),
    ]);
    expect(await eventsOfType('casusregisseur-gevraagd')).toEqual([
      { note: 'Het wordt mij te veel naast mijn werk.', recorded_by: null },
    ]);
    // The team lead and the casusregisseur of the responsible team, not the back office.
    for (const client of [lead, colleague]) {
      const list = await client.request('GET', '/api/v1/meldingen');
      const titles = (list.json() as { meldingen: { titel: string; casusId: string }[] }).meldingen;
      expect(titles).toContainEqual(
        expect.objectContaining({
          titel: 'Het gezin vraagt om een casusregisseur',
          casusId: caseId,
        }),
      );
    }
    const notified = await opened.db
      .selectFrom('notification')
      .select('staff_id')
      .where('case_id', '=', caseId)
      .where('title', '=', 'Het gezin vraagt om een casusregisseur')
      .execute();
    expect(notified).toHaveLength(2);
    const audit = await auditOf('portaal.casusregisseur-vragen');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      role: 'burger',
      staff_id: null,
      details: { persoon: person['kim'], reden: true, gemeld: 2 },
    });
    // The portal shows the open request to everyone in the family.
    expect((await requestsOf('daan')).casusregisseurGevraagd).toEqual({
      op: now.toISOString(),
      reden: 'Het wordt mij te veel naast mijn werk.',
    });
  });

  it('answers 409 to a second request while the first is open, in plain words', async () => {
    const res = await portal('daan', 'POST', `/casussen/${caseId}/casusregisseur-vragen`, {});
    expect(res.statusCode, res.body).toBe(409);
    expect((res.json() as ErrorBody).error.message).toContain('al om een casusregisseur');
    expect(fields(res.body)).toEqual(['body.casusregisseur']);
    expect(await eventsOfType('casusregisseur-gevraagd')).toHaveLength(1);
  });

  it('the team declines the open request with an explanation the family reads; the family may ask again', async () => {
    const staffUrl = `/api/v1/casussen/${caseId}/casusregisseur-verzoek`;
    const seen = await colleague.request('GET', staffUrl);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toEqual({
      gezinHeeftCasusregie: true,
      open: { op: now.toISOString(), reden: 'Het wordt mij te veel naast mijn werk.' },
      afgewezen: null,
      magBeantwoorden: true,
    });
    // Without an explanation for the family: 400 naming the field, nothing stored.
    const empty = await colleague.request('POST', `${staffUrl}/afwijzing`, { toelichting: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(fields(empty.body)).toEqual(['body.toelichting']);
    expect(await eventsOfType('casusregisseur-afgewezen')).toEqual([]);

    const why = 'Wij bellen u eerst om samen te kijken wat u naast uw werk nodig heeft.';
    const declined = await colleague.request('POST', `${staffUrl}/afwijzing`, { toelichting: why });
    expect(declined.statusCode, declined.body).toBe(201);
    expect(await eventsOfType('casusregisseur-afgewezen')).toEqual([
      { note: why, recorded_by: colleagueId },
    ]);
    expect(await auditOf('casusregisseur-verzoek.afwijzen')).toEqual([
      expect.objectContaining({ staff_id: colleagueId, case_id: caseId }),
    ]);
    // Nothing is open any more: a second decline is 409.
    const again = await colleague.request('POST', `${staffUrl}/afwijzing`, { toelichting: why });
    expect(again.statusCode).toBe(409);
    expect(fields(again.body)).toEqual(['body.verzoek']);

    // The family reads why, and may ask again.
    const kim = await requestsOf('kim');
    expect(kim.casusregisseurGevraagd).toBeNull();
    expect(kim.casusregisseurAfgewezen).toEqual({ op: now.toISOString(), toelichting: why });
    expect(kim.casusregisseurVragenKanNiet).toBeNull();
    const asked = await portal('kim', 'POST', `/casussen/${caseId}/casusregisseur-vragen`, {
      reden: 'Na het gesprek: toch graag.',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const open = await requestsOf('kim');
    expect(open.casusregisseurGevraagd?.reden).toBe('Na het gesprek: toch graag.');
    expect(open.casusregisseurAfgewezen).toBeNull();
    expect(((await lead.request('GET', staffUrl)).json() as { open: unknown }).open).toEqual({
      op: now.toISOString(),
      reden: 'Na het gesprek: toch graag.',
    });
  });

  it('refuses to decline on a closed case (409), naming why', async () => {
    await opened.db
      .updateTable('casus')
      .set({ closed_at: now })
      .where('id', '=', otherCaseId)
      .execute();
    try {
      const res = await lead.request(
        'POST',
        `/api/v1/casussen/${otherCaseId}/casusregisseur-verzoek/afwijzing`,
        { toelichting: 'Niet meer nodig.' },
      );
      expect(res.statusCode).toBe(409);
      expect((res.json() as ErrorBody).error.message).toContain('afgesloten');
    } finally {
      await opened.db
        .updateTable('casus')
        .set({ closed_at: null })
        .where('id', '=', otherCaseId)
        .execute();
    }
  });

  it('asks for a copy of the record: it lands in the professional list of record requests', async () => {
    const wrong = await portal('kim', 'POST', `/casussen/${caseId}/inzageverzoeken`, {
      soort: 'alles',
    });
    expect(wrong.statusCode).toBe(400);
    expect(await opened.db.selectFrom('record_request').select('id').execute()).toEqual([]);

    const kim = await portal('kim', 'POST', `/casussen/${caseId}/inzageverzoeken`, {
      soort: 'afschrift',
    });
    expect(kim.statusCode, kim.body).toBe(201);
    // Daan is 16: for his part the parent needs his consent (Jeugdwet 7.3.11 lid 2 b).
    expect((kim.json() as { waarschuwingen: string[] }).waarschuwingen[0]).toContain('16 jaar');
    const daan = await portal('daan', 'POST', `/casussen/${caseId}/inzageverzoeken`, {
      soort: 'inzage',
    });
    expect(daan.statusCode, daan.body).toBe(201);
    expect((daan.json() as { waarschuwingen: string[] }).waarschuwingen).toEqual([]);
    // Noor is 14: the right to inspect her own record is hers (Jeugdwet 7.3.10, 7.3.15 lid 1).
    const noor = await portal('noor', 'POST', `/casussen/${caseId}/inzageverzoeken`, {
      soort: 'inzage',
    });
    expect(noor.statusCode, noor.body).toBe(201);
    expect((noor.json() as { waarschuwingen: string[] }).waarschuwingen).toEqual([]);

    const list = await lead.request('GET', `/api/v1/casussen/${caseId}/dossierverzoeken`);
    expect(list.statusCode, list.body).toBe(200);
    const requests = (
      list.json() as {
        verzoeken: {
          soort: string;
          persoon: string;
          ontvangenOp: string;
          vastgelegdDoor: string;
        }[];
      }
    ).verzoeken;
    expect(requests.map((r) => r.persoon).sort()).toEqual([
      'Daan Visser',
      'Kim Visser',
      'Noor Visser',
    ]);
    for (const r of requests)
      expect(r).toMatchObject({
        soort: 'inzage-afschrift',
        ontvangenOp: '2026-03-12',
        vastgelegdDoor: PORTAL_RECORDER,
      });
    const audit = await auditOf('portaal.dossierverzoek');
    expect(audit.map((a) => (a.details as { soort: string }).soort)).toEqual([
      'afschrift',
      'inzage',
      'inzage',
    ]);
    expect(audit[0]).toMatchObject({ role: 'burger', staff_id: null });
  });

  it('shows each person the status of their own requests only, ready once exported', async () => {
    const kim = (await requestsOf('kim')).dossierverzoeken;
    expect(kim).toEqual([
      expect.objectContaining({
        soort: 'inzage-afschrift',
        vorm: 'afschrift',
        status: 'in-behandeling',
      }),
    ]);
    // Noor sees her own request (inzage), not her mother's (afschrift).
    expect((await requestsOf('noor')).dossierverzoeken).toEqual([
      expect.objectContaining({ vorm: 'inzage', status: 'in-behandeling' }),
    ]);
    const exported = await lead.request(
      'GET',
      `/api/v1/casussen/${caseId}/dossierverzoeken/${kim[0]?.id}/dossier.json`,
    );
    expect(exported.statusCode, exported.body).toBe(200);
    expect((await requestsOf('kim')).dossierverzoeken[0]?.status).toBe('klaar');
    expect((await requestsOf('daan')).dossierverzoeken[0]).toMatchObject({
      vorm: 'inzage',
      status: 'in-behandeling',
    });
  });

  it('keeps own notes private to the writer; shared ones reach the casusregie side only', async () => {
    const empty = await portal('kim', 'POST', `/casussen/${caseId}/notities`, {
      tekst: '   ',
      gedeeld: false,
    });
    expect(empty.statusCode).toBe(400);
    expect(fields(empty.body)).toEqual(['body.tekst']);
    const long = await portal('kim', 'POST', `/casussen/${caseId}/notities`, {
      tekst: 'a'.repeat(2001),
      gedeeld: false,
    });
    expect(long.statusCode).toBe(400);
    expect(fields(long.body)).toEqual(['body.tekst']);
    for (const [text, shared] of [
      ['KIM-PRIVE: ik maak me zorgen over geld', false],
      ['KIM-GEDEELD: het gaat beter met slapen', true],
    ] as const) {
      const res = await portal('kim', 'POST', `/casussen/${caseId}/notities`, {
        tekst: text,
        gedeeld: shared,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const noorWrites = await portal('noor', 'POST', `/casussen/${caseId}/notities`, {
      tekst: 'NOOR: school is leuk',
      gedeeld: false,
    });
    expect(noorWrites.statusCode).toBe(201);

    const kimNotes = await portal('kim', 'GET', `/casussen/${caseId}/notities`);
    expect(
      (kimNotes.json() as { notities: { tekst: string; gedeeld: boolean }[] }).notities
        .map((n) => [n.tekst.slice(0, 12), n.gedeeld])
        .sort(),
    ).toEqual([
      ['KIM-GEDEELD:', true],
      ['KIM-PRIVE: i', false],
    ]);
    // The 14-year-old sees her own note, none of her mother's, shared or not.
    const noorNotes = await portal('noor', 'GET', `/casussen/${caseId}/notities`);
    expect(noorNotes.statusCode).toBe(200);
    expect(noorNotes.body).not.toContain('KIM-');
    expect((noorNotes.json() as { notities: { tekst: string }[] }).notities).toEqual([
      expect.objectContaining({ tekst: 'NOOR: school is leuk', gedeeld: false }),
    ]);

    const shared = await lead.request('GET', `/api/v1/casussen/${caseId}/gezinsnotities`);
    expect(shared.statusCode, shared.body).toBe(200);
    expect((shared.json() as { notities: unknown[] }).notities).toEqual([
      expect.objectContaining({
        schrijver: 'Kim Visser',
        tekst: 'KIM-GEDEELD: het gaat beter met slapen',
      }),
    ]);
    expect(shared.body).not.toContain('KIM-PRIVE');
    expect(shared.body).not.toContain('NOOR');

    // Audited without the text.
    const made = await auditOf('portaal.notitie-maken');
    expect(made).toHaveLength(3);
    expect(JSON.stringify(made)).not.toContain('KIM-');
    expect(made[1]).toMatchObject({
      role: 'burger',
      staff_id: null,
      details: { persoon: person['kim'], gedeeld: true },
    });
    expect((await auditOf('portaal.notities-lezen')).length).toBe(2);
    expect((await auditOf('gezinsnotities.lezen'))[0]?.staff_id).toBe(leadId);
  });

  it('answers 404 for another household’s case, as for one that does not exist', async () => {
    for (const id of [otherCaseId, '00000000-0000-4000-8000-000000000000', 'geen-id']) {
      expect((await portal('kim', 'GET', `/casussen/${id}/verzoeken`)).statusCode, id).toBe(404);
      expect((await portal('kim', 'GET', `/casussen/${id}/notities`)).statusCode, id).toBe(404);
      const note = await portal('kim', 'POST', `/casussen/${id}/notities`, {
        tekst: 'x',
        gedeeld: false,
      });
      expect(note.statusCode, id).toBe(404);
      const ask = await portal('kim', 'POST', `/casussen/${id}/casusregisseur-vragen`, {});
      expect(ask.statusCode, id).toBe(404);
      const copy = await portal('kim', 'POST', `/casussen/${id}/inzageverzoeken`, {
        soort: 'inzage',
      });
      expect(copy.statusCode, id).toBe(404);
    }
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/portaal/casussen/${caseId}/notities`,
    });
    expect(res.statusCode).toBe(401);
  });

  it('answers 409 once a professional holds casusregie: the request was answered', async () => {
    await opened.db
      .updateTable('case_role')
      .set({ ends_at: new Date('2026-03-12T14:00:00+01:00') })
      .where('case_id', '=', caseId)
      .where('role', '=', 'casusregie')
      .execute();
    await opened.db
      .insertInto('case_role')
      .values({
        case_id: caseId,
        role: 'casusregie',
        holder: 'professional',
        organisation_id: team,
        staff_id: leadId,
        starts_at: new Date('2026-03-12T14:00:00+01:00'),
        ends_at: null,
        reason: 'op verzoek van het gezin',
        created_by: leadId,
      })
      .execute();
    const view = await requestsOf('kim');
    expect(view).toMatchObject({ gezinHeeftCasusregie: false, casusregisseurGevraagd: null });
    expect(view.casusregisseurVragenKanNiet).toContain('al een casusregisseur');
    const res = await portal('kim', 'POST', `/casussen/${caseId}/casusregisseur-vragen`, {});
    expect(res.statusCode, res.body).toBe(409);
  });

  it('destroys the notes with the record (Jeugdwet 7.3.9)', async () => {
    expect(
      await opened.db
        .selectFrom('family_note')
        .select('id')
        .where('case_id', '=', caseId)
        .execute(),
    ).toHaveLength(3);
    const asked = await lead.request('POST', `/api/v1/casussen/${caseId}/dossierverzoeken`, {
      soort: 'vernietiging',
      persoonId: person['kim'],
      ontvangenOp: '2026-03-12',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const decided = await lead.request(
      'POST',
      `/api/v1/casussen/${caseId}/dossierverzoeken/${(asked.json() as { id: string }).id}/besluit`,
      { besluit: 'vernietigen' },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const left = await sql<{ n: string }>`
      select count(*) as n from family_note where case_id = ${caseId}
    `.execute(opened.db);
    expect(Number(left.rows[0]?.n)).toBe(0);
    expect(
      await opened.db
        .selectFrom('record_request')
        .select('id')
        .where('case_id', '=', caseId)
        .execute(),
    ).toEqual([]);
  });
});
