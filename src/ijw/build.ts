/**
 * Messages from the product's own data: the allocation (JW301), the request for allocation
 * (JW315), start and stop of care (JW305, JW307), the change request (JW317), the answer to a
 * request (JW319), the declaration (JW323) and its answer (JW325), and the return message
 * for any of them (JW302, JW306, JW308, JW316, JW318, JW320). The result is message content
 * for `writeMessage`; which elements exist and in what order is the XSD's business.
 */
import { elementsAt, type Content } from './codec.js';
import { MESSAGES, type MessageType } from './messages.js';

/** Who sends to whom, and the message's own identification. */
export interface Envelope {
  /** CBS municipality code (4 digits) or AGB code of the provider (8 digits). */
  readonly sender: string;
  readonly receiver: string;
  /** Unique per sender (max. 12 characters). */
  readonly id: string;
  /** Dagtekening, `YYYY-MM-DD`. */
  readonly date: string;
}

export interface Person {
  readonly bsn: string;
  readonly birthDate: string;
  /** COD046: 0 onbekend, 1 man, 2 vrouw, 9 niet gespecificeerd. */
  readonly gender: string;
  readonly lastName: string;
  readonly prefix?: string;
  readonly initials?: string;
  readonly firstNames?: string;
}

export interface Address {
  readonly street: string;
  readonly number: string;
  readonly postcode: string;
  readonly city: string;
}

export interface ProductRef {
  /** JZ020 product category. */
  readonly category: string;
  readonly code?: string;
}

export interface Extent {
  readonly volume: number;
  /** WJ756 unit. */
  readonly unit: string;
  /** WMO757 frequency. */
  readonly frequency: string;
}

const VERSION = { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' };

function header(type: MessageType, e: Envelope): Content {
  return {
    BerichtCode: MESSAGES[type].code,
    BerichtVersie: '3',
    BerichtSubversie: '2',
    Afzender: e.sender,
    Ontvanger: e.receiver,
    BerichtIdentificatie: { Identificatie: e.id, Dagtekening: e.date },
    XsdVersie: { ...VERSION },
  };
}

/** Leaves out undefined values, so optional elements are simply absent. */
function compact(
  value: Record<string, string | Content | Content[] | string[] | undefined>,
): Content {
  const out: Content = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out;
}

const name = (p: Person): Content =>
  compact({
    Geslachtsnaam: compact({ Achternaam: p.lastName, Voorvoegsel: p.prefix }),
    Voornamen: p.firstNames,
    Voorletters: p.initials,
    NaamGebruik: '1',
  });

/** The name as the messages without NaamGebruik carry it (JW305, JW307, JW315). */
const shortName = (p: Person): Content =>
  compact({
    Geslachtsnaam: compact({ Achternaam: p.lastName, Voorvoegsel: p.prefix }),
    Voornamen: p.firstNames,
    Voorletters: p.initials,
  });

/** The client's identity as every client class starts: BSN, birth date, gender, name. */
const identity = (p: Person, naam: Content): Content => ({
  Bsn: p.bsn,
  Geboortedatum: { Datum: p.birthDate },
  Geslacht: p.gender,
  Naam: naam,
});

const product = (p: ProductRef | undefined): Content | undefined =>
  p ? compact({ Categorie: p.category, Code: p.code }) : undefined;

const extent = (x: Extent | undefined): Content | undefined =>
  x ? { Volume: String(x.volume), Eenheid: x.unit, Frequentie: x.frequency } : undefined;

export interface AllocatedProduct {
  readonly number: string;
  readonly providerReference?: string;
  readonly product?: ProductRef;
  /** When the municipality decided, `YYYY-MM-DD` and `HH:MM:SS`. */
  readonly allocatedOn: string;
  readonly allocatedAt: string;
  readonly start: string;
  readonly end?: string;
  /** JZ002, only when an allocation is changed or withdrawn. */
  readonly changeReason?: string;
  readonly extent?: Extent;
  /** In whole euros × 100 (cents), for a budget instead of an extent. */
  readonly budget?: number;
  readonly comment?: string;
}

/** JW301: the municipality allocates products to a provider for a client. */
export function allocation(input: {
  readonly envelope: Envelope;
  readonly client: Person & { readonly address: Address };
  readonly products: readonly AllocatedProduct[];
}): Content {
  const c = input.client;
  return {
    Header: header('JW301', input.envelope),
    Client: {
      ...identity(c, name(c)),
      Contactgegevens: {
        Contact: [
          {
            Soort: '01',
            Adres: {
              Huis: { Huisnummer: c.address.number },
              Postcode: c.address.postcode,
              Straatnaam: c.address.street,
              Plaatsnaam: c.address.city,
              LandCode: 'NL',
            },
          },
        ],
      },
      ToegewezenProducten: {
        ToegewezenProduct: input.products.map((p) =>
          compact({
            ToewijzingNummer: p.number,
            ReferentieAanbieder: p.providerReference,
            Product: product(p.product),
            Toewijzingsdatum: p.allocatedOn,
            Toewijzingstijd: p.allocatedAt,
            Ingangsdatum: p.start,
            Einddatum: p.end,
            RedenWijziging: p.changeReason,
            Omvang: extent(p.extent),
            Budget: p.budget === undefined ? undefined : String(p.budget),
            Commentaar: p.comment,
          }),
        ),
      },
    },
  };
}

export interface RequestedProduct {
  /** The provider's own reference for this request line (unique in the message). */
  readonly reference: string;
  readonly product?: ProductRef;
  readonly start: string;
  readonly end?: string;
  readonly extent?: Extent;
  readonly budget?: number;
  /** COD327 referrer type, with the referrer's AGB code (02-05) or name. */
  readonly referrer: { readonly type: string; readonly code?: string; readonly name?: string };
  readonly comment?: string;
}

/** JW315: a provider asks the municipality to allocate (route B). */
export function allocationRequest(input: {
  readonly envelope: Envelope;
  readonly client: Person;
  readonly products: readonly RequestedProduct[];
}): Content {
  const c = input.client;
  return {
    Header: header('JW315', input.envelope),
    Client: {
      ...identity(c, shortName(c)),
      AangevraagdeProducten: {
        AangevraagdProduct: input.products.map((p) =>
          compact({
            ReferentieAanbieder: p.reference,
            Product: product(p.product),
            ToewijzingIngangsdatum: p.start,
            ToewijzingEinddatum: p.end,
            Omvang: extent(p.extent),
            Budget: p.budget === undefined ? undefined : String(p.budget),
            Verwijzer: compact({
              Type: p.referrer.type,
              Naam: p.referrer.name,
              ZorgverlenerCode: p.referrer.code,
            }),
            Commentaar: p.comment,
          }),
        ),
      },
    },
  };
}

export interface CareLine {
  readonly allocationNumber: string;
  readonly product?: ProductRef;
  readonly allocationStart: string;
  readonly start: string;
  /** COD467: 1 first delivery, 3 delete an earlier one. */
  readonly status?: '1' | '3';
}

/** JW305: the provider reports that care started. */
export function careStart(input: {
  readonly envelope: Envelope;
  readonly client: Person;
  readonly lines: readonly CareLine[];
}): Content {
  const c = input.client;
  return {
    Header: header('JW305', input.envelope),
    Client: {
      ...identity(c, shortName(c)),
      StartProducten: {
        StartProduct: input.lines.map((l) =>
          compact({
            ToewijzingNummer: l.allocationNumber,
            Product: product(l.product),
            ToewijzingIngangsdatum: l.allocationStart,
            Begindatum: l.start,
            StatusAanlevering: l.status ?? '1',
          }),
        ),
      },
    },
  };
}

/** JW307: the provider reports that care stopped, with a JZ588 reason. */
export function careStop(input: {
  readonly envelope: Envelope;
  readonly client: Person;
  readonly lines: readonly (CareLine & { readonly reason: string; readonly end: string })[];
}): Content {
  const c = input.client;
  return {
    Header: header('JW307', input.envelope),
    Client: {
      ...identity(c, shortName(c)),
      StopProducten: {
        StopProduct: input.lines.map((l) =>
          compact({
            ToewijzingNummer: l.allocationNumber,
            Product: product(l.product),
            ToewijzingIngangsdatum: l.allocationStart,
            Begindatum: l.start,
            RedenBeeindiging: l.reason,
            Einddatum: l.end,
            StatusAanlevering: l.status ?? '1',
          }),
        ),
      },
    },
  };
}

/** JW317: the provider asks to change current allocations (WJ758 reason). */
export function changeRequest(input: {
  readonly envelope: Envelope;
  readonly bsn: string;
  readonly reference: string;
  readonly reason: string;
  readonly unchanged: readonly string[];
  readonly changed: readonly {
    readonly allocationNumber: string;
    readonly start: string;
    readonly end?: string;
    readonly extent?: Extent;
  }[];
  readonly added: readonly {
    readonly product?: ProductRef;
    readonly start: string;
    readonly end?: string;
    readonly extent?: Extent;
  }[];
}): Content {
  return {
    Header: header('JW317', input.envelope),
    Client: {
      Bsn: input.bsn,
      Verzoek: compact({
        ReferentieAanbieder: input.reference,
        RedenVerzoek: input.reason,
        OngewijzigdeProducten:
          input.unchanged.length > 0
            ? { OngewijzigdProduct: input.unchanged.map((n) => ({ ToewijzingNummer: n })) }
            : undefined,
        TeWijzigenProducten:
          input.changed.length > 0
            ? {
                TeWijzigenProduct: input.changed.map((c) =>
                  compact({
                    ToewijzingNummer: c.allocationNumber,
                    GewensteIngangsdatum: c.start,
                    Einddatum: c.end,
                    Omvang: extent(c.extent),
                  }),
                ),
              }
            : undefined,
        NieuweProducten:
          input.added.length > 0
            ? {
                NieuwProduct: input.added.map((a) =>
                  compact({
                    Product: product(a.product),
                    GewensteIngangsdatum: a.start,
                    Einddatum: a.end,
                    Omvang: extent(a.extent),
                  }),
                ),
              }
            : undefined,
      }),
    },
  };
}

/** JW319: the municipality answers a request (WJ760; refusal reason WJ759). */
export function requestAnswer(input: {
  readonly envelope: Envelope;
  readonly reference: string;
  readonly answer: string;
  readonly refusalReason?: string;
  /** With refusal reason 8: the municipality that is responsible instead. */
  readonly residenceMunicipality?: string;
}): Content {
  return {
    Header: header('JW319', input.envelope),
    Antwoord: compact({
      ReferentieAanbieder: input.reference,
      VerzoekAntwoord: input.answer,
      RedenAfwijzingVerzoek: input.refusalReason,
      Woonplaatsbeginsel: input.residenceMunicipality
        ? { Gemeente: input.residenceMunicipality }
        : undefined,
    }),
  };
}

export interface DeclaredLine {
  readonly reference: string;
  readonly previousReference?: string;
  readonly allocationNumber: string;
  readonly category: string;
  readonly code: string;
  readonly start: string;
  readonly end: string;
  readonly volume: number;
  readonly unit: string;
  readonly tariff?: number;
  /** Cents; negative for a credit line. */
  readonly amount: number;
}

const money = (cents: number, total = false): Content =>
  total
    ? { TotaalBedrag: String(Math.abs(cents)), DebetCredit: cents < 0 ? 'C' : 'D' }
    : { Bedrag: String(Math.abs(cents)), DebetCredit: cents < 0 ? 'C' : 'D' };

function declaredLine(l: DeclaredLine): Content {
  return compact({
    ProductReferentie: compact({
      ReferentieNummer: l.reference,
      VorigReferentieNummer: l.previousReference,
    }),
    ToewijzingNummer: l.allocationNumber,
    ProductCategorie: l.category,
    ProductCode: l.code,
    ProductPeriode: { Begindatum: l.start, Einddatum: l.end },
    GeleverdVolume: String(l.volume),
    Eenheid: l.unit,
    ProductTarief: l.tariff === undefined ? undefined : String(l.tariff),
    IngediendBedrag: money(l.amount),
  });
}

/** JW323: the provider declares the care of one month; the total is the sum of the lines. */
export function declaration(input: {
  readonly envelope: Envelope;
  readonly number: string;
  readonly period: { readonly start: string; readonly end: string };
  readonly clients: readonly { readonly bsn: string; readonly lines: readonly DeclaredLine[] }[];
}): Content {
  const total = input.clients.flatMap((c) => c.lines).reduce((s, l) => s + l.amount, 0);
  return {
    Header: header('JW323', input.envelope),
    Declaratie: {
      DeclaratieNummer: input.number,
      DeclaratiePeriode: { Begindatum: input.period.start, Einddatum: input.period.end },
      DeclaratieDagtekening: input.envelope.date,
      TotaalIngediendBedrag: money(total, true),
      Clienten: {
        Client: input.clients.map((c) => ({
          Bsn: c.bsn,
          Prestaties: { Prestatie: c.lines.map(declaredLine) },
        })),
      },
    },
  };
}

/**
 * JW325: the municipality's answer to a declaration. Only rejected lines are sent back, each
 * with its return codes; the granted total is what remains.
 */
export function declarationAnswer(input: {
  readonly envelope: Envelope;
  readonly declaration: { readonly id: string; readonly date: string; readonly number: string };
  readonly submittedTotal: number;
  /** Codes that reject the declaration as a whole (e.g. 0001): then only the header goes back. */
  readonly headerCodes?: readonly string[];
  readonly rejected: readonly {
    readonly bsn: string;
    readonly lines: readonly (DeclaredLine & { readonly codes: readonly string[] })[];
  }[];
}): Content {
  const rejectedTotal = input.rejected.flatMap((c) => c.lines).reduce((s, l) => s + l.amount, 0);
  const head = header('JW325', input.envelope);
  const headerCodes = input.headerCodes ?? ['0200'];
  const Header: Content = {
    ...head,
    DeclaratieIdentificatie: {
      Identificatie: input.declaration.id,
      Dagtekening: input.declaration.date,
    },
    XsdVersieDeclaratie: { ...VERSION },
    RetourCodes: { RetourCode: [...headerCodes] },
  };
  if (headerCodes.some((c) => c !== '0200')) return { Header };
  return {
    Header,
    DeclaratieAntwoord: compact({
      DeclaratieNummer: input.declaration.number,
      TotaalIngediendBedrag: money(input.submittedTotal, true),
      TotaalToegekendBedrag: money(input.submittedTotal - rejectedTotal, true),
      Clienten:
        input.rejected.length > 0
          ? {
              Client: input.rejected.map((c) => ({
                Bsn: c.bsn,
                Prestaties: {
                  Prestatie: c.lines.map((l) => ({
                    ...declaredLine(l),
                    RetourCodes: { RetourCode: [...l.codes] },
                  })),
                },
                RetourCodes: { RetourCode: ['0200'] },
              })),
            }
          : undefined,
      RetourCodes: { RetourCode: ['0200'] },
    }),
  };
}

/**
 * The return message for a received message (JW302, JW306, JW308, JW316, JW318, JW320); its
 * Afzender and Ontvanger are those of the message it answers, as the standard has it. A
 * message rejected as a whole (any header code but 0200, e.g. 0001 or 9056) is answered with the header
 * only; otherwise the content is mirrored with return codes per class — `codes` gives them
 * by the class's path (`Client`, `Client/ToegewezenProducten/ToegewezenProduct/0`), and
 * 0200 ("geen opmerking") is the default.
 */
export function returnMessage(input: {
  readonly received: { readonly type: MessageType; readonly content: Content };
  /** The return message's own identification; sender and receiver stay as in the message answered. */
  readonly envelope: Pick<Envelope, 'id' | 'date'>;
  readonly headerCodes?: readonly string[];
  readonly codes?: ReadonlyMap<string, readonly string[]>;
}): { type: MessageType; content: Content } {
  const type = MESSAGES[input.received.type].answeredBy;
  if (!type) throw new Error(`${input.received.type} wordt niet beantwoord met een retourbericht`);
  const requestHeader = input.received.content['Header'] as Content;
  const id = requestHeader['BerichtIdentificatie'] as Content;
  const headerCodes = input.headerCodes ?? ['0200'];
  const content: Content = {
    Header: {
      ...header(type, {
        ...input.envelope,
        // The standard keeps the sender and receiver of the message being answered.
        sender: String(requestHeader['Afzender']),
        receiver: String(requestHeader['Ontvanger']),
      }),
      IdentificatieRetour: String(id['Identificatie']),
      DagtekeningRetour: String(id['Dagtekening']),
      XsdVersieRetour: { ...(requestHeader['XsdVersie'] as Content) },
      RetourCodes: { RetourCode: [...headerCodes] },
    },
  };
  // Any code but 0200 on the header rejects the message as a whole: no classes to mirror.
  if (headerCodes.some((c) => c !== '0200')) return { type, content };
  const mirror = (value: Content, path: string): Content => {
    const allowed = elementsAt(type, path) ?? [];
    const out: Content = {};
    for (const key of allowed) {
      if (key === 'RetourCodes') {
        out[key] = { RetourCode: [...(input.codes?.get(path) ?? ['0200'])] };
        continue;
      }
      const v = value[key];
      if (v === undefined) continue;
      const childPath = path ? `${path}/${key}` : key;
      if (typeof v === 'string') out[key] = v;
      else if (Array.isArray(v))
        out[key] = (v as (string | Content)[]).map((item, i) =>
          typeof item === 'string' ? item : mirror(item, `${childPath}/${i}`),
        ) as Content[] | string[];
      else out[key] = mirror(v, childPath);
    }
    return out;
  };
  for (const [key, value] of Object.entries(input.received.content))
    if (key !== 'Header' && typeof value === 'object' && !Array.isArray(value))
      content[key] = mirror(value, key);
  return { type, content };
}
