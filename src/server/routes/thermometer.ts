/**
 * The quality thermometer over HTTP (GRO-CHK-REFERENTIEKADER, bruikbaar in elke regio; ADR
 * 0022): the team view of the actor's own local team, opening and closing a round (team lead)
 * and scoring items (casusregisseurs and team leads of the team). Others get 403; a round of
 * another team 404; a closed round refuses scores with 409.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { THERMOMETER_RULE } from '../../domain/quality/thermometer.js';
import {
  closeRound,
  openRound,
  saveScores,
  teamView,
  type RoundSummary,
} from '../../store/thermometer.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const RULE_NOTE = `${THERMOMETER_RULE}, bruikbaar in elke regio`;

const roundOut = (r: RoundSummary) => ({
  id: r.id,
  naam: r.name,
  periode: r.period,
  geopendOp: r.openedAt.toISOString(),
  geslotenOp: r.closedAt?.toISOString() ?? null,
});

export const thermometerRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/thermometer',
      {
        schema: {
          summary:
            'Kwaliteitsthermometer van het eigen lokale team: spreiding per punt, samenvatting per thema, verbetersuggesties bij rood en het verloop over rondes',
          querystring: z.strictObject({ ronde: z.string().max(64).optional() }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const view = await teamView(deps.db, ctx, request.query.ronde ?? null).catch(asBodyError);
        const r = view.round;
        return {
          regel: THERMOMETER_RULE,
          toelichting: RULE_NOTE,
          team: {
            naam: view.team.name,
            teamleider: view.team.lead,
            leden: view.team.members,
          },
          rondes: view.rounds.map(roundOut),
          ronde: r
            ? {
                ...roundOut(r.summary),
                deelnemers: r.participants,
                spreiding: r.spread.map((s) => ({ punt: s.item, ...s.counts, gescoord: s.scored })),
                themas: r.themes.map((t) => ({
                  thema: t.theme,
                  ...t.counts,
                  aandelen: t.shares,
                  puntenMetRood: t.itemsWithRed,
                  stand: t.reading,
                })),
                suggesties: r.red.map((x) => ({
                  punt: x.item,
                  tekst: x.text,
                  rood: x.red,
                  suggesties: x.suggestions,
                })),
                eigen: r.own.map((o) => ({ punt: o.item, kleur: o.colour, opmerking: o.remark })),
              }
            : null,
          verloop: view.trend.map((p) => ({
            rondeId: p.roundId,
            naam: p.name,
            periode: p.period,
            themas: p.themes.map((t) => ({ thema: t.theme, aandelen: t.shares })),
          })),
        };
      },
    );

    app.post(
      '/thermometer/rondes',
      {
        schema: {
          summary: 'Een ronde van de kwaliteitsthermometer openen (teamleider van een lokaal team)',
          body: z.strictObject({
            naam: z.string().max(400),
            periode: z.string().max(400).optional(),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const round = await openRound(
          deps.db,
          ctx,
          { name: request.body.naam, period: request.body.periode ?? '' },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: round.id, regel: THERMOMETER_RULE });
      },
    );

    app.post(
      '/thermometer/ronde-sluiten',
      {
        schema: {
          summary: 'De lopende ronde van de kwaliteitsthermometer sluiten (teamleider)',
          body: z.strictObject({ rondeId: z.string().max(64) }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await closeRound(deps.db, ctx, request.body.rondeId, deps.clock.now()).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.put(
      '/thermometer/scores',
      {
        schema: {
          summary:
            'Eigen scores (groen, oranje, rood) in de lopende ronde vastleggen; opnieuw scoren vervangt',
          body: z.strictObject({
            rondeId: z.string().max(64),
            scores: z
              .array(
                z.strictObject({
                  punt: z.string().max(10),
                  kleur: z.string().max(20),
                  opmerking: z.string().max(4000).optional(),
                }),
              )
              .max(70),
          }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const saved = await saveScores(
          deps.db,
          ctx,
          request.body.rondeId,
          request.body.scores.map((s) => ({
            item: s.punt,
            colour: s.kleur,
            remark: s.opmerking ?? '',
          })),
          deps.clock.now(),
        ).catch(asBodyError);
        return { opgeslagen: saved.saved, regel: THERMOMETER_RULE };
      },
    );
  };
