/**
 * Case search in the browser (issue 11), on demo data: a casusregisseur types part of a family
 * name in "Zoek een casus" and presses Enter; the count is announced in a status message, Tab
 * goes from the search button straight to the first result, and the link opens the case page.
 * A query that is too short is refused next to the field in Dutch. axe-core finds nothing
 * serious with results or with the error.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { LoginPage } from './pages/LoginPage.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { browserJourney } from './support.js';

const REGISSEUR = 'casusregisseur.lek@demo.casusregie.nl';

async function logIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/`);
  const login = new LoginPage(page);
  await login.heading().waitFor();
  await login.logIn(email, DEMO_PASSWORD);
  await new WorkListPage(page).heading().waitFor();
}

describe('case search in the browser', () => {
  const journey = browserJourney(20);

  it('finds a case by part of the family name with the keyboard and opens it', async () => {
    const { url, db } = journey.server;
    // A family of the casusregisseur's own team, so the search may show it.
    const family = await db
      .selectFrom('casus')
      .innerJoin('household', 'household.id', 'casus.household_id')
      .innerJoin('staff', 'staff.organisation_id', 'casus.responsible_team_id')
      .select(['casus.id', 'household.label'])
      .where('staff.email', '=', REGISSEUR)
      .orderBy('casus.id')
      .executeTakeFirstOrThrow();
    const surname = family.label.split(' ').at(-1) ?? family.label;
    const part = surname.slice(0, 4).toLowerCase();

    const page = await journey.page();
    await logIn(page, url, REGISSEUR);
    const field = page.getByLabel('Zoek een casus');
    await field.fill(part);
    await field.press('Enter');

    const status = page.getByRole('status').filter({ hasText: 'gevonden voor' });
    await expect.poll(() => status.textContent()).toMatch(/casus(sen)? gevonden voor/);
    const results = page.getByRole('list', { name: `Zoekresultaten voor “${part}”` });
    const items = results.getByRole('listitem');
    const count = Number(/^(\d+)/.exec((await status.textContent()) ?? '')?.[1]);
    expect(await items.count()).toBe(count);
    const link = results.getByRole('link', { name: family.label }).first();
    await expect.poll(() => link.count()).toBe(1);
    for (const text of await results.getByRole('link').allTextContents())
      expect(text.toLowerCase()).toContain(part);
    await journey.expectAccessible(page);

    // Keyboard: from the field, Tab to the button, then the first result.
    const focused = (target: Locator) =>
      target.evaluate((el) => el === el.ownerDocument.activeElement);
    await field.focus();
    await page.keyboard.press('Tab');
    expect(await focused(page.getByRole('button', { name: 'Zoeken' }))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(results.getByRole('link').first())).toBe(true);

    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/casussen/${family.id}`);
    await page.getByRole('heading', { level: 1, name: family.label, exact: true }).waitFor();
  });

  it('refuses a query of one character in Dutch, next to the field', async () => {
    const { url } = journey.server;
    const page = await journey.page();
    await logIn(page, url, REGISSEUR);
    const field = page.getByLabel('Zoek een casus');
    await field.fill('a');
    await field.press('Enter');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'niet gezocht' }).textContent())
      .toContain('Vul minstens 2 tekens in om te zoeken.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('list', { name: /Zoekresultaten/ }).count()).toBe(0);
    await journey.expectAccessible(page);

    // A part of a BSN is refused by the server, with its reason.
    await field.fill('12345');
    await field.press('Enter');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'niet gezocht' }).textContent())
      .toContain('een BSN heeft 9 cijfers');
    await journey.expectAccessible(page);
  });
});
