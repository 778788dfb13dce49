import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../time/index.js';
import { catalogueChangeProblems, productProblems, selectable, type Product } from './index.js';

const day = (iso: string) => parseIsoDate(iso) ?? Number.NaN;

const ambulant = (overrides: Partial<Product> = {}): Product => ({
  code: '45A03',
  category: '45',
  name: 'Ambulante gezinsbehandeling',
  segment: 'ambulant',
  freelyAccessible: true,
  unit: '04',
  frequency: '2',
  tariffCents: 9850,
  validFrom: '2026-01-01',
  validTo: null,
  ...overrides,
});

describe('a product in the catalogue', () => {
  it('accepts a well-formed product', () => {
    expect(productProblems(ambulant())).toEqual([]);
  });

  it('names every field that breaks the iJw code lists or is inconsistent', () => {
    const fields = productProblems(
      ambulant({
        code: '46B01',
        category: '99',
        unit: '07',
        frequency: '3',
        tariffCents: -1,
        name: ' ',
        validTo: '2025-12-31',
      }),
    ).map((p) => p.field);
    expect(fields).toEqual(['category', 'name', 'unit', 'frequency', 'tariffCents', 'validTo']);
    expect(productProblems(ambulant({ code: '46B01' }))).toEqual([
      { field: 'code', message: 'de code begint niet met categorie 45' },
    ]);
    expect(productProblems(ambulant({ code: '45-03' }))[0]?.message).toMatch(/bijv\. 45A03/);
  });

  it('is selectable for a new allocation only within its validity', () => {
    const p = ambulant({ validFrom: '2026-01-01', validTo: '2026-12-31' });
    expect(selectable(p, day('2025-12-31'))).toBe(false);
    expect(selectable(p, day('2026-06-01'))).toBe(true);
    expect(selectable(p, day('2026-12-31'))).toBe(true);
    expect(selectable(p, day('2027-01-01'))).toBe(false);
  });
});

describe('changing the catalogue (protocol for product code list changes)', () => {
  const today = day('2026-10-15');

  it('a product with running allocations is end-dated, not removed', () => {
    const running = [{ productCode: '45A03', end: '2027-03-31' }];
    expect(catalogueChangeProblems([ambulant()], [], today, running)).toEqual([
      expect.objectContaining({
        code: '45A03',
        field: 'product',
        message: expect.stringMatching(/einddatum in plaats van/),
      }),
    ]);
    // End-dating it from 1 January keeps the running allocation valid: no conversion.
    expect(
      catalogueChangeProblems([ambulant()], [ambulant({ validTo: '2026-12-31' })], today, running),
    ).toEqual([]);
    // Without running allocations it may go.
    expect(
      catalogueChangeProblems([ambulant()], [], today, [
        { productCode: '45A03', end: '2026-09-30' },
      ]),
    ).toEqual([]);
  });

  it('the first load records the catalogue as it already holds', () => {
    expect(catalogueChangeProblems([], [ambulant({ validFrom: '2026-01-01' })], today, [])).toEqual(
      [],
    );
  });

  it('nothing changes with retroactive effect', () => {
    const problems = catalogueChangeProblems(
      [ambulant()],
      [
        ambulant({ validTo: '2026-09-30', tariffCents: 9900 }),
        ambulant({ code: '45A04', validFrom: '2026-10-01' }),
      ],
      today,
      [],
    );
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['45A03', 'validTo'],
      ['45A03', 'tariffCents'],
      ['45A04', 'validFrom'],
    ]);
  });

  it('category, unit and frequency belong to the product; a change needs a new product', () => {
    const problems = catalogueChangeProblems([ambulant()], [ambulant({ unit: '01' })], today, []);
    expect(problems).toEqual([
      expect.objectContaining({ field: 'unit', message: expect.stringMatching(/nieuw product/) }),
    ]);
  });

  it('a new product from 1 January with a new code is the preferred way; 2015 categories are closed', () => {
    expect(
      catalogueChangeProblems(
        [ambulant()],
        [
          ambulant({ validTo: '2026-12-31' }),
          ambulant({ code: '45A13', validFrom: '2027-01-01', tariffCents: 10100 }),
        ],
        today,
        [{ productCode: '45A03', end: null }],
      ),
    ).toEqual([]);
    expect(
      catalogueChangeProblems(
        [],
        [ambulant({ code: '32A01', category: '32', validFrom: '2027-01-01' })],
        today,
        [],
      )[0]?.message,
    ).toMatch(/2015/);
    expect(
      catalogueChangeProblems(
        [],
        [ambulant({ validFrom: '2027-01-01' }), ambulant({ validFrom: '2027-01-01' })],
        today,
        [],
      )[0]?.message,
    ).toMatch(/twee keer/);
  });
});
