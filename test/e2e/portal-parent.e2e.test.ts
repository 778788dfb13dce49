/**
 * Browser journey of issue 10 on a phone (390×844, touch): a parent logs in to the family portal
 * with the one-time code from the mail that a real SMTP server in this process receives, opens
 * the case, reads the plan, signs it (ZTM-DEC-SIGN) and withdraws her consent for the school
 * (Jeugdwet 7.3.11). Then the casusregisseur, through the API, tries to share with the school
 * on consent and is refused, the refusal naming the withdrawal. axe-core runs on every state.
 *
 * Gezin Teken (made here): mother Kim, with an e-mail address, and Noor, 14 today. The team's
 * casusregisseur holds casusregie, wrote the concept of the ondersteuningsplan and recorded
 * that Kim and Noor consent to sharing with the school.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { smtpMailer, type Mailer } from '../../src/jobs/digest.js';
import type { PortalMailer } from '../../src/server/app.js';
import { systemClock } from '../../src/server/clock.js';
import { portalMailerOver } from '../../src/server/portal/mail.js';
import {
  amsterdamToday as today,
  bornYearsAgo,
  casePlan,
  familyCase,
} from '../support/portal-family.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { browserJourney } from './support.js';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};
const PARENT_EMAIL = 'kim.teken@gezin.test.nl';

let smtp: TestSmtp | undefined;
let mailer: Mailer | undefined;
// The SMTP server starts before the app (hooks run in the order they are registered).
beforeAll(async () => {
  smtp = await startSmtp();
  mailer = smtpMailer(smtp.url);
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
});
const portalMailer: PortalMailer = {
  send: (message) => {
    if (!mailer) throw new Error('the SMTP server has not started');
    return portalMailerOver(mailer, 'Casusregie <portaal@test.nl>').send(message);
  },
};
const inbox = (): TestSmtp => {
  if (!smtp) throw new Error('the SMTP server has not started');
  return smtp;
};

describe('a parent signs the plan and withdraws consent in the portal, on a phone', () => {
  const journey = browserJourney(5, systemClock, { portalMailer });
  const ids = { caseId: '', kim: '', staffEmail: '' };

  /** Gezin Teken with its case, the concept plan and the consent for the school. */
  async function family(): Promise<void> {
    const db = journey.server.db;
    const regisseur = journey.server.accounts.find(
      (a) => a.region === 'ZTM' && a.roles.includes('casusregisseur'),
    );
    if (!regisseur) throw new Error('no casusregisseur in the demo data');
    ids.staffEmail = regisseur.email;
    const made = await familyCase(db, {
      label: 'Gezin Teken',
      members: [
        { kind: 'ouder', name: 'Kim Teken', email: PARENT_EMAIL },
        { kind: 'jeugdige', name: 'Noor Teken', birthDate: bornYearsAgo(14) },
      ],
      casusregie: 'professional',
      staffEmail: regisseur.email,
    });
    ids.kim = made.personIds[0] ?? '';
    ids.caseId = made.caseId;
    const noorId = made.personIds[1] ?? '';
    const content = {
      goals: [
        {
          id: 'rust',
          resultArea: 'opvoeden-en-opgroeien',
          description: 'Er is meer rust in huis',
          measurableTarget: 'minder ruzie aan tafel, afgesproken met het gezin',
          owner: { kind: 'gezin', name: 'het gezin' },
          targetDate: '2027-01-31',
          progress: 'niet-gestart',
        },
      ],
    };
    await casePlan(db, made, { status: 'concept', startDate: today(), content });
    // Recorded a day ago, so today's withdrawal is the newest statement.
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Europe/Amsterdam',
    });
    await db
      .insertInto('consent')
      .values(
        [ids.kim, noorId].map((personId) => ({
          case_id: made.caseId,
          person_id: personId,
          recipient_kind: 'school' as const,
          organisation_id: null,
          purpose: 'afstemming met de mentor over Noor',
          status: 'gegeven' as const,
          given_on: yesterday,
          manner: 'mondeling' as const,
          recorded_by: made.staff.id,
          recorded_at: new Date(Date.now() - 86_400_000),
        })),
      )
      .execute();
  }

  async function logIn(page: Page): Promise<void> {
    await page.goto(`${journey.server.url}/portaal`);
    await page.getByLabel('E-mailadres').fill(PARENT_EMAIL);
    await page.getByRole('button', { name: 'Stuur mij een code' }).tap();
    await page.getByLabel('Code uit de e-mail').waitFor();
    const mail = await inbox().mailTo(PARENT_EMAIL);
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('Code uit de e-mail').fill(code);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).tap();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Welkom, Kim Teken');
  }

  it('logs in with the mailed code, reads and signs the plan, withdraws consent for the school', async () => {
    await family();
    const page = await journey.page(await journey.context(PHONE));
    await logIn(page);
    await journey.expectAccessible(page);

    // Open the case and read the plan.
    await page.getByRole('link', { name: /Gezin Teken/ }).tap();
    await page.getByRole('heading', { level: 2, name: 'Ons plan' }).waitFor();
    await expect(
      page.getByRole('heading', { level: 4, name: 'Er is meer rust in huis' }).count(),
    ).resolves.toBe(1);
    await page.getByText('U moet dit plan nog ondertekenen.').waitFor();
    await journey.expectAccessible(page);

    // Sign, after one confirmation.
    await page.getByRole('button', { name: 'Plan ondertekenen' }).tap();
    await page.getByText('Weet u het zeker?').waitFor();
    await journey.expectAccessible(page);
    const yes = page.getByRole('button', { name: 'Ja, ik onderteken het plan' });
    expect((await yes.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await yes.tap();
    await page.getByText('U heeft het plan ondertekend. Dank u wel.').waitFor();
    await expect.poll(() => page.getByText('Moet nog tekenen').count()).toBe(1);
    await expect
      .poll(
        async () =>
          (await page.locator('section[aria-labelledby="ondertekenen"] dl').textContent()) ?? '',
      )
      .toContain('Kim Teken');
    await journey.expectAccessible(page);
    const signatures = await journey.server.db
      .selectFrom('plan_signature')
      .select(['method', 'recorded_by'])
      .where('person_id', '=', ids.kim)
      .execute();
    expect(signatures).toEqual([{ method: 'gezinsportaal', recorded_by: null }]);

    // Withdraw consent for the school, after reading what that means.
    const school = page.getByRole('heading', { level: 3, name: 'School' });
    await school.scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Toestemming intrekken voor school' }).tap();
    await page.getByText('Wilt u uw toestemming voor school intrekken?').waitFor();
    await expect(
      page.getByText('Wat al gedeeld is, kan niet worden teruggehaald.', { exact: false }).count(),
    ).resolves.toBe(1);
    await journey.expectAccessible(page);
    await page.getByRole('button', { name: 'Ja, toestemming intrekken' }).tap();
    await page.getByText('U heeft uw toestemming voor school ingetrokken.').waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: 'Toestemming geven voor school' }).count())
      .toBe(1);
    await journey.expectAccessible(page);
    // Nothing sticks out sideways on a phone.
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);

    // The casusregisseur, through the API, tries to share with the school on consent: refused.
    const request = (await journey.context()).request;
    const login = await request.post(`${journey.server.url}/api/v1/sessie`, {
      data: { email: ids.staffEmail, wachtwoord: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const share = await request.post(
      `${journey.server.url}/api/v1/casussen/${ids.caseId}/gegevensdeling`,
      {
        headers: { 'x-csrf-token': csrfToken },
        data: {
          wat: 'rooster en aanwezigheid van Noor',
          ontvangerSoort: 'school',
          ontvanger: 'OBS De Regenboog',
          grondslag: 'toestemming',
          toestemmingVerwijzing: 'toestemming Kim en Noor',
        },
      },
    );
    expect(share.status()).toBe(409);
    const nlToday = today().split('-').reverse().join('-');
    expect(((await share.json()) as { error: { message: string } }).error.message).toBe(
      `Toestemming ingetrokken: Kim Teken heeft op ${nlToday} (digitaal) de toestemming ingetrokken om gegevens te delen met school (doel: afstemming met de mentor over Noor). Met toestemming als grondslag worden deze gegevens daarom niet gedeeld (Jeugdwet artikel 7.3.11).`,
    );
  });
});
