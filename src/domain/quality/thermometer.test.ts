import { describe, expect, it } from 'vitest';
import type { ChecklistRule } from '../rules/types.js';
import { loadProfiles } from '../../regions/load.js';
import { CHECKLIST_ITEMS } from './checklist-items.js';
import {
  CHECKLIST_THEMES,
  itemSpread,
  redSuggestions,
  roundProblems,
  scoreProblems,
  shares,
  themeSummaries,
  trend,
  type Score,
} from './thermometer.js';

const s = (item: string, colour: Score['colour']): Score => ({ item, colour });

/** Three members: A (1.1 groen, 1.2 rood, 2.1 oranje), B (groen, oranje, oranje), C (rood, rood). */
const ROUND: Score[] = [
  s('1.1', 'groen'),
  s('1.2', 'rood'),
  s('2.1', 'oranje'),
  s('1.1', 'groen'),
  s('1.2', 'oranje'),
  s('2.1', 'oranje'),
  s('1.1', 'rood'),
  s('1.2', 'rood'),
];

describe('GRO-CHK-REFERENTIEKADER: the checklist', () => {
  it('has 8/10/15/15/13/9 items per theme, as the GRO profile says', () => {
    expect(CHECKLIST_THEMES.map((t) => t.items.length)).toEqual([8, 10, 15, 15, 13, 9]);
    const rule = loadProfiles()
      .get('GRO')
      ?.rules.find((r) => r.id === 'GRO-CHK-REFERENTIEKADER') as ChecklistRule | undefined;
    expect(rule?.kind).toBe('checklist');
    expect(rule?.scale).toEqual(['groen', 'oranje', 'rood']);
    expect(rule?.themes.map((t) => [t.number, t.key, t.items])).toEqual(
      CHECKLIST_THEMES.map((t) => [t.number, t.key, t.items.length]),
    );
  });

  it('keeps the source numbering: theme.item, consecutive from 1', () => {
    for (const t of CHECKLIST_THEMES)
      expect(t.items.map((i) => i.number)).toEqual(t.items.map((_, n) => `${t.number}.${n + 1}`));
    expect(CHECKLIST_ITEMS.size).toBe(70);
    expect(CHECKLIST_ITEMS.get('3.12')?.theme).toBe(3);
  });
});

describe('GRO-CHK-REFERENTIEKADER: the team view', () => {
  it('counts the spread per item without knowing who scored', () => {
    const spread = itemSpread(ROUND);
    expect(spread).toHaveLength(70);
    const of = (n: string) => spread.find((x) => x.item === n);
    expect(of('1.1')).toEqual({ item: '1.1', counts: { groen: 2, oranje: 0, rood: 1 }, scored: 3 });
    expect(of('1.2')).toEqual({ item: '1.2', counts: { groen: 0, oranje: 1, rood: 2 }, scored: 3 });
    expect(of('2.1')).toEqual({ item: '2.1', counts: { groen: 0, oranje: 2, rood: 0 }, scored: 2 });
    expect(of('6.9')?.scored).toBe(0);
  });

  it('summarises each theme: counts, whole-percent shares summing to 100, red items, reading', () => {
    const [one, two, three] = themeSummaries(ROUND);
    // Theme 1: 2 green, 1 orange, 3 red of 6 → 33.3 / 16.7 / 50 → 33 / 17 / 50.
    expect(one).toEqual({
      theme: 1,
      counts: { groen: 2, oranje: 1, rood: 3 },
      shares: { groen: 33, oranje: 17, rood: 50 },
      itemsWithRed: 2,
      reading: 'rood',
    });
    expect(two).toEqual({
      theme: 2,
      counts: { groen: 0, oranje: 2, rood: 0 },
      shares: { groen: 0, oranje: 100, rood: 0 },
      itemsWithRed: 0,
      reading: 'oranje',
    });
    expect(three).toEqual({
      theme: 3,
      counts: { groen: 0, oranje: 0, rood: 0 },
      shares: null,
      itemsWithRed: 0,
      reading: null,
    });
  });

  it('gives ties to the less favourable colour', () => {
    expect(themeSummaries([s('1.1', 'groen'), s('1.2', 'oranje')])[0]?.reading).toBe('oranje');
    // 1/3 each: the leftover percent goes to red.
    expect(shares({ groen: 1, oranje: 1, rood: 1 })).toEqual({ groen: 33, oranje: 33, rood: 34 });
    expect(shares({ groen: 0, oranje: 0, rood: 0 })).toBeNull();
  });

  it('lists the suggestions of items scored red', () => {
    const red = redSuggestions(ROUND);
    expect(red.map((r) => [r.item, r.red, r.suggestions.length])).toEqual([
      ['1.1', 1, 1],
      ['1.2', 2, 0],
    ]);
  });

  it('shows the trend per theme across closed rounds', () => {
    const points = trend([
      { roundId: 'r1', scores: ROUND },
      { roundId: 'r2', scores: [s('1.1', 'groen'), s('1.2', 'groen'), s('2.1', 'rood')] },
    ]);
    expect(points.map((p) => [p.roundId, p.themes[0]?.shares, p.themes[1]?.shares])).toEqual([
      ['r1', { groen: 33, oranje: 17, rood: 50 }, { groen: 0, oranje: 100, rood: 0 }],
      ['r2', { groen: 100, oranje: 0, rood: 0 }, { groen: 0, oranje: 0, rood: 100 }],
    ]);
    expect(points[0]?.themes).toHaveLength(6);
  });
});

describe('GRO-CHK-REFERENTIEKADER: checking input', () => {
  it('names unknown items, colours off the scale, doubles and long remarks by field', () => {
    const problems = scoreProblems([
      { item: '1.9', colour: 'groen', remark: '' },
      { item: '1.1', colour: 'paars', remark: '' },
      { item: '1.1', colour: 'rood', remark: 'x'.repeat(2001) },
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      'scores.0.punt',
      'scores.1.kleur',
      'scores.2.punt',
      'scores.2.opmerking',
    ]);
    expect(problems[0]?.message).toContain('GRO-CHK-REFERENTIEKADER');
    expect(scoreProblems([])).toHaveLength(1);
    expect(scoreProblems([{ item: '6.9', colour: 'rood', remark: 'ok' }])).toEqual([]);
  });

  it('asks a round for a name', () => {
    expect(roundProblems({ name: ' ', period: '' }).map((p) => p.path)).toEqual(['naam']);
    expect(roundProblems({ name: 'Najaar', period: 'sep-dec 2026' })).toEqual([]);
  });
});
