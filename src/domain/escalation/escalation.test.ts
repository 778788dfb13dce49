import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../../regions/load.js';
import type { EscalationRule } from '../rules/types.js';
import { parseIsoDate, startOfLocalDay } from '../time/index.js';
import {
  closingProblems,
  currentLevel,
  duties,
  ladderView,
  levelProblems,
  levels,
  mayRecordLevel,
  openingProblems,
  type Duties,
  type Level,
  type LevelInput,
} from './ladder.js';
import { anonymisedOverview, namesOf, scrub } from './overview.js';

const profiles = loadProfiles();
const ladder = (profile: string, id: string): EscalationRule => {
  const rule = profiles.get(profile)?.rules.find((r) => r.id === id);
  if (!rule || rule.kind !== 'escalation') throw new Error(`${id} missing`);
  return rule;
};
const RIJ = ladder('RIJ', 'RIJ-ESC-LADDER');
const ZOU_PROCESS = ladder('ZOU', 'ZOU-ESC-PROCESS');
const ZOU_CONTENT = ladder('ZOU', 'ZOU-ESC-CONTENT');
const day = (text: string) => parseIsoDate(text) as number;
const at = (date: string, hour = 10) => startOfLocalDay(day(date)) + hour * 3_600_000;

const blank: LevelInput = {
  note: '',
  facts: null,
  actions: [],
  feedbackDate: null,
  overview: null,
};

describe('the RIJ ladder', () => {
  it('has six levels and the duty to inform the young person throughout (step 7)', () => {
    expect(levels(RIJ).map((l) => l.stepNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(duties(RIJ).map((d) => d.actor)).toEqual(['lokaal team (doorlopend)']);
  });

  it('asks level 1 for the facts and level 5 for the overview, actions and a feedback date', () => {
    const all = levels(RIJ);
    const one = all[0] as Level;
    const five = all[4] as Level;
    const today = day('2026-03-02');
    expect(levelProblems(one, { ...blank, note: 'Feiten op een rij gezet' }, today)).toEqual([
      { path: 'feiten', message: expect.stringContaining('feiten') },
    ]);
    const paths = levelProblems(five, { ...blank, note: 'Contractmanager betrokken' }, today).map(
      (p) => p.path,
    );
    expect(paths).toEqual([
      'acties',
      'terugkoppeldatum',
      'overzicht.standpuntLokaalTeam',
      'overzicht.standpuntAanbieder',
      'overzicht.gevraagdBesluit',
    ]);
    expect(
      levelProblems(
        five,
        {
          note: 'Contractmanager betrokken',
          facts: null,
          actions: [
            { who: 'contractmanager', what: 'Spreekt de aanbieder aan op de acceptatieplicht' },
          ],
          feedbackDate: '2026-03-01',
          overview: {
            localTeam: 'Het arrangement past bij de vraag',
            provider: 'De aanbieder vindt de inzet te licht',
            requestedDecision: 'Besluit over de intensiteit van de hulp',
          },
        },
        today,
      ),
    ).toEqual([{ path: 'terugkoppeldatum', message: 'de terugkoppeldatum ligt in het verleden' }]);
  });

  it('lets the local team record levels 1-3 and only a team lead levels 4 and 5', () => {
    const [first, , , , five] = levels(RIJ) as [Level, Level, Level, Level, Level];
    expect(mayRecordLevel(five, ['casusregisseur'])).toBe(false);
    expect(mayRecordLevel(five, ['teamleider'])).toBe(true);
    expect(mayRecordLevel(first, ['planner'])).toBe(false);
    expect(mayRecordLevel(first, ['casusregisseur'])).toBe(true);
  });
});

describe('ZOU deadlines per level', () => {
  it('gives the talk two weeks and the commitment five working days after it', () => {
    // Raised on Thursday 23 April 2026, so the talk was due on 7 May; it was on Tuesday 12 May.
    // Five working days from the talk skip Ascension Day (Thursday 14 May): 13, 15, 18, 19, 20
    // → the commitment is due on Wednesday 20 May.
    const progress = {
      openedAt: at('2026-04-23'),
      recorded: [
        { level: 1, at: at('2026-04-23') },
        { level: 2, at: at('2026-05-12') },
      ],
      closedAt: null,
    };
    const view = ladderView(ZOU_PROCESS, progress, at('2026-05-21'));
    expect(view.map((v) => [v.level.number, v.state, v.deadline])).toEqual([
      [1, 'klaar', null],
      [2, 'klaar', { due: '2026-05-07', status: 'met-late', ruleId: 'ZOU-TERM-ESC-TALK' }],
      [3, 'huidig', { due: '2026-05-20', status: 'overdue', ruleId: 'ZOU-TERM-ESC-COMMIT' }],
    ]);
    expect(currentLevel(ZOU_PROCESS, progress)?.number).toBe(3);
    // Closing within the window makes the closing level done, in time.
    const closed = ladderView(
      ZOU_PROCESS,
      { ...progress, closedAt: at('2026-05-18') },
      at('2026-05-20'),
    );
    expect(closed[2]).toMatchObject({
      state: 'klaar',
      deadline: { status: 'met', ruleId: 'ZOU-TERM-ESC-COMMIT' },
    });
    expect(currentLevel(ZOU_PROCESS, { ...progress, closedAt: at('2026-05-18') })).toBeNull();
  });
});

describe('opening', () => {
  const base = {
    type: 'inhoud' as const,
    subject: 'voortgang' as const,
    allocationId: null,
    description: 'De hulp komt al maanden niet op gang en de zorgen blijven.',
    criteria: {},
  };
  it('asks the breakthrough team criteria a to j, each answered, at least one yes', () => {
    const problems = openingProblems(ZOU_CONTENT, base).map((p) => p.path);
    expect(problems).toEqual('abcdefghij'.split('').map((c) => `criteria.${c}`));
    const allNo = Object.fromEntries('abcdefghij'.split('').map((c) => [c, false]));
    expect(openingProblems(ZOU_CONTENT, { ...base, criteria: allNo }).map((p) => p.path)).toEqual([
      'criteria',
    ]);
    expect(openingProblems(ZOU_CONTENT, { ...base, criteria: { ...allNo, f: true } })).toEqual([]);
  });
  it('refuses a process escalation on a content ladder and an allocation dispute without one', () => {
    expect(
      openingProblems(ZOU_CONTENT, { ...base, type: 'proces', criteria: { a: true } }).map(
        (p) => p.path,
      ),
    ).toContain('soort');
    expect(
      openingProblems(RIJ, { ...base, type: 'proces', subject: 'toewijzing' }).map((p) => p.path),
    ).toEqual(['toewijzingId']);
  });
});

describe('closing', () => {
  const outcome = {
    commitment: 'De aanbieder start de hulp zoals toegewezen',
    agreements: [{ who: 'aanbieder', what: 'Intake binnen een week' }],
  };
  const none: Duties = {
    youngPersonInformedOn: null,
    youngPersonInformedHow: null,
    bridgingCareNeeded: null,
    bridgingCareNote: null,
  };
  it('needs the young person informed and bridging care weighed', () => {
    expect(closingProblems(outcome, none).map((p) => p.path)).toEqual([
      'jeugdigeGeinformeerdOp',
      'overbruggingszorgNodig',
    ]);
    expect(
      closingProblems(outcome, {
        youngPersonInformedOn: '2026-03-03',
        youngPersonInformedHow: 'telefonisch',
        bridgingCareNeeded: false,
        bridgingCareNote: null,
      }),
    ).toEqual([]);
    expect(closingProblems({ commitment: '', agreements: [] }, none).map((p) => p.path)).toEqual([
      'uitkomst',
      'afspraken',
      'jeugdigeGeinformeerdOp',
      'overbruggingszorgNodig',
    ]);
  });
});

describe('anonymised overview', () => {
  it('scrubs names (also in other case), identifiers, dates and addresses', () => {
    const names = namesOf(['Daan Verhoef', 'Femke Verhoef'], ['Sanne de Wit'], 'Gezin Verhoef');
    const text =
      'Daan (BSN 123456782) woont met femke VERHOEF op Kerkstraat 12 in 3011 AB; Sanne de Wit belde 06-12345678 op 03-02-2026, mail sanne@team.nl.';
    const clean = scrub(text, names);
    for (const leaked of [
      'Daan',
      'Verhoef',
      'VERHOEF',
      'femke',
      'Sanne',
      'Wit',
      '123456782',
      'Kerkstraat',
      '3011',
      '06-',
      '03-02-2026',
      'sanne@',
    ])
      expect(clean).not.toContain(leaked);
    expect(clean).toContain('[naam]');
    expect(clean).toContain('[bsn]');
    expect(clean).toContain('[adres]');
    expect(clean).toContain('[datum]');
    // The forms a name takes in a sentence go too; ordinary words containing a name part stay.
    expect(scrub("Daantje en de Kosters, Jesse's fiets", ['Daan', 'Jesse Koster'])).toBe(
      '[naam] en de [naam], [naam] fiets',
    );
    expect(scrub('De Witte Brug bij Witmarsum', ['Wit'])).toBe('De Witte Brug bij Witmarsum');
  });

  it('keeps the fixed format with ages instead of birth dates', () => {
    const overview = anonymisedOverview(
      {
        reference: 'ESC-1',
        region: 'RIJ',
        municipality: 'Gemeente Rotterdam',
        ladderId: 'RIJ-ESC-LADDER',
        type: 'proces',
        subject: 'toewijzing',
        openedOn: '2026-03-02',
        route: 'A',
        segment: 'ambulant',
        ages: [14, 9],
        products: ['45A12 Ambulante jeugdhulp'],
        description: 'Aanbieder vindt de toewijzing voor Daan te licht',
        facts: 'Op 02-03-2026 belde de aanbieder',
        steps: [
          {
            level: 1,
            actor: 'medewerker lokaal team',
            note: 'Feiten vastgelegd met Femke',
            on: '2026-03-03',
          },
        ],
        positions: {
          localTeam: 'Past',
          provider: 'Te licht voor Daan',
          requestedDecision: 'Besluit',
        },
        actions: [{ who: 'Sanne de Wit', what: 'Belt de aanbieder' }],
        feedbackDate: '2026-03-20',
      },
      ['Daan Verhoef', 'Femke Verhoef', 'Sanne de Wit'],
    );
    expect(overview.ages).toEqual([9, 14]);
    expect(JSON.stringify(overview)).not.toMatch(/Daan|Femke|Sanne|02-03-2026/);
    expect(overview.steps[0]?.on).toBe('2026-03-03');
    expect(overview.positions.provider).toBe('Te licht voor [naam]');
  });
});
