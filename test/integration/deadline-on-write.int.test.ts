/**
 * Issue 11: deadlines are kept up to date when events arrive. Every write gives the case a new
 * revision (migration 0039), a trigger queues the case (migration 0055), and right after a
 * successful write the application evaluates the queued cases, so the kept row follows the
 * write without any reader or background job. On PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { engineRowsOf, evaluateCaseRow } from '../../src/store/engine-rows.js';
import { createOrganisation } from '../factories.js';
import { Client, routeARequest, staffAccount } from './api-client.js';
import { engines, freshDatabase } from './databases.js';

// Friday 20 March 2026, noon in Amsterdam.
const NOW = new Date('2026-03-20T11:00:00Z');
const profiles = loadProfiles();

describe.each(engines)('deadlines kept on write on %s', (engine) => {
  let opened: OpenDatabase;
  let app: FastifyInstance;
  let client: Client;

  beforeAll(async () => {
    opened = await freshDatabase(engine);
    app = await buildApp({
      db: opened.db,
      clock: { now: () => NOW },
      profiles,
      secureCookies: false,
    });
    const team = await createOrganisation(opened.db, 'lokaal-team');
    await staffAccount(opened, team, ['casusregisseur'], `w-${engine}@kept.nl`);
    client = new Client(app);
    await client.login(`w-${engine}@kept.nl`);
  });
  afterAll(async () => {
    await app.close();
    await opened.close();
  });

  /** The kept row and the case's revision, once the write's after-work has finished. */
  const kept = async (caseId: string) => {
    // The evaluation runs after the answer went out; give it the moment it needs.
    for (let i = 0; i < 50; i++) {
      const row = await opened.db
        .selectFrom('casus')
        .leftJoin('case_deadline_state as k', 'k.case_id', 'casus.id')
        .select(['casus.revision', 'k.revision as keptRevision', 'k.pending'])
        .where('casus.id', '=', caseId)
        .executeTakeFirstOrThrow();
      if (row.keptRevision !== null && String(row.keptRevision) === String(row.revision))
        return row;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('de termijnen van de casus zijn na het schrijven niet bijgewerkt');
  };

  const fresh = async (caseId: string) => {
    const [row] = await engineRowsOf(opened.db, [caseId]);
    if (!row) throw new Error(`no case ${caseId}`);
    return evaluateCaseRow(profiles, row, NOW)
      .filter((d) => d.status === 'open' || d.status === 'overdue')
      .map((d) => d.rule)
      .sort();
  };

  it('keeps a registered case and a recorded event without a read, and empties the queue', async () => {
    // LEK, ambulant: the intake is due 14 days after registration (LEK-TERM-INTAKE-AMBULANT).
    const res = await client.request(
      'POST',
      '/api/v1/casussen',
      routeARequest({ gezin: { naam: 'Gezin Schrijf' }, aangemeldOp: '2026-03-10T10:00:00+01:00' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    const first = await kept(id);
    const rules = (first.pending as { result: { rule: string } }[]).map((k) => k.result.rule);
    expect(rules).toContain('LEK-TERM-INTAKE-AMBULANT');
    expect([...rules].sort()).toEqual(await fresh(id));

    // The intake takes place: the intake deadline is met, so it is no longer pending.
    const event = await client.request('POST', `/api/v1/casussen/${id}/gebeurtenissen`, {
      type: 'intake',
      op: '2026-03-18T10:00:00+01:00',
    });
    expect(event.statusCode, event.body).toBe(201);
    const second = await kept(id);
    expect(String(second.revision)).not.toBe(String(first.revision));
    const after = (second.pending as { result: { rule: string } }[]).map((k) => k.result.rule);
    expect(after).not.toContain('LEK-TERM-INTAKE-AMBULANT');
    expect([...after].sort()).toEqual(await fresh(id));

    const queued = await opened.db.selectFrom('deadline_dirty').select('case_id').execute();
    expect(queued).toEqual([]);
  });
});
