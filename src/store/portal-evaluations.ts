/**
 * Evaluations in the family portal (issue 10, ADR 0026): a family that holds casusregie plans
 * its own evaluations and invites the organisations involved in the case; every family member
 * sees the planned evaluations of the case and may add their own view to an upcoming one.
 *
 * Who may plan and whom is `domain/evaluations/family-planning.ts`; the meeting itself is
 * stored by `insertPlannedEvaluation`, the same code the professionals' planning uses, so the
 * meeting appears on the case page of every invited organisation (`caseEvaluations`). The staff
 * of the invited organisations who work with cases get a notification. Every read and change
 * writes an audit record with role `burger` in the same transaction; a refusal is audited too.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  familyInviteeProblems,
  mayFamilyPlanEvaluation,
  type FamilyPlanning,
  type InvolvedOrganisation,
  type Involvement,
} from '../domain/evaluations/family-planning.js';
import type { Participant } from '../domain/evaluations/index.js';
import { mayView, type VisibilityFacts } from '../domain/portal/visibility.js';
import type { EvaluationKind } from '../domain/rules/types.js';
import { formatInstant, localDay } from '../domain/time/index.js';
import { writeSystemAudit } from './audit.js';
import { insertPlannedEvaluation } from './evaluations.js';
import { StoreError } from './errors.js';
import { notify } from './notifications.js';
import type { PortalReader } from './portal-cases.js';
import { sharedWithParentsOf } from './portal-read-along.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Staff roles of an invited organisation that hear of the invitation (they work with cases). */
const INVITED_STAFF_ROLES = [
  'planner',
  'behandelaar',
  'casusregisseur',
  'teamleider',
  'jeugdbeschermer',
] as const;

/** An instant as the staff UI shows it: `08-12-2026 10:00` on the Amsterdam clock. */
function dutchMoment(instantMs: number): string {
  const iso = formatInstant(instantMs);
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

const notFound = () => new StoreError('not-found', 'Casus niet gevonden.');

/** The open case of the reader's household (404 otherwise, as for one that does not exist). */
async function householdCase(trx: Trx, reader: PortalReader, caseId: string) {
  if (!UUID.test(caseId)) throw notFound();
  const row = await trx
    .selectFrom('casus')
    .innerJoin('household', 'household.id', 'casus.household_id')
    .select(['casus.id', 'casus.responsible_team_id as teamId', 'household.label'])
    .where('casus.id', '=', caseId)
    .where('casus.household_id', '=', reader.householdId)
    .where('casus.closed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Whether the family holds casusregie on the case now (`case_role`, holder `gezin`). */
async function familyHoldsCasusregie(trx: Trx, caseId: string, now: Date): Promise<boolean> {
  const row = await trx
    .selectFrom('case_role')
    .select('id')
    .where('case_id', '=', caseId)
    .where('role', '=', 'casusregie')
    .where('holder', '=', 'gezin')
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The organisations involved in the case now: holding a role on it, providing help through an
 * allocation that has not ended, or the responsible local team; by name.
 */
async function involvedOrganisations(
  trx: Trx,
  caseId: string,
  teamId: string | null,
  now: Date,
): Promise<InvolvedOrganisation[]> {
  const roles = await trx
    .selectFrom('case_role')
    .select('organisation_id as id')
    .where('case_id', '=', caseId)
    .where('organisation_id', 'is not', null)
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .execute();
  const allocations = await trx
    .selectFrom('allocation')
    .select('provider_id as id')
    .where('case_id', '=', caseId)
    .where('status', 'in', ['toegewezen', 'gestart', 'opgeschort'])
    .execute();
  const why = new Map<string, Involvement[]>();
  const add = (id: string | null, involvement: Involvement) => {
    if (id === null) return;
    const list = why.get(id) ?? [];
    if (!list.includes(involvement)) list.push(involvement);
    why.set(id, list);
  };
  for (const r of roles) add(r.id, 'rol');
  for (const a of allocations) add(a.id, 'toewijzing');
  add(teamId, 'lokaal-team');
  if (why.size === 0) return [];
  const names = await trx
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', 'in', [...why.keys()])
    .orderBy('name')
    .execute();
  return names.map((o) => ({ id: o.id, name: o.name, involvement: why.get(o.id) ?? [] }));
}

async function visibilityFacts(trx: Trx, reader: PortalReader, now: Date) {
  const members = await trx
    .selectFrom('person')
    .select(['id', 'name', 'kind', 'birth_date as birthDate', 'email'])
    .where('household_id', '=', reader.householdId)
    .execute();
  const facts: VisibilityFacts = {
    members: members.map((m) => ({
      id: m.id,
      kind: m.kind,
      birthDate: m.birthDate === null ? null : String(m.birthDate).slice(0, 10),
    })),
    sharedWithParents: new Set(),
    today: localDay(now.getTime()),
  };
  return { members, facts };
}

export interface PortalPlannedEvaluation {
  readonly id: string;
  readonly kind: EvaluationKind;
  readonly plannedAt: Date;
  /** True until the moment of the meeting: until then the family may add its view. */
  readonly upcoming: boolean;
  readonly location: string | null;
  readonly topics: readonly string[];
  /** A family member's name, or null when a professional planned it. */
  readonly plannedByFamily: string | null;
  /** Who is invited, by name and role. The model records no answer to an invitation. */
  readonly invitees: readonly { readonly name: string; readonly role: Participant['role'] }[];
  /** The reader's own view, as they wrote it. */
  readonly ownInput: string | null;
  /** Other family members' views the reader may see (`mayView`: each concerns its author). */
  readonly otherInput: readonly { readonly name: string; readonly text: string }[];
}

export interface PortalEvaluationsView {
  readonly familyHoldsCasusregie: boolean;
  readonly planning: FamilyPlanning;
  /** The organisations the family may invite (empty when it may not plan). */
  readonly organisations: readonly InvolvedOrganisation[];
  readonly planned: readonly PortalPlannedEvaluation[];
}

/** The case's planned evaluations as the reader sees them, and whether they may plan one. */
export async function portalEvaluations(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  now: Date,
): Promise<PortalEvaluationsView> {
  return db.transaction().execute(async (trx) => {
    const casus = await householdCase(trx, reader, caseId);
    const holds = await familyHoldsCasusregie(trx, caseId, now);
    const planning = mayFamilyPlanEvaluation(reader.role, holds);
    const organisations = planning.allowed
      ? await involvedOrganisations(trx, caseId, casus.teamId, now)
      : [];
    const meetings = await trx
      .selectFrom('evaluation_meeting')
      .leftJoin('person', 'person.id', 'evaluation_meeting.planned_by_person')
      .select([
        'evaluation_meeting.id',
        'evaluation_meeting.kind',
        'evaluation_meeting.planned_at',
        'evaluation_meeting.location',
        'evaluation_meeting.topics',
        'evaluation_meeting.invitees',
        'person.name as plannedByFamily',
      ])
      .where('evaluation_meeting.case_id', '=', caseId)
      .where('evaluation_meeting.evaluation_id', 'is', null)
      .orderBy('evaluation_meeting.planned_at')
      .execute();
    const inputs =
      meetings.length === 0
        ? []
        : await trx
            .selectFrom('evaluation_meeting_input')
            .select(['meeting_id', 'person_id', 'text'])
            .where(
              'meeting_id',
              'in',
              meetings.map((m) => m.id),
            )
            .orderBy('updated_at')
            .execute();
    const { members, facts: base } = await visibilityFacts(trx, reader, now);
    const facts = { ...base, sharedWithParents: await sharedWithParentsOf(trx, caseId) };
    await writeSystemAudit(trx, {
      action: 'portaal.evaluaties-lezen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId },
    });
    return {
      familyHoldsCasusregie: holds,
      planning,
      organisations,
      planned: meetings.map((m) => {
        const own = inputs.filter((i) => i.meeting_id === m.id);
        return {
          id: m.id,
          kind: m.kind,
          plannedAt: m.planned_at,
          upcoming: m.planned_at > now,
          location: m.location,
          topics: m.topics as string[],
          plannedByFamily: m.plannedByFamily,
          invitees: (m.invitees as Participant[]).map((p) => ({ name: p.name, role: p.role })),
          ownInput: own.find((i) => i.person_id === reader.personId)?.text ?? null,
          otherInput: own
            .filter((i) => i.person_id !== reader.personId && mayView(reader, [i.person_id], facts))
            .map((i) => ({
              name: members.find((p) => p.id === i.person_id)?.name ?? '',
              text: i.text,
            })),
        };
      }),
    };
  });
}

export interface FamilyEvaluationInput {
  readonly kind: EvaluationKind;
  /** Instant (ms). */
  readonly plannedAt: number;
  readonly location: string;
  readonly topics: readonly string[];
  readonly organisationIds: readonly string[];
}

/**
 * Plans an evaluation for a family holding casusregie: the planner and the chosen involved
 * organisations are invited, the organisations' case workers notified. A refusal (the family
 * does not hold casusregie, a 12–15-year-old) is audited and answered 403 with its reason.
 */
export async function planFamilyEvaluation(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  input: FamilyEvaluationInput,
  now: Date,
): Promise<{ readonly id: string; readonly notified: number }> {
  const outcome = await db.transaction().execute(async (trx) => {
    const casus = await householdCase(trx, reader, caseId);
    const planning = mayFamilyPlanEvaluation(
      reader.role,
      await familyHoldsCasusregie(trx, caseId, now),
    );
    if (!planning.allowed) {
      await writeSystemAudit(trx, {
        action: 'portaal.evaluatie-plannen-geweigerd',
        role: 'burger',
        caseId,
        clientAddress: reader.clientAddress,
        details: { persoon: reader.personId, reden: planning.refusal },
      });
      return { refused: planning } as const;
    }
    const involved = await involvedOrganisations(trx, caseId, casus.teamId, now);
    const planner = await trx
      .selectFrom('person')
      .select(['name', 'kind', 'email'])
      .where('id', '=', reader.personId)
      .executeTakeFirstOrThrow();
    const chosen = input.organisationIds
      .map((id) => involved.find((o) => o.id === id))
      .filter((o): o is InvolvedOrganisation => o !== undefined)
      .filter((o, i, all) => all.indexOf(o) === i);
    const invitees: Participant[] = [
      {
        name: planner.name,
        role: planner.kind === 'jeugdige' ? 'jeugdige' : 'ouder',
        email: planner.email,
      },
      ...chosen.map((o) => ({ name: o.name, role: 'professional' as const, email: null })),
    ];
    const id = await insertPlannedEvaluation(
      trx,
      caseId,
      { kind: input.kind, plannedAt: input.plannedAt, invitees },
      { personId: reader.personId, name: planner.name },
      now,
      {
        location: input.location,
        topics: input.topics,
        invitedOrganisationIds: chosen.map((o) => o.id),
        problems: familyInviteeProblems(input.organisationIds, involved),
      },
    );
    const notified = await notify(
      trx,
      {
        kind: 'evaluatie',
        caseId,
        title: `${casus.label} nodigt u uit voor een evaluatie op ${dutchMoment(input.plannedAt)}`,
        link: `/casussen/${caseId}`,
        organisationIds: chosen.map((o) => o.id),
        roles: INVITED_STAFF_ROLES,
      },
      now,
    );
    await writeSystemAudit(trx, {
      action: 'portaal.evaluatie-plannen',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: {
        persoon: reader.personId,
        meetingId: id,
        organisaties: chosen.map((o) => o.id),
        genotificeerd: notified,
      },
    });
    return { id, notified } as const;
  });
  if ('refused' in outcome) {
    const refused = outcome.refused as Extract<FamilyPlanning, { allowed: false }>;
    throw new StoreError('forbidden', refused.reason, [
      {
        path: refused.refusal === 'geen-casusregie' ? 'casusregie' : 'rol',
        message: refused.reason,
      },
    ]);
  }
  return outcome;
}

export const MAX_INPUT_LENGTH = 2000;

/**
 * A family member's own view for an upcoming evaluation of the case, in their words: replaces
 * what they wrote before; an empty text removes it. Every family member may, whatever their
 * age and whoever holds casusregie: being heard is not deciding.
 */
export async function saveFamilyInput(
  db: Kysely<Database>,
  reader: PortalReader,
  caseId: string,
  meetingId: string,
  text: string,
  now: Date,
): Promise<{ readonly saved: boolean }> {
  return db.transaction().execute(async (trx) => {
    await householdCase(trx, reader, caseId);
    const meeting = UUID.test(meetingId)
      ? await trx
          .selectFrom('evaluation_meeting')
          .select(['id', 'planned_at'])
          .where('id', '=', meetingId)
          .where('case_id', '=', caseId)
          .where('evaluation_id', 'is', null)
          .executeTakeFirst()
      : undefined;
    if (!meeting) throw new StoreError('not-found', 'Evaluatie niet gevonden.');
    if (meeting.planned_at <= now)
      throw new StoreError('conflict', 'Deze evaluatie is al geweest.', [
        { path: 'tekst', message: 'na de evaluatie kunt u hier niets meer aan toevoegen' },
      ]);
    const trimmed = text.trim();
    if (trimmed === '')
      await trx
        .deleteFrom('evaluation_meeting_input')
        .where('meeting_id', '=', meeting.id)
        .where('person_id', '=', reader.personId)
        .execute();
    else
      await trx
        .insertInto('evaluation_meeting_input')
        .values({
          meeting_id: meeting.id,
          person_id: reader.personId,
          text: trimmed,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['meeting_id', 'person_id']).doUpdateSet({ text: trimmed, updated_at: now }),
        )
        .execute();
    await writeSystemAudit(trx, {
      action: 'portaal.evaluatie-inbreng',
      role: 'burger',
      caseId,
      clientAddress: reader.clientAddress,
      details: { persoon: reader.personId, meetingId: meeting.id, tekens: trimmed.length },
    });
    return { saved: trimmed !== '' };
  });
}
