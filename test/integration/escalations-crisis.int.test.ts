/**
 * Escalation and crisis through the API (issue 6) on PGlite and, with TEST_DATABASE_URL,
 * PostgreSQL, in Rijnmond:
 * - a provider disagrees with an allocation (RIJ-TERM-DISAGREE stops at `bezwaar-arrangement`)
 *   and the RIJ ladder (RIJ-ESC-LADDER) is walked to level 5, where only the team lead shares an
 *   anonymised overview with the region's contract manager; the contract manager reads that
 *   overview, without a single name or BSN, and cannot open the case; closing needs the young
 *   person informed and bridging care weighed;
 * - a crisis: the crisis team is called in, takes temporary crisiscasusregie, cannot hand back
 *   while the family holds casusregie, asks the local team for a casusregisseur, and hands back;
 *   its access ends with the role.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

interface Problem {
  path: string;
}
const fieldsOf = (body: string) =>
  ((JSON.parse(body) as { error: { fields?: Problem[] } }).error.fields ?? []).map((f) => f.path);

const BSN = freshBsn();

describe.each(engines)('escalation and crisis API on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let clock = new Date('2026-03-10T10:00:00+01:00');
  const clients = new Map<string, Client>();
  const as = (who: string) => clients.get(who) as Client;
  let caseId = '';
  let teamId = '';
  let allocationId = '';
  let escalationId = '';
  const ids = new Map<string, string>();

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => clock },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    teamId = await createOrganisation(opened.db, 'lokaal-team', 'RIJ');
    const provider = await createOrganisation(opened.db, 'aanbieder', 'RIJ');
    const otherProvider = await createOrganisation(opened.db, 'aanbieder', 'RIJ');
    const municipality = await createOrganisation(opened.db, 'gemeente', 'RIJ');
    const otherMunicipality = await createOrganisation(opened.db, 'gemeente', 'ZOU');
    const crisisTeam = await createOrganisation(opened.db, 'crisisteam', 'RIJ');
    const otherCrisisTeam = await createOrganisation(opened.db, 'crisisteam', 'ZOU');
    ids.set('provider', provider);
    ids.set('crisisTeam', crisisTeam);
    ids.set('otherCrisisTeam', otherCrisisTeam);
    const accounts: [string, string, string[]][] = [
      ['regisseur', teamId, ['casusregisseur']],
      ['teamleider', teamId, ['teamleider']],
      ['planner', provider, ['planner']],
      ['vreemd', otherProvider, ['planner']],
      ['contract', municipality, ['contractmanager']],
      ['contract-zou', otherMunicipality, ['contractmanager']],
      ['crisis', crisisTeam, ['crisismedewerker']],
      ['crisis-zou', otherCrisisTeam, ['crisismedewerker']],
    ];
    for (const [who, org, roles] of accounts) {
      ids.set(who, await staffAccount(opened, org, roles, `${who}-${engine}@esc.nl`));
      const c = new Client(app);
      expect((await c.login(`${who}-${engine}@esc.nl`)).statusCode).toBe(200);
      clients.set(who, c);
    }
    const created = await as('regisseur').request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'RIJ',
        gezin: { naam: 'Gezin Verhoef' },
        jeugdigen: [{ naam: 'Daan Verhoef', geboortedatum: '2012-01-15', bsn: BSN }],
        ouders: [{ naam: 'Femke Verhoef', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
    const role = await as('regisseur').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
      rol: 'behandelregie',
      houder: 'organisatie',
      organisatieId: provider,
      vanaf: '2026-03-03T09:00:00+01:00',
      reden: 'toewijzing',
    });
    expect(role.statusCode, role.body).toBe(201);
    const allocation = await opened.db
      .insertInto('allocation')
      .values({
        case_id: caseId,
        region: 'RIJ',
        provider_id: provider,
        number: '900001',
        product_code: '45A12',
        start_date: '2026-03-09',
        end_date: null,
        status: 'toegewezen',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    allocationId = allocation.id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const level = (niveau: number, extra: object = {}) => ({
    niveau,
    notitie: `Niveau ${niveau} uitgevoerd en besproken`,
    ...extra,
  });
  const escalation = async (who = 'regisseur') => {
    const res = await as(who).request('GET', `/api/v1/casussen/${caseId}/escalaties`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { escalaties: Record<string, unknown>[] }).escalaties[0] as {
      huidigNiveau: { niveau: number; magVastleggen: boolean } | null;
      niveaus: { niveau: number; status: string; wie: string }[];
      overzicht: unknown;
    };
  };

  it('the provider disagrees with the allocation and opens the RIJ ladder', async () => {
    const missing = await as('planner').request('POST', `/api/v1/casussen/${caseId}/escalaties`, {
      ladder: 'RIJ-ESC-LADDER',
      soort: 'proces',
      aanleiding: 'toewijzing',
      omschrijving: 'Te kort',
    });
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['body.omschrijving', 'body.toewijzingId']);
    const wrongLadder = await as('planner').request(
      'POST',
      `/api/v1/casussen/${caseId}/escalaties`,
      {
        ladder: 'ZOU-ESC-PROCESS',
        soort: 'proces',
        aanleiding: 'anders',
        omschrijving: 'Een ladder uit een andere regio hoort hier niet.',
      },
    );
    expect(fieldsOf(wrongLadder.body)).toEqual(['body.ladder']);
    const opened = await as('planner').request('POST', `/api/v1/casussen/${caseId}/escalaties`, {
      ladder: 'RIJ-ESC-LADDER',
      soort: 'proces',
      aanleiding: 'toewijzing',
      toewijzingId: allocationId,
      omschrijving: 'De toegewezen ambulante hulp is te licht voor wat Daan Verhoef nodig heeft.',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    escalationId = (opened.json() as { id: string }).id;
    const view = await escalation();
    // Nothing is done by raising it: level 1 belongs to the local-team worker.
    expect(view.huidigNiveau).toEqual({ niveau: 1, magVastleggen: true });
    expect(view.niveaus.map((l) => l.status)).toEqual([
      'huidig',
      'later',
      'later',
      'later',
      'later',
      'later',
    ]);
    const page = (await as('regisseur').request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      tijdlijn: { type: string }[];
    };
    expect(page.tijdlijn.map((e) => e.type)).toContain('bezwaar-arrangement');
  });

  it('walks the levels, each with what the ladder asks of it', async () => {
    const byProvider = await as('planner').request(
      'POST',
      `/api/v1/escalaties/${escalationId}/niveaus`,
      level(1, {
        feiten: 'De aanbieder schrijft de feiten zelf op, maar dat is niet zijn niveau.',
      }),
    );
    expect(byProvider.statusCode).toBe(403);
    const noFacts = await as('regisseur').request(
      'POST',
      `/api/v1/escalaties/${escalationId}/niveaus`,
      level(1),
    );
    expect(noFacts.statusCode).toBe(400);
    expect(fieldsOf(noFacts.body)).toEqual(['body.feiten']);
    const one = await as('regisseur').request(
      'POST',
      `/api/v1/escalaties/${escalationId}/niveaus`,
      level(1, {
        feiten: `Daan Verhoef (BSN ${BSN}) wacht sinds 02-03-2026; moeder Femke belde 06-12345678.`,
      }),
    );
    expect(one.statusCode, one.body).toBe(201);
    for (const n of [2, 3]) {
      const res = await as('regisseur').request(
        'POST',
        `/api/v1/escalaties/${escalationId}/niveaus`,
        level(n),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    // A second submission of level 3 (a double click) does not count twice.
    const again = await as('regisseur').request(
      'POST',
      `/api/v1/escalaties/${escalationId}/niveaus`,
      level(3),
    );
    expect(again.statusCode).toBe(409);
    // Level 4 is the team leads' talk: not the provider's planner, not the casusregisseur.
    expect((await escalation()).huidigNiveau).toEqual({ niveau: 4, magVastleggen: false });
    for (const who of ['planner', 'regisseur'])
      expect(
        (await as(who).request('POST', `/api/v1/escalaties/${escalationId}/niveaus`, level(4)))
          .statusCode,
      ).toBe(403);
    const four = await as('teamleider').request(
      'POST',
      `/api/v1/escalaties/${escalationId}/niveaus`,
      level(4),
    );
    expect(four.statusCode, four.body).toBe(201);
    expect((await escalation()).huidigNiveau).toEqual({ niveau: 5, magVastleggen: false });
  });

  it('level 5 is the team lead’s: the overview is previewed, scrubbed and shared', async () => {
    const overzicht = {
      standpuntLokaalTeam: 'Het arrangement past bij de vraag van Daan en zijn moeder.',
      standpuntAanbieder: 'De aanbieder vindt de inzet voor Verhoef te licht.',
      gevraagdBesluit: 'Besluit over de intensiteit van de hulp.',
    };
    const body = level(5, {
      acties: [{ wie: 'contractmanager', wat: 'Spreekt de aanbieder aan' }],
      terugkoppeldatum: '2026-03-24',
      overzicht,
    });
    const byRegisseur = await as('regisseur').request(
      'POST',
      `/api/v1/escalaties/${escalationId}/niveaus`,
      body,
    );
    expect(byRegisseur.statusCode).toBe(403);
    const preview = await as('teamleider').request(
      'POST',
      `/api/v1/escalaties/${escalationId}/overzicht-voorbeeld`,
      body,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.body).not.toMatch(/Daan|Verhoef|Femke|06-1234|02-03-2026/);
    expect(preview.body).not.toContain(BSN);
    expect(preview.json()).toMatchObject({
      leeftijden: [14],
      regio: 'RIJ',
      ladder: 'RIJ-ESC-LADDER',
    });
    const shared = await as('teamleider').request(
      'POST',
      `/api/v1/escalaties/${escalationId}/niveaus`,
      body,
    );
    expect(shared.statusCode, shared.body).toBe(201);
    expect((await escalation()).huidigNiveau?.niveau).toBe(6);
  });

  it('the contract manager reads only the anonymised overview of the own region', async () => {
    const list = await as('contract').request('GET', '/api/v1/escalaties');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json() as {
      id: string;
      overzicht: { stappen: unknown[]; feiten: string };
    }[];
    expect(items.map((i) => i.id)).toEqual([escalationId]);
    // Levels 1 to 5, the sharing level included.
    expect(items[0]?.overzicht.stappen).toHaveLength(5);
    expect(items[0]?.overzicht.feiten).toContain('[naam]');
    expect(list.body).not.toMatch(/Daan|Verhoef|Femke/);
    expect(list.body).not.toContain(BSN);
    expect(list.body).not.toContain(caseId);
    expect(
      (await as('contract').request('GET', `/api/v1/escalaties/${escalationId}`)).statusCode,
    ).toBe(200);
    // Not the case behind it, nor its escalations.
    expect((await as('contract').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(
      404,
    );
    expect(
      (await as('contract').request('GET', `/api/v1/casussen/${caseId}/escalaties`)).statusCode,
    ).toBe(404);
    // Another region's contract manager sees nothing; case workers do not use this list.
    expect((await as('contract-zou').request('GET', '/api/v1/escalaties')).json()).toEqual([]);
    expect(
      (await as('contract-zou').request('GET', `/api/v1/escalaties/${escalationId}`)).statusCode,
    ).toBe(404);
    expect((await as('regisseur').request('GET', '/api/v1/escalaties')).statusCode).toBe(403);
    // The contract manager was told, without a link to the case.
    const note = await opened.db
      .selectFrom('notification')
      .select(['case_id', 'title'])
      .where('staff_id', '=', ids.get('contract') as string)
      .execute();
    expect(note).toHaveLength(1);
    expect(note[0]?.case_id).toBeNull();
    expect(note[0]?.title).not.toMatch(/Verhoef/);
  });

  it('two escalations started at the same moment get different references', async () => {
    const open = () =>
      as('regisseur').request('POST', `/api/v1/casussen/${caseId}/escalaties`, {
        ladder: 'RIJ-ESC-LADDER',
        soort: 'inhoud',
        aanleiding: 'voortgang',
        omschrijving: 'De hulp komt niet op gang en de zorgen over thuis blijven.',
      });
    const [a, b] = await Promise.all([open(), open()]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const refs = [a, b].map((r) => (r.json() as { kenmerk: string }).kenmerk);
    expect(new Set(refs).size).toBe(2);
    for (const ref of refs) expect(ref).toMatch(/^ESC-RIJ-\d{4}-\d{4}$/);
  });

  it('a provider without a role on the case sees and does nothing', async () => {
    expect(
      (await as('vreemd').request('GET', `/api/v1/casussen/${caseId}/escalaties`)).statusCode,
    ).toBe(404);
    expect(
      (await as('vreemd').request('POST', `/api/v1/escalaties/${escalationId}/niveaus`, level(6)))
        .statusCode,
    ).toBe(404);
  });

  it('closes only once the young person is informed and bridging care is weighed', async () => {
    const close = {
      uitkomst: 'De aanbieder start de hulp zoals toegewezen en evalueert na zes weken.',
      afspraken: [{ wie: 'aanbieder', wat: 'Intake binnen een week' }],
    };
    const early = await as('regisseur').request(
      'POST',
      `/api/v1/escalaties/${escalationId}/afsluiten`,
      close,
    );
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early.body)).toEqual([
      'body.jeugdigeGeinformeerdOp',
      'body.overbruggingszorgNodig',
    ]);
    const vague = await as('regisseur').request(
      'PUT',
      `/api/v1/escalaties/${escalationId}/plichten`,
      { jeugdigeGeinformeerdOp: '2026-03-09', overbruggingszorgNodig: true },
    );
    expect(fieldsOf(vague.body)).toEqual([
      'body.jeugdigeGeinformeerdHoe',
      'body.overbruggingszorgToelichting',
    ]);
    const duties = await as('regisseur').request(
      'PUT',
      `/api/v1/escalaties/${escalationId}/plichten`,
      {
        jeugdigeGeinformeerdOp: '2026-03-09',
        jeugdigeGeinformeerdHoe: 'Gesprek op school',
        overbruggingszorgNodig: false,
      },
    );
    expect(duties.statusCode, duties.body).toBe(204);
    const closed = await as('regisseur').request(
      'POST',
      `/api/v1/escalaties/${escalationId}/afsluiten`,
      close,
    );
    expect(closed.statusCode, closed.body).toBe(204);
    expect(
      (
        await as('regisseur').request(
          'POST',
          `/api/v1/escalaties/${escalationId}/niveaus`,
          level(6),
        )
      ).statusCode,
    ).toBe(409);
    const page = (await as('regisseur').request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      tijdlijn: { type: string }[];
    };
    expect(page.tijdlijn.map((e) => e.type)).toContain('escalatie-afspraken');
  });

  describe('crisis', () => {
    let crisisId = '';

    it('the casusregisseur calls in the region’s crisis team, once', async () => {
      const wrong = await as('regisseur').request('POST', `/api/v1/casussen/${caseId}/crisis`, {
        crisisteamId: ids.get('otherCrisisTeam'),
        reden: 'x',
      });
      expect(fieldsOf(wrong.body)).toEqual(['body.reden', 'body.crisisteamId']);
      const called = await as('regisseur').request('POST', `/api/v1/casussen/${caseId}/crisis`, {
        crisisteamId: ids.get('crisisTeam'),
        reden: 'Vader dreigt met geweld; de kinderen durven niet naar huis.',
      });
      expect(called.statusCode, called.body).toBe(201);
      crisisId = (called.json() as { id: string }).id;
      const twice = await as('regisseur').request('POST', `/api/v1/casussen/${caseId}/crisis`, {
        crisisteamId: ids.get('crisisTeam'),
        reden: 'Nog een keer hetzelfde verzoek.',
      });
      expect(twice.statusCode).toBe(409);
    });

    it('only the called crisis team sees the request; the case stays closed to it until it takes the regie', async () => {
      const queue = (await as('crisis').request('GET', '/api/v1/crisis')).json() as {
        id: string;
        gezin: string;
      }[];
      expect(queue.map((c) => [c.id, c.gezin])).toEqual([[crisisId, 'Gezin Verhoef']]);
      expect((await as('crisis-zou').request('GET', '/api/v1/crisis')).json()).toEqual([]);
      expect((await as('regisseur').request('GET', '/api/v1/crisis')).statusCode).toBe(403);
      expect((await as('crisis').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(
        404,
      );
      const other = await as('crisis-zou').request('POST', `/api/v1/crisis/${crisisId}/overnemen`, {
        eindeGepland: '2026-03-24',
      });
      expect(other.statusCode).toBe(404);
    });

    it('takes crisiscasusregie with a planned end, asks for a casusregisseur, and hands back', async () => {
      const past = await as('crisis').request('POST', `/api/v1/crisis/${crisisId}/overnemen`, {
        eindeGepland: '2026-03-01',
      });
      expect(fieldsOf(past.body)).toEqual(['body.eindeGepland']);
      const taken = await as('crisis').request('POST', `/api/v1/crisis/${crisisId}/overnemen`, {
        eindeGepland: '2026-03-24',
      });
      expect(taken.statusCode, taken.body).toBe(200);
      // Route A: the family holds casusregie, which is not someone to hand a crisis back to.
      expect(taken.json()).toEqual({ casusregisseurNodig: true });
      const page = await as('crisis').request('GET', `/api/v1/casussen/${caseId}`);
      expect(page.statusCode).toBe(200);
      const roles = (page.json() as { rollen: { rol: string; tot: string | null }[] }).rollen;
      expect(roles.find((r) => r.rol === 'crisiscasusregie')).toBeDefined();

      clock = new Date('2026-03-10T12:00:00+01:00');
      // Two hours later every session has been idle too long (ADR 0016): log in again.
      for (const [who, c] of clients) await c.login(`${who}-${engine}@esc.nl`);
      const tooSoon = await as('crisis').request('POST', `/api/v1/crisis/${crisisId}/teruggeven`, {
        overdracht: 'Veiligheidsplan staat; vader woont tijdelijk elders.',
      });
      expect(fieldsOf(tooSoon.body), tooSoon.body).toEqual(['body.casusregie']);
      const asked = await as('crisis').request(
        'POST',
        `/api/v1/crisis/${crisisId}/casusregisseur-vragen`,
        { toelichting: 'Het gezin kan de regie nu niet zelf dragen.' },
      );
      expect(asked.statusCode, asked.body).toBe(204);
      const assigned = await as('teamleider').request('POST', `/api/v1/casussen/${caseId}/rollen`, {
        rol: 'casusregie',
        houder: 'professional',
        medewerkerId: ids.get('regisseur'),
        organisatieId: teamId,
        vanaf: '2026-03-10T11:00:00+01:00',
        reden: 'gevraagd door het crisisteam',
      });
      expect(assigned.statusCode, assigned.body).toBe(201);
      const handedBack = await as('crisis').request(
        'POST',
        `/api/v1/crisis/${crisisId}/teruggeven`,
        { overdracht: 'Veiligheidsplan staat; vader woont tijdelijk elders.' },
      );
      expect(handedBack.statusCode, handedBack.body).toBe(204);
      expect((await as('crisis').request('GET', `/api/v1/casussen/${caseId}`)).statusCode).toBe(
        404,
      );
      const after = (await as('regisseur').request('GET', `/api/v1/casussen/${caseId}`)).json() as {
        tijdlijn: { type: string }[];
      };
      const types = after.tijdlijn.map((e) => e.type);
      expect(types).toContain('crisis-start');
      expect(types).toContain('crisis-einde');
      // Nobody writes the crisis events by hand: only taking and handing back do.
      const forged = await as('regisseur').request(
        'POST',
        `/api/v1/casussen/${caseId}/gebeurtenissen`,
        { type: 'crisis-start', op: '2026-03-10T11:30:00+01:00' },
      );
      expect(forged.statusCode).toBe(400);
      expect(fieldsOf(forged.body)).toEqual(['body.type']);
      const view = (
        await as('regisseur').request('GET', `/api/v1/casussen/${caseId}/crisis`)
      ).json() as {
        crises: { status: string; teamGevraagd: string | null }[];
      };
      expect(view.crises[0]?.status).toBe('teruggegeven');
      expect(view.crises[0]?.teamGevraagd).not.toBeNull();
    });
  });
});
