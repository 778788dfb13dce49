import { describe, expect, it } from 'vitest';
import {
  breakGlassProblems,
  breakGlassUntil,
  grantRunning,
  mayBreakGlass,
  mayReviewBreakGlass,
  reviewProblems,
} from './break-glass.js';

const reason = 'Kind alleen thuis aangetroffen, ouders onbereikbaar.';
const actor = (roles: string[]) =>
  ({ staffId: 's', organisationId: 'o', roles }) as Parameters<typeof mayBreakGlass>[0];

describe('break-the-glass', () => {
  it('needs a reason of at least 20 characters, 1-24 hours and one way to find the case', () => {
    expect(breakGlassProblems({ caseId: 'x', bsn: null, reason, hours: 4 })).toEqual([]);
    const paths = (p: ReturnType<typeof breakGlassProblems>) => p.map((x) => x.path);
    expect(
      paths(breakGlassProblems({ caseId: 'x', bsn: null, reason: ' kort  ', hours: 4 })),
    ).toEqual(['reden']);
    expect(paths(breakGlassProblems({ caseId: 'x', bsn: null, reason, hours: 25 }))).toEqual([
      'uren',
    ]);
    expect(paths(breakGlassProblems({ caseId: 'x', bsn: null, reason, hours: 1.5 }))).toEqual([
      'uren',
    ]);
    expect(paths(breakGlassProblems({ caseId: null, bsn: null, reason, hours: 4 }))).toEqual([
      'casusId',
    ]);
    expect(paths(breakGlassProblems({ caseId: 'x', bsn: '123', reason, hours: 4 }))).toEqual([
      'bsn',
    ]);
    expect(paths(breakGlassProblems({ caseId: null, bsn: '123456789', reason, hours: 4 }))).toEqual(
      ['bsn'],
    );
  });

  it('runs for real hours and ends exactly at the limit', () => {
    const start = new Date('2026-03-28T23:00:00Z');
    const until = breakGlassUntil(start, 4);
    expect(until.toISOString()).toBe('2026-03-29T03:00:00.000Z');
    expect(grantRunning({ startsAt: start, endsAt: until }, new Date(until.getTime() - 1))).toBe(
      true,
    );
    expect(grantRunning({ startsAt: start, endsAt: until }, until)).toBe(false);
  });

  it('is for staff who work with cases; reviews are for the municipal privacy officer', () => {
    expect(mayBreakGlass(actor(['casusregisseur'])).allowed).toBe(true);
    for (const r of ['management', 'beheerder', 'contractmanager', 'privacyfunctionaris'])
      expect(mayBreakGlass(actor([r])).allowed).toBe(false);
    expect(mayReviewBreakGlass(['privacyfunctionaris'], 'gemeente').allowed).toBe(true);
    expect(mayReviewBreakGlass(['privacyfunctionaris'], 'aanbieder').allowed).toBe(false);
    expect(mayReviewBreakGlass(['teamleider'], 'gemeente').allowed).toBe(false);
  });

  it('a verdict is terecht or onterecht; onterecht needs a note', () => {
    expect(reviewProblems({ verdict: 'terecht', note: '' })).toEqual([]);
    expect(reviewProblems({ verdict: 'onterecht', note: ' ' }).map((p) => p.path)).toEqual([
      'toelichting',
    ]);
    expect(reviewProblems({ verdict: 'misschien', note: '' }).map((p) => p.path)).toEqual([
      'oordeel',
    ]);
  });
});
