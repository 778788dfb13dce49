/**
 * A small fixed world for the management information tests (issue 9, ADR 0024): the app on a
 * fresh database at a fixed time, organisations and logged-in staff by a short key, and
 * families whose cases, casusregie and events a test counts by hand.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { loadProfiles } from '../../src/regions/load.js';
import { buildApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/db.js';
import { Client, staffAccount } from '../integration/api-client.js';
import { freshDatabase } from '../integration/databases.js';

export interface MiWorld {
  readonly opened: OpenDatabase;
  readonly app: FastifyInstance;
  /** The id of the organisation or staff member with this key. */
  id(key: string): string;
  /** The logged-in client of the staff member with this key. */
  as(who: string): Client;
  /** An organisation, kept under `key`. */
  org(
    key: string,
    kind: 'gemeente' | 'lokaal-team' | 'aanbieder',
    name: string,
    region: string,
    parent?: string,
  ): Promise<string>;
  /**
   * Staff members `<who>-<engine>@<domain>`, each logged in and kept under `who`; with
   * `nameAfterKey`, named `who` (as tables per person show them).
   */
  staff(
    accounts: readonly (readonly [who: string, organisationId: string, roles: string[]])[],
    domain: string,
    options?: { readonly nameAfterKey?: boolean },
  ): Promise<void>;
  /**
   * Family `n` in LEK: a route A (or B) case of `team`, ambulant, registered by it, casusregie
   * with `regisseur` from `registered`; events `aanmelding` on `registered` and `start-hulp` on
   * `helpStarted` (09:00 each).
   */
  familyCase(
    n: number,
    team: string,
    regisseur: string,
    referrer: 'huisarts' | 'jeugdarts' | null,
    registered: string,
    helpStarted: string | null,
    route?: 'A' | 'B',
  ): Promise<void>;
  close(): Promise<void>;
}

export async function miWorld(engine: 'pglite' | 'postgres', now: Date): Promise<MiWorld> {
  const opened = await freshDatabase(engine);
  const app = await buildApp({
    db: opened.db,
    clock: { now: () => now },
    profiles: loadProfiles(),
    secureCookies: false,
  });
  const ids = new Map<string, string>();
  const clients = new Map<string, Client>();
  const id = (key: string) => ids.get(key) as string;
  return {
    opened,
    app,
    id,
    as: (who) => clients.get(who) as Client,
    async org(key, kind, name, region, parent) {
      const row = await opened.db
        .insertInto('organisation')
        .values({ kind, name, region, agb_code: null, parent_id: parent ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(key, row.id);
      return row.id;
    },
    async staff(accounts, domain, options = {}) {
      for (const [who, organisation, roles] of accounts) {
        const email = `${who}-${engine}@${domain}`;
        ids.set(who, await staffAccount(opened, organisation, roles, email));
        if (options.nameAfterKey)
          await opened.db
            .updateTable('staff')
            .set({ name: who })
            .where('id', '=', id(who))
            .execute();
        const c = new Client(app);
        expect((await c.login(email)).statusCode).toBe(200);
        clients.set(who, c);
      }
    },
    async familyCase(n, team, regisseur, referrer, registered, helpStarted, route = 'A') {
      const household = await opened.db
        .insertInto('household')
        .values({ label: `Gezin ${n}`, region: 'LEK' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const c = await opened.db
        .insertInto('casus')
        .values({
          household_id: household.id,
          region: 'LEK',
          route,
          segment: 'ambulant',
          measure: null,
          step: '1',
          responsible_team_id: team,
          registered_by_org_id: team,
          referrer_type: referrer,
          referrer_code: null,
          court_order_date: null,
          facts: JSON.stringify({}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await opened.db
        .insertInto('case_role')
        .values({
          case_id: c.id,
          role: 'casusregie',
          holder: 'professional',
          organisation_id: team,
          staff_id: regisseur,
          starts_at: new Date(`${registered}T09:00:00+01:00`),
          ends_at: null,
          reason: null,
          created_by: null,
        })
        .execute();
      const events = [{ type: 'aanmelding', at: registered }];
      if (helpStarted) events.push({ type: 'start-hulp', at: helpStarted });
      for (const e of events)
        await opened.db
          .insertInto('case_event')
          .values({
            case_id: c.id,
            type: e.type,
            at: new Date(`${e.at}T09:00:00+01:00`),
            child_id: null,
            kind: null,
            date: null,
            note: null,
            recorded_by: null,
          })
          .execute();
    },
    close: async () => {
      await app.close();
      await opened.close();
    },
  };
}
