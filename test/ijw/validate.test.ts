/**
 * The iJw 3.2 validator on the standard's example messages and on mutations of them. Each
 * mutation breaks one thing the standard forbids and must be reported with that rule's code at
 * that element (XPath), and nothing else: a removed required element and a value outside its
 * code list (XSD), overlapping product periods (TR302, TR386, TR410), a BSN failing the
 * elfproef (CS002), an end date before the start (TR018, CS003), duplicate lines (TR101), and
 * more content rules per message type.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES, type MessageType } from '../../src/ijw/messages.js';
import { CONTENT_RULES } from '../../src/ijw/rules.js';
import { validateMessage } from '../../src/ijw/validate.js';

const example = (type: MessageType) =>
  readFileSync(new URL(`../fixtures/ijw/${type}.xml`, import.meta.url), 'utf8');

const summary = (xml: string) => validateMessage(xml).issues.map((i) => [i.code, i.xpath] as const);

describe('the example messages of the standard', () => {
  it('the valid ones pass XSD and every content rule', () => {
    for (const type of MESSAGE_TYPES.filter(
      (t) => !['JW315', 'JW317', 'JW318', 'JW323'].includes(t),
    )) {
      const report = validateMessage(example(type));
      expect(report.type, type).toBe(type);
      expect(report.issues, type).toEqual([]);
      expect(report.valid).toBe(true);
    }
  });

  it('JW315: the impossible date 2027-06-31 is reported at both requested products', () => {
    const report = validateMessage(example('JW315'));
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => [i.code, i.xpath, i.line])).toEqual([
      [
        'XSD',
        '/jw315:Bericht/jw315:Client/jw315:AangevraagdeProducten/jw315:AangevraagdProduct[1]/jw315:ToewijzingEinddatum',
        44,
      ],
      [
        'XSD',
        '/jw315:Bericht/jw315:Client/jw315:AangevraagdeProducten/jw315:AangevraagdProduct[2]/jw315:ToewijzingEinddatum',
        66,
      ],
    ]);
    expect(report.issues[0]?.message).toContain("'2027-06-31' is geen geldige waarde");
    expect(report.issues[0]?.retourcode).toBe('0001');
  });

  it('JW318: the RetourCode misplaced inside Verzoek is reported where it stands', () => {
    const report = validateMessage(example('JW318'));
    expect(report.issues.map((i) => [i.code, i.xpath, i.line])).toEqual([
      ['XSD', '/jw318:Bericht/jw318:Client/jw318:Verzoek/jw318:RetourCode', 33],
    ]);
    expect(report.issues[0]?.message).toMatch(/staat hier niet op zijn plaats/);
  });

  it('two examples also break content rules of the standard, which the report names', () => {
    // JW317: the new product ends (2024-02-28) before its desired start (2026-11-01).
    expect(summary(example('JW317'))).toEqual([
      [
        'CS003',
        '/jw317:Bericht/jw317:Client/jw317:Verzoek/jw317:NieuweProducten/jw317:NieuwProduct/jw317:Einddatum',
      ],
    ]);
    // JW323: ReferentieNummer RN004 is used for two different prestaties of one client.
    const jw323 = validateMessage(example('JW323'));
    expect(jw323.issues.map((i) => [i.code, i.xpath])).toEqual([
      [
        'TR101',
        '/jw323:Bericht/jw323:Declaratie/jw323:Clienten/jw323:Client[2]/jw323:Prestaties/jw323:Prestatie[3]',
      ],
    ]);
    expect(jw323.issues[0]?.message).toContain('ReferentieNummer RN004');
  });
});

const P301 = '/jw301:Bericht/jw301:Client/jw301:ToegewezenProducten';

describe.each([
  {
    what: 'a removed required element (Bsn)',
    type: 'JW301',
    from: '<jw301:Bsn>999900006</jw301:Bsn>',
    to: '',
    code: 'XSD',
    xpath: '/jw301:Bericht/jw301:Client/jw301:Geboortedatum',
    message: /Geboortedatum staat hier niet op zijn plaats; verwacht: Bsn/,
  },
  {
    what: 'a product category outside code list JZ020',
    type: 'JW301',
    from: '<ijw:Categorie>55</ijw:Categorie>',
    to: '<ijw:Categorie>99</ijw:Categorie>',
    code: 'XSD',
    xpath: `${P301}/jw301:ToegewezenProduct[1]/jw301:Product/ijw:Categorie`,
    message: /'99' staat niet in de codelijst/,
  },
  {
    what: 'two allocations of the same product in overlapping periods',
    type: 'JW301',
    from: '<ijw:Code>55A12</ijw:Code>',
    to: '<ijw:Code>55A11</ijw:Code>',
    code: 'TR302',
    xpath: `${P301}/jw301:ToegewezenProduct[2]`,
    message: /overlapt/,
  },
  {
    what: 'a BSN that fails the elfproef',
    type: 'JW301',
    from: '<jw301:Bsn>999900006</jw301:Bsn>',
    to: '<jw301:Bsn>999900007</jw301:Bsn>',
    code: 'CS002',
    xpath: '/jw301:Bericht/jw301:Client/jw301:Bsn',
    message: /elfproef/,
  },
  {
    what: 'an allocation ending before it starts',
    type: 'JW301',
    from: '<jw301:Einddatum>2026-07-14</jw301:Einddatum>',
    to: '<jw301:Einddatum>2026-03-14</jw301:Einddatum>',
    code: 'CS003',
    xpath: `${P301}/jw301:ToegewezenProduct[1]/jw301:Einddatum`,
    message: /ligt voor Ingangsdatum/,
  },
  {
    what: 'two allocations with the same ToewijzingNummer (duplicate line)',
    type: 'JW301',
    from: '<jw301:ToewijzingNummer>300202</jw301:ToewijzingNummer>',
    to: '<jw301:ToewijzingNummer>300201</jw301:ToewijzingNummer>',
    code: 'TR101',
    xpath: `${P301}/jw301:ToegewezenProduct[2]`,
    message: /ToewijzingNummer 300201/,
  },
  {
    what: 'a care stop before the care started',
    type: 'JW307',
    from: '<jw307:Einddatum>2026-07-17</jw307:Einddatum>',
    to: '<jw307:Einddatum>2026-04-01</jw307:Einddatum>',
    code: 'TR018',
    xpath: '/jw307:Bericht/jw307:Client/jw307:StopProducten/jw307:StopProduct[1]/jw307:Einddatum',
    message: /voor de begindatum/,
  },
  {
    what: 'a start of care after the message date',
    type: 'JW305',
    from: '<jw305:Begindatum>2026-04-03</jw305:Begindatum>',
    to: '<jw305:Begindatum>2027-04-03</jw305:Begindatum>',
    code: 'TR134',
    xpath:
      '/jw305:Bericht/jw305:Client/jw305:StartProducten/jw305:StartProduct[1]/jw305:Begindatum',
    message: /na de dagtekening/,
  },
  {
    what: 'a StatusAanlevering 2 in a start message',
    type: 'JW305',
    from: '<jw305:StatusAanlevering>1</jw305:StatusAanlevering>',
    to: '<jw305:StatusAanlevering>2</jw305:StatusAanlevering>',
    code: 'CS058',
    xpath:
      '/jw305:Bericht/jw305:Client/jw305:StartProducten/jw305:StartProduct[1]/jw305:StatusAanlevering',
    message: /StatusAanlevering 2/,
  },
  {
    what: 'a refusal for the residence principle without the municipality',
    type: 'JW319',
    from: /<jw319:Woonplaatsbeginsel>[\s\S]*?<\/jw319:Woonplaatsbeginsel>/,
    to: '',
    code: 'TR377',
    xpath: '/jw319:Bericht/jw319:Antwoord/jw319:RedenAfwijzingVerzoek',
    message: /Woonplaatsbeginsel ontbreekt/,
  },
  {
    what: 'a declaration whose total is not the sum of its lines',
    type: 'JW323',
    from: '<ijw:TotaalBedrag>79000</ijw:TotaalBedrag>',
    to: '<ijw:TotaalBedrag>80000</ijw:TotaalBedrag>',
    code: 'TR358',
    xpath: '/jw323:Bericht/jw323:Declaratie/jw323:TotaalIngediendBedrag',
    message: /niet de som/,
  },
  {
    what: 'a name use for a partner name on a client without one',
    type: 'JW301',
    from: /(<ijw:Voorletters>T<\/ijw:Voorletters>\s*)<ijw:NaamGebruik>1/,
    to: '$1<ijw:NaamGebruik>2',
    code: 'CS050',
    xpath: '/jw301:Bericht/jw301:Client/jw301:Naam/ijw:NaamGebruik',
    message: /naamgebruik 2 past niet bij geen partnernaam/,
  },
] as const)('mutation: $what', ({ type, from, to, code, xpath, message }) => {
  it(`is reported as ${code} at the element`, () => {
    let xml = example(type);
    // The JW323 example has its own finding (TR101, RN004); take it out first.
    if (type === 'JW323')
      xml = xml.replace(
        /RN004<\/ijw:ReferentieNummer>([\s\S]*?)RN004/,
        'RN004</ijw:ReferentieNummer>$1RN005',
      );
    const mutated = xml.replace(from, to);
    expect(mutated).not.toBe(xml);
    expect(validateMessage(xml).valid, 'the unmutated message is valid').toBe(true);
    const report = validateMessage(mutated);
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => [i.code, i.xpath])).toEqual([[code, xpath]]);
    expect(report.issues[0]?.message).toMatch(message);
  });
});

describe('what the validator does with things that are not a valid message', () => {
  it('not well-formed XML, an unknown namespace and an unexpected type', () => {
    expect(validateMessage('<a><b></a>').issues[0]).toMatchObject({
      code: 'XML',
      message: 'geen geldige XML',
    });
    expect(validateMessage('<Bericht xmlns="urn:iets"/>').issues[0]?.message).toMatch(
      /geen iJw 3.2-bericht/,
    );
    expect(validateMessage(example('JW301'), 'JW315').issues[0]?.message).toBe(
      'dit is een JW301, verwacht JW315',
    );
  });

  it('every content rule names messages, a Dutch title and a TR, CD or CS code', () => {
    for (const rule of CONTENT_RULES) {
      expect(rule.code).toMatch(/^(TR|CD|CS)\d{3}$/);
      expect(rule.messages.length).toBeGreaterThan(0);
      expect(rule.title.length).toBeGreaterThan(10);
    }
    expect(new Set(CONTENT_RULES.map((r) => r.code)).size).toBe(CONTENT_RULES.length);
  });
});
