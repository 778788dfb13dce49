/**
 * The progress of a full recomputation of the kept deadlines (issue 11, ADR 0029):
 * `GET /termijnen/herberekening` returns the latest run — why, how many cases of how many,
 * started and finished — so the work list can say that deadlines are being recomputed after a
 * change in the region's agreements. Staff who work with cases and beheerders may read it;
 * others get 403. Every read is audited.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { worksWithCases } from '../../domain/access/case-access.js';
import { writeAudit } from '../../store/audit.js';
import { latestRecomputeRun } from '../../store/deadline-state.js';
import { StoreError } from '../../store/errors.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';

export const deadlineRecomputeRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/termijnen/herberekening',
      {
        schema: {
          summary: 'De laatste herberekening van de termijnen: reden, voortgang, begin en einde',
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        if (!worksWithCases(ctx.actor) && !ctx.actor.roles.includes('beheerder'))
          throw new StoreError(
            'forbidden',
            'Alleen medewerkers die met casussen werken en beheerders zien de herberekening van termijnen.',
          );
        const run = await latestRecomputeRun(deps.db);
        await writeAudit(deps.db, ctx, {
          action: 'termijnen.herberekening.lezen',
          details: { run: run?.id ?? null },
        });
        return {
          herberekening: run && {
            reden: run.reason,
            totaal: run.total,
            klaar: run.done,
            mislukt: run.failed,
            gestartOp: run.startedAt.toISOString(),
            klaarOp: run.finishedAt?.toISOString() ?? null,
            bezig: run.finishedAt === null,
          },
        };
      },
    );
  };
