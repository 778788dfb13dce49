/**
 * Staff registration and "comply or explain" (GRO-DEC-WERKTOEDELING; GRO referentiekader,
 * theme 6 "verantwoorde werktoedeling", checklist 18 items 2 and 3): access work goes to
 * professionals registered in the youth-care quality register (SKJ) or BIG; whoever assigns it to
 * someone without a valid registration explains why. Pure rules; the store applies them.
 *
 * Choice (ADR 0023): the rule comes from Groningen, but it holds in every region, as the Jeugdwet's
 * "norm van de verantwoorde werktoedeling" does.
 */
import { addDays, type DayNumber } from '../time/index.js';

/** The rule every refusal and every screen of this flow cites. */
export const WORK_ALLOCATION_RULE = 'GRO-DEC-WERKTOEDELING';

/** Where the rule comes from (the checklist theme the thermometer also scores). */
export const WORK_ALLOCATION_SOURCE =
  'GRO referentiekader, thema 6 verantwoorde werktoedeling (GRO-CHK-REFERENTIEKADER)';

export const REGISTERS = ['skj', 'big'] as const;
export type Register = (typeof REGISTERS)[number];

/** A registration that ends within this many days is flagged in the team view. */
export const EXPIRY_WINDOW_DAYS = 90;

/** The shortest explanation that counts when assigning to someone without a registration. */
export const MIN_EXPLANATION_LENGTH = 20;

export interface Registration {
  readonly register: Register;
  readonly number: string;
  readonly validFrom: DayNumber;
  /** The last day it counts; null when open-ended. */
  readonly validUntil: DayNumber | null;
}

export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** Whether the registration counts on `day`: from its first to its last day, both included. */
export function isValidOn(registration: Registration, day: DayNumber): boolean {
  return (
    registration.validFrom <= day &&
    (registration.validUntil === null || day <= registration.validUntil)
  );
}

/** Whether any of the registrations counts on `day`. */
export function isRegisteredOn(registrations: readonly Registration[], day: DayNumber): boolean {
  return registrations.some((r) => isValidOn(r, day));
}

export type RegistrationStatus = 'geldig' | 'verloopt' | 'geen';

/**
 * A professional's status on `day`: `geen` without a registration that counts that day,
 * `verloopt` when every registration that counts ends within EXPIRY_WINDOW_DAYS (and none that
 * follows on picks up the day after), otherwise `geldig`. `validUntil` is the last day covered.
 */
export function registrationStatus(
  registrations: readonly Registration[],
  day: DayNumber,
): { readonly status: RegistrationStatus; readonly validUntil: DayNumber | null } {
  if (!isRegisteredOn(registrations, day)) return { status: 'geen', validUntil: null };
  // Walk forward through back-to-back registrations (a renewal recorded before the old one ends).
  let covered = day;
  for (;;) {
    const ends = registrations
      .filter((r) => isValidOn(r, covered))
      .map((r) => r.validUntil ?? Number.POSITIVE_INFINITY);
    const last = Math.max(...ends);
    if (last === Number.POSITIVE_INFINITY) return { status: 'geldig', validUntil: null };
    if (last > addDays(day, EXPIRY_WINDOW_DAYS)) return { status: 'geldig', validUntil: last };
    if (!isRegisteredOn(registrations, last + 1)) return { status: 'verloopt', validUntil: last };
    covered = last + 1;
  }
}

const NUMBER_SHAPE: Record<Register, { readonly pattern: RegExp; readonly message: string }> = {
  // The BIG number has 11 digits; SKJ numbers are shorter and vary, so only digits are checked.
  big: { pattern: /^\d{11}$/, message: 'een BIG-nummer heeft 11 cijfers' },
  skj: { pattern: /^\d{4,12}$/, message: 'een SKJ-registratienummer bestaat uit 4 tot 12 cijfers' },
};

/** What is wrong with a registration to record (field paths of the store's input). */
export function registrationProblems(input: Registration): Problem[] {
  const problems: Problem[] = [];
  if (!NUMBER_SHAPE[input.register].pattern.test(input.number))
    problems.push({ path: 'number', message: NUMBER_SHAPE[input.register].message });
  if (input.validUntil !== null && input.validUntil < input.validFrom)
    problems.push({ path: 'validUntil', message: 'ligt vóór de begindatum' });
  return problems;
}

/**
 * Comply or explain: null when the professional is registered on `day` (nothing to explain) or the
 * explanation is long enough; otherwise the message that says what is missing, citing the rule.
 */
export function explanationMissing(
  registered: boolean,
  explanation: string | null | undefined,
): string | null {
  if (registered) return null;
  const text = explanation?.trim() ?? '';
  if (text.length >= MIN_EXPLANATION_LENGTH) return null;
  return text.length === 0
    ? `deze professional heeft op die dag geen geldige SKJ- of BIG-registratie: leg uit waarom u het werk toch toedeelt (${WORK_ALLOCATION_RULE}, geldt in elke regio)`
    : `de uitleg is te kort: gebruik minstens ${MIN_EXPLANATION_LENGTH} tekens (${WORK_ALLOCATION_RULE}, geldt in elke regio)`;
}
