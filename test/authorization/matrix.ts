/**
 * The authorisation matrix (issue 8, docs/autorisatie.md): every API route with the policy class
 * that says who may use it, per staff role and per involvement, and anonymous. The matrix test
 * (matrix.int.test.ts) drives every route with every actor in the world of world.ts and fails
 * for a route without an entry here, and for an entry whose route no longer exists.
 *
 * A class lists who is allowed: `role` for both involvements, `role+` only when the actor's
 * organisation is involved in the fixture (see world.ts), `anonymous` without a session.
 * Everyone not listed must be refused (401, 403 or 404).
 */
import type { StaffRole } from '../../src/domain/access/case-access.js';

type Allowed = StaffRole | `${StaffRole}+` | 'anonymous';

const ALL: Allowed[] = [
  'casusregisseur',
  'teamleider',
  'backoffice',
  'jeugdbeschermer',
  'planner',
  'behandelaar',
  'huisarts',
  'beheerder',
  'management',
  'contractmanager',
  'crisismedewerker',
  'privacyfunctionaris',
];
/** Roles that work with case content (NON_CASE_ROLES excluded). */
const CASE_WORKERS: Allowed[] = [
  'casusregisseur',
  'teamleider',
  'backoffice',
  'jeugdbeschermer',
  'planner',
  'behandelaar',
  'huisarts',
  'crisismedewerker',
];
/** Readers of case A: team 1 (responsible, procesregie), provider 1 (behandelregie), the GP (casusregie). */
const CASE_A: Allowed[] = [
  'casusregisseur+',
  'teamleider+',
  'planner+',
  'behandelaar+',
  'huisarts+',
];
/** Case A's procesregie and responsible team: team 1. */
const ASSIGNS_A: Allowed[] = ['casusregisseur+', 'teamleider+'];
const PROVIDER_1: Allowed[] = ['planner+', 'behandelaar+'];

export const POLICIES = {
  /** Anyone, logged in or not. */
  public: ['anonymous', ...ALL],
  loggedIn: ALL,
  /** Logged in and working with cases (not beheer, management, contractmanager, privacy). */
  caseWorkers: CASE_WORKERS,
  /** Register a request: route A local team, B provider, C GI. */
  registerCase: ['casusregisseur', 'teamleider', 'planner', 'behandelaar', 'jeugdbeschermer'],
  /** Read access to case A (`caseAccess`). */
  caseRead: CASE_A,
  /** Change case A (`mayWriteCase`: read access, not by break-the-glass). */
  caseWrite: CASE_A,
  /** Read case B (route B, registered by provider 1). */
  caseReadB: PROVIDER_1,
  /** Read case C (route C, registered by GI 1; provider 1 treats). */
  caseReadC: ['jeugdbeschermer+', 'planner+', 'behandelaar+'],
  /** `mayAssignRoles` on case A: procesregie or the responsible team. */
  caseAssignRoles: ASSIGNS_A,
  /** Planner or behandelaar of the provider with behandelregie on case A. */
  providerOnCase: PROVIDER_1,
  /** The same on case B (GRO-TOE-OPTOUT). */
  providerOnCaseB: PROVIDER_1,
  /** Casusregisseur or teamleider of a local team that reads the case (route A). */
  localTeamOnCase: ASSIGNS_A,
  /** The casusregie side: the holder of casusregie (the GP) or the responsible team. */
  casusregieSide: ['casusregisseur+', 'teamleider+', 'huisarts+'],
  /** Acknowledges provider reports: holder of (crisis)casusregie or the responsible team. */
  reportReceiver: ['casusregisseur+', 'teamleider+', 'huisarts+'],
  /** Records consent: who assigns roles, and the casusregisseur (ADR 0018). */
  consentRecorder: ['casusregisseur+', 'teamleider+', 'huisarts+'],
  /** Proposes an adjustment: the casusregie side or the treating provider. */
  adjustmentProposer: ['casusregisseur+', 'teamleider+', 'huisarts+', 'planner+', 'behandelaar+'],
  /** Decides an adjustment: the organisation with procesregie (team 1), not the proposer. */
  procesregie: ASSIGNS_A,
  /** Records an escalation level: read access and the role the RIJ ladder names (levels 1-3). */
  escalationLevel: ASSIGNS_A,
  /** Decides a provider's ending (step 5): casusregisseur/teamleider of the responsible team. */
  casusregisseurOfCase: ASSIGNS_A,
  /** Hands over after a provider's ending (step 6): the provider or the casusregisseur. */
  endingHandover: ['casusregisseur+', 'teamleider+', 'planner+', 'behandelaar+'],
  /** A meeting of the warm handover: old or new casusregisseur, or who assigns roles. */
  handoverMeeting: ['casusregisseur+', 'teamleider+', 'huisarts+'],
  /** End of a child protection measure on case C: the GI with procesregie (RIJ-DEC-MEASURE-END). */
  measureEnding: ['jeugdbeschermer+'],
  /** Only the author of the working note (team 1's casusregisseur). */
  noteAuthor: ['casusregisseur+'],
  /** Only the owner of the notification (team 1's casusregisseur). */
  notificationOwner: ['casusregisseur+'],
  /** Backoffice of a municipality: the list holds only what is addressed to the own one. */
  backoffice: ['backoffice'],
  /** Backoffice of the municipality the proposal is addressed to (gemeente 1). */
  backofficeOfMunicipality: ['backoffice+'],
  /** The team asked (casusregisseur, teamleider) or the backoffice of the asking municipality. */
  questionReaders: ['casusregisseur', 'teamleider', 'backoffice'],
  /** Answers a team question: the team asked (team 1). */
  questionTeam: ['casusregisseur+', 'teamleider+'],
  /** Contract managers of a municipality: anonymised overviews of their region. */
  contractManager: ['contractmanager'],
  /** Provider performance: contract managers, and a provider for itself. */
  performanceReaders: ['contractmanager', 'planner', 'behandelaar'],
  /** Performance of provider 1: contract managers of the region and provider 1 itself. */
  performanceOfProvider1: ['contractmanager', 'planner+', 'behandelaar+'],
  /** Crisis workers: requests to their own team. */
  crisisTeam: ['crisismedewerker'],
  /** The crisis team asked (crisis team 1). */
  crisisTeamAsked: ['crisismedewerker+'],
  /** Privacy officer of a municipality, for the own region. */
  privacyOfficer: ['privacyfunctionaris'],
  /** Beheerder of a municipality, for the own municipality. */
  beheerderOfMunicipality: ['beheerder'],
  /** Beheerder of gemeente 1, whose identity provider it is. */
  beheerderOfMunicipality1: ['beheerder+'],
  /** Backoffice or beheerder of a municipality, for the own region (catalogue, contracts). */
  municipalityStaff: ['backoffice', 'beheerder'],
  budgetReaders: ['backoffice', 'beheerder', 'management'],
  budgetWriters: ['backoffice', 'beheerder'],
  /** The iJw exchange: backoffice/beheerder of a municipality or planner of a provider, with a code. */
  exchangeParty: ['backoffice', 'beheerder', 'planner'],
  /** A message between provider 1 and gemeente 1: only those two parties. */
  exchangePartyOfMessage: ['backoffice+', 'beheerder+', 'planner+'],
  /** Backoffice or beheerder of gemeente 1, which received (or sends) the message. */
  municipality1Exchange: ['backoffice+', 'beheerder+'],
  /** Backoffice or beheerder of a municipality of the allocation's region. */
  backofficeOrBeheerder: ['backoffice', 'beheerder'],
  /** Quality thermometer (GRO-CHK-REFERENTIEKADER): members of a local team, for their own team. */
  thermometerMember: ['casusregisseur', 'teamleider'],
  /** Opens and closes a thermometer round: the team lead of a local team. */
  thermometerLead: ['teamleider'],
  /** Staff registration (ADR 0023): the team view, for any team lead about their own team. */
  teamLead: ['teamleider'],
  /** Team 1's casusregisseur's registrations: they themselves, or their team lead. */
  registrationReaders: ['casusregisseur+', 'teamleider+'],
  /** Records a registration for team 1's casusregisseur: only the team lead of team 1. */
  registrationRecorder: ['teamleider+'],
  /** Management dashboards (ADR 0024): a team lead for the own team, management and contract managers for their region. */
  dashboardReaders: ['teamleider', 'management', 'contractmanager'],
  /** The period report of a municipality (issue 9): management and contract managers of the region, not team leads. */
  periodReportReaders: ['management', 'contractmanager'],
  /** Sets the FTE of team 1's casusregisseur (ADR 0024): only the team lead of team 1. */
  fteRecorder: ['teamleider+'],
  /** Progress of a deadline recomputation (ADR 0029): staff who work with cases, and beheerders. */
  deadlineRecompute: [...CASE_WORKERS, 'beheerder'],
  /** Family portal (ADR 0026): only a portal session, which no staff member has; nobody here. */
  familyPortal: [],
} satisfies Record<string, Allowed[]>;

export type Policy = keyof typeof POLICIES;

/** Route (method and Fastify URL pattern), its policy class, and the URL with fixture ids. */
// prettier-ignore
export const MATRIX: readonly (readonly [route: string, policy: Policy, url: string])[] = [
  ['POST /api/v1/sessie', 'public', '/api/v1/sessie'],
  ['GET /api/v1/sessie', 'loggedIn', '/api/v1/sessie'],
  ['DELETE /api/v1/sessie', 'loggedIn', '/api/v1/sessie'],
  ['POST /api/v1/portaal/code', 'public', '/api/v1/portaal/code'],
  ['POST /api/v1/portaal/sessie', 'public', '/api/v1/portaal/sessie'],
  ['GET /api/v1/portaal/inlogmethoden', 'public', '/api/v1/portaal/inlogmethoden'],
  ['GET /api/v1/portaal/digid/:providerId/start', 'public', '/api/v1/portaal/digid/{identityProvider}/start'],
  ['GET /api/v1/portaal/digid/callback', 'public', '/api/v1/portaal/digid/callback'],
  ['GET /api/v1/portaal/sessie', 'familyPortal', '/api/v1/portaal/sessie'],
  ['DELETE /api/v1/portaal/sessie', 'familyPortal', '/api/v1/portaal/sessie'],
  ['GET /api/v1/portaal/casussen', 'familyPortal', '/api/v1/portaal/casussen'],
  ['GET /api/v1/portaal/casussen/:id', 'familyPortal', '/api/v1/portaal/casussen/{caseA}'],
  ['GET /api/v1/portaal/casussen/:id/verzoeken', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/verzoeken'],
  ['POST /api/v1/portaal/casussen/:id/casusregisseur-vragen', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/casusregisseur-vragen'],
  ['POST /api/v1/portaal/casussen/:id/inzageverzoeken', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/inzageverzoeken'],
  ['GET /api/v1/portaal/casussen/:id/notities', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/notities'],
  ['POST /api/v1/portaal/casussen/:id/notities', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/notities'],
  ['GET /api/v1/portaal/casussen/:id/evaluaties', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/evaluaties'],
  ['POST /api/v1/portaal/casussen/:id/evaluaties', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/evaluaties'],
  ['PUT /api/v1/portaal/casussen/:id/evaluaties/:evaluatieId/inbreng', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/evaluaties/{caseA}/inbreng'],
  ['GET /api/v1/portaal/casussen/:id/ondertekenen', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/ondertekenen'],
  ['POST /api/v1/portaal/casussen/:id/plannen/:planId/ondertekenen', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/plannen/{plan}/ondertekenen'],
  ['GET /api/v1/portaal/casussen/:id/toestemmingen', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/toestemmingen'],
  ['POST /api/v1/portaal/casussen/:id/toestemmingen', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/toestemmingen'],
  ['GET /api/v1/portaal/casussen/:id/familiegroepsplan', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/familiegroepsplan'],
  ['POST /api/v1/portaal/casussen/:id/familiegroepsplan', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/familiegroepsplan'],
  ['PUT /api/v1/portaal/casussen/:id/familiegroepsplan', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/familiegroepsplan'],
  ['PUT /api/v1/portaal/casussen/:id/familiegroepsplan/afspraken/:index', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/familiegroepsplan/afspraken/0'],
  ['GET /api/v1/portaal/casussen/:id/meelezen', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/meelezen'],
  ['PUT /api/v1/portaal/casussen/:id/meelezen', 'familyPortal', '/api/v1/portaal/casussen/{caseA}/meelezen'],
  ['POST /api/v1/wachtwoord', 'loggedIn', '/api/v1/wachtwoord'],
  ['POST /api/v1/casussen', 'registerCase', '/api/v1/casussen'],
  ['GET /api/v1/casussen/:id', 'caseRead', '/api/v1/casussen/{caseA}'],
  ['POST /api/v1/casussen/:id/gebeurtenissen', 'caseWrite', '/api/v1/casussen/{caseA}/gebeurtenissen'],
  ['POST /api/v1/casussen/:id/rollen', 'caseAssignRoles', '/api/v1/casussen/{caseA}/rollen'],
  ['GET /api/v1/werkvoorraad', 'loggedIn', '/api/v1/werkvoorraad'],
  ['GET /api/v1/casussen/zoeken', 'caseWorkers', '/api/v1/casussen/zoeken?q=gezin'],
  ['GET /api/v1/regios', 'loggedIn', '/api/v1/regios'],
  ['GET /api/v1/regels/:id', 'public', '/api/v1/regels/RIJ-DEC-PROVIDER-END'],
  ['GET /api/v1/organisaties', 'caseWorkers', '/api/v1/organisaties'],
  ['GET /api/v1/organisaties/:id/medewerkers', 'caseWorkers', '/api/v1/organisaties/{lokaal-team1}/medewerkers'],
  ['GET /api/v1/casussen/:id/plannen', 'caseRead', '/api/v1/casussen/{caseA}/plannen'],
  ['POST /api/v1/casussen/:id/plannen', 'caseWrite', '/api/v1/casussen/{caseA}/plannen'],
  ['GET /api/v1/plannen/:id', 'caseRead', '/api/v1/plannen/{plan}'],
  ['GET /api/v1/plannen/:id/pdf', 'caseRead', '/api/v1/plannen/{plan}/pdf'],
  ['PUT /api/v1/plannen/:id/concept', 'caseWrite', '/api/v1/plannen/{plan}/concept'],
  ['POST /api/v1/plannen/:id/handtekeningen', 'caseWrite', '/api/v1/plannen/{plan}/handtekeningen'],
  ['POST /api/v1/plannen/:id/vaststellen', 'caseWrite', '/api/v1/plannen/{plan}/vaststellen'],
  ['POST /api/v1/plannen/:id/bijstellen', 'caseWrite', '/api/v1/plannen/{plan}/bijstellen'],
  ['GET /api/v1/plannen/:id/afspraken', 'caseRead', '/api/v1/plannen/{plan}/afspraken'],
  ['GET /api/v1/casussen/:id/beoordelingen', 'caseRead', '/api/v1/casussen/{caseA}/beoordelingen'],
  ['POST /api/v1/casussen/:id/veiligheidscheck', 'caseWrite', '/api/v1/casussen/{caseA}/veiligheidscheck'],
  ['POST /api/v1/casussen/:id/vraaganalyse', 'caseWrite', '/api/v1/casussen/{caseA}/vraaganalyse'],
  ['POST /api/v1/casussen/:id/risicotaxatie', 'caseWrite', '/api/v1/casussen/{caseA}/risicotaxatie'],
  ['POST /api/v1/casussen/:id/regiecriteria', 'caseWrite', '/api/v1/casussen/{caseA}/regiecriteria'],
  ['GET /api/v1/casussen/:id/analyse/pdf', 'caseRead', '/api/v1/casussen/{caseA}/analyse/pdf'],
  ['GET /api/v1/casussen/:id/kindcontact', 'caseRead', '/api/v1/casussen/{caseA}/kindcontact'],
  ['POST /api/v1/casussen/:id/kindcontact', 'caseWrite', '/api/v1/casussen/{caseA}/kindcontact'],
  ['POST /api/v1/casussen/:id/co-overleg', 'caseWrite', '/api/v1/casussen/{caseA}/co-overleg'],
  ['POST /api/v1/casussen/:id/meldcode', 'caseWrite', '/api/v1/casussen/{caseA}/meldcode'],
  ['GET /api/v1/casussen/:id/triage', 'caseRead', '/api/v1/casussen/{caseA}/triage'],
  ['POST /api/v1/casussen/:id/triage', 'caseWrite', '/api/v1/casussen/{caseA}/triage'],
  ['GET /api/v1/casussen/:id/plansignalen', 'caseRead', '/api/v1/casussen/{caseA}/plansignalen'],
  ['POST /api/v1/casussen/:id/familiegroepsplan-aanbod', 'caseWrite', '/api/v1/casussen/{caseA}/familiegroepsplan-aanbod'],
  ['GET /api/v1/catalogus', 'loggedIn', '/api/v1/catalogus'],
  ['GET /api/v1/catalogus.csv', 'loggedIn', '/api/v1/catalogus.csv'],
  ['PUT /api/v1/catalogus', 'municipalityStaff', '/api/v1/catalogus'],
  ['GET /api/v1/contracten', 'loggedIn', '/api/v1/contracten'],
  ['GET /api/v1/contracten.csv', 'loggedIn', '/api/v1/contracten.csv'],
  ['PUT /api/v1/contracten', 'municipalityStaff', '/api/v1/contracten'],
  ['GET /api/v1/budget', 'budgetReaders', '/api/v1/budget'],
  ['PUT /api/v1/budget', 'budgetWriters', '/api/v1/budget'],
  ['POST /api/v1/ijw/inbox', 'exchangeParty', '/api/v1/ijw/inbox'],
  ['GET /api/v1/ijw/berichten', 'exchangeParty', '/api/v1/ijw/berichten'],
  ['GET /api/v1/ijw/berichten/:id', 'exchangePartyOfMessage', '/api/v1/ijw/berichten/{message}'],
  ['POST /api/v1/ijw/berichten/:id/lokaal-team', 'municipality1Exchange', '/api/v1/ijw/berichten/{message}/lokaal-team'],
  ['POST /api/v1/ijw/berichten/:id/antwoord', 'municipality1Exchange', '/api/v1/ijw/berichten/{message}/antwoord'],
  ['POST /api/v1/ijw/berichten/:id/toewijzing', 'municipality1Exchange', '/api/v1/ijw/berichten/{message}/toewijzing'],
  ['GET /api/v1/ijw/uitbak', 'exchangeParty', '/api/v1/ijw/uitbak'],
  ['POST /api/v1/ijw/berichten/:id/verstuurd', 'municipality1Exchange', '/api/v1/ijw/berichten/{outgoing}/verstuurd'],
  ['GET /api/v1/toewijzingen/:nummer/beschikking', 'backofficeOrBeheerder', '/api/v1/toewijzingen/{allocationNumber}/beschikking?reden=verzoek'],
  ['GET /api/v1/casussen/:id/toewijzingsvoorstel/basis', 'caseRead', '/api/v1/casussen/{caseA}/toewijzingsvoorstel/basis'],
  ['POST /api/v1/casussen/:id/toewijzingsvoorstellen', 'localTeamOnCase', '/api/v1/casussen/{caseA}/toewijzingsvoorstellen'],
  ['GET /api/v1/casussen/:id/overdracht', 'caseRead', '/api/v1/casussen/{caseA}/overdracht'],
  ['GET /api/v1/toewijzingsvoorstellen', 'backoffice', '/api/v1/toewijzingsvoorstellen'],
  ['GET /api/v1/toewijzingsvoorstellen/:id', 'backofficeOfMunicipality', '/api/v1/toewijzingsvoorstellen/{proposal}'],
  ['POST /api/v1/toewijzingsvoorstellen/:id/besluit', 'backofficeOfMunicipality', '/api/v1/toewijzingsvoorstellen/{proposal}/besluit'],
  ['GET /api/v1/casussen/:id/opt-out', 'caseReadB', '/api/v1/casussen/{caseB}/opt-out'],
  ['POST /api/v1/casussen/:id/opt-out', 'providerOnCaseB', '/api/v1/casussen/{caseB}/opt-out'],
  ['POST /api/v1/casussen/:id/opt-out/intrekken', 'providerOnCaseB', '/api/v1/casussen/{caseB}/opt-out/intrekken'],
  ['GET /api/v1/adviesvragen', 'questionReaders', '/api/v1/adviesvragen'],
  ['POST /api/v1/adviesvragen/:id/antwoord', 'questionTeam', '/api/v1/adviesvragen/{question}/antwoord'],
  ['GET /api/v1/casussen/:id/evaluaties', 'caseRead', '/api/v1/casussen/{caseA}/evaluaties'],
  ['POST /api/v1/casussen/:id/evaluaties', 'caseWrite', '/api/v1/casussen/{caseA}/evaluaties'],
  ['POST /api/v1/casussen/:id/evaluaties/gepland', 'caseWrite', '/api/v1/casussen/{caseA}/evaluaties/gepland'],
  ['POST /api/v1/evaluaties/:id/verspreiden', 'caseWrite', '/api/v1/evaluaties/{evaluation}/verspreiden'],
  ['GET /api/v1/casussen/:id/escalaties', 'caseRead', '/api/v1/casussen/{caseA}/escalaties'],
  ['POST /api/v1/casussen/:id/escalaties', 'caseWrite', '/api/v1/casussen/{caseA}/escalaties'],
  ['POST /api/v1/escalaties/:id/niveaus', 'escalationLevel', '/api/v1/escalaties/{escalation}/niveaus'],
  ['POST /api/v1/escalaties/:id/overzicht-voorbeeld', 'escalationLevel', '/api/v1/escalaties/{escalation}/overzicht-voorbeeld'],
  ['PUT /api/v1/escalaties/:id/plichten', 'caseWrite', '/api/v1/escalaties/{escalation}/plichten'],
  ['POST /api/v1/escalaties/:id/afsluiten', 'caseWrite', '/api/v1/escalaties/{escalation}/afsluiten'],
  ['GET /api/v1/escalaties', 'contractManager', '/api/v1/escalaties'],
  ['GET /api/v1/escalaties/:id', 'contractManager', '/api/v1/escalaties/{escalation}'],
  ['GET /api/v1/casussen/:id/crisis', 'caseRead', '/api/v1/casussen/{caseA}/crisis'],
  ['POST /api/v1/casussen/:id/crisis', 'caseWrite', '/api/v1/casussen/{caseA}/crisis'],
  ['GET /api/v1/crisis', 'crisisTeam', '/api/v1/crisis'],
  ['POST /api/v1/crisis/:id/overnemen', 'crisisTeamAsked', '/api/v1/crisis/{crisis}/overnemen'],
  ['POST /api/v1/crisis/:id/casusregisseur-vragen', 'crisisTeamAsked', '/api/v1/crisis/{crisis}/casusregisseur-vragen'],
  ['POST /api/v1/crisis/:id/teruggeven', 'crisisTeamAsked', '/api/v1/crisis/{crisis}/teruggeven'],
  ['GET /api/v1/casussen/:id/overdrachten-regie', 'caseRead', '/api/v1/casussen/{caseA}/overdrachten-regie'],
  ['POST /api/v1/casussen/:id/overdrachten-regie', 'caseAssignRoles', '/api/v1/casussen/{caseA}/overdrachten-regie'],
  ['POST /api/v1/regie-overdrachten/:id/gesprekken', 'handoverMeeting', '/api/v1/regie-overdrachten/{handover}/gesprekken'],
  ['POST /api/v1/regie-overdrachten/:id/afronden', 'caseAssignRoles', '/api/v1/regie-overdrachten/{handover}/afronden'],
  ['POST /api/v1/regie-overdrachten/:id/annuleren', 'caseAssignRoles', '/api/v1/regie-overdrachten/{handover}/annuleren'],
  ['GET /api/v1/casussen/:id/toestemmingen', 'caseRead', '/api/v1/casussen/{caseA}/toestemmingen'],
  ['GET /api/v1/casussen/:id/toestemmingen/overdracht', 'caseRead', '/api/v1/casussen/{caseA}/toestemmingen/overdracht?organisatieId={aanbieder1}'],
  ['POST /api/v1/casussen/:id/toestemmingen', 'consentRecorder', '/api/v1/casussen/{caseA}/toestemmingen'],
  ['GET /api/v1/casussen/:id/werkaantekeningen', 'caseRead', '/api/v1/casussen/{caseA}/werkaantekeningen'],
  ['POST /api/v1/casussen/:id/werkaantekeningen', 'caseWrite', '/api/v1/casussen/{caseA}/werkaantekeningen'],
  ['GET /api/v1/casussen/:id/gezinsnotities', 'casusregieSide', '/api/v1/casussen/{caseA}/gezinsnotities'],
  ['GET /api/v1/casussen/:id/casusregisseur-verzoek', 'caseRead', '/api/v1/casussen/{caseA}/casusregisseur-verzoek'],
  ['POST /api/v1/casussen/:id/casusregisseur-verzoek/afwijzing', 'caseAssignRoles', '/api/v1/casussen/{caseA}/casusregisseur-verzoek/afwijzing'],
  ['GET /api/v1/casussen/:id/gezinsportaal', 'casusregieSide', '/api/v1/casussen/{caseA}/gezinsportaal'],
  ['PUT /api/v1/casussen/:id/personen/:personId/portaal', 'casusregieSide', '/api/v1/casussen/{caseA}/personen/{youngA}/portaal'],
  ['PUT /api/v1/casussen/:id/personen/:personId/gezag', 'casusregieSide', '/api/v1/casussen/{caseA}/personen/{youngA}/gezag'],
  ['GET /api/v1/werkaantekeningen/:id', 'noteAuthor', '/api/v1/werkaantekeningen/{note}'],
  ['PUT /api/v1/werkaantekeningen/:id', 'noteAuthor', '/api/v1/werkaantekeningen/{note}'],
  ['DELETE /api/v1/werkaantekeningen/:id', 'noteAuthor', '/api/v1/werkaantekeningen/{note}'],
  ['GET /api/v1/casussen/:id/verhuizingen', 'caseRead', '/api/v1/casussen/{caseA}/verhuizingen'],
  ['GET /api/v1/verhuizing/bestemmingen', 'caseWorkers', '/api/v1/verhuizing/bestemmingen'],
  ['POST /api/v1/casussen/:id/verhuizingen', 'caseAssignRoles', '/api/v1/casussen/{caseA}/verhuizingen'],
  ['GET /api/v1/casussen/:id/aanpassingen', 'caseRead', '/api/v1/casussen/{caseA}/aanpassingen'],
  ['POST /api/v1/casussen/:id/aanpassingen', 'adjustmentProposer', '/api/v1/casussen/{caseA}/aanpassingen'],
  ['POST /api/v1/aanpassingen/:id/besluit', 'procesregie', '/api/v1/aanpassingen/{adjustment}/besluit'],
  ['GET /api/v1/meldingen', 'loggedIn', '/api/v1/meldingen'],
  ['GET /api/v1/meldingen/ongelezen', 'loggedIn', '/api/v1/meldingen/ongelezen'],
  ['POST /api/v1/meldingen/gelezen', 'loggedIn', '/api/v1/meldingen/gelezen'],
  ['POST /api/v1/meldingen/:id/gelezen', 'notificationOwner', '/api/v1/meldingen/{notification}/gelezen'],
  ['GET /api/v1/casussen/:id/beeindigingen', 'caseRead', '/api/v1/casussen/{caseA}/beeindigingen'],
  ['POST /api/v1/casussen/:id/beeindigingen', 'providerOnCase', '/api/v1/casussen/{caseA}/beeindigingen'],
  ['POST /api/v1/beeindigingen/:id/gesprekken', 'providerOnCase', '/api/v1/beeindigingen/{ending}/gesprekken'],
  ['POST /api/v1/beeindigingen/:id/melding', 'providerOnCase', '/api/v1/beeindigingen/{ending}/melding'],
  ['POST /api/v1/beeindigingen/:id/besluit', 'casusregisseurOfCase', '/api/v1/beeindigingen/{ending}/besluit'],
  ['POST /api/v1/beeindigingen/:id/overdracht', 'endingHandover', '/api/v1/beeindigingen/{ending}/overdracht'],
  ['GET /api/v1/beeindigingen', 'contractManager', '/api/v1/beeindigingen'],
  ['GET /api/v1/beeindigingen/:id', 'contractManager', '/api/v1/beeindigingen/{endingShared}'],
  ['GET /api/v1/casussen/:id/einde-maatregel', 'caseReadC', '/api/v1/casussen/{caseC}/einde-maatregel'],
  ['POST /api/v1/casussen/:id/einde-maatregel', 'measureEnding', '/api/v1/casussen/{caseC}/einde-maatregel'],
  ['PUT /api/v1/casussen/:id/einde-maatregel/bestemming', 'measureEnding', '/api/v1/casussen/{caseC}/einde-maatregel/bestemming'],
  ['PUT /api/v1/casussen/:id/einde-maatregel/teamtafel', 'measureEnding', '/api/v1/casussen/{caseC}/einde-maatregel/teamtafel'],
  ['PUT /api/v1/casussen/:id/einde-maatregel/afsluitrapportage', 'measureEnding', '/api/v1/casussen/{caseC}/einde-maatregel/afsluitrapportage'],
  ['POST /api/v1/casussen/:id/einde-maatregel/afronden', 'measureEnding', '/api/v1/casussen/{caseC}/einde-maatregel/afronden'],
  ['GET /api/v1/casussen/:id/afsluiting', 'caseRead', '/api/v1/casussen/{caseA}/afsluiting'],
  ['PATCH /api/v1/casussen/:id/afsluiting', 'caseAssignRoles', '/api/v1/casussen/{caseA}/afsluiting'],
  ['PUT /api/v1/casussen/:id/afsluiting/eindverslag', 'providerOnCase', '/api/v1/casussen/{caseA}/afsluiting/eindverslag'],
  ['POST /api/v1/casussen/:id/afsluiting/afsluiten', 'caseAssignRoles', '/api/v1/casussen/{caseA}/afsluiting/afsluiten'],
  ['GET /api/v1/casussen/:id/dossierverzoeken', 'caseAssignRoles', '/api/v1/casussen/{caseA}/dossierverzoeken'],
  ['POST /api/v1/casussen/:id/dossierverzoeken', 'caseAssignRoles', '/api/v1/casussen/{caseA}/dossierverzoeken'],
  ['POST /api/v1/casussen/:id/dossierverzoeken/:verzoekId/achterhouden', 'caseAssignRoles', '/api/v1/casussen/{caseA}/dossierverzoeken/{recordRequest}/achterhouden'],
  ['GET /api/v1/casussen/:id/dossierverzoeken/:verzoekId/dossier.json', 'caseAssignRoles', '/api/v1/casussen/{caseA}/dossierverzoeken/{recordRequest}/dossier.json'],
  ['GET /api/v1/casussen/:id/dossierverzoeken/:verzoekId/dossier.pdf', 'caseAssignRoles', '/api/v1/casussen/{caseA}/dossierverzoeken/{recordRequest}/dossier.pdf'],
  ['POST /api/v1/casussen/:id/dossierverzoeken/:verzoekId/besluit', 'caseAssignRoles', '/api/v1/casussen/{caseA}/dossierverzoeken/{recordRequest}/besluit'],
  ['GET /api/v1/bewaartermijn', 'privacyOfficer', '/api/v1/bewaartermijn'],
  ['POST /api/v1/bewaartermijn/:id/besluit', 'privacyOfficer', '/api/v1/bewaartermijn/{caseA}/besluit'],
  ['GET /api/v1/casussen/:id/contactpersonen', 'caseRead', '/api/v1/casussen/{caseA}/contactpersonen'],
  ['POST /api/v1/casussen/:id/contactpersonen', 'providerOnCase', '/api/v1/casussen/{caseA}/contactpersonen'],
  ['GET /api/v1/casussen/:id/verslagen', 'caseRead', '/api/v1/casussen/{caseA}/verslagen'],
  ['POST /api/v1/casussen/:id/verslagen', 'providerOnCase', '/api/v1/casussen/{caseA}/verslagen'],
  ['GET /api/v1/casussen/:id/verslagen/:verslagId', 'caseRead', '/api/v1/casussen/{caseA}/verslagen/{report}'],
  ['POST /api/v1/casussen/:id/verslagen/:verslagId/ontvangen', 'reportReceiver', '/api/v1/casussen/{caseA}/verslagen/{report}/ontvangen'],
  ['GET /api/v1/casussen/:id/onderaannemers', 'caseRead', '/api/v1/casussen/{caseA}/onderaannemers'],
  ['POST /api/v1/casussen/:id/onderaannemers', 'providerOnCase', '/api/v1/casussen/{caseA}/onderaannemers'],
  ['GET /api/v1/casussen/:id/aanbiederscores', 'casusregieSide', '/api/v1/casussen/{caseA}/aanbiederscores'],
  ['POST /api/v1/casussen/:id/aanbiederscores', 'casusregieSide', '/api/v1/casussen/{caseA}/aanbiederscores'],
  ['GET /api/v1/aanbieders/prestaties', 'performanceReaders', '/api/v1/aanbieders/prestaties'],
  ['GET /api/v1/aanbieders/:id/prestaties', 'performanceOfProvider1', '/api/v1/aanbieders/{aanbieder1}/prestaties'],
  ['GET /api/v1/thermometer', 'thermometerMember', '/api/v1/thermometer'],
  ['POST /api/v1/thermometer/rondes', 'thermometerLead', '/api/v1/thermometer/rondes'],
  ['POST /api/v1/thermometer/ronde-sluiten', 'thermometerLead', '/api/v1/thermometer/ronde-sluiten'],
  ['PUT /api/v1/thermometer/scores', 'thermometerMember', '/api/v1/thermometer/scores'],
  ['GET /api/v1/toegangslog', 'privacyOfficer', '/api/v1/toegangslog'],
  ['GET /api/v1/toegangslog/keuzes', 'privacyOfficer', '/api/v1/toegangslog/keuzes'],
  ['POST /api/v1/toegangslog/controle', 'privacyOfficer', '/api/v1/toegangslog/controle'],
  ['GET /api/v1/casussen/:id/toegangslog', 'caseAssignRoles', '/api/v1/casussen/{caseA}/toegangslog'],
  ['POST /api/v1/noodtoegang', 'caseWorkers', '/api/v1/noodtoegang'],
  ['GET /api/v1/casussen/:id/noodtoegang', 'loggedIn', '/api/v1/casussen/{caseA}/noodtoegang'],
  ['GET /api/v1/noodtoegang/beoordelingen', 'privacyOfficer', '/api/v1/noodtoegang/beoordelingen'],
  ['POST /api/v1/noodtoegang/:id/beoordeling', 'privacyOfficer', '/api/v1/noodtoegang/{breakGlass}/beoordeling'],
  ['GET /api/v1/casussen/:id/anonieme-weergaven', 'caseRead', '/api/v1/casussen/{caseA}/anonieme-weergaven'],
  ['POST /api/v1/casussen/:id/anonieme-weergaven', 'caseAssignRoles', '/api/v1/casussen/{caseA}/anonieme-weergaven'],
  ['PUT /api/v1/casussen/:id/anonieme-weergaven/:weergaveId', 'caseAssignRoles', '/api/v1/casussen/{caseA}/anonieme-weergaven/{view}'],
  ['POST /api/v1/casussen/:id/anonieme-weergaven/:weergaveId/controle', 'caseAssignRoles', '/api/v1/casussen/{caseA}/anonieme-weergaven/{view}/controle'],
  ['POST /api/v1/casussen/:id/anonieme-weergaven/:weergaveId/delen', 'caseAssignRoles', '/api/v1/casussen/{caseA}/anonieme-weergaven/{view}/delen'],
  ['GET /api/v1/casussen/:id/gegevensdeling', 'caseRead', '/api/v1/casussen/{caseA}/gegevensdeling'],
  ['POST /api/v1/casussen/:id/gegevensdeling', 'caseWrite', '/api/v1/casussen/{caseA}/gegevensdeling'],
  ['GET /api/v1/auth/oidc/aanbieders', 'public', '/api/v1/auth/oidc/aanbieders'],
  ['GET /api/v1/auth/oidc/:providerId/start', 'public', '/api/v1/auth/oidc/{identityProvider}/start'],
  ['GET /api/v1/auth/oidc/callback', 'public', '/api/v1/auth/oidc/callback'],
  ['GET /api/v1/identiteitsaanbieders', 'beheerderOfMunicipality', '/api/v1/identiteitsaanbieders'],
  ['POST /api/v1/identiteitsaanbieders', 'beheerderOfMunicipality', '/api/v1/identiteitsaanbieders'],
  ['POST /api/v1/identiteitsaanbieders/:id/deactiveren', 'beheerderOfMunicipality1', '/api/v1/identiteitsaanbieders/{identityProvider}/deactiveren'],
  ['GET /api/v1/team/registraties', 'teamLead', '/api/v1/team/registraties'],
  ['GET /api/v1/medewerkers/:id/registraties', 'registrationReaders', '/api/v1/medewerkers/{teamMember}/registraties'],
  ['POST /api/v1/medewerkers/:id/registraties', 'registrationRecorder', '/api/v1/medewerkers/{teamMember}/registraties'],
  ['GET /api/v1/dashboards/:naam', 'dashboardReaders', '/api/v1/dashboards/caseload'],
  ['GET /api/v1/rapportages/periode', 'periodReportReaders', '/api/v1/rapportages/periode?gemeente={gemeente1}&van=2026-01-01&tot=2026-03-31'],
  ['GET /api/v1/dashboards/filters', 'dashboardReaders', '/api/v1/dashboards/filters'],
  ['GET /api/v1/team/fte', 'teamLead', '/api/v1/team/fte'],
  ['PUT /api/v1/medewerkers/:id/fte', 'fteRecorder', '/api/v1/medewerkers/{teamMember}/fte'],
  ['GET /api/v1/termijnen/herberekening', 'deadlineRecompute', '/api/v1/termijnen/herberekening'],
  ['GET /api/v1/openapi.json', 'public', '/api/v1/openapi.json'],
  ['GET /api/v1/gereed', 'public', '/api/v1/gereed'],
];
