/**
 * The family's request for a casusregisseur (made in the portal, issue 10) as the local team
 * sees and answers it on the case page: read by whoever may read the case; declined, with an
 * explanation the family reads, by whoever may assign roles (others who read the case get 403,
 * the rest 404). Taking casusregie over is the ordinary role assignment. Audited by the store.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  declineCasusregisseurRequest,
  staffCasusregisseurRequest,
} from '../../store/portal-requests.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const params = z.object({ id: z.string().max(64) });

export const casusregisseurRequestRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/casusregisseur-verzoek',
      {
        schema: {
          summary: 'Het verzoek van het gezin om een casusregisseur, als dat openstaat',
          params,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const v = await staffCasusregisseurRequest(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          gezinHeeftCasusregie: v.familyHoldsCasusregie,
          open: v.open && { op: v.open.at.toISOString(), reden: v.open.reason },
          afgewezen: v.declined && {
            op: v.declined.at.toISOString(),
            toelichting: v.declined.reason,
          },
          magBeantwoorden: v.mayAnswer,
        };
      },
    );

    app.post(
      '/casussen/:id/casusregisseur-verzoek/afwijzing',
      {
        schema: {
          summary:
            'Het verzoek van het gezin om een casusregisseur afwijzen, met uitleg voor het gezin',
          params,
          body: z.strictObject({ toelichting: z.string().max(4000) }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await declineCasusregisseurRequest(
          deps.db,
          ctx,
          request.params.id,
          request.body.toelichting,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ afgewezen: true });
      },
    );
  };
