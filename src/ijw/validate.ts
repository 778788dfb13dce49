/**
 * Validating one iJw 3.2 message the way the standard's validation report does: well-formed
 * XML, the XSD of its type, then the content rules (TR, CD, CS) that apply to it. Every
 * problem has a code, a location (XPath and line) and an explanation in Dutch; the technical
 * detail of an XSD failure is kept beside it. A message with any problem is rejected as a
 * whole with return code 0001 (WJ001), as the standard prescribes for these checks.
 */
import { XmlDocument, XmlParseError } from 'libxml2-wasm';
import { parseIsoDate } from '../domain/time/index.js';
import { MESSAGES, typeOfNamespace, type MessageType } from './messages.js';
import { rulesFor, type RuleKind } from './rules.js';
import { at, toTree } from './tree.js';
import { xsdProblems } from './xsd.js';

export interface Issue {
  /** `XML`, `XSD`, `BERICHT` or the rule code (`TR101`, `CS002`, …). */
  readonly code: string;
  readonly kind: 'xml' | 'xsd' | 'bericht' | RuleKind;
  readonly xpath: string;
  readonly line: number;
  readonly message: string;
  /** libxml2's own words for XSD and XML problems. */
  readonly detail?: string;
  /** WJ001 return code for the answer to this message. */
  readonly retourcode: string;
}

/** The envelope of a message, as far as it could be read. */
export interface HeaderFields {
  readonly sender: string;
  readonly receiver: string;
  readonly id: string;
  readonly date: string;
}

export interface Report {
  readonly type: MessageType | null;
  readonly valid: boolean;
  readonly issues: readonly Issue[];
  /** Present when the message's type and header could be read, valid or not. */
  readonly header?: HeaderFields;
}

const REJECTED = '0001';

/** libxml2's XSD messages in Dutch, for the common cases; the original stays in `detail`. */
function explainXsd(detail: string): string {
  const local = (name: string) => name.replace(/\{[^}]*\}/g, '');
  let m =
    /Element '([^']+)': '([^']*)' is not a valid value of the (?:atomic|list|union) type '([^']+)'/.exec(
      detail,
    );
  if (m) return `${local(m[1] ?? '')}: '${m[2]}' is geen geldige waarde voor ${local(m[3] ?? '')}`;
  m = /Element '([^']+)': \[facet 'enumeration'\] The value '([^']*)'/.exec(detail);
  if (m) return `${local(m[1] ?? '')}: '${m[2]}' staat niet in de codelijst`;
  m = /Element '([^']+)': \[facet '(\w+)'\] The value '([^']*)'/.exec(detail);
  if (m) return `${local(m[1] ?? '')}: '${m[3]}' voldoet niet aan de beperking ${m[2]}`;
  m =
    /Element '([^']+)': This element is not expected\. Expected is (?:one of )?\( ?([^)]*)\)/.exec(
      detail,
    );
  if (m)
    return `${local(m[1] ?? '')} staat hier niet op zijn plaats; verwacht: ${local(m[2] ?? '').trim()}`;
  m = /Element '([^']+)': This element is not expected/.exec(detail);
  if (m) return `${local(m[1] ?? '')} hoort hier niet`;
  m = /Element '([^']+)': Missing child element\(s\)\. Expected is (?:one of )?\( ?([^)]*)\)/.exec(
    detail,
  );
  if (m) return `${local(m[1] ?? '')}: verplicht element ontbreekt: ${local(m[2] ?? '').trim()}`;
  return `voldoet niet aan het XSD: ${local(detail)}`;
}

/**
 * Validates a message. `expected` is the type the caller expects (a file named JW315, an
 * outbox of JW301s); a different type is a problem of its own.
 */
export function validateMessage(xml: Uint8Array | string, expected?: MessageType): Report {
  let doc: XmlDocument;
  try {
    doc = typeof xml === 'string' ? XmlDocument.fromString(xml) : XmlDocument.fromBuffer(xml);
  } catch (error) {
    const detail = error instanceof XmlParseError ? error.message : String(error);
    const line = error instanceof XmlParseError ? (error.details[0]?.line ?? 0) : 0;
    return {
      type: null,
      valid: false,
      issues: [
        {
          code: 'XML',
          kind: 'xml',
          xpath: '/',
          line,
          message: 'geen geldige XML',
          detail: detail.trim(),
          retourcode: REJECTED,
        },
      ],
    };
  }
  try {
    const type = typeOfNamespace(doc.root.namespaceUri);
    if (type === null || (expected !== undefined && type !== expected)) {
      return {
        type,
        valid: false,
        issues: [
          {
            code: 'BERICHT',
            kind: 'bericht',
            xpath: `/${doc.root.name}`,
            line: doc.root.line,
            message:
              type === null
                ? `geen iJw 3.2-bericht (namespace ${doc.root.namespaceUri || 'ontbreekt'})`
                : `dit is een ${type}, verwacht ${expected ?? ''}`,
            retourcode: REJECTED,
          },
        ],
      };
    }
    const issues: Issue[] = xsdProblems(doc, type).map((p) => ({
      code: 'XSD',
      kind: 'xsd',
      xpath: p.xpath,
      line: p.line,
      message: explainXsd(p.detail),
      detail: p.detail,
      retourcode: REJECTED,
    }));
    const tree = toTree(doc);
    const header: HeaderFields = {
      sender: at(tree, 'Header', 'Afzender')?.text ?? '',
      receiver: at(tree, 'Header', 'Ontvanger')?.text ?? '',
      id: at(tree, 'Header', 'BerichtIdentificatie', 'Identificatie')?.text ?? '',
      date: at(tree, 'Header', 'BerichtIdentificatie', 'Dagtekening')?.text ?? '',
    };
    const context = {
      type,
      dagtekening: parseIsoDate(
        at(tree, 'Header', 'BerichtIdentificatie', 'Dagtekening')?.text ?? '',
      ),
    };
    const code = at(tree, 'Header', 'BerichtCode');
    if (code && code.text !== MESSAGES[type].code)
      issues.push({
        code: 'BERICHT',
        kind: 'bericht',
        xpath: code.xpath,
        line: code.line,
        message: `berichtcode ${code.text} hoort niet bij ${type} (${MESSAGES[type].code})`,
        retourcode: REJECTED,
      });
    for (const rule of rulesFor(type))
      for (const finding of rule.check(tree, context))
        issues.push({
          code: rule.code,
          kind: rule.kind,
          xpath: finding.node.xpath,
          line: finding.node.line,
          message: `${rule.title}: ${finding.message}`,
          retourcode: REJECTED,
        });
    return { type, valid: issues.length === 0, issues, header };
  } finally {
    doc.dispose();
  }
}
