/**
 * The family portal's words for the roles around a case (issue 10, ADR 0026): plain Dutch at
 * language level B1 — short sentences, the professional term named once in brackets, so the
 * family recognises it when a professional uses it.
 */

export const PORTAL_ROLES = [
  'casusregie',
  'procesregie',
  'behandelregie',
  'crisiscasusregie',
  'contactpersoon',
] as const;
export type PortalRoleKind = (typeof PORTAL_ROLES)[number];

/** What someone in this role does for the family. */
export const ROLE_IN_PLAIN_WORDS: Readonly<
  Record<PortalRoleKind, { title: string; text: string }>
> = {
  casusregie: {
    title: 'Uw vaste contactpersoon (casusregie)',
    text: 'Houdt het overzicht over alle hulp voor het gezin. U kunt met al uw vragen hier terecht.',
  },
  procesregie: {
    title: 'Bewaakt de stappen (procesregie)',
    text: 'Zorgt dat de afspraken en stappen goed en op tijd gebeuren.',
  },
  behandelregie: {
    title: 'Verantwoordelijk voor de hulp (behandelregie)',
    text: 'Bepaalt hoe de hulp of behandeling zelf wordt gegeven.',
  },
  crisiscasusregie: {
    title: 'Contactpersoon tijdens de crisis (crisisregie)',
    text: 'Houdt het overzicht zolang er een crisis is. Daarna neemt uw vaste contactpersoon het weer over.',
  },
  contactpersoon: {
    title: 'Contactpersoon bij de hulpverlener',
    text: 'Bij deze persoon kunt u terecht met vragen over de hulp die u krijgt.',
  },
};

/** When the family holds casusregie itself (DOMAIN.md section 2: the default). */
export const FAMILY_HOLDS_CASUSREGIE = {
  title: 'U houdt zelf het overzicht (casusregie)',
  text: 'Het gezin houdt zelf het overzicht over alle hulp. Lukt dat even niet? Vraag dan het lokaal team om hulp.',
} as const;
