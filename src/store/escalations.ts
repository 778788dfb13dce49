/**
 * Escalations in the database: opening one on a case's ladder (from the region profile),
 * recording each level with what the profile asks of it, the duties towards the young person,
 * the anonymised overview for the contract manager, and closing with the outcome. Every write is
 * one transaction with its audit record and its timeline events, so the profile's deadline rules
 * (ZOU-TERM-ESC-TALK, ZOU-TERM-ESC-COMMIT, RIJ-TERM-DISAGREE) follow real actions.
 *
 * Contract managers never reach the case: they read only `overview`, through `sharedEscalations`.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  closingProblems,
  currentLevel,
  dutyProblems,
  ladderView,
  levelProblems,
  levels,
  mayRecordLevel,
  openingProblems,
  type AgreedAction,
  type ClosingInput,
  type Duties,
  type EscalationSubject,
  type EscalationType,
  type LevelInput,
  type LevelView,
  type OverviewPositions,
} from '../domain/escalation/ladder.js';
import {
  anonymisedOverview,
  namesOf,
  type AnonymisedOverview,
} from '../domain/escalation/overview.js';
import type { EscalationRule, Profile } from '../domain/rules/index.js';
import { ageInYears } from '../domain/rules/index.js';
import { formatIsoDate, localDay, parseIsoDate } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { contractManagerRegion } from './contract-manager.js';
import { StoreError } from './errors.js';
import { caseRoleRecipients, notify } from './notifications.js';
import type { Database } from './schema.js';
import { nextReference } from './references.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;
const UUID = /^[0-9a-f-]{36}$/i;
const NOT_FOUND = 'Escalatie niet gevonden.';

const invalid = (fields: { path: string; message: string }[]) =>
  new StoreError('invalid', 'De invoer klopt niet.', fields);

/** The escalation ladders of a profile. */
export function ladders(profile: Profile): EscalationRule[] {
  return profile.rules.filter((r): r is EscalationRule => r.kind === 'escalation');
}

function ladderOf(profiles: ReadonlyMap<string, Profile>, region: string, id: string) {
  const profile = profiles.get(region);
  return profile ? ladders(profile).find((l) => l.id === id) : undefined;
}

export interface EscalationView {
  readonly id: string;
  readonly reference: string;
  readonly ladder: EscalationRule;
  readonly type: EscalationType;
  readonly subject: EscalationSubject;
  readonly allocation: {
    readonly id: string;
    readonly number: string;
    readonly product: string;
  } | null;
  readonly description: string;
  readonly criteria: Readonly<Record<string, boolean>>;
  readonly openedAt: Date;
  readonly openedBy: string;
  readonly levels: readonly (LevelView & {
    readonly recorded: {
      readonly by: string;
      readonly organisation: string;
      readonly note: string;
      readonly facts: string | null;
      readonly actions: readonly AgreedAction[];
      readonly feedbackDate: string | null;
    } | null;
  })[];
  readonly current: { readonly number: number; readonly mayRecord: boolean } | null;
  readonly duties: Duties;
  readonly overview: AnonymisedOverview | null;
  readonly sharedAt: Date | null;
  readonly closedAt: Date | null;
  readonly commitment: string | null;
  readonly agreements: readonly AgreedAction[];
}

async function loadEscalations(
  db: Db,
  ctx: RequestContext,
  caseId: string,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
  only?: string,
): Promise<EscalationView[]> {
  let query = db
    .selectFrom('escalation as e')
    .innerJoin('staff', 'staff.id', 'e.opened_by')
    .leftJoin('allocation as a', 'a.id', 'e.allocation_id')
    .selectAll('e')
    .select([
      'staff.name as openedByName',
      'a.number as allocationNumber',
      'a.product_code as productCode',
    ])
    .where('e.case_id', '=', caseId);
  if (only) query = query.where('e.id', '=', only);
  const rows = await query.orderBy('e.opened_at', 'desc').execute();
  if (rows.length === 0) return [];
  const recorded = await db
    .selectFrom('escalation_level as l')
    .innerJoin('staff', 'staff.id', 'l.recorded_by')
    .innerJoin('organisation', 'organisation.id', 'l.recorded_by_org')
    .selectAll('l')
    .select(['staff.name as byName', 'organisation.name as orgName'])
    .where(
      'l.escalation_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('l.level')
    .execute();
  return rows.flatMap((row): EscalationView[] => {
    const ladder = ladderOf(profiles, row.region, row.ladder_id);
    if (!ladder) return [];
    const mine = recorded.filter((l) => l.escalation_id === row.id);
    const progress = {
      openedAt: row.opened_at.getTime(),
      recorded: mine.map((l) => ({ level: l.level, at: l.recorded_at.getTime() })),
      closedAt: row.closed_at?.getTime() ?? null,
    };
    const current = currentLevel(ladder, progress);
    return [
      {
        id: row.id,
        reference: row.reference,
        ladder,
        type: row.type,
        subject: row.subject,
        allocation:
          row.allocation_id && row.allocationNumber
            ? {
                id: row.allocation_id,
                number: row.allocationNumber,
                product: row.productCode ?? '',
              }
            : null,
        description: row.description,
        criteria: row.criteria as Record<string, boolean>,
        openedAt: row.opened_at,
        openedBy: row.openedByName,
        levels: ladderView(ladder, progress, now.getTime()).map((view) => {
          const l = mine.find((m) => m.level === view.level.number);
          return {
            ...view,
            recorded: l
              ? {
                  by: l.byName,
                  organisation: l.orgName,
                  note: l.note,
                  facts: l.facts,
                  actions: l.actions as AgreedAction[],
                  feedbackDate: l.feedback_date,
                }
              : null,
          };
        }),
        current: current
          ? { number: current.number, mayRecord: mayRecordLevel(current, ctx.actor.roles) }
          : null,
        duties: {
          youngPersonInformedOn: row.young_person_informed_on,
          youngPersonInformedHow: row.young_person_informed_how,
          bridgingCareNeeded: row.bridging_care_needed,
          bridgingCareNote: row.bridging_care_note,
        },
        overview: (row.overview as AnonymisedOverview | null) ?? null,
        sharedAt: row.shared_at,
        closedAt: row.closed_at,
        commitment: row.commitment,
        agreements: (row.agreements as AgreedAction[] | null) ?? [],
      },
    ];
  });
}

/** The case's escalations, newest first, and the ladders its region offers; audited. */
export async function caseEscalations(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<{
  escalations: EscalationView[];
  ladders: EscalationRule[];
  allocations: { id: string; number: string; product: string; provider: string }[];
}> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const casus = await trx
      .selectFrom('casus')
      .select('region')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const escalations = await loadEscalations(trx, ctx, caseId, profiles, now);
    const org = await trx
      .selectFrom('organisation')
      .select('kind')
      .where('id', '=', ctx.actor.organisationId)
      .executeTakeFirst();
    // The allocations an escalation can be about; a provider sees only its own.
    let allocationQuery = trx
      .selectFrom('allocation')
      .innerJoin('organisation', 'organisation.id', 'allocation.provider_id')
      .select([
        'allocation.id',
        'allocation.number',
        'allocation.product_code as product',
        'organisation.name as provider',
      ])
      .where('allocation.case_id', '=', caseId);
    if (org?.kind === 'aanbieder')
      allocationQuery = allocationQuery.where(
        'allocation.provider_id',
        '=',
        ctx.actor.organisationId,
      );
    const allocations = await allocationQuery.orderBy('allocation.number').execute();
    await writeAudit(trx, ctx, { action: 'escalaties.lezen', caseId, details: {} });
    const profile = profiles.get(casus.region);
    return { escalations, ladders: profile ? ladders(profile) : [], allocations };
  });
}

/** Everyone working on the case except the actor: regisseurs, the team, the providers. */
async function caseParties(db: Db, caseId: string, now: Date, except: string): Promise<string[]> {
  const holders = await Promise.all([
    caseRoleRecipients(db as Kysely<Database>, caseId, 'casusregie', now, [
      'casusregisseur',
      'teamleider',
      'jeugdbeschermer',
    ]),
    caseRoleRecipients(db as Kysely<Database>, caseId, 'crisiscasusregie', now),
    caseRoleRecipients(db as Kysely<Database>, caseId, 'procesregie', now, [
      'casusregisseur',
      'teamleider',
      'jeugdbeschermer',
    ]),
    caseRoleRecipients(db as Kysely<Database>, caseId, 'behandelregie', now, [
      'planner',
      'behandelaar',
    ]),
  ]);
  const team = await db
    .selectFrom('casus')
    .innerJoin('staff', 'staff.organisation_id', 'casus.responsible_team_id')
    .select('staff.id')
    .where('casus.id', '=', caseId)
    .where('staff.active', '=', true)
    .execute();
  const all = new Set([...holders.flat(), ...team.map((t) => t.id)]);
  all.delete(except);
  return [...all];
}

export interface OpenInput {
  readonly ladderId: string;
  readonly type: EscalationType;
  readonly subject: EscalationSubject;
  readonly allocationId: string | null;
  readonly description: string;
  readonly criteria: Readonly<Record<string, boolean>>;
}

/**
 * Opens an escalation on one of the region's ladders. A ladder whose first level is done by
 * raising it (ZOU) records that level at once. A provider's disagreement with an allocation
 * also puts `bezwaar-arrangement` on the timeline (RIJ-TERM-DISAGREE stops there).
 */
export async function openEscalation(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: OpenInput,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<{ readonly id: string; readonly reference: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const casus = await trx
      .selectFrom('casus')
      .select(['region'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const ladder = ladderOf(profiles, casus.region, input.ladderId);
    if (!ladder)
      throw invalid([
        {
          path: 'ladder',
          message: `${input.ladderId} is geen escalatieladder van regio ${casus.region}`,
        },
      ]);
    const problems = openingProblems(ladder, input);
    if (input.allocationId !== null) {
      const allocation = UUID.test(input.allocationId)
        ? await trx
            .selectFrom('allocation')
            .select('id')
            .where('id', '=', input.allocationId)
            .where('case_id', '=', caseId)
            .executeTakeFirst()
        : undefined;
      if (!allocation)
        problems.push({ path: 'toewijzingId', message: 'geen toewijzing van deze casus' });
    }
    if (problems.length > 0) throw invalid(problems);
    const reference = await nextReference(
      trx,
      { prefix: 'ESC', table: 'escalation' },
      casus.region,
      now,
    );
    const row = await trx
      .insertInto('escalation')
      .values({
        reference,
        case_id: caseId,
        region: casus.region,
        ladder_id: ladder.id,
        type: input.type,
        subject: input.subject,
        allocation_id: input.allocationId,
        description: input.description.trim(),
        criteria: JSON.stringify(input.criteria),
        opened_by: ctx.actor.staffId,
        opened_by_org: ctx.actor.organisationId,
        opened_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = levels(ladder)[0];
    if (first?.step.opening) {
      await trx
        .insertInto('escalation_level')
        .values({
          escalation_id: row.id,
          level: 1,
          step_number: first.stepNumber,
          note: input.description.trim(),
          facts: null,
          actions: JSON.stringify([]),
          feedback_date: null,
          recorded_by: ctx.actor.staffId,
          recorded_by_org: ctx.actor.organisationId,
          recorded_at: now,
        })
        .execute();
      if (first.step.event)
        await addTimelineEntry(trx, {
          caseId,
          type: first.step.event,
          at: now,
          note: `${reference}: ${first.step.action}`,
          by: ctx.actor.staffId,
        });
    }
    if (input.subject === 'toewijzing')
      await addTimelineEntry(trx, {
        caseId,
        type: 'bezwaar-arrangement',
        at: now,
        note: `${reference}: de aanbieder is het niet eens met de toewijzing`,
        by: ctx.actor.staffId,
      });
    await addTimelineEntry(trx, {
      caseId,
      type: 'notitie',
      at: now,
      note: `Escalatie ${reference} gestart (${ladder.id})`,
      by: ctx.actor.staffId,
    });
    await notify(
      trx,
      {
        kind: 'escalatie',
        caseId,
        title: `Escalatie ${reference} gestart`,
        ruleId: ladder.id,
        link: `/casussen/${caseId}`,
        staffIds: await caseParties(trx, caseId, now, ctx.actor.staffId),
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'escalatie.openen',
      caseId,
      details: { escalationId: row.id, ladder: ladder.id, subject: input.subject },
    });
    return { id: row.id, reference };
  });
}

/** Finds the escalation and checks access to its case, inside the caller's transaction. */
async function escalationForUpdate(
  trx: Transaction<Database>,
  ctx: RequestContext,
  escalationId: string,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
) {
  if (!UUID.test(escalationId)) throw new StoreError('not-found', NOT_FOUND);
  const row = await trx
    .selectFrom('escalation')
    .select(['id', 'case_id'])
    .where('id', '=', escalationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new StoreError('not-found', NOT_FOUND);
  await requireAccess(trx, ctx, row.case_id, now);
  const [view] = await loadEscalations(trx, ctx, row.case_id, profiles, now, escalationId);
  if (!view) throw new StoreError('not-found', NOT_FOUND);
  return { caseId: row.case_id, view };
}

/** The data of the overview in the fixed format, scrubbed with every name the case knows. */
async function buildOverview(
  trx: Transaction<Database>,
  caseId: string,
  view: EscalationView,
  extra: { positions: OverviewPositions; actions: readonly AgreedAction[]; feedbackDate: string },
  now: Date,
): Promise<AnonymisedOverview> {
  const casus = await trx
    .selectFrom('casus')
    .innerJoin('household', 'household.id', 'casus.household_id')
    .select([
      'casus.region',
      'casus.route',
      'casus.segment',
      'household.label',
      'household.id as householdId',
    ])
    .where('casus.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const people = await trx
    .selectFrom('person')
    .select(['name', 'kind', 'birth_date'])
    .where('household_id', '=', casus.householdId)
    .execute();
  const staff = await trx
    .selectFrom('case_role')
    .innerJoin('staff', 'staff.id', 'case_role.staff_id')
    .select('staff.name')
    .where('case_role.case_id', '=', caseId)
    .execute();
  const levelStaff = await trx
    .selectFrom('escalation_level')
    .innerJoin('staff', 'staff.id', 'escalation_level.recorded_by')
    .select('staff.name')
    .where('escalation_level.escalation_id', '=', view.id)
    .execute();
  const municipality = await trx
    .selectFrom('organisation')
    .select('name')
    .where('kind', '=', 'gemeente')
    .where('region', '=', casus.region)
    .orderBy('name')
    .executeTakeFirst();
  const product = view.allocation
    ? await trx
        .selectFrom('product')
        .select(['code', 'name'])
        .where('region', '=', casus.region)
        .where('code', '=', view.allocation.product)
        .executeTakeFirst()
    : undefined;
  const today = localDay(now.getTime());
  const names = namesOf(
    people.map((p) => p.name),
    [...staff, ...levelStaff].map((s) => s.name).concat(view.openedBy),
    casus.label,
  );
  return anonymisedOverview(
    {
      reference: view.reference,
      region: casus.region,
      municipality: municipality?.name ?? casus.region,
      ladderId: view.ladder.id,
      type: view.type,
      subject: view.subject,
      openedOn: formatIsoDate(localDay(view.openedAt.getTime())),
      route: casus.route,
      segment: casus.segment,
      ages: people
        .filter((p) => p.kind === 'jeugdige' && p.birth_date)
        .map((p) => ageInYears(parseIsoDate(p.birth_date as string) as number, today)),
      products: product
        ? [`${product.code} ${product.name}`]
        : view.allocation
          ? [view.allocation.product]
          : [],
      description: view.description,
      facts: view.levels
        .map((l) => l.recorded?.facts ?? '')
        .filter((f) => f !== '')
        .join('\n'),
      steps: view.levels.flatMap((l) =>
        l.recorded && l.doneAt !== null
          ? [
              {
                level: l.level.number,
                actor: l.level.step.actor,
                note: l.recorded.note,
                on: formatIsoDate(localDay(l.doneAt)),
              },
            ]
          : [],
      ),
      positions: extra.positions,
      actions: extra.actions,
      feedbackDate: extra.feedbackDate,
    },
    names,
  );
}

/**
 * The overview as it would be shared, for the manager to review before recording the level.
 * Nothing is stored. Only someone who may record the current level asks for it.
 */
export async function previewOverview(
  db: Kysely<Database>,
  ctx: RequestContext,
  escalationId: string,
  input: LevelInput,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<AnonymisedOverview> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const { caseId, view } = await escalationForUpdate(trx, ctx, escalationId, profiles, now);
    const level = currentLevel(view.ladder, progressOf(view));
    if (!level) throw new StoreError('conflict', 'Op dit niveau wordt geen overzicht gedeeld.');
    // Who may not record the level learns nothing about it (access before the level's rules).
    if (!mayRecordLevel(level, ctx.actor.roles))
      throw new StoreError(
        'forbidden',
        `Alleen ${level.step.roles?.join(', ')} legt dit niveau vast.`,
      );
    if (!level.step.artefacts?.includes('overzicht'))
      throw new StoreError('conflict', 'Op dit niveau wordt geen overzicht gedeeld.');
    return buildOverview(
      trx,
      caseId,
      view,
      {
        positions: input.overview ?? { localTeam: '', provider: '', requestedDecision: '' },
        actions: input.actions,
        feedbackDate: input.feedbackDate ?? '',
      },
      now,
    );
  });
}

function progressOf(view: EscalationView) {
  return {
    openedAt: view.openedAt.getTime(),
    recorded: view.levels.flatMap((l) =>
      l.recorded && l.doneAt !== null ? [{ level: l.level.number, at: l.doneAt }] : [],
    ),
    closedAt: view.closedAt?.getTime() ?? null,
  };
}

/**
 * Records the current level. `expectedLevel` guards against two people recording the same level
 * (409 when the escalation has moved on). The overview level shares the anonymised overview with
 * the region's contract managers.
 */
export async function recordLevel(
  db: Kysely<Database>,
  ctx: RequestContext,
  escalationId: string,
  expectedLevel: number,
  input: LevelInput,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<{ readonly level: number }> {
  return inCaseTransaction(db, ctx, async (trx) => {
    const { caseId, view } = await escalationForUpdate(trx, ctx, escalationId, profiles, now);
    if (view.closedAt) throw new StoreError('conflict', 'Deze escalatie is al afgesloten.');
    const level = currentLevel(view.ladder, progressOf(view));
    if (!level) throw new StoreError('conflict', 'Alle niveaus zijn al vastgelegd.');
    if (level.number !== expectedLevel)
      throw new StoreError(
        'conflict',
        `De escalatie staat inmiddels op niveau ${level.number}; ververs de pagina.`,
      );
    if (level.step.closing)
      throw new StoreError('conflict', 'Dit niveau sluit de escalatie af: leg de uitkomst vast.');
    if (!mayRecordLevel(level, ctx.actor.roles))
      throw new StoreError(
        'forbidden',
        `Niveau ${level.number} legt alleen een ${level.step.roles?.join(' of ')} vast (${view.ladder.id}).`,
      );
    const problems = levelProblems(level, input, localDay(now.getTime()));
    if (problems.length > 0) throw invalid(problems);
    await trx
      .insertInto('escalation_level')
      .values({
        escalation_id: escalationId,
        level: level.number,
        step_number: level.stepNumber,
        note: input.note.trim(),
        facts: input.facts?.trim() || null,
        actions: JSON.stringify(input.actions),
        feedback_date: input.feedbackDate,
        recorded_by: ctx.actor.staffId,
        recorded_by_org: ctx.actor.organisationId,
        recorded_at: now,
      })
      .execute();
    if (level.step.event)
      await addTimelineEntry(trx, {
        caseId,
        type: level.step.event,
        at: now,
        note: `${view.reference} niveau ${level.number}: ${level.step.action}`,
        by: ctx.actor.staffId,
      });
    if (level.step.artefacts?.includes('overzicht')) {
      const [updated] = await loadEscalations(trx, ctx, caseId, profiles, now, escalationId);
      const overview = await buildOverview(
        trx,
        caseId,
        updated ?? view,
        {
          positions: input.overview as OverviewPositions,
          actions: input.actions,
          feedbackDate: input.feedbackDate ?? '',
        },
        now,
      );
      await trx
        .updateTable('escalation')
        .set({ overview: JSON.stringify(overview), shared_at: now })
        .where('id', '=', escalationId)
        .execute();
      const casus = await trx
        .selectFrom('casus')
        .select('region')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      const municipalities = await trx
        .selectFrom('organisation')
        .select('id')
        .where('kind', '=', 'gemeente')
        .where('region', '=', casus.region)
        .execute();
      // No case link and no names: the contract manager reads the overview, not the case.
      await notify(
        trx,
        {
          kind: 'escalatie',
          caseId: null,
          title: `Escalatie ${view.reference}: geanonimiseerd overzicht ontvangen`,
          ruleId: view.ladder.id,
          link: `/escalaties/${escalationId}`,
          organisationIds: municipalities.map((m) => m.id),
          roles: ['contractmanager'],
        },
        now,
      );
    }
    await writeAudit(trx, ctx, {
      action: 'escalatie.niveau',
      caseId,
      details: {
        escalationId,
        level: level.number,
        shared: level.step.artefacts?.includes('overzicht') ?? false,
      },
    });
    return { level: level.number };
  });
}

/** Records that the young person was informed and whether bridging care is needed. */
export async function recordDuties(
  db: Kysely<Database>,
  ctx: RequestContext,
  escalationId: string,
  input: Duties,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<void> {
  await inCaseTransaction(db, ctx, async (trx) => {
    const { caseId, view } = await escalationForUpdate(trx, ctx, escalationId, profiles, now);
    if (view.closedAt) throw new StoreError('conflict', 'Deze escalatie is al afgesloten.');
    const problems = dutyProblems(input, localDay(now.getTime()));
    if (problems.length > 0) throw invalid(problems);
    await trx
      .updateTable('escalation')
      .set({
        young_person_informed_on: input.youngPersonInformedOn,
        young_person_informed_how: input.youngPersonInformedHow?.trim() || null,
        bridging_care_needed: input.bridgingCareNeeded,
        bridging_care_note: input.bridgingCareNote?.trim() || null,
      })
      .where('id', '=', escalationId)
      .execute();
    await writeAudit(trx, ctx, { action: 'escalatie.plichten', caseId, details: { escalationId } });
  });
}

/** Closes the escalation with the outcome; `escalatie-afspraken` goes on the timeline. */
export async function closeEscalation(
  db: Kysely<Database>,
  ctx: RequestContext,
  escalationId: string,
  input: ClosingInput,
  profiles: ReadonlyMap<string, Profile>,
  now: Date,
): Promise<void> {
  await inCaseTransaction(db, ctx, async (trx) => {
    const { caseId, view } = await escalationForUpdate(trx, ctx, escalationId, profiles, now);
    if (view.closedAt) throw new StoreError('conflict', 'Deze escalatie is al afgesloten.');
    const problems = closingProblems(input, view.duties);
    if (problems.length > 0) throw invalid(problems);
    await trx
      .updateTable('escalation')
      .set({
        closed_at: now,
        closed_by: ctx.actor.staffId,
        commitment: input.commitment.trim(),
        agreements: JSON.stringify(input.agreements),
      })
      .where('id', '=', escalationId)
      .execute();
    await addTimelineEntry(trx, {
      caseId,
      type: 'escalatie-afspraken',
      at: now,
      note: `${view.reference} afgesloten: ${input.commitment.trim()}`,
      by: ctx.actor.staffId,
    });
    await notify(
      trx,
      {
        kind: 'escalatie',
        caseId,
        title: `Escalatie ${view.reference} afgesloten met afspraken`,
        ruleId: view.ladder.id,
        link: `/casussen/${caseId}`,
        staffIds: await caseParties(trx, caseId, now, ctx.actor.staffId),
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'escalatie.afsluiten',
      caseId,
      details: { escalationId },
    });
  });
}

// ---------------------------------------------------------------------------------------
// The contract manager's view: anonymised overviews only
// ---------------------------------------------------------------------------------------

export interface SharedEscalation {
  readonly id: string;
  readonly reference: string;
  readonly sharedAt: Date;
  readonly closed: boolean;
  readonly overview: AnonymisedOverview;
}

/** Escalations shared with the contract managers of the actor's region; overviews only. */
export async function sharedEscalations(
  db: Kysely<Database>,
  ctx: RequestContext,
  only?: string,
): Promise<SharedEscalation[]> {
  const region = await contractManagerRegion(db, ctx, 'deze overzichten');
  if (only !== undefined && !UUID.test(only)) throw new StoreError('not-found', NOT_FOUND);
  let query = db
    .selectFrom('escalation')
    .select(['id', 'reference', 'shared_at', 'closed_at', 'overview'])
    .where('region', '=', region)
    .where('shared_at', 'is not', null);
  if (only) query = query.where('id', '=', only);
  const rows = await query.orderBy('shared_at', 'desc').execute();
  if (only && rows.length === 0) throw new StoreError('not-found', NOT_FOUND);
  await writeAudit(db, ctx, {
    action: only ? 'escalatie.overzicht-lezen' : 'escalatie.overzichten',
    details: { region, count: rows.length, ...(only ? { escalationId: only } : {}) },
  });
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    sharedAt: r.shared_at as Date,
    closed: r.closed_at !== null,
    overview: r.overview as AnonymisedOverview,
  }));
}
