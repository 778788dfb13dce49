/**
 * The rows the kept-deadline integration tests (deadline-state, case-deadlines) start from,
 * written straight to the tables: a local team of region LEK under its municipality, plain
 * route A cases of that team with one child, and their events.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.js';

/** Municipality G of region LEK and its local team T: the team's id. */
export async function lekTeam(db: Kysely<Database>): Promise<string> {
  const municipality = await db
    .insertInto('organisation')
    .values({ kind: 'gemeente', name: 'G', region: 'LEK', agb_code: null, parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const team = await db
    .insertInto('organisation')
    .values({
      kind: 'lokaal-team',
      name: 'T',
      region: 'LEK',
      agb_code: null,
      parent_id: municipality.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return team.id;
}

export interface PlainCase {
  readonly caseId: string;
  /** The child, born 1 June 2015. */
  readonly personId: string;
  readonly householdId: string;
}

/**
 * A household (`label`, default "Gezin") with one child, and its route A case at step 1 in
 * `region` (default LEK) and `segment` (default ambulant), which the team registered and is
 * responsible for. No events.
 */
export async function plainCase(
  db: Kysely<Database>,
  team: string,
  options: { region?: string; segment?: string; label?: string } = {},
): Promise<PlainCase> {
  const { region = 'LEK', segment = 'ambulant', label = 'Gezin' } = options;
  const household = await db
    .insertInto('household')
    .values({ label, region })
    .returning('id')
    .executeTakeFirstOrThrow();
  const person = await db
    .insertInto('person')
    .values({
      household_id: household.id,
      kind: 'jeugdige',
      name: 'Kind',
      birth_date: '2015-06-01',
      bsn: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const c = await db
    .insertInto('casus')
    .values({
      household_id: household.id,
      region,
      route: 'A',
      segment,
      measure: null,
      step: '1',
      responsible_team_id: team,
      registered_by_org_id: team,
      referrer_type: null,
      referrer_code: null,
      court_order_date: null,
      facts: JSON.stringify({}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { caseId: c.id, personId: person.id, householdId: household.id };
}

/** An event of the case at `at` (an ISO instant), about no child in particular: its id. */
export function addCaseEvent(
  db: Kysely<Database>,
  caseId: string,
  type: string,
  at: string,
): Promise<{ id: string }> {
  return db
    .insertInto('case_event')
    .values({
      case_id: caseId,
      type,
      at: new Date(at),
      child_id: null,
      kind: null,
      date: null,
      note: null,
      recorded_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
