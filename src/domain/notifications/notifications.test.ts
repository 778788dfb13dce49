/**
 * Notifications (issue 6): which deadlines are reported (overdue, or due within N working days,
 * where weekends and general holidays do not count: DOMAIN.md section 8), what the daily digest
 * says (and that it names no family), and when it goes out (a fixed hour in Europe/Amsterdam).
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../time/index.js';
import {
  composeDigest,
  deadlineNotices,
  dueSoonUntil,
  nextDigestAt,
  type CasePendingDeadlines,
  type DeadlineNotice,
  type DigestInput,
} from './index.js';

const day = (iso: string) => parseIsoDate(iso) ?? Number.NaN;
const CASE_A = '0b4c7e52-1111-4a4a-8a8a-000000000001';
const CASE_B = '9f00aa11-2222-4b4b-9b9b-000000000002';

const pending = (
  caseId: string,
  deadlines: [rule: string, due: string, status: 'overdue' | 'open' | 'met'][],
): CasePendingDeadlines => ({
  caseId,
  family: 'Gezin Jansen',
  pending: deadlines.map(([rule, due, status]) => ({
    rule,
    due,
    status,
    source: 'Werkafspraken §3',
    child: null,
  })),
});

describe('deadline notices', () => {
  // Friday 6 March 2026: three working days on is Wednesday 11 March.
  const friday = day('2026-03-06');

  it('counts N working days past the weekend', () => {
    expect(dueSoonUntil(friday, 3)).toBe(day('2026-03-11'));
    expect(dueSoonUntil(friday, 0)).toBe(friday);
  });

  it('skips a general holiday: King’s Day (Monday 27 April 2026) is no working day', () => {
    expect(dueSoonUntil(day('2026-04-24'), 1)).toBe(day('2026-04-28'));
  });

  it('reports every overdue deadline and the open ones within the horizon, nothing else', () => {
    const notices = deadlineNotices(
      [
        pending(CASE_A, [
          ['LEK-TERM-INTAKE-AMBULANT', '2026-01-15', 'overdue'],
          ['LEK-TERM-PLAN', '2026-03-11', 'open'],
          ['LEK-CAD-CONTACT-LICHT', '2026-03-12', 'open'],
          ['LEK-TERM-EERSTE-CONTACT', '2026-03-01', 'met'],
        ]),
      ],
      friday,
      3,
    );
    expect(notices.map((n) => [n.rule, n.state])).toEqual([
      ['LEK-TERM-INTAKE-AMBULANT', 'verlopen'],
      ['LEK-TERM-PLAN', 'binnenkort'],
    ]);
  });

  it('puts overdue first, the longest overdue on top, then by due date', () => {
    const notices = deadlineNotices(
      [
        pending(CASE_B, [
          ['RIJ-TERM-B', '2026-03-06', 'open'],
          ['RIJ-TERM-A', '2026-03-02', 'overdue'],
        ]),
        pending(CASE_A, [
          ['LEK-TERM-C', '2026-02-20', 'overdue'],
          ['LEK-TERM-D', '2026-03-09', 'open'],
        ]),
      ],
      friday,
      3,
    );
    expect(notices.map((n) => n.rule)).toEqual([
      'LEK-TERM-C',
      'RIJ-TERM-A',
      'RIJ-TERM-B',
      'LEK-TERM-D',
    ]);
  });

  it('takes the local date of an hour-based (crisis) deadline', () => {
    // 23:30 on Wednesday 11 March in Amsterdam is 22:30 UTC: still within the horizon.
    const notices = deadlineNotices(
      [
        pending(CASE_A, [
          ['ZOU-TERM-CRISIS', '2026-03-11T23:30:00+01:00', 'open'],
          ['ZOU-TERM-CRISIS-2', '2026-03-12T00:30:00+01:00', 'open'],
        ]),
      ],
      friday,
      3,
    );
    expect(notices.map((n) => n.rule)).toEqual(['ZOU-TERM-CRISIS']);
  });
});

const overdue = (rule: string, caseId = CASE_A): DeadlineNotice => ({
  caseId,
  family: 'Gezin Jansen',
  rule,
  source: 'Werkafspraken §3',
  child: null,
  due: '2026-03-02',
  state: 'verlopen',
});

const input = (overrides: Partial<DigestInput> = {}): DigestInput => ({
  recipient: 'Anne Bakker',
  notifications: [],
  deadlines: [],
  workingDays: 3,
  baseUrl: 'https://casusregie.example.nl/',
  ...overrides,
});

describe('the daily digest', () => {
  it('is not composed when there is nothing to tell', () => {
    expect(composeDigest(input())).toBeNull();
  });

  it('lists a calamity and an overdue deadline with its rule ID and links into the app', () => {
    const digest = composeDigest(
      input({
        notifications: [
          {
            kind: 'calamiteit',
            title: 'Calamiteit gemeld door de aanbieder',
            caseId: CASE_B,
            ruleId: null,
            link: null,
            createdAt: Date.parse('2026-03-05T13:15:00Z'),
          },
        ],
        deadlines: [overdue('LEK-TERM-INTAKE-AMBULANT')],
      }),
    );
    expect(digest?.subject).toBe('Casusregie: 1 nieuwe melding, 1 verlopen termijn');
    expect(digest?.counts).toEqual({ notifications: 1, overdue: 1, dueSoon: 0 });
    expect(digest?.text).toContain('Beste Anne Bakker,');
    expect(digest?.text).toContain('Calamiteit: Calamiteit gemeld door de aanbieder');
    // 13:15 UTC is 14:15 in Amsterdam in March.
    expect(digest?.text).toContain('gemeld op 05-03-2026 14:15');
    expect(digest?.text).toContain('LEK-TERM-INTAKE-AMBULANT: verlopen op 02-03-2026');
    expect(digest?.text).toContain(`https://casusregie.example.nl/casussen/${CASE_B}`);
    expect(digest?.text).toContain('https://casusregie.example.nl/meldingen');
    expect(digest?.caseIds).toEqual([CASE_B, CASE_A]);
  });

  it('names no family or child, in text nor HTML', () => {
    const digest = composeDigest(input({ deadlines: [overdue('LEK-TERM-PLAN')] }));
    expect(digest?.text).not.toContain('Jansen');
    expect(digest?.html).not.toContain('Jansen');
    expect(digest?.text).toContain(`casus ${CASE_A.slice(0, 8)}`);
  });

  it('escapes what it puts into HTML', () => {
    const digest = composeDigest(
      input({
        notifications: [
          {
            kind: 'escalatie',
            title: 'Overleg <b>nu</b> & snel',
            caseId: null,
            ruleId: 'RIJ-ESC-LADDER',
            link: null,
            createdAt: Date.parse('2026-03-05T08:00:00Z'),
          },
        ],
      }),
    );
    expect(digest?.html).toContain('Overleg &#60;b&#62;nu&#60;/b&#62; &#38; snel');
    expect(digest?.html).toContain('<html lang="nl">');
    expect(digest?.text).toContain('regel RIJ-ESC-LADDER');
  });

  it('lists at most the maximum per section and counts the rest', () => {
    const many = Array.from({ length: 30 }, (_, i) => overdue(`LEK-TERM-${i}`));
    const digest = composeDigest(input({ deadlines: many, maxDeadlines: 25 }));
    expect(digest?.subject).toBe('Casusregie: 30 verlopen termijnen');
    expect(digest?.text).toContain('- en nog 5; zie Casusregie');
    expect(digest?.text.match(/: verlopen op/g)).toHaveLength(25);
  });

  it('says "due soon" with the number of working days, and uses paths without an address', () => {
    const digest = composeDigest(
      input({
        baseUrl: null,
        workingDays: 1,
        deadlines: [{ ...overdue('ZTM-TERM-MINUTES'), state: 'binnenkort', due: '2026-03-09' }],
      }),
    );
    expect(digest?.subject).toBe('Casusregie: 1 termijn loopt bijna af');
    expect(digest?.text).toContain('Termijnen die binnen 1 werkdag aflopen (1)');
    expect(digest?.text).toContain('ZTM-TERM-MINUTES: uiterlijk 09-03-2026');
    expect(digest?.text).toContain(`  /casussen/${CASE_A}`);
  });
});

describe('when the digest goes out', () => {
  it('at the hour in Amsterdam, today when it is still to come, else tomorrow', () => {
    // 06:59 in Amsterdam (winter time, UTC+1) → 07:00 the same day.
    expect(nextDigestAt(Date.parse('2026-03-06T05:59:00Z'), 7)).toBe(
      Date.parse('2026-03-06T06:00:00Z'),
    );
    // Exactly 07:00 → the next day.
    expect(nextDigestAt(Date.parse('2026-03-06T06:00:00Z'), 7)).toBe(
      Date.parse('2026-03-07T06:00:00Z'),
    );
  });

  it('stays at 07:00 local time across the change to summer time', () => {
    // Saturday 28 March 2026 08:00 (UTC+1) → Sunday 29 March 07:00 (UTC+2).
    expect(nextDigestAt(Date.parse('2026-03-28T07:00:00Z'), 7)).toBe(
      Date.parse('2026-03-29T05:00:00Z'),
    );
  });
});
