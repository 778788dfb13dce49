/**
 * The daily retention check (Jeugdwet 7.3.8 lid 3; ADR 0019): every case whose last change lies
 * twenty years back or more is flagged in `retention_due` for the privacy officer, who decides
 * on each one (destroy, or keep longer with a reason). A flag that was kept longer opens again
 * on its day; a flag whose case changed since (not due any more) is taken away. Running the
 * check twice changes nothing.
 *
 * Runs once a day on the job queue (`dossiers.bewaartermijn`, next to the lapse check; ADR 0027).
 */
import { sql, type Kysely } from 'kysely';
import { retentionStatus, RETENTION_YEARS } from '../domain/privacy/retention.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import { writeSystemAudit } from '../store/audit.js';
import type { Database } from '../store/schema.js';

export interface RetentionReport {
  readonly flagged: readonly string[];
  readonly reopened: readonly string[];
  readonly cleared: readonly string[];
}

/**
 * The last change of each case's record, for the cases whose latest change is before `before`
 * (or every flagged case): the latest moment among the case itself, its timeline, roles, plan
 * versions, assessments, evaluations, reports, handovers and closure.
 */
async function lastChanges(
  db: Kysely<Database>,
  before: Date,
): Promise<{ caseId: string; last: Date }[]> {
  const rows = await sql<{ case_id: string; last: Date | string }>`
    select case_id, max(at) as last from (
      select id as case_id, greatest(created_at, closed_at) as at from casus
      union all select case_id, max(greatest(at, recorded_at)) from case_event group by case_id
      union all select case_id, max(greatest(created_at, starts_at, ends_at)) from case_role
        group by case_id
      union all select p.case_id, max(greatest(v.created_at, v.updated_at, v.fixed_at))
        from plan_version v join plan p on p.id = v.plan_id group by p.case_id
      union all select case_id, max(recorded_at) from assessment group by case_id
      union all select case_id, max(recorded_at) from evaluation group by case_id
      union all select case_id, max(submitted_at) from provider_report group by case_id
      union all select case_id, max(greatest(started_at, ended_at)) from casusregie_handover
        group by case_id
      union all select case_id, greatest(updated_at, closed_at) from case_closure
    ) changes
    group by case_id
    having max(at) < ${before} or case_id in (select case_id from retention_due)
  `.execute(db);
  return rows.rows.map((r) => ({ caseId: r.case_id, last: new Date(r.last) }));
}

export async function flagRetentionDue(db: Kysely<Database>, now: Date): Promise<RetentionReport> {
  const today = localDay(now.getTime());
  // A day's margin on the cut-off; the exact check is the domain's.
  const before = new Date(now.getTime() + 86_400_000);
  before.setUTCFullYear(before.getUTCFullYear() - RETENTION_YEARS);
  const flagged: string[] = [];
  const reopened: string[] = [];
  const cleared: string[] = [];
  for (const { caseId, last } of await lastChanges(db, before)) {
    const status = retentionStatus([last], today);
    if (!status) continue;
    await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('retention_due')
        .select(['status', 'keep_until'])
        .where('case_id', '=', caseId)
        .forUpdate()
        .executeTakeFirst();
      if (!status.due) {
        if (existing) {
          await trx.deleteFrom('retention_due').where('case_id', '=', caseId).execute();
          cleared.push(caseId);
        }
        return;
      }
      if (!existing) {
        await trx
          .insertInto('retention_due')
          .values({
            case_id: caseId,
            last_change: status.lastChange,
            due_on: status.dueOn,
            flagged_at: now,
            keep_reason: null,
            keep_until: null,
            decided_by: null,
            decided_at: null,
          })
          .execute();
        await writeSystemAudit(trx, {
          action: 'bewaartermijn.verstreken',
          caseId,
          details: { lastChange: status.lastChange, dueOn: status.dueOn },
        });
        flagged.push(caseId);
        return;
      }
      const keepUntil =
        existing.keep_until === null ? null : String(existing.keep_until).slice(0, 10);
      if (
        existing.status === 'bewaren' &&
        keepUntil !== null &&
        keepUntil <= formatIsoDate(today)
      ) {
        await trx
          .updateTable('retention_due')
          .set({ status: 'open', last_change: status.lastChange, due_on: status.dueOn })
          .where('case_id', '=', caseId)
          .execute();
        reopened.push(caseId);
      }
    });
  }
  return { flagged, reopened, cleared };
}
