/**
 * Talking to the child (ZTM-DEC-CHILD-CONTACT; DOMAIN.md section 4): under 4 the child is
 * seen, from 4 to 12 seen and spoken to, from 12 always spoken to. A recorded contact meets
 * what is required when it is at least that: seeing and speaking meets every requirement.
 */
export const CHILD_CONTACT_RULE = 'ZTM-DEC-CHILD-CONTACT';
export const CO_SIGNALS_RULE = 'ZTM-DEC-CO-SIGNALS';

export const CONTACT_FORMS = ['zien', 'zien-en-spreken', 'spreken'] as const;
export type ContactForm = (typeof CONTACT_FORMS)[number];

/**
 * Whether the recorded contacts meet the required form. Seeing and speaking may happen on
 * different occasions (a home visit, then a talk at school): together they meet it.
 */
export function contactMet(required: string, recorded: readonly string[]): boolean {
  const seen = recorded.includes('zien') || recorded.includes('zien-en-spreken');
  const spoken = recorded.includes('spreken') || recorded.includes('zien-en-spreken');
  if (required === 'zien') return seen;
  if (required === 'spreken') return spoken;
  if (required === 'zien-en-spreken') return seen && spoken;
  return false;
}
