/**
 * Start and stop of care across messages: the cross-message technical rules of iJw 3.2 on
 * JW305 and JW307 (TR019, TR063, TR069, TR071, TR074, TR326, TR413, TR414, TR415), and the
 * correction by delete-and-resend of IV008.
 */
import { describe, expect, it } from 'vitest';
import { allocationState, checkCareLines, type CareLine, type IncomingLine } from './index.js';

const PROVIDER = '98000001';
const allocations = new Map([
  ['300001', { provider: PROVIDER }],
  ['300002', { provider: '98000002' }],
]);

const start = (begin: string, overrides: Partial<IncomingLine> = {}): IncomingLine => ({
  kind: 'start',
  allocation: '300001',
  product: '45/45A03',
  begin,
  end: null,
  reason: null,
  status: '1',
  ...overrides,
});
const stop = (begin: string, end: string, reason: string, overrides: Partial<IncomingLine> = {}) =>
  start(begin, { kind: 'stop', end, reason, ...overrides });
const line = ({ status: _status, ...l }: IncomingLine): CareLine => l;

const check = (history: CareLine[], incoming: IncomingLine[]) =>
  checkCareLines(history, incoming, allocations, PROVIDER);
const rules = (history: CareLine[], incoming: IncomingLine[]) =>
  check(history, incoming).problems.map((p) => `${p.rule} ${p.code}`);

describe('starts (JW305)', () => {
  it('a first start starts the allocation', () => {
    const out = check([], [start('2026-04-01')]);
    expect(out.problems).toEqual([]);
    expect(out.effects.map((e) => e.change)).toEqual(['start']);
    expect(allocationState(out.history, '300001')).toBe('gestart');
  });

  it('TR019: the allocation must exist and belong to the sender', () => {
    expect(rules([], [start('2026-04-01', { allocation: '399999' })])).toEqual(['TR019 9019']);
    expect(rules([], [start('2026-04-01', { allocation: '300002' })])).toEqual(['TR019 9019']);
  });

  it('TR074: the same start twice is refused', () => {
    expect(rules([line(start('2026-04-01'))], [start('2026-04-01')])).toEqual(['TR074 9074']);
    // Within one message too, and then nothing at all is applied.
    const out = check([], [start('2026-04-01'), start('2026-04-01')]);
    expect(out.problems.map((p) => p.rule)).toEqual(['TR074']);
    expect(out.effects).toEqual([]);
    expect(out.history).toEqual([]);
  });

  it('TR326: no second start while the first has not been stopped', () => {
    const problems = check([line(start('2026-04-01'))], [start('2026-05-01')]).problems;
    expect(problems.map((p) => p.rule)).toEqual(['TR326']);
    expect(problems[0]?.message).toContain('2026-04-01');
  });

  it('after a temporary stop (reason 20) a new start resumes the help', () => {
    const history = [line(start('2026-04-01')), line(stop('2026-04-01', '2026-05-10', '20'))];
    expect(allocationState(history, '300001')).toBe('opgeschort');
    const out = check(history, [start('2026-06-01')]);
    expect(out.problems).toEqual([]);
    expect(out.effects.map((e) => e.change)).toEqual(['resume']);
    expect(allocationState(out.history, '300001')).toBe('gestart');
  });

  it('IV008: a wrong start is deleted and sent again with the right date in one message', () => {
    const out = check(
      [line(start('2026-04-01'))],
      [start('2026-04-01', { status: '3' }), start('2026-04-03')],
    );
    expect(out.problems).toEqual([]);
    expect(out.effects.map((e) => e.change)).toEqual(['start-deleted', 'start']);
    expect(out.history.map((l) => l.begin)).toEqual(['2026-04-03']);
  });

  it('TR063: deleting a start that never came is refused', () => {
    expect(rules([], [start('2026-04-01', { status: '3' })])).toEqual(['TR063 9063']);
  });

  it('TR071: a stopped start cannot be deleted', () => {
    const history = [line(start('2026-04-01')), line(stop('2026-04-01', '2026-07-01', '31'))];
    expect(rules(history, [start('2026-04-01', { status: '3' })])).toEqual(['TR071 9071']);
  });

  it('deleting the only start makes the allocation not started again', () => {
    const out = check([line(start('2026-04-01'))], [start('2026-04-01', { status: '3' })]);
    expect(allocationState(out.history, '300001')).toBe('toegewezen');
  });
});

describe('stops (JW307)', () => {
  const started = [line(start('2026-04-01'))];

  it('a stop ends the start with the same key', () => {
    const out = check(started, [stop('2026-04-01', '2026-07-17', '31')]);
    expect(out.problems).toEqual([]);
    expect(out.effects.map((e) => e.change)).toEqual(['stop']);
    expect(allocationState(out.history, '300001')).toBe('gestopt');
  });

  it('TR069: a stop needs a start with the same allocation, product and start date', () => {
    expect(rules(started, [stop('2026-04-02', '2026-07-17', '31')])).toEqual(['TR069 9069']);
    expect(
      rules(started, [stop('2026-04-01', '2026-07-17', '31', { product: '45/45A04' })]),
    ).toEqual(['TR069 9069']);
    expect(rules([], [stop('2026-04-01', '2026-07-17', '31')])).toEqual(['TR069 9069']);
  });

  it('TR415: no second stop after a definitive one', () => {
    const stopped = [...started, line(stop('2026-04-01', '2026-07-17', '31'))];
    expect(rules(stopped, [stop('2026-04-01', '2026-08-01', '31')])).toEqual(['TR415 9415']);
  });

  it('TR413 and TR414: a temporary stop becomes definitive only with an end not earlier', () => {
    const paused = [...started, line(stop('2026-04-01', '2026-05-10', '20'))];
    expect(rules(paused, [stop('2026-04-01', '2026-06-01', '20')])).toEqual(['TR413 9413']);
    expect(rules(paused, [stop('2026-04-01', '2026-05-09', '31')])).toEqual(['TR414 9414']);
    const out = check(paused, [stop('2026-04-01', '2026-05-10', '31')]);
    expect(out.problems).toEqual([]);
    expect(allocationState(out.history, '300001')).toBe('gestopt');
    expect(out.history.filter((l) => l.kind === 'stop')).toHaveLength(1);
  });

  it('TR063: deleting a stop that never came is refused; deleting one restarts the care', () => {
    expect(rules(started, [stop('2026-04-01', '2026-07-17', '31', { status: '3' })])).toEqual([
      'TR063 9063',
    ]);
    const stopped = [...started, line(stop('2026-04-01', '2026-07-17', '31'))];
    const out = check(stopped, [stop('2026-04-01', '2026-07-17', '31', { status: '3' })]);
    expect(out.effects.map((e) => e.change)).toEqual(['stop-deleted']);
    expect(allocationState(out.history, '300001')).toBe('gestart');
  });

  it('every wrong line is reported, not only the first', () => {
    expect(
      rules(started, [
        stop('2026-04-02', '2026-07-17', '31'),
        stop('2026-04-01', '2026-07-17', '31', { allocation: '399999' }),
      ]),
    ).toEqual(['TR069 9069', 'TR019 9019']);
  });
});

describe('a lapsed entitlement (RIJ-TERM-SUSPEND)', () => {
  it('refuses a restart on an allocation whose suspension lapsed, with 9019', () => {
    const suspended = [line(start('2026-03-02')), line(stop('2026-03-02', '2026-03-09', '20'))];
    const lapsed = new Map([['300001', { provider: PROVIDER, lapsed: true }]]);
    const out = checkCareLines(suspended, [start('2026-05-11')], lapsed, PROVIDER);
    expect(out.problems.map((p) => `${p.rule} ${p.code}`)).toEqual(['TR019 9019']);
    expect(out.problems[0]?.message).toContain('RIJ-TERM-SUSPEND');
    // Within the limit (not lapsed) the same restart resumes the help.
    expect(check(suspended, [start('2026-04-20')]).effects.map((e) => e.change)).toEqual([
      'resume',
    ]);
  });
});
