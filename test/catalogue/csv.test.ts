/**
 * The product catalogue (GRO) through CSV: a spreadsheet export with semicolons, decimal
 * commas and Dutch dates is read into products; every bad cell is reported by line and
 * column and nothing is imported while any remains; export → import gives the same products.
 */
import { describe, expect, it } from 'vitest';
import { catalogueCsv, parseCatalogueCsv } from '../../src/catalogue/csv.js';

const HEADER =
  'productcode;categorie;naam;segment;vrij_toegankelijk;eenheid;frequentie;tarief;geldig_van;geldig_tot';

describe('product catalogue CSV', () => {
  it('reads a spreadsheet export with decimal commas and Dutch dates', () => {
    const result = parseCatalogueCsv(
      `\uFEFF${HEADER}\n45A03;45;Ambulante gezinsbehandeling;ambulant;ja;04;2;98,50;01-01-2026;\n43A01;43;Verblijf met behandeling;verblijf;nee;14;1;€ 412,00;2026-01-01;31-12-2026\n`,
    );
    expect(result).toEqual({
      ok: true,
      products: [
        expect.objectContaining({
          code: '45A03',
          tariffCents: 9850,
          freelyAccessible: true,
          validFrom: '2026-01-01',
          validTo: null,
        }),
        expect.objectContaining({
          code: '43A01',
          tariffCents: 41200,
          freelyAccessible: false,
          unit: '14',
          validTo: '2026-12-31',
        }),
      ],
    });
  });

  it('reports every bad cell by line and column and imports nothing', () => {
    const result = parseCatalogueCsv(
      `${HEADER}\n45A03;45;Ambulant;ambulant;misschien;04;2;98,50;01-01-2026;\n46X1;46;Crisis;crisis;ja;99;2;veel;31-02-2026;\n45A03;45;Dubbel;ambulant;ja;04;2;1;01-01-2026;\n`,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'vrij_toegankelijk'],
      [3, 'tarief'],
      [3, 'productcode'],
      [3, 'segment'],
      [3, 'eenheid'],
      [3, 'geldig_van'],
      [4, 'productcode'],
    ]);
    expect(result.problems.at(-1)?.message).toBe('staat ook op regel 2');
  });

  it('names missing columns', () => {
    const result = parseCatalogueCsv('productcode;naam\n45A03;x\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.column)).toContain('tarief');
  });

  it('export and import give the same products', () => {
    const first = parseCatalogueCsv(
      `${HEADER}\n45A03;45;Ambulante gezinsbehandeling;ambulant;ja;04;2;98,5;01-01-2026;31-12-2026\n`,
    );
    if (!first.ok) throw new Error('fixture');
    const again = parseCatalogueCsv(catalogueCsv(first.products));
    expect(again).toEqual(first);
    expect(catalogueCsv(first.products)).toContain(
      '45A03;45;Ambulante gezinsbehandeling;ambulant;ja;04;2;98,50;01-01-2026;31-12-2026',
    );
  });
});
