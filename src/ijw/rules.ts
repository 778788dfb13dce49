/**
 * The content rules of iJw 3.2 that one message can be checked against on its own: technical
 * rules at "bericht inhoud" level (TR, `regels/technische-regels/xslt`), conditions (CD) and
 * constraints (CS) per data element (`regels/condities-constraints`). Each rule names the
 * messages it applies to and says, in our words, what is wrong. Rules that need earlier
 * messages (TR "berichtoverstijgend") belong to the exchange, not here.
 *
 * Where the standard leaves open which element a rule concerns, the choice is written next
 * to the rule.
 */
import { isValidBsn } from '../domain/people/bsn.js';
import { addYearsMonths, daysInMonth, parseIsoDate, ymdFromDay } from '../domain/time/index.js';
import type { DayNumber } from '../domain/time/index.js';
import type { MessageType } from './messages.js';
import { at, child, childrenNamed, descendants, textAt, type Node } from './tree.js';

export type RuleKind = 'technische-regel' | 'conditie' | 'constraint';

export interface Finding {
  readonly node: Node;
  readonly message: string;
}

export interface RuleContext {
  readonly type: MessageType;
  /** The message's Dagtekening, or null when it is missing or not a date. */
  readonly dagtekening: DayNumber | null;
}

export interface ContentRule {
  readonly code: string;
  readonly kind: RuleKind;
  readonly messages: readonly MessageType[];
  /** What the rule asks, in Dutch. */
  readonly title: string;
  readonly check: (message: Node, context: RuleContext) => Finding[];
}

const day = (node: Node | undefined): DayNumber | null =>
  node && node.text ? parseIsoDate(node.text) : null;

const clients = (message: Node): Node[] => descendants(message, 'Client');

/** Amounts with their debit/credit sign: credit counts negative. */
function signed(amountNode: Node | undefined, amountName: string): number | null {
  const amount = textAt(amountNode, amountName);
  if (amount === '' || !/^-?\d+$/.test(amount)) return null;
  return textAt(amountNode, 'DebetCredit') === 'C' ? -Number(amount) : Number(amount);
}

/** Product identity for overlap rules: code, else category, else "any product". */
function productKey(product: Node | undefined): string {
  const code = textAt(product, 'Code');
  if (code) return `code:${code}`;
  const category = textAt(product, 'Categorie');
  return category ? `categorie:${category}` : '*';
}

interface Period {
  readonly node: Node;
  readonly key: string;
  readonly start: DayNumber;
  readonly end: DayNumber | null;
}

/** Pairs of periods for the same product (or any, when one has no product) that overlap. */
function overlaps(periods: readonly Period[]): [Period, Period][] {
  const out: [Period, Period][] = [];
  for (let i = 0; i < periods.length; i++)
    for (let j = i + 1; j < periods.length; j++) {
      const a = periods[i] as Period;
      const b = periods[j] as Period;
      const related =
        a.key === b.key ||
        a.key === '*' ||
        b.key === '*' ||
        // A code belongs to its category: compare on the category level then.
        (a.key.startsWith('categorie:') && b.key.startsWith('code:')) ||
        (b.key.startsWith('categorie:') && a.key.startsWith('code:'));
      if (!related) continue;
      const aEnd = a.end ?? Number.POSITIVE_INFINITY;
      const bEnd = b.end ?? Number.POSITIVE_INFINITY;
      if (a.start <= bEnd && b.start <= aEnd) out.push([a, b]);
    }
  return out;
}

function periodsOf(
  items: readonly Node[],
  startName: string,
  endName: string,
  skip: (item: Node) => boolean = () => false,
): Period[] {
  return items.flatMap((item) => {
    if (skip(item)) return [];
    const start = day(child(item, startName));
    if (start === null) return [];
    return [
      {
        node: item,
        key: productKey(child(item, 'Product')),
        start,
        end: day(child(item, endName)),
      },
    ];
  });
}

function overlapRule(
  code: string,
  type: MessageType,
  items: (message: Node) => Node[],
  startName: string,
  endName: string,
  title: string,
  skip?: (item: Node) => boolean,
): ContentRule {
  return {
    code,
    kind: 'technische-regel',
    messages: [type],
    title,
    check: (message) =>
      overlaps(periodsOf(items(message), startName, endName, skip)).map(([, b]) => ({
        node: b.node,
        message: `${title} (overlapt met een ander product in dit bericht)`,
      })),
  };
}

/** Logical keys per message class (TR101): the elements that identify one line. */
const LOGICAL_KEYS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  Client: [['Bsn']],
  Relatie: [['Nummer']],
  ToegewezenProduct: [['ToewijzingNummer']],
  AangevraagdProduct: [['ReferentieAanbieder']],
  StartProduct: [
    ['ToewijzingNummer'],
    ['Product', 'Categorie'],
    ['Product', 'Code'],
    ['Begindatum'],
  ],
  StopProduct: [
    ['ToewijzingNummer'],
    ['Product', 'Categorie'],
    ['Product', 'Code'],
    ['Begindatum'],
  ],
  OngewijzigdProduct: [['ToewijzingNummer']],
  TeWijzigenProduct: [['ToewijzingNummer']],
  NieuwProduct: [['Product', 'Categorie'], ['Product', 'Code'], ['GewensteIngangsdatum']],
  Prestatie: [['ProductReferentie', 'ReferentieNummer']],
};

function duplicates(message: Node): Finding[] {
  const findings: Finding[] = [];
  const walk = (node: Node, parentKey: string) => {
    const seen = new Map<string, Node>();
    for (const c of node.children) {
      const key = LOGICAL_KEYS[c.name];
      let ownKey = parentKey;
      if (key) {
        ownKey = `${parentKey}|${c.name}:${key.map((path) => textAt(c, ...path)).join('/')}`;
        if (seen.has(ownKey))
          findings.push({
            node: c,
            message: `${c.name} komt twee keer voor met dezelfde sleutel (${key
              .map((p) => `${p.at(-1) ?? ''} ${textAt(c, ...p) || '(leeg)'}`)
              .join(', ')})`,
          });
        else seen.set(ownKey, c);
      }
      walk(c, ownKey);
    }
  };
  walk(message, '');
  return findings;
}

const ALL_REQUESTS: readonly MessageType[] = [
  'JW301',
  'JW305',
  'JW307',
  'JW315',
  'JW317',
  'JW319',
  'JW323',
  'JW325',
];

export const CONTENT_RULES: readonly ContentRule[] = [
  {
    code: 'TR002',
    kind: 'technische-regel',
    messages: ['JW301', 'JW305', 'JW307', 'JW315'],
    title: 'Een geboortedatum ligt hooguit 120 jaar voor de dagtekening, tenzij hij onbekend is',
    check: (message, { dagtekening }) => {
      if (dagtekening === null) return [];
      const limit = addYearsMonths(dagtekening, -120, 0);
      return descendants(message, 'Geboortedatum').flatMap((g) => {
        const date = day(child(g, 'Datum'));
        const unknown = textAt(g, 'DatumGebruik') === '3' && textAt(g, 'Datum') === '1900-01-01';
        return date !== null && !unknown && date < limit
          ? [
              {
                node: child(g, 'Datum') ?? g,
                message: 'geboortedatum ligt meer dan 120 jaar voor de dagtekening',
              },
            ]
          : [];
      });
    },
  },
  {
    code: 'TR006',
    kind: 'technische-regel',
    messages: ['JW301'],
    title: 'Een contact heeft een telefoonnummer of een adres met huisnummer en postcode',
    check: (message) =>
      descendants(message, 'Contact')
        .filter(
          (c) => !child(c, 'Telefoon') && !(at(c, 'Adres', 'Huis') && at(c, 'Adres', 'Postcode')),
        )
        .map((c) => ({
          node: c,
          message: 'contact zonder telefoon en zonder huisnummer met postcode',
        })),
  },
  {
    code: 'TR018',
    kind: 'technische-regel',
    messages: ['JW307'],
    title: 'De einddatum ligt niet voor de begindatum',
    check: (message) =>
      descendants(message, 'StopProduct').flatMap((p) => {
        const start = day(child(p, 'Begindatum'));
        const end = day(child(p, 'Einddatum'));
        return start !== null && end !== null && end < start
          ? [{ node: child(p, 'Einddatum') ?? p, message: 'einddatum ligt voor de begindatum' }]
          : [];
      }),
  },
  {
    code: 'TR061',
    kind: 'technische-regel',
    messages: ['JW301'],
    title: 'Een cliënt heeft minstens één BRP-, correspondentie- of verblijfadres',
    check: (message) =>
      childrenNamed(message, 'Client')
        .filter(
          (c) =>
            !descendants(c, 'Contact').some(
              (contact) =>
                child(contact, 'Adres') && ['01', '02', '03'].includes(textAt(contact, 'Soort')),
            ),
        )
        .map((c) => ({
          node: c,
          message: 'cliënt zonder BRP-, correspondentie- of verblijfadres',
        })),
  },
  {
    code: 'TR101',
    kind: 'technische-regel',
    messages: ['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW323', 'JW325'],
    title: 'Geen dubbele regels: elke regel heeft binnen het bericht een eigen sleutel',
    check: duplicates,
  },
  {
    // The standard does not name the elements; we apply it to birth dates, the start of care
    // (JW305), the end of care (JW307) and the start of a delivered period (JW323/JW325).
    code: 'TR134',
    kind: 'technische-regel',
    messages: ['JW301', 'JW305', 'JW307', 'JW315', 'JW323', 'JW325'],
    title: 'Een bestaande datum die niet na de dagtekening ligt',
    check: (message, { type, dagtekening }) => {
      if (dagtekening === null) return [];
      const nodes = [
        ...descendants(message, 'Geboortedatum').map((g) => child(g, 'Datum')),
        ...(type === 'JW305'
          ? descendants(message, 'StartProduct').map((p) => child(p, 'Begindatum'))
          : []),
        ...(type === 'JW307'
          ? descendants(message, 'StopProduct').map((p) => child(p, 'Einddatum'))
          : []),
        ...(type === 'JW323' || type === 'JW325'
          ? descendants(message, 'ProductPeriode').map((p) => child(p, 'Begindatum'))
          : []),
      ].filter((n): n is Node => n !== undefined);
      return nodes
        .filter((n) => (day(n) ?? Number.NEGATIVE_INFINITY) > dagtekening)
        .map((n) => ({ node: n, message: `${n.name} ligt na de dagtekening` }));
    },
  },
  {
    code: 'TR137',
    kind: 'technische-regel',
    messages: ['JW323', 'JW325'],
    title:
      'De einddatum van een productperiode ligt op of na de begindatum en niet na de dagtekening',
    check: (message, { dagtekening }) =>
      descendants(message, 'ProductPeriode').flatMap((p) => {
        const start = day(child(p, 'Begindatum'));
        const end = day(child(p, 'Einddatum'));
        if (end === null) return [];
        if (start !== null && end < start)
          return [
            { node: child(p, 'Einddatum') ?? p, message: 'einddatum ligt voor de begindatum' },
          ];
        if (dagtekening !== null && end > dagtekening)
          return [
            { node: child(p, 'Einddatum') ?? p, message: 'einddatum ligt na de dagtekening' },
          ];
        return [];
      }),
  },
  overlapRule(
    'TR302',
    'JW301',
    (m) => descendants(m, 'ToegewezenProduct'),
    'Ingangsdatum',
    'Einddatum',
    'Een product komt alleen vaker in een toewijzing voor als de perioden niet overlappen',
    // Deleted allocations (reason 13, or 01, with end = start) do not count.
    (p) =>
      ['13', '01'].includes(textAt(p, 'RedenWijziging')) &&
      textAt(p, 'Einddatum') !== '' &&
      textAt(p, 'Einddatum') === textAt(p, 'Ingangsdatum'),
  ),
  {
    code: 'TR315',
    kind: 'technische-regel',
    messages: ['JW323'],
    title: 'Elk VorigReferentieNummer komt maar één keer voor in het bericht',
    check: (message) => {
      const seen = new Set<string>();
      return descendants(message, 'VorigReferentieNummer').flatMap((n) => {
        if (!n.text) return [];
        if (seen.has(n.text))
          return [{ node: n, message: `VorigReferentieNummer ${n.text} komt vaker voor` }];
        seen.add(n.text);
        return [];
      });
    },
  },
  {
    code: 'TR316',
    kind: 'technische-regel',
    messages: ['JW323'],
    title: 'Een debetregel wordt niet in hetzelfde bericht gecrediteerd',
    check: (message) => {
      const references = new Set(descendants(message, 'ReferentieNummer').map((n) => n.text));
      return descendants(message, 'VorigReferentieNummer')
        .filter((n) => references.has(n.text))
        .map((n) => ({
          node: n,
          message: `prestatie ${n.text} wordt in hetzelfde bericht gecrediteerd`,
        }));
    },
  },
  {
    code: 'TR335',
    kind: 'technische-regel',
    messages: ['JW323'],
    title:
      'De einddatum van een prestatie ligt hooguit 5 jaar voor de dagtekening van de declaratie',
    check: (message) => {
      const declared = day(at(message, 'Declaratie', 'DeclaratieDagtekening'));
      if (declared === null) return [];
      const limit = addYearsMonths(declared, -5, 0);
      return descendants(message, 'ProductPeriode').flatMap((p) => {
        const end = day(child(p, 'Einddatum'));
        return end !== null && end < limit
          ? [
              {
                node: child(p, 'Einddatum') ?? p,
                message: 'einddatum ligt meer dan 5 jaar voor de declaratiedagtekening',
              },
            ]
          : [];
      });
    },
  },
  {
    code: 'TR342',
    kind: 'technische-regel',
    messages: ['JW325'],
    title:
      'Het verschil tussen ingediend en toegekend bedrag is de som van de afgewezen prestaties',
    check: (message) =>
      descendants(message, 'DeclaratieAntwoord').flatMap((answer) => {
        const submitted = signed(child(answer, 'TotaalIngediendBedrag'), 'TotaalBedrag');
        const granted = signed(child(answer, 'TotaalToegekendBedrag'), 'TotaalBedrag');
        if (submitted === null || granted === null) return [];
        const rejected = descendants(answer, 'Prestatie').reduce(
          (sum, p) => sum + (signed(child(p, 'IngediendBedrag'), 'Bedrag') ?? 0),
          0,
        );
        return rejected === submitted - granted
          ? []
          : [
              {
                node: child(answer, 'TotaalToegekendBedrag') ?? answer,
                message: `som van de afgewezen prestaties (${rejected}) is niet ingediend min toegekend (${submitted - granted})`,
              },
            ];
      }),
  },
  {
    code: 'TR352',
    kind: 'technische-regel',
    messages: ['JW317'],
    title: 'Een verzoek om wijziging noemt minstens één ongewijzigd of te wijzigen product',
    check: (message) =>
      descendants(message, 'Verzoek')
        .filter(
          (v) =>
            descendants(v, 'OngewijzigdProduct').length +
              descendants(v, 'TeWijzigenProduct').length ===
            0,
        )
        .map((v) => ({ node: v, message: 'geen OngewijzigdProduct of TeWijzigenProduct' })),
  },
  {
    code: 'TR353',
    kind: 'technische-regel',
    messages: ['JW317'],
    title: 'Een verzoek om wijziging noemt minstens één te wijzigen of nieuw product',
    check: (message) =>
      descendants(message, 'Verzoek')
        .filter(
          (v) =>
            descendants(v, 'TeWijzigenProduct').length + descendants(v, 'NieuwProduct').length ===
            0,
        )
        .map((v) => ({ node: v, message: 'geen TeWijzigenProduct of NieuwProduct' })),
  },
  {
    code: 'TR358',
    kind: 'technische-regel',
    messages: ['JW323'],
    title: 'Het totaal ingediende bedrag is de som van de prestaties (debet min credit)',
    check: (message) =>
      childrenNamed(message, 'Declaratie').flatMap((d) => {
        const total = signed(child(d, 'TotaalIngediendBedrag'), 'TotaalBedrag');
        if (total === null) return [];
        const sum = descendants(message, 'Prestatie').reduce(
          (s, p) => s + (signed(child(p, 'IngediendBedrag'), 'Bedrag') ?? 0),
          0,
        );
        return sum === total
          ? []
          : [
              {
                node: child(d, 'TotaalIngediendBedrag') ?? d,
                message: `totaal ${total} is niet de som van de prestaties (${sum})`,
              },
            ];
      }),
  },
  {
    code: 'TR377',
    kind: 'technische-regel',
    messages: ['JW319'],
    title: 'Bij afwijzing om het woonplaatsbeginsel (8) staat de woonplaatsgemeente erbij',
    check: (message) =>
      descendants(message, 'Antwoord')
        .filter(
          (a) => textAt(a, 'RedenAfwijzingVerzoek') === '8' && !child(a, 'Woonplaatsbeginsel'),
        )
        .map((a) => ({
          node: child(a, 'RedenAfwijzingVerzoek') ?? a,
          message: 'Woonplaatsbeginsel ontbreekt',
        })),
  },
  {
    code: 'TR380',
    kind: 'technische-regel',
    messages: ['JW317'],
    title: 'De gewenste ingangsdatum ligt na de dagtekening',
    check: (message, { dagtekening }) =>
      dagtekening === null
        ? []
        : descendants(message, 'GewensteIngangsdatum')
            .filter((n) => (day(n) ?? Number.POSITIVE_INFINITY) <= dagtekening)
            .map((n) => ({
              node: n,
              message: 'gewenste ingangsdatum ligt niet na de dagtekening',
            })),
  },
  {
    code: 'TR383',
    kind: 'technische-regel',
    messages: ['JW315'],
    title: 'Elk aangevraagd product heeft een eigen ReferentieAanbieder',
    check: (message) => {
      const seen = new Set<string>();
      return descendants(message, 'AangevraagdProduct').flatMap((p) => {
        const ref = textAt(p, 'ReferentieAanbieder');
        if (!ref) return [];
        if (seen.has(ref))
          return [
            {
              node: child(p, 'ReferentieAanbieder') ?? p,
              message: `ReferentieAanbieder ${ref} komt vaker voor`,
            },
          ];
        seen.add(ref);
        return [];
      });
    },
  },
  overlapRule(
    'TR386',
    'JW315',
    (m) => descendants(m, 'AangevraagdProduct'),
    'ToewijzingIngangsdatum',
    'ToewijzingEinddatum',
    'Een product komt alleen vaker in een verzoek om toewijzing voor als de perioden niet overlappen',
  ),
  {
    code: 'TR409',
    kind: 'technische-regel',
    messages: ['JW319'],
    title: 'Zonder afwijzing om het woonplaatsbeginsel blijft Woonplaatsbeginsel weg',
    check: (message) =>
      descendants(message, 'Antwoord')
        .filter((a) => textAt(a, 'RedenAfwijzingVerzoek') !== '8' && child(a, 'Woonplaatsbeginsel'))
        .map((a) => ({
          node: child(a, 'Woonplaatsbeginsel') ?? a,
          message: 'Woonplaatsbeginsel hoort hier niet',
        })),
  },
  overlapRule(
    'TR410',
    'JW317',
    (m) => descendants(m, 'NieuwProduct'),
    'GewensteIngangsdatum',
    'Einddatum',
    'Een nieuw product komt alleen vaker voor als de perioden niet overlappen',
  ),
  {
    code: 'TR416',
    kind: 'technische-regel',
    messages: ['JW323'],
    title: 'Per periode, product en toewijzing staat er maar één debetprestatie in het bericht',
    check: (message) => {
      const seen = new Set<string>();
      const lines = clients(message).flatMap((client) =>
        descendants(client, 'Prestatie').map((p) => ({ client, p })),
      );
      return lines.flatMap(({ client, p }) => {
        if (textAt(p, 'IngediendBedrag', 'DebetCredit') !== 'D') return [];
        const key = [
          textAt(client, 'Bsn'),
          textAt(p, 'ToewijzingNummer'),
          textAt(p, 'ProductCategorie'),
          textAt(p, 'ProductCode'),
          textAt(p, 'ProductPeriode', 'Begindatum'),
          textAt(p, 'ProductPeriode', 'Einddatum'),
        ].join('|');
        if (seen.has(key))
          return [
            {
              node: p,
              message: 'tweede debetprestatie voor dezelfde periode, product en toewijzing',
            },
          ];
        seen.add(key);
        return [];
      });
    },
  },

  // Conditions (CD) ------------------------------------------------------------------------
  {
    code: 'CD005',
    kind: 'conditie',
    messages: ['JW301'],
    title: 'Met een postcode hoort een huisnummer; zonder postcode blijft het leeg',
    check: (message) =>
      descendants(message, 'Adres').flatMap((a) => {
        const postcode = Boolean(child(a, 'Postcode'));
        const number = Boolean(at(a, 'Huis', 'Huisnummer'));
        return postcode === number
          ? []
          : [
              {
                node: a,
                message: postcode
                  ? 'huisnummer ontbreekt bij de postcode'
                  : 'huisnummer zonder postcode',
              },
            ];
      }),
  },
  {
    code: 'CD007',
    kind: 'conditie',
    messages: ['JW301'],
    title: 'Een taal staat er alleen (en dan verplicht) bij communicatievorm 1 (tolk)',
    check: (message) =>
      descendants(message, 'Communicatie').flatMap((c) => {
        const interpreter = textAt(c, 'Vorm') === '1';
        const language = Boolean(child(c, 'Taal'));
        return interpreter === language
          ? []
          : [
              {
                node: c,
                message: interpreter ? 'taal ontbreekt bij een tolk' : 'taal zonder tolk',
              },
            ];
      }),
  },
  {
    code: 'CD009',
    kind: 'conditie',
    messages: ['JW301'],
    title: 'Alleen een tijdelijk adres (soort 04) heeft een periode',
    check: (message) =>
      descendants(message, 'Contact')
        .filter((c) => child(c, 'Periode') && textAt(c, 'Soort') !== '04')
        .map((c) => ({
          node: child(c, 'Periode') ?? c,
          message: `periode bij adressoort ${textAt(c, 'Soort')}, alleen toegestaan bij 04`,
        })),
  },
  {
    code: 'CD025',
    kind: 'conditie',
    messages: ['JW301'],
    title: 'Een Nederlands adres heeft een postcode',
    check: (message) =>
      descendants(message, 'Adres')
        .filter((a) => textAt(a, 'LandCode') === 'NL' && !child(a, 'Postcode'))
        .map((a) => ({ node: a, message: 'postcode ontbreekt bij een Nederlands adres' })),
  },
  {
    code: 'CD034',
    kind: 'conditie',
    messages: ['JW301'],
    title: 'Een BRP-adres of verblijfadres heeft een adres',
    check: (message) =>
      descendants(message, 'Contact')
        .filter((c) => ['01', '03'].includes(textAt(c, 'Soort')) && !child(c, 'Adres'))
        .map((c) => ({ node: c, message: 'adres ontbreekt bij een BRP- of verblijfadres' })),
  },
  {
    code: 'CD041',
    kind: 'conditie',
    messages: ['JW301', 'JW315', 'JW317'],
    title: 'Met een productcode hoort een omvang',
    check: (message) =>
      [
        ...descendants(message, 'ToegewezenProduct'),
        ...descendants(message, 'AangevraagdProduct'),
        ...descendants(message, 'NieuwProduct'),
      ]
        .filter((p) => textAt(p, 'Product', 'Code') && !child(p, 'Omvang'))
        .map((p) => ({ node: p, message: 'omvang ontbreekt bij een product met een code' })),
  },
  {
    code: 'CD043',
    kind: 'conditie',
    messages: ['JW315'],
    title:
      'Een beschikkingsingangsdatum staat er alleen (en dan verplicht) bij een beschikkingnummer',
    check: (message) =>
      descendants(message, 'AangevraagdProduct').flatMap((p) => {
        const number = Boolean(child(p, 'BeschikkingNummer'));
        const date = Boolean(child(p, 'BeschikkingIngangsdatum'));
        return number === date
          ? []
          : [
              {
                node: p,
                message: number
                  ? 'beschikkingsingangsdatum ontbreekt'
                  : 'beschikkingsingangsdatum zonder beschikkingnummer',
              },
            ];
      }),
  },
  {
    code: 'CD060',
    kind: 'conditie',
    messages: ['JW323', 'JW325'],
    title: 'Een creditprestatie verwijst naar de vorige prestatie; een debetprestatie niet',
    check: (message) =>
      descendants(message, 'Prestatie').flatMap((p) => {
        const credit = textAt(p, 'IngediendBedrag', 'DebetCredit') === 'C';
        const previous = Boolean(at(p, 'ProductReferentie', 'VorigReferentieNummer'));
        return credit === previous
          ? []
          : [
              {
                node: p,
                message: credit
                  ? 'VorigReferentieNummer ontbreekt bij credit'
                  : 'VorigReferentieNummer bij een debetprestatie',
              },
            ];
      }),
  },
  {
    code: 'CD066',
    kind: 'conditie',
    messages: ['JW315'],
    title: 'Een medische verwijzer met zorgverlenerscode heeft geen naam',
    check: (message) =>
      descendants(message, 'Verwijzer')
        .filter(
          (v) =>
            ['02', '03', '04', '05'].includes(textAt(v, 'Type')) &&
            child(v, 'ZorgverlenerCode') &&
            child(v, 'Naam'),
        )
        .map((v) => ({
          node: child(v, 'Naam') ?? v,
          message: 'naam verwijzer hoort leeg bij een zorgverlenerscode',
        })),
  },
  {
    code: 'CD067',
    kind: 'conditie',
    messages: ['JW315'],
    title: 'Een medische verwijzer zonder zorgverlenerscode heeft een naam',
    check: (message) =>
      descendants(message, 'Verwijzer')
        .filter(
          (v) =>
            ['02', '03', '04', '05'].includes(textAt(v, 'Type')) &&
            !child(v, 'ZorgverlenerCode') &&
            !child(v, 'Naam'),
        )
        .map((v) => ({ node: v, message: 'naam verwijzer ontbreekt' })),
  },
  {
    code: 'CD068',
    kind: 'conditie',
    messages: ['JW315'],
    title: 'Alleen een medische verwijzer (02-05) heeft een zorgverlenerscode',
    check: (message) =>
      descendants(message, 'Verwijzer')
        .filter(
          (v) =>
            !['02', '03', '04', '05'].includes(textAt(v, 'Type')) && child(v, 'ZorgverlenerCode'),
        )
        .map((v) => ({
          node: child(v, 'ZorgverlenerCode') ?? v,
          message: `zorgverlenerscode bij verwijzertype ${textAt(v, 'Type')}`,
        })),
  },
  {
    code: 'CD075',
    kind: 'conditie',
    messages: ['JW301', 'JW315', 'JW317'],
    title: 'Met een budget hoort een einddatum',
    check: (message) =>
      productLines(message)
        .filter((p) => child(p, 'Budget') && !endOf(p))
        .map((p) => ({ node: p, message: 'einddatum ontbreekt bij een budget' })),
  },
  {
    code: 'CD076',
    kind: 'conditie',
    messages: ['JW301', 'JW315', 'JW317'],
    title: 'Met frequentie 2 (per week) hoort een einddatum',
    check: (message) =>
      productLines(message)
        .filter((p) => textAt(p, 'Omvang', 'Frequentie') === '2' && !endOf(p))
        .map((p) => ({ node: p, message: 'einddatum ontbreekt bij een omvang per week' })),
  },
  {
    code: 'CD077',
    kind: 'conditie',
    messages: ['JW301', 'JW315', 'JW317'],
    title: 'Budget en omvang gaan niet samen',
    check: (message) =>
      productLines(message)
        .filter((p) => child(p, 'Budget') && child(p, 'Omvang'))
        .map((p) => ({
          node: child(p, 'Omvang') ?? p,
          message: 'omvang en budget staan er allebei',
        })),
  },
  {
    code: 'CD079',
    kind: 'conditie',
    messages: ['JW301', 'JW315', 'JW317'],
    title: 'Zonder budget is het product verplicht',
    check: (message) =>
      [
        ...descendants(message, 'ToegewezenProduct'),
        ...descendants(message, 'AangevraagdProduct'),
        ...descendants(message, 'NieuwProduct'),
      ]
        .filter((p) => !child(p, 'Budget') && !child(p, 'Product'))
        .map((p) => ({ node: p, message: 'product ontbreekt (en er is geen budget)' })),
  },
  {
    code: 'CD085',
    kind: 'conditie',
    messages: ['JW319'],
    title: 'Bij een afgewezen verzoek (1) staat de reden van afwijzing erbij',
    check: (message) =>
      descendants(message, 'Antwoord')
        .filter((a) => textAt(a, 'VerzoekAntwoord') === '1' && !child(a, 'RedenAfwijzingVerzoek'))
        .map((a) => ({ node: a, message: 'reden van afwijzing ontbreekt' })),
  },
  {
    code: 'CD086',
    kind: 'conditie',
    messages: ['JW319'],
    title: 'Bij een aanvraag in onderzoek (2) is er geen reden van afwijzing',
    check: (message) =>
      descendants(message, 'Antwoord')
        .filter((a) => textAt(a, 'VerzoekAntwoord') === '2' && child(a, 'RedenAfwijzingVerzoek'))
        .map((a) => ({
          node: child(a, 'RedenAfwijzingVerzoek') ?? a,
          message: 'reden van afwijzing bij een aanvraag in onderzoek',
        })),
  },
  {
    code: 'CD087',
    kind: 'conditie',
    messages: ['JW323'],
    title: 'Een producttarief staat er alleen (en dan verplicht) als de eenheid geen euro (83) is',
    check: (message) =>
      descendants(message, 'Prestatie').flatMap((p) => {
        const euros = textAt(p, 'Eenheid') === '83';
        const tariff = Boolean(child(p, 'ProductTarief'));
        return euros !== tariff
          ? []
          : [
              {
                node: p,
                message: euros ? 'producttarief bij eenheid euro' : 'producttarief ontbreekt',
              },
            ];
      }),
  },

  // Constraints (CS) -----------------------------------------------------------------------
  {
    code: 'CS002',
    kind: 'constraint',
    messages: ALL_REQUESTS,
    title: 'Een BSN voldoet aan de elfproef',
    check: (message) =>
      clients(message)
        .map((c) => child(c, 'Bsn'))
        .filter((b): b is Node => b !== undefined && b.text !== '' && !isValidBsn(b.text))
        .map((b) => ({ node: b, message: `BSN ${b.text} voldoet niet aan de elfproef` })),
  },
  {
    code: 'CS003',
    kind: 'constraint',
    messages: ['JW301', 'JW315', 'JW317'],
    title: 'Een einddatum ligt op of na de begindatum van dezelfde periode',
    check: (message) => {
      const pairs: [Node | undefined, Node | undefined][] = [
        ...descendants(message, 'Periode').map(
          (p) =>
            [child(p, 'Begindatum'), child(p, 'Einddatum')] as [Node | undefined, Node | undefined],
        ),
        ...descendants(message, 'ToegewezenProduct').map(
          (p) =>
            [child(p, 'Ingangsdatum'), child(p, 'Einddatum')] as [
              Node | undefined,
              Node | undefined,
            ],
        ),
        ...descendants(message, 'AangevraagdProduct').map(
          (p) =>
            [child(p, 'ToewijzingIngangsdatum'), child(p, 'ToewijzingEinddatum')] as [
              Node | undefined,
              Node | undefined,
            ],
        ),
        ...descendants(message, 'NieuwProduct').map(
          (p) =>
            [child(p, 'GewensteIngangsdatum'), child(p, 'Einddatum')] as [
              Node | undefined,
              Node | undefined,
            ],
        ),
        ...descendants(message, 'TeWijzigenProduct').map(
          (p) =>
            [child(p, 'Ingangsdatum'), child(p, 'Einddatum')] as [
              Node | undefined,
              Node | undefined,
            ],
        ),
      ];
      return pairs.flatMap(([startNode, endNode]) => {
        const start = day(startNode);
        const end = day(endNode);
        return start !== null && end !== null && endNode && end < start
          ? [
              {
                node: endNode,
                message:
                  `${endNode.name} ${endNode.text} ligt voor ${startNode?.name ?? 'de begindatum'} ${startNode?.text ?? ''}`.trim(),
              },
            ]
          : [];
      });
    },
  },
  {
    code: 'CS015',
    kind: 'constraint',
    messages: [...ALL_REQUESTS],
    title: 'BerichtSubversie is 2',
    check: (message) => headerValue(message, 'BerichtSubversie', '2'),
  },
  {
    code: 'CS025',
    kind: 'constraint',
    messages: [...ALL_REQUESTS],
    title: 'BerichtVersie is 3',
    check: (message) => headerValue(message, 'BerichtVersie', '3'),
  },
  {
    code: 'CS050',
    kind: 'constraint',
    messages: ['JW301'],
    title: 'Naamgebruik 1-4 met een partnernaam, anders 1 of 6',
    check: (message) =>
      descendants(message, 'Naam').flatMap((n) => {
        const use = child(n, 'NaamGebruik');
        if (!use) return [];
        const allowed = child(n, 'Partnernaam') ? ['1', '2', '3', '4'] : ['1', '6'];
        return allowed.includes(use.text)
          ? []
          : [
              {
                node: use,
                message: `naamgebruik ${use.text} past niet bij ${child(n, 'Partnernaam') ? 'een' : 'geen'} partnernaam`,
              },
            ];
      }),
  },
  {
    code: 'CS058',
    kind: 'constraint',
    messages: ['JW305', 'JW307'],
    title: 'StatusAanlevering is 1 (eerste aanlevering) of 3 (verwijderen)',
    check: (message) =>
      descendants(message, 'StatusAanlevering')
        .filter((s) => !['1', '3'].includes(s.text))
        .map((s) => ({ node: s, message: `StatusAanlevering ${s.text} niet toegestaan` })),
  },
  {
    code: 'CS089',
    kind: 'constraint',
    messages: ['JW301'],
    title: 'Een Nederlandse postcode heeft vier cijfers en twee hoofdletters',
    check: (message) =>
      descendants(message, 'Adres')
        .filter(
          (a) =>
            textAt(a, 'LandCode') === 'NL' &&
            child(a, 'Postcode') &&
            !/^[1-9]\d{3}[A-Z]{2}$/.test(textAt(a, 'Postcode')),
        )
        .map((a) => ({
          node: child(a, 'Postcode') ?? a,
          message: `postcode ${textAt(a, 'Postcode')} is geen Nederlandse postcode`,
        })),
  },
  {
    code: 'CS100',
    kind: 'constraint',
    messages: ['JW323'],
    title: 'Declaratie- en productperioden beginnen op of na 1 januari 2021',
    check: (message) =>
      [...descendants(message, 'DeclaratiePeriode'), ...descendants(message, 'ProductPeriode')]
        .map((p) => child(p, 'Begindatum'))
        .filter(
          (n): n is Node =>
            n !== undefined &&
            (day(n) ?? Number.POSITIVE_INFINITY) < (parseIsoDate('2021-01-01') ?? 0),
        )
        .map((n) => ({ node: n, message: 'datum ligt voor 1 januari 2021' })),
  },
  {
    code: 'CS139',
    kind: 'constraint',
    messages: ['JW301', 'JW305', 'JW307', 'JW315'],
    title: 'Datumgebruik en geboortedatum passen bij elkaar',
    check: (message) =>
      descendants(message, 'Geboortedatum').flatMap((g) => {
        const use = textAt(g, 'DatumGebruik');
        const date = textAt(g, 'Datum');
        const ok =
          use === '' ||
          (use === '1' && date.endsWith('-01')) || // day unknown: filled with the 1st
          (use === '2' && date.endsWith('-01-01')) || // day and month unknown
          (use === '3' && date === '1900-01-01');
        return ok
          ? []
          : [
              {
                node: child(g, 'DatumGebruik') ?? g,
                message: `datumgebruik ${use} past niet bij datum ${date}`,
              },
            ];
      }),
  },
  {
    code: 'CS318',
    kind: 'constraint',
    messages: ['JW301'],
    title: 'De naam van een cliënt heeft geen naamgebruik 6 (niet-natuurlijk persoon)',
    check: (message) =>
      clients(message)
        .map((c) => at(c, 'Naam', 'NaamGebruik'))
        .filter((n): n is Node => n?.text === '6')
        .map((n) => ({ node: n, message: 'naamgebruik 6 bij een cliënt' })),
  },
  {
    code: 'CS325',
    kind: 'constraint',
    messages: ['JW323', 'JW325'],
    title: 'Een bedrag van 0 is debet',
    check: (message) =>
      [
        ...descendants(message, 'TotaalIngediendBedrag'),
        ...descendants(message, 'TotaalToegekendBedrag'),
        ...descendants(message, 'IngediendBedrag'),
      ]
        .filter(
          (b) =>
            (textAt(b, 'TotaalBedrag') || textAt(b, 'Bedrag')) === '0' &&
            textAt(b, 'DebetCredit') !== 'D',
        )
        .map((b) => ({
          node: child(b, 'DebetCredit') ?? b,
          message: 'bedrag 0 moet debet (D) zijn',
        })),
  },
  {
    code: 'CS335',
    kind: 'constraint',
    messages: ['JW301'],
    title: 'Reden wijziging 13 (verwijderd) alleen als ingangsdatum en einddatum gelijk zijn',
    check: (message) =>
      descendants(message, 'ToegewezenProduct')
        .filter(
          (p) =>
            textAt(p, 'RedenWijziging') === '13' &&
            textAt(p, 'Einddatum') !== textAt(p, 'Ingangsdatum'),
        )
        .map((p) => ({
          node: child(p, 'RedenWijziging') ?? p,
          message: 'verwijderd, maar einddatum is niet de ingangsdatum',
        })),
  },
  {
    code: 'CS336',
    kind: 'constraint',
    messages: ['JW301'],
    title: 'Reden wijziging 01 (administratieve correctie, vervallen) wordt niet meer gebruikt',
    check: (message) =>
      descendants(message, 'RedenWijziging')
        .filter((r) => r.text === '01')
        .map((r) => ({ node: r, message: 'reden wijziging 01 is vervallen' })),
  },
  {
    code: 'CS337',
    kind: 'constraint',
    messages: ['JW323'],
    title: 'Een productperiode valt binnen één kalendermaand',
    check: (message) =>
      descendants(message, 'ProductPeriode').flatMap((p) => {
        const start = day(child(p, 'Begindatum'));
        const end = day(child(p, 'Einddatum'));
        if (start === null || end === null) return [];
        const a = ymdFromDay(start);
        const b = ymdFromDay(end);
        return a.year === b.year && a.month === b.month
          ? []
          : [
              {
                node: child(p, 'Einddatum') ?? p,
                message: 'einddatum valt in een andere maand dan de begindatum',
              },
            ];
      }),
  },
  {
    code: 'CS338',
    kind: 'constraint',
    messages: ['JW301', 'JW315', 'JW317'],
    title: 'Bij eenheid 14, 16, 83 of 84 (na 2020) is de frequentie 2, 4 of 6',
    check: (message) =>
      productLines(message).flatMap((p) => {
        const unit = textAt(p, 'Omvang', 'Eenheid');
        if (!['14', '16', '83', '84'].includes(unit)) return [];
        const end = endOf(p);
        if (end && (day(end) ?? 0) <= (parseIsoDate('2020-12-31') ?? 0)) return [];
        const frequency = textAt(p, 'Omvang', 'Frequentie');
        return ['2', '4', '6'].includes(frequency)
          ? []
          : [
              {
                node: at(p, 'Omvang', 'Frequentie') ?? p,
                message: `frequentie ${frequency} bij eenheid ${unit}`,
              },
            ];
      }),
  },
  {
    code: 'CS339',
    kind: 'constraint',
    messages: ['JW323'],
    title: 'Bij eenheid euro (83) is het ingediende bedrag het geleverde volume',
    check: (message) =>
      descendants(message, 'Prestatie')
        .filter(
          (p) =>
            textAt(p, 'Eenheid') === '83' &&
            textAt(p, 'IngediendBedrag', 'Bedrag') !== textAt(p, 'GeleverdVolume'),
        )
        .map((p) => ({
          node: child(p, 'IngediendBedrag') ?? p,
          message: 'ingediend bedrag is niet het geleverde volume in euro',
        })),
  },
  {
    code: 'CS340',
    kind: 'constraint',
    messages: ['JW323'],
    title: 'De declaratieperiode is precies één hele kalendermaand',
    check: (message) =>
      descendants(message, 'DeclaratiePeriode').flatMap((p) => {
        const start = day(child(p, 'Begindatum'));
        const end = day(child(p, 'Einddatum'));
        if (start === null || end === null) return [];
        const a = ymdFromDay(start);
        const b = ymdFromDay(end);
        const whole =
          a.day === 1 &&
          b.year === a.year &&
          b.month === a.month &&
          b.day === daysInMonth(a.year, a.month);
        return whole ? [] : [{ node: p, message: 'declaratieperiode is geen hele kalendermaand' }];
      }),
  },
];

/** Product lines that carry an extent or budget (allocation, request, change request). */
function productLines(message: Node): Node[] {
  return [
    ...descendants(message, 'ToegewezenProduct'),
    ...descendants(message, 'AangevraagdProduct'),
    ...descendants(message, 'NieuwProduct'),
    ...descendants(message, 'TeWijzigenProduct'),
  ];
}

function endOf(p: Node): Node | undefined {
  return child(p, 'Einddatum') ?? child(p, 'ToewijzingEinddatum');
}

function headerValue(message: Node, name: string, expected: string): Finding[] {
  const node = at(message, 'Header', name);
  return node && node.text !== expected
    ? [{ node, message: `${name} ${node.text}, verwacht ${expected}` }]
    : [];
}

/** The rules that apply to a message type. */
export function rulesFor(type: MessageType): ContentRule[] {
  return CONTENT_RULES.filter((r) => r.messages.includes(type));
}
