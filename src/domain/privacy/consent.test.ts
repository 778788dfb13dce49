import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../time/index.js';
import {
  ageBand,
  consentFor,
  consentProblems,
  handoverConsent,
  mayRecordConsent,
  requiredPersons,
  type ConsentEntry,
  type FamilyMember,
} from './consent.js';

const day = (iso: string) => parseIsoDate(iso) as number;
const TODAY = day('2026-03-12');
const child = (id: string, birthDate: string | null): FamilyMember => ({
  id,
  name: `Kind ${id}`,
  kind: 'jeugdige',
  birthDate,
});
const mother: FamilyMember = { id: 'm', name: 'Ilse', kind: 'ouder', birthDate: null };
const guardian: FamilyMember = { id: 'v', name: 'Voogd', kind: 'voogd', birthDate: null };
let seq = 0;
const entry = (over: Partial<ConsentEntry>): ConsentEntry => ({
  id: `e${++seq}`,
  personId: 'm',
  recipientKind: 'aanbieder',
  organisationId: null,
  purpose: 'overdracht van de casusregie',
  status: 'gegeven',
  on: '2026-03-01',
  manner: 'schriftelijk',
  recordedAt: seq,
  ...over,
});

describe('whose consent counts (Jeugdwet 7.3.4, 7.3.5, 7.3.15)', () => {
  it('puts the young person in an age band on the day', () => {
    // 16 on 12 March 2026: decides alone from that day, not the day before.
    expect(ageBand('2010-03-12', TODAY)).toBe('16-plus');
    expect(ageBand('2010-03-12', day('2026-03-11'))).toBe('12-15');
    expect(ageBand('2014-03-12', TODAY)).toBe('12-15');
    expect(ageBand('2014-03-13', TODAY)).toBe('onder-12');
    expect(ageBand(null, TODAY)).toBe('12-15');
  });

  it('16+: the young person alone; 12-15: both; under 12: the parents or voogd', () => {
    const ids = (members: FamilyMember[]) =>
      requiredPersons(members, TODAY)
        .map((r) => r.member.id)
        .sort();
    expect(ids([child('a', '2009-01-01'), mother])).toEqual(['a']);
    expect(ids([child('a', '2013-01-01'), mother])).toEqual(['a', 'm']);
    expect(ids([child('a', '2018-01-01'), mother, guardian])).toEqual(['m', 'v']);
    expect(ids([mother])).toEqual([]);
  });
});

describe('consentFor', () => {
  const register = (entries: ConsentEntry[]) => ({
    members: [child('a', '2018-01-01'), mother],
    entries,
  });

  it('is unknown without entries, and says so per person', () => {
    const result = consentFor(register([]), 'aanbieder', 'org1', TODAY);
    expect(result.state).toBe('onbekend');
    expect(result.persons.map((p) => [p.personId, p.state])).toEqual([['m', 'onbekend']]);
    expect(result.reasons[0]).toContain('geen toestemming vastgelegd');
  });

  it('takes the latest entry: a withdrawal after consent, and consent given again', () => {
    const given = entry({ on: '2026-03-01' });
    const withdrawn = entry({ status: 'ingetrokken', on: '2026-03-05', manner: 'mondeling' });
    expect(consentFor(register([given]), 'aanbieder', 'org1', TODAY).state).toBe('gegeven');
    const after = consentFor(register([given, withdrawn]), 'aanbieder', 'org1', TODAY);
    expect(after.state).toBe('ingetrokken');
    expect(after.reasons[0]).toContain('ingetrokken op 2026-03-05 (mondeling)');
    // Before the withdrawal's day the consent stood.
    expect(
      consentFor(register([given, withdrawn]), 'aanbieder', 'org1', day('2026-03-04')).state,
    ).toBe('gegeven');
    const again = entry({ on: '2026-03-10' });
    expect(consentFor(register([given, withdrawn, again]), 'aanbieder', 'org1', TODAY).state).toBe(
      'gegeven',
    );
  });

  it('orders entries of one day by the moment they were recorded', () => {
    const a = entry({ on: '2026-03-05', recordedAt: 2 });
    const b = entry({ on: '2026-03-05', status: 'ingetrokken', recordedAt: 1 });
    expect(consentFor(register([a, b]), 'aanbieder', 'x', TODAY).state).toBe('gegeven');
  });

  it('applies a general entry to every organisation of the kind, a specific one to that one only', () => {
    const specific = entry({ organisationId: 'org1' });
    expect(consentFor(register([specific]), 'aanbieder', 'org1', TODAY).state).toBe('gegeven');
    expect(consentFor(register([specific]), 'aanbieder', 'org2', TODAY).state).toBe('onbekend');
    expect(consentFor(register([specific]), 'school', null, TODAY).state).toBe('onbekend');
  });

  it('needs every required person for "given"; one withdrawal is enough for "withdrawn"', () => {
    const members = [child('a', '2013-01-01'), mother];
    const r1 = { members, entries: [entry({ personId: 'm' })] };
    expect(consentFor(r1, 'aanbieder', 'o', TODAY).state).toBe('onbekend');
    const r2 = { members, entries: [entry({ personId: 'm' }), entry({ personId: 'a' })] };
    expect(consentFor(r2, 'aanbieder', 'o', TODAY).state).toBe('gegeven');
    const r3 = {
      members,
      entries: [entry({ personId: 'm' }), entry({ personId: 'a', status: 'ingetrokken' })],
    };
    expect(consentFor(r3, 'aanbieder', 'o', TODAY).state).toBe('ingetrokken');
  });

  it("ignores a parent's entry for a young person of 16 or older", () => {
    const members = [child('a', '2008-01-01'), mother];
    const r = { members, entries: [entry({ personId: 'm', status: 'ingetrokken' })] };
    expect(consentFor(r, 'aanbieder', 'o', TODAY).state).toBe('onbekend');
  });
});

describe('handoverConsent', () => {
  const members = [child('a', '2018-01-01'), mother];
  const withdrawn = {
    members,
    entries: [entry({ status: 'ingetrokken', on: '2026-03-05', manner: 'mondeling' })],
  };
  const target = { organisationId: 'p1', organisationKind: 'aanbieder' };

  it('blocks after a withdrawal with a message naming who, what and when', () => {
    const result = handoverConsent(withdrawn, target, 'team', null, TODAY);
    expect(result.outcome).toBe('ingetrokken');
    if (result.outcome !== 'ingetrokken') return;
    expect(result.message).toContain('Ilse heeft op 05-03-2026 (mondeling)');
    expect(result.message).toContain('jeugdhulpaanbieder');
    expect(result.message).toContain('Jeugdwet artikel 7.3.11');
  });

  it('asks nothing within the same organisation, nor of a GI under a court measure', () => {
    expect(handoverConsent(withdrawn, target, 'p1', null, TODAY).outcome).toBe(
      'zelfde-organisatie',
    );
    expect(
      handoverConsent(withdrawn, { organisationId: 'g', organisationKind: 'gi' }, 't', 'ots', TODAY)
        .outcome,
    ).toBe('wettelijke-grond');
  });
});

describe('consentProblems', () => {
  const context = {
    members: [child('a', '2018-01-01'), mother],
    today: TODAY,
    organisationKind: null,
  };
  const input = {
    personId: 'm',
    recipientKind: 'aanbieder' as const,
    organisationId: null,
    purpose: 'overdracht',
    status: 'gegeven' as const,
    on: '2026-03-12',
    manner: 'mondeling' as const,
  };
  it('accepts a proper entry', () => {
    expect(consentProblems(input, context)).toEqual([]);
  });
  it('names every field that is wrong', () => {
    const problems = consentProblems(
      { ...input, personId: 'a', purpose: '', on: '2026-03-13', organisationId: 'x' },
      context,
    );
    expect(problems.map((p) => p.path)).toEqual(['persoonId', 'doel', 'datum', 'organisatieId']);
    expect(problems[0]?.message).toContain('jonger dan 12');
  });
  it('refuses an organisation of another kind', () => {
    expect(
      consentProblems({ ...input, organisationId: 'x' }, { ...context, organisationKind: 'gi' })[0]
        ?.path,
    ).toBe('organisatieId');
  });
});

describe('mayRecordConsent', () => {
  const facts = {
    responsibleTeamId: 'team',
    activeRoles: [
      { role: 'casusregie' as const, staffId: 'regisseur', organisationId: 'other-team' },
      { role: 'behandelregie' as const, staffId: null, organisationId: 'provider' },
    ],
  };
  it('lets the responsible team and the casusregisseur record, not the provider', () => {
    const actor = (staffId: string, organisationId: string) => ({
      staffId,
      organisationId,
      roles: ['casusregisseur' as const],
    });
    expect(mayRecordConsent(actor('lead', 'team'), facts).allowed).toBe(true);
    expect(mayRecordConsent(actor('regisseur', 'other-team'), facts).allowed).toBe(true);
    expect(mayRecordConsent(actor('colleague', 'other-team'), facts).allowed).toBe(false);
    expect(mayRecordConsent(actor('planner', 'provider'), facts).allowed).toBe(false);
  });
});
