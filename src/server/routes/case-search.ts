/**
 * Case search (issue 11): `GET /casussen/zoeken?q=…`. The query's form says what it is — a
 * complete BSN (9 digits, exact only), a child's date of birth (DD-MM-JJJJ), a case id, or
 * otherwise a part of a name — and the store finds the visible cases for it.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bsnProblem } from '../../domain/people/bsn.js';
import { parseIsoDate } from '../../domain/time/index.js';
import { searchCases, type CaseSearchQuery } from '../../store/case-search.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { ApiError } from '../errors.js';

export const MIN_QUERY_LENGTH = 2;

const querystring = z.strictObject({
  q: z
    .string()
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(MIN_QUERY_LENGTH, {
          error: `vul minstens ${MIN_QUERY_LENGTH} tekens in om te zoeken`,
        })
        .max(100, { error: 'zoek met hooguit 100 tekens' }),
    ),
});

const hit = z.object({
  id: z.string(),
  gezin: z.string(),
  regio: z.string(),
  route: z.enum(['A', 'B', 'C']),
  stap: z.string(),
  gesloten: z.boolean(),
  geslotenOp: z.string().nullable(),
});

const result = z.object({
  soort: z.enum(['naam', 'bsn', 'geboortedatum', 'casus-id']),
  casussen: z.array(hit),
  meer: z.boolean(),
});

const badQuery = (message: string) =>
  new ApiError('bad-request', 'De zoekvraag klopt niet.', [{ path: 'querystring.q', message }]);

/** What the (trimmed) query is taken for; a problem with its form is a 400 on `q`. */
export function parseSearchQuery(q: string): CaseSearchQuery {
  // A BSN is often written with spaces or dots between the digit groups.
  if (/^[\d .]+$/.test(q)) {
    const digits = q.replace(/[ .]/g, '');
    if (digits.length !== 9)
      throw badQuery('een BSN heeft 9 cijfers; op een deel van een BSN kunt u niet zoeken');
    const problem = bsnProblem(digits);
    if (problem) throw badQuery(problem);
    return { kind: 'bsn', bsn: digits };
  }
  const date = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(q);
  if (date) {
    const [, day = '', month = '', year = ''] = date;
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (parseIsoDate(iso) === null) throw badQuery('geen geldige geboortedatum (DD-MM-JJJJ)');
    return { kind: 'geboortedatum', date: iso };
  }
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(q))
    return { kind: 'casus-id', id: q.toLowerCase() };
  return { kind: 'naam', text: q };
}

export const caseSearchRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/zoeken',
      {
        schema: {
          summary:
            'Casussen zoeken op (deel van) een naam, geboortedatum van een jeugdige (DD-MM-JJJJ), casus-id of volledig BSN',
          querystring,
          response: { 200: result },
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const query = parseSearchQuery(request.query.q);
        return searchCases(deps.db, ctx, query, deps.clock.now());
      },
    );
  };
