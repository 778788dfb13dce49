/**
 * The record as a PDF (Jeugdwet 7.3.10; ADR 0019): rendered with pdfkit and read back with
 * pdf-parse for a demo-like family. The names, the timeline and the notice that something was
 * withheld are there; the withheld item's text is not.
 */
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { renderRecordPdf } from '../../src/documents/record-pdf.js';
import { buildRecordExport, type RecordContent } from '../../src/domain/privacy/record.js';

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

const content: RecordContent = {
  casus: {
    id: '6f1c2d3e-0000-4000-8000-000000000001',
    regio: 'LEK',
    route: 'A',
    segment: 'ambulant',
    maatregel: null,
    stap: 'plan',
    aangemeldOp: '2026-03-02T08:00:00.000Z',
    afgeslotenOp: null,
  },
  gezin: {
    naam: 'Gezin Öztürk',
    personen: [
      { id: 'p1', soort: 'jeugdige', naam: 'Elif Öztürk', geboortedatum: '2013-05-20', bsn: null },
      { id: 'p2', soort: 'ouder', naam: 'Ayşe Öztürk', geboortedatum: null, bsn: null },
    ],
  },
  rollen: [
    {
      rol: 'casusregie',
      houder: 'professional',
      organisatie: 'Sociaal team Lekstroom',
      medewerker: 'Joris de Boer',
      vanaf: '2026-03-02T08:00:00.000Z',
      tot: null,
      reden: 'aanmelding',
    },
  ],
  tijdlijn: [
    {
      id: '1',
      type: 'aanmelding',
      op: '2026-03-02T08:00:00.000Z',
      soort: null,
      datum: null,
      notitie: null,
    },
    {
      id: '2',
      type: 'notitie',
      op: '2026-03-05T09:00:00.000Z',
      soort: null,
      datum: null,
      notitie: 'Eerste huisbezoek: Elif slaapt slecht sinds de verhuizing.',
    },
    {
      id: '3',
      type: 'notitie',
      op: '2026-03-06T09:00:00.000Z',
      soort: null,
      datum: null,
      notitie: 'Tante vertelt over haar eigen schulden.',
    },
  ],
  plannen: [
    {
      id: 'plan1',
      soort: 'ondersteuningsplan',
      versies: [
        {
          id: 'v1',
          versie: 1,
          status: 'vastgesteld',
          ingangsdatum: '2026-03-10',
          vastgesteldOp: '2026-03-12T10:00:00.000Z',
          inhoud: { uitkomstAnalyse: 'Rust en regelmaat in huis.' },
        },
      ],
    },
  ],
  beoordelingen: [],
  evaluaties: [],
  verslagen: [],
  overdrachten: [],
  afsluiting: null,
  toegangslog: [
    {
      op: '2026-03-05T09:05:00.000Z',
      medewerker: 'Joris de Boer',
      organisatie: 'Sociaal team Lekstroom',
      rol: 'casusregisseur',
      handeling: 'casus.lezen',
    },
  ],
};

describe('the record as a PDF', () => {
  it('shows the family, the timeline and the withheld notice, not the withheld text', async () => {
    const record = buildRecordExport(
      content,
      { id: 'r1', ontvangenOp: '2026-03-19', verzoeker: { naam: 'Ayşe Öztürk', soort: 'ouder' } },
      [{ kind: 'tijdlijn', itemId: '3' }],
      '2026-03-20T09:00:00.000Z',
    );
    const pdf = await renderRecordPdf(record);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('Afschrift van het dossier');
    expect(text).toContain('Gezin Öztürk');
    expect(text).toContain('Elif Öztürk');
    expect(text).toContain('Joris de Boer');
    expect(text).toContain('Elif slaapt slecht sinds de verhuizing.');
    expect(text).toContain('Rust en regelmaat in huis.');
    expect(text).toContain('Niet opgenomen');
    expect(text).toContain('7.3.10');
    expect(text).not.toContain('schulden');
  });

  it('says nothing about withholding when nothing was withheld', async () => {
    const record = buildRecordExport(
      content,
      {
        id: 'r1',
        ontvangenOp: '2026-03-19',
        verzoeker: { naam: 'Elif Öztürk', soort: 'jeugdige' },
      },
      [],
      '2026-03-20T09:00:00.000Z',
    );
    const text = await textOf(await renderRecordPdf(record));
    expect(text).not.toContain('Niet opgenomen');
    expect(text).toContain('Tante vertelt over haar eigen schulden.');
  });
});
