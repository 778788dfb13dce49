/**
 * The access log to NEN 7513 over HTTP (issue 8; ADR 0015). The privacy officer of a
 * municipality searches the log of the region's organisations (`/toegangslog`), gets the
 * organisations and staff to filter on, and runs the verification of the hash chain. Anyone else
 * gets 403 there. Per case, who may assign roles reads who looked at the family's record
 * (`/casussen/{id}/toegangslog`); other readers get 403, outsiders 404. Every read is logged.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CHAIN_PROBLEM_TEXT } from '../../domain/privacy/access-log.js';
import { parseIsoDate } from '../../domain/time/index.js';
import {
  accessLogChoices,
  caseAccessLog,
  searchAccessLog,
  verifyAccessLog,
  type AccessLogEntry,
} from '../../store/access-log.js';
import { StoreError } from '../../store/errors.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { ApiError } from '../errors.js';

const isoDate = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, { error: 'geen geldige datum (JJJJ-MM-DD)' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

const searchQuery = z.strictObject({
  van: isoDate.optional().transform((v) => v ?? null),
  tot: isoDate.optional().transform((v) => v ?? null),
  medewerker: optionalText(64),
  organisatie: optionalText(64),
  casus: optionalText(64),
  actie: optionalText(100),
  pagina: z.coerce.number().int().min(1).max(100_000).default(1),
  perPagina: z.coerce.number().int().min(1).max(100).default(25),
});

/** Refusals of the search name the query parameter. */
function asQueryError(error: unknown): never {
  if (error instanceof StoreError)
    throw new ApiError(
      error.code === 'invalid' ? 'bad-request' : error.code,
      error.message,
      error.fields.map((f) => ({ path: `querystring.${f.path}`, message: f.message })),
    );
  throw error;
}

function presentEntry(e: AccessLogEntry) {
  return {
    id: e.id,
    tijdstip: e.at.toISOString(),
    medewerker: e.staffId === null ? null : { id: e.staffId, naam: e.staffName },
    organisatie:
      e.organisationId === null ? null : { id: e.organisationId, naam: e.organisationName },
    rol: e.role,
    casusId: e.caseId,
    huishoudenId: e.householdId,
    actie: e.action,
    soort: e.kind,
    soortTekst: e.kindText,
    rechtvaardiging: e.justification,
    verzegeld: e.sealed,
  };
}

export const accessLogRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/toegangslog',
      {
        schema: {
          summary:
            'Toegangslog (NEN 7513) van de organisaties in de regio, voor de privacyfunctionaris',
          querystring: searchQuery,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const q = request.query;
        const result = await searchAccessLog(deps.db, ctx, {
          from: q.van,
          until: q.tot,
          staffId: q.medewerker,
          organisationId: q.organisatie,
          caseId: q.casus,
          action: q.actie,
          page: q.pagina,
          perPage: q.perPagina,
        }).catch(asQueryError);
        return {
          items: result.entries.map((e) => ({ ...presentEntry(e), adres: e.clientAddress })),
          totaal: result.total,
          pagina: q.pagina,
          perPagina: q.perPagina,
        };
      },
    );

    app.get(
      '/toegangslog/keuzes',
      {
        schema: {
          summary: 'Organisaties en medewerkers van de regio om het toegangslog op te filteren',
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const organisations = await accessLogChoices(deps.db, ctx).catch(asBodyError);
        return organisations.map((o) => ({
          id: o.id,
          naam: o.name,
          medewerkers: o.staff.map((s) => ({ id: s.id, naam: s.name })),
        }));
      },
    );

    app.post(
      '/toegangslog/controle',
      { schema: { summary: 'De hashketen van het toegangslog controleren (NEN 7513)' } },
      async (request) => {
        const ctx = requireUser(request);
        const report = await verifyAccessLog(deps.db, ctx).catch(asBodyError);
        return report.intact
          ? {
              intact: true,
              gecontroleerd: report.checked,
              nietVerzegeld: report.unsealed,
              laatsteSchakel: { volgnummer: report.head.seq, hash: report.head.chainHash },
              gecontroleerdOp: deps.clock.now().toISOString(),
            }
          : {
              intact: false,
              gecontroleerd: report.checked,
              nietVerzegeld: report.unsealed,
              breuk: {
                regelId: report.broken.id,
                volgnummer: report.broken.seq,
                verwachtVolgnummer: report.broken.expectedSeq,
                probleem: report.broken.problem,
                uitleg: CHAIN_PROBLEM_TEXT[report.broken.problem],
              },
              gecontroleerdOp: deps.clock.now().toISOString(),
            };
      },
    );

    app.get(
      '/casussen/:id/toegangslog',
      {
        schema: {
          summary: 'Wie het dossier van dit gezin heeft ingezien of gewijzigd (NEN 7513)',
          params: z.object({ id: z.string().max(64) }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await caseAccessLog(deps.db, ctx, request.params.id, deps.clock.now()).catch(
          asBodyError,
        );
        return { items: result.entries.map(presentEntry), ingekort: result.limited };
      },
    );
  };
