/**
 * Reading and writing iJw 3.2 messages, driven by the standard's XSDs: the schemas say for
 * every complex type which child elements come in which order, in which namespace, and which
 * may repeat. A message's content is then plain data — an object per element with children,
 * a string per leaf, an array for an element that may occur more than once — and the same
 * description writes it back in schema order with the standard's prefixes (`jw301:`, `ijw:`).
 *
 * The XSDs use only sequences of elements (no choices, attributes or mixed content), which
 * is what makes this small.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlElement } from 'libxml2-wasm';
import { BASE_NAMESPACE, MESSAGES, typeOfNamespace, type MessageType } from './messages.js';

/** A message's content: leaves are strings; repeatable elements are arrays. */
export type Content = { [element: string]: string | Content | Content[] | string[] };

interface ChildDef {
  readonly name: string;
  /** `msg` (the message's own namespace) or `ijw` (basisschema). */
  readonly ns: 'msg' | 'ijw';
  /** Name of the complex type, or null for a leaf. */
  readonly complex: { readonly ns: 'msg' | 'ijw'; readonly name: string } | null;
  readonly min: number;
  readonly repeats: boolean;
}

interface Schema {
  readonly type: MessageType;
  /** Complex types by `msg:Name` / `ijw:Name`. */
  readonly types: ReadonlyMap<string, readonly ChildDef[]>;
}

const XSD_DIR = fileURLToPath(new URL('../../src/ijw/xsd/', import.meta.url));
const XS = 'http://www.w3.org/2001/XMLSchema';

function elementChildren(node: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c = node.firstChild; c !== null; c = c.next) if (c instanceof XmlElement) out.push(c);
  return out;
}

/** The complex types of one schema document, with their ordered children. */
function readTypes(file: string, own: 'msg' | 'ijw', into: Map<string, ChildDef[]>): void {
  const doc = XmlDocument.fromBuffer(readFileSync(file));
  try {
    // Prefix → which of our two namespaces it stands for.
    const prefixes = new Map<string, 'msg' | 'ijw'>();
    for (const [prefix, uri] of Object.entries(doc.root.nsDeclarations))
      prefixes.set(prefix, uri === BASE_NAMESPACE ? 'ijw' : 'msg');
    const resolve = (qname: string) => {
      const [prefix, local] = qname.includes(':') ? qname.split(':') : ['', qname];
      return { ns: prefixes.get(prefix ?? '') ?? own, name: local ?? '' };
    };
    for (const type of elementChildren(doc.root)) {
      if (type.namespaceUri !== XS || type.name !== 'complexType') continue;
      const sequence = elementChildren(type).find((c) => c.name === 'sequence');
      const children = (sequence ? elementChildren(sequence) : [])
        .filter((e) => e.name === 'element')
        .map((e): ChildDef => {
          const typeName = e.attr('type')?.value;
          const resolved = typeName ? resolve(typeName) : null;
          const max = e.attr('maxOccurs')?.value ?? '1';
          return {
            name: e.attr('name')?.value ?? '',
            ns: own,
            // Simple types (LDT_*, inline restrictions) are leaves.
            complex:
              resolved && !resolved.name.startsWith('LDT_') && resolved.name !== 'string'
                ? resolved
                : null,
            min: Number(e.attr('minOccurs')?.value ?? '1'),
            repeats: max === 'unbounded' || Number(max) > 1,
          };
        });
      into.set(`${own}:${type.attr('name')?.value ?? ''}`, children);
    }
  } finally {
    doc.dispose();
  }
}

const schemas = new Map<MessageType, Schema>();
let baseTypes: Map<string, ChildDef[]> | null = null;

function schemaOf(type: MessageType): Schema {
  const known = schemas.get(type);
  if (known) return known;
  if (!baseTypes) {
    baseTypes = new Map();
    readTypes(`${XSD_DIR}basisschema.xsd`, 'ijw', baseTypes);
  }
  const types = new Map(baseTypes);
  readTypes(`${XSD_DIR}${type}.xsd`, 'msg', types);
  // Simple types defined in the schema (e.g. `jw301:Foo` restricting a string) are not in
  // `types`; children referring to them must be leaves.
  for (const [key, children] of types)
    types.set(
      key,
      children.map((c) =>
        c.complex && !types.has(`${c.complex.ns}:${c.complex.name}`) ? { ...c, complex: null } : c,
      ),
    );
  const schema = { type, types };
  schemas.set(type, schema);
  return schema;
}

export class CodecError extends Error {}

/** Reads a message into its content; the root is `Bericht` of type `Root`. */
export function readMessage(xml: Uint8Array | string): { type: MessageType; content: Content } {
  const doc = typeof xml === 'string' ? XmlDocument.fromString(xml) : XmlDocument.fromBuffer(xml);
  try {
    const type = typeOfNamespace(doc.root.namespaceUri);
    if (!type) throw new CodecError('geen iJw 3.2-bericht');
    const schema = schemaOf(type);
    const read = (element: XmlElement, typeKey: string): Content => {
      const defs = schema.types.get(typeKey) ?? [];
      const out: Content = {};
      for (const c of elementChildren(element)) {
        const def = defs.find((d) => d.name === c.name);
        if (!def) throw new CodecError(`${c.name} hoort niet in ${typeKey.split(':')[1] ?? ''}`);
        const value = def.complex ? read(c, `${def.complex.ns}:${def.complex.name}`) : c.content;
        if (def.repeats) {
          const list = (out[def.name] ?? []) as (string | Content)[];
          list.push(value);
          out[def.name] = list as Content[] | string[];
        } else out[def.name] = value;
      }
      return out;
    };
    return { type, content: read(doc.root, 'msg:Root') };
  } finally {
    doc.dispose();
  }
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes a message of `type` from its content, children in schema order. Unknown elements
 * are refused (a typo must not silently vanish); missing required ones are left to the XSD.
 */
export function writeMessage(type: MessageType, content: Content): string {
  const schema = schemaOf(type);
  const prefix = type.toLowerCase();
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<${prefix}:Bericht xmlns:${prefix}="${MESSAGES[type].namespace}" xmlns:ijw="${BASE_NAMESPACE}">`,
  ];
  const write = (value: Content, typeKey: string, path: string) => {
    const defs = schema.types.get(typeKey) ?? [];
    for (const key of Object.keys(value))
      if (!defs.some((d) => d.name === key))
        throw new CodecError(`${path}/${key}: dit element bestaat niet in ${type}`);
    for (const def of defs) {
      const raw = value[def.name];
      if (raw === undefined) continue;
      const items = Array.isArray(raw) ? raw : [raw];
      const tag = `${def.ns === 'ijw' ? 'ijw' : prefix}:${def.name}`;
      for (const item of items) {
        if (def.complex) {
          if (typeof item === 'string')
            throw new CodecError(`${path}/${def.name}: verwacht onderdelen, geen tekst`);
          parts.push(`<${tag}>`);
          write(item, `${def.complex.ns}:${def.complex.name}`, `${path}/${def.name}`);
          parts.push(`</${tag}>`);
        } else {
          if (typeof item !== 'string') throw new CodecError(`${path}/${def.name}: verwacht tekst`);
          parts.push(`<${tag}>${escape(item)}</${tag}>`);
        }
      }
    }
  };
  write(content, 'msg:Root', '/Bericht');
  parts.push(`</${prefix}:Bericht>\n`);
  return parts.join('');
}

/**
 * The child element names, in schema order, of the class at `path` in a message type
 * (`Client/ToegewezenProducten/ToegewezenProduct/0`; numeric parts are positions and are
 * skipped), or null when there is no such class.
 */
export function elementsAt(type: MessageType, path: string): string[] | null {
  const schema = schemaOf(type);
  let key = 'msg:Root';
  for (const part of path.split('/').filter((p) => p !== '' && !/^\d+$/.test(p))) {
    const def = (schema.types.get(key) ?? []).find((d) => d.name === part);
    if (!def?.complex) return null;
    key = `${def.complex.ns}:${def.complex.name}`;
  }
  return (schema.types.get(key) ?? []).map((d) => d.name);
}
