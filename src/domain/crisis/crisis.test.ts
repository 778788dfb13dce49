import { describe, expect, it } from 'vitest';
import type { ActiveRole } from '../access/case-access.js';
import { parseIsoDate } from '../time/index.js';
import {
  handBackProblems,
  hasProfessionalCasusregie,
  requestProblems,
  takeProblems,
} from './crisis.js';

const today = parseIsoDate('2026-03-02') as number;
const family: ActiveRole = { role: 'casusregie', staffId: null, organisationId: null };
const crisis: ActiveRole = {
  role: 'crisiscasusregie',
  staffId: 's-crisis',
  organisationId: 'o-crisis',
};
const regisseur: ActiveRole = { role: 'casusregie', staffId: 's-1', organisationId: 'o-team' };

describe('crisis coordination', () => {
  it('does not count the family or the crisis team as a casusregisseur to hand back to', () => {
    expect(hasProfessionalCasusregie([family, crisis])).toBe(false);
    expect(hasProfessionalCasusregie([crisis, regisseur])).toBe(true);
  });

  it('takes crisiscasusregie for a limited time', () => {
    expect(takeProblems({ plannedEnd: '2026-03-16' }, today)).toEqual([]);
    expect(takeProblems({ plannedEnd: '2026-03-02' }, today)[0]?.path).toBe('eindeGepland');
    expect(takeProblems({ plannedEnd: '2026-06-30' }, today)[0]?.message).toContain('13 weken');
    expect(takeProblems({ plannedEnd: '2 maart' }, today)[0]?.message).toContain('geen geldige');
  });

  it('hands back only to a casusregisseur, with a written handover', () => {
    expect(handBackProblems({ handover: 'kort' }, [family, crisis]).map((p) => p.path)).toEqual([
      'overdracht',
      'casusregie',
    ]);
    expect(
      handBackProblems(
        { handover: 'Veiligheidsplan gemaakt, moeder en kinderen bij oma, dagelijks contact.' },
        [crisis, regisseur],
      ),
    ).toEqual([]);
  });

  it('asks what is going on when the crisis team is called', () => {
    expect(requestProblems({ reason: '' })[0]?.path).toBe('reden');
    expect(requestProblems({ reason: 'Vader dreigt met geweld, kinderen zijn bang.' })).toEqual([]);
  });
});
