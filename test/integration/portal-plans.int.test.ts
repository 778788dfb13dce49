/**
 * The family writes its familiegroepsplan in the portal and keeps track of its agreements
 * (issue 10, ADR 0026), on PGlite and, with TEST_DATABASE_URL, PostgreSQL. Gezin Bakker on
 * 12 March 2026: mother Kim, Noor (born 15 January 2012: 14) and Daan (born 1 June 2009: 16);
 * registered on route A, so the family holds casusregie. Gezin Smit (mother Eva): casusregie
 * is with the team's casusregisseur.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/store/db.js';
import { destroyCaseRows } from '../../src/store/destruction.js';
import { type PortalFamilies, portalFamilies } from '../support/portal-families.js';
import type { Client } from './api-client.js';
import { engines } from './databases.js';

interface Tracked {
  id: string;
  wie: string;
  wat: string;
  wanneer: string;
  status: { gedaan: boolean; op: string; toelichting: string; door: string } | null;
}

interface FamilyPlan {
  gezinHeeftCasusregie: boolean;
  magSchrijven: boolean;
  waaromNietSchrijven: string | null;
  magBijhouden: boolean;
  waaromNietBijhouden: string | null;
  plan: {
    id: string;
    versie: number;
    status: string;
    doelen: { id: string; omschrijving: string; wie: string; streefdatum: string }[];
    netwerk: { naam: string; steun: string }[];
    afspraken: { id: string; wie: string; wat: string; wanneer: string }[];
    bijhouden: Tracked[];
  } | null;
}

interface ApiErrorBody {
  error: { message: string; fields: { path: string; message: string }[] };
}

/** The small plan of the tests: one goal, one network member, one agreement. */
const written = {
  // The plan was opened at revision 0 (ADR 0028): every write below is the first on its plan.
  basisRevisie: 0,
  opgesteldDoor: 'Kim Bakker met oma Ria en buurvrouw Fatima',
  perspectief: 'Noor en Daan wonen rustig thuis en gaan naar school.',
  gewensteHulp: 'Hulp bij rust in huis, één keer per week.',
  doelen: [
    {
      id: null,
      omschrijving: 'Noor gaat weer elke dag naar school',
      meetbaarResultaat: 'Noor is vijf dagen per week op school',
      wie: 'Oma Ria',
      streefdatum: '2026-06-30',
    },
  ],
  netwerk: [{ naam: 'Oma Ria', steun: 'Haalt Noor op dinsdag en donderdag uit school' }],
  afspraken: [{ id: null, wie: 'Kim', wat: 'Belt de mentor van Noor', wanneer: '2026-03-20' }],
};

describe.each(engines)('familiegroepsplan in the family portal on %s', (engine) => {
  let families: PortalFamilies;
  let opened: OpenDatabase;
  let lead: Client;
  let caseId = '';
  let smitCaseId = '';
  let planId = '';
  const person: Record<string, string> = {};

  const portal: PortalFamilies['portal'] = (...request) => families.portal(...request);
  const auditOf = (action: string) =>
    opened.db
      .selectFrom('audit_log')
      .select(['role', 'staff_id', 'case_id', 'details'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    families = await portalFamilies(engine, `lead-${engine}@fgp.nl`);
    ({ opened, lead, caseId, smitCaseId } = families);
    Object.assign(person, families.person);
  });
  afterAll(() => families?.close());

  it('shows no plan yet; the parent may write and, holding casusregie, keep track', async () => {
    const res = await portal('kim', 'GET', `/casussen/${caseId}/familiegroepsplan`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      gezinHeeftCasusregie: true,
      magSchrijven: true,
      waaromNietSchrijven: null,
      magBijhouden: true,
      waaromNietBijhouden: null,
      plan: null,
    });
  });

  it('refuses the 14-year-old to start or write (403, plain Dutch) and audits it', async () => {
    const start = await portal('noor', 'POST', `/casussen/${caseId}/familiegroepsplan`);
    expect(start.statusCode, start.body).toBe(403);
    const error = (start.json() as ApiErrorBody).error;
    expect(error.message).toContain('jonger dan 16');
    expect(error.fields.map((f) => f.path)).toEqual(['familiegroepsplan']);
    const write = await portal('noor', 'PUT', `/casussen/${caseId}/familiegroepsplan`, written);
    expect(write.statusCode, write.body).toBe(403);
    expect(await auditOf('portaal.familiegroepsplan-geweigerd')).toEqual([
      {
        role: 'burger',
        staff_id: null,
        case_id: caseId,
        details: { persoon: person['noor'], reden: 'jongere-12-15' },
      },
      {
        role: 'burger',
        staff_id: null,
        case_id: caseId,
        details: { persoon: person['noor'], reden: 'jongere-12-15' },
      },
    ]);
    expect(await opened.db.selectFrom('plan').select('id').execute()).toEqual([]);
  });

  it('lets the parent start the plan once; a second start opens the same plan', async () => {
    const first = await portal('kim', 'POST', `/casussen/${caseId}/familiegroepsplan`);
    expect(first.statusCode, first.body).toBe(201);
    planId = (first.json() as { id: string }).id;
    const again = await portal('kim', 'POST', `/casussen/${caseId}/familiegroepsplan`);
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as { id: string }).id).toBe(planId);
    const row = await opened.db
      .selectFrom('plan')
      .select(['kind', 'created_by', 'created_by_person'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      kind: 'familiegroepsplan',
      created_by: null,
      created_by_person: person['kim'],
    });
    expect(await auditOf('portaal.familiegroepsplan-beginnen')).toEqual([
      {
        role: 'burger',
        staff_id: null,
        case_id: caseId,
        details: { persoon: person['kim'], planId },
      },
    ]);
  });

  it('refuses bad content with 400, naming every field in Dutch', async () => {
    const res = await portal('kim', 'PUT', `/casussen/${caseId}/familiegroepsplan`, {
      basisRevisie: 0,
      doelen: [{ omschrijving: '  ', streefdatum: '30-06-2026' }],
      netwerk: [{ naam: '', steun: '' }],
      afspraken: [{ wie: '', wat: 'Belt school', wanneer: 'volgende week' }],
    });
    expect(res.statusCode, res.body).toBe(400);
    const fields = (res.json() as ApiErrorBody).error.fields;
    expect(fields).toEqual([
      { path: 'body.doelen.0.omschrijving', message: 'schrijf op wat jullie willen bereiken' },
      { path: 'body.doelen.0.streefdatum', message: 'geen geldige datum' },
      { path: 'body.netwerk.0.naam', message: 'vul de naam in' },
      { path: 'body.netwerk.0.steun', message: 'schrijf op hoe deze persoon helpt' },
      { path: 'body.afspraken.0.wie', message: 'vul in wie het doet' },
      { path: 'body.afspraken.0.wanneer', message: 'vul in wanneer het klaar is' },
    ]);
    const missing = await portal('kim', 'PUT', `/casussen/${caseId}/familiegroepsplan`, {
      basisRevisie: 0,
      doelen: [],
      netwerk: [{ naam: 'Oma Ria' }],
      afspraken: [],
    });
    expect(missing.statusCode, missing.body).toBe(400);
    expect((missing.json() as ApiErrorBody).error.fields.map((f) => f.path)).toEqual([
      'body.netwerk.0.steun',
    ]);
  });

  it('saves goals, network and agreements; the casusregisseur reads the same plan', async () => {
    const res = await portal('kim', 'PUT', `/casussen/${caseId}/familiegroepsplan`, written);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ versie: 1, revisie: 1 });

    const staff = await lead.request('GET', `/api/v1/plannen/${planId}`);
    expect(staff.statusCode, staff.body).toBe(200);
    const plan = staff.json() as {
      soort: string;
      casusId: string;
      versies: { status: string; ingangsdatum: string; inhoud: Record<string, unknown> }[];
    };
    expect(plan.soort).toBe('familiegroepsplan');
    expect(plan.casusId).toBe(caseId);
    expect(plan.versies).toHaveLength(1);
    const inhoud = plan.versies[0]?.inhoud as {
      doelen: { id: string; eigenaar: { soort: string; naam: string } }[];
      netwerk: unknown;
      afspraken: { id: string; wie: string; wat: string; wanneer: string }[];
      opgesteldDoor: string;
    };
    expect(plan.versies[0]?.ingangsdatum).toBe('2026-03-12');
    expect(inhoud.opgesteldDoor).toBe('Kim Bakker met oma Ria en buurvrouw Fatima');
    // Oma Ria is in the network, so the goal she works on is owned by the network.
    expect(inhoud.doelen).toEqual([
      {
        id: expect.any(String) as string,
        resultaatgebied: '',
        omschrijving: 'Noor gaat weer elke dag naar school',
        meetbaarResultaat: 'Noor is vijf dagen per week op school',
        eigenaar: { soort: 'netwerk', naam: 'Oma Ria' },
        streefdatum: '2026-06-30',
        voortgang: 'niet-gestart',
      },
    ]);
    expect(inhoud.netwerk).toEqual([
      { naam: 'Oma Ria', steun: 'Haalt Noor op dinsdag en donderdag uit school' },
    ]);
    expect(inhoud.afspraken).toEqual([
      {
        id: expect.any(String) as string,
        wie: 'Kim',
        wat: 'Belt de mentor van Noor',
        wanneer: '2026-03-20',
      },
    ]);
    expect(await auditOf('portaal.familiegroepsplan-schrijven')).toEqual([
      {
        role: 'burger',
        staff_id: null,
        case_id: caseId,
        details: { persoon: person['kim'], planId, versie: 1, nieuweVersie: false, revisie: 1 },
      },
    ]);

    // A change by the professional keeps the family's network and agreements.
    const saved = await lead.request('PUT', `/api/v1/plannen/${planId}/concept`, {
      ingangsdatum: '2026-03-12',
      inhoud: { ...inhoud, gewensteHulp: 'Gezinscoach, één keer per week.' },
      basisRevisie: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // A family save based on the revision before that change is refused (ADR 0028), naming the
    // changed section of the portal's own form.
    const stale = await portal('kim', 'PUT', `/casussen/${caseId}/familiegroepsplan`, {
      ...written,
      basisRevisie: 1,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    const conflict = stale.json() as {
      error: { message: string; wijziging: { door: string; velden: unknown[] } };
    };
    expect(conflict.error.wijziging.velden).toEqual([
      { path: 'gewensteHulp', label: 'Gewenste hulp' },
    ]);
    expect(conflict.error.message).toContain(conflict.error.wijziging.door);
    const again = (
      (await portal('kim', 'GET', `/casussen/${caseId}/familiegroepsplan`)).json() as FamilyPlan
    ).plan;
    expect(again?.netwerk).toEqual(written.netwerk);
    expect(again?.afspraken.map((a) => a.id)).toEqual(inhoud.afspraken.map((a) => a.id));
  });

  it('lets the 14-year-old read the plan but not write or keep track', async () => {
    const res = await portal('noor', 'GET', `/casussen/${caseId}/familiegroepsplan`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as FamilyPlan;
    expect(view.magSchrijven).toBe(false);
    expect(view.waaromNietSchrijven).toContain('jonger dan 16');
    expect(view.magBijhouden).toBe(false);
    expect(view.plan?.doelen.map((d) => d.omschrijving)).toEqual([
      'Noor gaat weer elke dag naar school',
    ]);
    expect(view.plan?.netwerk).toEqual(written.netwerk);
    const track = await portal('noor', 'PUT', `/casussen/${caseId}/familiegroepsplan/afspraken/0`, {
      gedaan: true,
      op: '2026-03-12',
    });
    expect(track.statusCode, track.body).toBe(403);
  });

  it('lets the parent mark an agreement done; professionals see it on the plan', async () => {
    const res = await portal('kim', 'PUT', `/casussen/${caseId}/familiegroepsplan/afspraken/0`, {
      gedaan: true,
      op: '2026-03-11',
      toelichting: 'De mentor belt terug op maandag.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      wie: 'Kim',
      wat: 'Belt de mentor van Noor',
      status: {
        gedaan: true,
        op: '2026-03-11',
        toelichting: 'De mentor belt terug op maandag.',
        door: 'Kim Bakker',
      },
    });
    const staff = await lead.request('GET', `/api/v1/plannen/${planId}/afspraken`);
    expect(staff.statusCode, staff.body).toBe(200);
    expect((staff.json() as { afspraken: Tracked[] }).afspraken).toMatchObject([
      { wie: 'Kim', status: { gedaan: true, op: '2026-03-11', door: 'Kim Bakker' } },
    ]);
    // Not done after all: the same row changes, the audit keeps both.
    const undo = await portal('kim', 'PUT', `/casussen/${caseId}/familiegroepsplan/afspraken/0`, {
      gedaan: false,
      op: '2026-03-12',
    });
    expect(undo.statusCode, undo.body).toBe(200);
    const view = (
      (await portal('kim', 'GET', `/casussen/${caseId}/familiegroepsplan`)).json() as FamilyPlan
    ).plan;
    expect(view?.bijhouden[0]?.status).toMatchObject({ gedaan: false, op: '2026-03-12' });
    const audit = await auditOf('portaal.afspraak-bijhouden');
    expect(audit.map((a) => (a.details as { gedaan: boolean }).gedaan)).toEqual([true, false]);
    expect(audit[0]).toMatchObject({ role: 'burger', staff_id: null, case_id: caseId });
    expect(audit[0]?.details).toMatchObject({ persoon: person['kim'], planId, versie: 1 });
    const reads = await opened.db
      .selectFrom('audit_log')
      .select('role')
      .where('action', '=', 'plan.afspraken-lezen')
      .where('case_id', '=', caseId)
      .execute();
    expect(reads).toHaveLength(1);
  });

  it('refuses a date to come, an agreement that does not exist, another household', async () => {
    const future = await portal('kim', 'PUT', `/casussen/${caseId}/familiegroepsplan/afspraken/0`, {
      gedaan: true,
      op: '2026-03-13',
    });
    expect(future.statusCode, future.body).toBe(400);
    expect((future.json() as ApiErrorBody).error.fields).toEqual([
      { path: 'body.op', message: 'deze datum is nog niet geweest' },
    ]);
    const none = await portal('kim', 'PUT', `/casussen/${caseId}/familiegroepsplan/afspraken/3`, {
      gedaan: true,
      op: '2026-03-12',
    });
    expect(none.statusCode, none.body).toBe(404);
    const other = await portal('eva', 'GET', `/casussen/${caseId}/familiegroepsplan`);
    expect(other.statusCode, other.body).toBe(404);
    const otherWrite = await portal('eva', 'PUT', `/casussen/${caseId}/familiegroepsplan`, written);
    expect(otherWrite.statusCode, otherWrite.body).toBe(404);
  });

  it('lets a family without casusregie write its plan, not keep track (403)', async () => {
    const start = await portal('eva', 'POST', `/casussen/${smitCaseId}/familiegroepsplan`);
    expect(start.statusCode, start.body).toBe(201);
    const write = await portal('eva', 'PUT', `/casussen/${smitCaseId}/familiegroepsplan`, written);
    expect(write.statusCode, write.body).toBe(200);
    const view = (
      await portal('eva', 'GET', `/casussen/${smitCaseId}/familiegroepsplan`)
    ).json() as FamilyPlan;
    expect(view).toMatchObject({ gezinHeeftCasusregie: false, magSchrijven: true });
    expect(view.magBijhouden).toBe(false);
    expect(view.waaromNietBijhouden).toContain('Uw casusregisseur');
    const track = await portal(
      'eva',
      'PUT',
      `/casussen/${smitCaseId}/familiegroepsplan/afspraken/0`,
      { gedaan: true, op: '2026-03-12' },
    );
    expect(track.statusCode, track.body).toBe(403);
    const error = (track.json() as ApiErrorBody).error;
    expect(error.fields.map((f) => f.path)).toEqual(['afspraak']);
    const refused = await opened.db
      .selectFrom('audit_log')
      .select(['role', 'details'])
      .where('action', '=', 'portaal.afspraak-bijhouden-geweigerd')
      .where(sql<boolean>`details->>'persoon' = ${person['eva'] as string}`)
      .execute();
    expect(refused).toEqual([
      { role: 'burger', details: { persoon: person['eva'], reden: 'geen-casusregie' } },
    ]);
    expect(
      await opened.db
        .selectFrom('family_agreement_status')
        .select('plan_id')
        .where('case_id', '=', smitCaseId)
        .execute(),
    ).toEqual([]);
  });

  it('every read of the portal plan is audited with role burger', async () => {
    const reads = await auditOf('portaal.familiegroepsplan-lezen');
    expect(reads.length).toBeGreaterThan(0);
    expect(new Set(reads.map((r) => r.role))).toEqual(new Set(['burger']));
    expect(reads.every((r) => r.staff_id === null)).toBe(true);
  });

  it('destroying the record takes the family plan and its marks along', async () => {
    await opened.db.transaction().execute((trx) => destroyCaseRows(trx, caseId));
    const left = await opened.db
      .selectFrom('family_agreement_status')
      .select('plan_id')
      .where('plan_id', '=', planId)
      .execute();
    expect(left).toEqual([]);
    expect(
      await opened.db.selectFrom('plan').select('id').where('id', '=', planId).execute(),
    ).toEqual([]);
  });
});
