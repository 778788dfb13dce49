import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../time/index.js';
import { caseEvents, caseFacts } from './engine-input.js';

describe('caseFacts', () => {
  it('takes young people with a birth date as children and fills missing facts with defaults', () => {
    const facts = caseFacts(
      {
        route: 'A',
        segment: 'ambulant',
        measure: null,
        facts: { lifeDomains: ['wonen'], regieCriteria: { severity: 'zwaar' } },
      },
      [
        { id: 'p1', kind: 'jeugdige', birthDate: '2014-04-01' },
        { id: 'p2', kind: 'ouder', birthDate: '1985-01-01' },
        { id: 'p3', kind: 'jeugdige', birthDate: null },
      ],
    );
    expect(facts.children.map((c) => [c.id, formatIsoDate(c.birthDate)])).toEqual([
      ['p1', '2014-04-01'],
    ]);
    expect(facts.lifeDomains).toEqual(['wonen']);
    expect(facts.regieCriteria.severity).toBe('zwaar');
    expect(facts.regieCriteria.unsafety).toBe('geen');
    expect(facts.familySupportsHelp).toBe(true);
    expect(facts.product).toEqual({ freelyAccessible: true });
  });
});

describe('caseEvents', () => {
  it('sorts by time and gives each event its Amsterdam date', () => {
    const events = caseEvents([
      {
        type: 'intake',
        at: new Date('2026-03-05T10:00:00Z'),
        childId: null,
        kind: null,
        date: null,
      },
      {
        type: 'aanmelding',
        at: new Date('2026-03-01T23:30:00Z'),
        childId: null,
        kind: null,
        date: null,
      },
      {
        type: 'maatregel-einde',
        at: new Date('2026-03-06T10:00:00Z'),
        childId: null,
        kind: null,
        date: '2027-01-01',
      },
    ]);
    expect(events.map((e) => [e.type, formatIsoDate(e.day)])).toEqual([
      ['aanmelding', '2026-03-02'],
      ['intake', '2026-03-05'],
      ['maatregel-einde', '2026-03-06'],
    ]);
    expect(events[2]?.date === undefined ? null : formatIsoDate(events[2].date)).toBe('2027-01-01');
  });
});

describe('caseEvents after a move to another municipality (ZOU-DEC-ENDING)', () => {
  const at = (iso: string, type: string) => ({
    type,
    at: new Date(iso),
    childId: null,
    kind: null,
    date: null,
  });

  it('drops everything before the move and counts the move as the aanmelding', () => {
    const events = caseEvents([
      at('2026-03-02T09:00:00+01:00', 'aanmelding'),
      at('2026-03-05T09:00:00+01:00', 'intake'),
      at('2026-04-10T09:00:00+02:00', 'plan-vastgesteld'),
      at('2026-05-04T14:00:00+02:00', 'verhuizing'),
      at('2026-05-06T10:00:00+02:00', 'eerste-contact'),
    ]);
    expect(events.map((e) => [e.type, formatIsoDate(e.day)])).toEqual([
      ['aanmelding', '2026-05-04'],
      ['eerste-contact', '2026-05-06'],
    ]);
    expect(events[0]?.at).toBe(new Date('2026-05-04T14:00:00+02:00').getTime());
  });

  it('counts only the latest of two moves', () => {
    const events = caseEvents([
      at('2026-03-02T09:00:00+01:00', 'aanmelding'),
      at('2026-04-01T09:00:00+02:00', 'verhuizing'),
      at('2026-04-20T09:00:00+02:00', 'intake'),
      at('2026-06-15T09:00:00+02:00', 'verhuizing'),
    ]);
    expect(events.map((e) => [e.type, formatIsoDate(e.day)])).toEqual([
      ['aanmelding', '2026-06-15'],
    ]);
  });

  it('leaves a timeline without a move as it is', () => {
    const events = caseEvents([
      at('2026-03-05T09:00:00+01:00', 'intake'),
      at('2026-03-02T09:00:00+01:00', 'aanmelding'),
    ]);
    expect(events.map((e) => e.type)).toEqual(['aanmelding', 'intake']);
  });
});
