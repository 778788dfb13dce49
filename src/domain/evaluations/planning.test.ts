import { describe, expect, it } from 'vitest';
import { invitationProblems } from './index.js';

const NOW = Date.parse('2026-06-01T10:00:00+02:00');
const family = { name: 'Kim Visser', role: 'ouder' as const, email: 'kim@example.nl' };

describe('planning an evaluation', () => {
  it('is planned ahead, with the family invited', () => {
    expect(
      invitationProblems(
        {
          kind: 'tussen',
          plannedAt: Date.parse('2026-06-10T10:00:00+02:00'),
          invitees: [family, { name: 'Juf Ans', role: 'school', email: null }],
        },
        NOW,
      ),
    ).toEqual([]);
    const problems = invitationProblems(
      {
        kind: 'tussen',
        plannedAt: Date.parse('2026-05-30T10:00:00+02:00'),
        invitees: [{ name: 'Juf Ans', role: 'school', email: 'geen-adres' }],
      },
      NOW,
    );
    expect(problems.map((p) => p.path)).toEqual(['geplandOp', 'genodigden', 'genodigden.0.email']);
  });

  it('names an empty or repeated invitee', () => {
    const problems = invitationProblems(
      {
        kind: 'eind',
        plannedAt: Date.parse('2026-06-10T10:00:00+02:00'),
        invitees: [family, { ...family, email: null }, { name: ' ', role: 'netwerk', email: null }],
      },
      NOW,
    );
    expect(problems).toEqual([
      { path: 'genodigden.2.naam', message: 'vul de naam van de genodigde in' },
      { path: 'genodigden.1.naam', message: 'deze genodigde staat er al' },
    ]);
  });
});
