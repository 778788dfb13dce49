/**
 * The back office asks a local team's advice on a request for allocation (route B, DOMAIN.md
 * section 3: "the municipality assesses it, with or without the local team, respecting
 * opt-out"). Without an opt-out the back office may ask openly — the team becomes the case's
 * responsible team and can open it — or anonymously. With the family's opt-out
 * (GRO-TOE-OPTOUT) only an anonymous question may go out: the team sees age, municipality and
 * the products asked for, never who the family is.
 */
import type { Kysely } from 'kysely';
import {
  anonymise,
  localTeamInvolvement,
  type AnonymisedRequest,
} from '../domain/allocation/index.js';
import { UNITS } from '../domain/catalogue/index.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import { writeAudit } from '../store/audit.js';
import { listProducts } from '../store/catalogue.js';
import type { RequestContext } from '../store/context.js';
import { activeOptOut } from '../store/opt-out.js';
import type { Database } from '../store/schema.js';
import type { Content } from './codec.js';
import { FlowError } from './flow-error.js';
import { incomingRequest, list, regionOf, text } from './flows.js';
import { addTimelineEntry } from '../store/timeline.js';

export interface TeamQuestionInput {
  readonly teamId: string;
  readonly question: string;
  readonly anonymous: boolean;
}

/** Puts the question to the team; refused when the opt-out forbids it or the team does not fit. */
export async function askLocalTeam(
  db: Kysely<Database>,
  ctx: RequestContext,
  messageId: string,
  municipalityCode: string,
  input: TeamQuestionInput,
  now: Date,
): Promise<{ readonly id: string }> {
  return db.transaction().execute(async (trx) => {
    const { row, content } = await incomingRequest(trx, messageId, municipalityCode);
    if (row.type !== 'JW315' || !row.case_id)
      throw new FlowError(
        'Alleen over een verzoek om toewijzing (JW315) dat bij een casus hoort, gaat een vraag naar het lokale team.',
        [],
        'conflict',
      );
    const caseId = row.case_id;
    const region = (await regionOf(trx, municipalityCode)) ?? '';
    const team = /^[0-9a-f-]{36}$/i.test(input.teamId)
      ? await trx
          .selectFrom('organisation')
          .select(['id', 'name'])
          .where('id', '=', input.teamId)
          .where('kind', '=', 'lokaal-team')
          .where('region', '=', region)
          .executeTakeFirst()
      : undefined;
    if (!team)
      throw new FlowError('De invoer klopt niet.', [
        { path: 'teamId', message: 'kies een lokaal team uit de eigen regio' },
      ]);
    const optOut = await activeOptOut(trx, caseId);
    const involvement = localTeamInvolvement(optOut !== null, input.anonymous);
    if (!involvement.allowed)
      throw new FlowError(
        'Het lokale team mag niet worden geïnformeerd over dit gezin.',
        [{ path: 'anoniem', message: involvement.reason }],
        'conflict',
      );
    if (!input.anonymous) {
      const casus = await trx
        .selectFrom('casus')
        .select('responsible_team_id')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      if (casus.responsible_team_id === null)
        await trx
          .updateTable('casus')
          .set({ responsible_team_id: team.id })
          .where('id', '=', caseId)
          .execute();
      else if (casus.responsible_team_id !== team.id)
        throw new FlowError('De invoer klopt niet.', [
          {
            path: 'teamId',
            message:
              'een ander lokaal team is al betrokken bij deze casus; stel de vraag aan dat team',
          },
        ]);
    }
    const municipality = await trx
      .selectFrom('organisation')
      .select('name')
      .where('kind', '=', 'gemeente')
      .where('agb_code', '=', municipalityCode)
      .executeTakeFirst();
    const catalogue = await listProducts(trx, region);
    const client = content['Client'] as Content;
    const products = list((client['AangevraagdeProducten'] as Content)['AangevraagdProduct']).map(
      (p) => {
        const code = text(p, 'Product', 'Code');
        return {
          code,
          name: catalogue.find((c) => c.code === code)?.name ?? '',
          volume: Number(text(p, 'Omvang', 'Volume')) || 0,
          unit: UNITS[text(p, 'Omvang', 'Eenheid')] ?? text(p, 'Omvang', 'Eenheid'),
        };
      },
    );
    const birthDate = text(client, 'Geboortedatum', 'Datum');
    const snapshot = anonymise(
      {
        birthDate: /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : null,
        municipality: municipality?.name ?? municipalityCode,
        products,
      },
      formatIsoDate(localDay(now.getTime())),
    );
    const inserted = await trx
      .insertInto('team_question')
      .values({
        message_id: row.id,
        case_id: caseId,
        municipality_code: municipalityCode,
        team_id: team.id,
        anonymous: input.anonymous,
        question: input.question.trim(),
        snapshot: JSON.stringify(snapshot),
        asked_by: ctx.actor.staffId,
        asked_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addTimelineEntry(trx, {
      caseId: caseId,
      type: 'notitie',
      at: now,
      note: input.anonymous
        ? `De gemeente vroeg ${team.name} anoniem om advies over het verzoek om toewijzing${optOut ? ' (opt-out, GRO-TOE-OPTOUT)' : ''}`
        : `De gemeente vroeg ${team.name} om advies over het verzoek om toewijzing; het team is nu betrokken`,
      by: ctx.actor.staffId,
    });
    await writeAudit(trx, ctx, {
      action: 'ijw.vraag-lokaal-team',
      caseId,
      details: { request: row.id, team: team.id, anonymous: input.anonymous },
    });
    return { id: inserted.id };
  });
}

export interface TeamQuestionView {
  readonly id: string;
  readonly messageId: string | null;
  /** Null for the team when the question is anonymous. */
  readonly caseId: string | null;
  readonly family: string | null;
  readonly team: { readonly id: string; readonly name: string };
  readonly anonymous: boolean;
  readonly question: string;
  readonly request: AnonymisedRequest;
  readonly askedAt: Date;
  readonly answer: string | null;
  readonly answeredBy: string | null;
  readonly answeredAt: Date | null;
}

export type QuestionReader =
  | { readonly kind: 'gemeente'; readonly municipalityCode: string }
  | { readonly kind: 'lokaal-team'; readonly teamId: string };

/**
 * The questions a back office put (its municipality's) or a team received (its own), newest
 * first. A team never sees the case, family or request of an anonymous question.
 */
export async function listTeamQuestions(
  db: Kysely<Database>,
  reader: QuestionReader,
  filter: { readonly messageId?: string; readonly open?: boolean } = {},
): Promise<TeamQuestionView[]> {
  let query = db
    .selectFrom('team_question as q')
    .innerJoin('organisation as t', 't.id', 'q.team_id')
    .innerJoin('casus as c', 'c.id', 'q.case_id')
    .innerJoin('household as h', 'h.id', 'c.household_id')
    .leftJoin('staff as a', 'a.id', 'q.answered_by')
    .select([
      'q.id',
      'q.message_id',
      'q.case_id',
      'h.label as family',
      'q.team_id',
      't.name as teamName',
      'q.anonymous',
      'q.question',
      'q.snapshot',
      'q.asked_at',
      'q.answer',
      'a.name as answeredBy',
      'q.answered_at',
    ]);
  query =
    reader.kind === 'gemeente'
      ? query.where('q.municipality_code', '=', reader.municipalityCode)
      : query.where('q.team_id', '=', reader.teamId);
  if (filter.messageId) query = query.where('q.message_id', '=', filter.messageId);
  if (filter.open !== undefined)
    query = query.where('q.answered_at', filter.open ? 'is' : 'is not', null);
  const rows = await query.orderBy('q.asked_at', 'desc').orderBy('q.id').limit(200).execute();
  return rows.map((r) => {
    const hidden = reader.kind === 'lokaal-team' && r.anonymous;
    return {
      id: r.id,
      messageId: hidden ? null : r.message_id,
      caseId: hidden ? null : r.case_id,
      family: hidden ? null : r.family,
      team: { id: r.team_id, name: r.teamName },
      anonymous: r.anonymous,
      question: r.question,
      request: r.snapshot as AnonymisedRequest,
      askedAt: r.asked_at,
      answer: r.answer,
      answeredBy: r.answeredBy,
      answeredAt: r.answered_at,
    };
  });
}

/** The team's advice; given once, by the team the question went to. */
export async function answerTeamQuestion(
  db: Kysely<Database>,
  ctx: RequestContext,
  questionId: string,
  answer: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = /^[0-9a-f-]{36}$/i.test(questionId)
      ? await trx
          .selectFrom('team_question')
          .select(['id', 'case_id', 'anonymous', 'answered_at'])
          .where('id', '=', questionId)
          .where('team_id', '=', ctx.actor.organisationId)
          .executeTakeFirst()
      : undefined;
    if (!row) throw new FlowError('Vraag niet gevonden.', [], 'not-found');
    if (row.answered_at !== null)
      throw new FlowError('Deze vraag is al beantwoord.', [], 'conflict');
    await trx
      .updateTable('team_question')
      .set({ answer: answer.trim(), answered_by: ctx.actor.staffId, answered_at: now })
      .where('id', '=', row.id)
      .execute();
    // An anonymous answer is not tied to the case in the team's audit trail either.
    await writeAudit(trx, ctx, {
      action: 'lokaal-team.vraag-beantwoorden',
      ...(row.anonymous ? {} : { caseId: row.case_id }),
      details: { questionId: row.id },
    });
  });
}
