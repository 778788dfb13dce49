/**
 * Route B in the browser (issue 4): a LEK provider's planner registers a GP referral, starts
 * the help, records that the family declined a familiegroepsplan, writes the hulpverleningsplan with a SMART goal and proposes the arrangement the
 * plan asks for on route B; the parent signs on screen, the plan is fixed, and LEK-TERM-HVP
 * becomes met. axe-core runs on every page state visited.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { CasePage } from './pages/CasePage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NewCasePage } from './pages/NewCasePage.js';
import { PlanPage } from './pages/PlanPage.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { amsterdamNow, browserJourney } from './support.js';

describe('route B in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('the provider writes the hulpverleningsplan and proposes an arrangement', async () => {
    const page = await journey.page();
    const { date, time, year } = amsterdamNow();

    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn('planner.lek@demo.casusregie.nl', DEMO_PASSWORD);
    const workList = new WorkListPage(page);
    await workList.heading().waitFor();
    await workList.openNewRequest();

    const form = new NewCasePage(page);
    await form.heading().waitFor();
    await page.getByLabel('Code van de verwijzer').fill('01012345');
    await form.fillHousehold('Gezin Bakker');
    await form.fillChild(0, { naam: 'Sem Bakker', geboortedatum: `14-01-${year - 9}` });
    await form.fillParent(0, 'Lotte Bakker');
    await form.submit();

    const casePage = new CasePage(page);
    await casePage.heading('Gezin Bakker').waitFor();
    await casePage.recordEvent('Start van de hulp', date, time);
    await expect.poll(() => casePage.deadlineRows('LEK-TERM-HVP').count()).toBe(1);
    expect(await casePage.deadlineRows('LEK-TERM-HVP').innerText()).toContain('open');

    // Jeugdwet 4.1.2: the provider first offers the family a familiegroepsplan.
    const offer = page.getByRole('region', { name: 'Familiegroepsplan' });
    await offer.getByText(/Bied het gezin eerst de kans/).waitFor();
    await offer.getByRole('radio', { name: 'De ouders willen het niet' }).check();
    await offer.getByRole('button', { name: 'Aanbod vastleggen' }).click();
    await offer.getByText('Het aanbod en het antwoord zijn vastgelegd.').waitFor();
    await offer.getByText(/De ouders willen geen familiegroepsplan/).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Soort plan').selectOption({ label: 'Hulpverleningsplan' });
    await page.getByRole('button', { name: 'Plan beginnen', exact: true }).click();
    const plan = new PlanPage(page);
    await plan.heading().filter({ hasText: 'Hulpverleningsplan – Gezin Bakker' }).waitFor();
    await plan.fillSection('Welke hulp de aanbieder biedt', 'Ambulante gezinsbehandeling aan huis');
    await plan.fillSection('Hoe vaak', 'Twee keer per week anderhalf uur');
    await plan.fillSection('Perspectief', 'Sem woont thuis en gaat zonder schorsingen naar school');
    await plan.addGoal(0, {
      area: 'Kindgebonden problemen',
      description: 'Sem kan zijn boosheid hanteren',
      target: 'Sem heeft hooguit één woedebui per week thuis, zes weken lang',
      ownerName: 'Gezinsbehandelaar',
      date: `30-06-${year + 1}`,
    });
    await plan.save();
    // On route B the plan is not complete without the proposed arrangement.
    await expect.poll(() => plan.stillNeeded().innerText()).toMatch(/route B/);
    await expectAccessible(page);

    const proposal = page.getByRole('group', { name: 'Voorgesteld arrangement' });
    await proposal
      .getByRole('group', { name: 'Resultaatgebieden' })
      .getByRole('checkbox', { name: 'Kindgebonden problemen' })
      .check();
    await proposal.getByLabel(/^Intensiteit \(trede\)/).fill('Trede 3: middelzwaar ambulant');
    await proposal.getByLabel(/^Duur van het arrangement/).fill('6 maanden');
    await proposal
      .getByLabel(/^Waarom dit arrangement past/)
      .fill('Gedragsproblemen thuis en op school; ouders willen meedoen.');
    await plan.save();
    await expect.poll(() => plan.stillNeeded().innerText()).not.toMatch(/route B/);

    await plan.signOnScreen('Lotte Bakker');
    await plan.fix();
    await page.getByText('Versie 1 is vastgesteld').waitFor();
    expect(await page.getByRole('region', { name: 'Inhoud' }).innerText()).toMatch(
      /Voorgesteld arrangement\s+Kindgebonden problemen; Trede 3: middelzwaar ambulant; 6 maanden/,
    );
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Terug naar de casus' }).click();
    await casePage.heading('Gezin Bakker').waitFor();
    await expect.poll(() => casePage.deadlineRows('LEK-TERM-HVP').innerText()).toContain('op tijd');
  });
});
