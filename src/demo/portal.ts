/**
 * Family portal logins for the demo (issue 10, ADR 0026): in every region, people of two demo
 * households with an open case get fixed e-mail addresses, so the one-time-code login can be
 * tried: a parent (`ouder.<regio>`) and a young person of 12 to 15, preferably 14
 * (`jongere.<regio>`) of one household, and in another household with two parents a parent
 * whose authority was removed (`ouder-zonder-gezag.<regio>`), whom the portal refuses.
 * Households are taken in a fixed order, so the same seed picks the same families. A region
 * with too few cases (a small demo) may lack one of them.
 */
import type { Kysely } from 'kysely';
import { ageInYears } from '../domain/rules/decisions.js';
import { localDay, parseIsoDate } from '../domain/time/index.js';
import type { Database } from '../store/schema.js';
import { DEMO_EMAIL_DOMAIN, REGION_SETUPS } from './organisations.js';

export const PORTAL_EMAIL_DOMAIN = `gezin.${DEMO_EMAIL_DOMAIN}`;

export interface DemoPortalAccount {
  readonly email: string;
  readonly name: string;
  readonly region: string;
  readonly who: 'ouder' | 'jongere' | 'ouder-zonder-gezag';
}

interface Member {
  readonly id: string;
  readonly householdId: string;
  readonly kind: string;
  readonly name: string;
  readonly birthDate: string | null;
}

export async function insertDemoPortalPeople(
  db: Kysely<Database>,
  now: Date,
): Promise<DemoPortalAccount[]> {
  const today = localDay(now.getTime());
  const ageOf = (m: Member): number | null => {
    const birth = m.birthDate === null ? null : parseIsoDate(m.birthDate);
    return birth === null ? null : ageInYears(birth, today);
  };
  const accounts: DemoPortalAccount[] = [];
  const updates: { id: string; email: string; authorityRemoved: boolean }[] = [];
  for (const { region, slug } of REGION_SETUPS) {
    const households = await db
      .selectFrom('casus')
      .innerJoin('household', 'household.id', 'casus.household_id')
      .select(['household.id', 'household.label', 'casus.created_at'])
      .where('casus.region', '=', region)
      .where('casus.closed_at', 'is', null)
      .orderBy('casus.created_at', 'desc')
      .orderBy('household.label')
      .limit(200)
      .execute();
    if (households.length === 0) continue;
    const people = await db
      .selectFrom('person')
      .select(['id', 'household_id as householdId', 'kind', 'name', 'birth_date as birthDate'])
      .where(
        'household_id',
        'in',
        households.map((h) => h.id),
      )
      .orderBy('name')
      .execute();
    const members = (householdId: string): Member[] =>
      people
        .filter((p) => p.householdId === householdId)
        .map((p) => ({
          ...p,
          birthDate: p.birthDate === null ? null : String(p.birthDate).slice(0, 10),
        }));
    const add = (member: Member, who: DemoPortalAccount['who']) => {
      const email = `${who}.${slug}@${PORTAL_EMAIL_DOMAIN}`;
      updates.push({ id: member.id, email, authorityRemoved: who === 'ouder-zonder-gezag' });
      accounts.push({ email, name: member.name, region, who });
    };

    let withYoung: string | null = null;
    for (const preferred of [true, false]) {
      for (const household of households) {
        const family = members(household.id);
        const young = family.find((m) => {
          const age = m.kind === 'jeugdige' ? ageOf(m) : null;
          return age !== null && (preferred ? age === 14 : age >= 12 && age <= 15);
        });
        const parent = family.find((m) => m.kind === 'ouder');
        if (young && parent) {
          add(parent, 'ouder');
          add(young, 'jongere');
          withYoung = household.id;
          break;
        }
      }
      if (withYoung) break;
    }
    for (const household of households) {
      if (household.id === withYoung) continue;
      const parents = members(household.id).filter((m) => m.kind === 'ouder');
      const second = parents[1];
      if (second) {
        add(second, 'ouder-zonder-gezag');
        break;
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const u of updates)
      await trx
        .updateTable('person')
        .set({ email: u.email, authority_removed: u.authorityRemoved })
        .where('id', '=', u.id)
        .execute();
  });
  return accounts;
}
