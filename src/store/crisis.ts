/**
 * Crisis coordination in the database (DOMAIN.md section 4 step 2): the call to the region's
 * crisis team, the team taking temporary crisiscasusregie (a `case_role` row whose end is the
 * planned end), its question to the local team for a casusregisseur, and the hand-back that ends
 * the role. `crisis-start` and `crisis-einde` go on the timeline, so a weekly contact cadence
 * during the crisis (LEK-CAD-CONTACT-CRISISREGIE) follows.
 *
 * The crisis team sees a request before it holds a role on the case: it was called in because
 * of acute danger. It sees the family label and the reason, nothing else, until it takes the
 * regie; after the hand-back its access ends with the role.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ActiveRole } from '../domain/access/case-access.js';
import {
  handBackProblems,
  hasProfessionalCasusregie,
  requestProblems,
  takeProblems,
} from '../domain/crisis/crisis.js';
import { addDays, localDay, parseIsoDate, startOfLocalDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { caseAccessFacts, inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import { caseRoleRecipients, notify } from './notifications.js';
import type { Database } from './schema.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;
const UUID = /^[0-9a-f-]{36}$/i;
const NOT_FOUND = 'Crisisverzoek niet gevonden.';
const invalid = (fields: { path: string; message: string }[]) =>
  new StoreError('invalid', 'De invoer klopt niet.', fields);

async function rolesNow(db: Db, caseId: string, now: Date): Promise<readonly ActiveRole[]> {
  return (await caseAccessFacts(db, caseId, now))?.activeRoles ?? [];
}

export interface CrisisView {
  readonly id: string;
  readonly status: 'aangevraagd' | 'actief' | 'teruggegeven';
  readonly crisisTeam: { readonly id: string; readonly name: string };
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: Date;
  readonly takenBy: string | null;
  readonly takenAt: Date | null;
  readonly plannedEnd: string | null;
  readonly teamAsked: string | null;
  readonly teamAskedAt: Date | null;
  readonly handover: string | null;
  readonly handedBackAt: Date | null;
}

async function crisisRows(db: Db, where: { caseId?: string; teamId?: string; id?: string }) {
  let query = db
    .selectFrom('crisis as c')
    .innerJoin('organisation as team', 'team.id', 'c.crisis_team_id')
    .innerJoin('staff as requester', 'requester.id', 'c.requested_by')
    .leftJoin('staff as taker', 'taker.id', 'c.taken_by')
    .leftJoin('organisation as asked', 'asked.id', 'c.team_asked_id')
    .innerJoin('casus', 'casus.id', 'c.case_id')
    .innerJoin('household', 'household.id', 'casus.household_id')
    .selectAll('c')
    .select([
      'team.name as teamName',
      'requester.name as requesterName',
      'taker.name as takerName',
      'asked.name as askedName',
      'household.label as label',
      'casus.region as region',
    ]);
  if (where.caseId) query = query.where('c.case_id', '=', where.caseId);
  if (where.teamId) query = query.where('c.crisis_team_id', '=', where.teamId);
  if (where.id) query = query.where('c.id', '=', where.id);
  return query.orderBy('c.requested_at', 'desc').execute();
}

type CrisisRow = Awaited<ReturnType<typeof crisisRows>>[number];

function toView(row: CrisisRow): CrisisView {
  return {
    id: row.id,
    status: row.status,
    crisisTeam: { id: row.crisis_team_id, name: row.teamName },
    reason: row.reason,
    requestedBy: row.requesterName,
    requestedAt: row.requested_at,
    takenBy: row.takerName,
    takenAt: row.taken_at,
    plannedEnd: row.planned_end,
    teamAsked: row.askedName,
    teamAskedAt: row.team_asked_at,
    handover: row.handover,
    handedBackAt: row.handed_back_at,
  };
}

/** The case's crises, the region's crisis teams, and what the viewer may do; audited. */
export async function caseCrisis(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
) {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const casus = await trx
      .selectFrom('casus')
      .select(['region'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const crises = (await crisisRows(trx, { caseId })).map(toView);
    const teams = await trx
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('kind', '=', 'crisisteam')
      .where('region', '=', casus.region)
      .orderBy('name')
      .execute();
    const roles = await rolesNow(trx, caseId, now);
    const open = crises.find((c) => c.status !== 'teruggegeven') ?? null;
    await writeAudit(trx, ctx, { action: 'crisis.lezen', caseId, details: {} });
    return {
      crises,
      crisisTeams: teams,
      hasCasusregisseur: hasProfessionalCasusregie(roles),
      /** Staff of the crisis team that holds the open crisis may ask for a regisseur and hand back. */
      mayCoordinate:
        open !== null &&
        open.status === 'actief' &&
        open.crisisTeam.id === ctx.actor.organisationId &&
        ctx.actor.roles.includes('crisismedewerker'),
    };
  });
}

/** Calls in the crisis team: anyone working on the case may, in acute danger. */
export async function requestCrisisTeam(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: { readonly crisisTeamId: string; readonly reason: string },
  now: Date,
): Promise<{ readonly id: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const casus = await trx
      .selectFrom('casus')
      .select('region')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const problems = requestProblems(input);
    const team = UUID.test(input.crisisTeamId)
      ? await trx
          .selectFrom('organisation')
          .select(['id', 'name'])
          .where('id', '=', input.crisisTeamId)
          .where('kind', '=', 'crisisteam')
          .where('region', '=', casus.region)
          .executeTakeFirst()
      : undefined;
    if (!team)
      problems.push({
        path: 'crisisteamId',
        message: 'kies het crisisteam van de regio van de casus',
      });
    if (problems.length > 0 || !team) throw invalid(problems);
    const open = await trx
      .selectFrom('crisis')
      .select('id')
      .where('case_id', '=', caseId)
      .where('status', '<>', 'teruggegeven')
      .executeTakeFirst();
    if (open)
      throw new StoreError('conflict', 'Het crisisteam is voor deze casus al ingeschakeld.');
    const row = await trx
      .insertInto('crisis')
      .values({
        case_id: caseId,
        crisis_team_id: team.id,
        reason: input.reason.trim(),
        requested_by: ctx.actor.staffId,
        requested_at: now,
        status: 'aangevraagd',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addTimelineEntry(trx, {
      caseId,
      type: 'crisisteam-contact',
      at: now,
      note: `${team.name} ingeschakeld: ${input.reason.trim()}`,
      by: ctx.actor.staffId,
    });
    await notify(
      trx,
      {
        kind: 'crisis',
        caseId: null,
        title: `Crisis: verzoek om crisiscasusregie (regio ${casus.region})`,
        link: '/crisis',
        organisationIds: [team.id],
        roles: ['crisismedewerker'],
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'crisis.aanvragen',
      caseId,
      details: { crisisId: row.id, crisisTeamId: team.id },
    });
    return { id: row.id };
  });
}

function requireCrisisStaff(ctx: RequestContext): void {
  if (!ctx.actor.roles.includes('crisismedewerker'))
    throw new StoreError('forbidden', 'Alleen een medewerker van het crisisteam doet dit.');
}

/** The requests to the actor's crisis team that are not yet handed back; audited. */
export async function crisisQueue(db: Kysely<Database>, ctx: RequestContext) {
  requireCrisisStaff(ctx);
  const rows = await crisisRows(db, { teamId: ctx.actor.organisationId });
  const open = rows.filter((r) => r.status !== 'teruggegeven');
  await writeAudit(db, ctx, { action: 'crisis.lijst', details: { count: open.length } });
  return open.map((r) => ({ ...toView(r), caseId: r.case_id, label: r.label, region: r.region }));
}

/** Loads a crisis of the actor's own team for a change; others' requests are "not found". */
async function ownCrisis(trx: Transaction<Database>, ctx: RequestContext, crisisId: string) {
  requireCrisisStaff(ctx);
  if (!UUID.test(crisisId)) throw new StoreError('not-found', NOT_FOUND);
  const row = await trx
    .selectFrom('crisis')
    .selectAll()
    .where('id', '=', crisisId)
    .where('crisis_team_id', '=', ctx.actor.organisationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new StoreError('not-found', NOT_FOUND);
  return row;
}

/** The regisseurs and the responsible team of a case, except the actor. */
async function regisseurs(db: Db, caseId: string, now: Date, except: string) {
  const holders = await caseRoleRecipients(db as Kysely<Database>, caseId, 'casusregie', now, [
    'casusregisseur',
    'teamleider',
    'jeugdbeschermer',
  ]);
  const team = await db
    .selectFrom('casus')
    .innerJoin('staff', 'staff.organisation_id', 'casus.responsible_team_id')
    .select('staff.id')
    .where('casus.id', '=', caseId)
    .where('staff.active', '=', true)
    .where((eb) =>
      eb.or([
        eb(eb.val('casusregisseur'), '=', eb.fn.any('staff.roles')),
        eb(eb.val('teamleider'), '=', eb.fn.any('staff.roles')),
      ]),
    )
    .execute();
  return [...new Set([...holders, ...team.map((t) => t.id)])].filter((id) => id !== except);
}

/** The crisis team takes temporary crisiscasusregie, until the planned end at the latest. */
export async function takeCrisis(
  db: Kysely<Database>,
  ctx: RequestContext,
  crisisId: string,
  input: { readonly plannedEnd: string },
  now: Date,
): Promise<{ readonly needsCasusregisseur: boolean }> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const crisis = await ownCrisis(trx, ctx, crisisId);
    if (crisis.status !== 'aangevraagd')
      throw new StoreError('conflict', 'Dit crisisverzoek is al opgepakt.');
    const problems = takeProblems(input, localDay(now.getTime()));
    if (problems.length > 0) throw invalid(problems);
    const endDay = parseIsoDate(input.plannedEnd) as number;
    const role = await trx
      .insertInto('case_role')
      .values({
        case_id: crisis.case_id,
        role: 'crisiscasusregie',
        holder: 'professional',
        staff_id: ctx.actor.staffId,
        organisation_id: ctx.actor.organisationId,
        starts_at: now,
        // The role runs through the planned end day.
        ends_at: new Date(startOfLocalDay(addDays(endDay, 1))),
        reason: 'crisis: tijdelijke crisiscasusregie',
        created_by: ctx.actor.staffId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('crisis')
      .set({
        status: 'actief',
        role_id: role.id,
        taken_by: ctx.actor.staffId,
        taken_at: now,
        planned_end: input.plannedEnd,
      })
      .where('id', '=', crisisId)
      .execute();
    await addTimelineEntry(trx, {
      caseId: crisis.case_id,
      type: 'crisis-start',
      at: now,
      note: `Het crisisteam neemt tijdelijk de casusregie, uiterlijk tot en met ${input.plannedEnd}`,
      by: ctx.actor.staffId,
    });
    await notify(
      trx,
      {
        kind: 'crisis',
        caseId: crisis.case_id,
        title: 'Het crisisteam heeft tijdelijk de casusregie genomen',
        link: `/casussen/${crisis.case_id}`,
        staffIds: await regisseurs(trx, crisis.case_id, now, ctx.actor.staffId),
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'crisis.overnemen',
      caseId: crisis.case_id,
      details: { crisisId, plannedEnd: input.plannedEnd },
    });
    return {
      needsCasusregisseur: !hasProfessionalCasusregie(await rolesNow(trx, crisis.case_id, now)),
    };
  });
}

/**
 * The crisis team asks the local team for a casusregisseur (RIJ: when the case has none). With
 * no responsible team yet, the chosen team of the region becomes responsible, so it can open the
 * case and assign one.
 */
export async function askForCasusregisseur(
  db: Kysely<Database>,
  ctx: RequestContext,
  crisisId: string,
  input: { readonly teamId: string | null; readonly note: string },
  now: Date,
): Promise<void> {
  await inCaseTransaction(db, ctx, async (trx) => {
    const crisis = await ownCrisis(trx, ctx, crisisId);
    if (crisis.status !== 'actief')
      throw new StoreError(
        'conflict',
        'Neem eerst de crisiscasusregie voordat u een casusregisseur vraagt.',
      );
    await requireAccess(trx, ctx, crisis.case_id, now);
    if (hasProfessionalCasusregie(await rolesNow(trx, crisis.case_id, now)))
      throw new StoreError('conflict', 'Deze casus heeft al een casusregisseur.');
    const casus = await trx
      .selectFrom('casus')
      .select(['region', 'responsible_team_id'])
      .where('id', '=', crisis.case_id)
      .executeTakeFirstOrThrow();
    const teamId = casus.responsible_team_id ?? input.teamId;
    const problems: { path: string; message: string }[] = [];
    if (input.note.trim().length < 10)
      problems.push({
        path: 'toelichting',
        message: 'schrijf kort waarom een casusregisseur nodig is',
      });
    const team =
      teamId && UUID.test(teamId)
        ? await trx
            .selectFrom('organisation')
            .select(['id', 'name'])
            .where('id', '=', teamId)
            .where('kind', '=', 'lokaal-team')
            .where('region', '=', casus.region)
            .executeTakeFirst()
        : undefined;
    if (!team)
      problems.push({ path: 'teamId', message: 'kies een lokaal team uit de regio van de casus' });
    if (problems.length > 0 || !team) throw invalid(problems);
    if (casus.responsible_team_id === null)
      await trx
        .updateTable('casus')
        .set({ responsible_team_id: team.id })
        .where('id', '=', crisis.case_id)
        .execute();
    await trx
      .updateTable('crisis')
      .set({ team_asked_id: team.id, team_asked_at: now })
      .where('id', '=', crisisId)
      .execute();
    await addTimelineEntry(trx, {
      caseId: crisis.case_id,
      type: 'notitie',
      at: now,
      note: `Crisisteam vraagt ${team.name} om een casusregisseur: ${input.note.trim()}`,
      by: ctx.actor.staffId,
    });
    await notify(
      trx,
      {
        kind: 'crisis',
        caseId: crisis.case_id,
        title: 'Het crisisteam vraagt een casusregisseur voor een casus',
        link: `/casussen/${crisis.case_id}`,
        organisationIds: [team.id],
        roles: ['casusregisseur', 'teamleider'],
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'crisis.casusregisseur-vragen',
      caseId: crisis.case_id,
      details: { crisisId, teamId: team.id },
    });
  });
}

/** Hands the regie back to the casusregisseur: the crisiscasusregie ends now. */
export async function handBackCrisis(
  db: Kysely<Database>,
  ctx: RequestContext,
  crisisId: string,
  input: { readonly handover: string },
  now: Date,
): Promise<void> {
  await inCaseTransaction(db, ctx, async (trx) => {
    const crisis = await ownCrisis(trx, ctx, crisisId);
    if (crisis.status !== 'actief' || crisis.role_id === null)
      throw new StoreError('conflict', 'Er is geen lopende crisiscasusregie om terug te geven.');
    const problems = handBackProblems(input, await rolesNow(trx, crisis.case_id, now));
    if (problems.length > 0) throw invalid(problems);
    await trx
      .updateTable('case_role')
      .set({ ends_at: now })
      .where('id', '=', crisis.role_id)
      .execute();
    await trx
      .updateTable('crisis')
      .set({
        status: 'teruggegeven',
        handover: input.handover.trim(),
        handed_back_by: ctx.actor.staffId,
        handed_back_at: now,
      })
      .where('id', '=', crisisId)
      .execute();
    await addTimelineEntry(trx, {
      caseId: crisis.case_id,
      type: 'crisis-einde',
      at: now,
      note: `Crisiscasusregie teruggegeven: ${input.handover.trim()}`,
      by: ctx.actor.staffId,
    });
    await notify(
      trx,
      {
        kind: 'crisis',
        caseId: crisis.case_id,
        title: 'Het crisisteam heeft de casusregie teruggegeven',
        link: `/casussen/${crisis.case_id}`,
        staffIds: await regisseurs(trx, crisis.case_id, now, ctx.actor.staffId),
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'crisis.teruggeven',
      caseId: crisis.case_id,
      details: { crisisId },
    });
  });
}
