/**
 * The plan as a PDF (issue 4 "Documents"): rendered for real with pdfkit and read back with
 * pdf-parse. The expected headings come from DOMAIN.md section 5 (contents per kind) and
 * LEK "Vastleggen van afspraken casusregie", in Dutch with the accents intact.
 */
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { renderPlanPdf, type PlanDocument } from '../../src/documents/plan-pdf.js';
import { PLAN_SECTIONS } from '../../src/documents/plan-words.js';
import { planContentSchema } from '../../src/server/routes/plan-content.js';

async function textOf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text.replace(/\s+/g, ' '), pages: result.total };
  } finally {
    await parser.destroy();
  }
}

const goal = (n: number, area: string, description: string, target: string) => ({
  resultaatgebied: area,
  omschrijving: description,
  meetbaarResultaat: target,
  eigenaar: {
    soort: n === 1 ? 'gezin' : 'professional',
    naam: n === 1 ? 'Kim Visser' : 'Jeugdhulp Oost',
  },
  streefdatum: '2026-06-01',
  voortgang: n === 3 ? 'loopt' : 'niet-gestart',
});

const fixedSupportPlan: PlanDocument = {
  gezin: 'Gezin Visser',
  soort: 'ondersteuningsplan',
  jeugdige: null,
  laatsteVersie: 2,
  gemaaktOp: new Date('2026-03-20T10:00:00Z'),
  versie: {
    versie: 2,
    status: 'vastgesteld',
    ingangsdatum: '2026-03-10',
    vastgesteldOp: '2026-03-18T14:30:00Z',
    inhoud: {
      uitkomstAnalyse: 'Moeder wil weer grip op het gezin; oma helpt dagelijks.',
      uitkomstRisicotaxatie: 'Onveilig: huiselijk geweld; veiligheidsplan gemaakt.',
      intensiteit: 'Trede 3, twee keer per week',
      verwachteDuur: 'Zes maanden',
      afstemmingSchool: 'Eén plan met de mentor van Noor; overleg elke maand.',
      samenwerking: 'Casusregisseur stemt af; moeder plant de afspraken.',
      doelen: [
        goal(
          1,
          'opvoeding',
          'Rust in huis bij het naar bed gaan',
          'Vier avonden per week zonder ruzie naar bed',
        ),
        goal(2, 'onderwijs', 'Noor gaat weer naar school', 'Noor is vier dagen per week op school'),
        goal(
          3,
          'financien',
          'Overzicht over de schulden',
          'Er is een afbetalingsregeling met alle schuldeisers',
        ),
      ],
      afsprakenCasusregie: {
        afstemming: 'Casusregisseur van het lokale team',
        volgen: 'Evaluatie na drie maanden met gezin en aanbieder',
        veiligheid: 'Bodemeisen uit het veiligheidsplan, wekelijks nagevraagd',
        perspectief: 'Nog niet aan de orde',
        overgangen: 'Afschalen naar licht na de evaluatie',
        gezinZelf: 'Moeder belt de school bij verzuim',
      },
    },
    handtekeningen: [
      { naam: 'Kim Visser', op: '2026-03-18T14:00:00Z', methode: 'op-scherm', geldig: true },
      { naam: 'Noor Visser', op: '2026-03-18T14:05:00Z', methode: 'papier-gescand', geldig: true },
      { naam: 'Oud', op: '2026-03-17T14:05:00Z', methode: 'op-scherm', geldig: false },
    ],
    ondertekening: null,
    wijzigingen: [
      { wat: 'Verwachte duur', was: 'Drie maanden', wordt: 'Zes maanden' },
      { wat: 'Doel 3', was: null, wordt: 'Overzicht over de schulden' },
    ],
  },
};

describe('plan PDF', () => {
  it('renders a fixed ondersteuningsplan in Dutch with every section, goal and signature', async () => {
    const pdf = await renderPlanPdf(fixedSupportPlan);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await textOf(pdf);
    // Title block.
    expect(text).toContain('Ondersteuningsplan');
    expect(text).toContain('Gezin Visser');
    expect(text).toContain('Versie: 2 (vastgesteld)');
    expect(text).toContain('Ingangsdatum: 10 maart 2026');
    expect(text).toMatch(/Vastgesteld op: 18 maart 2026 om 15:30/);
    // DOMAIN.md section 5, ondersteuningsplan items 1-7.
    for (const heading of [
      'Uitkomst van de vraaganalyse',
      'Uitkomst van de risicotaxatie',
      'Intensiteit',
      'Verwachte duur',
      'Afstemming met school',
      'Samenwerking en rolverdeling',
      'Doelen',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('Eén plan met de mentor van Noor');
    // SMART goals per result area, with owner, target date and progress.
    expect(text).toContain('Doel 1: Opvoeding');
    expect(text).toContain('Doel 2: Onderwijs');
    expect(text).toContain('Doel 3: Financiën');
    expect(text).toContain('Noor is vier dagen per week op school');
    expect(text).toContain('Kim Visser (Gezin)');
    expect(text).toContain('Jeugdhulp Oost (Professional)');
    expect(text).toContain('1 juni 2026');
    expect(text).toContain('Loopt');
    // LEK casusregie agreements as explicit fields.
    expect(text).toContain('Afspraken over de casusregie');
    expect(text).toContain('Bodemeisen uit het veiligheidsplan, wekelijks nagevraagd');
    expect(text).toContain('Wat het gezin zelf doet');
    // Who signed, when and how; a signature that no longer counts is left out.
    expect(text).toContain(
      'Kim Visser heeft ondertekend op 18 maart 2026 om 15:00 (op het scherm)',
    );
    expect(text).toContain(
      'Noor Visser heeft ondertekend op 18 maart 2026 om 15:05 (op papier, gescand)',
    );
    expect(text).not.toContain('Oud heeft ondertekend');
    // The changes since version 1.
    expect(text).toContain('Wat er veranderd is ten opzichte van versie 1');
    expect(text).toContain('Verwachte duur: was "Drie maanden", wordt "Zes maanden"');
    expect(text).toMatch(/pagina 1 van \d/);
  });

  it('marks empty sections, says a concept is not yet valid and leaves lines for missing signers', async () => {
    const concept: PlanDocument = {
      ...fixedSupportPlan,
      laatsteVersie: 1,
      versie: {
        ...fixedSupportPlan.versie,
        versie: 1,
        status: 'concept',
        vastgesteldOp: null,
        inhoud: { uitkomstAnalyse: 'Alleen de analyse is er al.' },
        handtekeningen: [],
        ondertekening: {
          regel: 'ZTM-DEC-SIGN',
          nodig: [
            { persoonId: 'p1', naam: 'Kim Visser', reden: 'ouder met gezag' },
            { persoonId: 'p2', naam: 'Noor Visser', reden: 'jeugdige van 13 jaar' },
          ],
          ontbreekt: ['p2'],
        },
        wijzigingen: [],
      },
    };
    const { text } = await textOf(await renderPlanPdf(concept));
    expect(text).toContain('concept');
    expect(text).toContain('pas als het is ondertekend en vastgesteld');
    expect(text).toContain('Nog niet ingevuld');
    expect(text).toContain('Er zijn nog geen doelen.');
    expect(text).toContain('ZTM-DEC-SIGN');
    expect(text).toContain('Noor Visser – jeugdige van 13 jaar');
    expect(text).not.toContain('Kim Visser – ouder met gezag');
    expect(text).not.toContain('Wat er veranderd is');
  });

  it('a veiligheidsplan lists its bottom lines; a toekomstplan its domains for the young person', async () => {
    const safety = await textOf(
      await renderPlanPdf({
        ...fixedSupportPlan,
        soort: 'veiligheidsplan',
        versie: {
          ...fixedSupportPlan.versie,
          inhoud: {
            veiligheidsafspraken: 'Bij ruzie gaat vader naar zijn broer.',
            bodemeisen: [{ eis: 'Geen geweld in het bijzijn van de kinderen', wie: 'Oma Jansen' }],
          },
          wijzigingen: [],
        },
      }),
    );
    expect(safety.text).toContain('Veiligheidsplan');
    expect(safety.text).toContain('Veiligheidsafspraken');
    expect(safety.text).toContain(
      'Geen geweld in het bijzijn van de kinderen (let erop: Oma Jansen)',
    );
    expect(safety.text).not.toContain('Afspraken over de casusregie');

    const future = await textOf(
      await renderPlanPdf({
        ...fixedSupportPlan,
        soort: 'toekomstplan',
        jeugdige: 'Noor Visser',
        versie: {
          ...fixedSupportPlan.versie,
          inhoud: {
            perspectief: 'Zelfstandig wonen',
            toekomstdomeinen: { wonen: 'Kamer via Kamers met Kansen' },
          },
          wijzigingen: [],
        },
      }),
    );
    expect(future.text).toContain('Toekomstplan');
    expect(future.text).toContain('voor Noor Visser');
    // RIJ "Toekomstplan" domains.
    for (const d of [
      'Wonen na 18',
      'Mentorschap',
      'School en werk',
      'Wensen en talenten',
      'Veiligheid',
    ])
      expect(future.text).toContain(d);
    expect(future.text).toContain('Kamer via Kamers met Kansen');
  });

  it('a familiegroepsplan carries the family’s network and agreements (ADR 0026)', async () => {
    const family = await textOf(
      await renderPlanPdf({
        ...fixedSupportPlan,
        soort: 'familiegroepsplan',
        versie: {
          ...fixedSupportPlan.versie,
          inhoud: {
            netwerk: [{ naam: 'Oma Jansen', steun: 'Haalt Noor op dinsdag uit school' }],
            afspraken: [
              { id: 'a1', wat: 'Weekschema op de koelkast', wie: 'Kim', wanneer: '2026-04-01' },
              { id: 'a2', wat: 'Samen eten op zondag', wie: 'Oma Jansen', wanneer: '' },
            ],
          },
          wijzigingen: [],
        },
      }),
    );
    expect(family.text).toContain('Netwerk en afspraken van het gezin');
    expect(family.text).toContain('Oma Jansen: Haalt Noor op dinsdag uit school');
    expect(family.text).toContain('Weekschema op de koelkast (wie: Kim; klaar op 1 april 2026)');
    // An agreement without a date says no date.
    expect(family.text).toContain('Samen eten op zondag (wie: Oma Jansen)');

    const empty = await textOf(
      await renderPlanPdf({
        ...fixedSupportPlan,
        soort: 'familiegroepsplan',
        versie: { ...fixedSupportPlan.versie, inhoud: {}, wijzigingen: [] },
      }),
    );
    expect(empty.text).toContain('Er is nog geen netwerk opgeschreven.');
    expect(empty.text).toContain('Er zijn nog geen afspraken opgeschreven.');
    // Other kinds have no family part.
    const support = await textOf(await renderPlanPdf(fixedSupportPlan));
    expect(support.text).not.toContain('Netwerk en afspraken van het gezin');
  });

  it('a long plan flows over several pages, each numbered', async () => {
    const many = Array.from({ length: 14 }, (_, i) =>
      goal(
        i + 1,
        'opvoeding',
        `Doelomschrijving nummer ${i + 1}`,
        'Iedereen ziet het aan het rooster',
      ),
    );
    const { text, pages } = await textOf(
      await renderPlanPdf({
        ...fixedSupportPlan,
        versie: {
          ...fixedSupportPlan.versie,
          inhoud: { ...fixedSupportPlan.versie.inhoud, doelen: many },
        },
      }),
    );
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    expect(text).toContain('Doelomschrijving nummer 14');
  });

  it('every section shown on screen and on paper is a text field of the plan API', () => {
    const shape = planContentSchema.shape as Record<string, unknown>;
    for (const [kind, sections] of Object.entries(PLAN_SECTIONS))
      for (const s of sections) expect(shape[s.key], `${kind}.${s.key}`).toBeDefined();
  });
});
