/**
 * The case revision (migration 0039) and the deadlines kept per revision for the management
 * figures (ADR 0025), on PGlite and PostgreSQL. The revision must move on every change the
 * engine would see — the case row, its events, its household's people — and not on a write
 * that changes nothing; the kept deadlines must equal a fresh evaluation by the engine, at any
 * moment of the day.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../src/domain/time/index.js';
import { loadProfiles } from '../../src/regions/load.js';
import { keptCaseDeadlines, statusAt } from '../../src/store/case-deadlines.js';
import type { OpenDatabase } from '../../src/store/db.js';
import type { Database } from '../../src/store/schema.js';
import { engineRowsOf, evaluateCaseRow } from '../../src/store/engine-rows.js';
import { addCaseEvent, lekTeam, plainCase } from '../support/deadline-cases.js';
import { engines, freshDatabase } from './databases.js';

const profiles = loadProfiles();

describe.each(engines)('case revisions and kept deadlines on %s', (engine) => {
  let opened: OpenDatabase;
  let db: Kysely<Database>;
  let team: string;

  const revision = async (caseId: string) =>
    (
      await db
        .selectFrom('casus')
        .select('revision')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).revision;

  const newCase = (segment = 'ambulant') => plainCase(db, team, { segment });

  const addEvent = (caseId: string, type: string, at: string) => addCaseEvent(db, caseId, type, at);

  /** What the engine says now, read afresh (the reference the kept entries must equal). */
  async function engineSays(caseId: string, now: Date) {
    const [row] = await engineRowsOf(db, [caseId]);
    if (!row) throw new Error(`no case ${caseId}`);
    return evaluateCaseRow(profiles, row, now).map(
      (d) => `${d.rule} ${d.due.slice(0, 10)} ${d.status}`,
    );
  }

  async function kept(caseId: string, evaluatedAt: Date) {
    const entry = (
      await keptCaseDeadlines(
        db,
        profiles,
        [{ id: caseId, revision: await revision(caseId) }],
        evaluatedAt,
      )
    ).get(caseId);
    expect(entry).toBeDefined();
    return entry;
  }

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    db = opened.db;
    team = await lekTeam(db);
  });
  afterAll(async () => {
    await opened.close();
  });

  it('moves the revision on every change the engine reads, and not on an empty write', async () => {
    const { caseId, personId } = await newCase();
    const r0 = await revision(caseId);

    const event = await addEvent(caseId, 'aanmelding', '2026-01-05T09:00:00+01:00');
    const r1 = await revision(caseId);
    expect(r1).not.toBe(r0);

    await db
      .updateTable('person')
      .set({ birth_date: '2015-07-01' })
      .where('id', '=', personId)
      .execute();
    const r2 = await revision(caseId);
    expect(r2).not.toBe(r1);

    await db.updateTable('casus').set({ segment: 'ambulant' }).where('id', '=', caseId).execute();
    expect(await revision(caseId)).toBe(r2); // same value: nothing changed

    await db
      .updateTable('casus')
      .set({ facts: JSON.stringify({ crisis: true }) })
      .where('id', '=', caseId)
      .execute();
    const r3 = await revision(caseId);
    expect(r3).not.toBe(r2);

    // Events are append-only; only the destruction of a record deletes them.
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('casusregie.vernietiging', 'aan', true)`.execute(trx);
      await trx.deleteFrom('case_event').where('id', '=', event.id).execute();
    });
    expect(await revision(caseId)).not.toBe(r3);
  });

  it('a bulk insert of events moves the revision of each case it touches, and only those', async () => {
    const a = await newCase();
    const b = await newCase();
    const c = await newCase();
    const before = {
      a: await revision(a.caseId),
      b: await revision(b.caseId),
      c: await revision(c.caseId),
    };
    await db
      .insertInto('case_event')
      .values(
        [a.caseId, a.caseId, b.caseId].map((caseId) => ({
          case_id: caseId,
          type: 'aanmelding',
          at: new Date('2026-01-05T09:00:00+01:00'),
          child_id: null,
          kind: null,
          date: null,
          note: null,
          recorded_by: null,
        })),
      )
      .execute();
    expect(await revision(a.caseId)).not.toBe(before.a);
    expect(await revision(b.caseId)).not.toBe(before.b);
    expect(await revision(c.caseId)).toBe(before.c);
  });

  it('keeps the engine’s deadlines per revision and derives open or overdue at the moment of reading', async () => {
    const { caseId } = await newCase();
    await addEvent(caseId, 'aanmelding', '2026-01-05T09:00:00+01:00');
    // LEK-TERM-START-AMBULANT: 8 weeks from 5 January = 5 January + 56 days = 2 March 2026.
    const morning = new Date('2026-03-02T08:00:00+01:00');
    const first = await kept(caseId, morning);
    const start = first?.deadlines.find((d) => d.rule === 'LEK-TERM-START-AMBULANT');
    expect(start).toMatchObject({ met: null, dueAt: null });
    expect(start && statusAt(start, morning)).toBe('open');
    expect(first?.firstRegistration).toBe(Date.parse('2026-01-05T09:00:00+01:00'));
    expect(first?.firstHelpStart).toBeNull();

    // Every kept deadline has the status the engine gives, now and later the same day.
    const evening = new Date('2026-03-02T23:30:00+01:00');
    for (const at of [morning, evening]) {
      const entry = await kept(caseId, at);
      expect(entry).toBe(first); // same revision, same day: not evaluated again
      const statuses = (entry?.deadlines ?? []).map(
        (d) => `${d.rule} ${formatIsoDate(d.dueDay)} ${statusAt(d, at)}`,
      );
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses).toEqual(await engineSays(caseId, at));
    }

    // The next day the deadline is overdue; a new day means a fresh evaluation.
    const nextDay = new Date('2026-03-03T09:00:00+01:00');
    const later = await kept(caseId, nextDay);
    expect(later).not.toBe(first);
    const overdue = later?.deadlines.find((d) => d.rule === 'LEK-TERM-START-AMBULANT');
    expect(overdue && statusAt(overdue, nextDay)).toBe('overdue');
    expect(await engineSays(caseId, nextDay)).toContain(
      'LEK-TERM-START-AMBULANT 2026-03-02 overdue',
    );

    // Help starts late (4 March): the revision moves and the kept result follows.
    await addEvent(caseId, 'start-hulp', '2026-03-04T10:00:00+01:00');
    const afterStart = new Date('2026-03-04T12:00:00+01:00');
    const met = (await kept(caseId, afterStart))?.deadlines.find(
      (d) => d.rule === 'LEK-TERM-START-AMBULANT',
    );
    expect(met?.met).toBe('met-late');
    expect(met && statusAt(met, afterStart)).toBe('met-late');
  });

  it('leaves out a case that no longer exists instead of answering from an old entry', async () => {
    const { caseId } = await newCase();
    await addEvent(caseId, 'aanmelding', '2026-01-05T09:00:00+01:00');
    const now = new Date('2026-02-01T09:00:00+01:00');
    await kept(caseId, now);
    const result = await keptCaseDeadlines(db, profiles, [{ id: caseId, revision: 'gone' }], now);
    // A revision the database does not hold: the case is read again; it still exists, so it is there.
    expect(result.get(caseId)?.revision).toBe(await revision(caseId));
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('casusregie.vernietiging', 'aan', true)`.execute(trx);
      await trx.deleteFrom('case_event').where('case_id', '=', caseId).execute();
      await trx.deleteFrom('casus').where('id', '=', caseId).execute();
    });
    const afterDelete = await keptCaseDeadlines(
      db,
      profiles,
      [{ id: caseId, revision: 'gone' }],
      now,
    );
    expect(afterDelete.has(caseId)).toBe(false);
  });
});
