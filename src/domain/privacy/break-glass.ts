/**
 * Break-the-glass access (issue 8; ADR 0020). A professional who works with cases and has no
 * access to a case may open it in an emergency: with a written reason, for a limited time, read
 * only. The reason is the justification NEN 7513 asks for and goes with every read under the
 * grant; a privacy officer of the municipality of the case's region reviews each grant afterwards.
 * Pure: validation, the time limit and who may do what.
 */
import { worksWithCases, type Actor, type StaffRole } from '../access/case-access.js';
import { bsnProblem } from '../people/bsn.js';

/** What refusals and the UI cite: there is no regional rule, the norm and the law apply everywhere. */
export const BREAK_GLASS_RULE = 'NEN 7513 (rechtvaardiging bij noodtoegang), Jeugdwet 7.3.11';

export const MIN_REASON_LENGTH = 20;
export const DEFAULT_HOURS = 4;
export const MAX_HOURS = 24;

export const REVIEW_VERDICTS = ['terecht', 'onterecht'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export interface BreakGlassInput {
  /** The case id, or null when the case is looked up by BSN. */
  readonly caseId: string | null;
  readonly bsn: string | null;
  readonly reason: string;
  /** How long the grant runs, in whole hours (default 4). */
  readonly hours: number;
}

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** Problems with a request, by API field. Checked before anything is looked up. */
export function breakGlassProblems(input: BreakGlassInput): Problem[] {
  const problems: Problem[] = [];
  const reason = input.reason.trim();
  if (reason.length < MIN_REASON_LENGTH)
    problems.push({
      path: 'reden',
      message: `beschrijf de noodsituatie in minstens ${MIN_REASON_LENGTH} tekens (${BREAK_GLASS_RULE})`,
    });
  if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > MAX_HOURS)
    problems.push({
      path: 'uren',
      message: `kies een duur van 1 tot en met ${MAX_HOURS} uur`,
    });
  const hasCase = input.caseId !== null && input.caseId.trim() !== '';
  const hasBsn = input.bsn !== null && input.bsn.trim() !== '';
  if (hasCase === hasBsn)
    problems.push({
      path: hasCase ? 'bsn' : 'casusId',
      message: 'vul het casusnummer of het BSN van de jeugdige in (één van beide)',
    });
  else if (hasBsn) {
    const bsn = bsnProblem((input.bsn ?? '').trim());
    if (bsn) problems.push({ path: 'bsn', message: bsn });
  }
  return problems;
}

/** Who may break the glass: staff who work with case content (not beheer, management, …). */
export function mayBreakGlass(
  actor: Actor,
): { readonly allowed: true } | { readonly allowed: false; readonly reason: string } {
  if (!worksWithCases(actor))
    return {
      allowed: false,
      reason: 'noodtoegang is er alleen voor medewerkers die met casussen werken',
    };
  return { allowed: true };
}

/** The end of a grant that starts at `start` and runs `hours` hours (real hours). */
export function breakGlassUntil(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * 3_600_000);
}

/** Whether a grant still gives access at `now`. */
export function grantRunning(
  grant: { readonly startsAt: Date; readonly endsAt: Date },
  now: Date,
): boolean {
  return grant.startsAt.getTime() <= now.getTime() && now.getTime() < grant.endsAt.getTime();
}

/** Who reviews grants: the privacy officer of a municipality (the region of the case). */
export function mayReviewBreakGlass(
  roles: readonly StaffRole[],
  organisationKind: string,
): { readonly allowed: true } | { readonly allowed: false; readonly reason: string } {
  if (!roles.includes('privacyfunctionaris') || organisationKind !== 'gemeente')
    return {
      allowed: false,
      reason: 'alleen de privacyfunctionaris van de gemeente beoordeelt noodtoegang',
    };
  return { allowed: true };
}

export interface ReviewInput {
  readonly verdict: string;
  readonly note: string;
}

/** A verdict is terecht or onterecht; an onterecht verdict needs a note saying why. */
export function reviewProblems(input: ReviewInput): Problem[] {
  const problems: Problem[] = [];
  if (!(REVIEW_VERDICTS as readonly string[]).includes(input.verdict))
    problems.push({ path: 'oordeel', message: 'kies terecht of onterecht' });
  if (input.verdict === 'onterecht' && input.note.trim() === '')
    problems.push({ path: 'toelichting', message: 'schrijf waarom de noodtoegang onterecht was' });
  return problems;
}
