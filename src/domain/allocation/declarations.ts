/**
 * A declaration (JW323) line by line against the allocations it names: the iJw 3.2
 * cross-message rules the municipality applies before it pays. A line that breaks one is
 * rejected in the answer (JW325) with its return codes; the other lines are granted.
 *
 * - TR338 (9338): the line names an allocation (ToewijzingNummer) made to this provider for
 *   this client;
 * - TR339 (9339) / TR340 (9340): product category and code are the allocated ones;
 * - TR307 (9307) / TR308 (9308): the declared period lies within the allocation's period.
 */
import type { CareProblem } from './care-lines.js';

export interface DeclaredService {
  readonly bsn: string;
  readonly allocation: string;
  readonly category: string;
  readonly code: string;
  /** ProductPeriode, `YYYY-MM-DD`. */
  readonly start: string;
  readonly end: string;
}

export interface AllocatedProduct {
  readonly provider: string;
  /** Null when the allocation predates keeping the client (then not checked). */
  readonly bsn: string | null;
  readonly code: string;
  readonly start: string;
  readonly end: string | null;
}

/** The category of an iJw product code (its first two characters, JZ020). */
export const categoryOf = (code: string): string => code.slice(0, 2);

export function declaredServiceProblems(
  line: DeclaredService,
  allocation: AllocatedProduct | undefined,
  sender: string,
): CareProblem[] {
  if (
    !allocation ||
    allocation.provider !== sender ||
    (allocation.bsn !== null && allocation.bsn !== line.bsn)
  )
    return [
      {
        rule: 'TR338',
        code: '9338',
        message: `toewijzing ${line.allocation} is niet aan deze aanbieder voor deze cliënt gedaan`,
      },
    ];
  const out: CareProblem[] = [];
  if (line.category !== categoryOf(allocation.code))
    out.push({
      rule: 'TR339',
      code: '9339',
      message: `productcategorie ${line.category} is niet de toegewezen ${categoryOf(allocation.code)}`,
    });
  if (line.code !== '' && line.code !== allocation.code)
    out.push({
      rule: 'TR340',
      code: '9340',
      message: `productcode ${line.code} is niet de toegewezen ${allocation.code}`,
    });
  if (line.start < allocation.start)
    out.push({
      rule: 'TR307',
      code: '9307',
      message: `de periode begint op ${line.start}, vóór de ingangsdatum ${allocation.start} van de toewijzing`,
    });
  if (allocation.end !== null && line.end > allocation.end)
    out.push({
      rule: 'TR308',
      code: '9308',
      message: `de periode eindigt op ${line.end}, na de einddatum ${allocation.end} van de toewijzing`,
    });
  return out;
}
