/**
 * The product's background jobs on the job queue (issue 11, ADR 0027), each under a Dutch name
 * that says what it is about. Every handler is safe to run twice (the queue delivers at least
 * once): the digest claims each person's day before sending, a suspension lapses and a record is
 * flagged once, and sealing takes an advisory lock and seals only what is not sealed yet.
 *
 * A new job (e.g. recomputing deadlines) is one more `registry.registerJob` here.
 */
import type { Kysely } from 'kysely';
import type { Profile } from '../domain/rules/index.js';
import { sealAuditLog } from '../store/access-log.js';
import { refreshQueuedDeadlines } from '../store/deadline-state.js';
import type { Database } from '../store/schema.js';
import { describeDigestRun, runDigest, type DigestOptions, type Mailer } from './digest.js';
import { lapseSuspensions } from './lapse-suspensions.js';
import {
  recomputeReason,
  recomputeAllDeadlines,
  refreshStaleDeadlines,
} from './recompute-deadlines.js';
import type { JobRegistry } from './queue.js';
import { flagRetentionDue } from './retention.js';

export const JOB_NAMES = {
  digest: 'meldingen.dagoverzicht',
  lapse: 'toewijzingen.vervallen',
  retention: 'dossiers.bewaartermijn',
  seal: 'toegangslog.verzegelen',
  sweepDeadlines: 'termijnen.bijhouden',
  recomputeDeadlines: 'termijnen.herberekenen',
} as const;

/** Cases the sweep evaluates per run (every minute): far above a minute's writes. */
const SWEEP_LIMIT = 2000;

export interface ProductJobsContext {
  readonly db: Kysely<Database>;
  readonly profiles: ReadonlyMap<string, Profile>;
  readonly now: () => Date;
  /** The hour (Europe/Amsterdam) of the daily digest; the daily checks run just before it. */
  readonly digestHour: number;
  /** Without a mailer (no SMTP configured) there is no digest job. */
  readonly digest: { readonly mailer: Mailer; readonly options: DigestOptions } | null;
  /** Where a job's summary goes (one Dutch line). */
  readonly log: (line: string) => void;
}

const daily = (hour: number) => `0 ${Math.max(0, hour)} * * *`;

export function registerProductJobs(registry: JobRegistry, context: ProductJobsContext): void {
  const { db, profiles, now, log, digest } = context;
  if (digest)
    registry.registerJob(
      JOB_NAMES.digest,
      async () => {
        const report = await runDigest(db, profiles, digest.mailer, digest.options, now());
        log(describeDigestRun(report));
      },
      {
        description: 'Dagelijks overzicht per e-mail',
        cron: daily(context.digestHour),
        retryDelaySeconds: 5 * 60,
        expireInSeconds: 60 * 60,
      },
    );
  // RIJ-TERM-SUSPEND: an hour before the digest, so the notice is in it; and at start, for the
  // days the server was down.
  registry.registerJob(
    JOB_NAMES.lapse,
    async () => {
      const report = await lapseSuspensions(db, profiles, now());
      if (report.lapsed.length > 0)
        log(`Vervallen na opschorting: ${report.lapsed.length} toewijzing(en)`);
    },
    {
      description: 'Controle op vervallen opschortingen',
      cron: daily(context.digestHour - 1),
      atStart: true,
    },
  );
  // Records whose twenty years ran out (Jeugdwet 7.3.8 lid 3, ADR 0019).
  registry.registerJob(
    JOB_NAMES.retention,
    async () => {
      const report = await flagRetentionDue(db, now());
      if (report.flagged.length > 0)
        log(`Bewaartermijn verstreken: ${report.flagged.length} dossier(s)`);
    },
    {
      description: 'Controle op de bewaartermijn',
      cron: daily(context.digestHour - 2),
      atStart: true,
    },
  );
  // The kept deadlines (ADR 0029). Readers evaluate a stale case they show themselves; the sweep
  // keeps most rows fresh so they seldom have to: cases queued by writes that the write itself
  // did not get to, and any other stale case.
  registry.registerJob(
    JOB_NAMES.sweepDeadlines,
    async () => {
      await refreshQueuedDeadlines(db, profiles, now(), SWEEP_LIMIT);
      await refreshStaleDeadlines(db, profiles, now(), { limit: SWEEP_LIMIT });
    },
    {
      description: 'Termijnen bijwerken van gewijzigde casussen',
      cron: '* * * * *',
      retryLimit: 0,
      expireInSeconds: 5 * 60,
    },
  );
  // Every case again: at start (a changed region profile comes with a new release) and just
  // after midnight (the engine reads the day). Nothing stale, nothing recorded.
  registry.registerJob(
    JOB_NAMES.recomputeDeadlines,
    async () => {
      const reason = await recomputeReason(db, profiles, now());
      if (reason === null) return;
      const run = await recomputeAllDeadlines(db, profiles, now(), {
        reason,
        clock: { now },
      });
      log(
        `Termijnen herberekend (${run.reason}): ${run.done} van ${run.total} casussen, ${run.failed} mislukt`,
      );
    },
    {
      description: 'Termijnen van alle casussen opnieuw berekenen',
      cron: '5 0 * * *',
      atStart: true,
      expireInSeconds: 60 * 60,
    },
  );
  // The access log's hash chain (NEN 7513, ADR 0015): seal what was written, every minute. A
  // failed run is not retried: the next minute's run seals the same records.
  registry.registerJob(
    JOB_NAMES.seal,
    async () => {
      await sealAuditLog(db);
    },
    {
      description: 'Verzegelen van het toegangslog',
      cron: '* * * * *',
      retryLimit: 0,
      expireInSeconds: 5 * 60,
    },
  );
}
