/**
 * Who must sign a plan before it is fixed (ZTM-DEC-SIGN; RIJ: the ondersteuningsplan is agreed
 * and signed with the young person): every parent or custodian of the household, and every
 * young person aged 12 or older on the day the plan is signed. Signing is recorded with who,
 * when and how; a plan is fixed only when nobody required is missing.
 */
import { ageInYears } from '../rules/decisions.js';
import { parseIsoDate, type DayNumber } from '../time/index.js';

export const SIGNING_RULE = 'ZTM-DEC-SIGN';
export const SIGNING_AGE = 12;

export const SIGNING_METHODS = ['op-scherm', 'papier-gescand'] as const;
export type SigningMethod = (typeof SIGNING_METHODS)[number];
/**
 * A family member signs in the family portal themselves (ADR 0026). Not one of the methods a
 * professional records: only the portal, with the person logged in, writes it.
 */
export const PORTAL_SIGNING_METHOD = 'gezinsportaal';
export type SignatureMethod = SigningMethod | typeof PORTAL_SIGNING_METHOD;

export interface HouseholdMember {
  readonly id: string;
  readonly name: string;
  /** jeugdige, ouder, gezagsdrager or voogd. */
  readonly kind: string;
  /** `YYYY-MM-DD`, for young people. */
  readonly birthDate: string | null;
}

export interface Signature {
  readonly personId: string;
  /** Instant in ms. */
  readonly at: number;
  readonly method: SignatureMethod;
}

export interface RequiredSigner {
  readonly personId: string;
  readonly name: string;
  /** Why this person signs, in Dutch, naming the rule. */
  readonly reason: string;
}

const CUSTODIANS = ['ouder', 'gezagsdrager', 'voogd'];

/** The people who must sign a plan signed on `day`: parents and custodians first. */
export function requiredSigners(
  members: readonly HouseholdMember[],
  day: DayNumber,
): RequiredSigner[] {
  const out: RequiredSigner[] = [];
  const ordered = [
    ...members.filter((m) => CUSTODIANS.includes(m.kind)),
    ...members.filter((m) => !CUSTODIANS.includes(m.kind)),
  ];
  for (const m of ordered) {
    if (CUSTODIANS.includes(m.kind)) {
      out.push({
        personId: m.id,
        name: m.name,
        reason: `${m.name} tekent als ouder of gezagdrager (${SIGNING_RULE}).`,
      });
      continue;
    }
    if (m.kind !== 'jeugdige' || m.birthDate === null) continue;
    const birth = parseIsoDate(m.birthDate);
    if (birth === null) continue;
    const age = ageInYears(birth, day);
    if (age >= SIGNING_AGE)
      out.push({
        personId: m.id,
        name: m.name,
        reason: `${m.name} is ${age} jaar en tekent zelf mee (${SIGNING_RULE}: vanaf ${SIGNING_AGE} jaar).`,
      });
  }
  return out;
}

export interface SigningState {
  readonly required: readonly RequiredSigner[];
  readonly missing: readonly RequiredSigner[];
  /** True when at least one person must sign and nobody required is missing. */
  readonly complete: boolean;
  /** Why the plan cannot be fixed yet, in Dutch; null when it can. */
  readonly problem: string | null;
}

/** Whether the signatures on a plan version suffice to fix it on `day`. */
export function signingState(
  members: readonly HouseholdMember[],
  signatures: readonly Signature[],
  day: DayNumber,
): SigningState {
  const required = requiredSigners(members, day);
  const signed = new Set(signatures.map((s) => s.personId));
  const missing = required.filter((r) => !signed.has(r.personId));
  let problem: string | null = null;
  if (required.length === 0)
    problem =
      'Er is niemand in het gezin vastgelegd die het plan kan ondertekenen (ouder of gezagdrager).';
  else if (missing.length > 0)
    problem = `Het plan kan pas worden vastgesteld als ook ${names(missing)} ${
      missing.length === 1 ? 'heeft' : 'hebben'
    } getekend (${SIGNING_RULE}).`;
  return { required, missing, complete: problem === null, problem };
}

function names(signers: readonly RequiredSigner[]): string {
  const list = signers.map((s) => s.name);
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} en ${list.at(-1)}`;
}
