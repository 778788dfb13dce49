/**
 * Evaluations in the family portal over HTTP (issue 10, ADR 0026): the case's planned
 * evaluations with their invitees; planning one when the family holds casusregie (a
 * representative or a young person of 16+; see domain/evaluations/family-planning.ts); and a
 * family member's own view for an upcoming one. Only a portal session counts; a case of another
 * household is 404. The store audits every read and change.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EVALUATION_KINDS } from '../../domain/rules/types.js';
import { parseInstant } from '../../domain/time/index.js';
import { StoreError } from '../../store/errors.js';
import {
  MAX_INPUT_LENGTH,
  planFamilyEvaluation,
  portalEvaluations,
  saveFamilyInput,
} from '../../store/portal-evaluations.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { ApiError } from '../errors.js';
import { portalReaderOf } from './portal-reader.js';

const params = z.object({ id: z.string().max(64) });

const planBody = z.strictObject({
  soort: z.enum(EVALUATION_KINDS).default('tussen'),
  geplandOp: z.string().refine((v) => parseInstant(v) !== null, {
    error: 'geen geldig tijdstip, bijv. 2026-03-02T09:00:00+01:00',
  }),
  plaats: z
    .string()
    .trim()
    .min(1, { error: 'vul in waar het gesprek is, of de link voor een videogesprek' })
    .max(300),
  onderwerpen: z
    .array(z.string().trim().min(1, { error: 'een onderwerp is leeg' }).max(300))
    .min(1, { error: 'schrijf op waarover u wilt praten' })
    .max(10),
  genodigden: z.array(z.string().max(64)).max(20),
});

const inputBody = z.strictObject({ tekst: z.string().max(MAX_INPUT_LENGTH) });

/** A refusal names why (the field is not in the body); other store errors name body fields. */
function asPortalError(error: unknown): never {
  if (error instanceof StoreError && error.code === 'forbidden')
    throw new ApiError('forbidden', error.message, error.fields);
  return asBodyError(error);
}

export const portalEvaluationRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/portaal/casussen/:id/evaluaties',
      {
        schema: {
          summary:
            'Gezinsportaal: de geplande evaluaties met genodigden, en of dit gezinslid er een mag plannen',
          params,
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const view = await portalEvaluations(deps.db, reader, request.params.id, now).catch(
          asPortalError,
        );
        return {
          gezinHeeftCasusregie: view.familyHoldsCasusregie,
          magPlannen: view.planning.allowed,
          waaromNiet: view.planning.allowed ? null : view.planning.reason,
          kunUitnodigen: view.organisations.map((o) => ({
            id: o.id,
            naam: o.name,
            betrokken: o.involvement,
          })),
          gepland: view.planned.map((m) => ({
            id: m.id,
            soort: m.kind,
            geplandOp: m.plannedAt.toISOString(),
            komtNog: m.upcoming,
            plaats: m.location,
            onderwerpen: m.topics,
            geplandDoorGezin: m.plannedByFamily,
            genodigden: m.invitees.map((p) => ({ naam: p.name, rol: p.role })),
            eigenInbreng: m.ownInput,
            inbrengAnderen: m.otherInput.map((i) => ({ naam: i.name, tekst: i.text })),
          })),
        };
      },
    );

    app.post(
      '/portaal/casussen/:id/evaluaties',
      {
        schema: {
          summary:
            'Gezinsportaal: een evaluatie plannen als het gezin de casusregie heeft (ouder of jongere van 16+)',
          params,
          body: planBody,
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const b = request.body;
        const result = await planFamilyEvaluation(
          deps.db,
          reader,
          request.params.id,
          {
            kind: b.soort,
            plannedAt: parseInstant(b.geplandOp) ?? 0,
            location: b.plaats,
            topics: b.onderwerpen,
            organisationIds: b.genodigden,
          },
          now,
        ).catch(asPortalError);
        return reply.status(201).send({ id: result.id, genotificeerd: result.notified });
      },
    );

    app.put(
      '/portaal/casussen/:id/evaluaties/:evaluatieId/inbreng',
      {
        schema: {
          summary:
            'Gezinsportaal: wat dit gezinslid zelf wil inbrengen bij een komende evaluatie (leeg: weghalen)',
          params: z.object({ id: z.string().max(64), evaluatieId: z.string().max(64) }),
          body: inputBody,
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const result = await saveFamilyInput(
          deps.db,
          reader,
          request.params.id,
          request.params.evaluatieId,
          request.body.tekst,
          now,
        ).catch(asPortalError);
        return { opgeslagen: result.saved };
      },
    );
  };
