import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../time/index.js';
import { moveBlocker, moveProblems, type MoveInput, type MoveTarget } from './move.js';

const today = parseIsoDate('2026-11-23') as number;
const input: MoveInput = {
  municipalityId: 'gem-lek',
  teamId: 'team-lek',
  staffId: 'regisseur-lek',
  moveDate: '2026-12-01',
  reason: 'Het gezin gaat in Houten wonen, bij de grootouders.',
};
const staff = {
  id: 'regisseur-lek',
  organisationId: 'team-lek',
  roles: ['casusregisseur'],
  active: true,
};
const target: MoveTarget = {
  municipality: { id: 'gem-lek', kind: 'gemeente' },
  team: { id: 'team-lek', kind: 'lokaal-team', parentId: 'gem-lek' },
  staff,
};
const context = { today, currentTeamId: 'team-rij' };
const paths = (i: MoveInput, t: MoveTarget, c = context) =>
  moveProblems(i, t, c).map((p) => p.path);

describe('moveBlocker (ZOU-DEC-ENDING)', () => {
  it('lets a running case with a responsible team move', () => {
    expect(moveBlocker({ closed: false, responsibleTeamId: 'team-rij' })).toBeNull();
  });
  it('refuses a closed case and a case without a responsible team, citing the rule', () => {
    const closed = moveBlocker({ closed: true, responsibleTeamId: 'team-rij' });
    expect(closed).toContain('afgesloten');
    expect(closed).toContain('ZOU-DEC-ENDING, geldt in elke regio');
    expect(moveBlocker({ closed: false, responsibleTeamId: null })).toContain(
      'geen verantwoordelijk lokaal team',
    );
  });
});

describe('moveProblems (ZOU-DEC-ENDING)', () => {
  it('accepts a municipality, its own local team and an active casusregisseur of that team', () => {
    expect(moveProblems(input, target, context)).toEqual([]);
    expect(paths(input, { ...target, staff: { ...staff, roles: ['teamleider'] } })).toEqual([]);
  });

  it('names each field that is wrong', () => {
    expect(
      paths(
        { ...input, moveDate: '2026-13-01', reason: 'weg' },
        { municipality: null, team: null, staff: null },
      ),
    ).toEqual([
      'gemeenteId',
      'lokaalTeamId',
      'nieuweRegisseur.medewerkerId',
      'verhuisdatum',
      'reden',
    ]);
  });

  it('refuses an organisation that is not a municipality, and a team of another municipality', () => {
    expect(paths(input, { ...target, municipality: { id: 'gem-lek', kind: 'aanbieder' } })).toEqual(
      ['gemeenteId'],
    );
    const other = moveProblems(
      input,
      { ...target, team: { id: 'team-lek', kind: 'lokaal-team', parentId: 'gem-zou' } },
      context,
    );
    expect(other.map((p) => p.path)).toEqual(['lokaalTeamId']);
    expect(other[0]?.message).toContain('ZOU-DEC-ENDING, geldt in elke regio');
    expect(
      paths(input, { ...target, team: { id: 'team-lek', kind: 'aanbieder', parentId: 'gem-lek' } }),
    ).toEqual(['lokaalTeamId']);
  });

  it('refuses the team that is already responsible', () => {
    expect(paths(input, target, { today, currentTeamId: 'team-lek' })).toEqual(['lokaalTeamId']);
  });

  it('wants an active casusregisseur or team lead of the new team', () => {
    expect(paths(input, { ...target, staff: { ...staff, active: false } })).toEqual([
      'nieuweRegisseur.medewerkerId',
    ]);
    expect(paths(input, { ...target, staff: { ...staff, organisationId: 'team-rij' } })).toEqual([
      'nieuweRegisseur.medewerkerId',
    ]);
    expect(paths(input, { ...target, staff: { ...staff, roles: ['planner'] } })).toEqual([
      'nieuweRegisseur.medewerkerId',
    ]);
  });

  it('takes a moving day in the past or the future, within a year of today', () => {
    expect(paths({ ...input, moveDate: '2026-01-10' }, target)).toEqual([]);
    expect(paths({ ...input, moveDate: '2027-11-20' }, target)).toEqual([]);
    expect(paths({ ...input, moveDate: '2025-11-01' }, target)).toEqual(['verhuisdatum']);
    expect(paths({ ...input, moveDate: '2028-01-01' }, target)).toEqual(['verhuisdatum']);
  });
});
