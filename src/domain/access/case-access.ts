/**
 * Who may see a case. A professional sees a case only through an active role on it — held
 * personally, or by their organisation — or because their local team is responsible for it, or
 * as the named new casusregisseur of a warm handover that is still open.
 * Administrators and management do not read case content through those roles. Everyone else
 * is refused, and the API answers "not found" so a case's existence does not leak.
 */

export const STAFF_ROLES = [
  'casusregisseur',
  'teamleider',
  'backoffice',
  'jeugdbeschermer',
  'planner',
  'behandelaar',
  'huisarts',
  'beheerder',
  'management',
  'contractmanager',
  'crisismedewerker',
  'privacyfunctionaris',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that never open case content by themselves (they see figures, not families). */
export const NON_CASE_ROLES: readonly StaffRole[] = [
  'beheerder',
  'management',
  'contractmanager',
  'privacyfunctionaris',
];

export interface Actor {
  readonly staffId: string;
  readonly organisationId: string;
  readonly roles: readonly StaffRole[];
}

export interface ActiveRole {
  readonly role: 'procesregie' | 'casusregie' | 'behandelregie' | 'crisiscasusregie';
  readonly staffId: string | null;
  readonly organisationId: string | null;
}

export interface CaseAccessFacts {
  readonly responsibleTeamId: string | null;
  /** Role assignments on the case that have started and not ended. */
  readonly activeRoles: readonly ActiveRole[];
  /**
   * Staff named as new casusregisseur in a handover that is still open: they read the case
   * before the regie moves (ZTM-DEC-WARM-HANDOVER), and lose that when it is cancelled.
   */
  readonly handoverRecipientIds?: readonly string[];
  /** Staff with a running break-the-glass grant on the case: read only (ADR 0020). */
  readonly breakGlassIds?: readonly string[];
}

/** The basis on which access is granted; recorded in the audit log. */
export type AccessBasis =
  'eigen-rol' | 'rol-organisatie' | 'verantwoordelijk-team' | 'overdracht' | 'noodtoegang';

export type AccessDecision =
  | { readonly allowed: true; readonly basis: AccessBasis; readonly role?: ActiveRole['role'] }
  | { readonly allowed: false; readonly reason: string };

/** True when the actor has at least one role that works with case content. */
export function worksWithCases(actor: Actor): boolean {
  return actor.roles.some((r) => !NON_CASE_ROLES.includes(r));
}

/** Whether the actor may read (and so act on) the case, and on which basis. */
export function caseAccess(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  if (!worksWithCases(actor))
    return { allowed: false, reason: 'beheer en management lezen geen casusinhoud' };
  const own = facts.activeRoles.find((r) => r.staffId === actor.staffId);
  if (own) return { allowed: true, basis: 'eigen-rol', role: own.role };
  const organisation = facts.activeRoles.find((r) => r.organisationId === actor.organisationId);
  if (organisation) return { allowed: true, basis: 'rol-organisatie', role: organisation.role };
  if (facts.responsibleTeamId !== null && facts.responsibleTeamId === actor.organisationId)
    return { allowed: true, basis: 'verantwoordelijk-team' };
  if (facts.handoverRecipientIds?.includes(actor.staffId))
    return { allowed: true, basis: 'overdracht' };
  if (facts.breakGlassIds?.includes(actor.staffId)) return { allowed: true, basis: 'noodtoegang' };
  return { allowed: false, reason: 'geen actieve rol op de casus en geen verantwoordelijk team' };
}

/**
 * Whether the actor may change the case: read access on any basis but break-the-glass, which
 * only lets a professional read (ADR 0020).
 */
export function mayWriteCase(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  const read = caseAccess(actor, facts);
  if (read.allowed && read.basis === 'noodtoegang')
    return { allowed: false, reason: 'noodtoegang geeft alleen inzage, geen wijzigingen' };
  return read;
}

/**
 * Who may hand out roles on a case: the organisation holding procesregie (it commissions the
 * help) and the responsible local team. A provider with behandelregie or a GP cannot move
 * casusregie or procesregie.
 */
export function mayAssignRoles(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  const commissions = facts.activeRoles.some(
    (r) => r.role === 'procesregie' && r.organisationId === actor.organisationId,
  );
  if (commissions) return { allowed: true, basis: 'rol-organisatie', role: 'procesregie' };
  if (facts.responsibleTeamId !== null && facts.responsibleTeamId === actor.organisationId)
    return { allowed: true, basis: 'verantwoordelijk-team' };
  return {
    allowed: false,
    reason: 'alleen procesregie of het verantwoordelijke team wijst rollen toe',
  };
}

/**
 * Who files the family's opt-out statement (GRO-TOE-OPTOUT): the provider that treats the
 * young person on the medical route — staff of the organisation holding behandelregie who
 * work with its clients (planner, behandelaar).
 */
export function mayRecordOptOut(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  const treats = facts.activeRoles.some(
    (r) => r.role === 'behandelregie' && r.organisationId === actor.organisationId,
  );
  if (treats && actor.roles.some((r) => r === 'planner' || r === 'behandelaar'))
    return { allowed: true, basis: 'rol-organisatie', role: 'behandelregie' };
  return {
    allowed: false,
    reason: 'alleen de aanbieder met behandelregie legt een opt-out vast of trekt die in',
  };
}
