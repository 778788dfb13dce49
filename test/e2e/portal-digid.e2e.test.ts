/**
 * Logging in to the family portal with DigiD through the municipality's identity provider
 * (issue 10, ADR 0026), on a phone (390×844, touch). The beheerder of Lekstad sets up a
 * provider for citizens over the API; a real OpenID Connect provider on 127.0.0.1 stands in for
 * the municipality's DigiD broker and puts the BSN in the ID token. A demo parent taps
 * "Inloggen met DigiD", signs in at the provider and lands on the portal's home page; someone
 * whose BSN is not known comes back to the login page with the neutral explanation. axe-core
 * runs on every state of our pages; the DigiD button is a big touch target.
 */
import { randomBytes } from 'node:crypto';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/server/clock.js';
import { freshBsn } from '../factories.js';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { apiSession, browserJourney } from './support.js';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};
const BEHEERDER = 'beheerder.lek@demo.casusregie.nl';

describe('the family portal DigiD login on a phone', () => {
  const journey = browserJourney(20, systemClock, {
    oidc: { secretKey: randomBytes(32), allowHttpIssuer: true },
  });
  let idp: TestOidcProvider | undefined;
  let parentName = '';

  // Runs after the journey has started the app (hooks run in the order they are registered).
  beforeAll(async () => {
    const db = journey.server.db;
    const parent = await db
      .selectFrom('person')
      .select(['id', 'name', 'bsn'])
      .where('email', 'like', 'ouder.%@gezin.demo.casusregie.nl')
      .orderBy('email')
      .executeTakeFirstOrThrow();
    parentName = parent.name;
    let bsn = parent.bsn;
    if (bsn === null) {
      bsn = freshBsn();
      await db.updateTable('person').set({ bsn }).where('id', '=', parent.id).execute();
    }
    idp = await startOidcProvider({
      redirectUris: [`${journey.server.url}/api/v1/portaal/digid/callback`],
      accounts: [
        { login: 'ouder', email: 'ouder@thuis.example.nl', emailVerified: true, bsn },
        {
          login: 'onbekende',
          email: 'iemand@thuis.example.nl',
          emailVerified: true,
          bsn: freshBsn(),
        },
      ],
    });
    const setup = await journey.context();
    const beheer = await apiSession(setup.request, journey.server.url, BEHEERDER);
    await beheer.post('/identiteitsaanbieders', {
      naam: 'Lekstad DigiD',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      doelgroep: 'burgers',
    });
  });

  afterAll(async () => {
    await idp?.close();
  });

  const provider = (): TestOidcProvider => {
    if (!idp) throw new Error('the identity provider has not started');
    return idp;
  };

  /** On the provider's own (development) pages: any password, then consent. */
  const signInAtProvider = async (page: Page, login: string) => {
    await page.waitForURL((u) => u.href.startsWith(provider().issuer));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('willekeurig');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  };

  const openLogin = async (): Promise<Page> => {
    const page = await journey.page(await journey.context(PHONE));
    await page.goto(`${journey.server.url}/portaal`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen');
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).waitFor();
    return page;
  };

  it('logs a parent in with DigiD and shows the portal home', async () => {
    const page = await openLogin();
    // DigiD comes before the code by e-mail, which stays available.
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Met DigiD',
      'Of met een code per e-mail',
    ]);
    expect(await page.getByLabel('E-mailadres').count()).toBe(1);
    await journey.expectAccessible(page);
    const button = page.getByRole('link', { name: 'Inloggen met DigiD' });
    expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);

    await button.tap();
    await signInAtProvider(page, 'ouder');
    await page.waitForURL(`${journey.server.url}/portaal`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Welkom, ${parentName}`);
    await expect.poll(() => page.getByRole('status').count()).toBe(0);
    await journey.expectAccessible(page);
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
  });

  it('sends someone with an unknown BSN back with the neutral explanation', async () => {
    const page = await openLogin();
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).tap();
    await signInAtProvider(page, 'onbekende');
    await page.waitForURL(`${journey.server.url}/portaal?digid=onbekend`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('U kunt met DigiD niet inloggen bij het gezinsportaal.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen');
    await journey.expectAccessible(page);
  });
});
