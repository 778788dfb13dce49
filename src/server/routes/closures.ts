/**
 * Closing a case over HTTP (issue 7; RIJ-DEC-CLOSURE, LEK-DEC-CLOSE-AFTER-CARE, LEK-DEC-WAAKVLAM,
 * ZOU-DEC-ENDING, RIJ-DEC-MEASURE-END): the closure with its checklist, saving the draft section
 * by section, a provider's closing report and closing the case (409 with every problem while
 * something is missing). Outsiders get 404, readers who may not act 403.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CLOSURE_REASONS,
  FAMILY_REGIE_ANSWERS,
  FOLLOW_UP_LAWS,
  OVERALL_RESULTS,
  SAFETY_ANSWERS,
  WAAKVLAM_ADVICE,
  type ClosureDraft,
} from '../../domain/closure/closure.js';
import {
  caseClosure,
  closeCase,
  fileClosingReport,
  saveClosureDraft,
} from '../../store/closures.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { basisRevisie, staleWriteResponse } from './revision.js';

const text = (max: number) => z.string().trim().max(max);
const date = z.string().max(10);
const id = z.object({ id: z.string().max(64) });

const draftBody = z.strictObject({
  reden: z.enum(CLOSURE_REASONS).nullable().optional(),
  eindevaluatie: z
    .strictObject({
      datum: date,
      resultaat: z.enum(OVERALL_RESULTS),
      samenvatting: text(8000),
      veiligheidHersteld: z.enum(SAFETY_ANSWERS),
    })
    .nullable()
    .optional(),
  nazorg: z
    .discriminatedUnion('nodig', [
      z.strictObject({
        nodig: z.literal(true),
        afspraken: z
          .array(z.strictObject({ wie: text(400), wat: text(2000), wanneer: date }))
          .max(30),
      }),
      z.strictObject({ nodig: z.literal(false), reden: text(2000) }),
    ])
    .nullable()
    .optional(),
  waakvlam: z
    .discriminatedUnion('nodig', [
      z.strictObject({
        nodig: z.literal(true),
        wie: text(400),
        hoeVaak: text(400),
        tot: date,
      }),
      z.strictObject({ nodig: z.literal(false), reden: text(2000) }),
    ])
    .nullable()
    .optional(),
  herbeoordeling: z
    .strictObject({ gezinKanRegie: z.enum(FAMILY_REGIE_ANSWERS), toelichting: text(4000) })
    .nullable()
    .optional(),
  overgang18: z
    .array(
      z.strictObject({
        jeugdigeId: z.string().max(64),
        wat: text(2000),
        wet: z.enum(FOLLOW_UP_LAWS),
        toelichting: text(2000),
      }),
    )
    .max(20)
    .optional(),
  /** The draft's revision the editor started from (`revisie` of the GET, ADR 0028). */
  basisRevisie,
});
type DraftBody = z.infer<typeof draftBody>;

/** The API's words → the domain's draft sections (only the sections given). */
function asPatch(body: DraftBody): Partial<ClosureDraft> {
  const patch: { -readonly [K in keyof ClosureDraft]?: ClosureDraft[K] } = {};
  if (body.reden !== undefined) patch.reason = body.reden;
  if (body.eindevaluatie !== undefined)
    patch.finalEvaluation = body.eindevaluatie && {
      heldOn: body.eindevaluatie.datum,
      result: body.eindevaluatie.resultaat,
      summary: body.eindevaluatie.samenvatting,
      safetyRestored: body.eindevaluatie.veiligheidHersteld,
    };
  if (body.nazorg !== undefined)
    patch.aftercare =
      body.nazorg &&
      (body.nazorg.nodig
        ? {
            needed: true,
            agreements: body.nazorg.afspraken.map((a) => ({
              who: a.wie,
              what: a.wat,
              when: a.wanneer,
            })),
          }
        : { needed: false, reason: body.nazorg.reden });
  if (body.waakvlam !== undefined)
    patch.waakvlam =
      body.waakvlam &&
      (body.waakvlam.nodig
        ? {
            needed: true,
            who: body.waakvlam.wie,
            frequency: body.waakvlam.hoeVaak,
            until: body.waakvlam.tot,
          }
        : { needed: false, reason: body.waakvlam.reden });
  if (body.herbeoordeling !== undefined)
    patch.reassessment = body.herbeoordeling && {
      familyCanHoldRegie: body.herbeoordeling.gezinKanRegie,
      explanation: body.herbeoordeling.toelichting,
    };
  if (body.overgang18 !== undefined)
    patch.transitions = body.overgang18.map((t) => ({
      personId: t.jeugdigeId,
      continues: t.wat,
      law: t.wet,
      note: t.toelichting,
    }));
  return patch;
}

/** The domain's draft → the API's words. */
function presentDraft(d: ClosureDraft) {
  return {
    reden: d.reason,
    eindevaluatie: d.finalEvaluation && {
      datum: d.finalEvaluation.heldOn,
      resultaat: d.finalEvaluation.result,
      samenvatting: d.finalEvaluation.summary,
      veiligheidHersteld: d.finalEvaluation.safetyRestored,
    },
    nazorg:
      d.aftercare &&
      (d.aftercare.needed
        ? {
            nodig: true,
            afspraken: d.aftercare.agreements.map((a) => ({
              wie: a.who,
              wat: a.what,
              wanneer: a.when,
            })),
          }
        : { nodig: false, reden: d.aftercare.reason }),
    waakvlam:
      d.waakvlam &&
      (d.waakvlam.needed
        ? { nodig: true, wie: d.waakvlam.who, hoeVaak: d.waakvlam.frequency, tot: d.waakvlam.until }
        : { nodig: false, reden: d.waakvlam.reason }),
    herbeoordeling: d.reassessment && {
      gezinKanRegie: d.reassessment.familyCanHoldRegie,
      toelichting: d.reassessment.explanation,
    },
    overgang18: d.transitions.map((t) => ({
      jeugdigeId: t.personId,
      wat: t.continues,
      wet: t.law,
      toelichting: t.note,
    })),
  };
}

export const closureRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/afsluiting',
      {
        schema: {
          summary: 'De afsluiting van een casus: concept, voorwaarden, eindverslagen',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const c = await caseClosure(
          deps.db,
          deps.profiles,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return {
          concept: presentDraft(c.draft),
          /** The draft's revision: what a save names as its `basisRevisie`. */
          revisie: c.revision,
          afgeslotenOp: c.closedAt?.toISOString() ?? null,
          afgeslotenDoor: c.closedBy,
          voorwaarden: c.checklist.map((x) => ({
            sleutel: x.key,
            omschrijving: x.label,
            regel: x.ruleId,
            voldaan: x.met,
          })),
          problemen: c.problems.map((p) => ({
            voorwaarde: p.condition,
            pad: p.path,
            melding: p.message,
            regel: p.ruleId,
          })),
          herinneringen: c.reminders.map((p) => ({
            pad: p.path,
            melding: p.message,
            regel: p.ruleId,
          })),
          jeugdigen: c.youngPeople.map((p) => ({
            id: p.id,
            naam: p.name,
            geboortedatum: p.birthDate,
            overgangNodig: c.transitionRequired.includes(p.id),
          })),
          eindverslagen: c.reports.map((r) => ({
            id: r.id,
            aanbiederId: r.providerId,
            aanbieder: r.provider,
            toestemmingGezin: r.familyConsent,
            gegevenDoor: r.filedBy,
            gegevenOp: r.filedAt.toISOString(),
            inhoud: r.content && {
              resultaten: r.content.results,
              afspraken: r.content.agreements,
              waakvlam: { advies: r.content.waakvlamAdvice, toelichting: r.content.waakvlamNote },
            },
          })),
          magBewerken: c.mayEdit,
          magEindverslagGeven: c.mayReport,
        };
      },
    );

    app.patch(
      '/casussen/:id/afsluiting',
      {
        schema: {
          summary: 'Het concept van de afsluiting opslaan (alleen de meegestuurde onderdelen)',
          description:
            'Weigert met 409 als iemand anders sinds `basisRevisie` een van de meegestuurde onderdelen wijzigde; de andere onderdelen blijven zoals ze zijn.',
          params: id,
          body: draftBody,
          response: {
            200: z.object({ concept: z.unknown(), revisie: z.number().int() }),
            409: staleWriteResponse,
          },
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const saved = await saveClosureDraft(
          deps.db,
          ctx,
          request.params.id,
          asPatch(request.body),
          request.body.basisRevisie,
          deps.clock.now(),
        ).catch(asBodyError);
        return { concept: presentDraft(saved.draft), revisie: saved.revision };
      },
    );

    app.put(
      '/casussen/:id/afsluiting/eindverslag',
      {
        schema: {
          summary: 'Het eindverslag van de eigen aanbieder geven of vervangen',
          params: id,
          body: z.strictObject({
            resultaten: text(8000),
            afspraken: text(8000),
            waakvlam: z.strictObject({ advies: z.enum(WAAKVLAM_ADVICE), toelichting: text(4000) }),
            toestemmingGezin: z.boolean(),
          }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const b = request.body;
        return fileClosingReport(
          deps.db,
          ctx,
          request.params.id,
          {
            results: b.resultaten,
            agreements: b.afspraken,
            waakvlamAdvice: b.waakvlam.advies,
            waakvlamNote: b.waakvlam.toelichting,
            familyConsent: b.toestemmingGezin,
          },
          deps.clock.now(),
        ).catch(asBodyError);
      },
    );

    app.post(
      '/casussen/:id/afsluiting/afsluiten',
      {
        schema: {
          summary: 'De casus afsluiten',
          description:
            'Weigert met 409 als iemand anders het concept sinds `basisRevisie` wijzigde: eerst de nieuwste versie bekijken.',
          params: id,
          body: z.strictObject({ basisRevisie }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await closeCase(
          deps.db,
          deps.profiles,
          ctx,
          request.params.id,
          request.body.basisRevisie,
          deps.clock.now(),
        ).catch(asBodyError);
        return { afgeslotenOp: result.closedAt.toISOString() };
      },
    );
  };
