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
import type { Kysely, Transaction } from 'kysely';
import { selectable } from '../domain/catalogue/index.js';
import { formatIsoDate, localDay, parseIsoDate, startOfLocalDay } from '../domain/time/index.js';
import { contractFor } from '../domain/allocation/index.js';
import { listProducts } from '../store/catalogue.js';
import { listContracts } from '../store/contracts.js';
import type { RequestContext } from '../store/context.js';
import type { Database } from '../store/schema.js';
import { writeAudit } from '../store/audit.js';
import { issueAllocation } from './allocate.js';
import { requestAnswer } from './build.js';
import { FlowError } from './flow-error.js';
import { readMessage, writeMessage, type Content } from './codec.js';
import { newIdentification, queueOutgoing } from './exchange.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ProcessResult {
  /** Return codes that reject the message (empty: accepted). */
  readonly codes: readonly string[];
  readonly caseId: string | null;
  readonly problems: readonly string[];
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

/** Applies an accepted message; codes in the result reject it after all. */
export async function processIncoming(
  db: Db,
  type: string,
  content: Content,
  receiver: string,
): Promise<ProcessResult> {
  const region = await regionOf(db, receiver);
  const client = content['Client'] as Content | undefined;
  const bsn = text(client, 'Bsn');
  if (type === 'JW315' || type === 'JW317') {
    if (!region || !bsn) return { codes: [], caseId: null, problems: [] };
    const found = await db
      .selectFrom('casus')
      .innerJoin('person', 'person.household_id', 'casus.household_id')
      .select('casus.id')
      .where('casus.region', '=', region)
      .where('casus.route', '=', 'B')
      .where('person.bsn', '=', bsn)
      .orderBy('casus.created_at', 'desc')
      .executeTakeFirst();
    return {
      codes: [],
      caseId: found?.id ?? null,
      problems: found ? [] : ['geen casus op route B gevonden voor dit BSN'],
    };
  }
  if (type === 'JW305') {
    const lines = list((client?.['StartProducten'] as Content | undefined)?.['StartProduct']);
    let caseId: string | null = null;
    const problems: string[] = [];
    for (const line of lines) {
      const number = text(line, 'ToewijzingNummer');
      const found = region
        ? await db
            .selectFrom('allocation')
            .select(['id', 'case_id', 'status'])
            .where('region', '=', region)
            .where('number', '=', number)
            .executeTakeFirst()
        : undefined;
      if (!found) {
        problems.push(`toewijzing ${number} is onbekend`);
        continue;
      }
      caseId = found.case_id;
      if (text(line, 'StatusAanlevering') === '3') continue;
      const start = parseIsoDate(text(line, 'Begindatum'));
      // A start after a temporary stop resumes the help (RIJ-TERM-SUSPEND counts to it).
      const resumes = found.status === 'opgeschort';
      await db
        .updateTable('allocation')
        .set({ status: 'gestart' })
        .where('id', '=', found.id)
        .execute();
      await db
        .insertInto('case_event')
        .values({
          case_id: found.case_id,
          type: resumes ? 'hervatting' : 'start-hulp',
          at: new Date(start === null ? Date.now() : startOfLocalDay(start)),
          child_id: null,
          kind: null,
          date: null,
          note: `Startbericht JW305 voor toewijzing ${number}`,
          recorded_by: null,
        })
        .execute();
    }
    return problems.length > 0
      ? { codes: ['9019'], caseId, problems }
      : { codes: [], caseId, problems };
  }
  if (type === 'JW307') {
    const lines = list((client?.['StopProducten'] as Content | undefined)?.['StopProduct']);
    let caseId: string | null = null;
    const problems: string[] = [];
    for (const line of lines) {
      const number = text(line, 'ToewijzingNummer');
      const found = region
        ? await db
            .selectFrom('allocation')
            .select(['id', 'case_id'])
            .where('region', '=', region)
            .where('number', '=', number)
            .executeTakeFirst()
        : undefined;
      if (!found) {
        problems.push(`toewijzing ${number} is onbekend`);
        continue;
      }
      caseId = found.case_id;
      if (text(line, 'StatusAanlevering') === '3') continue;
      const reason = text(line, 'RedenBeeindiging');
      const temporary = reason === '20';
      const end = parseIsoDate(text(line, 'Einddatum'));
      await db
        .updateTable('allocation')
        .set({ status: temporary ? 'opgeschort' : 'gestopt' })
        .where('id', '=', found.id)
        .execute();
      await db
        .insertInto('case_event')
        .values({
          case_id: found.case_id,
          type: temporary ? 'opschorting' : 'notitie',
          at: new Date(end === null ? Date.now() : startOfLocalDay(end)),
          child_id: null,
          kind: null,
          date: null,
          note: `Stopbericht JW307 voor toewijzing ${number}, reden ${reason} (JZ588)${temporary ? ': tijdelijk' : ''}`,
          recorded_by: null,
        })
        .execute();
    }
    return problems.length > 0
      ? { codes: ['9019'], caseId, problems }
      : { codes: [], caseId, problems };
  }
  return { codes: [], caseId: null, problems: [] };
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
