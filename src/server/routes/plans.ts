/**
 * Plan routes: list a case's plans, create one (version 1, concept), revise the concept, sign,
 * fix, adjust into a new version, and read a plan with its versions and the changes between
 * them. Access follows the case (404 without it); each call is audited in the store.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PLAN_KINDS, SIGNING_METHODS, type PlanKind } from '../../domain/plans/index.js';
import { parseInstant, parseIsoDate } from '../../domain/time/index.js';
import { StoreError } from '../../store/errors.js';
import type { StaleWrite } from '../../store/revisions.js';
import {
  adjustPlan,
  createPlan,
  fixConcept,
  getPlan,
  listPlans,
  reviseConcept,
  signConcept,
  type PlanView,
} from '../../store/plans.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { renderPlanPdf } from '../../documents/plan-pdf.js';
import { ApiError } from '../errors.js';
import { apiPath, fromDomain, planContentSchema, toDomain } from './plan-content.js';
import { basisRevisie, savedRevision, staleWriteResponse } from './revision.js';

const isoDate = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, { error: 'geen geldige datum (JJJJ-MM-DD)' });
const instant = z.string().refine((v) => parseInstant(v) !== null, {
  error: 'geen geldig tijdstip, bijv. 2026-03-02T09:00:00+01:00',
});
const id = z.object({ id: z.string().max(64) });

/** A store path in API terms: `content.goals.…` → `inhoud.doelen.…`. */
function contentPath(path: string): string {
  return path.startsWith('content.') ? `inhoud.${apiPath(path.slice('content.'.length))}` : path;
}

/** Store field names → API paths, for problems the store reports (and a stale write's fields). */
export function translate(error: unknown): never {
  if (error instanceof StoreError && error.fields.length > 0) {
    const stale = (error.details as Partial<StaleDetails>).wijziging;
    throw new StoreError(
      error.code,
      error.message,
      error.fields.map((f) => ({
        path: f.path.startsWith('content.')
          ? `inhoud.${apiPath(f.path.slice('content.'.length))}`
          : f.path === 'subjectPersonId'
            ? 'body.jeugdigeId'
            : f.path === 'personId'
              ? 'body.persoonId'
              : f.path === 'at'
                ? 'body.op'
                : f.path === 'kind'
                  ? 'body.soort'
                  : f.path === 'basisRevisie'
                    ? 'body.basisRevisie'
                    : f.path,
        message: f.message,
      })),
      stale
        ? {
            wijziging: {
              ...stale,
              velden: stale.velden.map((v) => ({ ...v, path: contentPath(v.path) })),
            },
          }
        : error.details,
    );
  }
  throw error;
}

interface StaleDetails {
  readonly wijziging: StaleWrite;
}

function present(plan: PlanView) {
  return {
    id: plan.id,
    casusId: plan.caseId,
    gezin: plan.householdLabel,
    soort: plan.kind,
    jeugdigeId: plan.subjectPersonId,
    revisie: plan.revision,
    versies: plan.versions.map((v) => ({
      id: v.id,
      versie: v.version,
      status: v.status,
      ingangsdatum: v.startDate,
      inhoud: fromDomain(v.content),
      gemaaktOp: v.createdAt.toISOString(),
      vastgesteldOp: v.fixedAt?.toISOString() ?? null,
      handtekeningen: v.signatures.map((s) => ({
        persoonId: s.personId,
        naam: s.name,
        op: s.at.toISOString(),
        methode: s.method,
        geldig: s.valid,
      })),
      ondertekening: v.signing
        ? {
            regel: 'ZTM-DEC-SIGN',
            nodig: v.signing.required.map((r) => ({
              persoonId: r.personId,
              naam: r.name,
              reden: r.reason,
            })),
            ontbreekt: v.signing.missing.map((r) => r.personId),
            compleet: v.signing.complete,
            melding: v.signing.problem,
          }
        : null,
      nogNodig: v.problems.map((p) => ({ pad: apiPath(p.path), melding: p.message })),
      wijzigingen: v.changes.map((c) => ({
        pad: c.path,
        wat: c.label,
        soort: c.kind,
        was: c.before,
        wordt: c.after,
      })),
    })),
  };
}

export const planRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/plannen',
      { schema: { summary: 'De plannen van een casus', params: id } },
      async (request) => {
        const ctx = requireUser(request);
        const rows = await listPlans(deps.db, ctx, request.params.id, deps.clock.now());
        return rows.map((r) => ({
          id: r.id,
          soort: r.kind,
          jeugdigeId: r.subjectPersonId,
          versie: r.version,
          status: r.status,
          vastgesteldOp: r.fixedAt ? new Date(r.fixedAt).toISOString() : null,
        }));
      },
    );

    app.post(
      '/casussen/:id/plannen',
      {
        schema: {
          summary: 'Een plan beginnen (versie 1, concept)',
          params: id,
          body: z.strictObject({
            soort: z.enum(PLAN_KINDS),
            jeugdigeId: z.string().max(64).nullable().default(null),
            ingangsdatum: isoDate,
            inhoud: planContentSchema.default({}),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const body = request.body;
        try {
          const created = await createPlan(
            deps.db,
            ctx,
            request.params.id,
            {
              kind: body.soort as PlanKind,
              subjectPersonId: body.jeugdigeId,
              startDate: body.ingangsdatum,
              content: toDomain(body.inhoud),
            },
            deps.clock.now(),
          );
          return await reply.status(201).send(created);
        } catch (error) {
          translate(error);
        }
      },
    );

    app.get(
      '/plannen/:id',
      { schema: { summary: 'Een plan met al zijn versies', params: id } },
      async (request) => {
        const ctx = requireUser(request);
        return present(await getPlan(deps.db, ctx, request.params.id, deps.clock.now()));
      },
    );

    app.get(
      '/plannen/:id/pdf',
      {
        schema: {
          summary: 'Een versie van het plan als PDF (standaard de nieuwste)',
          params: id,
          querystring: z.strictObject({
            versie: z.coerce.number().int().min(1).max(10_000).optional(),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const plan = await getPlan(deps.db, ctx, request.params.id, deps.clock.now(), {
          version: request.query.versie ?? null,
        });
        const presented = present(plan);
        const latest = presented.versies.at(-1);
        const chosen =
          request.query.versie === undefined
            ? latest
            : presented.versies.find((v) => v.versie === request.query.versie);
        if (!chosen || !latest)
          throw new ApiError('not-found', `Versie ${request.query.versie ?? ''} bestaat niet.`, [
            {
              path: 'querystring.versie',
              message: `dit plan heeft versie 1 tot en met ${latest?.versie ?? 0}`,
            },
          ]);
        const pdf = await renderPlanPdf({
          gezin: presented.gezin,
          soort: presented.soort,
          jeugdige: plan.subjectName,
          versie: chosen,
          laatsteVersie: latest.versie,
          gemaaktOp: deps.clock.now(),
        });
        const name = `${presented.soort}-${presented.gezin}-versie-${chosen.versie}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z0-9]+/g, '-');
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${name}.pdf"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );

    app.put(
      '/plannen/:id/concept',
      {
        schema: {
          summary: 'De conceptversie bijwerken (met de revisie waarop de wijziging is gebaseerd)',
          params: id,
          body: z.strictObject({
            ingangsdatum: isoDate,
            inhoud: planContentSchema,
            basisRevisie,
          }),
          response: { 200: savedRevision, 409: staleWriteResponse },
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        try {
          const { revision } = await reviseConcept(
            deps.db,
            ctx,
            request.params.id,
            { startDate: request.body.ingangsdatum, content: toDomain(request.body.inhoud) },
            request.body.basisRevisie,
            deps.clock.now(),
          );
          return { revisie: revision };
        } catch (error) {
          translate(error);
        }
      },
    );

    app.post(
      '/plannen/:id/handtekeningen',
      {
        schema: {
          summary: 'Een handtekening vastleggen',
          params: id,
          body: z.strictObject({
            persoonId: z.string().max(64),
            methode: z.enum(SIGNING_METHODS),
            op: instant,
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        try {
          await signConcept(
            deps.db,
            ctx,
            request.params.id,
            {
              personId: request.body.persoonId,
              method: request.body.methode,
              at: new Date(parseInstant(request.body.op) ?? 0),
            },
            deps.clock.now(),
          );
          return await reply.status(201).send();
        } catch (error) {
          translate(error);
        }
      },
    );

    app.post(
      '/plannen/:id/vaststellen',
      {
        schema: {
          summary: 'Het plan vaststellen (alle handtekeningen en inhoud compleet)',
          params: id,
          body: z.strictObject({ op: instant }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        try {
          const { version } = await fixConcept(
            deps.db,
            ctx,
            request.params.id,
            new Date(parseInstant(request.body.op) ?? 0),
            deps.clock.now(),
          );
          return { versie: version };
        } catch (error) {
          translate(error);
        }
      },
    );

    app.post(
      '/plannen/:id/bijstellen',
      {
        schema: { summary: 'Een vastgesteld plan bijstellen: nieuwe conceptversie', params: id },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const { version } = await adjustPlan(deps.db, ctx, request.params.id, deps.clock.now());
        return reply.status(201).send({ versie: version });
      },
    );
  };
