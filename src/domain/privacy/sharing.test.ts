import { describe, expect, it } from 'vitest';
import { caseAccess, mayWriteCase } from '../access/case-access.js';
import {
  sharingProblems,
  WEIGHING_QUESTIONS,
  type SharingInput,
  type Weighing,
} from './sharing.js';

const weighing = (): Weighing => ({
  answers: Object.fromEntries(
    WEIGHING_QUESTIONS.map((q) => [q, { answer: 'ja', motivation: `waarom ${q}` }]),
  ) as Weighing['answers'],
  informed: true,
  notInformedReason: '',
});
const input = (over: Partial<SharingInput> = {}): SharingInput => ({
  what: 'de zorgmelding',
  recipientKind: 'aanbieder',
  recipient: 'Veilig Thuis',
  basis: 'afweging',
  consentReference: null,
  weighing: weighing(),
  exception: null,
  visibleToFamily: true,
  withheldReason: '',
  ...over,
});
const paths = (i: SharingInput, hasMeasure = false) =>
  sharingProblems(i, { hasMeasure }).map((p) => p.path);

describe('sharing decisions', () => {
  it('accepts a weighing with five motivated yeses', () => {
    expect(paths(input())).toEqual([]);
  });

  it('refuses a "nee", a missing motivation, and not informing without a reason', () => {
    const w = weighing();
    const answers = {
      ...w.answers,
      proportionaliteit: { answer: 'nee' as const, motivation: 'te zwaar' },
      signaal: { answer: 'ja' as const, motivation: ' ' },
    };
    expect(paths(input({ weighing: { answers, informed: false, notInformedReason: '' } }))).toEqual(
      [
        'afweging.signaal.motivering',
        'afweging.proportionaliteit.antwoord',
        'afweging.redenNietGeinformeerd',
      ],
    );
    expect(paths(input({ weighing: null }))).toHaveLength(11);
  });

  it('checks consent references, legal exceptions and withholding from the family', () => {
    expect(paths(input({ basis: 'toestemming', weighing: null }))).toEqual([
      'toestemmingVerwijzing',
    ]);
    const gi = input({
      basis: 'wettelijke-uitzondering',
      recipientKind: 'gi',
      exception: { kind: 'gi-maatregel', motivation: 'OTS loopt' },
    });
    expect(paths(gi, true)).toEqual([]);
    expect(paths(gi, false)).toEqual(['uitzondering.soort']);
    expect(
      paths(
        input({
          basis: 'wettelijke-uitzondering',
          exception: { kind: 'overmacht', motivation: '' },
        }),
      ),
    ).toEqual(['uitzondering.motivering']);
    expect(paths(input({ visibleToFamily: false }))).toEqual(['redenNietZichtbaar']);
    expect(paths(input({ visibleToFamily: false, withheldReason: 'politieonderzoek' }))).toEqual(
      [],
    );
  });
});

describe('break-the-glass in the access policy', () => {
  const actor = { staffId: 's1', organisationId: 'o9', roles: ['casusregisseur'] as const };
  const facts = { responsibleTeamId: 'o1', activeRoles: [], breakGlassIds: ['s1'] };
  it('reads on the basis noodtoegang but may not write', () => {
    expect(caseAccess(actor, facts)).toEqual({ allowed: true, basis: 'noodtoegang' });
    expect(mayWriteCase(actor, facts).allowed).toBe(false);
    expect(caseAccess(actor, { ...facts, breakGlassIds: [] }).allowed).toBe(false);
    expect(mayWriteCase({ ...actor, organisationId: 'o1' }, facts).allowed).toBe(true);
  });
});
