/**
 * The schema of a region profile file (`profiles/*.yaml`). A profile is data: adding a region
 * or changing an agreement means editing a file, and this schema says exactly what may be
 * written. Messages are Dutch because policy staff read them.
 */
import { z } from '../validation/zod-nl.js';
import { parseIsoDate } from '../domain/time/index.js';
import {
  CO_SIGNALS,
  ESCALATION_ARTEFACTS,
  EVALUATION_KINDS,
  EVENT_TYPES,
  MEASURES,
  ROUTES,
  SEGMENTS,
  type Duration,
} from '../domain/rules/index.js';

const DURATION = /^(-?\d+)(wd|d|w|m|h)$/;

/** A duration as written in a profile: `14d`, `5wd`, `6w`, `3m`, `4h`. */
export const durationSchema = z
  .string()
  .regex(DURATION, {
    error: 'geen geldige duur: schrijf een getal met een eenheid, bijv. 14d, 5wd, 6w, 3m of 4h',
  })
  .transform((text): Duration => {
    const match = DURATION.exec(text) as RegExpExecArray;
    return { amount: Number(match[1]), unit: match[2] as Duration['unit'] };
  });

/** A calendar date `YYYY-MM-DD` (YAML may also hand us a Date for unquoted dates). */
export const dateSchema = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const text = typeof value === 'string' ? value : value.toISOString().slice(0, 10);
  const day = parseIsoDate(text);
  if (day === null) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is geen geldige datum (JJJJ-MM-DD)` });
    return z.NEVER;
  }
  return day;
});

const eventType = z.enum(EVENT_TYPES, {
  error: (issue) =>
    `onbekende gebeurtenis ${JSON.stringify(issue.input)}; kies uit: ${EVENT_TYPES.join(', ')}`,
});
const toMatcher = (value: unknown): unknown =>
  typeof value === 'string' ? { type: value } : value;
const matcherObject = z.strictObject({
  type: eventType,
  kind: z.array(z.enum(EVALUATION_KINDS)).min(1).optional(),
});
/** One event type (`intake`) or `{ type, kind }`. */
const matcher = z.preprocess(toMatcher, matcherObject);
/** One event matcher or a list of them; always a list afterwards. */
const matchers = z.preprocess(
  (value) => (Array.isArray(value) ? value.map(toMatcher) : [toMatcher(value)]),
  z.array(matcherObject).min(1),
);

const conditionSchema = z.strictObject({
  segment: z.array(z.enum(SEGMENTS)).min(1).optional(),
  notSegment: z.array(z.enum(SEGMENTS)).min(1).optional(),
  route: z.array(z.enum(ROUTES)).min(1).optional(),
  measure: z
    .array(z.enum([...MEASURES, 'geen']))
    .min(1)
    .optional(),
  ivh: z.boolean().optional(),
  decision: z.strictObject({ rule: z.string(), outcome: z.array(z.string()).min(1) }).optional(),
});

const RULE_ID = /^[A-Z]{2,}(-[A-Z0-9]+)+$/;

const ruleBase = {
  id: z.string().regex(RULE_ID, {
    error: 'regel-ID moet de vorm REGIO-GEBIED-NAAM hebben, bijv. LEK-TERM-INTAKE-AMBULANT',
  }),
  title: z.string().min(1),
  source: z.string().min(1),
  explanation: z.string().min(20, { error: 'schrijf een uitleg van minstens een zin' }),
  choice: z.string().min(1).optional(),
  validFrom: dateSchema.optional(),
  validUntil: dateSchema.optional(),
  when: conditionSchema.optional(),
};

const codeText = z.array(z.strictObject({ code: z.string(), text: z.string().min(1) }));

const weightRow = z.strictObject({
  criterion: z
    .enum([
      'severity',
      'stacking',
      'duration',
      'unsafety',
      'motivation',
      'providers',
      'school',
      'jhio',
    ])
    .optional(),
  equals: z.union([z.string(), z.boolean()]).optional(),
  atLeast: z.number().int().min(0).optional(),
  level: z.string(),
  segment: z.array(z.enum(SEGMENTS)).optional(),
});

const decisionLogic = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('meervoudig'), singleElementException: z.string() }),
  z.strictObject({ type: z.literal('complex'), measures: z.array(z.enum(MEASURES)) }),
  z.strictObject({
    type: z.literal('casusregie-matrix'),
    meervoudigRule: z.string(),
    complexRule: z.string(),
    matrix: z.strictObject({
      enkelvoudig: z.strictObject({ complex: z.string(), nietComplex: z.string() }),
      meervoudig: z.strictObject({ complex: z.string(), nietComplex: z.string() }),
    }),
    outsideWhenIvh: z.boolean(),
    outsideWhenMeasure: z.boolean(),
    outsideOutcome: z.string(),
  }),
  z.strictObject({
    type: z.literal('regie-weight'),
    alwaysHeavySegments: z.array(z.enum(SEGMENTS)),
    levels: z.array(z.string()).min(1),
    table: z.array(weightRow),
  }),
  z.strictObject({ type: z.literal('coordinator'), minProfessionals: z.number().int().min(1) }),
  z.strictObject({
    type: z.literal('medical-route'),
    route: z.enum(ROUTES),
    minLifeDomains: z.number().int().min(1),
    minProfessionals: z.number().int().min(1),
  }),
  z.strictObject({
    type: z.literal('age-bands'),
    bands: z
      .array(z.strictObject({ below: z.number().int().min(0).optional(), outcome: z.string() }))
      .min(1),
  }),
  z.strictObject({ type: z.literal('any-signal'), signals: z.array(z.enum(CO_SIGNALS)).min(1) }),
  z.strictObject({
    type: z.literal('expert-gate'),
    segments: z.array(z.enum(SEGMENTS)),
    whenIvh: z.boolean(),
  }),
]);

/** One rule in a profile file; `kind` says which family it belongs to. */
export const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...ruleBase,
    kind: z.literal('deadline'),
    value: durationSchema,
    from: matchers,
    until: matchers,
    per: z.enum(['first', 'each']).default('first'),
    effect: z.string().optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('age'),
    years: z.number().int().min(0),
    months: z.number().int().min(0).max(11),
    until: matchers,
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('before'),
    value: durationSchema,
    reference: eventType,
    until: matchers,
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('cadence'),
    every: durationSchema.refine((d) => d.unit !== 'h' && d.amount > 0, {
      error: 'een cadans telt in dagen, weken of maanden (niet in uren) en is groter dan 0',
    }),
    anchor: matchers,
    occurrence: matchers,
    until: matchers.optional(),
    purposes: z.array(z.string()).optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('requirement'),
    after: eventType,
    minimum: z.array(z.strictObject({ event: matcher, count: z.number().int().min(1) })).min(1),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('decision'), logic: decisionLogic }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('norm'),
    values: z.record(z.string(), z.number()),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('procedure'),
    steps: z.array(z.string().min(1)).min(1),
    criteria: codeText.optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('escalation'),
    escalationType: z.enum(['proces', 'inhoud', 'beide']),
    steps: z
      .array(
        z.strictObject({
          actor: z.string().min(1),
          action: z.string().min(1),
          within: durationSchema.optional(),
          deadlineRule: z.string().regex(RULE_ID).optional(),
          opening: z.boolean().optional(),
          closing: z.boolean().optional(),
          continuous: z.boolean().optional(),
          event: eventType.optional(),
          artefacts: z.array(z.enum(ESCALATION_ARTEFACTS)).optional(),
          roles: z.array(z.string().min(1)).min(1).optional(),
        }),
      )
      .min(1),
    criteria: codeText.optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('checklist'),
    scale: z.array(z.string()).min(2),
    themes: z
      .array(
        z.strictObject({
          number: z.number().int().min(1),
          key: z.string(),
          title: z.string(),
          items: z.number().int().min(1),
        }),
      )
      .min(1),
  }),
]);
export type RuleInput = z.input<typeof ruleSchema>;
export type ParsedRule = z.output<typeof ruleSchema>;

const overrideSchema = z.strictObject({
  rule: z.string(),
  set: z.record(z.string(), z.unknown()).refine((v) => Object.keys(v).length > 0, {
    error: 'een wijziging moet minstens één waarde zetten',
  }),
  by: z.string().min(1),
  at: dateSchema,
  reason: z.string().min(1),
});

/** A profile file before `extends` is resolved. Rules are checked one by one afterwards. */
export const profileFileSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]{2,}(-[A-Z0-9]+)*$/, {
    error: 'profiel-ID in hoofdletters, bijv. LEK of LEK-HOUTEN',
  }),
  name: z.string().min(1),
  extends: z.string().optional(),
  source: z.strictObject({ key: z.string().min(1), title: z.string().min(1) }).optional(),
  vocabulary: z
    .strictObject({
      localTeam: z.string(),
      procesregieRole: z.string(),
      casusregieRole: z.string(),
      expertFunction: z.string(),
      planNames: z.array(z.string()),
    })
    .optional(),
  rules: z.array(z.record(z.string(), z.unknown())).default([]),
  overrides: z.array(overrideSchema).default([]),
});
export type ProfileFile = z.output<typeof profileFileSchema>;
