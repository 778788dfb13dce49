/**
 * What the treating provider tells the casusregisseur, over HTTP (issue 6; DOMAIN.md section 4
 * step 2): its contact person per case, progress reports and calamity or acute-risk reports that
 * the casusregisseur side acknowledges, and the subcontractors it brings in. Without access to the
 * case everything answers 404; a reader who may not act gets 403; a provider never sees another
 * provider's reports or announcements (404 for one by id). Every read and change is audited.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { GOAL_PROGRESS } from '../../domain/plans/types.js';
import { PROGRESS_MOMENTS } from '../../domain/reports/index.js';
import { parseInstant } from '../../domain/time/index.js';
import {
  acknowledgeReport,
  announceSubcontractor,
  caseContacts,
  caseReports,
  caseSubcontractors,
  getReport,
  nameContact,
  submitReport,
  type ContactView,
  type ReportView,
  type SubcontractorView,
} from '../../store/provider-reports.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';

const instant = z.string().refine((v) => parseInstant(v) !== null, {
  error: 'geen geldig tijdstip, bijv. 2026-03-02T09:00:00+01:00',
});
const text = (max: number) => z.string().trim().max(max);
const caseParams = z.object({ id: z.string().max(64) });
const reportParams = z.object({ id: z.string().max(64), verslagId: z.string().max(64) });

const contactBody = z.strictObject({
  medewerkerId: z.string().max(64),
  telefoon: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, { error: 'geen geldig telefoonnummer' }),
    ])
    .nullable()
    .optional(),
});

const reportBody = z.discriminatedUnion(
  'soort',
  [
    z.strictObject({
      soort: z.literal('voortgang'),
      moment: z.enum(PROGRESS_MOMENTS),
      doelen: z
        .array(
          z.strictObject({
            doelId: text(64),
            voortgang: z.enum(GOAL_PROGRESS),
            toelichting: text(4000),
          }),
        )
        .max(50),
      algemeen: text(4000).default(''),
    }),
    z.strictObject({
      soort: z.enum(['calamiteit', 'acuut-risico']),
      watGebeurde: text(4000),
      gebeurdOp: instant,
      maatregelen: text(4000),
      verzoek: text(2000).default(''),
    }),
  ],
  { error: 'kies de soort melding: voortgang, calamiteit of acuut-risico' },
);

const subcontractorBody = z.strictObject({
  naam: text(200),
  agbCode: z
    .string()
    .trim()
    .regex(/^\d{8}$/, { error: 'een AGB-code is 8 cijfers' }),
  onderdeel: text(1000),
});

function presentContact(c: ContactView) {
  return {
    id: c.id,
    organisatie: { id: c.organisation.id, naam: c.organisation.name },
    medewerker: { id: c.staff.id, naam: c.staff.name, email: c.staff.email },
    telefoon: c.phone,
    vanaf: c.from.toISOString(),
    tot: c.until?.toISOString() ?? null,
  };
}

function presentReport(r: ReportView) {
  return {
    id: r.id,
    soort: r.kind,
    organisatie: { id: r.organisation.id, naam: r.organisation.name },
    auteur: r.author,
    ingediendOp: r.submittedAt.toISOString(),
    plan: r.plan ? { soort: r.plan.kind, versie: r.plan.version } : null,
    moment: r.moment,
    doelen: r.goals.map((g) => ({
      doelId: g.goalId,
      omschrijving: g.description,
      voortgang: g.progress,
      toelichting: g.note,
    })),
    algemeen: r.general,
    watGebeurde: r.whatHappened,
    gebeurdOp: r.occurredAt?.toISOString() ?? null,
    maatregelen: r.measures,
    verzoek: r.request,
    ontvangen: r.acknowledged
      ? { op: r.acknowledged.at.toISOString(), door: r.acknowledged.by }
      : null,
  };
}

function presentSubcontractor(s: SubcontractorView) {
  return {
    id: s.id,
    organisatie: { id: s.organisation.id, naam: s.organisation.name },
    naam: s.name,
    agbCode: s.agbCode,
    onderdeel: s.part,
    naStartGemeld: s.afterStart,
    contractWaarschuwing: s.contractWarning,
    gemeldDoor: s.announcedBy,
    gemeldOp: s.announcedAt.toISOString(),
  };
}

export const providerReportRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/casussen/:id/contactpersonen',
      {
        schema: {
          summary: 'De contactpersonen van de aanbieders op de casus, met de eerdere',
          params: caseParams,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const contacts = await caseContacts(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return { contactpersonen: contacts.map(presentContact) };
      },
    );

    app.post(
      '/casussen/:id/contactpersonen',
      {
        schema: {
          summary: 'De contactpersoon van de eigen organisatie (aanbieder) aanwijzen of vervangen',
          params: caseParams,
          body: contactBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const result = await nameContact(
          deps.db,
          ctx,
          request.params.id,
          {
            staffId: request.body.medewerkerId,
            phone: request.body.telefoon ? request.body.telefoon : null,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id });
      },
    );

    app.get(
      '/casussen/:id/verslagen',
      {
        schema: {
          summary:
            'De verslagen en meldingen van de aanbieders die u mag lezen, en wat u ermee mag doen',
          params: caseParams,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const overview = await caseReports(deps.db, ctx, request.params.id, deps.clock.now()).catch(
          asBodyError,
        );
        return {
          verslagen: overview.reports.map(presentReport),
          bereik: overview.scope,
          magIndienen: overview.mayReport,
          magOntvangen: overview.mayAcknowledge,
          plan: overview.plan
            ? {
                soort: overview.plan.kind,
                versie: overview.plan.version,
                doelen: overview.plan.goals.map((g) => ({ id: g.id, omschrijving: g.description })),
              }
            : null,
        };
      },
    );

    app.post(
      '/casussen/:id/verslagen',
      {
        schema: {
          summary:
            'Een voortgangsverslag, calamiteit of acuut risico melden (aanbieder met behandelregie)',
          params: caseParams,
          body: reportBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const b = request.body;
        const result = await submitReport(
          deps.db,
          ctx,
          request.params.id,
          b.soort === 'voortgang'
            ? {
                kind: 'voortgang',
                moment: b.moment,
                goals: b.doelen.map((g) => ({
                  goalId: g.doelId,
                  progress: g.voortgang,
                  note: g.toelichting,
                })),
                general: b.algemeen,
              }
            : {
                kind: b.soort,
                whatHappened: b.watGebeurde,
                occurredAt: parseInstant(b.gebeurdOp) ?? 0,
                measures: b.maatregelen,
                request: b.verzoek,
              },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({
          id: result.id,
          gewaarschuwd: {
            casusregisseurs: result.casusregisseurs,
            procesregisseurs: result.procesregisseurs,
          },
        });
      },
    );

    app.get(
      '/casussen/:id/verslagen/:verslagId',
      {
        schema: {
          summary: 'Eén verslag of melding (404 als het van een andere aanbieder is)',
          params: reportParams,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const report = await getReport(
          deps.db,
          ctx,
          request.params.id,
          request.params.verslagId,
          deps.clock.now(),
        ).catch(asBodyError);
        return presentReport(report);
      },
    );

    app.post(
      '/casussen/:id/verslagen/:verslagId/ontvangen',
      {
        schema: {
          summary: 'Een verslag als ontvangen markeren (casusregisseur of lokaal team; eenmalig)',
          params: reportParams,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const result = await acknowledgeReport(
          deps.db,
          ctx,
          request.params.id,
          request.params.verslagId,
          deps.clock.now(),
        ).catch(asBodyError);
        return { ontvangenOp: result.acknowledgedAt.toISOString() };
      },
    );

    app.get(
      '/casussen/:id/onderaannemers',
      {
        schema: {
          summary: 'De gemelde onderaannemers die u mag zien (een aanbieder: alleen de eigen)',
          params: caseParams,
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const list = await caseSubcontractors(
          deps.db,
          ctx,
          request.params.id,
          deps.clock.now(),
        ).catch(asBodyError);
        return { onderaannemers: list.map(presentSubcontractor) };
      },
    );

    app.post(
      '/casussen/:id/onderaannemers',
      {
        schema: {
          summary:
            'Een onderaannemer melden (aanbieder met behandelregie), bij voorkeur vóór de start',
          params: caseParams,
          body: subcontractorBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        const result = await announceSubcontractor(
          deps.db,
          ctx,
          request.params.id,
          {
            name: request.body.naam,
            agbCode: request.body.agbCode,
            part: request.body.onderdeel,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({
          id: result.id,
          naStartGemeld: result.afterStart,
          contractWaarschuwing: result.contractWarning,
        });
      },
    );
  };
