/**
 * Every message type built from the product's own data passes the XSD and the content rules;
 * return messages mirror what they answer; reading and writing the standard's examples gives
 * the same content back (and the same verdict).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allocation,
  allocationRequest,
  careStart,
  careStop,
  changeRequest,
  declaration,
  declarationAnswer,
  requestAnswer,
  returnMessage,
  type Envelope,
  type Person,
} from '../../src/ijw/build.js';
import { CodecError, readMessage, writeMessage, type Content } from '../../src/ijw/codec.js';
import { MESSAGE_TYPES, type MessageType } from '../../src/ijw/messages.js';
import { validateMessage } from '../../src/ijw/validate.js';

const municipality = '0384';
const provider = '42420001';
const toProvider = (id: string, date: string): Envelope => ({
  sender: municipality,
  receiver: provider,
  id,
  date,
});
const toMunicipality = (id: string, date: string): Envelope => ({
  sender: provider,
  receiver: municipality,
  id,
  date,
});

const sem: Person = {
  bsn: '999900006',
  birthDate: '2016-09-14',
  gender: '1',
  lastName: 'Bakker',
  initials: 'S',
  firstNames: 'Sem',
};
const product = { category: '45', code: '45A03' };
const extent = { volume: 4, unit: '04', frequency: '2' };

function built(type: MessageType, content: Content) {
  const xml = writeMessage(type, content);
  return { xml, report: validateMessage(xml, type) };
}

const requests: [MessageType, Content][] = [
  [
    'JW315',
    allocationRequest({
      envelope: toMunicipality('VOT-1', '2026-03-10'),
      client: sem,
      products: [
        {
          reference: 'DB-2026-001',
          product,
          start: '2026-04-01',
          end: '2026-09-30',
          extent,
          referrer: { type: '02', code: '01012345' },
        },
      ],
    }),
  ],
  [
    'JW301',
    allocation({
      envelope: toProvider('TW-1', '2026-03-20'),
      client: {
        ...sem,
        address: { street: 'Lindelaan', number: '12', postcode: '3431AB', city: 'Nieuwegein' },
      },
      products: [
        {
          number: '300201',
          providerReference: 'DB-2026-001',
          product,
          allocatedOn: '2026-03-20',
          allocatedAt: '10:15:00',
          start: '2026-04-01',
          end: '2026-09-30',
          extent,
        },
      ],
    }),
  ],
  [
    'JW305',
    careStart({
      envelope: toMunicipality('START-1', '2026-04-06'),
      client: sem,
      lines: [
        { allocationNumber: '300201', product, allocationStart: '2026-04-01', start: '2026-04-03' },
      ],
    }),
  ],
  [
    'JW307',
    careStop({
      envelope: toMunicipality('STOP-1', '2026-10-02'),
      client: sem,
      lines: [
        {
          allocationNumber: '300201',
          product,
          allocationStart: '2026-04-01',
          start: '2026-04-03',
          reason: '02',
          end: '2026-09-30',
        },
      ],
    }),
  ],
  [
    'JW317',
    changeRequest({
      envelope: toMunicipality('VOW-1', '2026-06-01'),
      bsn: sem.bsn,
      reference: 'DB-2026-002',
      reason: '1',
      unchanged: [],
      changed: [
        {
          allocationNumber: '300201',
          start: '2026-07-01',
          end: '2026-09-30',
          extent: { ...extent, volume: 6 },
        },
      ],
      added: [],
    }),
  ],
  [
    'JW319',
    requestAnswer({
      envelope: toProvider('ANT-1', '2026-03-20'),
      reference: 'DB-2026-001',
      answer: '1',
      refusalReason: '8',
      residenceMunicipality: '1916',
    }),
  ],
  [
    'JW323',
    declaration({
      envelope: toMunicipality('DECL-1', '2026-05-06'),
      number: 'DB202604',
      period: { start: '2026-04-01', end: '2026-04-30' },
      clients: [
        {
          bsn: sem.bsn,
          lines: [
            {
              reference: 'P-0001',
              allocationNumber: '300201',
              ...{ category: '45', code: '45A03' },
              start: '2026-04-01',
              end: '2026-04-30',
              volume: 16,
              unit: '04',
              tariff: 1250,
              amount: 20000,
            },
            {
              reference: 'P-0002',
              previousReference: 'P-0000',
              allocationNumber: '300201',
              category: '45',
              code: '45A03',
              start: '2026-03-01',
              end: '2026-03-31',
              volume: 4,
              unit: '04',
              tariff: 1250,
              amount: -5000,
            },
          ],
        },
      ],
    }),
  ],
];

describe('messages built from our own data', () => {
  it.each(requests)('%s passes the XSD and every content rule', (type, content) => {
    const { report } = built(type, content);
    expect(report.issues).toEqual([]);
    expect(report.type).toBe(type);
  });

  it('JW325 answers a declaration with the rejected line and the granted total', () => {
    const answer = declarationAnswer({
      envelope: toProvider('DA-1', '2026-05-10'),
      declaration: { id: 'DECL-1', date: '2026-05-06', number: 'DB202604' },
      submittedTotal: 15000,
      rejected: [
        {
          bsn: sem.bsn,
          lines: [
            {
              reference: 'P-0001',
              allocationNumber: '300201',
              category: '45',
              code: '45A03',
              start: '2026-04-01',
              end: '2026-04-30',
              volume: 16,
              unit: '04',
              tariff: 1250,
              amount: 20000,
              codes: ['0611'],
            },
          ],
        },
      ],
    });
    const { report, xml } = built('JW325', answer);
    expect(report.issues).toEqual([]);
    // 150.00 submitted, 200.00 rejected: -50.00 granted, written as credit.
    expect(xml).toContain(
      '<ijw:TotaalBedrag>5000</ijw:TotaalBedrag><ijw:DebetCredit>C</ijw:DebetCredit>',
    );
  });

  it.each(requests.filter(([t]) => t !== 'JW323'))(
    'the return message for %s mirrors it with return codes and passes',
    (type, content) => {
      const answered = returnMessage({
        received: { type, content },
        envelope:
          type === 'JW301' || type === 'JW319'
            ? toMunicipality('RET-1', '2026-10-03')
            : toProvider('RET-1', '2026-10-03'),
        codes: new Map([['Client', ['0200']]]),
      });
      const { report, xml } = built(answered.type, answered.content);
      expect(report.issues).toEqual([]);
      expect(xml).toMatch(/<\w+:IdentificatieRetour>[A-Z]+-1</);
      expect(xml).toContain('<ijw:Identificatie>RET-1</ijw:Identificatie>');
    },
  );

  it('a message rejected as a whole is answered with the header and its code only', () => {
    const [type, content] = requests[0] as [MessageType, Content];
    const answered = returnMessage({
      received: { type, content },
      envelope: { id: 'RET-2', date: '2026-03-11' },
      headerCodes: ['0001'],
    });
    expect(answered.type).toBe('JW316');
    expect(Object.keys(answered.content)).toEqual(['Header']);
    const { report, xml } = built('JW316', answered.content);
    expect(report.issues).toEqual([]);
    expect(xml).toContain('<jw316:RetourCode>0001</jw316:RetourCode>');
  });

  it('an element that does not exist in the message is refused, not dropped', () => {
    expect(() => writeMessage('JW319', { Header: {}, Antwoord: { Onbekend: 'x' } })).toThrow(
      CodecError,
    );
  });
});

describe('reading and writing the standard’s examples', () => {
  const example = (type: MessageType) =>
    readFileSync(new URL(`../fixtures/ijw/${type}.xml`, import.meta.url));
  it.each(MESSAGE_TYPES.filter((t) => t !== 'JW318'))(
    '%s: read → write → read gives the same content and verdict',
    (type) => {
      const first = readMessage(example(type));
      expect(first.type).toBe(type);
      const xml = writeMessage(type, first.content);
      expect(readMessage(xml).content).toEqual(first.content);
      expect(validateMessage(xml).issues.map((i) => i.code)).toEqual(
        validateMessage(example(type)).issues.map((i) => i.code),
      );
    },
  );

  it('the JW318 example cannot be read: its RetourCode stands where no element of that name may', () => {
    expect(() => readMessage(example('JW318'))).toThrow(/RetourCode hoort niet in Verzoek/);
  });
});
