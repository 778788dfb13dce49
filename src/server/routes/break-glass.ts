/**
 * Break-the-glass over HTTP (ADR 0020; NEN 7513): asking for emergency access to a case (the
 * reason is checked before the case is looked up; the answer is the case or "niet gevonden"),
 * the actor's own running grant on a case (for the banner on the case page), and the privacy
 * officer's list and review of the grants on cases of their region (403 for anyone else).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BREAK_GLASS_RULE, DEFAULT_HOURS } from '../../domain/privacy/break-glass.js';
import {
  grantsForReview,
  ownBreakGlass,
  requestBreakGlass,
  reviewBreakGlass,
} from '../../store/break-glass.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const params = z.object({ id: z.string().max(64) });

export const breakGlassRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/noodtoegang',
      {
        schema: {
          summary:
            'Noodtoegang tot een casus vragen: met reden, voor beperkte tijd, alleen inzage (NEN 7513)',
          body: z.strictObject({
            casusId: z.string().max(64).nullable().optional(),
            bsn: z.string().max(20).nullable().optional(),
            reden: z.string().max(4000),
            uren: z.number().optional(),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const grant = await requestBreakGlass(
          deps.db,
          ctx,
          {
            caseId: b.casusId ?? null,
            bsn: b.bsn ?? null,
            reason: b.reden,
            hours: b.uren ?? DEFAULT_HOURS,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({
          id: grant.id,
          casusId: grant.caseId,
          reden: grant.reason,
          vanaf: grant.startsAt.toISOString(),
          tot: grant.endsAt.toISOString(),
          regel: BREAK_GLASS_RULE,
        });
      },
    );

    app.get(
      '/casussen/:id/noodtoegang',
      {
        schema: {
          summary: 'Uw eigen lopende noodtoegang tot deze casus, of null',
          params,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const grant = await ownBreakGlass(deps.db, ctx, request.params.id, deps.clock.now());
        return {
          noodtoegang: grant
            ? {
                id: grant.id,
                reden: grant.reason,
                vanaf: grant.startsAt.toISOString(),
                tot: grant.endsAt.toISOString(),
              }
            : null,
          regel: BREAK_GLASS_RULE,
        };
      },
    );

    app.get(
      '/noodtoegang/beoordelingen',
      {
        schema: {
          summary:
            'Noodtoegang op casussen van de eigen regio, voor de privacyfunctionaris (open of alle)',
          querystring: z.strictObject({ welke: z.enum(['open', 'alle']).optional() }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const grants = await grantsForReview(deps.db, ctx, request.query.welke ?? 'open').catch(
          asBodyError,
        );
        return {
          regel: BREAK_GLASS_RULE,
          noodtoegangen: grants.map((g) => ({
            id: g.id,
            casusId: g.caseId,
            medewerker: g.staffName,
            organisatie: g.organisation,
            rollen: g.roles,
            reden: g.reason,
            vanaf: g.startsAt.toISOString(),
            tot: g.endsAt.toISOString(),
            oordeel: g.verdict,
            toelichting: g.note,
            beoordeeldDoor: g.reviewedBy,
            beoordeeldOp: g.reviewedAt?.toISOString() ?? null,
          })),
        };
      },
    );

    app.post(
      '/noodtoegang/:id/beoordeling',
      {
        schema: {
          summary: 'Een noodtoegang beoordelen als terecht of onterecht (privacyfunctionaris)',
          params,
          body: z.strictObject({
            oordeel: z.string().max(20),
            toelichting: z.string().max(4000).optional(),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await reviewBreakGlass(
          deps.db,
          ctx,
          request.params.id,
          { verdict: request.body.oordeel, note: request.body.toelichting ?? '' },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );
  };
