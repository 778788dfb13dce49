/**
 * Adjusting help: op- en afschalen (DOMAIN.md section 4 step 2: the casusregisseur "proposes
 * adjustments; procesregisseur adjusts the allocation (scale up/down)").
 *
 * A proposal concerns one running allocation and says which way the help should go, why, and
 * which goals of the fixed plan it serves:
 *
 * - `af` (afschalen): the allocation ends earlier — a changed allocation with the same
 *   ToewijzingNummer, an earlier Einddatum and RedenWijziging 05 (JZ002 "herbeoordeling
 *   verkorting"); or less of the same product from a date, which the iJw standard handles as
 *   the running allocation ending the day before and a new allocation starting (IV066);
 * - `op` (opschalen): more help — another product beside the running one (a new allocation),
 *   or more of the same product from a date (again: end the running one, allocate anew, since
 *   the same product may not be allocated twice for overlapping periods, OP259);
 * - `anders` (andere hulp): another product or another provider instead — the running
 *   allocation ends the day before the new help starts (JZ002 05, or 09 for another provider).
 *
 * Shortening an allocation is done only in consultation with the provider (OP033x1), so when
 * someone other than the provider proposes it, the proposal says how the provider was
 * consulted. The procesregisseur decides; a refusal needs a reason. States:
 * voorgesteld → goedgekeurd | afgewezen; goedgekeurd → uitgevoerd once the allocation has
 * changed, or niet-toegewezen when the municipality refuses the new allocation.
 *
 * Pure: the store gathers the allocations, the plan's goals and today's date. Generic checks
 * of a new allocation line (catalogue, contract, dates, volume, expert advice) are those of the
 * route A allocation proposal (`proposalProblems`), which the new help goes through.
 */
import {
  caseAccess,
  worksWithCases,
  type AccessDecision,
  type Actor,
  type CaseAccessFacts,
  type StaffRole,
} from '../access/case-access.js';
import { addDays, formatIsoDate, parseIsoDate } from '../time/index.js';

/** Which way the help goes: more (op), less or shorter (af), or other help instead (anders). */
export const ADJUSTMENT_DIRECTIONS = ['op', 'af', 'anders'] as const;
export type AdjustmentDirection = (typeof ADJUSTMENT_DIRECTIONS)[number];

/** The life of a proposal, from proposed to carried out (see `nextState`). */
export const ADJUSTMENT_STATES = [
  'voorgesteld',
  'goedgekeurd',
  'afgewezen',
  'uitgevoerd',
  'niet-toegewezen',
] as const;
export type AdjustmentState = (typeof ADJUSTMENT_STATES)[number];

/** JZ002 codes for the running allocation when it ends early. */
export const CHANGE_REASON = {
  /** Herbeoordeling verkorting toewijzing: shorter, another product or another extent. */
  verkorting: '05',
  /** Overstap naar andere aanbieder. */
  andereAanbieder: '09',
} as const;
export type ChangeReason = (typeof CHANGE_REASON)[keyof typeof CHANGE_REASON];

/** The help that comes in: one new allocation line. */
export interface NewHelp {
  readonly productCode: string;
  readonly volume: number;
  /** `YYYY-MM-DD`; end inclusive, null while open-ended. */
  readonly start: string;
  readonly end: string | null;
}

/** What the casusregisseur side or the provider proposes for one running allocation. */
export interface AdjustmentProposal {
  readonly direction: AdjustmentDirection;
  readonly allocationId: string;
  /** The new, earlier end of the allocation when the help ends early without new help. */
  readonly end: string | null;
  readonly newHelp: NewHelp | null;
  /** Another provider's AGB code, only for `anders`; null keeps the provider. */
  readonly providerAgb: string | null;
  readonly reasons: string;
  /** Ids of the fixed plan's goals the adjustment serves. */
  readonly goalIds: readonly string[];
  /** How the provider was consulted about shortening its allocation (OP033x1). */
  readonly providerConsultation: string;
}

/** A running allocation as the adjustment sees it. */
export interface AdjustedAllocation {
  readonly id: string;
  readonly number: string;
  readonly providerOrganisationId: string;
  readonly providerAgb: string;
  readonly productCode: string;
  readonly volume: number | null;
  readonly start: string;
  readonly end: string | null;
  readonly status:
    'toegewezen' | 'gestart' | 'opgeschort' | 'gestopt' | 'ingetrokken' | 'vervallen';
}

/** What the store knows about the case when a proposal is checked. */
export interface AdjustmentFacts {
  /** The allocation concerned, when it belongs to the case and the proposer may adjust it. */
  readonly allocation: AdjustedAllocation | undefined;
  /** The case's other allocations (for stacking, OP259). */
  readonly otherAllocations: readonly AdjustedAllocation[];
  /** The goals of the case's fixed plan; empty without one. */
  readonly planGoals: readonly { readonly id: string; readonly description: string }[];
  /** `YYYY-MM-DD` in Amsterdam. */
  readonly today: string;
  /** The proposer works for the provider of the allocation (it consults itself). */
  readonly proposerIsProvider: boolean;
}

/** A problem with a proposal or decision, naming the field. */
export interface AdjustmentProblem {
  /** The field as the API names it (`nieuweHulp.volume`). */
  readonly path: string;
  readonly message: string;
}

/** Whether an allocation still runs on `today`: not stopped or withdrawn, not yet ended. */
export function isRunning(a: AdjustedAllocation, today: string): boolean {
  return (
    a.status !== 'gestopt' &&
    a.status !== 'ingetrokken' &&
    a.status !== 'vervallen' &&
    (a.end === null || a.end >= today)
  );
}

/** The day before an ISO date, as an ISO date. */
function dayBefore(iso: string): string | null {
  const day = parseIsoDate(iso);
  return day === null ? null : formatIsoDate(addDays(day, -1));
}

const overlaps = (a: { start: string; end: string | null }, b: NewHelp) =>
  (a.end === null || a.end >= b.start) && (b.end === null || b.end >= a.start);

/** Whether the new help replaces the running allocation rather than coming beside it. */
function replaces(p: AdjustmentProposal, a: AdjustedAllocation): boolean {
  if (!p.newHelp) return false;
  return p.direction !== 'op' || p.newHelp.productCode === a.productCode;
}

/** What stands in the way of this proposal; empty when it may go to the procesregisseur. */
export function adjustmentProblems(
  p: AdjustmentProposal,
  facts: AdjustmentFacts,
): AdjustmentProblem[] {
  const out: AdjustmentProblem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });

  if (p.reasons.trim() === '') add('redenen', 'geef de redenen voor de aanpassing');
  if (facts.planGoals.length > 0 && p.goalIds.length === 0)
    add('doelen', 'noem aan welke doelen van het plan de aanpassing bijdraagt');
  const known = new Set(facts.planGoals.map((g) => g.id));
  const seen = new Set<string>();
  p.goalIds.forEach((id, i) => {
    if (!known.has(id)) add(`doelen.${i}`, 'dit doel staat niet in het vastgestelde plan');
    else if (seen.has(id)) add(`doelen.${i}`, 'dit doel staat er al in');
    seen.add(id);
  });

  const a = facts.allocation;
  if (!a) {
    add('toewijzingId', 'kies een toewijzing van deze casus');
    return out;
  }
  if (!isRunning(a, facts.today)) {
    add(
      'toewijzingId',
      `toewijzing ${a.number} loopt niet meer; aanpassen kan alleen lopende hulp`,
    );
    return out;
  }

  const other = p.providerAgb !== null && p.providerAgb !== a.providerAgb;
  if (other && p.direction !== 'anders')
    add('aanbieder', 'alleen bij andere hulp kiest u een andere aanbieder');
  const help = p.newHelp;

  if (p.direction === 'af' && !help) {
    const end = p.end === null ? null : parseIsoDate(p.end);
    if (p.end === null) add('einddatum', 'geef de nieuwe, vroegere einddatum van de toewijzing');
    else if (end === null) add('einddatum', 'geen geldige datum');
    else if (p.end < a.start)
      add('einddatum', `ligt vóór de ingangsdatum van de toewijzing (${a.start})`);
    else if (a.end !== null && p.end >= a.end)
      add(
        'einddatum',
        `ligt niet vóór de huidige einddatum (${a.end}); afschalen maakt de toewijzing korter`,
      );
    else if (p.end < facts.today)
      add(
        'einddatum',
        'ligt in het verleden; een toewijzing wordt niet met terugwerkende kracht ingekort',
      );
  } else if (p.end !== null)
    add(
      'einddatum',
      help
        ? 'laat leeg: de huidige toewijzing eindigt de dag voor de nieuwe hulp'
        : 'alleen bij afschalen zonder nieuwe hulp',
    );

  if ((p.direction === 'op' || p.direction === 'anders') && !help)
    add(
      'nieuweHulp',
      p.direction === 'op'
        ? 'noem de hulp die erbij komt of het grotere volume'
        : 'noem de hulp die ervoor in de plaats komt',
    );

  if (help) {
    const same = help.productCode === a.productCode;
    if (p.direction === 'af' && !same)
      add(
        'nieuweHulp.productcode',
        `bij afschalen blijft het product ${a.productCode}; kies "andere hulp" voor een ander product`,
      );
    if (p.direction === 'af' && same && a.volume !== null && help.volume >= a.volume)
      add('nieuweHulp.volume', `bij afschalen is het volume kleiner dan nu (${a.volume})`);
    if (p.direction === 'op' && same && a.volume !== null && help.volume <= a.volume)
      add('nieuweHulp.volume', `bij opschalen is het volume groter dan nu (${a.volume})`);
    if (p.direction === 'anders' && same && !other)
      add(
        'nieuweHulp.productcode',
        'andere hulp is een ander product of een andere aanbieder; kies anders op- of afschalen',
      );
    const start = parseIsoDate(help.start);
    if (start !== null) {
      if (help.start < facts.today)
        add('nieuweHulp.ingangsdatum', 'ligt in het verleden; nieuwe hulp begint vandaag of later');
      else if (replaces(p, a) && help.start <= a.start)
        add(
          'nieuweHulp.ingangsdatum',
          `valt niet na de ingangsdatum van toewijzing ${a.number} (${a.start}), die erdoor eindigt`,
        );
      const provider = other ? p.providerAgb : a.providerAgb;
      // The allocation it replaces ends the day before; any other one would run alongside.
      const alongside = replaces(p, a)
        ? facts.otherAllocations.filter((o) => o.id !== a.id)
        : [...facts.otherAllocations.filter((o) => o.id !== a.id), a];
      const stacked = alongside.find(
        (o) =>
          o.providerAgb === provider &&
          o.productCode === help.productCode &&
          isRunning(o, facts.today) &&
          overlaps(o, help),
      );
      if (stacked)
        add(
          'nieuweHulp.productcode',
          `${help.productCode} is in die periode al toegewezen aan deze aanbieder (toewijzing ${stacked.number}); dubbel toewijzen mag niet (OP259)`,
        );
    }
  }

  const shortens = p.direction === 'af' || p.direction === 'anders';
  if (shortens && !facts.proposerIsProvider && p.providerConsultation.trim() === '')
    add(
      'overlegAanbieder',
      'een toewijzing inkorten gaat in overleg met de aanbieder (OP033x1): noem wanneer en met wie',
    );
  return out;
}

/** What an approved adjustment does to the allocations. */
export interface AdjustmentEffect {
  /** The running allocation's new end date and JZ002 reason; null when it runs on as it is. */
  readonly shorten: { readonly end: string; readonly reason: ChangeReason } | null;
  /**
   * When that happens: at the decision (help ends early, nothing new is allocated), or with the
   * new allocation, so the family is never without help while the municipality decides.
   */
  readonly shortenAt: 'besluit' | 'nieuwe-toewijzing' | null;
  /** The new allocation line, for the municipality's allocation proposal. */
  readonly newHelp: NewHelp | null;
  /** AGB code of the provider of the new help. */
  readonly providerAgb: string;
}

/**
 * The effect of a (valid) proposal on the allocation as it is now. A running allocation that
 * already ends before the new help starts needs no change.
 */
export function adjustmentEffect(p: AdjustmentProposal, a: AdjustedAllocation): AdjustmentEffect {
  const providerAgb = p.providerAgb ?? a.providerAgb;
  const help = p.newHelp;
  if (!help) {
    const end = p.direction === 'af' ? p.end : null;
    return end === null
      ? { shorten: null, shortenAt: null, newHelp: null, providerAgb }
      : {
          shorten: { end, reason: CHANGE_REASON.verkorting },
          shortenAt: 'besluit',
          newHelp: null,
          providerAgb,
        };
  }
  const end = dayBefore(help.start);
  if (!replaces(p, a) || end === null || (a.end !== null && a.end <= end))
    return { shorten: null, shortenAt: null, newHelp: help, providerAgb };
  return {
    shorten: {
      end,
      reason:
        providerAgb !== a.providerAgb ? CHANGE_REASON.andereAanbieder : CHANGE_REASON.verkorting,
    },
    shortenAt: 'nieuwe-toewijzing',
    newHelp: help,
    providerAgb,
  };
}

/** The procesregisseur's decision; a refusal carries its reason, an approval an optional note. */
export type AdjustmentDecision =
  | { readonly decision: 'goedgekeurd'; readonly note: string }
  | { readonly decision: 'afgewezen'; readonly reason: string };

/** A refusal names its reason. */
export function decisionProblems(d: AdjustmentDecision): AdjustmentProblem[] {
  return d.decision === 'afgewezen' && d.reason.trim() === ''
    ? [{ path: 'reden', message: 'geef de reden van de afwijzing' }]
    : [];
}

/** What can happen to a proposal: the decision, and the outcome of the allocation. */
export type AdjustmentEvent = 'goedkeuren' | 'afwijzen' | 'uitvoeren' | 'toewijzing-geweigerd';

const TRANSITIONS: Readonly<
  Record<AdjustmentState, Partial<Record<AdjustmentEvent, AdjustmentState>>>
> = {
  voorgesteld: { goedkeuren: 'goedgekeurd', afwijzen: 'afgewezen' },
  goedgekeurd: { uitvoeren: 'uitgevoerd', 'toewijzing-geweigerd': 'niet-toegewezen' },
  afgewezen: {},
  uitgevoerd: {},
  'niet-toegewezen': {},
};

/** The state after an event, or null when the event is not possible in this state. */
export function nextState(state: AdjustmentState, event: AdjustmentEvent): AdjustmentState | null {
  return TRANSITIONS[state][event] ?? null;
}

/** Whether the adjustment still waits for a decision or for its allocation. */
export function isOpen(state: AdjustmentState): boolean {
  return state === 'voorgesteld' || state === 'goedgekeurd';
}

// Access ------------------------------------------------------------------------------------

/** Staff of an organisation holding casusregie who speak for it on the case. */
const CASUSREGIE_STAFF: readonly StaffRole[] = ['casusregisseur', 'teamleider', 'jeugdbeschermer'];
const TEAM_STAFF: readonly StaffRole[] = ['casusregisseur', 'teamleider'];
const PROVIDER_STAFF: readonly StaffRole[] = ['planner', 'behandelaar'];

const hasRole = (actor: Actor, roles: readonly StaffRole[]) =>
  actor.roles.some((r) => roles.includes(r));

/**
 * On which side the actor may propose: the casusregie side (the holder of casusregie, or a
 * casusregisseur or team lead of the responsible team) or the provider with behandelregie
 * (its planner or behandelaar); null when neither.
 */
export function proposerSide(
  actor: Actor,
  facts: CaseAccessFacts,
): 'casusregie' | 'aanbieder' | null {
  const roles = facts.activeRoles;
  if (roles.some((r) => r.role === 'casusregie' && r.staffId === actor.staffId))
    return 'casusregie';
  if (
    roles.some(
      (r) =>
        r.role === 'casusregie' && r.staffId === null && r.organisationId === actor.organisationId,
    ) &&
    hasRole(actor, CASUSREGIE_STAFF)
  )
    return 'casusregie';
  if (facts.responsibleTeamId === actor.organisationId && hasRole(actor, TEAM_STAFF))
    return 'casusregie';
  if (
    roles.some((r) => r.role === 'behandelregie' && r.organisationId === actor.organisationId) &&
    hasRole(actor, PROVIDER_STAFF)
  )
    return 'aanbieder';
  return null;
}

/** Who may propose an adjustment on the case (a provider only for its own allocations). */
export function mayProposeAdjustment(actor: Actor, facts: CaseAccessFacts): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  const side = proposerSide(actor, facts);
  if (side === 'casusregie') return read;
  if (side === 'aanbieder')
    return { allowed: true, basis: 'rol-organisatie', role: 'behandelregie' };
  return {
    allowed: false,
    reason:
      'alleen de casusregisseur (of het verantwoordelijke team) en de aanbieder met behandelregie stellen een aanpassing voor',
  };
}

/** Whether the actor may propose changing this allocation: the provider only its own. */
export function mayAdjustAllocation(
  actor: Actor,
  facts: CaseAccessFacts,
  providerOrganisationId: string,
): boolean {
  const side = proposerSide(actor, facts);
  return (
    side === 'casusregie' ||
    (side === 'aanbieder' && providerOrganisationId === actor.organisationId)
  );
}

/** Whether someone holds procesregie on the case, so a proposal can be decided. */
export function hasProcesregisseur(facts: CaseAccessFacts): boolean {
  return facts.activeRoles.some(
    (r) => r.role === 'procesregie' && (r.staffId !== null || r.organisationId !== null),
  );
}

/**
 * Who decides: the procesregisseur — the professional holding procesregie, or staff of the
 * organisation holding it — and never the one who proposed it (four eyes).
 */
export function mayDecideAdjustment(
  actor: Actor,
  facts: CaseAccessFacts,
  proposerStaffId: string,
): AccessDecision {
  const read = caseAccess(actor, facts);
  if (!read.allowed) return read;
  const holds = facts.activeRoles.some(
    (r) =>
      r.role === 'procesregie' &&
      (r.staffId === actor.staffId ||
        (r.staffId === null && r.organisationId === actor.organisationId)),
  );
  if (!holds || !worksWithCases(actor))
    return { allowed: false, reason: 'alleen de procesregisseur besluit over een aanpassing' };
  if (actor.staffId === proposerStaffId)
    return {
      allowed: false,
      reason: 'wie de aanpassing voorstelde, besluit er niet zelf over (vier ogen)',
    };
  return { allowed: true, basis: read.basis, role: 'procesregie' };
}

/**
 * Whether the actor reads every adjustment of the case: the holders of casusregie,
 * crisiscasusregie and procesregie and the responsible team. Anyone else who reads the case (a
 * provider) sees only the adjustments of its own allocations and those it proposed.
 */
export function seesAllAdjustments(actor: Actor, facts: CaseAccessFacts): boolean {
  if (!caseAccess(actor, facts).allowed) return false;
  if (facts.responsibleTeamId !== null && facts.responsibleTeamId === actor.organisationId)
    return true;
  return facts.activeRoles.some(
    (r) =>
      r.role !== 'behandelregie' &&
      (r.staffId === actor.staffId ||
        (r.staffId === null && r.organisationId === actor.organisationId)),
  );
}
