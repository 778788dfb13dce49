/**
 * Browser journey of issue 5, route B: a LEK provider's system sends a request for allocation
 * (JW315) for a family its planner registered; the municipality's back office opens it under
 * "Berichten", takes it into assessment (JW319) and allocates (JW301); the provider's system
 * sends the start of care (JW305); the provider's planner sees on the case that help started
 * and the hulpverleningsplan deadline (LEK-TERM-HVP) now runs. axe-core runs on every page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { allocationRequest, careStart } from '../../src/ijw/build.js';
import { writeMessage } from '../../src/ijw/codec.js';
import { freshBsn } from '../factories.js';
import { CasePage } from './pages/CasePage.js';
import { LoginPage } from './pages/LoginPage.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { browserJourney, providerSystem } from './support.js';

const PLANNER = 'planner.lek@demo.casusregie.nl';
const BACKOFFICE = 'backoffice.lek@demo.casusregie.nl';

describe('route B allocation in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('JW315 in, JW319 and JW301 out, JW305 in: the case’s deadlines follow', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    const year = Number(today.slice(0, 4));
    const bsn = freshBsn();
    const providerContext = await journey.context();
    const backofficeContext = await journey.context();
    const provider = await providerSystem(
      providerContext.request,
      journey.server.url,
      PLANNER,
      'LEK',
    );
    expect(provider.own).toMatch(/^\d{8}$/);
    expect(provider.municipality).toMatch(/^\d{4}$/);

    // The planner registered the GP referral (route B) before.
    const created = await providerContext.request.post(`${journey.server.url}/api/v1/casussen`, {
      data: {
        route: 'B',
        regio: 'LEK',
        segment: 'ambulant',
        verwijzer: { soort: 'huisarts', code: '01012345' },
        gezin: { naam: 'Gezin Dekker' },
        jeugdigen: [{ naam: 'Mees Dekker', geboortedatum: `${year - 9}-05-04`, bsn }],
        ouders: [{ naam: 'Iris Dekker', soort: 'ouder' }],
        aangemeldOp: new Date().toISOString(),
      },
      headers: { 'x-csrf-token': provider.csrf },
    });
    expect(created.status(), await created.text()).toBe(201);
    const caseId = ((await created.json()) as { id: string }).id;

    // The provider's system asks for an allocation.
    const client = {
      bsn,
      birthDate: `${year - 9}-05-04`,
      gender: '1',
      lastName: 'Dekker',
      initials: 'M',
    };
    const received = await provider.send(
      writeMessage(
        'JW315',
        allocationRequest({
          envelope: {
            sender: provider.own,
            receiver: provider.municipality,
            id: 'E2E315',
            date: today,
          },
          client,
          products: [
            {
              reference: 'DEKKER-1',
              product: { category: '45', code: '45A03' },
              start: today,
              end: `${year + 1}-03-31`,
              extent: { volume: 3, unit: '04', frequency: '2' },
              referrer: { type: '02', code: '01012345' },
            },
          ],
        }),
      ),
    );
    expect(received.status(), await received.text()).toBe(200);

    // The back office assesses and allocates in the browser.
    const page = await journey.page(backofficeContext);
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(BACKOFFICE, DEMO_PASSWORD);
    await new WorkListPage(page).heading().waitFor();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Berichten' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Berichten (iJw)' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'JW315 Verzoek om toewijzing' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'JW315 Verzoek om toewijzing' }).waitFor();
    await page.getByText('Het bericht voldoet aan het XSD en aan de regels van iJw 3.2.').waitFor();
    expect(await page.getByRole('table', { name: 'Aangevraagde producten' }).innerText()).toContain(
      'DEKKER-1',
    );
    await expectAccessible(page);

    await page.getByRole('button', { name: 'In onderzoek nemen (JW319)' }).click();
    await page.getByText('JW319 "aanvraag in onderzoek" staat klaar om te versturen.').waitFor();
    // Allocating without the address is refused on its fields.
    await page.getByRole('button', { name: 'Toewijzen (JW301)' }).click();
    await page.getByRole('alert').getByText('Controleer de invoer').waitFor();
    await page.getByLabel('Straat').fill('Lindelaan');
    await page.getByLabel('Huisnummer').fill('12');
    await page.getByLabel('Postcode').fill('3431 AB');
    await page.getByLabel('Plaats').fill('Nieuwegein');
    await page.getByRole('button', { name: 'Toewijzen (JW301)' }).click();
    await page.getByText('De toewijzing (JW301) staat klaar om te versturen.').waitFor();
    const answers = page.getByRole('region', { name: 'Verstuurd als antwoord' });
    await expect
      .poll(() => answers.getByRole('listitem').allInnerTexts())
      .toEqual([
        expect.stringMatching(/^JW316 Retour verzoek om toewijzing/),
        expect.stringMatching(/^JW319 Antwoord op verzoek/),
        expect.stringMatching(/^JW301 Toewijzing/),
      ]);
    await expectAccessible(page);

    // The JW301 as the provider receives it carries the allocation number.
    await answers.getByRole('link', { name: /JW301/ }).click();
    await page.getByRole('heading', { level: 1, name: 'JW301 Toewijzing' }).waitFor();
    await page.getByText('Het bericht voldoet aan het XSD en aan de regels van iJw 3.2.').waitFor();
    const jw301 = (await (
      await page.request.get(
        `${journey.server.url}/api/v1/ijw/berichten/${page.url().split('/').pop() ?? ''}`,
      )
    ).json()) as {
      inhoud: {
        Client: { ToegewezenProducten: { ToegewezenProduct: { ToewijzingNummer: string }[] } };
      };
    };
    const number =
      jw301.inhoud.Client.ToegewezenProducten.ToegewezenProduct[0]?.ToewijzingNummer ?? '';
    expect(number).toMatch(/^\d+$/);
    // On request, the family gets a decision letter with objection and appeal.
    const letter = page
      .getByRole('region', { name: 'Beschikking' })
      .getByRole('link', { name: /op verzoek van het gezin/ });
    const pdf = await page.request.get(
      `${journey.server.url}${(await letter.getAttribute('href')) ?? ''}`,
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await expectAccessible(page);

    // The back office keeps the region's catalogue: a bad file is refused line by line.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Catalogus' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Productcatalogus' }).waitFor();
    expect(await page.getByRole('table', { name: /Producten/ }).innerText()).toContain('45A03');
    await page.getByLabel('CSV-bestand catalogus vervangen').setInputFiles({
      name: 'catalogus.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'productcode;categorie;naam;segment;vrij_toegankelijk;eenheid;frequentie;tarief;geldig_van;geldig_tot\n45A03;45;Ambulant;ambulant;ja;04;9;98,50;01-01-2026;\n',
      ),
    });
    await page.getByRole('button', { name: 'Catalogus inlezen' }).click();
    await page
      .getByRole('alert')
      .getByText(/regel 2, frequentie/)
      .waitFor();
    await expectAccessible(page);

    // The provider starts the care.
    const started = await provider.send(
      writeMessage(
        'JW305',
        careStart({
          envelope: {
            sender: provider.own,
            receiver: provider.municipality,
            id: 'E2E305',
            date: today,
          },
          client,
          lines: [
            {
              allocationNumber: number,
              product: { category: '45', code: '45A03' },
              allocationStart: today,
              start: today,
            },
          ],
        }),
      ),
    );
    expect(started.status(), await started.text()).toBe(200);

    // The planner sees on the case that help started; the hulpverleningsplan deadline runs.
    const plannerPage = await journey.page(providerContext);
    await plannerPage.goto(`${journey.server.url}/casussen/${caseId}`);
    const casePage = new CasePage(plannerPage);
    await casePage.heading('Gezin Dekker').waitFor();
    await expect.poll(() => casePage.deadlineRows('LEK-TERM-HVP').count()).toBe(1);
    expect(await casePage.deadlineRows('LEK-TERM-HVP').innerText()).toContain('open');
    expect(await casePage.timeline().allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Start van de hulp')]),
    );
    await expectAccessible(plannerPage);
  });
});
