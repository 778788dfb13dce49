/**
 * The familiegroepsplan in the family portal over HTTP (issue 10, ADR 0026): read it, start it,
 * write the family's goals, network and agreements, and — while the family holds casusregie —
 * mark an agreement as done or not done. Who may do what is domain/plans/family-plan.ts; the
 * store audits every read and change. Also the professionals' read of those marks for their
 * plan page (`GET /plannen/:id/afspraken`, access as for the plan).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { StoreError } from '../../store/errors.js';
import {
  NOTE_MAX,
  planAgreementProgress,
  portalFamilyPlan,
  startFamilyPlan,
  trackAgreement,
  writeFamilyPlan,
  type AgreementWithStatus,
} from '../../store/portal-plans.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { ApiError } from '../errors.js';
import { portalReaderOf } from './portal-reader.js';
import { basisRevisie, staleWriteResponse } from './revision.js';

const params = z.object({ id: z.string().max(64) });
const line = z.string().max(200);
const text = z.string().max(2000);
const date = z.string().max(30);
const rowId = z.string().trim().min(1).max(40).nullable().default(null);

const planBody = z.strictObject({
  opgesteldDoor: text.optional(),
  perspectief: text.optional(),
  gewensteHulp: text.optional(),
  doelen: z
    .array(
      z.strictObject({
        id: rowId,
        omschrijving: text,
        meetbaarResultaat: text.default(''),
        wie: line.default(''),
        streefdatum: date.default(''),
      }),
    )
    .max(20),
  netwerk: z.array(z.strictObject({ naam: line, steun: text })).max(30),
  afspraken: z.array(z.strictObject({ id: rowId, wie: line, wat: text, wanneer: date })).max(50),
  basisRevisie,
});

const trackBody = z.strictObject({
  gedaan: z.boolean(),
  op: date,
  toelichting: z.string().max(NOTE_MAX).default(''),
});

/** A refusal names why (the field is not in the body); other store errors name body fields. */
function asPortalError(error: unknown): never {
  if (error instanceof StoreError && error.code === 'forbidden')
    throw new ApiError('forbidden', error.message, error.fields);
  return asBodyError(error);
}

const presentAgreement = (a: AgreementWithStatus) => ({
  id: a.id,
  wie: a.who,
  wat: a.what,
  wanneer: a.by,
  status: a.status
    ? {
        gedaan: a.status.done,
        op: a.status.on,
        toelichting: a.status.note,
        door: a.status.by,
        vastgelegd: a.status.at.toISOString(),
      }
    : null,
});

export const portalPlanRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/portaal/casussen/:id/familiegroepsplan',
      {
        schema: {
          summary:
            'Gezinsportaal: het familiegroepsplan (doelen, netwerk, afspraken) en wat dit gezinslid ermee mag',
          params,
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const view = await portalFamilyPlan(deps.db, reader, request.params.id, now).catch(
          asPortalError,
        );
        const p = view.plan;
        return {
          gezinHeeftCasusregie: view.familyHoldsCasusregie,
          magSchrijven: view.writing.allowed,
          waaromNietSchrijven: view.writing.allowed ? null : view.writing.reason,
          magBijhouden: view.tracking.allowed,
          waaromNietBijhouden: view.tracking.allowed ? null : view.tracking.reason,
          plan: p
            ? {
                id: p.id,
                revisie: p.revision,
                versie: p.version,
                status: p.status,
                eerderVastgesteld: p.everFixed,
                ingangsdatum: p.startDate,
                opgesteldDoor: p.authors,
                perspectief: p.perspective,
                gewensteHulp: p.helpWanted,
                doelen: p.goals.map((g) => ({
                  id: g.id,
                  omschrijving: g.description,
                  meetbaarResultaat: g.measurableTarget,
                  wie: g.owner.name,
                  streefdatum: g.targetDate,
                })),
                netwerk: p.network.map((m) => ({ naam: m.name, steun: m.support })),
                afspraken: p.agreements.map((a) => ({
                  id: a.id,
                  wie: a.who,
                  wat: a.what,
                  wanneer: a.by,
                })),
                bijhouden: p.tracked.map(presentAgreement),
              }
            : null,
        };
      },
    );

    app.post(
      '/portaal/casussen/:id/familiegroepsplan',
      {
        schema: {
          summary:
            'Gezinsportaal: een familiegroepsplan beginnen (ouder of jongere van 16+); bestaat het al, dan dat plan',
          params,
        },
      },
      async (request, reply) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const result = await startFamilyPlan(deps.db, reader, request.params.id, now).catch(
          asPortalError,
        );
        return reply.status(result.created ? 201 : 200).send({ id: result.id });
      },
    );

    app.put(
      '/portaal/casussen/:id/familiegroepsplan',
      {
        schema: {
          summary:
            'Gezinsportaal: de doelen, het netwerk en de afspraken van het familiegroepsplan schrijven (concept)',
          params,
          body: planBody,
          response: {
            200: z.object({ versie: z.number().int(), revisie: z.number().int() }),
            409: staleWriteResponse,
          },
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const b = request.body;
        const result = await writeFamilyPlan(
          deps.db,
          reader,
          request.params.id,
          {
            authors: b.opgesteldDoor,
            perspective: b.perspectief,
            helpWanted: b.gewensteHulp,
            goals: b.doelen.map((g) => ({
              id: g.id,
              description: g.omschrijving,
              measurableTarget: g.meetbaarResultaat,
              who: g.wie,
              targetDate: g.streefdatum,
            })),
            network: b.netwerk.map((m) => ({ name: m.naam, support: m.steun })),
            agreements: b.afspraken.map((a) => ({
              id: a.id,
              who: a.wie,
              what: a.wat,
              by: a.wanneer,
            })),
          },
          b.basisRevisie,
          now,
        ).catch(asPortalError);
        return { versie: result.version, revisie: result.revision };
      },
    );

    app.put(
      '/portaal/casussen/:id/familiegroepsplan/afspraken/:index',
      {
        schema: {
          summary:
            'Gezinsportaal: een afspraak van het familiegroepsplan afvinken of niet (als het gezin de casusregie heeft)',
          params: z.object({
            id: z.string().max(64),
            index: z.coerce.number().int().min(0).max(49),
          }),
          body: trackBody,
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const reader = portalReaderOf(request, now);
        const result = await trackAgreement(
          deps.db,
          reader,
          request.params.id,
          request.params.index,
          { done: request.body.gedaan, on: request.body.op, note: request.body.toelichting },
          now,
        ).catch(asPortalError);
        return presentAgreement(result);
      },
    );

    app.get(
      '/plannen/:id/afspraken',
      {
        schema: {
          summary:
            'De afspraken van een familiegroepsplan met wat het gezin heeft bijgehouden (gedaan of niet)',
          params,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const rows = await planAgreementProgress(deps.db, ctx, request.params.id, deps.clock.now());
        return { afspraken: rows.map(presentAgreement) };
      },
    );
  };
