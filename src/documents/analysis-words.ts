/**
 * The words of step 1 in Dutch: development areas, sources of information, the CO signals,
 * contact with the child, the meldcode steps, the regie criteria and the triage outcomes.
 * The analysis page and the analysis PDF both read this, so screen and paper agree.
 */

export const INFORMATION_SOURCES: readonly (readonly [string, string])[] = [
  ['ouder', 'ouder'],
  ['jeugdige', 'jeugdige'],
  ['professional', 'professional'],
  ['document', 'document'],
];

export const DEVELOPMENT_AREAS: readonly (readonly [string, string])[] = [
  ['psychisch', 'Psychisch functioneren'],
  ['sociaal', 'Sociaal functioneren'],
  ['zelfredzaamheid', 'Zelfredzaamheid'],
  ['leren', 'Leren'],
  ['lichamelijk', 'Lichamelijk functioneren'],
];

/** The eight signals of ZTM-DEC-CO-SIGNALS. */
export const CO_SIGNAL_LABELS: readonly (readonly [string, string])[] = [
  ['ggz-ouders', 'Psychische problemen, LVB of verslaving bij een ouder'],
  ['zorgmijding', 'Zorgmijding of zorgen bagatelliseren'],
  ['kindsignalen', 'Signalen bij het kind of bedreigde ontwikkeling'],
  ['zorgmeldingen', 'Zorgmeldingen van instanties'],
  ['huiselijk-geweld', 'Huiselijk geweld'],
  ['draaglast', 'Draaglast en draagkracht uit balans'],
  ['financien-huisvesting', 'Zorgen over geld of wonen'],
  ['vastlopen-werk-school', 'Vastlopen op werk of school'],
];

export const CONTACT_LABELS: Record<string, string> = {
  zien: 'Zien',
  'zien-en-spreken': 'Zien en spreken',
  spreken: 'Spreken',
};

export const MELDCODE_STEPS: readonly (readonly [string, string])[] = [
  ['signalen', '1. Signalen in kaart brengen'],
  ['collegiale-consultatie', '2. Collegiale consultatie (en zo nodig Veilig Thuis raadplegen)'],
  ['gesprek', '3. Gesprek met de betrokkenen'],
  ['wegen', '4. Wegen: is er geweld of mishandeling, hoe acuut en structureel?'],
  ['beslissen', '5. Beslissen: hulp bieden, melden, of allebei'],
];

export const MELDCODE_DECISIONS: readonly (readonly [string, string])[] = [
  ['hulp', 'Hulp bieden of organiseren'],
  ['melden', 'Melden bij Veilig Thuis'],
  ['hulp-en-melden', 'Melden bij Veilig Thuis én hulp bieden'],
];

export const TRIAGE_OUTCOME_LABELS: Record<string, Record<string, string>> = {
  domein: { enkelvoudig: 'Enkelvoudig', meervoudig: 'Meervoudig' },
  complexiteit: { complex: 'Complex', 'niet-complex': 'Niet complex' },
  casusregie: {
    gezin: 'Bij het gezin',
    'buiten-gezin': 'Buiten het gezin',
    'ter-beoordeling': 'Ter beoordeling van de professional',
  },
  gewicht: { licht: 'Licht', midden: 'Midden', zwaar: 'Zwaar' },
};

export const TRIAGE_FIELD_LABELS: Record<string, string> = {
  domein: 'Enkelvoudig of meervoudig',
  complexiteit: 'Complexiteit',
  casusregie: 'Waar ligt de casusregie',
  gewicht: 'Zwaarte van de regie',
  motivatie: 'Motivatie',
};

export const REGIE_CRITERIA: readonly {
  key: string;
  label: string;
  options: readonly (readonly [string, string])[];
}[] = [
  {
    key: 'ernst',
    label: 'Aard en ernst van de problemen',
    options: [
      ['licht', 'Licht'],
      ['midden', 'Midden'],
      ['zwaar', 'Zwaar'],
    ],
  },
  {
    key: 'duur',
    label: 'Duur',
    options: [
      ['afgebakend', 'Afgebakend'],
      ['onzeker', 'Minder voorspelbaar'],
      ['onvoorspelbaar', 'Onvoorspelbaar'],
    ],
  },
  {
    key: 'motivatie',
    label: 'Motivatie van het gezin',
    options: [
      ['goed', 'Goed'],
      ['wisselend', 'Wisselend'],
      ['laag', 'Laag'],
    ],
  },
  {
    key: 'school',
    label: 'School',
    options: [
      ['gaat', 'Gaat naar school'],
      ['bedreigd', 'Schoolgang bedreigd'],
      ['thuiszitter', 'Gaat niet (meer) naar school'],
    ],
  },
  {
    key: 'jhio',
    label: 'Jeugdhulp in onderwijstijd',
    options: [
      ['geen', 'Niet nodig'],
      ['functioneren', 'Nodig om op school te functioneren'],
      ['volgen', 'Nodig om school te kunnen volgen'],
    ],
  },
];

export const SAFETY_OUTCOMES: Record<string, string> = {
  veilig: 'Veilig',
  zorgen: 'Zorgen, geen acuut gevaar',
  acuut: 'Acuut gevaar',
};

export const RISK_OUTCOMES: Record<string, string> = {
  veilig: 'Veilig',
  zorgen: 'Zorgen',
  onveilig: 'Onveilig',
};
