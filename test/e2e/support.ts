/**
 * Browser-test support: a real server on a free port with a fresh embedded database and a small
 * demo data set, the system Chromium driven by playwright-core, and an axe-core check that
 * fails on serious or critical findings.
 */
import AxeBuilder from '@axe-core/playwright';
import {
  chromium,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import {
  DEFAULT_SEED,
  DEMO_PASSWORD,
  generateDemoData,
  type DemoAccount,
} from '../../src/demo/generate.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp, type AppDeps } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { systemClock, type Clock } from '../../src/server/clock.js';
import { hasWebUi } from '../../src/server/static.js';
import { migrateToLatest, openDatabase } from '../../src/store/db.js';
import type { Database } from '../../src/store/schema.js';
import type { Kysely } from 'kysely';
import type { Profile } from '../../src/domain/rules/index.js';
import { freshBsn } from '../factories.js';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface TestServer {
  readonly url: string;
  readonly accounts: readonly DemoAccount[];
  /** The server's database and profiles, for journeys that run a background job themselves. */
  readonly db: Kysely<Database>;
  readonly profiles: ReadonlyMap<string, Profile>;
  close(): Promise<void>;
}

export async function startTestServer(
  cases = 40,
  clock: Clock = systemClock,
  /** More of the app's dependencies, e.g. a `portalMailer`. */
  extra: Partial<AppDeps> = {},
): Promise<TestServer> {
  if (!hasWebUi())
    throw new Error('The web UI is not built: run `npm run build` (npm test does) first.');
  const database = await openDatabase();
  await migrateToLatest(database.db);
  const { accounts } = await generateDemoData(database.db, {
    cases,
    seed: DEFAULT_SEED,
    now: new Date(),
    hashPassword,
  });
  const profiles = loadProfiles();
  const app = await buildApp({
    db: database.db,
    clock,
    profiles,
    secureCookies: false,
    serveWeb: true,
    ...extra,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    accounts,
    db: database.db,
    profiles,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Headless Chromium with the flags this closed network needs (no background connections). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Serious and critical axe-core findings on the page as it is now (empty when clean). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}×)`);
}

/**
 * The frame every browser journey shares, registered in the calling `describe`: a test
 * server with demo data and Chromium (started once), browser contexts in Dutch on the
 * Amsterdam clock, script errors in a page failing the test that caused them, and the axe
 * check. Everything is closed after the suite.
 */
export function browserJourney(
  cases = 20,
  clock: Clock = systemClock,
  extra: Partial<AppDeps> = {},
) {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(cases, clock, extra), launchBrowser()]);
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the journey has not started');
    return value;
  };
  return {
    get server(): TestServer {
      return started(server);
    },
    /** A new browser user (own cookies); `options` e.g. a phone's viewport and touch. */
    async context(options: BrowserContextOptions = {}): Promise<BrowserContext> {
      const context = await started(browser).newContext({
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
        ...options,
      });
      contexts.push(context);
      return context;
    },
    async page(context?: BrowserContext): Promise<Page> {
      const page = await (context ?? (await this.context())).newPage();
      page.setDefaultTimeout(30_000);
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    },
    async expectAccessible(page: Page): Promise<void> {
      expect(await accessibilityProblems(page), page.url()).toEqual([]);
    },
  };
}

/** Now on the Amsterdam clock, the way the forms take it: dd-mm-jjjj and uu:mm. */
export function amsterdamNow(now = new Date()): { date: string; time: string; year: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((x) => [x.type, x.value]),
  );
  return {
    date: `${parts['day']}-${parts['month']}-${parts['year']}`,
    time: `${parts['hour']}:${parts['minute']}`,
    year: Number(parts['year']),
  };
}

/**
 * A provider's own system: an API session of one of its staff that registers cases and sends
 * messages to the region's municipality.
 */
export async function providerSystem(
  request: APIRequestContext,
  url: string,
  email: string,
  region: string,
) {
  const login = await request.post(`${url}/api/v1/sessie`, {
    data: { email, wachtwoord: DEMO_PASSWORD },
  });
  const me = (await login.json()) as { csrfToken: string; medewerker: { organisatieId: string } };
  const organisations = (await (
    await request.get(`${url}/api/v1/organisaties?regio=${region}`)
  ).json()) as { id: string; soort: string; code: string | null }[];
  const own = organisations.find((o) => o.id === me.medewerker.organisatieId)?.code ?? '';
  const municipality = organisations.find((o) => o.soort === 'gemeente')?.code ?? '';
  return {
    own,
    municipality,
    csrf: me.csrfToken,
    send: async (xml: string) =>
      request.post(`${url}/api/v1/ijw/inbox`, {
        data: xml,
        headers: { 'content-type': 'application/xml', 'x-csrf-token': me.csrfToken },
      }),
  };
}

/** A staff member's API session (cookie and CSRF token) for setting up a journey quickly. */
export async function apiSession(request: APIRequestContext, url: string, email: string) {
  const login = await request.post(`${url}/api/v1/sessie`, {
    data: { email, wachtwoord: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const me = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    get: async (path: string) =>
      (await (await request.get(`${url}/api/v1${path}`)).json()) as Record<string, unknown>,
    post: async (path: string, data: object) => {
      const res = await request.post(`${url}/api/v1${path}`, { data, headers });
      expect(res.status(), await res.text()).toBeLessThan(300);
      const body = await res.text();
      return (body ? JSON.parse(body) : {}) as Record<string, unknown>;
    },
    /** PUT or PATCH (or POST) with the session's CSRF token; fails the test on an error status. */
    send: async (method: 'PUT' | 'PATCH' | 'POST', path: string, data: object) => {
      const res = await request.fetch(`${url}/api/v1${path}`, { method, data, headers });
      expect(res.status(), await res.text()).toBeLessThan(300);
      const body = await res.text();
      return (body ? JSON.parse(body) : {}) as Record<string, unknown>;
    },
  };
}

/**
 * A route A family in a region with a fixed plan and freely accessible help allocated to the
 * provider of `providerEmail` by the municipality's back office, set up over the API in the
 * way the local team and the back office would. Returns the case, the allocation's product and
 * the provider's system.
 */
export async function routeAAllocation(
  journey: { context(): Promise<BrowserContext> },
  url: string,
  who: { region: string; regisseur: string; backoffice: string; provider: string },
  family: { name: string; child: string; parent: string; childAge: number },
) {
  const now = amsterdamNow();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(),
  );
  const regisseurContext = await journey.context();
  const api = await apiSession(regisseurContext.request, url, who.regisseur);
  const created = await api.post('/casussen', {
    route: 'A',
    regio: who.region,
    segment: 'ambulant',
    gezin: { naam: family.name },
    jeugdigen: [
      { naam: family.child, geboortedatum: `${now.year - family.childAge}-02-11`, bsn: freshBsn() },
    ],
    ouders: [{ naam: family.parent, soort: 'ouder' }],
    aangemeldOp: new Date(Date.now() - 3_600_000).toISOString(),
  });
  const caseId = String(created['id']);
  const plan = await api.post(`/casussen/${caseId}/plannen`, {
    soort: 'ondersteuningsplan',
    ingangsdatum: today,
    inhoud: {
      uitkomstAnalyse: 'Het kind loopt vast op school en thuis; ouders zijn uitgeput.',
      uitkomstRisicotaxatie: 'Veilig.',
      intensiteit: 'Wekelijks',
      verwachteDuur: '9 maanden',
      samenwerking: 'Lokaal team, ouders en school.',
      afstemmingSchool: 'Eén plan voor thuis en school.',
      doelen: [
        {
          id: '1',
          resultaatgebied: 'opvoeding',
          omschrijving: 'Rust in huis',
          meetbaarResultaat: 'Minder dan één conflict per week',
          eigenaar: { soort: 'gezin', naam: family.parent },
          streefdatum: `${now.year + 1}-01-01`,
        },
      ],
    },
  });
  const planId = String(plan['id']);
  const persons = (await api.get(`/casussen/${caseId}`))['personen'] as {
    id: string;
    soort: string;
    bsn: string | null;
    naam: string;
    geboortedatum: string | null;
  }[];
  for (const person of persons)
    await api.post(`/plannen/${planId}/handtekeningen`, {
      persoonId: person.id,
      methode: 'op-scherm',
      op: new Date(Date.now() - 60_000).toISOString(),
    });
  await api.post(`/plannen/${planId}/vaststellen`, { op: new Date().toISOString() });
  const providerContext = await journey.context();
  const provider = await providerSystem(providerContext.request, url, who.provider, who.region);
  const basis = await api.get(`/casussen/${caseId}/toewijzingsvoorstel/basis`);
  const offer = (basis['aanbieders'] as { agb: string; producten: string[] }[]).find(
    (a) => a.agb === provider.own,
  );
  const free = (basis['producten'] as { code: string; vrijToegankelijk: boolean }[])
    .filter((p) => p.vrijToegankelijk)
    .map((p) => p.code);
  const product = offer?.producten.find((code) => free.includes(code)) ?? '';
  expect(product).not.toBe('');
  const child = persons.find((p) => p.soort === 'jeugdige');
  const parent = persons.find((p) => p.soort !== 'jeugdige');
  const proposal = await api.post(`/casussen/${caseId}/toewijzingsvoorstellen`, {
    jeugdigeId: child?.id,
    aanbieder: provider.own,
    producten: [
      {
        productcode: product,
        volume: 2,
        ingangsdatum: today,
        einddatum: `${now.year + 1}${today.slice(4)}`,
      },
    ],
    overdracht: {
      vraagverheldering: 'Ouders willen rust in huis.',
      analyse: 'Conflicten thuis, school ziet het ook. Veilig.',
      ondersteuningsbehoefte: 'Ambulante gezinsbegeleiding, 2 uur per week.',
      onderbouwing: 'Advies alleen was niet genoeg.',
      telefoonCasusregisseur: '010 7654321',
      contacten: [
        {
          persoonId: child?.id,
          adres: { straat: 'Bergweg', huisnummer: '7', postcode: '3036 BA', plaats: 'Rotterdam' },
        },
        { persoonId: parent?.id, telefoon: '06 33334444' },
      ],
    },
  });
  const backoffice = await apiSession((await journey.context()).request, url, who.backoffice);
  await backoffice.post(`/toewijzingsvoorstellen/${String(proposal['id'])}/besluit`, {
    besluit: 'toewijzen',
  });
  return { caseId, product, today, api, regisseurContext, providerContext, provider, child };
}
