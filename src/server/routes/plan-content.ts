/**
 * The plan content as the API speaks it (Dutch field names, validated shape) and its mapping
 * to the domain's `PlanContent`, both ways, including the paths of problems the domain finds
 * (`goals.1.measurableTarget` → `inhoud.doelen.1.meetbaarResultaat`).
 */
import {
  FUTURE_DOMAINS,
  type CasusregieAgreements,
  type Goal,
  type PlanContent,
} from '../../domain/plans/index.js';
import { z } from '../../validation/zod-nl.js';

const text = z.string().max(4000);

const goalSchema = z.strictObject({
  id: z.string().trim().min(1).max(40),
  resultaatgebied: z.string().max(40),
  omschrijving: text,
  meetbaarResultaat: text,
  eigenaar: z.strictObject({ soort: z.string().max(20), naam: z.string().max(200) }),
  streefdatum: z.string().max(10),
  voortgang: z.string().max(20).default('niet-gestart'),
  /** Household members the goal is about (ADR 0026); absent: the whole family. */
  betreft: z.array(z.uuid()).max(10).optional(),
});

const agreementsSchema = z.strictObject({
  afstemming: text.optional(),
  volgen: text.optional(),
  veiligheid: text.optional(),
  perspectief: text.optional(),
  overgangen: text.optional(),
  gezinZelf: text.optional(),
});

export const planContentSchema = z.strictObject({
  uitkomstAnalyse: text.optional(),
  uitkomstRisicotaxatie: text.optional(),
  doelen: z.array(goalSchema).max(30).optional(),
  intensiteit: text.optional(),
  verwachteDuur: text.optional(),
  afstemmingSchool: text.optional(),
  samenwerking: text.optional(),
  afsprakenCasusregie: agreementsSchema.optional(),
  huidigeSituatie: text.optional(),
  redenMaatregel: text.optional(),
  visieClient: text.optional(),
  soortHulp: text.optional(),
  frequentie: text.optional(),
  perspectief: text.optional(),
  toekomstdomeinen: z.partialRecord(z.enum(FUTURE_DOMAINS), text).optional(),
  veiligheidsafspraken: text.optional(),
  bodemeisen: z
    .array(z.strictObject({ eis: text, wie: z.string().max(200) }))
    .max(30)
    .optional(),
  gewensteHulp: text.optional(),
  opgesteldDoor: text.optional(),
  voorgesteldArrangement: z
    .strictObject({
      resultaatgebieden: z.array(z.string().max(40)).max(20),
      intensiteit: text,
      duur: text,
      onderbouwing: text,
    })
    .optional(),
  /** familiegroepsplan: the network (not household members) and the agreements (ADR 0026). */
  netwerk: z
    .array(z.strictObject({ naam: z.string().max(200), steun: text }))
    .max(30)
    .optional(),
  afspraken: z
    .array(
      z.strictObject({
        id: z.string().trim().min(1).max(40),
        wie: z.string().max(200),
        wat: text,
        wanneer: z.string().max(10),
      }),
    )
    .max(50)
    .optional(),
});
export type ApiPlanContent = z.infer<typeof planContentSchema>;

/** Domain key → API key, per level. */
const TOP: Record<string, string> = {
  analysisOutcome: 'uitkomstAnalyse',
  riskOutcome: 'uitkomstRisicotaxatie',
  goals: 'doelen',
  intensity: 'intensiteit',
  expectedDuration: 'verwachteDuur',
  schoolAlignment: 'afstemmingSchool',
  cooperation: 'samenwerking',
  casusregie: 'afsprakenCasusregie',
  currentSituation: 'huidigeSituatie',
  measureReason: 'redenMaatregel',
  clientView: 'visieClient',
  helpType: 'soortHulp',
  frequency: 'frequentie',
  perspective: 'perspectief',
  futureDomains: 'toekomstdomeinen',
  safetyAgreements: 'veiligheidsafspraken',
  bottomLines: 'bodemeisen',
  helpWanted: 'gewensteHulp',
  authors: 'opgesteldDoor',
  arrangementProposal: 'voorgesteldArrangement',
  network: 'netwerk',
  familyAgreements: 'afspraken',
};
const GOAL: Record<string, string> = {
  id: 'id',
  resultArea: 'resultaatgebied',
  description: 'omschrijving',
  measurableTarget: 'meetbaarResultaat',
  owner: 'eigenaar',
  kind: 'soort',
  name: 'naam',
  targetDate: 'streefdatum',
  progress: 'voortgang',
  aboutPersonIds: 'betreft',
};
const AGREEMENTS: Record<keyof CasusregieAgreements, string> = {
  alignment: 'afstemming',
  monitoring: 'volgen',
  safety: 'veiligheid',
  perspective: 'perspectief',
  transitions: 'overgangen',
  familyOwn: 'gezinZelf',
};
const BOTTOM: Record<string, string> = { requirement: 'eis', who: 'wie' };
const PROPOSAL: Record<string, string> = {
  resultAreas: 'resultaatgebieden',
  intensity: 'intensiteit',
  duration: 'duur',
  motivation: 'onderbouwing',
};

const NETWORK: Record<string, string> = { name: 'naam', support: 'steun' };
const FAMILY_AGREEMENT: Record<string, string> = {
  id: 'id',
  who: 'wie',
  what: 'wat',
  by: 'wanneer',
};

const invert = (map: Record<string, string>) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k]));

/** A domain problem path in API terms, e.g. `goals.1.owner.name` → `doelen.1.eigenaar.naam`. */
export function apiPath(path: string): string {
  const [head = '', ...rest] = path.split('.');
  const map =
    head === 'goals'
      ? GOAL
      : head === 'casusregie'
        ? (AGREEMENTS as Record<string, string>)
        : head === 'bottomLines'
          ? BOTTOM
          : head === 'arrangementProposal'
            ? PROPOSAL
            : head === 'network'
              ? NETWORK
              : head === 'familyAgreements'
                ? FAMILY_AGREEMENT
                : {};
  return [TOP[head] ?? head, ...rest.map((part) => map[part] ?? part)].join('.');
}

export function toDomain(content: ApiPlanContent): PlanContent {
  const out: Record<string, unknown> = {};
  const top = invert(TOP);
  for (const [key, value] of Object.entries(content)) {
    if (value === undefined) continue;
    const domainKey = top[key] ?? key;
    if (key === 'doelen')
      out[domainKey] = (value as ApiPlanContent['doelen'] & object).map((g): Goal => ({
        id: g.id,
        resultArea: g.resultaatgebied,
        description: g.omschrijving,
        measurableTarget: g.meetbaarResultaat,
        owner: { kind: g.eigenaar.soort, name: g.eigenaar.naam },
        targetDate: g.streefdatum,
        progress: g.voortgang,
        ...(g.betreft && g.betreft.length > 0 ? { aboutPersonIds: g.betreft } : {}),
      }));
    else if (key === 'afsprakenCasusregie') {
      const back = invert(AGREEMENTS);
      out[domainKey] = Object.fromEntries(
        Object.entries(value as Record<string, string>).map(([k, v]) => [back[k] ?? k, v]),
      );
    } else if (key === 'bodemeisen')
      out[domainKey] = (value as { eis: string; wie: string }[]).map((b) => ({
        requirement: b.eis,
        who: b.wie,
      }));
    else if (key === 'netwerk' || key === 'afspraken') {
      const back = invert(key === 'netwerk' ? NETWORK : FAMILY_AGREEMENT);
      out[domainKey] = (value as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [back[k] ?? k, v])),
      );
    } else if (key === 'voorgesteldArrangement') {
      const back = invert(PROPOSAL);
      out[domainKey] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [back[k] ?? k, v]),
      );
    } else out[domainKey] = value;
  }
  return out as PlanContent;
}

export function fromDomain(content: PlanContent): ApiPlanContent {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(content)) {
    if (value === undefined) continue;
    const apiKey = TOP[key] ?? key;
    if (key === 'goals')
      out[apiKey] = (value as Goal[]).map((g) => ({
        id: g.id,
        resultaatgebied: g.resultArea,
        omschrijving: g.description,
        meetbaarResultaat: g.measurableTarget,
        eigenaar: { soort: g.owner.kind, naam: g.owner.name },
        streefdatum: g.targetDate,
        voortgang: g.progress,
        ...(g.aboutPersonIds && g.aboutPersonIds.length > 0
          ? { betreft: [...g.aboutPersonIds] }
          : {}),
      }));
    else if (key === 'casusregie')
      out[apiKey] = Object.fromEntries(
        Object.entries(value as Record<string, string>).map(([k, v]) => [
          (AGREEMENTS as Record<string, string>)[k] ?? k,
          v,
        ]),
      );
    else if (key === 'bottomLines')
      out[apiKey] = (value as { requirement: string; who: string }[]).map((b) => ({
        eis: b.requirement,
        wie: b.who,
      }));
    else if (key === 'network' || key === 'familyAgreements') {
      const map = key === 'network' ? NETWORK : FAMILY_AGREEMENT;
      out[apiKey] = (value as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [map[k] ?? k, v])),
      );
    } else if (key === 'arrangementProposal')
      out[apiKey] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [PROPOSAL[k] ?? k, v]),
      );
    else out[apiKey] = value;
  }
  return out as ApiPlanContent;
}
