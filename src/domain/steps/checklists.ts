/**
 * The "done when" lists of the generic process (DOMAIN.md section 4; RIJ steps 1-3): per step
 * and route, what must be true before the step is complete. An item is met by a timeline
 * event where one exists (e.g. `plan-vastgesteld`), otherwise by a professional ticking it off
 * (a `stap-afgevinkt` note on the timeline naming the item). The product shows what is missing;
 * it blocks nothing.
 */
import type { EvaluationKind, EventType } from '../rules/index.js';

export type Step = 'stap-1' | 'stap-2' | 'stap-3';
export type Route = 'A' | 'B' | 'C';

export interface ChecklistItem {
  readonly key: string;
  readonly label: string;
  /** Routes the item applies to; all when absent. */
  readonly routes?: readonly Route[];
  /** Timeline events that meet the item. */
  readonly metBy?: readonly {
    readonly type: EventType;
    readonly kind?: readonly EvaluationKind[];
  }[];
}

export const STEP_TITLES: Record<Step, string> = {
  'stap-1': 'Stap 1: aanmelding, analyse en toewijzing',
  'stap-2': 'Stap 2: uitvoering en monitoring',
  'stap-3': 'Stap 3: afsluiting',
};

/** Source: DOMAIN.md section 4 (RIJ "Stap 1-3", route tables). */
export const STEP_CHECKLISTS: Record<Step, readonly ChecklistItem[]> = {
  'stap-1': [
    { key: 'problematiek-beschreven', label: 'De problemen van het gezin zijn beschreven' },
    { key: 'veiligheid-vastgesteld', label: 'De mate van veiligheid is vastgesteld' },
    {
      key: 'hulpbehoefte-bekend',
      label: 'Bekend is of specialistische of lokale hulp nodig is',
      routes: ['A'],
    },
    {
      key: 'enkel-meervoudig-complex',
      label: 'Bekend is of de vraag enkelvoudig, meervoudig of complex is',
      routes: ['B'],
    },
    {
      key: 'plan-vastgesteld',
      label: 'Het ondersteuningsplan is opgesteld, ondertekend en vastgesteld',
      routes: ['A'],
      metBy: [{ type: 'plan-vastgesteld' }],
    },
    {
      key: 'hulpverleningsplan-vastgesteld',
      label: 'Het hulpverleningsplan is vastgesteld',
      routes: ['B'],
      metBy: [{ type: 'hulpverleningsplan' }],
    },
    {
      key: 'gezinsplan',
      label: 'Het gezinsplan is geschreven (binnen 6 weken na de rechterlijke opdracht)',
      routes: ['C'],
      metBy: [{ type: 'gezinsplan' }],
    },
    { key: 'arrangement', label: 'Het arrangement is samengesteld', routes: ['A', 'B'] },
    { key: 'aanbieder-gekozen', label: 'De aanbieder is gekozen', routes: ['A'] },
    {
      key: 'opdracht-verstrekt',
      label: 'De opdracht aan de aanbieder is verstrekt (toewijzing)',
      routes: ['A', 'B'],
      metBy: [{ type: 'toewijzing-ontvangen' }],
    },
  ],
  'stap-2': [
    {
      key: 'uitvoering-gestart',
      label: 'De uitvoering is gestart',
      metBy: [{ type: 'start-hulp' }],
    },
    {
      key: 'uitvoering-gemonitord',
      label: 'De uitvoering wordt gevolgd (contact of tussenevaluatie)',
      metBy: [{ type: 'contact' }, { type: 'evaluatie', kind: ['tussen', 'gezinsplan'] }],
    },
    { key: 'bijgesteld', label: 'Waar nodig is de hulp bijgesteld' },
  ],
  'stap-3': [
    {
      key: 'eindresultaat',
      label: 'Het eindresultaat is beoordeeld (eindevaluatie)',
      metBy: [{ type: 'evaluatie', kind: ['eind'] }],
    },
    { key: 'vervolg-duidelijk', label: 'Duidelijk is wat er na de afsluiting gebeurt' },
  ],
};

export interface TimelineEntry {
  readonly type: string;
  readonly kind: string | null;
  /** For `stap-afgevinkt`: the item key. */
  readonly note: string | null;
}

export interface ChecklistStatus {
  readonly key: string;
  readonly label: string;
  readonly done: boolean;
  /** How it was met: by an event type, or ticked off by hand. */
  readonly by: string | null;
}

/** The checklist of a step for a route, with what is done and what is still missing. */
export function stepChecklist(
  step: Step,
  route: Route,
  timeline: readonly TimelineEntry[],
): ChecklistStatus[] {
  return STEP_CHECKLISTS[step]
    .filter((item) => !item.routes || item.routes.includes(route))
    .map((item) => {
      const event = timeline.find((e) =>
        (item.metBy ?? []).some(
          (m) =>
            m.type === e.type &&
            (!m.kind || (e.kind !== null && (m.kind as readonly string[]).includes(e.kind))),
        ),
      );
      if (event) return { key: item.key, label: item.label, done: true, by: event.type };
      const ticked = timeline.some((e) => e.type === 'stap-afgevinkt' && e.note === item.key);
      return { key: item.key, label: item.label, done: ticked, by: ticked ? 'afgevinkt' : null };
    });
}
