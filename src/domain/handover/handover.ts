/**
 * Warm handover of casusregie (ZTM-DEC-WARM-HANDOVER, ZTM "(Eventuele) overdracht"): the current
 * and the new casusregisseur meet the family together at least once before casusregie moves.
 * Until then the handover is open and the named new casusregisseur may already read the case
 * (see `handoverRecipientIds` in `access/case-access.ts`). Pure rules; the store applies them.
 *
 * Choice (ADR 0011): the rule comes from Zoetermeer, but it holds in every region. A cold handover
 * loses children between organisations everywhere; Groningen names "berichtenverkeer zonder
 * inhoudelijke overdracht" as a failure of access work.
 */
import { formatIsoDate, localDay } from '../time/index.js';

/** The rule every refusal and every screen of this flow cites. */
export const WARM_HANDOVER_RULE = 'ZTM-DEC-WARM-HANDOVER';

/** Staff roles that can hold casusregie as a person: local team, team lead, GI, provider. */
export const CASUSREGIE_STAFF_ROLES = [
  'casusregisseur',
  'teamleider',
  'jeugdbeschermer',
  'behandelaar',
] as const;

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** Who holds casusregie now (the running `case_role` row). */
export interface CurrentCasusregie {
  readonly holder: 'gezin' | 'professional' | 'organisatie';
  readonly staffId: string | null;
  readonly organisationId: string | null;
}

/** The staff member named as new casusregisseur, as the directory knows them. */
export interface NamedRegisseur {
  readonly staffId: string;
  readonly organisationId: string;
  readonly roles: readonly string[];
  readonly active: boolean;
}

export interface StartInput {
  readonly reason: string;
  readonly newStaffId: string;
  readonly newOrganisationId: string;
}

/**
 * Starting a handover: a reason, a current casusregie to hand over, and an active staff member
 * of the chosen organisation who can hold casusregie and does not hold it already.
 */
export function startProblems(
  input: StartInput,
  current: CurrentCasusregie | null,
  named: NamedRegisseur | null,
): Problem[] {
  const problems: Problem[] = [];
  if (input.reason.trim().length < 10)
    problems.push({ path: 'reden', message: 'schrijf in een zin waarom de casusregie overgaat' });
  if (current === null)
    problems.push({
      path: 'casusregie',
      message: 'er is geen lopende casusregie om over te dragen',
    });
  if (named === null || !named.active)
    problems.push({
      path: 'nieuweRegisseur.medewerkerId',
      message: 'onbekende of niet-actieve medewerker',
    });
  else if (named.organisationId !== input.newOrganisationId)
    problems.push({
      path: 'nieuweRegisseur.medewerkerId',
      message: 'deze medewerker werkt niet bij de gekozen organisatie',
    });
  else if (!named.roles.some((r) => (CASUSREGIE_STAFF_ROLES as readonly string[]).includes(r)))
    problems.push({
      path: 'nieuweRegisseur.medewerkerId',
      message: 'deze medewerker kan geen casusregie voeren',
    });
  else if (current?.staffId === named.staffId)
    problems.push({
      path: 'nieuweRegisseur.medewerkerId',
      message: 'deze medewerker is al de casusregisseur',
    });
  return problems;
}

/** A joint meeting as recorded: when, and who was there. */
export interface Meeting {
  /** Instant in milliseconds. */
  readonly heldAt: number;
  readonly oldRegisseurPresent: boolean;
  readonly newRegisseurPresent: boolean;
  /** Household members (jeugdige, ouder, gezagsdrager, voogd) who were there. */
  readonly familyPresent: readonly string[];
}

export interface MeetingInput extends Meeting {
  readonly summary: string;
}

/**
 * Recording a meeting: held in the past, not before the day the handover started, family
 * members from the household, and what was handed over or agreed. A meeting where someone was
 * missing may be recorded — it just does not complete the handover.
 */
export function meetingProblems(
  input: MeetingInput,
  context: {
    readonly now: number;
    readonly startedAt: number;
    readonly householdPersonIds: readonly string[];
  },
): Problem[] {
  const problems: Problem[] = [];
  if (input.heldAt > context.now)
    problems.push({ path: 'gehoudenOp', message: 'het gesprek ligt in de toekomst' });
  else if (localDay(input.heldAt) < localDay(context.startedAt))
    problems.push({
      path: 'gehoudenOp',
      message: 'het gesprek ligt vóór de start van deze overdracht',
    });
  input.familyPresent.forEach((id, i) => {
    if (!context.householdPersonIds.includes(id))
      problems.push({ path: `aanwezig.gezinsleden.${i}`, message: 'geen lid van dit gezin' });
  });
  if (new Set(input.familyPresent).size !== input.familyPresent.length)
    problems.push({ path: 'aanwezig.gezinsleden', message: 'een gezinslid staat er dubbel in' });
  if (input.summary.trim().length < 20)
    problems.push({
      path: 'verslag',
      message: 'schrijf wat is overgedragen en afgesproken (achtergrond, plan, stand van zaken)',
    });
  return problems;
}

/** Who a meeting lacked, in the words the refusal uses. */
export type Missing = 'oude casusregisseur' | 'nieuwe casusregisseur' | 'gezin';

/**
 * Who the meeting lacked for a warm handover. When the family held casusregie itself, the family
 * is the old regisseur: its presence counts for both.
 */
export function missingIn(meeting: Meeting, fromFamily: boolean): Missing[] {
  const missing: Missing[] = [];
  const family = meeting.familyPresent.length > 0;
  if (!fromFamily && !meeting.oldRegisseurPresent) missing.push('oude casusregisseur');
  if (!meeting.newRegisseurPresent) missing.push('nieuwe casusregisseur');
  if (!family) missing.push('gezin');
  return missing;
}

export type CompletionCheck =
  | { readonly complete: true; readonly meeting: Meeting }
  | { readonly complete: false; readonly missing: readonly Missing[]; readonly message: string };

const dutchDate = (ms: number): string => {
  const [y, m, d] = formatIsoDate(localDay(ms)).split('-');
  return `${d}-${m}-${y}`;
};

const listed = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;

/**
 * Whether the handover may be completed: at least one recorded meeting with the old regisseur,
 * the new regisseur and the family together. Otherwise the refusal says why — no meeting at all,
 * or who was missing in the meeting that came closest (the latest, between equals).
 */
export function completionCheck(
  meetings: readonly Meeting[],
  fromFamily: boolean,
): CompletionCheck {
  const complete = meetings.find((m) => missingIn(m, fromFamily).length === 0);
  if (complete) return { complete: true, meeting: complete };
  const rule = `(${WARM_HANDOVER_RULE})`;
  const who = fromFamily
    ? 'de nieuwe casusregisseur en het gezin'
    : 'de oude en de nieuwe casusregisseur en het gezin';
  if (meetings.length === 0)
    return {
      complete: false,
      missing: fromFamily
        ? ['nieuwe casusregisseur', 'gezin']
        : ['oude casusregisseur', 'nieuwe casusregisseur', 'gezin'],
      message: `De overdracht kan nog niet worden afgerond: er is geen gezamenlijk gesprek vastgelegd. Een warme overdracht vraagt minstens één gesprek waarin ${who} samen aanwezig zijn ${rule}.`,
    };
  const closest = [...meetings].sort(
    (a, b) =>
      missingIn(a, fromFamily).length - missingIn(b, fromFamily).length || b.heldAt - a.heldAt,
  )[0] as Meeting;
  const missing = missingIn(closest, fromFamily);
  const verb = missing.length === 1 ? 'ontbrak' : 'ontbraken';
  return {
    complete: false,
    missing,
    message: `De overdracht kan nog niet worden afgerond: bij het gesprek van ${dutchDate(closest.heldAt)} ${verb} ${listed(missing.map((m) => (m === 'gezin' ? 'het gezin (geen jeugdige of ouder)' : `de ${m}`)))}. Een warme overdracht vraagt minstens één gesprek waarin ${who} samen aanwezig zijn ${rule}.`,
  };
}
