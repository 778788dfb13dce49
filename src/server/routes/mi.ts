/**
 * Management dashboards over HTTP (issue 9, ADRs 0024-0025): `GET /dashboards/{naam}` answers one
 * dashboard's tables (the numbers its charts draw) for the reader's scope, filtered by period,
 * region, municipality and team; `?formaat=csv&tabel=…` downloads one table as CSV. A team lead
 * sees the own team unsuppressed, management and contract managers their region with small
 * cells suppressed; anyone else gets 403. Every read is audited (`dashboard.lezen`).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify/sync';
import { tableRecords, type Table } from '../../domain/mi/tables.js';
import { addMonths, formatIsoDate, localDay, parseIsoDate } from '../../domain/time/index.js';
import { DASHBOARDS, dashboard } from '../../store/mi.js';
import { StoreError } from '../../store/errors.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { ApiError } from '../errors.js';

const isoDate = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, { error: 'geen geldige datum (JJJJ-MM-DD)' });
const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));

const query = z
  .strictObject({
    van: isoDate.optional(),
    tot: isoDate.optional(),
    regio: z
      .string()
      .trim()
      .max(32)
      .optional()
      .transform((v) => (v ? v : null)),
    gemeente: optionalId,
    team: optionalId,
    formaat: z.enum(['json', 'csv']).default('json'),
    tabel: z.string().trim().max(64).optional(),
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

function presentTable(t: Table) {
  return {
    id: t.id,
    titel: t.title,
    kolommen: t.columns,
    rijen: t.rows.map((r) => ({ label: r.label, cellen: r.cells })),
    totaalrij: t.totals,
  };
}

export const miRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/dashboards/:naam',
      {
        schema: {
          summary:
            'Een dashboard met managementinformatie (caseload, instroom, wachttijden, termijnen, uitkomsten, aanbieders, budget) als tabellen of CSV',
          params: z.strictObject({ naam: z.enum(DASHBOARDS) }),
          querystring: query,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const q = request.query;
        const now = deps.clock.now();
        // Without a period: the twelve months up to today.
        const untilDay = (q.tot ? parseIsoDate(q.tot) : null) ?? localDay(now.getTime());
        const until = formatIsoDate(untilDay);
        const from = q.van ?? formatIsoDate(addMonths(untilDay, -12) + 1);
        const result = await dashboard(
          { read: deps.readDb ?? deps.db, write: deps.db },
          ctx,
          deps.profiles,
          request.params.naam,
          {
            from,
            until,
            region: q.regio,
            municipalityId: q.gemeente,
            teamId: q.team,
          },
          now,
        ).catch(asQueryError);
        if (q.formaat === 'csv') {
          const table = q.tabel ? result.tables.find((t) => t.id === q.tabel) : result.tables[0];
          if (!table)
            throw new ApiError('bad-request', 'Deze tabel hoort niet bij het dashboard.', [
              { path: 'querystring.tabel', message: 'onbekende tabel voor dit dashboard' },
            ]);
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header(
              'content-disposition',
              `attachment; filename="${result.name}-${table.id}-${from}-${until}.csv"`,
            )
            .send(`\uFEFF${stringify(tableRecords(table), { delimiter: ';' })}`);
        }
        return {
          naam: result.name,
          titel: result.title,
          niveau: result.scope.level,
          regio: result.scope.region,
          onderdrukt: result.scope.suppression.on,
          drempel: result.scope.suppression.threshold,
          periode: { van: from, tot: until },
          filters: { regio: q.regio, gemeente: q.gemeente, team: q.team },
          regels: result.rules.map((r) => ({ regel: r.rule, opmerking: r.note })),
          tabellen: result.tables.map(presentTable),
        };
      },
    );
  };
