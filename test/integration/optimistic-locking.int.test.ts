/**
 * Optimistic locking (issue 11, ADR 0028) on PGlite and, with TEST_DATABASE_URL, PostgreSQL:
 * two colleagues open the same plan concept, planned evaluation or analysis section and both
 * save. The first save wins and raises the revision; the second, based on the old revision, is
 * refused with 409 naming who saved, when, and which fields changed, and the first one's
 * content stays as it was saved. Two saves on the same basis at the same time: exactly one wins.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

// Wednesday 10 June 2026, 12:00 in Amsterdam.
const NOW = new Date('2026-06-10T10:00:00Z');

interface Conflict {
  error: {
    code: string;
    message: string;
    fields: { path: string; message: string }[];
    wijziging: {
      revisie: number;
      basisRevisie: number;
      door: string | null;
      op: string | null;
      velden: { path: string; label: string }[];
    };
  };
}

const goal = (id: string, description: string) => ({
  id,
  resultaatgebied: 'opvoeding',
  omschrijving: description,
  meetbaarResultaat: `Het gezin laat zien dat "${description}" elke week lukt`,
  eigenaar: { soort: 'gezin', naam: 'Kim Visser' },
  streefdatum: '2026-12-01',
});

const planContent = (samenwerking: string) => ({
  uitkomstAnalyse: 'Opvoedvragen en zorgen over de opvang.',
  uitkomstRisicotaxatie: 'Veilig.',
  intensiteit: 'Trede 2',
  verwachteDuur: '9 maanden',
  samenwerking,
  afsprakenCasusregie: { volgen: 'Evaluatie na 3, 6 en 9 maanden.' },
  doelen: [goal('1', 'Vaste bedtijden')],
});

const analysis = (question: string) => ({
  ontwikkeling: [],
  krachten: { tekst: 'Oma helpt elke dag', bron: 'ouder' },
  vraagAchterDeVraag: question,
  leefgebieden: ['opvoeding'],
  gezinStaatAchterHulp: true,
  gezinKanRegieVoeren: true,
});

describe.each(engines)('optimistic locking on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let anna: Client;
  let bram: Client;
  let caseId = '';
  let parentId = '';
  let planId = '';

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    await staffAccount(opened, team, ['casusregisseur'], `anna-${engine}@lock.nl`);
    await staffAccount(opened, team, ['casusregisseur'], `bram-${engine}@lock.nl`);
    anna = new Client(app);
    bram = new Client(app);
    expect((await anna.login(`anna-${engine}@lock.nl`)).statusCode).toBe(200);
    expect((await bram.login(`bram-${engine}@lock.nl`)).statusCode).toBe(200);
    const created = await anna.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'ZTM',
        gezin: { naam: 'Gezin Visser' },
        jeugdigen: [{ naam: 'Bo Visser', geboortedatum: '2021-08-01', bsn: freshBsn() }],
        ouders: [{ naam: 'Kim Visser', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const page = (await anna.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      personen: { id: string; naam: string }[];
    };
    parentId = page.personen.find((p) => p.naam === 'Kim Visser')?.id ?? '';
    const plan = await anna.request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: '2026-06-10',
      inhoud: planContent('Casusregisseur en moeder.'),
    });
    expect(plan.statusCode, plan.body).toBe(201);
    planId = (plan.json() as { id: string }).id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const planOf = async (who: Client) =>
    (await who.request('GET', `/api/v1/plannen/${planId}`)).json() as {
      revisie: number;
      versies: {
        status: string;
        inhoud: { samenwerking: string; doelen: { omschrijving: string }[] };
      }[];
    };
  const saveConcept = (who: Client, body: object) =>
    who.request('PUT', `/api/v1/plannen/${planId}/concept`, {
      ingangsdatum: '2026-06-10',
      ...body,
    });

  it('a plan concept saved without the revision it was based on is refused, naming the field', async () => {
    const res = await saveConcept(anna, { inhoud: planContent('Zonder revisie') });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { fields: { path: string; message: string }[] } };
    expect(body.error.fields).toEqual([
      { path: 'body.basisRevisie', message: 'ontbreekt (verplicht)' },
    ]);
    expect((await planOf(anna)).versies[0]?.inhoud.samenwerking).toBe('Casusregisseur en moeder.');
  });

  it('the second of two editors of a plan concept gets 409 with who changed what, and the first one’s text stays', async () => {
    const seenByAnna = await planOf(anna);
    const seenByBram = await planOf(bram);
    expect(seenByAnna.revisie).toBe(0);
    expect(seenByBram.revisie).toBe(0);

    const first = await saveConcept(anna, {
      inhoud: {
        ...planContent('Anna: casusregisseur, moeder en school.'),
        doelen: [goal('1', 'Vaste bedtijden om 19:30')],
      },
      basisRevisie: seenByAnna.revisie,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ revisie: 1 });

    const second = await saveConcept(bram, {
      inhoud: planContent('Bram: alleen moeder.'),
      basisRevisie: seenByBram.revisie,
    });
    expect(second.statusCode, second.body).toBe(409);
    const conflict = second.json() as Conflict;
    expect(conflict.error.code).toBe('conflict');
    expect(conflict.error.wijziging).toMatchObject({
      revisie: 1,
      basisRevisie: 0,
      door: `anna-${engine}@lock.nl`,
      op: NOW.toISOString(),
    });
    const labels = conflict.error.wijziging.velden.map((v) => v.label);
    expect(labels).toContain('Samenwerking en rolverdeling');
    expect(labels.some((l) => l.startsWith('Doel 1'))).toBe(true);
    expect(conflict.error.wijziging.velden.map((v) => v.path)).toContain('inhoud.samenwerking');
    expect(conflict.error.message).toContain(`anna-${engine}@lock.nl`);
    expect(conflict.error.message).toContain('10-06-2026 om 12:00');
    expect(conflict.error.fields).toEqual([
      { path: 'body.basisRevisie', message: 'u werkte met revisie 0, de nieuwste is 1' },
    ]);

    const stored = await planOf(bram);
    expect(stored.revisie).toBe(1);
    expect(stored.versies[0]?.inhoud.samenwerking).toBe('Anna: casusregisseur, moeder en school.');
  });

  it('a save on the current revision succeeds and raises it', async () => {
    const current = await planOf(bram);
    const res = await saveConcept(bram, {
      inhoud: planContent('Bram, na het laden van de nieuwste versie.'),
      basisRevisie: current.revisie,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ revisie: current.revisie + 1 });
    const after = await planOf(anna);
    expect(after.revisie).toBe(current.revisie + 1);
    expect(after.versies[0]?.inhoud.samenwerking).toBe(
      'Bram, na het laden van de nieuwste versie.',
    );
  });

  it('two simultaneous saves of a plan concept on the same revision: exactly one wins', async () => {
    const { revisie } = await planOf(anna);
    const results = await Promise.all(
      [anna, bram].map((who, i) =>
        saveConcept(who, {
          inhoud: planContent(`Tegelijk ${i}`),
          basisRevisie: revisie,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.findIndex((r) => r.statusCode === 200);
    const after = await planOf(anna);
    expect(after.revisie).toBe(revisie + 1);
    expect(after.versies[0]?.inhoud.samenwerking).toBe(`Tegelijk ${winner}`);
    const kept = await opened.db
      .selectFrom('edit_revision')
      .select('revision')
      .where('entity_id', '=', planId)
      .orderBy('revision')
      .execute();
    expect(kept.map((k) => k.revision)).toEqual([0, 1, 2, 3]);
  });

  it('the OpenAPI document names the 409 of a stale write on every guarded save', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const conflictOf = (path: string, method: string) =>
      Object.keys(doc.paths[path]?.[method]?.responses ?? {}).includes('409');
    expect([
      conflictOf('/api/v1/plannen/{id}/concept', 'put'),
      conflictOf('/api/v1/portaal/casussen/{id}/familiegroepsplan', 'put'),
      conflictOf('/api/v1/casussen/{id}/evaluaties', 'post'),
      conflictOf('/api/v1/casussen/{id}/vraaganalyse', 'post'),
      conflictOf('/api/v1/casussen/{id}/veiligheidscheck', 'post'),
      conflictOf('/api/v1/casussen/{id}/risicotaxatie', 'post'),
      conflictOf('/api/v1/casussen/{id}/regiecriteria', 'post'),
    ]).toEqual([true, true, true, true, true, true, true]);
  });

  describe('a planned evaluation', () => {
    let meetingId = '';

    const overview = async (who: Client) =>
      (await who.request('GET', `/api/v1/casussen/${caseId}/evaluaties`)).json() as {
        gepland: { id: string; revisie: number }[];
      };
    const minutes = (basisRevisie: number | undefined, general: string) => ({
      soort: 'tussen',
      gehoudenOp: '2026-06-10T10:00:00+02:00',
      deelnemers: [{ naam: 'Kim Visser', rol: 'ouder' }],
      doelen: [
        {
          doelId: '1',
          voortgang: 'loopt',
          bevindingen: general,
          besluit: 'Doorgaan',
          acties: [],
        },
      ],
      algemeen: general,
      geplandeEvaluatieId: meetingId,
      ...(basisRevisie === undefined ? {} : { basisRevisie }),
    });
    const plan = async () => {
      const res = await anna.request('POST', `/api/v1/casussen/${caseId}/evaluaties/gepland`, {
        soort: 'tussen',
        geplandOp: '2026-06-24T10:00:00+02:00',
        genodigden: [{ naam: 'Kim Visser', rol: 'ouder' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      const found = (await overview(anna)).gepland;
      return found[found.length - 1]?.id ?? '';
    };

    beforeAll(async () => {
      const { revisie } = await planOf(anna);
      expect(
        (
          await anna.request('POST', `/api/v1/plannen/${planId}/handtekeningen`, {
            persoonId: parentId,
            methode: 'op-scherm',
            op: '2026-06-10T11:00:00+02:00',
          })
        ).statusCode,
      ).toBe(201);
      const fixed = await anna.request('POST', `/api/v1/plannen/${planId}/vaststellen`, {
        op: '2026-06-10T11:30:00+02:00',
      });
      expect(fixed.statusCode, fixed.body).toBeLessThan(300);
      // Fixing is a write of the plan too: the revision moves on.
      expect((await planOf(anna)).revisie).toBe(revisie + 1);
      meetingId = await plan();
    });

    it('minutes for it without the revision are refused, naming the field', async () => {
      const res = await anna.request(
        'POST',
        `/api/v1/casussen/${caseId}/evaluaties`,
        minutes(undefined, 'Zonder revisie'),
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('body.basisRevisie');
      expect(await opened.db.selectFrom('evaluation').select('id').execute()).toEqual([]);
    });

    it('the second colleague recording its minutes gets 409 naming who recorded them; one record is stored', async () => {
      const seenByAnna = (await overview(anna)).gepland.find((m) => m.id === meetingId);
      const seenByBram = (await overview(bram)).gepland.find((m) => m.id === meetingId);
      expect(seenByAnna?.revisie).toBe(0);
      expect(seenByBram?.revisie).toBe(0);
      const first = await anna.request(
        'POST',
        `/api/v1/casussen/${caseId}/evaluaties`,
        minutes(seenByAnna?.revisie, 'Verslag van Anna'),
      );
      expect(first.statusCode, first.body).toBe(201);
      const second = await bram.request(
        'POST',
        `/api/v1/casussen/${caseId}/evaluaties`,
        minutes(seenByBram?.revisie, 'Verslag van Bram'),
      );
      expect(second.statusCode, second.body).toBe(409);
      const conflict = second.json() as Conflict;
      expect(conflict.error.wijziging).toMatchObject({
        revisie: 1,
        basisRevisie: 0,
        door: `anna-${engine}@lock.nl`,
        velden: [{ path: 'verslag', label: 'Verslag' }],
      });
      const stored = await opened.db
        .selectFrom('evaluation')
        .select('minutes')
        .where('case_id', '=', caseId)
        .execute();
      expect(stored.map((e) => (e.minutes as { general: string }).general)).toEqual([
        'Verslag van Anna',
      ]);
    });

    it('the progress the minutes wrote into the plan stops a plan editor working on an older revision', async () => {
      // Bram opened the plan before the evaluation: the fixed plan, at its revision then.
      const stale = await saveConcept(bram, {
        inhoud: planContent('Bram, op een oude versie'),
        basisRevisie: 4,
      });
      expect(stale.statusCode, stale.body).toBe(409);
      const conflict = stale.json() as Conflict;
      expect(conflict.error.wijziging.door).toBe(`anna-${engine}@lock.nl`);
      expect(conflict.error.wijziging.velden.map((v) => v.label)).toEqual(
        expect.arrayContaining(['Versie', 'Status', 'Doel 1 (opvoeding): voortgang']),
      );
    });

    it('two simultaneous minutes on the same revision: exactly one wins', async () => {
      meetingId = await plan();
      const results = await Promise.all(
        [anna, bram].map((who, i) =>
          who.request('POST', `/api/v1/casussen/${caseId}/evaluaties`, minutes(0, `Tegelijk ${i}`)),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const linked = await opened.db
        .selectFrom('evaluation_meeting')
        .innerJoin('evaluation', 'evaluation.id', 'evaluation_meeting.evaluation_id')
        .select(['evaluation_meeting.revision', 'evaluation.minutes'])
        .where('evaluation_meeting.id', '=', meetingId)
        .execute();
      const winner = results.findIndex((r) => r.statusCode === 201);
      expect(linked.map((l) => [l.revision, (l.minutes as { general: string }).general])).toEqual([
        [1, `Tegelijk ${winner}`],
      ]);
      expect(
        await opened.db
          .selectFrom('evaluation')
          .select('id')
          .where('case_id', '=', caseId)
          .execute(),
      ).toHaveLength(2);
    });
  });

  describe('a section of the analysis page', () => {
    const revisions = async (who: Client) =>
      (await who.request('GET', `/api/v1/casussen/${caseId}/beoordelingen`)).json() as {
        revisies: Record<string, number>;
        actueel: Record<string, { revisie: number; inhoud: Record<string, unknown> }>;
      };
    const save = (who: Client, body: object) =>
      who.request('POST', `/api/v1/casussen/${caseId}/vraaganalyse`, body);

    it('a save without the revision is refused, naming the field, and nothing is stored', async () => {
      const res = await save(anna, analysis('Zonder revisie'));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('body.basisRevisie');
      expect((await revisions(anna)).actueel['vraaganalyse']).toBeUndefined();
    });

    it('the second of two editors gets 409 with the changed fields; the first one’s analysis stays current', async () => {
      const seenByAnna = (await revisions(anna)).revisies['vraaganalyse'];
      const seenByBram = (await revisions(bram)).revisies['vraaganalyse'];
      expect([seenByAnna, seenByBram]).toEqual([0, 0]);
      const first = await save(anna, {
        ...analysis('Moeder wil weer grip op het gezin'),
        basisRevisie: seenByAnna,
      });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ revisie: 1 });
      const second = await save(bram, {
        ...analysis('Bram: rust in huis'),
        basisRevisie: seenByBram,
      });
      expect(second.statusCode, second.body).toBe(409);
      const conflict = second.json() as Conflict;
      expect(conflict.error.message).toMatch(/^De vraaganalyse is intussen opgeslagen door anna-/);
      expect(conflict.error.wijziging).toMatchObject({
        revisie: 1,
        basisRevisie: 0,
        door: `anna-${engine}@lock.nl`,
      });
      // Against an empty section, every field Anna filled in changed.
      expect(conflict.error.wijziging.velden.map((v) => v.label)).toEqual(
        expect.arrayContaining(['Vraag achter de vraag', 'Krachten', 'Leefgebieden']),
      );
      const now = await revisions(bram);
      expect(now.actueel['vraaganalyse']?.inhoud['vraagAchterDeVraag']).toBe(
        'Moeder wil weer grip op het gezin',
      );
      expect(now.actueel['vraaganalyse']?.inhoud).not.toHaveProperty('basisRevisie');

      // Loaded afresh, Bram's change names only the field that differs.
      const again = await save(bram, { ...analysis('Bram: rust in huis'), basisRevisie: 1 });
      expect(again.statusCode, again.body).toBe(201);
      const stale = await save(anna, { ...analysis('Anna opnieuw'), basisRevisie: 1 });
      expect(stale.statusCode).toBe(409);
      expect((stale.json() as Conflict).error.wijziging.velden).toEqual([
        { path: 'vraagAchterDeVraag', label: 'Vraag achter de vraag' },
      ]);
    });

    it('two simultaneous saves on the same revision: exactly one wins', async () => {
      const basis = (await revisions(anna)).revisies['vraaganalyse'] ?? 0;
      const results = await Promise.all(
        [anna, bram].map((who, i) =>
          save(who, { ...analysis(`Tegelijk ${i}`), basisRevisie: basis }),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const winner = results.findIndex((r) => r.statusCode === 201);
      const after = await revisions(anna);
      expect(after.revisies['vraaganalyse']).toBe(basis + 1);
      expect(after.actueel['vraaganalyse']?.inhoud['vraagAchterDeVraag']).toBe(
        `Tegelijk ${winner}`,
      );
    });
  });
});
