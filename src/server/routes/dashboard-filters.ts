/**
 * The choices for the dashboards' filters (issue 9, ADR 0024): `GET /dashboards/filters` lists
 * the municipalities and local teams the reader may narrow the dashboards to — the region's for
 * management and contract managers, the own team for a team lead; anyone else 403. A static path
 * beside `/dashboards/:naam`: the router prefers it over the parameter.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboardFilterOptions } from '../../store/dashboard-filters.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

export const dashboardFilterRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/dashboards/filters',
      {
        schema: {
          summary: 'De gemeenten en lokale teams waarop u de dashboards kunt filteren',
          response: {
            200: z.object({
              niveau: z.enum(['team', 'regio']),
              regio: z.string(),
              gemeenten: z.array(z.object({ id: z.string(), naam: z.string() })),
              teams: z.array(
                z.object({ id: z.string(), naam: z.string(), gemeenteId: z.string().nullable() }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const options = await dashboardFilterOptions(deps.db, ctx).catch(asBodyError);
        return {
          niveau: options.level,
          regio: options.region,
          gemeenten: options.municipalities.map((m) => ({ id: m.id, naam: m.name })),
          teams: options.teams.map((t) => ({
            id: t.id,
            naam: t.name,
            gemeenteId: t.municipalityId,
          })),
        };
      },
    );
  };
