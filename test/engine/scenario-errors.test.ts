/**
 * Scenario validation (issue 2): every problem is a ScenarioError issue with the path of the
 * field that is wrong.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHILD, ev, issuePaths, issuesOf, run, scenario } from './helpers.js';

const NOW = '2026-03-10T12:00:00+01:00';

/** A valid scenario as plain JSON, to break in one place. */
function valid(): Record<string, unknown> & {
  case: Record<string, unknown>;
  events: Record<string, unknown>[];
} {
  return {
    region: 'LEK',
    now: NOW,
    case: { route: 'A', segment: 'ambulant', children: [{ ...DEFAULT_CHILD }] },
    events: [{ type: 'aanmelding', at: '2026-03-02T09:00:00+01:00' }],
  };
}

describe('the baseline is valid', () => {
  it('evaluates', () => {
    expect(run(valid()).region).toBe('LEK');
  });
});

describe('ScenarioError paths', () => {
  it('unknown region → region', () => {
    const issues = issuesOf({ ...valid(), region: 'UTRECHT' });
    expect(issues.map((i) => i.path)).toEqual(['region']);
    expect(issues[0]?.message).toContain('UTRECHT');
  });

  it('unknown event type → events[0].type', () => {
    const input = valid();
    input.events = [{ type: 'koffie', at: '2026-03-02' }];
    expect(issuePaths(input)).toContain('events[0].type');
  });

  it.each(['2026-02-30', '2026-13-01T09:00:00+01:00', 'maandag', '2026-03-02T25:00:00', ''])(
    'malformed event time %j → events[0].at',
    (at) => {
      const input = valid();
      input.events = [{ type: 'aanmelding', at }];
      expect(issuePaths(input)).toContain('events[0].at');
    },
  );

  it.each(['gisteren', '2026-02-29T12:00:00+01:00', '10-03-2026'])(
    'malformed now %j → now',
    (now) => {
      expect(issuePaths({ ...valid(), now })).toContain('now');
    },
  );

  it.each(['2012-02-30', '30-06-2012', '2012-6-30'])(
    'malformed birth date %j → case.children[0].birthDate',
    (birthDate) => {
      const input = valid();
      input.case = { ...input.case, children: [{ id: 'k1', birthDate }] };
      expect(issuePaths(input)).toContain('case.children[0].birthDate');
    },
  );

  it('an event before the birth of the child → events[i].at', () => {
    const input = scenario('LEK', NOW, [
      ev('aanmelding', '2026-03-02'),
      ev('intake', '2012-06-29'),
    ]);
    expect(issuePaths(input)).toEqual(['events[1].at']);
  });

  it('a toekomstplan before the birth of the child it is about → events[i].at', () => {
    const input = scenario('LEK', NOW, [ev('toekomstplan', '2014-01-01', { child: 'k2' })], {
      children: [
        { id: 'k1', birthDate: '2010-01-01' },
        { id: 'k2', birthDate: '2015-01-01' },
      ],
    });
    expect(issuePaths(input)).toEqual(['events[0].at']);
  });

  it('an event after now → events[i].at', () => {
    const input = scenario('LEK', NOW, [
      ev('aanmelding', '2026-03-02'),
      ev('intake', '2026-03-10T12:00:01+01:00'),
    ]);
    expect(issuePaths(input)).toEqual(['events[1].at']);
  });

  it('an event later the same day, written without offset, is after now', () => {
    const input = scenario('LEK', NOW, [ev('aanmelding', '2026-03-10T12:30:00')]);
    expect(issuePaths(input)).toEqual(['events[0].at']);
  });

  it('a birth date after now → case.children[0].birthDate', () => {
    const input = scenario('LEK', NOW, [], { children: [{ id: 'k1', birthDate: '2026-03-11' }] });
    expect(issuePaths(input)).toContain('case.children[0].birthDate');
  });

  it('unknown child reference → events[i].child', () => {
    const input = scenario('LEK', NOW, [
      ev('aanmelding', '2026-03-02'),
      ev('toekomstplan', '2026-03-03', { child: 'k9' }),
    ]);
    const issues = issuesOf(input);
    expect(issues.map((i) => i.path)).toEqual(['events[1].child']);
    expect(issues[0]?.message).toContain('k9');
  });

  it('evaluatie without kind → events[i].kind', () => {
    const input = scenario('ZTM', NOW, [
      ev('aanmelding', '2026-03-02'),
      ev('evaluatie', '2026-03-05'),
    ]);
    expect(issuePaths(input)).toEqual(['events[1].kind']);
  });

  it('evaluatie with an unknown kind → events[i].kind', () => {
    const input = valid();
    input.events = [{ type: 'evaluatie', at: '2026-03-05', kind: 'halverwege' }];
    expect(issuePaths(input)).toContain('events[0].kind');
  });

  it('toekomstplan without child → events[i].child', () => {
    const input = scenario('LEK', NOW, [
      ev('aanmelding', '2026-03-02'),
      ev('toekomstplan', '2026-03-05'),
    ]);
    expect(issuePaths(input)).toEqual(['events[1].child']);
  });

  it('maatregel-einde without its planned end date is rejected', () => {
    const input = scenario('RIJ', NOW, [ev('maatregel-einde', '2026-03-02')], {
      route: 'C',
      measure: 'ots',
    });
    expect(issuePaths(input)).toEqual(['events[0].date']);
  });

  it('missing route → case.route', () => {
    const input = valid();
    input.case = { segment: 'ambulant', children: [{ ...DEFAULT_CHILD }] };
    expect(issuePaths(input)).toEqual(['case.route']);
  });

  it('missing segment → case.segment; missing children → case.children', () => {
    const input = valid();
    input.case = { route: 'A' };
    expect(issuePaths(input).sort()).toEqual(['case.children', 'case.segment']);
  });

  it('an unknown route or segment value is rejected at its path', () => {
    const input = valid();
    input.case = { ...input.case, route: 'D', segment: 'thuis' };
    expect(issuePaths(input).sort()).toEqual(['case.route', 'case.segment']);
  });

  it('unknown fields are rejected (strict objects), naming the field', () => {
    const inCase = valid();
    inCase.case = { ...inCase.case, gemeente: 'Houten' };
    const caseIssues = issuesOf(inCase);
    expect(caseIssues).toHaveLength(1);
    expect(caseIssues[0]?.path).toMatch(/^case(\.gemeente)?$/);
    expect(`${caseIssues[0]?.path} ${caseIssues[0]?.message}`).toContain('gemeente');

    const inEvent = valid();
    inEvent.events = [{ type: 'aanmelding', at: '2026-03-02', door: 'huisarts' }];
    const eventIssues = issuesOf(inEvent);
    expect(eventIssues[0]?.path).toMatch(/^events\[0\](\.door)?$/);
    expect(`${eventIssues[0]?.path} ${eventIssues[0]?.message}`).toContain('door');

    const topLevel = { ...valid(), versie: 2 };
    expect(JSON.stringify(issuesOf(topLevel))).toContain('versie');

    const inCriteria = valid();
    inCriteria.case = { ...inCriteria.case, regieCriteria: { severity: 'licht', ernst: 'hoog' } };
    expect(issuesOf(inCriteria)[0]?.path).toMatch(/^case\.regieCriteria/);

    const inChild = valid();
    inChild.case = { ...inChild.case, children: [{ ...DEFAULT_CHILD, naam: 'Sam' }] };
    expect(issuesOf(inChild)[0]?.path).toMatch(/^case\.children\[0\]/);
  });

  it('a negative count → its path', () => {
    const input = valid();
    input.case = { ...input.case, resultAreas: -1 };
    expect(issuePaths(input)).toEqual(['case.resultAreas']);
  });

  it('two children with the same id are rejected (child references would be ambiguous)', () => {
    const input = valid();
    input.case = { ...input.case, children: [{ ...DEFAULT_CHILD }, { ...DEFAULT_CHILD }] };
    const paths = issuePaths(input);
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatch(/^case\.children/);
  });

  it('reports every problem at once', () => {
    const input = {
      ...valid(),
      region: 'XYZ',
      events: [
        { type: 'aanmelding', at: 'morgen' },
        { type: 'evaluatie', at: '2026-03-05' },
        { type: 'toekomstplan', at: '2026-03-05', child: 'onbekend' },
      ],
    };
    expect(issuePaths(input).sort()).toEqual([
      'events[0].at',
      'events[1].kind',
      'events[2].child',
      'region',
    ]);
  });

  it('rejects input that is not a scenario at all', () => {
    expect(issuesOf(null).length).toBeGreaterThan(0);
    expect(issuesOf('LEK').length).toBeGreaterThan(0);
    expect(issuePaths({})).toEqual(expect.arrayContaining(['region', 'now', 'case']));
  });
});

describe('repeated list entries', () => {
  it.each([
    ['lifeDomains', ['opvoeding', 'wonen', 'opvoeding'], 'case.lifeDomains[2]'],
    ['coSignals', ['draaglast', 'draaglast'], 'case.coSignals[1]'],
    ['supportElements', ['02', '02'], 'case.supportElements[1]'],
  ])('a value listed twice in %s is refused at its second place', (field, values, path) => {
    const input = valid();
    input.case[field] = values;
    expect(issuePaths(input)).toEqual([path]);
  });
});
