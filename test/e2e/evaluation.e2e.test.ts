/**
 * Browser journey of issue 6, done-when (2): a ZTM casusregisseur evaluates the family's fixed
 * ondersteuningsplan on the case page — the agenda shows the purpose of the 3-month moment and
 * every goal; minutes per goal; then records that the minutes went out on the sixth working day
 * after the meeting, and the minutes deadline (ZTM-TERM-MINUTES, 5 working days) shows "te
 * laat gehaald" (met-late). axe-core runs on every page state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  formatIsoDate,
  isWorkingDay,
  localDay,
} from '../../src/domain/time/index.js';
import { freshBsn } from '../factories.js';
import { CasePage } from './pages/CasePage.js';
import { amsterdamNow, browserJourney, providerSystem } from './support.js';

const REGISSEUR = 'casusregisseur.ztm@demo.casusregie.nl';
const DAY = 86_400_000;
const dutch = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

describe('evaluation in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('minutes distributed on the sixth working day meet ZTM-TERM-MINUTES late', async () => {
    const url = journey.server.url;
    const context = await journey.context();
    const api = await providerSystem(context.request, url, REGISSEUR, 'ZTM');
    const post = async (path: string, data: object) => {
      const res = await context.request.post(`${url}/api/v1${path}`, {
        data,
        headers: { 'x-csrf-token': api.csrf },
      });
      expect(res.status(), await res.text()).toBeLessThan(300);
      const body = await res.text();
      return (body ? JSON.parse(body) : {}) as Record<string, unknown>;
    };
    const { year } = amsterdamNow();
    // The meeting: a working day at least a fortnight ago; the minutes went out six working
    // days later (still in the past).
    let meeting = addDays(localDay(Date.now()), -21);
    while (!isWorkingDay(meeting)) meeting = addDays(meeting, -1);
    const distributed = addWorkingDays(meeting, 6);
    const created = await post('/casussen', {
      route: 'A',
      regio: 'ZTM',
      segment: 'ambulant',
      gezin: { naam: 'Gezin Kramer' },
      jeugdigen: [{ naam: 'Lot Kramer', geboortedatum: `${year - 7}-02-02`, bsn: freshBsn() }],
      ouders: [{ naam: 'Ilse Kramer', soort: 'ouder' }],
      aangemeldOp: new Date(Date.now() - 90 * DAY).toISOString(),
    });
    const caseId = String(created['id']);
    const plan = await post(`/casussen/${caseId}/plannen`, {
      soort: 'ondersteuningsplan',
      ingangsdatum: formatIsoDate(localDay(Date.now() - 80 * DAY)),
      inhoud: {
        uitkomstAnalyse: 'Lot slaapt slecht; moeder is uitgeput.',
        uitkomstRisicotaxatie: 'Veilig.',
        intensiteit: 'Trede 2',
        verwachteDuur: '6 maanden',
        samenwerking: 'Casusregisseur JGH en moeder.',
        afsprakenCasusregie: { volgen: 'Evaluatie na 3 en 6 maanden.' },
        doelen: [
          {
            id: '1',
            resultaatgebied: 'opvoeding',
            omschrijving: 'Lot slaapt door',
            meetbaarResultaat: 'Vijf nachten per week doorslapen',
            eigenaar: { soort: 'gezin', naam: 'Ilse Kramer' },
            streefdatum: `${year + 1}-01-31`,
          },
        ],
      },
    });
    const planId = String(plan['id']);
    const persons = (await (
      await context.request.get(`${url}/api/v1/casussen/${caseId}`)
    ).json()) as {
      personen: { id: string; naam: string }[];
    };
    const mother = persons.personen.find((p) => p.naam === 'Ilse Kramer')?.id ?? '';
    await post(`/plannen/${planId}/handtekeningen`, {
      persoonId: mother,
      methode: 'op-scherm',
      op: new Date(Date.now() - 79 * DAY).toISOString(),
    });
    await post(`/plannen/${planId}/vaststellen`, {
      op: new Date(Date.now() - 79 * DAY).toISOString(),
    });

    const page = await journey.page(context);
    await page.goto(`${url}/casussen/${caseId}`);
    const casePage = new CasePage(page);
    await casePage.heading('Gezin Kramer').waitFor();
    const section = page.getByRole('region', { name: 'Evaluaties' });
    await section.getByText('Er is nog niet geëvalueerd.').waitFor();
    const form = section.getByRole('form', { name: 'Verslag van een evaluatie' });
    expect(await form.innerText()).toContain('Inzet en start van de hulp');
    await expectAccessible(page);

    // Minutes without the family present are refused, naming the participants.
    await form.getByLabel('Gehouden op').fill(dutch(formatIsoDate(meeting)));
    await form.getByLabel('Tijd').fill('10:00');
    await form.getByRole('button', { name: 'Verslag vastleggen' }).click();
    await page.getByRole('alert').getByText('Deelnemers').waitFor();
    await expectAccessible(page);

    await form.getByRole('checkbox', { name: 'Ilse Kramer' }).check();
    await form.getByLabel('Naam').fill('Jeugdverpleegkundige Ans');
    const goal = form.getByRole('group', { name: 'Doel: Lot slaapt door' });
    await goal.getByLabel('Voortgang').selectOption({ label: 'Loopt' });
    await goal.getByLabel('Bevindingen').fill('Drie nachten per week doorgeslapen.');
    await goal.getByLabel('Besluit').fill('Slaapritueel volhouden');
    await goal.getByLabel('Wie doet wat: wie').fill('Ilse');
    await goal.getByLabel('Wie doet wat: wat').fill('Slaapdagboek bijhouden');
    await form.getByRole('button', { name: 'Verslag vastleggen' }).click();
    const held = section.getByRole('article');
    await held.getByRole('heading', { name: /^Tussenevaluatie van/ }).waitFor();
    expect(await held.innerText()).toContain('Slaapdagboek bijhouden');
    // The progress per goal is written into the next concept version of the plan.
    await section
      .getByText(/De voortgang per doel staat in conceptversie 2 van het plan/)
      .waitFor();
    await expect.poll(() => casePage.deadlineRows('ZTM-TERM-MINUTES').count()).toBe(1);

    await held.getByLabel('Verslag verspreid op').fill(dutch(formatIsoDate(distributed)));
    await held.getByLabel('Tijd').fill('09:00');
    await held.getByRole('button', { name: 'Verslag verspreid' }).click();
    await held.getByText(/verspreid op/).waitFor();
    const minutesRow = casePage.deadlineRows('ZTM-TERM-MINUTES');
    await expect.poll(() => minutesRow.innerText()).toContain('te laat gehaald');
    expect(await minutesRow.innerText()).toContain(
      dutch(formatIsoDate(addWorkingDays(meeting, 5))),
    );
    await expectAccessible(page);

    // The next evaluation, as the cadence asks (ZTM-CAD-EVAL), planned with the family and school.
    await section.getByText(/Volgende evaluatie: uiterlijk .*ZTM-CAD-EVAL/).waitFor();
    const planning = section.getByRole('form', { name: 'Evaluatie plannen' });
    const nextWeek = amsterdamNow(new Date(Date.now() + 7 * 86_400_000)).date;
    await planning.getByLabel('Gepland op').fill(nextWeek);
    const invitee = planning.getByRole('group', { name: 'Andere genodigde 1' });
    await invitee.getByLabel('Naam').fill('Juf Mira');
    await invitee.getByLabel('Rol').selectOption({ label: 'School' });
    await planning.getByRole('button', { name: 'Evaluatie plannen' }).click();
    // The family is always invited.
    await planning
      .getByRole('alert')
      .getByText(/Genodigden: nodig het gezin uit/)
      .waitFor();
    await planning.getByRole('checkbox', { name: 'Ilse Kramer' }).check();
    await planning.getByRole('button', { name: 'Evaluatie plannen' }).click();
    await section
      .getByText(
        new RegExp(`Gepland: Tussenevaluatie op ${nextWeek}.*Ilse Kramer.*Juf Mira \\(School\\)`),
      )
      .waitFor();
    // The minutes form is ready for that meeting, with the invited parent ticked.
    expect(await form.getByRole('checkbox', { name: 'Ilse Kramer' }).isChecked()).toBe(true);
    await expectAccessible(page);
  }, 300_000);
});
