/**
 * Dutch words for the codes the API uses. The codes themselves come from the domain (shared,
 * pure constants), so a new event type or segment fails the type check here until it has a
 * label.
 */
import type { EventType, Measure, Segment } from '../domain/rules/types.js';
import type { DeadlineStatus } from './api.js';

export const EVENT_LABELS: Record<
  | EventType
  | 'notitie'
  | 'stap-afgevinkt'
  | 'melding-veilig-thuis'
  | 'crisisteam-contact'
  | 'familiegroepsplan-aangeboden'
  | 'contactpersoon-aanbieder'
  | 'voortgangsverslag'
  | 'calamiteit'
  | 'acuut-risico'
  | 'verslag-ontvangen'
  | 'onderaannemer-gemeld'
  | 'aanbieder-beoordeeld'
  | 'aanpassing-voorgesteld'
  | 'aanpassing-besloten'
  | 'aanpassing-uitgevoerd'
  | 'beeindiging-gestart'
  | 'beeindiging-gesprek'
  | 'beeindiging-gemeld'
  | 'beeindiging-besluit'
  | 'beeindiging-overgedragen'
  | 'regie-overdracht-gestart'
  | 'regie-overdracht-gesprek'
  | 'regie-overdracht-afgerond'
  | 'regie-overdracht-geannuleerd'
  | 'maatregel-afgesloten'
  | 'verhuizing'
  | 'afsluiting'
  | 'anoniem-gedeeld'
  | 'casusregisseur-gevraagd'
  | 'casusregisseur-afgewezen',
  string
> = {
  aanmelding: 'Aanmelding',
  'eerste-contact': 'Eerste contact',
  intake: 'Intake',
  'plan-vastgesteld': 'Plan vastgesteld',
  hulpverleningsplan: 'Hulpverleningsplan',
  'start-hulp': 'Start van de hulp',
  toekomstplan: 'Toekomstplan',
  'rechterlijke-opdracht': 'Rechterlijke opdracht',
  gezinsplan: 'Gezinsplan',
  evaluatie: 'Evaluatie',
  'verslag-verspreid': 'Verslag verspreid',
  contact: 'Contact',
  'toewijzing-ontvangen': 'Toewijzing ontvangen',
  'bezwaar-arrangement': 'Bezwaar tegen arrangement',
  opschorting: 'Opschorting',
  hervatting: 'Hervatting',
  'maatregel-einde': 'Einde maatregel gepland',
  'rvdk-toetsing': 'Toetsing Raad voor de Kinderbescherming',
  'escalatie-proces': 'Escalatie gestart',
  'escalatie-gesprek': 'Escalatiegesprek',
  'doorbraakteam-overleg': 'Overleg doorbraakteam',
  'escalatie-afspraken': 'Afspraken na escalatie',
  'crisis-start': 'Crisisteam neemt de casusregie',
  'crisis-einde': 'Crisisteam geeft de casusregie terug',
  notitie: 'Notitie',
  'stap-afgevinkt': 'Punt afgevinkt',
  'melding-veilig-thuis': 'Melding bij Veilig Thuis',
  'crisisteam-contact': 'Contact met het crisisteam',
  'familiegroepsplan-aangeboden': 'Familiegroepsplan aangeboden',
  'contactpersoon-aanbieder': 'Contactpersoon van de aanbieder',
  voortgangsverslag: 'Voortgangsverslag van de aanbieder',
  calamiteit: 'Calamiteit gemeld',
  'acuut-risico': 'Acuut risico gemeld',
  'verslag-ontvangen': 'Verslag ontvangen door de casusregisseur',
  'onderaannemer-gemeld': 'Onderaannemer gemeld',
  'aanbieder-beoordeeld': 'Aanbieder beoordeeld bij afsluiting',
  'aanpassing-voorgesteld': 'Aanpassing van de hulp voorgesteld',
  'aanpassing-besloten': 'Besluit over een aanpassing van de hulp',
  'aanpassing-uitgevoerd': 'Toewijzing aangepast',
  'beeindiging-gestart': 'Aanbieder meldt mogelijke beëindiging van de hulp',
  'beeindiging-gesprek': 'Gesprek over beëindiging door de aanbieder vastgelegd',
  'beeindiging-gemeld': 'Onvermijdelijke beëindiging gemeld door de aanbieder',
  'beeindiging-besluit': 'Besluit van de casusregisseur over beëindiging door de aanbieder',
  'beeindiging-overgedragen': 'Hulp na beëindiging door de aanbieder overgedragen',
  'regie-overdracht-gestart': 'Warme overdracht van de casusregie gestart',
  'regie-overdracht-gesprek': 'Gezamenlijk overdrachtsgesprek met het gezin',
  'regie-overdracht-afgerond': 'Casusregie overgedragen',
  'regie-overdracht-geannuleerd': 'Overdracht van de casusregie geannuleerd',
  afsluiting: 'Casus afgesloten',
  'maatregel-afgesloten': 'Einde van de maatregel afgerond',
  verhuizing: 'Verhuisd naar een andere gemeente; nieuwe termijnen lopen vanaf hier',
  'anoniem-gedeeld': 'Anonieme weergave van de casus gedeeld (consultatie of escalatie)',
  'casusregisseur-gevraagd': 'Het gezin vraagt om een casusregisseur (via het gezinsportaal)',
  'casusregisseur-afgewezen': 'Verzoek van het gezin om een casusregisseur afgewezen',
};

export const STATUS_LABELS: Record<DeadlineStatus, string> = {
  met: 'op tijd',
  'met-late': 'te laat gehaald',
  overdue: 'verlopen',
  open: 'open',
};

export const STATUS_BADGE: Record<DeadlineStatus, string> = {
  met: 'safe',
  'met-late': 'warning',
  overdue: 'danger',
  open: 'neutral',
};

export const SEGMENT_LABELS: Record<Segment, string> = {
  ambulant: 'Ambulant',
  jhio: 'Jeugdhulp in onderwijs (JHiO)',
  forensisch: 'Forensisch',
  'crisis-residentieel': 'Crisis, residentieel',
  'crisis-ambulant': 'Crisis, ambulant',
  verblijf: 'Verblijf',
  dagbehandeling: 'Dagbehandeling',
  'gezinsvormen-kort': 'Gezinsvormen, kort',
  'gezinsvormen-lang': 'Gezinsvormen, lang',
};

export const MEASURE_LABELS: Record<Measure, string> = {
  ots: 'Ondertoezichtstelling (OTS)',
  voogdij: 'Voogdij',
  jeugdreclassering: 'Jeugdreclassering',
};

export const ROUTE_LABELS: Record<string, string> = {
  A: 'A – via het lokale team',
  B: 'B – verwijzing huisarts, jeugdarts of medisch specialist',
  C: 'C – maatregel van de kinderrechter',
};

/** Which route an organisation registers (the server checks this too). */
export const ROUTE_OF_ORGANISATION: Record<string, 'A' | 'B' | 'C'> = {
  'lokaal-team': 'A',
  aanbieder: 'B',
  gi: 'C',
};

export const ROLE_LABELS: Record<string, string> = {
  procesregie: 'Procesregie',
  casusregie: 'Casusregie',
  behandelregie: 'Behandelregie',
  crisiscasusregie: 'Crisiscasusregie',
};

export const HOLDER_LABELS: Record<string, string> = {
  gezin: 'het gezin zelf',
  professional: 'professional',
  organisatie: 'organisatie',
};

export const PERSON_LABELS: Record<string, string> = {
  jeugdige: 'Jeugdige',
  ouder: 'Ouder',
  gezagsdrager: 'Gezagsdrager',
  voogd: 'Voogd',
};

export const STEP_LABELS: Record<string, string> = {
  'stap-1': 'Stap 1',
  'stap-2': 'Stap 2',
  'stap-3': 'Stap 3',
};

export const EVALUATION_KIND_LABELS: Record<string, string> = {
  tussen: 'Tussenevaluatie',
  eind: 'Eindevaluatie',
  gezinsplan: 'Evaluatie gezinsplan',
};

export const ACCESS_LABELS: Record<string, string> = {
  'eigen-rol': 'u hebt een rol in deze casus',
  'rol-organisatie': 'uw organisatie heeft een rol in deze casus',
  'verantwoordelijk-team': 'uw team is verantwoordelijk voor deze casus',
  overdracht: 'u neemt de casusregie over (warme overdracht loopt)',
  noodtoegang: 'noodtoegang: alleen inzien, elke inzage wordt gelogd',
};

export {
  GOAL_OWNER_LABELS,
  GOAL_PROGRESS_LABELS,
  PLAN_LABELS,
  PLAN_STATUS_LABELS,
  RESULT_AREA_LABELS,
} from '../documents/plan-words.js';
