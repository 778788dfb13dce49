/**
 * The daily digest e-mail (issue 6): for every active staff member with an e-mail address,
 * the unread notifications since their previous digest plus the overdue and soon-due
 * deadlines on the cases they may see, sent through an SMTP server. A person with nothing to
 * read gets no mail; a digest is claimed in the database before it is sent, so a second run on
 * the same day (or two instances at once) sends nothing twice.
 *
 * Run from `casusregie digest`, or once a day on the job queue (`meldingen.dagoverzicht`, ADR
 * 0027) when SMTP is configured. The claim in `digest_run` makes a second run harmless (the
 * queue delivers at least once).
 */
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { composeDigest, nextDigestAt, type Digest } from '../domain/notifications/index.js';
import type { Profile } from '../domain/rules/index.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import { writeAudit } from '../store/audit.js';
import {
  claimDigest,
  deadlineNoticesFor,
  digestRecipients,
  releaseDigest,
  unreadNotificationsBetween,
} from '../store/notifications.js';
import type { Database } from '../store/schema.js';

export interface MailMessage {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** A mailer over SMTP, e.g. `smtp://mail.example.nl:587` or `smtps://user:pass@host`. */
export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    send: async (message) => {
      await transport.sendMail({ ...message });
    },
    close: () => transport.close(),
  };
}

export interface DigestOptions {
  /** The sender, e.g. `Casusregie <noreply@casusregie.example.nl>`. */
  readonly from: string;
  /** The web app's address for links in the mail; null: paths only. */
  readonly baseUrl: string | null;
  /** Deadlines due within this many working days are "due soon". */
  readonly workingDays: number;
}

export interface DigestReport {
  readonly sent: readonly { staffId: string; email: string; subject: string }[];
  /** People for whom there was nothing to tell today. */
  readonly nothing: number;
  /** People who already had today's digest. */
  readonly alreadySent: number;
  readonly failed: readonly { staffId: string; email: string; error: string }[];
  /** With `preview`: the digests that would have gone out (nothing is sent or recorded). */
  readonly previews: readonly { email: string; digest: Digest }[];
}

/**
 * Composes and sends today's digests. Without a mailer it only previews: it composes, and
 * sends and records nothing.
 */
export async function runDigest(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  mailer: Mailer | null,
  options: DigestOptions,
  now: Date,
): Promise<DigestReport> {
  const day = formatIsoDate(localDay(now.getTime()));
  const report = {
    sent: [] as { staffId: string; email: string; subject: string }[],
    nothing: 0,
    alreadySent: 0,
    failed: [] as { staffId: string; email: string; error: string }[],
    previews: [] as { email: string; digest: Digest }[],
  };
  for (const person of await digestRecipients(db)) {
    const staffId = person.actor.staffId;
    if (person.lastDay !== null && person.lastDay >= day) {
      report.alreadySent += 1;
      continue;
    }
    const notifications = await unreadNotificationsBetween(db, staffId, person.coveredUntil, now);
    const deadlines = await deadlineNoticesFor(
      db,
      person.actor,
      profiles,
      options.workingDays,
      now,
    );
    const digest = composeDigest({
      recipient: person.name,
      notifications: notifications.map((n) => ({
        kind: n.kind,
        title: n.title,
        caseId: n.caseId,
        ruleId: n.ruleId,
        link: n.link,
        createdAt: n.createdAt.getTime(),
      })),
      deadlines,
      workingDays: options.workingDays,
      baseUrl: options.baseUrl,
    });
    if (digest === null) {
      report.nothing += 1;
      continue;
    }
    if (mailer === null) {
      report.previews.push({ email: person.email, digest });
      continue;
    }
    const items = digest.counts.notifications + digest.counts.overdue + digest.counts.dueSoon;
    const claim = await claimDigest(db, staffId, day, now, items, now);
    if (claim === null) {
      report.alreadySent += 1;
      continue;
    }
    try {
      await mailer.send({
        from: options.from,
        to: person.email,
        subject: digest.subject,
        text: digest.text,
        html: digest.html,
      });
    } catch (error) {
      await releaseDigest(db, claim);
      report.failed.push({
        staffId,
        email: person.email,
        error: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    // The mail names cases (by id), so it is a disclosure like any read: audited.
    await writeAudit(
      db,
      { actor: person.actor, clientAddress: null },
      {
        action: 'meldingen.overzicht-gemaild',
        details: {
          dag: day,
          meldingen: digest.counts.notifications,
          verlopen: digest.counts.overdue,
          binnenkort: digest.counts.dueSoon,
          casussen: digest.caseIds,
        },
      },
    );
    report.sent.push({ staffId, email: person.email, subject: digest.subject });
  }
  return report;
}

/** A one-line Dutch summary of a run, for the log and the command line. */
export function describeDigestRun(report: DigestReport): string {
  return (
    `Dagelijks overzicht: ${report.sent.length} verstuurd, ${report.nothing} zonder nieuws, ` +
    `${report.alreadySent} vandaag al verstuurd, ${report.failed.length} mislukt`
  );
}

export interface DigestSchedule {
  stop(): void;
}

/**
 * Runs `run` every day at `hour`:00 Europe/Amsterdam, in this process. Deliberately simple (one
 * timer, re-armed after each run). `serve` no longer uses it: its daily jobs are cron schedules
 * on the job queue (ADR 0027).
 */
export function scheduleDailyDigest(options: {
  readonly hour: number;
  readonly now: () => Date;
  readonly run: () => Promise<unknown>;
  readonly onError: (error: unknown) => void;
}): DigestSchedule {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    const now = options.now().getTime();
    timer = setTimeout(
      () => {
        void options.run().catch(options.onError).finally(arm);
      },
      Math.max(1000, nextDigestAt(now, options.hour) - now),
    );
    timer.unref();
  };
  arm();
  return {
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
