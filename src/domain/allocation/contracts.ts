/**
 * Contracts (GRO "Inkoop", DOMAIN.md section 6): a region contracts a small number of
 * contract partners (main contractors), and each partner brings the providers it does the
 * administration for (its subcontractors). A contract line says which provider, under which
 * partner, may deliver which products, and from when to when. The municipality allocates
 * only to a provider that is contracted for the product on the allocation's start date.
 */
import { parseIsoDate, type DayNumber } from '../time/index.js';

export interface Contract {
  /** AGB code of the contract partner (main contractor). */
  readonly partnerAgb: string;
  readonly partnerName: string;
  /** AGB code of the provider that delivers; equal to the partner's for its own care. */
  readonly providerAgb: string;
  readonly providerName: string;
  /** Product codes from the region's catalogue. */
  readonly products: readonly string[];
  /** `YYYY-MM-DD`; `validTo` inclusive, null while open-ended. */
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface ContractProblem {
  /** Index of the contract line in the list. */
  readonly index: number;
  readonly field: keyof Contract;
  readonly message: string;
}

/** An AGB code: eight digits (two for the kind of care, six for the practice or institution). */
export const AGB = /^\d{8}$/;

/** What is wrong with a set of contract lines, given the codes of the region's catalogue. */
export function contractProblems(
  contracts: readonly Contract[],
  catalogueCodes: ReadonlySet<string>,
): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const pairs = new Map<string, number>();
  const partners = new Set(
    contracts.filter((c) => c.partnerAgb === c.providerAgb).map((c) => c.partnerAgb),
  );
  contracts.forEach((c, index) => {
    const add = (field: keyof Contract, message: string) =>
      problems.push({ index, field, message });
    if (!AGB.test(c.partnerAgb)) add('partnerAgb', 'een AGB-code is 8 cijfers');
    if (!AGB.test(c.providerAgb)) add('providerAgb', 'een AGB-code is 8 cijfers');
    if (c.partnerName.trim() === '') add('partnerName', 'geef de naam van de hoofdaannemer');
    if (c.providerName.trim() === '') add('providerName', 'geef de naam van de aanbieder');
    if (c.products.length === 0) add('products', 'noem ten minste één productcode');
    const unknown = c.products.filter((p) => !catalogueCodes.has(p));
    if (unknown.length > 0)
      add('products', `niet in de productcatalogus van de regio: ${unknown.join(', ')}`);
    const from = parseIsoDate(c.validFrom);
    const to = c.validTo === null ? null : parseIsoDate(c.validTo);
    if (from === null) add('validFrom', 'geen geldige datum');
    if (c.validTo !== null && to === null) add('validTo', 'geen geldige datum');
    if (from !== null && to !== null && to < from)
      add('validTo', 'ligt voor de ingangsdatum van het contract');
    const pair = `${c.partnerAgb}/${c.providerAgb}`;
    const first = pairs.get(pair);
    if (first !== undefined)
      add('providerAgb', `deze aanbieder staat al onder deze hoofdaannemer (regel ${first + 1})`);
    else pairs.set(pair, index);
    if (c.partnerAgb !== c.providerAgb && AGB.test(c.partnerAgb) && !partners.has(c.partnerAgb))
      add(
        'partnerAgb',
        'de hoofdaannemer heeft zelf geen contractregel; een onderaannemer hoort bij een gecontracteerde partner',
      );
  });
  return problems;
}

function validOn(c: Contract, day: DayNumber): boolean {
  const from = parseIsoDate(c.validFrom);
  const to = c.validTo === null ? null : parseIsoDate(c.validTo);
  return from !== null && from <= day && (to === null || day <= to);
}

/**
 * The contract under which `providerAgb` may deliver `productCode` on `day`, or undefined:
 * the provider must be contracted for the product itself, as partner or as subcontractor, and
 * its partner's own contract must also run on that day.
 */
export function contractFor(
  contracts: readonly Contract[],
  providerAgb: string,
  productCode: string,
  day: DayNumber,
): Contract | undefined {
  return contracts.find(
    (c) =>
      c.providerAgb === providerAgb &&
      c.products.includes(productCode) &&
      validOn(c, day) &&
      contracts.some(
        (p) => p.partnerAgb === c.partnerAgb && p.providerAgb === c.partnerAgb && validOn(p, day),
      ),
  );
}
