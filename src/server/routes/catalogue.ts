/**
 * The region's product catalogue: everyone in the region reads it (JSON or CSV); the back
 * office and the administrators of a municipality replace it by uploading CSV. A rejected
 * upload names every line and column and changes nothing.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { catalogueCsv, parseCatalogueCsv } from '../../catalogue/csv.js';
import { FREQUENCIES, PRODUCT_CATEGORIES, UNITS } from '../../domain/catalogue/index.js';
import { listProducts, replaceCatalogue } from '../../store/catalogue.js';
import { writeAudit } from '../../store/audit.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { ApiError } from '../errors.js';

const MAY_REPLACE = ['backoffice', 'beheerder'];

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
        const csv = catalogueCsv(await listProducts(deps.db, ctx.session.region));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="productcatalogus-${ctx.session.region.toLowerCase()}.csv"`,
          )
          .send(`\uFEFF${csv}`);
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
  };
