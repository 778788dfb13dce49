import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addEvent,
  assignRole,
  getCase,
  registerRequest,
  visibleCaseIds,
} from '../../src/store/cases.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { StoreError } from '../../src/store/errors.js';
import { createOrganisation, createStaff, freshBsn, routeARequest } from '../factories.js';
import { engines, freshDatabase } from './databases.js';

const NOW = new Date('2026-03-10T11:00:00Z');

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(engines)('cases on %s', (engine) => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await freshDatabase(engine);
  });
  afterAll(() => opened.close());

  it('registers a route A request with household, roles, the aanmelding event and an audit record', async () => {
    const { db } = opened;
    const team = await createOrganisation(db, 'lokaal-team');
    const worker = await createStaff(db, team, ['casusregisseur']);
    const { caseId } = await registerRequest(db, worker, routeARequest(team));

    const detail = await getCase(db, worker, caseId, NOW);
    expect(detail.route).toBe('A');
    expect(detail.persons.map((p) => p.kind).sort()).toEqual(['jeugdige', 'ouder']);
    expect(detail.events.map((e) => [e.type, e.at.toISOString()])).toEqual([
      ['aanmelding', '2026-03-02T08:00:00.000Z'],
    ]);
    // Ids as the rest of the API gives them (text), not as JSON numbers.
    const stored = await db
      .selectFrom('case_event')
      .select('id')
      .where('case_id', '=', caseId)
      .execute();
    expect(detail.events.map((e) => e.id)).toEqual(stored.map((e) => e.id));
    expect(typeof detail.events[0]?.id).toBe('string');
    expect(detail.roles.map((r) => [r.role, r.holder])).toEqual(
      expect.arrayContaining([
        ['procesregie', 'organisatie'],
        ['casusregie', 'gezin'],
      ]),
    );
    // The team holds procesregie from the registration on.
    expect(detail.access.basis).toBe('rol-organisatie');

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'staff_id', 'organisation_id', 'client_address'])
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'casus.registreren',
        staff_id: worker.actor.staffId,
        organisation_id: team,
        client_address: '127.0.0.1',
      },
      {
        action: 'casus.lezen',
        staff_id: worker.actor.staffId,
        organisation_id: team,
        client_address: '127.0.0.1',
      },
    ]);
  });

  it('route C starts with the court order on the timeline and the GI holding casusregie', async () => {
    const { db } = opened;
    const gi = await createOrganisation(db, 'gi', 'RIJ');
    const protector = await createStaff(db, gi, ['jeugdbeschermer']);
    const { caseId } = await registerRequest(db, protector, {
      ...routeARequest(null as unknown as string),
      route: 'C',
      region: 'RIJ',
      measure: 'ots',
      responsibleTeamId: null,
      courtOrder: { date: '2026-02-27' },
    });
    const detail = await getCase(db, protector, caseId, NOW);
    expect(detail.events.map((e) => e.type)).toEqual(['rechterlijke-opdracht', 'aanmelding']);
    // The court order's date is a local date: midnight in Amsterdam is 23:00 UTC the day before.
    expect(detail.events[0]?.at.toISOString()).toBe('2026-02-26T23:00:00.000Z');
    expect(detail.roles.find((r) => r.role === 'casusregie')).toMatchObject({
      holder: 'professional',
      staffId: protector.actor.staffId,
    });
    expect(detail.access.basis).toBe('eigen-rol');
  });

  it('answers "not found" to a provider without a role, and logs the refusal with its reason', async () => {
    const { db } = opened;
    const team = await createOrganisation(db, 'lokaal-team');
    const worker = await createStaff(db, team, ['casusregisseur']);
    const { caseId } = await registerRequest(db, worker, routeARequest(team));
    const provider = await createStaff(db, await createOrganisation(db, 'aanbieder'), ['planner']);

    const error = await refusal(getCase(db, provider, caseId, NOW));
    expect(error.code).toBe('not-found');
    const missing = await refusal(
      getCase(db, provider, '00000000-0000-4000-8000-000000000000', NOW),
    );
    expect(missing.code).toBe('not-found');
    expect(missing.message).toBe(error.message);

    const logged = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('case_id', '=', caseId)
      .where('staff_id', '=', provider.actor.staffId)
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]?.action).toBe('casus.geweigerd');
    expect(JSON.stringify(logged[0]?.details)).toContain('geen actieve rol');
  });

  it('lets the provider in once its organisation holds behandelregie, and keeps the role history', async () => {
    const { db } = opened;
    const team = await createOrganisation(db, 'lokaal-team');
    const worker = await createStaff(db, team, ['casusregisseur']);
    const { caseId } = await registerRequest(db, worker, routeARequest(team));
    const providerOrg = await createOrganisation(db, 'aanbieder');
    const provider = await createStaff(db, providerOrg, ['planner']);

    await assignRole(
      db,
      worker,
      caseId,
      {
        role: 'behandelregie',
        holder: 'organisatie',
        organisationId: providerOrg,
        staffId: null,
        startsAt: new Date('2026-03-05T09:00:00Z'),
        reason: 'toewijzing',
      },
      NOW,
    );
    await assignRole(
      db,
      worker,
      caseId,
      {
        role: 'casusregie',
        holder: 'professional',
        organisationId: team,
        staffId: worker.actor.staffId,
        startsAt: new Date('2026-03-06T09:00:00Z'),
        reason: 'gezin kan regie niet dragen',
      },
      NOW,
    );

    const detail = await getCase(db, provider, caseId, NOW);
    expect(detail.access.basis).toBe('rol-organisatie');
    // Reading is not commissioning: the provider cannot move casusregie.
    const refused = await refusal(
      assignRole(
        db,
        provider,
        caseId,
        {
          role: 'casusregie',
          holder: 'organisatie',
          organisationId: providerOrg,
          staffId: null,
          startsAt: new Date('2026-03-07T09:00:00Z'),
          reason: 'poging',
        },
        NOW,
      ),
    );
    expect(refused.code).toBe('forbidden');
    const casusregie = detail.roles.filter((r) => r.role === 'casusregie');
    expect(casusregie.map((r) => [r.holder, r.endsAt?.toISOString() ?? null])).toEqual([
      ['gezin', '2026-03-06T09:00:00.000Z'],
      ['professional', null],
    ]);
  });

  it('refuses a duplicate BSN and stores nothing of the second request', async () => {
    const { db } = opened;
    const team = await createOrganisation(db, 'lokaal-team');
    const worker = await createStaff(db, team, ['casusregisseur']);
    const bsn = freshBsn();
    await registerRequest(
      db,
      worker,
      routeARequest(team, { youngPersons: [{ name: 'Eén', birthDate: '2014-01-01', bsn }] }),
    );
    const before = await db
      .selectFrom('household')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const error = await refusal(
      registerRequest(
        db,
        worker,
        routeARequest(team, {
          householdLabel: 'Ander gezin',
          youngPersons: [{ name: 'Twee', birthDate: '2015-01-01', bsn }],
        }),
      ),
    );
    expect(error.code).toBe('conflict');
    expect(error.fields).toEqual([
      { path: 'youngPersons[0].bsn', message: 'er is al een dossier met dit BSN' },
    ]);
    const after = await db
      .selectFrom('household')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses an event before the registration or in the future, and stores nothing', async () => {
    const { db } = opened;
    const team = await createOrganisation(db, 'lokaal-team');
    const worker = await createStaff(db, team, ['casusregisseur']);
    const { caseId } = await registerRequest(db, worker, routeARequest(team));
    const early = await refusal(
      addEvent(db, worker, caseId, { type: 'intake', at: new Date('2026-03-01T08:00:00Z') }, NOW),
    );
    expect(early.fields).toEqual([{ path: 'at', message: 'ligt vóór de aanmelding van de casus' }]);
    const late = await refusal(
      addEvent(db, worker, caseId, { type: 'intake', at: new Date('2026-04-01T08:00:00Z') }, NOW),
    );
    expect(late.fields).toEqual([{ path: 'at', message: 'ligt in de toekomst' }]);
    await addEvent(
      db,
      worker,
      caseId,
      { type: 'intake', at: new Date('2026-03-09T08:00:00Z') },
      NOW,
    );
    const events = await db
      .selectFrom('case_event')
      .select('type')
      .where('case_id', '=', caseId)
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual(['aanmelding', 'intake']);
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .where('action', '=', 'casus.gebeurtenis-toevoegen')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('the list filter shows exactly the cases the access policy allows', async () => {
    const { db } = opened;
    const teamA = await createOrganisation(db, 'lokaal-team');
    const teamB = await createOrganisation(db, 'lokaal-team');
    const a = await createStaff(db, teamA, ['casusregisseur']);
    const b = await createStaff(db, teamB, ['casusregisseur']);
    const admin = await createStaff(db, teamA, ['beheerder']);
    const caseA = (await registerRequest(db, a, routeARequest(teamA))).caseId;
    const caseB = (await registerRequest(db, b, routeARequest(teamB))).caseId;

    for (const actor of [a, b, admin]) {
      const visible = new Set(await visibleCaseIds(db, actor, NOW));
      for (const caseId of [caseA, caseB]) {
        const readable = await getCase(db, actor, caseId, NOW).then(
          () => true,
          () => false,
        );
        expect(visible.has(caseId), `${actor.actor.roles.join()} ${caseId}`).toBe(readable);
      }
    }
    expect(await visibleCaseIds(db, admin, NOW)).toEqual([]);
  });

  it('the list filter counts only roles running now and open handovers, as the policy does', async () => {
    const { db } = opened;
    const team = await createOrganisation(db, 'lokaal-team');
    const lead = await createStaff(db, team, ['casusregisseur']);
    const caseId = (await registerRequest(db, lead, routeARequest(team))).caseId;
    const providers = await Promise.all([1, 2, 3].map(() => createOrganisation(db, 'aanbieder')));
    const [ended, future, running] = await Promise.all(
      providers.map((p) => createStaff(db, p, ['behandelaar'])),
    );
    const otherTeam = await createOrganisation(db, 'lokaal-team');
    const [toOpen, toDone] = await Promise.all(
      [1, 2].map(() => createStaff(db, otherTeam, ['casusregisseur'])),
    );
    const role = (organisationId: string, startsAt: string, endsAt: string | null) => ({
      case_id: caseId,
      role: 'behandelregie' as const,
      holder: 'organisatie' as const,
      organisation_id: organisationId,
      staff_id: null,
      starts_at: new Date(startsAt),
      ends_at: endsAt === null ? null : new Date(endsAt),
      reason: null,
      created_by: null,
    });
    await db
      .insertInto('case_role')
      .values([
        role(providers[0] ?? '', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'),
        role(providers[1] ?? '', '2026-04-01T00:00:00Z', null),
        role(providers[2] ?? '', '2026-02-01T00:00:00Z', null),
      ])
      .execute();
    const handover = (to: string, status: 'open' | 'afgerond') => ({
      case_id: caseId,
      status,
      from_holder: 'professional' as const,
      from_staff_id: lead.actor.staffId,
      from_organisation_id: team,
      to_staff_id: to,
      to_organisation_id: otherTeam,
      reason: 'test',
      started_by: lead.actor.staffId,
      started_at: new Date('2026-03-01T00:00:00Z'),
    });
    await db
      .insertInto('casusregie_handover')
      .values([
        handover(toOpen?.actor.staffId ?? '', 'open'),
        handover(toDone?.actor.staffId ?? '', 'afgerond'),
      ])
      .execute();

    const sees = async (actor: typeof lead | undefined) =>
      (await visibleCaseIds(db, actor ?? lead, NOW)).includes(caseId);
    // Ended and future roles and a finished handover give no access; a running role and an open
    // handover do (caseAccess, the policy the case page applies).
    expect(await sees(ended)).toBe(false);
    expect(await sees(future)).toBe(false);
    expect(await sees(running)).toBe(true);
    expect(await sees(toOpen)).toBe(true);
    expect(await sees(toDone)).toBe(false);
    for (const actor of [ended, future, running, toOpen, toDone]) {
      if (!actor) continue;
      const readable = await getCase(db, actor, caseId, NOW).then(
        () => true,
        () => false,
      );
      expect(await sees(actor)).toBe(readable);
    }
  });
});
