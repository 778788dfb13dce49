/**
 * The daily digest e-mail: per staff member the notifications that arrived since the previous
 * digest and are still unread, the overdue deadlines and those due within N working days. No
 * digest when there is nothing to tell. Plain Dutch text, with a simple HTML alternative.
 *
 * An e-mail leaves the system and may be read on any device, so it names no family: a case is
 * referred to by the start of its id and a link into the app, which checks access itself.
 */
import { formatInstant, parseInstant, parseIsoDate } from '../time/index.js';
import type { DeadlineNotice } from './deadline-items.js';
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from './kinds.js';

export interface DigestNotification {
  readonly kind: NotificationKind;
  readonly title: string;
  readonly caseId: string | null;
  readonly ruleId: string | null;
  /** Path inside the web app; without one the case page is linked (when there is a case). */
  readonly link: string | null;
  /** When it was created (ms since the epoch). */
  readonly createdAt: number;
}

export interface DigestInput {
  /** How the recipient is greeted. */
  readonly recipient: string;
  readonly notifications: readonly DigestNotification[];
  readonly deadlines: readonly DeadlineNotice[];
  /** The N of "due within N working days", for the heading. */
  readonly workingDays: number;
  /** Address of the web app (`https://casusregie.example.nl`) for links; null: paths only. */
  readonly baseUrl: string | null;
  /** At most this many deadlines are listed per section; the rest is counted (default 25). */
  readonly maxDeadlines?: number;
}

export interface Digest {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly counts: {
    readonly notifications: number;
    readonly overdue: number;
    readonly dueSoon: number;
  };
  /** The cases the digest refers to (for the audit log). */
  readonly caseIds: readonly string[];
}

interface Line {
  readonly text: string;
  readonly details: readonly string[];
  readonly link: string | null;
}

interface Section {
  readonly heading: string;
  readonly lines: readonly Line[];
  readonly more: number;
}

/** `2026-03-02` → `02-03-2026`; an instant → `02-03-2026 13:00` (Amsterdam time). */
export function dutchMoment(value: string | number): string {
  const iso = typeof value === 'number' ? formatInstant(value) : value;
  if (iso.length === 10 && parseIsoDate(iso) !== null)
    return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
  const ms = typeof value === 'number' ? value : parseInstant(iso);
  if (ms === null) return iso;
  const local = formatInstant(ms);
  return `${local.slice(8, 10)}-${local.slice(5, 7)}-${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

const caseRef = (caseId: string) => `casus ${caseId.slice(0, 8)}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function absolute(baseUrl: string | null, path: string): string {
  return baseUrl === null ? path : `${baseUrl.replace(/\/+$/, '')}${path}`;
}

function notificationLine(n: DigestNotification, baseUrl: string | null): Line {
  const details = [`gemeld op ${dutchMoment(n.createdAt)}`];
  if (n.caseId !== null) details.push(caseRef(n.caseId));
  if (n.ruleId) details.push(`regel ${n.ruleId}`);
  const path = n.link ?? (n.caseId === null ? null : `/casussen/${n.caseId}`);
  return {
    text: `${NOTIFICATION_KIND_LABELS[n.kind]}: ${n.title}`,
    details,
    link: path === null ? null : absolute(baseUrl, path),
  };
}

function deadlineLine(d: DeadlineNotice, baseUrl: string | null): Line {
  const when =
    d.state === 'verlopen'
      ? `verlopen op ${dutchMoment(d.due)}`
      : `uiterlijk ${dutchMoment(d.due)}`;
  return {
    text: `${d.rule}: ${when}`,
    details: [caseRef(d.caseId)],
    link: absolute(baseUrl, `/casussen/${d.caseId}`),
  };
}

function section(heading: string, lines: readonly Line[], max: number): Section | null {
  if (lines.length === 0) return null;
  return { heading, lines: lines.slice(0, max), more: Math.max(0, lines.length - max) };
}

function subjectOf(counts: Digest['counts']): string {
  const parts: string[] = [];
  if (counts.notifications > 0)
    parts.push(plural(counts.notifications, 'nieuwe melding', 'nieuwe meldingen'));
  if (counts.overdue > 0)
    parts.push(plural(counts.overdue, 'verlopen termijn', 'verlopen termijnen'));
  if (counts.dueSoon > 0)
    parts.push(plural(counts.dueSoon, 'termijn loopt bijna af', 'termijnen lopen bijna af'));
  return `Casusregie: ${parts.join(', ')}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function asText(input: DigestInput, sections: readonly Section[], overview: string): string {
  const out = [`Beste ${input.recipient},`, '', 'Dit is uw dagelijkse overzicht uit Casusregie.'];
  for (const s of sections) {
    out.push('', s.heading, '-'.repeat(s.heading.length));
    for (const line of s.lines) {
      out.push(`- ${line.text}`, `  ${line.details.join(' · ')}`);
      if (line.link) out.push(`  ${line.link}`);
    }
    if (s.more > 0) out.push(`- en nog ${s.more}; zie Casusregie`);
  }
  out.push(
    '',
    `Alles staat ook in Casusregie onder Meldingen: ${overview}`,
    '',
    'Deze e-mail noemt bewust geen namen van gezinnen of jeugdigen; open de casus in Casusregie',
    'voor de gegevens. U krijgt hem alleen op dagen dat er iets te melden is.',
    '',
  );
  return out.join('\n');
}

function asHtml(input: DigestInput, sections: readonly Section[], overview: string): string {
  const out = [
    '<!doctype html>',
    '<html lang="nl"><head><meta charset="utf-8"><title>Dagelijks overzicht Casusregie</title></head>',
    '<body style="font-family: sans-serif; line-height: 1.5">',
    `<p>Beste ${escapeHtml(input.recipient)},</p>`,
    '<p>Dit is uw dagelijkse overzicht uit Casusregie.</p>',
  ];
  for (const s of sections) {
    out.push(`<h2>${escapeHtml(s.heading)}</h2>`, '<ul>');
    for (const line of s.lines) {
      const text = escapeHtml(line.text);
      const head = line.link ? `<a href="${escapeHtml(line.link)}">${text}</a>` : text;
      out.push(`<li>${head}<br>${escapeHtml(line.details.join(' · '))}</li>`);
    }
    if (s.more > 0) out.push(`<li>en nog ${s.more}; zie Casusregie</li>`);
    out.push('</ul>');
  }
  out.push(
    `<p>Alles staat ook in Casusregie onder <a href="${escapeHtml(overview)}">Meldingen</a>.</p>`,
    '<p>Deze e-mail noemt bewust geen namen van gezinnen of jeugdigen; open de casus in',
    'Casusregie voor de gegevens. U krijgt hem alleen op dagen dat er iets te melden is.</p>',
    '</body></html>',
    '',
  );
  return out.join('\n');
}

/** The digest for one person, or null when there is nothing to tell. */
export function composeDigest(input: DigestInput): Digest | null {
  const max = input.maxDeadlines ?? 25;
  const overdue = input.deadlines.filter((d) => d.state === 'verlopen');
  const dueSoon = input.deadlines.filter((d) => d.state === 'binnenkort');
  const counts = {
    notifications: input.notifications.length,
    overdue: overdue.length,
    dueSoon: dueSoon.length,
  };
  if (counts.notifications + counts.overdue + counts.dueSoon === 0) return null;
  const notifications = [...input.notifications].sort((a, b) => b.createdAt - a.createdAt);
  const sections = [
    section(
      `Nieuwe meldingen (${counts.notifications})`,
      notifications.map((n) => notificationLine(n, input.baseUrl)),
      Number.POSITIVE_INFINITY,
    ),
    section(
      `Verlopen termijnen (${counts.overdue})`,
      overdue.map((d) => deadlineLine(d, input.baseUrl)),
      max,
    ),
    section(
      `Termijnen die binnen ${plural(input.workingDays, 'werkdag', 'werkdagen')} aflopen (${counts.dueSoon})`,
      dueSoon.map((d) => deadlineLine(d, input.baseUrl)),
      max,
    ),
  ].filter((s): s is Section => s !== null);
  const overview = absolute(input.baseUrl, '/meldingen');
  const caseIds = [
    ...new Set([
      ...notifications.flatMap((n) => (n.caseId === null ? [] : [n.caseId])),
      ...input.deadlines.map((d) => d.caseId),
    ]),
  ];
  return {
    subject: subjectOf(counts),
    text: asText(input, sections, overview),
    html: asHtml(input, sections, overview),
    counts,
    caseIds,
  };
}
