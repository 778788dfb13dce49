import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../time/index.js';
import {
  childConcerns,
  consentConcerns,
  deadlineForFamily,
  goalConcerns,
  mayView,
  type PortalViewer,
  type VisibilityFacts,
} from './visibility.js';

// The household on 23 November 2026:
// - Sandra and Peter, parents (ouder);
// - Noor, born 1 May 2012: 14 (12-15, decides together with the parents);
// - Daan, born 10 March 2009: 17 (16+, decides alone);
// - Mila, born 1 January 2018: 8 (under 12, the parents decide).
const today = dayFromYmd(2026, 11, 23);
const members = [
  { id: 'sandra', kind: 'ouder', birthDate: null },
  { id: 'peter', kind: 'ouder', birthDate: null },
  { id: 'noor', kind: 'jeugdige', birthDate: '2012-05-01' },
  { id: 'daan', kind: 'jeugdige', birthDate: '2009-03-10' },
  { id: 'mila', kind: 'jeugdige', birthDate: '2018-01-01' },
] as const;
const facts: VisibilityFacts = { members, sharedWithParents: new Set(), today };

const sandra: PortalViewer = { personId: 'sandra', role: 'vertegenwoordiger' };
const peter: PortalViewer = { personId: 'peter', role: 'vertegenwoordiger' };
const noor: PortalViewer = { personId: 'noor', role: 'jongere-12-15' };
const daan: PortalViewer = { personId: 'daan', role: 'jongere-16-plus' };

describe('what each family member sees (ADR 0026)', () => {
  it('shows what concerns the whole family to everyone', () => {
    for (const viewer of [sandra, peter, noor, daan])
      expect(mayView(viewer, 'gezin', facts)).toBe(true);
  });

  it('shows a 14-year-old her own goals, not a goal only about her mother or a brother', () => {
    expect(mayView(noor, ['noor'], facts)).toBe(true);
    expect(mayView(noor, ['noor', 'sandra'], facts)).toBe(true);
    expect(mayView(noor, ['sandra'], facts)).toBe(false);
    expect(mayView(noor, ['daan'], facts)).toBe(false);
    expect(mayView(noor, ['mila'], facts)).toBe(false);
  });

  it("keeps a parent's own item from the other parent and from the 17-year-old", () => {
    expect(mayView(sandra, ['sandra'], facts)).toBe(true);
    expect(mayView(peter, ['sandra'], facts)).toBe(false);
    expect(mayView(daan, ['sandra'], facts)).toBe(false);
  });

  it('shows the parents what concerns a child under 16 (Noor 14, Mila 8)', () => {
    expect(mayView(sandra, ['noor'], facts)).toBe(true);
    expect(mayView(peter, ['mila'], facts)).toBe(true);
    // About Sandra and Mila: Peter represents Mila, so he sees it.
    expect(mayView(peter, ['sandra', 'mila'], facts)).toBe(true);
  });

  it('shields what concerns the 17-year-old from the parents until he agrees', () => {
    expect(mayView(sandra, ['daan'], facts)).toBe(false);
    expect(mayView(daan, ['daan'], facts)).toBe(true);
    const agreed = { ...facts, sharedWithParents: new Set(['daan']) };
    expect(mayView(sandra, ['daan'], agreed)).toBe(true);
    // His agreement is about his parents, not about his sister.
    expect(mayView(noor, ['daan'], agreed)).toBe(false);
  });

  it('counts a young person turning 16 on the day itself as 16 (born 23-11-2010)', () => {
    const turning = {
      ...facts,
      members: [...members, { id: 'sem', kind: 'jeugdige', birthDate: '2010-11-23' } as const],
    };
    expect(mayView(sandra, ['sem'], turning)).toBe(false);
    const dayBefore = { ...turning, today: dayFromYmd(2026, 11, 22) };
    expect(mayView(sandra, ['sem'], dayBefore)).toBe(true);
  });

  it('shows an item about someone outside the household to nobody but that person', () => {
    expect(mayView(sandra, ['stranger'], facts)).toBe(false);
    expect(mayView(noor, ['stranger'], facts)).toBe(false);
  });
});

describe('who an item is about', () => {
  it('takes a goal’s own people first, then the plan’s subject, else the family', () => {
    expect(goalConcerns({ aboutPersonIds: ['sandra'] }, 'daan')).toEqual(['sandra']);
    expect(goalConcerns({ aboutPersonIds: [] }, 'daan')).toEqual(['daan']);
    expect(goalConcerns({}, 'daan')).toEqual(['daan']);
    expect(goalConcerns({}, null)).toBe('gezin');
  });

  it("treats a parent's consent as the family's and a young person's as their own", () => {
    expect(consentConcerns('peter', members)).toBe('gezin');
    expect(consentConcerns('daan', members)).toEqual(['daan']);
    expect(consentConcerns('unknown', members)).toEqual(['unknown']);
  });

  it('maps a deadline or allocation for one child to that child, else the family', () => {
    expect(childConcerns('mila')).toEqual(['mila']);
    expect(childConcerns(null)).toBe('gezin');
  });

  it('leaves deadlines that are met or between professionals out of "Wat komt eraan"', () => {
    expect(deadlineForFamily({ rule: 'ZTM-CAD-EVAL', status: 'open' })).toBe(true);
    expect(deadlineForFamily({ rule: 'ZTM-TERM-PLAN', status: 'overdue' })).toBe(true);
    expect(deadlineForFamily({ rule: 'ZTM-TERM-PLAN', status: 'met' })).toBe(false);
    expect(deadlineForFamily({ rule: 'ZTM-TERM-PLAN', status: 'met-late' })).toBe(false);
    expect(deadlineForFamily({ rule: 'ZOU-TERM-ESC-TALK', status: 'open' })).toBe(false);
    expect(deadlineForFamily({ rule: 'RIJ-TERM-DISAGREE', status: 'overdue' })).toBe(false);
  });
});
