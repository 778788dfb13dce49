import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce, slotDate, slotText } from '../../src/store/compiled.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { createOrganisation } from '../factories.js';
import { engines, freshDatabase } from './databases.js';

describe.each(engines)('statements compiled once on %s', (engine) => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await freshDatabase(engine);
  });
  afterAll(() => opened.close());

  it('runs with each call its own values in the placeholders, the constants kept', async () => {
    const { db } = opened;
    const a = await createOrganisation(db, 'lokaal-team', 'LEK');
    const b = await createOrganisation(db, 'aanbieder', 'RIJ');
    const byId = compiledOnce([slotText('id'), slotDate()] as const, (q, id, at) =>
      q
        .selectFrom('organisation')
        .select(['id', 'region', sql<boolean>`${at}::timestamptz < now()`.as('past')])
        .where('id', '=', id)
        .where('kind', '!=', 'gemeente'),
    );
    expect(await byId(db, a, new Date('2020-01-01T00:00:00Z'))).toEqual([
      { id: a, region: 'LEK', past: true },
    ]);
    expect(await byId(db, b, new Date('2999-01-01T00:00:00Z'))).toEqual([
      { id: b, region: 'RIJ', past: false },
    ]);
    // Inside a transaction as well.
    const inTrx = await db.transaction().execute((trx) => byId(trx, a, new Date(0)));
    expect(inTrx.map((r) => r.id)).toEqual([a]);
  });

  it('refuses a builder that does not turn a placeholder into a parameter', async () => {
    const inlined = compiledOnce([slotText('kind')] as const, (q, kind) =>
      q.selectFrom('organisation').select('id').where('name', '=', sql.lit(kind)),
    );
    await expect(inlined(opened.db, 'aanbieder')).rejects.toThrow(/slot/);
  });
});
