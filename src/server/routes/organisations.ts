/**
 * The directory a professional needs to hand out a role: organisations (by region and kind)
 * and the case-working staff of one organisation. No case data; only for staff who work with
 * cases.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NON_CASE_ROLES, worksWithCases } from '../../domain/access/case-access.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { ApiError } from '../errors.js';

const ORGANISATION_KINDS = [
  'gemeente',
  'lokaal-team',
  'aanbieder',
  'gi',
  'huisartsenpraktijk',
  'expertteam',
  'crisisteam',
] as const;

export const organisationRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    const requireCaseWorker = (request: Parameters<typeof requireUser>[0]) => {
      const ctx = requireUser(request);
      if (!worksWithCases(ctx.actor))
        throw new ApiError('forbidden', 'Alleen wie met casussen werkt, ziet dit overzicht.');
      return ctx;
    };

    app.get(
      '/organisaties',
      {
        schema: {
          summary: 'Organisaties, per regio en soort',
          querystring: z.strictObject({
            regio: z.string().max(40).optional(),
            soort: z.enum(ORGANISATION_KINDS).optional(),
          }),
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                naam: z.string(),
                soort: z.string(),
                regio: z.string(),
                /** AGB code (providers, practices) or CBS code (municipalities): public directory data. */
                code: z.string().nullable(),
              }),
            ),
          },
        },
      },
      async (request) => {
        requireCaseWorker(request);
        let query = deps.db
          .selectFrom('organisation')
          .select(['id', 'name', 'kind', 'region', 'agb_code'])
          .orderBy('region')
          .orderBy('name');
        if (request.query.regio) query = query.where('region', '=', request.query.regio);
        if (request.query.soort) query = query.where('kind', '=', request.query.soort);
        const rows = await query.execute();
        return rows.map((r) => ({
          id: r.id,
          naam: r.name,
          soort: r.kind,
          regio: r.region,
          code: r.agb_code,
        }));
      },
    );

    app.get(
      '/organisaties/:id/medewerkers',
      {
        schema: {
          summary: 'De medewerkers van een organisatie die met casussen werken',
          params: z.object({ id: z.string().max(64) }),
          response: {
            200: z.array(
              z.object({ id: z.string(), naam: z.string(), rollen: z.array(z.string()) }),
            ),
          },
        },
      },
      async (request) => {
        requireCaseWorker(request);
        if (!/^[0-9a-f-]{36}$/i.test(request.params.id))
          throw new ApiError('not-found', 'Organisatie niet gevonden.');
        const organisation = await deps.db
          .selectFrom('organisation')
          .select('id')
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!organisation) throw new ApiError('not-found', 'Organisatie niet gevonden.');
        const staff = await deps.db
          .selectFrom('staff')
          .select(['id', 'name', 'roles'])
          .where('organisation_id', '=', request.params.id)
          .where('active', '=', true)
          .orderBy('name')
          .execute();
        return staff
          .filter((s) => s.roles.some((r) => !(NON_CASE_ROLES as readonly string[]).includes(r)))
          .map((s) => ({ id: s.id, naam: s.name, rollen: s.roles }));
      },
    );
  };
