/**
 * The words of a plan, in Dutch a family understands: the kinds, statuses, result areas, goal
 * owners and progress, and per kind the sections it shows in the order of DOMAIN.md section 5.
 * Keys are the API's content fields. The plan page and the plan PDF both read this, so the
 * screen and the paper say the same.
 */

export interface PlanSection {
  readonly key: string;
  readonly label: string;
  readonly hint?: string;
}

export const PLAN_LABELS: Record<string, string> = {
  ondersteuningsplan: 'Ondersteuningsplan',
  gezinsplan: 'Gezinsplan',
  hulpverleningsplan: 'Hulpverleningsplan',
  toekomstplan: 'Toekomstplan',
  veiligheidsplan: 'Veiligheidsplan',
  familiegroepsplan: 'Familiegroepsplan',
};

export const PLAN_STATUS_LABELS: Record<string, string> = {
  concept: 'concept',
  vastgesteld: 'vastgesteld',
  vervangen: 'vervangen door een nieuwere versie',
};

export const RESULT_AREA_LABELS: Record<string, string> = {
  kindgebonden: 'Kindgebonden problemen',
  opvoeding: 'Opvoeding',
  financien: 'Financiën',
  relatie: 'Relatie',
  wonen: 'Wonen',
  'geestelijk-welzijn': 'Geestelijk welzijn',
  'fysieke-gezondheid': 'Lichamelijke gezondheid',
  participatie: 'Meedoen in de samenleving',
  onderwijs: 'Onderwijs',
};

export const GOAL_OWNER_LABELS: Record<string, string> = {
  gezin: 'Gezin',
  netwerk: 'Netwerk',
  professional: 'Professional',
};

export const GOAL_PROGRESS_LABELS: Record<string, string> = {
  'niet-gestart': 'Nog niet begonnen',
  loopt: 'Loopt',
  bereikt: 'Bereikt',
  'niet-bereikt': 'Niet bereikt',
};

export const PLAN_SECTIONS: Record<string, readonly PlanSection[]> = {
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
    {
      key: 'opgesteldDoor',
      label: 'Opgesteld door',
      hint: 'De ouders en wie uit hun netwerk meeschreef; het gezin mag het plan zelf schrijven',
    },
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

export const FUTURE_DOMAIN_LABELS: readonly { key: string; label: string }[] = [
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

export const SIGNING_METHOD_LABELS: Record<string, string> = {
  'op-scherm': 'op het scherm',
  'papier-gescand': 'op papier, gescand',
  gezinsportaal: 'zelf, in het gezinsportaal',
};
