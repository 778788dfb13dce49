/**
 * The period report as a PDF (issue 9): built from hand-written dashboard tables in the
 * suppressed view, rendered with pdfkit and read back with pdf-parse. The key figures are read
 * from the tables as printed; where one would need a hidden cell it says so instead of a
 * number. The true counts behind the hidden cells are written in the comments below; none of
 * them, nor a figure derived from them, may reach the text.
 */
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import {
  keyFigures,
  periodReportFileName,
  renderPeriodReportPdf,
  type PeriodReportInput,
} from '../../src/documents/period-report-pdf.js';

async function textOf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text.replace(/\s+/g, ' '), pages: result.total };
  } finally {
    await parser.destroy();
  }
}

const input: PeriodReportInput = {
  municipality: 'Gemeente Lekkerkerk',
  region: 'Regio Lekstroom (LEK)',
  from: '2026-01-01',
  until: '2026-03-31',
  madeAt: new Date('2026-04-02T08:00:00Z'),
  threshold: 5,
  dashboards: [
    {
      name: 'caseload',
      title: 'Caseload tegen de norm',
      rules: [{ rule: 'ZTM-NORM-CASELOAD', note: 'geldt in elke regio' }],
      tables: [
        {
          id: 'caseload-team',
          title: 'Caseload per team',
          columns: ['Team', 'Gezinnen', 'FTE', 'Norm (gezinnen)', 'Bezetting (% van norm)'],
          rows: [
            // 27 families / (2.5 FTE × 13 = 32.5) = 0.8307 → 83%.
            { label: 'Team Noord', cells: [27, 2.5, 32.5, 83] },
            // Truly 3 families: 3 / 13 = 23% must not be shown.
            { label: 'Team Zuid', cells: ['< 5', 1, 13, null] },
          ],
          totals: false,
        },
      ],
    },
    {
      name: 'instroom',
      title: 'Instroom per route en verwijzer',
      rules: [],
      tables: [
        {
          id: 'instroom-route',
          title: 'Nieuwe casussen per maand en route',
          columns: ['Maand', 'Route A', 'Route B', 'Route C', 'Totaal'],
          // True counts: jan A 12, C 3 (row 15); feb A 17, B 6 (23); mrt A 9 (9); total 47.
          rows: [
            { label: 'jan 2026', cells: ['x', 0, '< 5', 'x'] },
            { label: 'feb 2026', cells: [17, 6, 0, 23] },
            { label: 'mrt 2026', cells: ['x', 0, 0, 'x'] },
            { label: 'Totaal', cells: ['x', 6, '< 5', 47] },
          ],
          totals: true,
        },
      ],
    },
    {
      name: 'wachttijden',
      title: 'Wachttijd tot de start van de hulp',
      rules: [{ rule: 'LEK-TERM-START-AMBULANT', note: null }],
      tables: [
        {
          id: 'wachttijd-route',
          title: 'Wachttijd van aanmelding tot start van de hulp (dagen)',
          columns: ['Route', 'Hulp gestart', 'Wacht nog', 'Mediaan (dagen)', 'P90 (dagen)'],
          rows: [
            { label: 'Route A', cells: [31, 8, 24, 61] },
            { label: 'Route B', cells: ['< 5', 0, null, null] },
            { label: 'Route C', cells: [0, 0, null, null] },
          ],
          totals: false,
        },
      ],
    },
    {
      name: 'termijnen',
      title: 'Termijnen per regel',
      rules: [],
      tables: [
        {
          id: 'termijnen-regel',
          title: 'Termijnen per regel',
          columns: ['Regel', 'Op tijd', 'Te laat', 'Verlopen', 'Loopt nog', 'Totaal'],
          // True totals: 23 on time, 2 late, 7 overdue, 11 open (43). On time of the
          // deadlines that passed: 23 / (23 + 2 + 7) = 71.9% → 72%; reading "< 5" as 0 would
          // give 23 / 30 = 76.7% → 77%. Neither may be printed.
          rows: [
            { label: 'LEK-TERM-START-AMBULANT', cells: [14, '< 5', 7, 'x', 29] },
            { label: 'LEK-TERM-INTAKE-AMBULANT', cells: ['x', 0, 0, 'x', 14] },
            { label: 'Totaal', cells: [23, '< 5', 7, 'x', 43] },
          ],
          totals: true,
        },
      ],
    },
  ],
};

describe('the period report PDF', () => {
  it('reads the key figures from the tables and shows none that needs a hidden cell', () => {
    expect(keyFigures(input)).toEqual([
      { label: 'Instroom: nieuwe casussen in de periode', value: '47 nieuwe casussen', rules: [] },
      {
        label: 'Wachttijd van aanmelding tot start van de hulp (mediaan)',
        value: 'Route A: 24 dagen; Route B: niet te tonen (kleine aantallen)',
        rules: ['LEK-TERM-START-AMBULANT'],
      },
      {
        label: 'Termijnen gehaald',
        value: 'niet te tonen (kleine aantallen)',
        rules: ['LEK-TERM-START-AMBULANT', 'LEK-TERM-INTAKE-AMBULANT'],
      },
      {
        label: 'Caseload per team (bezetting als % van de norm)',
        value: 'Team Noord: 83%; Team Zuid: niet te tonen (kleine aantallen)',
        rules: ['ZTM-NORM-CASELOAD (geldt in elke regio)'],
      },
    ]);
  });

  it('gives the share of deadlines met when the counts are shown', () => {
    const shown: PeriodReportInput = {
      ...input,
      dashboards: [
        {
          name: 'termijnen',
          title: 'Termijnen per regel',
          rules: [],
          tables: [
            {
              id: 'termijnen-regel',
              title: 'Termijnen per regel',
              columns: ['Regel', 'Op tijd', 'Te laat', 'Verlopen', 'Loopt nog', 'Totaal'],
              rows: [
                { label: 'LEK-TERM-START-AMBULANT', cells: [18, 6, 0, 7, 31] },
                { label: 'Totaal', cells: [18, 6, 0, 7, 31] },
              ],
              totals: true,
            },
          ],
        },
      ],
    };
    // 18 on time of 18 + 6 + 0 = 24 passed deadlines: 0.75 → 75%; the 7 open ones do not count.
    expect(keyFigures(shown)).toEqual([
      {
        label: 'Termijnen gehaald',
        value: '75% op tijd (18 van 24 verstreken termijnen)',
        rules: ['LEK-TERM-START-AMBULANT'],
      },
    ]);
  });

  it('holds the title block, the rules, every table with its numbers and the marks', async () => {
    const { text } = await textOf(await renderPeriodReportPdf(input));
    expect(text).toContain('Periodeoverzicht jeugdhulp');
    expect(text).toContain('Gemeente Lekkerkerk');
    expect(text).toContain('Regio Lekstroom (LEK)');
    expect(text).toContain('1 januari 2026 tot en met 31 maart 2026');
    expect(text).toContain('2 april 2026');
    expect(text).toContain('Kerncijfers');
    for (const d of input.dashboards) {
      expect(text).toContain(d.title);
      for (const t of d.tables) expect(text).toContain(t.title);
    }
    expect(text).toContain('Getoetst aan: ZTM-NORM-CASELOAD (geldt in elke regio).');
    expect(text).toContain('Getoetst aan: LEK-TERM-START-AMBULANT, LEK-TERM-INTAKE-AMBULANT.');
    expect(text).toContain('47 nieuwe casussen');
    expect(text).toContain('Team Noord: 83%');
    expect(text).toContain('Route A: 24 dagen');
    // Table cells, Dutch decimals: 2.5 FTE and a norm of 32.5 families.
    expect(text).toContain('32,5');
    expect(text).toContain('2,5');
    expect(text).toMatch(/Route A 31 8 24 61/);
    expect(text).toMatch(/feb 2026 17 6 0 23/);
    expect(text).toMatch(/Totaal x 6 < 5 47/);
    expect(text).toContain('< 5');
    expect(text).toContain('pagina 1 van');
  });

  it('prints no hidden count and no figure derived from one', async () => {
    const { text } = await textOf(await renderPeriodReportPdf(input));
    // Team Zuid's 3 families against 13: 23%. Deadlines on time: 72% (true) or 77% ("< 5" as 0).
    for (const derived of ['23%', '72%', '77%', '23 %', '72 %', '77 %'])
      expect(text).not.toContain(derived);
    // The hidden January (12 + 3 = 15) and March (9) inflow, as cells of their rows.
    expect(text).not.toMatch(/jan 2026 12/);
    expect(text).not.toMatch(/jan 2026 \S+ 0 \S+ 15/);
    expect(text).not.toMatch(/mrt 2026 9/);
    expect(text).toContain('Termijnen gehaald');
    expect(text).toMatch(/Termijnen gehaald[^:]*niet te tonen \(kleine aantallen\)/);
  });

  it('continues a long table on the next page with its header repeated', async () => {
    const providers = Array.from({ length: 70 }, (_, i) => ({
      label: `Aanbieder ${String(i + 1).padStart(2, '0')}`,
      cells: [100 + i, i % 3 === 0 ? '< 5' : 10 + i],
    }));
    const long: PeriodReportInput = {
      ...input,
      dashboards: [
        {
          name: 'aanbieders',
          title: 'Aanbieders',
          rules: [],
          tables: [
            {
              id: 'aanbieders-prestaties',
              title: 'Prestaties per aanbieder',
              columns: ['Aanbieder', 'Trajecten', 'Beëindigd'],
              rows: providers,
              totals: false,
            },
          ],
        },
      ],
    };
    const { text, pages } = await textOf(await renderPeriodReportPdf(long));
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    expect(text).toContain('Prestaties per aanbieder (vervolg)');
    // The header comes back on every page the table continues on.
    const headers = text.match(/Aanbieder Trajecten Beëindigd/g) ?? [];
    expect(headers.length).toBeGreaterThan(1);
    expect(text).toMatch(/Aanbieder 70 169 < 5/);
    expect(text).toMatch(/Aanbieder 69 168 78/);
  });

  it('names the download after the municipality and the period', () => {
    expect(periodReportFileName(input)).toBe(
      'periodeoverzicht-gemeente-lekkerkerk-2026-01-01-2026-03-31.pdf',
    );
  });
});
