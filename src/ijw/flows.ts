/**
 * What accepted messages do to cases and allocations, and what the back office decides.
 *
 * Route B (DOMAIN.md section 3): a provider's request for allocation (JW315) is linked to the
 * family's case by BSN; the back office answers that it is being assessed or refused (JW319)
 * or allocates (JW301, with the products requested, checked against the region's catalogue
 * and the expert-advice gate GRO-GATE-EXPERTPOOL for products that are not freely
 * accessible). The provider's start of care (JW305) marks the allocation as started and puts
 * `start-hulp` on the case timeline, so the case's deadlines follow; a start that matches no
 * allocation is refused with return code 9019 (TR019).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { selectable } from '../domain/catalogue/index.js';
import { formatIsoDate, localDay, parseIsoDate, startOfLocalDay } from '../domain/time/index.js';
import {
  allocationState,
  answerProblems,
  changeRequestProblems,
  checkCareLines,
  contractFor,
  declaredServiceProblems,
  requestProblems,
  type CareLine,
  type CareProblem,
  type IncomingLine,
} from '../domain/allocation/index.js';
import { listProducts } from '../store/catalogue.js';
import { listContracts } from '../store/contracts.js';
import type { RequestContext } from '../store/context.js';
import type { Database } from '../store/schema.js';
import { writeAudit } from '../store/audit.js';
import { notify, regieSideRecipients } from '../store/notifications.js';
import { addTimelineEntry } from '../store/timeline.js';
import { issueAllocation } from './allocate.js';
import { requestAnswer, type DeclaredLine } from './build.js';
import { FlowError } from './flow-error.js';
import { readMessage, writeMessage, type Content } from './codec.js';
import { newIdentification, queueOutgoing, requestKeys } from './exchange.js';
import { stopNoticeRule, stopReasonText } from './stop-reasons.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ProcessResult {
  /** Cross-message rules the message breaks (it is then rejected and nothing is written). */
  readonly issues: readonly CareProblem[];
  readonly caseId: string | null;
  /** A declaration (JW323): the lines rejected by the cross-message rules, per client. */
  readonly rejectedLines?: readonly {
    readonly bsn: string;
    readonly lines: readonly (DeclaredLine & { readonly codes: readonly string[] })[];
  }[];
}

/** The region of the municipality with this CBS code (the receiver of provider messages). */
export async function regionOf(db: Db, municipalityCode: string): Promise<string | null> {
  const row = await db
    .selectFrom('organisation')
    .select('region')
    .where('kind', '=', 'gemeente')
    .where('agb_code', '=', municipalityCode)
    .executeTakeFirst();
  return row?.region ?? null;
}

export const text = (c: Content | undefined, ...path: string[]): string => {
  let v: unknown = c;
  for (const p of path) v = v && typeof v === 'object' ? (v as Content)[p] : undefined;
  return typeof v === 'string' ? v : '';
};
export const list = (v: unknown): Content[] => (Array.isArray(v) ? (v as Content[]) : []);

/** The region's allocations with these numbers, with the provider they went to. */
async function allocationsByNumber(db: Db, region: string | null, numbers: readonly string[]) {
  if (!region || numbers.length === 0) return [];
  return db
    .selectFrom('allocation')
    .innerJoin('organisation', 'organisation.id', 'allocation.provider_id')
    .select([
      'allocation.id',
      'allocation.number',
      'allocation.case_id',
      'allocation.client_bsn',
      'allocation.product_code',
      'allocation.start_date',
      'allocation.end_date',
      'allocation.status',
      'organisation.agb_code',
    ])
    .where('allocation.region', '=', region)
    .where('allocation.number', 'in', numbers)
    .execute();
}

/**
 * Applies an accepted message. A request (JW315, JW317) is linked to the family's route B case
 * by BSN. Starts and stops (JW305, JW307) are checked against what the provider reported
 * before (see `domain/allocation/care-lines.ts`); only when every line passes are they
 * stored, the allocations' state updated and the case's timeline extended.
 */
export async function processIncoming(
  db: Db,
  type: string,
  content: Content,
  parties: { readonly sender: string; readonly receiver: string; readonly today: string },
): Promise<ProcessResult> {
  const region = await regionOf(db, parties.receiver);
  const client = content['Client'] as Content | undefined;
  const bsn = text(client, 'Bsn');
  if (type === 'JW315' || type === 'JW317') {
    if (!region || !bsn) return { issues: [], caseId: null };
    const found = await db
      .selectFrom('casus')
      .innerJoin('person', 'person.household_id', 'casus.household_id')
      .select('casus.id')
      .where('casus.region', '=', region)
      .where('casus.route', '=', 'B')
      .where('person.bsn', '=', bsn)
      .orderBy('casus.created_at', 'desc')
      .executeTakeFirst();
    const caseId = found?.id ?? null;
    const issues = [
      ...(await earlierRequestProblems(db, type, content, parties.sender, bsn)),
      ...(type === 'JW317'
        ? await changeProblems(db, content, region, parties.sender, bsn, parties.today)
        : []),
    ];
    return { issues, caseId };
  }
  if (type === 'JW323') return declarationOutcome(db, content, region, parties.sender);
  if (type !== 'JW305' && type !== 'JW307') return { issues: [], caseId: null };
  const kind = type === 'JW305' ? 'start' : 'stop';
  const group = client?.[kind === 'start' ? 'StartProducten' : 'StopProducten'] as
    Content | undefined;
  const incoming: IncomingLine[] = list(
    group?.[kind === 'start' ? 'StartProduct' : 'StopProduct'],
  ).map((line) => ({
    kind,
    allocation: text(line, 'ToewijzingNummer'),
    product: `${text(line, 'Product', 'Categorie')}/${text(line, 'Product', 'Code')}`,
    begin: text(line, 'Begindatum'),
    end: kind === 'stop' ? text(line, 'Einddatum') || null : null,
    reason: kind === 'stop' ? text(line, 'RedenBeeindiging') || null : null,
    status: text(line, 'StatusAanlevering'),
  }));
  const numbers = [...new Set(incoming.map((l) => l.allocation))];
  const rows = await allocationsByNumber(db, region, numbers);
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  const stored = rows.length
    ? await db
        .selectFrom('care_line')
        .selectAll()
        .where(
          'allocation_id',
          'in',
          rows.map((r) => r.id),
        )
        .where('deleted_at', 'is', null)
        .execute()
    : [];
  const numberOf = new Map(rows.map((r) => [r.id, r.number]));
  const history: (CareLine & { readonly id: string })[] = stored.map((l) => ({
    id: l.id,
    kind: l.kind,
    allocation: numberOf.get(l.allocation_id) ?? '',
    product: l.product,
    begin: l.begin_date,
    end: l.end_date,
    reason: l.reason,
  }));
  const outcome = checkCareLines(
    history,
    incoming,
    new Map(
      rows.map((r) => [r.number, { provider: r.agb_code ?? '', lapsed: r.status === 'vervallen' }]),
    ),
    parties.sender,
  );
  const caseId = rows[0]?.case_id ?? null;
  if (outcome.problems.length > 0) return { issues: outcome.problems, caseId };

  const now = new Date();
  const live = [...history];
  for (const effect of outcome.effects) {
    const allocation = byNumber.get(effect.allocation);
    if (!allocation) continue;
    const l = effect.line;
    const sameKey = (q: (typeof history)[number]) =>
      q.kind === l.kind &&
      q.allocation === l.allocation &&
      q.product === l.product &&
      q.begin === l.begin;
    // A deletion, or a definitive stop replacing a temporary one, retires the earlier line.
    if (
      effect.change === 'start-deleted' ||
      effect.change === 'stop-deleted' ||
      effect.change === 'stop'
    ) {
      const earlier = live.find(sameKey);
      if (earlier) {
        await db
          .updateTable('care_line')
          .set({ deleted_at: now })
          .where('id', '=', earlier.id)
          .execute();
        live.splice(live.indexOf(earlier), 1);
      }
    }
    if (effect.change !== 'start-deleted' && effect.change !== 'stop-deleted') {
      const inserted = await db
        .insertInto('care_line')
        .values({
          allocation_id: allocation.id,
          kind: l.kind,
          product: l.product,
          begin_date: l.begin,
          end_date: l.end,
          reason: l.reason,
          received_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      live.push({ ...l, id: inserted.id });
    }
    const day = parseIsoDate(l.kind === 'stop' ? (l.end ?? '') : l.begin);
    const at = new Date(day === null ? now.getTime() : startOfLocalDay(day));
    const note = {
      start: `Startbericht JW305 voor toewijzing ${l.allocation}`,
      resume: `Startbericht JW305 voor toewijzing ${l.allocation}: de hulp is hervat`,
      stop: `Stopbericht JW307 voor toewijzing ${l.allocation}: ${stopReasonText(l.reason)}`,
      suspend: `Stopbericht JW307 voor toewijzing ${l.allocation}: ${stopReasonText(l.reason)}`,
      'start-deleted': `Start van toewijzing ${l.allocation} (begindatum ${l.begin}) door de aanbieder ingetrokken`,
      'stop-deleted': `Stop van toewijzing ${l.allocation} (einddatum ${l.end ?? ''}) door de aanbieder ingetrokken`,
    }[effect.change];
    const eventType = {
      start: 'start-hulp',
      resume: 'hervatting',
      suspend: 'opschorting',
      stop: 'notitie',
      'start-deleted': 'notitie',
      'stop-deleted': 'notitie',
    } as const;
    await addTimelineEntry(db, {
      caseId: allocation.case_id,
      type: eventType[effect.change],
      at: effect.change.endsWith('-deleted') ? now : at,
      note,
      by: null,
    });
    if (effect.change === 'stop' || effect.change === 'suspend')
      await notify(
        db,
        {
          kind: 'aanpassing',
          caseId: allocation.case_id,
          title: `${effect.change === 'stop' ? 'Hulp gestopt' : 'Hulp tijdelijk gestopt'} (toewijzing ${l.allocation}): ${stopReasonText(l.reason)}`,
          ruleId: stopNoticeRule(effect.change, l.reason),
          link: `/casussen/${allocation.case_id}`,
          staffIds: await regieSideRecipients(db, allocation.case_id, now),
        },
        now,
      );
  }
  for (const r of rows)
    if (r.status !== 'vervallen' && outcome.effects.some((e) => e.allocation === r.number))
      await db
        .updateTable('allocation')
        .set({ status: allocationState(outcome.history, r.number) })
        .where('id', '=', r.id)
        .execute();
  return { issues: [], caseId };
}

/** TR347 and TR374: the request against the provider's earlier requests. */
async function earlierRequestProblems(
  db: Db,
  type: 'JW315' | 'JW317',
  content: Content,
  sender: string,
  bsn: string,
): Promise<CareProblem[]> {
  const { request_refs: references } = requestKeys(type, content);
  const earlier = await db
    .selectFrom('ijw_message')
    .select(['id', 'client_bsn', 'request_refs'])
    .where('direction', '=', 'in')
    .where('valid', '=', true)
    .where('sender', '=', sender)
    .where('type', 'in', ['JW315', 'JW317'])
    .where((eb) =>
      eb.or([
        eb('client_bsn', '=', bsn),
        ...(references.length > 0
          ? [eb(sql<boolean>`request_refs && ${sql.val(references)}::text[]`, '=', true)]
          : []),
      ]),
    )
    .execute();
  const sameClient = earlier.filter((e) => e.client_bsn === bsn).map((e) => e.id);
  const answers =
    sameClient.length > 0
      ? await db
          .selectFrom('ijw_message')
          .select(['answers_id', 'type', 'xml'])
          .where('direction', '=', 'uit')
          .where('answers_id', 'in', sameClient)
          .where('type', 'in', ['JW301', 'JW319'])
          .where('status', '!=', 'geweigerd')
          .execute()
      : [];
  const settled = new Set(
    answers
      .filter(
        (a) =>
          a.type === 'JW301' ||
          text(readMessage(a.xml).content['Antwoord'] as Content, 'VerzoekAntwoord') === '1',
      )
      .map((a) => a.answers_id),
  );
  return requestProblems(
    references,
    earlier.map((e) => ({
      references: e.request_refs ?? [],
      settled: e.client_bsn !== bsn || settled.has(e.id),
    })),
  );
}

/** TR349-TR351, TR357, TR361, TR411: a change request against the client's current allocations. */
async function changeProblems(
  db: Db,
  content: Content,
  region: string,
  sender: string,
  bsn: string,
  today: string,
): Promise<CareProblem[]> {
  const request = (content['Client'] as Content)['Verzoek'] as Content;
  const current = await db
    .selectFrom('allocation')
    .innerJoin('organisation', 'organisation.id', 'allocation.provider_id')
    .select([
      'allocation.number',
      'allocation.product_code',
      'allocation.start_date',
      'allocation.end_date',
    ])
    .where('allocation.region', '=', region)
    .where('organisation.agb_code', '=', sender)
    .where('allocation.client_bsn', '=', bsn)
    .where('allocation.status', '!=', 'ingetrokken')
    .where((eb) =>
      eb.or([
        eb('allocation.end_date', 'is', null),
        eb('allocation.end_date', '>=', today),
        eb('allocation.start_date', '>', today),
      ]),
    )
    .execute();
  const group = (name: string, item: string) =>
    list((request[name] as Content | undefined)?.[item]);
  return changeRequestProblems(
    {
      messageDate: text(content, 'Header', 'BerichtIdentificatie', 'Dagtekening'),
      unchanged: group('OngewijzigdeProducten', 'OngewijzigdProduct').map((p) =>
        text(p, 'ToewijzingNummer'),
      ),
      changes: group('TeWijzigenProducten', 'TeWijzigenProduct').map((p) => ({
        number: text(p, 'ToewijzingNummer'),
        desiredStart: text(p, 'GewensteIngangsdatum'),
        end: text(p, 'Einddatum') || null,
        hasExtent: p['Omvang'] !== undefined,
      })),
      additions: group('NieuweProducten', 'NieuwProduct').map((p) => ({
        product: text(p, 'Product', 'Code') || text(p, 'Product', 'Categorie'),
        start: text(p, 'GewensteIngangsdatum'),
        end: text(p, 'Einddatum') || null,
      })),
    },
    current.map((a) => ({
      number: a.number,
      product: a.product_code,
      start: a.start_date,
      end: a.end_date,
    })),
  );
}

/** A declared amount in cents, negative for a credit. */
const cents = (c: Content | undefined, field = 'Bedrag'): number =>
  (text(c, 'DebetCredit') === 'C' ? -1 : 1) * Number(text(c, field) || '0');

/** JW323: every line against its allocation (TR307, TR308, TR338-TR340). */
async function declarationOutcome(
  db: Db,
  content: Content,
  region: string | null,
  sender: string,
): Promise<ProcessResult> {
  const declaration = content['Declaratie'] as Content;
  const clients = list((declaration['Clienten'] as Content | undefined)?.['Client']);
  const lines = clients.flatMap((c) =>
    list((c['Prestaties'] as Content | undefined)?.['Prestatie']).map((p) => {
      const tariff = text(p, 'ProductTarief');
      const previous = text(p, 'ProductReferentie', 'VorigReferentieNummer');
      const line: DeclaredLine = {
        reference: text(p, 'ProductReferentie', 'ReferentieNummer'),
        ...(previous ? { previousReference: previous } : {}),
        allocationNumber: text(p, 'ToewijzingNummer'),
        category: text(p, 'ProductCategorie'),
        code: text(p, 'ProductCode'),
        start: text(p, 'ProductPeriode', 'Begindatum'),
        end: text(p, 'ProductPeriode', 'Einddatum'),
        volume: Number(text(p, 'GeleverdVolume') || '0'),
        unit: text(p, 'Eenheid'),
        ...(tariff ? { tariff: Number(tariff) } : {}),
        amount: cents(p['IngediendBedrag'] as Content | undefined),
      };
      return { bsn: text(c, 'Bsn'), line };
    }),
  );
  const numbers = [...new Set(lines.map((l) => l.line.allocationNumber))];
  const rows = await allocationsByNumber(db, region, numbers);
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  const rejected = new Map<string, (DeclaredLine & { codes: string[] })[]>();
  for (const { bsn, line } of lines) {
    const a = byNumber.get(line.allocationNumber);
    const problems = declaredServiceProblems(
      {
        bsn,
        allocation: line.allocationNumber,
        category: line.category,
        code: line.code,
        start: line.start,
        end: line.end,
      },
      a
        ? {
            provider: a.agb_code ?? '',
            bsn: a.client_bsn,
            code: a.product_code,
            start: a.start_date,
            end: a.end_date,
          }
        : undefined,
      sender,
    );
    if (problems.length === 0) continue;
    const list_ = rejected.get(bsn) ?? [];
    list_.push({ ...line, codes: problems.map((p) => p.code) });
    rejected.set(bsn, list_);
  }
  return {
    issues: [],
    caseId: rows[0]?.case_id ?? null,
    rejectedLines: [...rejected].map(([bsn, rejectedLines]) => ({ bsn, lines: rejectedLines })),
  };
}

export { FlowError };

export async function incomingRequest(db: Db, messageId: string, municipalityCode: string) {
  const row = /^[0-9a-f-]{36}$/i.test(messageId)
    ? await db
        .selectFrom('ijw_message')
        .selectAll()
        .where('id', '=', messageId)
        .where('direction', '=', 'in')
        .where('type', 'in', ['JW315', 'JW317'])
        .where('receiver', '=', municipalityCode)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new FlowError('Verzoek niet gevonden.', [], 'not-found');
  if (!row.valid)
    throw new FlowError('Dit verzoek is afgekeurd en kan niet worden behandeld.', [], 'conflict');
  return { row, content: readMessage(row.xml).content };
}

/** JW319: the request is being assessed ('2') or refused ('1', with a WJ759 reason). */
export async function answerRequest(
  db: Kysely<Database>,
  ctx: RequestContext,
  messageId: string,
  municipalityCode: string,
  decision: { readonly answer: '1' | '2'; readonly reason?: string },
  now: Date,
): Promise<{ messageId: string }> {
  return db.transaction().execute(async (trx) => {
    const { row, content } = await incomingRequest(trx, messageId, municipalityCode);
    // What already went out on this request (TR359, TR360, TR365).
    const sent = await trx
      .selectFrom('ijw_message')
      .select(['type', 'xml'])
      .where('answers_id', '=', row.id)
      .where('direction', '=', 'uit')
      .where('type', 'in', ['JW301', 'JW319'])
      .where('status', '!=', 'geweigerd')
      .execute();
    const refused = answerProblems(
      sent.map((m) => ({
        type: m.type as 'JW301' | 'JW319',
        answer:
          m.type === 'JW319'
            ? text(readMessage(m.xml).content['Antwoord'] as Content, 'VerzoekAntwoord')
            : null,
      })),
      decision.answer,
    );
    if (refused.length > 0)
      throw new FlowError(
        'Dit antwoord kan niet meer worden verstuurd.',
        refused.map((p) => ({ path: 'antwoord', message: `${p.message} (${p.rule})` })),
        'conflict',
      );
    const client = content['Client'] as Content;
    // JW315: the provider's reference per requested product; JW317: the request's own.
    const reference =
      row.type === 'JW317'
        ? text(client, 'Verzoek', 'ReferentieAanbieder')
        : text(
            list((client['AangevraagdeProducten'] as Content)['AangevraagdProduct'])[0],
            'ReferentieAanbieder',
          );
    const xml = writeMessage(
      'JW319',
      requestAnswer({
        envelope: {
          sender: row.receiver,
          receiver: row.sender,
          id: newIdentification(),
          date: formatIsoDate(localDay(now.getTime())),
        },
        reference,
        answer: decision.answer,
        refusalReason: decision.answer === '1' ? decision.reason : undefined,
      }),
    );
    const queued = await queueOutgoing(trx, 'JW319', xml, row.id, row.case_id);
    if (queued.refused)
      throw new FlowError(
        'Het antwoordbericht is ongeldig en is niet verstuurd.',
        queued.report.issues.map((i) => ({ path: i.xpath, message: i.message })),
      );
    await writeAudit(trx, ctx, {
      action: 'ijw.antwoord',
      caseId: row.case_id,
      details: { request: row.id, answer: decision.answer, reason: decision.reason ?? null },
    });
    return { messageId: queued.id };
  });
}

export interface AllocateInput {
  readonly address: {
    readonly street: string;
    readonly number: string;
    readonly postcode: string;
    readonly city: string;
  };
  /** GRO-GATE-EXPERTPOOL: the expert pool's advice, needed for products that are not freely accessible. */
  readonly expertAdvice?: { readonly date: string; readonly summary: string };
}

/**
 * JW301 for every product the provider asked for: each must be in the catalogue and valid on
 * its start date; a product that is not freely accessible needs the expert pool's advice
 * first. Creates the allocations, queues the message and notes it on the case.
 */
export async function allocateRequest(
  db: Kysely<Database>,
  ctx: RequestContext,
  messageId: string,
  municipalityCode: string,
  input: AllocateInput,
  now: Date,
): Promise<{ messageId: string; numbers: string[] }> {
  return db.transaction().execute(async (trx) => {
    const { row, content } = await incomingRequest(trx, messageId, municipalityCode);
    if (row.type !== 'JW315')
      throw new FlowError(
        'Alleen een verzoek om toewijzing (JW315) wordt zo toegewezen.',
        [],
        'conflict',
      );
    if (!row.case_id)
      throw new FlowError(
        'Dit verzoek hoort bij geen casus; registreer eerst de hulpvraag (route B).',
      );
    const already = await trx
      .selectFrom('ijw_message')
      .select('id')
      .where('answers_id', '=', row.id)
      .where('type', '=', 'JW301')
      .executeTakeFirst();
    if (already)
      throw new FlowError('Op dit verzoek is al een toewijzing verstuurd.', [], 'conflict');
    const region = (await regionOf(trx, municipalityCode)) ?? '';
    const catalogue = await listProducts(trx, region);
    const contracts = await listContracts(trx, region);
    const client = content['Client'] as Content;
    const requested = list((client['AangevraagdeProducten'] as Content)['AangevraagdProduct']);
    const fields: { path: string; message: string }[] = [];
    requested.forEach((p, i) => {
      const code = text(p, 'Product', 'Code');
      const product = catalogue.find((c) => c.code === code);
      const start = parseIsoDate(text(p, 'ToewijzingIngangsdatum'));
      if (!product || start === null || !selectable(product, start))
        fields.push({
          path: `producten.${i}`,
          message: `product ${code || '(zonder code)'} staat niet in de catalogus of geldt niet op de ingangsdatum`,
        });
      else if (!contractFor(contracts, row.sender, code, start))
        fields.push({
          path: `producten.${i}`,
          message: `aanbieder ${row.sender} heeft geen contract voor ${code} op ${text(p, 'ToewijzingIngangsdatum')}`,
        });
      else if (!product.freelyAccessible && !input.expertAdvice)
        fields.push({
          path: 'adviesExpertpool',
          message: `${code} is niet vrij toegankelijk: leg eerst het advies van de expertpool vast (GRO-GATE-EXPERTPOOL)`,
        });
    });
    if (fields.length > 0)
      throw new FlowError('Deze toewijzing kan nog niet worden gedaan.', fields);
    const provider = await trx
      .selectFrom('organisation')
      .select('id')
      .where('agb_code', '=', row.sender)
      .executeTakeFirst();
    if (!provider) throw new FlowError(`Aanbieder ${row.sender} is niet bekend.`);
    const naam = client['Naam'] as Content;
    const issued = await issueAllocation(trx, {
      caseId: row.case_id,
      region,
      municipalityCode,
      provider: { id: provider.id, agb: row.sender },
      client: {
        bsn: text(client, 'Bsn'),
        birthDate: text(client, 'Geboortedatum', 'Datum'),
        gender: text(client, 'Geslacht'),
        lastName: text(naam, 'Geslachtsnaam', 'Achternaam'),
        prefix: text(naam, 'Geslachtsnaam', 'Voorvoegsel') || undefined,
        initials: text(naam, 'Voorletters') || undefined,
        firstNames: text(naam, 'Voornamen') || undefined,
        address: input.address,
      },
      lines: requested.map((p) => {
        const code = text(p, 'Product', 'Code');
        const product = catalogue.find((c) => c.code === code);
        const omvang = p['Omvang'] as Content | undefined;
        return {
          productCode: code,
          category: text(p, 'Product', 'Categorie'),
          volume: omvang ? Number(text(omvang, 'Volume')) : null,
          unit: omvang ? text(omvang, 'Eenheid') : (product?.unit ?? ''),
          frequency: omvang ? text(omvang, 'Frequentie') : (product?.frequency ?? ''),
          tariffCents: product?.tariffCents ?? 0,
          start: text(p, 'ToewijzingIngangsdatum'),
          end: text(p, 'ToewijzingEinddatum') || null,
          providerReference: text(p, 'ReferentieAanbieder'),
        };
      }),
      answersId: row.id,
      bridging: false,
      proposalId: null,
      note: input.expertAdvice
        ? `advies expertpool ${input.expertAdvice.date}: ${input.expertAdvice.summary}`
        : '',
      recordedBy: ctx.actor.staffId,
      now,
    });
    await writeAudit(trx, ctx, {
      action: 'ijw.toewijzen',
      caseId: row.case_id,
      details: { request: row.id, allocations: issued.numbers },
    });
    return issued;
  });
}
