/**
 * Closing a case in the database (issue 7; RIJ-DEC-CLOSURE, LEK-DEC-CLOSE-AFTER-CARE,
 * LEK-DEC-WAAKVLAM, ZOU-DEC-ENDING, RIJ-DEC-MEASURE-END): the casusregisseur's draft, saved
 * section by section; the providers' closing reports (one per provider organisation, its content
 * shown to the casusregie side only with the family's consent); and closing itself, refused with
 * every problem `closureProblems` finds. Each command checks access, writes and audits in one
 * transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  caseAccess,
  mayAssignRoles,
  type Actor,
  type CaseAccessFacts,
} from '../domain/access/case-access.js';
import {
  closingReportProblems,
  closureChecklist,
  closureProblems,
  closureReminders,
  draftProblems,
  EMPTY_DRAFT,
  transitionRequiredFor,
  CLOSURE_RULES,
  type ClosingReportInput,
  type ClosureDraft,
  type ClosureFacts,
  type ClosureReason,
  type YoungPerson,
} from '../domain/closure/closure.js';
import type { Profile } from '../domain/rules/index.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import { measureEndingStatus } from './measure-endings.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import { caseRoleRecipients, notify } from './notifications.js';
import { claimSections, keepRevision, requireRevision, type Snapshot } from './revisions.js';
import type { Database } from './schema.js';
import { addTimelineEntry } from './timeline.js';

type Db = Kysely<Database> | Transaction<Database>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROVIDER_STAFF = ['planner', 'behandelaar'];
const dayOf = (at: Date) => formatIsoDate(localDay(at.getTime()));
const invalid = (fields: { path: string; message: string }[]) =>
  new StoreError('invalid', 'De invoer klopt niet.', fields);

/** Provider organisations that hold or held behandelregie on the case. */
async function behandelregieProviders(
  db: Db,
  caseId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('case_role')
    .innerJoin('organisation', 'organisation.id', 'case_role.organisation_id')
    .select(['organisation.id', 'organisation.name'])
    .distinct()
    .where('case_role.case_id', '=', caseId)
    .where('case_role.role', '=', 'behandelregie')
    .orderBy('organisation.name')
    .execute();
}

/**
 * Staff of a provider that holds or held behandelregie, working with its clients (planner,
 * behandelaar), file its closing report — also after its behandelregie ended. Others who read
 * the case get 403, the rest 404 (see `requireAccess`).
 */
const mayReport =
  (providerIds: readonly string[]) =>
  (actor: Actor, facts: CaseAccessFacts): ReturnType<typeof caseAccess> => {
    if (
      providerIds.includes(actor.organisationId) &&
      actor.roles.some((r) => PROVIDER_STAFF.includes(r))
    )
      return { allowed: true, basis: 'rol-organisatie', role: 'behandelregie' };
    const read = caseAccess(actor, facts);
    if (!read.allowed) return read;
    return {
      allowed: false,
      reason: 'alleen een aanbieder met behandelregie op de casus geeft een eindverslag',
    };
  };

/** Reading the closure: whoever reads the case, and the staff of a former behandelregie provider. */
const mayRead =
  (providerIds: readonly string[]) =>
  (actor: Actor, facts: CaseAccessFacts): ReturnType<typeof caseAccess> => {
    const read = caseAccess(actor, facts);
    return read.allowed ? read : mayReport(providerIds)(actor, facts);
  };

interface DraftRow {
  reason: ClosureReason | null;
  final_evaluation: unknown;
  aftercare: unknown;
  waakvlam: unknown;
  reassessment: unknown;
  transitions: unknown;
  closed_at: Date | null;
  closed_by: string | null;
}

const asDraft = (row: DraftRow | undefined): ClosureDraft =>
  row
    ? {
        reason: row.reason,
        finalEvaluation: (row.final_evaluation ?? null) as ClosureDraft['finalEvaluation'],
        aftercare: (row.aftercare ?? null) as ClosureDraft['aftercare'],
        waakvlam: (row.waakvlam ?? null) as ClosureDraft['waakvlam'],
        reassessment: (row.reassessment ?? null) as ClosureDraft['reassessment'],
        transitions: (row.transitions ?? []) as ClosureDraft['transitions'],
      }
    : EMPTY_DRAFT;

async function draftRow(db: Db, caseId: string, lock = false) {
  let query = db.selectFrom('case_closure').selectAll().where('case_id', '=', caseId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

async function youngPeople(db: Db, caseId: string): Promise<YoungPerson[]> {
  const rows = await db
    .selectFrom('person')
    .innerJoin('casus', 'casus.household_id', 'person.household_id')
    .select(['person.id', 'person.name', 'person.birth_date'])
    .where('casus.id', '=', caseId)
    .where('person.kind', '=', 'jeugdige')
    .orderBy('person.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, birthDate: r.birth_date }));
}

async function casusRow(db: Db, caseId: string, lock = false) {
  let query = db.selectFrom('casus').select(['id', 'route', 'closed_at']).where('id', '=', caseId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirstOrThrow();
}

/** Everything `closureProblems` needs about the case today. */
async function closureFacts(
  db: Db,
  profiles: ReadonlyMap<string, Profile>,
  caseId: string,
  draft: ClosureDraft,
  now: Date,
): Promise<ClosureFacts> {
  const allocations = await db
    .selectFrom('allocation')
    .innerJoin('organisation', 'organisation.id', 'allocation.provider_id')
    .select([
      'allocation.number',
      'allocation.status',
      'allocation.end_date',
      'allocation.provider_id',
      'organisation.name',
    ])
    .where('allocation.case_id', '=', caseId)
    .orderBy('allocation.number')
    .execute();
  const providers = await behandelregieProviders(db, caseId);
  const reports = await db
    .selectFrom('closing_report')
    .select('provider_id')
    .where('case_id', '=', caseId)
    .execute();
  const scored = await db
    .selectFrom('provider_score')
    .select('provider_id')
    .where('case_id', '=', caseId)
    .execute();
  const casus = await db
    .selectFrom('casus')
    .select(['route', 'region'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const providerEndingProcedure =
    profiles.get(casus.region)?.rules.some((r) => r.id === CLOSURE_RULES.providerEnd) ?? false;
  const endings = await db
    .selectFrom('provider_ending')
    .select('status')
    .where('case_id', '=', caseId)
    .execute();
  const helped = new Map<string, string>();
  for (const a of allocations) helped.set(a.provider_id, a.name);
  for (const p of providers) helped.set(p.id, p.name);
  return {
    today: dayOf(now),
    draft,
    allocations: allocations.map((a) => ({
      number: a.number,
      providerName: a.name,
      status: a.status,
      end: a.end_date,
    })),
    behandelregieProviders: providers,
    reportProviderIds: reports.map((r) => r.provider_id),
    youngPeople: await youngPeople(db, caseId),
    measureEnding: casus.route === 'C' ? ((await measureEndingStatus(db, caseId)) ?? 'open') : null,
    providerEnding: !providerEndingProcedure
      ? null
      : endings.some((e) => e.status === 'overgedragen')
        ? 'overgedragen'
        : 'niet-doorlopen',
    unscoredProviders: [...helped]
      .filter(([id]) => !scored.some((s) => s.provider_id === id))
      .map(([id, name]) => ({ id, name })),
  };
}

export interface ClosingReportView {
  readonly id: string;
  readonly providerId: string;
  readonly provider: string;
  readonly familyConsent: boolean;
  readonly filedBy: string;
  readonly filedAt: Date;
  /** Null when the viewer may not read it (no consent of the family). */
  readonly content: {
    readonly results: string;
    readonly agreements: string;
    readonly waakvlamAdvice: 'nodig' | 'niet-nodig';
    readonly waakvlamNote: string;
  } | null;
}

/** The closure of a case as the viewer may see it; audited. */
export async function caseClosure(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
) {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    const providers = await behandelregieProviders(trx, caseId);
    const providerIds = providers.map((p) => p.id);
    const { mayAssignRoles: assigns } = await requireAccess(
      trx,
      ctx,
      caseId,
      now,
      mayRead(providerIds),
    );
    const casus = await casusRow(trx, caseId);
    const row = await draftRow(trx, caseId);
    const draft = asDraft(row);
    const facts = await closureFacts(trx, profiles, caseId, draft, now);
    const asProvider = providerIds.includes(ctx.actor.organisationId);
    const reports = await trx
      .selectFrom('closing_report as r')
      .innerJoin('organisation', 'organisation.id', 'r.provider_id')
      .innerJoin('staff', 'staff.id', 'r.filed_by')
      .selectAll('r')
      .select(['organisation.name as providerName', 'staff.name as filedByName'])
      .where('r.case_id', '=', caseId)
      .$if(asProvider, (q) => q.where('r.provider_id', '=', ctx.actor.organisationId))
      .orderBy('organisation.name')
      .execute();
    const closedBy = row?.closed_by
      ? await trx
          .selectFrom('staff')
          .select('name')
          .where('id', '=', row.closed_by)
          .executeTakeFirst()
      : undefined;
    await writeAudit(trx, ctx, {
      action: 'afsluiting.lezen',
      caseId,
      details: { reports: reports.map((r) => r.id) },
    });
    const closed = casus.closed_at !== null;
    return {
      draft,
      revision: row?.revision ?? 0,
      closedAt: casus.closed_at,
      closedBy: closedBy?.name ?? null,
      problems: closed ? [] : closureProblems(facts),
      reminders: closed ? [] : closureReminders(facts),
      checklist: closureChecklist(facts),
      youngPeople: facts.youngPeople,
      transitionRequired: transitionRequiredFor(draft.reason, facts.youngPeople, facts.today).map(
        (p) => p.id,
      ),
      reports: reports.map((r): ClosingReportView => ({
        id: r.id,
        providerId: r.provider_id,
        provider: r.providerName,
        familyConsent: r.family_consent,
        filedBy: r.filedByName,
        filedAt: r.filed_at,
        content:
          asProvider || r.family_consent
            ? {
                results: r.results,
                agreements: r.agreements,
                waakvlamAdvice: r.waakvlam_advice,
                waakvlamNote: r.waakvlam_note,
              }
            : null,
      })),
      mayEdit: assigns && !closed,
      mayReport: !closed && asProvider && ctx.actor.roles.some((r) => PROVIDER_STAFF.includes(r)),
    };
  });
}

const requireOpen = (closedAt: Date | null) => {
  if (closedAt !== null)
    throw new StoreError(
      'conflict',
      'Deze casus is afgesloten; de afsluiting kan niet meer worden gewijzigd.',
    );
};

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** The draft's sections in the API's words, as a revision's snapshot keeps them (ADR 0028). */
const SECTIONS: { readonly [K in keyof ClosureDraft]-?: string } = {
  reason: 'reden',
  finalEvaluation: 'eindevaluatie',
  aftercare: 'nazorg',
  waakvlam: 'waakvlam',
  reassessment: 'herbeoordeling',
  transitions: 'overgang18',
};
const SECTION_LABELS: Readonly<Record<string, string>> = {
  reden: 'Reden van afsluiten',
  eindevaluatie: 'Eindevaluatie',
  nazorg: 'Nazorg',
  waakvlam: 'Waakvlamcontact',
  herbeoordeling: 'Casusregie door het gezin',
  overgang18: 'Overgang 18-/18+',
};
const sectionsOf = (draft: Partial<ClosureDraft>): string[] =>
  (Object.keys(SECTIONS) as (keyof ClosureDraft)[])
    .filter((key) => draft[key] !== undefined)
    .map((key) => SECTIONS[key]);
const snapshotOf = (draft: ClosureDraft): Snapshot =>
  Object.fromEntries(
    (Object.keys(SECTIONS) as (keyof ClosureDraft)[]).map((key) => [SECTIONS[key], draft[key]]),
  );

/**
 * Saves the sections of the draft that the input names (a section given as null is cleared);
 * each is checked, a refusal names the field and stores nothing. Only whoever may assign roles.
 * `basis` is the draft's revision the editor started from (optimistic locking, ADR 0028): the
 * save is refused with 409 when someone else changed one of the sections it sends since; the
 * sections it leaves out stay as they are. Returns the draft and its new revision.
 */
export async function saveClosureDraft(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  patch: Partial<ClosureDraft>,
  basis: number,
  now: Date,
): Promise<{ readonly draft: ClosureDraft; readonly revision: number }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
    const casus = await casusRow(trx, caseId, true);
    requireOpen(casus.closed_at);
    const problems = draftProblems(patch, {
      today: dayOf(now),
      youngPeople: await youngPeople(trx, caseId),
    });
    if (problems.length > 0) throw invalid(problems);
    const row = await draftRow(trx, caseId, true);
    const current = asDraft(row);
    const record = { entity: 'afsluiting', id: caseId, caseId } as const;
    const revision = await claimSections(
      trx,
      record,
      basis,
      row?.revision ?? 0,
      snapshotOf(current),
      sectionsOf(patch),
      'Het concept van de afsluiting',
      SECTION_LABELS,
    );
    const next: ClosureDraft = {
      reason: patch.reason !== undefined ? patch.reason : current.reason,
      finalEvaluation:
        patch.finalEvaluation !== undefined ? patch.finalEvaluation : current.finalEvaluation,
      aftercare: patch.aftercare !== undefined ? patch.aftercare : current.aftercare,
      waakvlam: patch.waakvlam !== undefined ? patch.waakvlam : current.waakvlam,
      reassessment: patch.reassessment !== undefined ? patch.reassessment : current.reassessment,
      transitions: patch.transitions ?? current.transitions,
    };
    const values = {
      reason: next.reason,
      final_evaluation: json(next.finalEvaluation),
      aftercare: json(next.aftercare),
      waakvlam: json(next.waakvlam),
      reassessment: json(next.reassessment),
      transitions: JSON.stringify(next.transitions),
      updated_by: ctx.actor.staffId,
      updated_at: now,
      revision,
    };
    await trx
      .insertInto('case_closure')
      .values({ case_id: caseId, ...values })
      .onConflict((oc) => oc.column('case_id').doUpdateSet(values))
      .execute();
    await keepRevision(
      trx,
      record,
      revision,
      snapshotOf(next),
      { staffId: ctx.actor.staffId },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'afsluiting.concept-opslaan',
      caseId,
      details: { sections: Object.keys(patch), revision },
    });
    return { draft: next, revision };
  });
}

/**
 * Files (or replaces, while the case is open) the closing report of the actor's provider
 * organisation. Audited; the casusregie side is told a report arrived.
 */
export async function fileClosingReport(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  input: ClosingReportInput,
  now: Date,
): Promise<{ readonly id: string }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    const providers = await behandelregieProviders(trx, caseId);
    await requireAccess(trx, ctx, caseId, now, mayReport(providers.map((p) => p.id)));
    const casus = await casusRow(trx, caseId, true);
    requireOpen(casus.closed_at);
    const problems = closingReportProblems(input);
    if (problems.length > 0) throw invalid(problems);
    const values = {
      results: input.results.trim(),
      agreements: input.agreements.trim(),
      waakvlam_advice: input.waakvlamAdvice,
      waakvlam_note: input.waakvlamNote.trim(),
      family_consent: input.familyConsent,
      filed_by: ctx.actor.staffId,
      filed_at: now,
    };
    const row = await trx
      .insertInto('closing_report')
      .values({ case_id: caseId, provider_id: ctx.actor.organisationId, ...values })
      .onConflict((oc) => oc.columns(['case_id', 'provider_id']).doUpdateSet(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    await notify(
      trx,
      {
        kind: 'aanpassing',
        caseId,
        title: 'Een aanbieder heeft een eindverslag gegeven',
        ruleId: CLOSURE_RULES.closure,
        link: `/casussen/${caseId}`,
        staffIds: (await caseRoleRecipients(trx, caseId, 'casusregie', now)).filter(
          (id) => id !== ctx.actor.staffId,
        ),
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'afsluiting.eindverslag',
      caseId,
      details: { reportId: row.id, familyConsent: input.familyConsent },
    });
    return { id: row.id };
  });
}

const REASON_TEXT: Record<ClosureReason, string> = {
  'doelen-bereikt': 'doelen bereikt',
  'geen-hulpvraag': 'geen hulpvraag meer',
  'gestopt-door-gezin': 'gestopt door het gezin',
  'gestopt-door-aanbieder': 'gestopt door de aanbieder',
  'niet-meer-jeugdwet': 'valt niet meer onder de Jeugdwet',
  'einde-maatregel': 'einde van de maatregel',
};

/**
 * Closes the case when nothing blocks it; otherwise 409 with every problem (field path, Dutch
 * message with its rule). Sets `closed_at` and the step, writes the timeline entry, tells the
 * case's roles and audits, in one transaction. A closed case is not closed again (409). `basis`
 * is the draft's revision the user saw: a later save by someone else is 409 naming what changed.
 */
export async function closeCase(
  db: Kysely<Database>,
  profiles: ReadonlyMap<string, Profile>,
  ctx: RequestContext,
  caseId: string,
  basis: number,
  now: Date,
): Promise<{ readonly closedAt: Date }> {
  if (!UUID.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now, mayAssignRoles);
    const casus = await casusRow(trx, caseId, true);
    if (casus.closed_at !== null) throw new StoreError('conflict', 'Deze casus is al afgesloten.');
    const row = await draftRow(trx, caseId, true);
    // Close on the draft the user saw: a colleague's later save is shown first (ADR 0028).
    await requireRevision(
      trx,
      { entity: 'afsluiting', id: caseId, caseId },
      basis,
      row?.revision ?? 0,
      'Het concept van de afsluiting',
      SECTION_LABELS,
      'De casus is niet afgesloten; bekijk de nieuwste versie en sluit dan af.',
    );
    const draft = asDraft(row);
    const problems = closureProblems(await closureFacts(trx, profiles, caseId, draft, now));
    if (problems.length > 0 || !row || draft.reason === null)
      throw new StoreError(
        'conflict',
        'De casus kan nog niet worden afgesloten. Dit ontbreekt nog (geldt in elke regio):',
        problems.map((p) => ({ path: p.path, message: `${p.message} (${p.ruleId})` })),
      );
    const recipients = new Set<string>();
    for (const role of ['procesregie', 'casusregie', 'behandelregie', 'crisiscasusregie'] as const)
      for (const id of await caseRoleRecipients(trx, caseId, role, now)) recipients.add(id);
    recipients.delete(ctx.actor.staffId);
    await trx
      .updateTable('casus')
      .set({ closed_at: now, step: 'afgesloten' })
      .where('id', '=', caseId)
      .execute();
    await trx
      .updateTable('case_closure')
      .set({ closed_at: now, closed_by: ctx.actor.staffId })
      .where('case_id', '=', caseId)
      .execute();
    await addTimelineEntry(trx, {
      caseId,
      type: 'afsluiting',
      at: now,
      note: `Casus afgesloten: ${REASON_TEXT[draft.reason]} (${CLOSURE_RULES.closure})`,
      by: ctx.actor.staffId,
    });
    await notify(
      trx,
      {
        kind: 'aanpassing',
        caseId,
        title: `De casus is afgesloten (${REASON_TEXT[draft.reason]})`,
        ruleId: CLOSURE_RULES.closure,
        link: `/casussen/${caseId}`,
        staffIds: [...recipients],
      },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'afsluiting.afsluiten',
      caseId,
      details: { reason: draft.reason },
    });
    return { closedAt: now };
  });
}
