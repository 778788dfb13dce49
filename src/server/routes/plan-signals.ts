/**
 * What the plans of a case still ask for: a toekomstplan for each young person from 16.5
 * (LEK-TERM-TOEKOMSTPLAN, applied in every region), and the familiegroepsplan the family must
 * be offered first (Jeugdwet article 4.1.2), with recording that offer and the answer.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  FAMILY_GROUP_ANSWERS,
  FAMILY_GROUP_RULE,
  FAMILY_GROUP_SOURCE,
  familyGroupOfferApplies,
  familyGroupOfferProblems,
  familyGroupState,
  toekomstplanPrompts,
  type FamilyGroupAnswer,
} from '../../domain/plans/index.js';
import { localDay, parseInstant } from '../../domain/time/index.js';
import { caseAssessments, recordAssessment } from '../../store/assessments.js';
import { getCase } from '../../store/cases.js';
import { listPlans } from '../../store/plans.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { ApiError } from '../errors.js';

const TOEKOMSTPLAN_RULE = 'LEK-TERM-TOEKOMSTPLAN';
const id = z.object({ id: z.string().max(64) });

export const planSignalRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/plansignalen',
      {
        schema: {
          summary: 'Toekomstplan vanaf 16,5 jaar en het aanbod van een familiegroepsplan',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const now = deps.clock.now();
        const detail = await getCase(deps.db, ctx, request.params.id, now);
        const plans = await listPlans(deps.db, ctx, request.params.id, now);
        const { all } = await caseAssessments(deps.db, ctx, request.params.id, now);
        const covered = new Set(
          plans
            .filter((p) => p.kind === 'toekomstplan' && p.everFixed && p.subjectPersonId)
            .map((p) => p.subjectPersonId as string),
        );
        const rule = [...deps.profiles.values()]
          .flatMap((p) => p.rules)
          .find((r) => r.id === TOEKOMSTPLAN_RULE);
        const offers = all.filter((r) => r.kind === 'familiegroepsplan-aanbod');
        const latest = offers.at(-1);
        const state = familyGroupState(
          (latest?.content['antwoord'] as FamilyGroupAnswer | undefined) ?? null,
          plans.some((p) => p.kind === 'familiegroepsplan'),
        );
        return {
          toekomstplan: toekomstplanPrompts(detail.persons, localDay(now.getTime()), covered).map(
            (p) => ({
              jeugdigeId: p.personId,
              naam: p.name,
              vanaf: p.from,
              melding: p.message,
              regel: TOEKOMSTPLAN_RULE,
              bron: rule ? `${rule.sourceKey}: ${rule.source}` : 'RIJ: Toekomstplan',
              uitleg: `/api/v1/regels/${TOEKOMSTPLAN_RULE}`,
            }),
          ),
          familiegroepsplan: familyGroupOfferApplies(detail.measure)
            ? {
                regel: FAMILY_GROUP_RULE,
                bron: FAMILY_GROUP_SOURCE,
                stand: state.state,
                melding: state.message,
                aanbiedingen: offers.map((o) => ({
                  id: o.id,
                  op: String(o.content['op']),
                  antwoord: o.content['antwoord'],
                  toelichting: o.content['toelichting'] ?? '',
                  door: o.recordedBy,
                })),
              }
            : null,
        };
      },
    );

    app.post(
      '/casussen/:id/familiegroepsplan-aanbod',
      {
        schema: {
          summary: 'Vastleggen dat een familiegroepsplan is aangeboden, en het antwoord',
          params: id,
          body: z.strictObject({
            op: z.string().refine((v) => parseInstant(v) !== null, {
              error: 'geen geldig tijdstip, bijv. 2026-03-02T09:00:00+01:00',
            }),
            antwoord: z.enum(FAMILY_GROUP_ANSWERS),
            toelichting: z.string().trim().max(4000).default(''),
          }),
        },
      },
      async (request, reply) => {
        const body = request.body;
        const problems = familyGroupOfferProblems({
          answer: body.antwoord,
          motivation: body.toelichting,
        });
        if (problems.length > 0)
          throw new ApiError(
            'bad-request',
            'De invoer klopt niet.',
            problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
          );
        const at = parseInstant(body.op) ?? 0;
        if (at > deps.clock.now().getTime())
          throw new ApiError('bad-request', 'De invoer klopt niet.', [
            { path: 'body.op', message: 'ligt in de toekomst' },
          ]);
        const ctx = requireUser(request);
        const detail = await getCase(deps.db, ctx, request.params.id, deps.clock.now());
        if (!familyGroupOfferApplies(detail.measure))
          throw new ApiError(
            'unprocessable',
            'Bij deze maatregel hoeft geen familiegroepsplan te worden aangeboden.',
          );
        return reply.status(201).send(
          await recordAssessment(
            deps.db,
            ctx,
            request.params.id,
            'familiegroepsplan-aanbod',
            body,
            deps.clock.now(),
            {
              type: 'familiegroepsplan-aangeboden',
              at: new Date(at),
              note: `Antwoord: ${body.antwoord}${body.toelichting ? ` – ${body.toelichting}` : ''}`,
            },
          ),
        );
      },
    );
  };
