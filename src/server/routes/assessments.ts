/**
 * Step 1 assessments through the API: the immediate safety check, the needs analysis, the
 * risk assessment, the criteria for the weight of regie, and the triage decision with the
 * engine's suggestions ("zo doen we het, tenzij"). Access follows the case; every save is a
 * new, audited record.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CHILD_CONTACT_RULE,
  CO_SIGNALS_RULE,
  CONTACT_FORMS,
  contactMet,
  MELDCODE_DECISION_KEYS,
  MELDCODE_STEP_KEYS,
  meldcodeProblems,
  reportsToVeiligThuis,
  safetyCheckProblems,
  triageProfile,
  triageSuggestions,
} from '../../domain/assessment/index.js';
import { caseEvents, caseFacts } from '../../domain/cases/engine-input.js';
import { renderAnalysisPdf } from '../../documents/analysis-pdf.js';
import { TRIAGE_FIELDS, triageProblems, type TriageField } from '../../domain/plans/index.js';
import {
  CO_SIGNALS,
  DURATIONS,
  JHIO_NEEDS,
  LIFE_DOMAINS,
  MOTIVATIONS,
  SCHOOL_STATES,
  SEVERITIES,
  evaluate,
} from '../../domain/rules/index.js';
import { parseInstant } from '../../domain/time/index.js';
import {
  caseAssessments,
  EDITED_SECTIONS,
  recordAssessment,
  type AssessmentKind,
  type AssessmentRecord,
} from '../../store/assessments.js';
import { writeAudit } from '../../store/audit.js';
import { getCase } from '../../store/cases.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { ApiError } from '../errors.js';
import { basisRevisie, staleWriteResponse } from './revision.js';

const text = z.string().trim().max(4000);
const required = z.string().trim().min(1).max(4000);
const instant = z.string().refine((v) => parseInstant(v) !== null, {
  error: 'geen geldig tijdstip, bijv. 2026-03-02T09:00:00+01:00',
});
const SOURCES = ['jeugdige', 'ouder', 'professional', 'document'] as const;
const sourced = z.strictObject({ tekst: text, bron: z.enum(SOURCES) });

const safetyCheck = z.strictObject({
  uitkomst: z.enum(['veilig', 'zorgen', 'acuut']),
  toelichting: required,
  crisisteam: z.strictObject({ gebeldOp: instant, met: required }).optional(),
});

const needsAnalysis = z.strictObject({
  ontwikkeling: z
    .array(
      z.strictObject({
        jeugdigeId: z.string().max(64),
        gebied: z.enum(['psychisch', 'sociaal', 'zelfredzaamheid', 'leren', 'lichamelijk']),
        tekst: required,
        bron: z.enum(SOURCES),
      }),
    )
    .max(60)
    .default([]),
  opvoedvaardigheden: sourced.optional(),
  gezinEnOmgeving: sourced.optional(),
  krachten: sourced.optional(),
  zorgen: sourced.optional(),
  netwerk: z
    .array(z.strictObject({ naam: required, relatie: text, kanBijdragen: text }))
    .max(30)
    .default([]),
  geschiedenis: z
    .array(
      z.strictObject({
        periode: text,
        wat: required,
        doel: text.optional(),
        resultaat: text.optional(),
      }),
    )
    .max(30)
    .default([]),
  vraagAchterDeVraag: text.optional(),
  leefgebieden: z.array(z.enum(LIFE_DOMAINS)).max(LIFE_DOMAINS.length).default([]),
  gezinStaatAchterHulp: z.boolean(),
  gezinKanRegieVoeren: z.boolean(),
  coSignalen: z.array(z.enum(CO_SIGNALS)).max(CO_SIGNALS.length).default([]),
});

const riskAssessment = z.strictObject({
  uitkomst: z.enum(['veilig', 'zorgen', 'onveilig']),
  instrument: required,
  toelichting: required,
});

const regieCriteria = z.strictObject({
  ernst: z.enum(SEVERITIES),
  stapeling: z.boolean(),
  duur: z.enum(DURATIONS),
  motivatie: z.enum(MOTIVATIONS),
  aanbieders: z.number().int().min(0).max(20),
  school: z.enum(SCHOOL_STATES),
  jhio: z.enum(JHIO_NEEDS),
});

const triageDecision = z.strictObject({
  domein: z.enum(TRIAGE_FIELDS.domein),
  complexiteit: z.enum(TRIAGE_FIELDS.complexiteit),
  casusregie: z.enum(TRIAGE_FIELDS.casusregie),
  gewicht: z.enum(TRIAGE_FIELDS.gewicht),
  motivatie: text.default(''),
});

const id = z.object({ id: z.string().max(64) });

function present(r: AssessmentRecord) {
  return {
    id: r.id,
    soort: r.kind,
    revisie: r.revision,
    inhoud: r.content,
    op: r.recordedAt.toISOString(),
    door: r.recordedBy,
  };
}

export const assessmentRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    /**
     * Stores one assessment record for the case in the request. A section of the analysis
     * page sends `basisRevisie` (ADR 0028): it is checked, not stored with the content.
     */
    const store = async (
      request: Parameters<typeof requireUser>[0] & { params: { id: string } },
      kind: AssessmentKind,
      body: Record<string, unknown>,
      event?: { type: string; at: Date; note: string },
    ) => {
      const { basisRevisie: basis, ...content } = body;
      const saved = await recordAssessment(
        deps.db,
        requireUser(request),
        request.params.id,
        kind,
        content,
        deps.clock.now(),
        event,
        typeof basis === 'number' ? basis : undefined,
      ).catch(asBodyError);
      return { id: saved.id, revisie: saved.revision };
    };

    /** The responses of a section save: its new revision, or the 409 of a stale write. */
    const sectionResponse = {
      201: z.object({ id: z.string(), revisie: z.number().int() }),
      409: staleWriteResponse,
    };

    app.get(
      '/casussen/:id/beoordelingen',
      {
        schema: {
          summary: 'Veiligheid, vraaganalyse, risicotaxatie en triage van een casus',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const { all, latest } = await caseAssessments(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        );
        return {
          actueel: Object.fromEntries(
            Object.entries(latest).map(([kind, r]) => [kind, present(r)]),
          ),
          /** Per section of the analysis page: the revision a save names as its basis. */
          revisies: Object.fromEntries(EDITED_SECTIONS.map((k) => [k, latest[k]?.revision ?? 0])),
          geschiedenis: all.map(present),
        };
      },
    );

    app.post(
      '/casussen/:id/veiligheidscheck',
      {
        schema: {
          summary: 'De directe veiligheidscheck vastleggen',
          params: id,
          body: safetyCheck.extend({ basisRevisie }),
          response: sectionResponse,
        },
      },
      async (request, reply) => {
        const problems = safetyCheckProblems(
          request.body.uitkomst,
          request.body.crisisteam !== undefined,
        );
        if (problems.length > 0)
          throw new ApiError(
            'bad-request',
            'De invoer klopt niet.',
            problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
          );
        const call = request.body.crisisteam;
        return reply.status(201).send(
          await store(
            request,
            'veiligheidscheck',
            request.body,
            call
              ? {
                  type: 'crisisteam-contact',
                  at: new Date(parseInstant(call.gebeldOp) ?? 0),
                  note: `Acuut gevaar; contact met ${call.met}`,
                }
              : undefined,
          ),
        );
      },
    );

    app.post(
      '/casussen/:id/vraaganalyse',
      {
        schema: {
          summary: 'De vraaganalyse vastleggen (nieuwe versie)',
          params: id,
          body: needsAnalysis.extend({ basisRevisie }),
          response: sectionResponse,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await store(request, 'vraaganalyse', request.body)),
    );

    app.post(
      '/casussen/:id/risicotaxatie',
      {
        schema: {
          summary: 'De risicotaxatie vastleggen',
          params: id,
          body: riskAssessment.extend({ basisRevisie }),
          response: sectionResponse,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await store(request, 'risicotaxatie', request.body)),
    );

    app.post(
      '/casussen/:id/regiecriteria',
      {
        schema: {
          summary: 'De criteria voor de zwaarte van de regie vastleggen (opnieuw te beoordelen)',
          params: id,
          body: regieCriteria.extend({ basisRevisie }),
          response: sectionResponse,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await store(request, 'regiecriteria', request.body)),
    );

    /** The engine's triage suggestions for the case as it is now. */
    async function suggestions(request: Parameters<typeof requireUser>[0], caseId: string) {
      const ctx = requireUser(request);
      const detail = await getCase(deps.db, ctx, caseId, deps.clock.now());
      const own = deps.profiles.get(detail.region);
      if (!own) return [];
      const result = evaluate(
        triageProfile(own, [...deps.profiles.values()]),
        caseFacts(
          {
            route: detail.route,
            segment: detail.segment,
            measure: detail.measure,
            facts: detail.facts,
          },
          detail.persons,
        ),
        caseEvents(detail.events),
        deps.clock.now().getTime(),
      );
      return triageSuggestions(result.decisions).map((s) => ({
        ...s,
        source: result.decisions.find((d) => d.rule === s.rule)?.source ?? '',
      }));
    }

    /** The step-1 decisions of the case (own rules plus the generic ones it lacks). */
    async function step1Decisions(request: Parameters<typeof requireUser>[0], caseId: string) {
      const ctx = requireUser(request);
      const detail = await getCase(deps.db, ctx, caseId, deps.clock.now());
      const own = deps.profiles.get(detail.region);
      const decisions = own
        ? evaluate(
            triageProfile(own, [...deps.profiles.values()]),
            caseFacts(
              {
                route: detail.route,
                segment: detail.segment,
                measure: detail.measure,
                facts: detail.facts,
              },
              detail.persons,
            ),
            caseEvents(detail.events),
            deps.clock.now().getTime(),
          ).decisions
        : [];
      return { detail, decisions };
    }

    /** Per child: the contact its age asks for, and what was recorded. */
    async function childContact(request: Parameters<typeof requireUser>[0], caseId: string) {
      const ctx = requireUser(request);
      const { detail, decisions } = await step1Decisions(request, caseId);
      const { all } = await caseAssessments(deps.db, ctx, caseId, deps.clock.now());
      return detail.persons
        .filter((p) => p.kind === 'jeugdige')
        .map((child) => {
          const decision = decisions.find(
            (d) => d.rule === CHILD_CONTACT_RULE && d.child === child.id,
          );
          const contacts = all.filter(
            (r) => r.kind === 'kindcontact' && r.content['jeugdigeId'] === child.id,
          );
          return {
            jeugdigeId: child.id,
            naam: child.name,
            vereist: decision?.outcome ?? null,
            regel: CHILD_CONTACT_RULE,
            redenen: decision?.reasons ?? [],
            bron: decision?.source ?? '',
            contacten: contacts.map(present),
            voldaan: decision
              ? contactMet(
                  decision.outcome,
                  contacts.map((c) => String(c.content['vorm'])),
                )
              : false,
          };
        });
    }

    app.get(
      '/casussen/:id/analyse/pdf',
      {
        schema: {
          summary: 'De analyse, veiligheid en triage van een casus als PDF',
          params: id,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const now = deps.clock.now();
        const detail = await getCase(deps.db, ctx, request.params.id, now);
        const { all } = await caseAssessments(deps.db, ctx, request.params.id, now);
        const contact = await childContact(request, request.params.id);
        await writeAudit(deps.db, ctx, { action: 'beoordeling.document', caseId: detail.id });
        const pdf = await renderAnalysisPdf({
          gezin: detail.household.label,
          regio: detail.region,
          route: detail.route,
          personen: detail.persons.map((p) => ({
            id: p.id,
            naam: p.name,
            soort: p.kind,
            geboortedatum: p.birthDate,
          })),
          geschiedenis: all.map((r) => ({
            soort: r.kind,
            inhoud: r.content,
            op: r.recordedAt.toISOString(),
            door: r.recordedBy,
          })),
          kindcontact: contact,
          gemaaktOp: now,
        });
        const name = `analyse-${detail.household.label}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z0-9]+/g, '-');
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${name}.pdf"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );

    app.get(
      '/casussen/:id/kindcontact',
      {
        schema: {
          summary:
            'Per kind: zien, zien en spreken of spreken (ZTM-DEC-CHILD-CONTACT), en wat er gebeurde',
          params: id,
        },
      },
      async (request) => childContact(request, request.params.id),
    );

    app.post(
      '/casussen/:id/kindcontact',
      {
        schema: {
          summary: 'Vastleggen dat een kind gezien en/of gesproken is',
          params: id,
          body: z.strictObject({
            jeugdigeId: z.string().max(64),
            vorm: z.enum(CONTACT_FORMS),
            op: instant,
            toelichting: text.optional(),
          }),
        },
      },
      async (request, reply) => {
        const { detail } = await step1Decisions(request, request.params.id);
        if (!detail.persons.some((p) => p.id === request.body.jeugdigeId && p.kind === 'jeugdige'))
          throw new ApiError('bad-request', 'De invoer klopt niet.', [
            { path: 'body.jeugdigeId', message: 'geen jeugdige van dit gezin' },
          ]);
        return reply.status(201).send(await store(request, 'kindcontact', request.body));
      },
    );

    app.post(
      '/casussen/:id/co-overleg',
      {
        schema: {
          summary:
            'Een casuïstiekoverleg vastleggen: besluit en overwegingen (ook besluiten om niet te handelen)',
          params: id,
          body: z.strictObject({
            signalen: z.array(z.enum(CO_SIGNALS)).min(1).max(CO_SIGNALS.length),
            gedragswetenschapper: required,
            besluit: required,
            overwegingen: required,
            nietHandelen: z.boolean(),
          }),
        },
      },
      async (request, reply) =>
        reply.status(201).send(await store(request, 'co-overleg', request.body)),
    );

    app.post(
      '/casussen/:id/meldcode',
      {
        schema: {
          summary: 'Een stap van de meldcode vastleggen met datum en overweging',
          params: id,
          body: z.strictObject({
            stap: z.enum(MELDCODE_STEP_KEYS),
            op: instant,
            overweging: required,
            besluit: z.enum(MELDCODE_DECISION_KEYS).optional(),
          }),
        },
      },
      async (request, reply) => {
        const body = request.body;
        const problems = meldcodeProblems(body.stap, body.besluit);
        if (problems.length > 0)
          throw new ApiError(
            'bad-request',
            'De invoer klopt niet.',
            problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
          );
        const reports = reportsToVeiligThuis(body.besluit);
        return reply.status(201).send(
          await store(
            request,
            'meldcode',
            body,
            reports
              ? {
                  type: 'melding-veilig-thuis',
                  at: new Date(parseInstant(body.op) ?? 0),
                  note: body.overweging,
                }
              : undefined,
          ),
        );
      },
    );

    app.get(
      '/casussen/:id/triage',
      {
        schema: {
          summary: 'Triagevoorstellen met regel en reden, en de besluiten tot nu toe',
          params: id,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const proposed = await suggestions(request, request.params.id);
        const { decisions } = await step1Decisions(request, request.params.id);
        const { all } = await caseAssessments(deps.db, ctx, request.params.id, deps.clock.now());
        const co = decisions.find((d) => d.rule === CO_SIGNALS_RULE);
        const lastAnalysis = all.filter((r) => r.kind === 'vraaganalyse').at(-1);
        const consulted = all.some(
          (r) =>
            r.kind === 'co-overleg' && (!lastAnalysis || r.recordedAt >= lastAnalysis.recordedAt),
        );
        return {
          coOverleg:
            co && co.outcome === 'co-weging-nodig'
              ? { regel: co.rule, redenen: co.reasons, bron: co.source, gehouden: consulted }
              : null,
          voorstellen: proposed.map((s) => ({
            veld: s.field,
            regel: s.rule,
            uitkomst: s.outcome,
            redenen: s.reasons,
            bron: s.source,
            uitleg: `/api/v1/regels/${s.rule}`,
          })),
          besluiten: all.filter((r) => r.kind === 'triage').map(present),
        };
      },
    );

    app.post(
      '/casussen/:id/triage',
      {
        schema: {
          summary: 'Het triagebesluit vastleggen: volgen of gemotiveerd afwijken',
          params: id,
          body: triageDecision,
        },
      },
      async (request, reply) => {
        const proposed = await suggestions(request, request.params.id);
        const { motivatie, ...choices } = request.body;
        const problems = triageProblems(
          proposed,
          choices as Record<TriageField, string>,
          motivatie,
        );
        if (problems.length > 0)
          throw new ApiError(
            'bad-request',
            'Het triagebesluit klopt niet.',
            problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
          );
        const deviating = proposed
          .filter((s) => s.outcome !== 'ter-beoordeling' && choices[s.field] !== s.outcome)
          .map((s) => ({ veld: s.field, regel: s.rule, voorstel: s.outcome }));
        return reply.status(201).send(
          await store(request, 'triage', {
            ...request.body,
            voorstellen: proposed.map((p) => ({
              veld: p.field,
              regel: p.rule,
              uitkomst: p.outcome,
            })),
            afwijkingen: deviating,
          }),
        );
      },
    );
  };
