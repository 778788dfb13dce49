/**
 * The region's contracts as CSV, one line per provider under a contract partner: the partner
 * (main contractor) and the provider with their AGB codes, the product codes it may deliver
 * (separated by spaces or commas) and the period. A partner's own care is a line with its own
 * AGB code as provider. Import is all or nothing, like the catalogue.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { contractProblems, type Contract } from '../domain/allocation/index.js';
import { dutchDate, isoDate, type CsvProblem } from './csv.js';

export const CONTRACT_COLUMNS = [
  'hoofdaannemer_agb',
  'hoofdaannemer',
  'aanbieder_agb',
  'aanbieder',
  'producten',
  'geldig_van',
  'geldig_tot',
] as const;
type Column = (typeof CONTRACT_COLUMNS)[number];

const FIELD_COLUMN: Record<keyof Contract, Column> = {
  partnerAgb: 'hoofdaannemer_agb',
  partnerName: 'hoofdaannemer',
  providerAgb: 'aanbieder_agb',
  providerName: 'aanbieder',
  products: 'producten',
  validFrom: 'geldig_van',
  validTo: 'geldig_tot',
};

export type ContractCsvResult =
  | { readonly ok: true; readonly contracts: Contract[] }
  | { readonly ok: false; readonly problems: CsvProblem[] };

/** Reads the CSV and checks every line against the region's product codes. */
export function parseContractCsv(
  text: string,
  catalogueCodes: ReadonlySet<string>,
): ContractCsvResult {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  let rows: string[][];
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
  const missing = CONTRACT_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return {
      ok: false,
      problems: missing.map((c) => ({ line: 1, column: c, message: 'deze kolom ontbreekt' })),
    };
  const contracts = body.map((row): Contract => {
    const cell = (c: Column) => row[header.indexOf(c)] ?? '';
    return {
      partnerAgb: cell('hoofdaannemer_agb'),
      partnerName: cell('hoofdaannemer'),
      providerAgb: cell('aanbieder_agb'),
      providerName: cell('aanbieder'),
      products: cell('producten')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((p) => p.toUpperCase()),
      validFrom: isoDate(cell('geldig_van')),
      validTo: cell('geldig_tot') === '' ? null : isoDate(cell('geldig_tot')),
    };
  });
  const problems = contractProblems(contracts, catalogueCodes).map((p) => ({
    line: p.index + 2,
    column: FIELD_COLUMN[p.field],
    message: p.message,
  }));
  return problems.length > 0
    ? { ok: false, problems: problems.sort((a, b) => a.line - b.line) }
    : { ok: true, contracts };
}

export function contractCsv(contracts: readonly Contract[]): string {
  return stringify(
    contracts.map((c) => [
      c.partnerAgb,
      c.partnerName,
      c.providerAgb,
      c.providerName,
      c.products.join(' '),
      dutchDate(c.validFrom),
      dutchDate(c.validTo),
    ]),
    { delimiter: ';', header: true, columns: [...CONTRACT_COLUMNS] },
  );
}
