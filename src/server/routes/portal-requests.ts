/**
 * What a family member asks for and writes in the family portal over HTTP (issue 10, ADR 0026):
 * the requests on a case (a casusregisseur, inspection or a copy of the record) and their own
 * notes. Only a portal session counts (401 otherwise); another household's case is 404; who may
 * not ask gets 403 and what cannot be asked now 409, both in plain Dutch naming the field.
 * Every read and change is audited by the store.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  addFamilyNote,
  askForCasusregisseur,
  ownFamilyNotes,
  portalRequests,
  requestRecordInPortal,
} from '../../store/portal-requests.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { portalReaderOf } from './portal-reader.js';

const params = z.object({ id: z.string().max(64) });

export const portalRequestRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/portaal/casussen/:id/verzoeken',
      {
        schema: {
          summary:
            'Gezinsportaal: eigen verzoeken bij de casus (casusregisseur, inzage, afschrift) en wat nog kan',
          params,
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const v = await portalRequests(deps.db, reader, request.params.id, now).catch(asBodyError);
        return {
          gezinHeeftCasusregie: v.familyHoldsCasusregie,
          casusregisseurGevraagd: v.casusregisseurRequest
            ? {
                op: v.casusregisseurRequest.at.toISOString(),
                reden: v.casusregisseurRequest.reason,
              }
            : null,
          casusregisseurAfgewezen: v.casusregisseurDeclined
            ? {
                op: v.casusregisseurDeclined.at.toISOString(),
                toelichting: v.casusregisseurDeclined.reason,
              }
            : null,
          casusregisseurVragenKanNiet: v.casusregisseurRefusal,
          dossierverzoeken: v.recordRequests.map((r) => ({
            id: r.id,
            soort: r.kind,
            vorm: r.form,
            ontvangenOp: r.receivedOn,
            status: r.status,
          })),
          dossierVragenKanNiet: v.recordRequestRefusal,
        };
      },
    );

    app.post(
      '/portaal/casussen/:id/casusregisseur-vragen',
      {
        schema: {
          summary: 'Gezinsportaal: het lokaal team om een casusregisseur vragen',
          params,
          body: z.strictObject({ reden: z.string().max(2000).nullish() }),
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        await askForCasusregisseur(
          deps.db,
          reader,
          request.params.id,
          request.body.reden ?? null,
          now,
        ).catch(asBodyError);
        return reply.status(201).send({ gevraagd: now.toISOString() });
      },
    );

    app.post(
      '/portaal/casussen/:id/inzageverzoeken',
      {
        schema: {
          summary:
            'Gezinsportaal: inzage in of een afschrift van het dossier vragen (Jeugdwet 7.3.10)',
          params,
          body: z.strictObject({ soort: z.enum(['inzage', 'afschrift']) }),
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const result = await requestRecordInPortal(
          deps.db,
          reader,
          request.params.id,
          request.body.soort,
          now,
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id, waarschuwingen: result.warnings });
      },
    );

    app.get(
      '/portaal/casussen/:id/notities',
      { schema: { summary: 'Gezinsportaal: mijn eigen notities bij de casus', params } },
      async (request) => {
        const reader = portalReaderOf(request, deps.clock.now());
        const notes = await ownFamilyNotes(deps.db, reader, request.params.id).catch(asBodyError);
        return {
          notities: notes.map((n) => ({
            id: n.id,
            tekst: n.text,
            gedeeld: n.shared,
            gemaaktOp: n.createdAt.toISOString(),
          })),
        };
      },
    );

    app.post(
      '/portaal/casussen/:id/notities',
      {
        schema: {
          summary:
            'Gezinsportaal: een eigen notitie maken, alleen voor mezelf of gedeeld met de casusregisseur',
          params,
          body: z.strictObject({ tekst: z.string().max(4000), gedeeld: z.boolean() }),
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const result = await addFamilyNote(
          deps.db,
          reader,
          request.params.id,
          { text: request.body.tekst, shared: request.body.gedeeld },
          now,
        ).catch(asBodyError);
        return reply.status(201).send(result);
      },
    );
  };
