/**
 * The product catalogue as CSV, the way a region's purchasing team keeps it in a spreadsheet:
 * semicolons, a header row with Dutch column names, amounts with a decimal comma and dates as
 * dd-mm-jjjj (ISO dates are accepted too). Import is all or nothing: every problem is
 * reported with its line and column, and nothing is returned while any remains.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { productProblems, type Product } from '../domain/catalogue/index.js';
import type { Segment } from '../domain/rules/types.js';

export const CATALOGUE_COLUMNS = [
  'productcode',
  'categorie',
  'naam',
  'segment',
  'vrij_toegankelijk',
  'eenheid',
  'frequentie',
  'tarief',
  'geldig_van',
  'geldig_tot',
] as const;
type Column = (typeof CATALOGUE_COLUMNS)[number];

const FIELD_COLUMN: Record<keyof Product | 'product', Column> = {
  code: 'productcode',
  category: 'categorie',
  name: 'naam',
  segment: 'segment',
  freelyAccessible: 'vrij_toegankelijk',
  unit: 'eenheid',
  frequency: 'frequentie',
  tariffCents: 'tarief',
  validFrom: 'geldig_van',
  validTo: 'geldig_tot',
  product: 'productcode',
};

export interface CsvProblem {
  /** Line in the file (the header is line 1). */
  readonly line: number;
  readonly column: string;
  readonly message: string;
}

export type CsvResult =
  | { readonly ok: true; readonly products: Product[] }
  | { readonly ok: false; readonly problems: CsvProblem[] };

/** `dd-mm-jjjj` or `jjjj-mm-dd` → `jjjj-mm-dd`; anything else is returned as typed. */
export function isoDate(text: string): string {
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  return dutch
    ? `${dutch[3]}-${(dutch[2] ?? '').padStart(2, '0')}-${(dutch[1] ?? '').padStart(2, '0')}`
    : text;
}

/** "98,50", "98.50", "€ 98,50" → 9850 cents; null when it is not an amount. */
function cents(text: string): number | null {
  const m = /^(?:€\s*)?(\d+)(?:[,.](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export function parseCatalogueCsv(text: string): CsvResult {
  let rows: string[][];
  const clean = text.replace(/^\uFEFF/, '');
  // Dutch spreadsheets separate with ';' (the comma is the decimal sign); plain CSV with ','.
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  try {
    rows = parse(clean, {
      delimiter: firstLine.includes(';') ? ';' : ',',
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          line: (error as { lines?: number }).lines ?? 1,
          column: '',
          message: 'dit is geen leesbaar CSV-bestand',
        },
      ],
    };
  }
  const [head, ...body] = rows;
  const header = (head ?? []).map((h) => h.toLowerCase());
  const missing = CATALOGUE_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return {
      ok: false,
      problems: missing.map((c) => ({ line: 1, column: c, message: 'deze kolom ontbreekt' })),
    };
  const problems: CsvProblem[] = [];
  const products: Product[] = [];
  body.forEach((row, i) => {
    const line = i + 2;
    const cell = (c: Column) => row[header.indexOf(c)] ?? '';
    const yesNo = cell('vrij_toegankelijk').toLowerCase();
    if (!['ja', 'nee'].includes(yesNo))
      problems.push({ line, column: 'vrij_toegankelijk', message: 'vul ja of nee in' });
    const tariff = cents(cell('tarief'));
    if (tariff === null)
      problems.push({ line, column: 'tarief', message: 'geen bedrag, bijv. 98,50' });
    const product: Product = {
      code: cell('productcode').toUpperCase(),
      category: cell('categorie').padStart(2, '0'),
      name: cell('naam'),
      segment: cell('segment') as Segment,
      freelyAccessible: yesNo === 'ja',
      unit: cell('eenheid').padStart(2, '0'),
      frequency: cell('frequentie'),
      tariffCents: tariff ?? 0,
      validFrom: isoDate(cell('geldig_van')),
      validTo: cell('geldig_tot') === '' ? null : isoDate(cell('geldig_tot')),
    };
    for (const p of productProblems(product))
      if (!(p.field === 'tariffCents' && tariff === null))
        problems.push({ line, column: FIELD_COLUMN[p.field], message: p.message });
    products.push(product);
  });
  const seen = new Map<string, number>();
  products.forEach((p, i) => {
    const first = seen.get(p.code);
    if (first !== undefined)
      problems.push({
        line: i + 2,
        column: 'productcode',
        message: `staat ook op regel ${first}`,
      });
    else seen.set(p.code, i + 2);
  });
  return problems.length > 0
    ? { ok: false, problems: problems.sort((a, b) => a.line - b.line) }
    : { ok: true, products };
}

export const dutchDate = (iso: string | null): string =>
  iso === null ? '' : `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

export function catalogueCsv(products: readonly Product[]): string {
  return stringify(
    products.map((p) => [
      p.code,
      p.category,
      p.name,
      p.segment,
      p.freelyAccessible ? 'ja' : 'nee',
      p.unit,
      p.frequency,
      `${Math.floor(p.tariffCents / 100)},${String(p.tariffCents % 100).padStart(2, '0')}`,
      dutchDate(p.validFrom),
      dutchDate(p.validTo),
    ]),
    { delimiter: ';', header: true, columns: [...CATALOGUE_COLUMNS] },
  );
}
