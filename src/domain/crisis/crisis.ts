/**
 * Crisis coordination (DOMAIN.md section 4 step 2, RIJ): the casusregisseur — or, when there is
 * none, whoever works on the case — calls in the region's crisis team; the crisis team takes
 * temporary crisiscasusregie (a role with a planned end), asks the local team for a
 * casusregisseur when the case has none, and hands the regie back. Pure rules; the store applies
 * them.
 *
 * Choice (ADR 0010): a family that holds casusregie does not count as "a casusregisseur" to hand
 * back to. A crisis means safety is at stake, which makes the case complex, and complex cases
 * have their casusregie outside the family (RIJ-DEC-COMPLEX, RIJ-DEC-CASUSREGIE-LOCATION).
 */
import type { ActiveRole } from '../access/case-access.js';
import { parseIsoDate, type DayNumber } from '../time/index.js';

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** A casusregisseur other than the family and other than the crisis team. */
export function hasProfessionalCasusregie(roles: readonly ActiveRole[]): boolean {
  return roles.some(
    (r) => r.role === 'casusregie' && (r.staffId !== null || r.organisationId !== null),
  );
}

export function requestProblems(input: { readonly reason: string }): Problem[] {
  return input.reason.trim().length < 10
    ? [{ path: 'reden', message: 'beschrijf in een zin wat er aan de hand is' }]
    : [];
}

/** Taking crisiscasusregie: the planned end lies after today and within 13 weeks. */
export function takeProblems(input: { readonly plannedEnd: string }, today: DayNumber): Problem[] {
  const end = parseIsoDate(input.plannedEnd);
  if (end === null) return [{ path: 'eindeGepland', message: 'geen geldige datum (JJJJ-MM-DD)' }];
  if (end <= today)
    return [{ path: 'eindeGepland', message: 'de geplande einddatum moet na vandaag liggen' }];
  if (end > today + 91)
    return [
      {
        path: 'eindeGepland',
        message:
          'crisiscasusregie is tijdelijk: kies een einde binnen 13 weken en verleng zo nodig',
      },
    ];
  return [];
}

/** Handing back needs a casusregisseur to hand to, and a handover of what happened. */
export function handBackProblems(
  input: { readonly handover: string },
  roles: readonly ActiveRole[],
): Problem[] {
  const problems: Problem[] = [];
  if (input.handover.trim().length < 20)
    problems.push({
      path: 'overdracht',
      message: 'schrijf de overdracht: wat is er gebeurd, welke veiligheidsafspraken gelden nu?',
    });
  if (!hasProfessionalCasusregie(roles))
    problems.push({
      path: 'casusregie',
      message:
        'er is nog geen casusregisseur om de regie aan terug te geven; vraag het lokale team er een aan te wijzen',
    });
  return problems;
}
