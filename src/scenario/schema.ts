/**
 * The scenario file format (`casusregie evaluate <scenario.json>`): one case, its events and
 * the moment of evaluation. Field names follow issue 2 exactly; messages are Dutch.
 */
import { z } from '../validation/zod-nl.js';
import {
  CO_SIGNALS,
  DURATIONS,
  EVALUATION_KINDS,
  EVENT_TYPES,
  JHIO_NEEDS,
  LIFE_DOMAINS,
  LIGHT_REGIE_CRITERIA,
  MEASURES,
  MOTIVATIONS,
  ROUTES,
  SCHOOL_STATES,
  SEGMENTS,
  SEVERITIES,
  UNSAFETIES,
} from '../domain/rules/index.js';

/** An enum whose error repeats the wrong value and lists the right ones; `what` is the phrase. */
const choice = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? 'ontbreekt (verplicht)'
        : `${what} ${JSON.stringify(issue.input)}; kies uit: ${values.join(', ')}`,
  });

/** A list in which every value may appear once; a repeat is almost always a typing mistake. */
const uniqueList = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).superRefine((values, ctx) => {
    values.forEach((value, index) => {
      if (values.indexOf(value) !== index)
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `"${value}" staat er twee keer in`,
        });
    });
  });

const count = z
  .number({ error: 'verwacht een geheel getal' })
  .int({ error: 'verwacht een geheel getal' })
  .min(0, { error: 'mag niet negatief zijn' });

const regieCriteria = z.strictObject({
  severity: choice(SEVERITIES, 'onbekende ernst').default('licht'),
  stacking: z.boolean().default(false),
  duration: choice(DURATIONS, 'onbekende duur').default('afgebakend'),
  unsafety: choice(UNSAFETIES, 'onbekende inschatting van onveiligheid').default('geen'),
  motivation: choice(MOTIVATIONS, 'onbekende motivatie').default('goed'),
  providers: count.default(1),
  school: choice(SCHOOL_STATES, 'onbekende schoolsituatie').default('gaat'),
  jhio: choice(JHIO_NEEDS, 'onbekende JHiO-behoefte').default('geen'),
});

export const scenarioSchema = z.strictObject({
  region: z.string({ error: 'verwacht de code van een regioprofiel, bijv. "LEK"' }),
  now: z.string({ error: 'verwacht een datum-tijd, bijv. "2026-03-10T12:00:00+01:00"' }),
  case: z.strictObject({
    route: choice(ROUTES, 'onbekende route'),
    segment: choice(SEGMENTS, 'onbekend segment'),
    measure: choice(MEASURES, 'onbekende maatregel').nullable().default(null),
    ivh: z.boolean().default(false),
    children: z
      .array(
        z.strictObject({
          id: z.string().min(1, { error: 'geef elk kind een id' }),
          birthDate: z.string({ error: 'verwacht een datum, bijv. "2012-06-30"' }),
        }),
      )
      .min(1, { error: 'een casus heeft minstens één kind' }),
    lifeDomains: uniqueList(choice(LIFE_DOMAINS, 'onbekend leefgebied')).default([]),
    resultAreas: count.default(0),
    supportElements: uniqueList(
      z.string().regex(/^\d{2}$/, {
        error: 'een ondersteuningselement is een code van twee cijfers, bijv. "02"',
      }),
    ).default([]),
    residence: z.boolean().default(false),
    familySupportsHelp: z.boolean().default(true),
    safetyAtStake: z.boolean().default(false),
    professionalsInvolved: count.default(0),
    parentsCoordinate: z.boolean().default(false),
    longHistory: z.boolean().default(false),
    regieCriteria: regieCriteria.default({ ...LIGHT_REGIE_CRITERIA }),
    coSignals: uniqueList(choice(CO_SIGNALS, 'onbekend signaal')).default([]),
    product: z.strictObject({ freelyAccessible: z.boolean() }).default({ freelyAccessible: true }),
  }),
  events: z
    .array(
      z.strictObject({
        type: choice(EVENT_TYPES, 'onbekende gebeurtenis'),
        at: z.string({ error: 'verwacht een datum-tijd, bijv. "2026-03-02T09:00:00+01:00"' }),
        child: z.string().optional(),
        kind: choice(EVALUATION_KINDS, 'onbekende soort evaluatie').optional(),
        date: z.string().optional(),
      }),
    )
    .default([]),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioShape = z.output<typeof scenarioSchema>;
