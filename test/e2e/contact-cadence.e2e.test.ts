/**
 * Browser journey of issue 6, done-when (1): a LEK case with heavy regie (LEK-DEC-REGIE-WEIGHT
 * "zwaar") whose help started four months ago and had no contact since: the three-monthly
 * contact (LEK-CAD-CONTACT-ZWAAR) is overdue in the casusregisseur's work list. Recording the
 * contact on the case page makes it met. axe-core runs on every page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { freshBsn } from '../factories.js';
import { CasePage } from './pages/CasePage.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { amsterdamNow, browserJourney, providerSystem } from './support.js';

const REGISSEUR = 'casusregisseur.lek@demo.casusregie.nl';
const DAY = 86_400_000;

describe('contact cadence in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('a missed three-monthly contact is overdue in the work list until a contact is recorded', async () => {
    const url = journey.server.url;
    const context = await journey.context();
    const api = await providerSystem(context.request, url, REGISSEUR, 'LEK');
    const post = async (path: string, data: object) => {
      const res = await context.request.post(`${url}/api/v1${path}`, {
        data,
        headers: { 'x-csrf-token': api.csrf },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return (await res.json()) as Record<string, unknown>;
    };
    const { year } = amsterdamNow();
    const created = await post('/casussen', {
      route: 'A',
      regio: 'LEK',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Verhoef' },
      jeugdigen: [{ naam: 'Daan Verhoef', geboortedatum: `${year - 12}-06-01`, bsn: freshBsn() }],
      ouders: [{ naam: 'Femke Verhoef', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 150 * DAY).toISOString(),
    });
    const caseId = String(created['id']);
    // Heavy regie: the criteria, and the triage that follows them.
    await post(`/casussen/${caseId}/regiecriteria`, {
      basisRevisie: 0,
      ernst: 'zwaar',
      stapeling: true,
      duur: 'onvoorspelbaar',
      motivatie: 'wisselend',
      aanbieders: 2,
      school: 'bedreigd',
      jhio: 'geen',
    });
    // The provider's intake, start of help and hulpverleningsplan were on time.
    for (const [type, daysAgo] of [
      ['intake', 145],
      ['start-hulp', 120],
      ['hulpverleningsplan', 100],
    ] as const)
      await post(`/casussen/${caseId}/gebeurtenissen`, {
        type,
        op: new Date(Date.now() - daysAgo * DAY).toISOString(),
      });

    const page = await journey.page(context);
    await page.goto(`${url}/`);
    const workList = new WorkListPage(page);
    await workList.heading().waitFor();
    const row = workList.table().getByRole('row').filter({ hasText: 'Gezin Verhoef' });
    await row.waitFor();
    // The most urgent deadline of the case is the missed contact.
    expect(await row.innerText()).toMatch(/verlopen \d{2}-\d{2}-\d{4} LEK-CAD-CONTACT-ZWAAR/);
    await expectAccessible(page);

    await row.getByRole('link', { name: 'Gezin Verhoef' }).click();
    const casePage = new CasePage(page);
    await casePage.heading('Gezin Verhoef').waitFor();
    const contact = casePage.deadlineRows('LEK-CAD-CONTACT-ZWAAR');
    expect(await contact.count()).toBe(1);
    expect(await contact.innerText()).toContain('verlopen');
    const { date, time } = amsterdamNow();
    await casePage.recordEvent('Contact', date, time, 'Huisbezoek met aanbieder en gezin');
    // The missed occurrence is now met (late), and the next one runs three months from today.
    await expect.poll(() => contact.count()).toBe(2);
    expect(await contact.nth(0).innerText()).toContain('te laat gehaald');
    expect(await contact.nth(0).innerText()).toContain(date);
    expect(await contact.nth(1).innerText()).toContain('open');
    await expectAccessible(page);

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Werkvoorraad' })
      .click();
    await workList.heading().waitFor();
    await expect
      .poll(() => row.innerText())
      .toMatch(/\bopen \d{2}-\d{2}-\d{4} LEK-CAD-CONTACT-ZWAAR/);
    expect(await row.innerText()).not.toContain('verlopen');
  }, 300_000);
});
