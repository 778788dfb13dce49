import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startTestServer, type TestServer } from './support.js';

// Infrastructure check for the browser tests: the system Chromium starts headless in this
// closed network and reaches a real server with demo data. User journeys follow with the UI.
describe('browser test setup', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer(10);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('opens the API description of a running server in Chromium', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/api/v1/openapi.json`);
    expect(response?.status()).toBe(200);
    const doc = JSON.parse(await page.locator('body').innerText()) as { openapi: string };
    expect(doc.openapi).toMatch(/^3\./);
    expect(server.accounts.some((a) => a.roles.includes('casusregisseur'))).toBe(true);
  });
});
