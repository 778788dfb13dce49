/**
 * The work list while the deadlines are recomputed after a profile change (issue 11, ADR 0029):
 * a status line says so with the progress ("12.345 van 100.000 casussen"), the list itself still
 * shows the cases with their deadlines, and the line goes once the run has finished. axe-core
 * finds nothing serious.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { LoginPage } from './pages/LoginPage.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { browserJourney } from './support.js';

const REGISSEUR = 'casusregisseur.lek@demo.casusregie.nl';
const PROGRESS =
  'Termijnen worden opnieuw berekend na een wijziging in de werkafspraken: 12.345 van 100.000 casussen';

describe('deadline recomputation on the work list', () => {
  const journey = browserJourney(20);

  it('shows the progress of a running recomputation, and the list meanwhile', async () => {
    const { url, db } = journey.server;
    const run = await db
      .insertInto('deadline_recompute_run')
      .values({ reason: 'profielwijziging', started_at: new Date(), total: 100_000, done: 12_345 })
      .returning('id')
      .executeTakeFirstOrThrow();

    const page = await journey.page();
    await page.goto(`${url}/`);
    const login = new LoginPage(page);
    await login.heading().waitFor();
    await login.logIn(REGISSEUR, DEMO_PASSWORD);
    const workList = new WorkListPage(page);
    await workList.heading().waitFor();
    const line = page.getByRole('status').filter({ hasText: 'opnieuw berekend' });
    await line.waitFor();
    expect(await line.innerText()).toContain(PROGRESS);
    // The list is there meanwhile, each deadline with its rule ID.
    await workList.table().waitFor();
    expect(await workList.table().innerText()).toMatch(/[A-Z]{3}-[A-Z]+-[A-Z-]+/);
    await journey.expectAccessible(page);

    await db
      .updateTable('deadline_recompute_run')
      .set({ done: 100_000, finished_at: new Date() })
      .where('id', '=', run.id)
      .execute();
    await expect.poll(() => line.count(), { timeout: 15_000 }).toBe(0);
  }, 120_000);
});
