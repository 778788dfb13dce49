/**
 * Browser journey of issue 11 (ADR 0028): two casusregisseurs of the same ZTM team open the
 * same plan concept in their own browsers. The first saves; the second's save is refused: an
 * alert (role="alert") names who saved it, when and what changed, the second one's own text
 * stays in the form, and "Nieuwste versie laden" brings in the first one's text. axe-core runs
 * on the page with the alert.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { PlanPage } from './pages/PlanPage.js';
import { amsterdamNow, apiSession, browserJourney } from './support.js';

const ANNA = 'casusregisseur.ztm@demo.casusregie.nl';
const BRAM = 'casusregisseur-lock.ztm@demo.casusregie.nl';
const FIELD = 'Samenwerking en rolverdeling';

describe('a stale plan save in the browser', () => {
  const journey = browserJourney(5);

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('the second save shows who changed what, keeps the text, and loads the newest on request', async () => {
    const url = journey.server.url;
    const db = journey.server.db;
    const anna = await db
      .selectFrom('staff')
      .select(['organisation_id', 'name'])
      .where('email', '=', ANNA)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('staff')
      .values({
        organisation_id: anna.organisation_id,
        name: 'Bram de Boer',
        email: BRAM,
        password_hash: await hashPassword(DEMO_PASSWORD),
        roles: ['casusregisseur'],
      })
      .execute();

    // Set-up over the API: a family of the team with an ondersteuningsplan in concept.
    const { year } = amsterdamNow();
    const setup = await apiSession((await journey.context()).request, url, ANNA);
    const created = await setup.post('/casussen', {
      route: 'A',
      regio: 'ZTM',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Dekker' },
      jeugdigen: [{ naam: 'Sem Dekker', geboortedatum: `${year - 6}-03-01`, bsn: freshBsn() }],
      ouders: [{ naam: 'Lisa Dekker', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const plan = await setup.post(`/casussen/${String(created['id'])}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: `${year}-01-01`,
      inhoud: { samenwerking: 'Casusregisseur en moeder.' },
    });
    const planUrl = `${url}/plannen/${String(plan['id'])}`;

    const first = await loggedIn(ANNA);
    const second = await loggedIn(BRAM);
    for (const page of [first, second]) {
      await page.goto(planUrl);
      await page.getByRole('button', { name: 'Concept opslaan' }).waitFor();
    }

    const annaPlan = new PlanPage(first);
    await annaPlan.fillSection(FIELD, 'Anna: casusregisseur, moeder en school.');
    await annaPlan.save();

    const bramPlan = new PlanPage(second);
    await bramPlan.fillSection(FIELD, 'Bram: alleen moeder.');
    await second.getByRole('button', { name: 'Concept opslaan' }).click();
    const alert = second.getByRole('alert').filter({ hasText: 'niet opgeslagen' });
    await alert.waitFor();
    const said = await alert.innerText();
    expect(said).toContain('Uw wijzigingen zijn niet opgeslagen.');
    expect(said).toContain(anna.name);
    expect(said).toMatch(/op \d{2}-\d{2}-\d{4} \d{2}:\d{2} opgeslagen/);
    expect(said).toContain(FIELD);
    await expect
      .poll(() => second.getByLabel(new RegExp(`^${FIELD}`)).inputValue())
      .toBe('Bram: alleen moeder.');
    await expect.poll(() => second.getByText('Het concept is opgeslagen.').count()).toBe(0);
    await journey.expectAccessible(second);

    await alert.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect
      .poll(() => second.getByLabel(new RegExp(`^${FIELD}`)).inputValue())
      .toBe('Anna: casusregisseur, moeder en school.');
    await expect.poll(() => alert.count()).toBe(0);

    // On the newest version, Bram's save goes through.
    await bramPlan.fillSection(FIELD, 'Bram, na het laden: moeder, school en oma.');
    await bramPlan.save();
    await first.reload();
    await expect
      .poll(() => first.getByLabel(new RegExp(`^${FIELD}`)).inputValue())
      .toBe('Bram, na het laden: moeder, school en oma.');
  });
});
