import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../time/index.js';
import {
  buildRecordExport,
  destructionDecisionProblems,
  recordRequestProblems,
  recordRequestWarnings,
  withholdableItems,
  withholdingProblems,
  WITHHELD_NOTICE,
  type HouseholdPerson,
  type RecordContent,
} from './record.js';

const today = parseIsoDate('2026-03-20') as number;
const persons: HouseholdPerson[] = [
  { id: 'kind', kind: 'jeugdige', birthDate: '2016-05-01' },
  { id: 'tiener', kind: 'jeugdige', birthDate: '2012-01-01' },
  { id: 'moeder', kind: 'ouder', birthDate: null },
];
const request = (personId: string, receivedOn = '2026-03-19') => ({
  kind: 'inzage-afschrift' as const,
  personId,
  receivedOn,
});

describe('recording a request about the record (Jeugdwet 7.3.9, 7.3.10)', () => {
  it('accepts a parent and a young person of twelve or older', () => {
    expect(recordRequestProblems(request('moeder'), persons, today)).toEqual([]);
    expect(recordRequestProblems(request('tiener'), persons, today)).toEqual([]);
  });

  it('refuses a child under twelve, citing 7.3.15, and names the field', () => {
    const problems = recordRequestProblems(request('kind'), persons, today);
    expect(problems.map((p) => p.path)).toEqual(['persoonId']);
    expect(problems[0]?.message).toContain('7.3.15');
  });

  it('refuses someone outside the household and a date in the future or not real', () => {
    expect(recordRequestProblems(request('buur', '2026-03-21'), persons, today)).toEqual([
      expect.objectContaining({ path: 'ontvangenOp' }),
      expect.objectContaining({ path: 'persoonId' }),
    ]);
    expect(recordRequestProblems(request('moeder', '2026-02-30'), persons, today)).toEqual([
      expect.objectContaining({ path: 'ontvangenOp' }),
    ]);
  });

  it('warns a parent that a young person of sixteen or older has to agree', () => {
    const older: HouseholdPerson[] = [
      ...persons,
      { id: 'oudste', kind: 'jeugdige', birthDate: '2010-03-19' },
    ];
    expect(recordRequestWarnings(request('moeder'), persons, today)).toEqual([]);
    expect(recordRequestWarnings(request('moeder'), older, today)[0]).toContain('7.3.11');
    expect(recordRequestWarnings(request('oudste'), older, today)).toEqual([]);
  });
});

describe('deciding on destruction (Jeugdwet 7.3.9)', () => {
  const open = { kind: 'vernietiging' as const, decided: false };
  it('destroys without a ground', () => {
    expect(
      destructionDecisionProblems({ decision: 'vernietigen', ground: null, reason: null }, open),
    ).toEqual([]);
  });
  it('refuses only on an exception with a written reason', () => {
    expect(
      destructionDecisionProblems({ decision: 'weigeren', ground: null, reason: 'kort' }, open).map(
        (p) => p.path,
      ),
    ).toEqual(['grond', 'reden']);
    expect(
      destructionDecisionProblems(
        {
          decision: 'weigeren',
          ground: 'belang-ander',
          reason: 'Het broertje heeft de gegevens nodig voor zijn eigen hulp.',
        },
        open,
      ),
    ).toEqual([]);
  });
  it('decides once, and only on a request for destruction', () => {
    const input = { decision: 'vernietigen' as const, ground: null, reason: null };
    expect(destructionDecisionProblems(input, { ...open, decided: true })[0]?.path).toBe('verzoek');
    expect(
      destructionDecisionProblems(input, { kind: 'inzage-afschrift', decided: false })[0]?.path,
    ).toBe('verzoek');
  });
  it('asks a reason for a withholding', () => {
    expect(withholdingProblems(' ')).toEqual([expect.objectContaining({ path: 'reden' })]);
    expect(withholdingProblems('Gaat over de nieuwe partner van vader.')).toEqual([]);
  });
});

describe('the export (versioned JSON)', () => {
  const content: RecordContent = {
    casus: {
      id: 'c1',
      regio: 'LEK',
      route: 'A',
      segment: 'ambulant',
      maatregel: null,
      stap: 'analyse',
      aangemeldOp: '2026-03-02T08:00:00.000Z',
      afgeslotenOp: null,
    },
    gezin: { naam: 'Gezin Jansen', personen: [] },
    rollen: [],
    tijdlijn: [
      {
        id: 't1',
        type: 'aanmelding',
        op: '2026-03-02T08:00:00.000Z',
        soort: null,
        datum: null,
        notitie: null,
      },
      {
        id: 't2',
        type: 'notitie',
        op: '2026-03-03T08:00:00.000Z',
        soort: null,
        datum: null,
        notitie: 'Over de buurman',
      },
    ],
    plannen: [
      {
        id: 'p1',
        soort: 'ondersteuningsplan',
        versies: [
          {
            id: 'v1',
            versie: 1,
            status: 'vastgesteld',
            ingangsdatum: '2026-03-10',
            vastgesteldOp: null,
            inhoud: {},
          },
        ],
      },
    ],
    beoordelingen: [],
    evaluaties: [],
    verslagen: [],
    overdrachten: [],
    afsluiting: null,
    toegangslog: [],
  };
  const verzoek = {
    id: 'r1',
    ontvangenOp: '2026-03-19',
    verzoeker: { naam: 'Kim Jansen', soort: 'ouder' },
  };

  it('says its format and version, and that nothing was withheld', () => {
    const out = buildRecordExport(content, verzoek, [], '2026-03-20T09:00:00.000Z');
    expect(out.formaat).toBe('casusregie-dossier');
    expect(out.versie).toBe(1);
    expect(out.tijdlijn).toHaveLength(2);
    expect(out.achtergehouden).toEqual({ iets: false, toelichting: null });
  });

  it('leaves withheld items out and says that (not what) something was withheld', () => {
    const out = buildRecordExport(
      content,
      verzoek,
      [
        { kind: 'tijdlijn', itemId: 't2' },
        { kind: 'planversie', itemId: 'v1' },
      ],
      '2026-03-20T09:00:00.000Z',
    );
    expect(out.tijdlijn.map((t) => t.id)).toEqual(['t1']);
    expect(out.plannen).toEqual([]);
    expect(out.achtergehouden).toEqual({ iets: true, toelichting: WITHHELD_NOTICE });
    expect(JSON.stringify(out)).not.toContain('buurman');
  });

  it('lists what can be withheld, by kind and id', () => {
    expect(withholdableItems(content).map((i) => `${i.kind}:${i.id}`)).toEqual([
      'tijdlijn:t1',
      'tijdlijn:t2',
      'planversie:v1',
    ]);
  });
});
