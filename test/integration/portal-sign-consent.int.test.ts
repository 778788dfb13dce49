/**
 * Signing the plan and giving or withdrawing consent in the family portal (issue 10, ADR 0026)
 * on PGlite and, with TEST_DATABASE_URL, PostgreSQL. Gezin Bakker on 12 March 2026: parents Kim
 * and Bas, Noor (born 15 January 2012: 14), Daan (born 1 June 2009: 16) and Mila (born 1 May
 * 2018: 7). The team's casusregisseur made an ondersteuningsplan (a concept) and recorded that
 * Kim, Bas and Noor consent to sharing with the school. Portal sessions are made directly; the
 * cookie and the portal CSRF token are sent as the browser would.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { createPortalSession } from '../../src/server/portal/sessions.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
interface Signing {
  plannen: {
    id: string;
    versies: {
      versie: number;
      status: string;
      handtekeningen: { naam: string; methode: string; geldig: boolean }[];
      nogNodig: string[];
      doelen: string[];
    }[];
    jij: { magTekenen: boolean; getekend: boolean; moetNogTekenen: boolean; reden: string | null };
  }[];
}
interface Consents {
  ontvangers: {
    soort: string;
    eigen: { status: string; datum: string | null; doel: string | null; manier: string | null };
    anderen: { naam: string; status: string }[];
  }[];
}

const goal = (id: string, omschrijving: string) => ({
  id,
  resultaatgebied: 'opvoeden-en-opgroeien',
  omschrijving,
  meetbaarResultaat: 'afgesproken met het gezin',
  eigenaar: { soort: 'gezin', naam: 'het gezin' },
  streefdatum: '2026-09-01',
  voortgang: 'loopt',
});

describe.each(engines)('signing and consent in the family portal on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const now = new Date('2026-03-12T15:00:00+01:00');
  let later = 0;
  /** Fixed, except where a test needs a later moment on the same day (`later` ms on). */
  const clock = { now: () => new Date(now.getTime() + later) };
  let lead: Client;
  let caseId = '';
  let otherCaseId = '';
  let planId = '';
  const person: Record<string, string> = {};

  /** A request as a family member in the portal, with the session's CSRF token on writes. */
  const portal = async (
    who: string,
    method: 'GET' | 'POST',
    url: string,
    body?: object,
    csrf = true,
  ) => {
    const session = await createPortalSession(opened.db, person[who] as string, clock.now());
    const headers: Record<string, string> = { cookie: `casusregie_portaal=${session.token}` };
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = session.csrfToken;
    return app.inject({
      method,
      url,
      headers,
      ...(body ? { payload: body } : {}),
    });
  };
  const signUrl = () => `/api/v1/portaal/casussen/${caseId}/plannen/${planId}/ondertekenen`;
  const consentUrl = (id = caseId) => `/api/v1/portaal/casussen/${id}/toestemmingen`;
  const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;
  const auditOf = (action: string, who: string) =>
    opened.db
      .selectFrom('audit_log')
      .select(['role', 'staff_id', 'case_id', 'details'])
      .where('action', '=', action)
      .where(sql<boolean>`details->>'persoon' = ${person[who] as string}`)
      .execute();
  const shareWithSchool = (grondslag: 'toestemming' | 'afweging' = 'toestemming') =>
    lead.request('POST', `/api/v1/casussen/${caseId}/gegevensdeling`, {
      wat: 'rooster en aanwezigheid van Noor',
      ontvangerSoort: 'school',
      ontvanger: 'OBS De Regenboog',
      grondslag,
      toestemmingVerwijzing: 'toestemming ouders en Noor, 6-3-2026',
    });

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const email = `regie-${engine}@portaal-tekenen.nl`;
    await staffAccount(opened, team, ['teamleider', 'casusregisseur'], email);
    lead = new Client(app);
    expect((await lead.login(email)).statusCode).toBe(200);
    const created = await lead.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'ZTM',
        gezin: { naam: 'Gezin Bakker' },
        jeugdigen: [
          { naam: 'Noor Bakker', geboortedatum: '2012-01-15', bsn: freshBsn() },
          { naam: 'Daan Bakker', geboortedatum: '2009-06-01', bsn: freshBsn() },
          { naam: 'Mila Bakker', geboortedatum: '2018-05-01', bsn: freshBsn() },
        ],
        ouders: [
          { naam: 'Kim Bakker', soort: 'ouder' },
          { naam: 'Bas Bakker', soort: 'ouder' },
        ],
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

    const plan = await lead.request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: '2026-03-10',
      inhoud: { doelen: [goal('rust', 'Er is meer rust in huis')] },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    planId = (plan.json() as { id: string }).id;

    for (const who of ['kim', 'bas', 'noor']) {
      const res = await lead.request('POST', `/api/v1/casussen/${caseId}/toestemmingen`, {
        persoonId: person[who],
        ontvanger: 'school',
        organisatieId: null,
        doel: 'afstemming over Noor',
        stand: 'gegeven',
        datum: '2026-03-06',
        wijze: 'mondeling',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('shows the parent the concept, who must still sign, and that she must too', async () => {
    const res = await portal('kim', 'GET', `/api/v1/portaal/casussen/${caseId}/ondertekenen`);
    expect(res.statusCode, res.body).toBe(200);
    const plan = (res.json() as Signing).plannen[0];
    expect(plan?.versies).toEqual([
      {
        versie: 1,
        status: 'concept',
        handtekeningen: [],
        // ZTM-DEC-SIGN: both parents, and the young people of 12 and older (Noor 14, Daan 16);
        // not Mila (7).
        nogNodig: ['Kim Bakker', 'Bas Bakker', 'Noor Bakker', 'Daan Bakker'],
        doelen: ['Er is meer rust in huis'],
      },
    ]);
    expect(plan?.jij).toEqual({
      magTekenen: true,
      getekend: false,
      moetNogTekenen: true,
      reden: null,
    });
  });

  it('lets the parent sign once, for herself, with the concept’s content hash; twice is 409', async () => {
    const first = await portal('kim', 'POST', signUrl());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ versie: 1 });
    const rows = await opened.db
      .selectFrom('plan_signature')
      .innerJoin('plan_version', 'plan_version.id', 'plan_signature.plan_version_id')
      .select([
        'plan_signature.person_id',
        'plan_signature.method',
        'plan_signature.recorded_by',
        'plan_signature.content_hash',
        'plan_version.content_hash as conceptHash',
      ])
      .where('plan_version.plan_id', '=', planId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      person_id: person['kim'],
      method: 'gezinsportaal',
      recorded_by: null,
    });
    expect(rows[0]?.content_hash).toBe(rows[0]?.conceptHash);

    const second = await portal('kim', 'POST', signUrl());
    expect(second.statusCode).toBe(409);
    expect(errorOf(second.body).message).toBe('U heeft deze versie van het plan al ondertekend.');

    const view = (
      await portal('kim', 'GET', `/api/v1/portaal/casussen/${caseId}/ondertekenen`)
    ).json() as Signing;
    expect(view.plannen[0]?.jij).toMatchObject({ getekend: true, moetNogTekenen: false });
    expect(view.plannen[0]?.versies[0]?.nogNodig).toEqual([
      'Bas Bakker',
      'Noor Bakker',
      'Daan Bakker',
    ]);
    expect(view.plannen[0]?.versies[0]?.handtekeningen).toEqual([
      expect.objectContaining({ naam: 'Kim Bakker', methode: 'gezinsportaal', geldig: true }),
    ]);

    const signed = await auditOf('portaal.plan-ondertekenen', 'kim');
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatchObject({ role: 'burger', staff_id: null, case_id: caseId });
    expect(await auditOf('portaal.plan-ondertekenen-geweigerd', 'kim')).toHaveLength(1);
  });

  it('lets the 14-year-old sign too (ZTM-DEC-SIGN from 12), in "je"', async () => {
    expect((await portal('noor', 'POST', signUrl())).statusCode).toBe(201);
    const again = await portal('noor', 'POST', signUrl());
    expect(errorOf(again.body).message).toBe('Je hebt deze versie van het plan al ondertekend.');
  });

  it('signs once when the other parent taps twice at the same moment; the second tap is 409', async () => {
    const taps = await Promise.all([
      portal('bas', 'POST', signUrl()),
      portal('bas', 'POST', signUrl()),
    ]);
    expect(taps.map((t) => t.statusCode).sort()).toEqual([201, 409]);
    const rows = await opened.db
      .selectFrom('plan_signature')
      .innerJoin('plan_version', 'plan_version.id', 'plan_signature.plan_version_id')
      .select('plan_signature.id')
      .where('plan_version.plan_id', '=', planId)
      .where('plan_signature.person_id', '=', person['bas'] ?? '')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('voids the signature when the professional changes the concept: she signs again', async () => {
    const { revisie } = (await lead.request('GET', `/api/v1/plannen/${planId}`)).json() as {
      revisie: number;
    };
    const revised = await lead.request('PUT', `/api/v1/plannen/${planId}/concept`, {
      ingangsdatum: '2026-03-10',
      basisRevisie: revisie,
      inhoud: {
        doelen: [goal('rust', 'Er is meer rust in huis'), goal('slaap', 'Mila slaapt door')],
      },
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const view = (
      await portal('kim', 'GET', `/api/v1/portaal/casussen/${caseId}/ondertekenen`)
    ).json() as Signing;
    expect(view.plannen[0]?.jij).toMatchObject({ getekend: false, moetNogTekenen: true });
    // Kim's, Noor's and Bas's signatures were for the old content.
    expect(view.plannen[0]?.versies[0]?.handtekeningen.map((h) => h.geldig)).toEqual([
      false,
      false,
      false,
    ]);
    expect((await portal('kim', 'POST', signUrl())).statusCode).toBe(201);
  });

  it('refuses signing without a concept (409), another household’s case (404), no session (401), no CSRF (403)', async () => {
    await opened.db
      .updateTable('plan_version')
      .set({ status: 'vastgesteld', fixed_at: now })
      .where('plan_id', '=', planId)
      .execute();
    try {
      const none = await portal('bas', 'POST', signUrl());
      expect(none.statusCode).toBe(409);
      expect(errorOf(none.body).message).toContain(
        'Er is geen versie van dit plan om te ondertekenen',
      );
    } finally {
      await opened.db
        .updateTable('plan_version')
        .set({ status: 'concept', fixed_at: null })
        .where('plan_id', '=', planId)
        .execute();
    }
    const other = await portal(
      'bas',
      'POST',
      `/api/v1/portaal/casussen/${otherCaseId}/plannen/${planId}/ondertekenen`,
    );
    expect(other.statusCode).toBe(404);
    expect((await portal('bas', 'POST', signUrl(), undefined, false)).statusCode).toBe(403);
    expect((await lead.request('POST', signUrl())).statusCode).toBe(401);
    // Mila is 7: the portal does not let her in at all.
    expect((await portal('mila', 'POST', signUrl())).statusCode).toBe(401);
  });

  it('refuses a 14-year-old who withdraws consent for her brother (403), and stores nothing', async () => {
    const before = await opened.db
      .selectFrom('consent')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const res = await portal('noor', 'POST', consentUrl(), {
      ontvangerSoort: 'school',
      status: 'ingetrokken',
      persoonId: person['daan'],
    });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res.body).fields).toEqual([
      {
        path: 'persoonId',
        message:
          'Je kunt alleen je eigen toestemming geven of intrekken, niet die van Daan Bakker.',
      },
    ]);
    const after = await opened.db
      .selectFrom('consent')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const refused = await auditOf('portaal.toestemming-geweigerd', 'noor');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ role: 'burger', staff_id: null, case_id: caseId });
    expect(refused[0]?.details).toMatchObject({ voorPersoon: person['daan'] });
  });

  it('refuses bad input (400) and another household’s case (404), storing nothing', async () => {
    const bad = await portal('kim', 'POST', consentUrl(), {
      ontvangerSoort: 'buurman',
      status: 'ingetrokken',
    });
    expect(bad.statusCode).toBe(400);
    const other = await portal('kim', 'POST', consentUrl(otherCaseId), {
      ontvangerSoort: 'school',
      status: 'ingetrokken',
    });
    expect(other.statusCode).toBe(404);
    const kims = await opened.db
      .selectFrom('consent')
      .select('id')
      .where('person_id', '=', person['kim'] as string)
      .execute();
    expect(kims).toHaveLength(1);
  });

  it('withdraws the parent’s consent for the school; the next share to the school is refused', async () => {
    // Before: every required person consented, so sharing on consent goes ahead.
    const before = await shareWithSchool();
    expect(before.statusCode, before.body).toBe(201);

    const res = await portal('kim', 'POST', consentUrl(), {
      ontvangerSoort: 'school',
      status: 'ingetrokken',
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await opened.db
      .selectFrom('consent')
      .selectAll()
      .where('id', '=', (res.json() as { id: string }).id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      person_id: person['kim'],
      recipient_kind: 'school',
      organisation_id: null,
      status: 'ingetrokken',
      manner: 'digitaal',
      recorded_by: null,
      // The purpose of her previous statement for the school.
      purpose: 'afstemming over Noor',
    });
    expect(String(row.given_on).slice(0, 10)).toBe('2026-03-12');

    const refused = await shareWithSchool();
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused.body).message).toBe(
      'Toestemming ingetrokken: Kim Bakker heeft op 12-03-2026 (digitaal) de toestemming ingetrokken om gegevens te delen met school (doel: afstemming over Noor). Met toestemming als grondslag worden deze gegevens daarom niet gedeeld (Jeugdwet artikel 7.3.11).',
    );
    const decisions = await opened.db
      .selectFrom('sharing_decision')
      .select('id')
      .where('case_id', '=', caseId)
      .execute();
    expect(decisions).toHaveLength(1);

    const audit = await auditOf('portaal.toestemming-intrekken', 'kim');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ role: 'burger', staff_id: null, case_id: caseId });
    expect(audit[0]?.details).toMatchObject({ ontvangerSoort: 'school', consentId: row.id });

    // The professional's register shows who recorded it: the parent herself, in the portal.
    const register = await lead.request('GET', `/api/v1/casussen/${caseId}/toestemmingen`);
    expect(register.statusCode, register.body).toBe(200);
    expect(register.body).toContain('zelf, in het gezinsportaal');
  });

  it('shows each person their own statement per recipient, and what they may see of others', async () => {
    const kim = (await portal('kim', 'GET', consentUrl())).json() as Consents;
    const school = kim.ontvangers.find((o) => o.soort === 'school');
    expect(school?.eigen).toEqual({
      status: 'ingetrokken',
      datum: '2026-03-12',
      doel: 'afstemming over Noor',
      manier: 'digitaal',
    });
    // Bas's statement is for the children (the family sees it); Noor is 14, so her parents see hers.
    expect(school?.anderen.map((a) => `${a.naam}: ${a.status}`)).toEqual([
      'Noor Bakker: gegeven',
      'Bas Bakker: gegeven',
    ]);
    expect(kim.ontvangers.find((o) => o.soort === 'huisarts')?.eigen.status).toBe(
      'nog-niet-gevraagd',
    );
    expect(await auditOf('portaal.toestemming-lezen', 'kim')).toHaveLength(1);

    // Daan (16) gives his own consent for the huisarts; his parents do not see it (WGBO 7:457).
    const daan = await portal('daan', 'POST', consentUrl(), {
      ontvangerSoort: 'huisarts',
      status: 'gegeven',
      doel: 'overleg met de huisarts over slapen',
    });
    expect(daan.statusCode, daan.body).toBe(201);
    const again = (await portal('kim', 'GET', consentUrl())).json() as Consents;
    expect(again.ontvangers.find((o) => o.soort === 'huisarts')?.anderen).toEqual([]);
  });

  it('lets the parent give consent again, after which sharing on consent goes ahead', async () => {
    // A minute later the same day: the newest statement counts (ADR 0018).
    later = 60_000;
    const res = await portal('kim', 'POST', consentUrl(), {
      ontvangerSoort: 'school',
      status: 'gegeven',
    });
    expect(res.statusCode, res.body).toBe(201);
    const shared = await shareWithSchool();
    expect(shared.statusCode, shared.body).toBe(201);
  });
});
