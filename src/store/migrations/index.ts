import type { Migration } from 'kysely';
import * as initial from './2026-11-23-0001-initial.js';
import * as workListIndexes from './2026-11-23-0002-work-list-indexes.js';
import * as plans from './2026-11-23-0003-plans.js';
import * as assessments from './2026-11-23-0004-assessments.js';
import * as moreAssessments from './2026-11-23-0005-more-assessments.js';
import * as familyGroupOffer from './2026-11-23-0006-family-group-offer.js';
import * as catalogue from './2026-11-23-0007-catalogue.js';
import * as ijwMessages from './2026-11-23-0008-ijw-messages.js';
import * as suspendedAllocations from './2026-11-23-0009-suspended-allocations.js';
import * as contractsBudgetProposals from './2026-11-23-0010-contracts-budget-proposals.js';
import * as optOutTeamQuestions from './2026-11-23-0011-opt-out-team-questions.js';
import * as careLines from './2026-11-23-0012-care-lines.js';
import * as requestKeys from './2026-11-23-0013-request-keys.js';
import * as evaluations from './2026-11-23-0014-evaluations.js';
import * as escalationsCrisis from './2026-11-23-0015-escalations-crisis.js';
import * as providerReports from './2026-11-23-0016-provider-reports.js';
import * as notifications from './2026-11-23-0017-notifications.js';
import * as adjustments from './2026-11-23-0018-adjustments.js';
import * as evaluationMeetings from './2026-11-23-0019-evaluation-meetings.js';
import * as handovers from './2026-11-23-0020-handovers.js';
import * as providerScores from './2026-11-23-0021-provider-scores.js';
import * as providerEndings from './2026-11-23-0022-provider-endings.js';
import * as suspensionLapse from './2026-11-23-0023-suspension-lapse.js';
import * as caseClosure from './2026-11-23-0024-case-closure.js';
import * as caseMoves from './2026-11-23-0025-case-moves.js';
import * as measureEndings from './2026-11-23-0026-measure-endings.js';
import * as accessLogChain from './2026-11-23-0027-access-log-chain.js';
import * as identityProviders from './2026-11-23-0028-identity-providers.js';
import * as consentWorkingNotes from './2026-11-23-0029-consent-working-notes.js';
import * as sessionIdle from './2026-11-23-0030-session-idle.js';
import * as recordRequests from './2026-11-23-0031-record-requests.js';
import * as breakGlassSharing from './2026-11-23-0032-break-glass-sharing.js';
import * as anonymisedViews from './2026-11-23-0033-anonymised-views.js';
import * as qualityThermometer from './2026-11-23-0034-quality-thermometer.js';
import * as staffRegistration from './2026-11-23-0035-staff-registration.js';
import * as staffFte from './2026-11-23-0036-staff-fte.js';
import * as caseRevision from './2026-11-23-0039-case-revision.js';
import * as familyPortal from './2026-11-23-0040-family-portal.js';
import * as portalSigningConsent from './2026-11-23-0043-portal-signing-consent.js';
import * as familyEvaluations from './2026-11-23-0044-family-evaluations.js';
import * as familyRequestsNotes from './2026-11-23-0045-family-requests-notes.js';
import * as familyPlan from './2026-11-23-0047-family-plan.js';
import * as portalAccess from './2026-11-23-0046-portal-access.js';
import * as portalDigid from './2026-11-23-0048-portal-digid.js';
import * as keptDeadlines from './2026-11-24-0049-kept-deadlines.js';
import * as optimisticLocking from './2026-11-24-0051-optimistic-locking.js';
import * as scaleIndexes from './2026-11-24-0052-scale-indexes.js';
import * as caseSearch from './2026-11-24-0053-case-search.js';
import * as workListOrder from './2026-11-24-0055-work-list-order.js';
import * as closureRevision from './2026-11-24-0056-closure-revision.js';

/**
 * Every migration, in order. Names are timestamped; migrations are forward-only (no `down`):
 * a mistake is corrected by a new migration. Listed here rather than read from disk so they
 * run the same from `src` and from `dist`.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-23-0001-initial': initial,
  '2026-11-23-0002-work-list-indexes': workListIndexes,
  '2026-11-23-0003-plans': plans,
  '2026-11-23-0004-assessments': assessments,
  '2026-11-23-0005-more-assessments': moreAssessments,
  '2026-11-23-0006-family-group-offer': familyGroupOffer,
  '2026-11-23-0007-catalogue': catalogue,
  '2026-11-23-0008-ijw-messages': ijwMessages,
  '2026-11-23-0009-suspended-allocations': suspendedAllocations,
  '2026-11-23-0010-contracts-budget-proposals': contractsBudgetProposals,
  '2026-11-23-0011-opt-out-team-questions': optOutTeamQuestions,
  '2026-11-23-0012-care-lines': careLines,
  '2026-11-23-0013-request-keys': requestKeys,
  '2026-11-23-0014-evaluations': evaluations,
  '2026-11-23-0015-escalations-crisis': escalationsCrisis,
  '2026-11-23-0016-provider-reports': providerReports,
  '2026-11-23-0017-notifications': notifications,
  '2026-11-23-0018-adjustments': adjustments,
  '2026-11-23-0019-evaluation-meetings': evaluationMeetings,
  '2026-11-23-0020-handovers': handovers,
  '2026-11-23-0021-provider-scores': providerScores,
  '2026-11-23-0022-provider-endings': providerEndings,
  '2026-11-23-0023-suspension-lapse': suspensionLapse,
  '2026-11-23-0024-case-closure': caseClosure,
  '2026-11-23-0025-case-moves': caseMoves,
  '2026-11-23-0026-measure-endings': measureEndings,
  '2026-11-23-0027-access-log-chain': accessLogChain,
  '2026-11-23-0028-identity-providers': identityProviders,
  '2026-11-23-0029-consent-working-notes': consentWorkingNotes,
  '2026-11-23-0030-session-idle': sessionIdle,
  '2026-11-23-0031-record-requests': recordRequests,
  '2026-11-23-0032-break-glass-sharing': breakGlassSharing,
  '2026-11-23-0033-anonymised-views': anonymisedViews,
  '2026-11-23-0034-quality-thermometer': qualityThermometer,
  '2026-11-23-0035-staff-registration': staffRegistration,
  '2026-11-23-0036-staff-fte': staffFte,
  '2026-11-23-0039-case-revision': caseRevision,
  '2026-11-23-0040-family-portal': familyPortal,
  '2026-11-23-0043-portal-signing-consent': portalSigningConsent,
  '2026-11-23-0044-family-evaluations': familyEvaluations,
  '2026-11-23-0045-family-requests-notes': familyRequestsNotes,
  '2026-11-23-0047-family-plan': familyPlan,
  '2026-11-23-0046-portal-access': portalAccess,
  '2026-11-23-0048-portal-digid': portalDigid,
  '2026-11-24-0049-kept-deadlines': keptDeadlines,
  '2026-11-24-0051-optimistic-locking': optimisticLocking,
  '2026-11-24-0052-scale-indexes': scaleIndexes,
  '2026-11-24-0053-case-search': caseSearch,
  '2026-11-24-0055-work-list-order': workListOrder,
  '2026-11-24-0056-closure-revision': closureRevision,
};
