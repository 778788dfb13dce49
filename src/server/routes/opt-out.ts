/**
 * Opt-out on route B and the local team's questions over HTTP (GRO-TOE-OPTOUT).
 *
 * - The treating provider files the family's signed statement that the local team is not to be
 *   informed, or records that the family withdrew it; everyone who reads the case sees it.
 * - A local team reads the questions the back office put to it and answers them; for an
 *   anonymous question it never learns the case or family. The back office reads its own
 *   municipality's questions (and on the request itself, see the iJw routes).
 * Every read and change is audited.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  answerTeamQuestion,
  listTeamQuestions,
  type TeamQuestionView,
} from '../../ijw/team-questions.js';
import { writeAudit } from '../../store/audit.js';
import { getOptOut, recordOptOut, withdrawOptOut } from '../../store/opt-out.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { ApiError } from '../errors.js';

/** A question as the API shows it (shared with the request detail of the iJw routes). */
export function questionBody(q: TeamQuestionView) {
  return {
    id: q.id,
    berichtId: q.messageId,
    casusId: q.caseId,
    gezin: q.family,
    team: { id: q.team.id, naam: q.team.name },
    anoniem: q.anonymous,
    vraag: q.question,
    verzoek: {
      leeftijd: q.request.age,
      gemeente: q.request.municipality,
      producten: q.request.products.map((p) => ({
        code: p.code,
        naam: p.name,
        volume: p.volume,
        eenheid: p.unit,
      })),
    },
    gesteldOp: q.askedAt.toISOString(),
    antwoord: q.answer,
    beantwoordDoor: q.answeredBy,
    beantwoordOp: q.answeredAt?.toISOString() ?? null,
  };
}

export const optOutRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    const caseParams = z.object({ id: z.string().max(64) });

    app.get(
      '/casussen/:id/opt-out',
      {
        schema: {
          summary: 'De opt-out van het gezin op deze casus (of null), GRO-TOE-OPTOUT',
          params: caseParams,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const optOut = await getOptOut(deps.db, ctx, request.params.id, deps.clock.now());
        return {
          optOut: optOut
            ? {
                id: optOut.id,
                ondertekendOp: optOut.signedOn,
                ondertekendDoor: optOut.signers.map((p) => ({ id: p.id, naam: p.name })),
                kenmerk: optOut.reference,
                vastgelegdDoor: optOut.recordedBy,
                vastgelegdOp: optOut.recordedAt.toISOString(),
              }
            : null,
        };
      },
    );

    app.post(
      '/casussen/:id/opt-out',
      {
        schema: {
          summary:
            'De getekende verklaring van het gezin vastleggen: het lokale team niet informeren (aanbieder met behandelregie)',
          params: caseParams,
          body: z.strictObject({
            ondertekendOp: z.iso.date({ error: 'een datum als jjjj-mm-dd' }),
            ondertekendDoor: z
              .array(z.string().max(64))
              .max(10, { error: 'hoogstens 10 personen' }),
            kenmerk: z.string().trim().max(200),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const result = await recordOptOut(
          deps.db,
          ctx,
          request.params.id,
          {
            signedOn: request.body.ondertekendOp,
            signers: request.body.ondertekendDoor,
            reference: request.body.kenmerk,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id });
      },
    );

    app.post(
      '/casussen/:id/opt-out/intrekken',
      {
        schema: {
          summary: 'Vastleggen dat het gezin de opt-out heeft ingetrokken',
          params: caseParams,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        await withdrawOptOut(deps.db, ctx, request.params.id, deps.clock.now()).catch(asBodyError);
        return reply.status(204).send();
      },
    );

    /** The caller's side of a question: its municipality's back office, or its local team. */
    async function questionReader(request: Parameters<typeof requireUser>[0]) {
      const ctx = requireUser(request);
      const org = await deps.db
        .selectFrom('organisation')
        .select(['kind', 'agb_code'])
        .where('id', '=', ctx.actor.organisationId)
        .executeTakeFirst();
      if (org?.kind === 'gemeente' && org.agb_code && ctx.actor.roles.includes('backoffice'))
        return { ctx, reader: { kind: 'gemeente' as const, municipalityCode: org.agb_code } };
      if (
        org?.kind === 'lokaal-team' &&
        ctx.actor.roles.some((r) => r === 'casusregisseur' || r === 'teamleider')
      )
        return {
          ctx,
          reader: { kind: 'lokaal-team' as const, teamId: ctx.actor.organisationId },
        };
      throw new ApiError(
        'forbidden',
        'Alleen een lokaal team en de backoffice van de gemeente werken met adviesvragen.',
      );
    }

    app.get(
      '/adviesvragen',
      {
        schema: {
          summary:
            'Adviesvragen over verzoeken om toewijzing: die het eigen lokale team kreeg, of die de eigen gemeente stelde',
          querystring: z.strictObject({ open: z.enum(['ja', 'nee']).optional() }),
        },
      },
      async (request) => {
        const { ctx, reader } = await questionReader(request);
        const questions = await listTeamQuestions(
          deps.db,
          reader,
          request.query.open ? { open: request.query.open === 'ja' } : {},
        );
        await writeAudit(deps.db, ctx, {
          action: 'adviesvragen.lijst',
          details: { count: questions.length },
        });
        return { vragen: questions.map(questionBody) };
      },
    );

    app.post(
      '/adviesvragen/:id/antwoord',
      {
        schema: {
          summary: 'Het advies van het lokale team op een vraag van de gemeente',
          params: z.object({ id: z.string().max(64) }),
          body: z.strictObject({
            advies: z.string().trim().min(1, { error: 'schrijf het advies' }).max(4000),
          }),
        },
      },
      async (request, reply) => {
        const { ctx, reader } = await questionReader(request);
        if (reader.kind !== 'lokaal-team')
          throw new ApiError('forbidden', 'Alleen het lokale team beantwoordt een adviesvraag.');
        await answerTeamQuestion(
          deps.db,
          ctx,
          request.params.id,
          request.body.advies,
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(204).send();
      },
    );
  };
