/**
 * Sharing decisions over HTTP (ADR 0020; DOMAIN.md section 10; Jeugdwet 7.3.11; ZTM "Privacy en
 * ethiek"; GRO "Privacy"): the decisions of a case, and recording one on the basis of consent, a
 * recorded weighing or a legal exception. Outsiders get 404; break-the-glass readers may read but
 * not record (403).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SHARING_SOURCES, WEIGHING_QUESTIONS } from '../../domain/privacy/sharing.js';
import type { SharingDecision } from '../../store/sharing.js';
import { caseSharingDecisions, recordSharingDecision } from '../../store/sharing.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const params = z.object({ id: z.string().max(64) });
const text = (max: number) => z.string().max(max);
const answer = z.strictObject({
  antwoord: z.enum(['ja', 'nee']).nullable().optional(),
  motivering: text(4000).optional(),
});

const decisionBody = (d: SharingDecision) => ({
  id: d.id,
  wat: d.what,
  ontvangerSoort: d.recipientKind,
  ontvanger: d.recipient,
  grondslag: d.basis,
  toestemmingVerwijzing: d.consentReference,
  afweging: d.weighing
    ? {
        ...Object.fromEntries(
          WEIGHING_QUESTIONS.map((q) => [
            q,
            {
              antwoord: d.weighing?.answers[q].answer ?? null,
              motivering: d.weighing?.answers[q].motivation ?? '',
            },
          ]),
        ),
        geinformeerd: d.weighing.informed,
        redenNietGeinformeerd: d.weighing.notInformedReason || null,
      }
    : null,
  uitzondering: d.exception
    ? { soort: d.exception.kind, motivering: d.exception.motivation }
    : null,
  zichtbaarVoorGezin: d.visibleToFamily,
  redenNietZichtbaar: d.withheldReason,
  vastgelegdDoor: d.decidedBy,
  vastgelegdOp: d.decidedAt.toISOString(),
});

export const sharingRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/gegevensdeling',
      {
        schema: {
          summary: 'Besluiten over het delen van gegevens van het gezin, nieuwste eerst',
          params,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseSharingDecisions(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          bronnen: SHARING_SOURCES,
          besluiten: result.decisions.map(decisionBody),
          magVastleggen: result.mayRecord,
        };
      },
    );

    app.post(
      '/casussen/:id/gegevensdeling',
      {
        schema: {
          summary:
            'Een besluit over delen vastleggen: op toestemming, na een vastgelegde afweging of op een wettelijke uitzondering',
          params,
          body: z.strictObject({
            wat: text(4000),
            ontvangerSoort: text(40),
            ontvanger: text(400),
            grondslag: text(40),
            toestemmingVerwijzing: text(400).nullable().optional(),
            afweging: z
              .strictObject({
                signaal: answer.optional(),
                doel: answer.optional(),
                subsidiariteit: answer.optional(),
                proportionaliteit: answer.optional(),
                doelmatigheid: answer.optional(),
                geinformeerd: z.boolean().nullable().optional(),
                redenNietGeinformeerd: text(4000).nullable().optional(),
              })
              .nullable()
              .optional(),
            uitzondering: z
              .strictObject({ soort: text(40), motivering: text(4000).optional() })
              .nullable()
              .optional(),
            zichtbaarVoorGezin: z.boolean().optional(),
            redenNietZichtbaar: text(4000).nullable().optional(),
          }),
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const w = b.afweging;
        const result = await recordSharingDecision(
          deps.db,
          ctx,
          request.params.id,
          {
            what: b.wat,
            recipientKind: b.ontvangerSoort,
            recipient: b.ontvanger,
            basis: b.grondslag,
            consentReference: b.toestemmingVerwijzing ?? null,
            weighing: w
              ? {
                  answers: {
                    signaal: {
                      answer: w.signaal?.antwoord ?? null,
                      motivation: w.signaal?.motivering ?? '',
                    },
                    doel: {
                      answer: w.doel?.antwoord ?? null,
                      motivation: w.doel?.motivering ?? '',
                    },
                    subsidiariteit: {
                      answer: w.subsidiariteit?.antwoord ?? null,
                      motivation: w.subsidiariteit?.motivering ?? '',
                    },
                    proportionaliteit: {
                      answer: w.proportionaliteit?.antwoord ?? null,
                      motivation: w.proportionaliteit?.motivering ?? '',
                    },
                    doelmatigheid: {
                      answer: w.doelmatigheid?.antwoord ?? null,
                      motivation: w.doelmatigheid?.motivering ?? '',
                    },
                  },
                  informed: w.geinformeerd ?? null,
                  notInformedReason: w.redenNietGeinformeerd ?? '',
                }
              : null,
            exception: b.uitzondering
              ? { kind: b.uitzondering.soort, motivation: b.uitzondering.motivering ?? '' }
              : null,
            visibleToFamily: b.zichtbaarVoorGezin ?? true,
            withheldReason: b.redenNietZichtbaar ?? '',
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id });
      },
    );
  };
