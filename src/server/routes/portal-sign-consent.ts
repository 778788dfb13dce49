/**
 * The family portal's own statements over HTTP (issue 10, ADR 0026): signing the concept of a
 * plan (ZTM-DEC-SIGN) and giving or withdrawing consent per kind of recipient (Jeugdwet
 * 7.3.11), each by the logged-in person for themselves. Only a portal session counts (401
 * otherwise, also for staff); writes need the portal's CSRF token (checked in app.ts). The
 * store audits every read, change and refusal.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CONSENT_STATUSES, RECIPIENT_KINDS } from '../../domain/privacy/consent.js';
import {
  portalConsents,
  portalSigning,
  signPlanInPortal,
  statePortalConsent,
} from '../../store/portal-sign-consent.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { portalReaderOf } from './portal-reader.js';

const caseParams = z.object({ id: z.string().max(64) });
const planParams = z.object({ id: z.string().max(64), planId: z.string().max(64) });
const consentBody = z.object({
  ontvangerSoort: z.enum(RECIPIENT_KINDS),
  status: z.enum(CONSENT_STATUSES),
  /** Whose statement: only one's own; absent means oneself. */
  persoonId: z.string().max(64).optional(),
  doel: z.string().trim().min(5).max(500).optional(),
});

export const portalSignConsentRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/portaal/casussen/:id/ondertekenen',
      {
        schema: {
          summary:
            'Gezinsportaal: per plan de versies, wie ondertekende en of dit gezinslid nog moet tekenen (ZTM-DEC-SIGN)',
          params: caseParams,
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const plans = await portalSigning(
          deps.db,
          portalReaderOf(request, now),
          request.params.id,
          now,
        );
        return {
          regel: 'ZTM-DEC-SIGN',
          plannen: plans.map((p) => ({
            id: p.id,
            soort: p.kind,
            versies: p.versions.map((v) => ({
              versie: v.version,
              status: v.status,
              handtekeningen: v.signatures.map((s) => ({
                naam: s.name,
                op: s.at.toISOString(),
                methode: s.method,
                geldig: s.valid,
              })),
              nogNodig: v.missing,
              doelen: v.goals,
            })),
            jij: {
              magTekenen: p.you.maySign,
              getekend: p.you.signed,
              moetNogTekenen: p.you.mustSign,
              reden: p.you.reason,
            },
          })),
        };
      },
    );

    app.post(
      '/portaal/casussen/:id/plannen/:planId/ondertekenen',
      {
        schema: {
          summary:
            'Gezinsportaal: de conceptversie van het plan zelf ondertekenen (ZTM-DEC-SIGN); 409 zonder concept of als al getekend',
          params: planParams,
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const signed = await signPlanInPortal(
          deps.db,
          portalReaderOf(request, now),
          request.params.id,
          request.params.planId,
          now,
        );
        return reply.status(201).send({ versie: signed.version });
      },
    );

    app.get(
      '/portaal/casussen/:id/toestemmingen',
      {
        schema: {
          summary:
            'Gezinsportaal: per soort ontvanger de eigen toestemming (gegeven, ingetrokken, nog niet gevraagd) en die van anderen die dit gezinslid mag zien',
          params: caseParams,
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const kinds = await portalConsents(deps.db, reader, request.params.id, now);
        const line = (l: {
          status: string;
          on: string | null;
          purpose: string | null;
          manner: string | null;
        }) => ({ status: l.status, datum: l.on, doel: l.purpose, manier: l.manner });
        return {
          regel: 'Jeugdwet artikel 7.3.11',
          persoonId: reader.personId,
          ontvangers: kinds.map((k) => ({
            soort: k.kind,
            eigen: line(k.own),
            anderen: k.others.map((o) => ({ naam: o.name, ...line(o) })),
          })),
        };
      },
    );

    app.post(
      '/portaal/casussen/:id/toestemmingen',
      {
        schema: {
          summary:
            'Gezinsportaal: zelf toestemming geven of intrekken voor een soort ontvanger (digitaal, vandaag)',
          params: caseParams,
          body: consentBody,
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const body = request.body;
        const row = await statePortalConsent(
          deps.db,
          reader,
          request.params.id,
          {
            personId: body.persoonId ?? reader.personId,
            recipientKind: body.ontvangerSoort,
            status: body.status,
            purpose: body.doel ?? null,
          },
          now,
        );
        return reply.status(201).send({ id: row.id });
      },
    );
  };
