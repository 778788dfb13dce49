/**
 * Browser journey of issue 10 (family portal login), on a phone: a 390×844 viewport with touch.
 * A demo parent opens /portaal, asks for a code, reads it from the mail that a real SMTP server
 * in this process receives, logs in, sees the welcome page and logs out. A code that does not
 * match is named at the code field. The demo parent without authority gets a mail that explains
 * why there is no code; a parent whose authority is removed after the code was sent sees the
 * refusal on screen. axe-core runs on every page state; the buttons are at least 44 px high.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer, type Mailer } from '../../src/jobs/digest.js';
import { systemClock } from '../../src/server/clock.js';
import type { PortalMailer } from '../../src/server/app.js';
import { portalMailerOver } from '../../src/server/portal/mail.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { browserJourney } from './support.js';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

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
const codeIn = (text: string): string => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

/** The portal's login, in the words on the screen. */
async function askCode(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('button', { name: 'Stuur mij een code' }).tap();
  await expect.poll(() => page.getByLabel('Code uit de e-mail').count()).toBe(1);
}

async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('Code uit de e-mail').fill(code);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).tap();
}

describe('the family portal login on a phone', () => {
  const journey = browserJourney(20, systemClock, { portalMailer });

  /** A demo person's address and name by the start of the address (see src/demo/portal.ts). */
  const demoPerson = async (prefix: string) => {
    const row = await journey.server.db
      .selectFrom('person')
      .select(['email', 'name'])
      .where('email', 'like', `${prefix}.%@gezin.demo.casusregie.nl`)
      .orderBy('email')
      .executeTakeFirstOrThrow();
    return { email: row.email ?? '', name: row.name };
  };

  it('logs a parent in with the code from the mail, shows the welcome page and logs out', async () => {
    const parent = await demoPerson('ouder');
    const page = await journey.page(await journey.context(PHONE));
    await page.goto(`${journey.server.url}/portaal`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen');
    await journey.expectAccessible(page);

    // The e-mail field named in its own error, before any request.
    await page.getByRole('button', { name: 'Stuur mij een code' }).tap();
    await expect.poll(() => page.getByText('Vul uw e-mailadres in.').count()).toBeGreaterThan(0);
    await journey.expectAccessible(page);

    await askCode(page, parent.email);
    const codeField = page.getByLabel('Code uit de e-mail');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    await journey.expectAccessible(page);

    const mail = await inbox().mailTo(parent.email);
    const code = codeIn(mail.text);
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code is named at the code field.
    await enterCode(page, code === '000000' ? '111111' : '000000');
    await expect
      .poll(() =>
        page.getByText('Deze code klopt niet of werkt niet meer.', { exact: false }).count(),
      )
      .toBeGreaterThan(0);
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    await journey.expectAccessible(page);

    await enterCode(page, code);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Welkom, ${parent.name}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: 'Hulp voor uw gezin' }).count())
      .toBe(1);
    await expect.poll(() => page.getByRole('status').count()).toBe(0);
    await journey.expectAccessible(page);
    const logout = page.getByRole('button', { name: 'Uitloggen' });
    const box = await logout.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    // No sideways scrolling on a phone.
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);

    await logout.tap();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen');
    const me = await page.request.get(`${journey.server.url}/api/v1/portaal/sessie`);
    expect(me.status()).toBe(401);
  });

  it('tells a parent without authority why, by mail and on the screen', async () => {
    const removed = await demoPerson('ouder-zonder-gezag');
    const page = await journey.page(await journey.context(PHONE));
    await page.goto(`${journey.server.url}/portaal`);
    await askCode(page, removed.email);
    const mail = await inbox().mailTo(removed.email);
    expect(mail.subject).toBe('Inloggen bij het gezinsportaal lukt niet');
    expect(mail.text).toContain('geen gezag');
    expect(codeIn(mail.text)).toBe('');

    // Authority removed after the code was sent: the login is refused with the reason.
    const other = await journey.server.db
      .selectFrom('person')
      .select(['id', 'email'])
      .where('email', 'like', 'ouder.%@gezin.demo.casusregie.nl')
      .orderBy('email', 'desc')
      .executeTakeFirstOrThrow();
    const email = other.email ?? '';
    const second = await journey.page(await journey.context(PHONE));
    await second.goto(`${journey.server.url}/portaal`);
    const before = inbox().inbox.filter((m) => m.to.includes(email)).length;
    await askCode(second, email);
    const code = codeIn((await inbox().mailTo(email, before + 1)).text);
    await journey.server.db
      .updateTable('person')
      .set({ authority_removed: true })
      .where('id', '=', other.id)
      .execute();
    try {
      await enterCode(second, code);
      await expect
        .poll(() => second.getByRole('alert').textContent())
        .toContain('U heeft geen gezag meer over de kinderen in dit gezin.');
      await journey.expectAccessible(second);
    } finally {
      await journey.server.db
        .updateTable('person')
        .set({ authority_removed: false })
        .where('id', '=', other.id)
        .execute();
    }
  });
});
