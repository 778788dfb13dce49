/**
 * Browser journey of issue 6 (notifications): a LEK casusregisseur with two unread notifications
 * sees the count in the menu as text, opens Meldingen, finds the overdue intake of a case her
 * team registered a month ago with its rule ID (LEK-TERM-INTAKE-AMBULANT), marks one
 * notification as read with the keyboard and then the rest with "Alles gelezen". axe-core runs
 * on every page state.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, DEMO_PASSWORD, generateDemoData } from '../../src/demo/generate.js';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { systemClock } from '../../src/server/clock.js';
import { hasWebUi } from '../../src/server/static.js';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../src/store/db.js';
import { notify } from '../../src/store/notifications.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { accessibilityProblems, launchBrowser } from './support.js';

const REGISSEUR = 'casusregisseur.lek@demo.casusregie.nl';
const DAY = 86_400_000;

describe('notifications in the browser', () => {
  let database: OpenDatabase;
  let browser: Browser;
  let url = '';
  let close: () => Promise<void> = async () => {};
  const errors: string[] = [];

  // Own server (not browserJourney): the test writes notifications straight into the store.
  beforeAll(async () => {
    if (!hasWebUi()) throw new Error('The web UI is not built: run `npm run build` first.');
    database = await openDatabase();
    await migrateToLatest(database.db);
    await generateDemoData(database.db, {
      cases: 10,
      seed: DEFAULT_SEED,
      now: new Date(),
      hashPassword,
    });
    const app = await buildApp({
      db: database.db,
      clock: systemClock,
      profiles: loadProfiles(),
      secureCookies: false,
      serveWeb: true,
    });
    [url, browser] = await Promise.all([
      app.listen({ port: 0, host: '127.0.0.1' }),
      launchBrowser(),
    ]);
    close = async () => {
      await app.close();
      await database.close();
    };
  });
  afterAll(async () => {
    await browser?.close();
    await close();
  });

  const expectAccessible = async (page: Page) =>
    expect(await accessibilityProblems(page), page.url()).toEqual([]);

  it('shows the unread count, the overdue intake with its rule ID, and marks as read', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => errors.push(error.message));

    // A request the team registered a month ago: the intake (14 days) is overdue. Registered
    // from a session of its own, so the browser logs in through the page.
    const setup = await browser.newContext();
    const login = await setup.request.post(`${url}/api/v1/sessie`, {
      data: { email: REGISSEUR, wachtwoord: DEMO_PASSWORD },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await setup.request.post(`${url}/api/v1/casussen`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        route: 'A',
        regio: 'LEK',
        segment: 'ambulant',
        gezin: { naam: 'Gezin Meldingtest' },
        jeugdigen: [{ naam: 'Roos Meldingtest', geboortedatum: '2015-06-01', bsn: freshBsn() }],
        ouders: [],
        aangemeldOp: new Date(Date.now() - 30 * DAY).toISOString(),
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const caseId = ((await created.json()) as { id: string }).id;
    await setup.close();
    const staff = await database.db
      .selectFrom('staff')
      .select('id')
      .where('email', '=', REGISSEUR)
      .executeTakeFirstOrThrow();
    await notify(
      database.db,
      {
        kind: 'voortgangsverslag',
        caseId,
        title: 'Voortgangsverslag ontvangen',
        staffIds: [staff.id],
      },
      new Date(Date.now() - 3_600_000),
    );
    await notify(
      database.db,
      { kind: 'calamiteit', caseId, title: 'Calamiteit gemeld', staffIds: [staff.id] },
      new Date(),
    );

    await page.goto(`${url}/inloggen`);
    await new LoginPage(page).logIn(REGISSEUR, DEMO_PASSWORD);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const item = menu.getByRole('link', { name: /^Meldingen/ });
    await expect.poll(() => item.textContent()).toBe('Meldingen (2 ongelezen)');
    await item.click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await expectAccessible(page);

    const deadlines = page.getByRole('table', { name: 'Termijnen, verlopen eerst' });
    const intake = deadlines.getByRole('row').filter({ hasText: 'Gezin Meldingtest' });
    await expect.poll(() => intake.first().textContent()).toContain('LEK-TERM-INTAKE-AMBULANT');
    expect(await intake.first().textContent()).toContain('verlopen');
    // Overdue first: the first data row is overdue.
    expect(await deadlines.getByRole('row').nth(1).textContent()).toMatch(/^verlopen/);

    const notifications = page.getByRole('table', { name: /^Meldingen, nieuwste eerst/ });
    const rows = notifications.getByRole('row');
    expect(await rows.nth(1).textContent()).toContain('Calamiteit gemeld');
    expect(await rows.nth(2).textContent()).toContain('Voortgangsverslag ontvangen');

    // Keyboard only: focus the button of the calamity and press Enter.
    await page
      .getByRole('button', { name: /^Markeer als gelezen\s*\(Calamiteit gemeld\)$/ })
      .focus();
    await page.keyboard.press('Enter');
    const status = page.getByText('Gemarkeerd als gelezen: Calamiteit gemeld.');
    await status.waitFor();
    expect(await status.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await expect.poll(() => item.textContent()).toBe('Meldingen (1 ongelezen)');
    expect(await rows.nth(1).textContent()).toContain('gelezen op');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Alles gelezen' }).click();
    await page.getByText('Alle meldingen zijn gelezen.').waitFor();
    await expect.poll(() => item.textContent()).toBe('Meldingen');
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
