/**
 * Turns a scenario (unknown JSON) into engine input: validated facts, events sorted by time,
 * and "now" as an instant. Every problem is reported with the path of the field, in Dutch.
 */
import {
  formatIsoDate,
  localDay,
  parseInstant,
  parseIsoDate,
  startOfLocalDay,
  type DayNumber,
} from '../domain/time/index.js';
import type { CaseEvent, CaseFacts, Profile } from '../domain/rules/index.js';
import { scenarioSchema } from './schema.js';

export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
}

/** Thrown for a scenario that cannot be evaluated; lists every problem found. */
export class ScenarioError extends Error {
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(issues.map((i) => `${i.path || '(scenario)'}: ${i.message}`).join('\n'));
    this.name = 'ScenarioError';
  }
}

export interface NormalizedScenario {
  readonly profile: Profile;
  readonly now: number;
  readonly facts: CaseFacts;
  readonly events: readonly CaseEvent[];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`,
    )
    .join('');
}

/**
 * An event time: a date-time with offset (that instant), without offset (Amsterdam wall-clock
 * time) or a date only (the start of that day in Amsterdam).
 */
function parseMoment(text: string): number | null {
  if (text.length === 10) {
    const day = parseIsoDate(text);
    return day === null ? null : startOfLocalDay(day);
  }
  return parseInstant(text);
}

/** Validates a scenario against the known profiles and returns the engine's input. */
export function normalizeScenario(
  input: unknown,
  profiles: ReadonlyMap<string, Profile>,
): NormalizedScenario {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    throw new ScenarioError(
      parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  const data = parsed.data;
  const issues: ScenarioIssue[] = [];
  const profile = profiles.get(data.region);
  if (!profile)
    issues.push({
      path: 'region',
      message: `onbekende regio "${data.region}"; bekend zijn: ${[...profiles.keys()].sort().join(', ')}`,
    });
  const now = parseMoment(data.now);
  if (now === null)
    issues.push({
      path: 'now',
      message: `"${data.now}" is geen geldige datum-tijd; schrijf bijv. "2026-03-10T12:00:00+01:00"`,
    });
  const today = now === null ? null : localDay(now);

  const births = new Map<string, DayNumber>();
  data.case.children.forEach((child, i) => {
    const birth = parseIsoDate(child.birthDate);
    if (birth === null)
      issues.push({
        path: `case.children[${i}].birthDate`,
        message: `"${child.birthDate}" is geen geldige datum; schrijf JJJJ-MM-DD`,
      });
    else if (today !== null && birth > today)
      issues.push({
        path: `case.children[${i}].birthDate`,
        message: `geboortedatum ${child.birthDate} ligt na "now"`,
      });
    if (births.has(child.id))
      issues.push({
        path: `case.children[${i}].id`,
        message: `kind "${child.id}" staat er twee keer in`,
      });
    if (birth !== null) births.set(child.id, birth);
  });
  const earliestBirth = Math.min(...births.values());

  const events: CaseEvent[] = [];
  data.events.forEach((event, i) => {
    const at = `events[${i}]`;
    const instant = parseMoment(event.at);
    if (instant === null) {
      issues.push({
        path: `${at}.at`,
        message: `"${event.at}" is geen geldige datum-tijd; schrijf bijv. "2026-03-02T09:00:00+01:00"`,
      });
      return;
    }
    const day = localDay(instant);
    if (now !== null && instant > now)
      issues.push({ path: `${at}.at`, message: `${event.at} ligt na "now" (${data.now})` });
    if (event.type === 'evaluatie' && event.kind === undefined)
      issues.push({
        path: `${at}.kind`,
        message: 'een evaluatie heeft een soort: tussen, eind of gezinsplan',
      });
    if (event.type !== 'evaluatie' && event.kind !== undefined)
      issues.push({ path: `${at}.kind`, message: 'alleen een evaluatie heeft een soort' });
    if (event.type === 'toekomstplan' && event.child === undefined)
      issues.push({
        path: `${at}.child`,
        message: 'een toekomstplan gaat over één kind: geef het id van het kind',
      });
    let birth = earliestBirth;
    if (event.child !== undefined) {
      const childBirth = births.get(event.child);
      if (!data.case.children.some((c) => c.id === event.child))
        issues.push({
          path: `${at}.child`,
          message: `onbekend kind "${event.child}"; bekend zijn: ${data.case.children.map((c) => c.id).join(', ')}`,
        });
      else if (childBirth !== undefined) birth = childBirth;
    }
    if (Number.isFinite(birth) && day < birth)
      issues.push({
        path: `${at}.at`,
        message: `${event.at} ligt vóór de geboortedatum (${formatIsoDate(birth)})`,
      });
    let date: DayNumber | undefined;
    if (event.type === 'maatregel-einde') {
      if (event.date === undefined)
        issues.push({ path: `${at}.date`, message: 'geef de geplande einddatum van de maatregel' });
      else {
        const parsedDate = parseIsoDate(event.date);
        if (parsedDate === null)
          issues.push({
            path: `${at}.date`,
            message: `"${event.date}" is geen geldige datum; schrijf JJJJ-MM-DD`,
          });
        else date = parsedDate;
      }
    } else if (event.date !== undefined) {
      issues.push({ path: `${at}.date`, message: 'alleen maatregel-einde heeft een datum' });
    }
    const normalized: { -readonly [K in keyof CaseEvent]: CaseEvent[K] } = {
      type: event.type,
      at: instant,
      day,
    };
    if (event.child !== undefined) normalized.child = event.child;
    if (event.kind !== undefined) normalized.kind = event.kind;
    if (date !== undefined) normalized.date = date;
    events.push(normalized);
  });

  if (issues.length > 0 || !profile || now === null) throw new ScenarioError(issues);

  // Array#sort is stable: events at the same instant keep the order of the file.
  events.sort((a, b) => a.at - b.at);
  const facts: CaseFacts = {
    ...data.case,
    children: data.case.children.map((c) => ({
      id: c.id,
      birthDate: births.get(c.id) as DayNumber,
    })),
  };
  return {
    profile,
    now,
    facts,
    events,
  };
}
