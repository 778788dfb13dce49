import { ymdFromDay, type DayNumber } from '../time/index.js';
import { sourceOf } from './deadlines.js';
import type { CaseFacts, DecisionResult, DecisionRule, RegieCriteria, WeightRow } from './types.js';

/** Outcome of another decision rule, evaluated on demand (the matrix needs two others). */
export type DecisionLookup = (ruleId: string) => readonly DecisionResult[];

/** Whole years between a birth date and a day (the age on that day). */
export function ageInYears(birthDate: DayNumber, on: DayNumber): number {
  const birth = ymdFromDay(birthDate);
  const day = ymdFromDay(on);
  let age = day.year - birth.year;
  if (day.month < birth.month || (day.month === birth.month && day.day < birth.day)) age -= 1;
  return age;
}

const list = (values: readonly string[]): string => values.join(', ');

function result(
  rule: DecisionRule,
  outcome: string,
  reasons: string[],
  child?: string,
): DecisionResult {
  const withChild = child === undefined ? {} : { child };
  return { rule: rule.id, ...withChild, outcome, reasons, source: sourceOf(rule) };
}

const CRITERION_NL: Record<keyof RegieCriteria, string> = {
  severity: 'ernst',
  stacking: 'stapeling van problemen',
  duration: 'duur',
  unsafety: 'onveiligheid',
  motivation: 'motivatie',
  providers: 'aantal aanbieders',
  school: 'schoolgang',
  jhio: 'jeugdhulp in onderwijstijd',
};

function rowMatches(row: WeightRow, criteria: RegieCriteria): boolean {
  if (row.criterion === undefined) return true;
  const value = criteria[row.criterion];
  if (row.atLeast !== undefined) return typeof value === 'number' && value >= row.atLeast;
  return value === row.equals;
}

/**
 * Evaluates one decision rule. Per-child rules (age bands) give one result per child; all
 * others give exactly one result. Reasons name the facts that led to the outcome.
 */
export function decide(
  rule: DecisionRule,
  facts: CaseFacts,
  today: DayNumber,
  lookup: DecisionLookup,
): DecisionResult[] {
  const logic = rule.logic;
  switch (logic.type) {
    case 'meervoudig': {
      const reasons: string[] = [];
      if (facts.lifeDomains.length > 1)
        reasons.push(`De vraag raakt meer dan één leefgebied (${list(facts.lifeDomains)}).`);
      if (facts.residence) reasons.push('Hulp gekoppeld aan verblijf is altijd meervoudig.');
      if (facts.resultAreas > 1)
        reasons.push(`Het arrangement heeft ${facts.resultAreas} resultaatgebieden.`);
      if (facts.supportElements.length > 1)
        reasons.push(
          `Het arrangement heeft meer dan één ondersteuningselement (${list(facts.supportElements)}).`,
        );
      if (reasons.length > 0) return [result(rule, 'meervoudig', reasons)];
      const single: string[] = [
        facts.lifeDomains.length === 1
          ? `De vraag raakt één leefgebied (${list(facts.lifeDomains)}).`
          : 'Er is geen leefgebied met meer dan één vraag vastgelegd.',
        `Het arrangement heeft ${facts.resultAreas} resultaatgebied(en) en ${facts.supportElements.length} ondersteuningselement(en); geen verblijf.`,
      ];
      if (facts.resultAreas === 1 && facts.supportElements[0] === logic.singleElementException)
        single.push(
          `Eén resultaatgebied met ondersteuningselement ${logic.singleElementException} telt als enkelvoudig.`,
        );
      return [result(rule, 'enkelvoudig', single)];
    }
    case 'complex': {
      const reasons: string[] = [];
      if (!facts.familySupportsHelp)
        reasons.push('Ouders of jeugdige staan niet achter de benodigde hulp.');
      if (facts.safetyAtStake)
        reasons.push('De veiligheid van de jeugdige of de omgeving is in het geding.');
      if (facts.measure !== null && logic.measures.includes(facts.measure))
        reasons.push(`Er is een jeugdbeschermingsmaatregel (${facts.measure}).`);
      if (reasons.length > 0) return [result(rule, 'complex', reasons)];
      return [
        result(rule, 'niet-complex', [
          'Het gezin staat achter de hulp, de veiligheid is niet in het geding en er is geen jeugdbeschermingsmaatregel.',
        ]),
      ];
    }
    case 'casusregie-matrix': {
      const reasons: string[] = [];
      if (logic.outsideWhenIvh && facts.ivh)
        reasons.push('Bij intensieve vrijwillige hulp ligt casusregie altijd buiten het gezin.');
      if (logic.outsideWhenMeasure && facts.measure !== null)
        reasons.push(
          `Bij een rechterlijke of strafrechtelijke maatregel (${facts.measure}) ligt casusregie altijd buiten het gezin.`,
        );
      if (reasons.length > 0) return [result(rule, logic.outsideOutcome, reasons)];
      const scope = lookup(logic.meervoudigRule)[0];
      const complexity = lookup(logic.complexRule)[0];
      const multi = scope?.outcome === 'meervoudig';
      const complex = complexity?.outcome === 'complex';
      const row = multi ? logic.matrix.meervoudig : logic.matrix.enkelvoudig;
      return [
        result(rule, complex ? row.complex : row.nietComplex, [
          `${multi ? 'Meervoudig' : 'Enkelvoudig'} (${logic.meervoudigRule}) en ${complex ? 'complex' : 'niet complex'} (${logic.complexRule}).`,
          ...(scope?.reasons ?? []),
          ...(complexity?.reasons ?? []),
        ]),
      ];
    }
    case 'regie-weight': {
      const levels = logic.levels;
      if (logic.alwaysHeavySegments.includes(facts.segment)) {
        return [
          result(rule, levels[levels.length - 1] ?? 'zwaar', [
            `Segment ${facts.segment}: crisis- en forensische zorg vragen altijd zware regie.`,
          ]),
        ];
      }
      let level = 0;
      const reasons: string[] = [];
      for (const row of logic.table) {
        if (row.segment && !row.segment.includes(facts.segment)) continue;
        if (!rowMatches(row, facts.regieCriteria)) continue;
        const rowLevel = levels.indexOf(row.level);
        reasons.push(
          row.criterion === undefined
            ? `Segment ${facts.segment} → minstens ${row.level}.`
            : `${CRITERION_NL[row.criterion]}: ${String(facts.regieCriteria[row.criterion])} → minstens ${row.level}.`,
        );
        if (rowLevel > level) level = rowLevel;
      }
      const outcome = levels[level] ?? 'licht';
      if (reasons.length === 0)
        reasons.push('Geen criterium wijst op midden of zwaar: afgebakende, enkelvoudige vraag.');
      return [result(rule, outcome, reasons)];
    }
    case 'coordinator': {
      const count = facts.professionalsInvolved;
      if (count >= logic.minProfessionals && !facts.parentsCoordinate)
        return [
          result(rule, 'nodig', [
            `${count} professionals betrokken (${logic.minProfessionals} of meer) en de ouders coördineren niet zelf.`,
          ]),
        ];
      return [
        result(rule, 'niet-nodig', [
          count < logic.minProfessionals
            ? `Minder dan ${logic.minProfessionals} professionals betrokken (${count}).`
            : 'De ouders coördineren de zorg zelf.',
        ]),
      ];
    }
    case 'medical-route': {
      if (facts.route !== logic.route)
        return [result(rule, 'niet-nodig', [`Geen medische verwijzing (route ${facts.route}).`])];
      const reasons: string[] = [];
      if (facts.lifeDomains.length >= logic.minLifeDomains)
        reasons.push(`Problemen op meerdere leefgebieden (${list(facts.lifeDomains)}).`);
      if (facts.professionalsInvolved >= logic.minProfessionals)
        reasons.push(`${facts.professionalsInvolved} professionals betrokken.`);
      if (facts.longHistory) reasons.push('Er is een lange hulpverleningsgeschiedenis.');
      if (reasons.length > 0)
        return [
          result(rule, 'lokaal-team-betrekken', [
            `Medische verwijzing (route ${logic.route}).`,
            ...reasons,
          ]),
        ];
      return [
        result(rule, 'niet-nodig', [
          'Medische verwijzing met één leefgebied, één professional en geen lange voorgeschiedenis.',
        ]),
      ];
    }
    case 'age-bands':
      return facts.children.map((child) => {
        const age = ageInYears(child.birthDate, today);
        const index = logic.bands.findIndex((b) => b.below === undefined || age < b.below);
        const band = logic.bands[index === -1 ? logic.bands.length - 1 : index];
        const lower = index > 0 ? logic.bands[index - 1]?.below : undefined;
        const range =
          band?.below !== undefined
            ? `jonger dan ${band.below} jaar`
            : lower !== undefined
              ? `${lower} jaar of ouder`
              : 'elke leeftijd';
        return result(rule, band?.outcome ?? '', [`Leeftijd ${age} jaar (${range}).`], child.id);
      });
    case 'any-signal': {
      const present = facts.coSignals.filter((s) => logic.signals.includes(s));
      if (present.length > 0)
        return [
          result(rule, 'co-weging-nodig', [
            `Signalen die weging in het casuïstiekoverleg vragen: ${list(present)}.`,
          ]),
        ];
      return [
        result(rule, 'geen', ['Geen van de signalen voor het casuïstiekoverleg is vastgelegd.']),
      ];
    }
    case 'expert-gate': {
      const reasons: string[] = [];
      if (!facts.product.freelyAccessible) reasons.push('Het product is niet vrij toegankelijk.');
      if (logic.segments.includes(facts.segment))
        reasons.push(`Segment ${facts.segment} (verblijf of dagbehandeling).`);
      if (logic.whenIvh && facts.ivh) reasons.push('Het gaat om intensieve ondersteuning (IVH).');
      if (reasons.length > 0) return [result(rule, 'advies-vereist', reasons)];
      return [
        result(rule, 'niet-vereist', [
          'Vrij toegankelijk product, geen verblijf of dagbehandeling, geen intensieve ondersteuning.',
        ]),
      ];
    }
  }
}
