/**
 * Browser journey of issue 7, closing a case (LEK, route A, "doelen bereikt"): a family has
 * ambulant help allocated to a provider. Closing is refused while the care runs, citing
 * LEK-DEC-CLOSE-AFTER-CARE among the other missing points; the provider stops the care (JW307
 * from its own system) and files its closing report on the case page; the casusregisseur records
 * the final evaluation, the aftercare (who, what, when), the waakvlamcontact and the
 * re-assessment, and closes. The page then shows "Afgesloten" and the work list no longer lists
 * the case. axe-core runs on every state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { careStart, careStop } from '../../src/ijw/build.js';
import { writeMessage } from '../../src/ijw/codec.js';
import { LoginPage } from './pages/LoginPage.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { amsterdamNow, browserJourney, routeAAllocation } from './support.js';

const REGISSEUR = 'casusregisseur.lek@demo.casusregie.nl';
const BACKOFFICE = 'backoffice.lek@demo.casusregie.nl';
const PLANNER = 'planner.lek@demo.casusregie.nl';
const FAMILY = 'Gezin Dekker';

describe('closing a case in the browser', () => {
  const journey = browserJourney();

  async function loggedIn(email: string): Promise<Page> {
    const page = await journey.page(await journey.context());
    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn(email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    return page;
  }

  it('is refused while care runs, and succeeds once the care stopped and everything is recorded', async () => {
    const url = journey.server.url;
    const { caseId, provider, product, today, child } = await routeAAllocation(
      journey,
      url,
      { region: 'LEK', regisseur: REGISSEUR, backoffice: BACKOFFICE, provider: PLANNER },
      { name: FAMILY, child: 'Jesse Dekker', parent: 'Anouk Dekker', childAge: 9 },
    );
    const { date } = amsterdamNow();

    // The casusregisseur sees the case in the work list and tries to close it.
    const page = await loggedIn(REGISSEUR);
    const workList = new WorkListPage(page);
    await workList.heading().waitFor();
    await workList.table().getByRole('row').filter({ hasText: FAMILY }).waitFor();
    await page.goto(`${url}/casussen/${caseId}`);
    const section = page.getByRole('region', { name: 'Afsluiting' });
    await section.getByText('Voorwaarden om af te sluiten').waitFor();
    expect(await section.innerText()).toContain('geldt in elke regio');
    await journey.expectAccessible(page);
    await section.getByRole('button', { name: 'Casus afsluiten' }).click();
    const refusal = section.getByRole('alert');
    await refusal.getByText(/kan nog niet worden afgesloten/).waitFor();
    const refused = await refusal.innerText();
    expect(refused).toContain('LEK-DEC-CLOSE-AFTER-CARE');
    expect(refused).toContain('JW307');
    expect(refused).toContain('RIJ-DEC-CLOSURE');
    expect(refused).toContain('LEK-DEC-WAAKVLAM');
    await journey.expectAccessible(page);

    // The provider's system reports the start and the stop of the care (JW305, JW307).
    const allocation = await journey.server.db
      .selectFrom('allocation')
      .select(['number', 'start_date'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    const client = {
      bsn: child?.bsn ?? '',
      birthDate: child?.geboortedatum ?? '',
      gender: '0',
      lastName: 'Dekker',
      initials: 'J',
    };
    const line = {
      allocationNumber: allocation.number,
      product: { category: product.slice(0, 2), code: product },
      allocationStart: allocation.start_date,
      start: today,
    };
    const envelope = (id: string) => ({
      sender: provider.own,
      receiver: provider.municipality,
      id,
      date: today,
    });
    const started = await provider.send(
      writeMessage('JW305', careStart({ envelope: envelope('SLUIT305'), client, lines: [line] })),
    );
    expect(started.status(), await started.text()).toBe(200);
    const stopped = await provider.send(
      writeMessage(
        'JW307',
        careStop({
          envelope: envelope('SLUIT307'),
          client,
          lines: [{ ...line, reason: '31', end: today }],
        }),
      ),
    );
    expect(stopped.status(), await stopped.text()).toBe(200);

    // The provider's planner files the closing report, with the family's consent.
    const planner = await loggedIn(PLANNER);
    await planner.goto(`${url}/casussen/${caseId}`);
    const own = planner.getByRole('region', { name: 'Afsluiting' });
    await own.getByRole('heading', { name: 'Eindverslag van uw organisatie' }).waitFor();
    await own.getByLabel('Behaalde resultaten').fill('Minder conflicten, Jesse slaapt weer goed.');
    await own
      .getByLabel('Afspraken over afschaling en nazorg', { exact: true })
      .fill('Afschalen naar het sociaal team; ouders bellen bij terugval.');
    await own
      .getByRole('group', { name: 'Is een waakvlamcontact nodig?' })
      .getByLabel('Niet nodig')
      .check();
    await own
      .getByLabel('Toelichting op het waakvlamcontact')
      .fill('Het netwerk van het gezin vangt een terugval op.');
    await own.getByLabel(/Het gezin geeft toestemming/).check();
    await own.getByRole('button', { name: 'Eindverslag opslaan' }).click();
    await own.getByText('Het eindverslag is opgeslagen.').waitFor();
    await journey.expectAccessible(planner);

    // The casusregisseur records the rest and closes.
    await page.reload();
    await section.getByText('Voorwaarden om af te sluiten').waitFor();
    await section.getByText('Minder conflicten, Jesse slaapt weer goed.').waitFor();
    const save = async (part: string) => {
      await section.getByRole('button', { name: `${part} opslaan` }).click();
      await section.getByText(`${part}: opgeslagen.`).waitFor();
    };
    await section
      .getByRole('group', { name: 'Reden van afsluiten' })
      .getByLabel('Doelen bereikt')
      .check();
    await save('Reden');
    await section.getByLabel('Datum van de eindevaluatie').fill(date);
    await section
      .getByRole('group', { name: 'Resultaat' })
      .getByLabel('Behaald', { exact: true })
      .check();
    await section
      .getByLabel('Samenvatting')
      .fill('Rust in huis; de doelen van het plan zijn gehaald.');
    await section
      .getByRole('group', { name: 'Is de veiligheid voldoende hersteld?' })
      .getByLabel('Ja')
      .check();
    await save('Eindevaluatie');
    // Aftercare without its agreement is refused in the form, naming the field.
    await section
      .getByRole('group', { name: 'Is nazorg nodig?' })
      .getByLabel(/Ja, met afspraken/)
      .check();
    await section.getByRole('button', { name: 'Nazorg opslaan' }).click();
    await section
      .getByRole('alert')
      .getByText(/Nazorgafspraak 1, wanneer/)
      .waitFor();
    await journey.expectAccessible(page);
    await section.getByLabel('Afspraak 1: wie').fill('Anouk Dekker');
    await section.getByLabel('Afspraak 1: wat').fill('Belt het sociaal team bij nieuwe zorgen');
    await section.getByLabel('Afspraak 1: wanneer').fill(`01-06-${amsterdamNow().year + 1}`);
    await save('Nazorg');
    await section
      .getByRole('group', { name: 'Is een waakvlamcontact nodig?' })
      .getByLabel('Nee')
      .check();
    await section
      .getByLabel('Waarom geen waakvlamcontact nodig is')
      .fill('De aanbieder en het gezin zien er geen noodzaak toe.');
    await save('Waakvlamcontact');
    await section
      .getByRole('group', { name: 'Kan het gezin de casusregie weer zelf voeren?' })
      .getByLabel('Ja')
      .check();
    await section.getByLabel('Toelichting', { exact: true }).fill('Ouders regelen het weer zelf.');
    await save('Casusregie door het gezin');
    await section
      .getByText('Alle voorwaarden zijn voldaan: de casus kan worden afgesloten.')
      .waitFor();
    await journey.expectAccessible(page);

    await section.getByRole('button', { name: 'Casus afsluiten' }).click();
    await section.getByText(/^Afgesloten op \d{2}-\d{2}-\d{4}/).waitFor();
    expect(await section.innerText()).toContain('doelen bereikt');
    await page
      .getByRole('region', { name: 'Tijdlijn' })
      .getByText('Casus afgesloten')
      .first()
      .waitFor();
    await journey.expectAccessible(page);

    // The work list no longer lists the case.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Werkvoorraad' })
      .click();
    await workList.heading().waitFor();
    await workList.table().waitFor();
    expect(await workList.table().getByRole('row').filter({ hasText: FAMILY }).count()).toBe(0);
    await journey.expectAccessible(page);
  }, 300_000);
});
