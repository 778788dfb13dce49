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
