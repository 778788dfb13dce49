/**
 * Browser journey of issue 6, calamity and crisis: "a provider reports a calamity or acute risk
 * → the casusregisseur is alerted at once". A ZTM family on route A: the JGH casusregisseur holds
 * casusregie, the demo provider treats. The provider's planner names a contact person and reports
 * a calamity on the case page (an incomplete report is refused field by field); the
 * casusregisseur finds the calamity highlighted — in words, not colour alone — and confirms it
 * was received. axe-core runs on every page state.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { CasePage } from './pages/CasePage.js';
import { amsterdamNow, browserJourney } from './support.js';

const REGISSEUR = 'casusregisseur.ztm@demo.casusregie.nl';
const PLANNER = 'planner.ztm@demo.casusregie.nl';
const SECTION = 'Voortgang en meldingen van de aanbieder';
const HOUR = 3_600_000;

async function apiSession(request: APIRequestContext, url: string, email: string) {
  const login = await request.post(`${url}/api/v1/sessie`, {
    data: { email, wachtwoord: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const me = (await login.json()) as {
    csrfToken: string;
    medewerker: { id: string; organisatieId: string };
  };
  return {
    me: me.medewerker,
    post: async (path: string, data: object) => {
      const res = await request.post(`${url}/api/v1${path}`, {
        data,
        headers: { 'x-csrf-token': me.csrfToken },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return (await res.json()) as Record<string, unknown>;
    },
  };
}

describe('provider reports in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('the provider reports a calamity; the casusregisseur sees it highlighted and confirms', async () => {
    const url = journey.server.url;
    const { year } = amsterdamNow();
    const regisseurContext = await journey.context();
    const plannerContext = await journey.context();
    const regisseur = await apiSession(regisseurContext.request, url, REGISSEUR);
    const planner = await apiSession(plannerContext.request, url, PLANNER);

    const created = await regisseur.post('/casussen', {
      route: 'A',
      regio: 'ZTM',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Dekker' },
      jeugdigen: [{ naam: 'Mees Dekker', geboortedatum: `${year - 9}-04-12`, bsn: freshBsn() }],
      ouders: [{ naam: 'Sanne Dekker', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 30 * 24 * HOUR).toISOString(),
    });
    const caseId = String(created['id']);
    const since = new Date(Date.now() - 29 * 24 * HOUR).toISOString();
    await regisseur.post(`/casussen/${caseId}/rollen`, {
      rol: 'behandelregie',
      houder: 'organisatie',
      organisatieId: planner.me.organisatieId,
      vanaf: since,
      reden: 'Aanbieder gekozen in het ondersteuningsplan',
    });
    await regisseur.post(`/casussen/${caseId}/rollen`, {
      rol: 'casusregie',
      houder: 'professional',
      medewerkerId: regisseur.me.id,
      organisatieId: regisseur.me.organisatieId,
      vanaf: since,
      reden: 'Meervoudig en complex',
    });

    // The planner names a contact person and reports the calamity.
    const page = await journey.page(plannerContext);
    await page.goto(`${url}/casussen/${caseId}`);
    await new CasePage(page).heading('Gezin Dekker').waitFor();
    const section = page.getByRole('region', { name: SECTION });
    await section.getByText('Er zijn nog geen verslagen of meldingen.').waitFor();
    await expectAccessible(page);

    const contactForm = section.getByRole('form', { name: 'Contactpersoon aanwijzen' });
    const colleague = contactForm.getByLabel('Contactpersoon');
    await colleague.locator('option').nth(1).waitFor({ state: 'attached' });
    await colleague.selectOption({ index: 1 });
    await contactForm.getByLabel(/Telefoonnummer/).fill('079 123 45 67');
    await contactForm.getByRole('button', { name: 'Contactpersoon vastleggen' }).click();
    await contactForm.getByText('De contactpersoon is vastgelegd.').waitFor();
    await section
      .getByText(/079 123 45 67/)
      .first()
      .waitFor();

    const form = section.getByRole('form', { name: 'Calamiteit of acuut risico melden' });
    await form.getByLabel('Wat is er gebeurd').fill('Mees is na school niet thuisgekomen.');
    await form.getByRole('button', { name: 'Melding versturen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Controleer de invoer' });
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Soort melding');
    expect(await summary.innerText()).toContain('Wat is er direct gedaan');
    await expectAccessible(page);

    await form.getByRole('radio', { name: 'Calamiteit' }).check();
    await form
      .getByLabel('Wat is er direct gedaan')
      .fill('Politie ingelicht; Mees is om 21.00 uur bij een vriend gevonden en weer thuis.');
    await form.getByRole('button', { name: 'Melding versturen' }).click();
    await form.getByText('De melding is verstuurd en de casusregisseur is gewaarschuwd.').waitFor();
    const sent = section.getByRole('article', { name: /Calamiteit gemeld door/ });
    expect(await sent.innerText()).toContain('Nog niet ontvangen');
    await expectAccessible(page);

    // The casusregisseur sees the calamity highlighted in words and confirms it.
    const own = await journey.page(regisseurContext);
    await own.goto(`${url}/casussen/${caseId}`);
    const hers = own.getByRole('region', { name: SECTION });
    await hers.getByText(/calamiteit of acuut risico is nog niet opgevolgd/).waitFor();
    const calamity = hers.getByRole('article', { name: /Direct opvolgen Calamiteit gemeld door/ });
    expect(await calamity.innerText()).toContain('Mees is na school niet thuisgekomen.');
    expect(await calamity.innerText()).toContain('Politie ingelicht');
    // The provider's form is not hers.
    expect(
      await hers.getByRole('form', { name: 'Calamiteit of acuut risico melden' }).count(),
    ).toBe(0);
    await expectAccessible(own);
    await calamity.getByRole('button', { name: /^Ontvangst bevestigen/ }).click();
    await hers.getByRole('article', { name: /Ontvangen Calamiteit gemeld door/ }).waitFor();
    expect(await hers.getByText(/nog niet opgevolgd/).count()).toBe(0);
    const timeline = new CasePage(own).timeline();
    await expect
      .poll(() => timeline.allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Calamiteit gemeld'),
          expect.stringContaining('Verslag ontvangen door de casusregisseur'),
        ]),
      );
    await expectAccessible(own);
  }, 300_000);
});
