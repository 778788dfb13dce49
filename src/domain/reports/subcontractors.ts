/**
 * Subcontractors the provider brings in (DOMAIN.md section 4 step 2; RIJ "Voortgang"): the
 * provider announces them to the casusregisseur before care starts, naming the subcontractor,
 * its AGB code and the part of the help it delivers.
 *
 * Two checks, both warnings rather than refusals, because the casusregisseur is better informed
 * late than not at all: whether the provider's care had already started (the announcement is
 * then marked "na start gemeld"), and whether the region's contracts list the subcontractor
 * under this provider (GRO "Inkoop": contract partners with the subcontractors they named when
 * they tendered).
 */
import { AGB, type Contract } from '../allocation/contracts.js';
import { localDay, parseIsoDate, type DayNumber } from '../time/index.js';

/** The provider's announcement of a subcontractor on a case. */
export interface SubcontractorAnnouncement {
  readonly name: string;
  readonly agbCode: string;
  /** Which part of the help the subcontractor delivers. */
  readonly part: string;
}

/** What the store knows when a subcontractor is announced. */
export interface SubcontractorFacts {
  /** The announcing provider's own AGB code, if known. */
  readonly providerAgb: string | null;
  /** AGB codes this provider already announced on the case. */
  readonly announced: readonly string[];
}

/** Why an announcement cannot be stored, per field. */
export interface SubcontractorProblem {
  readonly path: string;
  readonly message: string;
}

/** What stands in the way of storing the announcement; empty when it may be stored. */
export function subcontractorProblems(
  announcement: SubcontractorAnnouncement,
  facts: SubcontractorFacts,
): SubcontractorProblem[] {
  const out: SubcontractorProblem[] = [];
  if (announcement.name.trim() === '')
    out.push({ path: 'naam', message: 'vul de naam van de onderaannemer in' });
  if (!AGB.test(announcement.agbCode))
    out.push({ path: 'agbCode', message: 'een AGB-code is 8 cijfers' });
  else if (announcement.agbCode === facts.providerAgb)
    out.push({
      path: 'agbCode',
      message: 'dit is de AGB-code van uw eigen organisatie, niet van een onderaannemer',
    });
  if (announcement.part.trim() === '')
    out.push({ path: 'onderdeel', message: 'noem welk deel van de hulp de onderaannemer doet' });
  return out;
}

/** Whether the same subcontractor was announced before on this case (a conflict, not bad input). */
export function alreadyAnnounced(agbCode: string, facts: SubcontractorFacts): boolean {
  return facts.announced.includes(agbCode);
}

/** The traces of a started care on the case, for `careStarted`. */
export interface CareStartFacts {
  /** Begin dates (`YYYY-MM-DD`) of this provider's care lines on the case that were not deleted. */
  readonly careLineStarts: readonly string[];
  /** `start-hulp` events on the case: when, and whether this provider recorded it. */
  readonly startEvents: readonly { readonly at: number; readonly byProvider: boolean }[];
  /** This provider is the only one holding behandelregie on the case. */
  readonly onlyProvider: boolean;
  /** Instant (ms). */
  readonly now: number;
}

/**
 * Whether this provider's care has started: a start message (JW305) with a begin date up to
 * today, or a `start-hulp` event up to now that is this provider's — recorded by it, or on a case
 * where it is the only treating provider, so the start can be no one else's.
 */
export function careStarted(facts: CareStartFacts): boolean {
  const today: DayNumber = localDay(facts.now);
  const byLine = facts.careLineStarts.some((d) => {
    const day = parseIsoDate(d);
    return day !== null && day <= today;
  });
  const byEvent = facts.startEvents.some(
    (e) => e.at <= facts.now && (e.byProvider || facts.onlyProvider),
  );
  return byLine || byEvent;
}

/** The outcome of checking a subcontractor against the region's contracts. */
export type ContractCheck =
  { readonly contracted: true } | { readonly contracted: false; readonly warning: string };

function runsOn(c: Contract, day: DayNumber): boolean {
  const from = parseIsoDate(c.validFrom);
  const to = c.validTo === null ? null : parseIsoDate(c.validTo);
  return from !== null && from <= day && (to === null || day <= to);
}

/**
 * Whether the region's contracts list `subAgb` as a subcontractor of `providerAgb` on `day`.
 * Anything else is a warning that says what is missing, so the casusregisseur and the contract
 * manager can follow it up.
 */
export function subcontractorContract(
  contracts: readonly Contract[],
  providerAgb: string | null,
  subAgb: string,
  day: DayNumber,
): ContractCheck {
  if (providerAgb === null)
    return {
      contracted: false,
      warning:
        'de AGB-code van de aanbieder is niet bekend, dus de contracten zijn niet te controleren',
    };
  const lines = contracts.filter((c) => c.partnerAgb === providerAgb && c.providerAgb === subAgb);
  if (lines.some((c) => runsOn(c, day))) return { contracted: true };
  if (lines.length > 0)
    return {
      contracted: false,
      warning: 'het contract van deze onderaannemer onder deze aanbieder loopt nu niet',
    };
  if (!contracts.some((c) => c.partnerAgb === providerAgb && c.providerAgb === providerAgb))
    return {
      contracted: false,
      warning:
        'de aanbieder staat niet als hoofdaannemer in de contracten van de regio, dus onderaanneming is niet gecontracteerd',
    };
  return {
    contracted: false,
    warning:
      'deze onderaannemer staat in de contracten van de regio niet onder deze aanbieder; dat is een andere onderaannemer dan bij de inkoop opgegeven',
  };
}
