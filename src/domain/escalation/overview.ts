/**
 * The anonymised, substantiated overview a contract manager receives at RIJ level 5, in one
 * fixed format: no names, no BSN, no addresses, no birth dates (ages instead), and free text
 * scrubbed of every name known in the case and of anything that looks like an identifier.
 * The manager of the local team reviews this exact text before it is shared.
 */
import type {
  AgreedAction,
  EscalationSubject,
  EscalationType,
  OverviewPositions,
} from './ladder.js';
import { scrub } from '../privacy/anonymise.js';

// One scrubber serves every anonymised text (src/domain/privacy/anonymise.ts).
export { namesOf, scrub } from '../privacy/anonymise.js';

export interface OverviewSource {
  readonly reference: string;
  readonly region: string;
  readonly municipality: string;
  readonly ladderId: string;
  readonly type: EscalationType;
  readonly subject: EscalationSubject;
  /** `YYYY-MM-DD`. */
  readonly openedOn: string;
  readonly route: string;
  readonly segment: string;
  readonly ages: readonly number[];
  /** Products concerned (code and name), for an allocation dispute. */
  readonly products: readonly string[];
  readonly description: string;
  readonly facts: string;
  readonly steps: readonly {
    readonly level: number;
    readonly actor: string;
    readonly note: string;
    readonly on: string;
  }[];
  readonly positions: OverviewPositions;
  readonly actions: readonly AgreedAction[];
  readonly feedbackDate: string;
}

/** The fixed format. Every text field has been scrubbed. */
export interface AnonymisedOverview {
  readonly reference: string;
  readonly region: string;
  readonly municipality: string;
  readonly ladderId: string;
  readonly type: EscalationType;
  readonly subject: EscalationSubject;
  readonly openedOn: string;
  readonly route: string;
  readonly segment: string;
  readonly ages: readonly number[];
  readonly products: readonly string[];
  readonly description: string;
  readonly facts: string;
  readonly steps: readonly {
    readonly level: number;
    readonly actor: string;
    readonly note: string;
    readonly on: string;
  }[];
  readonly positions: OverviewPositions;
  readonly actions: readonly AgreedAction[];
  readonly feedbackDate: string;
}

/** The overview in the fixed format, every free text scrubbed. */
export function anonymisedOverview(
  source: OverviewSource,
  knownNames: readonly string[],
): AnonymisedOverview {
  const clean = (text: string) => scrub(text, knownNames);
  return {
    reference: source.reference,
    region: source.region,
    municipality: source.municipality,
    ladderId: source.ladderId,
    type: source.type,
    subject: source.subject,
    openedOn: source.openedOn,
    route: source.route,
    segment: source.segment,
    ages: [...source.ages].sort((a, b) => a - b),
    products: source.products.map(clean),
    description: clean(source.description),
    facts: clean(source.facts),
    steps: source.steps.map((s) => ({ ...s, actor: clean(s.actor), note: clean(s.note) })),
    positions: {
      localTeam: clean(source.positions.localTeam),
      provider: clean(source.positions.provider),
      requestedDecision: clean(source.positions.requestedDecision),
    },
    actions: source.actions.map((a) => ({ who: clean(a.who), what: clean(a.what) })),
    feedbackDate: source.feedbackDate,
  };
}
