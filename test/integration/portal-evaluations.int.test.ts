/**
 * A family holding casusregie plans its own evaluation in the portal (issue 10, ADR 0026) on
 * PGlite and, with TEST_DATABASE_URL, PostgreSQL. Gezin Bakker on 12 March 2026: mother Kim,
 * Noor (born 15 January 2012: 14) and Daan (born 1 June 2009: 16). Registered on route A, the
 * family holds casusregie; Jeugdhulp Noord has behandelregie on the case; Jeugdhulp Zuid has
 * nothing to do with it. Gezin Smit's casusregie is with the team's casusregisseur.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { type PortalFamilies, portalFamilies } from '../support/portal-families.js';
import { Client, staffAccount } from './api-client.js';
import { engines } from './databases.js';

interface PortalEvaluations {
  gezinHeeftCasusregie: boolean;
  magPlannen: boolean;
  waaromNiet: string | null;
  kunUitnodigen: { id: string; naam: string; betrokken: string[] }[];
  gepland: {
    id: string;
    geplandOp: string;
    komtNog: boolean;
    plaats: string | null;
    onderwerpen: string[];
    geplandDoorGezin: string | null;
    genodigden: { naam: string; rol: string }[];
    eigenInbreng: string | null;
    inbrengAnderen: { naam: string; tekst: string }[];
  }[];
}

interface StaffEvaluations {
  gepland: {
    id: string;
    geplandOp: string;
    genodigden: { naam: string; rol: string }[];
    geplandDoor: string;
    plaats: string | null;
    onderwerpen: string[];
    inbrengGezin: { naam: string; tekst: string }[];
  }[];
}

describe.each(engines)('family portal evaluations on %s', (engine) => {
  let families: PortalFamilies;
  let opened: OpenDatabase;
  let planner: Client;
  let caseId = '';
  let smitCaseId = '';
  let providerId = '';
  let otherProviderId = '';
  let teamId = '';
  const person: Record<string, string> = {};

  /** A request as a family member, with the portal cookie and its CSRF token. */
  const portal: PortalFamilies['portal'] = (...request) => families.portal(...request);
  const plan = (organisations: string[], at = '2026-03-26T10:00:00+01:00') => ({
    geplandOp: at,
    plaats: 'https://video.example.nl/gezin-bakker',
    onderwerpen: ['Hoe gaat het op school', 'Rust in huis'],
    genodigden: organisations,
  });
  const meetings = () =>
    opened.db.selectFrom('evaluation_meeting').select('id').where('case_id', '=', caseId).execute();

  beforeAll(async () => {
    families = await portalFamilies(engine, `lead-${engine}@evaluatie.nl`);
    ({ opened, caseId, smitCaseId, teamId } = families);
    Object.assign(person, families.person);
    providerId = await createOrganisation(opened.db, 'aanbieder', 'ZTM');
    otherProviderId = await createOrganisation(opened.db, 'aanbieder', 'ZTM');
    const plannerEmail = `planner-${engine}@noord.nl`;
    await staffAccount(opened, providerId, ['planner'], plannerEmail);
    await staffAccount(opened, otherProviderId, ['planner'], `planner-${engine}@zuid.nl`);
    planner = new Client(families.app);
    expect((await planner.login(plannerEmail)).statusCode).toBe(200);
    await opened.db
      .insertInto('case_role')
      .values({
        case_id: caseId,
        role: 'behandelregie',
        holder: 'organisatie',
        organisation_id: providerId,
        staff_id: null,
        starts_at: new Date('2026-03-05T09:00:00+01:00'),
        ends_at: null,
        reason: 'test',
        created_by: families.leadId,
      })
      .execute();
  });
  afterAll(() => families?.close());

  it('offers the parent the organisations involved in the case, not another provider', async () => {
    const res = await portal('kim', 'GET', `/casussen/${caseId}/evaluaties`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as PortalEvaluations;
    expect(view).toMatchObject({ gezinHeeftCasusregie: true, magPlannen: true, waaromNiet: null });
    const offered = new Map(view.kunUitnodigen.map((o) => [o.id, o.betrokken]));
    // The team holds procesregie and is the responsible team; the provider has behandelregie.
    expect(offered.get(teamId)?.sort()).toEqual(['lokaal-team', 'rol']);
    expect(offered.get(providerId)).toEqual(['rol']);
    expect(offered.has(otherProviderId)).toBe(false);
  });

  it('lets the parent plan; the provider’s planner sees it on the case and has a notification', async () => {
    const before = await planner.request('GET', '/api/v1/meldingen');
    const unreadBefore = (before.json() as { ongelezen: number }).ongelezen;
    const res = await portal('kim', 'POST', `/casussen/${caseId}/evaluaties`, plan([providerId]));
    expect(res.statusCode, res.body).toBe(201);
    const { id, genotificeerd } = res.json() as { id: string; genotificeerd: number };
    expect(genotificeerd).toBe(1);

    const staff = await planner.request('GET', `/api/v1/casussen/${caseId}/evaluaties`);
    expect(staff.statusCode, staff.body).toBe(200);
    const planned = (staff.json() as StaffEvaluations).gepland.find((m) => m.id === id);
    expect(planned).toMatchObject({
      geplandOp: '2026-03-26T09:00:00.000Z',
      geplandDoor: 'Kim Bakker (gezin)',
      plaats: 'https://video.example.nl/gezin-bakker',
      onderwerpen: ['Hoe gaat het op school', 'Rust in huis'],
    });
    expect(planned?.genodigden.map((p) => [p.naam, p.rol])).toEqual([
      ['Kim Bakker', 'ouder'],
      [expect.any(String), 'professional'],
    ]);

    const after = await planner.request('GET', '/api/v1/meldingen');
    const body = after.json() as {
      ongelezen: number;
      meldingen: { soort: string; titel: string; casusId: string; link: string }[];
    };
    expect(body.ongelezen).toBe(unreadBefore + 1);
    expect(body.meldingen[0]).toMatchObject({
      soort: 'evaluatie',
      casusId: caseId,
      link: `/casussen/${caseId}`,
    });
    expect(body.meldingen[0]?.titel).toBe(
      'Gezin Bakker nodigt u uit voor een evaluatie op 26-03-2026 10:00',
    );

    // The family sees it too, with the invitees, also the 14-year-old.
    const noor = await portal('noor', 'GET', `/casussen/${caseId}/evaluaties`);
    const seen = (noor.json() as PortalEvaluations).gepland.find((m) => m.id === id);
    expect(seen).toMatchObject({ komtNog: true, geplandDoorGezin: 'Kim Bakker' });
    expect(seen?.genodigden.map((p) => p.rol)).toEqual(['ouder', 'professional']);

    // Audit: role burger, no staff member, the case and the person.
    const audit = await opened.db
      .selectFrom('audit_log')
      .select(['role', 'staff_id', 'case_id', 'details'])
      .where('action', '=', 'portaal.evaluatie-plannen')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ role: 'burger', staff_id: null, case_id: caseId });
    expect(audit[0]?.details).toMatchObject({ persoon: person['kim'], meetingId: id });
    const reads = await opened.db
      .selectFrom('audit_log')
      .select('role')
      .where('action', '=', 'portaal.evaluaties-lezen')
      .where(sql<boolean>`details->>'persoon' = ${person['noor'] as string}`)
      .execute();
    expect(reads.map((r) => r.role)).toEqual(['burger']);
  });

  it('refuses the 14-year-old (403, plain Dutch) and audits the refusal; the 16-year-old may', async () => {
    const count = (await meetings()).length;
    const noor = await portal('noor', 'POST', `/casussen/${caseId}/evaluaties`, plan([providerId]));
    expect(noor.statusCode, noor.body).toBe(403);
    const error = (noor.json() as { error: { message: string; fields: { path: string }[] } }).error;
    expect(error.message).toContain('Je bent jonger dan 16');
    expect(error.fields.map((f) => f.path)).toEqual(['rol']);
    expect(await meetings()).toHaveLength(count);
    const refused = await opened.db
      .selectFrom('audit_log')
      .select(['role', 'details'])
      .where('action', '=', 'portaal.evaluatie-plannen-geweigerd')
      .where('case_id', '=', caseId)
      .execute();
    expect(refused).toEqual([
      { role: 'burger', details: { persoon: person['noor'], reden: 'jongere-12-15' } },
    ]);
    const view = (
      await portal('noor', 'GET', `/casussen/${caseId}/evaluaties`)
    ).json() as PortalEvaluations;
    expect(view).toMatchObject({ magPlannen: false, kunUitnodigen: [] });

    const daan = await portal('daan', 'POST', `/casussen/${caseId}/evaluaties`, plan([teamId]));
    expect(daan.statusCode, daan.body).toBe(201);
  });

  it('refuses a family without casusregie: "uw casusregisseur plant de evaluaties"', async () => {
    const res = await portal('eva', 'POST', `/casussen/${smitCaseId}/evaluaties`, plan([teamId]));
    expect(res.statusCode, res.body).toBe(403);
    const error = (res.json() as { error: { message: string; fields: { path: string }[] } }).error;
    expect(error.message).toContain('Uw casusregisseur plant de evaluaties');
    expect(error.fields.map((f) => f.path)).toEqual(['casusregie']);
    const view = (
      await portal('eva', 'GET', `/casussen/${smitCaseId}/evaluaties`)
    ).json() as PortalEvaluations;
    expect(view).toMatchObject({ gezinHeeftCasusregie: false, magPlannen: false });
  });

  it('refuses an organisation not involved (400 naming the field); nothing is stored', async () => {
    const count = (await meetings()).length;
    const res = await portal(
      'kim',
      'POST',
      `/casussen/${caseId}/evaluaties`,
      plan([providerId, otherProviderId]),
    );
    expect(res.statusCode, res.body).toBe(400);
    const fields = (res.json() as { error: { fields: { path: string }[] } }).error.fields;
    expect(fields.map((f) => f.path)).toEqual(['body.genodigden.1']);
    const past = await portal(
      'kim',
      'POST',
      `/casussen/${caseId}/evaluaties`,
      plan([providerId], '2026-03-01T10:00:00+01:00'),
    );
    expect(past.statusCode).toBe(400);
    expect(
      (past.json() as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path),
    ).toEqual(['body.geplandOp']);
    expect(await meetings()).toHaveLength(count);
    const notified = await opened.db
      .selectFrom('notification')
      .innerJoin('staff', 'staff.id', 'notification.staff_id')
      .select('notification.id')
      .where('staff.organisation_id', '=', otherProviderId)
      .execute();
    expect(notified).toEqual([]);
  });

  it('answers 404 for another household’s case, as for one that does not exist', async () => {
    for (const id of [smitCaseId, '00000000-0000-4000-8000-000000000000', 'geen-id']) {
      const res = await portal('kim', 'POST', `/casussen/${id}/evaluaties`, plan([providerId]));
      expect(res.statusCode, id).toBe(404);
      expect((await portal('kim', 'GET', `/casussen/${id}/evaluaties`)).statusCode).toBe(404);
    }
  });

  it('takes the 14-year-old’s own view to the invited professionals; the parent sees it too', async () => {
    const [first] = (
      (await portal('kim', 'GET', `/casussen/${caseId}/evaluaties`)).json() as PortalEvaluations
    ).gepland;
    const meetingId = first?.id ?? '';
    const put = (who: string, tekst: string) =>
      portal(who, 'PUT', `/casussen/${caseId}/evaluaties/${meetingId}/inbreng`, { tekst });
    expect((await put('noor', '  Ik wil minder huiswerk.  ')).statusCode).toBe(200);
    expect((await put('daan', 'Mijn eigen woorden.')).statusCode).toBe(200);

    const staff = (
      await planner.request('GET', `/api/v1/casussen/${caseId}/evaluaties`)
    ).json() as StaffEvaluations;
    expect(staff.gepland.find((m) => m.id === meetingId)?.inbrengGezin).toEqual([
      { naam: 'Noor Bakker', tekst: 'Ik wil minder huiswerk.' },
      { naam: 'Daan Bakker', tekst: 'Mijn eigen woorden.' },
    ]);
    // Kim sees what Noor (14) wrote, not what Daan (16) wrote; Noor sees her own only.
    const kim = (
      (await portal('kim', 'GET', `/casussen/${caseId}/evaluaties`)).json() as PortalEvaluations
    ).gepland.find((m) => m.id === meetingId);
    expect(kim?.inbrengAnderen).toEqual([
      { naam: 'Noor Bakker', tekst: 'Ik wil minder huiswerk.' },
    ]);
    const noor = (
      (await portal('noor', 'GET', `/casussen/${caseId}/evaluaties`)).json() as PortalEvaluations
    ).gepland.find((m) => m.id === meetingId);
    expect(noor).toMatchObject({ eigenInbreng: 'Ik wil minder huiswerk.', inbrengAnderen: [] });

    // An empty text takes it back.
    expect((await put('daan', '')).json()).toEqual({ opgeslagen: false });
    const audit = await opened.db
      .selectFrom('audit_log')
      .select(['role', 'details'])
      .where('action', '=', 'portaal.evaluatie-inbreng')
      .execute();
    expect(audit.map((a) => a.role)).toEqual(['burger', 'burger', 'burger']);
    expect(audit[0]?.details).toMatchObject({ persoon: person['noor'], meetingId });
    // A meeting of another case is not found.
    const wrong = await portal(
      'eva',
      'PUT',
      `/casussen/${smitCaseId}/evaluaties/${meetingId}/inbreng`,
      { tekst: 'x' },
    );
    expect(wrong.statusCode).toBe(404);
  });
});
