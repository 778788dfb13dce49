/**
 * Browser journey of issue 5, route B with opt-out (GRO-TOE-OPTOUT): a GRO provider's planner
 * files the family's signed statement on the case page (a statement with gaps is refused
 * field by field); the provider's system sends the request for allocation (JW315); the
 * municipality's back office sees the opt-out on the request and can only ask the local team
 * anonymously; the WIJ-team's casusregisseur finds the question under "Adviesvragen" without
 * anything that identifies the family and answers it; the back office reads the advice.
 * axe-core runs on every page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { allocationRequest } from '../../src/ijw/build.js';
import { writeMessage } from '../../src/ijw/codec.js';
import { freshBsn } from '../factories.js';
import { LoginPage } from './pages/LoginPage.js';
import { amsterdamNow, browserJourney, providerSystem } from './support.js';

const PLANNER = 'planner.gro@demo.casusregie.nl';
const BACKOFFICE = 'backoffice.gro@demo.casusregie.nl';
const REGISSEUR = 'casusregisseur.gro@demo.casusregie.nl';

describe('opt-out on route B in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('opt-out filed → only an anonymous question to the local team → advice back', async () => {
    const now = amsterdamNow();
    const url = journey.server.url;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    const bsn = freshBsn();
    const providerContext = await journey.context();
    const provider = await providerSystem(providerContext.request, url, PLANNER, 'GRO');
    const created = await providerContext.request.post(`${url}/api/v1/casussen`, {
      data: {
        route: 'B',
        regio: 'GRO',
        segment: 'ambulant',
        verwijzer: { soort: 'huisarts', code: '01012345' },
        gezin: { naam: 'Gezin Wierda' },
        jeugdigen: [{ naam: 'Fenna Wierda', geboortedatum: `${now.year - 11}-01-20`, bsn }],
        ouders: [{ naam: 'Anke Wierda', soort: 'ouder' }],
        aangemeldOp: new Date(Date.now() - 3_600_000).toISOString(),
      },
      headers: { 'x-csrf-token': provider.csrf },
    });
    expect(created.status(), await created.text()).toBe(201);
    const caseId = ((await created.json()) as { id: string }).id;

    // The planner files the signed statement on the case page.
    const page = await journey.page(providerContext);
    await page.goto(`${url}/casussen/${caseId}`);
    const section = page.getByRole('region', { name: 'Lokaal team informeren' });
    await section.getByText(/Er is geen opt-out/).waitFor();
    await section.getByRole('button', { name: 'Opt-out vastleggen' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('Controleer de invoer').waitFor();
    const problems = await summary.innerText();
    expect(problems).toContain('Getekend op');
    expect(problems).toContain('Getekend door');
    expect(problems).toContain('Plaats in het dossier');
    await expectAccessible(page);
    await section.getByLabel('Getekend op').fill(now.date);
    await section.getByRole('checkbox', { name: 'Anke Wierda' }).check();
    await section.getByLabel('Plaats in het dossier').fill('Verklaring opt-out (dossier, map 2)');
    await section.getByRole('button', { name: 'Opt-out vastleggen' }).click();
    await section.getByText(/het gezin wil niet dat het lokale team wordt geïnformeerd/).waitFor();
    expect(await section.innerText()).toContain('GRO-TOE-OPTOUT');
    await section.getByRole('button', { name: 'Het gezin trekt de opt-out in' }).waitFor();
    await expectAccessible(page);

    // The provider's system asks for the allocation.
    const received = await provider.send(
      writeMessage(
        'JW315',
        allocationRequest({
          envelope: {
            sender: provider.own,
            receiver: provider.municipality,
            id: 'OPT315',
            date: today,
          },
          client: {
            bsn,
            birthDate: `${now.year - 11}-01-20`,
            gender: '2',
            lastName: 'Wierda',
            initials: 'F',
          },
          products: [
            {
              reference: 'WIERDA-1',
              product: { category: '45', code: '45A03' },
              start: today,
              end: `${now.year + 1}-03-31`,
              extent: { volume: 3, unit: '04', frequency: '2' },
              referrer: { type: '02', code: '01012345' },
            },
          ],
        }),
      ),
    );
    expect(received.status(), await received.text()).toBe(200);
    const messageId = ((await received.json()) as { berichtId: string }).berichtId;

    // The back office sees the opt-out; the question can only go out anonymously.
    const backoffice = await journey.page();
    await backoffice.goto(`${url}/inloggen`);
    await new LoginPage(backoffice).logIn(BACKOFFICE, DEMO_PASSWORD);
    await backoffice.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await backoffice.goto(`${url}/berichten/${messageId}`);
    const team = backoffice.getByRole('region', { name: 'Lokaal team betrekken' });
    await team.getByText(/het lokale team niet wordt geïnformeerd/).waitFor();
    const anonymous = team.getByRole('checkbox', { name: /^Anoniem/ });
    expect(await anonymous.isChecked()).toBe(true);
    expect(await anonymous.isDisabled()).toBe(true);
    await expectAccessible(backoffice);
    await team.getByLabel('Lokaal team').selectOption({ label: 'WIJ-team Oosterparkwijk' });
    await team
      .getByLabel('Vraag aan het team')
      .fill('Is ambulante gezinsbehandeling passend, of kan het lichter?');
    await team.getByRole('button', { name: 'Vraag stellen' }).click();
    await team.getByText('De vraag staat anoniem bij het lokale team.').waitFor();
    await team.getByText(/nog geen antwoord/).waitFor();

    // The WIJ-team answers without learning who the family is.
    const regisseur = await journey.page();
    await regisseur.goto(`${url}/inloggen`);
    await new LoginPage(regisseur).logIn(REGISSEUR, DEMO_PASSWORD);
    await regisseur
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Adviesvragen' })
      .click();
    await regisseur
      .getByRole('heading', { level: 1, name: 'Adviesvragen van de gemeente' })
      .waitFor();
    const question = regisseur.getByRole('article').filter({ hasText: 'kan het lichter?' });
    await question.getByRole('heading', { name: /^Anonieme vraag/ }).waitFor();
    const shown = await question.innerText();
    expect(shown).toContain('45A03');
    expect(shown).toMatch(/1[01] jaar/);
    for (const identifying of ['Wierda', 'Fenna', 'Anke', bsn, 'WIERDA-1'])
      expect(shown).not.toContain(identifying);
    expect(await question.getByRole('link', { name: 'Naar de casus' }).count()).toBe(0);
    await expectAccessible(regisseur);
    await question.getByLabel('Advies').fill('Begin lichter: opvoedondersteuning via school.');
    await question.getByRole('button', { name: 'Advies versturen' }).click();
    await regisseur
      .getByRole('region', { name: 'Beantwoord' })
      .getByText(/Begin lichter/)
      .waitFor();
    await expectAccessible(regisseur);

    // The back office reads the advice on the request.
    await backoffice.reload();
    await team
      .getByText(/advies van .*: Begin lichter: opvoedondersteuning via school\./)
      .waitFor();
    await expectAccessible(backoffice);
  }, 300_000);
});
