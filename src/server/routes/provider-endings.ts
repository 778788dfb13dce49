/**
 * Ending by the provider over HTTP (issue 7; RIJ-DEC-PROVIDER-END): the six steps of the case's
 * region, where each procedure stands, and one route per step. The provider with behandelregie
 * (planner, behandelaar) starts, records the talks and reports; the casusregisseur decides,
 * weighing criteria a-d; either of them records the handover. Readers of the case who may not
 * take a step get 403; a provider never sees another provider's procedure (404).
 *
 * Contract managers have their own routes, `/beeindigingen` and `/beeindigingen/{id}`: the
 * anonymised copies of the reports of their region and nothing else.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ENDING_DECISIONS,
  type CriterionAnswer,
  type EndingCopy,
} from '../../domain/allocation/provider-ending.js';
import { parseIsoDate } from '../../domain/time/index.js';
import {
  caseProviderEndings,
  decideProviderEnding,
  recordEndingHandover,
  recordEndingTalk,
  reportProviderEnding,
  sharedEndingCopies,
  startProviderEnding,
  type EndingView,
  type SharedEndingCopy,
} from '../../store/provider-endings.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const text = (max: number) => z.string().trim().max(max);
const isoDate = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, { error: 'geen geldige datum (JJJJ-MM-DD)' });
const id = z.object({ id: z.string().max(64) });

const startBody = z.strictObject({
  toewijzingId: z.string().max(64),
  aanleiding: text(4000),
});

const talkBody = z.strictObject({
  datum: isoDate,
  metJeugdige: z.boolean(),
  metOuders: z.boolean(),
  deelnemers: text(1000),
  verslag: text(8000),
  afspraken: text(4000),
});

const reportBody = z.strictObject({
  redenen: text(8000),
  voorstelVervolg: text(4000),
  gezinGeinformeerdOp: isoDate,
});

const criterion = z.strictObject({
  antwoord: z.enum(['ja', 'nee']),
  motivering: text(2000),
});
const decisionBody = z.strictObject({
  besluit: z.enum(ENDING_DECISIONS),
  criteria: z.record(z.string().max(8), criterion),
  reden: text(4000).nullable().default(null),
});

const handoverBody = z.strictObject({
  vervolg: text(1000),
  laatsteDag: isoDate,
  warmeOverdracht: text(4000),
});

function presentRule(rule: EndingView['rule']) {
  return {
    id: rule.id,
    titel: rule.title,
    bron: `${rule.sourceKey}, ${rule.source}`,
    stappen: rule.steps,
    criteria: rule.criteria?.map((c) => ({ code: c.code, tekst: c.text })) ?? [],
  };
}

function present(e: EndingView) {
  return {
    id: e.id,
    kenmerk: e.reference,
    regel: e.rule.id,
    status: e.state,
    aanZet: e.turn,
    stappen: e.steps.map((s) => ({
      nummer: s.number,
      tekst: s.text,
      wie: s.party,
      status: s.state,
    })),
    toewijzing: { id: e.allocation.id, nummer: e.allocation.number, product: e.allocation.product },
    aanbieder: { id: e.provider.id, naam: e.provider.name },
    aanbiederVerantwoordelijk: e.providerResponsible,
    leeftijdJeugdige: e.youngPersonAge,
    gesprekOudersNodig: e.parentTalkRequired,
    aanleiding: e.firstReason,
    gestartOp: e.startedAt.toISOString(),
    gestartDoor: e.startedBy,
    gesprekken: e.talks.map((t) => ({
      id: t.id,
      datum: t.heldOn,
      metJeugdige: t.withYoungPerson,
      metOuders: t.withParents,
      deelnemers: t.participants,
      verslag: t.report,
      afspraken: t.agreements,
      vastgelegdDoor: t.recordedBy,
    })),
    melding: e.report
      ? {
          redenen: e.report.reasons,
          voorstelVervolg: e.report.followUpProposal,
          gezinGeinformeerdOp: e.report.familyInformedOn,
          gesprekken: e.report.talkIds,
          gemeldOp: e.report.reportedAt.toISOString(),
          gemeldDoor: e.report.reportedBy,
        }
      : null,
    besluit: e.decision
      ? {
          besluit: e.decision.decision,
          criteria: e.decision.criteria.map((c) => ({
            code: c.code,
            tekst: c.text,
            antwoord: c.answer === null ? null : c.answer ? 'ja' : 'nee',
            weegt: c.weighs,
            blokkeert: c.blocks,
            motivering: c.motivation,
          })),
          reden: e.decision.reason,
          beslotenOp: e.decision.decidedAt.toISOString(),
          beslotenDoor: e.decision.decidedBy,
        }
      : null,
    overdracht: e.handover
      ? {
          vervolg: e.handover.followUp,
          laatsteDag: e.handover.lastDay,
          warmeOverdracht: e.handover.warmHandover,
          vastgelegdOp: e.handover.at.toISOString(),
          vastgelegdDoor: e.handover.by,
        }
      : null,
    magAlsAanbieder: e.mayActAsProvider,
    magBesluiten: e.mayDecide,
  };
}

/** The copy in its fixed form, with Dutch keys. */
function presentCopy(c: SharedEndingCopy) {
  const copy: EndingCopy = c.copy;
  return {
    id: c.id,
    kenmerk: c.reference,
    gemeldOp: c.reportedAt.toISOString(),
    status: c.state,
    kopie: {
      regel: copy.ruleId,
      regio: copy.region,
      gemeente: copy.municipality,
      datumMelding: copy.reportedOn,
      route: copy.route,
      segment: copy.segment,
      leeftijden: copy.ages,
      product: copy.product,
      aanbieder: copy.provider,
      aanleiding: copy.firstReason,
      redenen: copy.reasons,
      voorstelVervolg: copy.followUpProposal,
      gesprekken: copy.talks.map((t) => ({
        datum: t.heldOn,
        metJeugdige: t.withYoungPerson,
        metOuders: t.withParents,
        verslag: t.report,
        afspraken: t.agreements,
      })),
    },
  };
}

export const providerEndingRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/beeindigingen',
      {
        schema: {
          summary: 'Beëindigingen door de aanbieder op de casus, met de procedure van de regio',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseProviderEndings(
          deps.db,
          ctx,
          request.params.id,
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          regio: result.region,
          procedure: result.rule ? presentRule(result.rule) : null,
          beeindigingen: result.endings.map(present),
          startbaar: result.startable.map((a) => ({
            id: a.id,
            nummer: a.number,
            product: a.product,
          })),
        };
      },
    );

    app.post(
      '/casussen/:id/beeindigingen',
      {
        schema: {
          summary: 'Stap 1: de aanbieder meldt vroegtijdig dat beëindiging mogelijk is',
          params: id,
          body: startBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const result = await startProviderEnding(
          deps.db,
          ctx,
          request.params.id,
          { allocationId: request.body.toewijzingId, reason: request.body.aanleiding },
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id, kenmerk: result.reference });
      },
    );

    app.post(
      '/beeindigingen/:id/gesprekken',
      {
        schema: {
          summary: 'Stap 2 en 3: een gesprek met verslag en afspraken vastleggen',
          params: id,
          body: talkBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const result = await recordEndingTalk(
          deps.db,
          ctx,
          request.params.id,
          {
            heldOn: b.datum,
            withYoungPerson: b.metJeugdige,
            withParents: b.metOuders,
            participants: b.deelnemers,
            report: b.verslag,
            agreements: b.afspraken,
          },
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id });
      },
    );

    app.post(
      '/beeindigingen/:id/melding',
      {
        schema: {
          summary:
            'Stap 4: de onvermijdelijke beëindiging melden, met kopie aan de contractmanager',
          params: id,
          body: reportBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        await reportProviderEnding(
          deps.db,
          ctx,
          request.params.id,
          {
            reasons: b.redenen,
            followUpProposal: b.voorstelVervolg,
            familyInformedOn: b.gezinGeinformeerdOp,
          },
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.post(
      '/beeindigingen/:id/besluit',
      {
        schema: {
          summary: 'Stap 5: de casusregisseur besluit, na weging van de criteria a tot en met d',
          params: id,
          body: decisionBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const criteria: Record<string, CriterionAnswer> = Object.fromEntries(
          Object.entries(b.criteria).map(([code, c]) => [
            code,
            { answer: c.antwoord === 'ja', motivation: c.motivering },
          ]),
        );
        await decideProviderEnding(
          deps.db,
          ctx,
          request.params.id,
          { decision: b.besluit, criteria, reason: b.reden },
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.post(
      '/beeindigingen/:id/overdracht',
      {
        schema: {
          summary: 'Stap 6: de overdracht aan het vervolg vastleggen; daarna is de procedure klaar',
          params: id,
          body: handoverBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        await recordEndingHandover(
          deps.db,
          ctx,
          request.params.id,
          { followUp: b.vervolg, lastDay: b.laatsteDag, warmHandover: b.warmeOverdracht },
          deps.profiles,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    app.get(
      '/beeindigingen',
      {
        schema: {
          summary: 'Geanonimiseerde kopieën van meldingen van beëindiging, voor de contractmanager',
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const list = await sharedEndingCopies(deps.db, ctx).catch(asBodyError);
        return list.map(presentCopy);
      },
    );

    app.get(
      '/beeindigingen/:id',
      {
        schema: {
          summary:
            'Eén geanonimiseerde kopie van een melding van beëindiging, voor de contractmanager',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const [copy] = await sharedEndingCopies(deps.db, ctx, request.params.id).catch(asBodyError);
        return presentCopy(copy as SharedEndingCopy);
      },
    );
  };
