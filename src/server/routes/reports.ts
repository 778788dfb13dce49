/**
 * Reports for a council letter (issue 9): `GET /rapportages/periode?gemeente=…&van=…&tot=…`
 * answers the period report of one municipality as a PDF download, with every dashboard in
 * the suppressed view. Management and contract managers of a municipality, for any municipality
 * of their region; anyone else 403. The download is audited (`rapportage.periode`).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { periodReportFileName, renderPeriodReportPdf } from '../../documents/period-report-pdf.js';
import { addMonths, formatIsoDate, localDay, parseIsoDate } from '../../domain/time/index.js';
import { StoreError } from '../../store/errors.js';
import { periodReport } from '../../store/period-report.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { ApiError } from '../errors.js';

const isoDate = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, { error: 'geen geldige datum (JJJJ-MM-DD)' });

const query = z
  .strictObject({
    gemeente: z.guid({ error: 'kies een gemeente (de id van de organisatie)' }),
    van: isoDate.optional(),
    tot: isoDate.optional(),
  })
  .refine((q) => !q.van || !q.tot || q.van <= q.tot, {
    error: 'de einddatum ligt voor de begindatum',
    path: ['tot'],
  });

function asQueryError(error: unknown): never {
  if (error instanceof StoreError)
    throw new ApiError(
      error.code === 'invalid' ? 'bad-request' : error.code,
      error.message,
      error.fields.map((f) => ({ path: `querystring.${f.path}`, message: f.message })),
    );
  throw error;
}

export const reportRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/rapportages/periode',
      {
        schema: {
          summary:
            'Het periodeoverzicht van een gemeente als PDF: kerncijfers en alle dashboards, met kleine aantallen onderdrukt',
          querystring: query,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const q = request.query;
        const now = deps.clock.now();
        // Without a period: the twelve months up to today, as on the dashboards.
        const untilDay = (q.tot ? parseIsoDate(q.tot) : null) ?? localDay(now.getTime());
        const until = formatIsoDate(untilDay);
        const from = q.van ?? formatIsoDate(addMonths(untilDay, -12) + 1);
        const report = await periodReport(
          { read: deps.readDb ?? deps.db, write: deps.db },
          ctx,
          deps.profiles,
          { municipalityId: q.gemeente, from, until },
          now,
        ).catch(asQueryError);
        const pdf = await renderPeriodReportPdf(report);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${periodReportFileName(report)}"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );
  };
