/**
 * Anonymised views of a case over HTTP (issue 8; ADR 0021; DOMAIN.md section 10; RIJ route C,
 * item c). Everyone who reads the case sees its views; whoever may assign roles generates one,
 * edits its free texts, confirms the check and records it as shared (409 before the check).
 * Readers who may not do that get 403, outsiders 404.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ANONYMISED_VIEW_SOURCE, DEFAULT_TIMELINE_LENGTH } from '../../domain/privacy/anonymise.js';
import {
  caseAnonymisedViews,
  editAnonymisedView,
  generateAnonymisedView,
  reviewAnonymisedView,
  shareAnonymisedView,
  type StoredView,
} from '../../store/anonymised-views.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const text = (max: number) => z.string().max(max);
const caseParams = z.object({ id: z.string().max(64) });
const viewParams = z.object({ id: z.string().max(64), weergaveId: z.string().max(64) });

const present = (v: StoredView) => ({
  id: v.id,
  doel: v.purpose,
  ontvanger: v.recipient,
  status: v.status,
  weergave: {
    regio: v.view.region,
    gemeente: v.view.municipality,
    route: v.view.route,
    segment: v.view.segment,
    maatregel: v.view.measure,
    stap: v.view.step,
    zwaarteRegie: v.view.regieWeight,
    leeftijden: v.view.ages,
    huishouden: v.view.household,
    plansoort: v.view.planKind,
    doelen: v.view.goals.map((g) => ({
      resultaatgebied: g.resultArea,
      omschrijving: g.description,
      meetbaar: g.measurableTarget,
      streefmaand: g.targetMonth,
      voortgang: g.progress,
    })),
    tijdlijn: v.view.timeline.map((e) => ({ type: e.type, maand: e.month, notitie: e.note })),
    vraag: v.view.question,
  },
  tekst: v.text,
  gemaaktDoor: v.createdBy,
  gemaaktOp: v.createdAt.toISOString(),
  bewerktDoor: v.editedBy,
  bewerktOp: v.editedAt?.toISOString() ?? null,
  gecontroleerdDoor: v.reviewedBy,
  gecontroleerdOp: v.reviewedAt?.toISOString() ?? null,
  gedeeldDoor: v.sharedBy,
  gedeeldOp: v.sharedAt?.toISOString() ?? null,
});

export const anonymisedViewRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/anonieme-weergaven',
      {
        schema: {
          summary: 'Anonieme weergaven van de casus voor consultatie of escalatie, nieuwste eerst',
          params: caseParams,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseAnonymisedViews(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          bron: ANONYMISED_VIEW_SOURCE,
          weergaven: result.views.map(present),
          magMaken: result.mayGenerate,
        };
      },
    );

    app.post(
      '/casussen/:id/anonieme-weergaven',
      {
        schema: {
          summary: 'Een anonieme weergave maken (concept) voor een consultatie of escalatie',
          params: caseParams,
          body: z.strictObject({
            doel: text(40),
            ontvanger: text(200),
            vraag: text(4000),
            aantalGebeurtenissen: z.number().int().optional(),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const view = await generateAnonymisedView(
          deps.db,
          ctx,
          request.params.id,
          {
            purpose: b.doel,
            recipient: b.ontvanger,
            question: b.vraag,
            timelineLength: b.aantalGebeurtenissen ?? DEFAULT_TIMELINE_LENGTH,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send(present(view));
      },
    );

    app.put(
      '/casussen/:id/anonieme-weergaven/:weergaveId',
      {
        schema: {
          summary:
            'De vrije teksten van een weergave aanpassen; ze worden opnieuw opgeschoond en de weergave moet opnieuw gecontroleerd worden',
          params: viewParams,
          body: z.strictObject({
            vraag: text(4000),
            doelen: z
              .array(z.strictObject({ omschrijving: text(4000), meetbaar: text(4000) }))
              .max(100)
              .default([]),
            tijdlijn: z
              .array(z.strictObject({ notitie: text(4000) }))
              .max(100)
              .default([]),
          }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const b = request.body;
        const view = await editAnonymisedView(
          deps.db,
          ctx,
          request.params.id,
          request.params.weergaveId,
          {
            question: b.vraag,
            goals: b.doelen.map((g) => ({
              description: g.omschrijving,
              measurableTarget: g.meetbaar,
            })),
            timeline: b.tijdlijn.map((e) => ({ note: e.notitie })),
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return present(view);
      },
    );

    app.post(
      '/casussen/:id/anonieme-weergaven/:weergaveId/controle',
      {
        schema: {
          summary:
            'Vastleggen dat de weergave is gecontroleerd: niets is naar het gezin herleidbaar',
          params: viewParams,
          body: z.strictObject({ bevestiging: z.boolean() }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const view = await reviewAnonymisedView(
          deps.db,
          ctx,
          request.params.id,
          request.params.weergaveId,
          request.body.bevestiging,
          deps.clock.now(),
        ).catch(asBodyError);
        return present(view);
      },
    );

    app.post(
      '/casussen/:id/anonieme-weergaven/:weergaveId/delen',
      {
        schema: {
          summary:
            'Een gecontroleerde weergave als gedeeld vastleggen (wie, wanneer, met wie); het systeem verstuurt niets',
          params: viewParams,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const view = await shareAnonymisedView(
          deps.db,
          ctx,
          request.params.id,
          request.params.weergaveId,
          deps.clock.now(),
        ).catch(asBodyError);
        return present(view);
      },
    );
  };
