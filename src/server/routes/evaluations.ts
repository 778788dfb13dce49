/**
 * Evaluations over HTTP (issue 6): the agenda of the next evaluation from the fixed plan and the
 * region's purposes (ZTM-CAD-EVAL), the minutes of a held evaluation, and their distribution to
 * the participants (ZTM-TERM-MINUTES counts from the meeting to the distribution). Whoever may
 * read the case works with its evaluations; every read and change is audited.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PARTICIPANT_ROLES } from '../../domain/evaluations/index.js';
import { GOAL_PROGRESS } from '../../domain/plans/types.js';
import { EVALUATION_KINDS } from '../../domain/rules/types.js';
import { parseInstant } from '../../domain/time/index.js';
import {
  caseEvaluations,
  distributeMinutes,
  planEvaluation,
  recordEvaluation,
  type EvaluationView,
} from '../../store/evaluations.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { ApiError } from '../errors.js';
import { basisRevisie, staleWriteResponse } from './revision.js';

const instant = z.string().refine((v) => parseInstant(v) !== null, {
  error: 'geen geldig tijdstip, bijv. 2026-03-02T09:00:00+01:00',
});
const text = (max: number) => z.string().trim().max(max);

const minutesBody = z.strictObject({
  soort: z.enum(EVALUATION_KINDS),
  gehoudenOp: instant,
  deelnemers: z
    .array(
      z.strictObject({
        naam: text(200),
        rol: z.enum(PARTICIPANT_ROLES),
        email: z.union([z.literal(''), z.email({ error: 'geen geldig e-mailadres' })]).optional(),
      }),
    )
    .max(30),
  doelen: z
    .array(
      z.strictObject({
        doelId: text(64),
        voortgang: z.enum(GOAL_PROGRESS),
        bevindingen: text(4000),
        besluit: text(2000),
        acties: z.array(z.strictObject({ wie: text(200), wat: text(1000) })).max(20),
      }),
    )
    .max(50),
  algemeen: text(4000),
  geplandeEvaluatieId: z.string().max(64).nullable().default(null),
  /** The planned evaluation's revision (`gepland[].revisie`); required with its id (ADR 0028). */
  basisRevisie: basisRevisie.nullable().default(null),
});

const planningBody = z.strictObject({
  soort: z.enum(EVALUATION_KINDS),
  geplandOp: instant,
  genodigden: z
    .array(
      z.strictObject({
        naam: text(200),
        rol: z.enum(PARTICIPANT_ROLES),
        email: z.union([z.literal(''), z.email({ error: 'geen geldig e-mailadres' })]).optional(),
      }),
    )
    .max(30),
});

function present(e: EvaluationView) {
  return {
    id: e.id,
    soort: e.kind,
    gehoudenOp: e.heldAt.toISOString(),
    plan: { soort: e.plan.kind, versie: e.plan.version },
    deelnemers: e.participants.map((p) => ({ naam: p.name, rol: p.role, email: p.email })),
    doelen: e.goals.map((g) => ({
      doelId: g.goalId,
      omschrijving: g.description,
      voortgang: g.progress,
      bevindingen: g.notes,
      besluit: g.decision,
      acties: g.actions.map((a) => ({ wie: a.who, wat: a.what })),
    })),
    algemeen: e.general,
    vastgelegdDoor: e.recordedBy,
    verspreidOp: e.distributedAt?.toISOString() ?? null,
  };
}

export const evaluationRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    /**
     * The region's evaluation rules for this case's profile: the cadences and minimums counted
     * in evaluations (ZTM-CAD-EVAL, LEK-EVAL-MIN, RIJ-CAD-GEZINSPLAN-*), and the purposes ZTM
     * gives its evaluation moments.
     */
    async function evaluationRules(
      caseId: string,
    ): Promise<{ purposes: readonly string[]; ruleIds: string[] }> {
      if (!/^[0-9a-f-]{36}$/i.test(caseId)) return { purposes: [], ruleIds: [] };
      const casus = await deps.db
        .selectFrom('casus')
        .select('region')
        .where('id', '=', caseId)
        .executeTakeFirst();
      const profile = casus ? deps.profiles.get(casus.region) : undefined;
      let purposes: readonly string[] = [];
      const ruleIds: string[] = [];
      for (const rule of profile?.rules ?? []) {
        if (rule.kind === 'cadence' && rule.occurrence.some((m) => m.type === 'evaluatie')) {
          ruleIds.push(rule.id);
          if (rule.purposes && purposes.length === 0) purposes = rule.purposes;
        }
        if (rule.kind === 'requirement' && rule.minimum.some((m) => m.event.type === 'evaluatie'))
          ruleIds.push(rule.id);
      }
      return { purposes, ruleIds };
    }

    app.get(
      '/casussen/:id/evaluaties',
      {
        schema: {
          summary:
            'Evaluaties van de casus en de agenda van de volgende (uit het vastgestelde plan)',
          params: z.object({ id: z.string().max(64) }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const rules = await evaluationRules(request.params.id);
        const overview = await caseEvaluations(
          deps.db,
          ctx,
          request.params.id,
          rules.purposes,
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          evaluatieRegels: rules.ruleIds,
          gepland: overview.planned.map((m) => ({
            id: m.id,
            revisie: m.revision,
            soort: m.kind,
            geplandOp: m.plannedAt.toISOString(),
            genodigden: m.invitees.map((p) => ({ naam: p.name, rol: p.role, email: p.email })),
            geplandDoor: m.plannedBy,
            plaats: m.location,
            onderwerpen: m.topics,
            inbrengGezin: m.familyInput.map((i) => ({ naam: i.name, tekst: i.text })),
          })),
          evaluaties: overview.evaluations.map(present),
          agenda:
            overview.nextAgenda?.map((a) => ({ doelId: a.goalId, onderwerp: a.text })) ?? null,
          plan: overview.plan
            ? {
                id: overview.plan.id,
                soort: overview.plan.kind,
                versie: overview.plan.version,
                doelen: overview.plan.goals.map((g) => ({ id: g.id, omschrijving: g.description })),
              }
            : null,
        };
      },
    );

    app.post(
      '/casussen/:id/evaluaties',
      {
        schema: {
          summary: 'Het verslag van een gehouden evaluatie vastleggen (elk doel van het plan)',
          params: z.object({ id: z.string().max(64) }),
          body: minutesBody,
          response: {
            201: z.object({ id: z.string(), voortgangInPlanversie: z.number().int() }),
            409: staleWriteResponse,
          },
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        if (b.geplandeEvaluatieId !== null && b.basisRevisie === null)
          throw new ApiError('bad-request', 'De invoer klopt niet.', [
            {
              path: 'body.basisRevisie',
              message:
                'ontbreekt (verplicht bij een geplande evaluatie): de revisie die u bij het openen kreeg',
            },
          ]);
        const result = await recordEvaluation(
          deps.db,
          ctx,
          request.params.id,
          {
            kind: b.soort,
            heldAt: parseInstant(b.gehoudenOp) ?? 0,
            participants: b.deelnemers.map((p) => ({
              name: p.naam,
              role: p.rol,
              email: p.email ? p.email : null,
            })),
            goals: b.doelen.map((g) => ({
              goalId: g.doelId,
              progress: g.voortgang,
              notes: g.bevindingen,
              decision: g.besluit,
              actions: g.acties.map((a) => ({ who: a.wie, what: a.wat })),
            })),
            general: b.algemeen,
          },
          deps.clock.now(),
          b.geplandeEvaluatieId === null
            ? null
            : { id: b.geplandeEvaluatieId, basis: b.basisRevisie ?? 0 },
        ).catch(asBodyError);
        return reply
          .status(201)
          .send({ id: result.id, voortgangInPlanversie: result.progressInVersion });
      },
    );

    app.post(
      '/casussen/:id/evaluaties/gepland',
      {
        schema: {
          summary: 'Een evaluatie plannen: soort, moment en genodigden (het gezin altijd)',
          params: z.object({ id: z.string().max(64) }),
          body: planningBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const result = await planEvaluation(
          deps.db,
          ctx,
          request.params.id,
          {
            kind: b.soort,
            plannedAt: parseInstant(b.geplandOp) ?? 0,
            invitees: b.genodigden.map((p) => ({
              name: p.naam,
              role: p.rol,
              email: p.email ? p.email : null,
            })),
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send(result);
      },
    );

    app.post(
      '/evaluaties/:id/verspreiden',
      {
        schema: {
          summary: 'Vastleggen dat het verslag naar de deelnemers is gegaan (ZTM-TERM-MINUTES)',
          params: z.object({ id: z.string().max(64) }),
          body: z.strictObject({ op: instant }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await distributeMinutes(
          deps.db,
          ctx,
          request.params.id,
          new Date(parseInstant(request.body.op) ?? 0),
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          casusId: result.caseId,
          ontvangers: result.recipients.map((p) => ({ naam: p.name, email: p.email })),
        };
      },
    );
  };
