/**
 * Requests for allocation (JW315) and for change (JW317) checked against earlier messages and
 * the client's current allocations: the iJw 3.2 cross-message rules the municipality applies
 * when such a request arrives.
 *
 * - TR347 (9347): the provider's reference (ReferentieAanbieder) is new for that provider;
 * - TR374 (9374): no new request while an earlier one for the same client from the same
 *   provider is still open — open until refused (JW319, VerzoekAntwoord 1) or allocated (JW301);
 * - JW317 only, against the client's current allocations from this provider (current: valid
 *   today or later, or starting in the future):
 *   - TR350 (9350) / TR351 (9351): every unchanged and every changed product names a current
 *     allocation by ToewijzingNummer;
 *   - TR349 (9349): every current allocation is named, unchanged or changed;
 *   - TR357 (9357): a change that does not start in the future starts on the allocation's own
 *     start date (it then holds for the whole period);
 *   - TR411 (9411): a change of an allocation with a product code gives the extent (Omvang);
 *   - TR361 (9361): a product occurs more than once only with periods that do not overlap.
 */
import type { CareProblem } from './care-lines.js';

export interface EarlierRequest {
  readonly references: readonly string[];
  /** Refused (JW319 with VerzoekAntwoord 1) or allocated (JW301). */
  readonly settled: boolean;
}

export function requestProblems(
  references: readonly string[],
  earlier: readonly EarlierRequest[],
): CareProblem[] {
  const out: CareProblem[] = [];
  const used = references.filter((r) => earlier.some((e) => e.references.includes(r)));
  if (used.length > 0)
    out.push({
      rule: 'TR347',
      code: '9347',
      message: `ReferentieAanbieder ${used.join(', ')} is al eerder gebruikt door deze aanbieder`,
    });
  if (earlier.some((e) => !e.settled))
    out.push({
      rule: 'TR374',
      code: '9374',
      message:
        'er loopt nog een verzoek voor deze cliënt van deze aanbieder; wacht op de toewijzing of de afwijzing',
    });
  return out;
}

export interface CurrentAllocation {
  readonly number: string;
  readonly product: string;
  /** `YYYY-MM-DD`, end inclusive; null while open-ended. */
  readonly start: string;
  readonly end: string | null;
}

export interface ChangeRequest {
  /** Dagtekening of the message. */
  readonly messageDate: string;
  readonly unchanged: readonly string[];
  readonly changes: readonly {
    readonly number: string;
    readonly desiredStart: string;
    readonly end: string | null;
    readonly hasExtent: boolean;
  }[];
  readonly additions: readonly {
    readonly product: string;
    readonly start: string;
    readonly end: string | null;
  }[];
}

const overlaps = (
  a: { start: string; end: string | null },
  b: { start: string; end: string | null },
) => a.start <= (b.end ?? '9999-12-31') && b.start <= (a.end ?? '9999-12-31');

export function changeRequestProblems(
  request: ChangeRequest,
  current: readonly CurrentAllocation[],
): CareProblem[] {
  const out: CareProblem[] = [];
  const byNumber = new Map(current.map((a) => [a.number, a]));
  const unknownUnchanged = request.unchanged.filter((n) => !byNumber.has(n));
  if (unknownUnchanged.length > 0)
    out.push({
      rule: 'TR350',
      code: '9350',
      message: `ongewijzigd product met toewijzing ${unknownUnchanged.join(', ')}: geen actuele toewijzing`,
    });
  const unknownChanged = request.changes.filter((c) => !byNumber.has(c.number));
  if (unknownChanged.length > 0)
    out.push({
      rule: 'TR351',
      code: '9351',
      message: `te wijzigen product met toewijzing ${unknownChanged.map((c) => c.number).join(', ')}: geen actuele toewijzing`,
    });
  const named = new Set([...request.unchanged, ...request.changes.map((c) => c.number)]);
  const missing = current.filter((a) => !named.has(a.number));
  if (missing.length > 0)
    out.push({
      rule: 'TR349',
      code: '9349',
      message: `het verzoek noemt niet alle actuele toewijzingen: ${missing.map((a) => a.number).join(', ')} ontbreekt`,
    });
  for (const c of request.changes) {
    const allocation = byNumber.get(c.number);
    if (!allocation) continue;
    if (c.desiredStart <= request.messageDate && c.desiredStart !== allocation.start)
      out.push({
        rule: 'TR357',
        code: '9357',
        message: `toewijzing ${c.number}: een wijziging die niet in de toekomst ingaat, gaat in op de ingangsdatum ${allocation.start}`,
      });
    if (allocation.product !== '' && !c.hasExtent)
      out.push({
        rule: 'TR411',
        code: '9411',
        message: `toewijzing ${c.number}: geef de omvang van het gewijzigde product`,
      });
  }
  const periods = [
    ...request.unchanged.flatMap((n) => {
      const a = byNumber.get(n);
      return a ? [{ product: a.product, start: a.start, end: a.end }] : [];
    }),
    ...request.changes.flatMap((c) => {
      const a = byNumber.get(c.number);
      return a ? [{ product: a.product, start: a.start, end: c.end ?? a.end }] : [];
    }),
    ...request.additions,
  ];
  const clashing = new Set<string>();
  periods.forEach((p, i) =>
    periods.slice(i + 1).forEach((q) => {
      if (p.product === q.product && overlaps(p, q)) clashing.add(p.product);
    }),
  );
  if (clashing.size > 0)
    out.push({
      rule: 'TR361',
      code: '9361',
      message: `product ${[...clashing].join(', ')} komt vaker voor met overlappende periodes`,
    });
  return out;
}
