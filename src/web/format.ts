/**
 * Dates as Dutch professionals write them (dd-mm-jjjj), always on the Amsterdam calendar,
 * whatever zone the browser is in.
 */

const ZONE = 'Europe/Amsterdam';

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const dateOnly = new Intl.DateTimeFormat('nl-NL', {
  timeZone: ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function parts(format: Intl.DateTimeFormat, date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of format.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** `2026-03-02` → `02-03-2026`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = parts(dateOnly, date);
  return `${p.day}-${p.month}-${p.year}`;
}

/** An instant → `02-03-2026 09:00` (Amsterdam time). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = parts(dateTime, date);
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`;
}

/** A deadline's due value: a date (`YYYY-MM-DD`) or, for hour-based terms, an instant. */
export function formatDue(due: string): string {
  return due.length === 10 ? formatDate(due) : formatDateTime(due);
}

/** `02-03-2026` → `2026-03-02`, or null when it is not a real calendar date. */
export function parseDutchDate(text: string): string | null {
  const m = /^\s*(\d{1,2})-(\d{1,2})-(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d)
    return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Amsterdam's UTC offset in minutes at a given instant. */
function offsetMinutes(utcMs: number): number {
  const p = parts(dateTime, new Date(utcMs));
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
  );
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/**
 * A date (dd-mm-jjjj) and time (uu:mm) on the Amsterdam clock → an ISO instant with offset,
 * or null when either is not valid.
 */
export function toInstant(dateText: string, timeText: string): string | null {
  const iso = parseDutchDate(dateText);
  const t = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(timeText);
  if (!iso || !t) return null;
  const [h, mi] = [Number(t[1]), Number(t[2])];
  if (h > 23 || mi > 59) return null;
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset around the DST changes.
  let offset = offsetMinutes(wall);
  offset = offsetMinutes(wall - offset * 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${iso}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:00${sign}${hh}:${mm}`;
}

/** Now on the Amsterdam clock, as the form fields show it. */
export function nowFields(now = new Date()): { date: string; time: string } {
  const p = parts(dateTime, now);
  return { date: `${p.day}-${p.month}-${p.year}`, time: `${p.hour}:${p.minute}` };
}
