/**
 * Demo provider scores (issue 7; read by the outcome and provider dashboards of issue 9): after
 * the cases are in, the casusregie side scores most providers whose help on a demo case has
 * ended (the case closed, or the provider's behandelregie ended), as `scoreProvider` in
 * store/provider-scores.ts would have stored it. The scorer is the responsible team's
 * casusregisseur, else the professional who held casusregie (a family holding it alone scores
 * nobody). Each score draws from its own seeded stream, keyed by the case's registration and
 * the provider's name, so the same seed gives the same scores whatever the number of cases.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import {
  GOAL_RESULTS,
  PROVIDER_CRITERIA,
  type GoalResult,
  type Rating,
} from '../domain/performance/provider-score.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import type { Database } from '../store/schema.js';
import { staffOf, type DemoOrganisations } from './organisations.js';
import { Random, streamSeed } from './random.js';

const DAY = 86_400_000;
const ROWS_PER_INSERT = 1000;
/** Share of ended help that was scored. */
const SCORED = 0.85;
/** Kept apart from the case streams (0 and n + 1) of the same seed. */
const SCORE_SALT = 0x5c0e;

const GOALS = [
  'Rust en regelmaat in huis',
  'Weer naar school',
  'Ouders weten hoe ze grenzen stellen',
  'Minder conflicten in het gezin',
  'Een vast steunnetwerk om het gezin',
  'Zelfstandig de dag doorkomen',
] as const;

/** A 32-bit FNV-1a hash: the stream of one score. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface EndedHelp {
  readonly caseId: string;
  readonly region: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly teamId: string | null;
  readonly registeredAt: number;
  readonly helpStartedAt: number;
  readonly endedAt: number;
  readonly closed: boolean;
}

/** Help by a provider on a demo case that has ended by `nowMs`. */
async function endedHelp(
  db: Kysely<Database>,
  demo: DemoOrganisations,
  nowMs: number,
): Promise<EndedHelp[]> {
  const providers = new Map(
    demo.regions.flatMap((r) => r.providers.map((p) => [p.id, p.name] as const)),
  );
  if (providers.size === 0) return [];
  const roles = await db
    .selectFrom('case_role as r')
    .innerJoin('casus as c', 'c.id', 'r.case_id')
    .select([
      'r.case_id',
      'r.organisation_id',
      'r.starts_at',
      'r.ends_at',
      'c.region',
      'c.responsible_team_id',
      'c.created_at',
      'c.closed_at',
    ])
    .where('r.role', '=', 'behandelregie')
    .where('r.organisation_id', 'in', [...providers.keys()])
    .execute();
  const pairs = new Map<string, (typeof roles)[number][]>();
  for (const r of roles) {
    const key = `${r.case_id} ${r.organisation_id ?? ''}`;
    pairs.set(key, [...(pairs.get(key) ?? []), r]);
  }
  const out: EndedHelp[] = [];
  for (const list of pairs.values()) {
    const first = list[0];
    if (!first?.organisation_id) continue;
    const closed = first.closed_at !== null && first.closed_at.getTime() <= nowMs;
    const ends = list.map((r) => r.ends_at?.getTime() ?? Number.POSITIVE_INFINITY);
    const endedAt = closed ? (first.closed_at?.getTime() ?? nowMs) : Math.max(...ends);
    if (endedAt > nowMs) continue;
    out.push({
      caseId: first.case_id,
      region: first.region,
      providerId: first.organisation_id,
      providerName: providers.get(first.organisation_id) ?? '',
      teamId: first.responsible_team_id,
      registeredAt: first.created_at.getTime(),
      helpStartedAt: Math.min(...list.map((r) => r.starts_at.getTime())),
      endedAt,
      closed,
    });
  }
  return out;
}

/** The casusregie side of each case without a responsible team: its last professional holder. */
async function professionalHolders(
  db: Kysely<Database>,
  caseIds: readonly string[],
): Promise<Map<string, { staffId: string; organisationId: string }>> {
  const holders = new Map<string, { staffId: string; organisationId: string; at: number }>();
  for (let i = 0; i < caseIds.length; i += ROWS_PER_INSERT) {
    const rows = await db
      .selectFrom('case_role')
      .select(['case_id', 'staff_id', 'organisation_id', 'starts_at'])
      .where('role', '=', 'casusregie')
      .where('staff_id', 'is not', null)
      .where('organisation_id', 'is not', null)
      .where('case_id', 'in', caseIds.slice(i, i + ROWS_PER_INSERT))
      .execute();
    for (const r of rows) {
      const at = r.starts_at.getTime();
      const known = holders.get(r.case_id);
      if (r.staff_id && r.organisation_id && (!known || known.at < at))
        holders.set(r.case_id, { staffId: r.staff_id, organisationId: r.organisation_id, at });
    }
  }
  return holders;
}

function ratingFor(rng: Random, dropOut: boolean): Rating {
  return rng.weighted<Rating>(
    dropOut
      ? [
          ['goed', 15],
          ['voldoende', 40],
          ['onvoldoende', 35],
          ['niet-te-beoordelen', 10],
        ]
      : [
          ['goed', 45],
          ['voldoende', 40],
          ['onvoldoende', 7],
          ['niet-te-beoordelen', 8],
        ],
  );
}

/**
 * Scores for most ended help on the demo cases; returns how many were stored. Generated data is
 * not a user action: no timeline entry, no audit record.
 */
export async function insertDemoScores(
  db: Kysely<Database>,
  demo: DemoOrganisations,
  seed: number,
  nowMs: number,
): Promise<number> {
  const help = await endedHelp(db, demo, nowMs);
  const teams = new Map(demo.regions.flatMap((r) => r.teams.map((t) => [t.id, t] as const)));
  const holders = await professionalHolders(
    db,
    help.filter((h) => h.teamId === null).map((h) => h.caseId),
  );
  const rows: Insertable<Database['provider_score']>[] = [];
  for (const h of help) {
    const rng = new Random(
      streamSeed(seed ^ SCORE_SALT, hash(`${h.registeredAt} ${h.providerName}`)),
    );
    if (!rng.chance(SCORED)) continue;
    const team = h.teamId === null ? undefined : teams.get(h.teamId);
    const scorer = team
      ? { staffId: staffOf(team, 'casusregisseur'), organisationId: team.id }
      : holders.get(h.caseId);
    if (!scorer) continue;
    // Help that ended before the case closed ended early more often.
    const dropOut = rng.chance(h.closed ? 0.12 : 0.35);
    // Weights of bereikt, deels and niet bereikt.
    const weights = dropOut ? [15, 35, 50] : [55, 30, 15];
    const goals = rng.sample(GOALS, rng.int(1, 3)).map((description) => ({
      goalId: randomUUID(),
      description,
      result: rng.weighted<GoalResult>(GOAL_RESULTS.map((g, i) => [g, weights[i] ?? 0])),
    }));
    const satisfaction = rng.chance(0.8) ? (dropOut ? rng.int(3, 7) : rng.int(5, 10)) : null;
    // Waiting from the allocation to the start of the provider's help.
    const started = localDay(h.helpStartedAt);
    const waited = rng.chance(0.9) ? rng.int(2, 45) : null;
    const scoredAt = Math.max(
      h.endedAt,
      Math.min(h.endedAt + rng.int(1, 14) * DAY + rng.int(0, 480) * 60_000, nowMs),
    );
    rows.push({
      case_id: h.caseId,
      region: h.region,
      provider_id: h.providerId,
      closure_basis: h.closed ? 'casus-afgesloten' : 'behandelregie-beeindigd',
      satisfaction,
      goals: JSON.stringify(goals),
      drop_out: dropOut,
      waiting_days: waited,
      waiting_from: waited === null ? null : formatIsoDate(started - waited),
      waiting_to: waited === null ? null : formatIsoDate(started),
      criteria: JSON.stringify(
        PROVIDER_CRITERIA.map((c) => ({
          key: c.key,
          rating: ratingFor(rng, dropOut),
          remark: null,
        })),
      ),
      scored_by: scorer.staffId,
      scored_by_org: scorer.organisationId,
      scored_at: new Date(scoredAt),
    });
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
      await trx
        .insertInto('provider_score')
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .execute();
  });
  return rows.length;
}
