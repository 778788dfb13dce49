/**
 * The period report of one municipality as a PDF for a council letter (issue 9, ADR 0024):
 * a title block, key figures read from the dashboards' tables, and per dashboard its rules,
 * and per table a bar chart drawn with pdfkit shapes followed by the table itself. It is a
 * public document, so it takes the suppressed tables ("< 5", "x") as they are and derives
 * nothing from a hidden cell. Pure: the tables in, the PDF out.
 */
import { belowLabel, HIDDEN_LABEL } from '../domain/mi/suppress.js';
import { STATUS_LABELS, type Cell, type Table } from '../domain/mi/tables.js';
import { Document, dutchDate } from './pdf-layout.js';

export interface PeriodReportDashboard {
  readonly name: string;
  readonly title: string;
  /** Rule IDs the figures are held against, with a note such as "geldt in elke regio". */
  readonly rules: readonly { readonly rule: string; readonly note: string | null }[];
  readonly tables: readonly Table[];
}

export interface PeriodReportInput {
  readonly municipality: string;
  /** The region as readers know it, e.g. "Regio Lekstroom (LEK)". */
  readonly region: string;
  /** First and last day of the period, `YYYY-MM-DD`. */
  readonly from: string;
  readonly until: string;
  readonly madeAt: Date;
  /** The suppression threshold the tables were made with. */
  readonly threshold: number;
  readonly dashboards: readonly PeriodReportDashboard[];
}

export interface KeyFigure {
  readonly label: string;
  readonly value: string;
  readonly rules: readonly string[];
}

const TOTAL = 'Totaal';
const MUTED = '#555555';
const GRID = '#b8c4d2';
const HEADER_FILL = '#e4ebf3';
/** Rijkshuisstijl colours, distinct in print and for most colour-blind readers. */
const PALETTE = ['#154273', '#e17000', '#39870c', '#a90061', '#007bc7', '#673327'];
/** A rule ID as the profiles spell it: `LEK-TERM-START-AMBULANT`, `ZTM-NORM-CASELOAD`. */
const RULE_ID = /\b[A-Z]{3}-[A-Z]+(?:-[A-Z0-9]+)+\b/g;

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

function cellText(cell: Cell): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? numberFormat.format(cell) : cell;
}

function findTable(input: PeriodReportInput, id: string) {
  for (const dashboard of input.dashboards)
    for (const table of dashboard.tables) if (table.id === id) return { dashboard, table };
  return null;
}

/** The cell of a row under a column heading (the first heading belongs to the labels). */
function cellUnder(table: Table, row: Table['rows'][number], heading: string): Cell {
  const index = table.columns.indexOf(heading) - 1;
  return index < 0 ? null : (row.cells[index] ?? null);
}

const dataRows = (t: Table) => (t.totals ? t.rows.slice(0, -1) : t.rows);
const totalsRow = (t: Table) => (t.totals ? t.rows[t.rows.length - 1] : undefined);

const ruleList = (d: PeriodReportDashboard) =>
  d.rules.map((r) => (r.note ? `${r.rule} (${r.note})` : r.rule));

const NOT_SHOWN = 'niet te tonen (kleine aantallen)';

/**
 * The headline figures of the report, read from the tables as they will be printed (never
 * recomputed from the cases): a figure that would need a hidden cell is "niet te tonen".
 * A table that is missing leaves its figure out.
 */
export function keyFigures(input: PeriodReportInput): KeyFigure[] {
  const figures: KeyFigure[] = [];

  const inflow = findTable(input, 'instroom-route');
  const inflowTotal = inflow ? totalsRow(inflow.table) : undefined;
  if (inflow && inflowTotal) {
    const total = inflowTotal.cells[inflowTotal.cells.length - 1] ?? null;
    figures.push({
      label: 'Instroom: nieuwe casussen in de periode',
      value:
        total === null
          ? 'geen'
          : total === HIDDEN_LABEL
            ? NOT_SHOWN
            : `${cellText(total)} nieuwe casussen`,
      rules: [],
    });
  }

  const waiting = findTable(input, 'wachttijd-route');
  if (waiting) {
    const parts: string[] = [];
    for (const row of waiting.table.rows) {
      const median = cellUnder(waiting.table, row, 'Mediaan (dagen)');
      const started = cellUnder(waiting.table, row, 'Hulp gestart');
      if (typeof median === 'number') parts.push(`${row.label}: ${cellText(median)} dagen`);
      else if (typeof started === 'string') parts.push(`${row.label}: ${NOT_SHOWN}`);
    }
    figures.push({
      label: 'Wachttijd van aanmelding tot start van de hulp (mediaan)',
      value: parts.length > 0 ? parts.join('; ') : 'in de periode is geen hulp gestart',
      rules: ruleList(waiting.dashboard),
    });
  }

  const deadlines = findTable(input, 'termijnen-regel');
  const deadlineTotal = deadlines ? totalsRow(deadlines.table) : undefined;
  if (deadlines && deadlineTotal) {
    const counts = (['met', 'met-late', 'overdue'] as const).map((s) =>
      cellUnder(deadlines.table, deadlineTotal, STATUS_LABELS[s]),
    );
    const [met, late, overdue] = counts;
    let value: string;
    if (typeof met !== 'number' || typeof late !== 'number' || typeof overdue !== 'number')
      value = NOT_SHOWN;
    else if (met + late + overdue === 0) value = 'in de periode is geen termijn verstreken';
    else {
      const decided = met + late + overdue;
      value = `${Math.round((met / decided) * 100)}% op tijd (${cellText(met)} van ${cellText(decided)} verstreken termijnen)`;
    }
    figures.push({
      label: 'Termijnen gehaald',
      value,
      rules: [...new Set(dataRows(deadlines.table).flatMap((r) => r.label.match(RULE_ID) ?? []))],
    });
  }

  const caseload = findTable(input, 'caseload-team');
  if (caseload) {
    const parts = caseload.table.rows.map((row) => {
      const ratio = cellUnder(caseload.table, row, 'Bezetting (% van norm)');
      if (typeof ratio === 'number') return `${row.label}: ${cellText(ratio)}%`;
      return `${row.label}: ${typeof cellUnder(caseload.table, row, 'Gezinnen') === 'string' ? NOT_SHOWN : 'geen norm (geen FTE)'}`;
    });
    figures.push({
      label: 'Caseload per team (bezetting als % van de norm)',
      value: parts.length > 0 ? parts.join('; ') : 'geen teams met casusregisseurs',
      rules: ruleList(caseload.dashboard),
    });
  }
  return figures;
}

/** The dashboard's rules, and rule IDs its tables count per row (deadlines per rule). */
function dashboardRules(d: PeriodReportDashboard): string[] {
  const fromRows = d.tables.flatMap((t) =>
    dataRows(t).flatMap((r) => r.label.match(RULE_ID) ?? []),
  );
  const own = new Set(d.rules.map((r) => r.rule));
  return [...ruleList(d), ...[...new Set(fromRows)].filter((id) => !own.has(id))];
}

/** The columns a chart draws: every count of a grid (not its total), else the first figure. */
function chartSeries(t: Table): { index: number; label: string }[] {
  const rows = dataRows(t);
  const columns = t.columns
    .slice(1)
    .map((label, index) => ({ label, index }))
    .filter((c) => !(t.totals && c.label === TOTAL))
    .filter((c) => rows.some((r) => (r.cells[c.index] ?? null) !== null));
  return t.totals ? columns.slice(0, PALETTE.length) : columns.slice(0, 1);
}

/** Cuts a label to fit a width on one line, with an ellipsis. */
function fitted(pdf: PDFKit.PDFDocument, text: string, width: number): string {
  if (pdf.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && pdf.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const CHART_LABEL = 8;
const CHART_VALUE = 7;

function drawChart(doc: Document, t: Table): void {
  const rows = dataRows(t);
  const series = chartSeries(t);
  if (rows.length === 0 || series.length === 0) return;
  const values = rows.flatMap((r) =>
    series.map((s) => r.cells[s.index] ?? null).filter((c): c is number => typeof c === 'number'),
  );
  const max = Math.max(0, ...values);
  if (max === 0) {
    doc.note('Geen grafiek: er is in deze tabel geen aantal boven nul om te tekenen.');
    return;
  }
  const width = doc.contentWidth();
  const labelWidth = Math.min(150, width * 0.32);
  const plotWidth = width - labelWidth - 44;
  const bar = Math.max(4, Math.min(10, 240 / (rows.length * series.length)));
  const groupHeight = Math.max(series.length * bar, CHART_LABEL + 2) + 5;

  // The legend: a swatch and the column heading per series, wrapped over lines.
  const items = series.map((s) => ({ ...s, width: 14 + doc.textWidth(s.label, CHART_LABEL) + 12 }));
  let lines = 1;
  let run = 0;
  for (const item of items) {
    if (run > 0 && run + item.width > width) {
      lines += 1;
      run = 0;
    }
    run += item.width;
  }
  const legendHeight = lines * 12 + 4;
  const legend = () =>
    doc.canvas(legendHeight, (pdf, box) => {
      let x = box.x;
      let y = box.y;
      pdf.font('Helvetica').fontSize(CHART_LABEL);
      items.forEach((item, i) => {
        if (x > box.x && x + item.width > box.x + box.width) {
          x = box.x;
          y += 12;
        }
        pdf
          .rect(x, y + 1, 9, 7)
          .fill(PALETTE[i % PALETTE.length] ?? 'black')
          .fillColor('black')
          .text(item.label, x + 13, y, { lineBreak: false });
        x += item.width;
      });
    });

  if (doc.space() < legendHeight + 2 * groupHeight) doc.newPage();
  legend();
  for (const row of rows) {
    if (doc.space() < groupHeight) {
      doc.newPage();
      legend();
    }
    doc.canvas(groupHeight, (pdf, box) => {
      const plotX = box.x + labelWidth;
      const height = series.length * bar;
      pdf.font('Helvetica').fontSize(CHART_LABEL).fillColor('black');
      pdf.text(
        fitted(pdf, row.label, labelWidth - 8),
        box.x,
        box.y + Math.max(0, (height - CHART_LABEL) / 2),
        { lineBreak: false },
      );
      series.forEach((s, i) => {
        const cell = row.cells[s.index] ?? null;
        const y = box.y + i * bar;
        pdf.fontSize(CHART_VALUE);
        if (typeof cell === 'number') {
          const length = max > 0 ? (Math.max(0, cell) / max) * plotWidth : 0;
          if (length > 0)
            pdf.rect(plotX, y, length, bar - 1).fill(PALETTE[i % PALETTE.length] ?? 'black');
          pdf
            .fillColor('black')
            .text(cellText(cell), plotX + length + 3, y + (bar - 1 - CHART_VALUE) / 2, {
              lineBreak: false,
            });
        } else if (cell !== null)
          pdf
            .fillColor(MUTED)
            .text(cell, plotX + 3, y + (bar - 1 - CHART_VALUE) / 2, { lineBreak: false });
      });
      pdf
        .moveTo(plotX, box.y - 2)
        .lineTo(plotX, box.y + groupHeight - 3)
        .lineWidth(0.5)
        .strokeColor(MUTED)
        .stroke();
    });
  }
  doc.canvas(8, () => undefined);
}

const TABLE_TEXT = 8;
const PAD = 3;

function drawTable(doc: Document, t: Table): void {
  const width = doc.contentWidth();
  // Wide tables give the labels less room, so that figure columns keep about 64 points.
  const labelWidth = Math.max(96, Math.min(170, width - (t.columns.length - 1) * 64));
  const columnWidth = (width - labelWidth) / Math.max(1, t.columns.length - 1);
  const widthOf = (i: number) => (i === 0 ? labelWidth : columnWidth);
  const xOf = (i: number) => (i === 0 ? 0 : labelWidth + (i - 1) * columnWidth);
  // Headings in a smaller size when one of their words would not fit its column.
  const headerSize =
    [TABLE_TEXT, 7.5, 7, 6.5].find((size) =>
      t.columns.every((c, i) =>
        c.split(/\s+/).every((word) => doc.textWidth(word, size, true) <= widthOf(i) - 2 * PAD),
      ),
    ) ?? 6.5;
  const headerHeight =
    Math.max(
      ...t.columns.map((c, i) => doc.textHeight(c, headerSize, widthOf(i) - 2 * PAD, true)),
    ) +
    2 * PAD;
  const rowHeight = (row: Table['rows'][number], bold: boolean) =>
    Math.max(
      doc.textHeight(row.label, TABLE_TEXT, labelWidth - 2 * PAD, bold),
      ...row.cells.map((c) =>
        doc.textHeight(cellText(c) || ' ', TABLE_TEXT, columnWidth - 2 * PAD),
      ),
    ) +
    2 * PAD;

  const header = () =>
    doc.canvas(headerHeight, (pdf, box) => {
      pdf.rect(box.x, box.y, box.width, headerHeight).fill(HEADER_FILL);
      pdf.font('Helvetica-Bold').fontSize(headerSize).fillColor('black');
      t.columns.forEach((heading, i) => {
        pdf.text(heading, box.x + xOf(i) + PAD, box.y + PAD, {
          width: widthOf(i) - 2 * PAD,
          align: i === 0 ? 'left' : 'right',
        });
      });
    });

  const last = t.rows.length - 1;
  // The header starts with at least three rows (or all of them) under it.
  const opening = t.rows
    .slice(0, 3)
    .reduce((sum, row, r) => sum + rowHeight(row, t.totals && r === last), headerHeight);
  if (doc.space() < opening) doc.newPage();
  header();
  t.rows.forEach((row, r) => {
    const isTotal = t.totals && r === last;
    const height = rowHeight(row, isTotal);
    if (doc.space() < height) {
      doc.newPage();
      doc.canvas(13, (pdf, box) => {
        pdf
          .font('Helvetica-Oblique')
          .fontSize(TABLE_TEXT)
          .fillColor(MUTED)
          .text(`${t.title} (vervolg)`, box.x, box.y, { lineBreak: false });
      });
      header();
    }
    doc.canvas(height, (pdf, box) => {
      pdf
        .font(isTotal ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(TABLE_TEXT)
        .fillColor('black');
      pdf.text(row.label, box.x + PAD, box.y + PAD, { width: labelWidth - 2 * PAD });
      row.cells.forEach((cell, c) => {
        pdf.text(cellText(cell), box.x + xOf(c + 1) + PAD, box.y + PAD, {
          width: columnWidth - 2 * PAD,
          align: 'right',
        });
      });
      const lineY = isTotal ? box.y : box.y + height;
      pdf
        .moveTo(box.x, lineY)
        .lineTo(box.x + box.width, lineY)
        .lineWidth(isTotal ? 0.8 : 0.4)
        .strokeColor(isTotal ? 'black' : GRID)
        .stroke();
    });
  });
  if (t.rows.length === 0)
    doc.canvas(14, (pdf, box) => {
      pdf
        .font('Helvetica-Oblique')
        .fontSize(TABLE_TEXT)
        .fillColor(MUTED)
        .text('Geen rijen in deze periode.', box.x + PAD, box.y + PAD, { lineBreak: false });
    });
  doc.canvas(10, () => undefined);
}

export function periodReportFileName(
  input: Pick<PeriodReportInput, 'municipality' | 'from' | 'until'>,
): string {
  const name = input.municipality
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `periodeoverzicht-${name}-${input.from}-${input.until}.pdf`;
}

export function renderPeriodReportPdf(input: PeriodReportInput): Promise<Buffer> {
  const period = `${dutchDate(input.from)} tot en met ${dutchDate(input.until)}`;
  const doc = new Document({
    title: `Periodeoverzicht ${input.municipality}, ${period}`,
    subject: `Managementinformatie jeugdhulp van ${input.municipality}`,
    author: 'casusregie',
    footer: `Periodeoverzicht ${input.municipality} – ${input.from} t/m ${input.until}`,
  });

  doc.title('Periodeoverzicht jeugdhulp', input.municipality);
  doc.facts([
    ['Gemeente', input.municipality],
    ['Regio', input.region],
    ['Periode', period],
    ['Gemaakt op', dutchDate(input.madeAt.toISOString())],
  ]);
  doc.note(
    `Dit is een openbaar overzicht. Aantallen van 1 tot ${input.threshold} staan als "${belowLabel(input.threshold)}"; ` +
      `een aantal waaruit zo'n klein aantal af te leiden zou zijn staat als "${HIDDEN_LABEL}". ` +
      'Een nul wordt wel getoond: die wijst niemand aan. De grafieken tekenen geen onderdrukt aantal; ' +
      'op de plaats van de staaf staat dan het teken.',
  );

  doc.heading('Kerncijfers');
  const figures = keyFigures(input);
  if (figures.length === 0) doc.note('Er zijn geen kerncijfers voor deze periode.');
  for (const f of figures)
    doc.field(f.rules.length > 0 ? `${f.label} – ${f.rules.join(', ')}` : f.label, f.value);

  for (const d of input.dashboards) {
    // A dashboard's heading, its rules and the start of its first table stay together.
    if (doc.space() < 200) doc.newPage();
    doc.heading(d.title);
    const rules = dashboardRules(d);
    doc.paragraph(
      rules.length > 0
        ? `Getoetst aan: ${rules.join(', ')}.`
        : 'Getoetst aan: geen regel; deze cijfers tellen alleen.',
    );
    if (d.tables.length === 0) doc.note('Voor dit onderdeel zijn er geen cijfers.');
    for (const t of d.tables) {
      // The heading, the legend and the first bars stay together.
      if (doc.space() < 130) doc.newPage();
      doc.subheading(t.title);
      drawChart(doc, t);
      drawTable(doc, t);
    }
  }

  return doc.finish();
}
