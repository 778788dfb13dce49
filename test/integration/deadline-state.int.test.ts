/**
 * Deadlines kept in the database (issue 11, ADR 0029), on PGlite and PostgreSQL. The work list
 * must say exactly what a fresh evaluation by the engine says for every visible case — before
 * and after writes, after a profile change, and across midnight without any write — while an
 * event re-evaluates only the case it belongs to. The full recomputation records its progress,
 * finishes, and continues an unfinished run.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile, Rule } from '../../src/domain/rules/index.js';
import {
  recomputeAllDeadlines,
  recomputeReason,
  refreshStaleDeadlines,
  type RecomputeProgress,
} from '../../src/jobs/recompute-deadlines.js';
import { loadProfiles } from '../../src/regions/load.js';
import { profileVersionOf } from '../../src/regions/profile-version.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { latestRecomputeRun, refreshDeadlineStates } from '../../src/store/deadline-state.js';
import type { Database } from '../../src/store/schema.js';
import {
  evaluateCaseRow,
  eventsJson,
  personsJson,
  visibleCaseDeadlines,
} from '../../src/store/work-list.js';
import { addCaseEvent, lekTeam, plainCase } from '../support/deadline-cases.js';
import { engines, freshDatabase } from './databases.js';

const profiles = loadProfiles();
// Friday 20 March 2026, noon in Amsterdam (winter time).
const NOON = new Date('2026-03-20T11:00:00Z');

/** LEK with the ambulant intake shortened from 14 to 7 days: a changed profile. */
function changedProfiles(): Map<string, Profile> {
  const lek = profiles.get('LEK') as Profile;
  const rules = lek.rules.map((r): Rule =>
    r.id === 'LEK-TERM-INTAKE-AMBULANT' && r.kind === 'deadline'
      ? { ...r, value: { amount: 7, unit: 'd' } }
      : r,
  );
  return new Map([...profiles, ['LEK', { ...lek, rules }]]);
}

describe.each(engines)('kept deadlines in the database on %s', (engine) => {
  let opened: OpenDatabase;
  let db: Kysely<Database>;
  let team: string;
  let actor: { staffId: string; organisationId: string; roles: ['casusregisseur'] };
  const ids: Record<string, string> = {};

  async function newCase(region: string, segment: string, events: [string, string][]) {
    const { caseId } = await plainCase(db, team, { region, segment, label: `Gezin ${segment}` });
    for (const [type, at] of events) await addEvent(caseId, type, at);
    return caseId;
  }

  const addEvent = (caseId: string, type: string, at: string) => addCaseEvent(db, caseId, type, at);

  /** A fresh engine evaluation of every open case of the team: the reference. */
  async function engineSays(now: Date, using: ReadonlyMap<string, Profile> = profiles) {
    const rows = await db
      .selectFrom('casus')
      .select([
        'casus.id',
        'casus.region',
        'casus.route',
        'casus.segment',
        'casus.measure',
        'casus.facts',
        personsJson().as('persons'),
        eventsJson().as('events'),
      ])
      .where('casus.closed_at', 'is', null)
      .where('casus.responsible_team_id', '=', team)
      .orderBy('casus.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      pending: evaluateCaseRow(using, row, now)
        .filter((d) => d.status === 'open' || d.status === 'overdue')
        .sort((a, b) => a.due.localeCompare(b.due)),
    }));
  }

  async function workListSays(now: Date, using: ReadonlyMap<string, Profile> = profiles) {
    const cases = await visibleCaseDeadlines(db, actor, using, { bereik: 'team' }, now);
    return cases
      .map((c) => ({ id: c.id, pending: c.pending }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  const states = async () =>
    new Map(
      (
        await db
          .selectFrom('case_deadline_state')
          .select(['case_id', 'revision', 'evaluated_at', 'evaluated_day', 'profile_version'])
          .execute()
      ).map((r) => [
        r.case_id,
        {
          revision: String(r.revision),
          evaluatedAt: new Date(r.evaluated_at).toISOString(),
          day: r.evaluated_day,
          profileVersion: r.profile_version,
        },
      ]),
    );

  /** The status of one rule's pending deadline in a case of the list; undefined when none. */
  const statusOf = (list: Awaited<ReturnType<typeof workListSays>>, id: string, rule: string) =>
    list.find((c) => c.id === id)?.pending.find((d) => d.rule === rule)?.status;

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    db = opened.db;
    team = await lekTeam(db);
    const staff = await db
      .insertInto('staff')
      .values({
        organisation_id: team,
        name: 'Regisseur',
        email: `regisseur-${engine}@kept.nl`,
        password_hash: 'x',
        roles: ['casusregisseur'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    actor = { staffId: staff.id, organisationId: team, roles: ['casusregisseur'] };
    // LEK-TERM-INTAKE-AMBULANT: 14 days; LEK-TERM-INTAKE-CRISIS-AMB: 24 hours.
    ids['overdue'] = await newCase('LEK', 'ambulant', [
      ['aanmelding', '2026-03-02T09:00:00+01:00'],
    ]);
    ids['open'] = await newCase('LEK', 'ambulant', [['aanmelding', '2026-03-10T09:00:00+01:00']]);
    ids['dueToday'] = await newCase('LEK', 'ambulant', [
      ['aanmelding', '2026-03-06T09:00:00+01:00'],
    ]);
    ids['crisis'] = await newCase('LEK', 'crisis-ambulant', [
      ['aanmelding', '2026-03-19T14:00:00+01:00'],
    ]);
    // RIJ-TERM-SUSPEND: resume within 8 weeks, else the entitlement lapses (an effect).
    ids['suspended'] = await newCase('RIJ', 'ambulant', [
      ['aanmelding', '2025-12-01T09:00:00+01:00'],
      ['opschorting', '2026-01-05T09:00:00+01:00'],
    ]);
    ids['closed'] = await newCase('LEK', 'ambulant', [['aanmelding', '2026-03-01T09:00:00+01:00']]);
    await db
      .updateTable('casus')
      .set({ closed_at: new Date('2026-03-12T10:00:00Z') })
      .where('id', '=', ids['closed'] as string)
      .execute();
  });
  afterAll(async () => {
    await opened.close();
  });

  it('keeps a state per visible case on the first read, equal to a fresh evaluation', async () => {
    expect((await states()).size).toBe(0);
    const list = await workListSays(NOON);
    expect(list).toEqual(await engineSays(NOON));
    expect(statusOf(list, ids['overdue'] as string, 'LEK-TERM-INTAKE-AMBULANT')).toBe('overdue');
    expect(statusOf(list, ids['crisis'] as string, 'LEK-TERM-INTAKE-CRISIS-AMB')).toBe('open');
    expect(
      list
        .find((c) => c.id === ids['suspended'])
        ?.pending.find((d) => d.rule === 'RIJ-TERM-SUSPEND'),
    ).toMatchObject({ status: 'overdue', effect: 'recht-vervallen' });
    const kept = await states();
    expect([...kept.keys()].sort()).toEqual(list.map((c) => c.id));
    expect(kept.has(ids['closed'] as string)).toBe(false);
    for (const [id, s] of kept) {
      expect(s.evaluatedAt).toBe(NOON.toISOString());
      expect(s.profileVersion).toBe(
        profileVersionOf(profiles, id === ids['suspended'] ? 'RIJ' : 'LEK'),
      );
    }
  });

  it('turns an hour deadline overdue later that day from the kept state, without the engine', async () => {
    const before = await states();
    // 24 hours after 19 March 14:00 have passed at 15:00 on 20 March.
    const afternoon = new Date('2026-03-20T14:00:00Z');
    const list = await workListSays(afternoon);
    expect(list).toEqual(await engineSays(afternoon));
    expect(statusOf(list, ids['crisis'] as string, 'LEK-TERM-INTAKE-CRISIS-AMB')).toBe('overdue');
    expect(await states()).toEqual(before);
  });

  it('re-evaluates exactly the case an event arrives for', async () => {
    const before = await states();
    await addEvent(ids['open'] as string, 'intake', '2026-03-20T12:30:00+01:00');
    const later = new Date('2026-03-20T14:30:00Z');
    const list = await workListSays(later);
    expect(list).toEqual(await engineSays(later));
    expect(statusOf(list, ids['open'] as string, 'LEK-TERM-INTAKE-AMBULANT')).toBeUndefined();
    const after = await states();
    for (const [id, state] of after) {
      if (id === ids['open']) {
        expect(state.evaluatedAt).toBe(later.toISOString());
        expect(state.revision).not.toBe(before.get(id)?.revision);
      } else expect(state).toEqual(before.get(id));
    }
  });

  it('turns a day deadline overdue after midnight without any write', async () => {
    const evening = new Date('2026-03-20T22:30:00Z'); // 23:30 on Friday
    const night = new Date('2026-03-20T23:30:00Z'); // 00:30 on Saturday
    expect(await workListSays(evening)).toEqual(await engineSays(evening));
    expect(
      statusOf(await workListSays(evening), ids['dueToday'] as string, 'LEK-TERM-INTAKE-AMBULANT'),
    ).toBe('open');
    const list = await workListSays(night);
    expect(list).toEqual(await engineSays(night));
    expect(statusOf(list, ids['dueToday'] as string, 'LEK-TERM-INTAKE-AMBULANT')).toBe('overdue');
    for (const s of (await states()).values()) expect(s.evaluatedAt).toBe(night.toISOString());
  });

  it('follows a changed region profile, re-evaluating only that region', async () => {
    const changed = changedProfiles();
    const at = new Date('2026-03-21T09:00:00Z');
    expect(await workListSays(at, profiles)).toEqual(await engineSays(at, profiles));
    const before = await states();
    const list = await workListSays(at, changed);
    expect(list).toEqual(await engineSays(at, changed));
    // Registered 6 March: 7 days makes the intake due 13 March instead of 20 March.
    expect(
      list
        .find((c) => c.id === ids['dueToday'])
        ?.pending.find((d) => d.rule === 'LEK-TERM-INTAKE-AMBULANT')?.due,
    ).toBe('2026-03-13');
    expect(statusOf(list, ids['dueToday'] as string, 'LEK-TERM-INTAKE-AMBULANT')).toBe('overdue');
    const after = await states();
    expect(after.get(ids['suspended'] as string)).toEqual(before.get(ids['suspended'] as string));
    expect(after.get(ids['dueToday'] as string)?.profileVersion).toBe(
      profileVersionOf(changed, 'LEK'),
    );
    expect(profileVersionOf(changed, 'LEK')).not.toBe(profileVersionOf(profiles, 'LEK'));
  });

  it('never lets an older evaluation overwrite a newer one', async () => {
    const id = ids['overdue'] as string;
    const newer = new Date('2026-03-21T10:00:00Z');
    const older = new Date('2026-03-21T09:30:00Z');
    await refreshDeadlineStates(db, profiles, [id], newer);
    await refreshDeadlineStates(db, profiles, [id], older);
    expect((await states()).get(id)?.evaluatedAt).toBe(newer.toISOString());
  });

  it('sweeps stale cases open ones first, within the limit', async () => {
    const at = new Date('2026-03-23T08:00:00Z'); // Monday: every state is of an earlier day
    const open = (await engineSays(at)).length;
    expect(await refreshStaleDeadlines(db, profiles, at, { limit: open })).toBe(open);
    const kept = await states();
    expect(kept.get(ids['closed'] as string)).toBeUndefined();
    for (const c of await engineSays(at))
      expect(kept.get(c.id)?.evaluatedAt).toBe(at.toISOString());
    expect(await refreshStaleDeadlines(db, profiles, at, { limit: 100 })).toBe(1);
    expect((await states()).get(ids['closed'] as string)?.evaluatedAt).toBe(at.toISOString());
    expect(await refreshStaleDeadlines(db, profiles, at, { limit: 100 })).toBe(0);
  });

  it('recomputes every stale case after a profile change, recording its progress', async () => {
    const changed = changedProfiles();
    const at = new Date('2026-03-23T09:00:00Z');
    const progress: RecomputeProgress[] = [];
    // The job at start sees the changed agreements and names them as the reason.
    expect(await recomputeReason(db, changed, at)).toBe('profielwijziging');
    const run = await recomputeAllDeadlines(db, changed, at, {
      batchSize: 2,
      reason: 'profielwijziging LEK',
      onProgress: (p) => progress.push(p),
    });
    // Every case but the RIJ one is of region LEK (five including the closed one).
    expect(run).toMatchObject({ reason: 'profielwijziging LEK', total: 5, done: 5, failed: 0 });
    expect(run.finishedAt).toEqual(at);
    expect(progress.map((p) => p.done)).toEqual([0, 2, 4, 5, 5]);
    expect(await latestRecomputeRun(db)).toEqual(run);
    expect(await workListSays(at, changed)).toEqual(await engineSays(at, changed));
    for (const [id, s] of await states())
      if (id !== ids['suspended']) expect(s.profileVersion).toBe(profileVersionOf(changed, 'LEK'));

    // Nothing is stale any more: the job records no run, and a run by hand finds no work.
    expect(await recomputeReason(db, changed, at)).toBeNull();
    const again = await recomputeAllDeadlines(db, changed, at, { batchSize: 2 });
    expect(again.id).not.toBe(run.id);
    expect(again).toMatchObject({ total: 0, done: 0 });
  });

  it('continues a run that did not finish instead of starting a second one', async () => {
    const at = new Date('2026-03-23T10:00:00Z');
    // Back to the original profiles: the five LEK cases are stale. A run of them stopped
    // half-way (the process died) after two cases.
    const first = [ids['overdue'], ids['open']] as string[];
    await refreshDeadlineStates(db, profiles, first, at);
    const crashed = await db
      .insertInto('deadline_recompute_run')
      .values({ reason: 'profielwijziging', started_at: at, total: 5, done: 2 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = await states();
    const run = await recomputeAllDeadlines(db, profiles, at, { batchSize: 10 });
    expect(run.id).toBe(crashed.id);
    expect(run).toMatchObject({ total: 5, done: 5, failed: 0 });
    expect(run.finishedAt).not.toBeNull();
    const after = await states();
    for (const id of first) expect(after.get(id)).toEqual(before.get(id));
    expect(await workListSays(at)).toEqual(await engineSays(at));
  });
});
