/**
 * Crisis coordination over HTTP (issue 6): calling in the region's crisis team from a case, the
 * crisis team's own list of requests, taking temporary crisiscasusregie, asking the local team
 * for a casusregisseur and handing the regie back. The case routes need access to the case; the
 * crisis team's routes need the `crisismedewerker` role and only reach its own team's requests.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parseIsoDate } from '../../domain/time/index.js';
import {
  askForCasusregisseur,
  caseCrisis,
  crisisQueue,
  handBackCrisis,
  requestCrisisTeam,
  takeCrisis,
  type CrisisView,
} from '../../store/crisis.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const text = (max: number) => z.string().trim().max(max);
const id = z.object({ id: z.string().max(64) });
const isoDate = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, { error: 'geen geldige datum (JJJJ-MM-DD)' });

function present(c: CrisisView) {
  return {
    id: c.id,
    status: c.status,
    crisisteam: { id: c.crisisTeam.id, naam: c.crisisTeam.name },
    reden: c.reason,
    aangevraagdDoor: c.requestedBy,
    aangevraagdOp: c.requestedAt.toISOString(),
    genomenDoor: c.takenBy,
    genomenOp: c.takenAt?.toISOString() ?? null,
    eindeGepland: c.plannedEnd,
    teamGevraagd: c.teamAsked,
    teamGevraagdOp: c.teamAskedAt?.toISOString() ?? null,
    overdracht: c.handover,
    teruggegevenOp: c.handedBackAt?.toISOString() ?? null,
  };
}

export const crisisRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/crisis',
      {
        schema: {
          summary: 'Crisisverzoeken van de casus en de crisisteams van de regio',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseCrisis(deps.db, ctx, request.params.id, deps.clock.now()).catch(
          asBodyError,
        );
        return {
          crises: result.crises.map(present),
          crisisteams: result.crisisTeams.map((t) => ({ id: t.id, naam: t.name })),
          heeftCasusregisseur: result.hasCasusregisseur,
          magCoordineren: result.mayCoordinate,
        };
      },
    );

    app.post(
      '/casussen/:id/crisis',
      {
        schema: {
          summary: 'Het crisisteam inschakelen',
          params: id,
          body: z.strictObject({ crisisteamId: z.string().max(64), reden: text(4000) }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const result = await requestCrisisTeam(
          deps.db,
          ctx,
          request.params.id,
          { crisisTeamId: request.body.crisisteamId, reason: request.body.reden },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/crisis',
      { schema: { summary: 'Openstaande crisisverzoeken aan het eigen crisisteam' } },
      async (request) => {
        const ctx = requireUser(request);
        const list = await crisisQueue(deps.db, ctx).catch(asBodyError);
        return list.map((c) => ({
          ...present(c),
          casusId: c.caseId,
          gezin: c.label,
          regio: c.region,
        }));
      },
    );

    app.post(
      '/crisis/:id/overnemen',
      {
        schema: {
          summary: 'Tijdelijk de crisiscasusregie nemen',
          params: id,
          body: z.strictObject({ eindeGepland: isoDate }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await takeCrisis(
          deps.db,
          ctx,
          request.params.id,
          { plannedEnd: request.body.eindeGepland },
          deps.clock.now(),
        ).catch(asBodyError);
        return { casusregisseurNodig: result.needsCasusregisseur };
      },
    );

    app.post(
      '/crisis/:id/casusregisseur-vragen',
      {
        schema: {
          summary: 'Het lokale team om een casusregisseur vragen',
          params: id,
          body: z.strictObject({
            teamId: z.string().max(64).nullable().default(null),
            toelichting: text(2000),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await askForCasusregisseur(
          deps.db,
          ctx,
          request.params.id,
          { teamId: request.body.teamId, note: request.body.toelichting },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.post(
      '/crisis/:id/teruggeven',
      {
        schema: {
          summary: 'De casusregie teruggeven aan de casusregisseur',
          params: id,
          body: z.strictObject({ overdracht: text(8000) }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await handBackCrisis(
          deps.db,
          ctx,
          request.params.id,
          { handover: request.body.overdracht },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );
  };
