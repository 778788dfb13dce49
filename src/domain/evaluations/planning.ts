/**
 * Planning an evaluation before it is held (issue 6): when, which kind, and whom to invite —
 * the family always (the young person or a parent), and the network, professionals and school
 * as the case needs. The region's cadence (ZTM-CAD-EVAL, LEK-EVAL-MIN, RIJ-CAD-GEZINSPLAN-*) says
 * by when; the agenda comes from the plan's goals (see `agenda`).
 */
import type { EvaluationKind } from '../rules/types.js';
import type { Participant } from './minutes.js';

export interface EvaluationInvitation {
  readonly kind: EvaluationKind;
  /** Instant (ms). */
  readonly plannedAt: number;
  readonly invitees: readonly Participant[];
}

export interface PlanningProblem {
  readonly path: string;
  readonly message: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What stands in the way of planning this evaluation; empty when it may be planned. */
export function invitationProblems(
  invitation: EvaluationInvitation,
  now: number,
): PlanningProblem[] {
  const out: PlanningProblem[] = [];
  if (invitation.plannedAt <= now)
    out.push({
      path: 'geplandOp',
      message: 'een evaluatie plan je vooruit: kies een moment na nu',
    });
  if (!invitation.invitees.some((p) => p.role === 'jeugdige' || p.role === 'ouder'))
    out.push({
      path: 'genodigden',
      message: 'nodig het gezin uit: de jeugdige of een ouder hoort bij de evaluatie',
    });
  invitation.invitees.forEach((p, i) => {
    if (p.name.trim() === '')
      out.push({ path: `genodigden.${i}.naam`, message: 'vul de naam van de genodigde in' });
    if (p.email !== null && p.email !== '' && !EMAIL.test(p.email))
      out.push({ path: `genodigden.${i}.email`, message: 'geen geldig e-mailadres' });
  });
  const names = invitation.invitees.map((p) => p.name.trim().toLowerCase());
  names.forEach((name, i) => {
    if (name !== '' && names.indexOf(name) !== i)
      out.push({ path: `genodigden.${i}.naam`, message: 'deze genodigde staat er al' });
  });
  return out;
}
