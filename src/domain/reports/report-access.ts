/**
 * Who does what with the provider's reports (DOMAIN.md section 4 step 2; RIJ "Voortgang"). The
 * provider that treats the young person (staff who work with its clients, of the organisation
 * holding behandelregie) names its contact person, writes progress and calamity reports and
 * announces subcontractors. The casusregisseur side — whoever holds casusregie or
 * crisiscasusregie, personally or as an organisation, and the responsible local team — receives
 * and acknowledges the reports. A provider reads only what its own organisation wrote; the
 * casusregisseur side and the procesregie holder read every report of the case.
 *
 * Same shape as `caseAccess`: a refusal carries its reason (for the log), and every policy
 * first requires that the actor may read the case at all.
 */
import {
  caseAccess,
  type AccessDecision,
  type ActiveRole,
  type Actor,
  type CaseAccessFacts,
} from '../access/case-access.js';

const holds = (actor: Actor, facts: CaseAccessFacts, roles: readonly ActiveRole['role'][]) =>
  facts.activeRoles.find(
    (r) =>
      roles.includes(r.role) &&
      (r.staffId === actor.staffId || r.organisationId === actor.organisationId),
  );

/**
 * Staff of the treating provider: the actor's organisation holds behandelregie and the actor
 * works with its clients (planner, behandelaar). They name the contact person, write reports and
 * announce subcontractors.
 */
export function mayReportAsProvider(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  const treats = facts.activeRoles.some(
    (r) => r.role === 'behandelregie' && r.organisationId === actor.organisationId,
  );
  if (treats && actor.roles.some((r) => r === 'planner' || r === 'behandelaar'))
    return { allowed: true, basis: 'rol-organisatie', role: 'behandelregie' };
  return {
    allowed: false,
    reason:
      'alleen een planner of behandelaar van de aanbieder met behandelregie meldt en rapporteert',
  };
}

/**
 * The casusregisseur side: the holder of casusregie or crisiscasusregie (the professional, or
 * staff of the holding organisation) and the responsible local team. They acknowledge reports.
 */
export function mayAcknowledgeReports(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  const role = holds(actor, facts, ['casusregie', 'crisiscasusregie']);
  if (role)
    return {
      allowed: true,
      basis: role.staffId === actor.staffId ? 'eigen-rol' : 'rol-organisatie',
      role: role.role,
    };
  if (facts.responsibleTeamId !== null && facts.responsibleTeamId === actor.organisationId)
    return { allowed: true, basis: 'verantwoordelijk-team' };
  return {
    allowed: false,
    reason:
      'alleen de casusregisseur (of crisiscasusregisseur) of het lokale team ontvangt verslagen',
  };
}

/** Which reports (and subcontractor announcements) of a case the actor may read. */
export type ReportScope =
  | { readonly kind: 'alle' }
  | { readonly kind: 'eigen-organisatie'; readonly organisationId: string }
  | { readonly kind: 'geen'; readonly reason: string };

/**
 * Every report for the casusregisseur side and the procesregie holder; a treating provider only
 * its own organisation's; nothing for anyone else (who then cannot read the case either).
 */
export function reportScope(actor: Actor, facts: CaseAccessFacts): ReportScope {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return { kind: 'geen', reason: read.reason };
  if (mayAcknowledgeReports(actor, facts).allowed || holds(actor, facts, ['procesregie']))
    return { kind: 'alle' };
  if (holds(actor, facts, ['behandelregie']))
    return { kind: 'eigen-organisatie', organisationId: actor.organisationId };
  return { kind: 'geen', reason: 'geen rol op de casus waarbij verslagen horen' };
}

/** `reportScope` as a policy: may the actor read reports of the case at all. */
export function mayReadReports(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  const scope = reportScope(actor, facts);
  if (scope.kind === 'geen') return { allowed: false, reason: scope.reason };
  const read = caseAccess(actor, facts);
  return read.allowed ? read : { allowed: false, reason: read.reason };
}

/** Whether a report (or announcement) written by `organisationId` lies within the scope. */
export function inScope(scope: ReportScope, organisationId: string): boolean {
  return (
    scope.kind === 'alle' ||
    (scope.kind === 'eigen-organisatie' && scope.organisationId === organisationId)
  );
}
