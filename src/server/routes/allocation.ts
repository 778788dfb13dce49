/**
 * Route A allocation over HTTP: the local team proposes (arrangement from the fixed plan,
 * contracted provider, products, handover), the municipality's back office lists, reads and
 * decides; the provider reads the handover of what was allocated to it. What the local team
 * needs to fill the form (the plan's arrangement, the household, contracted providers and
 * products) comes from one read. Access: proposing needs the case and a local team's
 * casusregisseur or team lead; deciding is for the back office of the municipality the
 * proposal went to; every read and decision is audited.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contractFor, type BudgetState } from '../../domain/allocation/index.js';
import { PRODUCT_CATEGORIES, UNITS, FREQUENCIES } from '../../domain/catalogue/index.js';
import { localDay } from '../../domain/time/index.js';
import { writeAudit } from '../../store/audit.js';
import { listProducts } from '../../store/catalogue.js';
import { getCase } from '../../store/cases.js';
import { listContracts } from '../../store/contracts.js';
import {
  caseHandovers,
  decideProposal,
  getProposal,
  listProposals,
  proposeAllocation,
  type ProposalView,
} from '../../store/proposals.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { ApiError } from '../errors.js';

const PROPOSERS = ['casusregisseur', 'teamleider'];
const DECIDERS = ['backoffice'];

const isoDate = z.iso.date({ error: 'een datum als jjjj-mm-dd' });
const text = (max: number) => z.string().trim().max(max);
const advice = z
  .strictObject({ datum: isoDate, samenvatting: z.string().trim().min(1).max(2000) })
  .optional();

const proposalBody = z.strictObject({
  jeugdigeId: z.uuid({ error: 'kies een jeugdige van het gezin' }),
  aanbieder: z
    .string()
    .trim()
    .regex(/^\d{8}$/, { error: 'een AGB-code is 8 cijfers' }),
  producten: z
    .array(
      z.strictObject({
        productcode: z.string().trim().toUpperCase().min(1).max(5),
        volume: z.number().int({ error: 'een heel getal' }),
        ingangsdatum: isoDate,
        einddatum: isoDate.nullable().optional(),
      }),
    )
    .max(20),
  steunelementen: z.array(text(200)).max(20).optional(),
  overbrugging: z
    .strictObject({ reden: text(1000), wachtOp: z.string().trim().max(5).nullable().optional() })
    .optional(),
  adviesExpertpool: advice,
  overdracht: z.strictObject({
    vraagverheldering: text(4000),
    analyse: text(4000),
    ondersteuningsbehoefte: text(4000),
    onderbouwing: text(4000),
    telefoonCasusregisseur: text(20).optional(),
    contacten: z
      .array(
        z.strictObject({
          persoonId: z.uuid({ error: 'kies een lid van het gezin' }),
          telefoon: text(20).optional(),
          email: z.union([z.literal(''), z.email({ error: 'geen geldig e-mailadres' })]).optional(),
          adres: z
            .strictObject({
              straat: text(24),
              huisnummer: text(5),
              postcode: text(7),
              plaats: text(24),
            })
            .optional(),
        }),
      )
      .max(12),
  }),
});

function budgetView(b: BudgetState) {
  return {
    jaar: b.year,
    budgetCent: b.budgetCents,
    toegewezenCent: b.allocatedCents,
    ditVoorstelCent: b.proposedCents,
    resterendCent: b.remainingCents,
    resterendNaCent: b.remainingAfterCents,
    waarschuwing: b.warning,
    regel: 'GRO-DEC-BUDGET',
  };
}

function proposalView(p: ProposalView) {
  const c = p.content;
  return {
    id: p.id,
    casusId: p.caseId,
    gezin: p.householdLabel,
    status: p.status,
    gemeente: p.municipalityCode,
    aanbieder: { naam: p.provider.name, agb: p.provider.agb },
    jeugdige: { id: p.client.id, naam: p.client.name },
    voorgesteldDoor: p.proposedBy,
    voorgesteldOp: p.proposedAt.toISOString(),
    besluitOp: p.decidedAt?.toISOString() ?? null,
    reden: p.decisionReason,
    toewijzingen: p.numbers,
    plan: { soort: c.planKind, versie: c.planVersion },
    arrangement: {
      resultaatgebieden: c.arrangement.resultAreas,
      steunelementen: c.arrangement.supportElements,
      intensiteit: c.arrangement.intensity,
      duur: c.arrangement.duration,
      doelen: c.arrangement.goals.map((g) => ({
        id: g.id,
        resultaatgebied: g.resultArea,
        omschrijving: g.description,
      })),
      overbrugging: c.arrangement.bridging
        ? { reden: c.arrangement.bridging.reason, wachtOp: c.arrangement.bridging.waitingFor }
        : null,
    },
    producten: c.lines.map((l) => ({
      productcode: l.productCode,
      volume: l.volume,
      ingangsdatum: l.start,
      einddatum: l.end,
    })),
    adviesExpertpool: c.expertAdvice
      ? { datum: c.expertAdvice.date, samenvatting: c.expertAdvice.summary }
      : null,
    overdracht: {
      regel: 'GRO-DEC-OVERDRACHT',
      vraagverheldering: c.handover.clarifiedQuestion,
      analyse: c.handover.analysisSummary,
      ondersteuningsbehoefte: c.handover.estimatedNeed,
      onderbouwing: c.handover.motivation,
      contacten: c.handover.contacts.map((k) => ({
        rol: k.role,
        naam: k.name,
        telefoon: k.phone ?? null,
        email: k.email ?? null,
        adres: k.address
          ? {
              straat: k.address.street,
              huisnummer: k.address.number,
              postcode: k.address.postcode,
              plaats: k.address.city,
            }
          : null,
      })),
    },
  };
}

export const allocationRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();

    /** The caller's municipality code, for the back office; else a 403 (audited). */
    async function backOffice(request: Parameters<typeof requireUser>[0]) {
      const ctx = requireUser(request);
      const org = await deps.db
        .selectFrom('organisation')
        .select(['agb_code', 'kind'])
        .where('id', '=', ctx.actor.organisationId)
        .executeTakeFirst();
      if (
        org?.kind !== 'gemeente' ||
        !org.agb_code ||
        !ctx.actor.roles.some((r) => DECIDERS.includes(r))
      ) {
        await writeAudit(deps.db, ctx, { action: 'toewijzingsvoorstel.geweigerd', details: {} });
        throw new ApiError(
          'forbidden',
          'Alleen de backoffice van de gemeente besluit over toewijzingsvoorstellen.',
        );
      }
      return { ctx, code: org.agb_code };
    }

    app.get(
      '/casussen/:id/toewijzingsvoorstel/basis',
      {
        schema: {
          summary:
            'Wat het lokale team nodig heeft voor een toewijzingsvoorstel: gezin, gecontracteerde aanbieders en producten',
          params: z.object({ id: z.string() }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const now = deps.clock.now();
        const detail = await getCase(deps.db, ctx, request.params.id, now);
        const region = detail.region;
        const day = localDay(now.getTime());
        const [products, contracts] = await Promise.all([
          listProducts(deps.db, region),
          listContracts(deps.db, region),
        ]);
        const providers = [...new Set(contracts.map((c) => c.providerAgb))].map((agb) => {
          const lines = contracts.filter((c) => c.providerAgb === agb);
          return {
            agb,
            naam: lines[0]?.providerName ?? agb,
            hoofdaannemer: lines[0]?.partnerName ?? '',
            producten: products
              .filter((p) => contractFor(contracts, agb, p.code, day))
              .map((p) => p.code),
          };
        });
        return {
          route: detail.route,
          gezin: detail.persons.map((m) => ({
            id: m.id,
            soort: m.kind,
            naam: m.name,
            heeftBsn: m.bsn !== null,
          })),
          aanbieders: providers.filter((p) => p.producten.length > 0),
          producten: products.map((p) => ({
            code: p.code,
            naam: p.name,
            categorie: PRODUCT_CATEGORIES[p.category] ?? p.category,
            vrijToegankelijk: p.freelyAccessible,
            eenheid: UNITS[p.unit] ?? p.unit,
            frequentie: FREQUENCIES[p.frequency] ?? p.frequency,
            tariefCent: p.tariffCents,
          })),
        };
      },
    );

    app.post(
      '/casussen/:id/toewijzingsvoorstellen',
      {
        schema: {
          summary:
            'Route A: het lokale team stelt een toewijzing voor, met arrangement uit het plan en inhoudelijke overdracht',
          params: z.object({ id: z.string() }),
          body: proposalBody,
        },
      },
      async (request, reply) => {
        const ctx = requireUser(request);
        if (
          ctx.session.organisationKind !== 'lokaal-team' ||
          !ctx.actor.roles.some((r) => PROPOSERS.includes(r))
        ) {
          await writeAudit(deps.db, ctx, {
            action: 'toewijzingsvoorstel.geweigerd',
            details: { case: request.params.id },
          });
          throw new ApiError(
            'forbidden',
            'Alleen een casusregisseur of teamleider van het lokale team stelt een toewijzing voor.',
          );
        }
        const b = request.body;
        const created = await proposeAllocation(
          deps.db,
          ctx,
          request.params.id,
          {
            clientId: b.jeugdigeId,
            providerAgb: b.aanbieder,
            lines: b.producten.map((p) => ({
              productCode: p.productcode,
              volume: p.volume,
              start: p.ingangsdatum,
              end: p.einddatum ?? null,
            })),
            supportElements: b.steunelementen ?? [],
            bridging: b.overbrugging
              ? { reason: b.overbrugging.reden, waitingFor: b.overbrugging.wachtOp || null }
              : null,
            expertAdvice: b.adviesExpertpool
              ? { date: b.adviesExpertpool.datum, summary: b.adviesExpertpool.samenvatting }
              : null,
            handover: {
              clarifiedQuestion: b.overdracht.vraagverheldering,
              analysisSummary: b.overdracht.analyse,
              estimatedNeed: b.overdracht.ondersteuningsbehoefte,
              motivation: b.overdracht.onderbouwing,
              casusregisseurPhone: b.overdracht.telefoonCasusregisseur,
              contacts: b.overdracht.contacten.map((c) => ({
                personId: c.persoonId,
                phone: c.telefoon,
                email: c.email,
                address: c.adres
                  ? {
                      street: c.adres.straat,
                      number: c.adres.huisnummer,
                      postcode: c.adres.postcode,
                      city: c.adres.plaats,
                    }
                  : undefined,
              })),
            },
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/casussen/:id/overdracht',
      {
        schema: {
          summary:
            'De toewijzingen van een casus met hun inhoudelijke overdracht (de aanbieder ziet alleen de eigen)',
          params: z.object({ id: z.string() }),
        },
      },
      async (request) => {
        const ctx = requireUser(request);
        const handovers = await caseHandovers(deps.db, ctx, request.params.id, deps.clock.now());
        return { voorstellen: handovers.map(proposalView) };
      },
    );

    app.get(
      '/toewijzingsvoorstellen',
      {
        schema: {
          summary: 'De toewijzingsvoorstellen aan de eigen gemeente, nieuwste eerst',
          querystring: z.object({
            status: z.enum(['voorgesteld', 'toegewezen', 'afgewezen']).optional(),
          }),
        },
      },
      async (request) => {
        const { ctx, code } = await backOffice(request);
        const list = await listProposals(deps.db, ctx, code, request.query.status ?? null);
        return { voorstellen: list.map(proposalView) };
      },
    );

    app.get(
      '/toewijzingsvoorstellen/:id',
      {
        schema: {
          summary: 'Eén toewijzingsvoorstel met wat het van het budget vraagt',
          params: z.object({ id: z.string() }),
        },
      },
      async (request) => {
        const { ctx, code } = await backOffice(request);
        const { proposal, budget } = await getProposal(
          deps.db,
          ctx,
          request.params.id,
          code,
          deps.clock.now(),
        );
        return { ...proposalView(proposal), budget: budgetView(budget) };
      },
    );

    app.post(
      '/toewijzingsvoorstellen/:id/besluit',
      {
        schema: {
          summary:
            'Besluiten over een voorstel: toewijzen (JW301 en overdracht naar de aanbieder) of afwijzen met reden',
          params: z.object({ id: z.string() }),
          body: z.discriminatedUnion('besluit', [
            z.strictObject({ besluit: z.literal('toewijzen'), adviesExpertpool: advice }),
            z.strictObject({
              besluit: z.literal('afwijzen'),
              reden: z.string().trim().min(1, { error: 'geef de reden' }).max(2000),
            }),
          ]),
        },
      },
      async (request, reply) => {
        const { ctx, code } = await backOffice(request);
        const b = request.body;
        const result = await decideProposal(
          deps.db,
          ctx,
          request.params.id,
          code,
          b.besluit === 'afwijzen'
            ? { decision: 'afwijzen', reason: b.reden }
            : {
                decision: 'toewijzen',
                expertAdvice: b.adviesExpertpool
                  ? { date: b.adviesExpertpool.datum, summary: b.adviesExpertpool.samenvatting }
                  : null,
              },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({
          status: result.status,
          toewijzingen: result.numbers,
          berichtId: result.messageId,
        });
      },
    );
  };
