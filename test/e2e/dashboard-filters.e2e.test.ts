/**
 * The dashboards' place filters and the FTE form in the browser (issue 9, ADR 0024), on demo
 * data. Rijnmond's contract manager narrows the dashboards to a municipality and a team (the team
 * choices follow the municipality; the set-up adds a second municipality to the region so that
 * shows), the figures reload and every table view equals the API's answer for that filter, the
 * CSV links and the period report (PDF) link carry it, and a period the wrong way round is
 * refused next to the form. Lekstroom's team lead has no place choice, and changes a
 * casusregisseur's FTE on /team with the keyboard only; the caseload norm follows. axe-core
 * finds nothing serious on any of these pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { LoginPage } from './pages/LoginPage.js';
import { browserJourney } from './support.js';

interface ApiDashboard {
  tabellen: { id: string; rijen: { label: string; cellen: (number | string | null)[] }[] }[];
}

const shown = (v: number | string | null) =>
  v === null ? '—' : typeof v === 'number' ? v.toLocaleString('nl-NL') : v;

async function logIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/`);
  const login = new LoginPage(page);
  await login.heading().waitFor();
  await login.logIn(email, DEMO_PASSWORD);
}

async function openDashboards(page: Page) {
  await page.getByRole('link', { name: 'Dashboards' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboards' }).waitFor();
  await expect.poll(() => page.getByRole('status').count()).toBe(0);
}

/** The option labels of a select. */
const optionsOf = async (page: Page, label: string) =>
  (await filterForm(page).getByLabel(label).locator('option').allTextContents()).map((o) =>
    o.trim(),
  );

/** The form with the period and the place filters (charts are labelled with names too). */
const filterForm = (page: Page) => page.getByRole('form', { name: 'Periode en filters' });

describe('dashboard filters and the FTE form in the browser', () => {
  const journey = browserJourney(60);

  it('a contract manager narrows the dashboards to a municipality and a team', async () => {
    const { url, db } = journey.server;
    // A second municipality of Rijnmond with its own team, so the team choices can narrow.
    const capelle = await db
      .insertInto('organisation')
      .values({ kind: 'gemeente', name: 'Gemeente Capelle', region: 'RIJ', agb_code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('organisation')
      .values({
        kind: 'lokaal-team',
        name: 'Lokaal team Capelle',
        region: 'RIJ',
        agb_code: null,
        parent_id: capelle.id,
      })
      .execute();
    const rotterdam = await db
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Gemeente Rotterdam')
      .executeTakeFirstOrThrow();
    const noord = await db
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Lokaal team Rotterdam-Noord')
      .executeTakeFirstOrThrow();

    const page = await journey.page();
    await logIn(page, url, 'contractmanager.rij@demo.casusregie.nl');
    await openDashboards(page);
    // No municipality chosen yet: every team of the region, and no period report.
    expect(await optionsOf(page, 'Team')).toEqual([
      'Alle teams',
      'Lokaal team Capelle',
      'Lokaal team Rotterdam-Noord',
      'Lokaal team Rotterdam-Zuid',
    ]);
    expect(await page.getByRole('link', { name: 'Periodeverslag gemeente (PDF)' }).count()).toBe(0);
    await journey.expectAccessible(page);

    await filterForm(page).getByLabel('Gemeente').selectOption({ label: 'Gemeente Rotterdam' });
    expect(await optionsOf(page, 'Team')).toEqual([
      'Alle teams',
      'Lokaal team Rotterdam-Noord',
      'Lokaal team Rotterdam-Zuid',
    ]);
    await filterForm(page)
      .getByLabel('Team')
      .selectOption({ label: 'Lokaal team Rotterdam-Noord' });
    await filterForm(page).getByRole('button', { name: 'Toon cijfers' }).click();
    const caseload = page.getByTestId('dashboard-caseload');
    await caseload
      .getByText('Regio RIJ, Gemeente Rotterdam, Lokaal team Rotterdam-Noord')
      .waitFor();
    await expect.poll(() => page.getByRole('status').count()).toBe(0);

    const filter = `gemeente=${rotterdam.id}&team=${noord.id}`;
    for (const name of ['caseload', 'instroom', 'termijnen']) {
      const res = await page.request.get(`${url}/api/v1/dashboards/${name}?${filter}`);
      expect(res.status()).toBe(200);
      const api = (await res.json()) as ApiDashboard;
      for (const t of api.tabellen) {
        const figure = page.getByTestId(`figuur-${t.id}`);
        const rows: string[][] = [];
        for (const row of await figure.locator('tbody tr').all())
          rows.push((await row.locator('th, td').allTextContents()).map((c) => c.trim()));
        expect(rows, t.id).toEqual(t.rijen.map((r) => [r.label, ...r.cellen.map(shown)]));
        const csv = await figure.getByRole('link', { name: /als CSV/ }).getAttribute('href');
        expect(csv).toContain(filter);
      }
      // The team's own figures only: caseload per team has the one team chosen.
      if (name === 'caseload')
        expect(api.tabellen[0]?.rijen.map((r) => r.label)).toEqual(['Lokaal team Rotterdam-Noord']);
    }
    const pdf = page.getByRole('link', { name: 'Periodeverslag gemeente (PDF)' });
    expect(await pdf.getAttribute('href')).toBe(
      `/api/v1/rapportages/periode?gemeente=${rotterdam.id}`,
    );
    await journey.expectAccessible(page);

    // A period the wrong way round: the API's refusal, in Dutch, beside the form.
    await filterForm(page).getByLabel('Van').fill('2026-05-01');
    await filterForm(page).getByLabel('Tot en met').fill('2026-04-01');
    await filterForm(page).getByRole('button', { name: 'Toon cijfers' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'Tot en met:' });
    await problem.waitFor();
    expect(await problem.innerText()).toContain('de einddatum ligt voor de begindatum');
    expect(await pdf.getAttribute('href')).toBe(
      `/api/v1/rapportages/periode?gemeente=${rotterdam.id}&van=2026-05-01&tot=2026-04-01`,
    );
    await journey.expectAccessible(page);
  });

  it('a team lead has no place choice and changes an FTE with the keyboard', async () => {
    const { url } = journey.server;
    const page = await journey.page();
    await logIn(page, url, 'teamleider.lek@demo.casusregie.nl');
    await openDashboards(page);
    expect(await page.getByRole('combobox').count()).toBe(0);
    await page.getByText('Team: Sociaal Team Nieuwegein (uw eigen team)').waitFor();
    expect(await page.getByRole('link', { name: 'Periodeverslag gemeente (PDF)' }).count()).toBe(0);

    const team = (await (await page.request.get(`${url}/api/v1/team/fte`)).json()) as {
      medewerkers: { id: string; naam: string; rollen: string[]; fte: number }[];
    };
    const regisseur = team.medewerkers.find((m) => m.rollen.includes('casusregisseur'));
    expect(regisseur?.fte).toBe(1);
    const name = regisseur?.naam ?? '';

    await page.getByRole('link', { name: 'Team', exact: true }).click();
    const section = page.getByRole('region', { name: 'FTE per professional' });
    const field = section.getByLabel(`FTE van ${name}`);
    await field.waitFor();
    await journey.expectAccessible(page);

    // Too much: refused at the field, which keeps the focus and names the problem.
    await field.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1,6');
    await page.keyboard.press('Enter');
    await section.getByText('de FTE is hoogstens 1,5').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await journey.expectAccessible(page);

    // 0,8, then Tab to "Opslaan" and press Enter.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0,8');
    await page.keyboard.press('Tab');
    const save = section
      .getByRole('row')
      .filter({ hasText: name })
      .getByRole('button', { name: 'Opslaan' });
    expect(await save.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await section.getByText(`De FTE van ${name} is nu 0,8.`).waitFor();
    expect(await section.getByTestId(`fte-${regisseur?.id ?? ''}`).innerText()).toBe('0,8');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await journey.expectAccessible(page);

    // The caseload norm follows: 13 families per FTE × 0,8 = 10,4 (ZTM-NORM-CASELOAD).
    const res = await page.request.get(`${url}/api/v1/dashboards/caseload`);
    const caseload = (await res.json()) as ApiDashboard;
    const row = caseload.tabellen
      .find((t) => t.id === 'caseload-casusregisseur')
      ?.rijen.find((r) => r.label === name);
    expect(row?.cellen.slice(1, 3)).toEqual([0.8, 10.4]);
  });
});
