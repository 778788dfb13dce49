/**
 * Anonymised views of a case through the API (issue 8; DOMAIN.md section 10; RIJ route C item c;
 * ADR 0021) on PGlite and, with TEST_DATABASE_URL, PostgreSQL. The fixture case knows names
 * (with tussenvoegsels), BSNs, birth dates, an address, a phone number and staff names, and
 * puts them in its notes, its plan and the question: none of it may reach the stored view or
 * its text. Sharing needs the check first (409); only who may assign roles generates, edits,
 * checks and shares; readers of the case see the list; outsiders get 404; a refused request
 * stores nothing.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
interface ViewBody {
  id: string;
  status: string;
  ontvanger: string;
  weergave: {
    leeftijden: (number | null)[];
    huishouden: string[];
    doelen: { omschrijving: string; meetbaar: string; streefmaand: string }[];
    tijdlijn: { type: string; maand: string; notitie: string }[];
    vraag: string;
    zwaarteRegie: string | null;
  };
  tekst: string;
  gecontroleerdDoor: string | null;
  gedeeldDoor: string | null;
  gedeeldOp: string | null;
}
const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;

describe.each(engines)('anonymised views on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const now = new Date('2026-03-12T15:00:00+01:00');
  const clock = { now: () => now };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  let caseId = '';
  const bsnNoor = freshBsn();
  const bsnDaan = freshBsn();
  const spaced = (bsn: string) => `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`;
  const url = (rest = '') => `/api/v1/casussen/${caseId}/anonieme-weergaven${rest}`;

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    const provider = await createOrganisation(opened.db, 'aanbieder', 'LEK');
    const other = await createOrganisation(opened.db, 'lokaal-team', 'LEK');
    const people = {
      regisseur: [team, ['casusregisseur'], 'Sanne de Wit'],
      planner: [provider, ['planner'], 'Pieter Bakker'],
      outsider: [other, ['casusregisseur'], 'Olga Smit'],
    } as const;
    for (const [who, [org, roles, name]] of Object.entries(people)) {
      const email = `${who}-${engine}@anoniem.nl`;
      const id = await staffAccount(opened, org, [...roles], email);
      await opened.db.updateTable('staff').set({ name }).where('id', '=', id).execute();
      const c = new Client(app);
      expect((await c.login(email)).statusCode).toBe(200);
      clients.set(who, c);
    }
    const created = await as('regisseur').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        gezin: { naam: 'Gezin Van den Berg' },
        jeugdigen: [
          { naam: 'Noor van den Berg', geboortedatum: '2016-09-01', bsn: bsnNoor },
          { naam: 'Daan van den Berg', geboortedatum: '2011-03-13', bsn: bsnDaan },
        ],
        ouders: [{ naam: 'Kim van den Berg', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const role = await as('regisseur').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'behandelregie',
      houder: 'organisatie',
      organisatieId: provider,
      vanaf: '2026-03-05T09:00:00+01:00',
      reden: 'toewijzing',
    });
    expect(role.statusCode, role.body).toBe(201);
    for (const [op, notitie] of [
      ['2026-03-03T10:00:00+01:00', `Huisbezoek bij Kim op de Kerkstraat 12a, 3011 AB Rotterdam.`],
      ['2026-03-04T10:00:00+01:00', `Noortje (BSN ${spaced(bsnNoor)}) is op 01-09-2016 geboren.`],
      ['2026-03-06T10:00:00+01:00', 'Moeder belt vanaf 06-12345678 of mailt kim@berg.nl.'],
      ['2026-03-09T10:00:00+01:00', `Daans school meldt verzuim; Sanne de Wit overlegt.`],
    ])
      expect(
        (
          await as('regisseur').request('POST', `/api/v1/casussen/${caseId}/gebeurtenissen`, {
            type: 'notitie',
            op,
            notitie,
          })
        ).statusCode,
      ).toBe(201);
    const regisseur = await opened.db
      .selectFrom('staff')
      .select('id')
      .where('name', '=', 'Sanne de Wit')
      .executeTakeFirstOrThrow();
    const plan = await opened.db
      .insertInto('plan')
      .values({ case_id: caseId, kind: 'ondersteuningsplan', created_by: regisseur.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await opened.db
      .insertInto('plan_version')
      .values({
        plan_id: plan.id,
        version: 1,
        status: 'vastgesteld',
        start_date: '2026-03-10',
        content: JSON.stringify({
          goals: [
            {
              id: 'g1',
              resultArea: 'veiligheid',
              description: 'Noor en Daan voelen zich veilig bij hun moeder Kim',
              measurableTarget: 'Oma Truus van Dijk ziet ze wekelijks',
              owner: { kind: 'netwerk', name: 'Truus van Dijk' },
              targetDate: '2026-06-30',
              progress: 'gestart',
            },
          ],
        }),
        content_hash: 'x',
        created_by: regisseur.id,
        updated_at: now,
      })
      .execute();
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const stored = () =>
    opened.db.selectFrom('anonymised_view').selectAll().where('case_id', '=', caseId).execute();
  const generate = (body: object = {}) =>
    as('regisseur').request('POST', url(), {
      doel: 'consultatie',
      ontvanger: 'Expertpool regio Lekstroom',
      vraag: 'Hoe betrekken we vader bij Noor zonder dat Kim zich bedreigd voelt?',
      ...body,
    });

  it('refuses bad input field by field and stores nothing', async () => {
    const res = await generate({
      doel: 'roddel',
      ontvanger: '  ',
      vraag: 'kort',
      aantalGebeurtenissen: 0,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res.body).fields?.map((f) => f.path)).toEqual([
      'body.doel',
      'body.ontvanger',
      'body.vraag',
      'body.aantalGebeurtenissen',
    ]);
    expect((await generate({ extra: true })).statusCode).toBe(400);
    expect(await stored()).toEqual([]);
  });

  let viewId = '';
  it('generates a view without names, BSNs, birth dates or address parts', async () => {
    const res = await generate();
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as ViewBody;
    viewId = body.id;
    expect(body.status).toBe('concept');
    expect(body.weergave.leeftijden).toEqual([14, 9]);
    expect(body.weergave.huishouden).toEqual(['ouder', 'jeugdige 14 jaar', 'jeugdige 9 jaar']);
    expect(body.weergave.doelen[0]).toMatchObject({
      omschrijving: '[naam] en [naam] voelen zich veilig bij hun moeder [naam]',
      meetbaar: 'Oma [naam] ziet ze wekelijks',
      streefmaand: 'juni 2026',
    });
    expect(body.weergave.tijdlijn.map((e) => e.maand)).toContain('maart 2026');
    expect(body.weergave.vraag).toBe(
      'Hoe betrekken we vader bij [naam] zonder dat [naam] zich bedreigd voelt?',
    );
    const row = (await stored())[0];
    for (const text of [body.tekst, JSON.stringify(row?.content), JSON.stringify(body.weergave)])
      for (const leak of [
        'Noor',
        'Daan',
        'Kim',
        'Berg',
        'Truus',
        'Dijk',
        'Sanne',
        'Wit',
        bsnNoor,
        bsnDaan,
        spaced(bsnNoor),
        '2016',
        '2011',
        '01-09',
        'Kerkstraat',
        '12a',
        '3011',
        '06-123',
        'kim@',
        caseId,
      ])
        expect(text, leak).not.toContain(leak);
    expect(body.tekst).toContain('Anonieme weergave van een casus voor consultatie');
  });

  it('refuses sharing before the check (409), and a check without confirmation (400)', async () => {
    const share = await as('regisseur').request('POST', url(`/${viewId}/delen`));
    expect(share.statusCode, share.body).toBe(409);
    expect(errorOf(share.body).message).toContain('RIJ route C');
    const unconfirmed = await as('regisseur').request('POST', url(`/${viewId}/controle`), {
      bevestiging: false,
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(errorOf(unconfirmed.body).fields?.map((f) => f.path)).toEqual(['body.bevestiging']);
    expect((await stored())[0]?.status).toBe('concept');
  });

  it('scrubs edits again; an edit after the check asks for a new check', async () => {
    const checked = await as('regisseur').request('POST', url(`/${viewId}/controle`), {
      bevestiging: true,
    });
    expect(checked.statusCode, checked.body).toBe(200);
    expect((checked.json() as ViewBody).gecontroleerdDoor).toBe('Sanne de Wit');
    const current = checked.json() as ViewBody;
    const edit = await as('regisseur').request('PUT', url(`/${viewId}`), {
      vraag: 'Hoe betrekken we vader bij Noortje? Hij woont Dorpsstraat 4 (0612345678).',
      doelen: current.weergave.doelen.map((d) => ({
        omschrijving: d.omschrijving,
        meetbaar: d.meetbaar,
      })),
      tijdlijn: current.weergave.tijdlijn.map((e) => ({ notitie: `${e.notitie} Daan` })),
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const edited = edit.json() as ViewBody;
    expect(edited.status).toBe('concept');
    expect(edited.weergave.vraag).toBe(
      'Hoe betrekken we vader bij [naam]? Hij woont [adres] ([telefoon]).',
    );
    expect(edited.tekst).not.toMatch(/Daan|Noor|Dorpsstraat|0612/);
    const wrongLength = await as('regisseur').request('PUT', url(`/${viewId}`), {
      vraag: 'Een andere vraag voor de expertpool.',
      doelen: [],
      tijdlijn: [],
    });
    expect(wrongLength.statusCode).toBe(400);
    expect(errorOf(wrongLength.body).fields?.map((f) => f.path)).toEqual([
      'body.doelen',
      'body.tijdlijn',
    ]);
    expect(((await stored())[0]?.content as { question: string }).question).toContain('[adres]');
  });

  it('shares a checked view once, on the timeline and in the audit log', async () => {
    expect(
      (await as('regisseur').request('POST', url(`/${viewId}/controle`), { bevestiging: true }))
        .statusCode,
    ).toBe(200);
    const share = await as('regisseur').request('POST', url(`/${viewId}/delen`));
    expect(share.statusCode, share.body).toBe(200);
    const body = share.json() as ViewBody;
    expect(body).toMatchObject({ status: 'gedeeld', gedeeldDoor: 'Sanne de Wit' });
    expect(body.gedeeldOp).toBe(now.toISOString());
    expect((await as('regisseur').request('POST', url(`/${viewId}/delen`))).statusCode).toBe(409);
    expect(
      (
        await as('regisseur').request('PUT', url(`/${viewId}`), {
          vraag: 'Nog een andere vraag voor de expertpool.',
        })
      ).statusCode,
    ).toBe(409);
    const events = await opened.db
      .selectFrom('case_event')
      .select(['type', 'note'])
      .where('case_id', '=', caseId)
      .where('type', '=', 'anoniem-gedeeld')
      .execute();
    expect(events).toEqual([
      {
        type: 'anoniem-gedeeld',
        note: 'Anonieme weergave voor consultatie gedeeld met Expertpool regio Lekstroom',
      },
    ]);
    const audit = await opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', 'like', 'anonieme-weergave.%')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'anonieme-weergave.maken',
      'anonieme-weergave.controleren',
      'anonieme-weergave.bewerken',
      'anonieme-weergave.controleren',
      'anonieme-weergave.delen',
    ]);
  });

  it('lets readers of the case see the list, but not make, check or share (403)', async () => {
    const list = await as('planner').request('GET', url());
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json() as { weergaven: ViewBody[]; magMaken: boolean };
    expect(body.magMaken).toBe(false);
    expect(body.weergaven.map((v) => v.status)).toEqual(['gedeeld']);
    expect((await as('regisseur').request('GET', url())).json()).toMatchObject({ magMaken: true });
    const before = (await stored()).length;
    expect(
      (
        await as('planner').request('POST', url(), {
          doel: 'escalatie',
          ontvanger: 'Contractmanager',
          vraag: 'Wie neemt de regie over de hulp?',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await as('planner').request('POST', url(`/${viewId}/controle`), { bevestiging: true }))
        .statusCode,
    ).toBe(403);
    expect((await as('planner').request('POST', url(`/${viewId}/delen`))).statusCode).toBe(403);
    expect((await stored()).length).toBe(before);
  });

  it('is not found for an outsider, or for a view of another case', async () => {
    expect((await as('outsider').request('GET', url())).statusCode).toBe(404);
    expect(
      (
        await as('outsider').request('POST', url(), {
          doel: 'consultatie',
          ontvanger: 'x',
          vraag: 'Een vraag van buiten.',
        })
      ).statusCode,
    ).toBe(404);
    expect((await as('outsider').request('POST', url(`/${viewId}/delen`))).statusCode).toBe(404);
    const own = await as('outsider').request('POST', '/api/v1/casussen', routeARequest());
    expect(own.statusCode).toBe(201);
    const ownId = (own.json() as { id: string }).id;
    const foreign = await as('outsider').request(
      'POST',
      `/api/v1/casussen/${ownId}/anonieme-weergaven/${viewId}/controle`,
      { bevestiging: true },
    );
    expect(foreign.statusCode).toBe(404);
    expect((await as('regisseur').request('POST', url('/geen-id/delen'))).statusCode).toBe(404);
  });
});
