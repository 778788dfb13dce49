/**
 * Adjusting help over HTTP (op- en afschalen, issue 6): the casusregisseur side or the
 * treating provider proposes to change one running allocation, with reasons and the plan goals
 * it serves; the procesregisseur approves or refuses (with a reason). An approval changes the
 * allocation through the allocation path: help that ends early goes out as a changed JW301
 * (same ToewijzingNummer, earlier Einddatum, RedenWijziging 05), new help as a route A allocation
 * proposal to the municipality's back office. Who may do what lives in
 * `domain/allocation/adjustment.ts`; every read and change is audited.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ADJUSTMENT_DIRECTIONS } from '../../domain/allocation/adjustment.js';
import {
  caseAdjustments,
  decideAdjustment,
  proposeAdjustment,
  type AdjustmentView,
  type AdjustmentsOverview,
} from '../../store/adjustments.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const isoDate = z.iso.date({ error: 'een datum als jjjj-mm-dd' });
const text = (max: number) => z.string().trim().max(max);

const proposalBody = z.strictObject({
  richting: z.enum(ADJUSTMENT_DIRECTIONS, {
    error: 'kies opschalen (op), afschalen (af) of andere hulp (anders)',
  }),
  toewijzingId: z.string().trim().max(64),
  einddatum: isoDate.nullable().optional(),
  nieuweHulp: z
    .strictObject({
      productcode: z.string().trim().toUpperCase().min(1, { error: 'kies een product' }).max(5),
      volume: z.number().int({ error: 'een heel getal' }),
      ingangsdatum: isoDate,
      einddatum: isoDate.nullable().optional(),
    })
    .nullable()
    .optional(),
  aanbieder: z
    .string()
    .trim()
    .regex(/^\d{8}$/, { error: 'een AGB-code is 8 cijfers' })
    .nullable()
    .optional(),
  redenen: text(4000).min(1, { error: 'geef de redenen voor de aanpassing' }),
  doelen: z.array(z.string().trim().min(1).max(64)).max(50),
  overlegAanbieder: text(1000).optional(),
  adviesExpertpool: z
    .strictObject({ datum: isoDate, samenvatting: z.string().trim().min(1).max(2000) })
    .optional(),
});

const decisionBody = z.discriminatedUnion(
  'besluit',
  [
    z.strictObject({ besluit: z.literal('goedkeuren'), toelichting: text(2000).optional() }),
    z.strictObject({
      besluit: z.literal('afwijzen'),
      reden: text(2000).min(1, { error: 'geef de reden van de afwijzing' }),
    }),
  ],
  { error: 'kies goedkeuren of afwijzen' },
);

function history(a: AdjustmentView) {
  const out: { op: string; wat: string; door: string | null; toelichting: string | null }[] = [
    {
      op: a.proposedAt.toISOString(),
      wat: 'voorgesteld',
      door: a.proposedBy,
      toelichting: a.content.reasons,
    },
  ];
  if (a.decidedAt)
    out.push({
      op: a.decidedAt.toISOString(),
      wat: a.status === 'afgewezen' ? 'afgewezen' : 'goedgekeurd',
      door: a.decidedBy,
      toelichting: a.decisionNote,
    });
  if (a.executedAt)
    out.push({
      op: a.executedAt.toISOString(),
      wat: a.status === 'niet-toegewezen' ? 'niet-toegewezen' : 'uitgevoerd',
      door: null,
      toelichting: a.outcome?.refusal ?? null,
    });
  return out;
}

function present(a: AdjustmentView) {
  const c = a.content;
  return {
    id: a.id,
    richting: a.direction,
    status: a.status,
    toewijzing: {
      id: a.allocation.id,
      nummer: a.allocation.number,
      productcode: a.allocation.productCode,
      aanbieder: a.allocation.providerName,
      // As it was when the change was proposed.
      volume: c.allocation.volume,
      ingangsdatum: c.allocation.start,
      einddatum: c.allocation.end,
    },
    einddatum: c.end,
    nieuweHulp: c.newHelp
      ? {
          productcode: c.newHelp.productCode,
          volume: c.newHelp.volume,
          ingangsdatum: c.newHelp.start,
          einddatum: c.newHelp.end,
        }
      : null,
    aanbieder: c.providerAgb,
    redenen: c.reasons,
    doelen: c.goals.map((g) => ({ id: g.id, omschrijving: g.description })),
    overlegAanbieder: c.providerConsultation || null,
    voorgesteldDoor: a.proposedBy,
    voorgesteldOp: a.proposedAt.toISOString(),
    besluit: a.decidedAt
      ? {
          door: a.decidedBy,
          op: a.decidedAt.toISOString(),
          ...(a.status === 'afgewezen'
            ? { reden: a.decisionNote, toelichting: null }
            : { reden: null, toelichting: a.decisionNote }),
        }
      : null,
    uitvoering: {
      op: a.executedAt?.toISOString() ?? null,
      gewijzigdeToewijzing: a.outcome?.changed
        ? {
            nummer: a.outcome.changed.number,
            vorigeEinddatum: a.outcome.changed.from,
            einddatum: a.outcome.changed.to,
            redenWijziging: a.outcome.changed.reason,
          }
        : null,
      nieuweToewijzingen: a.outcome?.numbers ?? [],
      toewijzingsvoorstel: a.allocationProposal,
      afwijzingGemeente: a.outcome?.refusal ?? null,
    },
    geschiedenis: history(a),
    magBesluiten: a.mayDecide,
  };
}

function overview(o: AdjustmentsOverview) {
  return {
    magVoorstellen: o.mayPropose,
    heeftProcesregisseur: o.hasProcesregisseur,
    toewijzingen: o.allocations.map((a) => ({
      id: a.id,
      nummer: a.number,
      productcode: a.productCode,
      aanbieder: { naam: a.providerName, agb: a.providerAgb },
      volume: a.volume,
      eenheid: a.unit,
      frequentie: a.frequency,
      ingangsdatum: a.start,
      einddatum: a.end,
      status: a.status,
      lopendVoorstel: a.openAdjustment,
      magAanpassen: a.mayAdjust,
    })),
    doelen: o.planGoals.map((g) => ({ id: g.id, omschrijving: g.description })),
    aanpassingen: o.adjustments.map(present),
  };
}

export const adjustmentRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/aanpassingen',
      {
        schema: {
          summary:
            'Voorstellen om de hulp aan te passen (op- en afschalen) met besluit en geschiedenis, en de toewijzingen die aangepast kunnen worden',
          params: z.object({ id: z.string().max(64) }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseAdjustments(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return overview(result);
      },
    );

    app.post(
      '/casussen/:id/aanpassingen',
      {
        schema: {
          summary:
            'Een aanpassing van een lopende toewijzing voorstellen: richting, redenen en de doelen uit het plan',
          params: z.object({ id: z.string().max(64) }),
          body: proposalBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const created = await proposeAdjustment(
          deps.db,
          ctx,
          request.params.id,
          {
            direction: b.richting,
            allocationId: b.toewijzingId,
            end: b.einddatum ?? null,
            newHelp: b.nieuweHulp
              ? {
                  productCode: b.nieuweHulp.productcode,
                  volume: b.nieuweHulp.volume,
                  start: b.nieuweHulp.ingangsdatum,
                  end: b.nieuweHulp.einddatum ?? null,
                }
              : null,
            providerAgb: b.aanbieder ?? null,
            reasons: b.redenen,
            goalIds: b.doelen,
            providerConsultation: b.overlegAanbieder ?? '',
            expertAdvice: b.adviesExpertpool
              ? { date: b.adviesExpertpool.datum, summary: b.adviesExpertpool.samenvatting }
              : null,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/aanpassingen/:id/besluit',
      {
        schema: {
          summary:
            'De procesregisseur besluit: goedkeuren (de toewijzing verandert) of afwijzen met reden',
          params: z.object({ id: z.string().max(64) }),
          body: decisionBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const result = await decideAdjustment(
          deps.db,
          ctx,
          request.params.id,
          b.besluit === 'afwijzen'
            ? { decision: 'afgewezen', reason: b.reden }
            : { decision: 'goedgekeurd', note: b.toelichting ?? '' },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({
          status: result.status,
          toewijzingsvoorstelId: result.proposalId,
          berichtId: result.messageId,
        });
      },
    );
  };
