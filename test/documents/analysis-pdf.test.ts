/**
 * The analysis PDF before anything is recorded and with a development picture per child:
 * every part of step 1 is there, marked "not yet recorded" where empty, and each piece of the
 * needs analysis says where it came from (issue 4 "Needs analysis" and "Documents").
 */
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { renderAnalysisPdf, type AnalysisDocument } from '../../src/documents/analysis-pdf.js';

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

const family: AnalysisDocument = {
  gezin: 'Gezin de Wit',
  regio: 'ZTM',
  route: 'A',
  personen: [
    { id: 'k1', naam: 'Daan de Wit', soort: 'jeugdige', geboortedatum: '2022-05-01' },
    { id: 'k2', naam: 'Fenna de Wit', soort: 'jeugdige', geboortedatum: '2013-02-11' },
    { id: 'o1', naam: 'Sanne de Wit', soort: 'ouder', geboortedatum: null },
  ],
  geschiedenis: [],
  kindcontact: [
    { naam: 'Daan de Wit', vereist: 'zien', voldaan: true },
    { naam: 'Fenna de Wit', vereist: 'spreken', voldaan: false },
  ],
  gemaaktOp: new Date('2026-03-10T11:00:00Z'),
};

describe('analysis PDF', () => {
  it('shows every part of step 1, marked where nothing is recorded yet', async () => {
    const text = await textOf(await renderAnalysisPdf(family));
    expect(text).toContain('Analyse en veiligheid');
    expect(text).toContain(
      'Daan de Wit (geboren 1 mei 2022), Fenna de Wit (geboren 11 februari 2013)',
    );
    for (const part of [
      'Veiligheid direct bij de start',
      'Vraaganalyse',
      'Risicotaxatie',
      'Zwaarte van de regie: criteria',
    ])
      expect(text).toMatch(new RegExp(`${part} Nog niet vastgelegd`));
    expect(text).toContain('Nog geen triagebesluit');
    expect(text).toContain('Daan de Wit: zien – gedaan');
    expect(text).toContain('Fenna de Wit: spreken – nog niet gedaan');
    expect(text).toContain('ZTM-DEC-CHILD-CONTACT');
  });

  it('gives the development of each child per area with its source', async () => {
    const text = await textOf(
      await renderAnalysisPdf({
        ...family,
        geschiedenis: [
          {
            soort: 'vraaganalyse',
            op: '2026-03-09T10:00:00Z',
            door: 'J. Jansen',
            inhoud: {
              ontwikkeling: [
                {
                  jeugdigeId: 'k2',
                  gebied: 'leren',
                  tekst: 'Leerachterstand rekenen',
                  bron: 'document',
                },
                { jeugdigeId: 'k1', gebied: 'lichamelijk', tekst: 'Slaapt slecht', bron: 'ouder' },
              ],
              gezinStaatAchterHulp: true,
              gezinKanRegieVoeren: false,
              leefgebieden: ['opvoeding'],
              coSignalen: ['draaglast'],
            },
          },
        ],
      }),
    );
    expect(text).toContain(
      'Ontwikkeling van Daan de Wit Lichamelijk functioneren Slaapt slecht (bron: ouder)',
    );
    expect(text).toContain(
      'Ontwikkeling van Fenna de Wit Leren Leerachterstand rekenen (bron: document)',
    );
    expect(text).toContain('Staat het gezin achter de hulp? Ja');
    expect(text).toContain('Kan het gezin de casusregie zelf voeren? Nee');
    expect(text).toContain('Draaglast en draagkracht uit balans');
    expect(text).toContain('Vastgelegd op 9 maart 2026 om 11:00 door J. Jansen.');
  });
});
