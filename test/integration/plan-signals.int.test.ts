/**
 * What the plans of a case still ask for, through the API on PGlite and, with
 * TEST_DATABASE_URL, PostgreSQL: a toekomstplan prompt for a young person from 16.5
 * (LEK-TERM-TOEKOMSTPLAN) until one is fixed for them, in any region; and the familiegroepsplan
 * offer of Jeugdwet article 4.1.2, recorded with the family's answer, a motivation when the
 * professional forgoes it, and not asked for jeugdreclassering.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation, freshBsn } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

// Tuesday 10 March 2026, 12:00 in Amsterdam.
const NOW = new Date('2026-03-10T11:00:00Z');

interface Signals {
  toekomstplan: { jeugdigeId: string; naam: string; vanaf: string; regel: string; bron: string }[];
  familiegroepsplan: {
    regel: string;
    bron: string;
    stand: string;
    melding: string;
    aanbiedingen: { antwoord: string; toelichting: string }[];
  } | null;
}

const FUTURE = [
  'wonen',
  'zorg-andere-wetten',
  'mentorschap',
  'financien',
  'onderwijs-werk',
  'netwerk-relaties',
  'wensen-talenten',
  'praktisch-voor-18',
  'veiligheid',
];

describe.each(engines)('plan signals on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let worker: Client;
  let gi: Client;
  let caseId = '';

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles: loadProfiles(),
      secureCookies: false,
    });
    const team = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    const institution = await createOrganisation(opened.db, 'gi', 'RIJ');
    await staffAccount(opened, team, ['casusregisseur'], `jgh-${engine}@signaal.nl`);
    await staffAccount(opened, institution, ['jeugdbeschermer'], `gi-${engine}@signaal.nl`);
    worker = new Client(app);
    await worker.login(`jgh-${engine}@signaal.nl`);
    gi = new Client(app);
    await gi.login(`gi-${engine}@signaal.nl`);
    const created = await worker.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({
        regio: 'ZTM',
        gezin: { naam: 'Gezin Smit' },
        jeugdigen: [
          // 16.5 on 1 February 2026: the prompt is due.
          { naam: 'Jesse Smit', geboortedatum: '2009-08-01', bsn: freshBsn() },
          // 16.5 on 11 March 2026: tomorrow, not yet.
          { naam: 'Mila Smit', geboortedatum: '2009-09-11', bsn: freshBsn() },
        ],
        ouders: [{ naam: 'Anna Smit', soort: 'ouder' }],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    caseId = (created.json() as { id: string }).id;
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  const signals = async (client = worker, id = caseId) =>
    (await client.request('GET', `/api/v1/casussen/${id}/plansignalen`)).json() as Signals;

  it('prompts a toekomstplan for the young person who turned 16.5, naming the rule', async () => {
    const s = await signals();
    expect(s.toekomstplan.map((p) => [p.naam, p.vanaf, p.regel])).toEqual([
      ['Jesse Smit', '2026-02-01', 'LEK-TERM-TOEKOMSTPLAN'],
    ]);
    // A ZTM case borrows LEK's rule; the source says whose document it is.
    expect(s.toekomstplan[0]?.bron).toMatch(/^LEK: /);
  });

  it('the prompt goes away once a toekomstplan for Jesse is fixed', async () => {
    const jesse = (await signals()).toekomstplan[0]?.jeugdigeId;
    const created = await worker.request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'toekomstplan',
      jeugdigeId: jesse,
      ingangsdatum: '2026-03-09',
      inhoud: {
        perspectief: 'Jesse woont na zijn 18e op kamers en werkt in de techniek',
        toekomstdomeinen: Object.fromEntries(FUTURE.map((d) => [d, `Afspraak over ${d}`])),
        doelen: [
          {
            id: 'k1',
            resultaatgebied: 'wonen',
            omschrijving: 'Jesse vindt een kamer',
            meetbaarResultaat: 'Jesse staat ingeschreven bij twee kamerbemiddelaars',
            eigenaar: { soort: 'gezin', naam: 'Jesse Smit' },
            streefdatum: '2026-09-01',
          },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const planId = (created.json() as { id: string }).id;
    const plan = (await worker.request('GET', `/api/v1/plannen/${planId}`)).json() as {
      versies: {
        nogNodig: unknown[];
        ondertekening: { nodig: { persoonId: string }[] };
      }[];
    };
    expect(plan.versies[0]?.nogNodig).toEqual([]);
    for (const signer of plan.versies[0]?.ondertekening.nodig ?? []) {
      const signed = await worker.request('POST', `/api/v1/plannen/${planId}/handtekeningen`, {
        persoonId: signer.persoonId,
        methode: 'op-scherm',
        op: '2026-03-10T10:00:00+01:00',
      });
      expect(signed.statusCode, signed.body).toBe(201);
    }
    // Not yet fixed: still prompted.
    expect((await signals()).toekomstplan).toHaveLength(1);
    const fixed = await worker.request('POST', `/api/v1/plannen/${planId}/vaststellen`, {
      op: '2026-03-10T10:30:00+01:00',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await signals()).toekomstplan).toEqual([]);
  });

  it('asks to offer a familiegroepsplan first, and records the answer', async () => {
    const before = (await signals()).familiegroepsplan;
    expect(before).toMatchObject({
      regel: 'JW-DEC-FAMILIEGROEPSPLAN',
      bron: 'Jeugdwet artikel 4.1.2',
      stand: 'niet-aangeboden',
    });
    // Forgoing the offer needs a reason.
    const unmotivated = await worker.request(
      'POST',
      `/api/v1/casussen/${caseId}/familiegroepsplan-aanbod`,
      { op: '2026-03-09T14:00:00+01:00', antwoord: 'afgezien-bedreiging' },
    );
    expect(unmotivated.statusCode).toBe(400);
    expect(unmotivated.json()).toMatchObject({
      error: {
        fields: [{ path: 'body.toelichting', message: expect.stringMatching(/waarom/) }],
      },
    });
    const later = await worker.request(
      'POST',
      `/api/v1/casussen/${caseId}/familiegroepsplan-aanbod`,
      { op: '2030-01-01T09:00:00+01:00', antwoord: 'bedenktijd' },
    );
    expect(later.statusCode).toBe(400);
    const thinking = await worker.request(
      'POST',
      `/api/v1/casussen/${caseId}/familiegroepsplan-aanbod`,
      { op: '2026-03-09T14:00:00+01:00', antwoord: 'bedenktijd' },
    );
    expect(thinking.statusCode, thinking.body).toBe(201);
    expect((await signals()).familiegroepsplan?.stand).toBe('bedenktijd');
    const yes = await worker.request(
      'POST',
      `/api/v1/casussen/${caseId}/familiegroepsplan-aanbod`,
      {
        op: '2026-03-10T09:00:00+01:00',
        antwoord: 'gezin-maakt-plan',
        toelichting: 'Oma en de buren doen mee',
      },
    );
    expect(yes.statusCode).toBe(201);
    const after = (await signals()).familiegroepsplan;
    expect(after?.stand).toBe('gezin-maakt-plan');
    expect(after?.aanbiedingen.map((a) => a.antwoord)).toEqual(['bedenktijd', 'gezin-maakt-plan']);
    const page = (await worker.request('GET', `/api/v1/casussen/${caseId}`)).json() as {
      tijdlijn: { type: string }[];
    };
    expect(page.tijdlijn.filter((e) => e.type === 'familiegroepsplan-aangeboden')).toHaveLength(2);
    // The family writes its plan: the offer is done.
    const plan = await worker.request('POST', `/api/v1/casussen/${caseId}/plannen`, {
      soort: 'familiegroepsplan',
      ingangsdatum: '2026-03-10',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect((await signals()).familiegroepsplan?.stand).toBe('plan-gemaakt');
  });

  it('jeugdreclassering does not ask for the offer', async () => {
    const created = await gi.request('POST', '/api/v1/casussen', {
      ...routeARequest({ regio: 'RIJ' }),
      route: 'C',
      maatregel: 'jeugdreclassering',
      rechterlijkeOpdracht: { datum: '2026-03-02' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    expect((await signals(gi, id)).familiegroepsplan).toBeNull();
    const refused = await gi.request('POST', `/api/v1/casussen/${id}/familiegroepsplan-aanbod`, {
      op: '2026-03-09T14:00:00+01:00',
      antwoord: 'ouders-zien-af',
    });
    expect(refused.statusCode).toBe(422);
  });

  it('another team gets 404', async () => {
    const stranger = await createOrganisation(opened.db, 'lokaal-team', 'ZTM');
    await staffAccount(opened, stranger, ['casusregisseur'], `vreemd-${engine}@signaal.nl`);
    const other = new Client(app);
    await other.login(`vreemd-${engine}@signaal.nl`);
    expect((await other.request('GET', `/api/v1/casussen/${caseId}/plansignalen`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await other.request('POST', `/api/v1/casussen/${caseId}/familiegroepsplan-aanbod`, {
          op: '2026-03-09T14:00:00+01:00',
          antwoord: 'ouders-zien-af',
        })
      ).statusCode,
    ).toBe(404);
  });
});
