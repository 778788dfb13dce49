import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { ApiError } from '../errors.js';

/** A rule's explanation by ID, so every deadline and suggestion can link to its "why". */
export const ruleRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/regios',
      {
        schema: {
          summary: 'De regio-profielen waarin casussen kunnen lopen',
          response: { 200: z.array(z.object({ id: z.string(), naam: z.string() })) },
        },
      },
      (request) => {
        requireUser(request);
        return [...deps.profiles.values()].map((p) => ({ id: p.id, naam: p.name }));
      },
    );

    app.get(
      '/regels/:id',
      {
        schema: {
          summary: 'Uitleg van een regel',
          params: z.object({ id: z.string().max(80) }),
          response: {
            200: z.object({
              id: z.string(),
              titel: z.string(),
              soort: z.string(),
              bron: z.string(),
              uitleg: z.string(),
              keuze: z.string().nullable(),
              profielen: z.array(z.string()),
            }),
          },
        },
      },
      (request) => {
        const holders = [...deps.profiles.values()].filter((p) =>
          p.rules.some((r) => r.id === request.params.id),
        );
        const rule = holders[0]?.rules.find((r) => r.id === request.params.id);
        if (!rule) throw new ApiError('not-found', 'Onbekende regel.');
        return {
          id: rule.id,
          titel: rule.title,
          soort: rule.kind,
          bron: `${rule.sourceKey}: ${rule.source}`,
          uitleg: rule.explanation,
          keuze: rule.choice ?? null,
          profielen: holders.map((p) => p.id),
        };
      },
    );
  };
