/**
 * Assessments of a case (safety check, needs analysis, risk assessment, regie criteria,
 * triage): each save is a new, audited record; afterwards the engine facts on the case are
 * brought in line with the latest record of each kind (`domain/assessment/facts.ts`), so the
 * deadlines, decisions and triage suggestions follow what was assessed.
 */
import type { Kysely, Transaction } from 'kysely';
import { factsFromAssessments, type AssessmentFacts } from '../domain/assessment/index.js';
import { writeAudit } from './audit.js';
import { inCaseTransaction, requireAccess } from './cases.js';
import type { RequestContext } from './context.js';
import { StoreError } from './errors.js';
import { changedKeys, staleWriteError } from './revisions.js';
import type { Database } from './schema.js';

export const ASSESSMENT_KINDS = [
  'veiligheidscheck',
  'vraaganalyse',
  'risicotaxatie',
  'regiecriteria',
  'triage',
  'kindcontact',
  'co-overleg',
  'meldcode',
  'familiegroepsplan-aanbod',
] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/**
 * The sections of the analysis page that several people edit (ADR 0028): a save names the
 * section's revision it was based on, the number of records of that kind when the editor
 * opened it, and is refused (409) when someone saved the section meanwhile.
 */
export const EDITED_SECTIONS = [
  'veiligheidscheck',
  'vraaganalyse',
  'risicotaxatie',
  'regiecriteria',
] as const satisfies readonly AssessmentKind[];
export type EditedSection = (typeof EDITED_SECTIONS)[number];

const SECTION_NAMES: Record<EditedSection, string> = {
  veiligheidscheck: 'De veiligheidscheck',
  vraaganalyse: 'De vraaganalyse',
  risicotaxatie: 'De risicotaxatie',
  regiecriteria: 'De regiecriteria',
};

/** The Dutch label of a field of a section's content (API field names; else the name itself). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  uitkomst: 'Uitkomst',
  toelichting: 'Toelichting',
  crisisteam: 'Contact met het crisisteam',
  instrument: 'Instrument',
  ontwikkeling: 'Ontwikkeling van de jeugdigen',
  opvoedvaardigheden: 'Opvoedvaardigheden',
  gezinEnOmgeving: 'Gezin en omgeving',
  krachten: 'Krachten',
  zorgen: 'Zorgen',
  netwerk: 'Netwerk',
  geschiedenis: 'Eerdere hulp',
  vraagAchterDeVraag: 'Vraag achter de vraag',
  leefgebieden: 'Leefgebieden',
  gezinStaatAchterHulp: 'Gezin staat achter de hulp',
  gezinKanRegieVoeren: 'Gezin kan regie voeren',
  coSignalen: 'Co-signalen',
  ernst: 'Ernst',
  stapeling: 'Stapeling',
  duur: 'Duur',
  motivatie: 'Motivatie',
  aanbieders: 'Aanbieders',
  school: 'School',
  jhio: 'JHiO',
};

export interface AssessmentRecord {
  readonly id: string;
  readonly kind: AssessmentKind;
  /** The section's revision this record made: its number among the records of its kind. */
  readonly revision: number;
  readonly content: Record<string, unknown>;
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

async function records(trx: Transaction<Database>, caseId: string): Promise<AssessmentRecord[]> {
  const rows = await trx
    .selectFrom('assessment')
    .innerJoin('staff', 'staff.id', 'assessment.recorded_by')
    .select([
      'assessment.id',
      'assessment.kind',
      'assessment.content',
      'assessment.recorded_at',
      'staff.name',
    ])
    .where('assessment.case_id', '=', caseId)
    .orderBy('assessment.seq')
    .execute();
  const counts = new Map<string, number>();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as AssessmentKind,
    revision: counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1).get(r.kind) ?? 0,
    content: r.content as Record<string, unknown>,
    recordedAt: r.recorded_at,
    recordedBy: r.name,
  }));
}

function latest(
  list: readonly AssessmentRecord[],
): Partial<Record<AssessmentKind, AssessmentRecord>> {
  const out: Partial<Record<AssessmentKind, AssessmentRecord>> = {};
  for (const r of list) out[r.kind] = r;
  return out;
}

/** What the API's assessment content says in the engine's terms. */
function assessmentFacts(
  current: Partial<Record<AssessmentKind, AssessmentRecord>>,
): AssessmentFacts {
  const analysis = current.vraaganalyse?.content;
  const criteria = current.regiecriteria?.content;
  return {
    ...(analysis
      ? {
          lifeDomains: analysis['leefgebieden'] as AssessmentFacts['lifeDomains'],
          familySupportsHelp: analysis['gezinStaatAchterHulp'] as boolean,
          coSignals: analysis['coSignalen'] as AssessmentFacts['coSignals'],
        }
      : {}),
    ...(current.veiligheidscheck
      ? {
          safetyCheck: current.veiligheidscheck.content[
            'uitkomst'
          ] as AssessmentFacts['safetyCheck'],
        }
      : {}),
    ...(current.risicotaxatie
      ? { risk: current.risicotaxatie.content['uitkomst'] as AssessmentFacts['risk'] }
      : {}),
    ...(criteria
      ? {
          regieCriteria: {
            severity: criteria['ernst'],
            stacking: criteria['stapeling'],
            duration: criteria['duur'],
            motivation: criteria['motivatie'],
            providers: criteria['aanbieders'],
            school: criteria['school'],
            jhio: criteria['jhio'],
          } as AssessmentFacts['regieCriteria'],
        }
      : {}),
  };
}

/** Records an assessment and updates the case's engine facts; returns the record id. */
export async function recordAssessment(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  kind: AssessmentKind,
  content: Record<string, unknown>,
  now: Date,
  /** A timeline event that goes with it (a report to Veilig Thuis, a crisis team call). */
  event?: { readonly type: string; readonly at: Date; readonly note: string },
  /** For an edited section: the section revision the save was based on (ADR 0028). */
  basis?: number,
): Promise<{ readonly id: string; readonly revision: number }> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const revision = await claimSection(trx, caseId, kind, basis);
    if (event)
      await trx
        .insertInto('case_event')
        .values({
          case_id: caseId,
          type: event.type,
          at: event.at,
          child_id: null,
          kind: null,
          date: null,
          note: event.note,
          recorded_by: ctx.actor.staffId,
        })
        .execute();
    const row = await trx
      .insertInto('assessment')
      .values({
        case_id: caseId,
        kind,
        content: JSON.stringify(content),
        recorded_by: ctx.actor.staffId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const derived = factsFromAssessments(assessmentFacts(latest(await records(trx, caseId))));
    const casus = await trx
      .selectFrom('casus')
      .select('facts')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const facts = { ...((casus.facts ?? {}) as Record<string, unknown>) };
    for (const [key, value] of Object.entries(derived))
      facts[key] =
        key === 'regieCriteria'
          ? { ...((facts[key] as object | undefined) ?? {}), ...(value as object) }
          : value;
    await trx
      .updateTable('casus')
      .set({ facts: JSON.stringify(facts) })
      .where('id', '=', caseId)
      .execute();
    await writeAudit(trx, ctx, {
      action: `beoordeling.${kind}`,
      caseId,
      details: { id: row.id, revisie: revision },
    });
    return { id: row.id, revision };
  });
}

/**
 * The revision a new record of `kind` gets: the number of records of that kind after it. With
 * a `basis`, the case row is locked first so that two saves on the same basis run one after
 * the other and the second finds the count moved: a 409 naming who saved the section, when,
 * and which of its fields differ from the record the caller started from.
 */
async function claimSection(
  trx: Transaction<Database>,
  caseId: string,
  kind: AssessmentKind,
  basis: number | undefined,
): Promise<number> {
  if (basis !== undefined)
    await trx.selectFrom('casus').select('id').where('id', '=', caseId).forUpdate().execute();
  const saved = await trx
    .selectFrom('assessment')
    .innerJoin('staff', 'staff.id', 'assessment.recorded_by')
    .select(['assessment.content', 'assessment.recorded_at', 'staff.name'])
    .where('assessment.case_id', '=', caseId)
    .where('assessment.kind', '=', kind)
    .orderBy('assessment.seq')
    .execute();
  if (basis === undefined || basis === saved.length) return saved.length + 1;
  if (basis > saved.length)
    throw new StoreError('invalid', 'De invoer klopt niet.', [
      {
        path: 'basisRevisie',
        message: `revisie ${basis} bestaat niet; de nieuwste is ${saved.length}`,
      },
    ]);
  const was = (saved[basis - 1]?.content ?? {}) as Record<string, unknown>;
  const latest = saved.at(-1);
  const is = (latest?.content ?? {}) as Record<string, unknown>;
  throw staleWriteError(SECTION_NAMES[kind as EditedSection] ?? 'Dit onderdeel', {
    revisie: saved.length,
    basisRevisie: basis,
    door: latest?.name ?? null,
    op: latest?.recorded_at.toISOString() ?? null,
    velden: changedKeys(was, is, FIELD_LABELS),
  });
}

/** All assessments of a case (oldest first) and the latest of each kind; the read is audited. */
export async function caseAssessments(
  db: Kysely<Database>,
  ctx: RequestContext,
  caseId: string,
  now: Date,
) {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new StoreError('not-found', 'Casus niet gevonden.');
  return inCaseTransaction(db, ctx, async (trx) => {
    await requireAccess(trx, ctx, caseId, now);
    const all = await records(trx, caseId);
    await writeAudit(trx, ctx, { action: 'beoordeling.lezen', caseId });
    return { all, latest: latest(all) };
  });
}
