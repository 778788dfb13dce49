/**
 * Requests about the record over HTTP (Jeugdwet 7.3.8-7.3.10; ADR 0019): recording a request for
 * inspection and copy or for destruction, withholding items with a reason, downloading the record
 * as JSON (a versioned structure) or PDF, deciding on destruction; and the privacy officer's list
 * of records whose retention ran out, with one decision per case. Only who may assign roles on
 * the case handles requests (other readers 403, the rest 404); the list is the privacy officer's.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderRecordPdf } from '../../documents/record-pdf.js';
import {
  DESTRUCTION_DECISIONS,
  RECORD_REQUEST_KINDS,
  REFUSAL_GROUND_LABELS,
  REFUSAL_GROUNDS,
  WITHHOLDABLE_KINDS,
} from '../../domain/privacy/record.js';
import {
  decideDestruction,
  decideRetention,
  recordExport,
  recordRecordRequest,
  recordRequests,
  retentionDueList,
  withholdItem,
} from '../../store/record-requests.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const caseParams = z.object({ id: z.string().max(64) });
const requestParams = z.object({ id: z.string().max(64), verzoekId: z.string().max(64) });
const date = z.string().max(10);

export const recordRequestRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/dossierverzoeken',
      {
        schema: {
          summary: 'Verzoeken om inzage, afschrift of vernietiging van het dossier',
          params: caseParams,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const o = await recordRequests(deps.db, ctx, request.params.id, deps.clock.now()).catch(
          asBodyError,
        );
        return {
          personen: o.persons.map((p) => ({
            id: p.id,
            naam: p.name,
            soort: p.kind,
            geboortedatum: p.birthDate,
          })),
          verzoeken: o.requests.map((r) => ({
            id: r.id,
            soort: r.kind,
            persoonId: r.personId,
            persoon: r.personName,
            persoonSoort: r.personKind,
            ontvangenOp: r.receivedOn,
            vastgelegdOp: r.recordedAt.toISOString(),
            vastgelegdDoor: r.recordedBy,
            besluit: r.decision,
            grond: r.refusalGround,
            grondTekst: r.refusalGround ? REFUSAL_GROUND_LABELS[r.refusalGround].text : null,
            regel: r.refusalGround ? REFUSAL_GROUND_LABELS[r.refusalGround].rule : null,
            reden: r.decisionReason,
            besloten: r.decidedAt?.toISOString() ?? null,
            achtergehouden: r.withheld.map((w) => ({
              id: w.id,
              soort: w.kind,
              itemId: w.itemId,
              reden: w.reason,
            })),
          })),
          onderdelen: o.items.map((i) => ({ soort: i.kind, id: i.id, omschrijving: i.label })),
        };
      },
    );

    app.post(
      '/casussen/:id/dossierverzoeken',
      {
        schema: {
          summary: 'Een verzoek om inzage en afschrift, of om vernietiging, vastleggen',
          params: caseParams,
          body: z.strictObject({
            soort: z.enum(RECORD_REQUEST_KINDS),
            persoonId: z.string().max(64),
            ontvangenOp: date,
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const result = await recordRecordRequest(
          deps.db,
          ctx,
          request.params.id,
          { kind: b.soort, personId: b.persoonId, receivedOn: b.ontvangenOp },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id, waarschuwingen: result.warnings });
      },
    );

    app.post(
      '/casussen/:id/dossierverzoeken/:verzoekId/achterhouden',
      {
        schema: {
          summary: 'Een onderdeel buiten het afschrift laten, met de reden (Jeugdwet 7.3.10)',
          params: requestParams,
          body: z.strictObject({
            soort: z.enum(WITHHOLDABLE_KINDS),
            itemId: z.string().max(64),
            reden: z.string().max(4000),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const result = await withholdItem(
          deps.db,
          ctx,
          request.params.id,
          request.params.verzoekId,
          { kind: b.soort, itemId: b.itemId, reason: b.reden },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/casussen/:id/dossierverzoeken/:verzoekId/dossier.json',
      {
        schema: {
          summary: 'Het dossier als machineleesbaar bestand (formaat casusregie-dossier, versie 1)',
          params: requestParams,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const record = await recordExport(
          deps.db,
          ctx,
          request.params.id,
          request.params.verzoekId,
          'json',
          deps.clock.now(),
        ).catch(asBodyError);
        return reply
          .header('content-disposition', `attachment; filename="dossier-${record.casus.id}.json"`)
          .header('cache-control', 'no-store')
          .send(record);
      },
    );

    app.get(
      '/casussen/:id/dossierverzoeken/:verzoekId/dossier.pdf',
      { schema: { summary: 'Het dossier als PDF', params: requestParams } },
      async (request, reply) => {
        const ctx = requireUser(request);
        const record = await recordExport(
          deps.db,
          ctx,
          request.params.id,
          request.params.verzoekId,
          'pdf',
          deps.clock.now(),
        ).catch(asBodyError);
        const pdf = await renderRecordPdf(record);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="dossier-${record.casus.id}.pdf"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );

    app.post(
      '/casussen/:id/dossierverzoeken/:verzoekId/besluit',
      {
        schema: {
          summary: 'Besluiten over een verzoek om vernietiging (Jeugdwet 7.3.9)',
          params: requestParams,
          body: z.strictObject({
            besluit: z.enum(DESTRUCTION_DECISIONS),
            grond: z.enum(REFUSAL_GROUNDS).nullable().optional(),
            reden: z.string().max(4000).nullable().optional(),
          }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const b = request.body;
        const result = await decideDestruction(
          deps.db,
          ctx,
          request.params.id,
          request.params.verzoekId,
          { decision: b.besluit, ground: b.grond ?? null, reason: b.reden ?? null },
          deps.clock.now(),
        ).catch(asBodyError);
        return { vernietigd: result.destroyed };
      },
    );

    app.get(
      '/bewaartermijn',
      {
        schema: {
          summary: 'Dossiers waarvan de bewaartermijn is verstreken (Jeugdwet 7.3.8 lid 3)',
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const list = await retentionDueList(deps.db, ctx).catch(asBodyError);
        return {
          regel: 'Jeugdwet artikel 7.3.8 lid 3',
          dossiers: list.map((r) => ({
            casusId: r.caseId,
            route: r.route,
            laatsteWijziging: r.lastChange,
            vernietigenVanaf: r.dueOn,
            gesignaleerdOp: r.flaggedAt.toISOString(),
            status: r.status,
            redenBewaren: r.keepReason,
            bewarenTot: r.keepUntil,
          })),
        };
      },
    );

    app.post(
      '/bewaartermijn/:id/besluit',
      {
        schema: {
          summary: 'Een dossier na de bewaartermijn vernietigen of langer bewaren',
          params: caseParams,
          body: z.discriminatedUnion('besluit', [
            z.strictObject({ besluit: z.literal('vernietigen') }),
            z.strictObject({
              besluit: z.literal('bewaren'),
              reden: z.string().max(4000),
              bewarenTot: date,
            }),
          ]),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const b = request.body;
        const result = await decideRetention(
          deps.db,
          ctx,
          request.params.id,
          b.besluit === 'vernietigen'
            ? { decision: 'vernietigen' }
            : { decision: 'bewaren', reason: b.reden, until: b.bewarenTot },
          deps.clock.now(),
        ).catch(asBodyError);
        return { vernietigd: result.destroyed };
      },
    );
  };
