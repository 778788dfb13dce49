import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../time/calendar.js';
import {
  anonymisedCaseView,
  anonymisedViewText,
  editedView,
  monthOf,
  namesOf,
  scrub,
  viewRequestProblems,
  type AnonymisedViewSource,
} from './anonymise.js';

const today = parseIsoDate('2026-03-12') as number;

describe('scrub: names', () => {
  const family = namesOf(
    ['Noor van den Berg', 'Jan van den Berg', 'Anne-Marie de Vries', 'Bo El Amrani'],
    ['Sanne de Wit'],
    'Gezin Van den Berg',
  );

  it('removes names with tussenvoegsels, but keeps "van", "den" and "de" as words', () => {
    expect(scrub('Moeder van Noor, mevrouw Van den Berg, belde met de school.', family)).toBe(
      'Moeder van [naam], mevrouw [naam], belde met de school.',
    );
    expect(scrub('De vader van den Berg kwam niet.', family)).toBe('De vader [naam] kwam niet.');
    expect(scrub('Zij woont bij de oma van de kinderen.', family)).toBe(
      'Zij woont bij de oma van de kinderen.',
    );
  });

  it('removes possessives, plurals and diminutives', () => {
    expect(scrub("Noors kamer, Noor's fiets, Noortje en Jantje", family)).toBe(
      '[naam] kamer, [naam] fiets, [naam] en [naam]',
    );
    expect(scrub('de Van den Bergs kwamen samen', family)).toBe('de [naam] kwamen samen');
    expect(scrub('Kimmetje speelt', ['Kim Bakker'])).toBe('[naam] speelt');
  });

  it('keeps words that merely contain a name', () => {
    expect(scrub('In januari gaat Jan naar Noorwegen; het Janskerkhof.', family)).toBe(
      'In januari gaat [naam] naar Noorwegen; het Janskerkhof.',
    );
    expect(scrub('Bergen op Zoom en de Witte Brug', family)).toBe(
      'Bergen op Zoom en de Witte Brug',
    );
  });

  it('removes double first names and their parts, and two-letter names only as written', () => {
    expect(scrub('Anne-Marie, Anne en Marie de Vries', family)).toBe('[naam], [naam] en [naam]');
    expect(scrub('Bo ging met El Amrani naar de bowling', family)).toBe(
      '[naam] ging met [naam] naar de bowling',
    );
    expect(scrub('bo is geen naam in bowling of boek', family)).toBe(
      'bo is geen naam in bowling of boek',
    );
  });

  it('removes staff on the case and names in any case', () => {
    expect(scrub('SANNE DE WIT en sanne belden', family)).toBe('[naam] en [naam] belden');
  });
});

describe('scrub: identifiers, dates and addresses', () => {
  it.each([
    ['BSN 123456782', 'BSN [bsn]'],
    ['BSN 123 456 782', 'BSN [bsn]'],
    ['BSN 1234.56.782', 'BSN [bsn]'],
    ['BSN 12 34 56 782.', 'BSN [bsn].'],
    ['bel 06-12345678', 'bel [telefoon]'],
    ['bel 06 1234 5678', 'bel [telefoon]'],
    ['bel +31 6 12345678', 'bel [telefoon]'],
    ['bel +31 (0)6 12345678', 'bel [telefoon]'],
    ['bel 010-1234567', 'bel [telefoon]'],
    ['bel 0031 10 123 4567', 'bel [telefoon]'],
    ['postcode 3011 AB', 'postcode [postcode]'],
    ['postcode 3011AB', 'postcode [postcode]'],
    ['postcode 3011ab', 'postcode [postcode]'],
    ['mail j.berg@gmail.com', 'mail [e-mail]'],
    ['op 03-02-2026', 'op [datum]'],
    ['op 3/2/26', 'op [datum]'],
    ['op 2026-02-03', 'op [datum]'],
    ['op 3 februari 2026', 'op [datum]'],
    ['op 3 feb. zagen we', 'op [datum] zagen we'],
    ['woont Kerkstraat 12a', 'woont [adres]'],
    ['woont Laan van Meerdervoort 120-3', 'woont [adres]'],
    ['woont in de Dorpsstraat', 'woont in de [adres]'],
    ['Kerkstraat 12 bis en verder', '[adres] en verder'],
    ['id 6f1c2d3e-1234-4abc-8def-0123456789ab', 'id [id]'],
  ])('%s', (text, expected) => {
    expect(scrub(text, [])).toBe(expected);
  });

  it('keeps years, months, ages and counts', () => {
    const text = 'Sinds januari 2026 drie gesprekken; Noor is 9 jaar; in 2025 12 weken wachtlijst.';
    expect(scrub(text, [])).toBe(text);
  });
});

const source = (over: Partial<AnonymisedViewSource> = {}): AnonymisedViewSource => ({
  region: 'RIJ',
  municipality: 'Gemeente Rotterdam',
  route: 'C',
  segment: 'ambulant',
  measure: 'ots',
  step: 'plan',
  regieWeight: 'zwaar',
  persons: [
    { kind: 'jeugdige', birthDate: '2016-09-01' },
    { kind: 'ouder', birthDate: '1990-01-01' },
    { kind: 'jeugdige', birthDate: '2011-03-13' },
    { kind: 'jeugdige', birthDate: null },
  ],
  plan: {
    kind: 'gezinsplan',
    goals: [
      {
        resultArea: 'veiligheid',
        description: 'Noor voelt zich veilig thuis bij Kim van den Berg',
        measurableTarget: 'geen meldingen van school (06-12345678)',
        targetDate: '2026-06-30',
        progress: 'op-schema',
      },
    ],
  },
  events: [
    { type: 'aanmelding', on: '2026-01-05', note: null },
    { type: 'notitie', on: '2026-02-10', note: 'Gesprek met Kim op Kerkstraat 12, 3011 AB' },
    { type: 'evaluatie', on: '2026-03-02', note: 'Noor (BSN 123456782) doet het goed' },
  ],
  question: 'Hoe houden we Noortje veilig als Kim van den Berg terugkomt?',
  timelineLength: 2,
  knownNames: namesOf(['Noor van den Berg', 'Kim van den Berg'], ['Sanne de Wit'], 'Gezin Berg'),
  today,
  ...over,
});

describe('anonymised case view', () => {
  it('keeps the fixed structure: ages, household by kind, months, scrubbed texts', () => {
    const view = anonymisedCaseView(source());
    expect(view).toEqual({
      region: 'RIJ',
      municipality: 'Gemeente Rotterdam',
      route: 'C',
      segment: 'ambulant',
      measure: 'ots',
      step: 'plan',
      regieWeight: 'zwaar',
      ages: [14, 9, null],
      household: ['ouder', 'jeugdige 14 jaar', 'jeugdige 9 jaar', 'jeugdige (leeftijd onbekend)'],
      planKind: 'gezinsplan',
      goals: [
        {
          resultArea: 'veiligheid',
          description: '[naam] voelt zich veilig thuis bij [naam]',
          measurableTarget: 'geen meldingen van school ([telefoon])',
          targetMonth: 'juni 2026',
          progress: 'op-schema',
        },
      ],
      timeline: [
        {
          type: 'notitie',
          month: 'februari 2026',
          note: 'Gesprek met [naam] op [adres], [postcode]',
        },
        { type: 'evaluatie', month: 'maart 2026', note: '[naam] (BSN [bsn]) doet het goed' },
      ],
      question: 'Hoe houden we [naam] veilig als [naam] terugkomt?',
    });
  });

  it('says nothing identifying in its text', () => {
    const text = anonymisedViewText(anonymisedCaseView(source()), 'consultatie');
    for (const leak of [
      'Noor',
      'Kim',
      'Berg',
      'Kerkstraat',
      '3011',
      '123456782',
      '06-',
      '2016',
      '2011',
      '-03-',
      '-06-30',
    ])
      expect(text).not.toContain(leak);
    expect(text).toContain('consultatie');
    expect(text).toContain('jeugdige 14 jaar');
    expect(text).toContain('- maart 2026: Evaluatie – [naam] (BSN [bsn]) doet het goed');
  });

  it('counts the age on the day itself, and a baby as under one', () => {
    const view = anonymisedCaseView(
      source({
        persons: [
          { kind: 'jeugdige', birthDate: '2011-03-12' },
          { kind: 'jeugdige', birthDate: '2025-12-01' },
        ],
      }),
    );
    expect(view.ages).toEqual([15, 0]);
    expect(view.household).toEqual(['jeugdige 15 jaar', 'jeugdige jonger dan 1 jaar']);
  });

  it('works without a plan and caps the timeline', () => {
    const view = anonymisedCaseView(source({ plan: null, timelineLength: 500 }));
    expect(view.goals).toEqual([]);
    expect(view.timeline).toHaveLength(3);
    expect(anonymisedViewText(view, 'escalatie')).toContain('er is nog geen plan');
  });
});

describe('requests and edits', () => {
  it('names every field of a bad request', () => {
    expect(
      viewRequestProblems({
        purpose: 'roddel',
        recipient: ' ',
        question: 'kort',
        timelineLength: 0,
      }).map((p) => p.path),
    ).toEqual(['doel', 'ontvanger', 'vraag', 'aantalGebeurtenissen']);
    expect(
      viewRequestProblems({
        purpose: 'consultatie',
        recipient: 'Expertpool regio',
        question: 'Welke hulp past hier?',
        timelineLength: 10,
      }),
    ).toEqual([]);
  });

  it('scrubs the edited texts again and keeps the lists as they are', () => {
    const view = anonymisedCaseView(source());
    const names = source().knownNames;
    const result = editedView(
      view,
      {
        question: 'Wat als Kim op 3 maart 2026 terugkomt?',
        goals: [{ description: 'Noortje is veilig', measurableTarget: 'geen meldingen' }],
        timeline: [{ note: 'gesprek' }, { note: 'Noors evaluatie' }],
      },
      names,
    );
    expect('view' in result && result.view.question).toBe('Wat als [naam] op [datum] terugkomt?');
    expect('view' in result && result.view.goals[0]?.description).toBe('[naam] is veilig');
    expect('view' in result && result.view.timeline[1]).toEqual({
      type: 'evaluatie',
      month: 'maart 2026',
      note: '[naam] evaluatie',
    });
    const wrong = editedView(view, { question: '', goals: [], timeline: [] }, names);
    expect('problems' in wrong && wrong.problems.map((p) => p.path)).toEqual([
      'vraag',
      'doelen',
      'tijdlijn',
    ]);
  });

  it('writes months in Dutch', () => {
    expect(monthOf('2026-12-31')).toBe('december 2026');
    expect(monthOf('geen datum')).toBe('');
  });
});
