import { describe, expect, it } from 'vitest';
import type { Product } from '../catalogue/index.js';
import type { PlanContent } from '../plans/types.js';
import { parseIsoDate } from '../time/index.js';
import {
  arrangementFromPlan,
  budgetState,
  contractFor,
  contractProblems,
  proposalProblems,
  splitName,
  valueInYear,
  type Contract,
  type Handover,
  type ProposalFacts,
  type ProposedLine,
} from './index.js';

const day = (iso: string) => parseIsoDate(iso) ?? Number.NaN;

const product = (code: string, overrides: Partial<Product> = {}): Product => ({
  code,
  category: code.slice(0, 2),
  name: `Product ${code}`,
  segment: 'ambulant',
  freelyAccessible: true,
  unit: '04',
  frequency: '2',
  tariffCents: 10_000,
  validFrom: '2026-01-01',
  validTo: null,
  ...overrides,
});

const PARTNER = '98000001';
const SUB = '98000002';
const [partnerLine, subLine]: [Contract, Contract] = [
  {
    partnerAgb: PARTNER,
    partnerName: 'Hoofdaannemer Noord',
    providerAgb: PARTNER,
    providerName: 'Hoofdaannemer Noord',
    products: ['45A03', '43A01'],
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
  },
  {
    partnerAgb: PARTNER,
    partnerName: 'Hoofdaannemer Noord',
    providerAgb: SUB,
    providerName: 'Zorgboerderij De Hoeve',
    products: ['45A05'],
    validFrom: '2026-01-01',
    validTo: null,
  },
];
const contracts: Contract[] = [partnerLine, subLine];

describe('contracts with partners and their subcontractors', () => {
  it('finds the contract of a partner and of a subcontractor for a product on a day', () => {
    expect(contractFor(contracts, PARTNER, '45A03', day('2026-05-01'))?.providerName).toBe(
      'Hoofdaannemer Noord',
    );
    expect(contractFor(contracts, SUB, '45A05', day('2026-05-01'))?.partnerAgb).toBe(PARTNER);
  });

  it('does not contract a provider for a product it was not bought for, or outside the period', () => {
    expect(contractFor(contracts, SUB, '45A03', day('2026-05-01'))).toBeUndefined();
    expect(contractFor(contracts, PARTNER, '45A03', day('2027-01-01'))).toBeUndefined();
    expect(contractFor(contracts, '98999999', '45A03', day('2026-05-01'))).toBeUndefined();
  });

  it('ends a subcontractor with its partner: no partner contract on the day, no contract', () => {
    // The subcontract is open-ended, but its partner's own contract ends on 31 December.
    expect(contractFor(contracts, SUB, '45A05', day('2027-02-01'))).toBeUndefined();
  });

  it('names every broken field of a contract line, and subcontractors without a partner', () => {
    const codes = new Set(['45A03', '43A01', '45A05']);
    expect(contractProblems(contracts, codes)).toEqual([]);
    const broken: Contract[] = [
      { ...subLine, partnerAgb: '98000009', products: ['99Z99'], validTo: '2025-01-01' },
      { ...partnerLine, providerAgb: '1234', partnerName: ' ', products: [] },
    ];
    expect(contractProblems(broken, codes).map((p) => [p.index, p.field])).toEqual([
      [0, 'products'],
      [0, 'validTo'],
      [0, 'partnerAgb'],
      [1, 'providerAgb'],
      [1, 'partnerName'],
      [1, 'products'],
      // Its partner 98000001 has no line of its own in this set either.
      [1, 'partnerAgb'],
    ]);
    const twice = contractProblems([partnerLine, partnerLine], codes);
    expect(twice).toEqual([
      { index: 1, field: 'providerAgb', message: expect.stringContaining('regel 1') as string },
    ]);
  });
});

describe('what an allocation is worth against the budget (GRO-DEC-BUDGET)', () => {
  it('values a weekly volume over the weeks it runs in the year', () => {
    // 4 hours a week at € 100 for exactly 26 weeks (182 days) = € 10,400.
    expect(
      valueInYear(
        { volume: 4, frequency: '2', tariffCents: 10_000, start: '2026-03-02', end: '2026-08-30' },
        2026,
      ),
    ).toBe(1_040_000);
  });

  it('runs an open-ended allocation to the end of the year, and counts only the year asked', () => {
    const line = {
      volume: 1,
      frequency: '1',
      tariffCents: 100,
      start: '2026-12-01',
      end: null,
    };
    expect(valueInYear(line, 2026)).toBe(3_100);
    expect(valueInYear({ ...line, end: '2027-01-10' }, 2027)).toBe(1_000);
    expect(valueInYear(line, 2025)).toBe(0);
  });

  it('counts a total volume once, in the year the allocation starts', () => {
    const total = {
      volume: 3,
      frequency: '6',
      tariffCents: 50_000,
      start: '2026-11-01',
      end: '2027-03-01',
    };
    expect(valueInYear(total, 2026)).toBe(150_000);
    expect(valueInYear(total, 2027)).toBe(0);
  });

  it('shows the remainder before and after, and warns (naming the rule) when it is exceeded', () => {
    const fine = budgetState(2026, 1_000_000, 600_000, 300_000);
    expect([fine.remainingCents, fine.remainingAfterCents, fine.warning]).toEqual([
      400_000,
      100_000,
      null,
    ]);
    const over = budgetState(2026, 1_000_000, 900_000, 300_000);
    expect(over.remainingAfterCents).toBe(-200_000);
    expect(over.warning).toContain('GRO-DEC-BUDGET');
    expect(budgetState(2026, null, 0, 1).warning).toContain('geen budget');
  });
});

const plan: PlanContent = {
  goals: [
    {
      id: 'g1',
      resultArea: 'opvoeden',
      description: 'Ouders hanteren een vast avondritueel',
      measurableTarget: '5 van 7 avonden',
      owner: { kind: 'gezin', name: 'ouders' },
      targetDate: '2026-09-01',
      progress: 'niet-gestart',
    },
    {
      id: 'g2',
      resultArea: 'school',
      description: 'Sem gaat weer elke dag naar school',
      measurableTarget: 'geen ongeoorloofd verzuim',
      owner: { kind: 'gezin', name: 'Sem' },
      targetDate: '2026-09-01',
      progress: 'niet-gestart',
    },
    {
      id: 'g3',
      resultArea: 'opvoeden',
      description: 'Ouders vragen hulp aan hun netwerk',
      measurableTarget: 'twee vaste oppasadressen',
      owner: { kind: 'netwerk', name: 'oma' },
      targetDate: '2026-09-01',
      progress: 'niet-gestart',
    },
  ],
  intensity: 'trede 2: wekelijks',
  expectedDuration: '6 maanden',
};

const handover: Handover = {
  clarifiedQuestion: 'Ouders willen rust in huis en Sem weer op school.',
  analysisSummary: 'Veel ruzie bij het naar bed gaan; sterk netwerk; veilig.',
  estimatedNeed: 'Ambulante gezinsbehandeling, 4 uur per week.',
  motivation: 'Eigen kracht en lichte hulp waren niet genoeg.',
  contacts: [
    {
      role: 'jeugdige',
      personId: 'p1',
      name: 'Sem de Vries',
      address: { street: 'Lindelaan', number: '12', postcode: '9712 AB', city: 'Groningen' },
    },
    { role: 'gezagsdrager', personId: 'p2', name: 'Lotte de Vries', phone: '06 12345678' },
    { role: 'casusregisseur', name: 'Anna Smit', email: 'anna@wij.nl' },
  ],
};

const facts = (overrides: Partial<ProposalFacts> = {}): ProposalFacts => ({
  catalogue: [
    product('45A03'),
    product('43A01', { freelyAccessible: false, segment: 'verblijf' }),
    product('45A05'),
  ],
  contracts,
  providerAgb: PARTNER,
  expertAdvice: null,
  client: { name: 'Sem de Vries', bsn: '999900006', birthDate: '2016-09-14' },
  ...overrides,
});

const line = (overrides: Partial<ProposedLine> = {}): ProposedLine => ({
  productCode: '45A03',
  volume: 4,
  start: '2026-04-01',
  end: '2026-09-30',
  ...overrides,
});

const paths = (
  lines: ProposedLine[],
  f = facts(),
  h = handover,
  bridging = null as { reason: string; waitingFor: string | null } | null,
) =>
  proposalProblems(
    { lines, arrangement: arrangementFromPlan(plan, ['gezinscoach'], bridging), handover: h },
    f,
  ).map((p) => p.path);

describe('a route A allocation proposal', () => {
  it('composes the arrangement from the plan: result areas of its goals, intensity, duration', () => {
    const a = arrangementFromPlan(plan, [' gezinscoach ', ''], null);
    expect(a.resultAreas).toEqual(['opvoeden', 'school']);
    expect(a.supportElements).toEqual(['gezinscoach']);
    expect([a.intensity, a.duration]).toEqual(['trede 2: wekelijks', '6 maanden']);
    expect(a.goals.map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
  });

  it('accepts a complete proposal for a contracted, freely accessible product', () => {
    expect(paths([line()])).toEqual([]);
  });

  it('needs a plan with goals, intensity and duration', () => {
    const problems = proposalProblems(
      { lines: [line()], arrangement: arrangementFromPlan({}, [], null), handover },
      facts(),
    );
    expect(problems.map((p) => p.path)).toEqual(['plan', 'plan', 'plan']);
  });

  it('refuses products out of the catalogue, uncontracted, without volume or ending before they start', () => {
    expect(
      paths([
        line({ productCode: '99X01' }),
        line({ productCode: '45A05' }),
        line({ productCode: '45A03', volume: 0, end: '2026-03-01' }),
      ]),
    ).toEqual([
      'producten.0.productcode',
      'producten.1.productcode',
      'producten.2.einddatum',
      'producten.2.volume',
    ]);
    expect(paths([line(), line()])).toEqual(['producten.1.productcode']);
    // A weekly volume needs an end date in the JW301 (iJw condition CD076).
    expect(paths([line({ end: null })])).toEqual(['producten.0.einddatum']);
    expect(paths([])).toEqual(['producten']);
  });

  it('holds a not freely accessible product until the expert pool advised (GRO-GATE-EXPERTPOOL)', () => {
    const residential = line({ productCode: '43A01' });
    const problems = proposalProblems(
      { lines: [residential], arrangement: arrangementFromPlan(plan, [], null), handover },
      facts(),
    );
    expect(problems).toEqual([
      {
        path: 'adviesExpertpool',
        message: expect.stringContaining('GRO-GATE-EXPERTPOOL') as string,
      },
    ]);
    expect(
      paths(
        [residential],
        facts({ expertAdvice: { date: '2026-03-20', summary: 'Verblijf passend' } }),
      ),
    ).toEqual([]);
  });

  it('makes a bridging arrangement temporary, with a reason and a product it bridges to', () => {
    expect(
      paths([line({ end: null })], facts(), handover, { reason: '', waitingFor: '77X77' }),
    ).toEqual(['overbrugging.reden', 'overbrugging.wachtOp', 'producten.0.einddatum']);
    expect(
      paths([line()], facts(), handover, { reason: 'wachtlijst', waitingFor: '43A01' }),
    ).toEqual([]);
  });

  it('needs a substantive handover, not only a message (GRO-DEC-OVERDRACHT)', () => {
    const thin: Handover = {
      clarifiedQuestion: ' ',
      analysisSummary: '',
      estimatedNeed: '',
      motivation: '',
      contacts: [
        {
          role: 'jeugdige',
          name: 'Sem de Vries',
          address: { street: 'Lindelaan', number: 'x', postcode: '97121', city: '' },
        },
        { role: 'gezagsdrager', name: 'Lotte de Vries' },
      ],
    };
    expect(paths([line()], facts(), thin)).toEqual([
      'overdracht.vraagverheldering',
      'overdracht.analyse',
      'overdracht.ondersteuningsbehoefte',
      'overdracht.onderbouwing',
      'overdracht.contacten.0.adres.huisnummer',
      'overdracht.contacten.0.adres.postcode',
      'overdracht.contacten.0.adres.plaats',
      'overdracht.contacten',
      'overdracht.contacten',
    ]);
  });

  it('cannot allocate to a young person without a BSN', () => {
    expect(
      paths([line()], facts({ client: { name: 'Sem', bsn: null, birthDate: '2016-09-14' } })),
    ).toEqual(['jeugdige']);
  });
});

describe('a Dutch name in the iJw client name', () => {
  it('separates first names, prefix and surname', () => {
    expect(splitName('Sanne Marie van der Berg')).toEqual({
      firstNames: 'Sanne Marie',
      prefix: 'van der',
      lastName: 'Berg',
      initials: 'SM',
    });
    expect(splitName('Sem Bakker')).toMatchObject({
      firstNames: 'Sem',
      prefix: '',
      lastName: 'Bakker',
    });
    expect(splitName('Bakker')).toMatchObject({ firstNames: '', lastName: 'Bakker', initials: '' });
  });
});
