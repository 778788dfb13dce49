/**
 * The family writes its familiegroepsplan in the portal on a phone (390×844; issue 10,
 * ADR 0026). Gezin Netwerk: mother Sanne; the family holds casusregie. The session cookie is set
 * on the browser context directly (logging in is the login journey's concern). Sanne starts the
 * plan, first saves an agreement without content (the errors show at their fields), then writes
 * one goal, one network member and one agreement, and ticks the agreement off as done. Axe finds
 * nothing serious in any of these states; nothing sticks out sideways.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { familyCase, portalCasePageOnPhone } from '../support/portal-family.js';
import { LoginPage } from './pages/LoginPage.js';
import { browserJourney } from './support.js';

const CASUSREGISSEUR = 'casusregisseur.ztm@demo.casusregie.nl';

/** A date `days` from today on the Amsterdam clock, as `YYYY-MM-DD`. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Amsterdam',
  });
}

describe('familiegroepsplan in the family portal on a phone', () => {
  const journey = browserJourney(5);
  const ids = { caseId: '', sanne: '' };

  async function family(): Promise<void> {
    if (ids.caseId) return;
    // The casusregisseur's team is the case's responsible team, so they read its plans.
    const made = await familyCase(journey.server.db, {
      label: 'Gezin Netwerk',
      members: [{ kind: 'ouder', name: 'Sanne Netwerk' }],
      casusregie: 'gezin',
      staffEmail: CASUSREGISSEUR,
    });
    ids.sanne = made.personIds[0] ?? '';
    ids.caseId = made.caseId;
  }

  async function phonePage(): Promise<Page> {
    await family();
    const page = await portalCasePageOnPhone(journey, ids.sanne, ids.caseId);
    await page.getByRole('heading', { level: 2, name: 'Ons familiegroepsplan' }).waitFor();
    return page;
  }

  const noSidewaysScroll = async (page: Page) =>
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);

  it('the parent writes a small plan and ticks off its agreement', async () => {
    const page = await phonePage();
    await expect(
      page
        .getByText('In een familiegroepsplan schrijft u zelf op wat uw gezin wil bereiken')
        .count(),
    ).resolves.toBe(1);
    await journey.expectAccessible(page);

    await page.getByRole('button', { name: 'Familiegroepsplan beginnen' }).click();
    const form = page.getByRole('form', { name: 'Familiegroepsplan schrijven' });
    await form.waitFor();
    await journey.expectAccessible(page);

    // An empty agreement: the server names each field, the form shows it at the field.
    await form.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await form.getByRole('button', { name: 'Plan bewaren' }).click();
    await page.getByText('Het plan is nog niet bewaard').waitFor();
    for (const message of [
      'vul in wat er gebeurt',
      'vul in wie het doet',
      'vul in wanneer het klaar is',
    ])
      await expect(form.getByText(message).count()).resolves.toBe(1);
    await expect(page.evaluate<string | undefined>('document.activeElement?.id')).resolves.toBe(
      'fgp-afspraken-0-wie',
    );
    await noSidewaysScroll(page);
    await journey.expectAccessible(page);

    await form.getByRole('button', { name: 'Doel toevoegen' }).click();
    await form.getByLabel('Wat willen jullie bereiken?').fill('Meer rust in huis na school');
    await form.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await form.getByLabel('Naam').fill('Oma Ria');
    await form.getByLabel('Hoe helpt deze persoon?').fill('Past op dinsdag en donderdag op');
    await form.getByLabel('Wat gebeurt er?').fill('Belt de mentor over huiswerk');
    await form.getByLabel('Wie doet het?').fill('Sanne');
    await form.getByLabel('Wanneer is het klaar?').fill(inDays(7));
    await form.getByRole('button', { name: 'Plan bewaren' }).click();
    await page.getByText('Het plan is bewaard.').waitFor();
    await journey.expectAccessible(page);

    const track = page.getByRole('form', { name: 'Afspraak 1 bijhouden' });
    await track.waitFor();
    await expect(page.getByText('Nog niet bijgehouden').count()).resolves.toBe(1);
    await track.getByLabel('Ja, gedaan').check();
    await track.getByLabel('Korte toelichting').fill('De mentor helpt met een planning');
    await track.getByRole('button', { name: 'Afspraak 1 bijwerken' }).click();
    await page.getByText(/^Gedaan \(\d{2}-\d{2}-\d{4}\)$/).waitFor();
    await expect(page.getByText('De mentor helpt met een planning').count()).resolves.toBe(1);
    await noSidewaysScroll(page);
    await journey.expectAccessible(page);

    // The same plan on the casusregisseur's plan page, with the family's mark.
    const plan = await journey.server.db
      .selectFrom('plan')
      .select('id')
      .where('case_id', '=', ids.caseId)
      .executeTakeFirstOrThrow();
    const desk = await journey.page(
      await journey.context({ viewport: { width: 1280, height: 900 } }),
    );
    await desk.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(desk).logIn(CASUSREGISSEUR, DEMO_PASSWORD);
    await desk.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
    await desk.goto(`${journey.server.url}/plannen/${plan.id}`);
    await desk
      .getByRole('heading', { level: 2, name: 'Netwerk en afspraken van het gezin' })
      .waitFor();
    await desk.getByRole('cell', { name: 'Oma Ria' }).waitFor();
    await desk
      .getByRole('cell', { name: /^Gedaan .*De mentor helpt met een planning — Sanne Netwerk/ })
      .waitFor();
    await journey.expectAccessible(desk);
  });
});
