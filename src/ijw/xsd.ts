/**
 * XSD validation of iJw 3.2 messages with libxml2 (compiled to WebAssembly, in process). The
 * schemas ship in `src/ijw/xsd` (the standard's files, unchanged); each is compiled once and
 * kept. Problems come back with libxml2's XPath and line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import type { MessageType } from './messages.js';

/** The schema folder (works from `src` and from `dist`). */
const XSD_DIR = fileURLToPath(new URL('../../src/ijw/xsd/', import.meta.url));

let providersRegistered = false;
const validators = new Map<MessageType, XsdValidator>();

function validator(type: MessageType): XsdValidator {
  const known = validators.get(type);
  if (known) return known;
  if (!providersRegistered) {
    // The message schemas import basisschema.xsd by a relative path.
    xmlRegisterFsInputProviders();
    providersRegistered = true;
  }
  const file = `${XSD_DIR}${type}.xsd`;
  const schema = XmlDocument.fromBuffer(readFileSync(file), { url: file });
  const compiled = XsdValidator.fromDoc(schema);
  schema.dispose();
  validators.set(type, compiled);
  return compiled;
}

export interface XsdProblem {
  readonly xpath: string;
  readonly line: number;
  readonly detail: string;
}

/** Validates a parsed message against its type's schema; empty when it conforms. */
export function xsdProblems(doc: XmlDocument, type: MessageType): XsdProblem[] {
  try {
    validator(type).validate(doc);
    return [];
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    return error.details.map((d) => ({
      xpath: d.xpath ?? '',
      line: d.line,
      detail: d.message.trim(),
    }));
  }
}
