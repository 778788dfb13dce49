/**
 * A parsed message as a small, plain tree that the content rules read: each element with its
 * local name, text, source line and XPath (with the document's prefixes and positions, as the
 * standard's validation report writes them). Built once from libxml2's document.
 */
import type { XmlDocument, XmlElement } from 'libxml2-wasm';
import { XmlElement as Element } from 'libxml2-wasm';

export interface Node {
  /** Local name, e.g. `ToegewezenProduct`. */
  readonly name: string;
  /** Trimmed text of a leaf element ('' for elements with children). */
  readonly text: string;
  readonly line: number;
  /** e.g. `/jw301:Bericht/jw301:Client/jw301:ToegewezenProduct[2]/jw301:Einddatum`. */
  readonly xpath: string;
  readonly children: readonly Node[];
}

function build(element: XmlElement, xpath: string): Node {
  const raw: XmlElement[] = [];
  for (let c = element.firstChild; c !== null; c = c.next) if (c instanceof Element) raw.push(c);
  const counts = new Map<string, number>();
  for (const c of raw) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  const children = raw.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    const step = `${c.prefix ? `${c.prefix}:` : ''}${c.name}${(counts.get(c.name) ?? 0) > 1 ? `[${n}]` : ''}`;
    return build(c, `${xpath}/${step}`);
  });
  return {
    name: element.name,
    text: children.length === 0 ? element.content.trim() : '',
    line: element.line,
    xpath,
    children,
  };
}

export function toTree(doc: XmlDocument): Node {
  const root = doc.root;
  return build(root, `/${root.prefix ? `${root.prefix}:` : ''}${root.name}`);
}

/** The first child with this local name. */
export function child(node: Node | undefined, name: string): Node | undefined {
  return node?.children.find((c) => c.name === name);
}

/** All children with this local name. */
export function childrenNamed(node: Node | undefined, name: string): Node[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** The node at a path of local names below `node`, e.g. `at(client, 'Naam', 'NaamGebruik')`. */
export function at(node: Node | undefined, ...path: string[]): Node | undefined {
  let current = node;
  for (const name of path) current = child(current, name);
  return current;
}

/** Text at a path ('' when absent). */
export function textAt(node: Node | undefined, ...path: string[]): string {
  return at(node, ...path)?.text ?? '';
}

/** Every node below `node` (depth first) with this local name. */
export function descendants(node: Node, name: string): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}
