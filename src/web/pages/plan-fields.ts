/**
 * Which sections each kind of plan shows, in the order of DOMAIN.md section 5, with the words
 * a family understands. Keys are the API's content fields.
 */
import type { ApiPlanContent } from '../api.js';

type TextKey = {
  [K in keyof ApiPlanContent]-?: ApiPlanContent[K] extends string | undefined ? K : never;
}[keyof ApiPlanContent];

export interface Section {
  readonly key: TextKey;
  readonly label: string;
  readonly hint?: string;
}

export const SECTIONS: Record<string, readonly Section[]> = {
  ondersteuningsplan: [
    { key: 'uitkomstAnalyse', label: 'Uitkomst van de vraaganalyse' },
    { key: 'uitkomstRisicotaxatie', label: 'Uitkomst van de risicotaxatie' },
    { key: 'intensiteit', label: 'Intensiteit', hint: 'Welke trede, hoe vaak' },
    { key: 'verwachteDuur', label: 'Verwachte duur' },
    {
      key: 'afstemmingSchool',
      label: 'Afstemming met school',
      hint: 'Eén plan voor thuis en school',
    },
    {
      key: 'samenwerking',
      label: 'Samenwerking en rolverdeling',
      hint: 'Wie doet wat, ook het gezin zelf',
    },
  ],
  gezinsplan: [
    { key: 'huidigeSituatie', label: 'Huidige situatie', hint: 'Zorgen en krachten' },
    { key: 'uitkomstRisicotaxatie', label: 'Uitkomst van de veiligheids- en risicotaxatie' },
    { key: 'uitkomstAnalyse', label: 'Analyse' },
    { key: 'redenMaatregel', label: 'Reden van de maatregel' },
    { key: 'visieClient', label: 'Visie van de ouders en de jeugdige' },
  ],
  hulpverleningsplan: [
    { key: 'soortHulp', label: 'Welke hulp de aanbieder biedt' },
    { key: 'frequentie', label: 'Hoe vaak' },
    { key: 'perspectief', label: 'Perspectief' },
  ],
  toekomstplan: [{ key: 'perspectief', label: 'Perspectief na 18 jaar' }],
  veiligheidsplan: [
    { key: 'veiligheidsafspraken', label: 'Veiligheidsafspraken', hint: 'Wat spreken we af' },
  ],
  familiegroepsplan: [
    { key: 'perspectief', label: 'Waar het gezin naartoe wil' },
    { key: 'gewensteHulp', label: 'Welke hulp van professionals het gezin nodig denkt te hebben' },
  ],
};

/** LEK "Vastleggen van afspraken casusregie", for plans that coordinate the help. */
export const AGREEMENTS: readonly { key: string; label: string }[] = [
  { key: 'afstemming', label: 'Hoe en door wie de hulp op elkaar wordt afgestemd' },
  { key: 'volgen', label: 'Hoe de hulp gevolgd wordt; wanneer en hoe evaluaties zijn' },
  { key: 'veiligheid', label: 'Hoe de veiligheid bewaakt wordt' },
  { key: 'perspectief', label: 'Hoe en wanneer aan het perspectief (toekomstplan) gewerkt wordt' },
  { key: 'overgangen', label: 'Wat nodig is bij afsluiten, afschalen, verlengen of opschalen' },
  { key: 'gezinZelf', label: 'Wat het gezin zelf doet' },
];

export const WITH_AGREEMENTS = ['ondersteuningsplan', 'gezinsplan', 'hulpverleningsplan'];

export const FUTURE_DOMAINS: readonly { key: string; label: string }[] = [
  { key: 'wonen', label: 'Wonen na 18' },
  { key: 'zorg-andere-wetten', label: 'Zorg en ondersteuning na 18 (andere wetten)' },
  { key: 'mentorschap', label: 'Mentorschap' },
  { key: 'financien', label: 'Geld' },
  { key: 'onderwijs-werk', label: 'School en werk' },
  { key: 'netwerk-relaties', label: 'Netwerk en relaties' },
  { key: 'wensen-talenten', label: 'Wensen en talenten' },
  { key: 'praktisch-voor-18', label: 'Praktisch regelen vóór 18 (verzekering, toeslagen)' },
  { key: 'veiligheid', label: 'Veiligheid' },
];
