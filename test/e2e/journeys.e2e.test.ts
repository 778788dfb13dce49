/**
 * User journeys in the real browser (system Chromium) against a real server and database:
 * a local-team casusregisseur registers a route A request and sees its deadlines with rule
 * IDs, records the intake and sees that deadline met; a provider cannot open that case.
 * Every page visited is checked with axe-core (no serious or critical findings).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { CasePage } from './pages/CasePage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NewCasePage } from './pages/NewCasePage.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { browserJourney } from './support.js';

const CASUSREGISSEUR = 'casusregisseur.lek@demo.casusregie.nl';

describe('browser journeys', () => {
  const journey = browserJourney(40);
  const newPage = () => journey.page();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);
  let registeredCaseUrl = '';

  it('a local-team casusregisseur registers a route A request and sees a deadline met', async () => {
    expect(journey.server.accounts.some((a) => a.email === CASUSREGISSEUR)).toBe(true);
    const page = await newPage();

    // Not logged in: the work list sends the user to the login page.
    await page.goto(`${journey.server.url}/`);
    const login = new LoginPage(page);
    await login.heading().waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await expectAccessible(page);

    // A wrong password gets a clear message, not a stack trace.
    await login.logIn(CASUSREGISSEUR, 'fout-wachtwoord');
    await expect.poll(() => login.alert().innerText()).toMatch(/klopt niet|onjuist|niet gelukt/i);
    await expectAccessible(page);

    await login.logIn(CASUSREGISSEUR, DEMO_PASSWORD);
    const workList = new WorkListPage(page);
    await workList.heading().waitFor();
    await workList.table().waitFor();
    expect(await workList.counts().innerText()).toMatch(/\d+ casus/);
    await expectAccessible(page);

    await workList.openNewRequest();
    const form = new NewCasePage(page);
    await form.heading().waitFor();
    await expectAccessible(page);

    // Empty form: the summary names each missing field, and the fields are marked invalid.
    await form.submit();
    await form.errorSummary().waitFor();
    const summary = await form.errorSummary().innerText();
    expect(summary).toContain('Naam van het gezin');
    expect(summary).toContain('Geboortedatum (jeugdige 1)');
    expect(await form.childField(0, 'Geboortedatum').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    // A BSN that fails the eleven-check comes back from the server on its own field.
    await form.fillHousehold('Gezin Browsertest');
    await form.fillChild(0, {
      naam: 'Sam Browsertest',
      geboortedatum: '14-02-2015',
      bsn: '123456780',
    });
    await form.submit();
    await expect.poll(() => form.errorSummary().innerText()).toContain('BSN (jeugdige 1)');
    expect(await form.errorSummary().innerText()).toMatch(/elfproef|geldig/);
    expect(await form.childField(0, 'BSN').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/casussen/nieuw');

    // Corrected: the request is registered and the case page shows its deadlines.
    await form.fillChild(0, {
      naam: 'Sam Browsertest',
      geboortedatum: '14-02-2015',
      bsn: freshBsn(),
    });
    await form.submit();
    const casePage = new CasePage(page);
    await casePage.heading('Gezin Browsertest').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/casussen\/[0-9a-f-]{36}$/);
    registeredCaseUrl = page.url();
    await casePage.deadlinesTable().waitFor();
    const ruleIds = await casePage.ruleIdsShown();
    // LEK, segment ambulant: the intake within 14 days of registration (LEK-TERM-INTAKE-AMBULANT).
    expect(ruleIds).toContain('LEK-TERM-INTAKE-AMBULANT');
    for (const id of ruleIds) expect(id).toMatch(/^LEK-[A-Z]+-[A-Z0-9-]+$/);
    const intake = casePage.deadlineRows('LEK-TERM-INTAKE-AMBULANT');
    expect(await intake.count()).toBe(1);
    expect(await intake.innerText()).toContain('open');
    await expectAccessible(page);

    // Recording the intake meets the deadline.
    const { date, time } = await page.evaluate(() => {
      const f = new Intl.DateTimeFormat('nl-NL', {
        timeZone: 'Europe/Amsterdam',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      const p = Object.fromEntries(f.formatToParts(new Date()).map((x) => [x.type, x.value]));
      return {
        date: `${p['day']}-${p['month']}-${p['year']}`,
        time: `${p['hour']}:${p['minute']}`,
      };
    });
    await casePage.recordEvent('Intake', date, time, 'Intakegesprek bij het gezin thuis');
    await expect.poll(() => casePage.eventFormStatus().innerText()).toContain('Vastgelegd');
    await expect.poll(() => intake.innerText()).toContain('op tijd');
    expect(await intake.innerText()).toContain(date);
    expect(await casePage.timeline().first().innerText()).toContain('Intake');
    await expectAccessible(page);

    // Triage puts casusregie with a professional: the family's period ends, and stays visible.
    const me = journey.server.accounts.find((a) => a.email === CASUSREGISSEUR);
    await casePage.assignRole(
      'Casusregie',
      me?.organisation ?? '',
      me?.name ?? '',
      'triage: casusregie buiten het gezin',
    );
    await expect
      .poll(() => casePage.rolesTable().innerText())
      .toContain(`${me?.name ?? ''}, ${me?.organisation ?? ''}`);
    const roles = await casePage.rolesTable().innerText();
    expect(roles).toMatch(/Casusregie \(eerder\)\s+Het gezin zelf/);
    await expectAccessible(page);

    // The rule behind a deadline is one click away.
    await intake.getByRole('link', { name: 'LEK-TERM-INTAKE-AMBULANT' }).click();
    await page.getByRole('heading', { level: 1, name: /LEK-TERM-INTAKE-AMBULANT/ }).waitFor();
    // The heading shows while the rule is still loading: wait for its text.
    await expect.poll(() => page.locator('main').innerText()).toMatch(/veertien|14/);
    await expectAccessible(page);
  });

  it('a provider without a role in that case cannot open it', async () => {
    expect(registeredCaseUrl).not.toBe('');
    const provider = journey.server.accounts.find(
      (a) => a.roles.includes('planner') && a.region === 'LEK',
    );
    expect(provider).toBeDefined();
    const page = await newPage();
    await page.goto(registeredCaseUrl);
    await new LoginPage(page).logIn(provider?.email ?? '', DEMO_PASSWORD);
    // Back on the case address after login, the provider gets the same page as for a case
    // that does not exist.
    await page.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
    expect(new URL(page.url()).href).toBe(registeredCaseUrl);
    expect(await page.locator('main').innerText()).not.toContain('Gezin Browsertest');
    await expectAccessible(page);

    // And the case is not in the provider's work list.
    await page.getByRole('link', { name: 'Naar de werkvoorraad' }).click();
    await new WorkListPage(page).heading().waitFor();
    await page.locator('.tellers').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Gezin Browsertest');
    await expectAccessible(page);
  });

  it('pages reflow at 200% zoom without sideways scrolling of the page', async () => {
    // 200% zoom of a 1280-pixel-wide window is a 640-pixel-wide layout (WCAG 1.4.4, 1.4.10).
    const page = await newPage();
    await page.setViewportSize({ width: 640, height: 480 });
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(CASUSREGISSEUR, DEMO_PASSWORD);
    const workList = new WorkListPage(page);
    await workList.table().waitFor();
    // Evaluated in the page (a string, as this file is type-checked without the DOM library).
    const overflow = () =>
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await workList.table().getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'Termijnen' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    const caseUrl = page.url();
    // The pages made with the family at the kitchen table: analysis and plan.
    await page
      .getByRole('link', { name: 'Veiligheidscheck, vraaganalyse, risicotaxatie en triage' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Triage' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto(caseUrl);
    await page.getByLabel('Soort plan').selectOption({ label: 'Veiligheidsplan' });
    await page.getByRole('button', { name: 'Plan beginnen', exact: true }).click();
    await page.getByRole('button', { name: 'Concept opslaan' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await workList.openNewRequest();
    await new NewCasePage(page).heading().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
