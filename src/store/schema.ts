/** Table types for Kysely: what the database holds, column by column. */
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateColumn = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;

export interface OrganisationTable {
  id: Generated<string>;
  kind:
    | 'gemeente'
    | 'lokaal-team'
    | 'aanbieder'
    | 'gi'
    | 'huisartsenpraktijk'
    | 'expertteam'
    | 'crisisteam';
  name: string;
  region: string;
  agb_code: string | null;
  parent_id: string | null;
  created_at: CreatedAt;
}

export interface StaffTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  email: string;
  password_hash: string;
  roles: string[];
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: CreatedAt;
  /** Part of a full-time job (migration 0036); numeric, so read as text. */
  fte: Generated<string>;
}

export interface HouseholdTable {
  id: Generated<string>;
  label: string;
  region: string;
  created_at: CreatedAt;
}

export interface PersonTable {
  id: Generated<string>;
  household_id: string;
  kind: 'jeugdige' | 'ouder' | 'gezagsdrager' | 'voogd';
  name: string;
  birth_date: DateColumn | null;
  bsn: string | null;
  created_at: CreatedAt;
  /** Where the family portal's one-time code goes (migration 0040). */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** A parent whose authority (gezag) was removed: no portal access (migration 0040). */
  authority_removed: Generated<boolean>;
  /** The court decision a removal of authority rests on, when and by whom (migration 0046). */
  authority_note: ColumnType<string | null, string | null | undefined, string | null>;
  authority_changed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  authority_changed_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A 16+ young person's choice that the parents read along on a case (migration 0046). */
export interface PortalReadAlongTable {
  case_id: string;
  person_id: string;
  allowed: boolean;
  changed_at: Timestamp;
}

export interface PortalLoginCodeTable {
  id: Generated<string>;
  person_id: string;
  code_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: Timestamp | null;
}

export interface PortalSessionTable {
  id: string;
  person_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface CasusTable {
  id: Generated<string>;
  household_id: string;
  region: string;
  route: 'A' | 'B' | 'C';
  segment: string;
  measure: 'ots' | 'voogdij' | 'jeugdreclassering' | null;
  step: string;
  responsible_team_id: string | null;
  registered_by_org_id: string;
  referrer_type: 'huisarts' | 'jeugdarts' | 'medisch-specialist' | null;
  referrer_code: string | null;
  court_order_date: DateColumn | null;
  facts: Json;
  created_at: CreatedAt;
  closed_at: Timestamp | null;
  /** Changes whenever the case, its events or its household's people change (migration 0039). */
  revision: Generated<string>;
}

export interface CaseRoleTable {
  id: Generated<string>;
  case_id: string;
  role: 'procesregie' | 'casusregie' | 'behandelregie' | 'crisiscasusregie';
  holder: 'gezin' | 'professional' | 'organisatie';
  organisation_id: string | null;
  staff_id: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp | null;
  reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CaseEventTable {
  id: Generated<string>;
  case_id: string;
  type: string;
  at: Timestamp;
  child_id: string | null;
  kind: string | null;
  date: DateColumn | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface SessionTable {
  id: string;
  staff_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  /** Last request in this session, for the idle timeout (migration 0030). */
  last_seen_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  staff_id: string | null;
  organisation_id: string | null;
  role: string | null;
  case_id: string | null;
  action: string;
  details: Json;
  client_address: string | null;
  /** The client's household, from the case (NEN 7513; migration 0027). */
  household_id: Generated<string | null>;
  /** Why someone looked (break-the-glass); null otherwise. */
  justification: Generated<string | null>;
  /** Set once by sealing the hash chain (src/store/access-log.ts). */
  seq: Generated<string | null>;
  row_hash: Generated<string | null>;
  chain_hash: Generated<string | null>;
}

export interface PlanTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  subject_person_id: string | null;
  created_at: CreatedAt;
  /** Null when a family member started the plan in the portal (migration 0047). */
  created_by: string | null;
  created_by_person?: string | null;
  /** Raised by every write; writes name the one they were based on (migration 0051). */
  revision: Generated<number>;
}

export interface PlanVersionTable {
  id: Generated<string>;
  plan_id: string;
  version: number;
  status: 'concept' | 'vastgesteld' | 'vervangen';
  start_date: DateColumn;
  content: Json;
  content_hash: string;
  created_at: CreatedAt;
  /** Null when a family member wrote this version in the portal (migration 0047). */
  created_by: string | null;
  created_by_person?: string | null;
  updated_at: Timestamp;
  fixed_at: Timestamp | null;
  fixed_by: string | null;
}

export interface PlanSignatureTable {
  id: Generated<string>;
  plan_version_id: string;
  person_id: string;
  signed_at: Timestamp;
  method: string;
  content_hash: string;
  /** Null for a signature the person gave in the family portal (method `gezinsportaal`). */
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface AssessmentTable {
  id: Generated<string>;
  seq: Generated<string>;
  case_id: string;
  kind: string;
  content: Json;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ProductTable {
  region: string;
  code: string;
  category: string;
  name: string;
  segment: string;
  freely_accessible: boolean;
  unit: string;
  frequency: string;
  tariff_cents: number;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
  updated_at: CreatedAt;
}

export interface AllocationTable {
  id: Generated<string>;
  case_id: string;
  region: string;
  provider_id: string;
  number: string;
  product_code: string;
  start_date: DateColumn;
  end_date: DateColumn | null;
  status: 'toegewezen' | 'gestart' | 'opgeschort' | 'gestopt' | 'ingetrokken' | 'vervallen';
  created_at: CreatedAt;
  municipality_code: string | null;
  volume: number | null;
  unit: string | null;
  frequency: string | null;
  /** Value in the budget year of the start date, in cents (GRO-DEC-BUDGET). */
  value_cents: ColumnType<string, number | undefined, number>;
  bridging: Generated<boolean>;
  proposal_id: string | null;
  /** The young person's BSN (from the JW301); null for rows from before it was kept. */
  client_bsn: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ContractTable {
  region: string;
  partner_agb: string;
  partner_name: string;
  provider_agb: string;
  provider_name: string;
  products: string[];
  valid_from: DateColumn;
  valid_to: DateColumn | null;
  updated_at: CreatedAt;
}

export interface BudgetTable {
  municipality_code: string;
  year: number;
  amount_cents: ColumnType<string, number, number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface AllocationProposalTable {
  id: Generated<string>;
  case_id: string;
  region: string;
  municipality_code: string;
  provider_id: string;
  client_id: string;
  plan_version_id: string;
  content: Json;
  status: 'voorgesteld' | 'toegewezen' | 'afgewezen';
  proposed_by: string;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  message_id: string | null;
}

export interface EvaluationTable {
  id: Generated<string>;
  case_id: string;
  plan_version_id: string;
  kind: 'tussen' | 'eind' | 'gezinsplan';
  held_at: Timestamp;
  participants: Json;
  minutes: Json;
  recorded_by: string;
  recorded_at: Timestamp;
  distributed_at: Timestamp | null;
  distributed_by: string | null;
}

export interface CareLineTable {
  id: Generated<string>;
  allocation_id: string;
  kind: 'start' | 'stop';
  product: string;
  begin_date: DateColumn;
  end_date: DateColumn | null;
  reason: string | null;
  received_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface OptOutTable {
  id: Generated<string>;
  case_id: string;
  signed_on: DateColumn;
  signers: string[];
  reference: string;
  recorded_by: string;
  recorded_at: Timestamp;
  withdrawn_by: string | null;
  withdrawn_at: Timestamp | null;
}

export interface TeamQuestionTable {
  id: Generated<string>;
  message_id: string;
  case_id: string;
  municipality_code: string;
  team_id: string;
  anonymous: boolean;
  question: string;
  snapshot: Json;
  asked_by: string;
  asked_at: Timestamp;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
}

export interface IjwMessageTable {
  id: Generated<string>;
  direction: 'in' | 'uit';
  type: string;
  sender: string;
  receiver: string;
  identification: string;
  message_date: DateColumn | null;
  xml: string;
  valid: boolean;
  report: Json;
  status: 'verwerkt' | 'afgekeurd' | 'klaar' | 'verstuurd' | 'geweigerd';
  answers_id: string | null;
  return_codes: ColumnType<unknown, string | undefined, string>;
  case_id: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
  /** Requests (JW315, JW317): the client's BSN and the provider's references. */
  client_bsn: ColumnType<string | null, string | null | undefined, string | null>;
  request_refs: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
}

export interface NotificationTable {
  id: Generated<string>;
  staff_id: string;
  case_id: string | null;
  kind: 'voortgangsverslag' | 'calamiteit' | 'crisis' | 'escalatie' | 'aanpassing' | 'evaluatie';
  title: string;
  rule_id: string | null;
  link: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** Per staff member: the last daily digest, and up to which moment it reported. */
export interface DigestRunTable {
  staff_id: string;
  day: DateColumn;
  covered_until: Timestamp;
  sent_at: Timestamp;
  items: number;
}

export interface ProviderContactTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  staff_id: string;
  phone: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp | null;
  recorded_by: string;
}

export interface ProviderReportTable {
  id: Generated<string>;
  seq: Generated<string>;
  case_id: string;
  organisation_id: string;
  kind: 'voortgang' | 'calamiteit' | 'acuut-risico';
  plan_version_id: string | null;
  occurred_at: Timestamp | null;
  content: Json;
  submitted_by: string;
  submitted_at: Timestamp;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
}

export interface SubcontractorAnnouncementTable {
  id: Generated<string>;
  seq: Generated<string>;
  case_id: string;
  organisation_id: string;
  name: string;
  agb_code: string;
  part: string;
  after_start: boolean;
  contract_warning: string | null;
  announced_by: string;
  announced_at: Timestamp;
}

/** A proposal to adjust one allocation (op- en afschalen), its decision and what followed. */
export interface AllocationAdjustmentTable {
  id: Generated<string>;
  case_id: string;
  allocation_id: string;
  direction: 'op' | 'af' | 'anders';
  content: Json;
  status: 'voorgesteld' | 'goedgekeurd' | 'afgewezen' | 'uitgevoerd' | 'niet-toegewezen';
  proposed_by: string;
  proposed_by_org: string;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  /** The allocation proposal for the new help, sent to the municipality's back office. */
  proposal_id: string | null;
  /** The changed JW301 (same ToewijzingNummer, earlier Einddatum, RedenWijziging). */
  message_id: string | null;
  executed_at: Timestamp | null;
  outcome: ColumnType<unknown, string | null | undefined, string | null>;
}

/** Closing a case (RIJ-DEC-CLOSURE): the casusregisseur's draft, one per case. */
export interface CaseClosureTable {
  case_id: string;
  reason:
    | 'doelen-bereikt'
    | 'geen-hulpvraag'
    | 'gestopt-door-gezin'
    | 'gestopt-door-aanbieder'
    | 'niet-meer-jeugdwet'
    | 'einde-maatregel'
    | null;
  final_evaluation: ColumnType<unknown, string | null, string | null>;
  aftercare: ColumnType<unknown, string | null, string | null>;
  waakvlam: ColumnType<unknown, string | null, string | null>;
  reassessment: ColumnType<unknown, string | null, string | null>;
  transitions: Json;
  updated_by: string;
  updated_at: Timestamp;
  closed_by: string | null;
  closed_at: Timestamp | null;
  /** Raised by every draft save (optimistic locking, migration 0056). */
  revision: Generated<number>;
}

/** A provider's closing report on a case (RIJ-DEC-CLOSURE, LEK-DEC-WAAKVLAM). */
export interface ClosingReportTable {
  id: Generated<string>;
  case_id: string;
  provider_id: string;
  results: string;
  agreements: string;
  waakvlam_advice: 'nodig' | 'niet-nodig';
  waakvlam_note: string;
  family_consent: boolean;
  filed_by: string;
  filed_at: Timestamp;
}

export interface SuspensionLapseTable {
  id: Generated<string>;
  allocation_id: string;
  rule_id: string;
  suspended_on: DateColumn;
  lapsed_on: DateColumn;
  recorded_at: Timestamp;
}

export interface CasusregieHandoverTable {
  id: Generated<string>;
  case_id: string;
  status: 'open' | 'afgerond' | 'geannuleerd';
  from_holder: 'gezin' | 'professional' | 'organisatie';
  from_staff_id: string | null;
  from_organisation_id: string | null;
  to_staff_id: string;
  to_organisation_id: string;
  reason: string;
  started_by: string;
  started_at: Timestamp;
  ended_by: string | null;
  ended_at: Timestamp | null;
  cancel_reason: string | null;
  role_id: string | null;
}

export interface CasusregieHandoverMeetingTable {
  id: Generated<string>;
  handover_id: string;
  held_at: Timestamp;
  old_present: boolean;
  new_present: boolean;
  family_present: Json;
  others: string | null;
  summary: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ProviderScoreTable {
  id: Generated<string>;
  case_id: string;
  region: string;
  provider_id: string;
  closure_basis: 'casus-afgesloten' | 'toewijzingen-beeindigd' | 'behandelregie-beeindigd';
  satisfaction: number | null;
  goals: Json;
  drop_out: boolean;
  waiting_days: number | null;
  waiting_from: DateColumn | null;
  waiting_to: DateColumn | null;
  criteria: Json;
  scored_by: string;
  scored_by_org: string;
  scored_at: Timestamp;
}

export interface EvaluationMeetingTable {
  id: Generated<string>;
  case_id: string;
  kind: 'tussen' | 'eind' | 'gezinsplan';
  planned_at: Timestamp;
  invitees: Json;
  /** Null when a family member planned it (migration 0044): `planned_by_person`. */
  planned_by: string | null;
  created_at: Timestamp;
  evaluation_id: string | null;
  planned_by_person: string | null;
  /** A place or a video link. */
  location: string | null;
  /** What to discuss, as the planner wrote it (string[]). */
  topics: ColumnType<unknown, string | undefined, string>;
  /** Ids of the involved organisations invited (string[]). */
  invited_organisations: ColumnType<unknown, string | undefined, string>;
  /** Raised by every write; writes name the one they were based on (migration 0051). */
  revision: Generated<number>;
}

/** A family member's own view for an upcoming evaluation (migration 0044). */
export interface EvaluationMeetingInputTable {
  id: Generated<string>;
  meeting_id: string;
  person_id: string;
  text: string;
  updated_at: Timestamp;
}

/** Ending by the provider (RIJ-DEC-PROVIDER-END), one procedure for one allocation. */
export interface ProviderEndingTable {
  id: Generated<string>;
  reference: string;
  case_id: string;
  region: string;
  rule_id: string;
  allocation_id: string;
  provider_id: string;
  status: 'gestart' | 'gemeld' | 'ingestemd' | 'geweigerd' | 'overgedragen';
  first_reason: string;
  started_by: string;
  started_at: Timestamp;
  reasons: string | null;
  follow_up_proposal: string | null;
  family_informed_on: DateColumn | null;
  talk_ids: Json | null;
  copy: Json | null;
  reported_by: string | null;
  reported_at: Timestamp | null;
  decision: 'instemmen' | 'weigeren' | null;
  criteria: Json | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  follow_up: string | null;
  last_day: DateColumn | null;
  warm_handover: string | null;
  handed_over_by: string | null;
  handed_over_at: Timestamp | null;
}

export interface ProviderEndingTalkTable {
  id: Generated<string>;
  ending_id: string;
  held_on: DateColumn;
  with_young_person: boolean;
  with_parents: boolean;
  participants: string;
  report: string;
  agreements: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface MeasureEndingTable {
  id: Generated<string>;
  case_id: string;
  status: 'open' | 'afgerond';
  destination: 'lokaal-team' | 'gezin';
  started_by: string;
  started_at: Timestamp;
  team_table_held_on: DateColumn | null;
  team_table_household: Json | null;
  team_table_future_regisseur: string | null;
  team_table_partners: string | null;
  team_table_agreements: string | null;
  team_table_recorded_by: string | null;
  team_table_recorded_at: Timestamp | null;
  report_past_period: string | null;
  report_goals: Json | null;
  report_consent: 'ja' | 'nee' | null;
  report_recorded_by: string | null;
  report_recorded_at: Timestamp | null;
  completed_by: string | null;
  completed_at: Timestamp | null;
}

export interface EscalationTable {
  id: Generated<string>;
  reference: string;
  case_id: string;
  region: string;
  ladder_id: string;
  type: 'proces' | 'inhoud';
  subject: 'toewijzing' | 'casusregisseur-nodig' | 'voortgang' | 'anders';
  allocation_id: string | null;
  description: string;
  criteria: Json;
  opened_by: string;
  opened_by_org: string;
  opened_at: Timestamp;
  young_person_informed_on: DateColumn | null;
  young_person_informed_how: string | null;
  bridging_care_needed: boolean | null;
  bridging_care_note: string | null;
  overview: Json | null;
  shared_at: Timestamp | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  commitment: string | null;
  agreements: Json | null;
}

export interface EscalationLevelTable {
  id: Generated<string>;
  escalation_id: string;
  level: number;
  step_number: number;
  note: string;
  facts: string | null;
  actions: Json;
  feedback_date: DateColumn | null;
  recorded_by: string;
  recorded_by_org: string;
  recorded_at: Timestamp;
}

export interface CrisisTable {
  id: Generated<string>;
  case_id: string;
  crisis_team_id: string;
  reason: string;
  requested_by: string;
  requested_at: Timestamp;
  status: 'aangevraagd' | 'actief' | 'teruggegeven';
  role_id: string | null;
  taken_by: string | null;
  taken_at: Timestamp | null;
  planned_end: DateColumn | null;
  team_asked_id: string | null;
  team_asked_at: Timestamp | null;
  handover: string | null;
  handed_back_by: string | null;
  handed_back_at: Timestamp | null;
}

export interface CaseMoveTable {
  id: Generated<string>;
  case_id: string;
  handover_id: string;
  from_region: string;
  from_team_id: string;
  to_region: string;
  to_municipality_id: string;
  to_team_id: string;
  move_date: DateColumn;
  reason: string;
  status: 'open' | 'afgerond' | 'geannuleerd';
  created_by: string;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

/** A municipality's own OpenID Connect provider (ADR 0017); the secret only sealed. */
export interface IdentityProviderTable {
  id: Generated<string>;
  name: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string;
  organisation_id: string;
  email_domains: string[];
  active: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
  deactivated_by: string | null;
  deactivated_at: Timestamp | null;
  /** Staff, or citizens into the family portal (DigiD; migration 0048). */
  audience: Generated<IdentityProviderAudience>;
  /** The ID token claim with the BSN; only for a citizens' provider (migration 0048). */
  bsn_claim: ColumnType<string | null, string | null | undefined, string | null>;
}

export type IdentityProviderAudience = 'medewerkers' | 'burgers';

/** A started OIDC login, keyed by the SHA-256 of its state; used once. */
export interface OidcLoginAttemptTable {
  id: string;
  provider_id: string;
  code_verifier: string;
  nonce: string;
  redirect_uri: string;
  expires_at: Timestamp;
  /** The flow it belongs to (migration 0048). */
  audience: Generated<IdentityProviderAudience>;
}

/** A family member's consent to share, or its withdrawal (a new row; ADR 0018). */
export interface ConsentTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  recipient_kind:
    'lokaal-team' | 'gemeente-backoffice' | 'school' | 'huisarts' | 'gi' | 'aanbieder';
  organisation_id: string | null;
  purpose: string;
  status: 'gegeven' | 'ingetrokken';
  given_on: DateColumn;
  manner: 'mondeling' | 'schriftelijk' | 'digitaal';
  /** Null for a statement the person made in the family portal (always `digitaal`). */
  recorded_by: string | null;
  recorded_at: Timestamp;
}

/** A professional's own working note on a case; not part of the record (ADR 0018). */
export interface WorkingNoteTable {
  id: Generated<string>;
  case_id: string;
  author_id: string;
  text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A professional's break-the-glass access to a case, and its review (ADR 0020). */
export interface BreakGlassTable {
  id: Generated<string>;
  case_id: string;
  staff_id: string;
  organisation_id: string;
  reason: string;
  looked_up_by: 'casus' | 'bsn';
  starts_at: Timestamp;
  ends_at: Timestamp;
  verdict: 'terecht' | 'onterecht' | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
}

/** What is shared about a family, with whom and on which basis (ADR 0020). */
export interface SharingDecisionTable {
  id: Generated<string>;
  case_id: string;
  what: string;
  recipient_kind:
    'lokaal-team' | 'gemeente-backoffice' | 'school' | 'huisarts' | 'gi' | 'aanbieder';
  recipient: string;
  basis: 'toestemming' | 'afweging' | 'wettelijke-uitzondering';
  consent_reference: string | null;
  weighing: ColumnType<unknown, string | null, string | null>;
  exception_kind: 'direct-betrokken' | 'gi-maatregel' | 'overmacht' | null;
  exception_motivation: string | null;
  visible_to_family: boolean;
  withheld_reason: string | null;
  decided_by: string;
  decided_at: Timestamp;
}

/** An anonymised view of a case for a consultation or an escalation (ADR 0021). */
export interface AnonymisedViewTable {
  id: Generated<string>;
  case_id: string;
  purpose: 'consultatie' | 'escalatie';
  recipient: string;
  content: Json;
  status: 'concept' | 'gecontroleerd' | 'gedeeld';
  created_by: string;
  created_at: Timestamp;
  edited_by: string | null;
  edited_at: Timestamp | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  shared_by: string | null;
  shared_at: Timestamp | null;
}

/** A request about the record: inspection and copy, or destruction (ADR 0019). */
export interface RecordRequestTable {
  id: Generated<string>;
  case_id: string;
  kind: 'inzage-afschrift' | 'vernietiging';
  person_id: string;
  received_on: DateColumn;
  /** Null when the family asked through the portal (`via` = 'portaal', migration 0045). */
  recorded_by: string | null;
  recorded_at: Timestamp;
  via: Generated<'medewerker' | 'portaal'>;
  /** What the family asked for in the portal: to look at the record, or a copy. */
  portal_form: 'inzage' | 'afschrift' | null;
  decision: 'weigeren' | null;
  refusal_ground: 'belang-ander' | 'wettelijke-plicht' | 'niet-gerechtigd' | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

/** What an editable record held at each revision, and who saved it (migration 0051). */
export interface EditRevisionTable {
  entity: 'plan' | 'evaluatie' | 'afsluiting';
  entity_id: string;
  revision: number;
  case_id: string;
  content: Json;
  saved_at: Timestamp;
  saved_by: string | null;
  saved_by_person: string | null;
}

/** How the family tracks an agreement of its familiegroepsplan (migration 0047). */
export interface FamilyAgreementStatusTable {
  plan_id: string;
  agreement_id: string;
  case_id: string;
  done: boolean;
  on_date: DateColumn;
  note: string;
  recorded_by_person: string;
  recorded_at: Timestamp;
}

/** A family member's own note on a case (migration 0045): private unless shared. */
export interface FamilyNoteTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  text: string;
  /** Shared with the casusregisseur (the casusregie side reads it on the case page). */
  shared: boolean;
  created_at: Timestamp;
}

/** An item left out of one request's export, with the reason (Jeugdwet 7.3.10). */
export interface RecordWithholdingTable {
  id: Generated<string>;
  request_id: string;
  item_kind: 'tijdlijn' | 'planversie' | 'beoordeling' | 'evaluatie' | 'verslag' | 'overdracht';
  item_id: string;
  reason: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

/** A case whose retention period ran out (Jeugdwet 7.3.8 lid 3), or kept longer. */
export interface StaffRegistrationTable {
  id: Generated<string>;
  staff_id: string;
  register: 'skj' | 'big';
  number: string;
  valid_from: DateColumn;
  valid_until: DateColumn | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface UnregisteredAssignmentTable {
  id: Generated<string>;
  case_id: string;
  staff_id: string;
  organisation_id: string;
  kind: 'rol' | 'overdracht';
  role_id: string | null;
  handover_id: string | null;
  on_day: DateColumn;
  explanation: string;
  rule_id: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface RetentionDueTable {
  case_id: string;
  last_change: DateColumn;
  due_on: DateColumn;
  flagged_at: Timestamp;
  status: ColumnType<'open' | 'bewaren', 'open' | 'bewaren' | undefined, 'open' | 'bewaren'>;
  keep_reason: string | null;
  keep_until: DateColumn | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

/** A scoring round of the quality thermometer (GRO-CHK-REFERENTIEKADER; migration 0034). */
export interface ThermometerRoundTable {
  id: Generated<string>;
  team_id: string;
  name: string;
  period: string | null;
  opened_by: string;
  opened_at: Timestamp;
  closed_by: string | null;
  closed_at: Timestamp | null;
}

/** One member's colour for one checklist item in one round (migration 0034). */
export interface ThermometerScoreTable {
  round_id: string;
  staff_id: string;
  item: string;
  colour: 'groen' | 'oranje' | 'rood';
  remark: string | null;
  scored_at: Timestamp;
}

/** Each case's evaluated deadlines, kept per revision, profile version and day (migration 0049). */
export interface CaseDeadlineStateTable {
  case_id: string;
  revision: string;
  profile_version: string;
  evaluated_day: number;
  evaluated_at: Timestamp;
  pending: Json;
  first_overdue_from: Timestamp | null;
  /** The earliest `due` among the pending deadlines, compared as text (migration 0055). */
  next_due: string | null;
  /** Each pending deadline's overdue instant (ms), as in `pending` (migration 0055). */
  overdue_from: number[] | null;
}

/** Cases written to since their deadlines were kept, queued by a trigger (migration 0055). */
export interface DeadlineDirtyTable {
  case_id: string;
}

/** A full recomputation of the kept deadlines and its progress (migration 0049). */
export interface DeadlineRecomputeRunTable {
  id: Generated<string>;
  reason: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  total: number;
  done: Generated<number>;
  failed: Generated<number>;
  error: string | null;
}

export interface Database {
  organisation: OrganisationTable;
  staff: StaffTable;
  household: HouseholdTable;
  person: PersonTable;
  casus: CasusTable;
  case_role: CaseRoleTable;
  case_event: CaseEventTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  plan: PlanTable;
  plan_version: PlanVersionTable;
  plan_signature: PlanSignatureTable;
  assessment: AssessmentTable;
  product: ProductTable;
  allocation: AllocationTable;
  ijw_message: IjwMessageTable;
  contract: ContractTable;
  budget: BudgetTable;
  portal_login_code: PortalLoginCodeTable;
  portal_session: PortalSessionTable;
  allocation_proposal: AllocationProposalTable;
  opt_out: OptOutTable;
  team_question: TeamQuestionTable;
  care_line: CareLineTable;
  evaluation: EvaluationTable;
  evaluation_meeting: EvaluationMeetingTable;
  evaluation_meeting_input: EvaluationMeetingInputTable;
  provider_score: ProviderScoreTable;
  casusregie_handover: CasusregieHandoverTable;
  casusregie_handover_meeting: CasusregieHandoverMeetingTable;
  case_move: CaseMoveTable;
  suspension_lapse: SuspensionLapseTable;
  case_closure: CaseClosureTable;
  closing_report: ClosingReportTable;
  provider_ending: ProviderEndingTable;
  provider_ending_talk: ProviderEndingTalkTable;
  measure_ending: MeasureEndingTable;
  escalation: EscalationTable;
  escalation_level: EscalationLevelTable;
  crisis: CrisisTable;
  notification: NotificationTable;
  digest_run: DigestRunTable;
  provider_contact: ProviderContactTable;
  provider_report: ProviderReportTable;
  subcontractor_announcement: SubcontractorAnnouncementTable;
  allocation_adjustment: AllocationAdjustmentTable;
  identity_provider: IdentityProviderTable;
  oidc_login_attempt: OidcLoginAttemptTable;
  consent: ConsentTable;
  working_note: WorkingNoteTable;
  record_request: RecordRequestTable;
  family_note: FamilyNoteTable;
  family_agreement_status: FamilyAgreementStatusTable;
  edit_revision: EditRevisionTable;
  portal_read_along: PortalReadAlongTable;
  record_withholding: RecordWithholdingTable;
  retention_due: RetentionDueTable;
  break_glass: BreakGlassTable;
  sharing_decision: SharingDecisionTable;
  anonymised_view: AnonymisedViewTable;
  thermometer_round: ThermometerRoundTable;
  thermometer_score: ThermometerScoreTable;
  staff_registration: StaffRegistrationTable;
  unregistered_assignment: UnregisteredAssignmentTable;
  case_deadline_state: CaseDeadlineStateTable;
  deadline_dirty: DeadlineDirtyTable;
  deadline_recompute_run: DeadlineRecomputeRunTable;
}
