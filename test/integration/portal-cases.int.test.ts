/**
 * The family portal's case view (issue 10, ADR 0026) on PGlite and, with TEST_DATABASE_URL,
 * PostgreSQL. Gezin Bakker on 12 March 2026: parents Kim and Bas, Noor (born 15 January 2012:
 * 14) and Daan (born 1 June 2009: 16). The plan has a family goal, a goal about Noor, one only
 * about Kim (private to her) and one about Daan. Portal sessions are made directly; the cookie
 * is sent as a browser would.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { createPortalSession } from '../../src/server/portal/sessions.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { personIdsOf, registerFamily } from '../support/portal-families.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface PortalGoal {
  id: string;
  omschrijving: string;
  voortgang: string;
  voortgangVan: string | null;
  betreft: string[];
}
interface PortalCase {
  titel: string;
  lezer: { naam: string; rol: string };
  wieIsWie: {
    rol: string;
    titel: string;
    uitleg: string;
    naam: string | null;
    organisatie: string | null;
    email: string | null;
  }[];
  plannen: { soort: string; status: string; doelen: PortalGoal[] }[];
  termijnen: { regel: string; titel: string; uiterlijk: string; verlopen: boolean }[];
  toestemmingen: { persoon: string; ontvangerSoort: string; doel: string }[];
  gedeeld: { wat: string }[];
}

const goal = (id: string, omschrijving: string, betreft?: string[]) => ({
  id,
  resultaatgebied: 'opvoeden-en-opgroeien',
  omschrijving,
  meetbaarResultaat: 'afgesproken met het gezin',
  eigenaar: { soort: 'gezin', naam: 'het gezin' },
  streefdatum: '2026-09-01',
  voortgang: 'loopt',
  ...(betreft ? { betreft } : {}),
});

describe.each(engines)('family portal case view on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  const now = new Date('2026-03-12T15:00:00+01:00');
  const clock = { now: () => now };
  let lead: Client;
  let leadId = '';
  let leadEmail = '';
  let caseId = '';
  let otherCaseId = '';
  const person: Record<string, string> = {};

  const portalGet = async (who: string | null, url: string) => {
    const headers: Record<string, string> = {};
    if (who !== null) {
      const { token } = await createPortalSession(opened.db, person[who] as string, now);
      headers['cookie'] = `casusregie_portaal=${token}`;
    }
    return app.inject({ method: 'GET', url, headers });
  };
  const caseAs = async (who: string) => {
    const res = await portalGet(who, `/api/v1/portaal/casussen/${caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PortalCase;
  };
  const goalsOf = (view: PortalCase) => view.plannen.flatMap((p) => p.doelen.map((g) => g.id));

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({ db: opened.db, clock, profiles: loadProfiles(), secureCookies: false });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    leadEmail = `lead-${engine}@portaal.nl`;
    leadId = await staffAccount(opened, team, ['teamleider', 'casusregisseur'], leadEmail);
    lead = new Client(app);
    expect((await lead.login(leadEmail)).statusCode).toBe(200);
    caseId = await registerFamily(lead, 'Bakker', { parents: ['Kim', 'Bas'] });
    const other = await lead.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({ regio: 'ZTM', gezin: { naam: 'Gezin Smit' } }),
    );
    otherCaseId = (other.json() as { id: string }).id;
    Object.assign(person, await personIdsOf(opened.db, caseId));

    const plan = await lead.request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: '2026-03-10',
      inhoud: {
        doelen: [
          goal('gezin-rust', 'Er is meer rust in huis'),
          goal('noor-school', 'Noor gaat elke dag naar school', [person['noor'] as string]),
          goal('kim-schulden', 'Kim lost haar schulden af met hulp', [person['kim'] as string]),
          goal('daan-werk', 'Daan vindt een bijbaan', [person['daan'] as string]),
        ],
      },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    // Fixed (signing is the plans test's concern), then evaluated: Noor's goal was reached.
    const version = await opened.db
      .updateTable('plan_version')
      .set({ status: 'vastgesteld', fixed_at: now, fixed_by: leadId })
      .where('plan_id', '=', (plan.json() as { id: string }).id)
      .returning('id')
      .executeTakeFirstOrThrow();
    await opened.db
      .insertInto('evaluation')
      .values({
        case_id: caseId,
        plan_version_id: version.id,
        kind: 'tussen',
        held_at: new Date('2026-03-11T10:00:00+01:00'),
        participants: '[]',
        minutes: JSON.stringify({
          goals: [
            { goalId: 'noor-school', progress: 'bereikt', notes: '', decision: '', actions: [] },
          ],
          general: '',
        }),
        recorded_by: leadId,
        recorded_at: now,
      })
      .execute();
    // The team's casusregisseur takes casusregie over from the family.
    await opened.db
      .updateTable('case_role')
      .set({ ends_at: new Date('2026-03-05T09:00:00+01:00') })
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
        starts_at: new Date('2026-03-05T09:00:00+01:00'),
        ends_at: null,
        reason: 'test',
        created_by: leadId,
      })
      .execute();
    const note = await lead.request('POST', `/api/v1/casussen/${caseId}/werkaantekeningen`, {
      tekst: 'WERKAANTEKENING-NOOIT-IN-HET-PORTAAL',
    });
    expect(note.statusCode, note.body).toBe(201);
    const consent = (personId: string, recipient: 'school' | 'huisarts', purpose: string) => ({
      case_id: caseId,
      person_id: personId,
      recipient_kind: recipient,
      organisation_id: null,
      purpose,
      status: 'gegeven' as const,
      given_on: '2026-03-06',
      manner: 'mondeling' as const,
      recorded_by: leadId,
      recorded_at: now,
    });
    await opened.db
      .insertInto('consent')
      .values([
        consent(person['kim'] as string, 'school', 'afstemming over Noor'),
        consent(person['daan'] as string, 'huisarts', 'DAAN-EIGEN-TOESTEMMING'),
      ])
      .execute();
    const decision = (what: string, visible: boolean) => ({
      case_id: caseId,
      what,
      recipient_kind: 'school' as const,
      recipient: 'De Regenboog',
      basis: 'toestemming' as const,
      consent_reference: 'toestemming Kim 6-3',
      weighing: null,
      exception_kind: null,
      exception_motivation: null,
      visible_to_family: visible,
      withheld_reason: visible ? null : 'veiligheid',
      decided_by: leadId,
      decided_at: now,
    });
    await opened.db
      .insertInto('sharing_decision')
      .values([decision('rooster en aanwezigheid', true), decision('VERBORGEN-BESLUIT', false)])
      .execute();
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  it('lists the household’s open case with a plain title, and not another family’s', async () => {
    const res = await portalGet('kim', '/api/v1/portaal/casussen');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { casussen: { id: string; titel: string }[] };
    expect(body.casussen).toEqual([
      expect.objectContaining({ id: caseId, titel: 'Hulp via het lokaal team: Gezin Bakker' }),
    ]);
  });

  it('shows a parent who is who, the plan with its goals, the deadlines and what was shared', async () => {
    const view = await caseAs('kim');
    expect(view.lezer).toEqual({ naam: 'Kim Bakker', rol: 'vertegenwoordiger' });
    const casusregie = view.wieIsWie.find((c) => c.rol === 'casusregie');
    expect(casusregie).toMatchObject({ naam: leadEmail, email: leadEmail });
    expect(casusregie?.uitleg).toContain('overzicht');
    expect(view.wieIsWie.map((c) => c.rol)).toEqual(['casusregie', 'procesregie']);
    // Kim sees the family goal, Noor's (14: she represents her), her own; not Daan's (16+).
    expect(goalsOf(view)).toEqual(['gezin-rust', 'noor-school', 'kim-schulden']);
    const noor = view.plannen[0]?.doelen.find((g) => g.id === 'noor-school');
    expect(noor).toMatchObject({ voortgang: 'bereikt', betreft: ['Noor Bakker'] });
    expect(noor?.voortgangVan).not.toBeNull();
    // Registered 2 March; first contact within 5 working days (ZTM-TERM-FIRST-CONTACT) is
    // overdue on 12 March, and every deadline names its rule.
    expect(view.termijnen.find((t) => t.regel === 'ZTM-TERM-FIRST-CONTACT')).toMatchObject({
      verlopen: true,
    });
    expect(view.termijnen.every((t) => /^[A-Z]+-[A-Z]+-/.test(t.regel) && t.titel)).toBe(true);
    expect(view.toestemmingen.map((t) => t.doel)).toEqual(['afstemming over Noor']);
    expect(view.gedeeld.map((s) => s.wat)).toEqual(['rooster en aanwezigheid']);
  });

  it('shows the 14-year-old her own and the family’s goals, nothing private of her mother', async () => {
    const res = await portalGet('noor', `/api/v1/portaal/casussen/${caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as PortalCase;
    expect(view.lezer.rol).toBe('jongere-12-15');
    expect(goalsOf(view)).toEqual(['gezin-rust', 'noor-school']);
    expect(res.body).not.toContain('schulden');
    expect(res.body).not.toContain('DAAN-EIGEN-TOESTEMMING');
    expect(res.body).not.toContain('WERKAANTEKENING');
    expect(res.body).not.toContain('VERBORGEN-BESLUIT');
    // The parent's consent is given for the children: Noor sees it.
    expect(view.toestemmingen.map((t) => t.persoon)).toEqual(['Kim Bakker']);
  });

  it('shows the 16-year-old his own goal and consent, and hides them from his parents', async () => {
    const daan = await caseAs('daan');
    expect(daan.lezer.rol).toBe('jongere-16-plus');
    expect(goalsOf(daan)).toEqual(['gezin-rust', 'daan-werk']);
    expect(daan.toestemmingen.map((t) => t.doel).sort()).toEqual([
      'DAAN-EIGEN-TOESTEMMING',
      'afstemming over Noor',
    ]);
    const bas = await caseAs('bas');
    expect(goalsOf(bas)).toEqual(['gezin-rust', 'noor-school']);
    expect(JSON.stringify(bas)).not.toContain('DAAN-EIGEN-TOESTEMMING');
  });

  it('answers 404 for another household’s case, as for one that does not exist', async () => {
    for (const id of [otherCaseId, '00000000-0000-4000-8000-000000000000', 'geen-id']) {
      const res = await portalGet('kim', `/api/v1/portaal/casussen/${id}`);
      expect(res.statusCode, id).toBe(404);
    }
  });

  it('answers 401 without a portal session, also to a logged-in professional', async () => {
    expect((await portalGet(null, `/api/v1/portaal/casussen/${caseId}`)).statusCode).toBe(401);
    expect((await portalGet(null, '/api/v1/portaal/casussen')).statusCode).toBe(401);
    expect((await lead.request('GET', `/api/v1/portaal/casussen/${caseId}`)).statusCode).toBe(401);
  });

  it('ends the session of a parent whose authority is removed (401)', async () => {
    const { token } = await createPortalSession(opened.db, person['bas'] as string, now);
    const get = () =>
      app.inject({
        method: 'GET',
        url: `/api/v1/portaal/casussen/${caseId}`,
        headers: { cookie: `casusregie_portaal=${token}` },
      });
    expect((await get()).statusCode).toBe(200);
    await opened.db
      .updateTable('person')
      .set({ authority_removed: true })
      .where('id', '=', person['bas'] as string)
      .execute();
    expect((await get()).statusCode).toBe(401);
    // The session that was refused is gone (only its SHA-256 is stored).
    const sessions = await opened.db
      .selectFrom('portal_session')
      .select('id')
      .where('id', '=', createHash('sha256').update(token).digest('hex'))
      .execute();
    expect(sessions).toEqual([]);
  });

  it('writes an audit record per read: role burger, the case and the person', async () => {
    await caseAs('noor');
    const rows = await opened.db
      .selectFrom('audit_log')
      .select(['role', 'staff_id', 'case_id', 'household_id', 'details'])
      .where('action', '=', 'portaal.casus-lezen')
      .where(sql<boolean>`details->>'persoon' = ${person['noor'] as string}`)
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0]).toMatchObject({ role: 'burger', staff_id: null, case_id: caseId });
    expect(rows[0]?.household_id).not.toBeNull();
  });
});
