/**
 * The familiegroepsplan offer (Jeugdwet article 4.1.2; DOMAIN.md section 5): before the
 * provider or the GI makes a plan, the parents get the chance to write a familiegroepsplan with
 * their network. The offer may be forgone only when the parents decline, when concrete threats
 * to the child's development call for it, or when the child's interests are otherwise harmed;
 * forgoing is motivated. The GI doing jeugdreclassering, or voogdij after parental authority
 * ended, does not have to offer it. No region writes this down as a rule, so its ID is ours.
 */
export const FAMILY_GROUP_RULE = 'JW-DEC-FAMILIEGROEPSPLAN';
export const FAMILY_GROUP_SOURCE = 'Jeugdwet artikel 4.1.2';

export const FAMILY_GROUP_ANSWERS = [
  'gezin-maakt-plan',
  'bedenktijd',
  'ouders-zien-af',
  'afgezien-bedreiging',
  'afgezien-belang-kind',
] as const;
export type FamilyGroupAnswer = (typeof FAMILY_GROUP_ANSWERS)[number];

/** Answers where the professional forgoes the offer: the law asks for a reason. */
const FORGONE: readonly FamilyGroupAnswer[] = ['afgezien-bedreiging', 'afgezien-belang-kind'];

export interface FamilyGroupOffer {
  readonly answer: FamilyGroupAnswer;
  readonly motivation: string;
}

/** Whether the law asks for the offer on this case (not for jeugdreclassering or voogdij). */
export function familyGroupOfferApplies(measure: string | null): boolean {
  return measure !== 'jeugdreclassering' && measure !== 'voogdij';
}

export function familyGroupOfferProblems(
  offer: FamilyGroupOffer,
): { path: string; message: string }[] {
  if (FORGONE.includes(offer.answer) && offer.motivation.trim().length === 0)
    return [
      {
        path: 'toelichting',
        message: 'leg uit waarom u afziet van een familiegroepsplan (Jeugdwet artikel 4.1.2)',
      },
    ];
  return [];
}

export type FamilyGroupState =
  'niet-aangeboden' | 'bedenktijd' | 'gezin-maakt-plan' | 'plan-gemaakt' | 'afgezien';

/** Where the offer stands, from the latest answer and whether the family's plan exists. */
export function familyGroupState(
  latest: FamilyGroupAnswer | null,
  hasFamilyGroupPlan: boolean,
): { state: FamilyGroupState; message: string } {
  if (hasFamilyGroupPlan)
    return { state: 'plan-gemaakt', message: 'Het gezin heeft een familiegroepsplan.' };
  switch (latest) {
    case null:
      return {
        state: 'niet-aangeboden',
        message:
          'Bied het gezin eerst de kans om met het eigen netwerk een familiegroepsplan te maken, en leg het antwoord vast.',
      };
    case 'bedenktijd':
      return {
        state: 'bedenktijd',
        message:
          'Het gezin denkt na over een familiegroepsplan; vraag binnen redelijke tijd opnieuw.',
      };
    case 'gezin-maakt-plan':
      return {
        state: 'gezin-maakt-plan',
        message:
          'Het gezin maakt een familiegroepsplan; begin het plan hieronder of laat het gezin het zelf schrijven.',
      };
    default:
      return {
        state: 'afgezien',
        message:
          latest === 'ouders-zien-af'
            ? 'De ouders willen geen familiegroepsplan; werk met een plan dat u samen met hen maakt.'
            : 'Er is gemotiveerd afgezien van een familiegroepsplan.',
      };
  }
}
