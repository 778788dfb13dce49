/**
 * What a stored notification is about (DOMAIN.md section 4 step 2 and section 9): a progress
 * report arrived, a calamity or a crisis was reported, an escalation started, an adjustment
 * (of plan or allocation) asks for attention, or a family holding casusregie invited the
 * organisation to an evaluation.
 */
export const NOTIFICATION_KINDS = [
  'voortgangsverslag',
  'calamiteit',
  'crisis',
  'escalatie',
  'aanpassing',
  'evaluatie',
] as const;

/** One of `NOTIFICATION_KINDS`. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The Dutch word for each kind, as the page and the e-mail show it. */
export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  voortgangsverslag: 'Voortgangsverslag',
  calamiteit: 'Calamiteit',
  crisis: 'Crisis',
  escalatie: 'Escalatie',
  aanpassing: 'Aanpassing',
  evaluatie: 'Evaluatie',
};
