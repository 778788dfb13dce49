/**
 * The message exchange, independent of how messages travel (HTTP, a drop folder): receiving
 * validates a message, checks it against earlier messages, keeps it (also when rejected, for
 * inspection) and prepares the return message the standard requires; sending validates what
 * we built and only then puts it in the outbox. An outgoing message that fails is kept as
 * refused and never sent.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import type { Database } from '../store/schema.js';
import { declarationAnswer, returnMessage, type DeclaredLine } from './build.js';
import { CodecError, readMessage, writeMessage, type Content } from './codec.js';
import { MESSAGES, type MessageType } from './messages.js';
import { validateMessage, type Issue, type Report } from './validate.js';

/** A fresh message identification (12 characters at most, as LDT_IdentificatieBericht allows). */
export function newIdentification(): string {
  return randomBytes(6).toString('hex').toUpperCase();
}

export interface Received {
  readonly messageId: string;
  readonly type: MessageType | null;
  readonly accepted: boolean;
  readonly report: Report;
  /** Return codes on the header of the answer (WJ001). */
  readonly returnCodes: readonly string[];
  readonly answer: {
    readonly messageId: string;
    readonly type: MessageType;
    readonly xml: string;
  } | null;
}

/** A request's client and provider references, kept with the message (TR347, TR374). */
export function requestKeys(
  type: 'JW315' | 'JW317',
  content: Content,
): { client_bsn: string; request_refs: string[] } {
  const client = (content['Client'] ?? {}) as Content;
  const field = (c: unknown, name: string) => {
    const v = c && typeof c === 'object' ? (c as Content)[name] : undefined;
    return typeof v === 'string' ? v : '';
  };
  const asList = (v: unknown): Content[] =>
    Array.isArray(v) ? (v as Content[]) : v ? [v as Content] : [];
  const references =
    type === 'JW315'
      ? asList(
          (client['AangevraagdeProducten'] as Content | undefined)?.['AangevraagdProduct'],
        ).map((p) => field(p, 'ReferentieAanbieder'))
      : [field(client['Verzoek'], 'ReferentieAanbieder')];
  return { client_bsn: field(client, 'Bsn'), request_refs: references.filter((r) => r !== '') };
}

/**
 * Receives one message. Checks beyond the message itself: its identification must be new
 * for this sender and type (TR056, return code 9056) and its date may not lie after today
 * (TR135, 8848). A message that fails any check is rejected as a whole.
 */
/** What an accepted message does to cases and allocations (see `flows.ts`). */
export type Processor = (
  db: Transaction<Database>,
  type: MessageType,
  content: Content,
  parties: { readonly sender: string; readonly receiver: string; readonly today: string },
) => Promise<{
  /** Cross-message rules the message breaks: it is then rejected and changes nothing. */
  readonly issues: readonly {
    readonly rule: string;
    readonly code: string;
    readonly message: string;
  }[];
  readonly caseId: string | null;
  /** A declaration (JW323): the lines to reject in the answer (JW325), per client. */
  readonly rejectedLines?: readonly {
    readonly bsn: string;
    readonly lines: readonly (DeclaredLine & { readonly codes: readonly string[] })[];
  }[];
}>;

export async function receiveMessage(
  db: Kysely<Database>,
  xml: string,
  now: Date,
  process?: Processor,
): Promise<Received> {
  const report = validateMessage(xml);
  const today = formatIsoDate(localDay(now.getTime()));
  return db.transaction().execute(async (trx) => {
    const extra: Issue[] = [];
    const codes: string[] = [];
    const h = report.header;
    if (report.type && h) {
      const earlier = await trx
        .selectFrom('ijw_message')
        .select('id')
        .where('direction', '=', 'in')
        .where('type', '=', report.type)
        .where('sender', '=', h.sender)
        .where('identification', '=', h.id)
        .executeTakeFirst();
      if (earlier) {
        codes.push('9056');
        extra.push({
          code: 'TR056',
          kind: 'technische-regel',
          xpath: `/${report.type.toLowerCase()}:Bericht/${report.type.toLowerCase()}:Header`,
          line: 0,
          message: `Identificatie ${h.id} is al eerder ontvangen van ${h.sender}`,
          retourcode: '9056',
        });
      }
      if (h.date > today) {
        codes.push('8848');
        extra.push({
          code: 'TR135',
          kind: 'technische-regel',
          xpath: `/${report.type.toLowerCase()}:Bericht/${report.type.toLowerCase()}:Header`,
          line: 0,
          message: `de dagtekening ${h.date} ligt na vandaag (${today})`,
          retourcode: '8848',
        });
      }
    }
    // The message's effect on cases and allocations, only for a message that passed so far.
    let caseId: string | null = null;
    let rejectedLines: NonNullable<Awaited<ReturnType<Processor>>['rejectedLines']> = [];
    let content: Content | null = null;
    try {
      content = report.type ? readMessage(xml).content : null;
    } catch (error) {
      if (!(error instanceof CodecError)) throw error;
    }
    if (process && report.valid && extra.length === 0 && report.type && h && content) {
      // Processing writes nothing unless the message passes (see `flows.ts`).
      const result = await process(trx, report.type, content, {
        sender: h.sender,
        receiver: h.receiver,
        today,
      });
      caseId = result.caseId;
      rejectedLines = result.rejectedLines ?? [];
      for (const issue of result.issues) {
        if (!codes.includes(issue.code)) codes.push(issue.code);
        extra.push({
          code: issue.rule,
          kind: 'technische-regel',
          xpath: `/${report.type.toLowerCase()}:Bericht`,
          line: 0,
          message: issue.message,
          retourcode: issue.code,
        });
      }
    }
    const full: Report = {
      ...report,
      valid: report.valid && extra.length === 0,
      issues: [...report.issues, ...extra],
    };
    if (!report.valid) codes.unshift('0001');
    const returnCodes = codes.length > 0 ? codes : ['0200'];
    const stored = await trx
      .insertInto('ijw_message')
      .values({
        direction: 'in',
        type: report.type ?? 'onbekend',
        sender: h?.sender ?? '',
        receiver: h?.receiver ?? '',
        identification: h?.id ?? '',
        message_date: h && /^\d{4}-\d{2}-\d{2}$/.test(h.date) ? h.date : null,
        xml,
        valid: full.valid,
        report: JSON.stringify(full),
        status: full.valid ? 'verwerkt' : 'afgekeurd',
        return_codes: JSON.stringify(returnCodes),
        case_id: caseId,
        ...(content && (report.type === 'JW315' || report.type === 'JW317')
          ? requestKeys(report.type, content)
          : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    let answer: Received['answer'] = null;
    if (report.type === 'JW323' && h) {
      // A declaration is answered by the municipality's JW325: the rejected lines with their
      // codes, or the header alone when the declaration is rejected as a whole.
      const declaration = (content?.['Declaratie'] ?? {}) as Content;
      const total = (declaration['TotaalIngediendBedrag'] ?? {}) as Content;
      const answerXml = writeMessage(
        'JW325',
        declarationAnswer({
          envelope: {
            sender: h.receiver,
            receiver: h.sender,
            id: newIdentification(),
            date: today,
          },
          declaration: {
            id: h.id,
            date: h.date,
            number: String(declaration['DeclaratieNummer'] ?? ''),
          },
          submittedTotal:
            (total['DebetCredit'] === 'C' ? -1 : 1) * Number(total['TotaalBedrag'] ?? 0),
          headerCodes: returnCodes,
          rejected: rejectedLines,
        }),
      );
      const row = await queueOutgoing(trx, 'JW325', answerXml, stored.id, caseId, {
        from: h.receiver,
        to: h.sender,
      });
      if (row.refused) throw new Error('het declaratie-antwoord JW325 is zelf ongeldig');
      answer = { messageId: row.id, type: 'JW325', xml: answerXml };
    } else if (report.type && h && MESSAGES[report.type].answeredBy) {
      // Mirror the message when it can be read; otherwise answer with the header only.
      const mirrored: Content = content ?? {
        Header: {
          Afzender: h.sender,
          Ontvanger: h.receiver,
          BerichtIdentificatie: { Identificatie: h.id, Dagtekening: h.date },
          XsdVersie: { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' },
        },
      };
      const built = returnMessage({
        received: { type: report.type, content: mirrored },
        envelope: { id: newIdentification(), date: today },
        headerCodes: returnCodes,
      });
      const answerXml = writeMessage(built.type, built.content);
      const row = await queueOutgoing(trx, built.type, answerXml, stored.id, caseId, {
        from: h.receiver,
        to: h.sender,
      });
      if (row.refused) throw new Error(`het retourbericht ${built.type} is zelf ongeldig`);
      answer = { messageId: row.id, type: built.type, xml: answerXml };
    }
    return {
      messageId: stored.id,
      type: report.type,
      accepted: full.valid,
      report: full,
      returnCodes,
      answer,
    };
  });
}

/**
 * Puts a message we built in the outbox after validating it. A message that fails is stored
 * as refused (for inspection) and not sent; the caller gets the report.
 */
export async function queueOutgoing(
  db: Kysely<Database>,
  type: MessageType,
  xml: string,
  answersId: string | null = null,
  caseId: string | null = null,
  /**
   * Who transmits to whom. A return message keeps the sender and receiver of the message it
   * answers in its header, but travels the other way: the transport columns say so.
   */
  transport?: { readonly from: string; readonly to: string },
): Promise<{ id: string; refused: boolean; report: Report }> {
  const report = validateMessage(xml, type);
  const h = report.header;
  const row = await db
    .insertInto('ijw_message')
    .values({
      direction: 'uit',
      type,
      sender: transport?.from ?? h?.sender ?? '',
      receiver: transport?.to ?? h?.receiver ?? '',
      identification: h?.id ?? '',
      message_date: h?.date && /^\d{4}-\d{2}-\d{2}$/.test(h.date) ? h.date : null,
      xml,
      valid: report.valid,
      report: JSON.stringify(report),
      status: report.valid ? 'klaar' : 'geweigerd',
      answers_id: answersId,
      case_id: caseId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, refused: !report.valid, report };
}
