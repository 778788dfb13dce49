/**
 * The quality thermometer (GRO-CHK-REFERENTIEKADER, bruikbaar in elke regio; ADR 0022): team
 * members score every checklist item green, orange or red in a round. This module computes what
 * the team sees — the spread per item (counts only, never who), a summary per theme, the
 * suggestions for items someone scored red, and the trend per theme across closed rounds — and
 * checks a member's scores before they are stored. Pure: no I/O, no clock.
 */
import {
  CHECKLIST_ITEMS,
  CHECKLIST_THEMES,
  COLOURS,
  THERMOMETER_RULE,
  type Colour,
} from './checklist-items.js';

export { CHECKLIST_THEMES, COLOURS, THERMOMETER_RULE, type Colour };

export interface Score {
  readonly item: string;
  readonly colour: Colour;
}

export interface Counts {
  readonly groen: number;
  readonly oranje: number;
  readonly rood: number;
}

export interface ItemSpread {
  readonly item: string;
  readonly counts: Counts;
  readonly scored: number;
}

export interface ThemeSummary {
  readonly theme: number;
  readonly counts: Counts;
  /** Shares in whole percents of all scores on the theme (summing to 100), null without scores. */
  readonly shares: Counts | null;
  /** Items with at least one red score. */
  readonly itemsWithRed: number;
  /** The colour scored most; a tie goes to the less favourable colour. Null without scores. */
  readonly reading: Colour | null;
}

export interface RoundScores {
  readonly roundId: string;
  readonly scores: readonly Score[];
}

export interface TrendPoint {
  readonly roundId: string;
  readonly themes: readonly { readonly theme: number; readonly shares: Counts | null }[];
}

const ZERO: Counts = { groen: 0, oranje: 0, rood: 0 };

function add(counts: Counts, colour: Colour): Counts {
  return { ...counts, [colour]: counts[colour] + 1 };
}

const total = (c: Counts) => c.groen + c.oranje + c.rood;

/** Counts per item, for every item of the checklist (unscored items have zero counts). */
export function itemSpread(scores: readonly Score[]): readonly ItemSpread[] {
  const byItem = new Map<string, Counts>();
  for (const s of scores) byItem.set(s.item, add(byItem.get(s.item) ?? ZERO, s.colour));
  return CHECKLIST_THEMES.flatMap((t) =>
    t.items.map((i) => {
      const counts = byItem.get(i.number) ?? ZERO;
      return { item: i.number, counts, scored: total(counts) };
    }),
  );
}

/**
 * Whole percents by the largest remainder, so the three shares add up to 100; an equal
 * remainder goes to the less favourable colour (red before orange before green).
 */
export function shares(counts: Counts): Counts | null {
  const n = total(counts);
  if (n === 0) return null;
  const exact = COLOURS.map((c) => ({ c, v: (counts[c] * 100) / n }));
  const floors = exact.map((e) => ({ ...e, f: Math.floor(e.v) }));
  let left = 100 - floors.reduce((sum, e) => sum + e.f, 0);
  const order = [...floors].sort(
    (a, b) => b.v - b.f - (a.v - a.f) || COLOURS.indexOf(b.c) - COLOURS.indexOf(a.c),
  );
  const out: Record<Colour, number> = { groen: 0, oranje: 0, rood: 0 };
  for (const e of floors) out[e.c] = e.f;
  for (const e of order) {
    if (left === 0) break;
    out[e.c] += 1;
    left -= 1;
  }
  return out;
}

function reading(counts: Counts): Colour | null {
  if (total(counts) === 0) return null;
  // Less favourable first, so a tie keeps the worse colour.
  return (['rood', 'oranje', 'groen'] as const).reduce((best, c) =>
    counts[c] > counts[best] ? c : best,
  );
}

/** Per theme: counts and shares over all its items, items with red, and the reading. */
export function themeSummaries(scores: readonly Score[]): readonly ThemeSummary[] {
  const spread = itemSpread(scores);
  return CHECKLIST_THEMES.map((t) => {
    const own = spread.filter((s) => CHECKLIST_ITEMS.get(s.item)?.theme === t.number);
    const counts = own.reduce<Counts>(
      (sum, s) => ({
        groen: sum.groen + s.counts.groen,
        oranje: sum.oranje + s.counts.oranje,
        rood: sum.rood + s.counts.rood,
      }),
      ZERO,
    );
    return {
      theme: t.number,
      counts,
      shares: shares(counts),
      itemsWithRed: own.filter((s) => s.counts.rood > 0).length,
      reading: reading(counts),
    };
  });
}

/** Items someone scored red, with their suggestions, in checklist order. */
export function redSuggestions(
  scores: readonly Score[],
): readonly { item: string; text: string; red: number; suggestions: readonly string[] }[] {
  return itemSpread(scores)
    .filter((s) => s.counts.rood > 0)
    .map((s) => {
      const item = CHECKLIST_ITEMS.get(s.item);
      return {
        item: s.item,
        text: item?.text ?? '',
        red: s.counts.rood,
        suggestions: item?.suggestions ?? [],
      };
    });
}

/** Per closed round (in the order given: oldest first), the shares per theme. */
export function trend(rounds: readonly RoundScores[]): readonly TrendPoint[] {
  return rounds.map((r) => ({
    roundId: r.roundId,
    themes: themeSummaries(r.scores).map((s) => ({ theme: s.theme, shares: s.shares })),
  }));
}

export interface ScoreInput {
  readonly item: string;
  readonly colour: string;
  readonly remark: string;
}

export const REMARK_MAX = 2000;

/**
 * Problems with a member's scores, by field path (`scores.2.kleur`): an unknown item, a colour
 * off the scale, an item twice in one submission, a remark that is too long.
 */
export function scoreProblems(
  scores: readonly ScoreInput[],
): readonly { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (scores.length === 0)
    problems.push({ path: 'scores', message: 'Scores: geef ten minste één punt een kleur.' });
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    if (!CHECKLIST_ITEMS.has(s.item))
      problems.push({
        path: `scores.${i}.punt`,
        message: `Punt: ${s.item === '' ? 'leeg' : `"${s.item}"`} staat niet in de checklist (${THERMOMETER_RULE}).`,
      });
    else if (seen.has(s.item))
      problems.push({
        path: `scores.${i}.punt`,
        message: `Punt: ${s.item} staat twee keer in deze invoer.`,
      });
    seen.add(s.item);
    if (!(COLOURS as readonly string[]).includes(s.colour))
      problems.push({
        path: `scores.${i}.kleur`,
        message: `Kleur bij punt ${s.item}: kies groen, oranje of rood (${THERMOMETER_RULE}).`,
      });
    if (s.remark.length > REMARK_MAX)
      problems.push({
        path: `scores.${i}.opmerking`,
        message: `Opmerking bij punt ${s.item}: ten hoogste ${REMARK_MAX} tekens.`,
      });
  });
  return problems;
}

/** Problems with opening a round: a name is required, name and period are bounded. */
export function roundProblems(input: {
  readonly name: string;
  readonly period: string;
}): readonly { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (input.name.trim() === '')
    problems.push({ path: 'naam', message: 'Naam van de ronde: vul een naam in.' });
  else if (input.name.trim().length > 120)
    problems.push({ path: 'naam', message: 'Naam van de ronde: ten hoogste 120 tekens.' });
  if (input.period.trim().length > 120)
    problems.push({ path: 'periode', message: 'Periode: ten hoogste 120 tekens.' });
  return problems;
}

/** Roles that score in a local team; the team lead also opens and closes rounds. */
export const MEMBER_ROLES = ['casusregisseur', 'teamleider'] as const;

/**
 * Who takes part: the casusregisseurs and team leads of a local team, for their own team only.
 * Anyone else is refused with the rule ID.
 */
export function thermometerPart(
  roles: readonly string[],
  organisationKind: string,
):
  | { readonly allowed: true; readonly lead: boolean }
  | { readonly allowed: false; readonly reason: string } {
  if (
    organisationKind !== 'lokaal-team' ||
    !roles.some((r) => (MEMBER_ROLES as readonly string[]).includes(r))
  )
    return {
      allowed: false,
      reason: `alleen casusregisseurs en teamleiders van een lokaal team scoren de kwaliteitsthermometer (${THERMOMETER_RULE}, bruikbaar in elke regio)`,
    };
  return { allowed: true, lead: roles.includes('teamleider') };
}
