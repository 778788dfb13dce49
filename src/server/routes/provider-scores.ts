/**
 * Provider performance over HTTP (issue 7; DOMAIN.md section 4 step 3 and section 11).
 *
 * - `GET/POST /casussen/{id}/aanbiederscores`: the casusregie side (holder of casusregie, or a
 *   casusregisseur or team lead of the responsible team) sees the providers of the case, whether
 *   their help has ended, the computed waiting time and the scores given; it scores a provider
 *   once per case. Others who read the case: 403; who may not read it: 404.
 * - `GET /aanbieders/prestaties`, `GET /aanbieders/{id}/prestaties`: the aggregate per provider,
 *   for a municipality's contract manager (the providers of the region) and for a provider's own
 *   staff (their own organisation). Anyone else: 403; a provider out of sight: 404.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ProviderAggregate } from '../../domain/performance/aggregate.js';
import {
  CRITERION_KEYS,
  GOAL_RESULTS,
  PROVIDER_CRITERIA,
  RATINGS,
  SATISFACTION_MAX,
  SATISFACTION_MIN,
  type CriterionKey,
} from '../../domain/performance/provider-score.js';
import {
  caseProviderScores,
  providerPerformance,
  scoreProvider,
  type ProviderScoreView,
} from '../../store/provider-scores.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const id = z.object({ id: z.string().max(64) });

const scoreBody = z.strictObject({
  aanbiederId: z.string().max(64),
  clienttevredenheid: z.union([
    z.number().int().min(SATISFACTION_MIN).max(SATISFACTION_MAX),
    z.literal('niet-gevraagd'),
  ]),
  doelen: z
    .array(z.strictObject({ doelId: z.string().max(64), resultaat: z.enum(GOAL_RESULTS) }))
    .max(50),
  uitval: z.boolean(),
  criteria: z
    .array(
      z.strictObject({
        criterium: z.enum(CRITERION_KEYS as [CriterionKey, ...CriterionKey[]]),
        oordeel: z.enum(RATINGS),
        toelichting: z.string().trim().max(2000).nullable().default(null),
      }),
    )
    .max(PROVIDER_CRITERIA.length * 2),
});

const round = (value: number | null, digits = 2) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

const presentCriteria = () => PROVIDER_CRITERIA.map((c) => ({ criterium: c.key, naam: c.label }));

function presentScore(s: ProviderScoreView) {
  return {
    id: s.id,
    aanbiederId: s.providerId,
    aanbieder: s.providerName,
    grondslag: s.closureBasis,
    clienttevredenheid: s.satisfaction ?? 'niet-gevraagd',
    doelen: s.goals.map((g) => ({
      doelId: g.goalId,
      omschrijving: g.description,
      resultaat: g.result,
    })),
    uitval: s.dropOut,
    wachttijd: s.waiting ? { dagen: s.waiting.days, van: s.waiting.from, tot: s.waiting.to } : null,
    criteria: s.criteria.map((c) => ({
      criterium: c.key,
      naam: PROVIDER_CRITERIA.find((p) => p.key === c.key)?.label ?? c.key,
      oordeel: c.rating,
      toelichting: c.remark,
    })),
    beoordeeldDoor: s.scoredBy,
    beoordeeldOp: s.scoredAt.toISOString(),
  };
}

/** The aggregate with its n everywhere; no case, family or remark is in it. */
export function presentAggregate(a: ProviderAggregate & { name: string }) {
  return {
    id: a.providerId,
    naam: a.name,
    n: a.n,
    clienttevredenheid: {
      n: a.satisfaction.n,
      gemiddelde: round(a.satisfaction.mean),
      mediaan: round(a.satisfaction.median),
      nietGevraagd: a.satisfaction.notAsked,
    },
    doelrealisatie: {
      n: a.goals.n,
      gemiddeldAandeel: round(a.goals.meanShare, 3),
      doelen: a.goals.goalCount,
      bereikt: a.goals.counts.bereikt,
      deels: a.goals.counts.deels,
      nietBereikt: a.goals.counts['niet-bereikt'],
    },
    uitval: { n: a.dropOut.n, aantal: a.dropOut.count, aandeel: round(a.dropOut.share, 3) },
    wachttijd: {
      n: a.waiting.n,
      gemiddeldeDagen: round(a.waiting.mean, 1),
      mediaanDagen: round(a.waiting.median, 1),
      onbekend: a.waiting.unknown,
    },
    criteria: a.criteria.map((c) => ({
      criterium: c.key,
      naam: c.label,
      n: c.n,
      goed: c.counts.goed,
      voldoende: c.counts.voldoende,
      onvoldoende: c.counts.onvoldoende,
      nietTeBeoordelen: c.counts['niet-te-beoordelen'],
    })),
  };
}

export const providerScoreRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/aanbiederscores',
      {
        schema: {
          summary:
            'Aanbieders van de casus, of hun hulp is afgesloten, en de gegeven beoordelingen',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseProviderScores(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          aanbieders: result.providers.map((p) => ({
            id: p.id,
            naam: p.name,
            afgesloten: p.closure.ended,
            grondslag: p.closure.ended ? p.closure.basis : null,
            nogNiet: p.closure.ended ? null : p.closure.reason,
            wachttijd: p.waiting
              ? { dagen: p.waiting.days, van: p.waiting.from, tot: p.waiting.to }
              : null,
            beoordeeld: p.scored,
          })),
          doelen: result.goals.map((g) => ({
            id: g.id,
            omschrijving: g.description,
            plan: g.planKind,
          })),
          criteria: presentCriteria(),
          scores: result.scores.map(presentScore),
        };
      },
    );

    app.post(
      '/casussen/:id/aanbiederscores',
      {
        schema: {
          summary: 'Een aanbieder beoordelen bij het afsluiten van zijn hulp (één keer per casus)',
          params: id,
          body: scoreBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const result = await scoreProvider(
          deps.db,
          ctx,
          request.params.id,
          {
            providerId: b.aanbiederId,
            satisfaction: b.clienttevredenheid === 'niet-gevraagd' ? null : b.clienttevredenheid,
            goals: b.doelen.map((g) => ({ goalId: g.doelId, result: g.resultaat })),
            dropOut: b.uitval,
            criteria: b.criteria.map((c) => ({
              key: c.criterium,
              rating: c.oordeel,
              remark: c.toelichting,
            })),
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id });
      },
    );

    app.get(
      '/aanbieders/prestaties',
      {
        schema: {
          summary:
            'Prestaties per aanbieder: de contractmanager ziet de aanbieders van de regio, een aanbieder zichzelf',
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const view = await providerPerformance(deps.db, ctx).catch(asBodyError);
        return {
          bereik: view.scope,
          regio: view.region,
          criteria: presentCriteria(),
          aanbieders: view.providers.map(presentAggregate),
        };
      },
    );

    app.get(
      '/aanbieders/:id/prestaties',
      { schema: { summary: 'Prestaties van één aanbieder', params: id } },
      async (request) => {
        const ctx = requireUser(request);
        const view = await providerPerformance(deps.db, ctx, request.params.id).catch(asBodyError);
        const [provider] = view.providers.map(presentAggregate);
        return { bereik: view.scope, regio: view.region, aanbieder: provider };
      },
    );
  };
