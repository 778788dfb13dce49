/**
 * Answering a request for allocation or change (JW319), iJw 3.2 cross-message rules the
 * provider checks on what the municipality sends — so we check them before anything goes out:
 *
 * - TR359 (9359): no answer once an allocation (JW301) was sent for the request;
 * - TR360 (9360): "in onderzoek" (VerzoekAntwoord 2) only as the first answer;
 * - TR365 (9365): after any answer other than "in onderzoek" (a refusal), nothing more.
 */

export interface EarlierAnswer {
  readonly type: 'JW301' | 'JW319';
  /** VerzoekAntwoord of a JW319 (1 refused, 2 in onderzoek); null for a JW301. */
  readonly answer: string | null;
}

export interface AnswerProblem {
  readonly rule: string;
  readonly code: string;
  readonly message: string;
}

export function answerProblems(
  earlier: readonly EarlierAnswer[],
  answer: '1' | '2',
): AnswerProblem[] {
  if (earlier.some((e) => e.type === 'JW301'))
    return [
      {
        rule: 'TR359',
        code: '9359',
        message:
          'op dit verzoek is al een toewijzing (JW301) verstuurd; een antwoord kan niet meer',
      },
    ];
  const answers = earlier.filter((e) => e.type === 'JW319');
  if (answers.some((e) => e.answer !== '2'))
    return [
      {
        rule: 'TR365',
        code: '9365',
        message: 'dit verzoek is al afgewezen; er gaat geen nieuw antwoord meer uit',
      },
    ];
  if (answer === '2' && answers.length > 0)
    return [
      {
        rule: 'TR360',
        code: '9360',
        message: '"aanvraag in onderzoek" is al verstuurd; dat kan alleen als eerste antwoord',
      },
    ];
  return [];
}
