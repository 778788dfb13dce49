/**
 * The world the authorisation matrix runs in: one region (RIJ) with two organisations of every
 * kind — number 1 is involved in the fixture cases, number 2 is not — plus a second region (LEK)
 * for moves. One staff account per role per organisation where that role exists, each with a
 * session made once (no password hashing per request). Three fixture cases, one per route (A,
 * B, C), and every resource a URL parameter needs, stored with real ids.
 *
 * Involvement ("betrokken") per role, on the fixture case of a route:
 * - lokaal team 1: responsible team of case A, holds its procesregie (it registered the case);
 * - aanbieder 1: behandelregie and a running allocation on A and C; registered case B (behandelregie);
 * - huisartsenpraktijk 1: its GP holds casusregie on A as a professional;
 * - GI 1: registered case C (procesregie and casusregie of its jeugdbeschermer);
 * - gemeente 1: the municipality of team 1 (CBS code 0599): proposals, iJw messages, team
 *   questions, identity providers and budget are addressed to it;
 * - crisisteam 1: the crisis request on case A is addressed to it (not taken over yet).
 * Organisation 2 of each kind lies in the same region and holds nothing.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { ZodType } from 'zod';
import type { StaffRole } from '../../src/domain/access/case-access.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { createSession, SESSION_COOKIE } from '../../src/server/auth/sessions.js';
import { registerRequest } from '../../src/store/cases.js';
import type { OpenDatabase } from '../../src/store/db.js';
import type { OrganisationTable } from '../../src/store/schema.js';
import { freshBsn } from '../factories.js';
import { freshDatabase } from '../integration/databases.js';
import { routeCollector } from '../support/routes.js';

export type Involvement = 'betrokken' | 'niet-betrokken';
type Kind = OrganisationTable['kind'];

/** Where each staff role works. */
export const ORGANISATION_OF_ROLE: Record<StaffRole, Kind> = {
  casusregisseur: 'lokaal-team',
  teamleider: 'lokaal-team',
  backoffice: 'gemeente',
  jeugdbeschermer: 'gi',
  planner: 'aanbieder',
  behandelaar: 'aanbieder',
  huisarts: 'huisartsenpraktijk',
  beheerder: 'gemeente',
  management: 'gemeente',
  contractmanager: 'gemeente',
  crisismedewerker: 'crisisteam',
  privacyfunctionaris: 'gemeente',
};

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

export interface World {
  readonly app: FastifyInstance;
  /** Every registered route as "METHOD /url/:pattern" (HEAD and OPTIONS left out). */
  readonly routes: readonly string[];
  /** The zod body schema of every route that declares one, by "METHOD /url/:pattern". */
  readonly bodySchemas: ReadonlyMap<string, ZodType>;
  /** Whether the request sent with header `x-matrix-check: <check>` reached its handler. */
  readonly reachedHandler: (check: string) => boolean;
  /** The logged error behind a 500 answer, by the request id it carries. */
  readonly errorOf: (requestId: string) => string | undefined;
  readonly opened: OpenDatabase;
  /** Real ids by name, for the URL templates of the matrix. */
  readonly ids: Readonly<Record<string, string>>;
  readonly staff: (role: StaffRole, involvement: Involvement) => string;
  readonly session: (role: StaffRole, involvement: Involvement) => Session;
  /** A new session for a request that ends its own (DELETE /sessie). */
  readonly freshSession: (role: StaffRole, involvement: Involvement) => Promise<Session>;
  /** Puts back what a successful request may have used up (e.g. an outgoing message sent). */
  readonly restore: () => Promise<void>;
  readonly inject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  readonly close: () => Promise<void>;
}

/** The world's clock, as a local time in Amsterdam with its offset. */
export const NOW_LOCAL = '2026-06-15T10:00:00+02:00';
export const NOW = new Date(NOW_LOCAL);
const KINDS: readonly Kind[] = [
  'gemeente',
  'lokaal-team',
  'aanbieder',
  'gi',
  'huisartsenpraktijk',
  'crisisteam',
];
const CODES: Partial<Record<Kind, [string, string]>> = {
  gemeente: ['0599', '0600'],
  aanbieder: ['12345678', '87654321'],
};

export async function buildWorld(engine: 'pglite' | 'postgres'): Promise<World> {
  const opened = await freshDatabase(engine);
  const { db } = opened;
  const clock = { now: () => NOW };
  const routes: string[] = [];
  const collected = routeCollector();
  // Unexpected errors as the app logs them, by request id (the id a 500 answer carries).
  const errors = new Map<string, string>();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = JSON.parse(chunk.toString()) as { reqId?: string; err?: { stack?: string } };
      if (line.reqId) errors.set(line.reqId, (line.err?.stack ?? '').slice(0, 400));
      done();
    },
  });
  const app = await buildApp({
    onRoute: (route) => {
      collected.onRoute(route);
      for (const method of [route.method].flat())
        if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${route.url}`);
    },
    db,
    clock,
    profiles: loadProfiles(),
    secureCookies: false,
    log: { level: 'error', stream },
    security: {
      loginPerIp: 1_000_000,
      loginPerAccount: 1_000_000,
      portalPerIp: 1_000_000,
      portalPerAccount: 1_000_000,
      apiPerMinute: 1_000_000,
      sessionIdleMinutes: 30,
    },
  });
  // Which checked requests reached their handler (past the schema validation): a 400 from the
  // schema comes before any access check, so it says nothing about access.
  const handled = new Set<string>();
  app.addHook('preHandler', async (request) => {
    const check = request.headers['x-matrix-check'];
    if (typeof check === 'string') handled.add(check);
  });
  const ids: Record<string, string> = {};
  const org = async (kind: Kind, region: string, name: string, parent: string | null = null) => {
    const row = await db
      .insertInto('organisation')
      .values({ kind, name, region, agb_code: null, parent_id: parent })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const orgs = new Map<string, string>();
  for (const n of [1, 2] as const)
    for (const kind of KINDS) {
      const parent = kind === 'lokaal-team' ? (orgs.get(`gemeente${n}`) ?? null) : null;
      const id = await org(kind, 'RIJ', `${kind} ${n}`, parent);
      const code = CODES[kind]?.[n - 1];
      if (code)
        await db.updateTable('organisation').set({ agb_code: code }).where('id', '=', id).execute();
      orgs.set(`${kind}${n}`, id);
      ids[`${kind}${n}`] = id;
    }
  ids['lekGemeente'] = await org('gemeente', 'LEK', 'gemeente LEK');
  ids['lekTeam'] = await org('lokaal-team', 'LEK', 'lokaal team LEK', ids['lekGemeente']);

  const staffIds = new Map<string, string>();
  const sessions = new Map<string, Session>();
  const addStaff = async (organisationId: string, roles: StaffRole[], email: string) => {
    const row = await db
      .insertInto('staff')
      .values({ organisation_id: organisationId, name: email, email, password_hash: 'x', roles })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const sessionOf = async (staffId: string): Promise<Session> => {
    const s = await createSession(db, staffId, NOW);
    return { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken };
  };
  const key = (role: StaffRole, involvement: Involvement) => `${role}:${involvement}`;
  for (const role of Object.keys(ORGANISATION_OF_ROLE) as StaffRole[])
    for (const [n, involvement] of [
      [1, 'betrokken'],
      [2, 'niet-betrokken'],
    ] as const) {
      const orgId = orgs.get(`${ORGANISATION_OF_ROLE[role]}${n}`) as string;
      const id = await addStaff(orgId, [role], `${role}.${n}@matrix.test`);
      staffIds.set(key(role, involvement), id);
      sessions.set(key(role, involvement), await sessionOf(id));
    }
  const staff = (role: StaffRole, involvement: Involvement) =>
    staffIds.get(key(role, involvement)) as string;
  // Not an actor: the named new casusregisseur of the open handover, and the holder of the
  // break-the-glass grant (both would otherwise read case A).
  const recipient = await addStaff(
    ids['lokaal-team1'] as string,
    ['casusregisseur'],
    'ontvanger@matrix.test',
  );
  const glass = await addStaff(
    ids['lokaal-team2'] as string,
    ['casusregisseur'],
    'nood@matrix.test',
  );
  ids['lekRegisseur'] = await addStaff(ids['lekTeam'], ['casusregisseur'], 'lek@matrix.test');
  // Team 1's casusregisseur (an actor): whose registrations the staff-registration routes read.
  ids['teamMember'] = staff('casusregisseur', 'betrokken');

  const ctxOf = (role: StaffRole) => ({
    actor: {
      staffId: staff(role, 'betrokken'),
      organisationId: orgs.get(`${ORGANISATION_OF_ROLE[role]}1`) as string,
      roles: [role],
    },
    clientAddress: '127.0.0.1',
  });
  const register = async (
    route: 'A' | 'B' | 'C',
    role: StaffRole,
    extra: Partial<Parameters<typeof registerRequest>[2]>,
  ) =>
    (
      await registerRequest(db, ctxOf(role), {
        route,
        region: 'RIJ',
        segment: 'ambulant',
        measure: null,
        householdLabel: `Gezin Matrix ${route}`,
        youngPersons: [{ name: `Kind ${route}`, birthDate: '2014-04-01', bsn: freshBsn() }],
        parents: [{ name: `Ouder ${route}`, kind: 'ouder' }],
        registeredAt: new Date('2026-03-02T09:00:00+01:00'),
        responsibleTeamId: null,
        ...extra,
      })
    ).caseId;
  ids['caseA'] = await register('A', 'casusregisseur', { responsibleTeamId: ids['lokaal-team1'] });
  ids['caseB'] = await register('B', 'planner', {
    referrer: { type: 'huisarts', code: '01012345' },
  });
  ids['caseC'] = await register('C', 'jeugdbeschermer', {
    measure: 'ots',
    courtOrder: { date: '2026-02-20' },
  });
  const since = new Date('2026-03-05T09:00:00+01:00');
  // Case A: casusregie moves from the family to the GP; provider 1 treats (A and C).
  await db
    .updateTable('case_role')
    .set({ ends_at: since })
    .where('case_id', '=', ids['caseA'])
    .where('role', '=', 'casusregie')
    .execute();
  await db
    .insertInto('case_role')
    .values([
      {
        case_id: ids['caseA'],
        role: 'casusregie',
        holder: 'professional',
        organisation_id: ids['huisartsenpraktijk1'] as string,
        staff_id: staff('huisarts', 'betrokken'),
        starts_at: since,
        ends_at: null,
        reason: 'matrix',
        created_by: null,
      },
      ...(['caseA', 'caseC'] as const).map((c) => ({
        case_id: ids[c] as string,
        role: 'behandelregie' as const,
        holder: 'organisatie' as const,
        organisation_id: ids['aanbieder1'] as string,
        staff_id: null,
        starts_at: since,
        ends_at: null,
        reason: 'toewijzing',
        created_by: null,
      })),
    ])
    .execute();
  const caseA = ids['caseA'];
  const person = await db
    .selectFrom('person')
    .innerJoin('casus', 'casus.household_id', 'person.household_id')
    .select('person.id')
    .where('casus.id', '=', caseA)
    .where('person.kind', '=', 'jeugdige')
    .executeTakeFirstOrThrow();
  ids['youngA'] = person.id;
  const allocation = await db
    .insertInto('allocation')
    .values({
      case_id: caseA,
      region: 'RIJ',
      provider_id: ids['aanbieder1'] as string,
      number: '4000001',
      product_code: '45A12',
      start_date: '2026-03-09',
      end_date: null,
      status: 'gestart',
      municipality_code: '0599',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids['allocationA'] = allocation.id;
  ids['allocationNumber'] = '4000001';

  const planner = staff('planner', 'betrokken');
  const regisseur = staff('casusregisseur', 'betrokken');
  const plan = await db
    .insertInto('plan')
    .values({
      case_id: caseA,
      kind: 'ondersteuningsplan',
      subject_person_id: null,
      created_by: regisseur,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids['plan'] = plan.id;
  const version = await db
    .insertInto('plan_version')
    .values({
      plan_id: plan.id,
      version: 1,
      status: 'concept',
      start_date: '2026-03-10',
      content: JSON.stringify({}),
      content_hash: 'x',
      created_by: regisseur,
      updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const one = async <T extends string>(
    table: T,
    values: Record<string, unknown>,
  ): Promise<string> => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const row = await (db as any)
      .insertInto(table)
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return (row as { id: string }).id;
  };
  ids['evaluation'] = await one('evaluation', {
    case_id: caseA,
    plan_version_id: version.id,
    kind: 'tussen',
    held_at: new Date('2026-06-01T10:00:00+02:00'),
    participants: JSON.stringify([]),
    minutes: JSON.stringify({ goals: [], general: 'Het gaat de goede kant op.' }),
    recorded_by: regisseur,
    recorded_at: NOW,
  });
  ids['escalation'] = await one('escalation', {
    reference: 'ESC-MATRIX-1',
    case_id: caseA,
    region: 'RIJ',
    ladder_id: 'RIJ-ESC-LADDER',
    type: 'proces',
    subject: 'anders',
    description: 'De hulp komt niet op gang.',
    criteria: JSON.stringify({}),
    opened_by: planner,
    opened_by_org: ids['aanbieder1'],
    opened_at: NOW,
    // Shared with the region's contract managers (anonymised overview).
    overview: JSON.stringify({
      reference: 'ESC-MATRIX-1',
      region: 'RIJ',
      municipality: 'gemeente 1',
      ladderId: 'RIJ-ESC-LADDER',
      type: 'proces',
      subject: 'anders',
      openedOn: '2026-06-15',
      route: 'A',
      segment: 'ambulant',
      ages: [12],
      products: [],
      description: 'De hulp komt niet op gang.',
      facts: '',
      steps: [],
      positions: { localTeam: '', provider: '', requestedDecision: '' },
      actions: [],
      feedbackDate: '2026-07-01',
    }),
    shared_at: NOW,
  });
  ids['crisis'] = await one('crisis', {
    case_id: caseA,
    crisis_team_id: ids['crisisteam1'],
    reason: 'Acute zorgen over de veiligheid thuis.',
    requested_by: regisseur,
    requested_at: NOW,
    status: 'aangevraagd',
  });
  ids['handover'] = await one('casusregie_handover', {
    case_id: caseA,
    status: 'open',
    from_holder: 'professional',
    from_staff_id: staff('huisarts', 'betrokken'),
    from_organisation_id: ids['huisartsenpraktijk1'],
    to_staff_id: recipient,
    to_organisation_id: ids['lokaal-team1'],
    reason: 'De huisarts draagt de regie over aan het team.',
    started_by: regisseur,
    started_at: NOW,
  });
  ids['ending'] = await one('provider_ending', {
    reference: 'BE-MATRIX-1',
    case_id: caseA,
    region: 'RIJ',
    rule_id: 'RIJ-DEC-PROVIDER-END',
    allocation_id: allocation.id,
    provider_id: ids['aanbieder1'],
    status: 'gestart',
    first_reason: 'De hulp sluit niet meer aan.',
    started_by: planner,
    started_at: NOW,
  });
  // A reported ending (of a second allocation): its anonymised copy is what contract managers read.
  const allocation2 = await db
    .insertInto('allocation')
    .values({
      case_id: caseA,
      region: 'RIJ',
      provider_id: ids['aanbieder1'] as string,
      number: '4000002',
      product_code: '45A12',
      start_date: '2026-03-09',
      end_date: null,
      status: 'gestart',
      municipality_code: '0599',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids['endingShared'] = await one('provider_ending', {
    reference: 'BE-MATRIX-2',
    case_id: caseA,
    region: 'RIJ',
    rule_id: 'RIJ-DEC-PROVIDER-END',
    allocation_id: allocation2.id,
    provider_id: ids['aanbieder1'],
    status: 'gemeld',
    first_reason: 'De hulp sluit niet meer aan.',
    started_by: planner,
    started_at: NOW,
    reported_by: planner,
    reported_at: NOW,
    copy: JSON.stringify({
      reference: 'BE-MATRIX-2',
      ruleId: 'RIJ-DEC-PROVIDER-END',
      region: 'RIJ',
      municipality: 'gemeente 1',
      reportedOn: '2026-06-15',
      route: 'A',
      segment: 'ambulant',
      ages: [12],
      product: '45A12',
      provider: 'aanbieder 1',
      firstReason: 'De hulp sluit niet meer aan.',
      reasons: 'Geen voortgang.',
      followUpProposal: 'Een andere aanbieder.',
      talks: [],
    }),
  });
  await one('measure_ending', {
    case_id: ids['caseC'],
    status: 'open',
    destination: 'lokaal-team',
    started_by: staff('jeugdbeschermer', 'betrokken'),
    started_at: NOW,
  });
  ids['report'] = await one('provider_report', {
    case_id: caseA,
    organisation_id: ids['aanbieder1'],
    kind: 'voortgang',
    plan_version_id: null,
    occurred_at: null,
    content: JSON.stringify({ algemeen: 'Het gaat beter.' }),
    submitted_by: planner,
    submitted_at: NOW,
  });
  ids['adjustment'] = await one('allocation_adjustment', {
    case_id: caseA,
    allocation_id: allocation.id,
    direction: 'af',
    content: JSON.stringify({
      end: '2026-07-31',
      newHelp: null,
      providerAgb: '12345678',
      reasons: 'Het doel is bereikt.',
      goals: [],
      providerConsultation: 'Besproken met de aanbieder.',
      allocation: {
        number: '4000001',
        productCode: '45A12',
        volume: 10,
        start: '2026-03-09',
        end: null,
      },
      expertAdvice: null,
      proposerIsProvider: true,
    }),
    status: 'voorgesteld',
    proposed_by: planner,
    proposed_by_org: ids['aanbieder1'],
    proposed_at: NOW,
  });
  ids['proposal'] = await one('allocation_proposal', {
    case_id: caseA,
    region: 'RIJ',
    municipality_code: '0599',
    provider_id: ids['aanbieder1'],
    client_id: person.id,
    plan_version_id: version.id,
    content: JSON.stringify({
      arrangement: {
        resultAreas: [],
        supportElements: [],
        intensity: 'wekelijks',
        duration: '6 maanden',
        goals: [],
        bridging: null,
      },
      lines: [],
      handover: {
        clarifiedQuestion: 'Rust thuis.',
        contacts: [],
        analysisSummary: 'Veilig.',
        estimatedNeed: 'Ambulante hulp.',
        motivation: 'Past bij de vraag.',
      },
      expertAdvice: null,
      planKind: 'ondersteuningsplan',
      planVersion: 1,
    }),
    status: 'voorgesteld',
    proposed_by: regisseur,
    proposed_at: NOW,
  });
  const message = (direction: 'in' | 'uit', sender: string, receiver: string, status: string) =>
    one('ijw_message', {
      direction,
      type: 'JW315',
      sender,
      receiver,
      identification: `M${Math.floor(Math.random() * 1e9)}`,
      message_date: '2026-06-15',
      xml: '<Bericht/>',
      valid: true,
      report: JSON.stringify({}),
      status,
      answers_id: null,
      case_id: null,
    });
  ids['message'] = await message('in', '12345678', '0599', 'verwerkt');
  ids['outgoing'] = await message('uit', '0599', '12345678', 'klaar');
  ids['question'] = await one('team_question', {
    message_id: ids['message'],
    case_id: caseA,
    municipality_code: '0599',
    team_id: ids['lokaal-team1'],
    anonymous: false,
    question: 'Is het team al betrokken?',
    snapshot: JSON.stringify({ birthDate: '2014-04-01', municipality: 'gemeente 1', products: [] }),
    asked_by: staff('backoffice', 'betrokken'),
    asked_at: NOW,
  });
  ids['notification'] = await one('notification', {
    staff_id: regisseur,
    case_id: caseA,
    kind: 'aanpassing',
    title: 'Een melding',
    rule_id: null,
    link: null,
    created_at: NOW,
  });
  ids['note'] = await one('working_note', {
    case_id: caseA,
    author_id: regisseur,
    text: 'Eigen aantekening.',
    created_at: NOW,
    updated_at: NOW,
  });
  ids['breakGlass'] = await one('break_glass', {
    case_id: caseA,
    staff_id: glass,
    organisation_id: ids['lokaal-team2'],
    reason: 'Politie belt over een acute situatie in het gezin.',
    looked_up_by: 'casus',
    starts_at: new Date(NOW.getTime() - 3_600_000),
    ends_at: new Date(NOW.getTime() + 3_600_000),
  });
  ids['recordRequest'] = await one('record_request', {
    case_id: caseA,
    kind: 'inzage-afschrift',
    person_id: person.id,
    received_on: '2026-06-10',
    recorded_by: regisseur,
    recorded_at: NOW,
  });
  await db
    .insertInto('retention_due')
    .values({ case_id: caseA, last_change: '2006-01-01', due_on: '2026-01-01', flagged_at: NOW })
    .execute();
  ids['identityProvider'] = await one('identity_provider', {
    name: 'Inloggen gemeente 1',
    issuer: 'http://127.0.0.1:9/oidc',
    client_id: 'casusregie',
    client_secret_sealed: 'x',
    organisation_id: ids['gemeente1'],
    email_domains: ['gemeente1.test'],
    created_by: staff('beheerder', 'betrokken'),
    created_at: NOW,
  });

  // An anonymised view of case A (ADR 0021), made through the API by team 1's casusregisseur.
  const session1 = sessions.get(key('casusregisseur', 'betrokken')) as Session;
  const view = await app.inject({
    method: 'POST',
    url: `/api/v1/casussen/${caseA}/anonieme-weergaven`,
    headers: { cookie: session1.cookie, 'x-csrf-token': session1.csrf },
    payload: { doel: 'consultatie', ontvanger: 'Expertteam', vraag: 'Welke hulp past hier?' },
  });
  if (view.statusCode !== 201) throw new Error(`anonymised view: ${view.statusCode} ${view.body}`);
  ids['view'] = (view.json() as { id: string }).id;

  return {
    app,
    routes,
    bodySchemas: new Map(
      collected.routes.flatMap((r) =>
        r.schema.body ? [[`${r.method} ${r.url}`, r.schema.body] as const] : [],
      ),
    ),
    reachedHandler: (check) => handled.has(check),
    errorOf: (requestId) => errors.get(requestId),
    opened,
    ids,
    staff,
    session: (role, involvement) => sessions.get(key(role, involvement)) as Session,
    freshSession: (role, involvement) => sessionOf(staff(role, involvement)),
    restore: async () => {
      await db
        .updateTable('ijw_message')
        .set({ status: 'klaar', sent_at: null })
        .where('id', '=', ids['outgoing'] as string)
        .execute();
      await db
        .updateTable('identity_provider')
        .set({ active: true, deactivated_by: null, deactivated_at: null })
        .where('id', '=', ids['identityProvider'] as string)
        .execute();
    },
    inject: (options) => app.inject(options),
    close: async () => {
      await app.close();
      await opened.close();
    },
  };
}
