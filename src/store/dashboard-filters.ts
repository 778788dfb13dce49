/**
 * What a dashboard reader may filter on (issue 9, ADR 0024): management and contract managers
 * of a municipality choose among the municipalities and local teams of their region; a team
 * lead gets only their own team (and its municipality). The same scope check as the dashboards
 * themselves (`dashboardScope`), so the choices offered are exactly the ones the API accepts.
 * Directory data only (names of organisations), so the read is not audited as a dashboard read.
 */
import type { Kysely } from 'kysely';
import type { RequestContext } from './context.js';
import { dashboardScope } from './mi.js';
import type { Database } from './schema.js';

export interface DashboardFilterOptions {
  readonly level: 'team' | 'regio';
  readonly region: string;
  readonly municipalities: readonly { readonly id: string; readonly name: string }[];
  readonly teams: readonly {
    readonly id: string;
    readonly name: string;
    readonly municipalityId: string | null;
  }[];
}

/** The municipalities and local teams the reader may filter the dashboards on; others 403. */
export async function dashboardFilterOptions(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<DashboardFilterOptions> {
  const scope = await dashboardScope(db, ctx, {
    from: '',
    until: '',
    region: null,
    municipalityId: null,
    teamId: null,
  });
  let teamQuery = db
    .selectFrom('organisation')
    .select(['id', 'name', 'parent_id'])
    .where('kind', '=', 'lokaal-team')
    .where('region', '=', scope.region)
    .orderBy('name');
  if (scope.teamIds !== null) teamQuery = teamQuery.where('id', 'in', [...scope.teamIds]);
  const teams = await teamQuery.execute();
  // A team lead sees the own team's municipality; a region reader every one of the region.
  const parents = teams.flatMap((t) => (t.parent_id === null ? [] : [t.parent_id]));
  const municipalities =
    scope.teamIds !== null && parents.length === 0
      ? []
      : await (
          scope.teamIds === null
            ? db.selectFrom('organisation').where('region', '=', scope.region)
            : db.selectFrom('organisation').where('id', 'in', parents)
        )
          .select(['id', 'name'])
          .where('kind', '=', 'gemeente')
          .orderBy('name')
          .execute();
  return {
    level: scope.level,
    region: scope.region,
    municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
    teams: teams.map((t) => ({ id: t.id, name: t.name, municipalityId: t.parent_id })),
  };
}
