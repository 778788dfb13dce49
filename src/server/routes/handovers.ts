/**
 * Warm handover of casusregie over HTTP (issue 7, ZTM-DEC-WARM-HANDOVER): the case's handovers,
 * starting one, recording a joint meeting with the family, completing (refused with the reason
 * until such a meeting is recorded) and cancelling. Every route checks access to the case:
 * outsiders get 404, readers who may not act 403.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parseInstant } from '../../domain/time/index.js';
import {
  cancelHandover,
  caseHandovers,
  completeHandover,
  recordHandoverMeeting,
  startHandover,
  type HandoverView,
} from '../../store/handovers.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const text = (max: number) => z.string().trim().max(max);
const id = z.object({ id: z.string().max(64) });
const instant = z.string().refine((v) => parseInstant(v) !== null, {
  error: 'geen geldig tijdstip, bijv. 2026-03-02T09:00:00+01:00',
});

function present(h: HandoverView) {
  return {
    id: h.id,
    status: h.status,
    van: { houder: h.from.holder, medewerker: h.from.staff, organisatie: h.from.organisation },
    naar: {
      medewerkerId: h.to.staffId,
      medewerker: h.to.staff,
      organisatieId: h.to.organisationId,
      organisatie: h.to.organisation,
    },
    reden: h.reason,
    gestartDoor: h.startedBy,
    gestartOp: h.startedAt.toISOString(),
    beeindigdOp: h.endedAt?.toISOString() ?? null,
    redenAnnulering: h.cancelReason,
    gesprekken: h.meetings.map((m) => ({
      id: m.id,
      gehoudenOp: m.heldAt.toISOString(),
      aanwezig: {
        oudeRegisseur: m.oldRegisseurPresent,
        nieuweRegisseur: m.newRegisseurPresent,
        gezinsleden: m.familyPresent.map((p) => ({ id: p.id, naam: p.name })),
        anderen: m.others,
      },
      verslag: m.summary,
      vastgelegdDoor: m.recordedBy,
    })),
    afronden: h.completion
      ? {
          mogelijk: h.completion.possible,
          ontbreekt: h.completion.missing,
          reden: h.completion.message,
          regel: 'ZTM-DEC-WARM-HANDOVER',
        }
      : null,
    toestemming: h.consent ? { stand: h.consent.state, melding: h.consent.message } : null,
  };
}

export const handoverRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/overdrachten-regie',
      {
        schema: {
          summary: 'Warme overdrachten van de casusregie van een casus',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseHandovers(deps.db, ctx, request.params.id, deps.clock.now()).catch(
          asBodyError,
        );
        return {
          overdrachten: result.handovers.map(present),
          huidigeCasusregie: result.current
            ? {
                houder: result.current.holder,
                medewerkerId: result.current.staffId,
                organisatieId: result.current.organisationId,
              }
            : null,
          magStarten: result.mayStart,
          magGesprekVastleggen: result.mayRecordMeeting,
          magBeslissen: result.mayDecide,
        };
      },
    );

    app.post(
      '/casussen/:id/overdrachten-regie',
      {
        schema: {
          summary: 'Een warme overdracht van de casusregie starten',
          params: id,
          body: z.strictObject({
            nieuweRegisseur: z.strictObject({
              medewerkerId: z.string().max(64),
              organisatieId: z.string().max(64),
            }),
            reden: text(4000),
            uitlegZonderRegistratie: text(4000).nullable().default(null),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const result = await startHandover(
          deps.db,
          ctx,
          request.params.id,
          {
            newStaffId: request.body.nieuweRegisseur.medewerkerId,
            newOrganisationId: request.body.nieuweRegisseur.organisatieId,
            reason: request.body.reden,
            unregisteredExplanation: request.body.uitlegZonderRegistratie,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send(result);
      },
    );

    app.post(
      '/regie-overdrachten/:id/gesprekken',
      {
        schema: {
          summary: 'Het gezamenlijke gesprek met het gezin vastleggen',
          params: id,
          body: z.strictObject({
            gehoudenOp: instant,
            aanwezig: z.strictObject({
              oudeRegisseur: z.boolean(),
              nieuweRegisseur: z.boolean(),
              gezinsleden: z.array(z.string().max(64)).max(30),
              anderen: text(1000).nullable().default(null),
            }),
            verslag: text(8000),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const { aanwezig } = request.body;
        const result = await recordHandoverMeeting(
          deps.db,
          ctx,
          request.params.id,
          {
            heldAt: new Date(parseInstant(request.body.gehoudenOp) ?? 0),
            oldRegisseurPresent: aanwezig.oudeRegisseur,
            newRegisseurPresent: aanwezig.nieuweRegisseur,
            familyPresent: aanwezig.gezinsleden,
            others: aanwezig.anderen,
            summary: request.body.verslag,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply
          .status(201)
          .send({ id: result.id, afrondenMogelijk: result.completionPossible });
      },
    );

    app.post(
      '/regie-overdrachten/:id/afronden',
      {
        schema: {
          summary: 'De overdracht afronden: de casusregie gaat over',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await completeHandover(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return { rolId: result.roleId };
      },
    );

    app.post(
      '/regie-overdrachten/:id/annuleren',
      {
        schema: {
          summary: 'De overdracht annuleren',
          params: id,
          body: z.strictObject({ reden: text(4000) }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await cancelHandover(
          deps.db,
          ctx,
          request.params.id,
          { reason: request.body.reden },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );
  };
