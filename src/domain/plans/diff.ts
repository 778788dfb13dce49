/**
 * What changed between two versions of a plan, in words a family can follow: sections that
 * were written, changed or emptied, and goals added, removed or changed (followed by their
 * stable id, so reordering is not a change).
 */
import type { Goal, PlanContent } from './types.js';

export type ChangeKind = 'toegevoegd' | 'gewijzigd' | 'verwijderd';

export interface PlanChange {
  readonly path: string;
  /** Dutch label of what changed, e.g. `Doel 2 (onderwijs): streefdatum`. */
  readonly label: string;
  readonly kind: ChangeKind;
  readonly before: string | null;
  readonly after: string | null;
}

const SECTION_LABELS: Record<string, string> = {
  analysisOutcome: 'Uitkomst vraaganalyse',
  riskOutcome: 'Uitkomst risicotaxatie',
  intensity: 'Intensiteit',
  expectedDuration: 'Verwachte duur',
  schoolAlignment: 'Afstemming met school',
  cooperation: 'Samenwerking en rolverdeling',
  currentSituation: 'Huidige situatie',
  measureReason: 'Reden van de maatregel',
  clientView: 'Visie van de cliënt',
  helpType: 'Soort hulp',
  frequency: 'Frequentie',
  perspective: 'Perspectief',
  safetyAgreements: 'Veiligheidsafspraken',
  helpWanted: 'Gewenste professionele hulp',
  authors: 'Opgesteld door',
  'casusregie.alignment': 'Casusregie: afstemming',
  'casusregie.monitoring': 'Casusregie: volgen van de hulp en evaluaties',
  'casusregie.safety': 'Casusregie: veiligheid',
  'casusregie.perspective': 'Casusregie: perspectief en toekomstplan',
  'casusregie.transitions': 'Casusregie: afsluiten, af- of opschalen',
  'casusregie.familyOwn': 'Casusregie: wat het gezin zelf doet',
  'arrangementProposal.resultAreas': 'Voorgesteld arrangement: resultaatgebieden',
  'arrangementProposal.intensity': 'Voorgesteld arrangement: intensiteit',
  'arrangementProposal.duration': 'Voorgesteld arrangement: duur',
  'arrangementProposal.motivation': 'Voorgesteld arrangement: onderbouwing',
};

const GOAL_FIELD_LABELS: Record<string, string> = {
  resultArea: 'resultaatgebied',
  description: 'omschrijving',
  measurableTarget: 'meetbaar resultaat',
  owner: 'wie werkt eraan',
  targetDate: 'streefdatum',
  progress: 'voortgang',
};

/** Text sections (and nested agreements) as path → text. */
function flatten(content: PlanContent): Map<string, string> {
  const out = new Map<string, string>();
  const put = (path: string, value: unknown) => {
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (typeof text === 'string' && text.trim() !== '') out.set(path, text.trim());
  };
  for (const [key, value] of Object.entries(content)) {
    if (key === 'goals' || key === 'bottomLines' || key === 'network' || key === 'familyAgreements')
      continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      for (const [sub, text] of Object.entries(value as Record<string, unknown>))
        put(`${key}.${sub}`, text);
    else put(key, value);
  }
  (content.bottomLines ?? []).forEach((line, i) =>
    put(`bottomLines.${i}`, `${line.requirement} (${line.who})`),
  );
  (content.network ?? []).forEach((m, i) => put(`network.${i}`, `${m.name}: ${m.support}`));
  (content.familyAgreements ?? []).forEach((a, i) =>
    put(`familyAgreements.${i}`, `${a.who}: ${a.what} (uiterlijk ${a.by})`),
  );
  return out;
}

function goalText(goal: Goal, field: string): string {
  if (field === 'owner') return `${goal.owner.name} (${goal.owner.kind})`;
  return String((goal as unknown as Record<string, unknown>)[field] ?? '');
}

function sectionLabel(path: string): string {
  if (SECTION_LABELS[path]) return SECTION_LABELS[path];
  const line = /^bottomLines\.(\d+)$/.exec(path);
  if (line) return `Bodemeis ${Number(line[1]) + 1}`;
  const member = /^network\.(\d+)$/.exec(path);
  if (member) return `Netwerk ${Number(member[1]) + 1}`;
  const agreement = /^familyAgreements\.(\d+)$/.exec(path);
  if (agreement) return `Afspraak ${Number(agreement[1]) + 1}`;
  const future = /^futureDomains\.(.+)$/.exec(path);
  if (future) return `Toekomst: ${future[1]}`;
  return path;
}

export function diffPlans(before: PlanContent, after: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  const a = flatten(before);
  const b = flatten(after);
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const was = a.get(path) ?? null;
    const now = b.get(path) ?? null;
    if (was === now) continue;
    changes.push({
      path,
      label: sectionLabel(path),
      kind: was === null ? 'toegevoegd' : now === null ? 'verwijderd' : 'gewijzigd',
      before: was,
      after: now,
    });
  }
  const oldGoals = before.goals ?? [];
  const newGoals = after.goals ?? [];
  const goalName = (goal: Goal, index: number) => `Doel ${index + 1} (${goal.resultArea})`;
  newGoals.forEach((goal, i) => {
    const previous = oldGoals.find((g) => g.id === goal.id);
    if (!previous) {
      changes.push({
        path: `goals.${goal.id}`,
        label: goalName(goal, i),
        kind: 'toegevoegd',
        before: null,
        after: `${goal.description} — ${goal.measurableTarget}`,
      });
      return;
    }
    for (const field of Object.keys(GOAL_FIELD_LABELS)) {
      const was = goalText(previous, field);
      const now = goalText(goal, field);
      if (was !== now)
        changes.push({
          path: `goals.${goal.id}.${field}`,
          label: `${goalName(goal, i)}: ${GOAL_FIELD_LABELS[field]}`,
          kind: 'gewijzigd',
          before: was,
          after: now,
        });
    }
  });
  oldGoals.forEach((goal, i) => {
    if (!newGoals.some((g) => g.id === goal.id))
      changes.push({
        path: `goals.${goal.id}`,
        label: goalName(goal, i),
        kind: 'verwijderd',
        before: `${goal.description} — ${goal.measurableTarget}`,
        after: null,
      });
  });
  return changes;
}
