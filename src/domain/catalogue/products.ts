/**
 * The product catalogue a region buys (GRO "Productcatalogus"; DOMAIN.md section 6): per
 * product its iJw category and code, segment, whether it is freely accessible, unit,
 * frequency, tariff and validity; and how the catalogue may change without breaking running
 * allocations (the iStandaarden protocol for product code list changes: no conversion, old
 * codes stay valid for what runs, nothing changes with retroactive effect).
 */
import { SEGMENTS, type Segment } from '../rules/types.js';
import { parseIsoDate, type DayNumber } from '../time/index.js';
import { FREQUENCIES, LEGACY_CATEGORIES, PRODUCT_CATEGORIES, UNITS } from './codes.js';

export interface Product {
  /** iJw product code: the two-digit category followed by three letters or digits. */
  readonly code: string;
  /** JZ020. */
  readonly category: string;
  readonly name: string;
  readonly segment: Segment;
  /** Not freely accessible products (residential, day treatment) need expert advice first. */
  readonly freelyAccessible: boolean;
  /** WJ756. */
  readonly unit: string;
  /** WMO757. */
  readonly frequency: string;
  /** Per unit, in cents. */
  readonly tariffCents: number;
  /** `YYYY-MM-DD`; `validTo` inclusive, null while open-ended. */
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface Problem {
  /** Field of the product (`code`, `tariffCents`, …). */
  readonly field: keyof Product | 'product';
  readonly message: string;
}

const CODE = /^(\d{2})[A-Z0-9]{3}$/;

/** What is wrong with one product on its own; empty when it is fine. */
export function productProblems(p: Product): Problem[] {
  const problems: Problem[] = [];
  const code = CODE.exec(p.code);
  if (!code)
    problems.push({
      field: 'code',
      message: 'een productcode is de categorie (2 cijfers) en 3 letters of cijfers, bijv. 45A03',
    });
  if (!PRODUCT_CATEGORIES[p.category])
    problems.push({ field: 'category', message: 'onbekende productcategorie (codelijst JZ020)' });
  else if (code && code[1] !== p.category)
    problems.push({ field: 'code', message: `de code begint niet met categorie ${p.category}` });
  if (p.name.trim() === '') problems.push({ field: 'name', message: 'geef het product een naam' });
  if (!(SEGMENTS as readonly string[]).includes(p.segment))
    problems.push({ field: 'segment', message: 'onbekend segment' });
  if (!UNITS[p.unit])
    problems.push({ field: 'unit', message: 'onbekende eenheid (codelijst WJ756)' });
  if (!FREQUENCIES[p.frequency])
    problems.push({ field: 'frequency', message: 'onbekende frequentie (codelijst WMO757)' });
  if (!Number.isInteger(p.tariffCents) || p.tariffCents < 0)
    problems.push({ field: 'tariffCents', message: 'het tarief is een bedrag van 0 of meer' });
  const from = parseIsoDate(p.validFrom);
  const to = p.validTo === null ? null : parseIsoDate(p.validTo);
  if (from === null) problems.push({ field: 'validFrom', message: 'geen geldige datum' });
  if (p.validTo !== null && to === null)
    problems.push({ field: 'validTo', message: 'geen geldige datum' });
  if (from !== null && to !== null && to < from)
    problems.push({ field: 'validTo', message: 'ligt voor de begindatum van de geldigheid' });
  return problems;
}

/** Whether a product may be chosen for a new allocation starting on `day`. */
export function selectable(p: Product, day: DayNumber): boolean {
  const from = parseIsoDate(p.validFrom);
  const to = p.validTo === null ? null : parseIsoDate(p.validTo);
  return from !== null && from <= day && (to === null || day <= to);
}

export interface RunningAllocation {
  readonly productCode: string;
  /** `YYYY-MM-DD`, or null while open-ended. */
  readonly end: string | null;
}

export interface ChangeProblem {
  readonly code: string;
  readonly field: keyof Product | 'product';
  readonly message: string;
}

/**
 * What is wrong with replacing catalogue `current` by `next` on `today`, following the
 * protocol for product code list changes: a product with running allocations is not removed
 * (it is given an end date instead, and stays valid for what runs); a product's category,
 * unit and frequency are its identity and do not change (add a new product instead); and no
 * change reaches back before today.
 */
export function catalogueChangeProblems(
  current: readonly Product[],
  next: readonly Product[],
  today: DayNumber,
  running: readonly RunningAllocation[],
): ChangeProblem[] {
  const problems: ChangeProblem[] = [];
  const before = new Map(current.map((p) => [p.code, p]));
  const after = new Map(next.map((p) => [p.code, p]));
  const seen = new Set<string>();
  for (const p of next) {
    if (seen.has(p.code))
      problems.push({
        code: p.code,
        field: 'code',
        message: 'deze productcode staat er twee keer in',
      });
    seen.add(p.code);
  }
  const past = (iso: string | null) => iso !== null && (parseIsoDate(iso) ?? today) < today;
  for (const old of current) {
    const now = after.get(old.code);
    if (!now) {
      const runs = running.filter(
        (a) =>
          a.productCode === old.code && (a.end === null || (parseIsoDate(a.end) ?? 0) >= today),
      );
      if (runs.length > 0)
        problems.push({
          code: old.code,
          field: 'product',
          message: `${runs.length} lopende toewijzing(en) gebruiken dit product: geef het een einddatum in plaats van het te verwijderen`,
        });
      continue;
    }
    for (const field of ['category', 'unit', 'frequency'] as const)
      if (now[field] !== old[field])
        problems.push({
          code: old.code,
          field,
          message: 'dit hoort bij het product zelf en verandert niet; maak een nieuw product aan',
        });
    if (now.validFrom !== old.validFrom && (past(now.validFrom) || past(old.validFrom)))
      problems.push({
        code: old.code,
        field: 'validFrom',
        message: 'de geldigheid verandert niet met terugwerkende kracht',
      });
    if (now.validTo !== old.validTo && past(now.validTo))
      problems.push({
        code: old.code,
        field: 'validTo',
        message: 'een einddatum in het verleden is terugwerkende kracht; kies vandaag of later',
      });
    if (now.tariffCents !== old.tariffCents && (parseIsoDate(old.validFrom) ?? today) < today)
      problems.push({
        code: old.code,
        field: 'tariffCents',
        message:
          'het tarief van een product dat al geldt verandert niet met terugwerkende kracht; sluit het af en voeg een nieuw product toe',
      });
  }
  for (const p of next) {
    if (before.has(p.code)) continue;
    if (LEGACY_CATEGORIES.has(p.category))
      problems.push({
        code: p.code,
        field: 'category',
        message: 'categorieën uit 2015 zijn alleen voor lopende toewijzingen',
      });
    // The first load records the catalogue as it already is; after that, nothing starts in
    // the past.
    if (current.length > 0 && past(p.validFrom))
      problems.push({
        code: p.code,
        field: 'validFrom',
        message: 'een nieuw product gaat niet met terugwerkende kracht in',
      });
  }
  return problems;
}
