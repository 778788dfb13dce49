/** JW319 answers checked before they go out (iJw 3.2 TR359, TR360, TR365). */
import { describe, expect, it } from 'vitest';
import { answerProblems } from './index.js';

const rules = (...args: Parameters<typeof answerProblems>) =>
  answerProblems(...args).map((p) => `${p.rule} ${p.code}`);

describe('answering a request (JW319)', () => {
  it('a first answer may be "in onderzoek" or a refusal', () => {
    expect(rules([], '2')).toEqual([]);
    expect(rules([], '1')).toEqual([]);
  });

  it('after "in onderzoek" a refusal may follow, a second "in onderzoek" not (TR360)', () => {
    const inProgress = [{ type: 'JW319' as const, answer: '2' }];
    expect(rules(inProgress, '1')).toEqual([]);
    expect(rules(inProgress, '2')).toEqual(['TR360 9360']);
  });

  it('after a refusal nothing more (TR365)', () => {
    const refused = [
      { type: 'JW319' as const, answer: '2' },
      { type: 'JW319' as const, answer: '1' },
    ];
    expect(rules(refused, '1')).toEqual(['TR365 9365']);
    expect(rules(refused, '2')).toEqual(['TR365 9365']);
  });

  it('after an allocation no answer at all (TR359)', () => {
    expect(rules([{ type: 'JW301', answer: null }], '1')).toEqual(['TR359 9359']);
    expect(
      rules(
        [
          { type: 'JW319', answer: '2' },
          { type: 'JW301', answer: null },
        ],
        '2',
      ),
    ).toEqual(['TR359 9359']);
  });
});
