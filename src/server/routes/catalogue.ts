/**
 * The region's product catalogue and contracts: everyone in the region reads them (JSON or
 * CSV); the back office and the administrators of a municipality replace them by uploading
 * CSV. A rejected upload names every line and column and changes nothing. A municipality's
 * budget per year (GRO-DEC-BUDGET) is read by its back office, administrators and management
 * and set by its back office or administrators.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contractCsv, parseContractCsv } from '../../catalogue/contracts-csv.js';
import { catalogueCsv, parseCatalogueCsv } from '../../catalogue/csv.js';
import { FREQUENCIES, PRODUCT_CATEGORIES, UNITS } from '../../domain/catalogue/index.js';
import { localDay, ymdFromDay } from '../../domain/time/index.js';
import { listProducts, replaceCatalogue } from '../../store/catalogue.js';
import {
  listContracts,
  municipalityBudget,
  replaceContracts,
  setBudget,
} from '../../store/contracts.js';
import { z } from '../../validation/zod-nl.js';
import { writeAudit } from '../../store/audit.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { ApiError } from '../errors.js';

const MAY_REPLACE = ['backoffice', 'beheerder'];
const MAY_READ_BUDGET = ['backoffice', 'beheerder', 'management'];

/** A CSV download that Excel opens with the right characters (byte order mark). */
function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(`\uFEFF${csv}`);
}

export const catalogueRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    plugin.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: 5 * 2 ** 20 },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/catalogus',
      { schema: { summary: 'De productcatalogus van de eigen regio' } },
      async (request) => {
        const ctx = requireUser(request);
        const products = await listProducts(deps.db, ctx.session.region);
        return {
          regio: ctx.session.region,
          producten: products.map((p) => ({
            code: p.code,
            categorie: p.category,
            categorieNaam: PRODUCT_CATEGORIES[p.category] ?? '',
            naam: p.name,
            segment: p.segment,
            vrijToegankelijk: p.freelyAccessible,
            eenheid: p.unit,
            eenheidNaam: UNITS[p.unit] ?? '',
            frequentie: p.frequency,
            frequentieNaam: FREQUENCIES[p.frequency] ?? '',
            tariefCent: p.tariffCents,
            geldigVan: p.validFrom,
            geldigTot: p.validTo,
          })),
        };
      },
    );

    app.get(
      '/catalogus.csv',
      { schema: { summary: 'De productcatalogus als CSV (puntkomma, decimale komma)' } },
      async (request, reply) => {
        const ctx = requireUser(request);
        return sendCsv(
          reply,
          `productcatalogus-${ctx.session.region.toLowerCase()}.csv`,
          catalogueCsv(await listProducts(deps.db, ctx.session.region)),
        );
      },
    );

    app.put(
      '/catalogus',
      {
        schema: {
          summary:
            'De productcatalogus vervangen door een CSV-bestand (alles of niets, volgens het protocol voor productcodewijzigingen)',
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const allowed =
          ctx.session.organisationKind === 'gemeente' &&
          ctx.actor.roles.some((r) => MAY_REPLACE.includes(r));
        if (!allowed) {
          await writeAudit(deps.db, ctx, {
            action: 'catalogus.geweigerd',
            details: { region: ctx.session.region },
          });
          throw new ApiError(
            'forbidden',
            'Alleen de backoffice of beheerder van een gemeente vervangt de productcatalogus.',
          );
        }
        if (typeof request.body !== 'string')
          throw new ApiError('bad-request', 'Stuur de catalogus als CSV (text/csv).', [
            { path: 'body', message: 'verwacht een CSV-bestand' },
          ]);
        const parsed = parseCatalogueCsv(request.body);
        if (!parsed.ok)
          throw new ApiError(
            'bad-request',
            'Het bestand is niet ingelezen: los deze punten op en probeer het opnieuw.',
            parsed.problems.map((p) => ({
              path: `regel ${p.line}${p.column ? `, ${p.column}` : ''}`,
              message: p.message,
            })),
          );
        const result = await replaceCatalogue(
          deps.db,
          ctx,
          ctx.session.region,
          parsed.products,
          deps.clock.now(),
        );
        if (!result.ok)
          throw new ApiError(
            'unprocessable',
            'Deze wijziging van de catalogus kan zo niet: lopende toewijzingen en terugwerkende kracht.',
            result.problems.map((p) => ({ path: `${p.code}, ${p.field}`, message: p.message })),
          );
        return {
          toegevoegd: result.added,
          gewijzigd: result.changed,
          verwijderd: result.removed,
        };
      },
    );

    /** The caller's municipality (its CBS code), when a role in `roles` allows; else 403. */
    async function municipalityOf(
      request: Parameters<typeof requireUser>[0],
      roles: readonly string[],
      action: string,
      refusal: string,
    ) {
      const ctx = requireUser(request);
      const org = await deps.db
        .selectFrom('organisation')
        .select(['agb_code', 'kind'])
        .where('id', '=', ctx.actor.organisationId)
        .executeTakeFirst();
      if (
        org?.kind !== 'gemeente' ||
        !org.agb_code ||
        !ctx.actor.roles.some((r) => roles.includes(r))
      ) {
        await writeAudit(deps.db, ctx, { action, details: { region: ctx.session.region } });
        throw new ApiError('forbidden', refusal);
      }
      return { ctx, code: org.agb_code };
    }

    app.get(
      '/contracten',
      { schema: { summary: 'De contracten van de eigen regio: hoofdaannemers en hun aanbieders' } },
      async (request) => {
        const ctx = requireUser(request);
        const contracts = await listContracts(deps.db, ctx.session.region);
        return {
          regio: ctx.session.region,
          contracten: contracts.map((c) => ({
            hoofdaannemerAgb: c.partnerAgb,
            hoofdaannemer: c.partnerName,
            aanbiederAgb: c.providerAgb,
            aanbieder: c.providerName,
            onderaannemer: c.providerAgb !== c.partnerAgb,
            producten: c.products,
            geldigVan: c.validFrom,
            geldigTot: c.validTo,
          })),
        };
      },
    );

    app.get(
      '/contracten.csv',
      { schema: { summary: 'De contracten als CSV (puntkomma)' } },
      async (request, reply) => {
        const ctx = requireUser(request);
        return sendCsv(
          reply,
          `contracten-${ctx.session.region.toLowerCase()}.csv`,
          contractCsv(await listContracts(deps.db, ctx.session.region)),
        );
      },
    );

    app.put(
      '/contracten',
      {
        schema: {
          summary:
            'De contracten van de regio vervangen door een CSV-bestand (alles of niets; producten uit de catalogus)',
        },
      },
      async (request) => {
        const { ctx } = await municipalityOf(
          request,
          MAY_REPLACE,
          'contracten.geweigerd',
          'Alleen de backoffice of beheerder van een gemeente vervangt de contracten.',
        );
        if (typeof request.body !== 'string')
          throw new ApiError('bad-request', 'Stuur de contracten als CSV (text/csv).', [
            { path: 'body', message: 'verwacht een CSV-bestand' },
          ]);
        const codes = new Set((await listProducts(deps.db, ctx.session.region)).map((p) => p.code));
        const parsed = parseContractCsv(request.body, codes);
        if (!parsed.ok)
          throw new ApiError(
            'bad-request',
            'Het bestand is niet ingelezen: los deze punten op en probeer het opnieuw.',
            parsed.problems.map((p) => ({
              path: `regel ${p.line}${p.column ? `, ${p.column}` : ''}`,
              message: p.message,
            })),
          );
        const result = await replaceContracts(
          deps.db,
          ctx,
          ctx.session.region,
          parsed.contracts,
          deps.clock.now(),
        );
        return {
          regels: parsed.contracts.length,
          hoofdaannemers: result.partners,
          aanbieders: result.providers,
        };
      },
    );

    const budgetView = (b: Awaited<ReturnType<typeof municipalityBudget>>) => ({
      jaar: b.year,
      budgetCent: b.budgetCents,
      toegewezenCent: b.allocatedCents,
      resterendCent: b.remainingCents,
      waarschuwing: b.budgetCents === null ? b.warning : null,
      regel: 'GRO-DEC-BUDGET',
    });

    app.get(
      '/budget',
      {
        schema: {
          summary: 'Het jeugdhulpbudget van de eigen gemeente: toegewezen en resterend',
          querystring: z.object({ jaar: z.coerce.number().int().min(2015).max(2100).optional() }),
        },
      },
      async (request) => {
        const { code } = await municipalityOf(
          request,
          MAY_READ_BUDGET,
          'budget.geweigerd',
          'Alleen de gemeente zelf ziet haar budget.',
        );
        const year = request.query.jaar ?? ymdFromDay(localDay(deps.clock.now().getTime())).year;
        return budgetView(await municipalityBudget(deps.db, code, year));
      },
    );

    app.put(
      '/budget',
      {
        schema: {
          summary: 'Het jeugdhulpbudget van de eigen gemeente voor een jaar vastleggen',
          body: z.strictObject({
            jaar: z.number().int().min(2015).max(2100),
            budgetCent: z.number().int().min(0).max(1e15),
          }),
        },
      },
      async (request) => {
        const { ctx, code } = await municipalityOf(
          request,
          MAY_REPLACE,
          'budget.geweigerd',
          'Alleen de backoffice of beheerder van de gemeente legt het budget vast.',
        );
        await setBudget(
          deps.db,
          ctx,
          code,
          request.body.jaar,
          request.body.budgetCent,
          deps.clock.now(),
        );
        return budgetView(await municipalityBudget(deps.db, code, request.body.jaar));
      },
    );
  };
