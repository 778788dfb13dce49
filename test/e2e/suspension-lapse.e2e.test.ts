/**
 * Browser journey of issue 7 (ending by the family, with suspension): a Rijnmond family stops
 * the help for a while; the provider reports a temporary stop (JW307, reason 20). The server's
 * clock is moved on: 8 weeks later the family could still resume; the day after, the daily
 * check lets the entitlement lapse (RIJ-TERM-SUSPEND). The casusregisseur finds the notice and
 * the lapsed allocation on the case page, and the provider's late restart (JW305) is refused.
 * axe-core runs on every page state.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { careStart, careStop } from '../../src/ijw/build.js';
import { writeMessage } from '../../src/ijw/codec.js';
import { lapseSuspensions } from '../../src/jobs/lapse-suspensions.js';
import { LoginPage } from './pages/LoginPage.js';
import { browserJourney, providerSystem, routeAAllocation } from './support.js';

const REGISSEUR = 'casusregisseur.rij@demo.casusregie.nl';
const BACKOFFICE = 'backoffice.rij@demo.casusregie.nl';
const PLANNER = 'planner.rij@demo.casusregie.nl';
const DAY = 86_400_000;

describe('a suspension that lapses in the browser', () => {
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  const journey = browserJourney(20, clock);

  it('after 8 weeks without a restart the entitlement lapses and a late restart is refused', async () => {
    const url = journey.server.url;
    const { caseId, provider, product, today, child } = await routeAAllocation(
      journey,
      url,
      { region: 'RIJ', regisseur: REGISSEUR, backoffice: BACKOFFICE, provider: PLANNER },
      { name: 'Gezin Visser', child: 'Mila Visser', parent: 'Tom Visser', childAge: 10 },
    );
    const allocation = await journey.server.db
      .selectFrom('allocation')
      .select(['number', 'start_date'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    const client = {
      bsn: child?.bsn ?? '',
      birthDate: child?.geboortedatum ?? '',
      gender: '0',
      lastName: 'Visser',
      initials: 'M',
    };
    const line = {
      allocationNumber: allocation.number,
      product: { category: product.slice(0, 2), code: product },
      allocationStart: allocation.start_date,
      start: today,
    };
    const envelope = (id: string, date = today) => ({
      sender: provider.own,
      receiver: provider.municipality,
      id,
      date,
    });
    const started = await provider.send(
      writeMessage('JW305', careStart({ envelope: envelope('LAPSE305'), client, lines: [line] })),
    );
    expect(started.status(), await started.text()).toBe(200);
    const stopped = await provider.send(
      writeMessage(
        'JW307',
        careStop({
          envelope: envelope('LAPSE307'),
          client,
          lines: [{ ...line, reason: '20', end: today }],
        }),
      ),
    );
    expect(stopped.status(), await stopped.text()).toBe(200);

    // Eight weeks on, the family could still resume: nothing lapses.
    offset = 56 * DAY;
    expect(
      (await lapseSuspensions(journey.server.db, journey.server.profiles, clock.now())).lapsed,
    ).toEqual([]);
    // The day after, the daily check ends the entitlement — once.
    offset = 57 * DAY;
    const report = await lapseSuspensions(journey.server.db, journey.server.profiles, clock.now());
    expect(report.lapsed).toEqual([{ allocation: allocation.number, caseId }]);
    expect(
      (await lapseSuspensions(journey.server.db, journey.server.profiles, clock.now())).lapsed,
    ).toEqual([]);

    // The casusregisseur logs in (on the moved clock) and finds the notice and the case.
    const page = await journey.page(await journey.context());
    await page.goto(`${url}/inloggen`);
    await new LoginPage(page).logIn(REGISSEUR, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: /Meldingen/ })
      .click();
    const notice = page.getByText(
      `Recht op hulp vervallen na opschorting (toewijzing ${allocation.number})`,
      { exact: true },
    );
    await notice.waitFor();
    expect(await notice.count()).toBe(1);
    await journey.expectAccessible(page);
    await page.goto(`${url}/casussen/${caseId}`);
    await page.getByRole('heading', { level: 1, name: 'Gezin Visser' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Tijdlijn' });
    await timeline.getByText(/Recht op hulp vervallen: toewijzing .* RIJ-TERM-SUSPEND/).waitFor();
    const deadline = page
      .getByRole('region', { name: 'Termijnen' })
      .getByRole('row')
      .filter({ hasText: 'RIJ-TERM-SUSPEND' });
    expect(await deadline.innerText()).toContain('verlopen');
    await journey.expectAccessible(page);

    // A late restart on the lapsed allocation is refused: a new allocation is needed. (The
    // provider's system logs in again: its session did not survive eight weeks.)
    const lateDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      clock.now(),
    );
    const again = await providerSystem((await journey.context()).request, url, PLANNER, 'RIJ');
    const late = await again.send(
      writeMessage(
        'JW305',
        careStart({
          envelope: envelope('LAPSE305B', lateDay),
          client,
          lines: [{ ...line, start: lateDay }],
        }),
      ),
    );
    expect(late.status()).toBe(422);
    const body = await late.text();
    expect(body).toContain('TR019');
    expect(body).toContain('vervallen');
  }, 300_000);
});
