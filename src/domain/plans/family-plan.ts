/**
 * The familiegroepsplan as the family writes it in the portal (issue 10, ADR 0026; Jeugdwet
 * article 1.1 and 4.1.2: the parents write it with their network). Pure: the store gathers the
 * reader's portal role, whether the family holds casusregie and the plan's current content.
 *
 * Who may write: a representative (ouder, gezagsdrager, voogd) or a young person of 16 or
 * older. A young person of 12 to 15 decides together with the parents (Jeugdwet 7.3.4 lid 2),
 * so reads the plan and talks along, but does not change it alone.
 *
 * Who may keep track of the agreements (done or not): the same people, and only while the
 * family holds casusregie itself; otherwise the casusregisseur follows the plan (DOMAIN.md
 * section 4).
 *
 * What the family writes: its goals (what it wants to reach, how it sees that it worked, who,
 * by when), its network (people outside the household: a name and how they help) and its
 * agreements (who does what, by when). Fields the family does not edit stay as they were: a
 * goal's result area, progress and the people it is about, and every other section a
 * professional wrote. Goals the writer may not see (ADR 0026: a goal only about a young person
 * of 16+) are kept unchanged.
 */
import type { PortalRole } from '../portal/eligibility.js';
import { parseIsoDate } from '../time/index.js';
import type { FamilyAgreement, Goal, NetworkMember, PlanContent } from './types.js';

export type FamilyPlanRefusal = 'jongere-12-15' | 'geen-casusregie';

export type FamilyPlanPermission =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly refusal: FamilyPlanRefusal; readonly reason: string };

/** Whether this family member may start or change the familiegroepsplan. */
export function mayFamilyWritePlan(role: PortalRole): FamilyPlanPermission {
  if (role === 'jongere-12-15')
    return {
      allowed: false,
      refusal: 'jongere-12-15',
      reason:
        'Je bent jonger dan 16. Je ouder of verzorger schrijft het plan, samen met jou. Vertel wat jij belangrijk vindt, dan kan het erin.',
    };
  return { allowed: true };
}

/** Whether this family member may mark the plan's agreements as done or not done. */
export function mayFamilyTrackAgreements(
  role: PortalRole,
  familyHoldsCasusregie: boolean,
): FamilyPlanPermission {
  if (!familyHoldsCasusregie)
    return {
      allowed: false,
      refusal: 'geen-casusregie',
      reason:
        role === 'vertegenwoordiger'
          ? 'Uw casusregisseur houdt bij of de afspraken lukken. Vertel het hem of haar als er iets verandert.'
          : 'Je casusregisseur houdt bij of de afspraken lukken. Vertel het hem of haar als er iets verandert.',
    };
  if (role === 'jongere-12-15')
    return {
      allowed: false,
      refusal: 'jongere-12-15',
      reason: 'Je bent jonger dan 16. Je ouder of verzorger houdt de afspraken bij, samen met jou.',
    };
  return { allowed: true };
}

export interface FamilyGoalInput {
  /** Null for a new goal. */
  readonly id: string | null;
  readonly description: string;
  readonly measurableTarget: string;
  readonly who: string;
  /** `YYYY-MM-DD`, or empty. */
  readonly targetDate: string;
}

export interface FamilyAgreementInput {
  /** Null for a new agreement. */
  readonly id: string | null;
  readonly who: string;
  readonly what: string;
  /** `YYYY-MM-DD`. */
  readonly by: string;
}

/** What the family writes; a text left out stays as it was, an empty text is removed. */
export interface FamilyPlanInput {
  readonly authors?: string | undefined;
  readonly perspective?: string | undefined;
  readonly helpWanted?: string | undefined;
  readonly goals: readonly FamilyGoalInput[];
  readonly network: readonly NetworkMember[];
  readonly agreements: readonly FamilyAgreementInput[];
}

export interface FamilyPlanProblem {
  /** The field in the portal's request, e.g. `afspraken.0.wanneer`. */
  readonly path: string;
  readonly message: string;
}

const empty = (text: string) => text.trim().length === 0;

/** What is wrong with what the family wrote; paths name the portal's request fields. */
export function familyPlanProblems(input: FamilyPlanInput): FamilyPlanProblem[] {
  const out: FamilyPlanProblem[] = [];
  input.goals.forEach((g, i) => {
    if (empty(g.description))
      out.push({
        path: `doelen.${i}.omschrijving`,
        message: 'schrijf op wat jullie willen bereiken',
      });
    if (!empty(g.targetDate) && parseIsoDate(g.targetDate) === null)
      out.push({ path: `doelen.${i}.streefdatum`, message: 'geen geldige datum' });
  });
  input.network.forEach((m, i) => {
    if (empty(m.name)) out.push({ path: `netwerk.${i}.naam`, message: 'vul de naam in' });
    if (empty(m.support))
      out.push({ path: `netwerk.${i}.steun`, message: 'schrijf op hoe deze persoon helpt' });
  });
  input.agreements.forEach((a, i) => {
    if (empty(a.who)) out.push({ path: `afspraken.${i}.wie`, message: 'vul in wie het doet' });
    if (empty(a.what)) out.push({ path: `afspraken.${i}.wat`, message: 'vul in wat er gebeurt' });
    if (parseIsoDate(a.by) === null)
      out.push({ path: `afspraken.${i}.wanneer`, message: 'vul in wanneer het klaar is' });
  });
  const duplicates = (ids: readonly (string | null)[], path: string) =>
    ids.forEach((id, i) => {
      if (id !== null && ids.indexOf(id) !== i)
        out.push({ path: `${path}.${i}.id`, message: 'deze regel staat er twee keer in' });
    });
  duplicates(
    input.goals.map((g) => g.id),
    'doelen',
  );
  duplicates(
    input.agreements.map((a) => a.id),
    'afspraken',
  );
  return out;
}

/**
 * The plan content after the family's change. `hidden` tells which existing goals the writer
 * may not see: those stay as they are, and their ids cannot be taken over. `newId` makes an id
 * for a new goal or agreement.
 */
export function withFamilyPart(
  content: PlanContent,
  input: FamilyPlanInput,
  hidden: (goal: Goal) => boolean,
  newId: () => string,
): PlanContent {
  const existing = content.goals ?? [];
  const kept = existing.filter(hidden);
  const networkNames = new Set(input.network.map((m) => m.name.trim().toLowerCase()));
  const goals = input.goals.map((g): Goal => {
    const taken = g.id !== null && kept.some((k) => k.id === g.id);
    const id = g.id === null || taken ? newId() : g.id;
    const previous = existing.find((p) => p.id === id && !hidden(p));
    const who = g.who.trim();
    return {
      id,
      resultArea: previous?.resultArea ?? '',
      description: g.description.trim(),
      measurableTarget: g.measurableTarget.trim(),
      owner: {
        kind: networkNames.has(who.toLowerCase())
          ? 'netwerk'
          : previous?.owner.kind === 'professional'
            ? 'professional'
            : 'gezin',
        name: who,
      },
      targetDate: g.targetDate.trim(),
      progress: previous?.progress ?? 'niet-gestart',
      ...(previous?.aboutPersonIds ? { aboutPersonIds: previous.aboutPersonIds } : {}),
    };
  });
  const agreements = input.agreements.map((a): FamilyAgreement => ({
    id: a.id ?? newId(),
    who: a.who.trim(),
    what: a.what.trim(),
    by: a.by,
  }));
  /** A text left out stays; an empty one is removed. */
  const texts: Record<string, string | undefined> = {
    authors: input.authors,
    perspective: input.perspective,
    helpWanted: input.helpWanted,
  };
  const unchanged = Object.entries(content).filter(
    ([key]) => texts[key] === undefined || !empty(texts[key]),
  );
  const written = Object.entries(texts).flatMap(([key, value]) =>
    value === undefined || empty(value) ? [] : [[key, value.trim()] as const],
  );
  return Object.fromEntries([
    ...unchanged,
    ...written,
    ['goals', [...kept, ...goals]],
    ['network', input.network.map((m) => ({ name: m.name.trim(), support: m.support.trim() }))],
    ['familyAgreements', agreements],
  ]) as PlanContent;
}
