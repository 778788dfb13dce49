/**
 * Case search (issue 11): staff find the cases they may open by a part of the family label or
 * of a household member's name, by a child's date of birth, by the case id, or by a complete
 * BSN (exact only: a part of a BSN never matches). The same access filter as the work list
 * (`visibleCaseIn`), so a search never shows a case the actor could not open.
 *
 * Names are matched case-insensitively anywhere in the text (`ilike '%…%'`). The search starts
 * from the cases the actor's team, running roles and handovers point at (`visibleCaseIn`) and
 * checks each one's names, so its cost follows the actor's own caseload (a planner ~10 ms, a
 * local team ~20 ms at 100,000 cases) rather than how common a name is in the country; the
 * trigram GIN indexes of migration 0053 remain for the planner to choose where that is cheaper.
 * One audit record per search: the kind of query and the cases shown, never a BSN (NEN 7513).
 */
import { sql, type Kysely } from 'kysely';
import { worksWithCases } from '../domain/access/case-access.js';
import { writeAudit } from './audit.js';
import { visibleCaseIn } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

export const MAX_SEARCH_RESULTS = 50;

/** What a query is taken for; recorded in the audit log instead of the query itself for a BSN. */
export type SearchKind = 'naam' | 'bsn' | 'geboortedatum' | 'casus-id';

export type CaseSearchQuery =
  | { readonly kind: 'naam'; readonly text: string }
  | { readonly kind: 'bsn'; readonly bsn: string }
  | { readonly kind: 'geboortedatum'; readonly date: string }
  | { readonly kind: 'casus-id'; readonly id: string };

export interface CaseSearchHit {
  readonly id: string;
  readonly gezin: string;
  readonly regio: string;
  readonly route: 'A' | 'B' | 'C';
  readonly stap: string;
  readonly gesloten: boolean;
  readonly geslotenOp: string | null;
}

export interface CaseSearchResult {
  readonly soort: SearchKind;
  readonly casussen: CaseSearchHit[];
  /** More cases matched than are shown: the caller should search more precisely. */
  readonly meer: boolean;
}

/** `%`, `_` and `\` in the user's text are literal characters, not patterns. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * `ilike` patterns for a name query. Three characters or more: anywhere in the text. Fewer: the
 * start of a word only ("de" finds "de Vries", not "Ruud"), because a trigram index cannot
 * narrow a two-letter substring and such a search would read every name (1.3 s at 100,000
 * cases, bench/case-search.ts), while a word start is a trigram (" de") it can use.
 */
export function namePatterns(text: string): string[] {
  const literal = likeLiteral(text);
  if (text.length >= 3) return [`%${literal}%`];
  return [`${literal}%`, `% ${literal}%`, `%-${literal}%`];
}

/**
 * The query behind `searchCases`, without running it (the benchmark explains it): the visible
 * cases matching the query, open first, then the most recently changed, one more than shown.
 */
export function caseSearchSelect(
  db: Kysely<Database>,
  actor: RequestContext['actor'],
  query: CaseSearchQuery,
  now: Date,
) {
  let select = db
    .selectFrom('casus')
    .select([
      'casus.id',
      'casus.household_id',
      'casus.region',
      'casus.route',
      'casus.step',
      'casus.closed_at',
      'casus.revision',
      sql<boolean>`casus.closed_at is null`.as('open'),
    ])
    // Start from the few cases the actor's team, roles and handovers point at (issue 11), so
    // a common name costs the actor's own cases, not every household in the country.
    .where((eb) => visibleCaseIn(eb, actor, now));
  switch (query.kind) {
    case 'naam': {
      const patterns = namePatterns(query.text);
      // Checked per visible case (the access filter above keeps those few): the family's label or
      // a person's name. The trigram indexes serve the search of an actor who sees very many.
      select = select.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('household as h')
              .select(sql`1`.as('one'))
              .whereRef('h.id', '=', 'casus.household_id')
              .where((w) => w.or(patterns.map((p) => w('h.label', 'ilike', p)))),
          ),
          eb.exists(
            eb
              .selectFrom('person as p')
              .select(sql`1`.as('one'))
              .whereRef('p.household_id', '=', 'casus.household_id')
              .where((w) => w.or(patterns.map((p) => w('p.name', 'ilike', p)))),
          ),
        ]),
      );
      break;
    }
    case 'bsn':
      select = select.where('casus.household_id', 'in', (eb) =>
        eb.selectFrom('person').select('person.household_id').where('person.bsn', '=', query.bsn),
      );
      break;
    case 'geboortedatum':
      select = select.where('casus.household_id', 'in', (eb) =>
        eb
          .selectFrom('person')
          .select('person.household_id')
          .where('person.kind', '=', 'jeugdige')
          .where('person.birth_date', '=', query.date),
      );
      break;
    case 'casus-id':
      select = select.where('casus.id', '=', query.id);
      break;
  }
  // The family label is joined to the page of hits only: joining it to every match first made
  // PostgreSQL read the whole household table (20-30 ms of a 100 ms search at 100,000 cases).
  const hits = select
    .orderBy('open', 'desc')
    .orderBy('casus.revision', 'desc')
    .orderBy('casus.id')
    .limit(MAX_SEARCH_RESULTS + 1);
  return db
    .selectFrom(hits.as('hit'))
    .innerJoin('household', 'household.id', 'hit.household_id')
    .select(['hit.id', 'household.label', 'hit.region', 'hit.route', 'hit.step', 'hit.closed_at'])
    .orderBy('hit.open', 'desc')
    .orderBy('hit.revision', 'desc')
    .orderBy('hit.id');
}

/**
 * The visible cases matching the query: open cases first, then the most recently changed
 * (`casus.revision` comes from one sequence and moves on every change), at most 50.
 * Callers validate the query; an actor who does not work with cases is refused.
 */
export async function searchCases(
  db: Kysely<Database>,
  ctx: RequestContext,
  query: CaseSearchQuery,
  now: Date,
): Promise<CaseSearchResult> {
  if (!worksWithCases(ctx.actor))
    throw new StoreError('forbidden', 'Beheer en management zoeken geen casussen.');
  const rows = await caseSearchSelect(db, ctx.actor, query, now).execute();
  const shown = rows.slice(0, MAX_SEARCH_RESULTS);
  await writeAudit(db, ctx, {
    action: 'casussen.zoeken',
    details: {
      soort: query.kind,
      // The query itself only when it is no BSN: a BSN never goes into the log.
      ...(query.kind === 'naam' ? { zoekterm: query.text } : {}),
      ...(query.kind === 'geboortedatum' ? { zoekterm: query.date } : {}),
      ...(query.kind === 'casus-id' ? { zoekterm: query.id } : {}),
      aantal: shown.length,
      casussen: shown.map((r) => r.id),
    },
  });
  return {
    soort: query.kind,
    meer: rows.length > MAX_SEARCH_RESULTS,
    casussen: shown.map((r) => ({
      id: r.id,
      gezin: r.label,
      regio: r.region,
      route: r.route,
      stap: r.step,
      gesloten: r.closed_at !== null,
      geslotenOp: r.closed_at?.toISOString() ?? null,
    })),
  };
}
