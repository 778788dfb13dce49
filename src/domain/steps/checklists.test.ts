import { describe, expect, it } from 'vitest';
import { stepChecklist } from './checklists.js';

describe('stepChecklist (DOMAIN.md section 4)', () => {
  it('route A step 1 lists what is missing until the plan is fixed and the assignment issued', () => {
    const list = stepChecklist('stap-1', 'A', [{ type: 'aanmelding', kind: null, note: null }]);
    expect(list.map((i) => i.key)).toEqual([
      'problematiek-beschreven',
      'veiligheid-vastgesteld',
      'hulpbehoefte-bekend',
      'plan-vastgesteld',
      'arrangement',
      'aanbieder-gekozen',
      'opdracht-verstrekt',
    ]);
    expect(list.every((i) => !i.done)).toBe(true);
  });

  it('an event meets its item; a tick-off meets an item without an event', () => {
    const list = stepChecklist('stap-1', 'A', [
      { type: 'plan-vastgesteld', kind: null, note: null },
      { type: 'stap-afgevinkt', kind: null, note: 'veiligheid-vastgesteld' },
    ]);
    expect(list.find((i) => i.key === 'plan-vastgesteld')).toMatchObject({
      done: true,
      by: 'plan-vastgesteld',
    });
    expect(list.find((i) => i.key === 'veiligheid-vastgesteld')).toMatchObject({
      done: true,
      by: 'afgevinkt',
    });
    expect(list.find((i) => i.key === 'arrangement')?.done).toBe(false);
  });

  it('route B asks for single/multi/complex and the hulpverleningsplan; route C for the gezinsplan', () => {
    expect(stepChecklist('stap-1', 'B', []).map((i) => i.key)).toContain(
      'enkel-meervoudig-complex',
    );
    expect(stepChecklist('stap-1', 'B', []).map((i) => i.key)).toContain(
      'hulpverleningsplan-vastgesteld',
    );
    const c = stepChecklist('stap-1', 'C', [{ type: 'gezinsplan', kind: null, note: null }]);
    expect(c.find((i) => i.key === 'gezinsplan')?.done).toBe(true);
    expect(c.map((i) => i.key)).not.toContain('opdracht-verstrekt');
  });

  it('only an end evaluation completes step 3; an interim evaluation does not', () => {
    const interim = stepChecklist('stap-3', 'A', [
      { type: 'evaluatie', kind: 'tussen', note: null },
    ]);
    expect(interim.find((i) => i.key === 'eindresultaat')?.done).toBe(false);
    const end = stepChecklist('stap-3', 'A', [{ type: 'evaluatie', kind: 'eind', note: null }]);
    expect(end.find((i) => i.key === 'eindresultaat')?.done).toBe(true);
  });
});
