/**
 * The app under test of bench/scale.ts, in a process of its own: in production the users'
 * browsers do not share the server's event loop, so the load generator must not either (an
 * HTTP client in the same process spends its CPU between the server's requests and counts it as
 * the server's time). Started by scale.ts with `fork`; talks to it over the IPC channel:
 *
 *   → { type: 'capture', on: true }   from now on, keep every statement the app's pg clients send
 *   ← { type: 'capturing' }
 *   → { type: 'capture', on: false }  stop and hand them over
 *   ← { type: 'captured', statements }
 *   → { type: 'timings' }             the app's own time (Fastify's elapsedTime) of each request
 *   ← { type: 'timings', times }      since the last ask
 *   → { type: 'close' }               close the app and the database, then exit
 *
 * At start it sends { type: 'ready', port } once it listens on 127.0.0.1.
 */
import pg from 'pg';
import { loadProfiles } from '../src/regions/load.js';
import { buildApp } from '../src/server/app.js';
import { systemClock } from '../src/server/clock.js';
import { DEFAULT_SECURITY } from '../src/server/security/settings.js';
import { openDatabase } from '../src/store/db.js';

export interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

export type ToServer =
  | { readonly type: 'capture'; readonly on: boolean }
  | { readonly type: 'timings' }
  | { readonly type: 'close' };

export type FromServer =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'capturing' }
  | { readonly type: 'captured'; readonly statements: Statement[] }
  | { readonly type: 'timings'; readonly times: number[] };

const [url, schema] = process.argv.slice(2);
const send = (message: FromServer): void => {
  process.send?.(message);
};

if (process.send && url && schema) {
  let capturing: Statement[] | null = null;
  type Query = (this: pg.Client, ...args: unknown[]) => unknown;
  const clientProto = pg.Client.prototype as unknown as { query: Query };
  const originalQuery = clientProto.query;
  clientProto.query = function (this: pg.Client, ...args: unknown[]) {
    const [text, params] = args;
    if (capturing && typeof text === 'string')
      capturing.push({ text, values: Array.isArray(params) ? [...(params as unknown[])] : [] });
    return originalQuery.apply(this, args);
  };

  const database = await openDatabase({ url, schema });
  const app = await buildApp({
    db: database.db,
    clock: systemClock,
    profiles: loadProfiles(),
    secureCookies: false,
    // 50 users from one address are the point here.
    security: {
      ...DEFAULT_SECURITY,
      loginPerIp: 1_000_000,
      loginPerAccount: 1_000_000,
      apiPerMinute: 1_000_000,
    },
  });
  let times: number[] = [];
  app.addHook('onResponse', async (_request, reply) => {
    times.push(reply.elapsedTime);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');

  process.on('message', (message: ToServer) => {
    if (message.type === 'capture' && message.on) {
      capturing = [];
      send({ type: 'capturing' });
    } else if (message.type === 'capture') {
      send({ type: 'captured', statements: capturing ?? [] });
      capturing = null;
    } else if (message.type === 'timings') {
      send({ type: 'timings', times });
      times = [];
    } else {
      void app
        .close()
        .then(() => database.close())
        .then(() => process.exit(0));
    }
  });
  send({ type: 'ready', port: address.port });
}
