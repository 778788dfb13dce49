/**
 * The notes a family member shared with the casusregisseur in the portal, read-only on the
 * professional side (issue 10, ADR 0026): only the casusregie side of the case (others who read
 * the case get 403, the rest 404). Audited by the store.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sharedFamilyNotes } from '../../store/family-notes.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const params = z.object({ id: z.string().max(64) });

export const familyNoteRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/gezinsnotities',
      {
        schema: {
          summary: 'Notities die het gezin in het gezinsportaal met de casusregisseur deelde',
          params,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const notes = await sharedFamilyNotes(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          notities: notes.map((n) => ({
            id: n.id,
            schrijver: n.writer,
            schrijverSoort: n.writerKind,
            tekst: n.text,
            gemaaktOp: n.createdAt.toISOString(),
          })),
        };
      },
    );
  };
