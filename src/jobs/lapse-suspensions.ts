/**
 * The daily check that ends entitlements after a suspension that was not resumed in time
 * (RIJ-TERM-SUSPEND): every suspended allocation of a region whose profile has a lapse rule,
 * whose last temporary stop lies further back than the limit, becomes `vervallen`. The case gets
 * a timeline note and the regisseurs and the provider are told. Each allocation lapses once
 * (`suspension_lapse` is unique per allocation), so running the check twice changes nothing.
 *
 * Runs once a day on the job queue (`toewijzingen.vervallen`, an hour before the digest; ADR
 * 0027) and on demand from the CLI.
 */
import type { Kysely } from 'kysely';
import { TEMPORARY_STOP } from '../domain/allocation/care-lines.js';
import { hasLapsed, lapseRule, resumeBy } from '../domain/allocation/suspension.js';
import type { Profile } from '../domain/rules/index.js';
import { formatIsoDate, localDay, parseIsoDate } from '../domain/time/index.js';
import { writeSystemAudit } from '../store/audit.js';
import { notify, regieSideRecipients } from '../store/notifications.js';
import type { Database } from '../store/schema.js';
import { addTimelineEntry } from '../store/timeline.js';

export interface LapseReport {
  readonly lapsed: readonly { readonly allocation: string; readonly caseId: string }[];
}

export async function lapseSuspensions(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<LapseReport> {
  const today = localDay(now.getTime());
  const lapsed: { allocation: string; caseId: string }[] = [];
  for (const profile of profiles.values()) {
    const rule = lapseRule(profile);
    if (!rule) continue;
    const suspended = await db
      .selectFrom('allocation')
      .innerJoin('care_line', 'care_line.allocation_id', 'allocation.id')
      .select([
        'allocation.id',
        'allocation.number',
        'allocation.case_id',
        'allocation.provider_id',
        (eb) => eb.fn.max('care_line.end_date').as('suspendedOn'),
      ])
      .where('allocation.region', '=', profile.id)
      .where('allocation.status', '=', 'opgeschort')
      .where('care_line.kind', '=', 'stop')
      .where('care_line.reason', '=', TEMPORARY_STOP)
      .where('care_line.deleted_at', 'is', null)
      .groupBy([
        'allocation.id',
        'allocation.number',
        'allocation.case_id',
        'allocation.provider_id',
      ])
      .execute();
    for (const a of suspended) {
      const suspendedOn = a.suspendedOn ? parseIsoDate(String(a.suspendedOn).slice(0, 10)) : null;
      if (suspendedOn === null || !hasLapsed(suspendedOn, rule.value, today)) continue;
      const done = await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .insertInto('suspension_lapse')
          .values({
            allocation_id: a.id,
            rule_id: rule.id,
            suspended_on: formatIsoDate(suspendedOn),
            lapsed_on: formatIsoDate(today),
            recorded_at: now,
          })
          .onConflict((oc) => oc.column('allocation_id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!claimed) return false;
        await trx
          .updateTable('allocation')
          .set({ status: 'vervallen' })
          .where('id', '=', a.id)
          .execute();
        const note = `Recht op hulp vervallen: toewijzing ${a.number} is niet binnen de termijn hervat (opgeschort op ${formatIsoDate(suspendedOn)}, hervatten kon tot en met ${formatIsoDate(resumeBy(suspendedOn, rule.value))}; ${rule.id}). Een nieuwe toewijzing is nodig.`;
        await addTimelineEntry(trx, {
          caseId: a.case_id,
          type: 'notitie',
          at: now,
          note,
          by: null,
        });
        const recipients = await regieSideRecipients(trx, a.case_id, now);
        await notify(
          trx,
          {
            kind: 'aanpassing',
            caseId: a.case_id,
            title: `Recht op hulp vervallen na opschorting (toewijzing ${a.number})`,
            ruleId: rule.id,
            link: `/casussen/${a.case_id}`,
            staffIds: recipients,
            organisationIds: [a.provider_id],
            roles: ['planner'],
          },
          now,
        );
        await writeSystemAudit(trx, {
          caseId: a.case_id,
          action: 'toewijzing.vervallen',
          details: { allocation: a.number, rule: rule.id },
        });
        return true;
      });
      if (done) lapsed.push({ allocation: a.number, caseId: a.case_id });
    }
  }
  return { lapsed };
}
