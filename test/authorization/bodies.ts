/**
 * Schema-valid request bodies for the authorisation matrix (issue 8). Most write routes validate
 * their body before the handler checks access, so an empty body (`{}`) is refused with 400 before
 * a refusal can show. The matrix sends the actors that must be refused a body that passes the
 * route's own zod schema instead: generated here from the schema's JSON Schema (`z.toJSONSchema`)
 * by a small deterministic generator, checked with the zod schema itself (`safeParse`, which also
 * runs the refinements JSON Schema cannot express), and written by hand in HAND_WRITTEN where the
 * generator's attempts are all refused.
 *
 * The generator covers what the routes use: objects (required properties, then all properties),
 * strings (length bounds; `format` uuid, date, date-time, email, uri; `pattern` by trying a few
 * known shapes; fixture ids by property name), enum and const (first value), numbers and integers
 * within bounds, booleans, arrays (minItems), anyOf/oneOf and type lists (branch by attempt).
 */
import { z, type ZodType } from 'zod';

type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly $ref?: string;
};

/** What a generated body may refer to: the world's clock and its fixture ids. */
export interface BodyContext {
  /** "Today" in the world, as YYYY-MM-DD. */
  readonly today: string;
  /** "Now" in the world as a local time with its offset, e.g. 2026-06-15T10:00:00+02:00. */
  readonly timestamp: string;
  readonly now: Date;
  /** Fixture ids by property name (`medewerkerId`, `persoonId`, `organisatieId`, `teamId`, …). */
  readonly idOf: (property: string) => string | undefined;
}

/** One way through the choices the generator makes; tried in order until the zod schema agrees. */
interface Attempt {
  /** Also fill the optional properties. */
  readonly optional: boolean;
  /** Which branch of an anyOf/oneOf or a type list to take (clamped to the last one). */
  readonly branch: number;
  /** Take at least one item of an array. */
  readonly nonEmpty: boolean;
  /** A property named like a moment (`op`, `gehoudenOp`, `vanaf`) gets a timestamp, not a date. */
  readonly stamps: boolean;
}

const ATTEMPTS: readonly Attempt[] = [false, true].flatMap((stamps) => [
  { optional: false, branch: 0, nonEmpty: false, stamps },
  { optional: true, branch: 0, nonEmpty: false, stamps },
  { optional: false, branch: 0, nonEmpty: true, stamps },
  { optional: true, branch: 0, nonEmpty: true, stamps },
  { optional: false, branch: 1, nonEmpty: false, stamps },
  { optional: true, branch: 1, nonEmpty: true, stamps },
  { optional: true, branch: 2, nonEmpty: true, stamps },
]);

/** Values for string properties whose shape only a refinement knows, by property name. */
const BY_NAME: readonly [RegExp, string][] = [
  [/^postcode$/, '3431 AB'],
  [/^telefoon/, '+31 30 123 4567'],
  [/^huisnummer$/, '12'],
  [/^(agbCode|aanbieder)$/, '12345678'],
  [/^regio$/, 'RIJ'],
];

/** Fixed, so the bodies are the same on every run. */
const SOME_UUID = '3f2c9a4e-8b1d-4c6e-9a7f-1e2d3c4b5a69';
const DATE_NAME = /datum|Op$|^op$|^vanaf$|^tot$|Tot$|^wanneer$|^moment$|Dag$|Gepland$|^geplandOp$/;

function stringCandidates(name: string, ctx: BodyContext, attempt: Attempt): string[] {
  const id = /(^id|Id)$/.test(name) ? (ctx.idOf(name) ?? SOME_UUID) : undefined;
  const date = DATE_NAME.test(name) ? (attempt.stamps ? ctx.timestamp : ctx.today) : undefined;
  const named = BY_NAME.find(([pattern]) => pattern.test(name))?.[1];
  return [
    ...(id ? [id] : []),
    ...(date ? [date] : []),
    ...(named ? [named] : []),
    `Matrix ${name}`,
    ctx.today,
    SOME_UUID,
    '12345678',
    '1',
    '1234 AB',
    '+31 20 123 4567',
    'matrix@gemeente1.test',
    'gemeente1.test',
    'https://idp.gemeente1.test/oidc',
    ctx.now.toISOString(),
    'RIJ',
  ];
}

function fit(value: string, schema: JsonSchema): string {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  let out = value;
  while (out.length < min) out += ' matrix';
  return out.slice(0, Math.max(min, Math.min(max, out.length)));
}

function generateString(
  name: string,
  schema: JsonSchema,
  ctx: BodyContext,
  attempt: Attempt,
): string {
  switch (schema.format) {
    case 'uuid':
      return ctx.idOf(name) ?? SOME_UUID;
    case 'date':
      return ctx.today;
    case 'date-time':
      return ctx.now.toISOString();
    case 'email':
      return 'matrix@gemeente1.test';
    case 'uri':
    case 'url':
      return 'https://idp.gemeente1.test/oidc';
  }
  const candidates = stringCandidates(name, ctx, attempt).map((c) => fit(c, schema));
  const pattern = schema.pattern ? new RegExp(schema.pattern) : null;
  const fits = (c: string) =>
    (!pattern || pattern.test(c)) &&
    c.length >= (schema.minLength ?? 0) &&
    c.length <= (schema.maxLength ?? Infinity);
  const found = candidates.find(fits);
  if (found === undefined) throw new Error(`no string for ${name} /${schema.pattern ?? ''}/`);
  return found;
}

function generateNumber(schema: JsonSchema, integer: boolean): number {
  const low =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : 1);
  const high =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined
      ? schema.exclusiveMaximum - (integer ? 1 : 0.5)
      : Infinity);
  // The lowest allowed value, or 1 when that is allowed (0 often means "none").
  const value = low <= 1 && high >= 1 ? 1 : low;
  return integer ? Math.ceil(value) : value;
}

function generate(name: string, schema: JsonSchema, ctx: BodyContext, attempt: Attempt): unknown {
  if (schema.$ref) throw new Error(`$ref not supported (${name})`);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const branch = branches[Math.min(attempt.branch, branches.length - 1)] as JsonSchema;
    return generate(
      name,
      { ...schema, anyOf: undefined, oneOf: undefined, ...branch },
      ctx,
      attempt,
    );
  }
  if (schema.allOf)
    return generate(
      name,
      Object.assign({}, { ...schema, allOf: undefined }, ...schema.allOf) as JsonSchema,
      ctx,
      attempt,
    );
  const types = [schema.type ?? (schema.properties ? 'object' : 'string')].flat();
  const type = types[Math.min(attempt.branch, types.length - 1)];
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return true;
    case 'integer':
      return generateNumber(schema, true);
    case 'number':
      return generateNumber(schema, false);
    case 'string':
      return generateString(name, schema, ctx, attempt);
    case 'array': {
      const count = Math.max(schema.minItems ?? 0, attempt.nonEmpty ? 1 : 0);
      return Array.from({ length: count }, () => generate(name, schema.items ?? {}, ctx, attempt));
    }
    case 'object': {
      const required = new Set(schema.required ?? []);
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {}))
        if (required.has(key) || attempt.optional) out[key] = generate(key, property, ctx, attempt);
      return out;
    }
    default:
      throw new Error(`type ${String(type)} not supported (${name})`);
  }
}

/**
 * Bodies written by hand, by route, for schemas whose refinements refuse every generated attempt.
 * A function of the context, so they can use fixture ids and the world's date. Empty for now:
 * the generator finds a valid body for every route; the matrix test fails with the zod issues
 * of a route for which it does not, and that route's body belongs here.
 */
export const HAND_WRITTEN: Readonly<Record<string, (ctx: BodyContext) => unknown>> = {};

export type BodyOutcome =
  | { readonly body: unknown; readonly source: 'generated' | 'hand-written' }
  | { readonly body: null; readonly source: 'none'; readonly reason: string };

/** A body the route's zod schema accepts: generated, or else hand-written. */
export function validBody(
  route: string,
  schema: ZodType,
  ctx: BodyContext,
  handWritten: Readonly<Record<string, (ctx: BodyContext) => unknown>> = HAND_WRITTEN,
): BodyOutcome {
  let reason = '';
  try {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    for (const attempt of ATTEMPTS) {
      const body = generate('body', json, ctx, attempt);
      const parsed = schema.safeParse(body);
      if (parsed.success) return { body, source: 'generated' };
      reason = parsed.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')
        .slice(0, 300);
    }
  } catch (error) {
    reason = String(error);
  }
  const hand = handWritten[route];
  if (hand) {
    const body = hand(ctx);
    const parsed = schema.safeParse(body);
    if (parsed.success) return { body, source: 'hand-written' };
    reason = `hand-written body refused: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  }
  return { body: null, source: 'none', reason };
}
