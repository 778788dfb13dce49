/**
 * Closing a case through the API (issue 7; RIJ-DEC-CLOSURE, LEK-DEC-CLOSE-AFTER-CARE,
 * LEK-DEC-WAAKVLAM, ZOU-DEC-ENDING, RIJ-DEC-MEASURE-END) on PGlite and, with TEST_DATABASE_URL,
 * PostgreSQL, in Rijnmond: a family with a young person of 17.5 and a provider with behandelregie
 * and a running allocation. The draft refuses bad sections naming the field and stores nothing;
 * closing is refused with every problem and its rule; the provider's closing report without the
 * family's consent shows only that it exists; after the care ends and everything is recorded
 * the case closes once. Outsiders and another case's provider get 404.
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
  error: {
    code: string;
    message: string;
    fields?: { path: string; message: string }[];
    wijziging?: {
      revisie: number;
      basisRevisie: number;
      door: string | null;
      op: string | null;
      velden: { path: string; label: string }[];
    };
  };
}
const errorOf = (body: string) => (JSON.parse(body) as ErrorBody).error;
const paths = (body: string) => (errorOf(body).fields ?? []).map((f) => f.path);

interface Closure {
  revisie: number;
  concept: {
    reden: string | null;
    herbeoordeling: unknown;
    waakvlam: unknown;
    eindevaluatie: unknown;
    nazorg: unknown;
    overgang18: unknown[];
  };
  afgeslotenOp: string | null;
  voorwaarden: { sleutel: string; regel: string; voldaan: boolean }[];
  problemen: { voorwaarde: string; pad: string; regel: string }[];
  herinneringen: { regel: string }[];
  jeugdigen: { id: string; overgangNodig: boolean }[];
  eindverslagen: {
    aanbiederId: string;
    toestemmingGezin: boolean;
    inhoud: { resultaten: string } | null;
  }[];
  magBewerken: boolean;
  magEindverslagGeven: boolean;
}

describe.each(engines)('closing a case on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const clock = { now: () => new Date('2026-03-20T10:00:00+01:00') };
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  const ids = new Map<string, string>();
  const id = (who: string) => ids.get(who) as string;
  let caseId = '';
  let otherCaseId = '';
  let youngId = '';

  /** The draft's revision as stored now (0 before the first save). */
  const storedRevision = async () =>
    (
      await opened.db
        .selectFrom('case_closure')
        .select('revision')
        .where('case_id', '=', caseId)
        .executeTakeFirst()
    )?.revision ?? 0;
  /** Saves draft sections; on the newest revision unless the body names its `basisRevisie`. */
  const patch = async (who: string, body: object) =>
    app.inject({
      method: 'PATCH',
      url: `/api/v1/casussen/${caseId}/afsluiting`,
      headers: { cookie: as(who).cookie, 'x-csrf-token': as(who).csrf },
      payload: 'basisRevisie' in body ? body : { basisRevisie: await storedRevision(), ...body },
    });
  const read = async (who: string) => {
    const res = await as(who).request('GET', `/api/v1/casussen/${caseId}/afsluiting`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Closure;
  };
  /** Closes on the newest draft revision, or on `basis` as a stale page would. */
  const close = async (who: string, basis?: number) =>
    as(who).request('POST', `/api/v1/casussen/${caseId}/afsluiting/afsluiten`, {
      basisRevisie: basis ?? (await storedRevision()),
    });
  const report = (who: string, over: object = {}, onCase = caseId) =>
    as(who).request('PUT', `/api/v1/casussen/${onCase}/afsluiting/eindverslag`, {
      resultaten: 'Rust in huis; de conflicten zijn gehalveerd.',
      afspraken: 'Afschalen naar het sociaal team; moeder belt bij terugval.',
      waakvlam: { advies: 'nodig', toelichting: 'Een keer per maand bellen tot de zomer.' },
      toestemmingGezin: false,
      ...over,
    });
  const audits = async (action: string) =>
    opened.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', '=', action)
      .execute();

  async function createCase(family: string, birthDate: string, provider: string) {
    const created = await as('regisseur').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'RIJ',
        gezin: { naam: `Gezin ${family}` },
        jeugdigen: [{ naam: `Sem ${family}`, geboortedatum: birthDate, bsn: freshBsn() }],
        ouders: [{ naam: `Ilse ${family}`, soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const newId = (created.json() as { id: string }).id;
    const role = await as('regisseur').request('POST', `/api/v1/casussen/${newId}/rollen`, {
      rol: 'behandelregie',
      houder: 'organisatie',
      organisatieId: provider,
      vanaf: '2026-03-05T09:00:00+01:00',
      reden: 'toewijzing',
    });
    expect(role.statusCode, role.body).toBe(201);
    await opened.db
      .insertInto('allocation')
      .values({
        case_id: newId,
        region: 'RIJ',
        provider_id: provider,
        number: `${family.length}${Date.now() % 100000}`,
        product_code: '45A12',
        start_date: '2026-03-09',
        end_date: null,
        status: 'gestart',
      })
      .execute();
    return newId;
  }

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'RIJ');
    const otherTeam = await createOrganisation(opened.db, 'lokaal-team', 'RIJ');
    ids.set('provider', await createOrganisation(opened.db, 'aanbieder', 'RIJ'));
    ids.set('otherProvider', await createOrganisation(opened.db, 'aanbieder', 'RIJ'));
    const accounts: [string, string, string[]][] = [
      ['regisseur', team, ['casusregisseur']],
      ['collega', team, ['casusregisseur']],
      ['planner', id('provider'), ['planner']],
      ['vreemd', id('otherProvider'), ['planner']],
      ['buitenstaander', otherTeam, ['casusregisseur']],
    ];
    for (const [who, org, roles] of accounts) {
      ids.set(who, await staffAccount(opened, org, roles, `${who}-${engine}@afsluiting.nl`));
      const c = new Client(app);
      expect((await c.login(`${who}-${engine}@afsluiting.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
    // Born 20 September 2008: 17 years and 6 months on 20 March 2026, the closing day.
    caseId = await createCase('Bakker', '2008-09-20', id('provider'));
    otherCaseId = await createCase('Visser', '2015-01-01', id('otherProvider'));
    youngId = (await read('regisseur')).jeugdigen[0]?.id ?? '';
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('shows the open conditions with their rules; the 17.5-year-old needs the transition', async () => {
    const c = await read('regisseur');
    expect(c.afgeslotenOp).toBeNull();
    expect(c.magBewerken).toBe(true);
    expect(c.magEindverslagGeven).toBe(false);
    expect(c.jeugdigen).toEqual([expect.objectContaining({ id: youngId, overgangNodig: true })]);
    expect(c.problemen.map((p) => `${p.voorwaarde} ${p.regel}`)).toEqual([
      'reden ZOU-DEC-ENDING',
      'eindevaluatie RIJ-DEC-CLOSURE',
      'nazorg ZOU-DEC-ENDING',
      'waakvlam LEK-DEC-WAAKVLAM',
      'herbeoordeling RIJ-DEC-CLOSURE',
      'toewijzingen LEK-DEC-CLOSE-AFTER-CARE',
      'eindverslagen RIJ-DEC-CLOSURE',
      'overgang18 RIJ-DEC-MEASURE-END',
    ]);
    expect(c.herinneringen.map((h) => h.regel)).toEqual(['RIJ-DEC-CLOSURE']);
    expect(c.voorwaarden.every((v) => !v.voldaan)).toBe(true);
  });

  it('refuses bad draft sections naming the field, and stores nothing', async () => {
    const future = await patch('regisseur', {
      reden: 'doelen-bereikt',
      eindevaluatie: {
        datum: '2026-03-21',
        resultaat: 'behaald',
        samenvatting: '',
        veiligheidHersteld: 'ja',
      },
    });
    expect(future.statusCode, future.body).toBe(400);
    expect(paths(future.body)).toEqual([
      'body.eindevaluatie.datum',
      'body.eindevaluatie.samenvatting',
    ]);
    const badEnum = await patch('regisseur', { reden: 'zomaar' });
    expect(badEnum.statusCode).toBe(400);
    expect(paths(badEnum.body)).toContain('body.reden');
    const stranger = await patch('regisseur', {
      overgang18: [{ jeugdigeId: id('planner'), wat: 'werk', wet: 'geen', toelichting: 'x' }],
    });
    expect(stranger.statusCode).toBe(400);
    expect(paths(stranger.body)).toEqual(['body.overgang18.0.jeugdigeId']);
    const c = await read('regisseur');
    expect(c.concept.reden).toBeNull();
    expect(c.concept.eindevaluatie).toBeNull();
    expect(await opened.db.selectFrom('case_closure').selectAll().execute()).toEqual([]);
  });

  it('refuses closing with every problem and its rule, storing nothing', async () => {
    const res = await close('regisseur');
    expect(res.statusCode, res.body).toBe(409);
    const error = errorOf(res.body);
    expect(error.message).toContain('geldt in elke regio');
    const fields = error.fields ?? [];
    expect(fields.map((f) => f.path)).toEqual([
      'body.reden',
      'body.eindevaluatie',
      'body.nazorg',
      'body.waakvlam',
      'body.herbeoordeling',
      expect.stringMatching(/^body\.toewijzingen\./),
      `body.eindverslagen.${id('provider')}`,
      `body.overgang18.${youngId}`,
    ]);
    expect(fields.find((f) => f.path.includes('toewijzingen'))?.message).toMatch(
      /loopt nog.*JW307.*LEK-DEC-CLOSE-AFTER-CARE/,
    );
    const casus = await opened.db
      .selectFrom('casus')
      .select(['closed_at', 'step'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(casus.closed_at).toBeNull();
    expect(await audits('afsluiting.afsluiten')).toEqual([]);
  });

  it('who may do what: the provider cannot edit, outsiders and another case’s provider get 404', async () => {
    expect((await patch('planner', { reden: 'doelen-bereikt' })).statusCode).toBe(403);
    expect((await close('planner')).statusCode).toBe(403);
    expect((await report('regisseur')).statusCode).toBe(403);
    for (const who of ['vreemd', 'buitenstaander']) {
      expect(
        (await as(who).request('GET', `/api/v1/casussen/${caseId}/afsluiting`)).statusCode,
      ).toBe(404);
      expect((await patch(who, { reden: 'doelen-bereikt' })).statusCode).toBe(404);
      expect((await close(who)).statusCode).toBe(404);
      expect((await report(who)).statusCode).toBe(404);
    }
    expect(
      await opened.db
        .selectFrom('closing_report')
        .selectAll()
        .where('case_id', '=', caseId)
        .execute(),
    ).toEqual([]);
  });

  it('the closing report without consent shows only that it exists; a provider sees only its own', async () => {
    const bad = await report('planner', { resultaten: '' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.body)).toEqual(['body.resultaten']);
    expect((await report('planner')).statusCode).toBe(200);
    // Another provider files on its own case; the first provider does not see that one.
    expect((await report('vreemd', {}, otherCaseId)).statusCode).toBe(200);
    const regisseur = await read('regisseur');
    expect(regisseur.eindverslagen).toEqual([
      expect.objectContaining({
        aanbiederId: id('provider'),
        toestemmingGezin: false,
        inhoud: null,
      }),
    ]);
    const planner = await read('planner');
    expect(planner.magEindverslagGeven).toBe(true);
    expect(planner.eindverslagen).toHaveLength(1);
    expect(planner.eindverslagen[0]?.inhoud?.resultaten).toContain('Rust in huis');
    // Replaced, now with the family's consent.
    expect((await report('planner', { toestemmingGezin: true })).statusCode).toBe(200);
    const after = await read('regisseur');
    expect(after.eindverslagen).toHaveLength(1);
    expect(after.eindverslagen[0]?.inhoud?.resultaten).toContain('Rust in huis');
    expect((await audits('afsluiting.eindverslag')).length).toBe(2);
    // A provider whose behandelregie has ended still files and reads its own report.
    const role = await opened.db
      .selectFrom('case_role')
      .select(['id', 'ends_at'])
      .where('case_id', '=', caseId)
      .where('role', '=', 'behandelregie')
      .executeTakeFirstOrThrow();
    await opened.db
      .updateTable('case_role')
      .set({ ends_at: new Date('2026-03-19T17:00:00+01:00') })
      .where('id', '=', role.id)
      .execute();
    expect((await report('planner', { toestemmingGezin: true })).statusCode).toBe(200);
    expect((await read('planner')).eindverslagen).toHaveLength(1);
    await opened.db
      .updateTable('case_role')
      .set({ ends_at: null })
      .where('id', '=', role.id)
      .execute();
  });

  it('ended by the provider: RIJ asks for its six-step procedure up to the handover', async () => {
    const saved = await patch('regisseur', { reden: 'gestopt-door-aanbieder' });
    expect(saved.statusCode, saved.body).toBe(200);
    const c = await read('regisseur');
    expect(c.voorwaarden).toContainEqual(
      expect.objectContaining({
        sleutel: 'beeindiging-aanbieder',
        regel: 'RIJ-DEC-PROVIDER-END',
        voldaan: false,
      }),
    );
    expect(c.problemen.map((p) => p.voorwaarde)).toContain('beeindiging-aanbieder');
    // Another reason does not ask for it.
    expect((await patch('regisseur', { reden: 'doelen-bereikt' })).statusCode).toBe(200);
    expect((await read('regisseur')).voorwaarden.map((v) => v.sleutel)).not.toContain(
      'beeindiging-aanbieder',
    );
  });

  it('two editors (ADR 0028): a save on an older revision merges untouched sections, and is refused with who, when and what when its section changed', async () => {
    const start = (await read('regisseur')).revisie;
    expect(start).toBe(await storedRevision());
    // Both casusregisseurs of the team opened the draft at `start`.
    const mine = await patch('regisseur', { reden: 'geen-hulpvraag', basisRevisie: start });
    expect(mine.statusCode, mine.body).toBe(200);
    expect((mine.json() as { revisie: number }).revisie).toBe(start + 1);
    const reassessment = { gezinKanRegie: 'ja', toelichting: 'Ouders regelen het zelf weer.' };
    const theirs = await patch('collega', { herbeoordeling: reassessment, basisRevisie: start });
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect((theirs.json() as { revisie: number }).revisie).toBe(start + 2);
    let c = await read('regisseur');
    expect(c.concept.reden).toBe('geen-hulpvraag');
    expect(c.concept.herbeoordeling).toEqual(reassessment);
    expect(c.revisie).toBe(start + 2);

    // The colleague's reason, still based on `start`: the reason changed since.
    const stale = await patch('collega', {
      reden: 'doelen-bereikt',
      waakvlam: { nodig: false, reden: 'Het sociaal team belt al na drie maanden.' },
      basisRevisie: start,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    const error = errorOf(stale.body);
    expect(error.code).toBe('conflict');
    const regisseur = await opened.db
      .selectFrom('staff')
      .select('name')
      .where('id', '=', id('regisseur'))
      .executeTakeFirstOrThrow();
    expect(error.wijziging).toEqual({
      revisie: start + 2,
      basisRevisie: start,
      door: regisseur.name,
      op: clock.now().toISOString(),
      velden: [{ path: 'reden', label: 'Reden van afsluiten' }],
    });
    expect(error.message).toContain(regisseur.name);
    expect(error.message).toContain('Reden van afsluiten');
    expect(error.fields?.map((f) => f.path)).toEqual(['body.basisRevisie']);
    // Nothing of the refused save is stored: not the reason, not the untouched waakvlam section.
    c = await read('regisseur');
    expect(c.concept.reden).toBe('geen-hulpvraag');
    expect(c.concept.waakvlam).toBeNull();
    expect(c.revisie).toBe(start + 2);

    // On the newest revision the same save goes through.
    const again = await patch('collega', { reden: 'doelen-bereikt', basisRevisie: start + 2 });
    expect(again.statusCode, again.body).toBe(200);
    expect((await read('regisseur')).concept.reden).toBe('doelen-bereikt');

    // Two saves of one section at the same moment on the same revision: exactly one wins.
    const basis = await storedRevision();
    const both = await Promise.all(
      (['regisseur', 'collega'] as const).map((who) =>
        patch(who, {
          waakvlam: { nodig: false, reden: `Niet nodig, volgens ${who}.` },
          basisRevisie: basis,
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await storedRevision()).toBe(basis + 1);

    // A save without its basis, or with one that does not exist yet: 400 naming the field.
    const without = await app.inject({
      method: 'PATCH',
      url: `/api/v1/casussen/${caseId}/afsluiting`,
      headers: { cookie: as('regisseur').cookie, 'x-csrf-token': as('regisseur').csrf },
      payload: { reden: 'doelen-bereikt' },
    });
    expect(without.statusCode).toBe(400);
    expect(paths(without.body)).toEqual(['body.basisRevisie']);
    const ahead = await patch('regisseur', { reden: 'doelen-bereikt', basisRevisie: basis + 5 });
    expect(ahead.statusCode).toBe(400);
    expect(paths(ahead.body)).toEqual(['body.basisRevisie']);
    expect(await storedRevision()).toBe(basis + 1);
  });

  it('closes once everything is recorded and the care has ended; a second close is refused', async () => {
    const saved = await patch('regisseur', {
      reden: 'doelen-bereikt',
      eindevaluatie: {
        datum: '2026-03-18',
        resultaat: 'behaald',
        samenvatting: 'Rust in huis en Sem gaat weer naar school.',
        veiligheidHersteld: 'niet-van-toepassing',
      },
      nazorg: {
        nodig: true,
        afspraken: [
          { wie: 'Ilse Bakker', wat: 'Belt het sociaal team bij terugval', wanneer: '2026-06-01' },
        ],
      },
      waakvlam: { nodig: true, wie: 'Sociaal team', hoeVaak: 'maandelijks', tot: '2026-09-01' },
      herbeoordeling: { gezinKanRegie: 'ja', toelichting: 'Ouders regelen het zelf weer.' },
      overgang18: [
        {
          jeugdigeId: youngId,
          wat: 'Begeleiding bij wonen',
          wet: 'wmo',
          toelichting: 'Aanvraag loopt.',
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // Still refused: the allocation runs.
    const refused = await close('regisseur');
    expect(refused.statusCode).toBe(409);
    expect(paths(refused.body)).toEqual([expect.stringMatching(/^body\.toewijzingen\./)]);
    // The provider's stop message ends the allocation.
    await opened.db
      .updateTable('allocation')
      .set({ status: 'gestopt', end_date: '2026-03-19' })
      .where('case_id', '=', caseId)
      .execute();
    const c = await read('regisseur');
    expect(c.problemen).toEqual([]);
    expect(c.voorwaarden.every((v) => v.voldaan)).toBe(true);
    // A colleague changes the reason after the page was read: closing on it is refused first.
    const seen = c.revisie;
    const changed = await patch('collega', { reden: 'gestopt-door-gezin' });
    expect(changed.statusCode, changed.body).toBe(200);
    const stale = await close('regisseur', seen);
    expect(stale.statusCode, stale.body).toBe(409);
    const staleError = errorOf(stale.body);
    expect(staleError.message).toContain('De casus is niet afgesloten');
    expect(staleError.wijziging?.velden).toEqual([{ path: 'reden', label: 'Reden van afsluiten' }]);
    const stillOpen = await opened.db
      .selectFrom('casus')
      .select('closed_at')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(stillOpen.closed_at).toBeNull();
    expect((await patch('regisseur', { reden: 'doelen-bereikt' })).statusCode).toBe(200);
    const closed = await close('regisseur');
    expect(closed.statusCode, closed.body).toBe(200);
    const casus = await opened.db
      .selectFrom('casus')
      .select(['closed_at', 'step'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(casus.closed_at?.toISOString()).toBe(clock.now().toISOString());
    expect(casus.step).toBe('afgesloten');
    const timeline = await opened.db
      .selectFrom('case_event')
      .select('note')
      .where('case_id', '=', caseId)
      .where('type', '=', 'afsluiting')
      .execute();
    expect(timeline).toHaveLength(1);
    expect(timeline[0]?.note).toContain('doelen bereikt');
    const notified = await opened.db
      .selectFrom('notification')
      .select(['staff_id', 'kind'])
      .where('case_id', '=', caseId)
      .where('title', 'like', 'De casus is afgesloten%')
      .execute();
    // The provider and the team's other casusregisseur; not the one who closed it.
    expect(notified).toHaveLength(2);
    expect(notified).toEqual(
      expect.arrayContaining([
        { staff_id: id('planner'), kind: 'aanpassing' },
        { staff_id: id('collega'), kind: 'aanpassing' },
      ]),
    );
    expect((await audits('afsluiting.afsluiten')).length).toBe(1);

    const again = await close('regisseur');
    expect(again.statusCode).toBe(409);
    expect((await patch('regisseur', { reden: 'geen-hulpvraag' })).statusCode).toBe(409);
    expect((await report('planner')).statusCode).toBe(409);
    const final = await read('regisseur');
    expect(final.afgeslotenOp).not.toBeNull();
    expect(final.concept.reden).toBe('doelen-bereikt');
    expect(final.magBewerken).toBe(false);
  });
});
