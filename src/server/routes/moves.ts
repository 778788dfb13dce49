/**
 * A family moves to another municipality over HTTP (issue 7, ZOU-DEC-ENDING step 3): the case's
 * moves, the municipalities and local teams a family can move to, and starting a move. The joint
 * meeting, completion and cancelling go through the warm handover routes the move starts
 * (ZTM-DEC-WARM-HANDOVER). Outsiders get 404, readers who may not assign roles 403.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { worksWithCases } from '../../domain/access/case-access.js';
import { MOVE_RULE } from '../../domain/closure/move.js';
import { caseMoves, moveDestinations, startMove, type MoveView } from '../../store/moves.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { ApiError } from '../errors.js';

const id = z.object({ id: z.string().max(64) });

function present(m: MoveView) {
  return {
    id: m.id,
    status: m.status,
    overdrachtId: m.handoverId,
    van: { regio: m.from.region, lokaalTeam: m.from.team },
    naar: {
      regio: m.to.region,
      gemeente: m.to.municipality,
      lokaalTeam: m.to.team,
      casusregisseur: m.to.regisseur,
    },
    verhuisdatum: m.moveDate,
    reden: m.reason,
    gestartDoor: m.createdBy,
    gestartOp: m.createdAt.toISOString(),
    afgerondOp: m.completedAt?.toISOString() ?? null,
    regel: MOVE_RULE,
  };
}

export const moveRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/verhuizingen',
      {
        schema: {
          summary: 'Verhuizingen van het gezin naar een andere gemeente',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseMoves(deps.db, ctx, request.params.id, deps.clock.now()).catch(
          asBodyError,
        );
        return { verhuizingen: result.moves.map(present), magStarten: result.mayStart };
      },
    );

    app.get(
      '/verhuizing/bestemmingen',
      {
        schema: {
          summary: 'Gemeenten van alle regio’s met hun lokale teams (waarheen een gezin verhuist)',
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        if (!worksWithCases(ctx.actor))
          throw new ApiError('forbidden', 'Alleen wie met casussen werkt, ziet dit overzicht.');
        const destinations = await moveDestinations(deps.db);
        return destinations.map((d) => ({
          id: d.id,
          naam: d.name,
          regio: d.region,
          lokaleTeams: d.teams.map((t) => ({ id: t.id, naam: t.name })),
        }));
      },
    );

    app.post(
      '/casussen/:id/verhuizingen',
      {
        schema: {
          summary:
            'Een verhuizing starten: warme overdracht aan het lokale team van de nieuwe gemeente',
          params: id,
          body: z.strictObject({
            gemeenteId: z.string().max(64),
            lokaalTeamId: z.string().max(64),
            nieuweRegisseur: z.strictObject({ medewerkerId: z.string().max(64) }),
            verhuisdatum: z.iso.date({ error: 'een datum als jjjj-mm-dd' }),
            reden: z.string().trim().max(4000),
            /** GRO-DEC-WERKTOEDELING: why a professional without a valid registration takes over. */
            uitlegZonderRegistratie: z.string().trim().max(4000).nullable().default(null),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const body = request.body;
        const result = await startMove(
          deps.db,
          ctx,
          request.params.id,
          {
            municipalityId: body.gemeenteId,
            teamId: body.lokaalTeamId,
            staffId: body.nieuweRegisseur.medewerkerId,
            moveDate: body.verhuisdatum,
            reason: body.reden,
            unregisteredExplanation: body.uitlegZonderRegistratie,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id, overdrachtId: result.handoverId });
      },
    );
  };
