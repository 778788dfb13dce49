/**
 * Logging in through a municipality's own identity provider (issue 8, ADR 0017), in Chromium:
 * the beheerder of Lekstad configures the provider over the API; the login page offers
 * "Inloggen met <naam>" (axe-clean); the casusregisseur signs in on the test provider's own
 * pages and lands on the work list. An unknown person comes back to the login page with a
 * Dutch explanation. The provider is a real OpenID Connect provider on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemoData } from '../../src/demo/generate.js';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { systemClock } from '../../src/server/clock.js';
import { hasWebUi } from '../../src/server/static.js';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/store/db.js';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { LoginPage } from './pages/LoginPage.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { accessibilityProblems, apiSession, launchBrowser } from './support.js';

const REGISSEUR = 'casusregisseur.lek@demo.casusregie.nl';
const BEHEERDER = 'beheerder.lek@demo.casusregie.nl';

describe('logging in through the municipality identity provider', () => {
  let database: OpenDatabase;
  let app: FastifyInstance;
  let url = '';
  let idp: TestOidcProvider;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!hasWebUi()) throw new Error('The web UI is not built: run `npm run build` first.');
    database = await openDatabase();
    await migrateToLatest(database.db);
    await generateDemoData(database.db, {
      cases: 5,
      seed: DEFAULT_SEED,
      now: new Date(),
      hashPassword,
    });
    app = await buildApp({
      db: database.db,
      clock: systemClock,
      profiles: new Map(),
      secureCookies: false,
      serveWeb: true,
      oidc: { secretKey: randomBytes(32), allowHttpIssuer: true },
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    [idp, browser] = await Promise.all([
      startOidcProvider({
        redirectUris: [`${url}/api/v1/auth/oidc/callback`],
        accounts: [
          { login: 'regisseur', email: REGISSEUR, emailVerified: true },
          { login: 'onbekende', email: 'nieuw.lek@demo.casusregie.nl', emailVerified: true },
        ],
      }),
      launchBrowser(),
    ]);
    const setup = await browser.newContext();
    contexts.push(setup);
    const beheer = await apiSession(setup.request, url, BEHEERDER);
    await beheer.post('/identiteitsaanbieders', {
      naam: 'Lekstad Account',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      emailDomeinen: ['demo.casusregie.nl'],
    });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await idp?.close();
    await app?.close();
    await database?.close();
  });

  const page = async (): Promise<Page> => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    contexts.push(context);
    const p = await context.newPage();
    p.setDefaultTimeout(30_000);
    p.on('pageerror', (error) => pageErrors.push(`${p.url()}: ${error.message}`));
    return p;
  };

  const signInAtProvider = async (p: Page, login: string) => {
    await p.waitForURL((u) => u.href.startsWith(idp.issuer));
    await p.locator('input[name="login"]').fill(login);
    await p.locator('input[name="password"]').fill('willekeurig');
    await p.getByRole('button', { name: 'Sign-in' }).click();
    await p.getByRole('button', { name: 'Continue' }).click();
  };

  it('offers the provider on the login page and lands a known regisseur on the work list', async () => {
    const p = await page();
    await p.goto(`${url}/inloggen`);
    const login = new LoginPage(p);
    await expect.poll(() => login.heading().isVisible()).toBe(true);
    const button = p.getByRole('link', { name: 'Inloggen met Lekstad Account' });
    await button.waitFor();
    expect(await accessibilityProblems(p)).toEqual([]);

    await button.click();
    await signInAtProvider(p, 'regisseur');
    await p.waitForURL(`${url}/`);
    await new WorkListPage(p).heading().waitFor();
    const me = await p.evaluate(async () => {
      const res = await fetch('/api/v1/sessie');
      return (await res.json()) as { medewerker: { rollen: string[] } };
    });
    expect(me.medewerker.rollen).toEqual(['casusregisseur']);
    expect(pageErrors).toEqual([]);
  });

  it('sends an unknown person back to the login page with a Dutch explanation', async () => {
    const p = await page();
    await p.goto(`${url}/inloggen`);
    await p.getByRole('link', { name: 'Inloggen met Lekstad Account' }).click();
    await signInAtProvider(p, 'onbekende');
    await p.waitForURL(`${url}/inloggen?oidc=onbekend`);
    await expect
      .poll(() => new LoginPage(p).alert().textContent())
      .toContain('geen actief account met uw e-mailadres');
    expect(await accessibilityProblems(p)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
