/**
 * Issuing an allocation, the same on both routes: the allocation lines get their numbers and
 * their value in the budget year (GRO-DEC-BUDGET), the JW301 is built, validated and queued
 * for the provider (an invalid one is never sent and nothing is stored), and the case
 * timeline records that the provider received it, so deadlines that run from the allocation
 * (such as RIJ-TERM-DISAGREE) start.
 */
import type { Transaction } from 'kysely';
import { valueInYear } from '../domain/allocation/index.js';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import type { Database } from '../store/schema.js';
import { allocation, type Address, type Person } from './build.js';
import { writeMessage } from './codec.js';
import { newIdentification, queueOutgoing } from './exchange.js';
import { FlowError } from './flow-error.js';

export interface IssueLine {
  readonly productCode: string;
  /** JZ020 category of the product. */
  readonly category: string;
  readonly volume: number | null;
  readonly unit: string;
  readonly frequency: string;
  readonly tariffCents: number;
  readonly start: string;
  readonly end: string | null;
  /** The provider's own reference, when it asked for the product (route B). */
  readonly providerReference?: string;
}

export interface IssueInput {
  readonly caseId: string;
  readonly region: string;
  readonly municipalityCode: string;
  readonly provider: { readonly id: string; readonly agb: string };
  readonly client: Person & { readonly address: Address };
  readonly lines: readonly IssueLine[];
  /** The request this allocation answers (JW315), if any. */
  readonly answersId: string | null;
  readonly bridging: boolean;
  readonly proposalId: string | null;
  /** What the timeline says besides the numbers. */
  readonly note: string;
  readonly recordedBy: string;
  readonly now: Date;
}

/** Value of a line in the budget year of its start date. */
export function lineValue(line: IssueLine): number {
  if (line.volume === null) return 0;
  const year = Number(line.start.slice(0, 4));
  return valueInYear(
    {
      volume: line.volume,
      frequency: line.frequency,
      tariffCents: line.tariffCents,
      start: line.start,
      end: line.end,
    },
    year,
  );
}

export async function issueAllocation(
  trx: Transaction<Database>,
  input: IssueInput,
): Promise<{ messageId: string; numbers: string[] }> {
  const highest = await trx
    .selectFrom('allocation')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('region', '=', input.region)
    .executeTakeFirst();
  let next = Math.max(300000, Number(highest?.max ?? 0) + 1);
  const day = formatIsoDate(localDay(input.now.getTime()));
  const time = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(input.now);
  const lines = input.lines.map((line) => ({ number: String(next++), line }));
  for (const { number, line } of lines)
    await trx
      .insertInto('allocation')
      .values({
        case_id: input.caseId,
        region: input.region,
        provider_id: input.provider.id,
        number,
        product_code: line.productCode,
        start_date: line.start,
        end_date: line.end,
        status: 'toegewezen',
        municipality_code: input.municipalityCode,
        volume: line.volume,
        unit: line.unit,
        frequency: line.frequency,
        value_cents: lineValue(line),
        bridging: input.bridging,
        proposal_id: input.proposalId,
        client_bsn: input.client.bsn,
      })
      .execute();
  const xml = writeMessage(
    'JW301',
    allocation({
      envelope: {
        sender: input.municipalityCode,
        receiver: input.provider.agb,
        id: newIdentification(),
        date: day,
      },
      client: input.client,
      products: lines.map(({ number, line }) => ({
        number,
        providerReference: line.providerReference,
        product: { category: line.category, code: line.productCode },
        allocatedOn: day,
        allocatedAt: time,
        start: line.start,
        end: line.end ?? undefined,
        extent:
          line.volume === null
            ? undefined
            : { volume: line.volume, unit: line.unit, frequency: line.frequency },
      })),
    }),
  );
  const queued = await queueOutgoing(trx, 'JW301', xml, input.answersId, input.caseId);
  if (queued.refused)
    throw new FlowError(
      'De toewijzing is ongeldig en is niet verstuurd.',
      queued.report.issues.map((i) => ({ path: i.xpath, message: `${i.code}: ${i.message}` })),
    );
  const numbers = lines.map((l) => l.number);
  await trx
    .insertInto('case_event')
    .values({
      case_id: input.caseId,
      type: 'toewijzing-ontvangen',
      at: input.now,
      child_id: null,
      kind: null,
      date: null,
      note: `Toewijzing JW301 ${numbers.join(', ')}${input.bridging ? ' (overbrugging)' : ''}${input.note ? `; ${input.note}` : ''}`,
      recorded_by: input.recordedBy,
    })
    .execute();
  return { messageId: queued.id, numbers };
}
