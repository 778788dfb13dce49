/**
 * The management dashboards in the browser (issue 9, ADR 0024), on demo data: a team lead and a
 * contract manager open /dashboards. Every chart draws something (its screenshot has more than
 * a couple of colours), every table view shows exactly the API's numbers, the contract
 * manager's counts below 5 read "< 5", the page runs under the strict CSP without a violation,
 * and axe finds nothing serious.
 */
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { LoginPage } from './pages/LoginPage.js';
import { browserJourney } from './support.js';

const DASHBOARDS = [
  'caseload',
  'instroom',
  'wachttijden',
  'termijnen',
  'uitkomsten',
  'aanbieders',
  'budget',
];

interface ApiTable {
  id: string;
  rijen: { label: string; cellen: (number | string | null)[] }[];
}
interface ApiDashboard {
  naam: string;
  onderdrukt: boolean;
  tabellen: ApiTable[];
}

/** The distinct colours (0xRRGGBB) in an 8-bit RGB(A) PNG (what Chromium's screenshots are). */
function colours(png: Buffer): Set<number> {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect(body[8]).toBe(8);
      channels = body[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw.readUInt8(y * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const v = raw.readUInt8(y * (stride + 1) + 1 + x);
      const a = x >= channels ? pixels.readUInt8(y * stride + x - channels) : 0;
      const b = y > 0 ? pixels.readUInt8((y - 1) * stride + x) : 0;
      const c = x >= channels && y > 0 ? pixels.readUInt8((y - 1) * stride + x - channels) : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      pixels[y * stride + x] = (v + add) & 0xff;
    }
  }
  const found = new Set<number>();
  for (let i = 0; i < pixels.length; i += channels) found.add(pixels.readUIntBE(i, 3));
  return found;
}

/** A cell as the table view shows it. */
const shown = (v: number | string | null) =>
  v === null ? '—' : typeof v === 'number' ? v.toLocaleString('nl-NL') : v;

async function openDashboards(page: Page, url: string, email: string, problems: string[]) {
  page.on('console', (message) => {
    // The app asks who is logged in before the login page; that 401 is expected.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));`,
  });
  await page.goto(`${url}/`);
  const login = new LoginPage(page);
  await login.heading().waitFor();
  await login.logIn(email, DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Dashboards' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboards' }).waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.getByRole('status').count()).toBe(0);
}

/** Every chart has colour in it, and every table view equals the API's numbers. */
async function checkFigures(page: Page, url: string): Promise<ApiDashboard[]> {
  const answers: ApiDashboard[] = [];
  for (const name of DASHBOARDS) {
    const res = await page.request.get(`${url}/api/v1/dashboards/${name}`);
    expect(res.status()).toBe(200);
    const api = (await res.json()) as ApiDashboard;
    answers.push(api);
    for (const t of api.tabellen) {
      const figure = page.getByTestId(`figuur-${t.id}`);
      const chart = figure.getByTestId(`grafiek-${t.id}`);
      const shot = await chart.screenshot();
      // An empty canvas on white is one colour; axes, labels and bars make many more.
      const drawn = colours(shot);
      expect(drawn.size, t.id).toBeGreaterThan(10);
      // Families per team are never all zero in the demo: the first series' blue is drawn.
      if (t.id === 'caseload-team') expect(drawn.has(0x01689b), t.id).toBe(true);
      const rows: string[][] = [];
      for (const row of await figure.locator('tbody tr').all())
        rows.push((await row.locator('th, td').allTextContents()).map((c) => c.trim()));
      expect(rows, t.id).toEqual(t.rijen.map((r) => [r.label, ...r.cellen.map(shown)]));
      const csv = figure.getByRole('link', { name: /als CSV/ });
      const download = await page.request.get(`${url}${await csv.getAttribute('href')}`);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toContain('text/csv');
    }
  }
  return answers;
}

describe('management dashboards in the browser', () => {
  const journey = browserJourney(80);

  it('a team lead sees the own team in charts and tables, unsuppressed (the municipality’s budget suppressed)', async () => {
    const page = await journey.page();
    const problems: string[] = [];
    await openDashboards(page, journey.server.url, 'teamleider.lek@demo.casusregie.nl', problems);
    const answers = await checkFigures(page, journey.server.url);
    // The budget is the whole municipality's, other teams' families included: suppressed.
    expect(answers.filter((a) => a.onderdrukt).map((a) => a.naam)).toEqual(['budget']);
    expect(await page.getByTestId('figuur-caseload-casusregisseur').count()).toBe(1);
    await journey.expectAccessible(page);
    expect(problems).toEqual([]);
  });

  it('a contract manager sees the region with small cells hidden', async () => {
    const page = await journey.page();
    const problems: string[] = [];
    await openDashboards(
      page,
      journey.server.url,
      'contractmanager.lek@demo.casusregie.nl',
      problems,
    );
    const answers = await checkFigures(page, journey.server.url);
    expect(answers.every((a) => a.onderdrukt)).toBe(true);
    // No casusregisseur by name, and no count from 1 to 4 in the count tables.
    expect(await page.getByTestId('figuur-caseload-casusregisseur').count()).toBe(0);
    const counts = await page
      .locator(
        '[data-testid="figuur-instroom-route"] td, [data-testid="figuur-instroom-verwijzer"] td, [data-testid="figuur-termijnen-regel"] td',
      )
      .allTextContents();
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter((c) => /^[1-4]$/.test(c.trim()))).toEqual([]);
    expect(counts).toContain('< 5');
    await journey.expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
