/**
 * The web app under its strict Content Security Policy (ADR 0016): logging in and opening the
 * work list and a case raise no CSP violation and no console error, and the page carries the
 * policy and the other security headers.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { LoginPage } from './pages/LoginPage.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { browserJourney } from './support.js';

const CASUSREGISSEUR = 'casusregisseur.lek@demo.casusregie.nl';

describe('security headers in the browser', () => {
  const journey = browserJourney(20);

  it('the app works under the CSP: no violations, no console errors', async () => {
    const page = await journey.page();
    const problems: string[] = [];
    page.on('console', (message) => {
      // A failed request is reported below with its address; the console only repeats it.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      // The app asks who is logged in before the login page: that 401 is expected.
      if (response.status() >= 400 && !response.url().endsWith('/api/v1/sessie'))
        problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    // Runs in the page (a string: this file is compiled without the DOM library).
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) =>
        console.error('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));`,
    });
    const response = await page.goto(`${journey.server.url}/`);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');

    const login = new LoginPage(page);
    await login.heading().waitFor();
    await login.logIn(CASUSREGISSEUR, DEMO_PASSWORD);
    await new WorkListPage(page).heading().waitFor();
    await page.getByRole('link', { name: /Gezin/ }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    // The stylesheet applied: the header bar has its colour from the built CSS file.
    const background = await page.evaluate(
      `getComputedStyle(document.querySelector('.kop')).backgroundColor`,
    );
    expect(background).toBe('rgb(36, 87, 143)');
    expect(problems).toEqual([]);

    // The check would see a violation: an injected inline script is refused and reported.
    await page.evaluate(
      `document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.x = 1' }))`,
    );
    await expect
      .poll(() => problems.some((p) => p.startsWith('console: CSP: script-src')))
      .toBe(true);
    expect(await page.evaluate('window.x')).toBeUndefined();
  });
});
