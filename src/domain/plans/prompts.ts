/**
 * Prompts the plan pages show: a toekomstplan for every young person from 16 years and 6
 * months (DOMAIN.md section 5; LEK-TERM-TOEKOMSTPLAN), until one is fixed for them.
 */
import { addYearsMonths, formatIsoDate, parseIsoDate, type DayNumber } from '../time/index.js';
import type { HouseholdMember } from './signatures.js';

export const TOEKOMSTPLAN_AGE = { years: 16, months: 6 } as const;

export interface ToekomstplanPrompt {
  readonly personId: string;
  readonly name: string;
  /** The day the young person turns 16.5 (`YYYY-MM-DD`). */
  readonly from: string;
  readonly message: string;
}

/**
 * Young people who are 16.5 or older on `day` and have no fixed toekomstplan (`covered` lists
 * the person ids that have one).
 */
export function toekomstplanPrompts(
  members: readonly HouseholdMember[],
  day: DayNumber,
  covered: ReadonlySet<string>,
): ToekomstplanPrompt[] {
  const out: ToekomstplanPrompt[] = [];
  for (const m of members) {
    if (m.kind !== 'jeugdige' || m.birthDate === null || covered.has(m.id)) continue;
    const birth = parseIsoDate(m.birthDate);
    if (birth === null) continue;
    const from = addYearsMonths(birth, TOEKOMSTPLAN_AGE.years, TOEKOMSTPLAN_AGE.months);
    if (from > day) continue;
    out.push({
      personId: m.id,
      name: m.name,
      from: formatIsoDate(from),
      message: `${m.name} is 16,5 jaar of ouder: maak samen een toekomstplan (wonen, werk en school, geld, zorg na 18, netwerk).`,
    });
  }
  return out;
}
