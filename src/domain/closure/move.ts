/**
 * A family moves to another municipality (ZOU-DEC-ENDING, step 3 "verhuizing"): the case goes to
 * the local team of the new municipality — possibly in another region with another profile —
 * with a warm handover of casusregie (ZTM-DEC-WARM-HANDOVER). Pure rules; the store applies them.
 *
 * Choice (ADR 0013): the rule comes from Zuid-Oost Utrecht, but it holds in every region: a move
 * without a handover to the new local team loses the family between municipalities anywhere.
 */
import { addDays, formatIsoDate, parseIsoDate, type DayNumber } from '../time/index.js';

/** The rule every refusal and every screen of this flow cites. */
export const MOVE_RULE = 'ZOU-DEC-ENDING';

/** Added to every refusal: the rule of one region applied everywhere. */
export const EVERY_REGION = 'geldt in elke regio';

/** Staff roles that may take over as casusregisseur in the new local team. */
export const NEW_REGISSEUR_ROLES = ['casusregisseur', 'teamleider'] as const;

/** How far the moving day may lie from today, either way. */
export const MOVE_DATE_WINDOW_DAYS = 366;

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** The case as a move sees it. */
export interface MovingCase {
  readonly closed: boolean;
  readonly responsibleTeamId: string | null;
}

/** The organisations and the person named, as the directory knows them (null: unknown id). */
export interface MoveTarget {
  readonly municipality: { readonly id: string; readonly kind: string } | null;
  readonly team: {
    readonly id: string;
    readonly kind: string;
    readonly parentId: string | null;
  } | null;
  readonly staff: {
    readonly id: string;
    readonly organisationId: string;
    readonly roles: readonly string[];
    readonly active: boolean;
  } | null;
}

export interface MoveInput {
  readonly municipalityId: string;
  readonly teamId: string;
  readonly staffId: string;
  /** The day the family moves, `yyyy-mm-dd`. */
  readonly moveDate: string;
  readonly reason: string;
}

const cite = `(${MOVE_RULE}, ${EVERY_REGION})`;

/**
 * Why a move cannot start on this case at all, or null: a closed case moves nowhere, and a case
 * without a responsible local team has no team to hand over from. Answered as a conflict.
 */
export function moveBlocker(casus: MovingCase): string | null {
  if (casus.closed)
    return `Deze casus is afgesloten; een verhuizing kan alleen bij een lopende casus worden overgedragen ${cite}.`;
  if (casus.responsibleTeamId === null)
    return `Deze casus heeft geen verantwoordelijk lokaal team om van over te dragen ${cite}.`;
  return null;
}

/**
 * Field problems of a move: a municipality, one of its own local teams (not the current one), an
 * active casusregisseur or team lead of that team, a moving day within a year of today, and a
 * reason. Paths name the API fields; messages are Dutch and cite the rule.
 */
export function moveProblems(
  input: MoveInput,
  target: MoveTarget,
  context: { readonly today: DayNumber; readonly currentTeamId: string | null },
): Problem[] {
  const problems: Problem[] = [];
  if (!target.municipality || target.municipality.kind !== 'gemeente')
    problems.push({ path: 'gemeenteId', message: `kies de gemeente waar het gezin gaat wonen` });
  if (!target.team || target.team.kind !== 'lokaal-team')
    problems.push({ path: 'lokaalTeamId', message: 'kies het lokale team van de nieuwe gemeente' });
  else if (target.municipality && target.team.parentId !== target.municipality.id)
    problems.push({
      path: 'lokaalTeamId',
      message: `dit lokale team hoort niet bij de gekozen gemeente ${cite}`,
    });
  else if (target.team.id === context.currentTeamId)
    problems.push({
      path: 'lokaalTeamId',
      message: 'dit team is al verantwoordelijk; kies het team van de nieuwe gemeente',
    });
  if (!target.staff || !target.staff.active)
    problems.push({
      path: 'nieuweRegisseur.medewerkerId',
      message: 'onbekende of niet-actieve medewerker',
    });
  else if (target.team && target.staff.organisationId !== target.team.id)
    problems.push({
      path: 'nieuweRegisseur.medewerkerId',
      message: 'deze medewerker werkt niet bij het gekozen lokale team',
    });
  else if (!target.staff.roles.some((r) => (NEW_REGISSEUR_ROLES as readonly string[]).includes(r)))
    problems.push({
      path: 'nieuweRegisseur.medewerkerId',
      message: 'kies een casusregisseur of teamleider van het nieuwe team',
    });
  const day = parseIsoDate(input.moveDate);
  if (day === null)
    problems.push({ path: 'verhuisdatum', message: 'geen geldige datum, bijv. 2026-12-01' });
  else if (
    day < addDays(context.today, -MOVE_DATE_WINDOW_DAYS) ||
    day > addDays(context.today, MOVE_DATE_WINDOW_DAYS)
  )
    problems.push({
      path: 'verhuisdatum',
      message: `ligt meer dan een jaar van vandaag (${formatIsoDate(context.today)})`,
    });
  if (input.reason.trim().length < 10)
    problems.push({
      path: 'reden',
      message: 'schrijf in een zin waarom en waarheen het gezin verhuist',
    });
  return problems;
}
