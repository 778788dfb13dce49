/**
 * Browser journey of issue 4: a ZTM local-team casusregisseur registers a family with children
 * of 3 and 13, records the safety check, the needs analysis, an unsafe risk assessment (and
 * starts the safety plan it calls for), the weight criteria and the triage (multi-domain,
 * complex → casusregie outside the family, heavy), starts an ondersteuningsplan with three
 * SMART goals, sees
 * that an unmeasurable goal blocks fixing, has the parent and the 13-year-old sign on screen,
 * fixes the plan (ZTM-TERM-PLAN becomes met), adjusts it and sees version 2 with the change.
 * axe-core runs on every page state visited.
 */
import { PDFParse } from 'pdf-parse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate.js';
import { freshBsn } from '../factories.js';
import { AnalysisPage } from './pages/AnalysisPage.js';
import { CasePage } from './pages/CasePage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NewCasePage } from './pages/NewCasePage.js';
import { PlanPage } from './pages/PlanPage.js';
import { WorkListPage } from './pages/WorkListPage.js';
import { amsterdamNow, browserJourney } from './support.js';

describe('plan journey in the browser', () => {
  const journey = browserJourney();
  const expectAccessible = (page: Page) => journey.expectAccessible(page);

  it('from registration to a signed, fixed plan, then version 2 with its changes', async () => {
    const page = await journey.page();
    const { year } = amsterdamNow();

    await page.goto(`${journey.server.url}/inloggen`);
    await new LoginPage(page).logIn('casusregisseur.ztm@demo.casusregie.nl', DEMO_PASSWORD);
    const workList = new WorkListPage(page);
    await workList.heading().waitFor();
    await workList.openNewRequest();

    const form = new NewCasePage(page);
    await form.heading().waitFor();
    await form.fillHousehold('Gezin Visser');
    await form.fillChild(0, {
      naam: 'Noor Visser',
      geboortedatum: `01-01-${year - 13}`,
      bsn: freshBsn(),
    });
    await form.addChild();
    await form.fillChild(1, { naam: 'Bo Visser', geboortedatum: `01-01-${year - 3}` });
    await form.fillParent(0, 'Kim Visser');
    await form.submit();

    const casePage = new CasePage(page);
    await casePage.heading('Gezin Visser').waitFor();
    const { date, time } = amsterdamNow();
    await casePage.recordEvent('Eerste contact', date, time);
    await expect.poll(() => casePage.deadlineRows('ZTM-TERM-PLAN').count()).toBe(1);
    expect(await casePage.deadlineRows('ZTM-TERM-PLAN').innerText()).toContain('open');

    // Safety, needs analysis, risk assessment (unsafe → safety plan), weight criteria, triage.
    await page
      .getByRole('link', { name: 'Veiligheidscheck, vraaganalyse, risicotaxatie en triage' })
      .click();
    const analysis = new AnalysisPage(page);
    await page.getByRole('heading', { level: 1, name: /Analyse, veiligheid en triage/ }).waitFor();
    await expectAccessible(page);
    await analysis.recordSafetyCheck(
      'Zorgen, geen acuut gevaar',
      'Spanningen thuis, geen direct gevaar',
    );
    // Contact by age (ZTM-DEC-CHILD-CONTACT): the 3-year-old is seen, the 13-year-old spoken to.
    expect(await analysis.childContactRow('Bo Visser')).toMatch(/Zien\s[\s\S]*Nog doen/);
    expect(await analysis.childContactRow('Noor Visser')).toMatch(/Spreken[\s\S]*Nog doen/);
    await analysis.recordChildContact('Bo Visser', 'Gezien', date, time);
    await analysis.recordChildContact('Noor Visser', 'Gezien', date, time);
    expect(await analysis.childContactRow('Bo Visser')).toMatch(/Gedaan/);
    expect(await analysis.childContactRow('Noor Visser')).toMatch(/Nog doen/);
    await analysis.recordChildContact('Noor Visser', 'Gesproken', date, time);
    expect(await analysis.childContactRow('Noor Visser')).toMatch(/Gedaan/);

    await analysis.recordNeedsAnalysis({
      domains: ['Opvoeding', 'Onderwijs', 'Financiën'],
      strengths: 'Oma helpt elke dag mee',
      familySupports: true,
      familyCoordinates: false,
      coSignals: ['Huiselijk geweld'],
    });
    // A CO signal asks for a case consultation until one is recorded.
    await analysis
      .consultation()
      .getByText(/Weeg deze casus in het casuïstiekoverleg/)
      .waitFor();
    await analysis.recordConsultation({
      expert: 'Drs. P. de Boer',
      decision: 'Meldcode doorlopen en veiligheidsplan maken',
      considerations: 'Geweld in de afgelopen maand; moeder wil hulp.',
      noAction: false,
    });
    await analysis
      .consultation()
      .getByText(/overleg .* is gehouden/)
      .waitFor();
    await analysis.recordRisk('Onveilig', 'LIRIK', 'Huiselijk geweld in de afgelopen maand');
    await analysis.riskSection().getByText('maak een veiligheidsplan').waitFor();
    await analysis.recordMeldcodeStep(1, 'Moeder vertelt over geweld; school ziet blauwe plekken');
    await analysis.recordMeldcodeStep(
      5,
      'Structureel geweld: melden en hulp bieden',
      'Melden bij Veilig Thuis én hulp bieden',
    );
    await analysis
      .meldcode()
      .getByText(/melding bij Veilig Thuis staat in de tijdlijn/)
      .waitFor();
    await expectAccessible(page);
    await analysis.recordCriteria(
      { 'Aard en ernst van de problemen': 'Zwaar', 'Motivatie van het gezin': 'Wisselend' },
      true,
    );
    const proposals = await analysis.triage().innerText();
    expect(proposals).toMatch(
      /Enkelvoudig of meervoudig: voorstel Meervoudig \(RIJ-DEC-MEERVOUDIG/,
    );
    expect(proposals).toMatch(/Complexiteit: voorstel Complex \(RIJ-DEC-COMPLEX/);
    expect(proposals).toMatch(
      /Waar ligt de casusregie: voorstel Buiten het gezin \(RIJ-DEC-CASUSREGIE-LOCATION/,
    );
    expect(proposals).toMatch(/Zwaarte van de regie: voorstel Zwaar \(LEK-DEC-REGIE-WEIGHT/);
    await analysis.confirmTriage();
    await expectAccessible(page);

    // Unsafe: a safety plan with a bottom line and who watches it.
    await analysis.riskSection().getByRole('button', { name: 'Veiligheidsplan maken' }).click();
    const safety = new PlanPage(page);
    await safety.heading().filter({ hasText: 'Veiligheidsplan – Gezin Visser' }).waitFor();
    await safety.fillSection('Veiligheidsafspraken', 'Vader komt niet in huis zonder afspraak');
    await page.getByRole('button', { name: 'Bodemeis toevoegen' }).click();
    await page.getByLabel('Bodemeis 1').fill('Geen geweld in het bijzijn van de kinderen');
    await page.getByLabel('Wie let erop').fill('Casusregisseur en oma');
    await safety.save();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Terug naar de casus' }).click();
    await casePage.heading('Gezin Visser').waitFor();

    await page.getByRole('button', { name: 'Plan beginnen', exact: true }).click();
    const plan = new PlanPage(page);
    await plan.heading().filter({ hasText: 'Ondersteuningsplan – Gezin Visser' }).waitFor();
    await expectAccessible(page);

    await plan.fillSection(
      'Uitkomst van de vraaganalyse',
      'Zorgen over opvoeding, school en geld.',
    );
    await plan.fillSection(
      'Uitkomst van de risicotaxatie',
      'Onveilig: een veiligheidsplan is gemaakt.',
    );
    await plan.fillSection('Intensiteit', 'Trede 4: twee keer per week');
    await plan.fillSection('Verwachte duur', 'Negen maanden');
    await plan.fillSection(
      'Samenwerking en rolverdeling',
      'Casusregisseur, school en Kim; Kim houdt het weekschema bij.',
    );
    const target = `31-12-${year + 1}`;
    await plan.addGoal(0, {
      area: 'Onderwijs',
      description: 'Noor gaat weer naar school',
      target: 'Noor is vier dagen per week op school, zes weken achter elkaar',
      ownerName: 'Mentor van Noor',
      date: target,
    });
    await plan.addGoal(1, {
      area: 'Opvoeding',
      description: 'Rust in huis bij het naar bed gaan',
      target: 'Bo ligt vijf avonden per week om half acht in bed zonder ruzie',
      ownerName: 'Kim Visser',
      date: target,
    });
    // Whom a goal is about: Noor's school goal is hers, the bedtime goal is Bo's.
    await plan
      .goal(0)
      .getByRole('group', { name: 'Over wie gaat doel 1?' })
      .getByLabel('Noor Visser')
      .check();
    await plan
      .goal(1)
      .getByRole('group', { name: 'Over wie gaat doel 2?' })
      .getByLabel('Bo Visser')
      .check();
    await plan.addGoal(2, {
      area: 'Financiën',
      description: 'Geldzorgen in beeld',
      target: '',
      ownerName: 'Schuldhulpverlener',
      date: target,
    });
    await plan.save();
    // The unmeasurable goal is named as still needed before the plan can be fixed.
    await expect.poll(() => plan.stillNeeded().innerText()).toMatch(/maak het doel meetbaar/);
    await expectAccessible(page);
    await plan.fix();
    await expect.poll(() => plan.stillNeeded().innerText()).toMatch(/Kim Visser en Noor Visser/);

    await plan
      .goal(2)
      .getByLabel('Zo zien we dat het gelukt is')
      .fill('Er is een overzicht van alle schulden en een afspraak bij de schuldhulp');
    await plan.save();
    // Parent and the 13-year-old sign; nobody asks the 3-year-old.
    const signers = await plan.signingSection().getByRole('listitem').allInnerTexts();
    expect(signers.map((s) => s.split('\n')[0])).toEqual([
      expect.stringContaining('Kim Visser'),
      expect.stringContaining('Noor Visser'),
    ]);
    expect(await plan.signingSection().innerText()).not.toContain('Bo Visser');
    await plan.signOnScreen('Kim Visser');
    await plan
      .signingSection()
      .getByRole('button', { name: 'Noor Visser tekent op het scherm' })
      .click();
    await expect.poll(() => plan.signingSection().getByText('Getekend op').count()).toBe(2);
    await expectAccessible(page);
    await plan.fix();
    await page.getByText('Versie 1 is vastgesteld').waitFor();
    const about = page.getByRole('table', { name: 'Doelen' }).getByRole('row');
    await expect
      .poll(() => about.filter({ hasText: 'Noor gaat weer naar school' }).innerText())
      .toContain('Noor Visser');
    expect(await about.filter({ hasText: 'Rust in huis' }).innerText()).toContain('Bo Visser');
    expect(await about.filter({ hasText: 'Geldzorgen in beeld' }).innerText()).toContain(
      'Het hele gezin',
    );
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Terug naar de casus' }).click();
    await casePage.heading('Gezin Visser').waitFor();
    await expect
      .poll(() => casePage.deadlineRows('ZTM-TERM-PLAN').innerText())
      .toContain('op tijd');

    await page
      .getByRole('region', { name: 'Plannen' })
      .getByRole('link', { name: 'Ondersteuningsplan' })
      .click();
    await plan.adjust();
    await page.getByText('Versie 2 is een concept').waitFor();
    await plan
      .goal(0)
      .getByLabel('Streefdatum')
      .fill(`30-06-${year + 1}`);
    await plan.save();
    await expect
      .poll(() => plan.changes().innerText())
      .toContain('Doel 1 (onderwijs): streefdatum');
    const changes = await plan.changes().innerText();
    expect(changes).toContain(`${year + 1}-12-31`);
    expect(changes).toContain(`${year + 1}-06-30`);
    await expectAccessible(page);
    // Version 1 stays readable.
    await page
      .getByRole('navigation', { name: 'Versies' })
      .getByRole('link', { name: /Versie 1/ })
      .click();
    await page.getByText('Versie 1 is vastgesteld').waitFor();
    // The fixed version as a PDF for the family, with the session of the browser.
    const href = await page.getByRole('link', { name: /Versie 1 als PDF/ }).getAttribute('href');
    const pdf = await page.context().request.get(`${journey.server.url}${href ?? ''}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await pdf.body()) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('Ondersteuningsplan');
    expect(text).toContain('Noor is vier dagen per week op school, zes weken achter elkaar');
    expect(text).toMatch(/Noor Visser heeft ondertekend op .* \(op het scherm\)/);
  });
});
