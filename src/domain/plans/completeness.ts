/**
 * When is a plan complete enough to be fixed? Per kind the contents DOMAIN.md section 5 lists,
 * and for every goal the SMART test that a person can check: specific (a result area and what
 * changes), measurable (how everyone sees it is reached), owned (family, network or a
 * professional, by name), and time-bound (a target date after the plan starts). Achievable and
 * realistic are for the people at the table, not for software. Messages are Dutch.
 */
import { parseIsoDate, type DayNumber } from '../time/index.js';
import {
  FUTURE_DOMAINS,
  GOAL_OWNERS,
  GOAL_PROGRESS,
  RESULT_AREAS,
  type FieldProblem,
  type Goal,
  type PlanContent,
  type PlanContext,
  type PlanKind,
} from './types.js';

const filled = (text: string | undefined): boolean => (text ?? '').trim().length > 0;

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9à-ÿ]+/)
    .filter(Boolean);

/** The problems of one goal, with paths relative to `goals.<index>`. */
export function goalProblems(goal: Goal, index: number, planStart: DayNumber): FieldProblem[] {
  const at = (field: string, message: string): FieldProblem => ({
    path: `goals.${index}.${field}`,
    message,
  });
  const problems: FieldProblem[] = [];
  if (!(RESULT_AREAS as readonly string[]).includes(goal.resultArea))
    problems.push(at('resultArea', 'kies het resultaatgebied waar het doel bij hoort'));
  if (!filled(goal.description))
    problems.push(at('description', 'beschrijf wat er moet veranderen'));
  if (!filled(goal.measurableTarget))
    problems.push(
      at(
        'measurableTarget',
        'maak het doel meetbaar: waaraan ziet iedereen dat het bereikt is? (bijvoorbeeld "Sam gaat vier dagen per week naar school")',
      ),
    );
  else if (words(goal.measurableTarget).length < 3)
    problems.push(
      at('measurableTarget', 'beschrijf in een zin waaraan te zien is dat het doel bereikt is'),
    );
  else if (goal.measurableTarget.trim().toLowerCase() === goal.description.trim().toLowerCase())
    problems.push(
      at(
        'measurableTarget',
        'herhaal het doel niet, maar zeg waaraan te zien is dat het bereikt is',
      ),
    );
  if (!(GOAL_OWNERS as readonly string[]).includes(goal.owner.kind))
    problems.push(at('owner.kind', 'kies wie aan het doel werkt: gezin, netwerk of professional'));
  if (!filled(goal.owner.name)) problems.push(at('owner.name', 'noem wie aan het doel werkt'));
  const target = parseIsoDate(goal.targetDate);
  if (target === null)
    problems.push(at('targetDate', 'geef een streefdatum: wanneer moet het doel bereikt zijn?'));
  else if (target <= planStart)
    problems.push(at('targetDate', 'de streefdatum moet na de ingangsdatum van het plan liggen'));
  if (!(GOAL_PROGRESS as readonly string[]).includes(goal.progress))
    problems.push(at('progress', 'onbekende voortgang'));
  return problems;
}

interface Requirement {
  readonly path: keyof PlanContent;
  readonly message: string;
}

/** The text sections each kind needs (DOMAIN.md section 5). */
const REQUIRED_TEXT: Record<PlanKind, readonly Requirement[]> = {
  ondersteuningsplan: [
    { path: 'analysisOutcome', message: 'vat de uitkomst van de vraaganalyse samen' },
    { path: 'riskOutcome', message: 'noem de uitkomst van de risicotaxatie' },
    { path: 'intensity', message: 'geef de intensiteit van de hulp (treden)' },
    { path: 'expectedDuration', message: 'geef de verwachte duur' },
    {
      path: 'cooperation',
      message: 'leg de samenwerking en de rolverdeling vast, ook die van het gezin',
    },
  ],
  gezinsplan: [
    { path: 'currentSituation', message: 'beschrijf de huidige situatie: zorgen en krachten' },
    { path: 'riskOutcome', message: 'noem de uitkomst van de veiligheids- en risicotaxatie' },
    { path: 'analysisOutcome', message: 'vat de analyse samen' },
    { path: 'measureReason', message: 'noem de reden van de maatregel' },
    { path: 'clientView', message: 'schrijf de visie van de cliënt op' },
  ],
  hulpverleningsplan: [
    { path: 'helpType', message: 'beschrijf welke hulp de aanbieder biedt' },
    { path: 'frequency', message: 'geef de frequentie van de hulp' },
    { path: 'perspective', message: 'beschrijf het perspectief' },
  ],
  toekomstplan: [{ path: 'perspective', message: 'beschrijf het perspectief na 18 jaar' }],
  veiligheidsplan: [{ path: 'safetyAgreements', message: 'leg de veiligheidsafspraken vast' }],
  familiegroepsplan: [
    {
      path: 'authors',
      message: 'schrijf op wie het plan maakten: de ouders en wie uit hun netwerk meedeed',
    },
    { path: 'perspective', message: 'beschrijf het perspectief dat het gezin voor ogen heeft' },
    {
      path: 'helpWanted',
      message: 'schrijf op welke professionele hulp het gezin nodig denkt te hebben',
    },
  ],
};

const FUTURE_DOMAIN_LABELS: Record<(typeof FUTURE_DOMAINS)[number], string> = {
  wonen: 'wonen na 18',
  'zorg-andere-wetten': 'zorg en ondersteuning onder andere wetten',
  mentorschap: 'mentorschap',
  financien: 'financiën',
  'onderwijs-werk': 'onderwijs en werk',
  'netwerk-relaties': 'netwerk en relaties',
  'wensen-talenten': 'wensen en talenten',
  'praktisch-voor-18': 'praktische zaken vóór 18 (verzekeringen, toeslagen)',
  veiligheid: 'veiligheid',
};

/** Kinds whose goals are the heart of the plan: at least one SMART goal is needed. */
const NEEDS_GOALS: readonly PlanKind[] = [
  'ondersteuningsplan',
  'gezinsplan',
  'hulpverleningsplan',
  'toekomstplan',
  'familiegroepsplan',
];

/**
 * Everything still missing before a plan of this kind can be fixed; empty when complete.
 * `planStart` is the date the plan takes effect (`YYYY-MM-DD`).
 */
export function planProblems(
  kind: PlanKind,
  content: PlanContent,
  planStart: string,
  context?: PlanContext,
): FieldProblem[] {
  const start = parseIsoDate(planStart);
  const problems: FieldProblem[] = [];
  if (start === null) return [{ path: 'startDate', message: 'geen geldige ingangsdatum' }];
  for (const r of REQUIRED_TEXT[kind])
    if (!filled(content[r.path] as string | undefined))
      problems.push({ path: r.path, message: r.message });
  const goals = content.goals ?? [];
  if (NEEDS_GOALS.includes(kind) && goals.length === 0)
    problems.push({ path: 'goals', message: 'geef minstens één SMART-doel' });
  goals.forEach((goal, i) => problems.push(...goalProblems(goal, i, start)));
  const ids = goals.map((g) => g.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      problems.push({ path: `goals.${i}.id`, message: 'twee doelen hebben hetzelfde kenmerk' });
  });
  if (kind === 'toekomstplan')
    for (const domain of FUTURE_DOMAINS)
      if (!filled(content.futureDomains?.[domain]))
        problems.push({
          path: `futureDomains.${domain}`,
          message: `schrijf op wat er geregeld is of nog moet voor ${FUTURE_DOMAIN_LABELS[domain]}`,
        });
  if (kind === 'hulpverleningsplan') problems.push(...proposalProblems(content, context));
  if (kind === 'veiligheidsplan') {
    const lines = content.bottomLines ?? [];
    if (lines.length === 0)
      problems.push({ path: 'bottomLines', message: 'noem minstens één bodemeis' });
    lines.forEach((line, i) => {
      if (!filled(line.requirement))
        problems.push({ path: `bottomLines.${i}.requirement`, message: 'beschrijf de bodemeis' });
      if (!filled(line.who))
        problems.push({ path: `bottomLines.${i}.who`, message: 'noem wie op deze bodemeis let' });
    });
  }
  return problems;
}

/**
 * The arrangement a provider proposes (route B: DOMAIN.md section 3). Goals per result area,
 * intensity and duration together form the arrangement (section 5), so every goal belongs to
 * a proposed result area and every proposed result area has a goal. On route B the proposal
 * is required; elsewhere it is optional but, when given, complete.
 */
function proposalProblems(content: PlanContent, context: PlanContext | undefined): FieldProblem[] {
  const proposal = content.arrangementProposal;
  if (!proposal)
    return context?.route === 'B'
      ? [
          {
            path: 'arrangementProposal',
            message:
              'op route B stelt de aanbieder een arrangement voor: resultaatgebieden, intensiteit en duur',
          },
        ]
      : [];
  const problems: FieldProblem[] = [];
  const at = (field: string, message: string) =>
    problems.push({ path: `arrangementProposal.${field}`, message });
  if (proposal.resultAreas.length === 0) at('resultAreas', 'kies minstens één resultaatgebied');
  proposal.resultAreas.forEach((area, i) => {
    if (!(RESULT_AREAS as readonly string[]).includes(area))
      at(`resultAreas.${i}`, 'onbekend resultaatgebied');
  });
  if (!filled(proposal.intensity)) at('intensity', 'geef de intensiteit (trede)');
  if (!filled(proposal.duration)) at('duration', 'geef de duur van het arrangement');
  if (!filled(proposal.motivation))
    at('motivation', 'leg uit waarom dit arrangement past bij de vraag');
  const goals = content.goals ?? [];
  goals.forEach((goal, i) => {
    if (!proposal.resultAreas.includes(goal.resultArea))
      problems.push({
        path: `goals.${i}.resultArea`,
        message: 'dit resultaatgebied staat niet in het voorgestelde arrangement',
      });
  });
  proposal.resultAreas.forEach((area, i) => {
    if (
      (RESULT_AREAS as readonly string[]).includes(area) &&
      !goals.some((g) => g.resultArea === area)
    )
      at(`resultAreas.${i}`, 'geef minstens één doel voor dit resultaatgebied');
  });
  return problems;
}
