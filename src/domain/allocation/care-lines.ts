/**
 * Start and stop of care across messages (iJw 3.2, cross-message technical rules on JW305 and
 * JW307). A provider reports each start (StartProduct) and stop (StopProduct) of an allocated
 * product; a line is identified by its logical key — ToewijzingNummer, Product and Begindatum —
 * and a stop carries the key of the start it ends. A wrong line is corrected by deleting it
 * (StatusAanlevering 3) and sending it again (IV008), in the same message when the key changes.
 *
 * Checked against what was received before, in message order (each line sees the lines before
 * it in the same message):
 *
 * - TR019 (9019): the allocation exists and belongs to the sender;
 * - TR074 (9074): a new start has a key not received before;
 * - TR326 (9326): no new start while the allocation has a start that was not stopped;
 * - TR063 (9063): a deletion names a line that was received;
 * - TR071 (9071): a start cannot be deleted once it was stopped;
 * - TR069 (9069): a stop ends a start with the same key;
 * - TR415 (9415), TR413 (9413), TR414 (9414): a second stop with the same key only turns a
 *   temporary stop (RedenBeeindiging 20) into a later, definitive one.
 *
 * Pure: the store passes the history, this module returns the problems or the new history.
 */

/** RedenBeeindiging 20 (JZ588): the help is stopped for a while and resumes with a new start. */
export const TEMPORARY_STOP = '20';

export interface CareLine {
  readonly kind: 'start' | 'stop';
  readonly allocation: string;
  /** `categorie/code` of the product, or `categorie/` without a code. */
  readonly product: string;
  /** `YYYY-MM-DD`: the start's Begindatum (a stop repeats it). */
  readonly begin: string;
  /** Stop only: Einddatum and RedenBeeindiging. */
  readonly end: string | null;
  readonly reason: string | null;
}

export interface IncomingLine extends CareLine {
  /** StatusAanlevering: 1 new, 3 delete (2 is refused by the message's own rules). */
  readonly status: string;
}

export interface AllocationFacts {
  /** The provider (AGB) the allocation went to. */
  readonly provider: string;
  /** The entitlement lapsed after a suspension (RIJ-TERM-SUSPEND): no new start on it. */
  readonly lapsed?: boolean;
}

export interface CareProblem {
  readonly rule: string;
  readonly code: string;
  readonly message: string;
}

export interface CareEffect {
  readonly allocation: string;
  readonly change: 'start' | 'resume' | 'stop' | 'suspend' | 'start-deleted' | 'stop-deleted';
  readonly line: CareLine;
}

export interface CareOutcome {
  readonly problems: readonly CareProblem[];
  /** The history after the message (only meaningful without problems). */
  readonly history: readonly CareLine[];
  readonly effects: readonly CareEffect[];
}

const sameKey = (a: CareLine, b: CareLine) =>
  a.allocation === b.allocation && a.product === b.product && a.begin === b.begin;

const keyText = (l: CareLine) =>
  `toewijzing ${l.allocation}, product ${l.product.replace(/\/$/, '')}, begindatum ${l.begin}`;

/** A start is current while no stop with its key was received. */
export function currentStart(history: readonly CareLine[], allocation: string): CareLine | null {
  return (
    history.find(
      (s) =>
        s.kind === 'start' &&
        s.allocation === allocation &&
        !history.some((t) => t.kind === 'stop' && sameKey(s, t)),
    ) ?? null
  );
}

/** The allocation's state from its lines: started, suspended, stopped, or not yet started. */
export function allocationState(
  history: readonly CareLine[],
  allocation: string,
): 'toegewezen' | 'gestart' | 'opgeschort' | 'gestopt' {
  if (currentStart(history, allocation)) return 'gestart';
  const stops = history
    .filter((l) => l.kind === 'stop' && l.allocation === allocation)
    .sort((a, b) => (a.begin < b.begin ? -1 : a.begin > b.begin ? 1 : 0));
  const last = stops[stops.length - 1];
  if (!last) return 'toegewezen';
  return last.reason === TEMPORARY_STOP ? 'opgeschort' : 'gestopt';
}

/**
 * Checks the lines of one JW305 or JW307 against the history of the allocations they name
 * and returns every problem, or the new history and what changed.
 */
export function checkCareLines(
  history: readonly CareLine[],
  incoming: readonly IncomingLine[],
  allocations: ReadonlyMap<string, AllocationFacts>,
  sender: string,
): CareOutcome {
  let lines = [...history];
  const problems: CareProblem[] = [];
  const effects: CareEffect[] = [];
  const problem = (rule: string, code: string, message: string) =>
    problems.push({ rule, code, message });

  for (const raw of incoming) {
    const { status, ...line } = raw;
    const facts = allocations.get(line.allocation);
    if (!facts || facts.provider !== sender) {
      problem(
        'TR019',
        '9019',
        facts
          ? `toewijzing ${line.allocation} is niet aan deze aanbieder gedaan`
          : `toewijzing ${line.allocation} is onbekend`,
      );
      continue;
    }
    if (facts.lapsed && line.kind === 'start' && status !== '3') {
      // No code of its own in the iJw list: 9019 says the allocation is not (any longer) one
      // the provider can deliver on, which is what a lapsed entitlement means.
      problem(
        'TR019',
        '9019',
        `toewijzing ${line.allocation} is vervallen na een opschorting van meer dan 8 weken (RIJ-TERM-SUSPEND); er is een nieuwe toewijzing nodig`,
      );
      continue;
    }
    const same = lines.find((l) => l.kind === line.kind && sameKey(l, line));
    if (status === '3') {
      if (!same) {
        problem(
          'TR063',
          '9063',
          `te verwijderen ${line.kind === 'start' ? 'start' : 'stop'} niet ontvangen: ${keyText(line)}`,
        );
        continue;
      }
      if (line.kind === 'start' && lines.some((l) => l.kind === 'stop' && sameKey(l, line))) {
        problem(
          'TR071',
          '9071',
          `start is al gestopt en kan niet worden verwijderd: ${keyText(line)}`,
        );
        continue;
      }
      lines = lines.filter((l) => l !== same);
      effects.push({
        allocation: line.allocation,
        change: line.kind === 'start' ? 'start-deleted' : 'stop-deleted',
        line: same,
      });
      continue;
    }
    if (line.kind === 'start') {
      if (same) {
        problem('TR074', '9074', `deze start is al eerder ontvangen: ${keyText(line)}`);
        continue;
      }
      const current = currentStart(lines, line.allocation);
      if (current) {
        problem(
          'TR326',
          '9326',
          `toewijzing ${line.allocation} heeft een start (begindatum ${current.begin}) die nog niet is gestopt`,
        );
        continue;
      }
      const resumes = allocationState(lines, line.allocation) === 'opgeschort';
      lines.push(line);
      effects.push({ allocation: line.allocation, change: resumes ? 'resume' : 'start', line });
      continue;
    }
    // A stop.
    if (!lines.some((l) => l.kind === 'start' && sameKey(l, line))) {
      problem('TR069', '9069', `geen start met dezelfde sleutel: ${keyText(line)}`);
      continue;
    }
    if (same) {
      if (same.reason !== TEMPORARY_STOP) {
        problem('TR415', '9415', `deze zorg is al definitief gestopt: ${keyText(line)}`);
        continue;
      }
      if (line.reason === TEMPORARY_STOP) {
        problem('TR413', '9413', `deze zorg is al tijdelijk gestopt: ${keyText(line)}`);
        continue;
      }
      if ((line.end ?? '') < (same.end ?? '')) {
        problem(
          'TR414',
          '9414',
          `einddatum ${line.end ?? '(leeg)'} ligt vóór de einddatum ${same.end ?? ''} van de tijdelijke stop`,
        );
        continue;
      }
      lines = lines.filter((l) => l !== same);
    }
    lines.push(line);
    effects.push({
      allocation: line.allocation,
      change: line.reason === TEMPORARY_STOP ? 'suspend' : 'stop',
      line,
    });
  }
  return problems.length > 0
    ? { problems, history, effects: [] }
    : { problems, history: lines, effects };
}
