/**
 * The quality thermometer in the database (GRO-CHK-REFERENTIEKADER, bruikbaar in elke regio;
 * ADR 0022): rounds per local team, opened and closed by its team lead; scores per member, item
 * and round (scoring again replaces); the team view with counts only — a member reads back only
 * their own answers. Every command checks who asks and writes its audit record in the same
 * transaction; a refused or invalid request stores nothing.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  MEMBER_ROLES,
  THERMOMETER_RULE,
  itemSpread,
  redSuggestions,
  roundProblems,
  scoreProblems,
  themeSummaries,
  thermometerPart,
  trend,
  type Colour,
  type ItemSpread,
  type Score,
  type ThemeSummary,
  type TrendPoint,
} from '../domain/quality/thermometer.js';
import { writeAudit } from './audit.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import type { Database } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUND_NOT_FOUND = 'Deze ronde bestaat niet of hoort niet bij uw team.';

type Db = Kysely<Database> | Transaction<Database>;

interface Team {
  readonly id: string;
  readonly name: string;
  readonly lead: boolean;
}

/** The actor's own local team, or a refusal (403) naming the rule. */
async function ownTeam(db: Db, ctx: RequestContext): Promise<Team> {
  const org = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'kind'])
    .where('id', '=', ctx.actor.organisationId)
    .executeTakeFirst();
  const part = thermometerPart(ctx.actor.roles, org?.kind ?? '');
  if (!part.allowed || !org)
    throw new StoreError('forbidden', `Geen toegang: ${part.allowed ? '' : part.reason}.`);
  return { id: org.id, name: org.name, lead: part.lead };
}

function requireLead(team: Team): void {
  if (!team.lead)
    throw new StoreError(
      'forbidden',
      `Alleen de teamleider opent en sluit een ronde van de kwaliteitsthermometer (${THERMOMETER_RULE}).`,
    );
}

async function roundOfTeam(trx: Db, team: Team, roundId: string) {
  const round = UUID.test(roundId)
    ? await trx
        .selectFrom('thermometer_round')
        .selectAll()
        .where('id', '=', roundId)
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  if (!round || round.team_id !== team.id)
    throw new StoreError('not-found', ROUND_NOT_FOUND, [
      { path: 'rondeId', message: `Ronde: ${ROUND_NOT_FOUND}` },
    ]);
  return round;
}

export interface RoundInput {
  readonly name: string;
  readonly period: string;
}

/** The team lead opens a round; one open round per team at a time (409 otherwise). */
export async function openRound(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: RoundInput,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction().execute(async (trx) => {
    const team = await ownTeam(trx, ctx);
    requireLead(team);
    const problems = roundProblems(input);
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    const open = await trx
      .selectFrom('thermometer_round')
      .select('id')
      .where('team_id', '=', team.id)
      .where('closed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (open)
      throw new StoreError('conflict', 'Er loopt al een ronde voor dit team; sluit die eerst.');
    const period = input.period.trim();
    const row = await trx
      .insertInto('thermometer_round')
      .values({
        team_id: team.id,
        name: input.name.trim(),
        period: period === '' ? null : period,
        opened_by: ctx.actor.staffId,
        opened_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'thermometer.ronde-geopend',
      details: { teamId: team.id, rondeId: row.id, regel: THERMOMETER_RULE },
    });
    return { id: row.id };
  });
}

/** The team lead closes the team's open round; after that it takes no scores (409). */
export async function closeRound(
  db: Kysely<Database>,
  ctx: RequestContext,
  roundId: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const team = await ownTeam(trx, ctx);
    requireLead(team);
    const round = await roundOfTeam(trx, team, roundId);
    if (round.closed_at !== null) throw new StoreError('conflict', 'Deze ronde is al gesloten.');
    await trx
      .updateTable('thermometer_round')
      .set({ closed_by: ctx.actor.staffId, closed_at: now })
      .where('id', '=', round.id)
      .execute();
    await writeAudit(trx, ctx, {
      action: 'thermometer.ronde-gesloten',
      details: { teamId: team.id, rondeId: round.id, regel: THERMOMETER_RULE },
    });
  });
}

export interface ScoreEntry {
  readonly item: string;
  readonly colour: string;
  readonly remark: string;
}

/**
 * A member scores items in the team's open round; an item scored before is replaced. All or
 * nothing: one wrong entry refuses the whole submission.
 */
export async function saveScores(
  db: Kysely<Database>,
  ctx: RequestContext,
  roundId: string,
  scores: readonly ScoreEntry[],
  now: Date,
): Promise<{ saved: number }> {
  return db.transaction().execute(async (trx) => {
    const team = await ownTeam(trx, ctx);
    const round = await roundOfTeam(trx, team, roundId);
    const problems = scoreProblems(scores);
    if (problems.length > 0) throw new StoreError('invalid', 'De invoer klopt niet.', problems);
    if (round.closed_at !== null)
      throw new StoreError(
        'conflict',
        `Deze ronde is gesloten; scores kunnen niet meer worden gewijzigd (${THERMOMETER_RULE}).`,
      );
    await trx
      .insertInto('thermometer_score')
      .values(
        scores.map((s) => ({
          round_id: round.id,
          staff_id: ctx.actor.staffId,
          item: s.item,
          colour: s.colour as Colour,
          remark: s.remark.trim() === '' ? null : s.remark.trim(),
          scored_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['round_id', 'staff_id', 'item']).doUpdateSet((eb) => ({
          colour: eb.ref('excluded.colour'),
          remark: eb.ref('excluded.remark'),
          scored_at: eb.ref('excluded.scored_at'),
        })),
      )
      .execute();
    await writeAudit(trx, ctx, {
      action: 'thermometer.scores',
      details: { teamId: team.id, rondeId: round.id, aantal: scores.length },
    });
    return { saved: scores.length };
  });
}

export interface RoundSummary {
  readonly id: string;
  readonly name: string;
  readonly period: string | null;
  readonly openedAt: Date;
  readonly closedAt: Date | null;
}

export interface TeamView {
  readonly team: { readonly name: string; readonly lead: boolean; readonly members: number };
  readonly rounds: readonly RoundSummary[];
  readonly round: {
    readonly summary: RoundSummary;
    /** Members who scored at least one item. */
    readonly participants: number;
    readonly spread: readonly ItemSpread[];
    readonly themes: readonly ThemeSummary[];
    readonly red: ReturnType<typeof redSuggestions>;
    /** The actor's own answers in this round, with remarks. */
    readonly own: readonly { item: string; colour: Colour; remark: string | null }[];
  } | null;
  /** Closed rounds, oldest first. */
  readonly trend: readonly (TrendPoint & {
    readonly name: string;
    readonly period: string | null;
  })[];
}

/**
 * The team view of the actor's own team: the chosen round (or the open one, or the latest),
 * counts per item and theme, suggestions for red items, the actor's own answers, and the trend
 * over closed rounds. A round of another team is "not found".
 */
export async function teamView(
  db: Kysely<Database>,
  ctx: RequestContext,
  roundId: string | null,
): Promise<TeamView> {
  const team = await ownTeam(db, ctx);
  const rounds = (
    await db
      .selectFrom('thermometer_round')
      .select(['id', 'name', 'period', 'opened_at as openedAt', 'closed_at as closedAt'])
      .where('team_id', '=', team.id)
      .orderBy('opened_at', 'desc')
      .orderBy('id')
      .execute()
  ).map((r) => ({ ...r }));
  let chosen: RoundSummary | undefined;
  if (roundId !== null) {
    chosen = rounds.find((r) => r.id === roundId);
    if (!chosen) throw new StoreError('not-found', ROUND_NOT_FOUND);
  } else chosen = rounds.find((r) => r.closedAt === null) ?? rounds[0];
  const members = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', team.id)
    .where('active', '=', true)
    .where(sql<boolean>`roles && ${sql.val([...MEMBER_ROLES])}::text[]`)
    .executeTakeFirstOrThrow();
  const closed = rounds.filter((r) => r.closedAt !== null).reverse();
  const ids = [...closed.map((r) => r.id), ...(chosen ? [chosen.id] : [])];
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('thermometer_score')
          .select(['round_id', 'staff_id', 'item', 'colour', 'remark'])
          .where('round_id', 'in', ids)
          .execute();
  const scoresOf = (id: string): Score[] =>
    rows.filter((r) => r.round_id === id).map((r) => ({ item: r.item, colour: r.colour }));
  const points = trend(closed.map((r) => ({ roundId: r.id, scores: scoresOf(r.id) })));
  await writeAudit(db, ctx, {
    action: 'thermometer.lezen',
    details: { teamId: team.id, rondeId: chosen?.id ?? null },
  });
  return {
    team: { name: team.name, lead: team.lead, members: Number(members.n) },
    rounds,
    round: chosen
      ? {
          summary: chosen,
          participants: new Set(rows.filter((r) => r.round_id === chosen.id).map((r) => r.staff_id))
            .size,
          spread: itemSpread(scoresOf(chosen.id)),
          themes: themeSummaries(scoresOf(chosen.id)),
          red: redSuggestions(scoresOf(chosen.id)),
          own: rows
            .filter((r) => r.round_id === chosen.id && r.staff_id === ctx.actor.staffId)
            .map((r) => ({ item: r.item, colour: r.colour, remark: r.remark })),
        }
      : null,
    trend: points.map((p, i) => ({
      ...p,
      name: closed[i]?.name ?? '',
      period: closed[i]?.period ?? null,
    })),
  };
}
