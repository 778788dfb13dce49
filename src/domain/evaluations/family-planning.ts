/**
 * A family that holds casusregie itself plans its own evaluations (issue 10, ADR 0026 and
 * DOMAIN.md section 4: casusregie can stay with the family). Pure: the store gathers who holds
 * casusregie, the reader's portal role and the organisations involved in the case.
 *
 * Who may plan:
 * - only when the family holds casusregie on the case now; otherwise the casusregisseur plans
 *   (the professional path, `planning.ts`);
 * - a representative (ouder, gezagsdrager, voogd) or a young person of 16 or older. From 16 a
 *   young person decides about their own help alone (Jeugdwet 7.3.5 lid 1). A young person of
 *   12 to 15 decides together with the parents (7.3.4 lid 2), so does not plan a meeting with
 *   professionals alone; they can add their own view to a planned evaluation.
 *
 * Whom to invite: organisations involved in the case — holding a role on it (behandelregie,
 * procesregie, …), providing help through an allocation, or the responsible local team. The
 * family cannot send case information to an organisation that is not part of the help.
 */
import type { PortalRole } from '../portal/eligibility.js';

export type FamilyPlanningRefusal = 'geen-casusregie' | 'jongere-12-15';

export type FamilyPlanning =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly refusal: FamilyPlanningRefusal; readonly reason: string };

/** Whether this family member may plan an evaluation of the case. */
export function mayFamilyPlanEvaluation(
  role: PortalRole,
  familyHoldsCasusregie: boolean,
): FamilyPlanning {
  if (!familyHoldsCasusregie)
    return {
      allowed: false,
      refusal: 'geen-casusregie',
      reason:
        role === 'vertegenwoordiger'
          ? 'Uw casusregisseur plant de evaluaties. Wilt u een gesprek? Vraag het uw casusregisseur.'
          : 'Je casusregisseur plant de evaluaties. Wil je een gesprek? Vraag het je casusregisseur.',
    };
  if (role === 'jongere-12-15')
    return {
      allowed: false,
      refusal: 'jongere-12-15',
      reason:
        'Je bent jonger dan 16. Je ouder of verzorger plant de evaluatie, samen met jou. Je kunt wel zelf opschrijven wat je wilt zeggen.',
    };
  return { allowed: true };
}

/** Why an organisation may be invited: its part in the case. */
export type Involvement = 'rol' | 'toewijzing' | 'lokaal-team';

export interface InvolvedOrganisation {
  readonly id: string;
  readonly name: string;
  readonly involvement: readonly Involvement[];
}

export interface FamilyPlanningProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * What is wrong with the family's choice of organisations to invite: at least one, none twice,
 * each one involved in the case. Paths name the request field (`genodigden.<i>`).
 */
export function familyInviteeProblems(
  chosen: readonly string[],
  involved: readonly InvolvedOrganisation[],
): FamilyPlanningProblem[] {
  const out: FamilyPlanningProblem[] = [];
  if (chosen.length === 0)
    out.push({ path: 'genodigden', message: 'kies wie u uitnodigt: minstens één hulpverlener' });
  chosen.forEach((id, i) => {
    if (!involved.some((o) => o.id === id))
      out.push({
        path: `genodigden.${i}`,
        message: 'deze organisatie helpt niet bij deze casus; kies uit de lijst',
      });
    else if (chosen.indexOf(id) !== i)
      out.push({ path: `genodigden.${i}`, message: 'deze organisatie staat er al' });
  });
  return out;
}
