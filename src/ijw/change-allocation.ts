/**
 * Changing an allocation that went out: the municipality sends a new JW301 for the same
 * ToewijzingNummer with the new (earlier) Einddatum and the RedenWijziging (JZ002), dated now,
 * so the most recent one by Toewijzingsdatum and -tijd is leading for the provider (OP033x1,
 * IV066). The client and the product are taken from the JW301 the provider already has, so
 * nothing but the end date changes; the message is built by the same JW301 builder and passes
 * the same validation as a new allocation (an invalid one is never queued, nothing changes).
 * The allocation row gets its new end date and its value in the budget year is recomputed.
 */
import type { Transaction } from 'kysely';
import { formatIsoDate, localDay } from '../domain/time/index.js';
import type { Database } from '../store/schema.js';
import { lineValue } from './allocate.js';
import { allocation as allocationMessage, type Address, type Person } from './build.js';
import { readMessage, writeMessage, type Content } from './codec.js';
import { newIdentification, queueOutgoing } from './exchange.js';
import { FlowError } from './flow-error.js';
import { list, text } from './flows.js';

/** A new end date for an allocation that went out, with its JZ002 reason. */
export interface AllocationChange {
  readonly allocationId: string;
  /** `YYYY-MM-DD`, inclusive. */
  readonly end: string;
  /** JZ002 reason. */
  readonly reason: string;
  readonly now: Date;
}

const clockTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The client and the allocated product as the last JW301 with this number carried them. */
async function lastSent(trx: Transaction<Database>, caseId: string, number: string) {
  const sent = await trx
    .selectFrom('ijw_message')
    .select(['xml'])
    .where('direction', '=', 'uit')
    .where('type', '=', 'JW301')
    .where('case_id', '=', caseId)
    .where('status', '!=', 'geweigerd')
    .orderBy('created_at', 'desc')
    .execute();
  for (const { xml } of sent) {
    const client = readMessage(xml).content['Client'] as Content;
    const product = list(
      (client['ToegewezenProducten'] as Content | undefined)?.['ToegewezenProduct'],
    ).find((p) => text(p, 'ToewijzingNummer') === number);
    if (product) return { client, product };
  }
  return null;
}

function person(client: Content): Person & { readonly address: Address } {
  const name = client['Naam'] as Content;
  const home =
    list((client['Contactgegevens'] as Content | undefined)?.['Contact']).find(
      (c) => text(c, 'Soort') === '01',
    ) ?? {};
  return {
    bsn: text(client, 'Bsn'),
    birthDate: text(client, 'Geboortedatum', 'Datum'),
    gender: text(client, 'Geslacht'),
    lastName: text(name, 'Geslachtsnaam', 'Achternaam'),
    prefix: text(name, 'Geslachtsnaam', 'Voorvoegsel') || undefined,
    firstNames: text(name, 'Voornamen') || undefined,
    initials: text(name, 'Voorletters') || undefined,
    address: {
      street: text(home, 'Adres', 'Straatnaam'),
      number: text(home, 'Adres', 'Huis', 'Huisnummer'),
      postcode: text(home, 'Adres', 'Postcode'),
      city: text(home, 'Adres', 'Plaatsnaam'),
    },
  };
}

/** Sends the changed allocation and stores its new end; returns the queued message. */
export async function changeAllocationEnd(
  trx: Transaction<Database>,
  change: AllocationChange,
): Promise<{ messageId: string; number: string; previousEnd: string | null }> {
  const row = await trx
    .selectFrom('allocation')
    .innerJoin('organisation', 'organisation.id', 'allocation.provider_id')
    .select([
      'allocation.id',
      'allocation.case_id',
      'allocation.region',
      'allocation.number',
      'allocation.product_code',
      'allocation.start_date',
      'allocation.end_date',
      'allocation.volume',
      'allocation.unit',
      'allocation.frequency',
      'allocation.municipality_code',
      'organisation.agb_code',
    ])
    .where('allocation.id', '=', change.allocationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new FlowError('Toewijzing niet gevonden.', [], 'not-found');
  const earlier = await lastSent(trx, row.case_id, row.number);
  if (!earlier || !row.municipality_code || !row.agb_code)
    throw new FlowError(
      `De verstuurde toewijzing ${row.number} (JW301) is niet gevonden; zonder die kan de wijziging niet worden gestuurd.`,
      [],
      'conflict',
    );
  const day = formatIsoDate(localDay(change.now.getTime()));
  const { product } = earlier;
  const extent = product['Omvang'] as Content | undefined;
  const budget = text(product, 'Budget');
  const xml = writeMessage(
    'JW301',
    allocationMessage({
      envelope: {
        sender: row.municipality_code,
        receiver: row.agb_code,
        id: newIdentification(),
        date: day,
      },
      client: person(earlier.client),
      products: [
        {
          number: row.number,
          providerReference: text(product, 'ReferentieAanbieder') || undefined,
          product: product['Product']
            ? {
                category: text(product, 'Product', 'Categorie'),
                code: text(product, 'Product', 'Code') || undefined,
              }
            : undefined,
          allocatedOn: day,
          allocatedAt: clockTime.format(change.now),
          start: text(product, 'Ingangsdatum'),
          end: change.end,
          changeReason: change.reason,
          extent: extent
            ? {
                volume: Number(text(extent, 'Volume')),
                unit: text(extent, 'Eenheid'),
                frequency: text(extent, 'Frequentie'),
              }
            : undefined,
          budget: budget ? Number(budget) : undefined,
        },
      ],
    }),
  );
  const queued = await queueOutgoing(trx, 'JW301', xml, null, row.case_id);
  if (queued.refused)
    throw new FlowError(
      'De gewijzigde toewijzing is ongeldig en is niet verstuurd.',
      queued.report.issues.map((i) => ({ path: i.xpath, message: `${i.code}: ${i.message}` })),
    );
  const tariff = await trx
    .selectFrom('product')
    .select(['tariff_cents', 'category'])
    .where('region', '=', row.region)
    .where('code', '=', row.product_code)
    .executeTakeFirst();
  await trx
    .updateTable('allocation')
    .set({
      end_date: change.end,
      ...(tariff
        ? {
            value_cents: lineValue({
              productCode: row.product_code,
              category: tariff.category,
              volume: row.volume,
              unit: row.unit ?? '',
              frequency: row.frequency ?? '',
              tariffCents: tariff.tariff_cents,
              start: row.start_date,
              end: change.end,
            }),
          }
        : {}),
    })
    .where('id', '=', row.id)
    .execute();
  return { messageId: queued.id, number: row.number, previousEnd: row.end_date };
}
