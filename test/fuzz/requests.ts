/**
 * Generators for the fuzz test (fast-check): random and malformed path parameters, query
 * strings, bodies and CSRF headers for one registered route. Each generated request is plain
 * data, so a failure can be printed and replayed as a regular test case.
 */
import fc from 'fast-check';
import { z, type ZodType } from 'zod';
import { fillPath, type RegisteredRoute } from '../support/routes.js';

export type Csrf = 'valid' | 'missing' | 'wrong';

export interface FuzzRequest {
  readonly actor: string;
  readonly method: RegisteredRoute['method'];
  /** The registered route, e.g. `/api/v1/casussen/:id`. */
  readonly route: string;
  readonly url: string;
  readonly query: Record<string, string | string[]>;
  readonly contentType: string | null;
  /** The raw body text, or null for none. */
  readonly payload: string | null;
  readonly csrf: Csrf;
}

const HUGE = 'x'.repeat(70_000);

/** Text that tends to break parsers, queries and templates. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '../../../../etc/passwd',
    '..',
    '%2e%2e%2f%2e%2e%2f',
    "' OR '1'='1",
    '1; DROP TABLE casus; --',
    '"; select pg_sleep(1); --',
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    '<script>alert(1)</script>',
    ']]>',
    '${7*7}{{7*7}}',
    '\u0000',
    '\uD800',
    '\u202Eevil',
    'Zoë Çelik-ʼt Hart 🧒🏽',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0',
    '1e309',
    '99999999999999999999999999',
    '2026-02-30',
    '2026-13-45T25:61:00Z',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'LEK-TERM-INTAKE-AMBULANT',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constant(HUGE),
);

/** Lone surrogates replaced, so the text can be percent-encoded. */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** A path segment: a real fixture id, a random UUID, or something nasty (URL-encoded). */
export function pathValue(realIds: readonly string[]): fc.Arbitrary<string> {
  const real = realIds.length > 0 ? [fc.constantFrom(...realIds)] : [];
  return fc.oneof(
    { weight: 5, arbitrary: fc.oneof(...real, fc.uuid()) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 2,
      arbitrary: nastyText.map((s) => encodeURIComponent(wellFormed(s.slice(0, 5000)))),
    },
    // Raw, unencoded: traversal and broken percent escapes.
    { weight: 1, arbitrary: fc.constantFrom('..', '%', '%ZZ', '%c0%af', '%00', '.%2e') },
  );
}

/** Any JSON value, including the awkward ones. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    0.1,
    '',
    HUGE,
    [],
    {},
    [null],
    { __proto__: { admin: true } },
    { constructor: { prototype: { admin: true } } },
  ),
  nastyText,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bodem';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** The top-level field names of a route's body or query schema, where it is a zod object. */
export function fieldsOf(schema: ZodType | undefined): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  return [];
}

/** The subset of JSON Schema that `z.toJSONSchema` produces for our input schemas. */
interface JsonSchema {
  readonly type?: string | string[];
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: string[];
  readonly items?: JsonSchema;
  readonly enum?: unknown[];
  readonly const?: unknown;
  readonly anyOf?: JsonSchema[];
  readonly oneOf?: JsonSchema[];
  readonly allOf?: JsonSchema[];
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

const dateIn2026 = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(ms).toISOString());

/** Values of the schema's shape (mostly valid), ids from `ids`, so requests get past zod. */
function shaped(
  schema: JsonSchema,
  ids: readonly string[],
  key = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const id = fc.oneof(...(ids.length > 0 ? [fc.constantFrom(...ids)] : []), fc.uuid());
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options && options.length > 0)
    return fc.oneof(...options.map((o) => shaped(o, ids, key, depth + 1)));
  if (schema.allOf?.[0]) return shaped(schema.allOf[0], ids, key, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1)
    return fc.oneof(...types.map((type) => shaped({ ...schema, type }, ids, key, depth + 1)));
  switch (types[0]) {
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([k, v]) => [k, shaped(v, ids, k, depth + 1)]),
      );
      return fc.record(model, { requiredKeys: schema.required ?? [] });
    }
    case 'array':
      return fc.array(shaped(schema.items ?? {}, ids, key, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, 3),
        maxLength: Math.max(Math.min(schema.maxItems ?? 3, 3), Math.min(schema.minItems ?? 0, 3)),
      });
    case 'integer':
    case 'number':
      return fc.integer({
        // Whole numbers within bounds that may be fractions (an FTE is at most 1.5).
        min: Math.ceil(Math.max(schema.minimum ?? -5, -1_000_000)),
        max: Math.floor(Math.min(schema.maximum ?? 100, 1_000_000)),
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string': {
      if (schema.format === 'date') return dateIn2026.map((d) => d.slice(0, 10));
      if (schema.format === 'date-time') return dateIn2026;
      if (schema.format === 'uuid' || /id$/i.test(key)) return id;
      if (schema.format === 'email') return fc.emailAddress();
      const min = schema.minLength ?? 1;
      return fc.string({
        minLength: min,
        maxLength: Math.max(min, Math.min(schema.maxLength ?? 40, 40)),
      });
    }
    default:
      return anyJson;
  }
}

/** One field of an object replaced by a wrong value or left out. */
function mutateOne(value: unknown): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fc.constant(value);
  const keys = Object.keys(value);
  if (keys.length === 0) return fc.constant(value);
  return fc.tuple(fc.constantFrom(...keys), anyJson, fc.boolean()).map(([key, wrong, drop]) => {
    const entries = Object.entries(value as Record<string, unknown>);
    return Object.fromEntries(
      drop
        ? entries.filter(([k]) => k !== key)
        : entries.map(([k, v]) => [k, k === key ? wrong : v]),
    );
  });
}

const jsonSchemas = new WeakMap<ZodType, JsonSchema | null>();
function jsonSchemaOf(schema: ZodType): JsonSchema | null {
  if (!jsonSchemas.has(schema)) {
    let converted: JsonSchema | null = null;
    try {
      converted = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
    } catch {
      converted = null;
    }
    jsonSchemas.set(schema, converted);
  }
  return jsonSchemas.get(schema) ?? null;
}

type Body = { readonly contentType: string | null; readonly payload: string | null };
const json = (value: unknown): Body => ({
  contentType: 'application/json',
  payload: JSON.stringify(value),
});

/**
 * A body: shaped like the route's schema with one field wrong or missing (or all right), wrong
 * types everywhere, or not even JSON.
 */
export function bodyFor(route: RegisteredRoute, ids: readonly string[] = []): fc.Arbitrary<Body> {
  const fields = fieldsOf(route.schema.body);
  const keys = fields.length > 0 ? fields : ['naam', 'id', 'datum', 'tekst'];
  const wrongTypes = fc
    .tuple(...keys.map(() => anyJson))
    .map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]])));
  const missing = fc
    .subarray(keys, { maxLength: Math.max(0, keys.length - 1) })
    .chain((some) =>
      fc
        .tuple(...some.map(() => anyJson))
        .map((values) => Object.fromEntries(some.map((k, i) => [k, values[i]]))),
    );
  const extra = fc
    .tuple(wrongTypes, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), anyJson))
    .map(([known, more]) => ({ ...more, ...known, onbekendVeld: 'extra' }));
  const schema = route.schema.body ? jsonSchemaOf(route.schema.body) : null;
  const nearlyValid = schema
    ? shaped(schema, ids).chain((v) => fc.oneof(fc.constant(v), mutateOne(v)))
    : wrongTypes;
  return fc.oneof(
    { weight: 12, arbitrary: nearlyValid.map(json) },
    { weight: 4, arbitrary: wrongTypes.map(json) },
    { weight: 2, arbitrary: missing.map(json) },
    { weight: 2, arbitrary: extra.map(json) },
    { weight: 1, arbitrary: anyJson.map(json) },
    { weight: 1, arbitrary: fc.constant(json(null)) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 3000 }).map((d) => json(deeplyNested(d))) },
    { weight: 1, arbitrary: fc.array(wrongTypes, { maxLength: 3 }).map(json) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { contentType: 'application/json', payload: '{"naam": ' },
        { contentType: 'application/json', payload: '{naam: 1}' },
        { contentType: 'application/json', payload: '' },
        { contentType: 'application/json', payload: '\uFEFF{}' },
        { contentType: 'application/json', payload: '{"a":1}{"b":2}' },
        { contentType: 'application/json; charset=latin1', payload: '{}' },
        { contentType: 'application/json', payload: `{"tekst":"${'y'.repeat(1_100_000)}"}` },
        { contentType: 'text/plain', payload: 'gewoon tekst' },
        { contentType: 'application/x-www-form-urlencoded', payload: 'naam=a&naam=b' },
        { contentType: 'multipart/form-data; boundary=x', payload: '--x\r\n\r\n--x--' },
        { contentType: 'application/xml', payload: '<bericht><naam>a</naam></bericht>' },
        { contentType: 'text/xml', payload: '<?xml version="1.0"?><x' },
        { contentType: 'text/csv', payload: 'a;b;c\n1;2' },
        { contentType: 'text/csv', payload: '"\n' },
        { contentType: 'application/octet-stream', payload: '\u0000\u0001\u0002' },
        { contentType: null, payload: '{"naam":"zonder type"}' },
        { contentType: 'application/json', payload: null },
      ),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ contentType: null, payload: null }) },
  );
}

/** A query string with unknown keys, wrong types, huge numbers and repeated keys. */
export function queryFor(route: RegisteredRoute): fc.Arbitrary<Record<string, string | string[]>> {
  const known = fieldsOf(route.schema.querystring);
  const key = fc.oneof(
    ...(known.length > 0 ? [fc.constantFrom(...known)] : []),
    fc.constantFrom('pagina', 'limit', 'van', 'tot', 'sortering', '__proto__', 'constructor'),
    fc.string({ minLength: 1, maxLength: 10 }),
  );
  const value = fc.oneof(
    nastyText.map((s) => s.slice(0, 2000)),
    fc.constantFrom('-1', '0', '1e400', '9'.repeat(400), 'true', '[]', '{}'),
    fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 4 }),
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 3, arbitrary: fc.dictionary(key, value, { maxKeys: 4 }) },
  );
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One random request to `route`, by one of `actors`, path parameters from `ids`. */
export function requestFor(
  route: RegisteredRoute,
  actors: readonly string[],
  ids: (param: string, url: string) => readonly string[],
): fc.Arbitrary<FuzzRequest> {
  const params = [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
  const values = fc.tuple(...params.map((p) => pathValue(ids(p, route.url))));
  const write = WRITE.has(route.method);
  const body = write
    ? bodyFor(route, ids('body', route.url))
    : fc.constant<Body>({ contentType: null, payload: null });
  const csrf: fc.Arbitrary<Csrf> = write
    ? fc.constantFrom<Csrf>(
        'valid',
        'valid',
        'valid',
        'valid',
        'valid',
        'valid',
        'missing',
        'wrong',
      )
    : fc.constant<Csrf>('valid');
  return fc
    .record({
      actor: fc.constantFrom(...actors),
      values,
      query: queryFor(route),
      body,
      csrf,
    })
    .map(({ actor, values: vs, query, body: b, csrf: c }) => ({
      actor,
      method: route.method,
      route: route.url,
      url: fillPath(route.url, (name) => vs[params.indexOf(name)] ?? ''),
      query,
      contentType: b.contentType,
      payload: b.payload,
      csrf: c,
    }));
}

/** A short description of a request for failure messages (long values cut). */
export function describeRequest(request: FuzzRequest): string {
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…(${s.length})` : s);
  return JSON.stringify({
    ...request,
    url: cut(request.url),
    query: cut(JSON.stringify(request.query)),
    payload: request.payload === null ? null : cut(request.payload),
  });
}
