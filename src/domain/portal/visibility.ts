/**
 * What each family member sees of their case in the family portal (issue 10, ADR 0026). Pure:
 * the store collects the household and the items, this module decides item by item.
 *
 * One rule decides every item that concerns particular people (a goal, an allocation, a consent
 * statement, a deadline for one child): it is shown to
 * - each person it concerns;
 * - the representatives (ouder, gezagsdrager, voogd) of a young person it concerns who is under
 *   16 — from 12 to 15 the young person and the parents decide together (Jeugdwet 7.3.4 lid 2;
 *   WGBO 7:465 lid 2), under 12 the parents decide (7.3.15 lid 1);
 * - for a young person of 16 or older, the representatives only when that young person agreed:
 *   from 16 the young person decides alone (Jeugdwet 7.3.5 lid 1; WGBO 7:457).
 * Nobody else: a young person never sees what concerns only a parent or a brother or sister,
 * and a parent does not see what concerns only the other parent. An item that concerns the
 * whole family (no particular person) is shown to everyone in the portal.
 *
 * Working notes are never in the portal: they are professionals' own notes, not part of the
 * record (ADR 0018); the portal's store does not read them at all.
 */
import { ageBand, type PersonKind } from '../privacy/consent.js';
import type { DayNumber } from '../time/index.js';
import type { PortalRole } from './eligibility.js';

/** A person of the household. */
export interface PortalMember {
  readonly id: string;
  readonly kind: PersonKind;
  /** `YYYY-MM-DD`, or null when unknown. */
  readonly birthDate: string | null;
}

/** Who looks, in which capacity (from `mayUsePortal`). */
export interface PortalViewer {
  readonly personId: string;
  readonly role: PortalRole;
}

export interface VisibilityFacts {
  readonly members: readonly PortalMember[];
  /**
   * Young people of 16 or older who agreed that their parents see what concerns them: the
   * young person's own choice in the portal (`portal_read_along`, store/portal-read-along.ts).
   */
  readonly sharedWithParents: ReadonlySet<string>;
  readonly today: DayNumber;
}

/** Who an item is about: the whole family, or these people of the household. */
export type Concerns = 'gezin' | readonly string[];

const REPRESENTATIVES: readonly PersonKind[] = ['ouder', 'gezagsdrager', 'voogd'];

/** Whether the viewer may see an item that concerns `concerns`. */
export function mayView(viewer: PortalViewer, concerns: Concerns, facts: VisibilityFacts): boolean {
  if (concerns === 'gezin') return true;
  if (concerns.includes(viewer.personId)) return true;
  if (viewer.role !== 'vertegenwoordiger') return false;
  return concerns.some((id) => {
    const person = facts.members.find((m) => m.id === id);
    if (!person || person.kind !== 'jeugdige') return false;
    return ageBand(person.birthDate, facts.today) !== '16-plus' || facts.sharedWithParents.has(id);
  });
}

/**
 * Who a plan goal is about. A goal names its people in `aboutPersonIds`; a goal without them
 * is about the plan's subject (a toekomstplan is about one young person), and otherwise about
 * the whole family ("1 gezin, 1 plan"). Ids of people outside the household count for nobody,
 * so such a goal is shown to no young person and no parent.
 */
export function goalConcerns(
  goal: { readonly aboutPersonIds?: readonly string[] | undefined },
  planSubjectPersonId: string | null,
): Concerns {
  if (goal.aboutPersonIds && goal.aboutPersonIds.length > 0) return goal.aboutPersonIds;
  if (planSubjectPersonId !== null) return [planSubjectPersonId];
  return 'gezin';
}

/**
 * Who a consent statement is about. A young person's statement is their own decision; a
 * representative's statement is given for the children, so the whole family may see it.
 */
export function consentConcerns(personId: string, members: readonly PortalMember[]): Concerns {
  const person = members.find((m) => m.id === personId);
  return person && REPRESENTATIVES.includes(person.kind) ? 'gezin' : [personId];
}

/** Who an allocation or a deadline is about: one young person, or (null) the whole family. */
export function childConcerns(childId: string | null): Concerns {
  return childId === null ? 'gezin' : [childId];
}

/**
 * Deadlines between professionals that the family has no part in: the talks and commitments of
 * an escalation (ZOU-TERM-ESC-TALK, ZOU-TERM-ESC-COMMIT) and a provider's objection to an
 * arrangement (RIJ-TERM-DISAGREE). Every other open deadline is about help the family waits for.
 */
export const PROFESSIONAL_ONLY_DEADLINES: ReadonlySet<string> = new Set([
  'ZOU-TERM-ESC-TALK',
  'ZOU-TERM-ESC-COMMIT',
  'RIJ-TERM-DISAGREE',
]);

/** Whether a deadline of the rules engine belongs in the family's "Wat komt eraan". */
export function deadlineForFamily(deadline: {
  readonly rule: string;
  readonly status: string;
}): boolean {
  return (
    (deadline.status === 'open' || deadline.status === 'overdue') &&
    !PROFESSIONAL_ONLY_DEADLINES.has(deadline.rule)
  );
}
