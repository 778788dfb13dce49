/**
 * The consent register over HTTP (Jeugdwet 7.3.11; ADR 0018): the register of a case with its
 * history and today's state per kind of recipient, recording consent or its withdrawal (always
 * a new entry), and what consent says about handing casusregie to a chosen organisation. Every
 * route checks access to the case: outsiders get 404, readers who may not record 403.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CONSENT_MANNERS,
  CONSENT_RULE,
  CONSENT_STATUSES,
  RECIPIENT_KINDS,
  type ConsentEvaluation,
  type HandoverConsent,
} from '../../domain/privacy/consent.js';
import { caseConsents, handoverConsentPreview, recordConsent } from '../../store/consents.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const params = z.object({ id: z.string().max(64) });

const evaluationBody = (e: ConsentEvaluation) => ({
  stand: e.state,
  personen: e.persons.map((p) => ({
    persoonId: p.personId,
    naam: p.name,
    stand: p.state,
    waarom: p.why,
  })),
  redenen: e.reasons,
});

const handoverBody = (c: HandoverConsent) => ({
  stand: c.outcome,
  melding: 'message' in c ? c.message : null,
  regel: CONSENT_RULE,
});

export const consentRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/toestemmingen',
      {
        schema: {
          summary:
            'Het toestemmingsregister van een casus: alle verklaringen en de stand per soort ontvanger',
          params,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseConsents(deps.db, ctx, request.params.id, deps.clock.now()).catch(
          asBodyError,
        );
        return {
          regel: CONSENT_RULE,
          verklaringen: result.entries.map((e) => ({
            id: e.id,
            persoonId: e.personId,
            persoon: e.person,
            ontvanger: e.recipientKind,
            organisatieId: e.organisationId,
            organisatie: e.organisation,
            doel: e.purpose,
            stand: e.status,
            datum: e.on,
            wijze: e.manner,
            vastgelegdDoor: e.recordedBy,
            vastgelegdOp: new Date(e.recordedAt).toISOString(),
          })),
          standen: result.states.map((s) => ({
            ontvanger: s.kind,
            ...evaluationBody(s.evaluation),
          })),
          magVastleggen: result.mayRecord,
        };
      },
    );

    app.get(
      '/casussen/:id/toestemmingen/overdracht',
      {
        schema: {
          summary:
            'Wat de toestemming van het gezin zegt over overdracht van de casusregie aan een organisatie',
          params,
          querystring: z.strictObject({ organisatieId: z.string().max(64) }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await handoverConsentPreview(
          deps.db,
          ctx,
          request.params.id,
          request.query.organisatieId,
          deps.clock.now(),
        ).catch(asBodyError);
        return { toestemming: result ? handoverBody(result) : null };
      },
    );

    app.post(
      '/casussen/:id/toestemmingen',
      {
        schema: {
          summary:
            'Toestemming of de intrekking ervan vastleggen (casusregisseur of wie rollen toewijst)',
          params,
          body: z.strictObject({
            persoonId: z.string().max(64),
            ontvanger: z.enum(RECIPIENT_KINDS, { error: 'kies een soort ontvanger' }),
            organisatieId: z.string().max(64).nullable().optional(),
            doel: z.string().max(2000),
            stand: z.enum(CONSENT_STATUSES, { error: 'kies gegeven of ingetrokken' }),
            datum: z.iso.date({ error: 'een datum als jjjj-mm-dd' }),
            wijze: z.enum(CONSENT_MANNERS, { error: 'kies mondeling, schriftelijk of digitaal' }),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const result = await recordConsent(
          deps.db,
          ctx,
          request.params.id,
          {
            personId: b.persoonId,
            recipientKind: b.ontvanger,
            organisationId: b.organisatieId ?? null,
            purpose: b.doel,
            status: b.stand,
            on: b.datum,
            manner: b.wijze,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id });
      },
    );
  };
