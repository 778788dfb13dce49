/**
 * Browser journeys of issue 11 (ADR 0028): two casusregisseurs of the same ZTM team open the
 * same plan concept in their own browsers. The first saves; the second's save is refused: an
 * alert (role="alert") names who saved it, when and what changed, the second one's own text
 * stays in the form, and "Nieuwste versie laden" brings in the first one's text. The same two on
 * one closure draft: a section the other did not touch saves, the one the other changed is
 * refused the same way. axe-core runs on the pages with the alert.
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

  /** Anna of the demo, and Bram: a second casusregisseur of her team (made once). */
  async function twoOfOneTeam() {
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
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
    return anna;
  }

  /** A family of the team, registered over the API by Anna. */
  async function familyOfTheTeam(name: string) {
    const { year } = amsterdamNow();
    const setup = await apiSession((await journey.context()).request, journey.server.url, ANNA);
    const created = await setup.post('/casussen', {
      route: 'A',
      regio: 'ZTM',
      segment: 'ambulant',
      gezin: { naam: `Gezin ${name}` },
      jeugdigen: [{ naam: `Sem ${name}`, geboortedatum: `${year - 6}-03-01`, bsn: freshBsn() }],
      ouders: [{ naam: `Lisa ${name}`, soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 3_600_000).toISOString(),
    });
    return { setup, caseId: String(created['id']), year };
  }

  it('the second save shows who changed what, keeps the text, and loads the newest on request', async () => {
    const url = journey.server.url;
    const anna = await twoOfOneTeam();

    // Set-up over the API: a family of the team with an ondersteuningsplan in concept.
    const { setup, caseId, year } = await familyOfTheTeam('Dekker');
    const plan = await setup.post(`/casussen/${caseId}/plannen`, {
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

  it('a closure draft: a section the other left alone saves, the one the other changed is refused', async () => {
    const anna = await twoOfOneTeam();
    const { caseId } = await familyOfTheTeam('Jansen');
    const first = await loggedIn(ANNA);
    const second = await loggedIn(BRAM);
    const sections = [first, second].map((page) =>
      page.getByRole('region', { name: 'Afsluiting' }),
    );
    for (const [i, page] of [first, second].entries()) {
      await page.goto(`${journey.server.url}/casussen/${caseId}`);
      await sections[i]?.getByRole('button', { name: 'Waakvlamcontact opslaan' }).waitFor();
    }
    const [annas, brams] = sections as [(typeof sections)[0], (typeof sections)[0]];
    const waakvlam = async (where: typeof annas, why: string) => {
      await where
        .getByRole('group', { name: 'Is een waakvlamcontact nodig?' })
        .getByLabel('Nee')
        .check();
      await where.getByLabel('Waarom geen waakvlamcontact nodig is').fill(why);
      await where.getByRole('button', { name: 'Waakvlamcontact opslaan' }).click();
    };

    await waakvlam(annas, 'Anna: het netwerk van het gezin vangt een terugval op.');
    await annas.getByText('Waakvlamcontact: opgeslagen.').waitFor();

    // Bram's reason: a section Anna did not touch, so it saves on his older revision.
    await brams
      .getByRole('group', { name: 'Reden van afsluiten' })
      .getByLabel('Doelen bereikt')
      .check();
    await brams.getByRole('button', { name: 'Reden opslaan' }).click();
    await brams.getByText('Reden: opgeslagen.').waitFor();

    // His waakvlamcontact: Anna changed that section after he opened the page.
    await waakvlam(brams, 'Bram: de school houdt een oogje in het zeil.');
    const alert = brams.getByRole('alert').filter({ hasText: 'niet opgeslagen' });
    await alert.waitFor();
    const said = await alert.innerText();
    expect(said).toContain('Uw wijzigingen zijn niet opgeslagen.');
    expect(said).toContain(anna.name);
    expect(said).toContain('Waakvlamcontact');
    expect(said).not.toContain('Reden van afsluiten');
    await expect
      .poll(() => brams.getByLabel('Waarom geen waakvlamcontact nodig is').inputValue())
      .toBe('Bram: de school houdt een oogje in het zeil.');
    await expect.poll(() => brams.getByText('Waakvlamcontact: opgeslagen.').count()).toBe(0);
    await journey.expectAccessible(second);

    // Unsaved text in another section stays when he loads the newest waakvlamcontact.
    await brams.getByLabel('Toelichting', { exact: true }).fill('Bram: nog niet opgeslagen.');
    await alert.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect
      .poll(() => brams.getByLabel('Waarom geen waakvlamcontact nodig is').inputValue())
      .toBe('Anna: het netwerk van het gezin vangt een terugval op.');
    await expect.poll(() => alert.count()).toBe(0);
    expect(await brams.getByLabel('Toelichting', { exact: true }).inputValue()).toBe(
      'Bram: nog niet opgeslagen.',
    );
    expect(
      await brams
        .getByRole('group', { name: 'Reden van afsluiten' })
        .getByLabel('Doelen bereikt')
        .isChecked(),
    ).toBe(true);

    // On the newest version his save goes through, and Anna sees it after a reload.
    await waakvlam(brams, 'Bram, na het laden: school en netwerk samen.');
    await brams.getByText('Waakvlamcontact: opgeslagen.').waitFor();
    await first.reload();
    await expect
      .poll(() => annas.getByLabel('Waarom geen waakvlamcontact nodig is').inputValue())
      .toBe('Bram, na het laden: school en netwerk samen.');
  });
});
