/**
 * Readiness for a load balancer or proxy (docs/deployment.md): `GET /api/v1/gereed` answers 200
 * while this instance can reach its primary database, and 503 otherwise, so the proxy sends no
 * users to an instance that cannot serve them. No session and no audit: it reveals nothing but
 * "up", and probes every few seconds would flood the audit log.
 */
import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { ApiError } from '../errors.js';

/** A probe that waits longer than this counts as a failure (a hung database is not ready). */
const PING_TIMEOUT_MS = 2_000;

export const readinessRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/gereed',
      {
        schema: {
          summary: 'Of deze instantie verzoeken kan afhandelen (de database is bereikbaar)',
          response: { 200: z.object({ status: z.literal('gereed') }) },
        },
      },
      async (request) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
        });
        try {
          await Promise.race([sql`select 1`.execute(deps.db), timeout]);
        } catch (error) {
          request.log.warn({ err: error }, 'readiness: database unreachable');
          throw new ApiError('unavailable', 'De database is niet bereikbaar.');
        } finally {
          clearTimeout(timer);
        }
        return { status: 'gereed' as const };
      },
    );
  };
