/**
 * The typesetting our documents share (pdfkit, A4, built-in Helvetica which covers the Dutch
 * accents): a title block, section headings, label–value fields that keep together on a
 * page, and a footer with the document's name and "pagina X van Y" on every page.
 */
import PDFDocument from 'pdfkit';

const MARGIN = 56;
const ACCENT = '#154273';
const MUTED = '#555555';
const BODY = 10.5;

/** Dutch long dates on the Amsterdam clock: "2 maart 2026". */
const longDate = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const longDateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-03-02` (a calendar day) or an ISO instant → "2 maart 2026" (plus the time for instants). */
export function dutchDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return longDate.format(new Date(`${value}T12:00:00Z`));
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : longDateTime.format(at).replace(',', ' om');
}

export class Document {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly finished: Promise<Buffer>;

  constructor(
    private readonly meta: { title: string; subject: string; footer: string; author: string },
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
      bufferPages: true,
      lang: 'nl-NL',
      displayTitle: true,
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Author: meta.author,
        Creator: 'casusregie',
      },
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.finished = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.font('Helvetica').fontSize(BODY).fillColor('black');
  }

  private get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  private keep(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom)
      this.doc.addPage();
  }

  title(title: string, subtitle: string): this {
    this.doc
      .font('Helvetica-Bold')
      .fontSize(22)
      .fillColor(ACCENT)
      .text(title, { width: this.width });
    this.doc
      .font('Helvetica')
      .fontSize(14)
      .fillColor('black')
      .text(subtitle, { width: this.width });
    this.doc.moveDown(0.6);
    return this;
  }

  /** Short facts under the title, as "label: value" lines. */
  facts(items: readonly (readonly [string, string])[]): this {
    for (const [label, value] of items) {
      this.doc.font('Helvetica-Bold').fontSize(BODY).fillColor('black').text(`${label}: `, {
        continued: true,
        width: this.width,
      });
      this.doc.font('Helvetica').text(value || '—');
    }
    this.doc.moveDown(0.4);
    return this;
  }

  note(text: string): this {
    this.doc.font('Helvetica-Oblique').fontSize(9.5).fillColor(MUTED).text(text, {
      width: this.width,
    });
    this.doc.fillColor('black').moveDown(0.4);
    return this;
  }

  heading(text: string): this {
    this.keep(60);
    this.doc.moveDown(0.6);
    this.doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .fillColor(ACCENT)
      .text(text, { width: this.width });
    const y = this.doc.y + 2;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .lineWidth(0.6)
      .strokeColor(ACCENT)
      .stroke();
    this.doc.fillColor('black').moveDown(0.5);
    return this;
  }

  subheading(text: string): this {
    this.keep(48);
    this.doc.moveDown(0.3);
    this.doc.font('Helvetica-Bold').fontSize(11.5).fillColor('black').text(text, {
      width: this.width,
    });
    this.doc.moveDown(0.15);
    return this;
  }

  /** A label with its text below it; an empty text shows "Nog niet ingevuld". */
  field(label: string, value: string | null | undefined): this {
    const text = (value ?? '').trim();
    const height =
      this.doc.font('Helvetica-Bold').fontSize(9.5).heightOfString(label, { width: this.width }) +
      this.doc
        .font('Helvetica')
        .fontSize(BODY)
        .heightOfString(text || '—', { width: this.width });
    this.keep(Math.min(height + 8, 200));
    this.doc
      .font('Helvetica-Bold')
      .fontSize(9.5)
      .fillColor(MUTED)
      .text(label, { width: this.width });
    if (text)
      this.doc
        .font('Helvetica')
        .fontSize(BODY)
        .fillColor('black')
        .text(text, { width: this.width });
    else
      this.doc
        .font('Helvetica-Oblique')
        .fontSize(BODY)
        .fillColor(MUTED)
        .text('Nog niet ingevuld', { width: this.width });
    this.doc.fillColor('black').moveDown(0.45);
    return this;
  }

  paragraph(text: string): this {
    this.doc.font('Helvetica').fontSize(BODY).fillColor('black').text(text, { width: this.width });
    this.doc.moveDown(0.4);
    return this;
  }

  /** A bulleted list. */
  list(items: readonly string[]): this {
    this.doc
      .font('Helvetica')
      .fontSize(BODY)
      .fillColor('black')
      .list([...items], {
        width: this.width - 14,
        bulletRadius: 1.6,
        textIndent: 12,
      });
    this.doc.moveDown(0.4);
    return this;
  }

  /** A line to sign on, with the name under it. */
  signatureLine(name: string, detail: string): this {
    this.keep(60);
    this.doc.moveDown(1.4);
    const y = this.doc.y;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + 220, y)
      .lineWidth(0.5)
      .strokeColor('black')
      .stroke();
    this.doc.moveDown(0.2);
    this.doc.font('Helvetica').fontSize(9.5).text(`${name} – ${detail}`, { width: this.width });
    return this;
  }

  /** The width text and drawings have between the margins. */
  contentWidth(): number {
    return this.width;
  }

  /** Points left for content on the current page. */
  space(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - this.doc.y;
  }

  newPage(): this {
    this.doc.addPage();
    return this;
  }

  /** The height a text takes in the body width (or `width`), to plan a drawing with it. */
  textHeight(text: string, size: number, width?: number, bold = false): number {
    return this.doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .heightOfString(text, { width: width ?? this.width });
  }

  textWidth(text: string, size: number, bold = false): number {
    return this.doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .widthOfString(text);
  }

  /**
   * A drawing of `height` points made with pdfkit itself (charts, tables), at the current
   * position or on a new page when it does not fit; the text continues below it.
   */
  canvas(
    height: number,
    draw: (pdf: PDFKit.PDFDocument, box: { x: number; y: number; width: number }) => void,
  ): this {
    this.keep(height);
    const y = this.doc.y;
    this.doc.save();
    draw(this.doc, { x: MARGIN, y, width: this.width });
    this.doc.restore();
    this.doc.font('Helvetica').fontSize(BODY).fillColor('black');
    this.doc.x = MARGIN;
    this.doc.y = y + height;
    return this;
  }

  /** Writes the footers and returns the finished PDF. */
  async finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('Helvetica')
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(
          `${this.meta.footer} · pagina ${i - range.start + 1} van ${range.count}`,
          MARGIN,
          this.doc.page.height - MARGIN + 10,
          { width: this.width, align: 'center', lineBreak: false },
        );
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    return this.finished;
  }
}
